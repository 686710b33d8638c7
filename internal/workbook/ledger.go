package workbook

import (
	"crypto/sha256"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/quantity"
)

// statusSources name where a problem's 完成情况 comes from, as the 状态来源 column shows it.
var statusSources = map[string]string{
	bulletin.StatusStated:   "原文",    // the bulletin states it for this problem
	bulletin.StatusInferred: "据总数推定", // all problems declared done, none stated
}

// statusSource is the 状态来源 of a problem: 未说明 when it has no status; 原文 for a status
// from a record that does not say (an archive written before the field existed).
func statusSource(p bulletin.Problem) string {
	if p.Status == "" {
		return "未说明"
	}
	if s, ok := statusSources[p.StatusFrom]; ok {
		return s
	}
	return "原文"
}

// ledgerFacts are what a bulletin's ledger rows share: the year a deadline without its year
// takes, and the 截至日期 deadlines are measured against.
type ledgerFacts struct {
	year    int
	asOf    time.Time    // zero when the bulletin gives no date to measure against
	asOfDay bulletin.Day // the day asOf was read from, as the 截至日期 cell shows it
}

// newLedgerFacts reads them from b: the year of its 截至日期, else of its feedback, publish or
// inspection end date; the 截至日期 itself, else the publish date (a bulletin's progress is as of
// its publication when it names no other day).
func newLedgerFacts(b *bulletin.Bulletin) ledgerFacts {
	var lf ledgerFacts
	for _, d := range []bulletin.Day{b.AsOfDate, b.FeedbackDate, b.PublishDate, b.Inspection.End} {
		if y := d.Year(); y > 0 {
			lf.year = y
			break
		}
	}
	for _, d := range []bulletin.Day{b.AsOfDate, b.PublishDate} {
		if t, ok := dayTime(d); ok {
			lf.asOf, lf.asOfDay = t, d
			break
		}
	}
	return lf
}

// asOfCell is the 截至日期 cell.
func (lf ledgerFacts) asOfCell(st styles) cell { return dayCell(lf.asOfDay, st) }

// ledgerRow is what the 问题 sheet shows of a problem beyond its fields.
type ledgerRow struct {
	desc   string // 问题表现: the quote or description, its hard line breaks removed
	due    any    // 时限日期: the deadline's last day, nil when it has none
	source string // 状态来源
	note   string // 备注
}

// row is the ledger row of p and how many days it is overdue (0 when it is not: done, no
// deadline, or the deadline not passed by the 截至日期).
func (lf ledgerFacts) row(p bulletin.Problem) (ledgerRow, int) {
	r := ledgerRow{desc: joinLines(nonEmptyOr(p.Quote, p.Text)), source: statusSource(p)}
	var notes []string
	if p.StatusFrom == bulletin.StatusInferred {
		notes = append(notes, "完成情况据公报声明的总数推定")
	}
	overdue := 0
	if d, ok := quantity.Deadline(p.Deadline, lf.year); ok && p.Deadline != "" {
		r.due = d
		if !lf.asOf.IsZero() && lf.asOf.After(d) && p.Status != "已完成" {
			overdue = int(lf.asOf.Sub(d).Hours() / 24)
			notes = append(notes, "截至日期已过整改时限"+itoa(overdue)+"天")
		}
	}
	r.note = strings.Join(notes, "；")
	return r, overdue
}

// joinLines removes the hard line breaks a page or a PDF left inside a problem's text: a space
// is put back between two Latin letters or digits (PPP PPP stays apart), nothing where either
// side is Han or punctuation.
func joinLines(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	var sb strings.Builder
	lines := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if i > 0 && sb.Len() > 0 {
			prev, _ := utf8.DecodeLastRuneInString(sb.String())
			next, _ := utf8.DecodeRuneInString(l)
			if !wide(prev) && !wide(next) {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(l)
	}
	return sb.String()
}

// wide reports whether r is CJK (every Han character is at U+2E80 or above) or punctuation,
// which joins text without a space.
func wide(r rune) bool { return r > 0x2E80 || unicode.IsPunct(r) }

// unitTally is one row of 按单位汇总.
type unitTally struct {
	name                                     string
	bulletins, problems, done, moving, blank int
	overdue                                  int
}

// count adds one problem of the unit.
func (u *unitTally) count(status string, overdue bool) {
	u.problems++
	switch status {
	case "已完成":
		u.done++
	case "":
		u.blank++
	default:
		u.moving++
	}
	if overdue {
		u.overdue++
	}
}

// unitRow is the 按单位汇总 tally of b's unit, counted once more for b. Units are told apart by
// their folded names, so a traditional spelling and its simplified form are one unit.
func (w *Writer) unitRow(b *bulletin.Bulletin, name string) *unitTally {
	shown := nonEmptyOr(strings.TrimSpace(b.Unit), name)
	key := fold.String(shown)
	u := w.units[key]
	if u == nil {
		u = &unitTally{name: key}
		w.units[key] = u
	}
	u.bulletins++
	return u
}

// writeUnits fills 按单位汇总, the units by name.
func (w *Writer) writeUnits() error {
	s := w.sheets[SheetByUnit]
	if s == nil || s.sw == nil {
		return nil
	}
	keys := make([]string, 0, len(w.units))
	for k := range w.units {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		u := w.units[k]
		var rate any
		if u.problems > 0 {
			rate = float64(u.done) / float64(u.problems)
		}
		if err := s.add([]cell{{v: u.name}, {v: u.bulletins}, {v: u.problems}, {v: u.done}, {v: u.moving},
			{v: u.blank}, {v: rate}, {v: u.overdue}}); err != nil {
			return err
		}
	}
	return nil
}

// copyKey identifies a bulletin republished elsewhere: a hash of its unit and its problems'
// statements (folded, Han characters only, in order), "" for a bulletin without problems.
func copyKey(b *bulletin.Bulletin) string {
	if len(b.Problems) == 0 {
		return ""
	}
	var sb strings.Builder
	sb.WriteString(fold.String(strings.TrimSpace(b.Unit)))
	for _, p := range b.Problems {
		sb.WriteByte(0)
		for _, r := range fold.String(nonEmptyOr(p.Quote, p.Text)) {
			if unicode.Is(unicode.Han, r) {
				sb.WriteRune(r)
			}
		}
	}
	h := sha256.Sum256([]byte(sb.String()))
	return string(h[:])
}
