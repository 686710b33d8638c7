package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/ingest"
)

// TestPDFLikeText reads each text PDF in testdata/pdf (printed by LibreOffice from the corpus
// bulletin of the same name, see testdata/pdf/README.md) and compares it with the bulletin read
// from the text: problems (F1 on quote or text) and header facts must come out the same. The
// issue's bar: problem F1 ≥ 0.95, header facts equal.
func TestPDFLikeText(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("starts the PDF engine (about 3 s, a minute under -race)")
	}
	likeText(t, "pdf", "testdata/pdf/*.pdf", filepath.Join("..", "..", "corpus"))
}

// TestDocLikeText does the same for Word 97-2003 files printed by LibreOffice from the held-out
// bulletins (testdata/doc/README.md).
func TestDocLikeText(t *testing.T) {
	likeText(t, "doc", "testdata/doc/*.doc", filepath.Join("..", "..", "testdata", "heldout"))
}

// likeText reads every file of pattern and its text twin (NAME.txt in twins) and compares
// problems and header facts.
func likeText(t *testing.T, format, pattern, twins string) {
	files, _ := filepath.Glob(pattern)
	var tp, nText, nOther, facts, same int
	for _, in := range files {
		name := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
		txtPath := filepath.Join(twins, name+".txt")
		txt, err := os.ReadFile(txtPath)
		if err != nil {
			continue // scanned.pdf and others without a text twin
		}
		data, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		fromFile, err := Process(Input{Name: in, Path: in}, data, nil)
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		fromText, err := Process(Input{Name: txtPath, Path: txtPath}, txt, nil)
		if err != nil {
			t.Fatal(err)
		}
		if fromFile.Source.Format != format {
			t.Errorf("%s: format %q", in, fromFile.Source.Format)
		}
		want := map[string]bool{}
		for _, p := range fromText.Problems {
			want[p.Quote+"|"+p.Text] = true
		}
		nText += len(fromText.Problems)
		nOther += len(fromFile.Problems)
		for _, p := range fromFile.Problems {
			if want[p.Quote+"|"+p.Text] {
				tp++
				delete(want, p.Quote+"|"+p.Text)
			} else {
				t.Logf("%s: extra problem %q%q", in, p.Quote, p.Text)
			}
		}
		for k := range want {
			t.Logf("%s: missing problem %q", in, k)
		}
		for _, f := range [][3]string{
			{"unit", fromText.Unit, fromFile.Unit},
			{"inspector", fromText.Inspector, fromFile.Inspector},
			{"start", string(fromText.Inspection.Start), string(fromFile.Inspection.Start)},
			{"feedback", string(fromText.FeedbackDate), string(fromFile.FeedbackDate)},
		} {
			facts++
			if f[1] == f[2] {
				same++
			} else {
				t.Logf("%s: %s %q, text gives %q", in, f[0], f[2], f[1])
			}
		}
	}
	if nText == 0 {
		t.Fatalf("no %s with a text twin", format)
	}
	prec, rec := ratio(tp, nOther), ratio(tp, nText)
	f1 := 0.0
	if prec+rec > 0 {
		f1 = 2 * prec * rec / (prec + rec)
	}
	t.Logf("%s vs text: problems F1 %.3f (P %.3f R %.3f), header facts %d/%d", format, f1, prec, rec, same, facts)
	if f1 < 0.95 || ratio(same, facts) < 0.95 {
		t.Errorf("%s vs text: problems F1 %.3f, facts %d/%d: want ≥ 0.95", format, f1, same, facts)
	}
}

// A PDF whose page is only a picture is refused with its own reason, never read as empty.
func TestScannedPDF(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("starts the PDF engine (about 3 s, a minute under -race)")
	}
	data, err := os.ReadFile("testdata/pdf/scanned.pdf")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Process(Input{Name: "scanned.pdf"}, data, nil)
	if err == nil || !strings.Contains(err.Error(), "扫描件，无文字层（需先OCR）") {
		t.Fatalf("err = %v, want the scanned-PDF reason", err)
	}
}

// A PDF of prose (no ruling lines) gives no tables: reading tables changes nothing for it.
func TestPDFProseHasNoTables(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("starts the PDF engine (about 3 s, a minute under -race)")
	}
	pdfs, _ := filepath.Glob("testdata/pdf/variant-*.pdf")
	if len(pdfs) == 0 {
		t.Fatal("no text PDFs")
	}
	for _, in := range pdfs {
		data, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Process(Input{Name: in, Path: in}, data, nil)
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if len(b.Tables) != 0 {
			t.Errorf("%s: %d tables, want none", in, len(b.Tables))
		}
	}
}

// onePathTablePDF is a one-page PDF whose table grid is a single stroked path of many
// segments (as some producers draw it) and whose first column's cell spans the last two rows
// (no rule between them there). With inForm the grid is drawn by a form XObject whose own
// matrix and the page's cm cancel out (both must be applied to find the grid).
func onePathTablePDF(inForm bool) []byte {
	grid := "20 180 m 260 180 l 20 150 m 260 150 l 100 120 m 260 120 l 20 90 m 260 90 l " +
		"20 180 m 20 90 l 100 180 m 100 90 l 180 180 m 180 90 l 260 180 m 260 90 l S"
	form := ""
	if inForm {
		form = fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 300 200] /Matrix [1 0 0 1 10 0] /Length %d >>\nstream\n%s\nendstream", len(grid), grid)
		grid = "q 1 0 0 1 -10 0 cm /Fm1 Do Q"
	}
	text := "BT /F1 10 Tf 24 160 Td (Kind) Tj 80 0 Td (Problem) Tj 80 0 Td (Measure) Tj ET " +
		"BT /F1 10 Tf 24 115 Td (Alpha) Tj ET " +
		"BT /F1 10 Tf 104 130 Td (First problem) Tj 80 0 Td (Fix it) Tj ET " +
		"BT /F1 10 Tf 104 100 Td (Second) Tj 80 0 Td (Do more) Tj ET " +
		"BT /F1 10 Tf 24 40 Td (After the table.) Tj ET"
	content := grid + "\n" + text
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	if inForm {
		objs = append(objs, form)
	}
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return []byte(b.String())
}

// A table whose grid is one path of many segments is read as a grid, its merged cell carried,
// and the text below it stays a paragraph; the same when the grid is drawn by a form XObject.
func TestPDFGridOnePath(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("starts the PDF engine (about 3 s, a minute under -race)")
	}
	for _, inForm := range []bool{false, true} {
		t.Run(fmt.Sprintf("form=%v", inForm), func(t *testing.T) { checkOnePathTable(t, onePathTablePDF(inForm)) })
	}
}

func checkOnePathTable(t *testing.T, pdf []byte) {
	doc, err := ingest.Read("grid.pdf", pdf)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tables) != 1 {
		t.Fatalf("%d tables, want 1; paragraphs %q", len(doc.Tables), doc.Paragraphs)
	}
	var got [][]string
	for _, row := range doc.Tables[0].Rows {
		var cells []string
		for _, c := range row {
			s := c.Text
			if c.Spanned {
				s += "*"
			}
			cells = append(cells, s)
		}
		got = append(got, cells)
	}
	want := [][]string{{"Kind", "Problem", "Measure"}, {"Alpha", "First problem", "Fix it"}, {"Alpha*", "Second", "Do more"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("grid %q, want %q", got, want)
	}
	if n := len(doc.Paragraphs); n == 0 || doc.Paragraphs[n-1] != "After the table." {
		t.Errorf("paragraphs %q: want the text after the table last", doc.Paragraphs)
	}
}
