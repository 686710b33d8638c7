package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// ledgerGold is the expected ledger of one fixture in testdata/ledger: per problem, the problem
// text, its category, number of measures, department, person and status.
type ledgerGold struct {
	Problems []struct {
		Text       string `json:"text"`
		Category   string `json:"category"`
		Measures   int    `json:"measures"`
		Department string `json:"department"`
		Person     string `json:"person"`
		Status     string `json:"status"`
	} `json:"problems"`
}

// TestLedgerTables reads each ledger fixture (an HTML page, a .docx, … whose problems are a
// table) and scores it against its gold: problem F1 on the text, and the share of ledger cells
// (category, measure count, department, person, status) right. The bar is the issue's: F1 ≥
// 0.95, cells ≥ 95%.
func TestLedgerTables(t *testing.T) {
	golds, _ := filepath.Glob("testdata/ledger/*.gold.json")
	if len(golds) == 0 {
		t.Fatal("no ledger fixtures")
	}
	var tp, nGold, nFound, cells, right int
	for _, g := range golds {
		base := strings.TrimSuffix(g, ".gold.json")
		var gold ledgerGold
		raw, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, &gold); err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		inputs, _ := filepath.Glob(base + ".*")
		for _, in := range inputs {
			if strings.HasSuffix(in, ".gold.json") {
				continue
			}
			if strings.HasSuffix(in, ".pdf") && (testing.Short() || raceEnabled) {
				t.Logf("%s: skipped (starts the PDF engine, about 3 s, a minute under -race)", in)
				continue
			}
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			b, err := Process(Input{Name: in, Path: in}, data, nil)
			if err != nil {
				t.Errorf("%s: %v", in, err)
				continue
			}
			// A measures cell of 1. 2. 3. lines is the table's, not a section of the bulletin.
			for _, p := range b.Problems {
				for _, m := range p.Measures {
					for _, sec := range b.Sections {
						if sec.Title == m.Text {
							t.Errorf("%s: measure %q of %s became section %s", in, m.Text, p.ID, sec.ID)
						}
					}
				}
			}
			tp0, cells0, right0 := tp, cells, right
			nGold += len(gold.Problems)
			nFound += len(b.Problems)
			found := map[string]int{}
			for k, p := range b.Problems {
				found[p.Text+p.Quote] = k
			}
			for _, gp := range gold.Problems {
				k, ok := found[gp.Text]
				if !ok {
					t.Logf("%s: missing problem %q", in, gp.Text)
					cells += 5
					continue
				}
				tp++
				p := b.Problems[k]
				for _, c := range [][2]string{
					{gp.Category, p.Category},
					{strconv.Itoa(gp.Measures), strconv.Itoa(len(p.Measures))},
					{gp.Department, p.Department},
					{gp.Person, p.Person},
					{gp.Status, p.Status},
				} {
					cells++
					if c[0] == c[1] {
						right++
					} else {
						t.Logf("%s: %q: cell %q, want %q", in, gp.Text, c[1], c[0])
					}
				}
			}
			t.Logf("%s: %d/%d problems found (%d read), cells %d/%d", in, tp-tp0, len(gold.Problems), len(b.Problems), right-right0, cells-cells0)
		}
	}
	prec, rec := ratio(tp, nFound), ratio(tp, nGold)
	f1 := 0.0
	if prec+rec > 0 {
		f1 = 2 * prec * rec / (prec + rec)
	}
	cellRate := ratio(right, cells)
	t.Logf("ledger problems F1 %.3f (P %.3f R %.3f), ledger cells %d/%d = %.3f", f1, prec, rec, right, cells, cellRate)
	if f1 < 0.95 || cellRate < 0.95 {
		t.Errorf("ledger problems F1 %.3f, cells %.3f: want both ≥ 0.95", f1, cellRate)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
