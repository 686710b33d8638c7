package segment

import (
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:generate go run ./gen -o data/dict.bin

// dictBin is gse's simplified-Chinese dictionary and IDF table in the compact form written by
// ./gen (the format is described there): keys sorted bytewise with offsets, and per key its
// frequency, part of speech and IDF, read in place. Opening it copies nothing but the header,
// the 54 parts of speech and the few thousand distinct IDF values: no word is inserted anywhere,
// and only the pages a lookup touches are read. TestTableMatchesGse checks it against gse.
//
//go:embed data/dict.bin
var dictBin string

// gseStop is gse's stop list (written by ./gen from gse's embedded one).
//
//go:embed data/gse_stop.txt
var gseStop string

// table is the opened dictBin.
type table struct {
	n        int
	maxLen   int     // gse's MaxTokenLen: the longest word, in characters
	total    float64 // gse's TotalFreq
	median   float64 // median IDF
	offs     string  // u32[n+1]
	freqs    string  // u32[n]
	pos      string  // u8[n]
	idf      string  // u16[n]
	keys     string
	posNames []string
	idfVals  []float64
	// prefixes is an open-addressing hash index of every prefix of every key (cut at character
	// boundaries): a slot holds i+1 for the first key i that starts with the prefix (low 20
	// bits) and the prefix's length in bytes (high 12 bits), 0 when empty. A text is a word when that key is the text itself. Built on first use (a few
	// tens of milliseconds), it finds a text in one or two probes where a search of the sorted
	// keys takes a dozen comparisons.
	prefixOnce sync.Once
	prefixes   []uint32
	mask       uint32
	// single answers lookup for one character of the CJK Unified Ideographs block (most probes)
	// without hashing: i+1 for its first key i, with singleExact set when that key is the
	// character itself; 0 when no key starts with it.
	single []uint32
}

const (
	hanLo, hanHi = 0x4E00, 0xA000
	singleExact  = 1 << 31
)

func u32(s string, i int) uint32 {
	s = s[4*i : 4*i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func u16(s string, i int) uint16 {
	return uint16(s[2*i]) | uint16(s[2*i+1])<<8
}

func f64(s string) float64 {
	return math.Float64frombits(uint64(u32(s, 0)) | uint64(u32(s, 1))<<32)
}

// openTable reads the header and section bounds of a table written by ./gen.
func openTable(d string) (*table, error) {
	const head = 8 + 4 + 4 + 8 + 8 + 4 + 4 + 4
	if len(d) < head || d[:8] != "XCDICT01" {
		return nil, fmt.Errorf("not a dictionary table (regenerate with go generate ./internal/segment)")
	}
	t := &table{
		n:      int(u32(d[8:], 0)),
		maxLen: int(u32(d[12:], 0)),
		total:  f64(d[16:]),
		median: f64(d[24:]),
	}
	nPos, nIdf, keyBytes := int(u32(d[32:], 0)), int(u32(d[36:], 0)), int(u32(d[40:], 0))
	rest := d[head:]
	take := func(size int) (string, error) {
		if size < 0 || size > len(rest) {
			return "", fmt.Errorf("dictionary table truncated")
		}
		s := rest[:size]
		rest = rest[size:]
		return s, nil
	}
	var err error
	for _, sec := range []struct {
		p    *string
		size int
	}{{&t.offs, 4 * (t.n + 1)}, {&t.freqs, 4 * t.n}, {&t.pos, t.n}, {&t.idf, 2 * t.n}} {
		if *sec.p, err = take(sec.size); err != nil {
			return nil, err
		}
	}
	vals, err := take(8 * nIdf)
	if err != nil {
		return nil, err
	}
	t.idfVals = make([]float64, nIdf)
	for i := range t.idfVals {
		t.idfVals[i] = f64(vals[8*i:])
	}
	for range nPos {
		l, err := take(1)
		if err != nil {
			return nil, err
		}
		name, err := take(int(l[0]))
		if err != nil {
			return nil, err
		}
		t.posNames = append(t.posNames, name)
	}
	if t.keys, err = take(keyBytes); err != nil {
		return nil, err
	}
	if len(rest) != 0 || int(u32(t.offs, t.n)) != keyBytes {
		return nil, fmt.Errorf("dictionary table: sections do not add up")
	}
	for i := range t.n {
		if len(t.key(i)) >= 1<<(32-idxBits) || t.n >= 1<<idxBits-1 {
			return nil, fmt.Errorf("dictionary table: %d keys or key %d too long for the prefix index", t.n, i)
		}
	}
	return t, nil
}

func (t *table) key(i int) string { return t.keys[u32(t.offs, i):u32(t.offs, i+1)] }

// idxBits is the width of a key's index in a slot of the prefix index; the rest holds the
// prefix's length (openTable checks both fit).
const idxBits = 20

// hash is FNV-1a over the bytes of p.
func hash(p string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(p); i++ {
		h = (h ^ uint32(p[i])) * 16777619
	}
	return h
}

// buildPrefixes fills t.prefixes.
func (t *table) buildPrefixes() {
	nodes := 0
	prev := ""
	for i := range t.n {
		k := t.key(i)
		for e := 0; e < len(k); {
			_, size := utf8.DecodeRuneInString(k[e:])
			e += size
			if len(prev) < e || prev[:e] != k[:e] {
				nodes++
			}
		}
		prev = k
	}
	size := 1
	for size < 2*nodes {
		size <<= 1
	}
	t.prefixes, t.mask = make([]uint32, size), uint32(size-1)
	prev = ""
	for i := range t.n {
		k := t.key(i)
		for e := 0; e < len(k); {
			_, size := utf8.DecodeRuneInString(k[e:])
			e += size
			if len(prev) >= e && prev[:e] == k[:e] {
				continue // a prefix of an earlier key: already in
			}
			h := hash(k[:e]) & t.mask
			for t.prefixes[h] != 0 {
				h = (h + 1) & t.mask
			}
			t.prefixes[h] = uint32(i+1) | uint32(e)<<idxBits
		}
		prev = k
	}
	t.single = make([]uint32, hanHi-hanLo)
	for r := rune(hanLo); r < hanHi; r++ {
		i, any, exact := t.lookupHash(string(r))
		if !any {
			continue
		}
		v := uint32(i + 1)
		if exact {
			v |= singleExact
		}
		t.single[r-hanLo] = v
	}
}

// lookup reports whether some key starts with p and, if p is itself a key, its index.
func (t *table) lookup(p string) (i int, any, exact bool) {
	t.prefixOnce.Do(t.buildPrefixes)
	if len(p) == 3 {
		if r, _ := utf8.DecodeRuneInString(p); r >= hanLo && r < hanHi {
			v := t.single[r-hanLo]
			return int(v&^singleExact) - 1, v != 0, v&singleExact != 0
		}
	}
	return t.lookupHash(p)
}

// lookupHash is lookup through the prefix index.
func (t *table) lookupHash(p string) (i int, any, exact bool) {
	for h := hash(p) & t.mask; ; h = (h + 1) & t.mask {
		v := t.prefixes[h]
		if v == 0 {
			return -1, false, false
		}
		if int(v>>idxBits) != len(p) {
			continue
		}
		i := int(v&(1<<idxBits-1)) - 1
		if k := t.key(i); k[:len(p)] == p {
			return i, true, len(k) == len(p)
		}
	}
}

// find returns the index of key w, or -1.
func (t *table) find(w string) int {
	if i, _, exact := t.lookup(w); exact {
		return i
	}
	return -1
}

func (t *table) freq(i int) float64 { return float64(u32(t.freqs, i)) }
func (t *table) posOf(i int) string { return t.posNames[t.pos[i]] }

// idfOf returns the IDF of w and whether the table has one.
func (t *table) idfOf(w string) (float64, bool) {
	i := t.find(w)
	if i < 0 {
		return 0, false
	}
	v := u16(t.idf, i)
	if v == 0 {
		return 0, false
	}
	return t.idfVals[v-1], true
}

// domainWord is an entry of the domain dictionary.
type domainWord struct {
	key  string
	freq float64
	pos  string
}

// lexicon is the dictionary the cutter reads: the domain dictionary over gse's. As when gse
// loaded the domain dictionary first, a domain word keeps its frequency and part of speech and
// gse's entry of the same word is dropped, from the total too.
type lexicon struct {
	t      *table
	dom    []domainWord // sorted by key
	total  float64
	maxLen int
	words  int // dictionary words (gse's NumTokens)
	// domFirst holds the first characters of the domain words: a walk from any other skips the
	// domain's search.
	domFirst map[rune]bool
}

func newLexicon(t *table, dom []domainWord) *lexicon {
	lx := &lexicon{t: t, maxLen: t.maxLen, domFirst: map[rune]bool{}}
	seen := map[string]bool{}
	for _, w := range dom { // first entry wins, as in gse
		if !seen[w.key] {
			seen[w.key] = true
			lx.dom = append(lx.dom, w)
		}
	}
	sort.Slice(lx.dom, func(i, j int) bool { return lx.dom[i].key < lx.dom[j].key })
	// Frequencies are integers (./gen and parseDomain check), so the sum is exact in any order.
	lx.total = t.total
	for _, w := range lx.dom {
		lx.total += w.freq
		if i := t.find(w.key); i >= 0 && t.freq(i) > 0 {
			lx.total -= t.freq(i)
		} else {
			lx.words++
		}
		lx.maxLen = max(lx.maxLen, len([]rune(w.key)))
		r, _ := utf8.DecodeRuneInString(w.key)
		lx.domFirst[r] = true
	}
	return lx
}

// span is the state of a walk along one start rune: the range of the domain's keys still to
// search (the table is looked up by hash).
type span struct{ dlo, dhi int }

func (lx *lexicon) start() span { return span{0, len(lx.dom)} }

// step narrows sp for p (p extends the previous step's text) and reports whether any key starts
// with p, and p's frequency and part of speech if p is a word (freq 0 otherwise).
func (lx *lexicon) step(sp *span, p string) (freq float64, pos string, ok bool) {
	dany := false
	if sp.dlo == 0 && sp.dhi == len(lx.dom) {
		if r, _ := utf8.DecodeRuneInString(p); !lx.domFirst[r] {
			sp.dhi = 0
		}
	}
	if sp.dlo < sp.dhi {
		sp.dlo += sort.Search(sp.dhi-sp.dlo, func(i int) bool { return lx.dom[sp.dlo+i].key >= p })
		if sp.dlo < sp.dhi && strings.HasPrefix(lx.dom[sp.dlo].key, p) {
			if dany = true; lx.dom[sp.dlo].key == p {
				return lx.dom[sp.dlo].freq, lx.dom[sp.dlo].pos, true
			}
		} else {
			sp.dlo = sp.dhi // no domain word starts with p: none with a longer text either
		}
	}
	ti, tany, texact := lx.t.lookup(p)
	if texact {
		return lx.t.freq(ti), lx.t.posOf(ti), true
	}
	return 0, "", tany || dany
}
