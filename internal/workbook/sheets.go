package workbook

// Sheet names, in workbook order.
const (
	SheetOverview   = "概览"
	SheetProblems   = "问题"
	SheetMeasures   = "措施"
	SheetMetrics    = "指标"
	SheetSections   = "章节"
	SheetParagraphs = "段落"
	SheetKeywords   = "关键词"
	SheetFailures   = "错误"
	SheetChartData  = "图表数据"
)

// sheetSpec is one sheet: its name, its table's name (Excel table names are ASCII here so
// every spreadsheet program takes them), frozen columns, and columns.
type sheetSpec struct {
	name, table string
	xSplit      int
	wrapRows    bool
	cols        []column
}

// The sheets and their columns, one table per sheet. Widths are bounds; the writer measures
// the first rows and picks a width between them.
var sheetSpecs = []sheetSpec{
	{SheetOverview, "Overview", 3, false, overviewCols},
	{SheetProblems, "Problems", 3, true, problemCols},
	{SheetMeasures, "Measures", 0, true, measureCols},
	{SheetMetrics, "Metrics", 0, false, metricCols},
	{SheetSections, "Sections", 0, false, sectionCols},
	{SheetParagraphs, "Paragraphs", 0, true, paragraphCols},
	{SheetKeywords, "Keywords", 0, false, keywordCols},
	{SheetFailures, "Failures", 0, true, failureCols},
	{SheetChartData, "ChartData", 0, false, chartDataCols},
}

// 概览: one row a bulletin. Rows are one line high (titles are clipped, not wrapped) so the
// charts beside the table keep their size.
var overviewCols = []column{
	{"序号", colInt, 6, 8},
	{"标题", colText, 16, 40},
	{"被巡察单位", colText, 12, 30},
	{"巡察组", colText, 10, 24},
	{"类型", colText, 6, 10},
	{"巡察开始", colDate, 12, 12},
	{"巡察结束", colDate, 12, 12},
	{"反馈日期", colDate, 12, 12},
	{"截至日期", colDate, 12, 12},
	{"发布日期", colDate, 12, 12},
	{"声明问题数", colInt, 8, 12},
	{"识别问题数", colInt, 8, 12},
	{"声明措施数", colInt, 8, 12},
	{"识别措施数", colInt, 8, 12},
	{"完成率", colPct, 9, 10},
	{"核对结果", colText, 10, 30},
	{"指标数", colInt, 8, 10},
	{"来源", colLink, 12, 40},
}

// Column positions in overviewCols that the totals row and the charts refer to.
const (
	ovTitle            = 2
	ovUnit             = 3
	ovDeclaredProblems = 11
	ovProblems         = 12
	ovDeclaredMeasures = 13
	ovMeasures         = 14
	ovRate             = 15
	ovCheck            = 16
	ovMetrics          = 17
)

// 问题: the 整改台账, one row a problem.
var problemCols = []column{
	{"序号", colInt, 6, 8},
	{"问题ID", colLink, 8, 10}, // links to the problem's first 措施 row
	{"公报", colLink, 10, 20},  // links to the bulletin's 概览 row
	{"被巡察单位", colText, 12, 20},
	{"问题类别", colWrap, 16, 30}, // the category heading's quote
	{"整改主题", colWrap, 16, 30}, // the topic heading's quote
	{"问题描述", colWrap, 30, 60},
	{"整改措施", colWrap, 30, 60}, // numbered 1. 2. …
	{"措施数", colInt, 7, 8},
	{"完成情况", colText, 9, 12},
	{"责任单位", colWrap, 9, 20},
	{"责任人", colText, 7, 12},
	{"整改时限", colText, 9, 16},
	{"主题", colText, 8, 16},
	{"主题依据", colWrap, 10, 24},
	{"涉及单位", colWrap, 10, 30},
	{"关键词", colWrap, 10, 30},
	{"指标", colWrap, 10, 30},
}

// 措施: one row a measure.
var measureCols = []column{
	{"序号", colInt, 6, 8},
	{"问题ID", colLink, 8, 10}, // links back to the 问题 row
	{"公报", colLink, 10, 20},
	{"措施序号", colInt, 8, 8}, // 1 for 一是 …; blank for an unnumbered measure
	{"措施内容", colWrap, 40, 80},
}

// 指标: one row a quantity.
var metricCols = []column{
	{"原文", colText, 8, 24},
	{"数值", colNum, 10, 16},
	{"单位", colText, 6, 10},
	{"类别", colText, 6, 8},
	{"约数", colText, 6, 6},
	{"段落", colInt, 6, 8},
	{"问题ID", colLink, 8, 10},
	{"公报", colLink, 10, 20},
}

// 章节: the section tree.
var sectionCols = []column{
	{"ID", colText, 6, 12},
	{"级别", colInt, 6, 6},
	{"标号", colText, 6, 8},
	{"标题", colText, 20, 70},
	{"上级", colText, 6, 12},
	{"公报", colLink, 10, 20},
}

// 段落: every paragraph and its role.
var paragraphCols = []column{
	{"公报", colLink, 10, 20},
	{"序号", colInt, 6, 8},
	{"角色", colText, 6, 12},
	{"章节", colText, 6, 10},
	{"问题ID", colLink, 8, 10},
	{"文本", colWrap, 40, 90},
}

// 关键词: keywords of the whole text (范围 全文) and of each problem (范围 = its ID).
var keywordCols = []column{
	{"公报", colLink, 10, 20},
	{"关键词", colText, 8, 20},
	{"权重", colWeight, 8, 8},
	{"范围", colText, 6, 8},
}

// 错误: inputs that failed.
var failureCols = []column{
	{"输入", colText, 20, 60},
	{"原因", colWrap, 30, 80},
}

// 图表数据: the data the charts on 概览 draw, written when the workbook is closed.
var chartDataCols = []column{
	{"图表", colText, 8, 12},
	{"名称", colText, 12, 40},
	{"问题数", colInt, 8, 8},
	{"完成率", colPct, 8, 8},
}
