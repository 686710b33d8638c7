// Package segment owns word segmentation: gse's dictionary-weighted segmentation (no HMM) over
// gse's simplified-Chinese dictionary under Xuncha's domain dictionary (data/domain.txt), read
// from a compact table generated from gse at build time (data/dict.bin, ./gen) so that nothing
// is loaded word by word at run time, shared read-only by all workers; from it come keywords
// (TF-IDF over gse's IDF table, in the same compact table, less gse's and a domain stop list),
// themes (a weighted-word taxonomy, themes.go) and the organisations named (suffix rules, orgs.go).
// gse itself is used only by ./gen and by the tests that check the table and the segmentations
// against it.
//
// Only what is needed is segmented, once: each problem's quote (or description), its measures,
// and its topic and category headings. Quantities, dates and quotes are the business of the
// stages before this one; numbers are never taken from the dictionary (digits are never keywords
// or names).
//
// Text is folded (internal/fold: full-width to ASCII, traditional to simplified) as it is cut,
// character by character (cutFolded: no folded copy of the text is made), so keywords and names
// come out in simplified characters.
package segment

import (
	"bufio"
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/bulletin"
)

var (
	//go:embed data/domain.txt
	domainDict string
	//go:embed data/stopwords.txt
	domainStop string
)

// Segmenter is safe for concurrent use once loaded: Annotate only reads it (each call takes its
// own buffers from a pool).
type Segmenter struct {
	lex    *lexicon
	stop   map[string]bool // gse's stop list and the domain's
	themes map[string][]themeWord
	domain int // entries of the domain dictionary
	// themesOffTree reports a theme word that is no word of the lexicon's tree, so that a token
	// without a node must be looked up in themes too (none is: TestThemeWordsAreWords).
	themesOffTree bool
	pool          sync.Pool
}

// Load opens the Segmenter: tens of milliseconds, since the dictionary is read in place from the
// compact table embedded in the binary; only the domain dictionary and the stop lists are parsed
// and the lexicon's tree built, in two passes over the table's sorted keys (about 50 ms, 17 MB).
func Load() (*Segmenter, error) {
	s := &Segmenter{}
	dom, err := parseDomain(domainDict)
	if err != nil {
		return nil, fmt.Errorf("segment: domain dictionary: %w", err)
	}
	s.domain = len(dom)
	t, err := openTable(dictBin)
	if err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	if s.lex, err = newLexicon(t, dom); err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	s.stop = map[string]bool{}
	for _, list := range []string{gseStop, stripComments(domainStop)} { // gse's has no comments: # is a stop word
		for _, l := range strings.Split(list, "\n") {
			if l != "" {
				s.stop[l] = true
			}
		}
	}
	s.themes = themeIndex()
	// The lexicon's nodes carry what the annotator asks of every token: stop word, theme word,
	// word that stops a name.
	for w := range s.stop {
		if v := s.lex.find(w); v != noNode {
			s.lex.nodes[v].tags |= stopTag
		}
	}
	for w := range s.themes {
		if v := s.lex.find(w); v != noNode && s.lex.nodes[v].freq > 0 {
			s.lex.nodes[v].tags |= themeTag
		} else {
			s.themesOffTree = true
		}
	}
	for w := range nameStops {
		if v := s.lex.find(w); v != noNode {
			s.lex.nodes[v].tags |= nameStopTag
		}
	}
	for v := range s.lex.nodes {
		if n := &s.lex.nodes[v]; len(suffixesEnding(n.r)) > 0 {
			n.tags |= headTag
		}
	}
	s.pool.New = func() any { return newAnnotator(s) }
	return s, nil
}

// isStop reports whether w is on gse's or the domain's stop list.
func (s *Segmenter) isStop(w string) bool { return s.stop[w] }

// idf returns the IDF of w from gse's table, or the table's median for a word it lacks.
func (s *Segmenter) idf(w string) float64 {
	v, ok := 0.0, false
	if n := s.lex.find(w); n != noNode {
		v, ok = s.lex.idf(n) // every key of Han characters is in the lexicon's tree
	} else {
		v, ok = s.lex.t.idfOf(w)
	}
	if ok {
		return v
	}
	return s.lex.t.median
}

// DictSize reports the words of the dictionary (gse's and the domain's, each once) and the
// entries of the domain dictionary.
func (s *Segmenter) DictSize() (tokens, domain int) {
	t := s.lex.t
	for i := range t.n {
		if u32(t.freqs, i) > 0 {
			tokens++
		}
	}
	return tokens + s.lex.words, s.domain
}

// parseDomain checks the domain dictionary ("word freq pos" lines, # comments) and returns its
// entries in order. A word is two or more Han characters (only runs of Han characters are looked
// up) and its frequency an integer of at least 2 (so that the dictionary's total is exact).
func parseDomain(text string) ([]domainWord, error) {
	var ws []domainWord
	sc := bufio.NewScanner(strings.NewReader(text))
	for line := 1; sc.Scan(); line++ {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Fields(l)
		if len(f) != 3 {
			return nil, fmt.Errorf("line %d: want \"word freq pos\", got %q", line, l)
		}
		freq, err := strconv.ParseFloat(f[1], 64)
		if err != nil || freq < 2 || freq != math.Trunc(freq) || freq > 1e9 {
			return nil, fmt.Errorf("line %d: frequency %q: want a whole number of at least 2", line, f[1])
		}
		if utf8.RuneCountInString(f[0]) < 2 {
			return nil, fmt.Errorf("line %d: %q: a domain word has at least two characters", line, f[0])
		}
		for _, r := range f[0] {
			if !isHan(r) {
				return nil, fmt.Errorf("line %d: %q: a domain word is Han characters only", line, f[0])
			}
		}
		ws = append(ws, domainWord{key: f[0], freq: freq, pos: f[2]})
	}
	return ws, sc.Err()
}

// stripComments drops # comment lines and blank lines.
func stripComments(text string) string {
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "#") {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// Annotate fills keywords, themes and organisations of b and of its problems. It never fails:
// a bulletin without problems gets bulletin keywords from its body paragraphs only.
func (s *Segmenter) Annotate(b *bulletin.Bulletin) {
	if s == nil || b == nil {
		return
	}
	a := s.pool.Get().(*annotator)
	a.annotate(b)
	s.pool.Put(a) // not after a panic: an annotator left half way is dropped, not lent again
}
