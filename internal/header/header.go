// Package header reads the facts a bulletin states about itself: the inspected unit, the
// inspection group and round, the inspection period, the feedback and as-of dates, the kind of
// document, the declared totals (problems, measures, done, in progress, rate) and the contacts
// at its end, and checks the declared totals against what the other stages found.
package header

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/quantity"
	"github.com/xuncha/xuncha/internal/runes"
)

// Header facts come from the opening: 根据…部署，DATE至DATE，GROUP对UNIT进行了巡察。DATE，反馈了
// 巡察意见。 The opening may follow page chrome (breadcrumbs, timestamps, the title), and the
// facts may come later, inside section 一、; so paragraphs are searched in order, up to
// searchLimit of them.
const searchLimit = 25

// inspectorRE matches the inspection group: 市委第一巡察组, 市委巡视六组, 中央第十五巡视组,
// 巡察三组, 巡察第二组, 提级交叉巡察组; 中共湖北省委第三巡视组 (the party committee named in
// full); 县委第一、第二巡察组 (two groups together); 市委第二轮巡察第一组 and 十届市委第五轮巡察
// 第三巡察组 (a group named by its round). The whole name is kept as written. Folded text:
// traditional 巡視組 reads as 巡视组.
var inspectorRE = regexp.MustCompile(
	// The committee: 中共…省委 in full, else its short form; a round-named group may open with 十届.
	`(?:(?:[一二三四五六七八九十]+届)?中共\p{Han}{1,12}?(?:自治区党委|省委|市委|州委|盟委|区委|县委|旗委)|` +
		`(?:[一二三四五六七八九十]+届)?(?:中央|省委|自治区党委|市委|州委|盟委|区委|县委|旗委|市委区委|县区委|` +
		// An enterprise's or a university's own groups and those of an organs' work committee:
		// 集团党组第二巡视组, 校党委第一巡察组, 省直机关工委第一巡察组.
		`(?:集团|公司|总公司|校|学校|大学|学院)?(?:党委|党组)|(?:省直|市直|县直|区直)?机关工委|工委)|` +
		// A department's or an enterprise's committee named in full: 市税务局党委第一巡察组,
		// 省交通运输厅党组第二巡察组, 某某集团有限公司党委第三巡察组, 市国资委党委第二巡察组;
		// a sector's work committee: 市委教育工委第三巡察组, 省委金融工委第一巡察组.
		`\p{Han}{1,12}?(?:(?:局|厅|署|办|委|委员会|公司|集团|银行|大学|学院|医院)(?:党委|党组)|工委))?` +
		// The round, for a group named by it: 第二轮巡察.
		`(?:第[一二三四五六七八九十\d]+轮(?:巡察|巡视)?(?:第[一二三四五六七八九十\d]+组|` + groupPattern + `)|` + groupPattern + `)`)

// groupPattern is the group's own name: 第一巡察组, 第一、第二巡察组, 提级交叉巡察组, 巡视六组,
// 市委机动巡察组 and 专项巡察组 (a group named by its kind, without a number), and a round's
// groups counted (区委4个巡察组, in a bulletin on a whole round).
const groupPattern = `(?:第[一二三四五六七八九十\d]+(?:[、和及与]第?[一二三四五六七八九十\d]+)*|[一二三四五六七八九十\d]+个)?(?:提级)?(?:交叉)?(?:联动)?(?:机动|专项)?(?:巡察|巡视)(?:第?[一二三四五六七八九十\d]+)?组`

// findGroups is inspectorRE.FindAllStringIndex(s, n) (n > 0), searched only in the runs of
// text a group's name can lie in. Every character of a match is a Han character, an ASCII digit
// or 、 (the pattern has no other), so no match crosses another character; the pattern has no
// assertion (^, $, \b), so a run searched alone gives the matches the whole text gives there.
// Every match ends in a 组 that groupBefore accepts (nameEnd in the tests checks it), so only the runs holding
// such a 组 are searched, each up to its last such 组: in an opening paragraph, a clause or two
// instead of all the text before its last group. TestNameEnd and FuzzNameEnd compare it with the whole search.
func findGroups(s string, n int) [][]int {
	var out [][]int
	searched := 0 // the end of the last run searched
	for i := 0; len(out) < n; {
		j := strings.Index(s[i:], "组")
		if j < 0 {
			break
		}
		k := i + j
		if !groupBefore(s[:k]) {
			i = k + len("组")
			continue
		}
		start, end := k, k
		for start > searched {
			r, size := utf8.DecodeLastRuneInString(s[:start])
			if !inGroupRun(r) {
				break
			}
			start -= size
		}
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if !inGroupRun(r) {
				break
			}
			end += size
		}
		// The run is searched up to its last 组 that may end a name: every match ends at one.
		cut := k + len("组")
		for q := cut; ; {
			j := strings.Index(s[q:end], "组")
			if j < 0 {
				break
			}
			q += j + len("组")
			if groupBefore(s[:q-len("组")]) {
				cut = q
			}
		}
		for _, m := range inspectorRE.FindAllStringIndex(s[start:cut], n-len(out)) {
			out = append(out, []int{start + m[0], start + m[1]})
		}
		i, searched = end, end
	}
	return out
}

// inGroupRun reports whether r may be part of a match of inspectorRE: a Han character, an
// ASCII digit or 、.
func inGroupRun(r rune) bool {
	return r >= '0' && r <= '9' || r == '、' || unicode.Is(unicode.Han, r)
}

// groupBefore reports whether s ends as the text before a group's 组 may: 巡察 or 巡视, then
// 第 and a number or a number alone; or a round (…轮, …轮巡察) then 第 and a number.
func groupBefore(s string) bool {
	end := len(s)
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !strings.ContainsRune(groupNumerals, r) {
			break
		}
		end -= size
	}
	numbered := end < len(s)
	ordinal := numbered && strings.HasSuffix(s[:end], "第")
	if ordinal {
		end -= len("第")
	}
	head := s[:end]
	if strings.HasSuffix(head, "巡察") || strings.HasSuffix(head, "巡视") {
		return true
	}
	return ordinal && strings.HasSuffix(head, "轮")
}

// groupNumerals are the characters of a group's number in inspectorRE ([一二三四五六七八九十\d]).
const groupNumerals = "一二三四五六七八九十0123456789"

// unitPatterns find the inspected organisation, tried in order on the sentence after the
// inspection group (the text from the end of the group's name). Group 1 is the unit.
var unitPatterns = []struct {
	re      *regexp.Regexp
	lits    []string // words every match holds: a text without one of them is not tried
	example string
}{
	// 对UNIT进行了巡察 / 开展了巡视 / 开展专项巡视 / 开展了巡视“回头看”; a (以下简称…) after
	// the name is not part of it.
	{regexp.MustCompile(`^[^。;]*?对(.{1,120}?)(?:\((?:以下)?简称[^)]{0,30}\))?(?:进行了|开展了|进行|开展|实施了|实施)[^,，。;“"]{0,12}?(?:巡察|巡视|“回头看”|"回头看")`), []string{"对"},
		"市委第一巡察组对文广旅局党组进行了巡察; 对市供销社党组进行了为期两个月的常规巡察; 对市审计局党组开展了“回头看”"},
	// 巡察了UNIT: the group's verb, the unit its object.
	{regexp.MustCompile(`^\s*(?:于[^,，。;]{0,30}?)?(?:先后)?(?:巡察|巡视)了(.{2,60}?)(?:[,，。;]|并|$)`), []string{"了"},
		"县委第二巡察组巡察了县林业局党组，并于6月28日反馈了巡察意见"},
	// 进驻UNIT开展了巡察: the group moved in.
	{regexp.MustCompile(`^[^。;]*?进驻(.{1,120}?)(?:开展了|进行了|开展|进行)(?:为期[^,，。]{1,10}的)?(?:了|常规|专项|机动|提级|交叉|联动|延伸|政治|集中|全面)*(?:巡察|巡视)`), []string{"进驻"},
		"县委第三巡察组进驻县卫健局党组开展常规巡察"},
	// 向UNIT反馈了巡察意见 (the group is named again in the feedback sentence).
	{regexp.MustCompile(`^[^。;]*?向(.{1,120}?)(?:\((?:以下)?简称[^)]{0,30}\))?(?:反馈|进行了反馈|集中反馈)`), []string{"向", "反馈"},
		"区委巡察组向区总工会党组反馈了巡察意见"},
	// …召开巡视反馈会后，UNIT针对…: the subject after the feedback meeting.
	{regexp.MustCompile(`^[^。;]*?反馈(?:会|会议|大会)后[,，]\s*(.{2,40}?(?:党组|党委|党工委|委员会|区委|县委|市委|公司|集团|局|委|办|院|厅|部|中心|学校|大学|政府))(?:针对|高度|坚决|认真|立即|迅速|把|以|在|对|按照|深入|及时)`), []string{"反馈"},
		"市委巡视九组召开巡视反馈会后，市机关事务管理局党组针对巡视组反馈的问题"},
}

// unitMatches is unitPatterns[k].re.MatchString(s), tried only where s holds the pattern's words.
func unitMatches(k int, s string) bool {
	return hasAll(s, unitPatterns[k].lits) && unitFind(k, s, false) != nil
}

// unitLead is the opening of the unit patterns that look for their word anywhere before the
// sentence's first 。 or ;: `^[^。;]*?` then the word (对, 进驻, 向, 反馈).
const unitLead = `^[^。;]*?`

// unitRests are, for each unit pattern that opens with unitLead, its word and the rest of the
// pattern from that word on, anchored there (nil for one that does not); where the rest is the
// word, a unit of one to N characters (`(.{1,N}?)`) and a tail, the tail alone too.
var unitRests = func() []*unitRest {
	out := make([]*unitRest, len(unitPatterns))
	for k, p := range unitPatterns {
		rest, ok := strings.CutPrefix(p.re.String(), unitLead)
		if !ok {
			continue
		}
		r := &unitRest{word: rest[:strings.IndexAny(rest, "(.")]}
		if n, tail, ok := lazyUnit(rest[len(r.word):]); ok {
			// The empty group gives the tail's match four indices, room for the unit's.
			r.most, r.tail = n, regexp.MustCompile("^()(?:"+tail+")")
			r.opens = firstRunes(r.tail)
			r.tailMax = maxRunes(r.tail)
		} else {
			r.re = regexp.MustCompile("^" + rest) // compiled only where it is tried
		}
		out[k] = r
	}
	return out
}()

// unitRest is a unit pattern from its word on.
type unitRest struct {
	word string
	re   *regexp.Regexp // the rest, where it has no lazy unit (nil where it has)
	// A rest written word, (.{1,most}?), tail: most, the tail alone (nil for another rest), and
	// the characters a match of the tail may open with.
	most  int
	tail  *regexp.Regexp
	opens *runeSet
	// tailMax is the most characters a match of the tail holds (-1: no bound): the tail is
	// given only the bytes those may take, so that the backtracker clears a record of them,
	// not of the rest of the paragraph.
	tailMax int
}

// maxRunes returns the most characters a match of re holds, or -1 where there is no bound or
// the pattern looks past its match (an assertion other than ^ at the start of the text).
func maxRunes(re *regexp.Regexp) int {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return -1
	}
	var most func(t *syntax.Regexp) int
	most = func(t *syntax.Regexp) int {
		switch t.Op {
		case syntax.OpEmptyMatch, syntax.OpBeginText:
			return 0
		case syntax.OpLiteral:
			return len(t.Rune)
		case syntax.OpCharClass, syntax.OpAnyCharNotNL, syntax.OpAnyChar:
			return 1
		case syntax.OpCapture, syntax.OpQuest:
			return most(t.Sub[0])
		case syntax.OpRepeat:
			if n := most(t.Sub[0]); n >= 0 && t.Max >= 0 {
				return n * t.Max
			}
			return -1
		case syntax.OpConcat, syntax.OpAlternate:
			total := 0
			for _, sub := range t.Sub {
				n := most(sub)
				if n < 0 {
					return -1
				}
				if t.Op == syntax.OpConcat {
					total += n
				} else {
					total = max(total, n)
				}
			}
			return total
		}
		return -1 // a star, a plus, an assertion that looks at what follows
	}
	return most(tree)
}

// lazyUnit splits a rest after its word into a unit of one to n characters, `(.{1,n}?)`, and
// the tail after it.
func lazyUnit(rest string) (n int, tail string, ok bool) {
	after, ok := strings.CutPrefix(rest, "(.{1,")
	if !ok {
		return 0, "", false
	}
	k := strings.Index(after, "}?)")
	if k < 0 {
		return 0, "", false
	}
	n, err := strconv.Atoi(after[:k])
	if err != nil || n < 1 {
		return 0, "", false
	}
	return n, after[k+len("}?)"):], true
}

// runeSet is the characters a match of a pattern may open with: the ranges lo-hi of pairs,
// or any text at all.
type runeSet struct {
	pairs []rune
	any   bool
}

// has reports whether a match may open with r.
func (o *runeSet) has(r rune) bool {
	if o.any {
		return true
	}
	for k := 0; k+1 < len(o.pairs); k += 2 {
		if o.pairs[k] <= r && r <= o.pairs[k+1] {
			return true
		}
	}
	return false
}

// firstRunes returns the characters a match of re may open with, read from its program: the
// runes of every instruction reached before one that reads a rune; any text when it may match
// the empty text or read an invalid byte (as U+FFFD) or a case-folded rune.
func firstRunes(re *regexp.Regexp) *runeSet {
	anything := &runeSet{any: true}
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return anything
	}
	prog, err := syntax.Compile(tree.Simplify())
	if err != nil {
		return anything
	}
	set := &runeSet{}
	seen := make([]bool, len(prog.Inst))
	todo := []uint32{uint32(prog.Start)}
	for len(todo) > 0 {
		pc := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if seen[pc] {
			continue
		}
		seen[pc] = true
		in := prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			todo = append(todo, in.Out, in.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			todo = append(todo, in.Out)
		case syntax.InstRune, syntax.InstRune1:
			if syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
				return anything
			}
			for k := 0; k < len(in.Rune); k += 2 {
				lo, hi := in.Rune[k], in.Rune[k] // one rune (InstRune1, or InstRune of one)
				if k+1 < len(in.Rune) {
					hi = in.Rune[k+1] // a range
				}
				if lo <= utf8.RuneError && utf8.RuneError <= hi {
					return anything
				}
				set.pairs = append(set.pairs, lo, hi)
			}
		case syntax.InstFail:
		default: // a match of the empty text, any rune
			return anything
		}
	}
	return set
}

// unitFind is unitPatterns[k].re.FindStringSubmatchIndex(s) (with submatch; else only whether it
// matches, as a non-nil slice). A pattern that opens with unitLead is tried only at each place
// its word stands before the first 。 or ;, leftmost first: the lazy `[^。;]*?` makes the
// shortest lead that lets the rest match win, and the rest opens with the word. The whole
// pattern would otherwise step through the lead one character at a time, clearing the
// backtracker's record of the whole text for each try. A rest with a lazy unit after its word
// is read the same way: the shortest unit after which the tail matches wins, so the tail alone
// is tried after each character, where a character it may open with stands (firstRunes). TestUnitFind
// and FuzzUnitFind compare the two.
func unitFind(k int, s string, submatch bool) []int {
	r := unitRests[k]
	if r == nil {
		if submatch {
			return unitPatterns[k].re.FindStringSubmatchIndex(s)
		}
		if unitPatterns[k].re.MatchString(s) {
			return []int{}
		}
		return nil
	}
	stop := len(s) // the lead holds no 。 or ;
	if i := strings.Index(s, "。"); i >= 0 {
		stop = i
	}
	if i := strings.IndexByte(s[:stop], ';'); i >= 0 {
		stop = i
	}
	for at := 0; at < stop; at++ {
		i := strings.Index(s[at:stop], r.word)
		if i < 0 {
			return nil
		}
		at += i
		if r.tail != nil {
			if m := r.unitAt(s, at, submatch); m != nil {
				return m
			}
			continue
		}
		if !submatch {
			if r.re.MatchString(s[at:]) {
				return []int{}
			}
			continue
		}
		if m := r.re.FindStringSubmatchIndex(s[at:]); m != nil {
			for j := range m {
				if m[j] >= 0 {
					m[j] += at
				}
			}
			m[0] = 0
			return m
		}
	}
	return nil
}

// unitAt is the match of a rest with a lazy unit whose word stands at byte at of s, as unitFind
// gives it (the whole match from 0, the unit), or nil: the unit is one to r.most characters, no
// line break among them (as . reads), each shorter one tried first.
func (r *unitRest) unitAt(s string, at int, submatch bool) []int {
	from := at + len(r.word)
	q := from
	c, size := utf8.DecodeRuneInString(s[q:]) // the character at q (RuneError, 0 at the end)
	for n := 1; n <= r.most && q < len(s); n++ {
		if c == '\n' {
			return nil
		}
		q += size
		c, size = utf8.DecodeRuneInString(s[q:])
		if q < len(s) && !r.opens.has(c) || q == len(s) && !r.opens.any {
			continue // the tail opens with none of its characters here (nor with the empty text)
		}
		rest := s[q:]
		if r.tailMax >= 0 && len(rest) > utf8.UTFMax*r.tailMax {
			// Every match lies in the first tailMax characters, which the cut keeps whole;
			// a character it splits lies past them.
			rest = rest[:utf8.UTFMax*r.tailMax]
		}
		if !submatch {
			if r.tail.MatchString(rest) {
				return []int{}
			}
			continue
		}
		if m := r.tail.FindStringSubmatchIndex(rest); m != nil {
			m[0], m[1], m[2], m[3] = 0, q+m[1], from, q
			return m
		}
	}
	return nil
}

// hasAll reports whether s contains every one of ws.
func hasAll(s string, ws []string) bool {
	for _, w := range ws {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// unitMatterEnd cuts the matter inspected from the unit: 对市财政局党组及所属单位落实全面从严治党
// 主体责任情况开展了专项巡察 -> 市财政局党组及所属单位. It returns where the unit ends, or -1 where
// u names no matter. It reads u as the pattern `^(.{2,}?)(?:贯彻落实|…|党风廉政)\p{Han}*?
// (?:情况|工作|责任|问题)$` does (unitMatter in the tests; TestUnitMatterEnd and
// FuzzUnitMatterEnd compare them), group 1 being the unit: the first place after two characters
// or more, no line break among them, where a matter word opens and Han characters then run to an
// ending word that ends u. A unit that ends as an organisation (县人民法院执行局党组) is never cut.
func unitMatterEnd(u string) int {
	n := 0 // the characters before p
	for p := 0; p < len(u); n++ {
		if n >= 2 {
			for _, w := range matterWords {
				if strings.HasPrefix(u[p:], w) && matterTail(u[p+len(w):]) {
					return p
				}
			}
		}
		r, size := utf8.DecodeRuneInString(u[p:])
		if r == '\n' {
			return -1
		}
		p += size
	}
	return -1
}

// matterWords open the matter of unitMatterEnd; matterEnds end it.
var (
	matterWords = []string{"贯彻落实", "落实", "履行", "执行", "选人用人", "巡察整改", "巡视整改", "整改", "政治监督", "党风廉政"}
	matterEnds  = []string{"情况", "工作", "责任", "问题"}
)

// matterTail reports whether s is Han characters and then an ending word, the end of the text.
func matterTail(s string) bool {
	for _, e := range matterEnds {
		if head, ok := strings.CutSuffix(s, e); ok {
			for _, r := range head {
				if !unicode.Is(unicode.Han, r) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// unitBefore finds a unit named before the group, as the subject of 接受: 县自然资源局党组
// 接受了县委第三巡察组的常规巡察. It is tried on the clause before the group's name; group 1 is
// the unit.
var unitBefore = regexp.MustCompile(`(?:^|[,，:：])\s*([^,，。;:：]{2,60}?)\s*(?:于[^,，。;]{0,30}?)?(?:先后|依次)?接受了?$`)

// factLabels are the labelled facts of a ledger-style opening (巡察组：市委第一巡察组；巡察对象：
// 市档案局党组；巡察时间：…；反馈时间：…). Each fills a fact the sentences left empty; the value
// runs from the label to the end of its clause. A label is one of words, optional spaces, a
// colon and optional spaces (labelMatches).
var factLabels = []struct {
	fact    string // unit, inspector, period, feedback
	words   []string
	example string
}{
	{"unit", []string{"被巡察单位", "被巡察党组织", "被巡视单位", "被巡视党组织", "巡察对象", "巡视对象", "被巡察对象"}, "巡察对象：市档案局党组"},
	{"inspector", []string{"巡察组别", "巡视组别", "巡察组", "巡视组", "巡察单位"}, "巡察组：市委第一巡察组"},
	{"period", []string{"巡察时间", "巡视时间", "进驻时间", "巡察期间", "巡视期间"}, "巡察时间：2022年3月1日至4月30日"},
	{"feedback", []string{"反馈时间", "反馈日期", "意见反馈时间"}, "反馈时间：2022年6月10日"},
}

// labelMatches returns the spans of the first n (all if n < 0) labels of words in s: a word, then
// spaces (\t \n \f \r and space), : or ：, and spaces. They are the matches the regexp
// `(?:w1|w2|…)\s*[:：]\s*` finds (TestLabelMatches and FuzzLabelMatches compare them), read
// from each colon back: a word holds no colon, so the matches are in the order of their colons,
// and the longest word that ends before a colon starts its match.
func labelMatches(s string, words []string, n int) [][2]int {
	var out [][2]int
	from := 0 // the end of the match before: the next starts at or after it
	for i := 0; n < 0 || len(out) < n; {
		k, size := colonAt(s, i)
		if k < 0 {
			break
		}
		i = k + size
		q := k
		for q > from && isASCIISpace(s[q-1]) {
			q--
		}
		start := -1
		for _, w := range words {
			if q-len(w) >= from && (start < 0 || q-len(w) < start) && strings.HasSuffix(s[:q], w) {
				start = q - len(w)
			}
		}
		if start < 0 {
			continue
		}
		for i < len(s) && isASCIISpace(s[i]) {
			i++
		}
		out = append(out, [2]int{start, i})
		from = i
	}
	return out
}

// colonAt returns the byte offset and size of the first : or ： in s at or after i, or -1.
func colonAt(s string, i int) (int, int) {
	for ; i < len(s); i++ {
		switch {
		case s[i] == ':':
			return i, 1
		case s[i] == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] == 0x9A: // ：
			return i, 3
		}
	}
	return -1, 0
}

// isASCIISpace reports whether c is one of the spaces of a regexp's \s: \t \n \f \r and space.
func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// pronouns name the unit by a pronoun: the unit is then taken from the title or publisher.
var pronouns = []string{"我单位", "我局", "我委", "我办", "我院", "我校", "我部", "我厅", "我公司", "我集团", "我中心", "我市", "我区", "我县", "我镇", "我乡",
	"本单位", "本局", "本委", "本办", "本院", "本校", "本部门", "本公司", "本中心", "本镇", "本街道"}

// feedbackCues mark the sentence that dates the feedback; the date is the nearest day
// before the cue in the same sentence.
var feedbackCues = []struct {
	cue     string
	example string
}{
	{"反馈了", "于2024年8月19日反馈了巡察意见"},
	{"反馈会", "2021年1月30日，市委巡视九组召开巡视反馈会后"},
	{"反馈巡察意见", "于7月26日反馈巡察意见"},
	{"反馈巡视意见", "于7月26日反馈巡视意见"},
	{"进行了反馈", "11月11日向市委进行了反馈"},
	{"作了反馈", "12月1日作了反馈"},
	{"集中反馈", "2023年12月1日集中反馈"},
	{"反馈给", "于2022年6月10日将巡察意见反馈给市统计局党组"},
}

// feedbackDirect follows a date that is the feedback date: 于7月5日反馈, 1月8日，巡察组向
// 县医保局党组反馈, 于6月10日将巡察意见反馈给….
var feedbackDirect = regexp.MustCompile(`^\s*[,，]?\s*(?:[^,，。;]{0,12}向[^,，。;]{1,40}?|将[^,，。;]{0,12}?)?(?:正式|集中|当面)?反馈`)

// feedbackBefore precedes a date that is the feedback date, the feedback named first:
// 巡察反馈会于2022年6月10日召开; 反馈会议在6月10日举行. Matched on the text right before the date.
var feedbackBefore = regexp.MustCompile(`反馈(?:会|会议|大会)?(?:于|在)\s*$`)

// auditFeedback dates an audit report's review: DATE市…人大常委会第N次会议后 / 听取 / 审议
// (not 会议上: that is the meeting the report is given at).
//
// An audit of one unit is fed back as its audit report: DATE印发了审计报告 / 出具了审计报告 /
// 下达了审计决定书 (省审计厅…进行了审计,并于2022年12月9日印发了审计报告).
// One ^ in front of the alternation, not one in each branch: only then does the matcher know
// the match must start at the beginning and stop there, instead of trying every later
// position of a paragraph that may be megabytes long (it is run after every date).
var auditFeedback = regexp.MustCompile(`^(?:[^。;,，]{0,30}?人大常委会第[一二三四五六七八九十\d]+次会议(?:后|听取|审议)|` +
	`\s*(?:向[^。;,，]{1,30}?)?(?:正式)?(?:印发|出具|下达|送达)了?(?:审计报告|审计决定书?|审计意见书?))`)

// roundRE matches the inspection round: 十二届市委第二轮, 十一届市委第八轮第二批, 县委第五轮.
var roundRE = regexp.MustCompile(`(?:[一二三四五六七八九十]+[届屆](?:中央|省委|自治区党委|市委|区委|县委|州委)?|(?:中央|省委|自治区党委|市委|区委|县委|州委))第[一二三四五六七八九十\d]+[轮輪](?:第[一二三四五六七八九十\d]+批)?`)

// mayRound reports whether s may hold a match of roundRE: every round has 第 and 轮 (輪).
func mayRound(s string) bool {
	return strings.Contains(s, "第") && (strings.Contains(s, "轮") || strings.Contains(s, "輪"))
}

// The as-of date cue is 截至 or 截止 and ASCII spaces: 截至2024年2月22日 (截至目前 names no date).
// It is the pattern asOf (in the tests), `(?:截至|截止|截止到|截至到)\s*`, whose longer branches
// never win: the first branch that matches does, and 截至 and 截止 match wherever those do.

// mayAsOf reports whether s may hold an as-of cue. It is exact: every cue begins with 截至 or
// 截止, so a text with neither has no match. findAsOf runs over every paragraph; most have
// neither.
func mayAsOf(s string) bool {
	i, _ := asOfAt(s, 0) // one search for 截, where two for 截至 and 截止 each read all of s
	return i >= 0
}

// asOfAt returns the span of the first as-of cue of s at or after byte from, or -1 -1: the
// search asOf.FindAllStringIndex makes from there (TestAsOfAt and FuzzAsOfAt compare them).
func asOfAt(s string, from int) (int, int) {
	for from < len(s) {
		k := strings.Index(s[from:], "截")
		if k < 0 {
			break
		}
		k += from
		from = k + len("截")
		if strings.HasPrefix(s[from:], "至") || strings.HasPrefix(s[from:], "止") {
			return k, skipSpaces(s, from+len("至"))
		}
	}
	return -1, -1
}

// summaryRE marks a round-level summary of many units: 对12个单位党组织进行了巡察,
// 对枫林区、临港区等8个地区和单位党组织开展了巡视, 巡视整改情况综述.
var summaryRE = regexp.MustCompile(`(?:对|等)\s*(?:\d+|[一二三四五六七八九十]+)\s*(?:个|家)[^,，。;]{0,8}?(?:单位|地区|部门|党组织|县|区|乡镇|街道|党委|党组)|综述|汇总`)

// maySummary reports whether s may hold a match of summaryRE. It is exact: a count of units has
// 个 or 家, and the other branches are 综述 and 汇总.
func maySummary(s string) bool {
	return strings.Contains(s, "个") || strings.Contains(s, "家") || strings.Contains(s, "综述") || strings.Contains(s, "汇总")
}

// auditOrg ends an auditing body's name: 宁波市审计局, 市审计局, 审计署.
var auditOrg = regexp.MustCompile(`审计(?:局|厅|署|办)`)

// auditUnit reads the audited budget: 2021年度宁波市本级预算执行 -> 宁波市本级.
var auditUnit = regexp.MustCompile(`(我[市区县省])?\d{4}年度([^。,，、;]{1,20}?)预算执行`)

// auditObject reads the unit an auditing body audited, from the text right after the body's
// name: 省审计厅对湖南理工学院2019年至2021年财务收支情况进行了审计 -> 湖南理工学院; 市审计局对
// 市交通运输局原局长…进行了经济责任审计 -> 市交通运输局. Group 1 is the unit.
var auditObject = regexp.MustCompile(`^\s*(?:于[^,，。;]{0,20}?)?对(\p{Han}{2,30}?)(?:\d{4}年|原|的|财务收支|预算执行|经济责任|任职|进行|开展)[^。;]{0,60}?审计`)

// placeRE finds the place an audit report speaks for: 在慈溪市十七届人大常委会.
var placeRE = regexp.MustCompile(`(?:^|[在于\s,，:：])(\p{Han}{1,8}?[省市县区])[一二三四五六七八九十]+届人大常委会`)

// chromeLabels mark page chrome lines, which are never the opening: 发布日期:… 信息来源:….
var chromeLabels = []string{"发布日期", "发布时间", "信息来源", "来源:", "浏览次数", "阅读量", "访问次数", "当前位置", "字号", "索引号"}

// titleAfter reads the organisation a title names right after 关于: 关于中共某县财政局党组
// 巡察整改进展情况的公告 -> 中共某县财政局党组. Group 1 is the organisation.
var titleAfter = regexp.MustCompile(`^(\p{Han}[^,，。:：“”"]{1,40}?)(?:落实|关于|接受|对)?(?:[一二三四五六七八九十]+届)?(?:中央|省委|市委|区委|县委|州委)?(?:第[一二三四五六七八九十\d]+轮)?(?:巡察|巡视)`)

// titleLike reports whether a chrome line is the bulletin's title: 关于…整改…的通报. It is the
// pattern `(?:巡察|巡视|整改|审计).*(?:通报|报告|公开|公告|情况)$` (titleLikeRE in the tests;
// TestTitleLike and FuzzTitleLike compare them), read by hand: . matches no line break and $ is
// the end of the text, so a match lies in the last line, where one of the first words must end
// no later than one of the last words that ends the line begins.
func titleLike(s string) bool {
	line := s[strings.LastIndexByte(s, '\n')+1:]
	first := -1 // the least end of a first word in the line
	for _, w := range titleTopics {
		if k := strings.Index(line, w); k >= 0 && (first < 0 || k+len(w) < first) {
			first = k + len(w)
		}
	}
	if first < 0 {
		return false
	}
	for _, w := range titleKinds {
		if strings.HasSuffix(line, w) && len(line)-len(w) >= first {
			return true
		}
	}
	return false
}

// titleTopics and titleKinds are the words of titleLike: what the title is about, and the kind
// of document it ends with.
var (
	titleTopics = []string{"巡察", "巡视", "整改", "审计"}
	titleKinds  = []string{"通报", "报告", "公开", "公告", "情况"}
)

// maxParagraph is the longest part of one paragraph the header reads: far more than any
// real paragraph, far less than a file without line breaks.
const maxParagraph = 64 << 10

// Extract fills the header facts of b (unit, inspector, round, inspection period,
// feedback and as-of dates, kind), the declared totals and the contacts, and refines the roles
// of the opening, totals, closing and contact paragraphs.
func Extract(b *bulletin.Bulletin) {
	if b == nil {
		return
	}
	views := make([]*textView, len(b.Paragraphs))
	backing := make([]textView, len(b.Paragraphs)) // one allocation for all the views
	arena := &spanArena{}
	long := false
	for i, p := range b.Paragraphs {
		text := p.Text
		if len(text) > maxParagraph {
			// A paragraph of megabytes is a text without line breaks (a flattened page): its
			// facts, totals and contacts are read from its start; the patterns would otherwise
			// run over all of it many times.
			text = strings.ToValidUTF8(text[:maxParagraph], "")
			long = true
		}
		backing[i] = textView{orig: text, text: foldView(text), arena: arena}
		views[i] = &backing[i]
	}
	if long {
		b.Warnings = append(b.Warnings, bulletin.Warning{Code: "long_paragraph",
			Message: fmt.Sprintf("有超过 %d KB 的段落（原文没有换行？）：其中的基本情况、总数和联系方式只读了开头 %d KB", maxParagraph>>10, maxParagraph>>10), Paragraph: -1})
	}
	h := &state{b: b, views: views}
	h.findTitle()
	h.findFacts()
	h.fullUnit() // region.go: 县农业农村局党组 → 平阳县农业农村局党组
	h.findKind()
	h.markOpening()
	h.findRound()
	extractDeclared(b, views)
	h.findAsOf()
	extractContacts(b, views)
	if b.Kind != bulletin.KindAudit && b.Inspector == "" {
		b.Warnings = append(b.Warnings, bulletin.Warning{Code: "header_missing", Message: "未找到巡察（巡视）组", Paragraph: -1})
	}
}

// state carries what the header search has found so far.
type state struct {
	b     *bulletin.Bulletin
	views []*textView
	title *textView // b.Title, or the title line among the chrome

	factPara int // paragraph of the inspection-group sentence, -1 if none
	factSent [2]int
	endISO   string // inspection end (or its month), for ordering the feedback
	lastYear int    // last year written in the text read so far

	labelFeedback bool // the feedback date was read from a label (反馈时间：…)

	dates map[string][]dateAt // scanDates of the sentences read so far: the fact sentence is read three times
}

// scanDates is scanDates(s), read once for each sentence: a copy, which the caller may change.
func (h *state) scanDates(s string) []dateAt {
	ds, ok := h.dates[s]
	if !ok {
		ds = scanDates(s)
		if h.dates == nil {
			h.dates = map[string][]dateAt{}
		}
		h.dates[s] = ds
	}
	return slices.Clone(ds)
}

// isHeading reports whether paragraph i is a heading.
func (h *state) isHeading(i int) bool { return h.b.Paragraphs[i].Role == bulletin.RoleHeading }

// limit is the number of paragraphs searched for the opening facts.
func (h *state) limit() int { return min(len(h.views), searchLimit) }

// findTitle takes b.Title, or else the first chrome line that reads like a title.
func (h *state) findTitle() {
	if t := strings.TrimSpace(h.b.Title); t != "" {
		h.title = newHdrView(t)
		return
	}
	for i := 0; i < h.limit(); i++ {
		v := h.views[i]
		if h.isHeading(i) || runes.MoreThan(v.text, 90) {
			continue
		}
		t := strings.TrimSpace(v.text)
		if strings.HasPrefix(t, "根据") || strings.HasPrefix(t, "我受") {
			return // the opening: the title is not in the text
		}
		if strings.Contains(t, "关于") && titleLike(t) {
			h.title = v
			return
		}
	}
}

// titleOrg is the organisation that opens the title (中共厦门市体育局党组关于… ->
// 中共厦门市体育局党组), or the publisher.
func (h *state) titleOrg() string {
	if h.title != nil {
		t := h.title.text
		from := 0
		if i := strings.IndexAny(t, ":："); i >= 0 && utf8.RuneCountInString(t[:i]) <= 8 {
			from = i + 1 // a column label glued to the title: 上级巡视:中共…
		}
		if i := strings.Index(t[from:], "关于"); i > 0 {
			if org := strings.TrimSpace(h.title.cut(from, from+i)); org != "" {
				return org
			}
		} else if i == 0 {
			// 关于中共某县财政局党组巡察整改进展情况的公告: the organisation after 关于.
			rest := from + len("关于")
			if m := titleAfter.FindStringSubmatchIndex(t[rest:]); m != nil {
				org := t[rest+m[2] : rest+m[3]]
				if endsAsOrg(org) && !roundRE.MatchString(org) && !strings.Contains(org, "巡察组") && !strings.Contains(org, "巡视组") {
					return strings.TrimSpace(h.title.cut(rest+m[2], rest+m[3]))
				}
			}
		}
	}
	if p := strings.TrimSpace(h.b.Publisher); p != "" {
		return p
	}
	if h.b.Meta != nil {
		return strings.TrimSpace(h.b.Meta["发布机构"])
	}
	return ""
}

// findFacts finds the inspection-group sentence and reads unit, inspector, period and
// feedback date from it (and the sentences after it), or the audit facts where there is none.
func (h *state) findFacts() {
	h.factPara = -1
	// The fact sentence is the first that names a group and says whom it inspected or when;
	// failing that, the first that names a group (巡视组反馈意见后 aside).
	type candidate struct {
		para int
		m    []int
		sent [2]int
	}
	var first *candidate
	decided := false
	for i := 0; i < h.limit() && !decided; i++ {
		if h.isHeading(i) {
			continue
		}
		v := h.views[i]
		for _, m := range findGroups(v.text, maxPerPara/20) {
			if !qualified(v.text[m[0]:m[1]]) {
				continue
			}
			sent := v.sentenceAt(m[0])
			if strings.Contains(v.text[sent[0]:sent[1]], "反馈意见后") {
				continue // 市委第一巡察组反馈意见后，…: an aside, not the opening
			}
			c := candidate{i, m, sent}
			if first == nil {
				first = &c
			}
			if unitMatches(0, v.text[m[1]:sent[1]]) || len(pairPeriods(h.scanDates(v.text[sent[0]:sent[1]]))) > 0 {
				first, decided = &c, true
				break
			}
		}
	}
	if first == nil {
		// No group named (十三届区委第三轮巡察于…对区发改局党组开展了巡察): the sentence that
		// says whom was inspected.
		for i := 0; i < h.limit() && first == nil; i++ {
			if h.isHeading(i) {
				continue
			}
			v := h.views[i]
			for _, sp := range v.sentences() {
				if sp[1]-sp[0] > 2*headWindow {
					continue // no opening is that long
				}
				if unitMatches(0, v.text[sp[0]:sp[1]]) {
					first = &candidate{i, []int{sp[0], sp[0]}, sp}
					break
				}
			}
		}
	}
	if first != nil {
		v := h.views[first.para]
		h.factPara, h.factSent = first.para, first.sent
		h.b.Inspector = strings.TrimSpace(v.cut(first.m[0], first.m[1]))
		h.readUnit(v, first.m[1], first.sent)
		if h.b.Unit == "" {
			h.readUnitBefore(v, first.sent, first.m[0])
		}
		h.readPeriod(v, first.sent)
		if h.endISO == "" {
			h.readLaterPeriod()
		}
	}
	h.readLabels()
	if h.factPara < 0 {
		h.readAudit()
		return
	}
	if h.b.Unit == "" || isPronoun(h.b.Unit) {
		// The unit may be named again in the sentences after (向UNIT反馈, 反馈会后，UNIT).
		for i := h.factPara; i < h.limit() && (h.b.Unit == "" || isPronoun(h.b.Unit)) && i <= h.factPara+3; i++ {
			v := h.views[i]
			for _, s := range v.sentences() {
				if i == h.factPara && s[0] < h.factSent[0] {
					continue
				}
				h.readUnit(v, s[0], s)
				if h.b.Unit != "" && !isPronoun(h.b.Unit) {
					break
				}
			}
		}
	}
	if h.b.Unit == "" || isPronoun(h.b.Unit) {
		if org := h.titleOrg(); org != "" {
			h.b.Unit = org
		}
	}
	h.readFeedback()
}

// readLabels fills the facts still empty from labelled lines (factLabels) before the first
// heading.
func (h *state) readLabels() {
	for i := 0; i < h.limit(); i++ {
		if h.isHeading(i) {
			return
		}
		v := h.views[i]
		if strings.IndexByte(v.text, ':') < 0 && !strings.Contains(v.text, "：") {
			continue // every label ends with a colon
		}
		for _, l := range factLabels {
			for _, m := range labelMatches(v.text, l.words, 5) {
				end := runeStart(v.text, min(len(v.text), m[1]+300))
				if k := strings.IndexAny(v.text[m[1]:], ";；。\n"); k >= 0 {
					end = m[1] + k
				}
				// The next label on the same line ends the value.
				for _, o := range factLabels {
					if n := labelMatches(v.text[m[1]:end], o.words, 1); len(n) > 0 && n[0][0] > 0 {
						end = m[1] + n[0][0]
					}
				}
				val := strings.TrimSpace(v.text[m[1]:end])
				if val == "" {
					continue
				}
				switch l.fact {
				case "unit":
					if h.b.Unit == "" || isPronoun(h.b.Unit) {
						h.b.Unit = strings.TrimRight(strings.TrimSpace(v.cut(m[1], end)), ",，、 ")
					}
				case "inspector":
					if h.b.Inspector == "" && len(findGroups(val, 1)) > 0 {
						h.b.Inspector = strings.TrimRight(strings.TrimSpace(v.cut(m[1], end)), ",，、 ")
					}
				case "period":
					if h.b.Inspection.Start == "" && h.endISO == "" {
						h.readPeriod(v, [2]int{m[1], end})
					}
				case "feedback":
					ds := scanDates(val)
					if h.b.FeedbackDate == "" && len(ds) > 0 && ds[0].s == 0 && ds[0].day() && ds[0].year {
						h.b.FeedbackDate = bulletin.Day(ds[0].iso(ds[0].y))
						h.labelFeedback = true
					}
				}
			}
		}
	}
}

// qualified reports whether a group name names one group (a number, a level or a kind),
// not the inspectors in general (巡视组反馈的问题).
func qualified(name string) bool {
	if strings.ContainsAny(name, "一二三四五六七八九十0123456789") || strings.Contains(name, "提级") || strings.Contains(name, "交叉") {
		return true
	}
	return !strings.HasPrefix(name, "巡")
}

// isPronoun reports whether unit is a pronoun such as 我单位.
func isPronoun(unit string) bool {
	for _, place := range []string{"我市", "我县", "我区", "我省", "我州", "我旗", "我镇", "我乡"} {
		// 我县城关镇党委 names a unit of the place; 我市, 我县党委 are the publisher itself.
		if rest, ok := strings.CutPrefix(unit, place); ok && utf8.RuneCountInString(rest) >= 2 {
			switch rest {
			case "党委", "党组", "委员会", "党工委", "市委", "县委", "区委":
				return true
			}
			return false
		}
	}
	if strings.HasPrefix(unit, "我") {
		return true // 我社党组: no organisation's name starts with 我
	}
	for _, p := range pronouns {
		if strings.HasPrefix(unit, p) {
			return true // 我局, 我局党组
		}
	}
	return false
}

// readUnit tries the unit patterns on the text of v from byte from to the sentence end.
func (h *state) readUnit(v *textView, from int, sent [2]int) {
	if sent[1] > from+headWindow {
		sent[1] = runeStart(v.text, from+headWindow)
	}
	seg := v.text[from:sent[1]]
	for k, p := range unitPatterns {
		if !hasAll(seg, p.lits) {
			continue
		}
		m := unitFind(k, seg, true)
		if m == nil || m[2] < 0 {
			continue
		}
		us, ue := from+m[2], from+m[3]
		if !endsAsOrg(v.text[us:ue]) {
			if k := unitMatterEnd(v.text[us:ue]); k >= 0 {
				ue = us + k
			}
		}
		unit := strings.TrimSpace(v.cut(us, ue))
		unit = strings.TrimLeft(unit, ",，、")
		if unit == "" || strings.ContainsAny(unit, "。，,；;") {
			continue
		}
		h.b.Unit = unit
		return
	}
}

// orgEnds end an organisation's name.
var orgEnds = []string{"党组", "党委", "党工委", "党总支", "党支部", "委员会", "单位", "公司", "集团", "局", "院", "所", "站", "中心", "学校", "大学", "政府"}

// endsAsOrg reports whether s ends like an organisation's name.
func endsAsOrg(s string) bool {
	for _, e := range orgEnds {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// readUnitBefore reads a unit named before the group (UNIT接受了GROUP的巡察) from the text of v
// between the sentence start and byte at, where the group's name begins.
func (h *state) readUnitBefore(v *textView, sent [2]int, at int) {
	if at <= sent[0] || at > len(v.text) {
		return
	}
	m := unitBefore.FindStringSubmatchIndex(v.text[sent[0]:at])
	if m == nil {
		return
	}
	if unit := strings.TrimSpace(v.cut(sent[0]+m[2], sent[0]+m[3])); unit != "" {
		h.b.Unit = unit
	}
}

// readPeriod reads the inspection period from the fact sentence: the first period in it, to the
// day or to the month.
func (h *state) readPeriod(v *textView, sent [2]int) {
	s := v.text[sent[0]:sent[1]]
	ds := h.scanDates(s)
	h.noteYears(ds)
	ps := pairPeriods(ds)
	if len(ps) == 0 {
		// No period, only the day the group moved in: 于2023年3月6日进驻市统计局，开展为期2个月
		// 的常规巡察. That day is the start; the end is not certain.
		for _, d := range ds {
			if d.day() && d.year && (entry.MatchString(s[d.e:]) || startsFrom(s[:d.s], s[d.e:])) {
				h.b.Inspection.Start = bulletin.Day(d.iso(d.y))
				break
			}
		}
		return
	}
	p := ps[0]
	if p.from.y == 0 {
		// 今年3月22日至5月20日: the year is the publish date's, named relative to it. A period
		// with no year at all (于3月1日至4月30日) and no year written before it takes the
		// publish date's year, the one before where its month comes after publication.
		y := h.relativeYear(s[:p.from.s])
		if y == 0 && h.lastYear == 0 {
			y = h.publishYearFor(p.from.m)
		}
		if y > 0 {
			p.from.y = y
			if p.to.y == 0 {
				p.to.y = y
				if p.to.m < p.from.m {
					p.to.y++ // 今年11月20日至1月15日
				}
			}
			h.lastYear = p.to.y
		}
	}
	if p.to.y > 0 {
		h.endISO = p.to.iso(p.to.y)
	}
	// Both ends to the day, or both to the month (2021年3月至4月 gives 2021-03 and 2021-04, as
	// the JSON contract has it); a period mixing the two is not read.
	if p.from.y == 0 || p.from.day() != p.to.day() {
		return
	}
	h.b.Inspection.Start = bulletin.Day(p.from.iso(p.from.y))
	h.b.Inspection.End = bulletin.Day(p.to.iso(p.to.y))
}

// entry follows the day an inspection group moved in, when the bulletin gives no period:
// 于2023年3月6日进驻市统计局; 2023年3月6日，市委第二巡察组进驻…; 自2023年3月6日起进驻.
var entry = regexp.MustCompile(`^\s*(?:起)?\s*[,，]?\s*[^,，。;]{0,20}?进驻`)

// startsFrom reports whether a date between before and after is the first day of the
// inspection written 自2023年4月10日起 (从…起), the end not given: 自2023年4月10日起，对县审计局
// 党组开展了为期45天的常规巡察.
func startsFrom(before, after string) bool {
	before = strings.TrimRight(before, " ")
	return (strings.HasSuffix(before, "自") || strings.HasSuffix(before, "从")) && strings.HasPrefix(strings.TrimLeft(after, " "), "起")
}

// relativeYears name a year relative to the publish date, right before a period without a
// year: 今年3月22日至5月20日 in a bulletin published on 2023-09-01 is 2023.
var relativeYears = []struct {
	word   string
	offset int
}{
	{"今年", 0},  // 今年3月22日至5月20日
	{"本年", 0},  // 本年3月至5月
	{"去年", -1}, // 去年11月6日至12月20日
}

// publishYearFor is the year of a date of month m (0: any) written without a year, from the
// publish date: the publish year, or the year before when m comes after the publish month
// (an inspection is reported after it happened). 0 without a publish date.
func (h *state) publishYearFor(m int) int {
	y, pm := h.publishYM()
	if y != 0 && pm != 0 && m > pm {
		y--
	}
	return y
}

// publishYM is the year and month of the publish date (YYYY-MM-DD), read by
// quantity.ParseDate; 0 where there is none.
func (h *state) publishYM() (y, m int) {
	d, ok := quantity.ParseDate(string(h.b.PublishDate), 0)
	if !ok || !d.HasYear() {
		return 0, 0
	}
	y, m, _ = d.YMD()
	return y, m
}

// relativeYear is the year that before (the text right before a period) names relative to the
// publish date, or 0.
func (h *state) relativeYear(before string) int {
	y, _ := h.publishYM()
	if y == 0 {
		return 0
	}
	before = strings.TrimRight(before, " ,，于自从在")
	for _, r := range relativeYears {
		if strings.HasSuffix(before, r.word) {
			return y + r.offset
		}
	}
	return 0
}

// readLaterPeriod reads the inspection period when the fact sentence gives none (it was the
// title line: 关于市委第一巡察组对市统计局党组开展巡察反馈意见整改情况的通报): the first period in
// a later sentence, up to three paragraphs on, that names a group or says whom was inspected.
func (h *state) readLaterPeriod() {
	for i := h.factPara; i < h.limit() && i <= h.factPara+3; i++ {
		if h.isHeading(i) {
			return
		}
		v := h.views[i]
		for _, sp := range v.sentences() {
			if i == h.factPara && sp[0] < h.factSent[1] || sp[1]-sp[0] > 2*headWindow {
				continue
			}
			s := v.text[sp[0]:sp[1]]
			if len(findGroups(s, 1)) == 0 && !unitMatches(0, s) { // findGroups: inspectorRE where a name may end
				continue
			}
			if len(pairPeriods(h.scanDates(s))) > 0 {
				h.readPeriod(v, sp)
				return
			}
		}
	}
}

// noteYears remembers the last year written among ds.
func (h *state) noteYears(ds []dateAt) {
	for _, d := range ds {
		if d.year {
			h.lastYear = d.y
		}
	}
}

// readFeedback finds the feedback date from the fact sentence on: the nearest day before a
// feedback cue in the same sentence, not one end of the inspection period. A day without a
// year takes the last year written before it, moved a year on if it would fall before the
// inspection ended (12月1日 after 2023年8月24日至10月23日 -> 2023-12-01).
func (h *state) readFeedback() {
	if h.labelFeedback {
		return
	}
	year := h.lastYear
	if year == 0 {
		year = h.publishYearFor(0) // 5月12日反馈 in a bulletin that writes no year
	}
	for i := h.factPara; i < h.limit(); i++ {
		if h.isHeading(i) {
			continue
		}
		v := h.views[i]
		for _, sp := range v.sentences() {
			if i == h.factPara && sp[1] <= h.factSent[0] {
				continue
			}
			s := v.text[sp[0]:sp[1]]
			ds := h.scanDates(s)
			if len(ds) == 0 {
				continue // no date, so none before a cue: the sentence gives nothing
			}
			inPeriod := map[int]bool{}
			for _, p := range pairPeriods(ds) {
				inPeriod[p.from.s], inPeriod[p.to.s] = true, true
			}
			cue := -1
			if strings.Contains(s, "反馈") { // every cue holds 反馈
				for _, c := range feedbackCues {
					if k := strings.Index(s, c.cue); k >= 0 && (cue < 0 || k < cue) {
						cue = k
					}
				}
			}
			after := false
			for _, d := range ds {
				if !inPeriod[d.s] && feedbackBefore.MatchString(s[max(0, d.s-30):d.s]) {
					cue, after = d.e, true // 巡察反馈会于2022年6月10日召开
					break
				}
			}
			for _, d := range ds {
				if after {
					break
				}
				if !inPeriod[d.s] && (cue < 0 || d.e < cue) && feedbackDirect.MatchString(s[d.e:]) {
					cue = d.e // 并于2021年7月5日反馈
					break
				}
			}
			// The last date before the cue, to the day or to the month (于2023年12月反馈了巡察意见
			// gives 2023-12; 同年8月反馈 takes the year last written).
			var best *dateAt
			for k := range ds {
				d := ds[k]
				if d.year {
					year = d.y
				}
				if cue >= 0 && d.e <= cue && !inPeriod[d.s] {
					best = &ds[k]
					best.y = year
				}
			}
			if best != nil {
				if best.y > 0 { // with no year known, the date is not certain
					iso := best.iso(best.y)
					if !best.year && h.endISO != "" && iso < h.endISO {
						iso = best.iso(best.y + 1)
					}
					h.b.FeedbackDate = bulletin.Day(iso)
				}
				return
			}
		}
	}
}

// readAudit reads an audit rectification report: the auditing body, the audited budget or
// place, and the date the people's congress reviewed the audit report.
func (h *state) readAudit() {
	texts := []*textView{}
	if h.title != nil {
		texts = append(texts, h.title)
	}
	texts = append(texts, h.views[:h.limit()]...)
	audit := false
	for _, v := range texts {
		if strings.Contains(v.text, "审计") && (strings.Contains(v.text, "整改") || strings.Contains(v.text, "问题")) {
			audit = true
			break
		}
	}
	if !audit {
		return
	}
	h.b.Kind = bulletin.KindAudit
	for _, v := range texts {
		if m := auditOrg.FindStringIndex(v.text); m != nil {
			start := m[0]
			for start > 0 {
				r, n := utf8.DecodeLastRuneInString(v.text[:start])
				if !unicode.Is(unicode.Han, r) || strings.ContainsRune("的在由向和与及受于对据", r) || m[1]-(start-n) > 12*3 {
					break
				}
				start -= n
			}
			h.b.Inspector = strings.TrimSpace(v.cut(start, m[1]))
			break
		}
	}
	place := ""
	for _, v := range texts {
		if !strings.Contains(v.text, "人大常委会") {
			continue // every match of placeRE names the congress
		}
		if m := placeRE.FindStringSubmatchIndex(v.text); m != nil {
			place = v.cut(m[2], m[3])
			break
		}
	}
	if place == "" && h.b.Inspector != "" {
		// 慈溪市审计局 speaks for 慈溪市; a bare 市审计局 or 省审计厅 names no place.
		if i := strings.Index(h.b.Inspector, "审计"); i > 0 && utf8.RuneCountInString(h.b.Inspector[:i]) > 1 {
			if p := h.b.Inspector[:i]; strings.HasSuffix(p, "市") || strings.HasSuffix(p, "县") || strings.HasSuffix(p, "区") || strings.HasSuffix(p, "省") {
				place = p
			}
		}
	}
	for _, v := range texts {
		if !strings.Contains(v.text, "预算执行") {
			continue // every match of auditUnit ends with it
		}
		m := auditUnit.FindStringSubmatchIndex(v.text)
		if m == nil {
			continue
		}
		budget := v.text[m[4]:m[5]]
		if strings.ContainsAny(budget, "省市县区") && !strings.HasPrefix(budget, "市") && !strings.HasPrefix(budget, "县") && !strings.HasPrefix(budget, "区") {
			h.b.Unit = strings.TrimSpace(v.cut(m[4], m[5]))
		} else if place != "" {
			h.b.Unit = place
		}
		break
	}
	if h.b.Unit == "" {
		// The unit audited, named after the auditing body: 省审计厅对湖南理工学院…进行了审计.
		for _, v := range texts {
			m := auditOrg.FindStringIndex(v.text)
			if m == nil {
				continue
			}
			if o := auditObject.FindStringSubmatchIndex(v.text[m[1]:]); o != nil {
				h.b.Unit = strings.TrimSpace(v.cut(m[1]+o[2], m[1]+o[3]))
				break
			}
		}
	}
	if h.b.Unit == "" {
		h.b.Unit = place
	}
	// The review date: DATE市…人大常委会第N次会议后.
	for _, v := range h.views[:h.limit()] {
		ds := scanDates(v.text)
		h.noteYears(ds)
		for _, d := range ds {
			if d.day() && d.year && auditFeedback.MatchString(v.text[d.e:]) {
				h.b.FeedbackDate = bulletin.Day(d.iso(d.y))
				return
			}
		}
	}
}

// findRound reads the inspection round (十二届市委第二轮) from the title, the lines before the
// opening, the opening and the fact paragraph; not from the body, where other rounds are named
// (听取十一届市委第七轮巡视工作情况).
func (h *state) findRound() {
	texts := []*textView{}
	if h.title != nil {
		texts = append(texts, h.title)
	}
	for i := 0; i < h.limit(); i++ {
		texts = append(texts, h.views[i])
		if h.b.Paragraphs[i].Role == bulletin.RoleHeader || h.isHeading(i) {
			break
		}
	}
	if h.factPara >= 0 {
		texts = append(texts, h.views[h.factPara])
	}
	for _, v := range texts {
		if !mayRound(v.text) {
			continue
		}
		if m := roundRE.FindStringIndex(v.text); m != nil {
			h.b.Round = v.cut(m[0], m[1])
			return
		}
	}
}

// countedUnits is a unit that says what a summary bulletin covers: 40家单位党组织, 12个被巡察党组织.
var countedUnits = regexp.MustCompile(`^[一二三四五六七八九十百\d]+(?:家|个)\p{Han}{2,}`)

// findKind decides the document kind: 巡察, 巡视, 审计整改, 汇总 or 其他.
func (h *state) findKind() {
	b := h.b
	if b.Kind == bulletin.KindAudit {
		return
	}
	var context []string
	if h.title != nil {
		context = append(context, h.title.text)
	}
	if h.factPara >= 0 {
		v := h.views[h.factPara]
		context = append(context, v.text[h.factSent[0]:h.factSent[1]])
	}
	for _, c := range context {
		if maySummary(c) && summaryRE.MatchString(c) {
			b.Kind = bulletin.KindSummary
			if !countedUnits.MatchString(b.Unit) {
				b.Unit = "" // many units: none is the bulletin's, unless one says what it covers
			}
			return
		}
	}
	inspector := newHdrView(b.Inspector).text
	switch {
	case strings.Contains(inspector, "巡察"):
		b.Kind = bulletin.KindXuncha
	case strings.Contains(inspector, "巡视"):
		b.Kind = bulletin.KindXunshi
	case strings.Contains(strings.Join(context, ""), "巡察"):
		b.Kind = bulletin.KindXuncha // the title or the fact sentence names the kind
	case strings.Contains(strings.Join(context, ""), "巡视"):
		b.Kind = bulletin.KindXunshi
	default:
		b.Kind = bulletin.KindOther
	}
}

// markOpening gives the opening paragraph the header role: the first paragraph before the
// first heading that opens like a bulletin (根据…, 我受…委托) or holds the inspection facts.
func (h *state) markOpening() {
	for i := 0; i < h.limit(); i++ {
		if h.isHeading(i) {
			break
		}
		t := strings.TrimSpace(h.views[i].text)
		opens := false
		for _, w := range []string{"根据", "按照", "依据", "我受", "受市", "受区", "受县", "受省"} {
			if strings.HasPrefix(t, w) {
				opens = true
			}
		}
		if i == h.factPara || (opens && runes.MoreThan(t, 20)) {
			if h.b.Paragraphs[i].Role == bulletin.RoleOther || h.b.Paragraphs[i].Role == "" {
				h.b.Paragraphs[i].Role = bulletin.RoleHeader
			}
			return
		}
	}
	// No such opening (an audit report after its salutation): the first long paragraph
	// before the first heading that speaks of the inspection or audit, the title aside.
	for i := 0; i < h.limit(); i++ {
		if h.isHeading(i) {
			return
		}
		v := h.views[i]
		if v == h.title || !runes.MoreThan(v.text, 40) || containsAny(v.text, chromeLabels) {
			continue
		}
		if strings.Contains(v.text, "巡察") || strings.Contains(v.text, "巡视") || strings.Contains(v.text, "审计") || strings.Contains(v.text, "整改") {
			if h.b.Paragraphs[i].Role == bulletin.RoleOther || h.b.Paragraphs[i].Role == "" {
				h.b.Paragraphs[i].Role = bulletin.RoleHeader
			}
			return
		}
	}
}

// findAsOf reads the as-of date: 截至2024年2月22日, first in the totals paragraphs, else the
// first in the text; 截至目前 names no date.
func (h *state) findAsOf() {
	order := make([]int, 0, len(h.b.Paragraphs)+8) // the totals paragraphs, then every one
	for i, p := range h.b.Paragraphs {
		if p.Role == bulletin.RoleTotals {
			order = append(order, i)
		}
	}
	for i := range h.b.Paragraphs {
		order = append(order, i)
	}
	year := h.lastYear
	if year == 0 {
		year, _ = h.publishYM()
	}
	for _, i := range order {
		v := h.views[i]
		if !mayAsOf(v.text) {
			continue
		}
		for n, at := 0, 0; n < maxPerPara; n++ {
			var m [2]int
			if m[0], m[1] = asOfAt(v.text, at); m[0] < 0 {
				break
			}
			at = m[1]
			ds := scanDates(v.text[m[1]:runeStart(v.text, min(len(v.text), m[1]+40))])
			if len(ds) == 0 || ds[0].s != 0 {
				continue
			}
			d := ds[0]
			y := d.y
			if !d.year {
				y = year
			}
			if iso := d.iso(y); iso != "" {
				h.b.AsOfDate = bulletin.Day(iso)
				return
			}
		}
	}
}

// Check compares what b declares with what was found: the problem count (when any
// problem was found) and the measure count (when any measure was found).
func Check(b *bulletin.Bulletin) {
	if b == nil {
		return
	}
	d := b.Declared
	if d.ProblemsTotal != nil && len(b.Problems) > 0 {
		n := len(b.Problems)
		b.Checks = append(b.Checks, bulletin.Check{
			Code:    "problems_count",
			OK:      *d.ProblemsTotal == n,
			Message: fmt.Sprintf("声明问题%d个，识别%d个", *d.ProblemsTotal, n),
		})
	}
	measures := 0
	for _, p := range b.Problems {
		measures += len(p.Measures)
	}
	if d.MeasuresTotal != nil && measures > 0 {
		b.Checks = append(b.Checks, bulletin.Check{
			Code:    "measures_count",
			OK:      *d.MeasuresTotal == measures,
			Message: fmt.Sprintf("声明整改措施%d项，识别%d项", *d.MeasuresTotal, measures),
		})
	}
	if d.ProblemsDone != nil && d.ProblemsTotal != nil && *d.ProblemsDone > *d.ProblemsTotal {
		b.Checks = append(b.Checks, bulletin.Check{
			Code:    "problems_done",
			OK:      false,
			Message: fmt.Sprintf("声明已完成整改%d个，多于问题总数%d个", *d.ProblemsDone, *d.ProblemsTotal),
		})
	}
}
