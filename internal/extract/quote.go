package extract

// The quote scanner: it finds the frames that introduce a problem, 针对“…”问题 and 关于“…”问题,
// in folded text and tells where the quotation opens and closes. It works on runes of text already
// folded by package fold (针對/關於 -> 针对/关于, 「」 -> “”, full-width " -> "), so the offsets it
// returns are rune offsets in the original text too; callers cut the quote from the original.

import (
	"strings"
	"unicode"
)

// frameKind says what a frame introduces.
type frameKind int

const (
	frameOther   frameKind = iota // 关于“三会一课”制度: a quoted term, not a problem
	frameProblem                  // 针对“…”问题, 关于“…”问题的整改, （1）关于“…”
	frameAspect                   // （一）关于“…”方面: a category of problems
)

// frame is one intro–quote–suffix frame found in folded runes. Offsets are rune offsets.
type frame struct {
	Intro      int       // where the intro word (针对, 关于, 在) starts
	Open       int       // the opening quotation mark
	Close      int       // the closing quotation mark; -1 when the quote never closes
	End        int       // just past the suffix (问题, 等问题, 方面 …), or past Close for frameOther
	Kind       frameKind //
	Unbalanced bool      // closed by a ”问题 at a nesting depth other than 0 (a typo in the source)
	intro      string    // the intro word as folded, for callers that accept only some intros
}

// frameIntros are the words that open a frame when a quotation mark follows them.
var frameIntros = []string{
	"针对", // 针对“部分党员干部理论学习不够认真”问题 (seed); 針對 folds to this
	"关于", // 1.关于“政治引领有短板”问题的整改 (gold 004); 關於 folds to this
	"在",  // （一）在“党的领导”方面: a category heading; never a problem by itself
}

// frameSuffixes are what may follow the closing mark, longest first. A problem suffix holds unless
// a noun follows that makes 问题 part of a compound (79个“问题清单” is not a frame, and neither is
// 关于“三重一大”问题台账); an aspect suffix must end the phrase (see suffixBoundary).
var frameSuffixes = []struct {
	text string
	kind frameKind
}{
	{"等方面的问题", frameProblem}, // 针对“…”等方面的问题
	{"等方面问题", frameProblem},  // 针对“…”等方面问题
	{"方面存在的问题", frameAspect}, // （一）关于“…”方面存在的问题: a category heading
	{"方面的问题", frameProblem},  // 关于“…”方面的问题: a container or a problem, the tree decides
	{"方面问题", frameProblem},   // 关于“…”方面问题
	{"方面", frameAspect},      // （一）关于“聚焦基层党组织建设”方面 (seed)
	{"等问题", frameProblem},    // 针对“…”等问题
	{"的问题", frameProblem},    // 针对“…”的问题
	{"这一问题", frameProblem},   // 针对“…”这一问题
	{"问题", frameProblem},     // 针对“…”问题。 (seed)
}

// problemCompounds are the nouns that, right after 问题, make it a compound and not a frame.
var problemCompounds = []string{
	"清单", // “…”问题清单
	"台账", // “…”问题台账
	"线索", // “…”问题线索
	"导向", // “…”问题导向
	"意识", // “…”问题意识
	"整改清单",
	"库", // “…”问题库
}

// frameTails may follow a suffix (or, in a heading, the closing mark itself) before the boundary.
var frameTails = []string{
	"的整改进展情况", // 关于“…”问题的整改进展情况
	"的整改落实情况", // 关于“…”问题的整改落实情况
	"整改进展情况",  // 关于“…”问题整改进展情况
	"整改落实情况",  // 关于“…”问题整改落实情况
	"的整改情况",   // 关于“…”问题的整改情况
	"整改情况",    // 1.关于“…”问题整改情况 (seed)
	"的整改",     // 1.关于“…”问题的整改。 (gold 004)
	"进行整改",    // 针对“…”问题进行整改
	"整改",      // 关于“…”问题整改
}

// isOpen and isClose say whether r opens or closes a double quotation (after folding). The ASCII
// mark " does both and is handled apart.
func isOpen(r rune) bool  { return r == '“' }
func isClose(r rune) bool { return r == '”' }

// scanFrames finds every frame in rs, left to right. In a heading (heading true) a closed quote
// with nothing but a tail or punctuation after it is a problem frame too (（1）关于“…”). A frame
// whose quote never closes is returned with Close -1 and ends the scan: the rest of rs is inside it.
func scanFrames(rs []rune, heading bool) []frame {
	var out []frame
	for i := 0; i < len(rs); i++ {
		intro, j := matchIntro(rs, i)
		if intro == "" {
			continue
		}
		j = skipFiller(rs, j)
		if j < len(rs) && !isOpen(rs[j]) && rs[j] != '"' {
			j += gapLen(rs, j) // 针对巡视指出的“…”问题
		}
		if j >= len(rs) || (!isOpen(rs[j]) && rs[j] != '"') {
			continue
		}
		f := closeFrame(rs, i, j, heading)
		f.intro = intro
		if f.intro == "在" && f.Kind != frameAspect {
			continue // 在“…” is only ever a category frame
		}
		out = append(out, f)
		if f.Close < 0 {
			break
		}
		i = f.End - 1
	}
	return out
}

// gapCues may stand in a short phrase between the intro and the quote: 针对巡视反馈的“…”问题,
// 针对巡察组指出的“…”问题. The phrase must end with 的 right before the opening mark.
var gapCues = []string{"反馈", "指出", "发现", "提出", "通报", "交办"}

// maxGap is the longest phrase allowed between an intro and its quote, in runes.
const maxGap = 12

// gapLen returns the length of such a phrase at rs[i:] when an opening mark follows it, or 0.
func gapLen(rs []rune, i int) int {
	for k := i; k < len(rs) && k-i <= maxGap; k++ {
		if isOpen(rs[k]) || rs[k] == '"' {
			if k == i || rs[k-1] != '的' {
				return 0
			}
			gap := string(rs[i:k])
			for _, c := range gapCues {
				if strings.Contains(gap, c) {
					return k - i
				}
			}
			return 0
		}
		if !isHan(rs[k]) {
			return 0
		}
	}
	return 0
}

// matchIntro returns the intro word at rs[i:] and the offset past it, or ("", i).
func matchIntro(rs []rune, i int) (string, int) {
	for _, w := range frameIntros {
		if end := matchWord(rs, i, w); end >= 0 {
			return w, end
		}
	}
	return "", i
}

// closeFrame scans the quotation opening at rs[open] and classifies what follows its close.
func closeFrame(rs []rune, intro, open int, heading bool) frame {
	f := frame{Intro: intro, Open: open, Close: -1, End: len(rs)}
	if rs[open] == '"' {
		close := closeASCII(rs, open)
		if close < 0 {
			return f
		}
		f.Close = close
		f.End, f.Kind = matchSuffix(rs, close+1, heading)
	} else {
		f = closeCurly(rs, f, heading)
	}
	if f.Close >= 0 && f.Kind != frameOther && blank(rs[open+1:f.Close]) {
		f.Kind = frameOther // 针对“”问题 quotes nothing
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
func closeCurly(rs []rune, f frame, heading bool) frame {
	depth, firstZero, unbalanced := 0, -1, -1
	unbalancedEnd := 0
	for k := f.Open; k < len(rs); k++ {
		r := rs[k]
		if depth <= 0 && k > f.Open {
			if r == '。' || r == '；' || r == ';' || r == '，' || r == ',' {
				break
			}
			if intro, j := matchIntro(rs, k); intro != "" && j < len(rs) && isOpen(rs[skipFiller(rs, j)]) {
				break
			}
		}
		switch {
		case isOpen(r):
			depth++
		case isClose(r):
			depth--
			end, kind := matchSuffix(rs, k+1, heading)
			switch {
			case depth == 0 && kind != frameOther:
				f.Close, f.End, f.Kind = k, end, kind
				return f
			case depth == 0 && firstZero < 0:
				firstZero = k
			case depth != 0 && kind == frameProblem && unbalanced < 0:
				unbalanced, unbalancedEnd = k, end
			}
		}
	}
	if unbalanced >= 0 && (firstZero < 0 || unbalanced > firstZero) {
		f.Close, f.End, f.Kind, f.Unbalanced = unbalanced, unbalancedEnd, frameProblem, true
		return f
	}
	if firstZero >= 0 {
		f.Close, f.End, f.Kind = firstZero, firstZero+1, frameOther
	}
	return f
}

// maxQuote bounds the search for an ASCII closing mark with a suffix, in runes, so that a long
// paragraph of unpaired " marks is not scanned again from each one. Problem quotes are far
// shorter; past the bound the first " closes.
const maxQuote = 2000

// closeASCII returns the offset of the " that closes the one at rs[open]: the first " followed by
// a problem or aspect suffix, else the first " at all (ASCII marks cannot show nesting), or -1.
func closeASCII(rs []rune, open int) int {
	first := -1
	for k := open + 1; k < len(rs) && k-open <= maxQuote; k++ {
		if rs[k] != '"' {
			continue
		}
		if first < 0 {
			first = k
		}
		if _, kind := matchSuffix(rs, k+1, false); kind != frameOther {
			return k
		}
	}
	return first
}

// matchSuffix classifies what follows a closing mark at rs[i:]: it returns the offset just past
// the suffix and its kind, or (i, frameOther) when no suffix with a proper boundary follows.
func matchSuffix(rs []rune, i int, heading bool) (int, frameKind) {
	at := skipFiller(rs, i)
	for _, s := range frameSuffixes {
		end := matchWord(rs, at, s.text)
		if end < 0 {
			continue
		}
		if s.kind == frameProblem && !compoundAt(rs, skipGloss(rs, end)) || suffixBoundary(rs, end) {
			return end, s.kind
		}
	}
	if heading && suffixBoundary(rs, at) {
		// （1）关于“…” or 关于“…”的整改情况 standing as a heading of its own.
		return at, frameProblem
	}
	return i, frameOther
}

// compoundAt reports whether a noun of problemCompounds starts at rs[i:].
func compoundAt(rs []rune, i int) bool {
	for _, c := range problemCompounds {
		if matchWord(rs, i, c) >= 0 {
			return true
		}
	}
	return false
}

// suffixBoundary reports whether a suffix ending at rs[end] is followed by the end of the text,
// punctuation, a space or a tail (的整改, 整改情况 …) that ends so.
func suffixBoundary(rs []rune, end int) bool {
	end = skipGloss(rs, end)
	if end >= len(rs) || isSeparator(rs[end]) {
		return true
	}
	t := skipTail(rs, end)
	return t > end && (t >= len(rs) || isSeparator(rs[t]) || !isHan(rs[t]))
}

// skipTail returns the offset past a frame tail at rs[i:] (的整改, 整改情况 …), or i.
func skipTail(rs []rune, i int) int {
	for _, t := range frameTails {
		if end := matchWord(rs, i, t); end >= 0 {
			return end
		}
	}
	return i
}

// afterFrame returns the offset where the text after a frame begins: past any tail and the
// separators that end the problem statement (”问题。一是… -> 一是…).
func afterFrame(rs []rune, end int) int {
	i := skipTail(rs, skipGloss(rs, end))
	for i < len(rs) && (isSeparator(rs[i]) && !isOpenBracket(rs[i])) {
		i++
	}
	return i
}

// isSeparator reports whether r ends a word: punctuation or a space.
func isSeparator(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r)
}

// isOpenBracket reports whether r opens a parenthetical ((已完成), 《…》, “…”) that belongs to
// the text after a frame rather than to its separators.
func isOpenBracket(r rune) bool {
	switch r {
	case '(', '[', '《', '“', '‘', '"', '【', '〔':
		return true
	}
	return false
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

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

// hasPrefixAt reports whether rs[i:] starts with w.
func hasPrefixAt(rs []rune, i int, w string) bool {
	if i < 0 {
		return false
	}
	for _, r := range w {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}
