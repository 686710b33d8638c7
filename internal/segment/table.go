package segment

import (
	_ "embed"
	"fmt"
	"math"
	"sort"
)

//go:generate go run ./gen -o data/dict.bin

// dictBin is gse's simplified-Chinese dictionary and IDF table in the compact form written by
// ./gen (the format is described there): keys sorted bytewise with offsets, and per key its
// frequency, part of speech and IDF, read in place. Opening it copies nothing but the header,
// the 54 parts of speech and the few thousand distinct IDF values; the lexicon (lexicon.go)
// reads the sorted keys once, in order, to build its tree of the words of Han characters, which
// is what the cutter and the annotator search. TestTableMatchesGse checks both against gse.
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
}

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
	return t, nil
}

func (t *table) key(i int) string { return t.keys[u32(t.offs, i):u32(t.offs, i+1)] }

// find returns the index of key w, or -1: a binary search of the sorted keys. The cutter and the
// annotator never search the table: they read the lexicon's tree.
func (t *table) find(w string) int {
	i := sort.Search(t.n, func(i int) bool { return t.key(i) >= w })
	if i < t.n && t.key(i) == w {
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
