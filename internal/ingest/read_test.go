package ingest

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

const (
	simplifiedText = "根据市委统一部署，2023年8月24日至10月23日，市委第一巡察组对文广旅局党组进行了巡察。\n一、强化领导能力，确保巡察整改顺利开展\n针对“基层单位执行“三重一大”制度不够严格”问题，已完成整改14个，完成率100%。"
	// 𠀀 (U+20000) and € take GB18030's four-byte and single-byte-extension forms.
	gb18030Only     = "巡察整改𠀀€进展情况的通报，联系电话：0431-83622863。"
	traditionalText = "根據市委統一部署，市委第三巡視組對錦江國際集團進行了巡視。\n一、全面履行主體責任，作為重要政治任務做好巡視整改"
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

func TestEncodings(t *testing.T) {
	utf16le := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM)
	utf16be := xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM)
	truncated := []byte(simplifiedText + "整")
	truncated = truncated[:len(truncated)-1] // cut inside the last character
	mislabelled := encode(t, simplifiedchinese.GB18030, "<html><head><meta charset=\"utf-8\"><title>通报</title></head><body><p>"+strings.ReplaceAll(simplifiedText, "\n", "</p><p>")+"</p></body></html>")
	big5Page := encode(t, traditionalchinese.Big5, "<html><head><meta charset=\"big5\"></head><body><p>"+strings.ReplaceAll(traditionalText, "\n", "</p><p>")+"</p></body></html>")

	tests := []struct {
		name   string
		file   string
		data   []byte
		enc    string
		format string
		want   string // paragraphs joined with \n
	}{
		{"utf-8", "a.txt", []byte(simplifiedText), EncUTF8, FormatTxt, simplifiedText},
		{"utf-8 BOM", "a.txt", append([]byte("\xEF\xBB\xBF"), simplifiedText...), EncUTF8BOM, FormatTxt, simplifiedText},
		{"utf-16le BOM", "a.txt", encode(t, utf16le, simplifiedText), EncUTF16LE, FormatTxt, simplifiedText},
		{"utf-16be BOM", "a.txt", encode(t, utf16be, simplifiedText), EncUTF16BE, FormatTxt, simplifiedText},
		{"gb18030", "a.txt", encode(t, simplifiedchinese.GB18030, simplifiedText), EncGB18030, FormatTxt, simplifiedText},
		{"gb18030 four-byte", "a.txt", encode(t, simplifiedchinese.GB18030, gb18030Only), EncGB18030, FormatTxt, gb18030Only},
		{"gbk", "a.txt", encode(t, simplifiedchinese.GBK, simplifiedText), EncGB18030, FormatTxt, simplifiedText},
		{"gbk short", "a.txt", encode(t, simplifiedchinese.GBK, "整改工作进展顺利。"), EncGB18030, FormatTxt, "整改工作进展顺利。"},
		{"big5", "a.txt", encode(t, traditionalchinese.Big5, traditionalText), EncBig5, FormatTxt, traditionalText},
		{"truncated utf-8", "a.txt", truncated, EncUTF8, FormatTxt, simplifiedText},
		{"gb18030 labelled utf-8", "a.html", mislabelled, EncGB18030, FormatHTML, simplifiedText},
		{"big5 page", "a.htm", big5Page, EncBig5, FormatHTML, traditionalText},
		{"crlf", "a.txt", []byte(strings.ReplaceAll(simplifiedText, "\n", "\r\n")), EncUTF8, FormatTxt, simplifiedText},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(tt.file, tt.data)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if doc.Encoding != tt.enc || doc.Format != tt.format {
				t.Errorf("encoding %q format %q, want %q %q", doc.Encoding, doc.Format, tt.enc, tt.format)
			}
			if got := strings.Join(doc.Paragraphs, "\n"); got != tt.want {
				t.Errorf("text\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestRefusals(t *testing.T) {
	var zipBuf bytes.Buffer
	zw := zip.NewWriter(&zipBuf)
	w, _ := zw.Create("photos/readme.txt")
	w.Write([]byte("not a Word file"))
	zw.Close()

	tests := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"empty", "a.txt", nil, "空文件"},
		{"spaces", "a.txt", []byte("  \n\t\r\n "), "空文件"},
		{"full-width spaces", "a.txt", []byte("\u3000\u3000\n\u3000"), "空文件"},
		{"BOM only", "a.txt", []byte("\xEF\xBB\xBF"), "空文件"},
		{"utf-16 spaces", "a.txt", []byte{0xFF, 0xFE, ' ', 0, '\n', 0}, "空文件"},
		{"pdf", "a.txt", []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>"), "PDF 已损坏或不完整"},
		{"jpeg", "a.html", []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'}, "二进制文件（JPEG 图片）"},
		{"png", "a.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "二进制文件（PNG 图片）"},
		{"gif", "a.txt", []byte("GIF89a\x01\x00\x01\x00"), "二进制文件（GIF 图片）"},
		{"zip", "a.zip", zipBuf.Bytes(), "ZIP 压缩包，不是 Word .docx 文档"},
		{"old word", "a.doc", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, "复合文档已损坏"},
		{"NUL bytes", "a.txt", []byte("根据市委\x00\x00\x01统一部署"), "二进制文件（含 NUL 字节）"},
		{"truncated docx", "a.docx", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00word/document.xml"), "Word 文档已损坏或不完整"},
		{"only chrome", "a.txt", []byte("当前位置：首页 > 巡察整改\n发布时间：2024-03-01\n【打印本页】【关闭窗口】"), "没有正文"},
		{"random high bytes", "a.txt", bytes.Repeat([]byte{0xFF, 0xFE, 0xFD, 0x80}, 50)[2:], "无法识别的文本编码"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(tt.file, tt.data)
			if err == nil {
				t.Fatalf("no error, read %+v", doc)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
			if strings.Contains(err.Error(), tt.file) {
				t.Errorf("error %q names the file; the caller adds the path", err)
			}
		})
	}
}

func TestFormatDetection(t *testing.T) {
	tests := []struct {
		name, file, data, format string
	}{
		{"txt holding html", "page.txt", "<!DOCTYPE html><html><body><p>根据市委统一部署，开展巡察。</p></body></html>", FormatHTML},
		{"html after a comment", "page", "<!-- saved from url=(0047)http://x.gov.cn/ -->\n<html><body><p>根据市委统一部署，开展巡察。</p></body></html>", FormatHTML},
		{"bare paragraphs", "a.txt", "<p>根据市委统一部署，开展巡察。</p>\n<p>一、总体情况</p>", FormatHTML},
		{"html name, plain text", "a.html", "根据市委统一部署，开展巡察。\n一、总体情况", FormatTxt},
		{"text mentioning a tag", "a.txt", "根据市委统一部署，开展巡察。\n文中<p>标记不算网页。", FormatTxt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(tt.file, []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != tt.format {
				t.Errorf("format %q, want %q", doc.Format, tt.format)
			}
			if doc.Paragraphs[0] != "根据市委统一部署，开展巡察。" {
				t.Errorf("first paragraph %q", doc.Paragraphs[0])
			}
		})
	}
}

func TestParagraphCleaning(t *testing.T) {
	in := "\u3000\u3000根据市委统一部署，  两个空格保留\r\n\n   \n\t一、总体情况\u3000\n\u00A0（一）加强领导\u200B"
	doc, err := Read("a.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"根据市委统一部署，  两个空格保留", "一、总体情况", "（一）加强领导"}
	if strings.Join(doc.Paragraphs, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs %q, want %q", doc.Paragraphs, want)
	}
}

func TestRemoveGlosses(t *testing.T) {
	tests := []struct{ in, want string }{
		{"根據(jù)市委統(tǒng)一部署", "根據市委統一部署"},
		{"中共錦江國際(集團(tuán))有限公司", "中共錦江國際(集團)有限公司"},
		{"認(rèn)真學(xué)習(xí)", "認真學習"},
		{"全角括號（lǜ）也去掉", "全角括號也去掉"},
		{"(一)提高政治站位", "(一)提高政治站位"},                 // a heading marker stays
		{"召开(扩大)会议", "召开(扩大)会议"},                   // Chinese in parentheses stays
		{"附件(a)和附件(b)", "附件(a)和附件(b)"},             // no tone mark: not pinyin
		{"编号(A1)", "编号(A1)"},                       // not after Han text: stays
		{"(jù)開頭", "(jù)開頭"},                       // nothing before it: stays
		{"長音節(zhuàngzhuàng)", "長音節(zhuàngzhuàng)"}, // two syllables: not a gloss
	}
	for _, tt := range tests {
		if got := removeGlosses(tt.in); got != tt.want {
			t.Errorf("removeGlosses(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// UTF-16 with one odd trailing byte or one lone surrogate is read, the bad unit replaced,
// instead of the whole file refused (issue 17, case 10).
func TestUTF16BadUnitReplaced(t *testing.T) {
	text := "根据市委统一部署，市委第一巡察组对市档案局党组进行了巡察。\n一、整改总体情况\n"
	le := []byte{0xFF, 0xFE}
	for _, r := range text {
		le = append(le, byte(r), byte(r>>8))
	}
	lone := append(append([]byte{}, le...), 0x00, 0xD8, 'x', 0) // a high surrogate alone, then "x"
	odd := append(append([]byte{}, le...), 0x41)                // one byte too many
	for name, data := range map[string][]byte{"lone surrogate": lone, "odd byte": odd} {
		doc, err := Read(name+".txt", data)
		if err != nil {
			t.Errorf("%s: refused: %v", name, err)
			continue
		}
		all := strings.Join(doc.Paragraphs, "\n")
		if !strings.Contains(all, "一、整改总体情况") || doc.Encoding != EncUTF16LE {
			t.Errorf("%s: read as %s: %q", name, doc.Encoding, all)
		}
	}
}
