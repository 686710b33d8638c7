package workbook

import (
	"fmt"
	"strings"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// seedBulletin is a hand-built record of part of the user's sample
// (../shared/corpus/seed/yushu-wenguanglv-2024.txt): three of its problems, with their quotes,
// measures and quantities as the extractor is meant to find them.
func seedBulletin() *bulletin.Bulletin {
	q1 := "部分基层单位党员干部理论学习不够认真。市图书馆有4人、市博物馆有1人笔记书写字迹潦草。市文化馆有1人笔记内容记录较少"
	q2 := "2021年9月6日，市文广旅局购买电脑1台，金额4800元，直接列支，未计入固定资产；2020年8月22日，市全民健身中心购买打印机支付 3200元，直接列支，未计入固定资产。以上2笔财务不规范问题，已责成市文广旅局党组立行立改"
	q3 := "基层单位执行“三重一大”制度不够严格。2022年，市博物馆、市文化馆、市全民健身中心召开支委会时，以研究党建工作为主，财务重大支出事项未纳入支委会研究"
	m4800 := bulletin.Metric{Text: "4800元", Value: 4800, Unit: "元", Kind: "money", Paragraph: 9, Start: 30, End: 35, Owner: "P2"}
	m3200 := bulletin.Metric{Text: "3200元", Value: 3200, Unit: "元", Kind: "money", Paragraph: 9, Start: 80, End: 85, Owner: "P2"}
	m180 := bulletin.Metric{Text: "180余件", Value: 180, Unit: "件", Kind: "count", Approx: true, Paragraph: 12, Start: 60, End: 65}
	m50 := bulletin.Metric{Text: "50%", Value: 50, Unit: "%", Kind: "percent", Paragraph: 13, Start: 40, End: 43}
	m4 := bulletin.Metric{Text: "4人", Value: 4, Unit: "人", Kind: "people", Paragraph: 6, Start: 30, End: 32, Owner: "P1"}
	return &bulletin.Bulletin{
		Source:       bulletin.Source{Path: "corpus/seed/yushu-wenguanglv-2024.txt", Format: "txt", Encoding: "utf-8", Bytes: 12345},
		Title:        "中共榆树市文广旅局党组关于市委第一巡察组巡察反馈意见整改进展情况的通报",
		Kind:         bulletin.KindXuncha,
		Unit:         "文广旅局党组",
		Inspector:    "市委第一巡察组",
		Inspection:   bulletin.Period{Start: "2023-08-24", End: "2023-10-23"},
		FeedbackDate: "2023-12-01",
		AsOfDate:     "2024-02-22",
		Declared: bulletin.Declared{ProblemsTotal: bulletin.IntPtr(14), ProblemsDone: bulletin.IntPtr(14),
			MeasuresTotal: bulletin.IntPtr(28), MeasuresDone: bulletin.IntPtr(28)},
		Sections: []bulletin.Section{
			{ID: "S1", Level: 1, Marker: "一、", Title: "强化领导能力，确保巡察整改顺利开展", Paragraph: 1},
			{ID: "S2", Level: 1, Marker: "二、", Title: "强化执行能力，全力推进整改任务落实", Paragraph: 3},
			{ID: "S2.1", Level: 2, Marker: "（一）", Title: "关于“聚焦党中央各项决策部署在基层的落实情况”方面", Parent: "S2", Paragraph: 4},
			{ID: "S2.1.1", Level: 3, Marker: "1.", Title: "关于“学习宣传贯彻习近平新时代中国特色社会主义思想和党的二十大精神不够深入”问题整改情况", Parent: "S2.1", Paragraph: 5},
		},
		Problems: []bulletin.Problem{
			{ID: "P1", Section: "S2.1.1", Category: "聚焦党中央各项决策部署在基层的落实情况",
				Topic: "学习宣传贯彻习近平新时代中国特色社会主义思想和党的二十大精神不够深入", Quote: q1, Status: "已完成",
				Theme: "理论学习", ThemeWords: []string{"理论学习", "笔记"},
				Measures: []bulletin.Measure{
					{Ordinal: 1, Text: "局机关党委督促党员干部加强理论知识学习，对全体党员干部自主学习情况进行3次抽查指导，对理论学习不主动、应付了事的党员干部进行了及时批评和督促", Paragraph: 6},
					{Ordinal: 2, Text: "对学习笔记不完整、不规范的同志给予批评教育，督促其完成好学习笔记，做到齐全、规范。并要求全体干部使用部机关办公室下发的笔记本记录学习笔记，层层抓好落实。", Paragraph: 6},
				},
				Metrics: []bulletin.Metric{m4}, Orgs: []string{"市图书馆", "市博物馆", "市文化馆"},
				Keywords: []bulletin.Keyword{{Term: "笔记", Weight: 0.8}, {Term: "理论学习", Weight: 0.6}}, Paragraph: 6},
			{ID: "P2", Section: "S2.1.1", Category: "聚焦群众身边腐败问题和不正之风以及群众反映强烈的问题",
				Topic: "财务业务不够规范", Quote: q2, Status: "已完成", Department: "市文广旅局", Theme: "财务管理",
				Measures: []bulletin.Measure{
					{Ordinal: 1, Text: "强化主要领导第一责任人意识，进一步健全和严格落实了财务管理制度", Paragraph: 9},
					{Ordinal: 2, Text: "进一步加强固定资产管理，调整账目科目，将电脑进行盘盈处理，计入固定资产账目。", Paragraph: 9},
				},
				Metrics: []bulletin.Metric{m4800, m3200}, Orgs: []string{"市文广旅局", "市全民健身中心"}, Paragraph: 9},
			{ID: "P3", Section: "S2.1.1", Category: "聚焦基层党组织建设", Topic: "党内政治生活不够严肃认真", Quote: q3,
				Status: "已完成", Theme: "三重一大",
				Measures: []bulletin.Measure{{Ordinal: 0, Text: "进一步压实主体责任、“一把手”责任和“一岗双责”，严格监督和指导市博物馆、市文化馆、市全民健身中心等基层单位正确处理好“三重一大”事项。", Paragraph: 11}},
				Orgs:     []string{"市博物馆"}, Paragraph: 11},
		},
		Metrics:  []bulletin.Metric{m4, m4800, m3200, m180, m50},
		Keywords: []bulletin.Keyword{{Term: "意识形态", Weight: 1.2}, {Term: "文化", Weight: 0.9}},
		Themes:   []bulletin.ThemeCount{{Theme: "理论学习", Count: 1}, {Theme: "财务管理", Count: 1}, {Theme: "三重一大", Count: 1}},
		Paragraphs: []bulletin.Paragraph{
			{Index: 0, Role: bulletin.RoleHeader, Text: "根据市委统一部署，2023年8月24日至10月23日，市委第一巡察组对文广旅局党组进行了巡察。12月1日，反馈了巡察意见。"},
			{Index: 1, Role: bulletin.RoleHeading, Section: "S1", Text: "一、强化领导能力，确保巡察整改顺利开展"},
			{Index: 2, Role: bulletin.RoleTotals, Section: "S1", Text: "截至2024年2月22日，制定的28项整改措施，已完成落实28项；反馈的14个具体问题，已完成整改14个。"},
			{Index: 6, Role: bulletin.RoleProblem, Section: "S2.1.1", Problem: "P1", Text: "针对“" + q1 + "”问题。一是……二是……"},
			{Index: 9, Role: bulletin.RoleProblem, Section: "S2.1.1", Problem: "P2", Text: "针对“" + q2 + "”问题。一是……二是……"},
			{Index: 11, Role: bulletin.RoleProblem, Section: "S2.1.1", Problem: "P3", Text: "针对“" + q3 + "”问题。进一步压实主体责任……"},
		},
		Checks: []bulletin.Check{{Code: "problems_count", OK: false, Message: "声明14个问题，识别3个"}},
	}
}

// synthBulletin is a generated bulletin with n problems of two measures and one metric each.
func synthBulletin(i, n int) *bulletin.Bulletin {
	b := &bulletin.Bulletin{
		Source:      bulletin.Source{Path: fmt.Sprintf("corpus/synth/%04d.txt", i), Format: "txt"},
		Title:       fmt.Sprintf("关于第%d轮巡察整改进展情况的通报", i),
		Kind:        bulletin.KindXuncha,
		Unit:        fmt.Sprintf("第%d局党组", i),
		Inspector:   "市委第二巡察组",
		AsOfDate:    bulletin.Day(fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28)),
		PublishDate: "2024-03-01",
		Declared:    bulletin.Declared{ProblemsTotal: bulletin.IntPtr(n), ProblemsDone: bulletin.IntPtr(n - i%3)},
		Sections:    []bulletin.Section{{ID: "S1", Level: 1, Marker: "一、", Title: "整改落实情况"}},
		Checks:      []bulletin.Check{{Code: "problems_count", OK: true, Message: "一致"}},
	}
	themes := []string{"理论学习", "财务管理", "选人用人", "作风建设", "意识形态"}
	for j := 1; j <= n; j++ {
		id := fmt.Sprintf("P%d", j)
		m := bulletin.Metric{Text: fmt.Sprintf("%d.5万元", j), Value: float64(j)*10000 + 5000, Unit: "元", Kind: "money", Paragraph: j, Owner: id}
		b.Problems = append(b.Problems, bulletin.Problem{
			ID: id, Section: "S1", Category: "聚焦基层党组织建设", Topic: "财务业务不够规范",
			Quote:  fmt.Sprintf("第%d个问题：%s，资金%s未按规定列支", j, strings.Repeat("制度执行不够严格，", 1+j%4), m.Text),
			Status: "已完成", Theme: themes[(i+j)%len(themes)],
			Measures: []bulletin.Measure{
				{Ordinal: 1, Text: "健全制度，明确责任分工，建立长效机制", Paragraph: j},
				{Ordinal: 2, Text: "开展专项检查，对相关人员进行批评教育", Paragraph: j},
			},
			Metrics: []bulletin.Metric{m}, Orgs: []string{"市财政局"},
			Keywords: []bulletin.Keyword{{Term: "制度", Weight: 0.5}},
		})
		b.Metrics = append(b.Metrics, m)
		b.Paragraphs = append(b.Paragraphs, bulletin.Paragraph{Index: j, Role: bulletin.RoleProblem, Section: "S1", Problem: id, Text: b.Problems[j-1].Quote})
	}
	return b
}
