package quantity

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/runes"
)

// The date reader. Forms it reads (y: a year 1900-2100, m: 1-12, d: a day of that month;
// months and days in digits or Chinese numerals, through the numeral reader):
//
//	2023年8月24日, 2023年8月24号     full date                 -> 2023-08-24
//	2016年一月十日, 十二月一日        Chinese month and day     -> 2016-01-10
//	2023年9月, 2023年9月底           month (底/初/末/旬/份 kept in Text) -> 2023-09
//	2023年, 2023年度, 2023年底       year                      -> 2023
//	2023年上半年, 2023年下半年        half year                 -> 2023-01 .. 2023-06
//	2023年第一季度, 2023年一季度      quarter                   -> 2023-01 .. 2023-03
//	12月1日, 6月底, 上半年           year-less: year from context, Inferred
//	2020-11-16, 2022.08.16, 2022/8/16  numeric full date
//	二〇二三年十二月一日              Chinese year (and month, day after it); ○, O or 0 typed for 〇
//	                                 (二○二三年十月八日, 二O二三年) read the same
//	A至B, A到B, A-B, A—B, A~B …      range (rangeSeps): B takes the year (and month) of A where it
//	                                 has none (2023年8月24日至10月23日, 2021年3月至4月, 8月24日至26日)
//	2023.3.1-4.30, 2023/3/1至4/30     numeric range: B written month and day with A's separator
//	1至3月, 1-3月, 2022年1-6月         month range with one 月
//	2019年4月12-19日, 4月12至19日      day range with one 日
//	2021915日, 2021年915日, 2021年13月  garbled: digits lost; Garbled, Date empty
//
// Not dates: lunar dates (农历2015年十月初一, 十月初一: the day is lunar; nothing is read of
// them), two-digit years (18年10月1日), year-less Chinese months without a day or a suffix
// (三月 alone: too often not a date), anything in a web address.

// Precision is how much of a date is written.
type Precision int

// Precisions, coarse to fine.
const (
	PrecNone    Precision = iota // garbled
	PrecYear                     // 2023年
	PrecHalf                     // 2023年上半年
	PrecQuarter                  // 2023年第一季度
	PrecMonth                    // 2023年9月, 1-6月
	PrecDay                      // 2023年8月24日
)

func (p Precision) String() string {
	return [...]string{"none", "year", "half", "quarter", "month", "day"}[p]
}

type datePart struct {
	y, m, d    int
	start, end int
	hasYear    bool
	dayOnly    bool // 26日: only as the end of a range
	weak       bool // 十二月 (Chinese, year-less, no day): only as the end of a range
	endMonth   int  // half years, quarters, 1-6月: last month of the period
	endDay     int  // 12-19日: last day
	garbled    bool
	lunar      bool // 十月初一: a lunar day follows the month
	sep        rune // numeric full dates (2022.08.16): the separator, which a range end may reuse
	prec       Precision
}

// dateSpan is one date or range as the lexer reads it.
type dateSpan struct {
	from, to   datePart
	hasTo      bool
	start, end int
	inferred   bool // a month range read without a year (1至3月)
}

type dateLexer struct {
	src []rune
}

// lexSpans returns the dates and ranges of src in order.
func lexSpans(src []rune) []dateSpan {
	return appendSpans(nil, src)
}

// appendSpans appends the dates and ranges of src to out, in order.
func appendSpans(out []dateSpan, src []rune) []dateSpan {
	lx := &dateLexer{src: src}
	last := len(src) - 1 // the last character of dateMarks: no date starts after it
	for last >= 0 && !dateMarks.has(src[last]) {
		last--
	}
	for i := 0; i <= last; {
		if !dateStartSet.has(src[i]) {
			i++ // spanAt would read nothing here
			continue
		}
		sp, next, ok := lx.spanAt(i)
		if ok {
			out = append(out, sp)
		}
		i = next
	}
	return out
}

// dateMarks holds the characters every date the lexer reads is told by, at or after its
// start: 年, 月, 日 and 号, and the separators of numericDateSeps (2024-03-05). A year alone is
// 2023年, a year range 2019—2023年, a month 9月 or 1-3月, a day 24日 or 24号, a half year
// 上半年; a date in digits alone has its separators.
var dateMarks = func() runeSet {
	s := setOf("年月日号")
	for _, sep := range numericDateSeps {
		r, _ := utf8.DecodeRuneInString(sep.Word)
		s.add(r)
	}
	return s
}()

// dateStartSet holds the characters at which spanAt may read something: those of
// dateFirstSet, and the first letters of web addresses (urlEnd).
var dateStartSet = func() (s runeSet) {
	s = dateFirstSet
	for _, r := range "hHwW" {
		s.add(r)
	}
	return s
}()

// dateFirstSet holds the characters a date may start with: digits, the Chinese digits of
// isCNDigit, 十, 上 and 下 (上半年).
var dateFirstSet = func() (s runeSet) {
	for _, r := range "0123456789○十上下" {
		s.add(r)
	}
	for _, d := range numeralDigits {
		if isCNDigit(d.R) {
			s.add(d.R)
		}
	}
	return s
}()

// spanAt reads the date or range at i. It returns where the lexer goes on, and ok false when
// nothing is read there (or something not to report: a lunar date).
func (lx *dateLexer) spanAt(i int) (sp dateSpan, next int, ok bool) {
	if !dateStartSet.has(lx.src[i]) {
		return sp, i + 1, false
	}
	return lx.readSpan(i)
}

// readSpan is spanAt without the look at dateStartSet.
func (lx *dateLexer) readSpan(i int) (sp dateSpan, next int, ok bool) {
	src := lx.src
	if e := urlEnd(src, i); e > i {
		return sp, e, false
	}
	if !dateFirstSet.has(src[i]) || !lx.boundary(i) {
		return sp, i + 1, false
	}
	p, ok := lx.part(i)
	if !ok || p.dayOnly || p.weak {
		if sp, ok := lx.monthRange(i); ok {
			return sp, sp.end, true
		}
		return sp, i + 1, false
	}
	sp = dateSpan{from: p, start: p.start, end: p.end}
	if !p.garbled {
		if e, ok := lx.rangeEnd(p); ok {
			sp.to, sp.hasTo, sp.end = e, true, e.end
		}
	}
	if p.lunar || lx.lunarBefore(p.start) || sp.hasTo && sp.to.lunar {
		return sp, sp.end, false // 农历2015年十月初一: not read
	}
	return sp, sp.end, true
}

// lexDates returns the date mentions of src in order, year-less dates taking year until src
// names one (see ScanDates).
func lexDates(src []rune, year int) []Date {
	return datesOf(&reading{src: src}, lexSpans(src), year)
}

// datesOf returns the date mentions of the spans of rd's text, year-less dates taking year
// until a span names one.
func datesOf(rd *reading, spans []dateSpan, year int) []Date {
	var out []Date
	if len(spans) > 0 {
		out = make([]Date, 0, len(spans))
	}
	return appendDates(out, rd, spans, year)
}

// appendDates appends the date mentions of datesOf to out.
func appendDates(out []Date, rd *reading, spans []dateSpan, year int) []Date {
	for _, sp := range spans {
		var d Date
		d, year = dateOf(rd, sp, year)
		out = append(out, d)
	}
	return out
}

// dateOf returns the date mention of the span sp of rd's text, giving a year-less date year,
// and the year later year-less dates take.
func dateOf(rd *reading, sp dateSpan, year int) (Date, int) {
	p := sp.from
	d := Date{Start: sp.start, Stop: sp.end, Text: rd.text(sp.start, sp.end), Precision: p.prec}
	if p.garbled {
		d.Garbled, d.Precision = true, PrecNone
		return d, year
	}
	y := p.y
	if !p.hasYear {
		y = year
		d.Inferred = true
	}
	if y != 0 {
		d.Date = rd.iso(y, p.m, p.d)
		switch {
		case p.endMonth != 0:
			d.Date, d.End = rd.iso(y, p.m, 0), rd.iso(y, p.endMonth, 0)
		case p.endDay != 0:
			d.End = rd.iso(y, p.m, p.endDay)
		}
		if sp.hasTo {
			e := sp.to
			ey := y
			if e.hasYear {
				ey = e.y
			}
			d.End = rd.iso(ey, e.m, e.d)
		}
	}
	if p.hasYear && p.m != 0 {
		year = p.y
	}
	if sp.hasTo && sp.to.hasYear && sp.to.m != 0 {
		year = sp.to.y
	}
	return d, year
}

// lunarBefore reports whether a lunar calendar is named just before i (农历2015年…).
func (lx *dateLexer) lunarBefore(i int) bool {
	for _, w := range []string{"农历", "阴历", "旧历"} {
		if runes.HasPrefixAt(lx.src, i-2, w) {
			return true
		}
	}
	return false
}

// boundary reports whether a date may start at i: not inside a run of digits or a Latin word.
func (lx *dateLexer) boundary(i int) bool {
	r := lx.src[i]
	if i == 0 {
		return true
	}
	p := lx.src[i-1]
	if isDigit(r) {
		return !isDigit(p) && !isLatin(p) && p != '.'
	}
	if isCNDigit(r) || r == '十' {
		return !isCNNumeral(p) && !notBeforeDate.has(p)
	}
	return true
}

// notBeforeDate holds the characters after which a Chinese numeral starts no date: 第一, 每一,
// 初一, 周一, 期一, 拜一, 这一, 那一, 个一.
var notBeforeDate = setOf("第每初周期拜这那个")

// part reads one date at i.
func (lx *dateLexer) part(i int) (datePart, bool) {
	src := lx.src
	p := datePart{start: i}
	if r := runeAt(src, i); (r == '上' || r == '下') && runes.HasPrefixAt(src, i+1, "半年") {
		return lx.period(p, i)
	}
	if i < len(src) && !isDigit(src[i]) {
		return lx.chinesePart(i)
	}
	n, v := digitsAt(src, i)
	if n == 0 {
		return p, false
	}
	j := i + n
	switch {
	case n == 4 && v >= 1900 && v <= 2100 && lx.yearRangeAt(j):
		// 2019—2023年: the first year of a year range
		p.y, p.hasYear, p.end, p.prec = v, true, j, PrecYear
		return p, true
	case n == 4 && v >= 1900 && v <= 2100 && j+1 < len(src) && isNumericDateSep(src[j]):
		// 2020-11-16, 2022.08.16
		sep := src[j]
		mn, m := digitsAt(src, j+1)
		if mn == 0 || mn > 2 || j+1+mn >= len(src) || src[j+1+mn] != sep {
			return p, false
		}
		k := j + 1 + mn + 1
		dn, d := digitsAt(src, k)
		if dn == 0 || dn > 2 || !validDay(v, m, d) {
			return p, false
		}
		p.y, p.m, p.d, p.hasYear, p.end, p.sep, p.prec = v, m, d, true, k+dn, sep, PrecDay
		return p, true
	case n == 4 && v >= 1900 && v <= 2100 && runeAt(src, skipSpaces(src, j)) == '年':
		p.y, p.hasYear, p.prec = v, true, PrecYear
		p.end = skipSpaces(src, j) + 1
		return lx.afterYear(p)
	case n >= 5 && n <= 8 && (runes.HasPrefixAt(src, i, "19") || runes.HasPrefixAt(src, i, "20")) && (runeAt(src, j) == '日' || runeAt(src, j) == '月'):
		// 2021915日: the separators were lost
		p.garbled, p.end = true, j+1
		return p, true
	case n <= 2 && runeAt(src, skipSpaces(src, j)) == '月':
		if v < 1 || v > 12 {
			return p, false
		}
		p.m, p.prec = v, PrecMonth
		p.end = skipSpaces(src, j) + 1
		return lx.afterMonth(p), true
	case n <= 2 && (runeAt(src, j) == '日' || runeAt(src, j) == '号') && v >= 1 && v <= 31:
		p.d, p.dayOnly, p.end, p.prec = v, true, j+1, PrecDay
		return p, true
	}
	return p, false
}

// smallNumber reads a month or day number at i: digits (08), or a Chinese numeral below 100
// (十二, 三十一) through the numeral reader. It returns the value and the width in runes (0
// where there is none); wide is true for three digits or more (2021年915日: garbled).
func smallNumber(src []rune, i int) (v, w int, wide bool) {
	if n, d := digitsAt(src, i); n > 0 {
		return d, n, n > 2
	}
	if !numeralStart(src, i) {
		return 0, 0, false
	}
	num, ok := readNumeral(src, i, numOpts{})
	if !ok || !num.chinese || num.mag || !num.val.isInt() || num.value > 99 || num.value < 0 {
		return 0, 0, false
	}
	return int(num.value), num.end - i, false
}

// yearRangeAt reports whether a range separator and a year written 2023年 follow at j
// (2019—2023年).
func (lx *dateLexer) yearRangeAt(j int) bool {
	e, ok := rangeSepAt(lx.src, j)
	return ok && lx.yearAt(e)
}

// yearAt reports whether a year written 2023年 starts at i.
func (lx *dateLexer) yearAt(i int) bool {
	n, v := digitsAt(lx.src, i)
	return n == 4 && v >= 1900 && v <= 2100 && runeAt(lx.src, skipSpaces(lx.src, i+4)) == '年'
}

// afterYear reads what follows 年: 度, 底, a month and day, a half year or a quarter.
func (lx *dateLexer) afterYear(p datePart) (datePart, bool) {
	src := lx.src
	j := p.end
	if n := suffixAt(src, j, yearSuffixes); n > 0 {
		p.end = j + n
		return p, true
	}
	if runes.HasPrefixAt(src, j, "上半年") || runes.HasPrefixAt(src, j, "下半年") || runes.HasPrefixAt(src, j, "第") || isQuarter(src, j) {
		if q, ok := lx.period(p, j); ok {
			return q, true
		}
		return p, true
	}
	k := skipSpaces(src, j)
	if lunarMonth(src, k) {
		p.lunar = true // 2022年正月初五
		return p, true
	}
	v, n, wide := smallNumber(src, k)
	if n == 0 {
		return p, true
	}
	after := skipSpaces(src, k+n)
	if e, ok := rangeSepAt(src, after); ok && !wide && v >= 1 {
		// 2022年1-6月, 2022年1至6月: one 月 for both ends
		e = skipSpaces(src, e)
		v2, n2, wide2 := smallNumber(src, e)
		if n2 > 0 && !wide2 && v2 > v && v2 <= 12 && runeAt(src, e+n2) == '月' {
			p.m, p.endMonth, p.end, p.prec = v, v2, e+n2+1, PrecMonth
			return p, true
		}
	}
	switch {
	case runeAt(src, after) == '月':
		if wide || v < 1 || v > 12 {
			p.garbled, p.end = true, after+1
			return p, true
		}
		p.m, p.end, p.prec = v, after+1, PrecMonth
		q := lx.afterMonth(p)
		if q.garbled || q.d != 0 && !validDay(p.y, q.m, q.d) {
			q.garbled = true
		}
		return q, true
	case runeAt(src, after) == '日' || runeAt(src, after) == '号':
		// 2021年915日: month and day run together
		p.garbled, p.end = true, after+1
		return p, true
	}
	return p, true
}

// afterMonth reads the day after 月 (a day range 12-19日 too), or a month suffix (底, 初,
// 中旬 …). A lunar day (初一 … 初十) marks the date lunar.
func (lx *dateLexer) afterMonth(p datePart) datePart {
	src := lx.src
	j := p.end
	k := skipSpaces(src, j)
	if runeAt(src, k) == '初' && cnDigitValue(runeAt(src, k+1)) > 0 || runes.HasPrefixAt(src, k, "初十") {
		p.lunar = true
		return p
	}
	v, n, wide := smallNumber(src, k)
	if n > 0 {
		after := skipSpaces(src, k+n)
		if r := runeAt(src, after); r == '日' || r == '号' {
			if wide || v < 1 || v > 31 {
				p.garbled = true
			} else {
				p.d, p.prec = v, PrecDay
			}
			p.end = after + 1
			return p
		}
		// 12-19日, 十二至十九日: one 日 for both days
		if e, ok := rangeSepAt(src, after); ok && !wide {
			e = skipSpaces(src, e)
			v2, n2, wide2 := smallNumber(src, e)
			if r := runeAt(src, e+n2); n2 > 0 && !wide2 && (r == '日' || r == '号') && v >= 1 && v2 > v && validDay(yearOr(p.y), p.m, v2) {
				p.d, p.endDay, p.end, p.prec = v, v2, e+n2+1, PrecDay
				return p
			}
		}
		return p
	}
	p.end = j + suffixAt(src, j, monthSuffixes)
	return p
}

// isNumericDateSep reports whether r joins the parts of a date written in digits alone
// (numericDateSeps).
func isNumericDateSep(r rune) bool {
	for _, s := range numericDateSeps {
		if first, _ := utf8.DecodeRuneInString(s.Word); first == r {
			return true
		}
	}
	return false
}

// suffixAt returns the width in runes of the first word of table at j, or 0.
func suffixAt(src []rune, j int, table []dateWord) int {
	for _, s := range table {
		if runes.HasPrefixAt(src, j, s.Word) {
			return len([]rune(s.Word))
		}
	}
	return 0
}

// period reads 上半年, 下半年, 第一季度, 一季度 at j (after a year or alone).
func (lx *dateLexer) period(p datePart, j int) (datePart, bool) {
	src := lx.src
	switch {
	case runes.HasPrefixAt(src, j, "上半年"):
		p.m, p.endMonth, p.end, p.prec = 1, 6, j+3, PrecHalf
		return p, true
	case runes.HasPrefixAt(src, j, "下半年"):
		p.m, p.endMonth, p.end, p.prec = 7, 12, j+3, PrecHalf
		return p, true
	}
	k := j
	if runeAt(src, k) == '第' {
		k++
	}
	if !isQuarter(src, k) {
		return p, false
	}
	q := quarterDigit(src[k])
	p.m, p.endMonth, p.end, p.prec = 3*q-2, 3*q, k+3, PrecQuarter
	return p, true
}

func isQuarter(src []rune, k int) bool {
	return quarterDigit(runeAt(src, k)) != 0 && runes.HasPrefixAt(src, k+1, "季度")
}

func quarterDigit(r rune) int {
	switch r {
	case '一', '1':
		return 1
	case '二', '2':
		return 2
	case '三', '3':
		return 3
	case '四', '4':
		return 4
	}
	return 0
}

// chinesePart reads a date that starts with a Chinese numeral at i: 二〇二三年十二月一日 (a
// year written digit by digit), 十二月一日 (year-less), or a day 十二日 (only as a range end).
func (lx *dateLexer) chinesePart(i int) (datePart, bool) {
	src := lx.src
	p := datePart{start: i}
	if y, ok := chineseYear(src, i); ok {
		p.y, p.hasYear, p.end, p.prec = y, true, i+5, PrecYear
		if lunarMonth(src, p.end) {
			p.lunar = true // 二〇二二年正月初五
			return p, true
		}
		if v, n, _ := smallNumber(src, p.end); n > 0 && runeAt(src, p.end+n) == '月' && v >= 1 && v <= 12 {
			p.m, p.prec = v, PrecMonth
			p.end += n + 1
			q := lx.afterMonth(p)
			if q.garbled || q.d != 0 && !validDay(y, q.m, q.d) {
				q.d, q.endDay, q.garbled, q.end, q.prec = 0, 0, false, p.end, PrecMonth
			}
			return q, true
		} else {
			p.end += suffixAt(src, p.end, yearSuffixes) // 二〇二三年度, 二〇二三年底
		}
		return p, true
	}
	if r := runeAt(src, numeralRunEnd(src, i)); r != '月' && r != '日' && r != '号' {
		return p, false // no 月 or 日 can follow the numeral: smallNumber need not read it
	}
	v, n, _ := smallNumber(src, i)
	if n == 0 {
		return p, false
	}
	j := i + n
	switch r := runeAt(src, j); {
	case r == '月' && v >= 1 && v <= 12:
		p.m, p.end, p.prec = v, j+1, PrecMonth
		q := lx.afterMonth(p)
		if q.garbled || q.d != 0 && !validDay(2000, q.m, q.d) {
			return p, false
		}
		// 十二月 alone is too often not a date (十二月党人, 一月一次): a day or a suffix makes it one
		q.weak = q.d == 0 && q.end == p.end && !q.lunar
		return q, true
	case (r == '日' || r == '号') && v >= 1 && v <= 31:
		p.d, p.dayOnly, p.end, p.prec = v, true, j+1, PrecDay
		return p, true
	}
	return p, false
}

// numeralRunEnd returns the end of the run of characters at i that the numeral reader may
// take into a numeral (numeralRunes). A numeral read at i ends at or before it, and a
// character outside the set after a numeral (月, 日) can only stand there.
func numeralRunEnd(src []rune, i int) int {
	for i < len(src) && numeralRunes.has(src[i]) {
		i++
	}
	return i
}

// numeralRunes are the characters numeralTokens may take into a numeral: digits with their
// separators (1,234.5) and the space before a magnitude (1234.56 万), the characters of
// numeralDigits and numeralUnits, 廿 卅, 点, and those of numeralMagnitudes.
var numeralRunes = func() runeSet {
	s := numeralSet
	for _, r := range "0123456789,. 廿卅点" {
		s.add(r)
	}
	for _, m := range numeralMagnitudes {
		for _, r := range m.Word {
			s.add(r)
		}
	}
	return s
}()

// lunarMonth reports whether a lunar month is named at j (正月, 腊月, 冬月, 闰二月).
func lunarMonth(src []rune, j int) bool {
	for _, w := range []string{"正月", "腊月", "冬月", "闰"} {
		if runes.HasPrefixAt(src, j, w) {
			return true
		}
	}
	return false
}

// chineseYear reads a year written with four Chinese digits and 年 at i (二〇二三年).
func chineseYear(src []rune, i int) (int, bool) {
	if i+4 >= len(src) || src[i+4] != '年' {
		return 0, false
	}
	y := 0
	for k := i; k < i+4; k++ {
		d := cnDigitValue(src[k])
		if d < 0 && k > i && (src[k] == 'O' || src[k] == '0') {
			d = 0 // 二O二三年, 二0二三年: a Latin O or a digit typed for 〇
		}
		if d < 0 || src[k] == '两' {
			return 0, false
		}
		y = y*10 + d
	}
	return y, y >= 1900 && y <= 2100
}

// rangeEnd reads "至B" after the date p; B inherits p's year and month where it has none.
func (lx *dateLexer) rangeEnd(p datePart) (datePart, bool) {
	src := lx.src
	if p.endDay != 0 || p.endMonth != 0 {
		return p, false
	}
	sep, ok := rangeSepAt(src, skipSpaces(src, p.end))
	if !ok {
		return p, false
	}
	k := skipSpaces(src, sep)
	if k >= len(src) || !lx.boundary(k) {
		return p, false
	}
	e, ok := lx.part(k)
	if !ok && p.sep != 0 {
		e, ok = lx.numericMonthDay(k, p.sep)
	}
	if !ok || e.garbled || e.endMonth != 0 || e.endDay != 0 {
		return p, false
	}
	switch {
	case p.d != 0: // 8月24日至10月23日, 至26日, 至2023年6月16日
		if e.d == 0 {
			return p, false
		}
	case p.m != 0: // 2021年3月至4月
		if e.m == 0 || e.d != 0 || e.dayOnly {
			return p, false
		}
	default: // 2019年至2021年
		if !e.hasYear || e.m != 0 {
			return p, false
		}
	}
	if !e.hasYear {
		e.y = p.y
	}
	if e.dayOnly {
		e.m = p.m
	}
	if e.d != 0 && !validDay(yearOr(e.y), e.m, e.d) {
		return p, false
	}
	return e, true
}

// numericMonthDay reads the end of a numeric range written without its year, month and day
// joined by sep: 4.30 in 2023.3.1-4.30.
func (lx *dateLexer) numericMonthDay(k int, sep rune) (datePart, bool) {
	src := lx.src
	e := datePart{start: k}
	mn, m := digitsAt(src, k)
	if mn == 0 || mn > 2 || runeAt(src, k+mn) != sep {
		return e, false
	}
	dn, d := digitsAt(src, k+mn+1)
	if dn == 0 || dn > 2 || m < 1 || m > 12 || d < 1 || d > 31 {
		return e, false
	}
	end := k + mn + 1 + dn
	if r := runeAt(src, end); isDigit(r) || r == sep || r == '.' {
		return e, false // 4.30.5 or a decimal run: not a month and day
	}
	e.m, e.d, e.end, e.prec = m, d, end, PrecDay
	return e, true
}

// monthRange reads a year-less month range written with one 月: 1至3月, 1-3月.
func (lx *dateLexer) monthRange(i int) (dateSpan, bool) {
	src := lx.src
	n, a := digitsAt(src, i)
	if n == 0 || n > 2 || a < 1 || a > 12 {
		return dateSpan{}, false
	}
	j, ok := rangeSepAt(src, i+n)
	if !ok {
		return dateSpan{}, false
	}
	n2, b := digitsAt(src, j)
	if n2 == 0 || n2 > 2 || b < a || b > 12 || runeAt(src, j+n2) != '月' {
		return dateSpan{}, false
	}
	end := j + n2 + 1
	p := datePart{m: a, endMonth: b, start: i, end: end, prec: PrecMonth}
	return dateSpan{from: p, start: i, end: end, inferred: true}, true
}

func yearOr(y int) int {
	if y == 0 {
		return 2000 // a leap year: 2月29日 without a year is valid
	}
	return y
}

// validDay reports whether d is a day of month m of year y.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

// iso writes 2023-08-24, 2023-08 (d 0) or 2023 (m 0), as fmt's %04d-%02d-%02d would.
func iso(y, m, d int) string {
	if y < 0 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99 {
		return isoSlow(y, m, d)
	}
	b := make([]byte, 0, len("2006-01-02"))
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
	if m == 0 {
		return string(b)
	}
	b = append(b, '-', byte('0'+m/10), byte('0'+m%10))
	if d == 0 {
		return string(b)
	}
	b = append(b, '-', byte('0'+d/10), byte('0'+d%10))
	return string(b)
}

// isoCached is a slot of reading.isos: an ISO date as iso wrote it, by key (isoKey).
type isoCached struct {
	key uint32
	s   string
}

// iso is iso(y, m, d), the string taken from rd.isos where it was written before, so that a
// date named again (a bulletin's year, a month) costs no new string. Most dates are named
// once: over the corpora about one in eight is found.
func (rd *reading) iso(y, m, d int) string {
	if y < 0 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99 {
		return iso(y, m, d)
	}
	key := uint32(y)<<14 | uint32(m)<<7 | uint32(d) | 1<<31 // (never 0, the empty slot)
	e := &rd.isos[(key^key>>7^key>>14)%uint32(len(rd.isos))]
	if e.key != key {
		e.key, e.s = key, iso(y, m, d)
	}
	return e.s
}

// isoSlow is iso through fmt, for values iso does not write itself (a year from a caller's
// context may be anything).
func isoSlow(y, m, d int) string {
	switch {
	case m == 0:
		return fmt.Sprintf("%04d", y)
	case d == 0:
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// DateMention is one date as written. ScanDates gives a range as one Date; DateMentions gives
// its two ends apart, for callers that need to know where each end stands and which is which.
type DateMention struct {
	Text        string
	Start, Stop int // rune offsets
	// Year, Month and Day as written, 0 where not. A range end takes from its start what it
	// does not write (至26日: the start's year and month), with YearWritten false.
	Year, Month, Day int
	YearWritten      bool
	// EndMonth and EndDay end a period written as one mention: 上半年 (1-6), 2022年1-6月,
	// 2019年4月12-19日.
	EndMonth, EndDay int
	Precision        Precision
	RangeEnd         bool // the end of a range whose start is the mention just before
	Garbled          bool // digits lost (2021915日): nothing else is set
}

// DateMentions returns the date mentions of s (folded) in order, a range as its two ends.
// Year-less mentions keep Year 0: the caller knows the context.
func DateMentions(s string) []DateMention {
	rd := newReading(s)
	defer rd.release()
	var out []DateMention
	mention := func(p datePart) DateMention {
		m := DateMention{Text: rd.text(p.start, p.end), Start: p.start, Stop: p.end, Year: p.y,
			Month: p.m, Day: p.d, YearWritten: p.hasYear, EndMonth: p.endMonth, EndDay: p.endDay,
			Precision: p.prec, Garbled: p.garbled}
		if p.garbled {
			m = DateMention{Text: m.Text, Start: m.Start, Stop: m.Stop, Garbled: true}
		}
		return m
	}
	for _, sp := range rd.lexSpans() {
		out = append(out, mention(sp.from))
		if sp.hasTo {
			e := mention(sp.to)
			e.RangeEnd = true
			out = append(out, e)
		}
	}
	return out
}

// ISO writes the mention's date (its start, for a period) with year y: 2023-08-24, 2023-08 or
// 2023; "" when y or the month is missing where a month is written.
func (m DateMention) ISO(y int) string {
	if y <= 0 || m.Garbled {
		return ""
	}
	return iso(y, m.Month, m.Day)
}

// ParseDate reads s (folded; spaces around it ignored) as one whole date or range, as ScanDates
// would read it with context year year: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日,
// 二〇二四年三月五日, 2024年3月, 3月 (year from context), 2023年底. False when s holds anything
// else, or no date, or a garbled one.
func ParseDate(s string, year int) (Date, bool) {
	s = strings.TrimSpace(s)
	d, n := DatePrefix(s, year)
	if n == 0 || n != len(s) {
		return Date{}, false
	}
	return d, true
}

// DatePrefix reads the date or range that s starts with, and returns it with its length in
// bytes; 0 when s does not start with a date (or starts with a garbled one). What follows is
// the caller's: 2024-03-05 10:20 gives 2024-03-05 and 10 (the bytes of the date).
func DatePrefix(s string, year int) (Date, int) {
	if r, _ := utf8.DecodeRuneInString(s); s == "" || !dateStartSet.has(r) {
		return Date{}, 0 // no date starts here: spanAt would read nothing at 0
	}
	rd := newReading(s)
	defer rd.release()
	src := rd.src
	lx := &dateLexer{src: src}
	sp, _, ok := lx.spanAt(0)
	if !ok || sp.from.garbled {
		return Date{}, 0
	}
	d, _ := dateOf(rd, sp, year)
	n := 0 // len(string(src[:d.Stop])): an invalid byte of s counts as the 3 of U+FFFD
	for _, r := range src[:d.Stop] {
		n += utf8.RuneLen(r)
	}
	return d, n
}

// YMD returns the year, month and day of d's (first) date, 0 where not written or not known.
func (d Date) YMD() (y, m, day int) {
	return isoPart(d.Date, 0, 4), isoPart(d.Date, 5, 7), isoPart(d.Date, 8, 10)
}

func isoPart(s string, i, j int) int {
	if len(s) < j {
		return 0
	}
	v := 0
	for _, r := range s[i:j] {
		if !isDigit(r) {
			return 0
		}
		v = v*10 + int(r-'0')
	}
	return v
}
