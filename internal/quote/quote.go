// Package quote is the quotation scanner: it finds the frames that introduce a problem,
// 针对“…”问题 and 关于“…”问题 (the intros are in frameIntros, the suffixes in frameSuffixes), in
// folded text, and tells where the quotation opens and closes. It works on runes of text already folded by package fold
// (针對/關於 -> 针对/关于, 「」 -> “”, full-width " -> "), so the offsets it returns are rune
// offsets in the original text too; callers cut the quote from the original.
//
// The gold convention is "the inner text of each closed 针对/关于“…”问题 quote", and the scanner
// follows it to the letter where forms are ambiguous:
//   - 针对“甲”“乙”等问题, 针对“甲”和“乙”问题, 针对“甲”问题、“乙”问题: two problems, 甲 and 乙
//     (frame.Parts, frame.Listed); only connectors (quoteConnectors) may stand between the quotes.
//   - the problem suffix must follow the closing mark (skipping spaces and glosses): in
//     针对“三会一课”制度落实不到位问题 the quote is a term in an unquoted statement and no frame.
//   - ‘…’ as the outer marks frames like “…” (针对‘…’问题); ASCII " pairs as best it can.
package quote

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/runes"
)

// frameKind says what a frame introduces.
type Kind int

const (
	Other   Kind = iota // 关于“三会一课”制度: a quoted term, not a problem
	Problem             // 针对“…”问题, 关于“…”问题的整改, （1）关于“…”
	Aspect              // （一）关于“…”方面: a category of problems
)

// frame is one intro–quote–suffix frame found in folded runes. Offsets are rune offsets.
type Frame struct {
	Intro      int    // where the intro word (针对, 关于, 在) starts
	Open       int    // the opening quotation mark
	Close      int    // the closing quotation mark; -1 when the quote never closes
	End        int    // just past the suffix (问题, 等问题, 方面 …), or past Close for frameOther
	Kind       Kind   //
	Unbalanced bool   // closed by a ”问题 at a nesting depth other than 0 (a typo in the source)
	IntroWord  string // the intro word as folded, for callers that accept only some intros
	// Parts are the inner spans [start, end) of the quotes a frame with several names: 针对“甲”
	// “乙”等问题 and 针对“甲”和“乙”问题 frame two problems. Nil for a frame of one quote, whose
	// inner text is rs[Open+1:Close].
	Parts [][2]int
	// Listed is set on a frame listed after another under the same intro: 针对“甲”问题、“乙”问题.
	Listed bool
}

// quotes returns the inner texts of the frame's quotes, cut by cut (see runeCutter).
func (f Frame) Quotes(cut func(a, b int) string) []string {
	if f.Close < 0 {
		return nil
	}
	if len(f.Parts) == 0 {
		return []string{cut(f.Open+1, f.Close)}
	}
	out := make([]string, 0, len(f.Parts))
	for _, p := range f.Parts {
		out = append(out, cut(p[0], p[1]))
	}
	return out
}

// quoteConnectors may stand between the quotes of one frame (针对“甲”、“乙”和“丙”等问题), spaces
// trimmed.
var quoteConnectors = []string{
	"",    // 针对“甲”“乙”等问题
	"、",   // 针对“甲”、“乙”等问题
	",",   // 针对“甲”，“乙”等问题 (，folds to ,)
	"和",   // 针对“甲”和“乙”问题
	"及",   // 针对“甲”及“乙”问题
	"与",   // 针对“甲”与“乙”问题
	"以及",  // 针对“甲”以及“乙”问题
	"或",   // 针对“甲”或“乙”问题
	"、以及", // 针对“甲”、“乙”、以及“丙”问题
	",以及", // 针对“甲”，以及“乙”问题
}

// isConnector reports whether rs, spaces trimmed, is a quote connector.
func isConnector(rs []rune) bool {
	t := strings.TrimSpace(string(rs))
	for _, c := range quoteConnectors {
		if t == c {
			return true
		}
	}
	return false
}

// frameIntros are the words that open a frame when a quotation mark follows them. A weak intro
// (minQuote > 0) frames a problem only when each quote holds at least minQuote runes: after it a
// short quote is a slogan (整改落实“回头看”问题, 对于“四风”问题), a long one a statement.
//
// An intro with needGap frames only with a finding phrase between it and the quote (see gapLen):
// 对巡视指出的“…”问题 is a frame, 对“…” alone is far too common a word to be one.
var frameIntros = []struct {
	text     string
	minQuote int
	needGap  bool
}{
	{"针对", 0, false},   // 针对“部分党员干部理论学习不够认真”问题 (seed); 針對 folds to this
	{"关于", 0, false},   // 1.关于“政治引领有短板”问题的整改 (gold 004); 關於 folds to this
	{"在", 0, false},    // （一）在“党的领导”方面: a category heading; never a problem by itself
	{"整改落实", 6, false}, // 整改落实“基层党组织书记抓党建责任意识不强”问题，…
	{"对于", 6, false},   // 对于“村级集体经济发展不平衡”问题，…
	{"对", 0, true},     // 对巡视指出的“干部选任把关不严”问题，…
	{"就", 0, true},     // 就巡察反馈的“工程项目管理不规范”问题，…
}

// frameSuffixes are what may follow the closing mark, longest first. A problem suffix holds unless
// a noun follows that makes 问题 part of a compound (79个“问题清单” is not a frame, and neither is
// 关于“三重一大”问题台账); an aspect suffix must end the phrase (see suffixBoundary).
var frameSuffixes = []struct {
	text string
	kind Kind
}{
	{"等方面的问题", Problem}, // 针对“…”等方面的问题
	{"等方面问题", Problem},  // 针对“…”等方面问题
	{"方面存在的问题", Aspect}, // （一）关于“…”方面存在的问题: a category heading
	{"方面存在问题", Aspect},  // 一、关于“…”方面存在问题的整改
	{"方面的问题", Problem},  // 关于“…”方面的问题: a container or a problem, the tree decides
	{"方面问题", Problem},   // 关于“…”方面问题
	{"方面", Aspect},      // （一）关于“聚焦基层党组织建设”方面 (seed)
	{"等问题", Problem},    // 针对“…”等问题
	{"的问题", Problem},    // 针对“…”的问题
	{"这一问题", Problem},   // 针对“…”这一问题
	{"这类问题", Problem},   // 针对“…”这类问题
	{"此类问题", Problem},   // 针对“…”此类问题
	{"这个问题", Problem},   // 针对“…”这个问题
	{"问题", Problem},     // 针对“…”问题。 (seed)
	// and, read apart by matchEtc, 等 + a few words + 问题: 针对“…”等突出问题
}

// problemCompounds are the nouns that, right after 问题 or 问题的, make it a compound and not a
// frame: 79个“问题清单” is a list's name, 关于“三农”问题的重要论述 a speech's.
var problemCompounds = []string{
	"清单",   // “…”问题清单
	"台账",   // “…”问题台账
	"线索",   // “…”问题线索
	"导向",   // “…”问题导向
	"意识",   // “…”问题意识
	"整改清单", // “…”问题整改清单
	"库",    // “…”问题库
	"重要论述", // 关于“三农”问题的重要论述
	"重要讲话", // 关于“…”问题的重要讲话
	"重要指示", // 关于“…”问题的重要指示（批示）
	"重要批示", // 关于“…”问题的重要批示
	"指示批示", // 关于“…”问题的指示批示
	"论述",   // 关于“…”问题的论述
	"讲话精神", // 关于“…”问题的讲话精神
	"通知",   // 关于“…”问题的通知: a document's title
	"意见",   // 关于“…”问题的意见
	"决定",   // 关于“…”问题的决定
	"规定",   // 关于“…”问题的规定
	"若干规定", // 关于“…”问题的若干规定
	"解释",   // 关于“…”问题的解释
	"答复",   // 关于“…”问题的答复
	"批复",   // 关于“…”问题的批复
}

// frameTails may follow a suffix (or, in a heading, the closing mark itself) before the boundary:
// 整改 and what names its report, with or without 的 before it (see skipTail).
var frameTails = []string{
	"整改进展情况", // 关于“…”问题的整改进展情况
	"整改落实情况", // 关于“…”问题整改落实情况
	"整改完成情况", // 关于“…”问题的整改完成情况
	"整改工作情况", // 关于“…”问题整改工作情况
	"整改情况",   // 1.关于“…”问题整改情况 (seed)
	"整改进展",   // 1.关于“…”问题整改进展
	"整改落实",   // 1.关于“…”问题的整改落实
	"整改工作",   // 关于“…”问题的整改工作
	"整改措施",   // 关于“…”问题的整改措施
	"整改结果",   // 关于“…”问题的整改结果
	"整改成效",   // 关于“…”问题的整改成效
	"整改",     // 1.关于“…”问题的整改。 (gold 004); 关于“…”问题整改
	"进行整改",   // 针对“…”问题进行整改
	"处理情况",   // 关于“…”问题的处理情况
}

// opensQuote reports whether r may open the quotation of a frame: “ (「 and 〝 fold to it), ‘ (针对
// ‘…’问题, with single quotes as the outer marks) or ASCII ".
func Opens(r rune) bool { return r == '“' || r == '‘' || r == '"' }

// anyOpens reports whether a rune of rs opens a quotation (Opens).
func anyOpens(rs []rune) bool {
	for _, r := range rs {
		if Opens(r) {
			return true
		}
	}
	return false
}

// MayOpen reports whether folded text s holds a mark that opens a quotation (Opens): Scan finds
// no frame in the runes of text without one, and a caller may skip turning it into runes.
func MayOpen(s string) bool {
	if strings.IndexByte(s, '"') >= 0 {
		return true
	}
	// “ and ‘ are E2 80 9C and E2 80 98.
	for i := 0; ; i++ {
		k := strings.IndexByte(s[i:], 0xE2)
		if k < 0 {
			return false
		}
		i += k
		if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x9C || s[i+2] == 0x98) {
			return true
		}
	}
}

// closerOf returns the mark that closes the quotation opened by r, for the curly marks.
func closerOf(r rune) rune {
	if r == '‘' {
		return '’'
	}
	return '”'
}

// scanFrames finds every frame in rs, left to right. In a heading (heading true) a closed quote
// with nothing but a tail or punctuation after it is a problem frame too (（1）关于“…”). A frame
// whose quote never closes is returned with Close -1 and ends the scan: the rest of rs is inside it.
func Scan(rs []rune, heading bool) []Frame { return AppendScan(nil, rs, heading) }

// AppendScan is Scan appending the frames to out, so that a caller may keep a buffer for them.
func AppendScan(out []Frame, rs []rune, heading bool) []Frame {
	if !anyOpens(rs) {
		return out // every frame has an opening mark: most text has none
	}
	for i := 0; i < len(rs); i++ {
		if !isIntroFirst(rs[i]) {
			continue // matchIntro's first test, without the call
		}
		intro, j := matchIntro(rs, i)
		if intro == "" {
			continue
		}
		j = skipFiller(rs, j)
		if j < len(rs) && !Opens(rs[j]) {
			j += gapLen(rs, j) // 针对巡视指出的“…”问题
		} else if introNeedsGap(intro) {
			continue // 对“…”: no finding phrase
		}
		if j >= len(rs) || !Opens(rs[j]) {
			continue
		}
		f := CloseAt(rs, i, j, heading)
		f.IntroWord = intro
		if f.IntroWord == "在" && f.Kind != Aspect {
			continue // 在“…” is only ever a category frame
		}
		if min := introMinQuote(intro); min > 0 {
			if f.Close < 0 || f.Kind != Problem {
				continue // a weak intro frames nothing else, and an open quote after it is prose
			}
			if f.shortest() < min {
				f.Kind = Other // 整改落实“回头看”问题
			}
		}
		out = append(out, f)
		if f.Close < 0 {
			break
		}
		// 针对“甲”问题、“乙”问题: the intro governs the frames listed after this one.
		for f.Kind == Problem {
			k := nextListed(rs, f.End)
			if k < 0 {
				break
			}
			g := CloseAt(rs, k, k, heading)
			if g.Close < 0 || g.Kind != Problem {
				break
			}
			g.IntroWord, g.Listed = intro, true
			out = append(out, g)
			f = g
		}
		i = f.End - 1
	}
	return out
}

// gapCues may stand in a short phrase between the intro and the quote: 针对巡视反馈的“…”问题,
// 针对巡察组指出的“…”问题. The phrase must end with 的 right before the opening mark, or with the
// cue itself: 针对巡察组指出“…”问题.
var gapCues = []string{"反馈", "指出", "发现", "提出", "通报", "交办", "存在", "查出"}

// maxGap is the longest phrase allowed between an intro and its quote, in runes.
const maxGap = 12

// gapLen returns the length of such a phrase at rs[i:] when an opening mark follows it, or 0.
func gapLen(rs []rune, i int) int {
	for k := i; k < len(rs) && k-i <= maxGap; k++ {
		if Opens(rs[k]) {
			if k == i {
				return 0
			}
			gap := rs[i:k]
			for _, c := range gapCues {
				// 针对巡察组指出的“…”问题, or the cue right before the mark: 针对巡察组指出“…”问题
				if rs[k-1] == '的' && containsWord(gap, c) || hasSuffixWord(gap, c) {
					return k - i
				}
			}
			return 0
		}
		if !isHan(rs[k]) && !isDigit(rs[k]) {
			return 0 // 针对2023年巡察反馈的“…”问题 has digits; punctuation ends the phrase
		}
	}
	return 0
}

// containsWord reports whether w occurs in rs, as strings.Contains(string(rs), w) does.
func containsWord(rs []rune, w string) bool {
	return IndexWord(rs, w) >= 0
}

// IndexWord returns the rune offset of the first w in rs, as strings.Index of string(rs)
// counted in runes, or -1. w must be valid UTF-8 and not empty.
func IndexWord(rs []rune, w string) int {
	first, _ := utf8.DecodeRuneInString(w)
	n := utf8.RuneCountInString(w)
	for i := 0; i+n <= len(rs); i++ {
		if rs[i] == first && runesEqual(rs[i:i+n], w) {
			return i
		}
	}
	return -1
}

// hasSuffixWord reports whether rs ends with w, as strings.HasSuffix(string(rs), w) does.
func hasSuffixWord(rs []rune, w string) bool {
	n := utf8.RuneCountInString(w)
	return n <= len(rs) && runesEqual(rs[len(rs)-n:], w)
}

// runesEqual reports whether rs are the runes of w.
func runesEqual(rs []rune, w string) bool {
	k := 0
	for _, r := range w {
		if k >= len(rs) || rs[k] != r {
			return false
		}
		k++
	}
	return k == len(rs)
}

// matchIntro returns the intro word at rs[i:] and the offset past it, or ("", i).
func matchIntro(rs []rune, i int) (string, int) {
	if i < 0 || i >= len(rs) || !isIntroFirst(rs[i]) {
		return "", i // the common case, decided without decoding the intros
	}
	for k, w := range frameIntros {
		if introRunes[k] != rs[i] {
			continue // matchWord would fail on the first rune
		}
		if end := matchWord(rs, i, w.text); end >= 0 {
			return w.text, end
		}
	}
	return "", i
}

// introRunes holds the first rune of each intro of frameIntros, by index.
var introRunes = func() []rune {
	out := make([]rune, len(frameIntros))
	for k, w := range frameIntros {
		out[k], _ = utf8.DecodeRuneInString(w.text)
	}
	return out
}()

// introFirst holds the first rune of each intro, once each.
var introFirst = runes.Distinct(introRunes)

// introLow is the lowest rune of introFirst.
var introLow = slices.Min(introFirst)

// introFirstBits holds introFirst's runes below 0x10000, a bit each.
var introFirstBits = func() *[0x10000 / 64]uint64 {
	var t [0x10000 / 64]uint64
	for _, r := range introFirst {
		if r < 0x10000 {
			t[r>>6] |= 1 << (r & 63)
		}
	}
	return &t
}()

// isIntroFirst reports whether r is the first rune of an intro: one bit test for a rune below
// 0x10000, a look at a handful of runes for the rest.
func isIntroFirst(r rune) bool {
	if r < introLow {
		return false
	}
	if r < 0x10000 {
		return introFirstBits[r>>6]&(1<<(r&63)) != 0
	}
	return slices.Contains(introFirst, r)
}

// nextListed returns the offset of a quotation listed right after a frame ending at rs[end]
// (、“乙”问题, 和“乙”问题, or with nothing between: a heading's 针对“甲”“乙”等问题, whose first
// quote the heading reading closed on its own), or -1.
func nextListed(rs []rune, end int) int {
	k := skipFiller(rs, end)
	for _, c := range []string{"以及", "、", ",", "和", "及", "与"} {
		if e := matchWord(rs, k, c); e >= 0 {
			k = skipFiller(rs, e)
			break
		}
	}
	if k < len(rs) && Opens(rs[k]) {
		return k
	}
	return -1
}

// introNeedsGap reports whether an intro frames only with a finding phrase after it.
func introNeedsGap(intro string) bool {
	for _, w := range frameIntros {
		if w.text == intro {
			return w.needGap
		}
	}
	return false
}

// introMinQuote returns the minQuote of an intro word (0 for the strong ones).
func introMinQuote(intro string) int {
	for _, w := range frameIntros {
		if w.text == intro {
			return w.minQuote
		}
	}
	return 0
}

// shortest returns the length in runes of the frame's shortest quote.
func (f Frame) shortest() int {
	if len(f.Parts) == 0 {
		return f.Close - f.Open - 1
	}
	n := -1
	for _, p := range f.Parts {
		if n < 0 || p[1]-p[0] < n {
			n = p[1] - p[0]
		}
	}
	return n
}

// closeFrame scans the quotation opening at rs[open] and classifies what follows its close.
func CloseAt(rs []rune, intro, open int, heading bool) Frame {
	f := Frame{Intro: intro, Open: open, Close: -1, End: len(rs)}
	if rs[open] == '"' {
		close := closeASCII(rs, open)
		if close < 0 {
			return f
		}
		f.Close = close
		f.End, f.Kind = matchSuffix(rs, close+1, heading)
		if f.Kind != Other {
			f.Parts = asciiParts(rs, open, close)
		}
	} else {
		f = closeCurly(rs, f, heading)
		if f.Close >= 0 && f.Kind != Other && !f.Unbalanced {
			f.Parts = curlyParts(rs, open, f.Close)
		}
	}
	if f.Close >= 0 && f.Kind != Other && blank(rs[open+1:f.Close]) {
		f.Kind = Other // 针对“”问题 quotes nothing
	}
	return f
}

// blank reports whether rs holds nothing but spaces.
func blank(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// closeCurly closes the frame f whose quotation opens with “ at rs[f.Open]. The quote closes at
// the ” that brings the nesting depth back to 0 with a suffix after it (问题, 方面 …). A ” at
// depth 0 with no suffix — 关于“三会一课”制度 — does not end the search at once: 针对“甲”和“乙”
// 问题 is one frame. The search ends at a sentence or clause mark outside the quote (。；，) or
// at the next frame's intro; then the quote is the first depth-0 one (a frameOther). Where the
// marks do not pair up (针对“执行”三重一大”制度不严”问题, a typo for the inner opening mark), a
// ” followed by a problem suffix at another depth closes the frame as Unbalanced. Where nothing
// closes it, Close is -1. Inner single quotes ‘’ and ASCII " do not count.
func closeCurly(rs []rune, f Frame, heading bool) Frame {
	opener := rs[f.Open]
	closer := closerOf(opener)
	depth, firstZero, unbalanced := 0, -1, -1
	unbalancedEnd := 0
	for k := f.Open; k < len(rs); k++ {
		r := rs[k]
		if depth <= 0 && k > f.Open {
			if r == '，' || r == ',' {
				if n := skipFiller(rs, k+1); depth == 0 && n < len(rs) && rs[n] == opener {
					continue // 针对“甲”，“乙”等问题: one frame of two quotes
				}
				break
			}
			if r == '。' || r == '；' || r == ';' {
				break
			}
			if isIntroFirst(r) { // matchIntro's first test, without the call
				if intro, j := matchIntro(rs, k); intro != "" && !introNeedsGap(intro) {
					if n := skipFiller(rs, j); n < len(rs) && Opens(rs[n]) {
						break // the next frame's intro
					}
				}
			}
		}
		switch {
		case r == opener:
			depth++
		case r == closer:
			depth--
			end, kind := matchSuffix(rs, k+1, heading)
			switch {
			case depth == 0 && kind != Other:
				f.Close, f.End, f.Kind = k, end, kind
				return f
			case depth == 0 && firstZero < 0:
				firstZero = k
			case depth != 0 && kind == Problem && unbalanced < 0:
				unbalanced, unbalancedEnd = k, end
			}
		}
	}
	if unbalanced >= 0 && (firstZero < 0 || unbalanced > firstZero) {
		f.Close, f.End, f.Kind, f.Unbalanced = unbalanced, unbalancedEnd, Problem, true
		return f
	}
	if firstZero >= 0 {
		f.Close, f.End, f.Kind = firstZero, firstZero+1, Other
	}
	return f
}

// curlyParts returns the inner spans of the depth-0 quotes between rs[open] and rs[close] when
// there are several and only connectors stand between them (针对“甲”、“乙”等问题), else nil.
func curlyParts(rs []rune, open, close int) [][2]int {
	opener := rs[open]
	closer := closerOf(opener)
	// Fewer than two quotes at depth 0 make no list: told before any slice is built.
	n, depth := 0, 0
	for k := open; k <= close; k++ {
		switch rs[k] {
		case opener:
			depth++
		case closer:
			if depth--; depth == 0 {
				n++
			}
		}
	}
	if n < 2 {
		return nil
	}
	var parts [][2]int
	depth, start, prev := 0, 0, -1
	for k := open; k <= close; k++ {
		switch rs[k] {
		case opener:
			if depth == 0 {
				if prev >= 0 && !isConnector(rs[prev+1:k]) {
					return nil // 针对“甲”制度和“乙”问题: not a list of names
				}
				start = k + 1
			}
			depth++
		case closer:
			depth--
			if depth == 0 {
				parts = append(parts, [2]int{start, k})
				prev = k
			}
		}
	}
	if len(parts) < 2 || blankParts(rs, parts) {
		return nil
	}
	return parts
}

// asciiParts is curlyParts for ASCII marks, which cannot nest: the marks between rs[open] and
// rs[close] must pair up around connectors.
func asciiParts(rs []rune, open, close int) [][2]int {
	marks := []int{open}
	for k := open + 1; k < close; k++ {
		if rs[k] == '"' {
			marks = append(marks, k)
		}
	}
	marks = append(marks, close)
	if len(marks) < 4 || len(marks)%2 != 0 {
		return nil
	}
	var parts [][2]int
	for k := 0; k < len(marks); k += 2 {
		if k > 0 && !isConnector(rs[marks[k-1]+1:marks[k]]) {
			return nil
		}
		parts = append(parts, [2]int{marks[k] + 1, marks[k+1]})
	}
	if blankParts(rs, parts) {
		return nil
	}
	return parts
}

// blankParts reports whether any part is blank.
func blankParts(rs []rune, parts [][2]int) bool {
	for _, p := range parts {
		if blank(rs[p[0]:p[1]]) {
			return true
		}
	}
	return false
}

// maxQuote bounds the search for an ASCII closing mark with a suffix, in runes, so that a long
// paragraph of unpaired " marks is not scanned again from each one. Problem quotes are far
// shorter; past the bound the first " closes.
const MaxLen = 2000

// closeASCII returns the offset of the " that closes the one at rs[open]: the first " followed by
// a problem or aspect suffix, else the first " at all (ASCII marks cannot show nesting), or -1.
func closeASCII(rs []rune, open int) int {
	first := -1
	for k := open + 1; k < len(rs) && k-open <= MaxLen; k++ {
		if rs[k] != '"' {
			continue
		}
		if first < 0 {
			first = k
		}
		if _, kind := matchSuffix(rs, k+1, false); kind != Other {
			return k
		}
	}
	return first
}

// matchSuffix classifies what follows a closing mark at rs[i:]: it returns the offset just past
// the suffix and its kind, or (i, frameOther) when no suffix with a proper boundary follows.
func matchSuffix(rs []rune, i int, heading bool) (int, Kind) {
	at := skipFiller(rs, i)
	if at < len(rs) && slices.Contains(suffixFirst, rs[at]) { // no suffix nor 等 starts elsewhere
		for k, s := range frameSuffixes {
			if suffixRunes[k] != rs[at] {
				continue // matchWord would fail on the first rune
			}
			end := matchWord(rs, at, s.text)
			if end < 0 {
				continue
			}
			if s.kind == Problem && !compoundAt(rs, skipGloss(rs, end)) || suffixBoundary(rs, end) {
				return end, s.kind
			}
		}
		if end := matchEtc(rs, at); end > at && (!compoundAt(rs, skipGloss(rs, end)) || suffixBoundary(rs, end)) {
			if containsWord(rs[at:end], "方面") {
				return end, Aspect // 针对巡视反馈的“党的领导弱化”等4个方面问题: a summary of categories
			}
			return end, Problem // 针对“…”等突出问题
		}
	}
	if heading && suffixBoundary(rs, at) {
		// （1）关于“…” or 关于“…”的整改情况 standing as a heading of its own.
		return at, Problem
	}
	return i, Other
}

// suffixFirst holds the first rune of each frame suffix and 等 (matchEtc's), once each: a
// suffix is matched only where one of them stands.
var suffixFirst = func() []rune {
	out := []rune{'等'}
	for _, s := range frameSuffixes {
		r, _ := utf8.DecodeRuneInString(s.text)
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}()

// maxEtc is the most runes between 等 and 问题 in 针对“…”等突出问题.
const maxEtc = 6

// matchEtc matches 等, up to maxEtc Han characters or digits, then 问题, at rs[i:] (等突出问题,
// 等共性问题, 等3个问题) and returns the offset past it, or -1.
func matchEtc(rs []rune, i int) int {
	k := matchWord(rs, i, "等")
	if k < 0 {
		return -1
	}
	for n := 0; n <= maxEtc && k < len(rs); n++ {
		if end := matchWord(rs, k, "问题"); end >= 0 {
			return end
		}
		if !isHan(rs[k]) && !isDigit(rs[k]) {
			return -1
		}
		k = skipGloss(rs, k+1)
	}
	return -1
}

// compoundAt reports whether a noun of problemCompounds starts at rs[i:], or after a 的 there.
func compoundAt(rs []rune, i int) bool {
	if end := matchWord(rs, i, "的"); end >= 0 {
		i = skipGloss(rs, end)
	}
	if i < 0 || i >= len(rs) || !slices.Contains(compoundFirst, rs[i]) {
		return false // matchWord fails on the first rune of every compound
	}
	for _, c := range problemCompounds {
		if matchWord(rs, i, c) >= 0 {
			return true
		}
	}
	return false
}

// compoundFirst holds the first rune of each of problemCompounds, once each.
var compoundFirst = firstRunes(problemCompounds)

// suffixBoundary reports whether a suffix ending at rs[end] is followed by the end of the text,
// punctuation, a space or a tail (的整改, 整改情况 …) that ends so.
func suffixBoundary(rs []rune, end int) bool {
	end = skipGloss(rs, end)
	if end >= len(rs) || IsSeparator(rs[end]) {
		return true
	}
	t := skipTail(rs, end)
	return t > end && (t >= len(rs) || IsSeparator(rs[t]) || !isHan(rs[t]))
}

// skipTail returns the offset past a frame tail at rs[i:] (的整改, 整改情况 …), or i.
func skipTail(rs []rune, i int) int {
	j := i
	if end := matchWord(rs, i, "的"); end >= 0 {
		j = end
	}
	if j >= len(rs) || !slices.Contains(tailFirst, rs[j]) {
		return i // matchWord fails on the first rune of every tail
	}
	for _, t := range frameTails {
		if end := matchWord(rs, j, t); end >= 0 {
			return end
		}
	}
	return i
}

// tailFirst holds the first rune of each of frameTails, once each.
var tailFirst = firstRunes(frameTails)

// firstRunes returns the first rune of each word, once each.
func firstRunes(words []string) []rune {
	var out []rune
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// suffixRunes holds the first rune of each suffix of frameSuffixes, by index.
var suffixRunes = func() []rune {
	out := make([]rune, len(frameSuffixes))
	for k, s := range frameSuffixes {
		out[k], _ = utf8.DecodeRuneInString(s.text)
	}
	return out
}()

// afterFrame returns the offset where the text after a frame begins: past any tail and the
// separators that end the problem statement (”问题。一是… -> 一是…).
func After(rs []rune, end int) int {
	i := skipTail(rs, skipGloss(rs, end))
	for i < len(rs) && (IsSeparator(rs[i]) && !IsOpenBracket(rs[i])) {
		i++
	}
	return i
}

// isSeparator reports whether r ends a word: punctuation or a space. A CJK ideograph of the
// main block, the common case, is told at once (none is punctuation, space or a symbol).
func IsSeparator(r rune) bool {
	if r >= hanLow && r <= hanHigh {
		return false
	}
	return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r)
}

// isOpenBracket reports whether r opens a parenthetical ((已完成), 《…》, “…”) that belongs to
// the text after a frame rather than to its separators.
func IsOpenBracket(r rune) bool {
	switch r {
	case '(', '[', '《', '“', '‘', '"', '【', '〔':
		return true
	}
	return false
}

// hanLow and hanHigh bound the CJK Unified Ideographs block, every rune of which is Han.
const hanLow, hanHigh = 0x4E00, 0x9FFF

// isHan reports whether r is a Han character: the main block by its bounds, the rest by the
// table. No Han rune is below U+2E80.
func isHan(r rune) bool {
	switch {
	case r >= hanLow && r <= hanHigh:
		return true
	case r < 0x2E80:
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// skipFiller skips spaces and pinyin glosses at rs[i:].
func skipFiller(rs []rune, i int) int {
	for {
		j := skipGloss(rs, i)
		for j < len(rs) && unicode.IsSpace(rs[j]) {
			j++
		}
		if j == i {
			return i
		}
		i = j
	}
}

// skipGloss skips a pinyin gloss that mirror sites insert after a character — 根據(jù),
// 問(wèn)題 — at rs[i:]: "(" then 1 to 7 lower-case Latin letters (tone marks allowed) then ")".
func skipGloss(rs []rune, i int) int {
	if i >= len(rs) || rs[i] != '(' {
		return i
	}
	j := i + 1
	for j < len(rs) && j-i <= 8 && isPinyinLetter(rs[j]) {
		j++
	}
	if j > i+1 && j < len(rs) && rs[j] == ')' {
		return j + 1
	}
	return i
}

func isPinyinLetter(r rune) bool {
	if r >= 'a' && r <= 'z' {
		return true
	}
	return r >= 0xC0 && r <= 0x24F && unicode.IsLower(r) // āáǎà ēéěè ü ǚ …
}

// matchWord matches w at rs[i:] allowing a pinyin gloss after each of its runes (問(wèn)題 is
// 问题) and returns the offset just past the last rune of w, or -1.
func matchWord(rs []rune, i int, w string) int {
	if i < 0 {
		return -1
	}
	first := true
	for _, r := range w {
		if !first {
			i = skipGloss(rs, i)
		}
		first = false
		if i >= len(rs) || rs[i] != r {
			return -1
		}
		i++
	}
	return i
}

// isDigit reports an ASCII digit (the text is folded: full-width digits are ASCII here).
func isDigit(r rune) bool { return r >= '0' && r <= '9' }
