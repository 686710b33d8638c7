package workbook

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// injection is a bulletin whose texts look like formulas.
func injection() *bulletin.Bulletin {
	return &bulletin.Bulletin{
		Title: "=HYPERLINK(\"http://evil\",\"x\")", Unit: "+86", Inspector: "-", Kind: "@SUM(A1)",
		Source: bulletin.Source{URL: "https://example.gov.cn/a?b=1&c=2"},
		Problems: []bulletin.Problem{{ID: "P1", Quote: "=1+1", Topic: "+86 1234", Category: "-",
			Status: "@SUM(A1)", Measures: []bulletin.Measure{{Ordinal: 1, Text: "=cmd|' /C calc'!A0"}}}},
		Paragraphs: []bulletin.Paragraph{{Index: 0, Role: bulletin.RoleProblem, Problem: "P1", Text: "=1+1"}},
	}
}

// writeBook writes bulletins and failures to a workbook in a new folder and returns its path.
func writeBook(t *testing.T, bs []*bulletin.Bulletin, failures ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.xlsx")
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bs {
		if err := w.Add(b); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i+1 < len(failures); i += 2 {
		if err := w.AddFailure(failures[i], failures[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func openBook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func cellValue(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, ref, err)
	}
	return v
}

// findRow is the first row of sheet whose column col holds want (1-based), or 0.
func findRow(t *testing.T, f *excelize.File, sheet string, col int, want string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if col-1 < len(r) && r[col-1] == want {
			return i + 1
		}
	}
	return 0
}

// at is the reference of the cell in the column named header of cols, at row.
func at(cols []column, header string, row int) string { return cellName(colOf(cols, header), row) }

func TestWorkbookLayout(t *testing.T) {
	path := writeBook(t, []*bulletin.Bulletin{seedBulletin(), synthBulletin(1, 4), injection()},
		"bad.txt", "ingest bad.txt: binary file")
	f := openBook(t, path)

	wantSheets := []string{"概览", "图表", "问题", "按单位汇总", "逾期", "措施", "指标", "章节", "段落", "关键词", "错误"}
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(wantSheets, ",") {
		t.Fatalf("sheets = %v, want %v", got, wantSheets)
	}
	for _, spec := range sheetSpecs {
		for i, c := range spec.cols {
			ref, _ := excelize.CoordinatesToCellName(i+1, 1)
			if got := cellValue(t, f, spec.name, ref); got != c.Header {
				t.Errorf("%s!%s = %q, want header %q", spec.name, ref, got, c.Header)
			}
		}
		tables, err := f.GetTables(spec.name)
		if err != nil || len(tables) != 1 {
			t.Errorf("%s: %d tables (%v), want 1", spec.name, len(tables), err)
		} else if !strings.HasPrefix(tables[0].Range, "A1:") || !strings.HasSuffix(tables[0].Name, "表") {
			t.Errorf("%s: table %s at %s, want a Chinese name and the header in row 1", spec.name, tables[0].Name, tables[0].Range)
		}
		panes, err := f.GetPanes(spec.name)
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != spec.xSplit {
			t.Errorf("%s: panes %+v (%v), want frozen at row 1, %d columns", spec.name, panes, err, spec.xSplit)
		}
	}

	// 概览: one row a bulletin from row 2, real dates, rates, the 合计 row below them.
	ov := func(header string, row int) string { return cellValue(t, f, "概览", at(overviewCols, header, row)) }
	if got := ov("被巡察单位", 2); got != "文广旅局党组" {
		t.Errorf("概览 unit = %q", got)
	}
	if got := ov("截至日期", 2); got != "2024-02-22" {
		t.Errorf("概览 as-of date = %q, want 2024-02-22", got)
	}
	if typ, _ := f.GetCellType("概览", at(overviewCols, "截至日期", 2)); typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
		t.Errorf("概览 as-of date is text, want a date number")
	}
	if got := ov("问题完成率", 2); got != "100.0%" {
		t.Errorf("概览 问题完成率 = %q, want 100.0%%", got)
	}
	if got := ov("措施完成率", 2); got != "100.0%" {
		t.Errorf("概览 措施完成率 = %q, want 100.0%%", got)
	}
	if got := ov("核对结果", 2); !strings.HasPrefix(got, "不一致：声明14个问题，识别3个") {
		t.Errorf("概览 check = %q", got)
	}
	if got := ov("序号", 5); got != "合计" {
		t.Errorf("概览 row 5 = %q, want 合计 below the three bulletins", got)
	}
	if fm, _ := f.GetCellFormula("概览", at(overviewCols, "识别问题数", 5)); fm != "SUBTOTAL(109,M2:M4)" {
		t.Errorf("合计 识别问题数 formula %q, want SUBTOTAL(109,M2:M4)", fm)
	}
	if got := ov("识别问题数", 5); got != "8" { // 3 + 4 + 1, the value it carries
		t.Errorf("合计 识别问题数 = %q, want 8", got)
	}
	if ok, target, _ := f.GetCellHyperLink("概览", at(overviewCols, "来源", 4)); !ok || target != "https://example.gov.cn/a?b=1&c=2" {
		t.Errorf("概览 来源 link = %v %q", ok, target)
	}
	if ok, target, _ := f.GetCellHyperLink("概览", at(overviewCols, "来源", 2)); !ok || !filepath.IsAbs(target) ||
		!strings.HasSuffix(target, "corpus/seed/yushu-wenguanglv-2024.txt") {
		t.Errorf("概览 来源 link = %v %q, want an absolute path", ok, target)
	}
	if ok, target, _ := f.GetCellHyperLink("概览", at(overviewCols, "识别问题数", 3)); !ok || target != "'问题'!B5" {
		t.Errorf("概览 识别问题数 link = %v %q, want the bulletin's first problem '问题'!B5", ok, target)
	}

	// 问题: the 台账; links to 概览, to the first measure and to the paragraph, and back.
	pb := func(header string, row int) string { return cellValue(t, f, "问题", at(problemCols, header, row)) }
	if got := pb("问题表现", 2); !strings.HasPrefix(got, "部分基层单位党员干部") {
		t.Errorf("问题 问题表现 = %q", got)
	}
	if got := pb("整改措施", 2); !strings.HasPrefix(got, "1. 局机关党委") || !strings.Contains(got, "\n2. 对学习笔记") {
		t.Errorf("问题 measures = %q", got)
	}
	if got := pb("问题编号", 2) + " " + pb("问题编号", 5); got != "1-P1 2-P1" {
		t.Errorf("问题编号 = %q, want unique across bulletins", got)
	}
	links := []struct{ sheet, ref, want string }{
		{"问题", "C2", "'概览'!C2"}, // seed bulletin's row
		{"问题", "C5", "'概览'!C3"}, // first synthetic problem
		{"措施", "B4", "'问题'!B3"}, // back to P2
		{"段落", "E6", "'问题'!B3"},
		{"章节", "F2", "'概览'!C2"},
	}
	for _, l := range links {
		ok, target, err := f.GetCellHyperLink(l.sheet, l.ref)
		if err != nil || !ok || target != l.want {
			t.Errorf("%s!%s link = %v %q (%v), want %q", l.sheet, l.ref, ok, target, err, l.want)
		}
	}
	ok, target, _ := f.GetCellHyperLink("问题", at(problemCols, "问题编号", 2))
	if r, found := strings.CutPrefix(target, "'段落'!F"); !ok || !found ||
		!strings.Contains(cellValue(t, f, "段落", "F"+r), "部分基层单位党员干部") {
		t.Errorf("问题编号 link = %v %q, want the problem's paragraph", ok, target)
	}
	// 指标: money with separators, percent as a fraction, owner linked.
	r := findRow(t, f, "指标", 1, "4800元")
	if r == 0 {
		t.Fatal("指标: no 4800元 row")
	}
	if got := cellValue(t, f, "指标", "B"+itoa(r)); got != "4,800" {
		t.Errorf("指标 4800元 shows %q, want 4,800", got)
	}
	if ok, target, _ := f.GetCellHyperLink("指标", "G"+itoa(r)); !ok || target != "'问题'!B3" {
		t.Errorf("指标 4800元 owner link = %v %q", ok, target)
	}
	if r := findRow(t, f, "指标", 1, "50%"); r == 0 || cellValue(t, f, "指标", "B"+itoa(r)) != "50.0%" {
		t.Errorf("指标 50%% row %d shows %q", r, cellValue(t, f, "指标", "B"+itoa(max(r, 1))))
	}
	if got := cellValue(t, f, "错误", "B2"); got != "ingest bad.txt: binary file" {
		t.Errorf("错误!B2 = %q", got)
	}
	if got := cellValue(t, f, "段落", "C2"); got != "开头" {
		t.Errorf("段落!C2 role = %q, want 开头", got)
	}

	// Formula injection: every one stays text; the only formulas are the 合计 row's.
	row := findRow(t, f, "问题", colOf(problemCols, "问题表现"), "=1+1")
	if row == 0 {
		t.Fatal("问题: no =1+1 row")
	}
	cells := []struct{ sheet, ref, want string }{
		{"问题", at(problemCols, "问题表现", row), "=1+1"},
		{"问题", at(problemCols, "具体问题", row), "+86 1234"},
		{"问题", at(problemCols, "问题类别", row), "-"},
		{"问题", at(problemCols, "完成情况", row), "@SUM(A1)"},
		{"问题", at(problemCols, "被巡察单位", row), "+86"},
		{"问题", at(problemCols, "巡察组", row), "-"},
		{"概览", at(overviewCols, "标题", 4), "=HYPERLINK(\"http://evil\",\"x\")"},
		{"概览", at(overviewCols, "巡察组", 4), "-"},
		{"概览", at(overviewCols, "类型", 4), "@SUM(A1)"},
	}
	for _, c := range cells {
		if got := cellValue(t, f, c.sheet, c.ref); got != c.want {
			t.Errorf("%s!%s = %q, want %q", c.sheet, c.ref, got, c.want)
		}
		if fm, err := f.GetCellFormula(c.sheet, c.ref); err != nil || fm != "" {
			t.Errorf("%s!%s has formula %q (%v)", c.sheet, c.ref, fm, err)
		}
	}
	if r := findRow(t, f, "措施", 5, "=cmd|' /C calc'!A0"); r == 0 {
		t.Error("措施: injection measure not written as text")
	}

	// The charts on 概览.
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	parts := map[string]string{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		buf.ReadFrom(rc)
		rc.Close()
		parts[zf.Name] = buf.String()
	}
	for i, title := range []string{"各公报声明与识别问题数", "各主题问题数", "各公报问题完成率"} {
		name := "xl/charts/chart" + itoa(i+1) + ".xml"
		if !strings.Contains(parts[name], title) || !strings.Contains(parts[name], "&#39;图表&#39;!$") {
			t.Errorf("%s: missing or without title %s and data on 图表", name, title)
		}
	}
	if !strings.Contains(parts["xl/worksheets/_rels/sheet2.xml.rels"], "drawing") {
		t.Error("图表 (sheet2) has no drawing")
	}
	if !strings.Contains(parts["xl/charts/chart1.xml"], `<min val="0">`) {
		t.Error("the problem chart's axis does not start at 0")
	}
	if !strings.Contains(parts["docProps/core.xml"], "Xuncha") || !strings.Contains(parts["docProps/core.xml"], fixedTime) {
		t.Errorf("core properties: %s", parts["docProps/core.xml"])
	}
	if got := cellValue(t, f, "图表", "B2"); got != "文广旅局党组" {
		t.Errorf("图表!B2 = %q", got)
	}
}

func TestDeterministic(t *testing.T) {
	bs := []*bulletin.Bulletin{seedBulletin(), synthBulletin(1, 30), synthBulletin(2, 5), injection()}
	a, err := os.ReadFile(writeBook(t, bs, "x", "y"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(writeBook(t, bs, "x", "y"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatalf("two writes of the same bulletins differ (%d and %d bytes)", len(a), len(b))
	}
}

// entries lists the names in a folder.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestAbortLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	w, err := Create(filepath.Join(dir, "out.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(seedBulletin()); err != nil {
		t.Fatal(err)
	}
	w.Abort()
	if names := entries(t, dir); len(names) != 0 {
		t.Fatalf("after Abort the folder holds %v", names)
	}
	if err := w.Add(seedBulletin()); err == nil {
		t.Error("Add after Abort succeeded")
	}
	if err := w.Close(); err == nil {
		t.Error("Close after Abort succeeded")
	}
	w.Abort() // a second Abort is harmless
}

func TestFailedCloseLeavesNoPartialFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.xlsx")
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(seedBulletin()); err != nil {
		t.Fatal(err)
	}
	// Something takes the target name meanwhile: a folder with a file in it, which the
	// rename cannot replace.
	if err := os.MkdirAll(filepath.Join(path, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err == nil {
		t.Fatal("Close over a non-empty folder succeeded")
	}
	if names := entries(t, dir); len(names) != 1 || names[0] != "out.xlsx" {
		t.Fatalf("after a failed Close the folder holds %v, want only the folder out.xlsx", names)
	}
	if fi, err := os.Stat(path); err != nil || !fi.IsDir() {
		t.Fatalf("the folder at path was touched: %v %v", fi, err)
	}
}

func TestCreateInMissingFolder(t *testing.T) {
	if _, err := Create(filepath.Join(t.TempDir(), "no", "such", "out.xlsx")); err == nil {
		t.Fatal("Create in a missing folder succeeded")
	}
}

func TestReplaceExisting(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.xlsx")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteBulletin(path, seedBulletin()); err != nil {
		t.Fatal(err)
	}
	f := openBook(t, path)
	if got := cellValue(t, f, "概览", "C2"); got != "文广旅局党组" {
		t.Errorf("概览!C2 = %q", got)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("folder holds %v, want only out.xlsx", names)
	}
}

func TestLongText(t *testing.T) {
	b := seedBulletin()
	long := strings.Repeat("整改", 20000) // 40,000 characters
	b.Paragraphs = append(b.Paragraphs, bulletin.Paragraph{Index: 20, Role: bulletin.RoleOther, Text: long})
	b.Problems[0].Quote = long
	f := openBook(t, writeBook(t, []*bulletin.Bulletin{b}))

	got := cellValue(t, f, "问题", at(problemCols, "问题表现", 2))
	if !strings.HasSuffix(got, truncMark) || unitsOf(got) > maxCellUnits {
		t.Errorf("long quote: %d units, ends %q", unitsOf(got), got[len(got)-30:])
	}
	rows, err := f.GetRows("段落")
	if err != nil {
		t.Fatal(err)
	}
	var joined strings.Builder
	var roles []string
	for _, r := range rows {
		if len(r) > 5 && r[1] == "20" {
			joined.WriteString(r[5])
			roles = append(roles, r[2])
		}
	}
	if joined.String() != long {
		t.Errorf("long paragraph: continuation rows give %d characters, want %d", len([]rune(joined.String())), 40000)
	}
	if len(roles) != 2 || roles[1] != "正文（续）" {
		t.Errorf("long paragraph roles = %v", roles)
	}
}

func TestLinkLimit(t *testing.T) {
	old := maxSheetLinks
	maxSheetLinks = 50
	defer func() { maxSheetLinks = old }()
	f := openBook(t, writeBook(t, []*bulletin.Bulletin{synthBulletin(1, 60)}))
	// 问题 links up to the limit, then rows are written without links.
	links, lastLinked := 0, 0
	for r := 2; r <= 61; r++ {
		for _, c := range []string{"B", "C"} {
			if ok, _, _ := f.GetCellHyperLink("问题", c+itoa(r)); ok {
				links++
				lastLinked = r
			}
		}
	}
	if links < 45 || links > 50 || lastLinked >= 61 {
		t.Errorf("问题: %d links, the last in row %d; want at most 50 and none in the last rows", links, lastLinked)
	}
	if got := cellValue(t, f, "问题", "C61"); got != "第1局党组" {
		t.Errorf("问题!C61 = %q: rows past the link limit must still be written", got)
	}
}

func TestSplitCell(t *testing.T) {
	s := strings.Repeat("a", 5) + "😀" + strings.Repeat("整", 3)
	parts := splitCell(s, 6)
	if strings.Join(parts, "") != s {
		t.Fatalf("parts %q do not join to the text", parts)
	}
	for _, p := range parts {
		if unitsOf(p) > 6 {
			t.Errorf("part %q has %d units", p, unitsOf(p))
		}
	}
	if got := splitCell("", 6); len(got) != 1 || got[0] != "" {
		t.Errorf("splitCell(\"\") = %q", got)
	}
}

func TestTextWidth(t *testing.T) {
	tests := []struct {
		s    string
		want float64
	}{
		{"abc", 3}, {"整改", 4}, {"“三重一大”", 12}, {"ab\n整改整改", 8}, {"１２", 4},
	}
	for _, tt := range tests {
		if got := textWidth(tt.s); got != tt.want {
			t.Errorf("textWidth(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestWriteJSON(t *testing.T) {
	var buf bytes.Buffer
	b := seedBulletin()
	b.Title = "<关于>“A&B”"
	if err := WriteJSON(&buf, b); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&buf, b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2", len(lines))
	}
	if !strings.Contains(lines[0], `"title":"<关于>“A&B”"`) {
		t.Errorf("title escaped: %.200s", lines[0])
	}
	if !strings.Contains(lines[0], `"publish_date":null`) {
		t.Errorf("empty day not null: %.300s", lines[0])
	}
}

func TestInjector(t *testing.T) {
	in := "<row/></she" + "etData><pageMargins/>"
	for cut := 0; cut <= len(in); cut++ {
		var out bytes.Buffer
		inj := &injector{w: &out, marker: []byte("</sheetData>"), add: func(w2 io.Writer) error {
			_, err := w2.Write([]byte("<hyperlinks/>"))
			return err
		}}
		inj.Write([]byte(in[:cut]))
		inj.Write([]byte(in[cut:]))
		if err := inj.close(); err != nil {
			t.Fatalf("cut %d: %v", cut, err)
		}
		if want := "<row/></sheetData><hyperlinks/><pageMargins/>"; out.String() != want {
			t.Fatalf("cut %d: %q, want %q", cut, out.String(), want)
		}
	}
	var out bytes.Buffer
	inj := &injector{w: &out, marker: []byte("</sheetData>"), add: nil}
	inj.Write([]byte("<x/>"))
	if err := inj.close(); err == nil || out.String() != "<x/>" {
		t.Errorf("no marker: err %v, out %q", err, out.String())
	}
}

func TestSortDefaults(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<Types><Default Extension="xml" ContentType="a"></Default><Default Extension="png" ContentType="b"/><Override PartName="/x"/></Types>`,
			`<Types><Default Extension="png" ContentType="b"/><Default Extension="xml" ContentType="a"></Default><Override PartName="/x"/></Types>`},
		{`<Types><Override PartName="/x"/></Types>`, `<Types><Override PartName="/x"/></Types>`},
		{`<Types><Default Extension="xml"`, `<Types><Default Extension="xml"`},                       // cut short: left alone
		{`<Types><Default Extension="x"><b/></Types>`, `<Types><Default Extension="x"><b/></Types>`}, // unexpected: left alone
	}
	for _, tt := range tests {
		if got := string(sortDefaults([]byte(tt.in))); got != tt.want {
			t.Errorf("sortDefaults(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestSheetFull(t *testing.T) {
	old := maxRows
	maxRows = 10
	defer func() { maxRows = old }()
	path := filepath.Join(t.TempDir(), "full.xlsx")
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(synthBulletin(1, 20)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if d := strings.Join(w.Dropped(), "\n"); !strings.Contains(d, "问题 表已满") || !strings.Contains(d, "措施 表已满") {
		t.Errorf("Dropped() = %q, want the full sheets named", d)
	}
	f := openBook(t, path)
	rows, err := f.GetRows("问题")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 10 {
		t.Errorf("问题 has %d rows, want 10 (the limit)", len(rows))
	}
	fails, err := f.GetRows("错误")
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, r := range fails[1:] {
		msgs = append(msgs, r[1])
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{"问题 表已满（最多 10 行）：11 行未写入", "措施 表已满（最多 10 行）：31 行未写入"} {
		if !strings.Contains(got, want) {
			t.Errorf("错误 lacks %q; has:\n%s", want, got)
		}
	}
}

func TestOddNumbers(t *testing.T) {
	b := seedBulletin()
	nan, inf := math.NaN(), math.Inf(1)
	b.Metrics = append(b.Metrics, bulletin.Metric{Text: "NaN", Value: nan, Paragraph: 30}, bulletin.Metric{Text: "Inf", Value: inf, Paragraph: 31})
	b.Declared.RatePercent = &nan
	b.Declared.ProblemsDone = nil // no rate to compute
	f := openBook(t, writeBook(t, []*bulletin.Bulletin{b}))
	r := findRow(t, f, "指标", 1, "NaN")
	if r == 0 {
		t.Fatal("no NaN row")
	}
	if got := cellValue(t, f, "指标", "B"+itoa(r)); got != "" {
		t.Errorf("NaN written as %q, want a blank cell", got)
	}
	if got := cellValue(t, f, "概览", at(overviewCols, "问题完成率", 2)); got != "" {
		t.Errorf("rate without declared done written as %q", got)
	}
}

func TestKeywords(t *testing.T) {
	f := openBook(t, writeBook(t, []*bulletin.Bulletin{seedBulletin()}))
	rows, err := f.GetRows("关键词")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows[1:] {
		got = append(got, strings.Join(r, "|"))
	}
	want := []string{"文广旅局党组|意识形态|1.200|全文", "文广旅局党组|文化|0.900|全文", "文广旅局党组|笔记|0.800|P1", "文广旅局党组|理论学习|0.600|P1"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("关键词 rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// An interrupt that arrives while the workbook is saved leaves the previous file as it was and
// no temporary file (issue 18, case 2).
func TestCloseContextCancelledKeepsPrevious(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.xlsx")
	if err := os.WriteFile(path, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(seedBulletin()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := w.CloseContext(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("CloseContext = %v, want context.Canceled", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "previous" {
		t.Error("the previous workbook was replaced")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}

// A source path with # or ? links to that file, by its absolute path (issue 17, case 10; issue 10).
func TestSourceLinkEscaped(t *testing.T) {
	o := &overview{w: &Writer{dir: "/data"}}
	for path, want := range map[string]string{
		"/data/hash#frag.txt": "/data/hash%23frag.txt",
		"/data/q?x=1.html":    "/data/q%3Fx=1.html",
		"/data/100%.txt":      "/data/100%25.txt",
		"/data/子目录/通报.txt":    "/data/子目录/通报.txt",
	} {
		if text, target := o.source(bulletin.Source{Path: path}); target != want || text != path {
			t.Errorf("source(%q) = %q, %q; want link %q", path, text, target, want)
		}
	}
}

// TestWriteJSONSameBytes checks that the streamed JSON line is byte for byte what
// encoding/json gives, for paragraphs with every kind of character that needs escaping, text
// longer than a piece, invalid UTF-8 at piece boundaries, and no paragraphs at all.
func TestWriteJSONSameBytes(t *testing.T) {
	long := strings.Repeat("巡察“整改”\t<a&b>\\\"\u2028\x01。", 9000) // > 64 KB
	bad := strings.Repeat("a", 64<<10-1) + "\xe4\xb8" + "整" + "\xff" + strings.Repeat("b", 70<<10)
	for name, paras := range map[string][]bulletin.Paragraph{
		"seed":  seedBulletin().Paragraphs,
		"long":  {{Index: 0, Role: "other", Text: long}, {Index: 1, Role: "problem", Problem: "P1", Section: "S1", Text: ""}},
		"bad":   {{Index: 0, Role: "other", Text: bad}},
		"none":  nil,
		"empty": {},
	} {
		b := seedBulletin()
		b.Paragraphs = paras
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(b); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := WriteJSON(&got, b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			i := 0
			for i < got.Len() && i < want.Len() && got.Bytes()[i] == want.Bytes()[i] {
				i++
			}
			t.Errorf("%s: differs from encoding/json at byte %d of %d/%d: got %.80q, want %.80q",
				name, i, got.Len(), want.Len(), got.Bytes()[i:], want.Bytes()[i:])
		}
	}
}
