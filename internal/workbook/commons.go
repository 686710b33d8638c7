package workbook

import "fmt"

// SheetCommons is the report's sheet of 共性问题: problems that recur across units.
const SheetCommons = "共性问题"

// 共性问题: one row a problem in a cluster, the clusters in order, the representative first
// marked 代表.
var commonCols = []column{
	{"共性问题编号", colInt, 8, 10},
	{"共性问题", colText, 12, 30},
	{"涉及单位数", colInt, 8, 10},
	{"问题数", colInt, 6, 8},
	{"代表", colText, 4, 6},
	{"问题表现", colWrap, 30, 60},
	{"被巡察单位", colText, 14, 30},
	{"轮次", colText, 10, 24},
	{"日期", colText, 10, 12},
	{"完成情况", colText, 8, 10},
}

// CommonRow is one problem of a 共性问题 cluster.
type CommonRow struct {
	No             int    // 共性问题编号
	Label          string // the cluster's defining words
	Units, Size    int    // units and problems in the cluster
	Representative bool
	Problem        string
	Unit, Round    string
	Date           string
	Status         string
}

// The report's summary sheets, filled with AddRows.
const (
	SheetByUnit  = "按单位汇总"
	SheetByTheme = "按主题"
	SheetByYear  = "按年度"
	SheetOverdue = "逾期"
)

// ReportSheets are the report's sheets besides the extract workbook's, in order, with their
// columns. AddRows takes each row's values in this order.
var reportSheets = []sheetSpec{
	{SheetCommons, "Commons", 2, true, commonCols},
	{SheetByUnit, "ByUnit", 1, false, []column{
		{"被巡察单位", colText, 14, 30}, {"公报数", colInt, 6, 8}, {"问题数", colInt, 6, 8},
		{"已完成", colInt, 6, 8}, {"问题完成率", colPct, 8, 10}, {"重复出现", colInt, 8, 10}, {"逾期", colInt, 6, 8},
	}},
	{SheetByTheme, "ByTheme", 1, false, []column{
		{"主题", colText, 10, 24}, {"问题数", colInt, 6, 8}, {"已完成", colInt, 6, 8},
		{"未完成", colInt, 6, 8}, {"未注明", colInt, 6, 8}, {"问题完成率", colPct, 8, 10},
	}},
	{SheetByYear, "ByYear", 1, false, []column{
		{"年度", colText, 6, 8}, {"公报数", colInt, 6, 8}, {"问题数", colInt, 6, 8},
		{"已完成", colInt, 6, 8}, {"问题完成率", colPct, 8, 10},
	}},
	{SheetOverdue, "Overdue", 2, true, []column{
		{"被巡察单位", colText, 14, 30}, {"问题", colWrap, 30, 60}, {"整改时限", colText, 10, 16},
		{"到期日", colText, 10, 12}, {"完成情况", colText, 8, 10}, {"公报日期", colText, 10, 12},
	}},
}

// CreateReport starts a workbook like Create, with the report's sheets (共性问题, 按单位汇总,
// 按主题, 按年度, 逾期) before 错误, for AddCommons and AddRows.
func CreateReport(path string) (*Writer, error) {
	var specs []sheetSpec
	for _, s := range sheetSpecs {
		if s.name == SheetFailures {
			specs = append(specs, reportSheets...)
		}
		specs = append(specs, s)
	}
	return create(path, specs)
}

// AddRows writes rows to one of the report's summary sheets (a workbook from CreateReport);
// values are strings, ints or float64 fractions for the rate columns.
func (w *Writer) AddRows(sheet string, rows [][]any) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.usable(); err != nil {
		return err
	}
	s := w.sheets[sheet]
	if s == nil {
		return fmt.Errorf("workbook %s: no %s sheet (use CreateReport)", w.path, sheet)
	}
	for _, r := range rows {
		cells := make([]cell, len(r))
		for i, v := range r {
			if str, ok := v.(string); ok {
				v = nonEmpty(str)
			}
			cells[i] = cell{v: v}
		}
		if err := s.add(cells); err != nil {
			w.err = fmt.Errorf("workbook %s: %w", w.path, err)
			return w.err
		}
	}
	return nil
}

// AddCommons writes the 共性问题 rows (a workbook from CreateReport only).
func (w *Writer) AddCommons(rows []CommonRow) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.usable(); err != nil {
		return err
	}
	s := w.sheets[SheetCommons]
	if s == nil {
		return fmt.Errorf("workbook %s: no %s sheet (use CreateReport)", w.path, SheetCommons)
	}
	for _, r := range rows {
		rep := ""
		if r.Representative {
			rep = "代表"
		}
		if err := s.add([]cell{{v: r.No}, {v: nonEmpty(r.Label)}, {v: r.Units}, {v: r.Size}, {v: rep},
			{v: nonEmpty(r.Problem)}, {v: nonEmpty(r.Unit)}, {v: r.Round}, {v: r.Date}, {v: r.Status}}); err != nil {
			w.err = fmt.Errorf("workbook %s: %w", w.path, err)
			return w.err
		}
	}
	return nil
}
