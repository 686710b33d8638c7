package ingest

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// checkDocument asserts what every successful Read promises.
func checkDocument(t *testing.T, doc *Document) {
	t.Helper()
	switch doc.Format {
	case FormatTxt, FormatHTML, FormatDocx, FormatDoc, FormatPDF:
	default:
		t.Fatalf("format %q", doc.Format)
	}
	switch doc.Encoding {
	case EncUTF8, EncUTF8BOM, EncUTF16LE, EncUTF16BE, EncGB18030, EncBig5:
	default:
		t.Fatalf("encoding %q", doc.Encoding)
	}
	if doc.PublishDate != "" && len(doc.PublishDate) != len("2006-01-02") {
		t.Fatalf("publish date %q", doc.PublishDate)
	}
	for i, p := range doc.Paragraphs {
		if p == "" || strings.TrimFunc(p, isTrimSpace) != p {
			t.Fatalf("paragraph %d not trimmed: %q", i, p)
		}
		if strings.ContainsAny(p, "\r\n") {
			t.Fatalf("paragraph %d holds a line break: %q", i, p)
		}
		if !utf8.ValidString(p) {
			t.Fatalf("paragraph %d is not valid UTF-8: %q", i, p)
		}
	}
	if !utf8.ValidString(doc.Title) {
		t.Fatalf("title is not valid UTF-8: %q", doc.Title)
	}
}

func FuzzRead(f *testing.F) {
	f.Add("a.txt", []byte("当前位置: 首页 > 巡视巡察\n关于巡察整改进展情况的通报\n时间:2020-11-16 17:06\n根据市委统一部署。"))
	f.Add("a.html", []byte(`<html><body><div class="TRS_Editor"><p>根据市委统一部署</p></div></body></html>`))
	// Word files, legacy and new, with a ledger table (no real PDF here: the PDF engine takes
	// seconds to start, more than a minute under -race; the PDF tests run it).
	for _, p := range []string{"../pipeline/testdata/ledger/ledger-a.doc", "../pipeline/testdata/ledger/ledger-b.doc", "../pipeline/testdata/ledger/ledger-b.docx"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(filepath.Base(p), data)
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		doc, err := Read(name, data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		checkDocument(t, doc)
	})
}

// FuzzDocx fuzzes the Word reader's XML handling: the inputs become document.xml and
// numbering.xml of a well-formed archive (mutating zip bytes mostly just breaks checksums).
func FuzzDocx(f *testing.F) {
	f.Add(`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>加强领导</w:t></w:r></w:p>`, bulletinNumbering)
	f.Add(`<w:p><w:r><w:t>一</w:t><w:br/><w:tab/><w:t>二</w:t></w:r></w:p>`, "")
	f.Fuzz(func(t *testing.T, body, numbering string) {
		data, err := zipPartsMethod(zip.Store, func(add func(string, []byte) error) error {
			if err := add("word/document.xml", []byte(`<w:document `+docxNS+`><w:body>`+body+`</w:body></w:document>`)); err != nil {
				return err
			}
			return add("word/numbering.xml", []byte(`<w:numbering `+docxNS+`>`+numbering+`</w:numbering>`))
		})
		if err != nil {
			t.Fatal(err)
		}
		doc, err := readDocx(data)
		if err != nil {
			return
		}
		checkDocument(t, doc)
	})
}

// TestWriteFuzzSeeds writes the seed corpora in testdata/fuzz with -update. The seeds are made
// here (never copied from the shared corpus): each encoding, chrome, HTML, Word and binary case.
func TestWriteFuzzSeeds(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite testdata/fuzz seeds")
	}
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("<meta charset=utf-8><p>根据市委统一部署，巡察组对局党组进行了巡察。</p>"))
	big5, _ := traditionalchinese.Big5.NewEncoder().Bytes([]byte("根據市委統一部署，巡視組進行了巡視。"))
	u16, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte("根据市委统一部署。\r\n一、总体情况"))
	docx := mustDocx(t, variantWord)
	trs, err := os.ReadFile(filepath.Join(fixtureDir, "trs-editor.html"))
	if err != nil {
		t.Fatal(err)
	}
	read := []struct {
		name string
		data []byte
	}{
		{"chrome.txt", []byte("今天是:\n\n东丽区关于巡视整改进展情况的通报\n\n来源 :东丽区委办公室 访问次数 : 发布时间 :2022-08-16\n根据十一届市委第九轮巡视工作部署要求。\n【打印本页】【关闭窗口】")},
		{"split-title.txt", []byte("中共上海虹桥国际中央商务区管理委员会党组\n关于十二届市委第一轮巡视集中整改\n进展情况的通报\n根据市委统一部署,市委第一巡视组于2022年9月13日至11月29日进行巡视。")},
		{"gloss.txt", []byte("根據(jù)市委統(tǒng)一部署,對中共錦江國際(集團(tuán))有限公司委員會進(jìn)行了巡視")},
		{"disclosure.txt", []byte("索引号：113209/2024-00031 发布机构：青禾市水务局\n成文日期：2024-03-06\n上级巡视:中共青禾县委关于巡视整改情况的公告\n根据省委部署。")},
		{"gb18030.html", gb},
		{"big5.txt", big5},
		{"utf16.txt", u16},
		{"truncated.txt", []byte("根据市委统一部署\xE6\x95")},
		{"trs-editor.html", trs},
		{"deep.html", []byte("<html><body>" + strings.Repeat("<div>", 600) + "深处" + strings.Repeat("</div>", 600) + "</body></html>")},
		{"variant.docx", docx},
		{"pdf.pdf", []byte("%PDF-1.4\n1 0 obj")},
		{"empty.txt", []byte(" \n\u3000")},
	}
	for _, s := range read {
		writeSeed(t, "FuzzRead", s.name, fmt.Sprintf("string(%q)\n[]byte(%q)\n", s.name, s.data))
	}
	var docxSeeds = []struct{ name, body, numbering string }{
		{"numbered", `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>关于“问题”的整改</w:t></w:r></w:p>`, bulletinNumbering},
		{"runs", `<w:p><w:r><w:t xml:space="preserve">根据 </w:t><w:tab/><w:br/><w:t>部署</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`, ""},
		{"restart", `<w:p><w:pPr><w:numPr><w:ilvl w:val="8"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>深层</w:t></w:r></w:p>`, `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="8"><w:start w:val="-3"/><w:lvlRestart w:val="9"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%9%1%3、"/></w:lvl></w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="8"><w:startOverride w:val="99999"/></w:lvlOverride></w:num>`},
	}
	for _, s := range docxSeeds {
		writeSeed(t, "FuzzDocx", s.name, fmt.Sprintf("string(%q)\nstring(%q)\n", s.body, s.numbering))
	}
}

func writeSeed(t *testing.T, target, name, values string) {
	t.Helper()
	dir := filepath.Join("testdata", "fuzz", target)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "seed-"+name), []byte("go test fuzz v1\n"+values), 0o644); err != nil {
		t.Fatal(err)
	}
}
