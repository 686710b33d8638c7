package quantity_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/quantity"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/quantity")

// seedGold is the gold of the user's sample, written by the evaluation helper.
var seedGold = filepath.Join("..", "..", "testdata", "gold", "yushu-wenguanglv-2024.json")

type goldMetric struct {
	Text  string  `json:"text"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
}

// score is precision, recall and F1 of found against gold, on value + unit multisets.
type score struct {
	tp, found, gold int
	missed, extra   []string
}

func (s score) f1() (p, r, f float64) {
	if s.found > 0 {
		p = float64(s.tp) / float64(s.found)
	}
	if s.gold > 0 {
		r = float64(s.tp) / float64(s.gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func key(v float64, unit string) string { return fmt.Sprintf("%g|%s", v, unit) }

// scoreText scans text paragraph by paragraph and compares with gold.
func scoreText(name, text string, gold []goldMetric) score {
	var s score
	want := map[string]int{}
	texts := map[string]string{}
	for _, g := range gold {
		want[key(g.Value, g.Unit)]++
		texts[key(g.Value, g.Unit)] = g.Text
		s.gold++
	}
	for _, line := range strings.Split(text, "\n") {
		for _, q := range quantity.Scan(fold.String(line)) {
			s.found++
			k := key(q.Value, q.Unit)
			if want[k] > 0 {
				want[k]--
				s.tp++
			} else {
				s.extra = append(s.extra, fmt.Sprintf("%s: %q (%s)", name, q.Text, k))
			}
		}
	}
	for k, n := range want {
		for ; n > 0; n-- {
			s.missed = append(s.missed, fmt.Sprintf("%s: %q (%s)", name, texts[k], k))
		}
	}
	sort.Strings(s.missed)
	return s
}

func (s *score) add(o score) {
	s.tp += o.tp
	s.found += o.found
	s.gold += o.gold
	s.missed = append(s.missed, o.missed...)
	s.extra = append(s.extra, o.extra...)
}

func readGold(t *testing.T, path string) []goldMetric {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading gold: %v", err)
	}
	var g struct {
		Metrics []goldMetric `json:"metrics"`
	}
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatalf("parsing gold %s: %v", path, err)
	}
	return g.Metrics
}

// TestSharedGold scans every raw bulletin of the shared corpus and scores the quantities
// against the gold metrics: F1 on value + unit must reach 0.97.
func TestSharedGold(t *testing.T) {
	real := testcorpus.Shared(t, "real")
	raws, _ := filepath.Glob(filepath.Join(real, "raw", "*.txt"))
	if len(raws) == 0 {
		t.Fatal("no excerpts in the shared corpus")
	}
	var total score
	for _, raw := range raws {
		name := strings.TrimSuffix(filepath.Base(raw), ".txt")
		data, err := os.ReadFile(raw)
		if err != nil {
			t.Fatal(err)
		}
		total.add(scoreText(name, string(data), readGold(t, filepath.Join(real, "gold", name+".json"))))
	}
	report(t, "shared gold", total)
}

// TestSeedGold scores the user's sample against its gold, when the evaluation helper has
// written it.
func TestSeedGold(t *testing.T) {
	if _, err := os.Stat(seedGold); err != nil {
		t.Skip("no seed gold at", seedGold)
	}
	report(t, "seed gold", scoreText("seed", testcorpus.Sample(t), readGold(t, seedGold)))
}

func report(t *testing.T, name string, s score) {
	t.Helper()
	p, r, f := s.f1()
	t.Logf("%s: %d gold, %d found, %d matched: precision %.4f recall %.4f F1 %.4f", name, s.gold, s.found, s.tp, p, r, f)
	for _, m := range s.missed {
		t.Logf("  missed %s", m)
	}
	for _, e := range s.extra {
		t.Logf("  extra  %s", e)
	}
	if f < 0.97 {
		t.Errorf("%s: F1 %.4f below 0.97", name, f)
	}
}

// TestGolden writes every quantity and date of the seed and the shared raw bulletins to
// testdata/quantity/*.golden (regenerate with -update) and compares.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testcorpus.Shared(t, "real", "raw"), "*.txt"))
	files = append([]string{testcorpus.SamplePath()}, files...)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		year := 0
		for i, line := range strings.Split(string(data), "\n") {
			line = fold.String(line)
			for _, q := range quantity.Scan(line) {
				fmt.Fprintf(&b, "%d\t%d-%d\t%s\t%s\n", i, q.Start, q.End, format(q), q.Kind)
			}
			for _, d := range quantity.ScanDates(line, year) {
				fmt.Fprintf(&b, "%d\t%d-%d\tdate %q %s %s inferred=%v garbled=%v\n", i, d.Start, d.Stop, d.Text, d.Date, d.End, d.Inferred, d.Garbled)
				if d.HasYear() {
					year = yearOf(d.Date)
				}
			}
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		if strings.HasPrefix(name, "yushu") {
			name = "seed"
		}
		golden := filepath.Join("..", "..", "testdata", "quantity", name+".golden")
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if string(want) != b.String() {
			t.Errorf("%s: output differs from %s (run go test -update and review the diff)\n%s", name, golden, b.String())
		}
	}
}

func yearOf(iso string) int {
	y := 0
	for _, r := range iso[:4] {
		y = y*10 + int(r-'0')
	}
	return y
}

// TestVariantGold scores the project's own variant bulletins (corpus/variant-*.txt, written
// for the other stages) against their gold in testdata/gold, where the text is plain UTF-8.
func TestVariantGold(t *testing.T) {
	golds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "gold", "variant-*.json"))
	if len(golds) == 0 {
		t.Skip("no variant gold")
	}
	var total score
	for _, g := range golds {
		name := strings.TrimSuffix(filepath.Base(g), ".json")
		data, err := os.ReadFile(filepath.Join("..", "..", "corpus", name+".txt"))
		if err != nil {
			continue // html and docx variants need ingest
		}
		if len(data) >= 2 && data[0] == 0xFF && data[1] == 0xFE {
			u := make([]uint16, 0, len(data)/2)
			for i := 2; i+1 < len(data); i += 2 {
				u = append(u, uint16(data[i])|uint16(data[i+1])<<8)
			}
			data = []byte(string(utf16.Decode(u)))
		}
		if !utf8.Valid(data) {
			continue
		}
		total.add(scoreText(name, string(data), readGold(t, g)))
	}
	report(t, "variant gold", total)
}
