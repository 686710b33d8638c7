package workbook

// Sheet names, in workbook order.
const (
	SheetOverview   = "概览"
	SheetChartData  = "图表"
	SheetProblems   = "问题"
	SheetByUnit     = "按单位汇总"
	SheetOverdue    = "逾期"
	SheetMeasures   = "措施"
	SheetMetrics    = "指标"
	SheetSections   = "章节"
	SheetParagraphs = "段落"
	SheetKeywords   = "关键词"
	SheetFailures   = "错误"
)

// sheetSpec is one sheet: its name, its table's name, frozen columns, and columns.
type sheetSpec struct {
	name, table string
	xSplit      int
	wrapRows    bool
	cols        []column
}

// The sheets and their columns, one table per sheet. Widths are bounds; the writer measures
// the first rows and picks a width between them.
var sheetSpecs = []sheetSpec{
	{SheetOverview, "概览表", 3, false, overviewCols},
	{SheetChartData, "图表数据表", 0, false, chartDataCols},
	{SheetProblems, "问题表", 3, true, problemCols},
	{SheetByUnit, "按单位汇总表", 1, false, byUnitCols},
	{SheetOverdue, "逾期表", 2, true, overdueCols},
	{SheetMeasures, "措施表", 0, true, measureCols},
	{SheetMetrics, "指标表", 0, false, metricCols},
	{SheetSections, "章节表", 0, false, sectionCols},
	{SheetParagraphs, "段落表", 0, true, paragraphCols},
	{SheetKeywords, "关键词表", 0, false, keywordCols},
	{SheetFailures, "错误表", 0, true, failureCols},
}

// 概览: one row a bulletin, the 合计 row below them. Rows are one line high (titles are
// clipped, not wrapped) so the charts below the table keep their place. The twelve columns
// of counts and rates are shown and printed; the bulletin's facts (标题, dates, 来源 …) are
// grouped and folded away.
var overviewCols = []column{
	{Header: "序号", Kind: colInt, Min: 6, Max: 8},
	{Header: "标题", Kind: colText, Min: 16, Max: 40, Fold: true},
	{Header: "被巡察单位", Kind: colText, Min: 12, Max: 30},
	{Header: "巡察组", Kind: colText, Min: 10, Max: 24, Fold: true},
	{Header: "轮次", Kind: colText, Min: 8, Max: 20, Fold: true},
	{Header: "类型", Kind: colText, Min: 6, Max: 10, Fold: true},
	{Header: "巡察开始", Kind: colDate, Min: 12, Max: 12, Fold: true},
	{Header: "巡察结束", Kind: colDate, Min: 12, Max: 12, Fold: true},
	{Header: "反馈日期", Kind: colDate, Min: 12, Max: 12, Fold: true},
	{Header: "截至日期", Kind: colDate, Min: 12, Max: 12},
	{Header: "发布日期", Kind: colDate, Min: 12, Max: 12, Fold: true},
	{Header: "声明问题数", Kind: colInt, Min: 8, Max: 12},
	{Header: "识别问题数", Kind: colInt, Min: 8, Max: 12}, // links to the bulletin's first problem
	{Header: "声明已完成", Kind: colInt, Min: 8, Max: 12},
	{Header: "声明正在整改", Kind: colInt, Min: 8, Max: 12},
	{Header: "声明措施数", Kind: colInt, Min: 8, Max: 12},
	{Header: "声明措施已完成", Kind: colInt, Min: 8, Max: 14, Fold: true},
	{Header: "识别措施数", Kind: colInt, Min: 8, Max: 12},
	{Header: "问题完成率", Kind: colPct, Min: 9, Max: 10}, // 声明已完成 ÷ 声明问题数
	{Header: "措施完成率", Kind: colPct, Min: 9, Max: 10}, // 声明措施已完成 ÷ 声明措施数
	{Header: "核对结果", Kind: colText, Min: 10, Max: 40},
	{Header: "指标数", Kind: colInt, Min: 8, Max: 10, Fold: true},
	{Header: "来源", Kind: colLink, Min: 12, Max: 40, Fold: true},
}

// colOf is the 1-based position of the column named header; it panics on a name that is not
// there, which the package's tests would find at once.
func colOf(cols []column, header string) int {
	for i, c := range cols {
		if c.Header == header {
			return i + 1
		}
	}
	panic("workbook: no column " + header)
}

// Column positions the totals row, the charts and the links refer to.
var (
	ovUnit             = colOf(overviewCols, "被巡察单位")
	ovDeclaredProblems = colOf(overviewCols, "声明问题数")
	ovProblems         = colOf(overviewCols, "识别问题数")
	ovDeclaredDone     = colOf(overviewCols, "声明已完成")
	ovDeclaredProgress = colOf(overviewCols, "声明正在整改")
	ovDeclaredMeasures = colOf(overviewCols, "声明措施数")
	ovMeasuresDone     = colOf(overviewCols, "声明措施已完成")
	ovMeasures         = colOf(overviewCols, "识别措施数")
	ovProblemRate      = colOf(overviewCols, "问题完成率")
	ovMeasureRate      = colOf(overviewCols, "措施完成率")
	ovCheck            = colOf(overviewCols, "核对结果")
	ovMetrics          = colOf(overviewCols, "指标数")

	pbID = colOf(problemCols, "问题编号")
)

// 问题: the 整改台账, one row a problem, in the order offices keep it. The twelve columns a
// chief reads are shown and printed; the facts repeated from 概览 and the machine's columns
// (状态来源, 时限日期 …) and the analysis columns are grouped and folded away (the + above
// the column letters opens them).
var problemCols = []column{
	{Header: "序号", Kind: colInt, Min: 6, Max: 8},
	{Header: "问题编号", Kind: colLink, Min: 8, Max: 12},   // unique in the workbook; links to its 措施
	{Header: "被巡察单位", Kind: colLink, Min: 12, Max: 22}, // links to the bulletin's 概览 row
	{Header: "巡察组", Kind: colText, Min: 10, Max: 20, Fold: true},
	{Header: "轮次", Kind: colText, Min: 8, Max: 20, Fold: true},
	{Header: "问题类别", Kind: colWrap, Min: 14, Max: 24},
	{Header: "具体问题", Kind: colWrap, Min: 16, Max: 28},
	{Header: "问题表现", Kind: colWrap, Min: 30, Max: 50},
	{Header: "整改措施", Kind: colWrap, Min: 30, Max: 60}, // numbered 1. 2. …
	{Header: "责任单位", Kind: colWrap, Min: 9, Max: 16},
	{Header: "责任人", Kind: colText, Min: 7, Max: 10},
	{Header: "整改时限", Kind: colWrap, Min: 9, Max: 14},
	{Header: "时限日期", Kind: colDate, Min: 11, Max: 12, Fold: true},
	{Header: "完成情况", Kind: colText, Min: 9, Max: 10},
	{Header: "状态来源", Kind: colText, Min: 9, Max: 11, Fold: true},
	{Header: "截至日期", Kind: colDate, Min: 11, Max: 12, Fold: true},
	{Header: "备注", Kind: colWrap, Min: 12, Max: 24},
	{Header: "主题", Kind: colText, Min: 8, Max: 16, Fold: true},
	{Header: "涉及单位", Kind: colWrap, Min: 10, Max: 30, Fold: true},
	{Header: "关键词", Kind: colWrap, Min: 10, Max: 30, Fold: true},
	{Header: "指标", Kind: colWrap, Min: 10, Max: 30, Fold: true},
}

// 按单位汇总: one row a unit (its traditional and simplified spellings are one unit).
var byUnitCols = []column{
	{Header: "被巡察单位", Kind: colText, Min: 14, Max: 30},
	{Header: "公报数", Kind: colInt, Min: 6, Max: 8},
	{Header: "问题数", Kind: colInt, Min: 6, Max: 8},
	{Header: "已完成", Kind: colInt, Min: 6, Max: 8},
	{Header: "正在整改", Kind: colInt, Min: 8, Max: 10}, // a status other than 已完成
	{Header: "未说明", Kind: colInt, Min: 6, Max: 8},   // no status
	{Header: "问题完成率", Kind: colPct, Min: 9, Max: 10},
	{Header: "逾期", Kind: colInt, Min: 6, Max: 8},
}

// 逾期: problems whose 时限日期 is before their bulletin's 截至日期 and that are not 已完成.
var overdueCols = []column{
	{Header: "问题编号", Kind: colLink, Min: 8, Max: 12}, // links to the 问题 row
	{Header: "被巡察单位", Kind: colText, Min: 12, Max: 22},
	{Header: "问题表现", Kind: colWrap, Min: 30, Max: 50},
	{Header: "整改时限", Kind: colText, Min: 9, Max: 16},
	{Header: "时限日期", Kind: colDate, Min: 11, Max: 12},
	{Header: "截至日期", Kind: colDate, Min: 11, Max: 12},
	{Header: "逾期天数", Kind: colInt, Min: 8, Max: 10},
	{Header: "完成情况", Kind: colText, Min: 9, Max: 10},
}

// 措施: one row a measure.
var measureCols = []column{
	{Header: "序号", Kind: colInt, Min: 6, Max: 8},
	{Header: "问题ID", Kind: colLink, Min: 8, Max: 10}, // links back to the 问题 row
	{Header: "公报", Kind: colLink, Min: 10, Max: 20},
	{Header: "措施序号", Kind: colInt, Min: 8, Max: 8}, // 1 for 一是 …; blank for an unnumbered measure
	{Header: "措施内容", Kind: colWrap, Min: 40, Max: 80},
}

// 指标: one row a quantity.
var metricCols = []column{
	{Header: "原文", Kind: colText, Min: 8, Max: 24},
	{Header: "数值", Kind: colNum, Min: 10, Max: 16},
	{Header: "单位", Kind: colText, Min: 6, Max: 10},
	{Header: "类别", Kind: colText, Min: 6, Max: 8},
	{Header: "约数", Kind: colText, Min: 6, Max: 6},
	{Header: "段落", Kind: colInt, Min: 6, Max: 8},
	{Header: "问题ID", Kind: colLink, Min: 8, Max: 10},
	{Header: "公报", Kind: colLink, Min: 10, Max: 20},
}

// 章节: the section tree.
var sectionCols = []column{
	{Header: "ID", Kind: colText, Min: 6, Max: 12},
	{Header: "级别", Kind: colInt, Min: 6, Max: 6},
	{Header: "标号", Kind: colText, Min: 6, Max: 8},
	{Header: "标题", Kind: colText, Min: 20, Max: 70},
	{Header: "上级", Kind: colText, Min: 6, Max: 12},
	{Header: "公报", Kind: colLink, Min: 10, Max: 20},
}

// 段落: every paragraph and its role.
var paragraphCols = []column{
	{Header: "公报", Kind: colLink, Min: 10, Max: 20},
	{Header: "序号", Kind: colInt, Min: 6, Max: 8},
	{Header: "角色", Kind: colText, Min: 6, Max: 12},
	{Header: "章节", Kind: colText, Min: 6, Max: 10},
	{Header: "问题ID", Kind: colLink, Min: 8, Max: 10},
	{Header: "文本", Kind: colWrap, Min: 40, Max: 90},
}

// 关键词: keywords of the whole text (范围 全文) and of each problem (范围 = its ID).
var keywordCols = []column{
	{Header: "公报", Kind: colLink, Min: 10, Max: 20},
	{Header: "关键词", Kind: colText, Min: 8, Max: 20},
	{Header: "权重", Kind: colWeight, Min: 8, Max: 8},
	{Header: "范围", Kind: colText, Min: 6, Max: 8},
}

// 错误: inputs that failed.
var failureCols = []column{
	{Header: "输入", Kind: colText, Min: 20, Max: 60},
	{Header: "原因", Kind: colWrap, Min: 30, Max: 80},
}

// 图表: the data the charts beside it draw, written when the workbook is closed.
var chartDataCols = []column{
	{Header: "图表", Kind: colText, Min: 8, Max: 12},
	{Header: "名称", Kind: colText, Min: 12, Max: 40},
	{Header: "识别问题数", Kind: colInt, Min: 8, Max: 10},
	{Header: "声明问题数", Kind: colInt, Min: 8, Max: 10},
	{Header: "问题完成率", Kind: colPct, Min: 8, Max: 10},
}
