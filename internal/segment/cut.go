package segment

import (
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/fold"
)

// A token is one word of segmented text. Text is a substring of the text cut (no copy), or its
// folded form where cutFolded folds it; pos is
// the part of speech from the dictionary ("n", "v", "nt", "ns" …), "" for a Han character the
// dictionary does not know, "x" for punctuation and other symbols, "m" for a run of digits or
// Latin letters (never a keyword, never part of a name: quantities belong to the quantity stage),
// as an index in lexicon.posNames, with what the annotator asks of it in posFlags. What the
// annotator asks of a word's node (its frequency, tags) is copied into the token as it is cut,
// so that no node is read again.
type token struct {
	Text  string
	Freq  uint32 // dictionary frequency; 0 for a character the dictionary does not know
	node  uint32 // the word's node in the lexicon; noNode when not a word of the dictionary
	idf   uint16 // the node's IDF index (0: none)
	pos   uint8  // index in lexicon.posNames
	flags uint8  // lexicon.posFlags[pos]
	tags  uint8  // the node's tags (stopTag, themeTag, nameStopTag); 0 without a node
	Han   bool
}

// cutter segments text with the dictionary-weighted DAG of gse's Cut(text, false): the same
// maximum-probability route over the same dictionary (gse's, read from the compact table, under
// the domain dictionary; TestCutMatchesGse checks they agree with gse itself), but only over runs
// of Han characters, with no maps and with buffers reused between calls: the characters of a run
// are decoded once, and the words starting at each are found by walking the lexicon's tree one
// character at a time. gse's Cut builds a map per character and a string per dictionary probe;
// this is what makes Annotate cheap. A cutter is not safe for concurrent use: each annotator
// (from the Segmenter's pool) has its own.
type cutter struct {
	dict   *lexicon
	logT   float64       // log of the dictionary's total frequency
	logs   [1024]logMemo // math.Log of the frequencies the lexicon keeps none for, by frequency mod 1024
	runes  []rune        // the current Han run
	offs   []int         // byte offset of each rune of the run, plus its end
	best   []float64     // score of the best route from rune k to the run's end
	next   []step        // the first word of that route
	tokens []token
	// folding: the text is folded as it is cut (cutFolded), and folds is then foldBits (else
	// noFolds); buf is scratch for a folded word.
	folding bool
	folds   *[1 << 16 / 64]uint64
	buf     []byte
	sink    uint64 // what touch reads
}

// logMemo is math.Log(f) = l, remembered.
type logMemo struct {
	f uint32
	l float64
}

// logFreq is math.Log of a word's frequency f > 0.
func (c *cutter) logFreq(f uint32) float64 {
	if f < logsBelow {
		return c.dict.logs[f]
	}
	m := &c.logs[f%uint32(len(c.logs))]
	if m.f != f {
		m.f, m.l = f, math.Log(float64(f))
	}
	return m.l
}

// step is the first word of the best route from rune k of a Han run: runes [k, end).
type step struct {
	end  int32
	node uint32 // noNode for a rune the dictionary lacks
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
	c.folding, c.folds = false, &noFolds
	return c.cutText(s)
}

// cutFolded segments s folded (internal/fold): the tokens of cut(fold.String(s)), without
// building the folded text. A token's text is a substring of s where folding leaves it as it is
// (most of Han text), and its folded form otherwise. The result is valid until the next call.
func (c *cutter) cutFolded(s string) []token {
	c.folding, c.folds = true, foldBits
	return c.cutText(s)
}

// decode returns the rune at s[i], folded when c.folding, its size in s, and whether folding
// changed it (an invalid byte, which folding makes U+FFFD, included). ASCII, which folding leaves
// as it is, and characters of three bytes (Han text) are decoded inline.
func (c *cutter) decode(s string, i int) (r rune, size int, changed bool) {
	if b0 := s[i]; b0 < utf8.RuneSelf {
		return rune(b0), 1, false
	}
	if i+2 < len(s) && s[i]&0xF0 == 0xE0 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		r = rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		if r >= hanLo && r < hanHi && c.folds[r>>6]&(1<<(r&63)) == 0 { // Han, not folded
			return r, 3, false
		}
	}
	return c.decodeSlow(s, i)
}

// decodeSlow is decode of a character outside the fast path.
func (c *cutter) decodeSlow(s string, i int) (r rune, size int, changed bool) {
	r, size = decodeRune(s[i:])
	if c.folding {
		if f := fold.Rune(r); f != r || r == utf8.RuneError && size == 1 { // an invalid byte: U+FFFD
			return f, size, true
		}
	}
	return r, size, false
}

// foldBits has the bit of every character of the Basic Multilingual Plane that folding changes
// (fold.Rune leaves every other as it is): fold's own set.
var foldBits = fold.Changes()

// noFolds is foldBits for a cutter that does not fold.
var noFolds [1 << 16 / 64]uint64

// cutText is cut or cutFolded.
func (c *cutter) cutText(s string) []token {
	c.tokens = c.tokens[:0]
	lx := c.dict
	for i := 0; i < len(s); {
		r, size, changed := c.decode(s, i)
		switch {
		case isHan(r):
			i = c.cutHan(s, i)
		case isWordy(r):
			j := i + size
			for j < len(s) {
				r2, size2, changed2 := c.decode(s, j)
				if !isWordy(r2) || isHan(r2) {
					break
				}
				changed = changed || changed2
				j += size2
			}
			text := s[i:j]
			if changed {
				text = fold.String(text)
			}
			c.tokens = append(c.tokens, token{Text: text, node: noNode, pos: lx.posM, flags: lx.posFlags[lx.posM]})
			i = j
		default:
			text := s[i : i+size]
			if changed {
				text = runeText(r)
			}
			c.tokens = append(c.tokens, token{Text: text, node: noNode, pos: lx.posX, flags: lx.posFlags[lx.posX]})
			i += size
		}
	}
	return c.tokens
}

// asciiText holds every ASCII character, so that a folded symbol (， to ,) is a substring of it.
var asciiText = func() string {
	var b [utf8.RuneSelf]byte
	for i := range b {
		b[i] = byte(i)
	}
	return string(b[:])
}()

// runeText is the text of r: a substring of asciiText for ASCII.
func runeText(r rune) string {
	if r >= 0 && r < utf8.RuneSelf {
		return asciiText[r : r+1]
	}
	return string(r)
}

// isWordy reports letters and digits outside Han: runs of them become one "m" token.
func isWordy(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '.' || r == '%'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// cutHan segments the run of Han characters that starts at s[from] as gse's cutDAGNoHMM does,
// and returns the run's end: for every rune k, every dictionary word starting at k is an edge of
// the DAG; the route maximises the sum of log(freq/total), from the right, ties going to the
// longer word; a rune no word covers is a word by itself. The runes are taken from the right, so
// that the best route from the end of every word starting at k is known when the word is found:
// each is scored as the lexicon's tree yields it (shortest first), and no edge is stored.
func (c *cutter) cutHan(s string, from int) int {
	c.runes, c.offs = c.runes[:0], c.offs[:0]
	to, changed := from, false // changed: folding changed a rune of the run
	for to < len(s) {
		var r rune
		size, ch := 3, false
		if to+2 < len(s) && s[to]&0xF0 == 0xE0 && s[to+1]&0xC0 == 0x80 && s[to+2]&0xC0 == 0x80 {
			r = rune(s[to]&0x0F)<<12 | rune(s[to+1]&0x3F)<<6 | rune(s[to+2]&0x3F) // decode, inline
		}
		if r < hanLo || r >= hanHi || c.folds[r>>6]&(1<<(r&63)) != 0 {
			if r, size, ch = c.decodeSlow(s, to); !isHan(r) {
				break
			}
		}
		changed = changed || ch
		c.runes = append(c.runes, r)
		c.offs = append(c.offs, to)
		to += size
	}
	n := len(c.runes)
	c.offs = append(c.offs, to)

	lx := c.dict
	maxLen := lx.maxLen
	logT := c.logT
	c.best = grow(c.best, n+1)
	c.next = growSteps(c.next, n)
	best, next, runes := c.best, c.next, c.runes
	c.touch(runes)
	best[n] = 0
	for k := n - 1; k >= 0; k-- {
		// The best word starting at k so far: a later (longer) word wins a tie.
		bs, bw := 0.0, step{end: -1}
		v, i := noNode, k+1
		if r := runes[k]; r >= hanLo && r < hanHi { // most: the first two characters without nodes
			f := &lx.first[r-hanLo]
			if f.word {
				bs, bw = f.logFreq-logT+best[k+1], step{end: int32(k + 1), node: f.node}
			}
			if f.kids && k+1 < n && maxLen > 1 { // the second character from its slot in pairs
				if p := lx.pairSlot(r, runes[k+1]); p != nil {
					if p.freq > 0 {
						if score := c.logFreq(p.freq) - logT + best[k+2]; bw.end < 0 || bs <= score {
							bs, bw = score, step{end: int32(k + 2), node: p.node()}
						}
					}
					if p.kids != 0 && k+2 < n && maxLen > 2 {
						lo, end := lx.children(p)
						v, i = lx.searchIn(lo, end, runes[k+2]), k+3
					}
				}
			}
		} else {
			v = lx.child(root, r)
		}
		for ; v != noNode; i++ { // v: the text of runes [k, i)
			nd := &lx.nodes[v]
			if nd.freq > 0 {
				if score := c.logFreq(nd.freq) - logT + best[i]; bw.end < 0 || bs <= score {
					bs, bw = score, step{end: int32(i), node: v}
				}
			}
			if nd.kids == lx.nodes[v+1].kids || i >= n || i-k >= maxLen {
				break
			}
			v = lx.child(v, runes[i])
		}
		if bw.end < 0 { // no word: the rune alone, unknown; gse scores it as log(1)
			bs, bw = 0-logT+best[k+1], step{end: int32(k + 1), node: noNode}
		}
		best[k], next[k] = bs, bw
	}
	sink := uint32(0) // the nodes of the route's words, read side by side as touch does
	for k := 0; k < n; k = int(next[k].end) {
		if v := next[k].node; v != noNode {
			sink += lx.nodes[v].freq
		}
	}
	c.sink += uint64(sink)
	for k := 0; k < n; {
		e := next[k]
		end := int(e.end)
		text := s[c.offs[k]:c.offs[end]]
		if changed {
			text = c.foldedText(text, c.runes[k:end])
		}
		t := token{Text: text, Han: true, node: e.node, pos: lx.posNone, flags: lx.posFlags[lx.posNone]}
		if e.node != noNode {
			n := &lx.nodes[e.node]
			t.Freq, t.idf, t.pos, t.flags, t.tags = n.freq, n.idf, n.pos, lx.posFlags[n.pos], n.tags
		}
		c.tokens = append(c.tokens, t)
		k = end
	}
	return to
}

// foldedText returns the text of runes (text's runes, folded): text itself when folding left
// them as they are.
func (c *cutter) foldedText(text string, runes []rune) string {
	c.buf = c.buf[:0]
	for _, r := range runes {
		c.buf = utf8.AppendRune(c.buf, r)
	}
	if string(c.buf) == text {
		return text
	}
	return string(c.buf)
}

// touch reads, for every pair of runes of a run, the word of the filter of pairs and the slot
// of pairs where the search for the pair starts, and the first-character entry of each rune,
// summing what it reads into c.sink: reads that depend on nothing, which the processor runs
// side by side, so that the dictionary's lines are in the cache when the route is searched
// (most are not: the tables are megabytes, read at random).
func (c *cutter) touch(runes []rune) {
	lx := c.dict
	sink := uint64(0)
	mask := uint64(len(lx.pairs) - 1)
	for k := 0; k+1 < len(runes); k++ {
		x := pairKey(runes[k], runes[k+1]) * 0x9E3779B97F4A7C15
		sink += lx.pairFilter[x>>(64-pairFilterBits)/64] + lx.pairs[x>>lx.pairShift&mask].key
		if r := runes[k]; r >= hanLo && r < hanHi {
			sink += uint64(lx.first[r-hanLo].node)
		}
	}
	c.sink += sink
}

func grow(b []float64, n int) []float64 {
	if cap(b) < n {
		return make([]float64, n)
	}
	return b[:n]
}

func growSteps(b []step, n int) []step {
	if cap(b) < n {
		return make([]step, n)
	}
	return b[:n]
}
