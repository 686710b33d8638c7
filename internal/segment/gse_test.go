package segment

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/go-ego/gse"
)

// The reference: gse loaded as Load did before the compact table, word by word, with the domain
// dictionary first (gse keeps the first entry of a word, so ours decide), then gse's simplified
// dictionary, gse's stop list and the domain's; and gse's IDF table read line by line.
var (
	refOnce sync.Once
	refSeg  *gse.Segmenter
	refErr  error
)

func ref(tb testing.TB) *gse.Segmenter {
	tb.Helper()
	refOnce.Do(func() {
		seg := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
		ws, err := parseDomain(domainDict)
		if err != nil {
			refErr = err
			return
		}
		var b strings.Builder
		for _, w := range ws {
			b.WriteString(w.key + " " + strconv.FormatFloat(w.freq, 'f', -1, 64) + " " + w.pos + "\n")
		}
		for _, load := range []func() error{
			func() error { return seg.LoadDictStr(b.String()) },
			func() error { return seg.LoadDictEmbed("zh_s") },
			func() error { return seg.LoadStopEmbed() },
			func() error { return seg.LoadStopStr(stripComments(domainStop)) },
		} {
			if refErr = load(); refErr != nil {
				return
			}
		}
		refSeg = seg
	})
	if refErr != nil {
		tb.Fatalf("load gse: %v", refErr)
	}
	return refSeg
}

// refIDF reads gse's IDF table: the last value of a repeated word wins; the median is over all
// lines.
func refIDF() (map[string]float64, float64) {
	idf := map[string]float64{}
	var vals []float64
	for _, line := range strings.Split(gse.ZhIdf, "\n") {
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
	sort.Float64s(vals)
	return idf, vals[len(vals)/2]
}

// lookup walks w rune by rune through the lexicon's tree as the cutter does.
func lookup(lx *lexicon, w string) (freq float64, pos string, ok bool) {
	v := lx.find(w)
	if v == noNode {
		return 0, "", false
	}
	freq, pos = lx.word(v)
	return freq, pos, true
}

// TestTableMatchesGse checks the compact table and the domain dictionary over it against gse:
// every word of gse's dictionary with its frequency and part of speech, the total frequency, the
// longest word, the word count, the stop list and every IDF value with the median.
func TestTableMatchesGse(t *testing.T) {
	s, g := segmenter(t), ref(t)
	lx := s.lex
	if lx.total != g.Dict.TotalFreq() || lx.maxLen != g.Dict.MaxTokenLen() {
		t.Errorf("total %v, longest %d; gse: %v, %d", lx.total, lx.maxLen, g.Dict.TotalFreq(), g.Dict.MaxTokenLen())
	}
	if n, _ := s.DictSize(); n != g.Dict.NumTokens() {
		t.Errorf("%d words, gse %d", n, g.Dict.NumTokens())
	}
	bad := 0
	for i := range g.Dict.Tokens {
		tk := &g.Dict.Tokens[i]
		w := tk.Text()
		if !strings.ContainsFunc(w, func(r rune) bool { return !isHan(r) }) {
			// Han words are looked up rune by rune, as the cutter does.
			freq, pos, ok := lookup(lx, w)
			if !ok || freq != tk.Freq() || pos != tk.Pos() {
				t.Errorf("%q: %v %q %v; gse %v %q", w, freq, pos, ok, tk.Freq(), tk.Pos())
				bad++
			}
		} else if j := lx.t.find(w); j < 0 || lx.t.freq(j) != tk.Freq() || lx.t.posOf(j) != tk.Pos() {
			t.Errorf("%q: not in the table as gse has it", w)
			bad++
		}
		if bad > 20 {
			t.Fatal("too many differences")
		}
	}
	if len(g.StopWordMap) != len(s.stop) {
		t.Errorf("%d stop words, gse %d", len(s.stop), len(g.StopWordMap))
	}
	for w := range g.StopWordMap {
		if !s.isStop(w) {
			t.Errorf("stop word %q missing", w)
		}
	}
	idf, median := refIDF()
	if s.lex.t.median != median || s.idf("不是一个词吧") != median {
		t.Errorf("median IDF %v, gse's table %v", s.lex.t.median, median)
	}
	n := 0
	for i := range lx.t.n {
		if u16(lx.t.idf, i) != 0 {
			n++
		}
	}
	if n != len(idf) {
		t.Errorf("%d IDF values, gse's table %d", n, len(idf))
	}
	for w, v := range idf {
		if got, ok := lx.t.idfOf(w); !ok || got != v {
			t.Errorf("IDF %q: %v %v, want %v", w, got, ok, v)
			if bad++; bad > 20 {
				t.Fatal("too many differences")
			}
		}
	}
}

// TestEdgesMatchGse checks, at every character of every run of Han characters of the corpus,
// that the words the cutter's walk finds are those gse's Dictionary.Find finds walking the same
// way: same words, same frequencies, same parts of speech.
func TestEdgesMatchGse(t *testing.T) {
	s, g := segmenter(t), ref(t)
	texts := []string{readSeed(t)}
	texts = append(texts, heldoutTexts(t)...)
	probes := 0
	for _, text := range texts {
		for _, run := range strings.FieldsFunc(text, func(r rune) bool { return !isHan(r) }) {
			rs := []rune(run)
			for k := range rs {
				v := root
				for i := k; i < len(rs) && i-k < s.lex.maxLen; i++ {
					p := string(rs[k : i+1])
					v = s.lex.child(v, rs[i])
					ok := v != noNode
					var freq float64
					var pos string
					if ok {
						freq, pos = s.lex.word(v)
					}
					gf, gp, gok := g.Dict.Find([]byte(p))
					probes++
					if gok && gf > 0 && (freq != gf || pos != gp) || !gok && ok && freq > 0 || (gf <= 0 && freq > 0) {
						t.Fatalf("%q: %v %q %v; gse %v %q %v", p, freq, pos, ok, gf, gp, gok)
					}
					if !ok || !s.lex.hasKids(v) { // no longer word starts here: gse agrees there is none
						for j := i + 1; j < len(rs) && j-k < s.lex.maxLen; j++ {
							if f, _, _ := g.Dict.Find([]byte(string(rs[k : j+1]))); f > 0 {
								t.Fatalf("walk stopped at %q, gse has %q", p, string(rs[k:j+1]))
							}
						}
						break
					}
				}
			}
		}
	}
	if probes < 10000 {
		t.Errorf("only %d probes", probes)
	}
}
