// Package quantity scans Chinese bulletin text for quantities (numbers with units,
// percentages, approximations, bounds, ranges) and dates, and normalises them. It runs
// before segmentation, because gse cuts 二十/八项 and 7.132/万元 apart. It imports nothing of
// Xuncha's but the rune helpers. It holds the one numeral reader (ReadNumber, ParseNumber)
// and the one date reader (ScanDates) that the other packages use.
//
// The scanner is a small lexer in the style of go/scanner: a state struct over the runes of
// the text, reading numbers (numeral.go), then what may follow them (余/多, a range end, a unit
// from the unit table, 左右/以上/以下), and what may precede them (约, 近, 超过, 不足, 各). The
// words it knows live in tables: numerals (numeral.go), units (units.go), qualifiers, range
// separators, currencies, names and slogans (lexicon.go), date forms (date.go).
//
// Input is expected folded (fold.String): ASCII digits, %, commas and quotes “”. Offsets are
// rune offsets into the input, so they are offsets into the unfolded original too.
//
// Scope. Read: numbers in digits (1,234.5), in Chinese numerals (二十八, 一千零十, 零点五,
// 三点一四一五九二六, up to nineteen significant digits), in capitals where unambiguous (贰佰伍拾),
// and both mixed (5万4千6百, 3万4000); minus signs (负3.9%, -22.2%, 百分之负三点八); magnitudes
// folded into the value (7.132万元, 两个亿, 四万万); percentages (76%, 百分之九十五, 百分之1,669,
// 千分之五, N个百分点, N成); ranges, also with the magnitude written once (一百二十到一百五十万元);
// 半 after a unit (一年半, 一吨半); 元 with 角 and 分 (123元1角1分, 十块三毛); the units of the
// table, power-sector ones included (10千伏, 100万千瓦). Deliberately left out, with no
// reading at all rather than a guess: amounts in foreign currencies (1.9万台币, 4亿美元: their
// value in 元 is unknown), fractions (三分之一, 3/5, 16分之5), exponents (2^5, 6.02e+23),
// digits spaced apart (7万 5千, 百分之五 十), vague amounts (数十, 十几, 五六个), a single digit
// after a magnitude (3万5: 35000 or 30005), temperatures, discounts (八折), units outside the
// table (一位 as a bit), and anything inside a web address (q=30%25).
//
// What is not a quantity: dates and years (the date lexer claims them first), phone numbers,
// postcodes and codes (no unit, or a leading zero), document numbers (〔2023〕7号: 号 is no
// unit), ordinals (第一巡察组, 第3轮, 每一条), heading markers (一、 (一) 1.), floors (12楼),
// names and slogans (names table, and every quotation of at most nameQuoteMax runes), vague
// amounts (数十, 十几, 五六个), and 一 as a word rather than a count (一次深刻的教育, 一方面,
// 一起, 作为一项重大政治任务, 一人一档). A number with neither unit, magnitude nor percent
// sign is not a quantity (阅读量:351), but 1.32万 is (13200, unit "").
//
// Decisions on ambiguous cases:
//   - 一次 counts only at the end of a clause (召开会议一次。); before a noun it is the adverb or
//     article of 一次全面政治体检, 一次“政治体检” and is not a quantity. 一批 likewise (vague).
//     一个/一项 before a noun count (一个综合研究报告 -> 1 个), except after 作为/成为/是/新/上/下
//     (作为一项重大政治任务, 新一轮), after an as-verb earlier in the clause (作为推动…的一个重要
//     契机) or 是…的 (是推动高质量发展的一项重要举措; not the 是 of 一是/二是), and in 一X一Y
//     slogans (一人一档). 为 before a duration counts (整改期限为一年 -> 1 年).
//   - 各N over a list (书记办公会、总裁办公会各1次) is one Quantity (1 次) with Each = the
//     number of 、-separated items (and 和/及/与); Each is 0 when the items cannot be counted.
//     Text does not include 各; it does include the qualifiers 约 近 超过 余 多 左右 以上 ….
//   - 余, 多, 近, 约, 左右, 上百 are Approx; 超过, 逾, 以上, 不少于 are Bound "ge"; 不足, 不到,
//     以下, 以内, 不超过 are Bound "le" (not Approx).
//   - Units are reported as written, except magnitudes folded into the value (7.132万元 ->
//     71320 元), 周岁 -> 岁, 平米 -> 平方米, 个百分点 -> 百分点, 个工作日 -> 工作日,
//     千米 -> 公里, 块 before 毛/角 -> 元. 三个方面 is 3 个 (the classifier written), 五方面 is
//     5 方面. 千 that starts a unit is the unit's (一千克 is 1 千克, 10千伏 is 10 千伏).
//   - Ranges keep the lower end in Value and the upper in Max; a magnitude written once at the
//     end applies to both ends (10至20万元 -> 100000..200000 元, 一百二十到一百五十万元 ->
//     1200000..1500000 元): the largest magnitude written at the end that keeps the lower end
//     at most the upper (二至三十人 stays 2..30). The separators are one table, rangeSeps, for
//     quantities and dates (第3—5轮 is passed over whole). A range is never negative.
//   - Vague amounts (数十, 十几, 五六个, 三分之一) are not quantities: no value can be given.
//   - N年 before 行动/规划/计划 is a plan's name (三年行动方案); 100周年 is an anniversary.
//   - Page chrome is not a metric: a number after a counter label of chromeLabels (阅读量:351,
//     浏览次数:1024次, 访问量:1.2万, 点击数:2,356) is passed over whatever unit it carries; index
//     numbers (11330200MB0123456X/2023-00045), 第3页 共5页 and 9:30 carry no unit anyway.
//   - Ordinals: 第N and the items listed after it (第二、三批, 第1、2轮, 第一、二、三巡察组) are
//     not counts; nor are sessions (二十届中央纪委三次全会, 市十六届人大二次会议: N次 before 全会,
//     or before 会议/全体会议/代表大会 with 届 earlier in the clause). 召开三次会议 is a count.
//   - Ranks and tiers are not quantities: 级 is no unit (二级巡视员, 市县乡三级联动); neither
//     are names with numerals (一把手, 两个确立, 三个务必, 八项规定, 三项制度改革, 最多跑一次),
//     hotlines and codes without a unit (12345热线, 110), 3·15, 一季度 (a date), 20世纪90年代.
//   - Frequencies: in 每月召开1次, 每季度1次 the count (1 次) is a quantity and the period is
//     not, as 每3年开展一次 gives 1 次 and no 3 年.
//   - 半 alone is half a unit (halves): 历时半年 -> 0.5 年, 近半个月 -> 0.5 个月 approx;
//     三个半月 -> 3.5 个月, 一年半 -> 1.5 年. Not 上半年/下半年 (dates), 每半年 (a period), 半年度.
//   - N成 is a share in tenths, reported in percent: 七成以上 -> 70 % ge, 两成多 -> 20 % approx,
//     only from 1 to 10 and before 以上/左右/多/的 or a clause end (not 一成不变). Fractions
//     (三分之一, 1/3) stay out as before: the gold never shows one and they are shares of an
//     unstated whole.
//   - 由A到B / 从A到B with a unit on both ends (由10%到20%, 从3人到5人) is a change: two
//     quantities. Without 由/从, or with the unit written once (3至5名, 10%-20%), it is a range.
//   - Thousands separators: 3,120人 is 3120 人. The folded text cannot tell 3,120 from a clause
//     comma (3，120人 in the original), so 1-3 digits, a comma and exactly three digits followed
//     by a unit, magnitude, 余/多 + unit, a decimal part or % are one number. A list of bare
//     numbers before a three-digit count is far rarer than a thousands separator.
//   - A smaller magnitude after a larger one adds to it: 3亿5000万元 -> 350000000 元, 1万5千元
//     -> 15000 元 (Chinese numerals do this themselves: 三亿五千万).
//   - Exact amounts: every number is computed in decimal and turned into the nearest float64
//     once (38.27亿元 is 3827000000 元, not 3827000000.000001; 二点七一八二八 keeps its digits),
//     since the gold compares values exactly.
//   - Signs: 负 and - before a number make it negative, except where - joins two numbers
//     (3-5人) and where 负 ends a word (担负两项任务). 零 alone is zero before a unit (零元),
//     except in the words of zeroWords (零件).
//   - Dates: month-level mentions give YYYY-MM (6月底 -> 2024-06, the 底 kept in Text); half
//     years and quarters give a month range (上半年 -> 2024-01 .. 2024-06); 2023年度 is 2023.
//     A year-less date takes the year of the nearest earlier date that names its year at month
//     or day level (a bare 2020年 does not set it: it is usually a past year in a narrative).
package quantity

import (
	"sync"
	"unicode/utf8"
)

// Quantity is one quantity found in a text. Offsets are rune offsets.
type Quantity struct {
	Text   string   // as written, with its qualifiers: "约30人", "180余件", "50周岁以上"; not 各
	Value  float64  // magnitude folded in: 7.132万元 -> 71320
	Max    *float64 // upper end of a range (10至20万元 -> 200000), nil otherwise
	Unit   string   // base unit (元, 项, %, 岁 …) or "" where none is written
	Kind   string   // count, people, money, percent, area, length, duration, age, other
	Approx bool     // 余, 多, 近, 约, 左右 …
	Bound  string   // "ge" (超过, 以上), "le" (不足, 以下) or ""
	Each   int      // 各N over this many listed items, 0 otherwise
	Start  int
	End    int
}

// Scan returns the quantities of s in order.
func Scan(s string) []Quantity {
	rd := newReading(s)
	defer rd.release()
	return rd.scan(rd.lexSpans())
}

// ScanAll returns Scan(s) and ScanDates(s, year), reading the dates of s once for both.
func ScanAll(s string, year int) ([]Quantity, []Date) {
	rd := newReading(s)
	defer rd.release()
	spans := rd.lexSpans()
	return rd.scan(spans), datesOf(rd, spans, year)
}

// Reader scans texts one after another for a caller that reads many (the paragraphs of a
// bulletin), lending it its buffers: what a call returns is valid until the next call or
// Close, and leaves Text empty (the caller cuts it from its own text by the offsets). It saves
// the copy of every result, and the text of every quantity and date, that Scan, ScanDates and
// ScanAll make. Otherwise it reads as they do.
type Reader struct {
	rd *reading
}

// NewReader returns a Reader; Close returns its buffers.
func NewReader() Reader {
	rd := newReading("")
	rd.noText = true
	return Reader{rd: rd}
}

// Close lets r's buffers go; r is not to be used after.
func (r Reader) Close() {
	r.start("")
	r.rd.release()
}

// start sets r to read s. What the last call returned is cleared first (beyond it, the
// buffers are clear already), so that the pool keeps no strings or pointers alive.
func (r Reader) start(s string) *reading {
	rd := r.rd
	clear(rd.qs)
	clear(rd.ds)
	rd.qs, rd.ds = rd.qs[:0], rd.ds[:0]
	rd.reset(s)
	return rd
}

// ScanAll is ScanAll(s, year), without Text, in r's buffers.
func (r Reader) ScanAll(s string, year int) ([]Quantity, []Date) {
	rd := r.start(s)
	spans := rd.lexSpans()
	qs := rd.quantities(spans)
	rd.ds = appendDates(rd.ds, rd, spans, year)
	return qs, rd.ds
}

// Scan is Scan(s), without Text, in r's buffers.
func (r Reader) Scan(s string) []Quantity {
	rd := r.start(s)
	return rd.quantities(rd.lexSpans())
}

// ScanDates is ScanDates(s, year), without Text, in r's buffers.
func (r Reader) ScanDates(s string, year int) []Date {
	rd := r.start(s)
	rd.ds = appendDates(rd.ds, rd, rd.lexSpans(), year)
	return rd.ds
}

// reading is the scratch of one call of a reader: the text as runes, its date spans and the
// quantities found, lent by readings so that a call allocates only what it returns. Nothing
// a reader returns points into it, except for a Reader's, which lends its buffers on purpose.
type reading struct {
	s      string // the text
	src    []rune // its runes
	valid  bool   // s is valid UTF-8: a text can be cut out of it (text)
	noText bool   // text cuts nothing: a Reader's caller cuts Text itself
	r, b   int    // a rune offset and its byte offset in s, where text walks from
	spans  []dateSpan
	qs     []Quantity
	ds     []Date        // a Reader's dates
	isos   [64]isoCached // the ISO dates written last, for iso
}

var readings = sync.Pool{New: func() any { return new(reading) }}

// newReading returns a reading of readings with src set to the runes of s.
func newReading(s string) *reading {
	rd := readings.Get().(*reading)
	rd.noText = false
	rd.reset(s)
	return rd
}

// reset sets rd to read s.
func (rd *reading) reset(s string) {
	rd.s, rd.r, rd.b = s, 0, 0
	rd.src, rd.valid = decode(rd.src[:0], s)
}

// text returns string(rd.src[start:end]) for rune offsets in rd's text: a slice of s where s
// is valid UTF-8 (found by walking from the last offset asked; offsets mostly come in order),
// else a new string of the runes (whose U+FFFD stand for bad bytes of s). For a Reader it
// returns "".
func (rd *reading) text(start, end int) string {
	if rd.noText {
		return ""
	}
	if !rd.valid {
		return string(rd.src[start:end])
	}
	from := rd.byteAt(start)
	return rd.s[from:rd.byteAt(end)]
}

// byteAt returns the byte offset in rd.s of rune offset r.
func (rd *reading) byteAt(r int) int {
	if r < rd.r {
		rd.r, rd.b = 0, 0
	}
	for ; rd.r < r; rd.r++ {
		rd.b += utf8.RuneLen(rd.src[rd.r])
	}
	return rd.b
}

// lexSpans returns the date spans of rd.src, in rd's buffer.
func (rd *reading) lexSpans() []dateSpan {
	rd.spans = appendSpans(rd.spans[:0], rd.src)
	return rd.spans
}

// quantities returns the quantities of rd.src, whose dates are spans, in rd's buffer.
func (rd *reading) quantities(spans []dateSpan) []Quantity {
	sc := scanner{src: rd.src, dates: spans, sign: -1, out: rd.qs[:0], rd: rd}
	sc.run()
	rd.qs = sc.out
	return sc.out
}

// scan returns the quantities of rd.src, whose dates are spans, in a slice of their own.
func (rd *reading) scan(spans []dateSpan) []Quantity {
	qs := rd.quantities(spans)
	var out []Quantity
	if len(qs) > 0 {
		out = append(out, qs...)
	}
	clear(qs) // no strings kept alive by the pool
	rd.qs = qs[:0]
	return out
}

// release returns rd to readings; very large buffers are left to the collector.
func (rd *reading) release() {
	rd.s = ""
	if cap(rd.src) <= 1<<20 && cap(rd.spans) <= 1<<12 && cap(rd.qs) <= 1<<12 && cap(rd.ds) <= 1<<12 {
		readings.Put(rd)
	}
}

// decode appends the runes of s to rs, as []rune(s) holds them, and reports whether s is
// valid UTF-8. It writes the runes by index into the room it makes first (a rune takes at
// least a byte), which costs far less than an append per rune.
func decode(rs []rune, s string) ([]rune, bool) {
	valid := true
	n0 := len(rs)
	if cap(rs)-n0 < len(s) {
		rs = append(make([]rune, 0, n0+len(s)), rs...)
	}
	buf := rs[n0 : n0+len(s)]
	k := 0 // runes written to buf
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			buf[k] = rune(c)
			k++
			i++
			continue
		}
		// Han characters: three bytes, decoded here; the checks are utf8's (no overlong
		// form, no surrogate), so the result is the rune for-range gives.
		if c >= 0xE0 && c < 0xF0 && i+2 < len(s) {
			c1, c2 := s[i+1], s[i+2]
			r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
			if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 && r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				buf[k] = r
				k++
				i += 3
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			valid = false
		}
		buf[k] = r
		k++
		i += n
	}
	return rs[:n0+k], valid
}

// Date is one date mention. Offsets are rune offsets.
type Date struct {
	Text     string
	Date     string // ISO: 2023-08-24, 2023-08, 2023; "" when garbled or the year is unknown
	End      string // end of a range (2023-10-23; 2023-06 for 上半年), "" otherwise
	Inferred bool   // the year came from context
	Garbled  bool   // digits lost in the source (2021915日): not guessed, Date empty
	// Precision is how much of the (first) date is written: day, month, quarter, half year,
	// year; none when garbled.
	Precision Precision
	Start     int
	Stop      int
}

// ScanDates returns the date mentions of s in order. year is the year to give year-less dates
// (12月1日) until s itself names one: every date with an explicit year and a month sets the
// year for the year-less dates after it. With year 0 and no year in s, year-less dates are
// returned with Date empty.
func ScanDates(s string, year int) []Date {
	rd := newReading(s)
	defer rd.release()
	return datesOf(rd, rd.lexSpans(), year)
}

// HasYear reports whether d names its year (not inferred, not garbled, Date not empty), so a
// caller can carry the year to later paragraphs.
func (d Date) HasYear() bool { return !d.Inferred && !d.Garbled && d.Date != "" }
