package pipeline

import (
	"encoding/json"
	"fmt"
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
		facts := "" // the header facts of the first input read; every format must give the same
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
			f := fmt.Sprintf("unit %q, inspector %q, period %s..%s, feedback %s", b.Unit, b.Inspector, b.Inspection.Start, b.Inspection.End, b.FeedbackDate)
			if facts == "" {
				facts = f
			} else if f != facts {
				t.Errorf("%s: header facts %s; the other formats give %s", in, f, facts)
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

// A ledger whose categories are rows of one cell across the table (一、…方面 between groups of
// problem rows) gives each problem the category above it, and no problem of the category rows.
func TestLedgerCategoryRows(t *testing.T) {
	page := `<html><head><meta charset="utf-8"></head><body>
<p>根据市委统一部署，市委第一巡察组对市档案馆党组进行了巡察。现将整改进展情况通报如下。</p>
<table border="1">
<tr><td>具体问题</td><td>整改措施</td><td>责任部门</td><td>整改进展</td></tr>
<tr><td colspan="4">一、政治建设方面</td></tr>
<tr><td>第一议题制度落实不到位</td><td>1.修订学习制度；2.建立台账</td><td>办公室</td><td>已完成</td></tr>
<tr><td>重大事项请示报告不及时</td><td>严格执行请示报告制度</td><td>办公室</td><td>正在整改</td></tr>
<tr><td colspan="4">二、财务管理方面</td></tr>
<tr><td>固定资产账实不符</td><td>开展资产清查</td><td>财务科</td><td>长期坚持</td></tr>
</table>
<p>监督电话：0431-88888888。</p>
</body></html>`
	b, err := Process(Input{Name: "rows.html"}, []byte(page), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ text, category string }{
		{"第一议题制度落实不到位", "一、政治建设方面"},
		{"重大事项请示报告不及时", "一、政治建设方面"},
		{"固定资产账实不符", "二、财务管理方面"},
	}
	if len(b.Problems) != len(want) {
		for _, p := range b.Problems {
			t.Logf("problem %q %q, %d measures", p.Text, p.Category, len(p.Measures))
		}
		t.Fatalf("problems = %d, want %d", len(b.Problems), len(want))
	}
	for i, w := range want {
		p := b.Problems[i]
		if p.Text != w.text || p.Category != w.category {
			t.Errorf("problem %d = %q (%q), want %q (%q)", i, p.Text, p.Category, w.text, w.category)
		}
	}
	if n := len(b.Problems[1].Measures); n != 1 {
		t.Errorf("second problem has %d measures, want 1 (a category row adds none)", n)
	}
}
