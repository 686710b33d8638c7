package workbook

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// ledgerBulletin is a bulletin written for the ledger tests: one problem for each deadline
// form, stated and inferred statuses, and an as-of date that some deadlines have passed.
func ledgerBulletin(unit string) *bulletin.Bulletin {
	p := func(id, deadline, status, from string) bulletin.Problem {
		return bulletin.Problem{ID: id, Quote: unit + "问题" + id + "\n的表现", Deadline: deadline, Status: status, StatusFrom: from,
			Paragraph: 2, Measures: []bulletin.Measure{{Ordinal: 1, Text: "措施" + id}}}
	}
	return &bulletin.Bulletin{
		Unit: unit, Inspector: "市委第二巡察组", Round: "十二届市委第三轮",
		FeedbackDate: "2024-01-10", AsOfDate: "2024-07-15",
		Declared: bulletin.Declared{ProblemsTotal: bulletin.IntPtr(6), ProblemsDone: bulletin.IntPtr(2),
			ProblemsInProgress: bulletin.IntPtr(4), MeasuresTotal: bulletin.IntPtr(10), MeasuresDone: bulletin.IntPtr(5)},
		Paragraphs: []bulletin.Paragraph{{Index: 0, Text: "开头"}, {Index: 1, Text: "标题"}, {Index: 2, Role: bulletin.RoleProblem, Text: unit + "的问题段落"}},
		Problems: []bulletin.Problem{
			p("P1", "2024年6月底", "正在整改", bulletin.StatusStated),     // passed: 15 days overdue
			p("P2", "年底前", "正在整改", bulletin.StatusStated),          // 2024-12-31: not yet
			p("P3", "2024年3月31日前", "已完成", bulletin.StatusInferred), // passed, but done
			p("P4", "长期坚持", "持续整改", bulletin.StatusStated),         // no date
			p("P5", "6月底", "", ""),                                 // the bulletin's year: 2024-06-30, overdue
			p("P6", "2024年上半年", "已完成", bulletin.StatusStated),      // 2024-06-30, done
		},
	}
}

func TestLedgerColumns(t *testing.T) {
	b1, b2 := ledgerBulletin("甲县教育局党组"), ledgerBulletin("乙县民政局党组")
	trad := ledgerBulletin("甲縣教育局黨組") // the first unit in traditional characters
	trad.Problems = trad.Problems[:1]
	trad.Problems[0].Quote = "另一个问题"
	trad.Declared.ProblemsTotal, trad.Declared.ProblemsDone = bulletin.IntPtr(100), nil // a total alone
	f := openBook(t, writeBook(t, []*bulletin.Bulletin{b1, b2, trad}))

	want := []string{"序号", "问题编号", "被巡察单位", "巡察组", "轮次", "问题类别", "具体问题", "问题表现", "整改措施",
		"责任单位", "责任人", "整改时限", "时限日期", "完成情况", "状态来源", "截至日期", "备注", "主题", "涉及单位", "关键词", "指标"}
	rows, err := f.GetRows("问题")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(want, ",") {
		t.Fatalf("问题 columns:\n%v\nwant\n%v", rows[0], want)
	}
	cell := func(header string, row int) string { return cellValue(t, f, "问题", at(problemCols, header, row)) }
	seen := map[string]bool{}
	for r := 2; r <= 14; r++ {
		id := cell("问题编号", r)
		if id == "" || seen[id] {
			t.Errorf("row %d: 问题编号 %q empty or repeated", r, id)
		}
		seen[id] = true
	}
	wantRows := []struct{ due, source, note string }{
		{"2024-06-30", "原文", "截至日期已过整改时限15天"},
		{"2024-12-31", "原文", ""},
		{"2024-03-31", "据总数推定", "完成情况据公报声明的总数推定"},
		{"", "原文", ""},
		{"2024-06-30", "未说明", "截至日期已过整改时限15天"},
		{"2024-06-30", "原文", ""},
	}
	for i, w := range wantRows {
		r := i + 2
		if got := cell("时限日期", r); got != w.due {
			t.Errorf("P%d 时限日期 = %q, want %q (整改时限 %q)", i+1, got, w.due, cell("整改时限", r))
		}
		if w.due != "" {
			if typ, _ := f.GetCellType("问题", at(problemCols, "时限日期", r)); typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
				t.Errorf("P%d 时限日期 is text, want a date", i+1)
			}
		}
		if got := cell("状态来源", r); got != w.source {
			t.Errorf("P%d 状态来源 = %q, want %q", i+1, got, w.source)
		}
		if got := cell("备注", r); got != w.note {
			t.Errorf("P%d 备注 = %q, want %q", i+1, got, w.note)
		}
	}
	if got := cell("问题表现", 2); got != "甲县教育局党组问题P1的表现" {
		t.Errorf("问题表现 = %q, want the line break gone", got)
	}
	if got := cell("截至日期", 2); got != "2024-07-15" {
		t.Errorf("截至日期 = %q", got)
	}
	// The folded columns are grouped and hidden; the twelve a chief reads are shown.
	shown := 0
	for i, c := range problemCols {
		name, _ := excelize.ColumnNumberToName(i + 1)
		visible, err := f.GetColVisible("问题", name)
		if err != nil {
			t.Fatal(err)
		}
		level, _ := f.GetColOutlineLevel("问题", name)
		if visible == c.Fold || (level == 1) != c.Fold {
			t.Errorf("column %s %s: visible %v, outline %d; fold %v", name, c.Header, visible, level, c.Fold)
		}
		if visible {
			shown++
		}
	}
	if shown != 12 {
		t.Errorf("%d columns shown, want 12", shown)
	}
	if layout, err := f.GetPageLayout("问题"); err != nil || layout.Size == nil || *layout.Size != 8 ||
		layout.Orientation == nil || *layout.Orientation != "landscape" {
		t.Errorf("问题 page layout %+v (%v), want A3 landscape", layout, err)
	}

	// 逾期: P1 and P5 of both bulletins, and the traditional copy's P1; not the done ones.
	overdue, err := f.GetRows("逾期")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range overdue[1:] {
		got = append(got, r[0]+"|"+r[4]+"|"+r[5]+"|"+r[6])
	}
	wantOverdue := []string{"1-P1|2024-06-30|2024-07-15|15", "1-P5|2024-06-30|2024-07-15|15",
		"2-P1|2024-06-30|2024-07-15|15", "2-P5|2024-06-30|2024-07-15|15", "3-P1|2024-06-30|2024-07-15|15"}
	if strings.Join(got, "\n") != strings.Join(wantOverdue, "\n") {
		t.Errorf("逾期:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantOverdue, "\n"))
	}
	if ok, target, _ := f.GetCellHyperLink("逾期", "A3"); !ok || target != "'问题'!B6" {
		t.Errorf("逾期 link %v %q, want '问题'!B6", ok, target)
	}

	// 按单位汇总: the traditional spelling counts with the simplified one.
	units, err := f.GetRows("按单位汇总")
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, r := range units[1:] {
		got = append(got, strings.Join(r, "|"))
	}
	wantUnits := []string{"乙县民政局党组|1|6|2|3|1|33.3%|2", "甲县教育局党组|2|7|2|4|1|28.6%|3"}
	if strings.Join(got, "\n") != strings.Join(wantUnits, "\n") {
		t.Errorf("按单位汇总:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantUnits, "\n"))
	}

	// 概览: rates each from the bulletin's own figures, the 合计 row weighted.
	ov := func(header string, row int) string { return cellValue(t, f, "概览", at(overviewCols, header, row)) }
	if a, b := ov("问题完成率", 2), ov("措施完成率", 2); a != "33.3%" || b != "50.0%" {
		t.Errorf("概览 rates %q %q, want 33.3%% and 50.0%%", a, b)
	}
	if got := ov("声明正在整改", 2); got != "4" {
		t.Errorf("概览 声明正在整改 = %q", got)
	}
	// 4 done of the 12 declared by the two bulletins that declare both; the third's total of
	// 100, declared without a done count, does not lower it.
	if got := ov("问题完成率", 5); got != "33.3%" {
		t.Errorf("合计 问题完成率 = %q, want 4/12", got)
	}
	if fm, _ := f.GetCellFormula("概览", at(overviewCols, "问题完成率", 5)); !strings.Contains(fm, "SUBTOTAL(109,OFFSET(N2,ROW(N2:N4)-ROW(N2),0)),--(L2:L4<>") {
		t.Errorf("合计 问题完成率 formula %q", fm)
	}
}

func TestLedgerCopiesAndDuplicates(t *testing.T) {
	a := ledgerBulletin("甲县教育局党组")
	a.Source.Path = "a.html"
	copyOf := ledgerBulletin("甲县教育局党组")
	copyOf.Source.Path = "b.doc"
	path := writeBook(t, []*bulletin.Bulletin{a, copyOf})
	w, err := Create(path + ".2.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	w.Add(a)
	w.AddDuplicate("c.html", "a.html")
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	f := openBook(t, path)
	if n := findRow(t, f, "问题", 2, "2-P1"); n != 0 {
		t.Error("the republished copy was written to 问题")
	}
	if got := cellValue(t, f, "错误", "B2"); cellValue(t, f, "错误", "A2") != "b.doc" || !strings.Contains(got, "转载副本") || !strings.Contains(got, "a.html") {
		t.Errorf("错误 row 2 = %q", got)
	}
	f2 := openBook(t, path+".2.xlsx")
	if got := cellValue(t, f2, "错误", "B2"); !strings.HasPrefix(got, "重复：与 a.html 内容相同") {
		t.Errorf("错误 duplicate row = %q", got)
	}
}

func TestCheckResult(t *testing.T) {
	ok := bulletin.Check{Code: "problems_count", OK: true, Message: "声明问题14个，识别14个"}
	badP := bulletin.Check{Code: "problems_count", Message: "声明14个问题，识别13个"}
	badM := bulletin.Check{Code: "measures_count", Message: "声明整改措施28项，识别25项"}
	for _, c := range []struct {
		checks []bulletin.Check
		want   string
	}{
		{nil, ""},
		{[]bulletin.Check{ok}, "一致"},
		{[]bulletin.Check{ok, badM}, "措施数有出入（提示）：声明整改措施28项，识别25项"},
		{[]bulletin.Check{badP}, "不一致：声明14个问题，识别13个"},
		{[]bulletin.Check{badP, badM}, "不一致：声明14个问题，识别13个（另：声明整改措施28项，识别25项）"},
	} {
		if got := checkResult(c.checks); got != c.want {
			t.Errorf("checkResult(%v) = %q, want %q", c.checks, got, c.want)
		}
	}
}

func TestJoinLines(t *testing.T) {
	for in, want := range map[string]string{
		"部分社区养老服务设施\n配套不足": "部分社区养老服务设施配套不足",
		"资金\r\n使用": "资金使用",
		"PPP\n项目":  "PPP项目",
		"PPP\nPPP": "PPP PPP",
		"一行":       "一行",
		"末尾。\n下一句": "末尾。下一句",
	} {
		if got := joinLines(in); got != want {
			t.Errorf("joinLines(%q) = %q, want %q", in, got, want)
		}
	}
}
