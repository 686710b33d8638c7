package segment

import (
	"fmt"
	"math"
	"sort"
	"unicode/utf8"
)

// domainWord is an entry of the domain dictionary.
type domainWord struct {
	key  string
	freq float64
	pos  string
}

// lexicon is the dictionary the cutter reads: the domain dictionary over gse's. As when gse
// loaded the domain dictionary first, a domain word keeps its frequency and part of speech and
// gse's entry of the same word is dropped, from the total too.
//
// Its words made of Han characters (the only ones the cutter looks up) form a tree of characters,
// built at load in two passes (count, then write) over the table's sorted keys merged with the
// domain's sorted words: a node is a text that starts some word, and holds that text's
// frequency, part of speech and IDF when the text is itself a key. The nodes are stored level by
// level (the root, then every first character, every second character …, each level in key
// order), so that the children of a node are consecutive and sorted by character, and the tree
// is written in order, with no search. The first character of a word from the CJK Unified
// Ideographs block is found without a search, in first, which also says whether it is a word by
// itself and starts longer ones; the second through one probe of the hash table pairs, which
// says the same of the pair and where its children are (a filter of the pairs' hashes answers
// first for most texts that are none); a third or later by a search of a few neighbouring
// 16-byte nodes. No text is hashed or compared.
type lexicon struct {
	t        *table
	total    float64
	maxLen   int
	words    int         // dictionary words (gse's NumTokens)
	nodes    []node      // the tree, level by level; nodes[0] is the root, the last a sentinel
	first    []firstChar // each character of the CJK Unified Ideographs block as a first character
	posNames []string    // the table's parts of speech, then those only the domain uses, then the cutter's
	// posFlags says what the annotator asks of each part of speech; posM, posX and posNone are
	// the parts of speech the cutter gives runs of digits and letters, other symbols and Han
	// characters the dictionary lacks ("m", "x", "").
	posFlags            [256]uint8
	posM, posX, posNone uint8
	logs                []float64
	// pairs finds the second character of a word, the one search over many children (a first
	// character has 144 on average where the cutter looks): an open-addressing hash table of
	// the texts of two characters, each slot the pair's characters and node, and a copy of what
	// the cutter reads of the node (so that it reads no node for most pairs).
	pairs     []pairSlot
	pairShift uint // 64 - log2(len(pairs))
	// pairFilter has the bit of the hash of every pair of pairs (the top pairFilterBits bits of
	// the product that also places it): a pair whose bit is clear is none, found so without
	// reading the table, 32 times its size and most often absent from the cache.
	pairFilter []uint64
}

const pairFilterBits = 21 // 256 KB, about one bit in ten set

const pairBits = 22 // the node count must fit (buildPairs checks)

// firstChar is a copy of what the cutter reads of the node of a first character, with the
// logarithm of its frequency.
type firstChar struct {
	logFreq float64 // math.Log of the frequency when the character is a word
	node    uint32  // 0: no word starts with the character
	word    bool    // the character is a word by itself
	kids    bool
}

// node is one text of the lexicon's tree.
type node struct {
	r    rune   // the text's last character
	kids uint32 // the first child: the children of v are nodes[nodes[v].kids:nodes[v+1].kids]
	freq uint32 // frequency when the text is a word (the domain's over gse's); 0 when it is not
	idf  uint16 // the table's IDF index for the text (0: none)
	pos  uint8  // index in lexicon.posNames
	tags uint8  // stopTag, themeTag, nameStopTag, headTag: what the Segmenter knows of the word (set by Load)
}

// Tags of a node, for the annotator: its text is on a stop list, a theme word, one of
// nameStops, or ends with the last character of an organisation suffix (orgHead looks further
// only then).
const (
	stopTag = 1 << iota
	themeTag
	nameStopTag
	headTag
)

// Flags of a part of speech, for the annotator: never a keyword (notKeywordPos), never inside a
// name (stopPos), a numeral ("m"), a place ("ns"), an organisation ("nt").
const (
	posNotKeyword = 1 << iota
	posNotName
	posNumeral
	posPlace
	posOrg
)

const (
	root   = uint32(0)         // the node of the empty text
	noNode = uint32(1<<32 - 1) // no such text
	// hanLo, hanHi bound the CJK Unified Ideographs block, the characters of lexicon.first.
	hanLo, hanHi = 0x4E00, 0xA000
	// logsBelow is the number of frequencies whose logarithm the lexicon keeps (most words').
	logsBelow = 1 << 12
)

// newLexicon builds the tree from the table's keys of Han characters and the domain's words.
func newLexicon(t *table, domain []domainWord) (*lexicon, error) {
	lx := &lexicon{t: t, maxLen: t.maxLen, total: t.total, posNames: t.posNames}
	// The domain's words, sorted as the table's keys: the first entry of a word wins, as in gse.
	var dom []domainWord
	seen := map[string]bool{}
	for _, w := range domain {
		if !seen[w.key] {
			seen[w.key] = true
			dom = append(dom, w)
			lx.maxLen = max(lx.maxLen, utf8.RuneCountInString(w.key))
		}
	}
	sort.Slice(dom, func(i, j int) bool { return dom[i].key < dom[j].key })

	// The tree is written level by level: off[d] is where the nodes of the texts of d characters
	// start, in key order, and at[d] the next of them. A prefix of a key that the previous key
	// lacks is in no earlier key either: it is a new node, the next of its level. So a first
	// pass counts the nodes of each level, and the second writes them in place.
	off := make([]int, lx.maxLen+3)
	lx.merge(dom, func(_ string, depth int, more []rune, _, _ int) {
		for range more {
			depth++
			off[depth+1]++
		}
	})
	off[1] = 1 // the root
	for d := 1; d < len(off); d++ {
		off[d] += off[d-1]
	}
	size := off[len(off)-1]
	if size >= int(noNode) {
		return nil, fmt.Errorf("dictionary: %d nodes", size)
	}
	lx.nodes = make([]node, size+1) // and a sentinel
	at := append([]int(nil), off...)
	lx.nodes[0].kids = 1
	lx.merge(dom, func(_ string, depth int, more []rune, ti, di int) {
		for _, r := range more {
			depth++
			lx.nodes[at[depth]] = node{r: r, kids: uint32(at[depth+1])}
			at[depth]++
		}
		n := &lx.nodes[at[depth]-1]
		if ti >= 0 {
			n.freq, n.pos, n.idf = u32(t.freqs, ti), t.pos[ti], u16(t.idf, ti)
		}
		if di >= 0 {
			// Frequencies are integers (./gen and parseDomain check): the sum is exact in any order.
			w := dom[di]
			if n.freq > 0 {
				lx.total -= float64(n.freq)
			} else {
				lx.words++
			}
			lx.total += w.freq
			n.freq, n.pos = uint32(w.freq), lx.posIndex(w.pos)
		}
	})
	lx.posM, lx.posX, lx.posNone = lx.posIndex("m"), lx.posIndex("x"), lx.posIndex("")
	if len(lx.posNames) > 256 {
		return nil, fmt.Errorf("dictionary: %d parts of speech, at most 256", len(lx.posNames))
	}
	for i, p := range lx.posNames {
		f := uint8(0)
		if notKeywordPos[p] {
			f |= posNotKeyword
		}
		if stopPos[p] {
			f |= posNotName
		}
		switch p {
		case "m":
			f |= posNumeral
		case "ns":
			f |= posPlace
		case "nt":
			f |= posOrg
		}
		lx.posFlags[i] = f
	}
	lx.nodes[size].kids = uint32(size)
	lx.first = make([]firstChar, hanHi-hanLo)
	for v := uint32(1); v < lx.nodes[1].kids; v++ {
		if r := lx.nodes[v].r; r >= hanLo && r < hanHi {
			lx.first[r-hanLo] = lx.firstChar(v)
		}
	}
	if err := lx.buildPairs(); err != nil {
		return nil, err
	}
	lx.logs = make([]float64, logsBelow)
	for f := 1; f < logsBelow; f++ {
		lx.logs[f] = math.Log(float64(f))
	}
	return lx, nil
}

// firstChar returns the copy of node v for first.
func (lx *lexicon) firstChar(v uint32) firstChar {
	f := firstChar{node: v, kids: lx.hasKids(v)}
	if n := lx.nodes[v].freq; n > 0 {
		f.word, f.logFreq = true, math.Log(float64(n))
	}
	return f
}

// merge calls f for every key of Han characters of the table (ti its index, di -1) and every
// word of dom (di its index, ti -1; both when they are the same word), in key order, with the
// count of the leading characters it shares with the previous one (depth) and its other
// characters (more, valid during the call). A prefix of a key that the previous key lacks is in
// no earlier key either.
func (lx *lexicon) merge(dom []domainWord, f func(k string, depth int, more []rune, ti, di int)) {
	t := lx.t
	prev := ""
	var ends []int // byte end of each character of prev
	var more []rune
	emit := func(k string, ti, di int) {
		lcp := 0
		for lcp < len(k) && lcp < len(prev) && k[lcp] == prev[lcp] {
			lcp++
		}
		depth := 0
		for depth < len(ends) && ends[depth] <= lcp {
			depth++
		}
		e := 0
		if depth > 0 {
			e = ends[depth-1]
		}
		more = more[:0]
		for i := e; i < len(k); {
			r, size := decodeRune(k[i:])
			if !isHan(r) {
				return // not looked up by the cutter (the domain's words are Han: parseDomain checks)
			}
			more = append(more, r)
			i += size
		}
		if len(more) == 0 {
			return // the empty key
		}
		ends = ends[:depth]
		for i := e; i < len(k); {
			_, size := decodeRune(k[i:])
			i += size
			ends = append(ends, i)
		}
		prev = k
		f(k, depth, more, ti, di)
	}
	for i, j := 0, 0; ; {
		switch {
		case i < t.n && j < len(dom) && t.key(i) == dom[j].key:
			emit(dom[j].key, i, j)
			i, j = i+1, j+1
		case i < t.n && (j == len(dom) || t.key(i) < dom[j].key):
			emit(t.key(i), i, -1)
			i++
		case j < len(dom):
			emit(dom[j].key, -1, j)
			j++
		default:
			return
		}
	}
}

// decodeRune is utf8.DecodeRuneInString with the three-byte characters of Han text decoded
// inline.
func decodeRune(s string) (rune, int) {
	if len(s) >= 3 && s[0]&0xF0 == 0xE0 && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80 {
		r := rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
		if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(s)
}

// posIndex returns the index of a part of speech in lx.posNames, adding it if new.
func (lx *lexicon) posIndex(p string) uint8 {
	for i, q := range lx.posNames {
		if q == p {
			return uint8(i)
		}
	}
	if len(lx.posNames) == len(lx.t.posNames) { // do not append to the table's slice
		lx.posNames = append([]string(nil), lx.posNames...)
	}
	lx.posNames = append(lx.posNames, p)
	return uint8(len(lx.posNames) - 1)
}

// buildPairs fills lx.pairs with the nodes of the second level.
func (lx *lexicon) buildPairs() error {
	l2, l3 := lx.nodes[1].kids, lx.nodes[lx.nodes[1].kids].kids // where levels 2 and 3 start
	if len(lx.nodes) >= 1<<pairBits {
		return fmt.Errorf("dictionary: %d nodes, at most %d", len(lx.nodes), 1<<pairBits)
	}
	size, bits := 1<<10, uint(10)
	for size < 2*int(l3-l2) {
		size, bits = size<<1, bits+1
	}
	lx.pairs, lx.pairShift = make([]pairSlot, size), 64-bits
	lx.pairFilter = make([]uint64, 1<<pairFilterBits/64)
	for v := uint32(1); v < l2; v++ {
		for c := lx.nodes[v].kids; c < lx.nodes[v+1].kids; c++ {
			key := pairKey(lx.nodes[v].r, lx.nodes[c].r)
			x := key * 0x9E3779B97F4A7C15
			b := x >> (64 - pairFilterBits)
			lx.pairFilter[b/64] |= 1 << (b % 64)
			h := x >> lx.pairShift
			for lx.pairs[h].key != 0 {
				h = (h + 1) & uint64(size-1)
			}
			p := pairSlot{key: key<<pairBits | uint64(c), freq: lx.nodes[c].freq}
			if lo, end := lx.nodes[c].kids, lx.nodes[c+1].kids; lo < end {
				p.kids = lo<<kidBits | min(end-lo, kidsMany)
			}
			lx.pairs[h] = p
		}
	}
	return nil
}

// pairSlot is a slot of lexicon.pairs.
type pairSlot struct {
	key  uint64 // the pair's characters (pairKey) over the node's index (low pairBits bits); 0: empty
	freq uint32 // the node's frequency
	// kids is the node's first child over the count of its children (low kidBits bits, kidsMany
	// when there are as many or more); 0 when no longer word starts with the pair.
	kids uint32
}

const (
	kidBits  = 32 - pairBits
	kidsMany = 1<<kidBits - 1
)

func (p *pairSlot) node() uint32 { return uint32(p.key & (1<<pairBits - 1)) }

// children returns the bounds of the children of the pair's node, as nodes[v].kids and
// nodes[v+1].kids, reading no node unless there are kidsMany or more.
func (lx *lexicon) children(p *pairSlot) (lo, end uint32) {
	lo, end = p.kids>>kidBits, p.kids>>kidBits+p.kids&kidsMany
	if p.kids&kidsMany == kidsMany {
		end = lx.nodes[p.node()+1].kids
	}
	return lo, end
}

func pairKey(r1, r2 rune) uint64 { return uint64(r1)<<21 | uint64(r2) }

// child returns the node of the text of v followed by r, or noNode.
func (lx *lexicon) child(v uint32, r rune) uint32 {
	if v == root && r >= hanLo && r < hanHi {
		if c := lx.first[r-hanLo].node; c != 0 {
			return c
		}
		return noNode
	}
	if v != root && v < lx.nodes[1].kids { // a first character
		return lx.pair(lx.nodes[v].r, r)
	}
	return lx.search(v, r)
}

// pair returns the node of the text r1 r2, or noNode.
func (lx *lexicon) pair(r1, r2 rune) uint32 {
	if p := lx.pairSlot(r1, r2); p != nil {
		return p.node()
	}
	return noNode
}

// pairSlot returns the slot of lx.pairs that holds the text r1 r2, or nil.
func (lx *lexicon) pairSlot(r1, r2 rune) *pairSlot {
	key := pairKey(r1, r2)
	x := key * 0x9E3779B97F4A7C15
	if b := x >> (64 - pairFilterBits); lx.pairFilter[b/64]&(1<<(b%64)) == 0 {
		return nil
	}
	mask := uint64(len(lx.pairs) - 1)
	for h := x >> lx.pairShift; ; h = (h + 1) & mask {
		p := &lx.pairs[h]
		if p.key>>pairBits == key {
			return p
		}
		if p.key == 0 {
			return nil
		}
	}
}

// search returns the node of the text of v followed by r, or noNode, searching v's children.
func (lx *lexicon) search(v uint32, r rune) uint32 {
	return lx.searchIn(lx.nodes[v].kids, lx.nodes[v+1].kids, r)
}

// searchIn returns the node of nodes[lo:end] (the children of a node) whose character is r, or
// noNode.
func (lx *lexicon) searchIn(lo, end uint32, r rune) uint32 {
	for hi := end; hi-lo > 8; { // the child, if any, is in [lo, hi]
		mid := lo + (hi-lo)/2
		if lx.nodes[mid].r < r {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	for ; lo < end; lo++ {
		if c := lx.nodes[lo].r; c >= r {
			if c == r {
				return lo
			}
			break
		}
	}
	return noNode
}

// hasKids reports whether a longer word starts with the text of v.
func (lx *lexicon) hasKids(v uint32) bool { return lx.nodes[v].kids < lx.nodes[v+1].kids }

// find returns the node of text w, or noNode.
func (lx *lexicon) find(w string) uint32 {
	if w == "" {
		return noNode
	}
	v := root
	for _, r := range w {
		if v = lx.child(v, r); v == noNode {
			break
		}
	}
	return v
}

// word returns the frequency and part of speech of node v (0 and "" when its text is no word).
func (lx *lexicon) word(v uint32) (freq float64, pos string) {
	n := &lx.nodes[v]
	if n.freq == 0 {
		return 0, ""
	}
	return float64(n.freq), lx.posNames[n.pos]
}

// idf returns the IDF of node v's text from the table, if it has one.
func (lx *lexicon) idf(v uint32) (float64, bool) {
	if v == noNode || lx.nodes[v].idf == 0 {
		return 0, false
	}
	return lx.t.idfVals[lx.nodes[v].idf-1], true
}
