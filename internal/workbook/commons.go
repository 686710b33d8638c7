package workbook

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// SheetCommons is the report's sheet of 共性问题: problems that recur across units.
const SheetCommons = "共性问题"

// 共性问题: one row a problem in a cluster, the clusters in order, the representative first
// marked 代表.
var commonCols = []column{
	{Header: "共性问题编号", Kind: colInt, Min: 8, Max: 10},
	{Header: "共性问题", Kind: colText, Min: 12, Max: 30},
	{Header: "涉及单位数", Kind: colInt, Min: 8, Max: 10},
	{Header: "问题数", Kind: colInt, Min: 6, Max: 8},
	{Header: "代表", Kind: colText, Min: 4, Max: 6},
	{Header: "问题表现", Kind: colWrap, Min: 30, Max: 60},
	{Header: "被巡察单位", Kind: colText, Min: 14, Max: 30},
	{Header: "轮次", Kind: colText, Min: 10, Max: 24},
	{Header: "日期", Kind: colText, Min: 10, Max: 12},
	{Header: "完成情况", Kind: colText, Min: 8, Max: 10},
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
	SheetByTheme = "按主题"
	SheetByYear  = "按年度"
)

// ReportSheets are the report's sheets besides the extract workbook's, in order, with their
// columns. AddRows takes each row's values in this order.
var reportSheets = []sheetSpec{
	{SheetCommons, "共性问题表", 2, true, commonCols},
	{SheetByUnit, "按单位汇总表", 1, false, []column{
		{Header: "被巡察单位", Kind: colText, Min: 14, Max: 30}, {Header: "公报数", Kind: colInt, Min: 6, Max: 8}, {Header: "问题数", Kind: colInt, Min: 6, Max: 8},
		{Header: "已完成", Kind: colInt, Min: 6, Max: 8}, {Header: "问题完成率", Kind: colPct, Min: 8, Max: 10}, {Header: "重复出现", Kind: colInt, Min: 8, Max: 10}, {Header: "逾期", Kind: colInt, Min: 6, Max: 8},
	}},
	{SheetByTheme, "按主题表", 1, false, []column{
		{Header: "主题", Kind: colText, Min: 10, Max: 24}, {Header: "问题数", Kind: colInt, Min: 6, Max: 8}, {Header: "已完成", Kind: colInt, Min: 6, Max: 8},
		{Header: "未完成", Kind: colInt, Min: 6, Max: 8}, {Header: "未注明", Kind: colInt, Min: 6, Max: 8}, {Header: "问题完成率", Kind: colPct, Min: 8, Max: 10},
	}},
	{SheetByYear, "按年度表", 1, false, []column{
		{Header: "年度", Kind: colText, Min: 6, Max: 8}, {Header: "公报数", Kind: colInt, Min: 6, Max: 8}, {Header: "问题数", Kind: colInt, Min: 6, Max: 8},
		{Header: "已完成", Kind: colInt, Min: 6, Max: 8}, {Header: "问题完成率", Kind: colPct, Min: 8, Max: 10},
	}},
	{SheetOverdue, "逾期表", 2, true, []column{
		{Header: "被巡察单位", Kind: colText, Min: 14, Max: 30}, {Header: "问题", Kind: colWrap, Min: 30, Max: 60}, {Header: "整改时限", Kind: colText, Min: 10, Max: 16},
		{Header: "到期日", Kind: colText, Min: 10, Max: 12}, {Header: "完成情况", Kind: colText, Min: 8, Max: 10}, {Header: "公报日期", Kind: colText, Min: 10, Max: 12},
	}},
}

// CreateReport starts a workbook like Create, with the report's sheets (共性问题, 按单位汇总,
// 按主题, 按年度, 逾期) before 错误, for AddCommons and AddRows. Its 按单位汇总 and 逾期 are the
// archive's, across rounds, in place of those an extract workbook fills from its bulletins.
func CreateReport(path string) (*Writer, error) {
	var specs []sheetSpec
	for _, s := range sheetSpecs {
		switch s.name {
		case SheetByUnit, SheetOverdue:
			continue
		case SheetFailures:
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
		return fmt.Errorf("工作簿 %s 没有 %s 表（应由 CreateReport 创建）", w.path, sheet)
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
			w.err = fmt.Errorf("工作簿 %s：%w", w.path, err)
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
		return fmt.Errorf("工作簿 %s 没有 %s 表（应由 CreateReport 创建）", w.path, SheetCommons)
	}
	for _, r := range rows {
		rep := ""
		if r.Representative {
			rep = "代表"
		}
		if err := s.add([]cell{{v: r.No}, {v: nonEmpty(r.Label)}, {v: r.Units}, {v: r.Size}, {v: rep},
			{v: nonEmpty(r.Problem)}, {v: nonEmpty(r.Unit)}, {v: r.Round}, {v: r.Date}, {v: r.Status}}); err != nil {
			w.err = fmt.Errorf("工作簿 %s：%w", w.path, err)
			return w.err
		}
	}
	return nil
}

// themeChart draws the report's 按主题 rows as stacked bars (已完成, 未完成, 未注明 per theme),
// beside the table, the value axis from 0. The sheet must have started streaming.
func (w *Writer) themeChart(s *sheet) error {
	n := s.count
	if n == 0 {
		return nil
	}
	ref := func(col string) string {
		return fmt.Sprintf("'%s'!$%s$2:$%s$%d", SheetByTheme, col, col, n+1)
	}
	name := func(col string) string { return fmt.Sprintf("'%s'!$%s$1", SheetByTheme, col) }
	zero := 0.0
	ch := barChart("各主题问题的完成情况", ref("A"), ref("C"), name("C"), n, "")
	ch.Type = excelize.BarStacked
	ch.Series = []excelize.ChartSeries{
		{Name: name("C"), Categories: ref("A"), Values: ref("C")},
		{Name: name("D"), Categories: ref("A"), Values: ref("D")},
		{Name: name("E"), Categories: ref("A"), Values: ref("E")},
	}
	ch.Legend = excelize.ChartLegend{Position: "bottom"}
	ch.YAxis.Minimum = &zero
	ch.YAxis.NumFmt = excelize.ChartNumFmt{CustomNumFmt: "0"}
	return w.f.AddChart(SheetByTheme, cellName(len(s.cols)+2, 2), ch)
}
