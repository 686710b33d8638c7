package segment

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/fold"
)

const (
	problemKeywords  = 10  // keywords kept per problem
	bulletinKeywords = 20  // keywords kept per bulletin
	measureWeight    = 0.5 // a word of a measure counts half a word of the problem for its keywords
	topicWeight      = 0.5 // a theme word of the topic heading counts half
	categoryWeight   = 0.25
	maxWordCount     = 2 // a theme word counts at most this many times
	// minProblemWords is the least count of keyword candidates in the problems under which the
	// bulletin's keywords also draw on its other paragraphs (truncated or unquoted bulletins).
	minProblemWords = 100
	// maxHeadings is the count of distinct headings from which an annotator forgets those it
	// has cut (before the next bulletin).
	maxHeadings = 2000
)

// annotator is the per-call state of Annotate: a cutter and scratch buffers, reused through the
// Segmenter's pool so that workers share nothing but the read-only dictionary.
type annotator struct {
	s      *Segmenter
	c      *cutter
	terms  counts    // keyword counts of the current problem
	all    counts    // keyword counts of the bulletin
	scores []float64 // theme scores of the current problem
	// words holds, for each theme, the theme words of the current problem with their weights, in
	// order of first appearance (a few each: searched in order).
	words [][]weighed
	// headings finds the theme words of topic and category headings, cut once each:
	// hits[span.lo:span.hi]. Bulletins share their headings (关于党的领导方面): the annotator
	// keeps them from one bulletin to the next, up to maxHeadings.
	headings   map[string]hitSpan
	hits       []themeHit
	masked     []bool
	spans      []orgSpan
	themeCount []int      // problems of each theme in the bulletin; the last: Other
	orgCount   []orgCount // organisations of the bulletin's problems, in order of first mention
	ranked     []ranked   // scratch of top
}

// hitSpan is where the hits of a heading are in annotator.hits.
type hitSpan struct{ lo, hi int32 }

// orgCount is an organisation and the count of problems naming it.
type orgCount struct {
	name string
	n    int
}

// weighed is a theme word with its weight in a problem.
type weighed struct {
	word string
	w    float64
}

// counts are the keyword candidates of a text, in order of first appearance (for stable ties),
// each word once with its count: a word is its node in the lexicon's tree.
type counts struct {
	terms []term
	// slots finds a word's term: an open-addressing hash table of nodes, each slot the index in
	// terms plus one (0 when empty), at least twice as many slots as terms.
	slots []uint32
	shift uint // 32 - log2(len(slots))
}

type term struct {
	text string
	node uint32
	idf  uint16 // the node's IDF index
	n    float64
}

func (c *counts) reset() {
	c.terms = c.terms[:0]
	clear(c.slots)
}

// add adds w to the count of the word of t.
func (c *counts) add(t token, w float64) {
	if 2*(len(c.terms)+1) > len(c.slots) {
		c.grow()
	}
	mask := uint32(len(c.slots) - 1)
	h := t.node * 0x9E3779B1 >> c.shift
	for ; c.slots[h] != 0; h = (h + 1) & mask {
		if i := c.slots[h] - 1; c.terms[i].node == t.node {
			c.terms[i].n += w
			return
		}
	}
	c.slots[h] = uint32(len(c.terms) + 1)
	c.terms = append(c.terms, term{text: t.Text, node: t.node, idf: t.idf, n: w})
}

// grow doubles the slots (64 at first) and puts the terms back.
func (c *counts) grow() {
	size, bits := 64, uint(6)
	for size < 2*len(c.slots) || size < 4*(len(c.terms)+1) {
		size, bits = size<<1, bits+1
	}
	c.slots, c.shift = make([]uint32, size), 32-bits
	for i, t := range c.terms {
		h := t.node * 0x9E3779B1 >> c.shift
		for c.slots[h] != 0 {
			h = (h + 1) & uint32(size-1)
		}
		c.slots[h] = uint32(i + 1)
	}
}

// total is the sum of the counts (halves and units: exact in any order).
func (c *counts) total() float64 {
	n := 0.0
	for _, t := range c.terms {
		n += t.n
	}
	return n
}

// themeHit is a theme word found in a text.
type themeHit struct {
	word  string
	theme int
	w     float64
}

func newAnnotator(s *Segmenter) *annotator {
	a := &annotator{
		s:          s,
		c:          newCutter(s.lex),
		scores:     make([]float64, len(Themes)),
		words:      make([][]weighed, len(Themes)),
		headings:   make(map[string]hitSpan),
		themeCount: make([]int, len(Themes)+1),
	}
	return a
}

func (a *annotator) annotate(b *bulletin.Bulletin) {
	a.all.reset()
	if len(a.headings) > maxHeadings {
		clear(a.headings)
		a.hits = a.hits[:0]
	}
	unit := unitKey(fold.String(b.Unit))
	themeCount := a.themeCount // last: Other
	clear(themeCount)
	a.orgCount = a.orgCount[:0]

	for i := range b.Problems {
		p := &b.Problems[i]
		a.terms.reset()
		for t := range a.scores {
			a.scores[t] = 0
			a.words[t] = a.words[t][:0]
		}
		var orgs []string
		text := p.Quote
		if text == "" {
			text = p.Text
		}
		// The problem itself: names, theme words (outside names), keywords.
		toks := a.c.cutFolded(text)
		orgs = a.orgs(toks, orgs, unit)
		for j, t := range toks {
			if a.masked[j] || t.Text == unit || afterNumber(toks, j) {
				continue // names are Orgs; the inspected unit and 4家协会 are no keywords
			}
			a.themeWord(t, 1)
			a.count(t, 1)
		}
		for _, h := range a.heading(p.Topic) {
			a.addHit(h, topicWeight)
		}
		for _, h := range a.heading(p.Category) {
			a.addHit(h, categoryWeight)
		}
		// Its measures: names and keywords.
		for k := range p.Measures {
			toks := a.c.cutFolded(p.Measures[k].Text)
			orgs = a.orgs(toks, orgs, unit)
			for j, t := range toks {
				if !a.masked[j] && t.Text != unit && !afterNumber(toks, j) {
					a.count(t, measureWeight)
				}
			}
		}
		t := a.decide()
		themeCount[t]++
		if t < len(Themes) {
			p.Theme, p.ThemeWords = Themes[t].Name, a.themeWords(t)
		} else {
			p.Theme, p.ThemeWords = Other, nil
		}
		p.Orgs = orgs
		if p.Orgs == nil {
			p.Orgs = []string{}
		}
		for _, o := range orgs {
			a.countOrg(o)
		}
		p.Keywords = a.top(&a.terms, problemKeywords)
	}

	if a.all.total() < minProblemWords {
		// Few or no problems found: bulletin keywords from the rest of the body too, less its
		// header, contacts and closing (and the problem paragraphs, counted already).
		for _, para := range b.Paragraphs {
			switch para.Role {
			case bulletin.RoleHeader, bulletin.RoleContact, bulletin.RoleClosing, bulletin.RoleProblem, bulletin.RoleMeasure:
				continue
			}
			toks := a.c.cutFolded(para.Text)
			for j, t := range toks {
				if t.Text != unit && !afterNumber(toks, j) {
					a.countAll(t, 1)
				}
			}
		}
	}
	b.Keywords = a.top(&a.all, bulletinKeywords)

	b.Themes = nil
	themes := 0
	for _, n := range themeCount {
		if n > 0 {
			themes++
		}
	}
	if themes > 0 {
		b.Themes = make([]bulletin.ThemeCount, 0, themes)
	}
	for t, n := range themeCount {
		if n == 0 {
			continue
		}
		name := Other
		if t < len(Themes) {
			name = Themes[t].Name
		}
		b.Themes = append(b.Themes, bulletin.ThemeCount{Theme: name, Count: n})
	}
	b.Orgs = nil
	if len(a.orgCount) > 0 {
		b.Orgs = make([]bulletin.OrgCount, len(a.orgCount))
		for i, o := range a.orgCount {
			b.Orgs[i] = bulletin.OrgCount{Name: o.name, Count: o.n}
		}
		slices.SortStableFunc(b.Orgs, func(x, y bulletin.OrgCount) int { return y.Count - x.Count })
	}
}

// countOrg counts a problem naming organisation o.
func (a *annotator) countOrg(o string) {
	for i := range a.orgCount {
		if a.orgCount[i].name == o {
			a.orgCount[i].n++
			return
		}
	}
	a.orgCount = append(a.orgCount, orgCount{name: o, n: 1})
}

// orgs appends the organisations named in toks to names (once each, the inspected unit left
// out) and marks the tokens inside names in a.masked.
func (a *annotator) orgs(toks []token, names []string, unit string) []string {
	if cap(a.masked) < len(toks) {
		a.masked = make([]bool, len(toks))
	}
	a.masked = a.masked[:len(toks)]
	clear(a.masked)
	a.spans = findOrgs(toks, a.spans[:0])
	for _, sp := range a.spans {
		for k := sp.Start; k < sp.End; k++ {
			a.masked[k] = true
		}
		name := spanText(toks, sp)
		if unit != "" && unitKey(name) == unit {
			continue
		}
		dup := false
		for _, n := range names {
			dup = dup || n == name
		}
		if !dup {
			names = append(names, name)
		}
	}
	return names
}

// heading returns the theme words of a topic or category heading, cutting each distinct heading
// once (what it yields depends on its text only). The hits are valid until the next heading is
// cut.
func (a *annotator) heading(h string) []themeHit {
	if h == "" {
		return nil
	}
	if sp, ok := a.headings[h]; ok {
		return a.hits[sp.lo:sp.hi]
	}
	lo := len(a.hits)
	for _, t := range a.c.cutFolded(h) {
		for _, tw := range a.s.themeWords(t) {
			a.hits = append(a.hits, themeHit{word: t.Text, theme: tw.theme, w: tw.weight})
		}
	}
	a.headings[h] = hitSpan{int32(lo), int32(len(a.hits))}
	return a.hits[lo:]
}

// themeWords returns the themes t's word weighs in. The map is searched only for the words the
// lexicon tags as theme words.
func (s *Segmenter) themeWords(t token) []themeWord {
	if t.node != noNode && t.tags&themeTag == 0 || t.node == noNode && !s.themesOffTree {
		return nil
	}
	return s.themes[t.Text]
}

// themeWord scores a word of the problem's own text.
func (a *annotator) themeWord(t token, scale float64) {
	for _, tw := range a.s.themeWords(t) {
		a.addHit(themeHit{word: t.Text, theme: tw.theme, w: tw.weight}, scale)
	}
}

func (a *annotator) addHit(h themeHit, scale float64) {
	words := a.words[h.theme]
	i := 0
	for i < len(words) && words[i].word != h.word {
		i++
	}
	if scale == 1 {
		w := 0.0
		if i < len(words) {
			w = words[i].w
		}
		if w >= maxWordCount*h.w {
			return // a word counts at most maxWordCount times
		}
	}
	if i == len(words) {
		words = append(words, weighed{word: h.word})
		a.words[h.theme] = words
	}
	a.scores[h.theme] += h.w * scale
	words[i].w += h.w * scale
}

// decide returns the theme with the highest score (the first listed on a tie), or len(Themes)
// for Other when none reaches minThemeScore.
func (a *annotator) decide() int {
	best := len(Themes)
	for t, sc := range a.scores {
		if sc >= minThemeScore && (best == len(Themes) || sc > a.scores[best]) {
			best = t
		}
	}
	return best
}

// themeWords returns the words that gave theme t its score, heaviest first.
func (a *annotator) themeWords(t int) []string {
	// The words are distinct: any sort gives the one order.
	ws := a.words[t]
	slices.SortFunc(ws, func(x, y weighed) int {
		if x.w != y.w {
			if x.w > y.w {
				return -1
			}
			return 1
		}
		return strings.Compare(x.word, y.word)
	})
	words := make([]string, len(ws))
	for i, x := range ws {
		words[i] = x.word
	}
	return words
}

func themeIndexOf(name string) int {
	for i, t := range Themes {
		if t.Name == name {
			return i
		}
	}
	return -1
}

// afterNumber reports whether toks[j] starts with a measure word right after digits: gse glues
// the measure word of 4家协会 to the noun (家协会), which is no keyword.
func afterNumber(toks []token, j int) bool {
	if j == 0 || toks[j-1].flags&posNumeral == 0 || toks[j-1].Han {
		return false
	}
	r, _ := utf8.DecodeRuneInString(toks[j].Text)
	return isQuantity(r)
}

// count adds a word to the keywords of the current problem and of the bulletin.
func (a *annotator) count(t token, w float64) {
	if a.s.keyword(t) {
		a.terms.add(t, w)
		a.all.add(t, 1)
	}
}

// countAll adds a word to the keywords of the bulletin only.
func (a *annotator) countAll(t token, w float64) {
	if a.s.keyword(t) {
		a.all.add(t, w)
	}
}

// top ranks counted words by TF-IDF: term frequency (count over the total) times the word's IDF
// from gse's table (the median for words it lacks), highest first, ties in order of appearance.
func (a *annotator) top(c *counts, n int) []bulletin.Keyword {
	total := c.total()
	if total == 0 {
		return []bulletin.Keyword{}
	}
	// The ranking holds weights and indexes in c.terms only (no pointers: shifting it costs no
	// write barriers); the keywords are written once.
	rs := a.ranked[:0]
	for i, t := range c.terms {
		idf := a.s.lex.t.median
		if t.idf != 0 {
			idf = a.s.lex.t.idfVals[t.idf-1]
		}
		rs = keep(rs, ranked{weight: math.Round(t.n/total*idf*1e4) / 1e4, term: int32(i)}, n)
	}
	a.ranked = rs
	kws := make([]bulletin.Keyword, len(rs))
	for i, r := range rs {
		kws[i] = bulletin.Keyword{Term: c.terms[r.term].text, Weight: r.weight}
	}
	return kws
}

// ranked is a keyword candidate: its weight and its index in counts.terms.
type ranked struct {
	weight float64
	term   int32
}

// keep adds r, which appeared after every candidate of rs, to rs, the n heaviest so far in
// rank order (heaviest first, ties in order of appearance): what a stable sort of all of them
// by weight would put first, without the sort.
func keep(rs []ranked, r ranked, n int) []ranked {
	if len(rs) == n && (n == 0 || rs[n-1].weight >= r.weight) {
		return rs // not among the n heaviest: a tie goes to the earlier
	}
	p := len(rs)
	for p > 0 && rs[p-1].weight < r.weight {
		p--
	}
	if len(rs) < n {
		rs = append(rs, ranked{})
	}
	copy(rs[p+1:], rs[p:len(rs)-1])
	rs[p] = r
	return rs
}

// notKeywordPos are parts of speech that never make a keyword: function words, numerals,
// measure words, time and direction words, pronouns, adverbs.
var notKeywordPos = map[string]bool{
	"p": true, "c": true, "u": true, "uj": true, "ul": true, "uz": true, "ud": true, "ug": true,
	"uv": true, "r": true, "d": true, "m": true, "mq": true, "q": true, "y": true, "e": true,
	"o": true, "x": true, "t": true, "f": true, "ad": true, "zg": true, "rr": true, "rz": true,
	"ns": true, // places (榆树市) name where, not what
}

// quantityRunes are the characters of Chinese numerals, measure words and approximators: a word
// made of them only (二十, 百场, 余件) is a quantity, which is the quantity stage's business.
const quantityRunes = "零〇一二三四五六七八九十百千万亿两几余多近约个项条家人次场件名年月日号笔篇台天周岁届批期位元"

// keyword reports whether a word may be a keyword: two or more Han characters, not a stop word,
// not a function word, not a quantity.
// A word of two or more Han characters is a word of the dictionary (the cutter leaves only single
// characters unknown): the token carries its part of speech and whether it is a stop word.
func (s *Segmenter) keyword(t token) bool {
	if !t.Han || t.node == noNode || len(t.Text) < 5 { // one Han character is 3 or 4 bytes
		return false
	}
	if t.flags&posNotKeyword != 0 || t.tags&stopTag != 0 {
		return false
	}
	for _, r := range t.Text {
		if !isQuantity(r) {
			return true
		}
	}
	return false
}

// quantityBits is the set of quantityRunes (all in the BMP).
var quantityBits = func() *[1 << 16 / 64]uint64 {
	var b [1 << 16 / 64]uint64
	for _, r := range quantityRunes {
		b[r/64] |= 1 << (r % 64)
	}
	return &b
}()

// isQuantity reports whether r is one of quantityRunes.
func isQuantity(r rune) bool {
	return r >= 0 && r < 1<<16 && quantityBits[r/64]&(1<<(r%64)) != 0
}
