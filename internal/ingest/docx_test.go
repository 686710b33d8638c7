package ingest

import (
	"bytes"
	"strings"
	"testing"
)

func mustDocx(t testing.TB, spec docxSpec) []byte {
	t.Helper()
	b, err := buildDocx(spec)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readDocxSpec(t *testing.T, spec docxSpec) *Document {
	t.Helper()
	doc, err := Read("test.docx", mustDocx(t, spec))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestDocxNumbering(t *testing.T) {
	doc := readDocxSpec(t, docxSpec{
		Numbering: bulletinNumbering,
		Paras: []docxPara{
			{Text: "根据县委统一部署，开展巡察。"},
			{Text: "总体情况", NumID: 1, Level: 0},
			{Text: "加强领导", NumID: 1, Level: 1},
			{Text: "压实责任", NumID: 1, Level: 1},
			{Text: "关于“问题甲”的整改", NumID: 1, Level: 2},
			{Text: "细项", NumID: 1, Level: 3},
			{Text: "细项", NumID: 1, Level: 3},
			{Text: "圈号", NumID: 1, Level: 4},
			{Text: "整改落实情况", NumID: 1, Level: 0},
			{Text: "第二类", NumID: 1, Level: 1},
			{Text: "关于“问题乙”的整改", NumID: 1, Level: 2},
			{Text: "2023年完成的事项", NumID: 1, Level: 2},
			{Text: "正文段落。"},
		},
	})
	want := []string{
		"根据县委统一部署，开展巡察。",
		"一、总体情况",
		"（一）加强领导",
		"（二）压实责任",
		"1.关于“问题甲”的整改",
		"（1）细项",
		"（2）细项",
		"①圈号",
		"二、整改落实情况",
		"（一）第二类",
		"2.关于“问题乙”的整改",  // w:lvlRestart 0: numbered on across categories
		"3. 2023年完成的事项", // a space keeps 3. apart from a number
		"正文段落。",
	}
	if strings.Join(doc.Paragraphs, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs\n%s\nwant\n%s", strings.Join(doc.Paragraphs, "\n"), strings.Join(want, "\n"))
	}
}

func TestDocxNumberingRestartAndStyles(t *testing.T) {
	// Level 2 without lvlRestart restarts after each level-1 item, as Word does; the heading
	// style carries the numbering; a second w:num with startOverride starts at 5.
	numbering := `<w:abstractNum w:abstractNumId="7">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="第%1部分"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl></w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="11"/></w:lvlOverride></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="8"/></w:num>`
	styles := `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>`
	doc := readDocxSpec(t, docxSpec{
		Numbering: numbering,
		Styles:    styles,
		Paras: []docxPara{
			{Text: "开头正文。"},
			{Text: "甲", Style: "Heading1"},
			{Text: "子", Style: "Heading2"},
			{Text: "丑", Style: "Heading2"},
			{Text: "乙", Style: "Heading1"},
			{Text: "寅", Style: "Heading2"},
			{Text: "另一列表", NumID: 4, Level: 0},
			{Text: "项目符号不是标号", NumID: 5, Level: 0},
		},
	})
	want := []string{"开头正文。", "第一部分甲", "1.1子", "1.2丑", "第二部分乙", "2.1寅", "第十一部分另一列表", "项目符号不是标号"}
	if strings.Join(doc.Paragraphs, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs\n%q\nwant\n%q", doc.Paragraphs, want)
	}
}

func TestDocxRuns(t *testing.T) {
	raw := `<w:p><w:r><w:t>根据</w:t></w:r><w:r><w:t xml:space="preserve">县委 </w:t></w:r><w:r><w:tab/><w:t>部署&amp;安排</w:t></w:r></w:p>
<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>
<w:p><w:r><w:t>保留</w:t></w:r><w:del w:id="1"><w:r><w:delText>删除的字</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>插入的字</w:t></w:r></w:ins></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>域结果</w:t></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>外层段落。</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>问题</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>措施</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>制表位不是文字</w:t></w:r></w:p>
<w:p></w:p><w:p><w:r><w:t>   </w:t></w:r></w:p>`
	doc := readDocxSpec(t, docxSpec{Raw: raw})
	want := []string{"根据县委 \t部署&安排", "第一行", "第二行", "保留插入的字", "域结果", "文本框", "外层段落。", "问题", "措施", "制表位不是文字"}
	if strings.Join(doc.Paragraphs, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs\n%q\nwant\n%q", doc.Paragraphs, want)
	}
}

func TestDocxTitle(t *testing.T) {
	doc := readDocxSpec(t, docxSpec{Paras: []docxPara{
		{Text: "中共青禾县委办公室党支部"},
		{Text: "关于巡察整改进展情况的通报"},
		{Text: "根据县委部署，开展巡察。"},
	}})
	if doc.Title != "中共青禾县委办公室党支部关于巡察整改进展情况的通报" || len(doc.Paragraphs) != 1 {
		t.Errorf("title %q paragraphs %q", doc.Title, doc.Paragraphs)
	}
}

func TestDocxFormats(t *testing.T) {
	tests := []struct {
		n      int
		format string
		want   string
	}{
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"}, {23, "chineseCounting", "二十三"}, {105, "chineseCountingThousand", "一百零五"},
		{1200, "chineseCountingThousand", "一千二百"}, {3, "chineseLegalSimplified", "叁"},
		{2, "ideographTraditional", "乙"}, {3, "decimalEnclosedCircle", "③"}, {2, "decimalEnclosedParen", "⑵"},
		{12, "decimalFullWidth", "１２"}, {4, "upperRoman", "IV"}, {9, "lowerRoman", "ix"}, {28, "upperLetter", "BB"},
		{3, "lowerLetter", "c"}, {7, "decimalZero", "07"}, {5, "ordinal", "5"}, {0, "chineseCounting", "0"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.n, tt.format); got != tt.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", tt.n, tt.format, got, tt.want)
		}
	}
}

func TestDocxBad(t *testing.T) {
	good := mustDocx(t, variantWord)

	bomb, err := zipParts(func(add func(string, []byte) error) error {
		if err := add("[Content_Types].xml", []byte("<Types/>")); err != nil {
			return err
		}
		// 10 MB of one repeated paragraph compresses about 1000:1.
		body := `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			strings.Repeat("<w:p><w:r><w:t>整改</w:t></w:r></w:p>", 10<<20/40) + "</w:body></w:document>"
		return add("word/document.xml", []byte(body))
	})
	if err != nil {
		t.Fatal(err)
	}
	many, err := zipParts(func(add func(string, []byte) error) error {
		for i := 0; i <= maxDocxEntries; i++ {
			if err := add("word/media/x"+strings.Repeat("0", 3)+string(rune('a'+i%26))+itoa(i), nil); err != nil {
				return err
			}
		}
		return add("word/document.xml", []byte("<w:document/>"))
	})
	if err != nil {
		t.Fatal(err)
	}
	noDocument, _ := zipParts(func(add func(string, []byte) error) error {
		return add("word/styles.xml", []byte("<w:styles/>"))
	})
	badXML, _ := zipParts(func(add func(string, []byte) error) error {
		return add("word/document.xml", []byte(`<w:document xmlns:w="x"><w:body><w:p><w:t>未闭合`))
	})
	empty := mustDocx(t, docxSpec{Paras: []docxPara{{Text: " "}}})
	corrupted := bytes.Clone(good)
	// Flip bytes inside the compressed document.xml: its checksum (or inflate) fails.
	if i := bytes.Index(corrupted, []byte("word/document.xml")); i > 0 {
		for j := i + 40; j < i+60 && j < len(corrupted); j++ {
			corrupted[j] ^= 0x55
		}
	}

	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"truncated", good[:len(good)/2], "Word 文档已损坏或不完整"},
		{"zip bomb", bomb, "压缩炸弹"},
		{"too many entries", many, "条目过多"},
		{"no document.xml", noDocument, "没有 word/document.xml"},
		{"bad xml", badXML, "Word 文档已损坏：word/document.xml"},
		{"corrupted deflate", corrupted, "corrupt"},
		{"empty", empty, "Word 文档为空"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read("bad.docx", tt.data)
			if err == nil {
				t.Fatalf("no error; read %q", doc.Paragraphs)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want %q", err, tt.want)
			}
		})
	}
}

func TestDocxPartLimit(t *testing.T) {
	// numbering.xml has the smaller limit (8 MB): a part just over it is refused.
	data2, err := zipParts(func(add func(string, []byte) error) error {
		if err := add("word/document.xml", []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>正文。</w:t></w:r></w:p></w:body></w:document>`)); err != nil {
			return err
		}
		var b strings.Builder
		for b.Len() <= maxSidePartXML {
			b.WriteString(`<w:num w:numId="` + itoa(b.Len()) + `"><w:abstractNumId w:val="1"/></w:num>`)
		}
		return add("word/numbering.xml", []byte("<w:numbering>"+b.String()+"</w:numbering>"))
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Read("a.docx", data2); err == nil || !strings.Contains(err.Error(), "超过 8 MB 上限") {
		t.Errorf("error %v, want the 8 MB limit", err)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// A .docx whose body is a page pasted whole (w:altChunk) is read from that page; a chunk of a
// kind not read is an error naming it, not an empty bulletin (issue 17, case 10).
func TestDocxAltChunk(t *testing.T) {
	build := func(name, chunk string) []byte {
		data, err := zipParts(func(add func(string, []byte) error) error {
			if err := add("[Content_Types].xml", []byte(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)); err != nil {
				return err
			}
			if err := add("word/document.xml", []byte(`<w:document `+docxNS+`><w:body><w:altChunk r:id="rId9"/></w:body></w:document>`)); err != nil {
				return err
			}
			if err := add("word/_rels/document.xml.rels", []byte(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="`+name+`"/></Relationships>`)); err != nil {
				return err
			}
			return add("word/"+name, []byte(chunk))
		})
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	doc, err := Read("a.docx", build("afchunk.htm", `<html><head><meta charset="utf-8"></head><body><p>根据市委统一部署，市委第一巡察组对市文广旅局党组进行了巡察。</p><p>一、整改总体情况</p></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(doc.Paragraphs, "|"); !strings.Contains(got, "市委第一巡察组") || !strings.Contains(got, "一、整改总体情况") {
		t.Errorf("paragraphs from the chunk: %q", got)
	}
	if _, err := Read("a.docx", build("afchunk.mht", "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\n\x00\x01")); err == nil || !strings.Contains(err.Error(), "altChunk") {
		t.Errorf("an unreadable chunk: error %v", err)
	}
}
