package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPDFLikeText reads each text PDF in testdata/pdf (printed by LibreOffice from the corpus
// bulletin of the same name, see testdata/pdf/README.md) and compares it with the bulletin read
// from the text: problems (F1 on quote or text) and header facts must come out the same. The
// issue's bar: problem F1 ≥ 0.95, header facts equal.
func TestPDFLikeText(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("starts the PDF engine (about 3 s, a minute under -race)")
	}
	pdfs, _ := filepath.Glob("testdata/pdf/*.pdf")
	var tp, nText, nPDF, facts, same int
	for _, in := range pdfs {
		name := strings.TrimSuffix(filepath.Base(in), ".pdf")
		txtPath := filepath.Join("..", "..", "corpus", name+".txt")
		txt, err := os.ReadFile(txtPath)
		if err != nil {
			continue // scanned.pdf and others without a text twin
		}
		data, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		fromPDF, err := Process(Input{Name: in, Path: in}, data, nil)
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		fromText, err := Process(Input{Name: txtPath, Path: txtPath}, txt, nil)
		if err != nil {
			t.Fatal(err)
		}
		if fromPDF.Source.Format != "pdf" {
			t.Errorf("%s: format %q", in, fromPDF.Source.Format)
		}
		want := map[string]bool{}
		for _, p := range fromText.Problems {
			want[p.Quote+"|"+p.Text] = true
		}
		nText += len(fromText.Problems)
		nPDF += len(fromPDF.Problems)
		for _, p := range fromPDF.Problems {
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
			{"unit", fromText.Unit, fromPDF.Unit},
			{"inspector", fromText.Inspector, fromPDF.Inspector},
			{"start", string(fromText.Inspection.Start), string(fromPDF.Inspection.Start)},
			{"feedback", string(fromText.FeedbackDate), string(fromPDF.FeedbackDate)},
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
		t.Fatal("no PDF with a text twin")
	}
	prec, rec := ratio(tp, nPDF), ratio(tp, nText)
	f1 := 0.0
	if prec+rec > 0 {
		f1 = 2 * prec * rec / (prec + rec)
	}
	t.Logf("PDF vs text: problems F1 %.3f (P %.3f R %.3f), header facts %d/%d", f1, prec, rec, same, facts)
	if f1 < 0.95 || ratio(same, facts) < 0.95 {
		t.Errorf("PDF vs text: problems F1 %.3f, facts %d/%d: want ≥ 0.95", f1, same, facts)
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
