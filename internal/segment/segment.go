// Package segment owns word segmentation with gse: one Segmenter loaded once from gse's embedded
// dictionary plus Xuncha's domain dictionary (data/domain.txt), shared read-only by all workers;
// from it come keywords (TF-IDF over gse's embedded IDF table, less a domain stop list), themes
// (a weighted-word taxonomy, themes.go) and the organisations named (suffix rules, orgs.go).
//
// Only what is needed is segmented, once: each problem's quote (or description), its measures,
// and its topic and category headings. Quantities, dates and quotes are the business of the
// stages before this one; numbers are never taken from gse (digits are never keywords or names).
//
// Text is folded (internal/fold: full-width to ASCII, traditional to simplified) before it is
// cut, so keywords and names come out in simplified characters.
package segment

import (
	"bufio"
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-ego/gse"

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
	gse       gse.Segmenter
	idf       map[string]float64 // gse's embedded IDF table (gse.ZhIdf)
	idfMedian float64            // IDF of a word the table lacks
	themes    map[string][]themeWord
	domain    int // entries of the domain dictionary
	pool      sync.Pool
}

// Load builds the Segmenter (about a second; do it once). It reads nothing from disk: gse's
// simplified-Chinese dictionary, its stop list and its IDF table are embedded in gse, and the
// domain dictionary and stop list are embedded here.
func Load() (*Segmenter, error) {
	s := &Segmenter{}
	domain, n, err := parseDomain(domainDict)
	if err != nil {
		return nil, fmt.Errorf("segment: domain dictionary: %w", err)
	}
	s.domain = n
	s.gse.SkipLog = true
	s.gse.NotLoadHMM = true // Annotate cuts without HMM: unknown words stay single characters
	// The domain dictionary goes first: gse keeps the first entry of a word, so ours decide.
	if err := s.gse.LoadDictStr(domain); err != nil {
		return nil, fmt.Errorf("segment: load domain dictionary: %w", err)
	}
	// zh_s: gse's simplified dictionary. Text is folded to simplified before it is cut, and
	// leaving out the traditional one saves a third of the load time and memory.
	if err := s.gse.LoadDictEmbed("zh_s"); err != nil {
		return nil, fmt.Errorf("segment: load gse dictionary: %w", err)
	}
	if err := s.gse.LoadStopEmbed(); err != nil {
		return nil, fmt.Errorf("segment: load gse stop words: %w", err)
	}
	if err := s.gse.LoadStopStr(stripComments(domainStop)); err != nil {
		return nil, fmt.Errorf("segment: load domain stop words: %w", err)
	}
	compactTokens(&s.gse)
	s.idf, s.idfMedian, err = parseIDF(gse.ZhIdf)
	if err != nil {
		return nil, fmt.Errorf("segment: IDF table: %w", err)
	}
	s.themes = themeIndex()
	s.pool.New = func() any { return newAnnotator(s) }
	return s, nil
}

// compactTokens drops what gse keeps of each dictionary word beyond its frequency and part of
// speech: its text, split into characters, and its sub-words for gse's search mode (CalcToken).
// Annotate reads words only through Dictionary.Find, which needs the trie, the frequency and
// the part of speech; the rest is about half of the loaded heap, millions of small objects that
// every garbage collection would scan again and that peak memory would count twice.
// Token.Text of seg's dictionary words is "" afterwards; Find and Cut are unchanged
// (TestCutMatchesGse).
func compactTokens(seg *gse.Segmenter) {
	toks := seg.Dict.Tokens
	for i := range toks {
		toks[i] = seg.ToToken("", toks[i].Freq(), toks[i].Pos())
	}
}

// DictSize reports the tokens of the loaded dictionary and the entries of the domain dictionary.
func (s *Segmenter) DictSize() (tokens, domain int) {
	return s.gse.Dict.NumTokens(), s.domain
}

// parseDomain checks the domain dictionary ("word freq pos" lines, # comments) and returns it
// without comments, in the form gse's LoadDictStr reads, with the number of entries.
func parseDomain(text string) (string, int, error) {
	var b strings.Builder
	n := 0
	sc := bufio.NewScanner(strings.NewReader(text))
	for line := 1; sc.Scan(); line++ {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Fields(l)
		if len(f) != 3 {
			return "", 0, fmt.Errorf("line %d: want \"word freq pos\", got %q", line, l)
		}
		if freq, err := strconv.ParseFloat(f[1], 64); err != nil || freq < 2 {
			return "", 0, fmt.Errorf("line %d: frequency %q: want a number of at least 2", line, f[1])
		}
		if utf8.RuneCountInString(f[0]) < 2 {
			return "", 0, fmt.Errorf("line %d: %q: a domain word has at least two characters", line, f[0])
		}
		b.WriteString(f[0] + " " + f[1] + " " + f[2] + "\n")
		n++
	}
	return b.String(), n, sc.Err()
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

// parseIDF reads gse's IDF table ("word idf" lines) into a map whose keys share the table's
// memory, and the median IDF, given to words the table lacks. (gse's own TagExtracter loads the
// table into a second Segmenter, about 86 MB, and never sets the median.)
func parseIDF(text string) (map[string]float64, float64, error) {
	idf := make(map[string]float64, 280000)
	vals := make([]float64, 0, 280000)
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		sp := strings.IndexByte(line, ' ')
		if sp <= 0 {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(line[sp+1:]), 64)
		if err != nil {
			continue
		}
		idf[line[:sp]] = v
		vals = append(vals, v)
	}
	if len(vals) == 0 {
		return nil, 0, fmt.Errorf("empty")
	}
	sort.Float64s(vals)
	return idf, vals[len(vals)/2], nil
}

// Annotate fills keywords, themes and organisations of b and of its problems. It never fails:
// a bulletin without problems gets bulletin keywords from its body paragraphs only.
func (s *Segmenter) Annotate(b *bulletin.Bulletin) {
	if s == nil || b == nil {
		return
	}
	a := s.pool.Get().(*annotator)
	defer s.pool.Put(a)
	a.annotate(b)
}
