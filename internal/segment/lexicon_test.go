package segment

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestChildMatchesSearch checks the lexicon's shortcuts (first, for a first character of the
// CJK block, and pairs, for a second character, each with the copy of its node's frequency (its
// logarithm in first) and children) against the plain search of a node's children: every node
// is found from its parent, and every probe of a walk over the corpora, found or not, gives the
// same node both ways.
func TestChildMatchesSearch(t *testing.T) {
	lx := segmenter(t).lex
	for v := uint32(0); v+1 < uint32(len(lx.nodes)); v++ {
		for c := lx.nodes[v].kids; c < lx.nodes[v+1].kids; c++ {
			if got := lx.child(v, lx.nodes[c].r); got != c {
				t.Fatalf("child %d of %d (%q): found %d", c, v, lx.nodes[c].r, got)
			}
		}
	}
	for r := rune(hanLo); r < hanHi; r++ {
		f, v := lx.first[r-hanLo], lx.search(root, r)
		want := firstChar{}
		if v != noNode {
			want = firstChar{node: v, kids: lx.hasKids(v)}
			if n := lx.nodes[v].freq; n > 0 {
				want.word, want.logFreq = true, math.Log(float64(n))
			}
		}
		if f != want {
			t.Fatalf("%q: first %+v, node %d", r, f, v)
		}
	}
	pairs := 0
	for _, p := range lx.pairs {
		if p.key == 0 {
			continue
		}
		pairs++
		v := p.node()
		lo, end := lx.children(&p)
		if p.freq != lx.nodes[v].freq || (p.kids != 0) != lx.hasKids(v) || p.kids != 0 && (lo != lx.nodes[v].kids || end != lx.nodes[v+1].kids) || p.key>>pairBits != pairKey(lx.nodes[lx.parent(v)].r, lx.nodes[v].r) {
			t.Fatalf("pair slot %+v: node %d %+v", p, v, lx.nodes[v])
		}
	}
	if l2, l3 := lx.nodes[1].kids, lx.nodes[lx.nodes[1].kids].kids; pairs != int(l3-l2) {
		t.Fatalf("%d pair slots, %d nodes of two characters", pairs, l3-l2)
	}
	texts := []string{readSeed(t)}
	texts = append(texts, heldoutTexts(t)...)
	probes := 0
	for _, text := range texts {
		for _, run := range strings.FieldsFunc(text, func(r rune) bool { return !isHan(r) }) {
			rs := []rune(run)
			for k := range rs {
				v := root
				for i := k; i < len(rs) && v != noNode; i++ {
					got, want := lx.child(v, rs[i]), lx.search(v, rs[i])
					if got != want {
						t.Fatalf("%q: child %d, search %d", string(rs[k:i+1]), got, want)
					}
					probes++
					v = got
				}
			}
		}
	}
	if probes < 10000 {
		t.Errorf("only %d probes", probes)
	}
}

// TestDecodeRune checks decodeRune against utf8.DecodeRuneInString over every sequence of
// three bytes that starts like a three-byte character, and short and mixed inputs.
func TestDecodeRune(t *testing.T) {
	var b [4]byte
	for b0 := 0xE0; b0 <= 0xEF; b0++ {
		for b1 := range 256 {
			for b2 := range 256 {
				b[0], b[1], b[2], b[3] = byte(b0), byte(b1), byte(b2), 'x'
				for _, s := range []string{string(b[:3]), string(b[:])} {
					r, n := decodeRune(s)
					wr, wn := utf8.DecodeRuneInString(s)
					if r != wr || n != wn {
						t.Fatalf("% x: %U %d, utf8 %U %d", s, r, n, wr, wn)
					}
				}
			}
		}
	}
	for _, s := range []string{"", "a", "\xe4", "\xe4\xb8", "中", "中文", "\xf0\x9f\x98\x80", "\xed\xa0\x80", "\xe0\x80\x80"} {
		r, n := decodeRune(s)
		if wr, wn := utf8.DecodeRuneInString(s); r != wr || n != wn {
			t.Errorf("%q: %U %d, utf8 %U %d", s, r, n, wr, wn)
		}
	}
}

func FuzzDecodeRune(f *testing.F) {
	for _, s := range []string{"", "中", "\xed\xa0\x80x", "\xe0\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, n := decodeRune(s)
		if wr, wn := utf8.DecodeRuneInString(s); r != wr || n != wn {
			t.Errorf("%q: %U %d, utf8 %U %d", s, r, n, wr, wn)
		}
	})
}

// TestNodeTags checks the tags Load puts on the lexicon's nodes against the maps they stand
// for, over every token of the corpora and every theme and stop word: the theme words of a token,
// whether it is a keyword (which reads the stop tag and the part of speech the token carries),
// whether it may sit inside a name or is an organisation's head, and the other flags of its part
// of speech.
func TestNodeTags(t *testing.T) {
	s := segmenter(t)
	c := newCutter(s.lex)
	words := []string{readSeed(t)}
	for w := range s.themes {
		words = append(words, w)
	}
	for w := range s.stop {
		words = append(words, w)
	}
	for w := range nameStops {
		words = append(words, w)
	}
	for _, sf := range orgSuffixes {
		words = append(words, sf.suffix, "市"+sf.suffix, "榆树"+sf.suffix)
	}
	words = append(words, heldoutTexts(t)...)
	tokens := 0
	for _, text := range words {
		for _, tk := range c.cut(text) {
			tokens++
			if got, want := s.themeWords(tk), s.themes[tk.Text]; !slices.Equal(got, want) {
				t.Fatalf("%q: theme words %v, want %v", tk.Text, got, want)
			}
			want := tk.Han && utf8.RuneCountInString(tk.Text) >= 2 && !notKeywordPos[s.lex.posNames[tk.pos]] && !s.isStop(tk.Text) &&
				strings.ContainsFunc(tk.Text, func(r rune) bool { return !strings.ContainsRune(quantityRunes, r) })
			pos := s.lex.posNames[tk.pos]
			if got := s.keyword(tk); got != want {
				t.Fatalf("%q (%s): keyword %v, want %v", tk.Text, pos, got, want)
			}
			if got, want := nameable(tk), tk.Han && !nameStops[tk.Text] && !stopPos[pos]; got != want {
				t.Fatalf("%q (%s): nameable %v, want %v", tk.Text, pos, got, want)
			}
			if got, want := [3]bool{tk.flags&posNumeral != 0, tk.flags&posPlace != 0, tk.flags&posOrg != 0}, [3]bool{pos == "m", pos == "ns", pos == "nt"}; got != want {
				t.Fatalf("%q (%s): numeral, place, organisation %v, want %v", tk.Text, pos, got, want)
			}
			head, isHead := orgSuffix{}, false
			for _, sf := range orgSuffixes {
				if tk.Han && strings.HasSuffix(tk.Text, sf.suffix) {
					head, isHead = sf, true
					break
				}
			}
			if got, ok := orgHead(tk); got != head || ok != isHead {
				t.Fatalf("%q: organisation head %v %v, want %v %v", tk.Text, got, ok, head, isHead)
			}
			if got, want := lastRune(tk.Text), func() rune { r, _ := utf8.DecodeLastRuneInString(tk.Text); return r }(); got != want {
				t.Fatalf("%q: last rune %q, want %q", tk.Text, got, want)
			}
		}
	}
	if tokens < 5000 {
		t.Errorf("only %d tokens", tokens)
	}
}

// TestKeep checks keep, candidate by candidate, against a stable sort of all the candidates by
// weight, over random weights with many ties.
func TestKeep(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		m, n := rng.IntN(40), []int{0, 1, 3, 10, 20}[trial%5]
		var all, kws []ranked
		for i := range m {
			r := ranked{term: int32(i), weight: float64(rng.IntN(6)) / 4}
			all = append(all, r)
			kws = keep(kws, r, n)
		}
		sort.SliceStable(all, func(i, j int) bool { return all[i].weight > all[j].weight })
		if want := all[:min(n, m)]; !slices.Equal(kws, want) {
			t.Fatalf("%d candidates, %d kept: %v, want %v", m, n, kws, want)
		}
	}
}

// parent returns the parent of node v > 0 (a search over the nodes' first children).
func (lx *lexicon) parent(v uint32) uint32 {
	return uint32(sort.Search(len(lx.nodes), func(u int) bool { return lx.nodes[u].kids > v })) - 1
}
