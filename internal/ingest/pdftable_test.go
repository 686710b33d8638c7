package ingest

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

// gridRules draws the rules of a table with column edges xs and row edges ys (top first),
// leaving out the vertical rule at xs[k] in the rows listed in openV[k] and the horizontal rule
// at ys[r] in the columns listed in openH[r]: each border is drawn cell by cell, as printers
// do.
func gridRules(xs, ys []float64, openV, openH map[int][]int) (h, v []pdfSeg) {
	skip := func(list []int, i int) bool {
		for _, x := range list {
			if x == i {
				return true
			}
		}
		return false
	}
	for r, y := range ys {
		for c := 0; c+1 < len(xs); c++ {
			if !skip(openH[r], c) {
				h = append(h, pdfSeg{y, xs[c], xs[c+1]})
			}
		}
	}
	for k, x := range xs {
		for r := 0; r+1 < len(ys); r++ {
			if !skip(openV[k], r) {
				v = append(v, pdfSeg{x, ys[r+1], ys[r]})
			}
		}
	}
	return h, v
}

// cjkRun is a run of CJK text at (left, top), 10 points a character, with its characters.
func cjkRun(text string, left, top float64) pdfRun {
	run := pdfRun{text: text, left: left, top: top, bottom: top - 10}
	x := left
	for _, r := range text {
		run.chars = append(run.chars, pdfRun{text: string(r), left: x, right: x + 10, top: top, bottom: top - 10})
		x += 10
	}
	run.right = x
	return run
}

// A ledger drawn with rules: the header, a category merged over two rows (no rule between
// them in its column), a measures cell wrapped over two lines and one of two items, and a
// run drawn across two cells.
func TestPDFGrid(t *testing.T) {
	xs := []float64{50, 100, 200, 300}
	ys := []float64{700, 680, 640, 600}
	h, v := gridRules(xs, ys, nil, map[int][]int{2: {0}})
	runs := []pdfRun{
		cjkRun("标题", 50, 750),
		cjkRun("类别", 52, 695), cjkRun("存在问题", 102, 695), cjkRun("整改措施", 202, 695),
		cjkRun("党建", 52, 670),
		cjkRun("问题甲", 102, 670),
		cjkRun("一是开展专项排查；", 202, 675), cjkRun("二是建立台账", 202, 660),
		cjkRun("第一行写满了九个字", 202, 630), cjkRun("接着写", 202, 618),
		cjkRun("问题乙", 102, 630),
		cjkRun("正文", 50, 560),
	}
	// 问题乙 and a cell's text drawn as one run: the characters are cut at the rule.
	runs = append(runs, cjkRun("丙丙丙丙丙丁丁", 150, 650))
	blocks := pdfPageBlocks(runs, h, v, 600)
	var texts []string
	var tb *pdfTable
	for _, b := range blocks {
		if b.table != nil {
			tb = b.table
			texts = append(texts, "<table>")
			continue
		}
		texts = append(texts, b.text)
	}
	if want := []string{"标题", "<table>", "正文"}; !reflect.DeepEqual(texts, want) {
		t.Fatalf("blocks %q, want %q", texts, want)
	}
	got, ok := tb.grid()
	if !ok {
		t.Fatal("no grid")
	}
	want := []string{
		"类别|存在问题|整改措施",
		"党建|问题甲\n丙丙丙丙丙|一是开展专项排查；\n二是建立台账\n丁丁",
		"^党建|问题乙|第一行写满了九个字接着写",
	}
	if !reflect.DeepEqual(gridText(got), want) {
		t.Errorf("grid\n%q\nwant\n%q", gridText(got), want)
	}
	// Each cell's text is in the paragraphs once.
	paras := pdfParagraphs([][]pdfLine{blocks})
	joined := strings.Join(paras, "|")
	for _, s := range []string{"党建", "问题乙", "第一行写满了九个字接着写", "二是建立台账"} {
		if strings.Count(joined, s) != 1 {
			t.Errorf("%q appears %d times in paragraphs %q", s, strings.Count(joined, s), paras)
		}
	}
}

// Without crossing rules (none, or only horizontal ones: a three-line table) a page reads as
// lines, as before tables were read.
func TestPDFNoRules(t *testing.T) {
	runs := []pdfRun{cjkRun("第一行", 50, 700), cjkRun("第二行", 50, 680)}
	want := pdfLines(append([]pdfRun(nil), runs...))
	for _, c := range []struct {
		name string
		h, v []pdfSeg
	}{
		{"none", nil, nil},
		{"horizontal only", []pdfSeg{{710, 40, 300}, {690, 40, 300}, {670, 40, 300}}, nil},
		{"a box", []pdfSeg{{710, 40, 300}, {670, 40, 300}}, []pdfSeg{{40, 670, 710}, {300, 670, 710}}},
	} {
		got := pdfPageBlocks(append([]pdfRun(nil), runs...), c.h, c.v, 600)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %+v, want %+v", c.name, got, want)
		}
	}
}

// A table continued on the next page: the header repeated there is dropped, a category merged
// over rows that the break cut carries on, and a row cut by the break (no 序号 of its own)
// continues the row above.
func TestPDFTableAcrossPages(t *testing.T) {
	xs := []float64{50, 80, 150, 250}
	page1H, page1V := gridRules(xs, []float64{700, 680, 600}, nil, nil)
	page1 := pdfPageBlocks([]pdfRun{
		cjkRun("序号", 52, 695), cjkRun("类别", 82, 695), cjkRun("存在问题", 152, 695),
		cjkRun("1", 52, 670), cjkRun("党建", 82, 670), cjkRun("问题甲的前", 152, 670),
	}, page1H, page1V, 600)
	// Page 2: header, the rest of row 1, row 2; the category column is merged over both.
	page2H, page2V := gridRules(xs, []float64{800, 780, 760, 740}, nil, map[int][]int{2: {1}})
	page2 := pdfPageBlocks([]pdfRun{
		cjkRun("序号", 52, 795), cjkRun("类别", 82, 795), cjkRun("存在问题", 152, 795),
		cjkRun("半句", 152, 775),
		cjkRun("2", 52, 755), cjkRun("问题乙", 152, 755),
	}, page2H, page2V, 600)
	pages := joinPDFTables([][]pdfLine{page1, page2})
	tables := pdfDocTables(pages)
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	want := []string{
		"序号|类别|存在问题",
		"1|党建|问题甲的前半句",
		"2|^党建|问题乙",
	}
	if got := gridText(tables[0]); !reflect.DeepEqual(got, want) {
		t.Errorf("joined\n%q\nwant\n%q", got, want)
	}
	paras := pdfParagraphs(pages)
	if strings.Count(strings.Join(paras, "|"), "序号") != 1 || !strings.Contains(strings.Join(paras, "|"), "问题甲的前半句") {
		t.Errorf("paragraphs %q: want the header once and the cut sentence whole", paras)
	}
}

// Rules: thin boxes are rules, double lines and cell-by-cell pieces merge into one line.
func TestPDFRules(t *testing.T) {
	if _, hz, ok := pdfRuleOf(10, 100, 200, 100.5); !ok || !hz {
		t.Error("a thin wide box is a horizontal rule")
	}
	if _, hz, ok := pdfRuleOf(10, 100, 10.5, 300); !ok || hz {
		t.Error("a thin tall box is a vertical rule")
	}
	if _, _, ok := pdfRuleOf(10, 100, 60, 150); ok {
		t.Error("a box is not a rule")
	}
	got := mergeSegs([]pdfSeg{{100, 10, 50}, {100.5, 50, 90}, {100.2, 120, 150}, {300, 10, 20}})
	want := []pdfSeg{{100.23333333333333, 10, 90}, {100.23333333333333, 120, 150}, {300, 10, 20}}
	if len(got) != len(want) {
		t.Fatalf("merged %v, want %v", got, want)
	}
	for k := range got {
		if got[k].from != want[k].from || got[k].to != want[k].to || got[k].at-want[k].at > 0.01 || want[k].at-got[k].at > 0.01 {
			t.Errorf("merged %v, want %v", got, want)
		}
	}
}

// FuzzPDFTable draws rules and runs from the input (each 5 bytes a rule or a run of text) and
// checks that the page reads without panicking and that every character of every run comes
// out once, in a line or in a table's paragraphs: nothing read is lost or doubled.
func FuzzPDFTable(f *testing.F) {
	f.Add([]byte{0, 10, 10, 200, 0, 0, 10, 50, 200, 0, 1, 10, 10, 50, 0, 1, 200, 10, 50, 0, 1, 100, 10, 50, 0, 2, 20, 40, 3, 1, 2, 120, 40, 2, 2, 2, 20, 20, 4, 3})
	f.Fuzz(func(t *testing.T, data []byte) {
		var h, v []pdfSeg
		var runs []pdfRun
		want := map[rune]int{}
		for i := 0; i+5 <= len(data) && i < 5*400; i += 5 {
			a, b, c, d := float64(data[i+1]), float64(data[i+2]), float64(data[i+3]), data[i+4]
			switch data[i] % 3 {
			case 0:
				h = append(h, pdfSeg{a, math.Min(b, c), math.Max(b, c)})
			case 1:
				v = append(v, pdfSeg{a, math.Min(b, c), math.Max(b, c)})
			default:
				text := strings.Repeat(string(rune('甲'+int(d%8))), 1+int(d%5))
				for _, r := range text {
					want[r]++
				}
				runs = append(runs, cjkRun(text, a, b))
			}
		}
		blocks := pdfPageBlocks(runs, h, v, 255)
		got := map[rune]int{}
		for _, p := range pdfParagraphs([][]pdfLine{blocks}) {
			for _, r := range p {
				if r != ' ' && r != '\n' {
					got[r]++
				}
			}
		}
		if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("characters out %v, in %v", got, want)
		}
	})
}
