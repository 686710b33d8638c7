package quantity

import (
	"math"
	"math/bits"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/runes"
)

// scanner holds the state of one Scan: the text as runes, the position, the spans the date
// lexer claimed (dates are never quantities) and the quantities found so far.
type scanner struct {
	src   []rune
	pos   int
	dates []dateSpan // from lexSpans, in order
	di    int        // first date not yet behind pos
	sign  int        // position of a minus sign just read, or -1
	out   []Quantity
	rd    *reading // where Text is cut from (text); nil: from src
}

// text returns string(sc.src[start:end]), cut by sc.rd where there is one.
func (sc *scanner) text(start, end int) string {
	if sc.rd != nil {
		return sc.rd.text(start, end)
	}
	return string(sc.src[start:end])
}

// number is a number as read, before its unit.
type number struct {
	start, end int
	value      float64 // val as a float64, sign applied
	val        decimal // the absolute value, exactly as written
	neg        bool    // a minus sign was written (负3.9%, -22.2%)
	mag        bool    // a magnitude (万, 亿, or 千 after digits) was written
	chinese    bool    // written in Chinese numerals (it starts with one)
}

// signed returns d as a float64 with the sign of n.
func (n number) signed(d decimal) float64 {
	if n.neg {
		return -d.float()
	}
	return d.float()
}

// run steps through the text. At a character outside stepSet step would only move on, so run
// moves on itself: long stretches without numerals cost a bit test per character.
func (sc *scanner) run() {
	src := sc.src
	for sc.pos < len(src) {
		i := sc.pos
		for i < len(src) && !stepSet.has(src[i]) {
			i++
		}
		if sc.pos = i; i < len(src) {
			sc.step()
		}
	}
}

// stepSet holds the characters at which step may read something: digits and the characters
// numeralStart accepts, signs, 半, the quotation marks and 《 it passes over, and the first
// letters of web addresses (urlEnd).
var stepSet = func() runeSet {
	s := numeralSet
	for _, r := range "0123456789万亿廿卅半“‘\"《hHwW" {
		s.add(r)
	}
	for _, g := range numeralSigns {
		s.add(g.R)
	}
	return s
}()

// step reads one token at sc.pos and advances past it.
func (sc *scanner) step() {
	src := sc.src
	for sc.di < len(sc.dates) && sc.dates[sc.di].end <= sc.pos {
		sc.di++
	}
	if sc.di < len(sc.dates) && sc.dates[sc.di].start <= sc.pos {
		sc.pos = sc.dates[sc.di].end
		return
	}
	if end := urlEnd(src, sc.pos); end > sc.pos {
		sc.pos = end // a web address: %25 and 2020 in it are no quantities
		return
	}
	r := src[sc.pos]
	switch {
	case r == '“' || r == '‘' || r == '"':
		// A problem quoted after 针对/关于 is scanned whatever its length: 针对“少缴社保12人”问题.
		problem := runes.HasPrefixAt(src, sc.pos-2, "针对") || runes.HasPrefixAt(src, sc.pos-2, "关于")
		if end, ok := nameQuote(src, sc.pos); ok && !problem {
			sc.pos = end
			return
		}
	case r == '《':
		if end := closing(src, sc.pos, '》', 80); end > 0 {
			sc.pos = end
			return
		}
	case isSign(r) && signAt(src, sc.pos) && !runes.HasPrefixAt(src, sc.pos+1, "百分之") && !runes.HasPrefixAt(src, sc.pos+1, "千分之"):
		// (负百分之十三: the sign is read with the percentage, by percentWord)
		sc.sign = sc.pos
		sc.pos++
		if isDigit(src[sc.pos]) {
			sc.arabic()
		} else {
			sc.chinese()
		}
		sc.sign = -1
		return
	case isDigit(r):
		sc.arabic()
		return
	case (r == '百' || r == '千') && (runes.HasPrefixAt(src, sc.pos, "百分之") || runes.HasPrefixAt(src, sc.pos, "千分之")):
		if sc.percentWord() {
			return
		}
	case r == '半':
		if sc.half() {
			return
		}
	}
	if numeralStart(src, sc.pos) && !isDigit(r) {
		if n, ok := nameIndexAt(src, sc.pos); ok {
			sc.pos += len(n)
			return
		}
		sc.chinese()
		return
	}
	sc.pos++
}

// add records q.
func (sc *scanner) add(q Quantity) {
	sc.out = append(sc.out, q)
}

// signed applies a sign read just before n (sc.sign) to it.
func (sc *scanner) signed(n number) number {
	if sc.sign >= 0 && sc.sign == n.start-1 {
		n.start, n.neg, n.value = sc.sign, true, -n.value
	}
	return n
}

// arabic reads a number written in digits at sc.pos and the quantity around it, if any.
func (sc *scanner) arabic() {
	src := sc.src
	start := sc.pos
	n, ok := readNumeral(src, start, numOpts{})
	sc.pos = n.end
	if !ok {
		return
	}
	// Not quantities: codes (0431), Latin words (5G, G20), times (17:06), ordinals (第3轮),
	// fractions and exponents (3/5, 16分之5, 2^5, e-1), spaced digits (1 3/5, 四百 点 五).
	if isLatin(runeAt(src, start-1)) || isLatin(runeAt(src, n.end)) || notANumber(src, start, n.end) {
		return
	}
	if runeAt(src, n.end) == ':' && isDigit(runeAt(src, n.end+1)) {
		sc.pos = skipDigitsColons(src, n.end)
		return
	}
	if src[start] == '0' && countDigits(src, start) > 1 {
		return
	}
	before := start
	if runeAt(src, before-1) == ' ' {
		before--
	}
	if r := runeAt(src, before-1); r == '第' || r == '每' || r == '届' || ordinalList(src, start) || sc.chromeCounter(start) {
		sc.pos = sc.skipTail(n)
		return
	}
	sc.finish(sc.signed(n))
}

// notANumber reports the numbers that are parts of something the scanner does not read: the
// terms of a fraction (3/5, 16分之5, 一百万又五十万分之二十五), an exponent (2^5, 2.7e-1), a
// decimal written without its integer (.5), digits spaced apart (1 3/5, 四百 点 五, 7万 5千).
func notANumber(src []rune, start, end int) bool {
	b := start - 1
	for k := 0; k < 2 && (isSign(runeAt(src, b)) || runeAt(src, b) == '+'); k++ {
		b-- // 负３分之负一百五十七; e-1, ^+23, ^--23
	}
	if b < start-1 && (isLatin(runeAt(src, b)) || runeAt(src, b) == '^') {
		return true
	}
	spaced := runeAt(src, b) == ' '
	b = skipSpacesBack(src, b)
	switch p := runeAt(src, b); {
	case p == '/' || p == '^' || p == '又':
		return true
	case p == '.' && !spaced:
		return true
	case p == '之' && runeAt(src, skipSpacesBack(src, b-1)) == '分':
		return true
	case spaced && (isDigit(p) || isCNNumeral(p) || p == '点'):
		return true
	}
	k := skipSpaces(src, end)
	switch r := runeAt(src, k); {
	case r == '/' && isDigit(runeAt(src, k+1)):
		return true
	case r == '^' || r == '又' && numeralStart(src, skipSpaces(src, k+1)):
		return true
	case r == '分' && runeAt(src, skipSpaces(src, k+1)) == '之':
		return true // ３ 分 之 一
	case k > end && (isDigit(r) || isCNNumeral(r)) && !magnitudeRune(src, k):
		return true // 7万 5千
	}
	return false
}

// spacedAfter reports whether a space and more numerals follow at j (百分之五 十, 七成 六):
// digits spaced apart, which are not read.
func spacedAfter(src []rune, j int) bool {
	if runeAt(src, j) != ' ' {
		return false
	}
	k := skipSpaces(src, j)
	return isDigit(runeAt(src, k)) || isCNNumeral(runeAt(src, k)) || runeAt(src, k) == '点'
}

// skipSpacesBack moves i back over spaces.
func skipSpacesBack(src []rune, i int) int {
	for i >= 0 && i < len(src) && src[i] == ' ' {
		i--
	}
	return i
}

// chinese reads a Chinese numeral at sc.pos and the quantity around it, if any.
func (sc *scanner) chinese() {
	src := sc.src
	start := sc.pos
	n, ok := readNumeral(src, start, numOpts{})
	end := n.end
	sc.pos = end
	prev := runeAt(src, start-1)
	if sc.sign == start-1 {
		prev = runeAt(src, start-2)
	}
	if cnBlockerSet.has(prev) || src[start] == '一' && end == start+1 && oneBlockerSet.has(prev) && !(prev == '为' && isDuration(src, end)) || ordinalList(src, start) {
		n := number{start: start, end: end, chinese: true}
		sc.pos = sc.skipTail(n)
		return
	}
	if !ok {
		return
	}
	// 百/千/万 alone start a number only after 近, 上, 逾 … or before 余/多: 近百场, 上千人,
	// 百余人; not 百姓, 千方百计, 万家.
	if r := src[start]; r == '百' || r == '千' || r == '万' || r == '亿' {
		if _, _, ok := sc.prefixAt(start); !ok && runeAt(src, end) != '余' && runeAt(src, end) != '多' {
			return
		}
	}
	next := runeAt(src, end)
	if next == '几' || runes.HasPrefixAt(src, end, "分之") {
		sc.pos = end + 1
		return
	}
	if notANumber(src, start, end) {
		return
	}
	for _, w := range zeroWords {
		if runes.HasPrefixAt(src, start, w) {
			sc.pos = start + len([]rune(w)) // 零件: not 0 件
			return
		}
	}
	if src[start] == '一' && end == start+1 && sc.oneIsWord(end) {
		return
	}
	sc.finish(sc.signed(n))
}

// isDuration reports whether a duration unit is written at j: 期限为一年, 时限为一个月 count
// although 为 before 一 usually makes it predicative (作为一项任务).
func isDuration(src []rune, j int) bool {
	u, _ := unitAt(src, j)
	return u != nil && u.Kind == KindDuration
}

// oneIsWord reports whether 一 at end-1 starts a word rather than a count: 一次深刻的党性教育,
// 一次“政治体检”, 一起, 一方面, 一批 (vague), 一人一档 (slogan). 一次 and 一批 count only at the
// end of a clause (召开会议一次。).
func (sc *scanner) oneIsWord(end int) bool {
	src := sc.src
	switch {
	case runes.HasPrefixAt(src, end, "方面"), runes.HasPrefixAt(src, end, "起"):
		return true
	case runes.HasPrefixAt(src, end, "次"), runes.HasPrefixAt(src, end, "批"):
		return !isClauseEnd(runeAt(src, end+1))
	}
	if u, n := unitAt(src, end); u != nil && runeAt(src, end+n) == '一' {
		return true // 一人一档, 一户一策
	}
	if parallelOnes(src, end-1) {
		return true // “一个问题、一名领导、一套方案”
	}
	// 作为当前和今后一项重大的政治任务, 作为推动…向纵深发展的一个重要契机: "as a …", not a
	// count; 是推动高质量发展的一项重要举措 likewise (是 with 的 just before 一, and not the 是 of
	// an enumeration 一是, 二是). The clause may list items with 、.
	afterDe := runeAt(src, end-2) == '的'
	for j := end - 2; j >= 0 && j > end-asVerbReach; j-- {
		if isClauseEnd(src[j]) && src[j] != ' ' && src[j] != '、' {
			break
		}
		if asVerbWords.first.has(src[j]) {
			for _, w := range asVerbWords.runes {
				if hasRunes(src, j, w) {
					return true
				}
			}
		}
		if afterDe && src[j] == '是' && !isCNNumeral(runeAt(src, j-1)) {
			return true
		}
	}
	return false
}

// asVerbReach is how far back (in runes, within the clause) an as-verb makes 一个/一项
// predicative.
const asVerbReach = 40

// parallelOnes reports whether 一 at i is in a list of two or more 、-separated items that
// all open with 一 (the first may have a verb before it): a slogan such as
// 实行一个问题、一名领导、一套方案, not counts.
func parallelOnes(src []rune, i int) bool {
	j := i
	for j > 0 && j > i-60 && !isSloganEnd(src[j-1]) {
		j--
	}
	items, firstHasOne := 0, false
	for k := j; k < len(src) && k < i+60 && !isSloganEnd(src[k]); k++ {
		switch {
		case k == j || src[k-1] == '、':
			items++
			if items > 1 && src[k] != '一' {
				return false
			}
			if items == 1 && src[k] == '一' {
				firstHasOne = true
			}
		case items == 1 && src[k] == '一' && !firstHasOne:
			firstHasOne = true
		}
	}
	return items >= 2 && firstHasOne
}

// isSloganEnd reports the marks that end a list of slogan items (not 、).
func isSloganEnd(r rune) bool { return sloganEnds.has(r) }

var sloganEnds = setOf(",，。；;：:!！?？“”‘’\n")

// percentWord reads 百分之九十五 (95 %), 百分之百 (100 %), 千分之五 (5 ‰), 百分之1,669,
// 百分之负三点八 (-3.8 %) and ranges 百分之三十到四十一, 百分之三十至百分之四十.
func (sc *scanner) percentWord() bool {
	src := sc.src
	start := sc.pos
	word := "百分之"
	unitName := "%"
	if src[start] == '千' {
		word, unitName = "千分之", "‰"
	}
	// 一百分之二, 3又千分之23: a fraction, not a percentage
	if p := runeAt(src, start-1); isDigit(p) || isCNNumeral(p) || p == '又' || numeralStart(src, start-1) {
		return false
	}
	n, ok := sc.percentNumber(start + 3)
	if !ok {
		return false
	}
	if spacedAfter(src, n.end) {
		sc.pos = n.end // 百分之五 十: digits spaced apart are not read
		return true
	}
	q := Quantity{Value: n.value, Unit: unitName, Kind: KindPercent, Start: start, End: n.end}
	end := n.end
	if at := percentSignBefore(src, start); at >= 0 && !n.neg {
		q.Value, q.Start = -q.Value, at // 负百分之十三, 负的百分之二十
		n.neg = true
	}
	if !n.neg {
		if e, ok := rangeSepAt(src, end); ok {
			k := e
			if runes.HasPrefixAt(src, k, word) {
				k += 3
			}
			if m, ok := sc.percentNumber(k); ok && !m.neg && !m.val.less(n.val) {
				mx := m.value
				q.Max, end = &mx, m.end
			}
		}
	}
	if p, qual, ok := sc.prefixAt(start); ok {
		q.Start = p
		q.Approx, q.Bound = qual.Approx, qual.Bound
	}
	end = sc.suffix(&q, end)
	q.End = end
	q.Text = sc.text(q.Start, q.End)
	sc.add(q)
	sc.pos = end
	return true
}

// percentSignBefore is where a minus written before 百分之 at start begins (负百分之十三, 负的
// 百分之二十), or -1; 负 after the characters of signNotAfter is a word (担负百分之…), not a sign.
func percentSignBefore(src []rune, start int) int {
	at := start - 1
	if runeAt(src, at) == '的' {
		at--
	}
	if runeAt(src, at) != '负' || strings.ContainsRune(signNotAfter, runeAt(src, at-1)) {
		return -1
	}
	return at
}

// percentNumber reads the number after 百分之 at j, with its sign: 九十五, 98.5, 1,669, 百, 负三点八.
func (sc *scanner) percentNumber(j int) (number, bool) {
	src := sc.src
	neg := false
	if isSign(runeAt(src, j)) && numeralStart(src, j+1) {
		neg, j = true, j+1
	}
	var n number
	switch {
	case runeAt(src, j) == '百' && !isCNNumeral(runeAt(src, j+1)):
		n = number{start: j, end: j + 1, val: decOf(100), value: 100, chinese: true}
	case numeralStart(src, j):
		m, ok := readNumeral(src, j, numOpts{sepAlways: true})
		if !ok || m.mag && m.chinese || isLatin(runeAt(src, m.end)) {
			return m, false // 百分之15k
		}
		n = m
	default:
		return n, false
	}
	if neg {
		n.neg, n.value = true, -n.value
	}
	return n, true
}

// finish reads what follows the number n (余/多, a magnitude, a range, the unit, 左右/以上)
// and records the quantity when it has a unit, a magnitude or a percent sign.
func (sc *scanner) finish(n number) {
	src := sc.src
	q := Quantity{Start: n.start}
	if p, qual, ok := sc.prefixAt(n.start); ok {
		q.Start = p
		q.Approx, q.Bound = qual.Approx, qual.Bound
	}
	j, exp, approx := sc.magnitude(n)
	q.Approx = q.Approx || approx
	value := n.val.shift(exp)
	mag := n.mag || exp != 0
	// A range: 10至20万元, 3-5人, 10%-20%, 一百二十到一百五十万元.
	var max *decimal
	if e, ok := rangeSepAt(src, j); ok && !n.neg {
		if m, ok := sc.rangeEnd(n, e); ok {
			j2, e2, a2 := sc.magnitude(m)
			mx := m.val.shift(e2)
			lo := value
			if exp == 0 && !n.mag {
				if k, ok := sharedMagnitude(src, n, m, e2); ok {
					lo, mag = n.val.shift(k), true // the magnitude is written once, at the end
				}
			}
			if !mx.less(lo) {
				value, max, j = lo, &mx, j2
				q.Approx = q.Approx || a2
			}
		}
	}
	if n.value >= 1900 && n.value <= 2100 && !n.chinese && runeAt(src, j) == '年' {
		sc.pos = j + 1 // a year the date lexer did not take (2023、2024年)
		return
	}
	k := j
	if runeAt(src, k) == ' ' && !n.chinese {
		k++ // 1234.56 万元
	}
	if foreignBefore(src, n.start) || foreignAfter(src, k) {
		sc.pos = k // 港币2960元, 1.9万台币, 三万元欧元: not in 元
		return
	}
	u, ulen := unitAt(src, k)
	ge := runeAt(src, k) == '个' // (a quick look before the words that start with 个)
	if ge && (runes.HasPrefixAt(src, k, "个多月") || runes.HasPrefixAt(src, k, "个余月")) {
		u, ulen = unitNamed("个月"), 3 // 两个多月 -> 2 个月, approx
		q.Approx = true
	}
	if ge && runes.HasPrefixAt(src, k, "个半月") && max == nil {
		u, ulen = unitNamed("个月"), 3 // 三个半月 -> 3.5 个月
		value, _ = value.add(half)
	}
	if u == nil && max == nil && !mag && sc.tenths(n, k) {
		if spacedAfter(src, k+1) {
			sc.pos = k + 1 // 七成 六
			return
		}
		u, ulen = &tenthUnit, 1 // 七成以上 -> 70 %
	}
	if u != nil && u.Name == "次" && sc.session(n.start, k+ulen) {
		sc.pos = k + ulen // 三次全会, 十六届人大二次会议: a session, not a count
		return
	}
	if u == nil && runeAt(src, k) == '日' && (runes.HasPrefixAt(src, k+1, "内") || runes.HasPrefixAt(src, k+1, "以内") || runes.HasPrefixAt(src, k+1, "之内")) {
		u, ulen = &dayUnit, 1 // 15日内
	}
	if u != nil && u.Name == "块" && moneyPartAt(src, k+ulen) {
		u = unitNamed("元") // 十块三毛: 块 is 元 when 毛/角/分 follow
	}
	if u != nil {
		j = k + ulen
		if r := runeAt(src, q.Start-1); max == nil && !n.neg && r != '由' && r != '从' {
			// 10人至20人; but 由10%到20% is a change from one value to another: two quantities
			if e, ok := rangeSepAt(src, j); ok {
				if m, ok := sc.rangeEnd(n, e); ok && !m.val.less(n.val) {
					if u2, l2 := unitAt(src, m.end); u2 != nil && u2.Base == u.Base {
						mx := m.val
						max = &mx
						j = m.end + l2
					}
				}
			}
		}
		q.Unit, q.Kind = u.Base, u.Kind
		value = scaleBy(value, u.Factor)
		if max != nil {
			mx := scaleBy(*max, u.Factor)
			max = &mx
		}
		if u.Base == "元" {
			// 123元1角1分, 一百三十五块六角七分钱: 角 and 分 add to the amount
			if v, e, ok := moneyParts(src, j); ok && max == nil {
				value, _ = value.add(v)
				j = e
			}
		}
		// 两年多, 一年半; 七成多, 七成半 (75 %); 一吨半, 两米半 (半 ends the quantity)
		if r := runeAt(src, j); u.Kind == KindDuration || u == &tenthUnit {
			if r == '多' || r == '余' || r == '半' {
				q.Approx = q.Approx || r != '半'
				if r == '半' {
					value, _ = value.add(scaleBy(half, u.Factor))
				}
				j++
			}
		} else if r == '半' && max == nil && halfEnds(src, j+1) {
			value, _ = value.add(half)
			j++
		}
	} else if !mag {
		sc.pos = j
		return
	}
	q.Value = n.signed(value)
	if max != nil {
		m := max.float()
		q.Max = &m
	}
	q.End = sc.suffix(&q, j)
	q.Text = sc.text(q.Start, q.End)
	if runeAt(src, n.start-1) == '各' {
		q.Each = listItems(src, n.start-1)
	}
	sc.add(q)
	sc.pos = q.End
}

// half is 0.5.
var half = decimal{5, -1}

// scaleBy multiplies d by a unit's factor (1 or 10 in the table).
func scaleBy(d decimal, f float64) decimal {
	for f >= 10 && f == math.Trunc(f) {
		d, f = d.shift(1), f/10
	}
	if f != 1 {
		if m, ok := d.mul(uint64(f)); ok && f == math.Trunc(f) {
			return m
		}
	}
	return d
}

// halfEnds reports whether 半 after a unit other than time ends the quantity there (一吨半,
// 两米半的路段, 2.5 米): at a clause end, a qualifier (左右, 以上, 多) or 的; not before a word
// that 半 starts (2次半年考核: 半年 is a period).
func halfEnds(src []rune, j int) bool {
	r := runeAt(src, j)
	if isClauseEnd(r) || r == '的' || r == '。' {
		return true
	}
	for _, s := range suffixes {
		if runes.HasPrefixAt(src, j, s.Word) {
			return true
		}
	}
	return !unicode.Is(unicode.Han, r)
}

// sharedMagnitude finds the magnitude a range writes once, after its end, that applies to its
// start too: 10至20万 (10万 .. 20万), 一百二十到一百五十万 (120万 .. 150万), 1至3千万 (1千万
// .. 3千万). The candidates are the magnitudes written at the end of m (万; 十万 …, and 千 or
// 百 after digits) and e2 (300至500多万); the largest that keeps the start at most the end is
// taken.
func sharedMagnitude(src []rune, n, m number, e2 int) (int, bool) {
	var cands []int
	if e2 > 0 {
		cands = append(cands, e2)
	} else if m.mag {
		exp := 0
		for k := m.end - 1; k > m.start; k-- {
			e := placeExp(src[k])
			if e == 0 {
				break
			}
			exp += e
			last := src[m.end-1]
			if last == '万' || last == '亿' || !m.chinese && (last == '千' || last == '百') {
				cands = append(cands, exp)
			}
		}
	}
	best, ok := 0, false
	for _, c := range cands {
		if lo := n.val.shift(c); !m.val.shift(e2).less(lo) && c > best {
			best, ok = c, true
		}
	}
	return best, ok
}

// placeExp returns the power of ten of a place or magnitude character, 0 for others.
func placeExp(r rune) int {
	switch r {
	case '十', '拾':
		return 1
	case '百', '佰':
		return 2
	case '千', '仟':
		return 3
	case '万':
		return 4
	case '亿':
		return 8
	}
	return 0
}

// tenths reports whether 成 at k after the number n is a share in tenths: 七成以上, 近九成的,
// 两成多, 7成; n must be a whole number from 1 to 10.
func (sc *scanner) tenths(n number, k int) bool {
	src := sc.src
	if runeAt(src, k) != '成' || n.value < 1 || n.value > 10 || n.value != math.Trunc(n.value) || k != n.end {
		return false
	}
	if isClauseEnd(runeAt(src, k+1)) || strings.ContainsRune(tenthPrecede, runeAt(src, n.start-1)) {
		return true
	}
	for _, w := range tenthFollow {
		if runes.HasPrefixAt(src, k+1, w) {
			return true
		}
	}
	return false
}

// session reports whether N次 between start and j names a session (三次全会, 人大二次会议 after
// 届), from sessionWords.
func (sc *scanner) session(start, j int) bool {
	src := sc.src
	for _, w := range sessionWords {
		if !runes.HasPrefixAt(src, j, w.Word) {
			continue
		}
		if !w.NeedJie {
			return true
		}
		for i := start - 1; i >= 0 && i > start-16 && !isClauseEnd(src[i]); i-- {
			if src[i] == '届' {
				return true
			}
		}
	}
	return false
}

// half reads a duration written with 半 and no number at sc.pos: 历时半年 -> 0.5 年, 近半个月.
func (sc *scanner) half() bool {
	src := sc.src
	start := sc.pos
	if strings.ContainsRune(halfNotAfter, runeAt(src, start-1)) {
		return false
	}
	for _, h := range halves {
		if !runes.HasPrefixAt(src, start, h.Word) {
			continue
		}
		end := start + utf8.RuneCountInString(h.Word)
		for _, w := range halfNotBefore {
			if runes.HasPrefixAt(src, end, w) {
				return false
			}
		}
		u := unitNamed(h.Unit)
		q := Quantity{Value: 0.5, Unit: u.Base, Kind: u.Kind, Start: start}
		if p, qual, ok := sc.prefixAt(start); ok {
			q.Start = p
			q.Approx, q.Bound = qual.Approx, qual.Bound
		}
		if r := runeAt(src, end); r == '多' || r == '余' {
			q.Approx = true // 半年多
			end++
		}
		q.End = sc.suffix(&q, end)
		q.Text = sc.text(q.Start, q.End)
		sc.add(q)
		sc.pos = q.End
		return true
	}
	return false
}

// ordinalList reports whether the number at start continues a list of ordinals after 第:
// 第二、三批, 第1、2轮, 第一、二、三巡察组. Only the first item carries 第.
func ordinalList(src []rune, start int) bool {
	j := start - 1
	for runeAt(src, j) == '、' {
		k := j - 1
		for k >= 0 && (isDigit(src[k]) || isCNNumeral(src[k])) {
			k--
		}
		if k == j-1 {
			return false
		}
		if runeAt(src, k) == '第' {
			return true
		}
		j = k
	}
	return false
}

// chromeCounter reports whether the number at start is a page counter: it follows one of
// chromeLabels (阅读量:351, 访问次数 : 2876, 点赞:36), with or without a colon and spaces.
func (sc *scanner) chromeCounter(start int) bool {
	src := sc.src
	j := start
	for runeAt(src, j-1) == ' ' || runeAt(src, j-1) == '[' || runeAt(src, j-1) == '【' {
		j--
	}
	colon := false
	if r := runeAt(src, j-1); r == ':' || r == '：' {
		colon = true
		j--
		for runeAt(src, j-1) == ' ' {
			j--
		}
	}
	if !chromeWords.last.has(runeAt(src, j-1)) {
		return false
	}
	for i, l := range chromeLabels {
		if w := chromeWords.runes[i]; (colon || !l.Colon) && hasRunes(src, j-len(w), w) {
			return true
		}
	}
	return false
}

// magnitude reads 余/多 and a magnitude after the number n, and 余/多 again: 300多万元,
// 20余万元, 十余万元. (A magnitude written right after the number is the numeral's: 20万.)
func (sc *scanner) magnitude(n number) (end int, exp int, approx bool) {
	src := sc.src
	j := n.end
	if _, ok := sc.between(n, j); !ok {
		return j, 0, false
	}
	approx = true
	j++
	if u, _ := unitAt(src, j); u != nil {
		return j, 0, approx // 3多千克: a unit, not a magnitude
	}
	for _, m := range magnitudes {
		if runes.HasPrefixAt(src, j, m.Name) {
			exp = m.Exp
			j += len([]rune(m.Name))
			if _, ok := sc.between(n, j); ok {
				j++
			}
			break
		}
	}
	return j, exp, approx
}

// between reports whether 余, 多 or 来 stands at j after the number n.
func (sc *scanner) between(n number, j int) (qualifier, bool) {
	r := runeAt(sc.src, j)
	if !betweenWords.first.has(r) {
		return qualifier{}, false
	}
	for i, b := range between {
		if w := betweenWords.runes[i]; len(w) != 1 || w[0] != r {
			continue
		}
		if r == '来' && !(n.chinese && n.value >= 10 && math.Mod(n.value, 10) == 0) {
			return b, false
		}
		if r == '多' && runes.HasPrefixAt(sc.src, j+1, "月") {
			return b, false // 两个多月 is read at the unit
		}
		return b, true
	}
	return qualifier{}, false
}

// rangeEnd reads the second number of a range at j (after 至, -, …), written as the first
// (digits after digits, Chinese after Chinese). The caller checks that it is not below the first.
func (sc *scanner) rangeEnd(first number, j int) (number, bool) {
	src := sc.src
	if runeAt(src, j) == ' ' {
		j++
	}
	switch {
	case !first.chinese && isDigit(runeAt(src, j)):
	case first.chinese && !isDigit(runeAt(src, j)) && numeralStart(src, j) && !strings.ContainsRune("百千万亿", src[j]):
	default:
		return number{}, false
	}
	m, ok := readNumeral(src, j, numOpts{})
	if !ok || isLatin(runeAt(src, m.end)) {
		return m, false
	}
	return m, true
}

// rangeSepAt reads a range separator of rangeSeps at j, after an optional inclusion mark
// (1万(含)-5万元), and returns the position after it.
func rangeSepAt(src []rune, j int) (int, bool) {
	if !rangeStarts.has(runeAt(src, j)) {
		return j, false
	}
	for _, m := range rangeMarks {
		if runes.HasPrefixAt(src, j, m) {
			j += len([]rune(m))
			break
		}
	}
	for _, s := range rangeSepRunes {
		if hasRunes(src, j, s) {
			return j + len(s), true
		}
	}
	return j, false
}

// rangeStarts holds the first characters of rangeMarks and rangeSeps: rangeSepAt reads
// nothing at another.
var rangeStarts = func() (s runeSet) {
	for _, m := range rangeMarks {
		r, _ := utf8.DecodeRuneInString(m)
		s.add(r)
	}
	for _, sep := range rangeSeps {
		r, _ := utf8.DecodeRuneInString(sep.Word)
		s.add(r)
	}
	return s
}()

// rangeSepRunes are the entries of rangeSeps as runes, longest first.
var rangeSepRunes = func() [][]rune {
	out := make([][]rune, 0, len(rangeSeps))
	for _, s := range rangeSeps {
		out = append(out, []rune(s.Word))
	}
	sort.SliceStable(out, func(a, b int) bool { return len(out[a]) > len(out[b]) })
	return out
}()

// suffix reads 左右, 以上, 以下 … at j into q and returns the end of the quantity.
func (sc *scanner) suffix(q *Quantity, j int) int {
	if !suffixWords.first.has(runeAt(sc.src, j)) {
		return j
	}
	for i, s := range suffixes {
		if w := suffixWords.runes[i]; hasRunes(sc.src, j, w) {
			q.Approx = q.Approx || s.Approx
			if s.Bound != "" {
				q.Bound = s.Bound
			}
			return j + len(w)
		}
	}
	return j
}

// skipTail returns the end of the number n with its magnitude, range and unit, for numbers
// that are not quantities (第3轮, 第3—5轮, 每一条): the whole construct is passed over.
func (sc *scanner) skipTail(n number) int {
	j, _, _ := sc.magnitude(n)
	if e, ok := rangeSepAt(sc.src, j); ok {
		if m, ok := sc.rangeEnd(n, e); ok {
			j = m.end
		}
	}
	if u, l := unitAt(sc.src, j); u != nil {
		j += l
	}
	return j
}

// urlEnd returns the end of a web address starting at i (http://…, https://…, www.…), or i.
// Nothing in an address is a quantity or a date: q=30%25%2020% is percent-encoding.
func urlEnd(src []rune, i int) int {
	r := src[i]
	if r != 'h' && r != 'H' && r != 'w' && r != 'W' || isLatin(runeAt(src, i-1)) {
		return i
	}
	ok := false
	for _, p := range []string{"http://", "https://", "www.", "HTTP://", "HTTPS://", "WWW."} {
		if runes.HasPrefixAt(src, i, p) {
			ok = true
			break
		}
	}
	if !ok {
		return i
	}
	j := i
	for j < len(src) && src[j] > ' ' && src[j] < 0x7f {
		j++
	}
	return j
}

// foreignBefore reports whether a foreign currency is named just before start (港币2960元,
// 新台币 177.1 亿元).
func foreignBefore(src []rune, start int) bool {
	p := skipSpacesBack(src, start-1)
	if !foreignCurrencyWords.last.has(runeAt(src, p)) {
		return false
	}
	for _, c := range foreignCurrencyWords.runes {
		if hasRunes(src, p-len(c)+1, c) {
			return true
		}
	}
	return false
}

// foreignAfter reports whether a foreign currency follows at k, after an optional 元
// (1.9万台币, 约4.287亿美元, 三万元欧元, 9000元日币).
func foreignAfter(src []rune, k int) bool {
	k = skipSpaces(src, k)
	for pass := 0; pass < 2; pass++ {
		if foreignCurrencyWords.first.has(runeAt(src, k)) {
			for _, c := range foreignCurrencyWords.runes {
				if hasRunes(src, k, c) {
					return true
				}
			}
		}
		if r := runeAt(src, k); r != '元' && r != '个' {
			break
		}
		k++ // 三万元欧元, 20个比特币
	}
	return false
}

// foreignCurrencyWords are the entries of foreignCurrencies as words.
var foreignCurrencyWords = func() *words {
	var list []string
	for _, c := range foreignCurrencies {
		list = append(list, c.Word)
	}
	return wordsOf(list)
}()

// moneyPartAt reports whether 角/毛 or 分 amounts follow at j (十块三毛).
func moneyPartAt(src []rune, j int) bool {
	_, _, ok := moneyParts(src, j)
	return ok
}

// moneyParts reads the 角 (毛) and 分 written after an amount in 元 (块) at j: 1角1分 is 0.11,
// 六角七分钱 0.67. A 分 alone counts only before 钱 or a clause end (5元3分钱).
func moneyParts(src []rune, j int) (decimal, int, bool) {
	var v decimal
	k := j
	read := 0
	for _, part := range moneySubunits {
		d := moneyDigit(runeAt(src, k))
		if d < 0 || !strings.ContainsRune(part.Words, runeAt(src, k+1)) {
			continue
		}
		if part.Exp == -2 && read == 0 && !(runeAt(src, k+2) == '钱' || isClauseEnd(runeAt(src, k+2))) {
			break
		}
		v, _ = v.add(decimal{uint64(d), part.Exp})
		k += 2
		read++
	}
	if read == 0 {
		return v, j, false
	}
	if runeAt(src, k) == '钱' {
		k++
	}
	return v, k, true
}

// moneyDigit returns the digit at r (5 or 五), or -1.
func moneyDigit(r rune) int {
	if isDigit(r) {
		return int(r - '0')
	}
	if d, ok := digitOf(r); ok && d.Capital != 2 {
		return d.Value // 一角, 壹角
	}
	return -1
}

// prefixAt finds a qualifier written just before start (约30人, 超过100个, 近百场).
func (sc *scanner) prefixAt(start int) (int, qualifier, bool) {
	src := sc.src
	if !prefixWords.last.has(runeAt(src, start-1)) {
		return start, qualifier{}, false
	}
	for i, p := range prefixes {
		w := prefixWords.runes[i]
		s := start - len(w)
		if !hasRunes(src, s, w) {
			continue
		}
		if nb, ok := notBefore[p.Word]; ok && s > 0 && strings.ContainsRune(nb, src[s-1]) {
			continue
		}
		if p.Word == "上" && !strings.ContainsRune("百千万", runeAt(src, start)) {
			continue
		}
		return s, p, true
	}
	return start, qualifier{}, false
}

// listItems counts the items listed before 各 at i: 书记办公会、总裁办公会各1次 -> 2. It returns
// 0 when fewer than two items can be told apart (正副组长各1名).
func listItems(src []rune, i int) int {
	items := 1
	j := i - 1
	for ; j >= 0 && j > i-200; j-- {
		r := src[j]
		if strings.ContainsRune(",，。；;：:!！?？()（）\n", r) {
			break
		}
		if r == '、' {
			items++
		}
	}
	seg := string(src[j+1 : i])
	if k := strings.LastIndex(seg, "、"); k >= 0 {
		seg = seg[k:]
	}
	for _, w := range []string{"和", "及", "与"} {
		if strings.Contains(seg, w) {
			items++
			break
		}
	}
	if items < 2 {
		return 0
	}
	return items
}

// unitNamed returns the unit of the table written name.
func unitNamed(name string) *unit {
	for i := range units {
		if units[i].Name == name {
			return &units[i]
		}
	}
	return nil
}

// unitAt returns the longest unit written at j, or nil.
func unitAt(src []rune, j int) (*unit, int) {
	var best *unit
	bestLen := 0
	slot, ok := unitFirst.slot(runeAt(src, j))
	if !ok {
		return nil, 0
	}
	for _, e := range unitLists[slot] {
		l := len(e.name)
		if l <= bestLen || !hasRunes(src, j, e.name) {
			continue
		}
		blocked := false
		for _, not := range e.not {
			if hasRunes(src, j+l, not) {
				blocked = true
				break
			}
		}
		for _, keep := range e.keep {
			if blocked && hasRunes(src, j+l, keep) {
				blocked = false
			}
		}
		if !blocked {
			best, bestLen = e.u, l
		}
	}
	return best, bestLen
}

// unitEntry is a unit of the table with its names as runes, for unitAt.
type unitEntry struct {
	name []rune
	not  [][]rune
	keep [][]rune
	u    *unit
}

// unitFirst holds the first runes of the unit names, and unitLists, at the slot of each, the
// entries of the units whose name starts with it, in the order of the table.
var unitFirst, unitLists = func() (*runeIndex, [][]unitEntry) {
	m := make(map[rune][]unitEntry)
	for i := range units {
		u := &units[i]
		e := unitEntry{name: []rune(u.Name), u: u}
		for _, n := range u.Not {
			e.not = append(e.not, []rune(n))
		}
		for _, k := range unitKeep[u.Name] {
			e.keep = append(e.keep, []rune(k))
		}
		m[e.name[0]] = append(m[e.name[0]], e)
	}
	return slotsOf(m)
}()

// nameFirst holds the first runes of the entries of names, and nameLists, at the slot of
// each, the entries that start with it, as runes, in the order of names.
var nameFirst, nameLists = func() (*runeIndex, [][][]rune) {
	m := make(map[rune][][]rune)
	for _, n := range names {
		r := []rune(n)
		m[r[0]] = append(m[r[0]], r)
	}
	return slotsOf(m)
}()

// runeIndex numbers the characters of a set densely, in rune order, so that what a table
// holds by character lives in a slice at its slot rather than in a map: a look-up is a bit
// test and a population count.
type runeIndex struct {
	set  runeSet
	rank [len(runeSet{})]uint16 // the members below each word of set
}

// slot returns the number of r in x, if r is in it.
func (x *runeIndex) slot(r rune) (int, bool) {
	i := uint32(r)
	if i >= 1<<16 {
		return 0, false
	}
	w := x.set[i>>6]
	bit := uint64(1) << (i & 63)
	if w&bit == 0 {
		return 0, false
	}
	return int(x.rank[i>>6]) + bits.OnesCount64(w&(bit-1)), true
}

// slotsOf returns the index of the keys of m and their values by slot.
func slotsOf[T any](m map[rune]T) (*runeIndex, []T) {
	x := &runeIndex{}
	for r := range m {
		x.set.add(r)
	}
	n := 0
	for i, w := range x.set {
		x.rank[i] = uint16(n)
		n += bits.OnesCount64(w)
	}
	vals := make([]T, n)
	for r, v := range m {
		k, _ := x.slot(r)
		vals[k] = v
	}
	return x, vals
}

// hasRunes reports whether src holds w at i.
func hasRunes(src []rune, i int, w []rune) bool {
	if i < 0 || i+len(w) > len(src) {
		return false
	}
	for k, r := range w {
		if src[i+k] != r {
			return false
		}
	}
	return true
}

// nameQuote reports whether the quotation opening at i is a short name or slogan (“三会一课”,
// “1+1+5”) and returns the position after its closing mark.
func nameQuote(src []rune, i int) (int, bool) {
	var closeMark rune
	switch src[i] {
	case '“':
		closeMark = '”'
	case '‘':
		closeMark = '’'
	case '"':
		closeMark = '"'
	}
	for j := i + 1; j < len(src) && j <= i+nameQuoteMax+1; j++ {
		switch src[j] {
		case closeMark:
			return j + 1, j > i+1
		case '“', '‘', '。', '，', ',', '；', ';', '：', ':', '！', '？', '\n':
			return 0, false
		}
	}
	return 0, false
}

// closing returns the position after the first c within max runes after i, or 0.
func closing(src []rune, i int, c rune, max int) int {
	for j := i + 1; j < len(src) && j <= i+max; j++ {
		if src[j] == c {
			return j + 1
		}
	}
	return 0
}

// lexArabic reads 1234, 1,234, 98.71 at i. Thousands separators are taken only where a unit,
// a magnitude, a decimal part or % follows (the folded text also has commas between clauses),
// or always with sepAlways (百分之1,669).
func lexArabic(src []rune, i int, sepAlways bool) (number, bool) {
	n := number{start: i}
	j := i
	var mant uint64
	for j < len(src) && isDigit(src[j]) {
		mant = mant*10 + uint64(src[j]-'0')
		j++
		if j-i > maxDigits {
			n.end = j + countDigits(src, j) // an ID or a code, not a number
			return n, false
		}
	}
	if j == i {
		n.end = i + 1
		return n, false
	}
	if j-i <= 3 {
		k, m := j, mant
		for runeAt(src, k) == ',' && countDigits(src, k+1) == 3 && k-i < maxDigits {
			for _, r := range src[k+1 : k+4] {
				m = m*10 + uint64(r-'0')
			}
			k += 4
		}
		if k > j {
			// 1,000余万元, 1,200多人: 余/多 between the number and its unit
			r := runeAt(src, k)
			if r == '余' || r == '多' {
				r = runeAt(src, k+1)
				if isUnitStart(src, k+1) {
					r = '.'
				}
			}
			if sepAlways || r == '.' || r == '%' || r == ' ' || isUnitStart(src, k) {
				j, mant = k, m
			}
		}
	}
	exp := 0
	if runeAt(src, j) == '.' && isDigit(runeAt(src, j+1)) {
		k := j + 1
		for k < len(src) && isDigit(src[k]) {
			hi, lo := bits.Mul64(mant, 10)
			if hi != 0 || lo > math.MaxUint64-9 || k-j > maxDigits {
				n.end = skipDigitsDots(src, k)
				return n, false
			}
			mant = lo + uint64(src[k]-'0')
			exp--
			k++
		}
		if runeAt(src, k) == '.' && isDigit(runeAt(src, k+1)) {
			// 3.5.1, a version or a date: not a number
			n.end = skipDigitsDots(src, k)
			return n, false
		}
		j = k
	}
	n.end = j
	n.val = decimal{mant, exp}.norm()
	n.value = n.val.float()
	return n, true
}

func isUnitStart(src []rune, k int) bool {
	if u, _ := unitAt(src, k); u != nil {
		return true
	}
	for _, m := range magnitudes {
		if runes.HasPrefixAt(src, k, m.Name) {
			return true
		}
	}
	return false
}

func countDigits(src []rune, k int) int {
	n := 0
	for k+n < len(src) && isDigit(src[k+n]) {
		n++
	}
	return n
}

func skipDigitsColons(src []rune, k int) int {
	for k < len(src) && (isDigit(src[k]) || src[k] == ':') {
		k++
	}
	return k
}

func skipDigitsDots(src []rune, k int) int {
	for k < len(src) && (isDigit(src[k]) || src[k] == '.') {
		k++
	}
	return k
}

// maxDigits bounds the digits of a number (before and after the point); longer runs are
// codes (an ID number has 18).
const maxDigits = 15

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isLatin(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// isCNDigit reports the Chinese digits written in years (二〇二三).
func isCNDigit(r rune) bool { return r != '两' && cnDigitValue(r) >= 0 }

// isCNNumeral reports the characters a Chinese numeral is made of (not the capitals that are
// also words: 伍 in 队伍).
func isCNNumeral(r rune) bool {
	switch r {
	case '万', '亿', '廿', '卅':
		return true
	}
	if u, ok := unitOf(r); ok {
		return u.Capital != 2
	}
	if d, ok := digitOf(r); ok {
		return d.Capital != 2
	}
	return r == '○'
}

// cnDigitValue returns the value of a plain Chinese digit (not a capital), or -1. ○ (U+25CB)
// is often typed for 〇 in years: 二○二三年.
func cnDigitValue(r rune) int {
	if r == '○' {
		return 0
	}
	if d, ok := digitOf(r); ok && d.Capital == 0 && r != '俩' && r != '倆' {
		return d.Value
	}
	return -1
}

func isClauseEnd(r rune) bool {
	return r == 0 || clauseEnds.has(r)
}

// cnBlockerSet and oneBlockerSet are cnBlockers and oneBlockers as sets.
var cnBlockerSet, oneBlockerSet = setOf(cnBlockers), setOf(oneBlockers)

// clauseEnds are the characters that end a clause for isClauseEnd.
var clauseEnds = setOf(",，。；;：:!！?？)）、 \n")

// words is a word list with its words as runes and the sets of their first and last
// characters, so that a look-up before or after a number tries the list only where a word
// of it may stand.
type words struct {
	runes       [][]rune
	first, last runeSet
}

func wordsOf(list []string) *words {
	w := &words{}
	for _, s := range list {
		rs := []rune(s)
		w.runes = append(w.runes, rs)
		w.first.add(rs[0])
		w.last.add(rs[len(rs)-1])
	}
	return w
}

// setOf returns the set of the characters of s.
func setOf(s string) (set runeSet) {
	for _, r := range s {
		set.add(r)
	}
	return set
}

// The word lists of the scanner's look-ups, as words.
var (
	prefixWords = wordsOf(wordList(prefixes))
	suffixWords = wordsOf(wordList(suffixes))
	chromeWords = func() *words {
		var list []string
		for _, l := range chromeLabels {
			list = append(list, l.Word)
		}
		return wordsOf(list)
	}()
	asVerbWords  = wordsOf(asVerbs)
	betweenWords = wordsOf(wordList(between))
)

func wordList(qs []qualifier) []string {
	var list []string
	for _, q := range qs {
		list = append(list, q.Word)
	}
	return list
}

func runeAt(src []rune, i int) rune {
	if i < 0 || i >= len(src) {
		return 0
	}
	return src[i]
}

func skipSpaces(src []rune, i int) int {
	for i < len(src) && src[i] == ' ' {
		i++
	}
	return i
}

// digitsAt reads a run of ASCII digits at i: its length and value (0 past 9 digits).
func digitsAt(src []rune, i int) (n, v int) {
	for i+n < len(src) && isDigit(src[i+n]) {
		if n < 9 {
			v = v*10 + int(src[i+n]-'0')
		}
		n++
	}
	return n, v
}
