package ingest

import (
	"strings"
	"testing"
)

// gridText renders a table as rows of cells joined by |, a spanned cell marked with ^.
func gridText(t Table) []string {
	var out []string
	for _, row := range t.Rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = c.Text
			if c.Spanned {
				cells[i] = "^" + c.Text
			}
		}
		out = append(out, strings.Join(cells, "|"))
	}
	return out
}

func TestHTMLTables(t *testing.T) {
	cases := []struct {
		name string
		html string
		want [][]string // one grid a table
	}{
		{
			name: "rowspan category carried down, colspan header, empty cell",
			html: `<table><tr><td colspan="3">整改台账</td></tr>
<tr><th>序号</th><th>问题类别</th><th>存在问题</th></tr>
<tr><td>1</td><td rowspan="2">党的建设</td><td>组织生活不规范</td></tr>
<tr><td>2</td><td>发展党员程序不严</td></tr>
<tr><td>3</td><td></td><td>台账缺失</td></tr></table>`,
			want: [][]string{{
				"整改台账|^整改台账|^整改台账",
				"序号|问题类别|存在问题",
				"1|党的建设|组织生活不规范",
				"2|^党的建设|发展党员程序不严",
				"3||台账缺失",
			}},
		},
		{
			name: "layout table around a data table: only the inner one",
			html: `<table><tr><td><table><thead><tr><td>甲</td><td>乙</td></tr></thead>
<tbody><tr><td>一</td><td>二</td></tr></tbody></table></td></tr></table>`,
			want: [][]string{{"甲|乙", "一|二"}},
		},
		{
			name: "rowspan past the last row stops there; bad spans read as 1",
			html: `<table><tr><td rowspan="99">甲</td><td colspan="x">乙</td></tr><tr><td>丙</td></tr></table>`,
			want: [][]string{{"甲|乙", "^甲|丙"}},
		},
		{
			name: "a one-column table is no table",
			html: `<table><tr><td>甲</td></tr><tr><td>乙</td></tr></table>`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			page := "<html><body><div class=\"nav\">首页</div><div><p>关于巡察整改进展情况的通报</p><p>根据区委统一部署，区委第一巡察组对本单位开展了巡察，现将整改进展情况公布如下。</p>" + tc.html + "</div></body></html>"
			doc, err := Read("t.html", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Tables) != len(tc.want) {
				t.Fatalf("tables = %d, want %d", len(doc.Tables), len(tc.want))
			}
			for i, tb := range doc.Tables {
				if got := gridText(tb); strings.Join(got, "\n") != strings.Join(tc.want[i], "\n") {
					t.Errorf("table %d:\n%s\nwant\n%s", i, strings.Join(got, "\n"), strings.Join(tc.want[i], "\n"))
				}
			}
			// Every cell's text is also in the paragraphs.
			all := strings.Join(doc.Paragraphs, "\n")
			for _, tb := range doc.Tables {
				for _, row := range tb.Rows {
					for _, c := range row {
						if !strings.Contains(all, c.Text) {
							t.Errorf("cell %q not in paragraphs", c.Text)
						}
					}
				}
			}
		})
	}
}

func TestDocxTables(t *testing.T) {
	tc := func(text, props string) string {
		var ps strings.Builder
		for _, line := range strings.Split(text, "\n") {
			if line != "" {
				ps.WriteString("<w:p><w:r><w:t>" + line + "</w:t></w:r></w:p>")
			}
		}
		if ps.Len() == 0 {
			ps.WriteString("<w:p/>")
		}
		return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + ps.String() + "</w:tc>"
	}
	tr := func(cells ...string) string { return "<w:tr>" + strings.Join(cells, "") + "</w:tr>" }
	raw := `<w:p><w:r><w:t>关于巡察整改进展情况的通报</w:t></w:r></w:p><w:tbl>` +
		tr(tc("整改台账", `<w:gridSpan w:val="3"/>`)) +
		tr(tc("序号", ""), tc("问题类别", ""), tc("存在问题", "")) +
		tr(tc("1", ""), tc("党的建设", `<w:vMerge w:val="restart"/>`), tc("组织生活不规范\n三会一课不经常", "")) +
		tr(tc("2", ""), tc("", `<w:vMerge/>`), tc("发展党员程序不严", "")) +
		tr(tc("3", ""), tc("", ""), tc("台账缺失", "")) +
		`</w:tbl><w:p><w:r><w:t>特此通报。</w:t></w:r></w:p>`
	data, err := buildDocx(docxSpec{Raw: raw})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read("t.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tables) != 1 {
		t.Fatalf("tables = %d, want 1", len(doc.Tables))
	}
	want := []string{
		"整改台账|^整改台账|^整改台账",
		"序号|问题类别|存在问题",
		"1|党的建设|组织生活不规范\n三会一课不经常",
		"2|^党的建设|发展党员程序不严",
		"3||台账缺失",
	}
	if got := gridText(doc.Tables[0]); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("grid:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	all := strings.Join(doc.Paragraphs, "\n")
	for _, p := range []string{"组织生活不规范", "三会一课不经常", "发展党员程序不严", "特此通报。"} {
		if !strings.Contains(all, p) {
			t.Errorf("%q not in paragraphs", p)
		}
	}
}

// marks turns cell-end flags into paragraph marks.
func marks(cell ...bool) []docMark {
	out := make([]docMark, len(cell))
	for i, c := range cell {
		out[i] = docMark{cp: i, cell: c}
	}
	return out
}

// A .doc table whose properties cannot be read comes as cell-ended paragraphs; rows end with an
// empty mark.
func TestDocTablesByMarks(t *testing.T) {
	paras := []string{"通报", "序号", "问题", "", "1", "甲问题", "", "2", "乙第一段", "乙第二段", "", "其后正文"}
	ends := marks(false, true, true, true, true, true, true, true, false, true, true, false)
	tables := docTablesByMarks(paras, ends)
	if len(tables) != 1 {
		t.Fatalf("tables = %d, want 1", len(tables))
	}
	want := "序号|问题\n1|甲问题\n2|乙第一段\n乙第二段"
	if got := strings.Join(gridText(tables[0]), "\n"); got != want {
		t.Errorf("grid:\n%s\nwant\n%s", got, want)
	}
	// Cells that do not split into rows of one width stay paragraphs only.
	if got := docTablesByMarks([]string{"甲", "乙", "丙"}, marks(true, true, true)); len(got) != 0 {
		t.Errorf("odd run read as a table: %v", got)
	}
}

func TestSignatureDate(t *testing.T) {
	cases := []struct {
		paras []string
		want  string
	}{
		{[]string{"正文。", "中共东坪街道工作委员会", "2024年1月18日"}, "2024-01-18"},
		{[]string{"正文。", "2023 年 9 月 1 日", "（联系电话：1234567）"}, "2023-09-01"},
		{[]string{"2023年9月1日", "正文一。", "正文二。", "正文三。"}, ""},
		{[]string{"正文。", "2023年13月1日"}, ""},
		{[]string{"截至2023年9月1日，已完成整改。"}, ""},
	}
	for _, c := range cases {
		if got := signatureDate(c.paras); got != c.want {
			t.Errorf("signatureDate(%q) = %q, want %q", c.paras, got, c.want)
		}
	}
}

// A .doc row gives its cells' edges: a cell as wide as two columns spans both, a cell that
// continues the one above carries its text.
func TestDocGrid(t *testing.T) {
	cell := func(l, r int) docCellDef { return docCellDef{left: l, right: r} }
	cont := func(l, r int) docCellDef { return docCellDef{left: l, right: r, vertCont: true} }
	rows := [][]string{
		{"序号", "问题类别", "存在问题", "责任"},
		{"", "", "", "责任科室", "责任人"},
		{"1", "党的建设", "组织生活不规范", "党办", "张三"},
		{"2", "", "发展党员程序不严", "组织科", "李四"},
	}
	defs := [][]docCellDef{
		{cell(0, 600), cell(600, 1800), cell(1800, 4000), cell(4000, 6010)},
		{cell(0, 600), cell(600, 1800), cell(1800, 4000), cell(4000, 5000), cell(5000, 6000)},
		{cell(0, 600), cell(600, 1800), cell(1800, 4000), cell(4000, 5000), cell(5000, 6000)},
		{cell(0, 600), cont(600, 1800), cell(1800, 4000), cell(4000, 5000), cell(5000, 6000)},
	}
	tb, ok := docGrid(rows, defs)
	if !ok {
		t.Fatal("no table")
	}
	want := []string{
		"序号|问题类别|存在问题|责任|^责任",
		"|||责任科室|责任人",
		"1|党的建设|组织生活不规范|党办|张三",
		"2|^党的建设|发展党员程序不严|组织科|李四",
	}
	if got := gridText(tb); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("grid:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The sprms of a row end: in a table, ending a row, with the row's cells and a vertical merge.
func TestParseSprms(t *testing.T) {
	tdef := []byte{0x08, 0xD6, 0, 0, 2, 0, 0, 0x58, 0x02, 0xB0, 0x04} // 2 cells: 0, 600, 1200
	tc := make([]byte, 40)
	tc[20] = 1 << 5 // the second cell: vertMerge 1, continues the cell above
	tdef = append(tdef, tc...)
	size := len(tdef) - 4 + 1 // cb counts the rest of the operand, plus one
	tdef[2], tdef[3] = byte(size), byte(size>>8)
	b := append([]byte{0x16, 0x24, 1, 0x17, 0x24, 1}, tdef...)
	var d docProps
	(&docPapx{}).parseSprms(&d, b, false)
	if !d.inTable || !d.rowEnd || len(d.cells) != 2 {
		t.Fatalf("props = %+v", d)
	}
	if d.cells[0] != (docCellDef{left: 0, right: 600}) || d.cells[1] != (docCellDef{left: 600, right: 1200, vertCont: true}) {
		t.Errorf("cells = %+v", d.cells)
	}
	// A truncated list stops without a panic and keeps what it read.
	d = docProps{}
	(&docPapx{}).parseSprms(&d, b[:8], false)
	if !d.inTable || !d.rowEnd || d.cells != nil {
		t.Errorf("truncated: %+v", d)
	}
}
