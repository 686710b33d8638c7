package gen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestDeterministic(t *testing.T) {
	a, b := Generate(30, 42), Generate(30, 42)
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("doc %d differs between two runs with the same seed", i)
		}
		if one := One(i, 42); !bytes.Equal(one.Data, a[i].Data) {
			t.Fatalf("One(%d) differs from Generate()[%d]", i, i)
		}
	}
	if c := Generate(30, 43); bytes.Equal(c[0].Data, a[0].Data) && bytes.Equal(c[1].Data, a[1].Data) {
		t.Error("another seed gave the same bulletins")
	}
}

// text decodes a doc back to a string.
func text(t *testing.T, d Doc) string {
	t.Helper()
	switch d.Encoding {
	case "gb18030":
		s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(d.Data)
		if err != nil {
			t.Fatalf("%s: %v", d.Name, err)
		}
		return string(s)
	case "utf-8-bom":
		if !bytes.HasPrefix(d.Data, []byte("\ufeff")) {
			t.Fatalf("%s: no BOM", d.Name)
		}
	}
	return string(d.Data)
}

func TestVariedAndTruthful(t *testing.T) {
	count := map[string]int{}
	minP, maxP := 100, 0
	for _, d := range Generate(300, 1) {
		s := text(t, d)
		count["style "+d.Style]++
		count["format "+d.Format]++
		count["encoding "+d.Encoding]++
		count["unit "+d.Unit]++
		minP, maxP = min(minP, len(d.Problems)), max(maxP, len(d.Problems))
		if !strings.HasSuffix(d.Name, "."+d.Format) {
			t.Errorf("%s: name does not end in .%s", d.Name, d.Format)
		}
		if d.Format == "html" && !strings.Contains(s, `<meta name="ArticleTitle" content="`+d.Title+`">`) {
			t.Errorf("%s: page without its ArticleTitle", d.Name)
		}
		opening := fmt.Sprintf("%s对%s进行了巡察", d.Inspector, d.Unit)
		if !strings.Contains(s, opening) {
			t.Errorf("%s: no opening %q", d.Name, opening)
		}
		// Every problem is in the text exactly as recorded, once, in order.
		at := 0
		for _, p := range d.Problems {
			var lead string
			if d.Style == StyleLabelled {
				lead = "关于“" + p + "”问题"
			} else {
				lead = "针对“" + p + "”问题。"
			}
			k := strings.Index(s[at:], lead)
			if k < 0 {
				t.Fatalf("%s: problem %q not found after offset %d", d.Name, p, at)
			}
			at += k + len(lead)
		}
		numbered := 0
		for _, o := range cnOrdinals {
			for _, a := range actions {
				numbered += strings.Count(s, o+"是"+a)
			}
		}
		if numbered != d.Measures {
			t.Errorf("%s: %d numbered measures in the text, Doc says %d", d.Name, numbered, d.Measures)
		}
		if d.Declared && !strings.Contains(s, fmt.Sprintf("反馈的%d个具体问题，已完成整改%d个", len(d.Problems), len(d.Problems))) {
			t.Errorf("%s: declared totals missing", d.Name)
		}
	}
	for _, k := range []string{"style quoted", "style paras", "style labelled", "format txt", "format html", "encoding utf-8", "encoding utf-8-bom", "encoding gb18030"} {
		if count[k] < 10 {
			t.Errorf("%s: %d of 300 docs, want a fair share", k, count[k])
		}
	}
	units := 0
	for k := range count {
		if strings.HasPrefix(k, "unit ") {
			units++
		}
	}
	if units < 15 || minP > 1 || maxP < 19 {
		t.Errorf("%d units, problems %d..%d; want many units and 1..20 problems", units, minP, maxP)
	}
}

func TestWriteDir(t *testing.T) {
	dir := t.TempDir()
	n, err := WriteDir(dir, 5, 3)
	if err != nil {
		t.Fatal(err)
	}
	var total int64
	for i, d := range Generate(5, 3) {
		data, err := os.ReadFile(filepath.Join(dir, d.Name))
		if err != nil || !bytes.Equal(data, d.Data) {
			t.Errorf("file %d (%s) differs from Generate: %v", i, d.Name, err)
		}
		total += int64(len(d.Data))
	}
	if n != total {
		t.Errorf("WriteDir reported %d bytes, wrote %d", n, total)
	}
}
