package segment

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// A token is one word of segmented text. Text is a substring of the text cut (no copy); Pos is
// the part of speech from the dictionary ("n", "v", "nt", "ns" …), "" for a Han character the
// dictionary does not know, "x" for punctuation and other symbols, "m" for a run of digits or
// Latin letters (never a keyword, never part of a name: quantities belong to the quantity stage).
type token struct {
	Text  string
	Pos   string
	Start int     // byte offset in the text cut
	Freq  float64 // dictionary frequency; 0 for a character the dictionary does not know
	Han   bool
}

// cutter segments text with the dictionary-weighted DAG of gse's Cut(text, false): the same
// maximum-probability route over the same dictionary (gse's, read from the compact table, under
// the domain dictionary; TestCutMatchesGse checks they agree with gse itself), but only over runs
// of Han characters, with no maps and with buffers reused between calls. gse's Cut builds a map
// per character and a string per dictionary probe; this is what makes Annotate cheap. A cutter is not safe for concurrent use: each annotator (from the
// Segmenter's pool) has its own.
type cutter struct {
	dict   *lexicon
	logT   float64 // log of the dictionary's total frequency
	offs   []int   // byte offset of each rune of the current Han run, plus its end
	edges  []edge  // DAG: words starting at each rune of the run
	first  []int   // index in edges of the first word starting at rune k; first[n] = len(edges)
	best   []float64
	next   []int // end rune (exclusive) of the best word starting at rune k
	tokens []token
}

// edge is one dictionary word over runes [k, end) of a Han run.
type edge struct {
	end  int
	freq float64
	pos  string
}

func newCutter(dict *lexicon) *cutter {
	return &cutter{dict: dict, logT: math.Log(dict.total)}
}

// isHan reports whether r is segmented with the dictionary.
// The common cases are decided without the table search: nothing below U+2E80 is Han, and the
// CJK Unified Ideographs block (U+4E00-U+9FFF) is Han throughout (TestIsHan checks every rune).
func isHan(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x4E00 && r <= 0x9FFF:
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// cut segments s. The result is valid until the next call.
func (c *cutter) cut(s string) []token {
	c.tokens = c.tokens[:0]
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isHan(r):
			j := i + size
			for j < len(s) {
				r2, size2 := utf8.DecodeRuneInString(s[j:])
				if !isHan(r2) {
					break
				}
				j += size2
			}
			c.cutHan(s, i, j)
			i = j
		case isWordy(r):
			j := i + size
			for j < len(s) {
				r2, size2 := utf8.DecodeRuneInString(s[j:])
				if !isWordy(r2) || isHan(r2) {
					break
				}
				j += size2
			}
			c.tokens = append(c.tokens, token{Text: s[i:j], Pos: "m", Start: i})
			i = j
		default:
			c.tokens = append(c.tokens, token{Text: s[i : i+size], Pos: "x", Start: i})
			i += size
		}
	}
	return c.tokens
}

// isWordy reports letters and digits outside Han: runs of them become one "m" token.
func isWordy(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '%'
}

// cutHan segments the Han run s[from:to] as gse's cutDAGNoHMM does: for every rune k, every
// dictionary word starting at k is an edge; the route maximises the sum of log(freq/total),
// from the right, ties going to the longer word; a rune no word covers is a word by itself.
func (c *cutter) cutHan(s string, from, to int) {
	c.offs = c.offs[:0]
	for i := from; i < to; {
		_, size := utf8.DecodeRuneInString(s[i:])
		c.offs = append(c.offs, i)
		i += size
	}
	n := len(c.offs)
	c.offs = append(c.offs, to)

	maxLen := c.dict.maxLen
	c.edges = c.edges[:0]
	c.first = c.first[:0]
	for k := 0; k < n; k++ {
		c.first = append(c.first, len(c.edges))
		sp := c.dict.start()
		for i := k; i < n && i-k < maxLen; i++ {
			freq, pos, ok := c.dict.step(&sp, s[c.offs[k]:c.offs[i+1]])
			if !ok {
				break
			}
			if freq > 0 {
				c.edges = append(c.edges, edge{end: i + 1, freq: freq, pos: pos})
			}
		}
		if c.first[k] == len(c.edges) { // no word: the rune alone, unknown
			c.edges = append(c.edges, edge{end: k + 1, freq: 0})
		}
	}
	c.first = append(c.first, len(c.edges))

	c.best = grow(c.best, n+1)
	c.next = growInt(c.next, n+1)
	c.best[n] = 0
	for k := n - 1; k >= 0; k-- {
		set := false
		for _, e := range c.edges[c.first[k]:c.first[k+1]] {
			f := e.freq
			if f <= 0 {
				f = 1 // gse scores a word it cannot find as log(1)
			}
			score := math.Log(f) - c.logT + c.best[e.end]
			if !set || c.best[k] < score || (c.best[k] == score && c.next[k] < e.end) {
				c.best[k], c.next[k], set = score, e.end, true
			}
		}
	}
	for k := 0; k < n; {
		end := c.next[k]
		var w edge
		for _, e := range c.edges[c.first[k]:c.first[k+1]] {
			if e.end == end {
				w = e
			}
		}
		c.tokens = append(c.tokens, token{Text: s[c.offs[k]:c.offs[end]], Pos: w.pos, Freq: w.freq, Start: c.offs[k], Han: true})
		k = end
	}
}

func grow(b []float64, n int) []float64 {
	if cap(b) < n {
		return make([]float64, n)
	}
	return b[:n]
}

func growInt(b []int, n int) []int {
	if cap(b) < n {
		return make([]int, n)
	}
	return b[:n]
}
