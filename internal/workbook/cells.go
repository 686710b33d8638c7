package workbook

import (
	"math"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// Limits of the xlsx format as excelize enforces them.
const (
	// maxCellUnits is the most UTF-16 code units a cell holds; excelize cuts longer text
	// silently, so every text cell goes through fitCell or splitCell first.
	maxCellUnits = 32767
)

// maxSheetLinks is the most hyperlinks a sheet gets (excelize refuses more than 65,530); rows
// past it are written without links. A variable so tests can reach it quickly.
var maxSheetLinks = 65529

// truncMark ends a cell whose text was too long for the cell.
const truncMark = "（截断，全文见JSON）"

// unitsOf counts the UTF-16 code units of s, the measure of Excel's cell limit.
func unitsOf(s string) int {
	n := 0
	for _, r := range s { // ranging a string yields valid runes (U+FFFD for bad bytes)
		n += utf16.RuneLen(r)
	}
	return n
}

// prefixUnits returns the longest prefix of s (cut at a rune boundary) of at most max UTF-16 units.
func prefixUnits(s string, max int) string {
	n := 0
	for i, r := range s {
		u := utf16.RuneLen(r)
		if n+u > max {
			return s[:i]
		}
		n += u
	}
	return s
}

// fitCell returns s when it fits in a cell; otherwise its beginning followed by truncMark, so a
// cut is always visible.
func fitCell(s string) string {
	if len(s) <= maxCellUnits || unitsOf(s) <= maxCellUnits {
		return s
	}
	return prefixUnits(s, maxCellUnits-unitsOf(truncMark)) + truncMark
}

// splitCell cuts s into pieces that each fit in a cell, at rune boundaries; "" gives one piece.
func splitCell(s string, max int) []string {
	if len(s) <= max || unitsOf(s) <= max {
		return []string{s}
	}
	var parts []string
	for s != "" {
		p := prefixUnits(s, max)
		if p == "" { // cannot happen for max >= 2; guard against an endless loop
			p = s
		}
		parts = append(parts, p)
		s = s[len(p):]
	}
	return parts
}

// textWidth is the display width of s in Excel column units: a Han character or another wide
// or full-width form counts two, other characters one. For text with line breaks the widest
// line counts.
func textWidth(s string) float64 {
	best, cur := 0.0, 0.0
	for _, r := range s {
		if r == '\n' {
			best, cur = math.Max(best, cur), 0
			continue
		}
		cur += runeWidth(r)
	}
	return math.Max(best, cur)
}

// runeWidth is the width of one character in column units.
func runeWidth(r rune) float64 {
	if r < utf8.RuneSelf {
		return 1
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
		return 2
	}
	return 1
}

// lineCount is how many lines s takes in a wrapped cell of the given width.
func lineCount(s string, colWidth float64) int {
	// The cell's padding, and a margin: LibreOffice draws Han characters in the default font
	// about a tenth wider than two width units, and a row that is a line short hides the
	// last line of the cell.
	room := (colWidth - 1) / 1.12
	if room < 2 {
		room = 2
	}
	lines := 0
	for _, line := range strings.Split(s, "\n") {
		w := textWidth(line)
		n := int(math.Ceil(w / room))
		if n < 1 {
			n = 1
		}
		lines += n
	}
	return lines
}

// dayValue is a Day as a cell value: a full YYYY-MM-DD as a date; a month alone (2023-09) as
// the first of the month, with month true so the cell shows yyyy-mm; a year alone as text;
// nil when absent.
func dayValue(d bulletin.Day) (v any, month bool) {
	if d == "" {
		return nil, false
	}
	if t, err := time.Parse("2006-01-02", string(d)); err == nil && t.Year() >= 1900 {
		return t, false
	}
	if t, err := time.Parse("2006-01", string(d)); err == nil && t.Year() >= 1900 {
		return t, true
	}
	return string(d), false
}

// dayTime is d as a time when it is a full date or a month alone (its first day).
func dayTime(d bulletin.Day) (time.Time, bool) {
	v, _ := dayValue(d)
	t, ok := v.(time.Time)
	return t, ok
}

// dayCell is a date cell: a full date as a date, a month alone (2024-02) as the first of the
// month shown yyyy-mm, a year alone as text.
func dayCell(d bulletin.Day, st styles) cell {
	v, month := dayValue(d)
	if month {
		return cell{v: v, style: st.month}
	}
	return cell{v: v}
}

// intValue is an optional count as a cell value.
func intValue(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// shortName names a bulletin in one cell: its unit, else its title, else its file name, else
// its position.
func shortName(b *bulletin.Bulletin, seq int) string {
	for _, s := range []string{b.Unit, b.Title} {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	if b.Source.Path != "" {
		return filepath.Base(b.Source.Path)
	}
	if b.Source.URL != "" {
		return b.Source.URL
	}
	return "公报" + itoa(seq)
}

// itoa formats a small int without importing strconv everywhere.
func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// roleNames are the paragraph roles as the 段落 sheet shows them.
var roleNames = map[string]string{
	bulletin.RoleHeader:  "开头",   // who inspected whom, when
	bulletin.RoleHeading: "标题",   // 一、 （一） 1.
	bulletin.RoleTotals:  "总体情况", // 截至…已完成整改14个
	bulletin.RoleProblem: "问题",   // 针对“…”问题
	bulletin.RoleMeasure: "措施",   // 一是…
	bulletin.RoleClosing: "结语",   // 欢迎广大干部群众…监督
	bulletin.RoleContact: "联系方式", // 电话、地址、邮编
	bulletin.RoleOther:   "正文",   // everything else
}

// roleName is a paragraph role in Chinese; an unknown role is shown as written.
func roleName(role string) string {
	if n, ok := roleNames[role]; ok {
		return n
	}
	return role
}

// kindNames are the metric kinds as the 指标 sheet shows them.
var kindNames = map[string]string{
	"count":    "数量", // 28项
	"people":   "人数", // 50周岁以上5人
	"money":    "金额", // 4800元
	"percent":  "比例", // 占比50%
	"area":     "面积", // 300平方米
	"length":   "长度", // 12公里
	"duration": "时长", // 3个月
	"age":      "年龄", // 50周岁
	"other":    "其他",
}

// kindName is a metric kind in Chinese; an unknown kind is shown as written.
func kindName(kind string) string {
	if n, ok := kindNames[kind]; ok {
		return n
	}
	return kind
}

// joinNumbered joins measures as "1. …\n2. …"; a single measure is written without a number.
func joinNumbered(ms []bulletin.Measure) string {
	if len(ms) == 1 {
		return ms[0].Text
	}
	var sb strings.Builder
	for i, m := range ms {
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(itoa(i + 1))
		sb.WriteString(". ")
		sb.WriteString(m.Text)
	}
	return sb.String()
}

// joinMetrics lists the metrics of a problem as written, separated by "；".
func joinMetrics(ms []bulletin.Metric) string {
	texts := make([]string, len(ms))
	for i, m := range ms {
		texts[i] = m.Text
	}
	return strings.Join(texts, "；")
}

// joinKeywords lists keyword terms separated by "、".
func joinKeywords(ks []bulletin.Keyword) string {
	terms := make([]string, len(ks))
	for i, k := range ks {
		terms[i] = k.Term
	}
	return strings.Join(terms, "、")
}

// checkResult sums a bulletin's checks. A disagreement on the problems (declared count against
// found, done more than declared) is serious: "不一致：…". The measure count is informational
// (a bulletin declares 28 measures and lists 25 in prose that enumerates less than it counts):
// "措施数有出入（提示）：…". "一致" when every check passed, "" when there are none.
func checkResult(cs []bulletin.Check) string {
	var serious, info []string
	for _, c := range cs {
		if c.OK {
			continue
		}
		msg := c.Message
		if msg == "" {
			msg = c.Code
		}
		if c.Code == "measures_count" {
			info = append(info, msg)
		} else {
			serious = append(serious, msg)
		}
	}
	switch {
	case len(serious) > 0 && len(info) > 0:
		return "不一致：" + strings.Join(serious, "；") + "（另：" + strings.Join(info, "；") + "）"
	case len(serious) > 0:
		return "不一致：" + strings.Join(serious, "；")
	case len(info) > 0:
		return "措施数有出入（提示）：" + strings.Join(info, "；")
	case len(cs) > 0:
		return "一致"
	}
	return ""
}

// countMeasures is the number of measures found over all problems.
func countMeasures(b *bulletin.Bulletin) int {
	n := 0
	for _, p := range b.Problems {
		n += len(p.Measures)
	}
	return n
}
