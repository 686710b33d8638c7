// Package quantity scans Chinese bulletin text for quantities (numbers with units,
// percentages, approximations, bounds, ranges) and dates, and normalises them. It runs
// before segmentation, because gse cuts 二十/八项 and 7.132/万元 apart. It imports nothing of
// Xuncha's.
//
// The scanner is a small lexer in the style of go/scanner: a state struct over the runes of
// the text, reading numbers (digits or Chinese numerals), then what may follow them (余/多,
// a magnitude 万/亿/千, a range end, a unit from the unit table, 左右/以上/以下), and what may
// precede them (约, 近, 超过, 不足, 各). The words it knows live in tables: units (units.go),
// qualifiers, names and slogans (lexicon.go), date forms (date.go).
//
// Input is expected folded (fold.String): ASCII digits, %, commas and quotes “”. Offsets are
// rune offsets into the input, so they are offsets into the unfolded original too.
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
//     (作为一项重大政治任务, 新一轮) and in 一X一Y slogans (一人一档).
//   - 各N over a list (书记办公会、总裁办公会各1次) is one Quantity (1 次) with Each = the
//     number of 、-separated items (and 和/及/与); Each is 0 when the items cannot be counted.
//     Text does not include 各; it does include the qualifiers 约 近 超过 余 多 左右 以上 ….
//   - 余, 多, 近, 约, 左右, 上百 are Approx; 超过, 逾, 以上, 不少于 are Bound "ge"; 不足, 不到,
//     以下, 以内, 不超过 are Bound "le" (not Approx).
//   - Units are reported as written, except magnitudes folded into the value (7.132万元 ->
//     71320 元), 周岁 -> 岁, 平米 -> 平方米, 个百分点 -> 百分点, 个工作日 -> 工作日,
//     千米 -> 公里. 三个方面 is 3 个 (the classifier written), 五方面 is 5 方面.
//   - Ranges keep the lower end in Value and the upper in Max; a magnitude written once at the
//     end applies to both ends (10至20万元 -> 100000..200000 元).
//   - Vague amounts (数十, 十几, 五六个, 三分之一) are not quantities: no value can be given.
//   - N年 before 行动/规划/计划 is a plan's name (三年行动方案); 100周年 is an anniversary.
//   - Dates: month-level mentions give YYYY-MM (6月底 -> 2024-06, the 底 kept in Text); half
//     years and quarters give a month range (上半年 -> 2024-01 .. 2024-06); 2023年度 is 2023.
//     A year-less date takes the year of the nearest earlier date that names its year at month
//     or day level (a bare 2020年 does not set it: it is usually a past year in a narrative).
package quantity

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
	src := []rune(s)
	sc := &scanner{src: src, dates: lexDates(src, 0)}
	sc.run()
	return sc.out
}

// Date is one date mention. Offsets are rune offsets.
type Date struct {
	Text     string
	Date     string // ISO: 2023-08-24, 2023-08, 2023; "" when garbled or the year is unknown
	End      string // end of a range (2023-10-23; 2023-06 for 上半年), "" otherwise
	Inferred bool   // the year came from context
	Garbled  bool   // digits lost in the source (2021915日): not guessed, Date empty
	Start    int
	Stop     int
}

// ScanDates returns the date mentions of s in order. year is the year to give year-less dates
// (12月1日) until s itself names one: every date with an explicit year and a month sets the
// year for the year-less dates after it. With year 0 and no year in s, year-less dates are
// returned with Date empty.
func ScanDates(s string, year int) []Date {
	return lexDates([]rune(s), year)
}

// HasYear reports whether d names its year (not inferred, not garbled, Date not empty), so a
// caller can carry the year to later paragraphs.
func (d Date) HasYear() bool { return !d.Inferred && !d.Garbled && d.Date != "" }
