package quantity

import (
	"math"
	"math/bits"
	"strconv"
	"strings"

	"github.com/xuncha/xuncha/internal/runes"
)

// The numeral reader: every number of the scanner, and of the packages that read numbers in
// headings, labels and dates (through ReadNumber and ParseNumber), is read here.
//
// A numeral is a run of numeral tokens, evaluated as one number:
//
//	digits     1234, 1,234 (thousands separators), 98.71
//	Chinese    二十八, 一百零五, 一千零十, 一百十一, 两千, 三点一四, 零点五, 廿三, 〇
//	capitals   壹万贰仟, 伍佰零陆 (大写, where the run has a capital that is nothing else)
//	magnitudes 二十万, 三亿五千万, 四万万, 五兆六十二亿 (兆 only before 亿), 两个亿
//	mixed      5万4千6百, 3万4000, 100万三千, 1千零20, 2.5万, 三点五亿, 两千万点五
//	elliptic   一百五 (150), 一千二 (1200), 一万三 (13000), 三亿五 (350000000)
//
// and a sign before it (numeralSigns). What follows a number (余, units, 左右) and what stands
// before it (约, 超过) is the scanner's. Values are computed exactly in decimal and turned into
// the nearest float64 once, so 38.27亿 is 3827000000 and 三点一四一五九二六 keeps its digits.
//
// Not read (no value at all, never a wrong one): runs of bare digits (五六个, 十四五, 二〇二三,
// which the date lexer reads as years), a single Arabic digit after a unit without 零 (3万5:
// 35000 or 30005?), 两 after a unit (两万两: 两 is also a weight), fractions (三分之一, 3/5,
// 一百分之二), and runs too large for nineteen significant digits.

// numeralDigit is one character that writes a digit.
type numeralDigit struct {
	R       rune
	Value   int
	Capital int     // 0: ordinary; 1: a capital (大写) that is nothing else; 2: a capital that is also a word
	Example string  // a numeral with it, read by the tests
	Want    float64 // the value of Example
}

// numeralDigits are the digit characters of Chinese numerals (after fold: 兩 -> 两, 參 -> 参,
// 陸 -> 陆). 零 and 〇 stand alone only as zero itself (零点五, 〇个); in a run they mark a
// skipped place (一百零五).
var numeralDigits = []numeralDigit{
	{'零', 0, 0, "一百零五", 105},  // 零 between places; 零点五 0.5
	{'〇', 0, 0, "一千〇五", 1005}, // the ideographic zero, as 零
	{'一', 1, 0, "一千零十", 1010}, // 一千零十: 十 after 零 is 一十
	{'二', 2, 0, "二十八", 28},    //
	{'两', 2, 0, "两千", 2000},   // 两 before a unit; not a decimal digit (一点两小时)
	{'俩', 2, 0, "俩", 2},       // colloquial two
	{'倆', 2, 0, "倆", 2},       // traditional 俩 (fold keeps it)
	{'三', 3, 0, "三点一四一五九二六", 3.1415926},
	{'四', 4, 0, "四十五亿零四百零四万", 4504040000},
	{'五', 5, 0, "一百五", 150}, // elliptic: 一百五 is 150
	{'六', 6, 0, "六十", 60},
	{'七', 7, 0, "七十七", 77},
	{'八', 8, 0, "八万", 80000},
	{'九', 9, 0, "九十九", 99},
	{'壹', 1, 1, "壹佰", 100}, // capitals, in amounts written against alteration
	{'贰', 2, 1, "贰仟", 2000},
	{'貳', 2, 1, "貳拾", 20},
	{'叁', 3, 1, "叁拾", 30},
	{'肆', 4, 2, "肆佰", 400},  // also a word (肆意): only beside a plain capital
	{'伍', 5, 2, "伍佰", 500},  // 队伍
	{'陆', 6, 2, "陆仟", 6000}, // 陆续, 大陆
	{'柒', 7, 1, "柒拾", 70},
	{'捌', 8, 1, "捌佰", 800},
	{'玖', 9, 1, "玖仟", 9000},
	{'参', 3, 2, "参仟", 3000}, // 参加
}

// numeralUnit is a place within a section of four: 十 百 千.
type numeralUnit struct {
	R       rune
	Exp     int // power of ten
	Capital int // as numeralDigit.Capital
	Example string
	Want    float64
}

// numeralUnits are the places below 万. 十 at the start, after 零 or after a larger place
// stands for 一十 (十二, 一千零十, 一百十一); 百 and 千 alone only at the start (近百场, 逾千人).
var numeralUnits = []numeralUnit{
	{'十', 1, 0, "一百十一", 111},
	{'拾', 1, 2, "壹拾贰", 12}, // also a word (收拾)
	{'百', 2, 0, "百", 100},  // 近百场
	{'佰', 2, 1, "伍佰零陆", 506},
	{'千', 3, 0, "5千", 5000}, // not in a unit: 一千克 is 1 千克, 10千伏 is 10 千伏
	{'仟', 3, 1, "壹仟", 1000},
}

// numeralMagnitude is a magnitude that closes a section: 万, 亿.
type numeralMagnitude struct {
	Word    string
	Exp     int  // power of ten
	NeedYi  bool // only where 亿 follows in the same numeral
	Example string
	Want    float64
}

// numeralMagnitudes are the magnitudes, longest first. A larger magnitude after a smaller one
// multiplies all before it (一千万亿, 1.2万亿, 三点五亿); a smaller one adds (三亿五千万, 5亿1万).
var numeralMagnitudes = []numeralMagnitude{
	{"万万", 8, false, "四万万", 400000000},                    // archaic 亿
	{"个亿", 8, false, "两个亿", 200000000},                    // colloquial: 投资两个亿
	{"万", 4, false, "5万4千6百", 54600},                      // digits and Chinese mixed after it
	{"亿", 8, false, "一千一百一十一万一千一百一十一亿", 1111111100000000}, // multiplies the 万 before it
	{"兆", 12, true, "五兆六十二亿四万五千二", 5006200045200},         // 10^12 only before 亿: 100兆瓦 is a unit, 5兆 is not read
}

// numeralSign is a sign before a number.
type numeralSign struct {
	R       rune
	Example string
	Want    float64
}

// numeralSigns are the minus signs (fold turns 負 into 负 and － into -). '-' is a minus only
// where it cannot join two numbers: not after a digit, a letter, a closing bracket or %
// (3-5人, 10%-20%, 1万(含)-5万元 are ranges; e-1 is an exponent). 负 is a minus except after
// the characters of signNotAfter (肩负一项任务: 负 is "to bear").
var numeralSigns = []numeralSign{
	{'负', "负3.9", -3.9},   // 负三十二个, 百分之负三点八
	{'-', "-22.2", -22.2}, // 下降-22.2%; not in 3-5人
	{'−', "−5", -5},       // U+2212 MINUS SIGN
	{'﹣', "﹣5", -5},       // U+FE63 SMALL HYPHEN-MINUS
}

// signNotAfter are the characters that make 负 a verb or a noun (肩负, 担负, 辜负, 背负, 身负, 不负,
// 欺负, 自负, 抱负, 胜负, 正负), so 担负两项任务 is 2 项, not -2.
const signNotAfter = "肩担辜背身不欺自抱胜正"

// The tables above, indexed for the loops that look at every character: a bit set of the
// numeral characters (numeralSet), their entries by character (numeralClass, read for members
// of the set only) and a bit set of the signs. A lookup is a bit test, not a map access.
var (
	numeralSet, numeralClass = numeralIndex()
	signSet                  = func() (s runeSet) {
		for _, g := range numeralSigns {
			s.add(g.R)
		}
		return s
	}()
)

// numeralClass holds, at r-numeralClassLo, 1+i for numeralDigits[i] and unitClass+i for
// numeralUnits[i]; every numeral character lies between numeralClassLo and numeralClassHi.
const (
	numeralClassLo = 0x3000
	numeralClassHi = 0xA000
	unitClass      = 64
)

func numeralIndex() (set runeSet, class [numeralClassHi - numeralClassLo]uint8) {
	put := func(r rune, c int) {
		if r < numeralClassLo || r >= numeralClassHi {
			panic("quantity: numeral character outside numeralClass: " + string(r))
		}
		set.add(r)
		class[r-numeralClassLo] = uint8(c)
	}
	for i, d := range numeralDigits {
		put(d.R, 1+i)
	}
	for i, u := range numeralUnits {
		put(u.R, unitClass+i)
	}
	return set, class
}

// digitOf returns the entry of numeralDigits for r.
func digitOf(r rune) (*numeralDigit, bool) {
	if !numeralSet.has(r) {
		return nil, false
	}
	c := int(numeralClass[r-numeralClassLo])
	if c == 0 || c >= unitClass {
		return nil, false
	}
	return &numeralDigits[c-1], true
}

// unitOf returns the entry of numeralUnits for r.
func unitOf(r rune) (*numeralUnit, bool) {
	if !numeralSet.has(r) {
		return nil, false
	}
	c := int(numeralClass[r-numeralClassLo])
	if c < unitClass {
		return nil, false
	}
	return &numeralUnits[c-unitClass], true
}

// isSign reports the characters of numeralSigns.
func isSign(r rune) bool { return signSet.has(r) }

// runeSet is a set of characters of the Basic Multilingual Plane, one bit each.
type runeSet [1 << 16 / 64]uint64

func (s *runeSet) add(r rune) {
	if r < 0 || r >= 1<<16 {
		panic("quantity: rune outside runeSet: " + string(r))
	}
	s[r>>6] |= 1 << (r & 63)
}

func (s *runeSet) has(r rune) bool {
	i := uint32(r)
	return i < 1<<16 && s[i>>6&(uint32(len(s))-1)]&(1<<(i&63)) != 0 // the mask spares a bounds check
}

// decimal is an exact decimal number: mant × 10^exp.
type decimal struct {
	mant uint64
	exp  int
}

func decOf(v uint64) decimal { return decimal{mant: v}.norm() }

// norm strips trailing zeros from the mantissa.
func (d decimal) norm() decimal {
	if d.mant == 0 {
		return decimal{}
	}
	for d.mant%10 == 0 {
		d.mant /= 10
		d.exp++
	}
	return d
}

// shift multiplies d by 10^k.
func (d decimal) shift(k int) decimal {
	if d.mant == 0 {
		return d
	}
	d.exp += k
	return d
}

// add returns a+b; false on overflow.
func (a decimal) add(b decimal) (decimal, bool) {
	if a.mant == 0 {
		return b, true
	}
	if b.mant == 0 {
		return a, true
	}
	if a.exp < b.exp {
		a, b = b, a
	}
	for a.exp > b.exp {
		hi, lo := bits.Mul64(a.mant, 10)
		if hi != 0 {
			return decimal{}, false
		}
		a.mant, a.exp = lo, a.exp-1
	}
	s, carry := bits.Add64(a.mant, b.mant, 0)
	if carry != 0 {
		return decimal{}, false
	}
	return decimal{s, b.exp}.norm(), true
}

// mul returns a×m for a small whole m; false on overflow.
func (a decimal) mul(m uint64) (decimal, bool) {
	hi, lo := bits.Mul64(a.mant, m)
	if hi != 0 {
		return decimal{}, false
	}
	return decimal{lo, a.exp}.norm(), true
}

// less reports a < b.
func (a decimal) less(b decimal) bool { return a.float() < b.float() }

// isInt reports whether d is a whole number.
func (d decimal) isInt() bool { return d.exp >= 0 }

var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
	1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// float returns the float64 nearest to d.
func (d decimal) float() float64 {
	if d.mant == 0 {
		return 0
	}
	if d.mant < 1<<53 && d.exp >= -22 && d.exp <= 22 {
		// Both operands exact: one rounding, the correctly rounded result.
		if d.exp >= 0 {
			return float64(d.mant) * pow10[d.exp]
		}
		return float64(d.mant) / pow10[-d.exp]
	}
	f, err := strconv.ParseFloat(strconv.FormatUint(d.mant, 10)+"e"+strconv.Itoa(d.exp), 64)
	if err != nil || math.IsInf(f, 0) {
		return math.MaxFloat64
	}
	return f
}

// maxExp bounds the magnitude of a number read (10^30): runs beyond it are not numbers.
const maxExp = 30

// numTok is one token of a numeral run.
type numTok struct {
	kind       int
	val        decimal // tDigit, tFrac
	exp        int     // tUnit, tMag
	arabic     bool    // tDigit written in digits
	start, end int
	two        bool // tDigit 两
}

const (
	tDigit = iota // a digit or an Arabic number
	tZero         // 零 〇
	tUnit         // 十 百 千
	tMag          // 万 亿 兆 万万 个亿
	tFrac         // 点五, .5 after a Chinese integer: the decimal part
)

// numOpts are the reader's options.
type numOpts struct {
	sepAlways bool // thousands separators whatever follows (百分之1,669)
}

// readNumeral reads the numeral at i (no sign). When ok is false, n.end is the end of what
// was looked at, for the caller to pass over.
//
// Digits that nothing after them continues (numeralGoesOn), the most common numeral, are read
// here as numeralTokens and evalNumeral read one Arabic token: its value, no magnitude.
// Everything else goes through the tokens (readTokens).
func readNumeral(src []rune, i int, o numOpts) (number, bool) {
	if isDigit(runeAt(src, i)) {
		if a, ok := lexArabic(src, i, o.sepAlways); ok && !numeralGoesOn(src, a.end) && a.val.exp <= maxExp {
			return a, true
		}
	}
	return readTokens(src, i, o)
}

// numeralGoesOn reports whether the character at j, just after digits, may continue the
// numeral in numeralTokens: a space (before a magnitude), a digit, 廿 卅, 万 亿 兆 个 (个亿),
// or any character of numeralSet (a Chinese digit or place).
func numeralGoesOn(src []rune, j int) bool {
	if j >= len(src) {
		return false
	}
	switch r := src[j]; r {
	case ' ', '廿', '卅', '万', '亿', '兆', '个':
		return true
	default:
		return isDigit(r) || numeralSet.has(r)
	}
}

// readTokens is readNumeral through numeralTokens and evalNumeral, for every numeral.
func readTokens(src []rune, i int, o numOpts) (number, bool) {
	var buf [16]numTok // the tokens of most numerals, without an allocation
	toks, end, ok := numeralTokens(src, i, o, buf[:0])
	n := number{start: i, end: end}
	if !ok || len(toks) == 0 {
		if n.end <= i {
			n.end = i + 1
		}
		return n, false
	}
	n.chinese = !toks[0].arabic
	v, mag, ok := evalNumeral(toks)
	if !ok {
		return n, false
	}
	n.val, n.mag = v, mag
	n.value = v.float()
	return n, true
}

// capitalRun reports whether the run of numeral characters at i holds a capital that is
// nothing else (壹 贰 叁 柒 捌 玖 佰 仟), which lets the capitals that are also words
// (伍 陆 肆 参 拾) be read in it.
func capitalRun(src []rune, i int) bool {
	for j := i; j < len(src); j++ {
		r := src[j]
		if d, ok := digitOf(r); ok {
			if d.Capital == 1 {
				return true
			}
			continue
		}
		if u, ok := unitOf(r); ok {
			if u.Capital == 1 {
				return true
			}
			continue
		}
		if r == '万' || r == '亿' || r == '点' {
			continue
		}
		return false
	}
	return false
}

// numeralStart reports whether a numeral may start at i: a digit, a Chinese numeral
// character, or a capital (the word-like ones only in a run of capitals).
func numeralStart(src []rune, i int) bool {
	r := runeAt(src, i)
	if isDigit(r) {
		return true
	}
	if d, ok := digitOf(r); ok {
		return d.Capital != 2 || capitalRun(src, i)
	}
	if u, ok := unitOf(r); ok {
		return u.Capital != 2 || capitalRun(src, i) || shiFirst(src, i)
	}
	return r == '万' || r == '亿' || r == '廿' || r == '卅'
}

// shiFirst reports whether 拾 at i opens a numeral as 十 (拾六万零五百零六): a plain digit
// follows, and it is not the 拾 of 收拾 (收拾三个房间).
func shiFirst(src []rune, i int) bool {
	if runeAt(src, i) != '拾' || runeAt(src, i-1) == '收' {
		return false
	}
	d, ok := digitOf(runeAt(src, i+1))
	return ok && d.Capital == 0 && d.Value > 0
}

// numeralTokens splits the numeral run at i into tokens, appended to toks. ok is false when
// the run holds something that is not a number (an Arabic code, a version 3.5.1).
func numeralTokens(src []rune, i int, o numOpts, toks []numTok) ([]numTok, int, bool) {
	capitals := capitalRun(src, i)
	j := i
	for j < len(src) {
		r := src[j]
		if j > i && len(toks) > 0 {
			if _, ok := nameIndexAt(src, j); ok {
				break // 一百万一次性: a name starts here
			}
		}
		switch {
		case isDigit(r):
			if len(toks) > 0 && toks[len(toks)-1].kind == tFrac {
				return toks, j, false
			}
			a, ok := lexArabic(src, j, o.sepAlways)
			if !ok {
				return toks, a.end, false
			}
			toks = append(toks, numTok{kind: tDigit, val: a.val, arabic: true, start: j, end: a.end})
			j = a.end
			// 1234.56 万元, 7 万5 千: a space between digits and a magnitude
			if runeAt(src, j) == ' ' && magnitudeRune(src, j+1) {
				j++
			}
			continue
		case r == '廿' || r == '卅':
			v := uint64(2)
			if r == '卅' {
				v = 3
			}
			toks = append(toks, numTok{kind: tDigit, val: decOf(v), start: j, end: j + 1},
				numTok{kind: tUnit, exp: 1, start: j, end: j + 1})
			j++
			continue
		case r == '点' && len(toks) > 0 && toks[len(toks)-1].kind != tFrac:
			if toks[len(toks)-1].arabic {
				return toks, j, true // 3点30分 is a time; digits take a point: 3.5
			}
			f, e := fracAt(src, j+1, capitals)
			if e == j+1 {
				return toks, j, true
			}
			toks = append(toks, numTok{kind: tFrac, val: f, start: j, end: e})
			j = e
			continue
		case r == '万' || r == '亿' || r == '兆' || r == '个' && runeAt(src, j+1) == '亿' && len(toks) > 0:
			m, w := magnitudeWord(src, j)
			if w == 0 {
				return toks, j, true
			}
			toks = append(toks, numTok{kind: tMag, exp: m, start: j, end: j + w})
			j += w
			continue
		}
		if d, ok := digitOf(r); ok && (d.Capital != 2 || capitals) {
			if d.Value == 0 {
				toks = append(toks, numTok{kind: tZero, start: j, end: j + 1})
			} else {
				toks = append(toks, numTok{kind: tDigit, val: decOf(uint64(d.Value)), start: j, end: j + 1, two: r == '两'})
			}
			j++
			continue
		}
		if u, ok := unitOf(r); ok && (u.Capital != 2 || capitals || j == i && shiFirst(src, j)) {
			if u.Exp >= 2 && (runeAt(src, j+1) == '分' || unitStartsWith(src, j)) {
				break // 百分之, 千分之, 百分位; 千米, 千克, 千瓦: not a place
			}
			toks = append(toks, numTok{kind: tUnit, exp: u.Exp, start: j, end: j + 1})
			j++
			continue
		}
		break
	}
	return toks, j, true
}

// magnitudeRune reports whether a magnitude or a place that may follow digits starts at j
// (万 亿 千 百), and is not the start of a unit (千米).
func magnitudeRune(src []rune, j int) bool {
	switch runeAt(src, j) {
	case '万', '亿':
		return true
	case '千', '百':
		return !unitStartsWith(src, j) && runeAt(src, j+1) != '分'
	}
	return false
}

// unitStartsWith reports whether a unit of the table starts at j (千米, 千克, 千瓦 …).
func unitStartsWith(src []rune, j int) bool {
	u, _ := unitAt(src, j)
	return u != nil
}

// magnitudeWord reads the magnitude of numeralMagnitudes at j: its power of ten and width,
// or width 0.
func magnitudeWord(src []rune, j int) (int, int) {
	for _, m := range numeralMagnitudes {
		if !runes.HasPrefixAt(src, j, m.Word) {
			continue
		}
		w := len([]rune(m.Word))
		if m.NeedYi && !yiFollows(src, j+w) {
			return 0, 0 // 兆瓦, 5兆: mega, or unclear
		}
		return m.Exp, w
	}
	return 0, 0
}

// yiFollows reports whether 亿 follows in the numeral run at j (五兆六十二亿).
func yiFollows(src []rune, j int) bool {
	for k := j; k < len(src) && k < j+12; k++ {
		if src[k] == '亿' {
			return true
		}
		if !isDigit(src[k]) && !isCNNumeral(src[k]) {
			return false
		}
	}
	return false
}

// fracAt reads the digits of a decimal part after 点 at j: Chinese digits (not 两) or Arabic
// digits. It returns the fraction and the end (j when there is none).
func fracAt(src []rune, j int, capitals bool) (decimal, int) {
	var mant uint64
	k := j
	for k < len(src) && k-j < 19 {
		var d int
		switch r := src[k]; {
		case isDigit(r):
			d = int(r - '0')
		case r == '零' || r == '〇':
			d = 0
		default:
			nd, ok := digitOf(r)
			if !ok || nd.Capital == 2 && !capitals || r == '两' || r == '俩' || r == '倆' {
				return decimal{mant, -(k - j)}.norm(), k
			}
			d = nd.Value
		}
		mant = mant*10 + uint64(d)
		k++
	}
	return decimal{mant, -(k - j)}.norm(), k
}

// evalNumeral evaluates the tokens of one numeral. mag reports a magnitude written (万, 亿,
// or a place after digits: 5千).
func evalNumeral(toks []numTok) (v decimal, mag bool, ok bool) {
	var result, section decimal
	var cur *numTok
	lastUnit := 4 // the last place in the section (4: none yet)
	bigMag, lastMag := 0, 0
	zero, frac, fracAfterMag := false, false, false
	arabicSeen := false
	prevKind := -1
	add := func(a, b decimal) bool {
		s, ok := a.add(b)
		if ok {
			result = s
		}
		return ok
	}
	for k := range toks {
		t := &toks[k]
		first := k == 0
		switch t.kind {
		case tDigit:
			if cur != nil || frac {
				return v, false, false // 五六, 十四五, 3.5.1
			}
			if t.arabic {
				arabicSeen = true
				if prevKind == tUnit && !zero && !t.val.isInt() {
					return v, false, false
				}
			}
			cur = t
		case tZero:
			if first {
				if len(toks) == 1 || toks[1].kind == tFrac {
					cur = &numTok{kind: tDigit} // 零, 〇个, 零点五
					break
				}
				return v, false, false // 零五
			}
			if cur != nil {
				return v, false, false // 五零, 二〇二三
			}
			zero = true
		case tUnit:
			if t.exp >= lastUnit || frac {
				return v, false, false // 十百, 二十十
			}
			coef := decOf(1)
			switch {
			case cur != nil:
				coef = cur.val
				if cur.arabic && (10 <= coef.float() || !first && !cur.val.isInt()) {
					return v, false, false // 12千: not a numeral
				}
			case first:
			case t.exp == 1 && (zero || lastUnit < 4 && (toks[0].kind != tUnit || bigMag > 0)):
				// 一千零十, 一百十一, 十万零十; not 百十 (about a hundred)
			default:
				return v, false, false
			}
			s, ok := section.add(coef.shift(t.exp))
			if !ok {
				return v, false, false
			}
			section, cur, lastUnit, zero = s, nil, t.exp, false
			if arabicSeen {
				mag = true // 5千, 4千6百
			}
		case tMag:
			if fracAfterMag {
				return v, false, false
			}
			part := section
			if cur != nil {
				var ok bool
				if part, ok = part.add(cur.val); !ok {
					return v, false, false
				}
			}
			if part.mant == 0 && cur == nil {
				switch {
				case first:
					part = decOf(1) // 万余, 近万人
				case prevKind == tMag && t.exp > lastMag, prevKind == tFrac:
					// 万亿, 三点五亿: multiplies all before it
				default:
					return v, false, false
				}
			}
			switch {
			case t.exp > bigMag:
				s, ok := result.add(part)
				if !ok {
					return v, false, false
				}
				result = s.shift(t.exp)
				bigMag = t.exp
			case t.exp < lastMag:
				if !add(result, part.shift(t.exp)) {
					return v, false, false
				}
			default:
				return v, false, false // 万…万 apart
			}
			lastMag, section, cur, lastUnit, zero, mag = t.exp, decimal{}, nil, 4, false, true
			if result.exp > maxExp {
				return v, false, false
			}
		case tFrac:
			if frac || cur == nil && prevKind != tUnit && prevKind != tMag {
				return v, false, false
			}
			part := section
			if cur != nil {
				c, ok := lastDigit(toks, k-1, zero, lastUnit, lastMag)
				if !ok {
					return v, false, false
				}
				if part, ok = part.add(c); !ok {
					return v, false, false
				}
			}
			s, ok := result.add(part)
			if !ok {
				return v, false, false
			}
			if !add(s, t.val) {
				return v, false, false
			}
			section, cur, frac, fracAfterMag, lastUnit = decimal{}, nil, true, bigMag > 0, 4
			lastMag = 0
		}
		prevKind = t.kind
	}
	if cur != nil {
		c, ok := lastDigit(toks, len(toks)-1, zero, lastUnit, lastMag)
		if !ok {
			return v, false, false
		}
		s, ok := section.add(c)
		if !ok {
			return v, false, false
		}
		section = s
	}
	if !add(result, section) {
		return v, false, false
	}
	if result.exp > maxExp {
		return v, false, false
	}
	return result, mag, true
}

// lastDigit returns the value of the digit token toks[k] that ends a section (before the end
// of the numeral or its decimal part): 五 of 二十五 is 5, of 一百五 50 (elliptic: 一百五 is 150,
// 一万三 13000, 两千三点一 2300.1); 4000 of 3万4000 is 4000. ok is false where the reading is
// unclear: a single Arabic digit after a place without 零 (3万5), 两 after a place (两万两).
func lastDigit(toks []numTok, k int, zero bool, lastUnit, lastMag int) (decimal, bool) {
	cur := toks[k]
	if k == 0 || zero {
		return cur.val, true
	}
	prev := toks[k-1]
	switch {
	case prev.kind == tUnit && prev.exp == 1:
		return cur.val, true // 二十五
	case cur.arabic:
		lim := lastUnit
		if prev.kind == tMag {
			lim = lastMag
		}
		if cur.val.float() < 10 || !(cur.val.float() < math.Pow10(lim)) {
			return cur.val, false
		}
		return cur.val, true
	case cur.two:
		return cur.val, false
	case prev.kind == tUnit || prev.kind == tMag:
		return cur.val.shift(prev.exp - 1), true
	}
	return cur.val, true
}

// nameIndexAt reports whether an entry of names starts at j.
func nameIndexAt(src []rune, j int) ([]rune, bool) {
	slot, ok := nameFirst.slot(src[j])
	if !ok {
		return nil, false
	}
	for _, n := range nameLists[slot] {
		if hasRunes(src, j, n) {
			return n, true
		}
	}
	return nil, false
}

// signAt reports whether a minus sign at i applies to the number after it (see numeralSigns).
func signAt(src []rune, i int) bool {
	r := runeAt(src, i)
	if !isSign(r) || !numeralStart(src, i+1) {
		return false
	}
	prev := runeAt(src, i-1)
	if r == '负' {
		return !strings.ContainsRune(signNotAfter, prev)
	}
	if prev == 0 || prev == ' ' || prev == '\n' {
		return true
	}
	if isDigit(prev) || isLatin(prev) || isSign(prev) || strings.ContainsRune(")）]】%‰/.~—-_+*^=&", prev) {
		return false
	}
	return true
}

// ReadNumber reads the number that starts at rune offset i of s, a folded text (fold.String):
// Arabic digits, Chinese numerals or both mixed, with a minus sign. It returns the value and
// the rune offset just past the number; ok is false when no number starts at i. It reads only
// the number: 30 of 30人, 5万 of 5万元.
func ReadNumber(s []rune, i int) (v float64, end int, ok bool) {
	if i < 0 || i >= len(s) {
		return 0, i, false
	}
	neg := false
	j := i
	if isSign(s[i]) && numeralStart(s, i+1) {
		neg, j = true, i+1
	}
	if !numeralStart(s, j) {
		return 0, i, false
	}
	n, ok := readNumeral(s, j, numOpts{})
	if !ok {
		return 0, i, false
	}
	if neg {
		n.value = -n.value
	}
	return n.value, n.end, true
}

// ParseNumber reads all of s (folded) as one number: "二十八", "5万4千6百", "-3.5", "一千零十",
// "百分之" excluded. ok is false when s is not exactly one number.
func ParseNumber(s string) (float64, bool) {
	rs := []rune(s)
	v, end, ok := ReadNumber(rs, 0)
	if !ok || end != len(rs) {
		return 0, false
	}
	return v, true
}

// ParseInt reads all of s as a whole number the way a date or a count is written: a number
// ParseNumber reads (二十八, 一百零五, 12), or a run of Chinese digits read digit by digit, as
// years are (二〇二三 → 2023, 一二 → 12). ok is false for anything else or a fraction.
func ParseInt(s string) (int, bool) {
	if v, ok := ParseNumber(s); ok {
		if v != float64(int(v)) {
			return 0, false
		}
		return int(v), true
	}
	rs := []rune(s)
	if len(rs) < 2 {
		return 0, false
	}
	n := 0
	for _, r := range rs {
		d := cnDigitValue(r)
		if d < 0 {
			return 0, false
		}
		n = n*10 + d
	}
	return n, true
}
