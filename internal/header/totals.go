package header

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/runes"
)

// Declared totals are the counts a bulletin states about itself: 制定的28项整改措施，已完成落实
// 28项；反馈的14个具体问题，已完成整改14个. They are read in the totals context — the paragraphs
// before the second top-level section (the opening and the section on how the rectification was
// organised) — and in any paragraph that reports progress (截至…已完成…, 整改完成率).

// A count is a number, an optional 余/多 and a counter word: 14个, 1,126个, 12 余 项, 两个方面.
// A number may group its thousands with commas (反馈的1,126个问题; 整改措施3,274条), folded from
// full-width ，too. countsIn reads them by hand, as the pattern countRE (in the tests) would.

// mayCount reports whether s may hold a match of countRE. It is exact: every match ends with a
// counter word, whose first rune is a counter rune (isCounterFirst), and right before that,
// past ASCII spaces (the pattern's \s), an optional 余 or 多 and more spaces, stands the last
// rune of the number: a digit or a Chinese numeral (isCountNumeral). One pass looks back from
// every counter rune for that; a paragraph without a count skips the pattern, which has no
// literal to start from and is otherwise tried at every byte.
func mayCount(s string) bool {
	for i, r := range s {
		if r >= utf8.RuneSelf && isCounterFirst(r) && numeralBefore(s, i) {
			return true
		}
	}
	return false
}

// numeralBefore reports whether the last rune of a count's number may stand before a counter
// word that begins at byte i of s: past ASCII spaces, an optional 余 or 多 and more spaces.
func numeralBefore(s string, i int) bool {
	j := skipSpacesBack(s, i)
	if p, n := utf8.DecodeLastRuneInString(s[:j]); p == '余' || p == '多' {
		j = skipSpacesBack(s, j-n)
	}
	p, _ := utf8.DecodeLastRuneInString(s[:j])
	return j > 0 && isCountNumeral(p)
}

// countMatches is countRE.FindAllStringSubmatchIndex(s, -1), searched only in the runs of text
// a count can lie in. Every character of a match is one of inCountRun's (the pattern has no
// other), so no match crosses another character; the pattern has no assertion (^, $, \b), so a
// run searched alone gives the matches the whole text gives there. Only the runs holding a
// counter word with a number before it (mayCount's test) are searched: a paragraph's counts,
// instead of every byte of it. TestCountMatches and FuzzCountMatches compare it with the whole
// search.
func countMatches(s string) []countSpan { return appendCountMatches(nil, s) }

// appendCountMatches appends the matches of countMatches(s) to dst.
func appendCountMatches(dst []countSpan, s string) []countSpan {
	out := dst
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			continue
		} else if c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && !counterLast[s[i+2]] {
			i += 3 // a character of U+4000-U+9FFF that ends in no counter's last byte
			continue
		}
		r, size := runes.DecodeAt(s, i)
		if !isCounterFirst(r) || !numeralBefore(s, i) {
			i += size
			continue
		}
		start, end := i, i
		for start > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:start])
			if !inCountRun(r) {
				break
			}
			start -= n
		}
		for end < len(s) {
			r, n := utf8.DecodeRuneInString(s[end:])
			if !inCountRun(r) {
				break
			}
			end += n
		}
		n := len(out)
		out = appendCountsIn(out, s[start:end])
		for j := n; j < len(out); j++ {
			for k := range out[j] {
				if out[j][k] >= 0 {
					out[j][k] += start
				}
			}
		}
		i = end // the run ends at a character no count holds, or at the end
	}
	return out
}

// counterWords are the counter words of a count, each before the words it opens (个方面 before
// 个): the first that opens the text after the number is the counter.
var counterWords = []string{"个方面", "方面", "场次", "人次", "个", "项", "条", "家", "次", "场", "件", "份", "批", "名", "人", "笔"}

// countNumerals are the Chinese numerals of a count's number.
const countNumerals = "零〇一二两三四五六七八九十百千"

// countsIn returns the counts of s, leftmost first, as countRE.FindAllStringSubmatchIndex(s, -1)
// gives them: the whole count, the number, 余 or 多 (-1 -1 when absent), the counter word. The
// pattern is `(\d{1,3}(?:,\d{3})+|\d+|[零〇一二两三四五六七八九十百千]+)\s*(余|多)?\s*(个方面|方面|场次|人次|个|项|条|家|次|场|件|份|批|名|人|笔)`;
// no numeral, digit or comma is a space, 余, 多 or counter, so after any shorter number than the
// longest the rest fails, and the pattern's choices come down to one: the digits with their
// groups of three when there are one to three digits and a group (1,126), else all the digits,
// else all the numerals; then spaces, an optional 余 or 多, spaces and the first counter word
// that opens what follows. TestCountMatches and FuzzCountMatches compare it with the pattern.
func countsIn(s string) []countSpan { return appendCountsIn(nil, s) }

// countSpan is one match of countRE: its submatch indices, as FindAllStringSubmatchIndex gives
// them (the whole count, the number, 余 or 多, the counter word; -1 -1 for one absent).
type countSpan [8]int

// appendCountsIn appends the counts of countsIn(s) to dst.
func appendCountsIn(dst []countSpan, s string) []countSpan {
	out := dst
	for p := 0; p < len(s); {
		if m, ok := countFrom(s, p); ok {
			out = append(out, m)
			p = m[1]
			continue
		}
		p++ // a count opens with a digit or a numeral's first byte, reached byte by byte
	}
	return out
}

// countFrom returns the count that starts at byte p of s (countsIn's submatches), if one does.
func countFrom(s string, p int) (countSpan, bool) {
	q := p // the end of the number
	switch {
	case isDigit(s, q):
		for isDigit(s, q) {
			q++
		}
		if q-p <= 3 && groupAt(s, q) {
			for groupAt(s, q) {
				q += 4
			}
		}
	default:
		for q < len(s) {
			r, n := utf8.DecodeRuneInString(s[q:])
			if r == utf8.RuneError || !strings.ContainsRune(countNumerals, r) {
				break
			}
			q += n
		}
	}
	if q == p {
		return countSpan{}, false
	}
	m := countSpan{p, -1, p, q, -1, -1, -1, -1}
	q = skipSpaces(s, q)
	if strings.HasPrefix(s[q:], "余") || strings.HasPrefix(s[q:], "多") {
		m[4], m[5] = q, q+len("余")
		q = skipSpaces(s, m[5])
	}
	for _, w := range counterWords {
		if strings.HasPrefix(s[q:], w) {
			m[6], m[7] = q, q+len(w)
			m[1] = m[7]
			return m, true
		}
	}
	return countSpan{}, false
}

// isDigit reports whether s[i] is an ASCII digit (false past the end).
func isDigit(s string, i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }

// groupAt reports whether a group of thousands (,ddd) opens s[i:].
func groupAt(s string, i int) bool {
	return i+3 < len(s) && s[i] == ',' && isDigit(s, i+1) && isDigit(s, i+2) && isDigit(s, i+3)
}

// skipSpaces returns where the run of ASCII spaces (RE2's \s) that starts at byte i of s ends.
func skipSpaces(s string, i int) int {
	for i < len(s) && isASCIISpace(s[i]) {
		i++
	}
	return i
}

// inCountRun reports whether r may be part of a match of countRE: a digit, a comma, a Chinese
// numeral of the pattern, an ASCII space (\s), 余, 多, or a character of a counter word.
func inCountRun(r rune) bool {
	switch r {
	case ',', '\t', '\n', '\f', '\r', ' ', '余', '多',
		'个', '方', '面', '场', '次', '人', '项', '条', '家', '件', '份', '批', '名', '笔':
		return true
	}
	return isCountNumeral(r)
}

// counterLast marks the last bytes of the counter runes (isCounterFirst), each a character of
// U+4000-U+9FFF (lead byte E4-E9): a character there that ends in another byte is no counter.
var counterLast = func() (t [256]bool) {
	for _, r := range "个方场人项条家次件份批名笔" {
		if !isCounterFirst(r) || r < 0x4000 || r > 0x9FFF {
			panic("header: counterLast is out of step with isCounterFirst")
		}
		t[0x80|r&0x3F] = true
	}
	return t
}()

// isCounterFirst reports whether r begins a counter word of countRE: 个 (个方面), 方 (方面),
// 场 (场次), 人 (人次), 项, 条, 家, 次, 件, 份, 批, 名, 笔.
func isCounterFirst(r rune) bool {
	switch r {
	case '个', '方', '场', '人', '项', '条', '家', '次', '件', '份', '批', '名', '笔':
		return true
	}
	return false
}

// isCountNumeral reports whether r may end the number of countRE: a digit or one of
// [零〇一二两三四五六七八九十百千].
func isCountNumeral(r rune) bool {
	switch r {
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
		'零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千':
		return true
	}
	return false
}

// skipSpacesBack returns where the run of ASCII spaces (\t \n \f \r and space, RE2's \s)
// that ends at byte i of s begins.
func skipSpacesBack(s string, i int) int {
	for i > 0 && strings.IndexByte("\t\n\f\r ", s[i-1]) >= 0 {
		i--
	}
	return i
}

// otherUnits are the counters of counts worth keeping as other declared counts (meetings,
// groups, lists, documents); people and money are metrics, not declarations.
var otherUnits = map[string]bool{"个": true, "项": true, "条": true, "家": true, "次": true, "场": true, "场次": true, "件": true, "份": true, "批": true, "方面": true, "个方面": true}

// totalKind is what a declared total counts: problems or measures (tasks). The zero value
// is a count of neither.
type totalKind string

const (
	problemTotals totalKind = "problems" // 问题: problems_total, problems_done, problems_in_progress
	measureTotals totalKind = "measures" // 措施, 任务, 举措: measures_total, measures_done
)

// total is the declared total of kind k.
func (k totalKind) total(d *bulletin.Declared) *int {
	if k == measureTotals {
		return d.MeasuresTotal
	}
	return d.ProblemsTotal
}

// done is the field of d that holds the done count of kind k.
func (k totalKind) done(d *bulletin.Declared) **int {
	if k == measureTotals {
		return &d.MeasuresDone
	}
	return &d.ProblemsDone
}

// totalNouns say what a count counts, by the words right after it (or, for a count at the
// end of its clause, right before it).
var totalNouns = []struct {
	kind    totalKind
	after   []string
	before  []string
	example string
}{
	{problemTotals, []string{"具体问题", "问题清单", "“问题清单”", "问题", "方面问题", "个问题"}, []string{"问题"}, "反馈的14个具体问题; 79个“问题清单”; 反馈问题14个"},
	{measureTotals, []string{"整改措施", "整改任务", "整改举措", "整改事项", "措施", "任务清单", "“任务清单”", "具体措施", "项措施", "条措施"}, []string{"措施", "任务", "举措"}, "28项整改措施; 160条整改任务; 细化制定整改措施239条"},
}

// totalCues must come before a total in its sentence: a declared total is what the
// inspectors fed back or what the unit drew up, not any count of problems (帮助群众解决实际问题5个).
var totalCues = []string{"反馈", "梳理", "分解", "形成", "对照", "查找", "指出", "交办", "制定", "细化", "明确", "列出", "认领", "涉及", "共性",
	"巡察发现", "巡视发现", "发现问题", "提出"}

// auditTotalCues play the same part in audit reports: 审计工作报告反映的问题N个.
// An audit of one unit states its findings as 审计指出4个方面17个问题.
var auditTotalCues = []string{"审计工作报告", "报告反映", "查出", "审计发现", "审计指出", "审计反映"}

// allDoneCues, right after a total's noun, say all of it is done: 3个问题已全部完成整改.
var allDoneCues = []string{"已全部完成", "全部完成", "已全部整改", "全部整改", "全部落实", "已全部落实", "均已完成", "均已整改", "均已落实", "均完成"}

// doneCues and progressCues, before a count at the end of its clause, make it a count of
// items done or in progress: 已完成整改14个; 正在整改3项.
var doneCues = []string{"已完成", "已整改", "已落实", "已办结", "完成整改", "整改完成", "整改到位", "已销号", "已全部完成", "全部完成",
	"措施完成", "任务完成", "举措完成"} // 整改措施完成89条

// asOfCues open a progress report dated as of a day: 截至2024年2月29日, 截止目前.
var asOfCues = []string{"截至", "截止", "到目前为止"}
var progressCues = []string{"正在整改", "正在推进", "推进中", "持续整改", "持续推进", "未完成", "尚未完成", "基本完成", "长期坚持", "阶段性成效"}

// problemCues mark a paragraph that states a problem or its measures: such a paragraph
// takes the totals role only when it is mainly totals. Examples: 针对“…”问题; 关于“…”问题;
// 一是…二是…; 整改措施：….
var problemCues = []string{"针对", "关于“", "”问题", "”的问题", "一是", "二是", "整改措施:", "整改措施："}

// findingsCues mark a paragraph that speaks of the inspection's findings, which a progress
// report outside the totals context must do: 巡察反馈的12个问题已完成整改11个.
var findingsCues = []string{"反馈", "巡察", "巡视", "审计"}

// remainder, right before a count of the kind of a total already read, make it the count of
// items not yet done: 剩余2个问题已取得阶段性成效; 其余3条正在推进 (measures in progress are
// not a declared field: such a count is dropped, not kept as an other count).
var remainder = []string{"剩余", "其余", "余下", "尚有", "还有", "另有"}

// allDoneNext reports whether the clause after a total says all of it is done, the total
// itself not repeated: 共反馈问题12个，目前已全部整改到位.
func allDoneNext(after string) bool {
	after = strings.TrimLeft(after, " ,，")
	for _, w := range []string{"目前", "现", "截至目前", "均", "已经"} {
		after = strings.TrimPrefix(after, w)
	}
	after = strings.TrimLeft(after, " ,，")
	return hasPrefixAny(after, allDoneCues) || strings.HasPrefix(after, "已全部整改")
}

// otherKindNouns name the other kind of total: a clause with one of them speaks of that
// kind, so an all-done clause after it is not about this total.
var otherKindNouns = map[totalKind][]string{
	problemTotals: {"措施", "任务", "举措"},
	measureTotals: {"问题"},
}

// allDoneLater reports whether a later clause of the sentence after a total of kind says,
// with no count of its own, that all of it is done: 对巡察反馈的4个方面16个问题，局党组立行立改
// 12个，限期整改4个，目前已全部整改完成. The search stops at a clause about the other kind
// (…，制定整改措施40条，目前已全部完成 is about the measures).
func allDoneLater(after string, kind totalKind) bool {
	for after != "" { // the clauses, split at , ， ; ；, empty ones left out
		cl := after
		after = ""
		if i := strings.IndexAny(cl, ",，;；"); i >= 0 {
			_, n := utf8.DecodeRuneInString(cl[i:])
			cl, after = cl[:i], cl[i+n:]
		}
		if cl == "" {
			continue
		}
		if containsAny(cl, otherKindNouns[kind]) {
			return false
		}
		if allDoneNext(cl) && !strings.ContainsAny(cl, "0123456789") {
			return true
		}
	}
	return false
}

// hasSuffixAny reports whether s ends with any of ws.
func hasSuffixAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// rateAt matches a completion rate at the start of s: 整改完成率98%, 完成率达100%. rateIndex
// searches for it.
var rateAt = regexp.MustCompile(`^(?:完成率|整改率|办结率|销号率)(?:为|达|达到|已达|已达到)?\s*(\d+(?:\.\d+)?)\s*%`)

// rateLabels are the labels that open rateAt, each two characters and 率.
var rateLabels = []string{"完成率", "整改率", "办结率", "销号率"}

// mayRate reports whether folded s may hold a match of rateAt, whose every match has 率
// and %: a cheap test that spares the search over every paragraph.
func mayRate(s string) bool {
	return strings.IndexByte(s, '%') >= 0 && strings.Contains(s, "率")
}

// rateIndex is the first match of rateAt in s (its submatch indices), as the unanchored
// pattern's search gives it (labelledIndex). TestRateIndex and FuzzRateIndex compare it with
// the unanchored search.
func rateIndex(s string) []int {
	if !mayRate(s) {
		return nil
	}
	return labelledIndex(s, rateAt)
}

// labelledIndex is the first match in s of at, a pattern anchored at a rate label (rateAt,
// rateTenthsAt, rateCNAt), as the unanchored pattern's search gives it: every match opens with
// a label that ends in 率, so the pattern is tried only where a label ends at a 率, in order:
// the first to match is the leftmost.
func labelledIndex(s string, at *regexp.Regexp) []int {
	for i := 0; ; {
		k := strings.Index(s[i:], "率")
		if k < 0 {
			return nil
		}
		end := i + k + len("率")
		i = end
		start := end - len("完成率")
		if start < 0 || !slices.Contains(rateLabels, s[start:end]) {
			continue
		}
		if m := at.FindStringSubmatchIndex(s[start:]); m != nil {
			for k := range m {
				if m[k] >= 0 {
					m[k] += start
				}
			}
			return m
		}
	}
}

// rateTenthsAt matches a completion rate in tenths (成) at the start of s: 问题整改率已达九成以上
// -> 90. labelledIndex searches for it.
var rateTenthsAt = regexp.MustCompile(`^(?:完成率|整改率|办结率|销号率)(?:为|达|达到|已达|已达到)?\s*([一二三四五六七八九十])成`)

// rateCNAt matches a completion rate written in Chinese numerals at the start of s:
// 整改完成率达百分之九十四点四, 完成率为百分之百. labelledIndex searches for it.
var rateCNAt = regexp.MustCompile(`^(?:完成率|整改率|办结率|销号率)(?:为|达|达到|已达|已达到)?\s*百分之([零〇一二两三四五六七八九十百]+)(?:点([零〇一二三四五六七八九]+))?`)

// rateShare matches a share that is a completion rate when the clause before it says what
// was done: 已完成55条，占比88.7%. Alone (女性干部占比30%) it is not.
var rateShare = regexp.MustCompile(`(?:占比|占总数的|占总数)(?:为|达|达到)?\s*(\d+(?:\.\d+)?)\s*%`)

// mayRateTenths reports whether s may hold a match of rateTenthsAt: every match has 率 (its
// label) and 成.
func mayRateTenths(s string) bool { return strings.Contains(s, "成") && strings.Contains(s, "率") }

// mayRateCN reports whether s may hold a match of rateCNAt: every match has 百分之.
func mayRateCN(s string) bool { return strings.Contains(s, "百分之") }

// mayRateShare reports whether s may hold a match of rateShare: every match has 占 (占比,
// 占总数) and %.
func mayRateShare(s string) bool { return strings.Contains(s, "占") && strings.IndexByte(s, '%') >= 0 }

// findRate returns the first completion rate of folded s (rateAt, rateTenths, or
// rateShare after a done count in the same sentence) and its byte offset.
func findRate(s string) (rate float64, at int, ok bool) {
	if m := rateIndex(s); m != nil {
		if f, err := strconv.ParseFloat(s[m[2]:m[3]], 64); err == nil {
			return f, m[0], true
		}
	}
	if mayRateTenths(s) {
		if m := labelledIndex(s, rateTenthsAt); m != nil {
			return float64(10 * readNumber(s[m[2]:m[3]])), m[0], true
		}
	}
	if mayRateCN(s) {
		if m := labelledIndex(s, rateCNAt); m != nil {
			v := float64(readNumber(s[m[2]:m[3]]))
			if m[4] >= 0 {
				scale := 0.1
				for _, r := range s[m[4]:m[5]] {
					v += scale * float64(readNumber(string(r)))
					scale /= 10
				}
				v = math.Round(v*100) / 100
			}
			if v > 0 && v <= 100 {
				return v, m[0], true
			}
		}
	}
	if mayRateShare(s) {
		for _, m := range rateShare.FindAllStringSubmatchIndex(s, 4) {
			sentence := s[:m[0]]
			if i := strings.LastIndex(sentence, "。"); i >= 0 {
				sentence = sentence[i:]
			}
			if !containsAny(sentence, doneCues) {
				continue
			}
			if f, err := strconv.ParseFloat(s[m[2]:m[3]], 64); err == nil {
				return f, m[0], true
			}
		}
	}
	return 0, 0, false
}

// otherVerbs open an other count's span when they are all that precedes it in its clause:
// 设立3个专项整改工作小组, 先后召开6次专题会.
var otherVerbs = []string{"设立", "成立", "召开", "组建", "开展", "举办", "制定", "出台", "建立", "组织", "印发"}

// otherEnds end an other count's span: 54家责任单位形成“责任清单” -> 54家责任单位.
var otherEnds = []string{"形成", "的", "、"}

// countAt is one count in a paragraph's folded text.
type countAt struct {
	s, e    int // byte span
	n       int
	unit    string
	chinese bool // written in Chinese numerals
}

// maxCountDigits is the most digits a declared count has: more is no count of problems or
// measures (and would overflow), so it is left unread rather than read wrong.
const maxCountDigits = 9

// totalsBuf holds the buffers readTotals fills anew for each paragraph, kept from one paragraph
// to the next: the matches of countRE, the counts, and the quoted bytes.
type totalsBuf struct {
	spans  []countSpan
	counts []countAt
	quoted []bool
}

// scanCounts finds the counts of folded text s, leaving out ordinals (第N次), parts of
// decimals and dates, and durations (N个月). The counts are buf's, overwritten by the next call.
func scanCounts(buf *totalsBuf, s string) []countAt {
	buf.spans = appendCountMatches(buf.spans[:0], s)
	out := buf.counts[:0]
	for _, m := range buf.spans {
		num := s[m[2]:m[3]]
		before := s[:m[0]]
		if strings.HasSuffix(before, "第") || strings.HasSuffix(before, ".") || (before != "" && before[len(before)-1] >= '0' && before[len(before)-1] <= '9') {
			continue
		}
		unit := s[m[6]:m[7]]
		if unit == "个" && strings.HasPrefix(s[m[1]:], "月") {
			continue
		}
		digits := strings.ReplaceAll(num, ",", "")
		c := countAt{s: m[0], e: m[1], n: readNumber(digits), unit: unit}
		c.chinese = num[0] < '0' || num[0] > '9'
		if !c.chinese && len(digits) > maxCountDigits {
			continue // 99999999999999999999999个问题: no declared count; not read as 0
		}
		if c.chinese && c.n == 0 && num != "零" && num != "〇" {
			continue
		}
		out = append(out, c)
	}
	buf.counts = out
	return out
}

// extractDeclared reads b.Declared and marks the paragraphs that hold declared totals.
func extractDeclared(b *bulletin.Bulletin, views []*textView) {
	cutoff := len(b.Paragraphs)
	top := 0
	for _, s := range b.Sections {
		if s.Level == 1 {
			top++
			if top == 2 {
				cutoff = s.Paragraph
				break
			}
		}
	}
	audit := b.Kind == bulletin.KindAudit
	d := &b.Declared
	seen := make([]bool, len(b.Paragraphs))
	units := map[totalKind]string{}
	var buf totalsBuf
	read := func(i int, context bool) {
		if seen[i] || b.Paragraphs[i].Role == bulletin.RoleHeading {
			return
		}
		seen[i] = true
		// The paragraph holding the declared totals takes the totals role, so that the totals
		// sentence can be found by its role, even at the end of a long account of the work (the
		// seed's section 一). A paragraph that also states problems or measures (针对“…”问题,
		// 一是…) keeps role other for the problem stage unless the declaring sentences make up
		// at least half of it.
		covered := readTotals(d, units, views[i], audit, context, &buf)
		if covered > 0 && (!runes.MoreThan(views[i].text, 2*covered) || !problemCueSet.in(views[i].text)) && b.Paragraphs[i].Role == bulletin.RoleOther {
			b.Paragraphs[i].Role = bulletin.RoleTotals
		}
	}
	for i := 0; i < cutoff; i++ {
		read(i, true)
	}
	for i := cutoff; i < len(b.Paragraphs); i++ {
		t := views[i].text
		// A progress report (已完成整改, 完成率) outside a problem's own paragraph.
		// It must speak of the inspection's findings (巡察反馈的12个问题已完成整改11个), so
		// that a measure paragraph (制定3项措施，已完成) declares nothing.
		// (The cheap tests go first: most body paragraphs fail them.)
		if strings.Contains(t, "针对“") || !findingsCueSet.in(t) {
			continue
		}
		progress := progressCueSet.in(t)
		if progress || rateIndex(t) != nil {
			read(i, false)
		}
	}
	// A progress report dated by 截至 that names no findings (截至2023年5月15日,已完成整改问题
	// 8个,整改措施完成31条,完成率88.57%) completes totals declared before it: it is read as in
	// the totals context, filling only what is still empty.
	for i := cutoff; i < len(b.Paragraphs); i++ {
		t := strings.TrimSpace(views[i].text)
		if seen[i] || d.ProblemsTotal == nil && d.MeasuresTotal == nil || !hasPrefixAny(t, asOfCues) || strings.Contains(t, "针对“") {
			continue
		}
		if progressCueSet.in(t) {
			read(i, true)
		}
	}
	if d.Other == nil {
		d.Other = []string{}
	}
}

// readTotals reads the totals of one paragraph into d; in the totals context (context) it
// also collects the other counts. units holds the counter of each total read so far (个 for
// problems, 条 for measures), across paragraphs. It returns the length in runes of the
// sentences that declared a total, a done or in-progress count or a rate (0: none).
func readTotals(d *bulletin.Declared, units map[totalKind]string, v *textView, audit, context bool, buf *totalsBuf) int {
	s := v.text
	var declaring [][2]int // sentences that declared something, each once
	declare := func(sp [2]int) {
		if !slices.Contains(declaring, sp) {
			declaring = append(declaring, sp)
		}
	}
	if d.RatePercent == nil {
		if r, at, ok := findRate(s); ok {
			f := r // its own variable: only a rate found is kept on the heap
			d.RatePercent = &f
			declare(v.sentenceAt(at))
		}
	}
	var sent [2]int // the sentence of the count being read
	counts := scanCounts(buf, s)
	if len(counts) > maxPerPara {
		counts = counts[:maxPerPara] // no totals paragraph has more; bounds the work
	}
	var quoted []bool
	if len(counts) > 0 {
		buf.quoted = inQuotes(buf.quoted, s) // read only for the counts
		quoted = buf.quoted
	}
	cues := totalCueSet
	if audit {
		cues = auditTotalCueSet
	}
	current := totalKind("") // the kind of the last total (or restated total) read in this paragraph
	set := func(field **int, n int) {
		if *field == nil {
			*field = bulletin.IntPtr(n)
			declare(sent)
		}
	}
	done := func(kind totalKind) **int { return kind.done(d) }
	for k, c := range counts {
		lead := strings.TrimSpace(s[:c.s])
		one := c.chinese && c.n == 1 && !hasSuffixAny(lead, doneCues) && !hasSuffixAny(lead, progressCues)
		if quoted[c.s] || one || strings.HasSuffix(lead, "每") || strings.HasSuffix(lead, "逐") {
			continue // 每一个问题, 一个综合研究报告: not declared counts; 正在整改一个 is
		}
		sent = v.sentenceAt(c.s)
		clause := clauseStart(s, quoted, sent[0], c.s)
		if strings.TrimSpace(s[clause:c.s]) == "" && clause > sent[0] && s[clause-1] == ':' {
			// A labelled count (反馈问题数：15个；已完成整改：13个): the label is its clause.
			clause = clauseStart(s, quoted, sent[0], clause-1)
		}
		before := s[clause:c.s]
		after := strings.TrimLeft(s[c.e:], " ")
		atEnd := after == "" || strings.ContainsAny(after[:min(len(after), 3)], ",，。;；、:：)")
		// What the count counts: the noun after it (12个问题), or for a count that ends its
		// clause the noun nearest before it (制定整改措施1146条).
		var kind totalKind
		noun := ""
		if c.unit != "方面" && c.unit != "个方面" {
			kind, noun = nounAfter(after)
			if kind == "" && atEnd {
				kind = nounBefore(before)
			}
		}
		restated := noun != "" // 79个问题已完成整改71个: the 79 names the total again
		if restated {
			current = kind
			units[kind] = c.unit
		}
		// Outside the totals context a done count needs its total first (已整改问题3个 in a
		// problem's paragraph is not a declaration).
		progress := context || current != ""
		rest := strings.TrimPrefix(after, noun)
		status := strings.TrimPrefix(strings.TrimPrefix(rest, "需要"), "需") // 1个问题需长期坚持
		next := after
		for _, w := range []string{"问题", "整改", "措施", "任务"} {
			next = strings.TrimPrefix(next, w)
		}
		of := kind
		if of == "" {
			of = current
			// 问题312个…措施1146条…已完成整改287个: the counter tells which total it counts;
			// so it does for a total read in an earlier paragraph (发现11个问题。…已完成整改9个).
			switch {
			case units[problemTotals] != units[measureTotals] && units[problemTotals] != "" && units[measureTotals] != "":
				switch c.unit {
				case units[problemTotals]:
					of = problemTotals
				case units[measureTotals]:
					of = measureTotals
				}
			case of == "" && units[problemTotals] != "" && units[measureTotals] == "" && c.unit == units[problemTotals]:
				of = problemTotals
			case of == "" && units[measureTotals] != "" && units[problemTotals] == "" && c.unit == units[measureTotals]:
				of = measureTotals
			}
		}
		switch {
		case !progress:
		case atEnd && doneCueSet.in(before) && !inProgressCueSet.in(before):
			if of != "" {
				set(done(of), c.n) // 已完成整改14个
			}
			continue
		case atEnd && inProgressCueSet.in(before):
			if of != measureTotals {
				set(&d.ProblemsInProgress, c.n) // 正在整改3项
			}
			continue
		case !restated && current != "" && hasPrefixAny(next, doneCues):
			set(done(of), c.n) // 28项已全部完成
			continue
		case !restated && current != "" && (strings.HasPrefix(next, "正在") || hasPrefixAny(next, progressCues)):
			if of != measureTotals {
				set(&d.ProblemsInProgress, c.n) // 剩余2个正在推进
			}
			continue
		case restated && doneCueSet.in(before) && !inProgressCueSet.in(before):
			set(done(kind), c.n) // 已整改完成12个问题
			continue
		case restated && (strings.HasPrefix(status, "正在") || hasPrefixAny(status, progressCues)) && kind.total(d) != nil:
			if kind == problemTotals {
				set(&d.ProblemsInProgress, c.n) // 3个问题正在整改
			}
			continue
		case hasSuffixAny(strings.TrimSpace(before), remainder) && (of == problemTotals || of == measureTotals) && of.total(d) != nil:
			if of == problemTotals {
				set(&d.ProblemsInProgress, c.n) // 剩余2个问题已取得阶段性成效
			}
			continue
		}
		// A total is cued (反馈的23个问题) or, in the totals context, named with its progress
		// right after it: 72条整改措施已完成65条.
		if kind != "" && (cues.in(s[sent[0]:c.s]) || context && restated && hasPrefixAny(strings.TrimLeft(rest, " "), doneCues)) {
			total := &d.ProblemsTotal
			if kind == measureTotals {
				total = &d.MeasuresTotal
			}
			if *total == nil {
				set(total, c.n)
				current = kind
				units[kind] = c.unit
				if restated && hasPrefixAny(rest, allDoneCues) {
					set(done(kind), c.n) // 反馈的3个问题已全部完成整改
				} else if !restated && allDoneNext(s[c.e:sent[1]]) {
					set(done(kind), c.n) // 共反馈问题12个，目前已全部整改到位
				} else if allDoneLater(s[c.e:sent[1]], kind) {
					set(done(kind), c.n) // 16个问题，立行立改12个，限期整改4个，目前已全部整改完成
				}
				continue
			}
		}
		if restated && hasPrefixAny(rest, allDoneCues) {
			set(done(kind), c.n)
			continue
		}
		if restated && kind != "" && (kind == problemTotals && d.ProblemsTotal != nil && *d.ProblemsTotal == c.n ||
			kind == measureTotals && d.MeasuresTotal != nil && *d.MeasuresTotal == c.n) {
			continue // the total named again, not another count
		}
		if context && !audit && otherUnits[c.unit] {
			if span := otherSpan(v, quoted, counts, k, clause); span != "" {
				d.Other = append(d.Other, span)
			}
		}
	}
	covered := 0
	for _, sp := range declaring {
		covered += utf8.RuneCountInString(s[sp[0]:sp[1]])
	}
	return covered
}

// nounAfter returns the kind and the noun of a total noun that after starts with.
func nounAfter(after string) (kind totalKind, noun string) {
	for _, n := range totalNouns {
		for _, a := range n.after {
			if strings.HasPrefix(after, a) && len(a) > len(noun) {
				kind, noun = n.kind, a
			}
		}
		if noun != "" {
			return kind, noun
		}
	}
	return "", ""
}

// nounBefore returns the kind of the total noun nearest the end of before.
func nounBefore(before string) totalKind {
	kind, at := totalKind(""), -1
	for _, n := range totalNouns {
		for _, w := range n.before {
			if i := strings.LastIndex(before, w); i > at {
				kind, at = n.kind, i
			}
		}
	}
	return kind
}

// hasPrefixAny reports whether s starts with any of ws.
func hasPrefixAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// containsAny reports whether s contains any of ws.
func containsAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// cueSet answers containsAny for a fixed list of words in one pass over the text instead of one
// per word: a bit for each pair of bytes a word begins with, and one for each pair of its second
// and third bytes (every word has three bytes or more: a Chinese character is three), say where
// a word may start, and only there are the words compared. A word is found at any byte offset,
// as strings.Contains finds it. TestCueSets and FuzzCueSets compare the two.
type cueSet struct {
	words []string
	first [1 << 16 / 64]uint64 // bit b0<<8|b1: some word starts with the bytes b0 b1
	next  [1 << 16 / 64]uint64 // bit b1<<8|b2: some word has b1 b2 as its second and third bytes
}

// newCueSet builds the cue set of the words of lists.
func newCueSet(lists ...[]string) *cueSet {
	c := &cueSet{}
	for _, ws := range lists {
		for _, w := range ws {
			if len(w) < 3 {
				panic("header: a cue of fewer than three bytes: " + w)
			}
			k := uint16(w[0])<<8 | uint16(w[1])
			c.first[k>>6] |= 1 << (k & 63)
			k = uint16(w[1])<<8 | uint16(w[2])
			c.next[k>>6] |= 1 << (k & 63)
			c.words = append(c.words, w)
		}
	}
	return c
}

// in reports whether s contains any of the words: containsAny(s, words).
func (c *cueSet) in(s string) bool {
	for i := 0; i+2 < len(s); {
		k := uint16(s[i])<<8 | uint16(s[i+1])
		n := uint16(s[i+1])<<8 | uint16(s[i+2])
		if c.first[k>>6]&(1<<(k&63)) != 0 && c.next[n>>6]&(1<<(n&63)) != 0 {
			for _, w := range c.words {
				if strings.HasPrefix(s[i:], w) {
					return true
				}
			}
		}
		// A word begins with an ASCII or a leading byte, never with a continuation byte
		// (10xxxxxx): those are stepped over, the two of a three-byte character at once.
		if s[i]&0xF0 == 0xE0 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3
		} else {
			i++
		}
		for i < len(s) && s[i]&0xC0 == 0x80 {
			i++
		}
	}
	return false
}

// The cue sets asked of every paragraph (or every body paragraph).
var (
	contactCueSet  = newCueSet(contactCues)
	findingsCueSet = newCueSet(findingsCues)
	progressCueSet = newCueSet(doneCues, allDoneCues) // a done count: either list
	problemCueSet  = newCueSet(problemCues)
)

// The cue sets asked of every count of a totals paragraph, on the text before it.
var (
	doneCueSet       = newCueSet(doneCues)
	inProgressCueSet = newCueSet(progressCues)
	totalCueSet      = newCueSet(totalCues)
	auditTotalCueSet = newCueSet(auditTotalCues)
)

// clauseStart returns the start of the clause holding byte at: just past the last comma,
// colon or sentence end before it (outside quotes), not before from. It reads bytes back from
// at: every clause end is ASCII or a three-byte character whose first byte (E3, EF) is never a
// continuation byte, so it finds the ends a reading rune by rune from from finds (from is the
// start of a character). TestClauseBounds and FuzzClauseBounds compare the two.
func clauseStart(s string, quoted []bool, from, at int) int {
	t := s[:at]
	for i := at - 1; i >= from; i-- {
		if k := clauseEndAt(t, i); k > 0 && !quoted[i] {
			return i + k
		}
	}
	return from
}

// clauseEnd returns the end of the clause holding byte at, reading bytes as clauseStart does.
func clauseEnd(s string, quoted []bool, at int) int {
	for i := at; i < len(s); i++ {
		if clauseEndAt(s, i) > 0 && !quoted[i] {
			return i
		}
	}
	return len(s)
}

// clauseEndAt returns the length of the clause end (, ， ; ； 。 : ：) that starts at byte i of
// s, or 0.
func clauseEndAt(s string, i int) int {
	switch s[i] {
	case ',', ';', ':':
		return 1
	case 0xE3: // 。 E3 80 82
		if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x82 {
			return 3
		}
	case 0xEF: // ， EF BC 8C, ； EF BC 9B, ： EF BC 9A
		if i+2 < len(s) && s[i+1] == 0xBC && (s[i+2] == 0x8C || s[i+2] == 0x9B || s[i+2] == 0x9A) {
			return 3
		}
	}
	return 0
}

// otherSpan cuts the span of other count k: its clause piece (pieces are split at 、 when
// every piece holds a count), from the count (or from a lone opening verb) to the end of its
// noun; a count that ends its piece keeps the whole piece (召开党委会7次).
func otherSpan(v *textView, quoted []bool, counts []countAt, k, clause int) string {
	s := v.text
	c := counts[k]
	end := clauseEnd(s, quoted, c.e)
	// Split the clause at 、 when every piece holds a count.
	var cuts []int
	for i, r := range s[clause:end] {
		if r == '、' && !quoted[clause+i] {
			cuts = append(cuts, clause+i)
		}
	}
	ps, pe := clause, end
	if len(cuts) > 0 {
		bounds := append(append([]int{clause}, cuts...), end)
		all := true
		for j := 0; j+1 < len(bounds); j++ {
			has := false
			for _, o := range counts {
				if o.s >= bounds[j] && o.e <= bounds[j+1] {
					has = true
				}
			}
			if !has {
				all = false
			}
		}
		if all {
			for j := 0; j+1 < len(bounds); j++ {
				if c.s >= bounds[j] && c.s < bounds[j+1] {
					ps, pe = bounds[j], bounds[j+1]
					if j > 0 {
						ps += len("、")
					}
				}
			}
		}
	}
	for _, w := range []string{"其中", "另外", "同时"} {
		if t := strings.TrimLeft(s[ps:], " "); strings.HasPrefix(t, w) && ps+len(s[ps:])-len(t)+len(w) <= c.s {
			ps += len(s[ps:]) - len(t) + len(w) // 其中立行立改3个 -> 立行立改3个
		}
	}
	if strings.TrimSpace(s[c.e:pe]) == "" || strings.TrimSpace(s[c.e:pe]) == "等" {
		return strings.TrimSpace(v.cut(ps, c.e))
	}
	start := c.s
	from := ps
	for _, o := range counts {
		if o.e <= c.s && o.e > from {
			from = o.e
		}
	}
	lead := strings.TrimSpace(s[from:c.s])
	for _, pre := range []string{"先后", "共", "累计", "共计", "已"} {
		lead = strings.TrimPrefix(lead, pre)
	}
	for _, verb := range otherVerbs {
		if lead == verb {
			start = from
		}
	}
	stop := pe
	for _, o := range counts {
		if o.s >= c.e && o.s < stop {
			stop = o.s
		}
	}
	for _, w := range otherEnds {
		if i := strings.Index(s[c.e:stop], w); i >= 0 {
			stop = c.e + i
		}
	}
	return strings.TrimSpace(v.cut(start, stop))
}
