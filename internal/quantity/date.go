package quantity

import (
	"fmt"
	"strings"

	"github.com/xuncha/xuncha/internal/runes"
)

// Date forms the lexer reads (y: a year 1900-2100, m: 1-12, d: a day of that month):
//
//	2023年8月24日, 2023年8月24号     full date                 -> 2023-08-24
//	2023年9月, 2023年9月底           month (底/初/末/旬/份 kept in Text) -> 2023-09
//	2023年, 2023年度, 2023年底       year                      -> 2023
//	2023年上半年, 2023年下半年        half year                 -> 2023-01 .. 2023-06
//	2023年第一季度, 2023年一季度      quarter                   -> 2023-01 .. 2023-03
//	12月1日, 6月底, 今年8月, 上半年   year-less: year from context, Inferred
//	2020-11-16, 2022.08.16, 2022/8/16  numeric full date
//	二〇二三年十二月一日              Chinese year (and month, day after it); ○, O or 0 typed for 〇
//	                                 (二○二三年十月八日, 二O二三年) read the same
//	A至B, A到B, A-B, A—B, A~B        range: B takes the year (and month) of A where it has none
//	                                 (2023年8月24日至10月23日, 2021年3月至4月, 8月24日至26日)
//	2023.3.1-4.30, 2023/3/1至4/30     numeric range: B written month and day with A's separator
//	1至3月, 1-3月, 2022年1-6月         month range with one 月
//	2021915日, 2021年915日, 2021年13月  garbled: digits lost; Garbled, Date empty
type datePart struct {
	y, m, d    int
	start, end int
	hasYear    bool
	dayOnly    bool // 26日: only as the end of a range
	endMonth   int  // half years and quarters: last month of the period
	garbled    bool
	sep        rune // numeric full dates (2022.08.16): the separator, which a range end may reuse
}

type dateLexer struct {
	src  []rune
	year int // context year for year-less dates; updated by every explicit month or day date
	out  []Date
}

// lexDates returns the date mentions of src in order.
func lexDates(src []rune, year int) []Date {
	lx := &dateLexer{src: src, year: year}
	for i := 0; i < len(src); {
		if r := src[i]; !isDigit(r) && !isCNDigit(r) && r != '上' && r != '下' || !lx.boundary(i) {
			i++
			continue
		}
		p, ok := lx.part(i)
		if !ok || p.dayOnly {
			if r, ok := lx.monthRange(i); ok {
				i = r
				continue
			}
			i++
			continue
		}
		if p.garbled {
			lx.out = append(lx.out, Date{Text: string(src[p.start:p.end]), Garbled: true, Start: p.start, Stop: p.end})
			i = p.end
			continue
		}
		end, hasEnd := lx.rangeEnd(p)
		d := Date{Start: p.start, Stop: p.end}
		if hasEnd {
			d.Stop = end.end
		}
		d.Text = string(src[d.Start:d.Stop])
		y := p.y
		if !p.hasYear {
			y = lx.year
			d.Inferred = true
		}
		if y != 0 {
			d.Date = iso(y, p.m, p.d)
			if p.endMonth != 0 {
				d.Date = iso(y, p.m, 0)
				d.End = iso(y, p.endMonth, 0)
			}
			if hasEnd {
				ey := y
				if end.hasYear {
					ey = end.y
				}
				d.End = iso(ey, end.m, end.d)
			}
		}
		if p.hasYear && p.m != 0 {
			lx.year = p.y
		}
		if hasEnd && end.hasYear && end.m != 0 {
			lx.year = end.y
		}
		lx.out = append(lx.out, d)
		i = d.Stop
	}
	return lx.out
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
	if isCNDigit(r) {
		return !isCNDigit(p) && p != '第'
	}
	return true
}

// part reads one date at i.
func (lx *dateLexer) part(i int) (datePart, bool) {
	src := lx.src
	p := datePart{start: i}
	if i < len(src) && isCNDigit(src[i]) {
		return lx.chinesePart(i)
	}
	if runes.HasPrefixAt(src, i, "上半年") || runes.HasPrefixAt(src, i, "下半年") {
		return lx.period(p, i)
	}
	n, v := digitsAt(src, i)
	if n == 0 {
		return p, false
	}
	j := i + n
	switch {
	case n == 4 && v >= 1900 && v <= 2100 && lx.yearRangeAt(j):
		// 2019—2023年: the first year of a year range
		p.y, p.hasYear, p.end = v, true, j
		return p, true
	case n == 4 && v >= 1900 && v <= 2100 && j+1 < len(src) && strings.ContainsRune("-./", src[j]):
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
		p.y, p.m, p.d, p.hasYear, p.end, p.sep = v, m, d, true, k+dn, sep
		return p, true
	case n == 4 && v >= 1900 && v <= 2100 && runeAt(src, skipSpaces(src, j)) == '年':
		p.y, p.hasYear = v, true
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
		p.m = v
		p.end = skipSpaces(src, j) + 1
		return lx.afterMonth(p), true
	case n <= 2 && (runeAt(src, j) == '日' || runeAt(src, j) == '号') && v >= 1 && v <= 31:
		p.d, p.dayOnly, p.end = v, true, j+1
		return p, true
	}
	return p, false
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
	if r := runeAt(src, j); r == '度' || r == '底' || r == '初' || r == '末' {
		p.end = j + 1
		return p, true
	}
	if runes.HasPrefixAt(src, j, "上半年") || runes.HasPrefixAt(src, j, "下半年") || runes.HasPrefixAt(src, j, "第") || isQuarter(src, j) {
		if q, ok := lx.period(p, j); ok {
			return q, true
		}
		return p, true
	}
	k := skipSpaces(src, j)
	n, v := digitsAt(src, k)
	if n == 0 {
		return p, true
	}
	after := skipSpaces(src, k+n)
	if e, ok := rangeSepAt(src, after); ok && n <= 2 && v >= 1 {
		// 2022年1-6月, 2022年1至6月: one 月 for both ends
		n2, v2 := digitsAt(src, e)
		if n2 > 0 && n2 <= 2 && v2 > v && v2 <= 12 && runeAt(src, e+n2) == '月' {
			p.m, p.endMonth, p.end = v, v2, e+n2+1
			return p, true
		}
	}
	switch {
	case runeAt(src, after) == '月':
		if n > 2 || v < 1 || v > 12 {
			p.garbled, p.end = true, after+1
			return p, true
		}
		p.m, p.end = v, after+1
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

// afterMonth reads the day after 月, or a month suffix (底, 初, 中旬 …).
func (lx *dateLexer) afterMonth(p datePart) datePart {
	src := lx.src
	j := p.end
	k := skipSpaces(src, j)
	n, v := digitsAt(src, k)
	if n > 0 {
		after := skipSpaces(src, k+n)
		if r := runeAt(src, after); r == '日' || r == '号' {
			if n > 2 || v < 1 || v > 31 {
				p.garbled = true
			} else {
				p.d = v
			}
			p.end = after + 1
			return p
		}
		return p
	}
	for _, s := range []string{"上旬", "中旬", "下旬", "底", "初", "末", "中", "份"} {
		if runes.HasPrefixAt(src, j, s) {
			p.end = j + len([]rune(s))
			break
		}
	}
	return p
}

// period reads 上半年, 下半年, 第一季度, 一季度 at j (after a year or alone).
func (lx *dateLexer) period(p datePart, j int) (datePart, bool) {
	src := lx.src
	switch {
	case runes.HasPrefixAt(src, j, "上半年"):
		p.m, p.endMonth, p.end = 1, 6, j+3
		return p, true
	case runes.HasPrefixAt(src, j, "下半年"):
		p.m, p.endMonth, p.end = 7, 12, j+3
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
	p.m, p.endMonth, p.end = 3*q-2, 3*q, k+3
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

// chinesePart reads 二〇二三年十二月一日.
func (lx *dateLexer) chinesePart(i int) (datePart, bool) {
	src := lx.src
	p := datePart{start: i}
	if i+4 >= len(src) || src[i+4] != '年' {
		return p, false
	}
	y := 0
	for k := i; k < i+4; k++ {
		d := cnDigitValue(src[k])
		if d < 0 && k > i && (src[k] == 'O' || src[k] == '0') {
			d = 0 // 二O二三年, 二0二三年: a Latin O or a digit typed for 〇
		}
		if d < 0 {
			return p, false
		}
		y = y*10 + d
	}
	if y < 1900 || y > 2100 {
		return p, false
	}
	p.y, p.hasYear, p.end = y, true, i+5
	if n, m := cnSmall(src, p.end); n > 0 && runeAt(src, p.end+n) == '月' && m >= 1 && m <= 12 {
		p.m = m
		p.end += n + 1
		if n2, d := cnSmall(src, p.end); n2 > 0 && (runeAt(src, p.end+n2) == '日' || runeAt(src, p.end+n2) == '号') && validDay(y, m, d) {
			p.d = d
			p.end += n2 + 1
		}
	} else if r := runeAt(src, p.end); r == '度' || r == '底' || r == '初' {
		p.end++
	}
	return p, true
}

// cnSmall reads a Chinese number below 100 (十二, 三十一, 九) at i.
func cnSmall(src []rune, i int) (n, v int) {
	for n < 3 && i+n < len(src) {
		r := src[i+n]
		if r == '十' {
			if v == 0 {
				v = 1
			}
			v *= 10
		} else if d := cnDigitValue(r); d > 0 {
			if v%10 != 0 || (v > 0 && n > 0 && src[i+n-1] != '十') {
				break
			}
			v += d
		} else {
			break
		}
		n++
	}
	return n, v
}

// rangeEnd reads "至B" after the date p; B inherits p's year and month where it has none.
func (lx *dateLexer) rangeEnd(p datePart) (datePart, bool) {
	src := lx.src
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
	if !ok || e.garbled || e.endMonth != 0 {
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
	e.m, e.d, e.end = m, d, end
	return e, true
}

// monthRange reads a year-less month range written with one 月: 1至3月, 1-3月.
func (lx *dateLexer) monthRange(i int) (int, bool) {
	src := lx.src
	n, a := digitsAt(src, i)
	if n == 0 || n > 2 || a < 1 || a > 12 {
		return 0, false
	}
	j, ok := rangeSepAt(src, i+n)
	if !ok {
		return 0, false
	}
	n2, b := digitsAt(src, j)
	if n2 == 0 || n2 > 2 || b < a || b > 12 || runeAt(src, j+n2) != '月' {
		return 0, false
	}
	end := j + n2 + 1
	d := Date{Text: string(src[i:end]), Inferred: true, Start: i, Stop: end}
	if lx.year != 0 {
		d.Date, d.End = iso(lx.year, a, 0), iso(lx.year, b, 0)
	}
	lx.out = append(lx.out, d)
	return end, true
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

func iso(y, m, d int) string {
	switch {
	case m == 0:
		return fmt.Sprintf("%04d", y)
	case d == 0:
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}
