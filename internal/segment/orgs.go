package segment

import (
	"strings"
	"unicode/utf8"
)

// Organisations named in a problem are found in its segmented text: a head word that ends with an
// organisation suffix (orgSuffixes: 图书馆, 执法大队, 协会 …) is extended to the left over the words
// of its name (文化市场 综合 行政执法) until a place (市, 榆树市, 新立镇) starts it. A name must start
// with a place, or be an organisation the dictionary knows (民政局, part of speech nt): bare
// category words (文体协会, 局机关, 博物馆 without 市) are not names.
//
// Places (func place) are a bare administrative prefix (市 县 区 省: "the city's"), a word the
// dictionary tags as a place (榆树, 榆树市: ns), or a bare 镇 乡 村 (and 街道 社区) with a name of at
// most two characters before it (苇沟村, 新立镇), which is what gse leaves of a village it does not
// know, unless that name is one common word (实行村); 街道 and 社区 need a place word before them
// (南湖街道, not 深入社区). Places chain to the left (榆树市新立镇苇沟村). A village or town is itself a name.

// orgSuffix is one ending that makes a word an organisation's head.
type orgSuffix struct {
	suffix string
	place  bool // a settlement: a name by itself once it has its own name (苇沟村)
	nsName bool // a settlement whose bare suffix needs a place word before it (南湖街道, not 走进社区)
}

// orgSuffixes are the endings of organisation heads, longest first within a family. A head is a
// token ending with one of them; the token may be the suffix alone (大队) or carry more (图书馆).
var orgSuffixes = []orgSuffix{
	{suffix: "委员会"},                           // 市体育总会委员会, 居民委员会
	{suffix: "办公室"},                           // 市委巡察工作领导小组办公室
	{suffix: "管理局"},                           // 市机关事务管理局
	{suffix: "局"},                             // 市民政局, 文广旅局
	{suffix: "馆"},                             // 市图书馆, 市博物馆, 市文化馆
	{suffix: "中心"},                            // 市全民健身中心
	{suffix: "大队"},                            // 市文化市场综合行政执法大队
	{suffix: "中队"},                            // 城管执法中队
	{suffix: "支队"},                            // 市消防救援支队
	{suffix: "协会"},                            // 榆树市风筝协会
	{suffix: "学会"},                            // 市体育学会
	{suffix: "商会"},                            // 市工商联合商会
	{suffix: "联合会"},                           // 市文学艺术界联合会
	{suffix: "总会"},                            // 市红十字总会
	{suffix: "公司"},                            // 市文旅投资有限公司
	{suffix: "集团"},                            // 上海久事集团
	{suffix: "学校"},                            // 市业余体育学校
	{suffix: "中学"},                            // 市第一中学
	{suffix: "小学"},                            // 新立镇中心小学
	{suffix: "大学"},                            // 市老年大学
	{suffix: "学院"},                            // 市职业技术学院
	{suffix: "体校"},                            // 市青少年体校
	{suffix: "医院"},                            // 市人民医院
	{suffix: "卫生院"},                           // 新立镇卫生院
	{suffix: "研究所"},                           // 市文物研究所
	{suffix: "剧团"},                            // 市二人转剧团
	{suffix: "剧院"},                            // 市大剧院
	{suffix: "站"},                             // 镇综合文化站
	{suffix: "街道", place: true, nsName: true}, // 南湖街道
	{suffix: "社区", place: true, nsName: true}, // 南湖社区 (not 赋能社区, 走进社区)
	{suffix: "镇", place: true},                // 新立镇
	{suffix: "乡", place: true},                // 延和乡
	{suffix: "村", place: true},                // 苇沟村
}

// adminPrefixes are the bare administrative prefixes: 市博物馆 is the city's museum.
var adminPrefixes = []string{"市", "县", "区", "省", "州", "旗"}

// nameStops are words that never sit inside a name: where the extension to the left stops.
var nameStops = map[string]bool{
	"的": true, "和": true, "与": true, "及": true, "或": true, "等": true, "对": true, "在": true,
	"向": true, "由": true, "将": true, "把": true, "被": true, "为": true, "从": true, "到": true,
	"其": true, "各": true, "是": true, "有": true, "了": true, "给": true, "以": true, "于": true,
	"其中": true, "以及": true, "并": true, "未": true,
}

// stopPos are parts of speech that never sit inside a name.
var stopPos = map[string]bool{
	"p": true, "c": true, "u": true, "uj": true, "ul": true, "uz": true, "ud": true, "ug": true,
	"uv": true, "r": true, "d": true, "m": true, "q": true, "y": true, "e": true, "o": true,
	"x": true, "t": true, "f": true, "ad": true,
}

const (
	maxNameRunes      = 20 // longest name accepted
	minPlaceNameRunes = 2  // name before a bare 镇 乡 村: 苇沟, not 驻
	maxPlaceNameRunes = 2
	// commonWordFreq is the dictionary frequency from which a word is too common to be the name
	// of a village or a neighbourhood (实行 15400, 新建 1000; 新立 32).
	commonWordFreq = 1000
)

// orgHead reports whether tok is an organisation head, and which suffix made it one. The node of
// a word says whether its last character ends some suffix.
func orgHead(tok token) (orgSuffix, bool) {
	if !tok.Han || tok.node != noNode && tok.tags&headTag == 0 {
		return orgSuffix{}, false
	}
	for _, i := range suffixesEnding(lastRune(tok.Text)) {
		if s := orgSuffixes[i]; strings.HasSuffix(tok.Text, s.suffix) {
			return s, true
		}
	}
	return orgSuffix{}, false
}

// suffixesEnding returns the indexes in orgSuffixes of the suffixes that end with r, in table
// order.
func suffixesEnding(r rune) []int {
	if r >= hanLo && r < hanHi {
		return suffixGroups[suffixGroup[r-hanLo]]
	}
	return suffixesOutside[r]
}

// suffixGroups holds the indexes of orgSuffixes by their last character, in table order (group 0
// is empty); suffixGroup gives the group of each character of the CJK Unified Ideographs block
// and suffixesOutside those of a last character outside it, so that the test of every token
// costs an array read.
var suffixGroups, suffixGroup, suffixesOutside = func() ([][]int, *[hanHi - hanLo]uint8, map[rune][]int) {
	groups := [][]int{nil}
	var group [hanHi - hanLo]uint8
	outside := make(map[rune][]int)
	for i, s := range orgSuffixes {
		last, _ := utf8.DecodeLastRuneInString(s.suffix)
		if last < hanLo || last >= hanHi {
			outside[last] = append(outside[last], i)
			continue
		}
		if group[last-hanLo] == 0 {
			group[last-hanLo] = uint8(len(groups))
			groups = append(groups, nil)
		}
		g := group[last-hanLo]
		groups[g] = append(groups[g], i)
	}
	return groups, &group, outside
}()

// lastRune is the last rune of s, as utf8.DecodeLastRuneInString returns it, with a last
// character of three bytes (Han text) decoded inline.
func lastRune(s string) rune {
	if n := len(s); n >= 3 && s[n-3]&0xF0 == 0xE0 {
		if r, size := decodeRune(s[n-3:]); size == 3 {
			return r
		}
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func isAdminPrefix(s string) bool {
	for _, p := range adminPrefixes {
		if s == p {
			return true
		}
	}
	return false
}

// startsWithAdmin reports whether a head word carries its own prefix (市图书馆 is one word to gse).
func startsWithAdmin(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return r != utf8.RuneError && size < len(s) && isAdminPrefix(s[:size])
}

// nameable reports whether tok may sit inside a name. A word of nameStops that is a word of the
// dictionary is tagged so on its node; only a character the dictionary lacks is looked up.
func nameable(tok token) bool {
	if !tok.Han || tok.flags&posNotName != 0 {
		return false
	}
	if tok.node != noNode {
		return tok.tags&nameStopTag == 0
	}
	return !nameStops[tok.Text]
}

// place reports whether the tokens ending at toks[j] form a place, and the index of its first
// token. A bare 镇 乡 村 takes the name before it (at most maxPlaceNameRunes characters).
func place(toks []token, j int) (int, bool) {
	t := toks[j]
	if !t.Han {
		return j, false
	}
	if isAdminPrefix(t.Text) || t.flags&posPlace != 0 {
		return j, true
	}
	s, ok := orgHead(t)
	if !ok || !s.place {
		return j, false
	}
	if t.Text != s.suffix { // 新立镇 as one word: a place only if the dictionary says so
		return j, false
	}
	if s.nsName {
		if j > 0 && toks[j-1].flags&posPlace != 0 {
			return j - 1, true
		}
		return j, false
	}
	i, runes := j, 0
	for i-1 >= 0 && nameable(toks[i-1]) {
		n := utf8.RuneCountInString(toks[i-1].Text)
		if runes+n > maxPlaceNameRunes {
			break
		}
		if _, head := orgHead(toks[i-1]); head {
			break
		}
		runes += n
		i--
	}
	if runes < minPlaceNameRunes {
		return j, false
	}
	if i == j-1 && toks[i].Freq >= commonWordFreq {
		return j, false // 实行村, 深入村: a common word, not a village's name
	}
	return i, true
}

// placeChain extends a place starting at toks[i] over the places before it: 榆树市 + 新立镇.
func placeChain(toks []token, i int) int {
	for i-1 >= 0 {
		k, ok := place(toks, i-1)
		if !ok {
			break
		}
		i = k
	}
	return i
}

// orgSpan is an organisation's name over toks[Start:End].
type orgSpan struct{ Start, End int }

// findOrgs returns the organisations named in toks, in order, as token spans. A name inside a
// longer one (新立镇 in 新立镇苇沟村) is dropped.
func findOrgs(toks []token, spans []orgSpan) []orgSpan {
	first := len(spans)
	title := 0 // depth of 《…》: a document's title names no organisation
	for j := 0; j < len(toks); j++ {
		switch toks[j].Text {
		case "《":
			title++
		case "》":
			title = max(title-1, 0)
		}
		s, ok := orgHead(toks[j])
		if !ok || title > 0 {
			continue
		}
		start, found := -1, false
		switch {
		case s.place:
			if k, ok := place(toks, j); ok {
				start, found = placeChain(toks, k), true
			}
		case startsWithAdmin(toks[j].Text):
			start, found = placeChain(toks, j), true
		default:
			runes := utf8.RuneCountInString(toks[j].Text)
			for i := j - 1; i >= 0 && nameable(toks[i]); i-- {
				runes += utf8.RuneCountInString(toks[i].Text)
				if runes > maxNameRunes {
					break
				}
				if k, ok := place(toks, i); ok {
					start, found = placeChain(toks, k), true
					break
				}
				if _, head := orgHead(toks[i]); head {
					break // another organisation: 文旅局 in 文旅局协调博物馆
				}
			}
			if !found && toks[j].flags&posOrg != 0 && utf8.RuneCountInString(toks[j].Text) >= 3 {
				start, found = j, true // 民政局: an organisation the dictionary knows
			}
		}
		if !found || spanRunes(toks[start:j+1]) > maxNameRunes {
			continue
		}
		sp := orgSpan{Start: start, End: j + 1}
		// Drop earlier names this one contains (新立镇 before 新立镇苇沟村).
		for len(spans) > first && spans[len(spans)-1].Start >= sp.Start {
			spans = spans[:len(spans)-1]
		}
		spans = append(spans, sp)
	}
	return spans
}

func spanRunes(toks []token) int {
	n := 0
	for _, t := range toks {
		n += utf8.RuneCountInString(t.Text)
	}
	return n
}

// spanText is the name a span covers: the tokens are consecutive substrings of one text.
func spanText(toks []token, sp orgSpan) string {
	var b strings.Builder
	for _, t := range toks[sp.Start:sp.End] {
		b.WriteString(t.Text)
	}
	return b.String()
}

// unitKey reduces an organisation or unit name to what identifies it, so that the inspected unit
// (文广旅局党组) is recognised when a problem names it (市文广旅局).
func unitKey(s string) string {
	s = strings.TrimPrefix(s, "中共")
	for _, suf := range []string{"党组", "党委", "党总支", "党支部", "领导班子"} {
		s = strings.TrimSuffix(s, suf)
	}
	if startsWithAdmin(s) {
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	}
	return s
}
