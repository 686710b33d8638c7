package quantity

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/runes"
)

// scanner holds the state of one Scan: the text as runes, the position, the spans the date
// lexer claimed (dates are never quantities) and the quantities found so far.
type scanner struct {
	src   []rune
	pos   int
	dates []Date // from lexDates, in order
	di    int    // first date not yet behind pos
	out   []Quantity
}

// number is a number as read, before its unit.
type number struct {
	start, end int
	value      float64
	mag        bool // a magnitude (万, 亿, 千) was written
	chinese    bool
	mant       float64 // digits without the point: 38.27 -> 3827, for exact magnitudes
	frac       int     // digits after the point: 38.27 -> 2
}

// times returns the number times a magnitude, computed on the digits where that is exact:
// 38.27亿 is 3827 × 1e8 / 100 = 3827000000, where 38.27 × 1e8 is 3827000000.000001.
func (n number) times(factor float64) float64 {
	if n.frac > 0 && n.frac <= 15 && n.mant*factor < 1<<53 && factor == math.Trunc(factor) {
		return n.mant * factor / math.Pow10(n.frac)
	}
	return n.value * factor
}

func (sc *scanner) run() {
	for sc.pos < len(sc.src) {
		sc.step()
	}
}

// step reads one token at sc.pos and advances past it.
func (sc *scanner) step() {
	src := sc.src
	for sc.di < len(sc.dates) && sc.dates[sc.di].Stop <= sc.pos {
		sc.di++
	}
	if sc.di < len(sc.dates) && sc.dates[sc.di].Start <= sc.pos {
		sc.pos = sc.dates[sc.di].Stop
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
	if isCNNumeral(r) {
		for _, n := range nameIndex[r] {
			if hasRunes(src, sc.pos, n) {
				sc.pos += len(n)
				return
			}
		}
		sc.chinese()
		return
	}
	sc.pos++
}

// arabic reads a number written in digits at sc.pos and the quantity around it, if any.
func (sc *scanner) arabic() {
	src := sc.src
	start := sc.pos
	n, ok := lexArabic(src, start)
	if !ok {
		sc.pos = n.end
		return
	}
	sc.pos = n.end
	// Not quantities: codes (0431), Latin words (5G, G20), times (17:06), ordinals (第3轮).
	if isLatin(runeAt(src, start-1)) || isLatin(runeAt(src, n.end)) {
		return
	}
	if runeAt(src, n.end) == ':' && isDigit(runeAt(src, n.end+1)) {
		sc.pos = skipDigitsColons(src, n.end)
		return
	}
	if src[start] == '0' && n.end-start > 1 && runeAt(src, start+1) != '.' {
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
	sc.finish(n)
}

// chinese reads a Chinese numeral at sc.pos and the quantity around it, if any.
func (sc *scanner) chinese() {
	src := sc.src
	start := sc.pos
	end := cnRun(src, start)
	sc.pos = end
	if end == start {
		sc.pos++
		return
	}
	prev := runeAt(src, start-1)
	if strings.ContainsRune(cnBlockers, prev) || src[start] == '一' && end == start+1 && strings.ContainsRune(oneBlockers, prev) && !(prev == '为' && isDuration(src, end)) || ordinalList(src, start) {
		n := number{start: start, end: end, chinese: true}
		sc.pos = sc.skipTail(n)
		return
	}
	// 百/千/万 alone start a number only after 近, 上, 逾 … or before 余/多: 近百场, 上千人,
	// 百余人; not 百姓, 千方百计, 万家.
	if strings.ContainsRune("百千万亿", src[start]) {
		if _, _, ok := sc.prefixAt(start); !ok && runeAt(src, end) != '余' && runeAt(src, end) != '多' {
			return
		}
	}
	v, mag, ok := parseCN(src[start:end])
	if !ok || v > 1e15 {
		return
	}
	next := runeAt(src, end)
	if next == '几' || runes.HasPrefixAt(src, end, "分之") {
		sc.pos = end + 1
		return
	}
	n := number{start: start, end: end, value: v, mag: mag, chinese: true}
	if src[start] == '一' && end == start+1 && sc.oneIsWord(end) {
		return
	}
	sc.finish(n)
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
		for _, w := range asVerbs {
			if runes.HasPrefixAt(src, j, w) {
				return true
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
func isSloganEnd(r rune) bool {
	return strings.ContainsRune(",，。；;：:!！?？“”‘’\n", r)
}

// percentWord reads 百分之九十五 (95 %), 百分之百 (100 %), 千分之五 (5 ‰).
func (sc *scanner) percentWord() bool {
	src := sc.src
	start := sc.pos
	unitName := "%"
	if src[start] == '千' {
		unitName = "‰"
	}
	j := start + 3
	var n number
	switch {
	case isDigit(runeAt(src, j)):
		a, ok := lexArabic(src, j)
		if !ok {
			return false
		}
		n = a
	case runeAt(src, j) == '百':
		n = number{start: j, end: j + 1, value: 100, chinese: true}
	case isCNNumeral(runeAt(src, j)):
		end := cnRun(src, j)
		v, _, ok := parseCN(src[j:end])
		if !ok || v > 1e15 {
			return false
		}
		n = number{start: j, end: end, value: v, chinese: true}
	default:
		return false
	}
	q := Quantity{Value: round(n.value), Unit: unitName, Kind: KindPercent, Start: start, End: n.end}
	if p, qual, ok := sc.prefixAt(start); ok {
		q.Start = p
		q.Approx, q.Bound = qual.Approx, qual.Bound
	}
	end := sc.suffix(&q, n.end)
	q.End = end
	q.Text = string(src[q.Start:q.End])
	sc.out = append(sc.out, q)
	sc.pos = end
	return true
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
	j, factor, approx := sc.magnitude(n)
	q.Approx = q.Approx || approx
	value := n.times(factor)
	mag := n.mag || factor != 1
	// 3亿5000万元, 3亿5千万元, 1万5千元: a smaller magnitude written after the first.
	if !n.chinese && !approx && (factor == 1e8 || factor == 1e4) && isDigit(runeAt(src, j)) {
		if m, ok := lexArabic(src, j); ok {
			if j2, f2, a2 := sc.magnitude(m); f2 > 1 && f2 < factor {
				value += m.times(f2)
				j = j2
				q.Approx = q.Approx || a2
			}
		}
	}
	// A range: 10至20万元, 3-5人, 10%-20%.
	var max *float64
	if k := j; k < len(src) && strings.ContainsRune(rangeSeps, src[k]) {
		if m, ok := sc.rangeEnd(n, k+1); ok {
			j2, f2, a2 := sc.magnitude(m)
			if factor == 1 && f2 != 1 {
				value = n.times(f2) // 10至20万元: the magnitude is written once, at the end
				mag = true
			}
			mx := m.times(f2)
			max = &mx
			j = j2
			q.Approx = q.Approx || a2
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
	u, ulen := unitAt(src, k)
	if runes.HasPrefixAt(src, k, "个多月") || runes.HasPrefixAt(src, k, "个余月") {
		u, ulen = unitNamed("个月"), 3 // 两个多月 -> 2 个月, approx
		q.Approx = true
	}
	if runes.HasPrefixAt(src, k, "个半月") && max == nil {
		u, ulen = unitNamed("个月"), 3 // 三个半月 -> 3.5 个月
		value += 0.5
	}
	if u == nil && max == nil && !mag && sc.tenths(n, k) {
		u, ulen = &tenthUnit, 1 // 七成以上 -> 70 %
	}
	if u != nil && u.Name == "次" && sc.session(n.start, k+ulen) {
		sc.pos = k + ulen // 三次全会, 十六届人大二次会议: a session, not a count
		return
	}
	if u == nil && runeAt(src, k) == '日' && (runes.HasPrefixAt(src, k+1, "内") || runes.HasPrefixAt(src, k+1, "以内") || runes.HasPrefixAt(src, k+1, "之内")) {
		u, ulen = &dayUnit, 1 // 15日内
	}
	if u != nil {
		j = k + ulen
		if max == nil && !strings.ContainsRune("由从", runeAt(src, q.Start-1)) {
			// 10人至20人; but 由10%到20% is a change from one value to another: two quantities
			if r := runeAt(src, j); strings.ContainsRune(rangeSeps, r) {
				if m, ok := sc.rangeEnd(n, j+1); ok {
					if u2, l2 := unitAt(src, m.end); u2 != nil && u2.Base == u.Base {
						mx := m.value * u2.Factor
						max = &mx
						j = m.end + l2
					}
				}
			}
		}
		q.Unit, q.Kind = u.Base, u.Kind
		value *= u.Factor
		if max != nil {
			*max *= u.Factor
		}
		// 两年多, 一年半; 七成多, 七成半 (75 %)
		if u.Kind == KindDuration || u == &tenthUnit {
			if r := runeAt(src, j); r == '多' || r == '余' || r == '半' {
				q.Approx = q.Approx || r != '半'
				if r == '半' {
					value += 0.5 * u.Factor
				}
				j++
			}
		}
	} else if !mag {
		sc.pos = j
		return
	}
	q.Value = round(value)
	if max != nil {
		m := round(*max)
		q.Max = &m
	}
	q.End = sc.suffix(&q, j)
	q.Text = string(src[q.Start:q.End])
	if runeAt(src, n.start-1) == '各' {
		q.Each = listItems(src, n.start-1)
	}
	sc.out = append(sc.out, q)
	sc.pos = q.End
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
		q.Text = string(src[q.Start:q.End])
		sc.out = append(sc.out, q)
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
	for _, l := range chromeLabels {
		if (colon || !l.Colon) && runes.HasPrefixAt(src, j-utf8.RuneCountInString(l.Word), l.Word) {
			return true
		}
	}
	return false
}

// magnitude reads 余/多, a magnitude and 余/多 again after the number n: 300多万元, 20余万元.
func (sc *scanner) magnitude(n number) (end int, factor float64, approx bool) {
	src := sc.src
	j := n.end
	factor = 1
	if _, ok := sc.between(n, j); ok {
		approx = true
		j++
	}
	k := j
	if runeAt(src, k) == ' ' && !n.chinese {
		k++
	}
	if u, _ := unitAt(src, k); u != nil {
		return j, factor, approx // 3千克, 5千米: a unit, not a magnitude
	}
	for _, m := range magnitudes {
		if runes.HasPrefixAt(src, k, m.Name) {
			factor = m.Factor
			j = k + len([]rune(m.Name))
			if _, ok := sc.between(n, j); ok {
				approx = true
				j++
			}
			break
		}
	}
	return j, factor, approx
}

// between reports whether 余, 多 or 来 stands at j after the number n.
func (sc *scanner) between(n number, j int) (qualifier, bool) {
	r := runeAt(sc.src, j)
	for _, b := range between {
		if string(r) != b.Word {
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

// rangeEnd reads the second number of a range at j (after 至, -, …).
func (sc *scanner) rangeEnd(first number, j int) (number, bool) {
	src := sc.src
	if j < len(src) && src[j] == ' ' {
		j++
	}
	switch {
	case !first.chinese && isDigit(runeAt(src, j)):
		m, ok := lexArabic(src, j)
		if !ok || m.value < first.value {
			return m, false
		}
		return m, true
	case first.chinese && isCNNumeral(runeAt(src, j)) && !strings.ContainsRune("百千万亿", src[j]):
		end := cnRun(src, j)
		v, mag, ok := parseCN(src[j:end])
		if !ok || v < first.value || v > 1e15 {
			return number{}, false
		}
		return number{start: j, end: end, value: v, mag: mag, chinese: true}, true
	}
	return number{}, false
}

// suffix reads 左右, 以上, 以下 … at j into q and returns the end of the quantity.
func (sc *scanner) suffix(q *Quantity, j int) int {
	for _, s := range suffixes {
		if runes.HasPrefixAt(sc.src, j, s.Word) {
			q.Approx = q.Approx || s.Approx
			if s.Bound != "" {
				q.Bound = s.Bound
			}
			return j + len([]rune(s.Word))
		}
	}
	return j
}

// skipTail returns the end of the number n with its magnitude, range and unit, for numbers
// that are not quantities (第3轮, 每一条): the whole construct is passed over.
func (sc *scanner) skipTail(n number) int {
	j, _, _ := sc.magnitude(n)
	if r := runeAt(sc.src, j); strings.ContainsRune("至到-~", r) {
		if m, ok := sc.rangeEnd(n, j+1); ok {
			j = m.end
		}
	}
	if u, l := unitAt(sc.src, j); u != nil {
		j += l
	}
	return j
}

// prefixAt finds a qualifier written just before start (约30人, 超过100个, 近百场).
func (sc *scanner) prefixAt(start int) (int, qualifier, bool) {
	src := sc.src
	for _, p := range prefixes {
		s := start - utf8.RuneCountInString(p.Word)
		if !runes.HasPrefixAt(src, s, p.Word) {
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
	for _, e := range unitIndex[runeAt(src, j)] {
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

// unitIndex maps the first rune of every unit name to its entries.
var unitIndex = func() map[rune][]unitEntry {
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
	return m
}()

// nameIndex maps the first rune of every entry of names to the entries, as runes.
var nameIndex = func() map[rune][][]rune {
	m := make(map[rune][][]rune)
	for _, n := range names {
		r := []rune(n)
		m[r[0]] = append(m[r[0]], r)
	}
	return m
}()

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
	closeMark := map[rune]rune{'“': '”', '‘': '’', '"': '"'}[src[i]]
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

// lexArabic reads 1234, 1,234, 98.71 at i.
func lexArabic(src []rune, i int) (number, bool) {
	n := number{start: i}
	j := i
	var mant float64
	for j < len(src) && isDigit(src[j]) {
		mant = mant*10 + float64(src[j]-'0')
		j++
	}
	if j == i {
		n.end = i + 1
		return n, false
	}
	if j-i > maxDigits {
		n.end = j // an ID or a code, not a number
		return n, false
	}
	// Thousands separators: 1,234 and 1,234,567 (groups of exactly three digits), taken only
	// when a unit, magnitude or decimal part follows, since the folded text also has commas
	// between clauses.
	if j-i <= 3 {
		k, m := j, mant
		for runeAt(src, k) == ',' && countDigits(src, k+1) == 3 {
			for _, r := range src[k+1 : k+4] {
				m = m*10 + float64(r-'0')
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
			if r == '.' || r == '%' || r == ' ' || isUnitStart(src, k) {
				j, mant = k, m
			}
		}
	}
	if runeAt(src, j) == '.' && isDigit(runeAt(src, j+1)) {
		k := j + 1
		scale := 1.0
		for k < len(src) && isDigit(src[k]) {
			mant = mant*10 + float64(src[k]-'0')
			scale *= 10
			k++
		}
		if runeAt(src, k) == '.' && isDigit(runeAt(src, k+1)) || k-j-1 > maxDigits {
			// 3.5.1, a version or a date; or too many digits: not a number
			n.end = skipDigitsDots(src, k)
			return n, false
		}
		n.mant, n.frac = mant, k-j-1
		mant /= scale
		j = k
	}
	n.end, n.value = j, mant
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

// cnRun returns the end of the run of Chinese numeral characters at i (二十八, 三点五, 一百零五).
func cnRun(src []rune, i int) int {
	j := i
	for j < len(src) {
		r := src[j]
		switch {
		case isCNNumeral(r):
			j++
		case r == '点' && j > i && cnDigitValue(runeAt(src, j+1)) >= 0:
			j++
		default:
			return j
		}
	}
	return j
}

// parseCN parses a run of Chinese numerals: 二十八 28, 两千 2000, 一百零五 105, 一百五 150,
// 廿三 23, 三点五 3.5, 二十万 200000, 三点五亿 350000000. Runs that are not one number
// (五六, 十四五, 七一) are rejected.
func parseCN(run []rune) (v float64, mag bool, ok bool) {
	intPart, frac := run, []rune(nil)
	for k, r := range run {
		if r == '点' {
			intPart, frac = run[:k], run[k+1:]
			break
		}
	}
	if len(intPart) == 0 {
		return 0, false, false
	}
	if frac == nil {
		return parseCNInt(intPart)
	}
	iv, m, ok := parseCNInt(intPart)
	if !ok || m {
		return 0, false, false
	}
	scale := 1.0
	k := 0
	for ; k < len(frac); k++ {
		d := cnDigitValue(frac[k])
		if d < 0 {
			break
		}
		scale /= 10
		iv += float64(d) * scale
	}
	for ; k < len(frac); k++ {
		switch frac[k] {
		case '万':
			iv *= 1e4
		case '亿':
			iv *= 1e8
		default:
			return 0, false, false
		}
		mag = true
	}
	return iv, mag, true
}

func parseCNInt(run []rune) (float64, bool, bool) {
	var total, section float64
	cur := -1
	lastMult := 0
	zero := false
	mag := false
	for k, r := range run {
		d := cnDigitValue(r)
		switch {
		case r == '廿' || r == '卅':
			if cur != -1 || section != 0 || k > 0 && lastMult == 0 && total == 0 {
				return 0, false, false
			}
			section += map[rune]float64{'廿': 20, '卅': 30}[r]
			lastMult = 10
		case d == 0:
			if k == 0 {
				return 0, false, false
			}
			zero, cur = true, -1
		case d > 0:
			if cur != -1 {
				return 0, false, false // 五六, 十四五
			}
			cur = d
		case r == '十' || r == '百' || r == '千':
			m := map[rune]int{'十': 10, '百': 100, '千': 1000}[r]
			if lastMult != 0 && m >= lastMult {
				return 0, false, false
			}
			if cur == -1 {
				if m == 10 && section == 0 || k == 0 {
					cur = 1 // 十二, 百 (近百场)
				} else {
					return 0, false, false
				}
			}
			section += float64(cur * m)
			cur, lastMult, zero = -1, m, false
		case r == '万' || r == '亿':
			if cur != -1 {
				section += float64(cur)
				cur = -1
			}
			if section == 0 && total == 0 {
				if k != 0 {
					return 0, false, false
				}
				section = 1
			}
			if r == '亿' {
				total = (total + section) * 1e8
			} else {
				total += section * 1e4
			}
			section, lastMult, mag, zero = 0, 0, true, false
		default:
			return 0, false, false
		}
	}
	if cur != -1 {
		if lastMult >= 100 && !zero {
			section += float64(cur * lastMult / 10) // 一百五 = 150
		} else {
			section += float64(cur)
		}
	}
	return total + section, mag, true
}

// maxDigits bounds the digits of a number (before and after the point); longer runs are
// codes, and would overflow float64 or lose its precision.
const maxDigits = 15

// round drops the noise of binary floating point: to six decimals below 1e9 (98.71, 0.5), to
// fifteen significant digits above (1.2万亿), where six decimals no longer fit a float64.
func round(v float64) float64 {
	if math.Abs(v) < 1e9 {
		return math.Round(v*1e6) / 1e6
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		return v
	}
	return r
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isLatin(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// isCNDigit reports the Chinese digits written in years (二〇二三).
func isCNDigit(r rune) bool { return r != '两' && cnDigitValue(r) >= 0 }

// isCNNumeral reports the characters a Chinese numeral is made of.
func isCNNumeral(r rune) bool {
	switch r {
	case '十', '百', '千', '万', '亿', '廿', '卅':
		return true
	}
	return cnDigitValue(r) >= 0
}

func cnDigitValue(r rune) int {
	switch r {
	case '〇', '零', '○': // ○ (U+25CB) is often typed for 〇: 二○二三年
		return 0
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

func isClauseEnd(r rune) bool {
	return r == 0 || strings.ContainsRune(",，。；;：:!！?？)）、 \n", r)
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
