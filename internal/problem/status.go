package problem

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/runes"
)

// Problem statuses, the 完成情况 column of an inspection office's 整改台账.
const (
	StatusDone       = "已完成"
	StatusMostlyDone = "基本完成"
	StatusInProgress = "正在整改"
	StatusOngoing    = "持续整改"
	StatusLongTerm   = "长期坚持"
)

// statusPhrases map the ways a bulletin states progress to a status, longest phrases first where
// one contains another. Prose phrases are read anywhere in a problem's measures; the others in a
// status label (完成情况：已完成), a parenthesis after the problem ((已完成)), or in prose only where
// they end a sentence (…，挂图作战，已阶段性完成。), because elsewhere in prose they describe other
// things (已完成年度任务60场次 is a count, not the problem's status). 阶段性完成 is 持续整改: the
// stage is done, the problem is not. Words for effort (持续推进) are a status only where a label or a
// parenthesis gives them as one.
var statusPhrases = [...]struct {
	text   string
	status string
	prose  bool
	vague  bool // a word for effort, not a state: read only as a label's value or in a parenthesis
}{
	{"已全部整改到位", StatusDone, true, false},      // 该问题已全部整改到位
	{"已整改到位", StatusDone, true, false},        // 目前已整改到位
	{"已完成整改", StatusDone, true, false},        // 该问题已完成整改
	{"已整改完成", StatusDone, true, false},        // 该问题已整改完成
	{"整改已完成", StatusDone, true, false},        // 整改已完成
	{"已阶段性完成", StatusOngoing, true, false},    // 该问题已阶段性完成
	{"阶段性完成", StatusOngoing, false, false},    // 完成情况：阶段性完成
	{"已基本完成", StatusMostlyDone, true, false},  // 整改已基本完成
	{"基本完成整改", StatusMostlyDone, true, false}, // 基本完成整改
	{"基本整改到位", StatusMostlyDone, true, false}, // 基本整改到位
	{"基本完成", StatusMostlyDone, false, false},  // 完成情况：基本完成
	{"正在整改", StatusInProgress, true, false},   // 该问题正在整改
	{"正在推进", StatusInProgress, false, false},  // 整改进展：正在推进
	{"整改中", StatusInProgress, false, false},   // 完成情况：整改中
	{"推进中", StatusInProgress, false, false},   // 整改进展：推进中
	{"持续整改", StatusOngoing, true, false},      // 该问题持续整改
	{"持续推进", StatusOngoing, false, true},      // 完成情况：持续推进
	{"长期坚持", StatusLongTerm, true, false},     // 长期坚持
	{"已完成", StatusDone, false, false},         // 完成情况：已完成
	{"已整改", StatusDone, false, false},         // (已整改)
	{"已办结", StatusDone, false, false},         // 整改情况：已办结
	{"整改完成", StatusDone, false, false},        // 完成情况：整改完成; …，整改完成。
	{"已落实", StatusDone, false, false},         // 完成情况：已落实
	{"已销号", StatusDone, false, false},         // 整改情况：已销号
}

// statusOf finds the status stated in s. In a label value or a parenthesis (labelled true) every
// phrase counts and the first one in s wins (完成情况：已完成，长期坚持 is 已完成); in prose only
// prose phrases count and the last one wins (…已整改到位，下一步将持续整改 is 持续整改, the
// latest word on it). It returns "" when s states none.
func statusOf(s string, labelled bool) string { return statusOfFolded(fold.String(s), labelled) }

// statusOfFolded is statusOf for folded text.
func statusOfFolded(f string, labelled bool) string {
	first, last := phrasesAt(f)
	best, bestAt, bestLen := "", -1, 0
	for k, p := range statusPhrases {
		at := last[k]
		if labelled {
			at = first[k]
		}
		if at < 0 || negated(f, at) {
			continue
		}
		if !labelled && p.vague {
			continue // …，持续推进。 says work goes on, not that the problem is 持续整改
		}
		if !labelled && !p.prose && !endsClause(f[at+len(p.text):]) {
			continue // 已完成培训12场次: not the problem's status
		}
		if !labelled && (p.status == StatusDone || p.status == StatusMostlyDone) && !stated(p.text, f[:at]) && planned(f[:at]) {
			continue // 确保6月底前整改完成: a plan, not a result
		}
		better := bestAt < 0 ||
			(labelled && (at < bestAt || at == bestAt && len(p.text) > bestLen)) ||
			(!labelled && (at > bestAt || at == bestAt && len(p.text) > bestLen))
		if better {
			best, bestAt, bestLen = p.status, at, len(p.text)
		}
	}
	return best
}

// phraseFirst groups the status phrases by their first rune: phraseFirst[g] is the rune and
// phraseGroups[g] the indexes in statusPhrases of the phrases that start with it.
var phraseFirst, phraseGroups = func() ([]rune, [][]int) {
	var first []rune
	var groups [][]int
	for k, p := range statusPhrases {
		r, _ := utf8.DecodeRuneInString(p.text)
		g := slices.Index(first, r)
		if g < 0 {
			first, groups, g = append(first, r), append(groups, nil), len(first)
		}
		groups[g] = append(groups[g], k)
	}
	return first, groups
}()

// phraseFirstBits holds the runes of phraseFirst, a bit each (all are below 0x10000).
var phraseFirstBits = func() *[0x10000 / 64]uint64 {
	var t [0x10000 / 64]uint64
	for _, r := range phraseFirst {
		if r >= 0x10000 {
			panic("problem: a status phrase must start with a BMP rune")
		}
		t[r>>6] |= 1 << (r & 63)
	}
	return &t
}()

// phrasesAt returns the byte offsets of the first and the last occurrence in f of each status
// phrase (-1 where it does not occur), as strings.Index and strings.LastIndex would, in one pass
// over f: a phrase is tried only where its first rune is.
func phrasesAt(f string) (first, last [len(statusPhrases)]int) {
	for k := range first {
		first[k], last[k] = -1, -1
	}
	for i := 0; i < len(f); i++ {
		r := rune(f[i])
		switch {
		case f[i]&0xC0 == 0x80:
			continue // a continuation byte starts no phrase
		case r >= utf8.RuneSelf:
			if r3, ok := runes.Rune3(f, i); ok {
				r = r3 // CJK text, decoded inline
			} else {
				r, _ = runes.DecodeAt(f, i)
			}
		}
		if r >= 0x10000 || phraseFirstBits[r>>6]&(1<<(r&63)) == 0 {
			continue // no phrase starts with r: told by one bit
		}
		g := slices.Index(phraseFirst, r)
		if g < 0 {
			continue
		}
		for _, k := range phraseGroups[g] {
			if strings.HasPrefix(f[i:], statusPhrases[k].text) {
				if first[k] < 0 {
					first[k] = i
				}
				last[k] = i
			}
		}
	}
	return first, last
}

// endsClause reports whether rest (the text after a phrase) starts with a sentence end: 。；！
// a line break or the end of the text.
func endsClause(rest string) bool {
	if rest == "" {
		return true
	}
	for _, end := range []string{"。", ";", "；", "!", "！", "\n", ")"} {
		if strings.HasPrefix(rest, end) {
			return true
		}
	}
	return false
}

// stated reports whether a phrase states a fact by its 已 (已整改完成, 整改已完成, 已…整改完成 right
// before it): no plan cue before it makes it a plan.
func stated(phrase, before string) bool {
	return strings.Contains(phrase, "已") || strings.HasSuffix(before, "已")
}

// planCues mark a clause that states a plan: a done status in it is not yet a fact.
var planCues = []string{
	"确保",  // 确保6月底前整改完成
	"力争",  // 力争年底前整改完成
	"争取",  // 争取年内整改完成
	"计划",  // 计划于9月整改完成
	"预计",  // 预计10月底整改完成
	"将于",  // 将于年底前整改完成
	"前完成", // 6月底前完成整改
	"前整改", // 年底前整改完成
}

// planned reports whether the clause that before ends (the text since the last 。；or line
// break) holds a plan cue.
func planned(before string) bool {
	if k := strings.LastIndexAny(before, "。；;\n"); k >= 0 {
		before = before[k:]
	}
	for _, c := range planCues {
		if strings.Contains(before, c) {
			return true
		}
	}
	return false
}

// negated reports whether the phrase at byte offset at is negated (尚未完成, 未整改到位 are not
// the phrases 完成 / 整改到位; the table phrases start with 已 mostly, but 正在整改 may follow 不).
func negated(f string, at int) bool {
	before := f[:at]
	for _, neg := range []string{"未", "不", "没有", "尚未"} {
		if strings.HasSuffix(before, neg) {
			return true
		}
	}
	return false
}

// parenStatus reads a parenthesised status at the start of s — (已完成), （持续整改）, 【已完成】 —
// and returns it with the parenthesis' length in runes, or ("", 0).
func parenStatus(s string) (string, int) {
	if s == "" || !opensParen(fold.Rune(firstRune(s))) {
		return "", 0
	}
	return parenStatusRunes([]rune(fold.String(s)))
}

// firstRune returns the first rune of s as a range loop reads it.
func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return utf8.RuneError
}

// opensParen reports whether folded r opens the parenthesis of a status: ( 【 [.
func opensParen(r rune) bool { return r == '(' || r == '【' || r == '[' }

// parenStatusRunes is parenStatus over folded runes.
func parenStatusRunes(rs []rune) (string, int) {
	if len(rs) == 0 {
		return "", 0
	}
	var closer rune
	switch rs[0] {
	case '(':
		closer = ')'
	case '【':
		closer = '】'
	case '[':
		closer = ']'
	default:
		return "", 0
	}
	for k := 1; k < len(rs) && k <= 16; k++ {
		if rs[k] == closer {
			inner := string(rs[1:k])
			inner = strings.TrimPrefix(strings.TrimPrefix(inner, "整改状态:"), "状态:")
			if st := statusOf(inner, true); st != "" {
				return st, k + 1
			}
			return "", 0
		}
	}
	return "", 0
}

// StatusFromDeclared gives the status 已完成 to every problem whose own text states none, when
// the bulletin declares all its problems done and the problems found are exactly those declared
// (the seed: 反馈的14个具体问题，已完成整改14个, and 14 problems found). The inference is
// recorded as a check, so a reader can tell a stated status from an inferred one.
func StatusFromDeclared(b *bulletin.Bulletin) {
	d := b.Declared
	if d.ProblemsTotal == nil || d.ProblemsDone == nil || *d.ProblemsTotal == 0 ||
		*d.ProblemsDone != *d.ProblemsTotal || len(b.Problems) != *d.ProblemsTotal {
		return
	}
	inferred := 0
	for i := range b.Problems {
		if b.Problems[i].Status == "" {
			b.Problems[i].Status = StatusDone
			b.Problems[i].StatusFrom = bulletin.StatusInferred
			inferred++
		}
	}
	if inferred == 0 {
		return
	}
	b.Checks = append(b.Checks, bulletin.Check{
		Code: "status_inferred",
		OK:   true,
		Message: fmt.Sprintf("%d个问题的完成情况据声明总数推定为已完成（声明已完成整改%d个，共%d个）",
			inferred, *d.ProblemsDone, *d.ProblemsTotal),
	})
}
