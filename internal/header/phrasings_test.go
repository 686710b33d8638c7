package header

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/structure"
)

// headerFacts runs Parse and Extract on text (one paragraph a line) with the given title
// and publisher, and returns the facts by name, as TestHeaderPhrasings compares them.
func headerFacts(text, title, publisher string) (map[string]string, *bulletin.Bulletin) {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	b := &bulletin.Bulletin{Title: title, Publisher: publisher}
	b.Paragraphs, b.Sections = structure.Parse(lines)
	Extract(b)
	got := map[string]string{
		"unit": b.Unit, "inspector": b.Inspector, "kind": b.Kind, "round": b.Round,
		"start": string(b.Inspection.Start), "end": string(b.Inspection.End),
		"feedback": string(b.FeedbackDate), "as_of": string(b.AsOfDate),
		"problems": ptrString(b.Declared.ProblemsTotal), "problems_done": ptrString(b.Declared.ProblemsDone),
		"in_progress": ptrString(b.Declared.ProblemsInProgress), "rate": ptrString(b.Declared.RatePercent),
		"measures": ptrString(b.Declared.MeasuresTotal), "measures_done": ptrString(b.Declared.MeasuresDone),
		"other": fmt.Sprintf("%q", b.Declared.Other),
	}
	for i, p := range b.Paragraphs {
		got[fmt.Sprintf("role%d", i)] = p.Role
	}
	return got, b
}

// TestHeaderMorePhrasings covers openings, feedback sentences, unit forms, declared totals and
// titles in the phrasings of 纪委监委 and 党务公开 sites that the shared corpus does not show.
// The texts are written for this test; the expected values follow the gold format (unit and
// inspector as written, dates only where the day is certain, null where absent).
func TestHeaderMorePhrasings(t *testing.T) {
	tests := []struct {
		name, title, publisher, text string
		want                         map[string]string
	}{
		// Audits of one unit and totals with thousands separators (testdata/excerpts 015, 008).
		{"audit of one unit: 对UNIT…进行了审计, 印发了审计报告, 审计指出", "", "",
			"2022年9月至10月,省审计厅对湖南理工学院2019年至2021年财务收支情况进行了审计,并于2022年12月9日印发了审计报告。审计指出4个方面17个问题,涉及金额3,842.6万元。截至2023年3月31日,已整改完成15个,整改率88.24%;剩余2个问题因历史遗留原因,正在积极推进整改。",
			map[string]string{"unit": "湖南理工学院", "inspector": "省审计厅", "feedback": "2022-12-09", "kind": "审计整改",
				"problems": "17", "problems_done": "15", "in_progress": "2", "rate": "88.24"}},
		{"audit of one unit: 经济责任审计, 出具了审计报告", "", "",
			"2023年5月,市审计局对市交通运输局原局长任职期间经济责任履行情况进行了审计,于2023年8月2日出具了审计报告。现将审计发现问题的整改情况公告如下。",
			map[string]string{"unit": "市交通运输局", "inspector": "市审计局", "feedback": "2023-08-02"}},
		{"all done in a later clause", "", "",
			"对巡察反馈的4个方面16个问题，局党组立行立改12个，限期整改4个，目前已全部整改完成。",
			map[string]string{"problems": "16", "problems_done": "16", "in_progress": "null", "measures": "null"}},
		{"all done in a later clause about the measures", "", "",
			"巡察反馈问题16个，局党组制定整改措施40条，目前已全部完成。",
			map[string]string{"problems": "16", "problems_done": "null", "measures": "40", "measures_done": "40"}},
		{"totals with thousands separators", "", "",
			"截至2023年12月底,对巡视反馈的1,126个问题,已完成整改1,053个,整改完成率93.5%;制定整改措施3,274条,已完成3,089条。",
			map[string]string{"problems": "1126", "problems_done": "1053", "rate": "93.5", "measures": "3274", "measures_done": "3089"}},
		// Rates and done counts in the phrasings of testdata/excerpts 025, 032, 033, 034.
		{"占比 after a done count is the rate", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n对反馈的五个方面17个问题，制定整改措施62条，截至12月20日已完成55条，占比88.7%。",
			map[string]string{"problems": "17", "measures": "62", "measures_done": "55", "rate": "88.7"}},
		{"占比 without a done count is no rate", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n巡察反馈问题12个，制定整改措施30条，班子中女性干部占比30%。",
			map[string]string{"problems": "12", "measures": "30", "rate": "null"}},
		{"rate in tenths: 整改率已达九成以上", "", "",
			"今年5月8日至6月30日，区委第一巡察组对南湖街道党工委开展了常规巡察。街道党工委共认领问题三十多个，目前问题整改率已达九成以上。",
			map[string]string{"problems": "30", "rate": "90"}},
		{"整改措施完成N条", "", "",
			"根据县委部署，县委第三巡察组对县财政局党组进行了巡察。\n局党组对巡察反馈的31个问题全部认领，制定整改措施96条。截至2024年2月29日，31个问题已完成整改28个，整改措施完成89条。",
			map[string]string{"problems": "31", "problems_done": "28", "measures": "96", "measures_done": "89"}},
		{"截至 progress in section 二 without naming the findings", "", "",
			"根据县委部署，县委第六巡察组对县供销社党组开展了巡察。\n一、整改工作开展情况\n针对巡察反馈的3个方面10个问题,制定整改措施35条。\n二、整改完成情况\n1．整改问题销号。截至2023年5月15日,已完成整改问题8个,整改措施完成31条,完成率88.57%。",
			map[string]string{"problems": "10", "problems_done": "8", "measures": "35", "measures_done": "31", "rate": "88.57"}},
		{"a total named with its progress: 72条整改措施已完成65条", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n截至9月底，巡察反馈的23个问题中，已完成整改20个；72条整改措施已完成65条。",
			map[string]string{"problems": "23", "problems_done": "20", "measures": "72", "measures_done": "65"}},
		{"rate in Chinese numerals: 百分之九十四点四", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n县委巡察组反馈的五个方面二十三个问题，局党组细化为七十二条整改措施，目前已完成六十八条，整改完成率达百分之九十四点四。",
			map[string]string{"problems": "23", "measures": "72", "measures_done": "68", "rate": "94.4"}},
		{"rate 百分之百", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n巡察反馈的12个问题已全部整改完成，整改完成率为百分之百。",
			map[string]string{"problems": "12", "problems_done": "12", "rate": "100"}},
		// Inspectors.
		{"中共…省委第N巡视组", "", "",
			"根据省委统一部署，2022年3月10日至5月10日，中共湖北省委第三巡视组对襄阳市开展了常规巡视，并于2022年7月8日向襄阳市委反馈了巡视意见。",
			map[string]string{"inspector": "中共湖北省委第三巡视组", "unit": "襄阳市", "start": "2022-03-10", "end": "2022-05-10", "feedback": "2022-07-08", "kind": "巡视"}},
		{"十一届省委第八轮, feedback by the group", "", "",
			"根据十一届省委第八轮巡视工作安排，2021年10月18日至12月20日，省委第二巡视组对省水利厅党组进行了巡视。2022年2月24日，省委第二巡视组向省水利厅党组反馈了巡视意见。",
			map[string]string{"round": "十一届省委第八轮", "inspector": "省委第二巡视组", "unit": "省水利厅党组", "start": "2021-10-18", "end": "2021-12-20", "feedback": "2022-02-24"}},
		{"到, 镇党委", "", "",
			"按照县委巡察工作统一部署，2023年3月20日到5月19日，县委第二巡察组对城关镇党委进行了常规巡察，5月30日反馈了巡察意见。",
			map[string]string{"inspector": "县委第二巡察组", "unit": "城关镇党委", "start": "2023-03-20", "end": "2023-05-19", "feedback": "2023-05-30", "kind": "巡察"}},
		{"unnumbered 市委巡察组, 医院党委", "", "",
			"根据市委统一安排，市委巡察组于2022年9月5日至10月28日对市第一人民医院党委开展了专项巡察。",
			map[string]string{"inspector": "市委巡察组", "unit": "市第一人民医院党委", "start": "2022-09-05", "end": "2022-10-28", "feedback": ""}},
		{"区委第一巡察组于…进行了常规巡察", "", "",
			"区委第一巡察组于2022年3月1日至4月30日对区人力资源和社会保障局党组进行了常规巡察，并于2022年6月15日向区人力资源和社会保障局党组反馈了巡察意见。",
			map[string]string{"inspector": "区委第一巡察组", "unit": "区人力资源和社会保障局党组", "start": "2022-03-01", "end": "2022-04-30", "feedback": "2022-06-15"}},
		{"回头看 with ～, 街道党工委", "", "",
			"根据区委统一部署，2023年5月8日～6月9日，区委第三巡察组对向阳街道党工委开展了巡察“回头看”，7月12日反馈了巡察意见。",
			map[string]string{"unit": "向阳街道党工委", "start": "2023-05-08", "end": "2023-06-09", "feedback": "2023-07-12"}},
		{"开展了“回头看” without the kind", "", "",
			"2023年10月9日—11月10日，市委第四巡察组对市审计局党组开展了“回头看”，并于2023年12月5日进行了反馈。",
			map[string]string{"unit": "市审计局党组", "start": "2023-10-09", "end": "2023-11-10", "feedback": "2023-12-05"}},
		{"专项巡察 of a 党组, dash period", "", "",
			"根据市委部署，2022年4月6日-2022年5月20日，市委第五巡察组对市住房和城乡建设局党组进行了专项巡察。",
			map[string]string{"unit": "市住房和城乡建设局党组", "start": "2022-04-06", "end": "2022-05-20"}},
		{"联动巡察", "", "",
			"根据县委部署，县委第四巡察组与县纪委监委联动，于2023年4月10日至5月26日对县人民医院党委开展了联动巡察。",
			map[string]string{"inspector": "县委第四巡察组", "unit": "县人民医院党委", "start": "2023-04-10", "end": "2023-05-26"}},
		{"交叉巡察组", "", "",
			"根据市委统一部署，2022年8月29日至10月28日，市委第二交叉巡察组对龙门县林业局党组开展了交叉巡察。",
			map[string]string{"inspector": "市委第二交叉巡察组", "unit": "龙门县林业局党组"}},
		{"提级巡察 of a village", "", "",
			"2023年5月15日至6月30日，县委第一巡察组对红星村党总支开展了提级巡察，于8月2日向红星村党总支反馈了巡察意见。",
			map[string]string{"unit": "红星村党总支", "feedback": "2023-08-02"}},
		{"机动巡视", "", "",
			"2023年4月7日至6月5日，中央第十五巡视组对国家体育总局党组开展了机动巡视。2023年9月20日，中央第十五巡视组向国家体育总局党组反馈了巡视意见。",
			map[string]string{"inspector": "中央第十五巡视组", "unit": "国家体育总局党组", "feedback": "2023-09-20"}},
		{"combined groups 第一、第二巡察组", "", "",
			"根据县委安排，县委第一、第二巡察组于2023年3月1日至4月28日对县教育体育局党组进行了巡察。",
			map[string]string{"inspector": "县委第一、第二巡察组", "unit": "县教育体育局党组", "start": "2023-03-01", "end": "2023-04-28"}},
		{"combined groups without a level", "", "",
			"2023年3月1日至4月28日，第二、第三巡察组对县农业农村局党组进行了常规巡察。",
			map[string]string{"inspector": "第二、第三巡察组", "unit": "县农业农村局党组"}},
		{"round-named group 市委第二轮巡察第一组", "", "",
			"根据市委统一部署，2023年9月4日至10月27日，市委第二轮巡察第一组对市交通运输局党组进行了巡察，12月8日反馈了巡察意见。",
			map[string]string{"inspector": "市委第二轮巡察第一组", "unit": "市交通运输局党组", "feedback": "2023-12-08", "round": "市委第二轮"}},
		{"round-named group with 届", "", "",
			"2022年3月7日至4月29日，十届市委第五轮巡察第三巡察组对市民政局党组进行了常规巡察。",
			map[string]string{"inspector": "十届市委第五轮巡察第三巡察组", "unit": "市民政局党组", "round": "十届市委第五轮"}},
		{"及所属单位 kept, what follows left out", "", "",
			"根据市委部署，市委第四巡察组于2022年9月1日至10月31日对市财政局党组及所属单位落实全面从严治党主体责任情况开展了专项巡察。",
			map[string]string{"unit": "市财政局党组及所属单位", "start": "2022-09-01"}},
		{"及所属单位 before 进行了", "", "",
			"2022年9月1日至10月31日，市委第四巡察组对市财政局党组及所属单位进行了巡察。",
			map[string]string{"unit": "市财政局党组及所属单位"}},
		{"round-named provincial group", "", "",
			"根据省委统一部署，2021年4月8日至5月31日，十一届省委第十一轮巡视第三巡视组对某某大学党委进行了巡视。",
			map[string]string{"inspector": "十一届省委第十一轮巡视第三巡视组", "unit": "某某大学党委", "round": "十一届省委第十一轮", "kind": "巡视"}},
		{"an enterprise's own group", "", "",
			"2023年4月10日至6月9日，集团党组第二巡视组对某某电力有限公司党委开展了常规巡视。",
			map[string]string{"inspector": "集团党组第二巡视组", "unit": "某某电力有限公司党委"}},
		{"a university's own group", "", "",
			"2023年4月10日至5月19日，校党委第一巡察组对化学学院党委开展了巡察。",
			map[string]string{"inspector": "校党委第一巡察组", "unit": "化学学院党委", "kind": "巡察"}},
		{"a department's committee named in full", "", "",
			"根据市税务局党委统一部署，2022年10月9日至11月25日，市税务局党委第一巡察组对某区税务局党委开展了常规巡察。",
			map[string]string{"inspector": "市税务局党委第一巡察组", "unit": "某区税务局党委", "start": "2022-10-09"}},
		{"a province department's group", "", "",
			"2023年3月1日至4月28日，省交通运输厅党组第二巡察组对厅直属某某中心党委进行了巡察。",
			map[string]string{"inspector": "省交通运输厅党组第二巡察组", "unit": "厅直属某某中心党委"}},
		{"机关工委 group", "", "",
			"2023年4月10日至5月19日，省直机关工委第一巡察组对省档案馆机关党委开展了巡察。",
			map[string]string{"inspector": "省直机关工委第一巡察组", "unit": "省档案馆机关党委"}},
		// Feedback sentences.
		{"feedback in the 反馈会", "", "",
			"根据市委部署，2022年4月6日至5月20日，市委第一巡察组对市统计局党组进行了巡察。在2022年7月1日召开的巡察反馈会上，巡察组反馈了巡察意见。",
			map[string]string{"feedback": "2022-07-01"}},
		{"feedback 将…反馈给", "", "",
			"根据市委部署，2022年4月6日至5月20日，市委第一巡察组对市统计局党组进行了巡察，并于2022年6月10日将巡察意见反馈给市统计局党组。",
			map[string]string{"feedback": "2022-06-10"}},
		{"feedback month-level", "", "",
			"根据市委部署，2022年4月6日至5月20日，市委第一巡察组对市统计局党组进行了巡察，2022年6月反馈了巡察意见。",
			map[string]string{"feedback": "2022-06", "start": "2022-04-06"}},
		{"feedback as the group's next sentence", "", "",
			"根据市委部署，2022年4月6日至5月20日，市委第一巡察组对市税务局党委进行了巡察。6月20日，巡察组向市税务局党委反馈了巡察意见。",
			map[string]string{"feedback": "2022-06-20", "unit": "市税务局党委"}},
		{"自…起至", "", "",
			"根据县委部署，县委第五巡察组自2023年4月3日起至5月31日对县商务局党组开展了常规巡察。",
			map[string]string{"start": "2023-04-03", "end": "2023-05-31"}},
		// Unit forms.
		{"集团有限公司党委", "", "",
			"根据省委统一部署，2022年4月6日至5月20日，省委第三巡视组对中国某某集团有限公司党委进行了专项巡视。",
			map[string]string{"unit": "中国某某集团有限公司党委", "inspector": "省委第三巡视组"}},
		{"党组(党委)", "", "",
			"根据市委部署，市委第二巡察组于2023年4月3日至5月31日对市生态环境局党组（党委）进行了巡察。",
			map[string]string{"unit": "市生态环境局党组（党委）"}},
		{"我校 from the title", "中共某某大学委员会关于巡察整改进展情况的通报", "",
			"根据省委统一部署，2022年4月6日至5月20日，省委第六巡视组对我校党委进行了巡视。",
			map[string]string{"unit": "中共某某大学委员会"}},
		{"本单位 from the publisher", "", "某县人民医院",
			"根据县委统一部署，2023年4月3日至5月31日，县委第三巡察组对本单位进行了常规巡察。",
			map[string]string{"unit": "某县人民医院"}},
		{"我局 from a title that opens with 关于", "关于中共某县财政局党组巡察整改进展情况的公告", "",
			"根据县委统一部署，2023年4月3日至5月31日，县委第三巡察组对我局进行了常规巡察。",
			map[string]string{"unit": "中共某县财政局党组"}},
		{"我院 with a title that names only the round", "关于十届县委第三轮巡察整改情况的通报", "某县人民法院",
			"根据县委统一部署，2023年4月3日至5月31日，县委第三巡察组对我院党组进行了常规巡察。",
			map[string]string{"unit": "某县人民法院"}},
		{"unit before the group: 接受了巡察", "", "",
			"2023年4月3日至5月31日，县自然资源局党组接受了县委第三巡察组的常规巡察。",
			map[string]string{"unit": "县自然资源局党组", "inspector": "县委第三巡察组", "start": "2023-04-03"}},
		// Declared totals.
		{"共反馈问题N个，已整改N个、正在整改N个", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n截至2023年12月31日，巡察组共反馈问题30个，已整改28个、正在整改2个，整改完成率93.3%。",
			map[string]string{"problems": "30", "problems_done": "28", "in_progress": "2", "rate": "93.3", "role1": "totals"}},
		{"one in progress, in Chinese numerals", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n巡察反馈的3个方面十二个问题，已完成整改十一个，正在整改一个；细化的四十五条整改措施已全部落实。",
			map[string]string{"problems": "12", "problems_done": "11", "in_progress": "1", "measures": "45", "measures_done": "45"}},
		{"整改完成率100%", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n一、整改情况\n目前，巡察反馈的12个问题已全部完成整改，整改完成率100%。",
			map[string]string{"problems": "12", "problems_done": "12", "rate": "100"}},
		{"制定整改措施N条，已完成N条", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。局党组对照反馈问题，制定整改措施45条，已完成42条，其余3条正在推进。",
			map[string]string{"measures": "45", "measures_done": "42", "in_progress": "null"}},
		{"共梳理出N个方面N项问题", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。局党组共梳理出4个方面23项问题，制定整改措施68条。",
			map[string]string{"problems": "23", "measures": "68", "other": `["4个方面"]`}},
		{"立行立改 and 建立完善制度 are other counts, 问责 is not", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n一、整改工作开展情况\n对反馈的15个问题，立行立改8项，建立完善制度12项，问责3人。",
			map[string]string{"problems": "15", "other": `["立行立改8项" "建立完善制度12项"]`}},
		{"已完成整改问题N个，正在整改问题N个", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n截至目前，巡察反馈的17个问题中，已完成整改问题14个，正在整改问题3个。",
			map[string]string{"problems": "17", "problems_done": "14", "in_progress": "3"}},
		{"问题共计N大类N个", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。巡察反馈的问题共计3大类12个，局党组逐条制定整改措施36条。",
			map[string]string{"problems": "12", "measures": "36"}},
		{"totals in the section-一 account take the totals role", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n一、整改工作开展情况\n局党组高度重视巡察整改工作，召开党组会议专题研究，成立整改工作领导小组，主要负责同志任组长，班子成员分工负责，定期调度整改进展，确保整改工作有序推进、取得实效，形成了一级抓一级、层层抓落实的工作格局。截至目前，反馈的9个问题已完成整改9个。",
			map[string]string{"problems": "9", "problems_done": "9", "role2": "totals"}},
		{"我市 with a month-level period", "中共某某市委关于省委巡视整改进展情况的通报", "",
			"根据省委统一部署，2021年10月至12月，省委第二巡视组对我市进行了巡视，并于2022年2月24日反馈了巡视意见。",
			map[string]string{"unit": "中共某某市委", "start": "2021-10", "end": "2021-12", "feedback": "2022-02-24"}},
		{"巡察工作领导小组 is not a group", "", "",
			"根据市委巡察工作领导小组统一部署，2022年4月6日至5月20日，市委第一巡察组对市统计局党组进行了巡察。",
			map[string]string{"inspector": "市委第一巡察组", "unit": "市统计局党组"}},
		{"上下联动巡察", "", "",
			"根据市委部署，2023年4月10日至5月26日，县委第二巡察组对县林业局党组开展了上下联动巡察。",
			map[string]string{"unit": "县林业局党组", "start": "2023-04-10"}},
		{"巡察了UNIT", "", "",
			"2023年4月10日至5月26日，县委第二巡察组巡察了县林业局党组，并于6月28日反馈了巡察意见。",
			map[string]string{"unit": "县林业局党组", "feedback": "2023-06-28"}},
		{"巡察发现N个问题", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察，巡察发现3个方面11个问题。\n截至目前，已完成整改9个，基本完成2个。",
			map[string]string{"problems": "11", "problems_done": "9", "in_progress": "2"}},
		{"持续推进 is in progress", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n巡察反馈的20个问题，已整改到位18个，持续推进2个。",
			map[string]string{"problems": "20", "problems_done": "18", "in_progress": "2"}},
		{"measures with 项 and 中", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n局党组针对反馈意见共制定56项整改措施，其中已完成50项，剩余6项正在推进。",
			map[string]string{"measures": "56", "measures_done": "50", "in_progress": "null"}},
		{"剩余N个问题已取得阶段性成效, 其中 left out of other", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n巡察组共反馈4个方面16个问题，其中立行立改3个。截至2023年6月30日，16个问题已完成整改14个，剩余2个问题已取得阶段性成效，将持续推进整改。",
			map[string]string{"problems": "16", "problems_done": "14", "in_progress": "2", "other": `["4个方面" "立行立改3个"]`}},
		{"total then 目前已全部整改到位", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n共反馈问题12个，目前已全部整改到位。",
			map[string]string{"problems": "12", "problems_done": "12", "in_progress": "null"}},
		{"已整改完成N个问题，N个问题正在整改", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n巡察反馈的15个问题中，已整改完成12个问题，3个问题正在整改。",
			map[string]string{"problems": "15", "problems_done": "12", "in_progress": "3", "other": "[]"}},
		{"N类 is no total", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n对巡察反馈的3个方面9类28个问题，制定整改措施80条。",
			map[string]string{"problems": "28", "measures": "80"}},
		{"feedback without a comma before the group", "", "",
			"根据市委统一部署，2022年3月14日至5月13日，市委第三巡察组对市发展和改革委员会党组进行了巡察，2022年6月24日市委第三巡察组向市发改委党组反馈了巡察意见。",
			map[string]string{"unit": "市发展和改革委员会党组", "feedback": "2022-06-24"}},
		{"反馈会议 then 向…反馈", "", "",
			"根据县委统一部署，县委第一巡察组于2022年8月22日至10月14日对县人民法院党组进行了巡察。2022年11月23日，巡察组召开反馈会议，向县人民法院党组反馈了巡察意见。",
			map[string]string{"unit": "县人民法院党组", "start": "2022-08-22", "feedback": "2022-11-23"}},
		{"unit 市委宣传部, second group mention unnumbered", "", "",
			"根据市委统一部署，市委第二巡察组于2021年4月12日至6月4日对市委宣传部开展了常规巡察。2021年7月28日，市委巡察组向市委宣传部反馈了巡察意见。",
			map[string]string{"unit": "市委宣传部", "inspector": "市委第二巡察组", "feedback": "2021-07-28"}},
		{"the title names group and unit, the period comes after", "", "",
			"关于市委第一巡察组对市统计局党组开展巡察反馈意见整改情况的通报\n根据市委统一部署，2022年3月1日至4月30日，市委第一巡察组对我局进行了巡察，6月5日反馈了巡察意见。",
			map[string]string{"unit": "市统计局党组", "start": "2022-03-01", "end": "2022-04-30", "feedback": "2022-06-05"}},
		{"进驻我局 with a publisher", "", "某市财政局",
			"市委第三巡察组于2022年3月14日至5月13日进驻我局开展为期两个月的巡察，6月24日反馈巡察意见。",
			map[string]string{"unit": "某市财政局", "start": "2022-03-14", "feedback": "2022-06-24"}},
		{"unit with a parenthesised second name", "", "",
			"2022年3月14日至5月13日，市委第三巡察组对市委办公室（市委保密办）进行了巡察。",
			map[string]string{"unit": "市委办公室（市委保密办）"}},
		{"ledger-style labelled facts", "", "",
			"巡察组：市委第一巡察组\n巡察对象：市档案局党组\n巡察时间：2022年3月1日至4月30日\n反馈时间：2022年6月10日",
			map[string]string{"inspector": "市委第一巡察组", "unit": "市档案局党组", "start": "2022-03-01", "end": "2022-04-30", "feedback": "2022-06-10"}},
		{"labelled facts on one line", "", "",
			"被巡察单位：县医保局党组；巡察组别：县委第二巡察组；巡察时间：2023年4月3日—5月31日；反馈时间：2023年7月5日。",
			map[string]string{"inspector": "县委第二巡察组", "unit": "县医保局党组", "start": "2023-04-03", "end": "2023-05-31", "feedback": "2023-07-05"}},
		{"combined groups 第一、二巡察组", "", "",
			"2022年3月1日至4月30日，县委第一、二巡察组对县城投集团党委进行了巡察。",
			map[string]string{"inspector": "县委第一、二巡察组", "unit": "县城投集团党委"}},
		{"feedback over two days: not one day", "", "",
			"根据市委统一部署，2019年4月至6月，市委第三巡察组对市林业局党组进行了巡察，并于2019年7月15日至16日进行了反馈。",
			map[string]string{"feedback": "", "start": "2019-04", "end": "2019-06", "unit": "市林业局党组"}},
		{"problems pointed out in the opening", "", "",
			"根据市委统一部署，市委第六巡察组于2023年3月6日至4月28日对市机关事务服务中心党委开展了常规巡察，于2023年6月9日向市机关事务服务中心党委反馈了巡察意见，指出了3个方面12个问题，提出了4条意见建议。",
			map[string]string{"problems": "12", "feedback": "2023-06-09", "measures": "null", "other": `["3个方面" "4条意见建议"]`}},
		{"同年 feedback", "", "",
			"2022年3月1日至4月30日，市委第二巡察组对市档案局党组进行了巡察，并于同年6月10日反馈了巡察意见。",
			map[string]string{"feedback": "2022-06-10"}},
		{"回头看 feedback meeting", "", "",
			"2022年4月至5月，市委第二巡察组对市司法局党组开展了巡察“回头看”，7月6日召开巡察“回头看”反馈会议。",
			map[string]string{"unit": "市司法局党组", "start": "2022-04", "end": "2022-05", "feedback": "2022-07-06"}},
		{"我县城关镇党委 is a name, not a pronoun", "中共某县委巡察工作领导小组关于巡察整改情况的通报", "",
			"2023年4月3日至5月31日，县委第三巡察组对我县城关镇党委进行了常规巡察。",
			map[string]string{"unit": "我县城关镇党委"}},
		{"labelled counts", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n反馈问题数：15个；已完成整改：13个；正在整改：2个。",
			map[string]string{"problems": "15", "problems_done": "13", "in_progress": "2", "other": "[]"}},
		{"需长期坚持 is in progress", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n巡察组指出问题11个，已完成10个，1个问题需长期坚持。",
			map[string]string{"problems": "11", "problems_done": "10", "in_progress": "1", "other": "[]"}},
		{"restated totals all done, measures too", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n对照市委巡察组反馈的3个方面10个问题，局党组制定整改措施35条，明确责任领导、责任科室和完成时限。截至目前，10个问题已全部整改完成，35条措施已全部落实。",
			map[string]string{"problems": "10", "problems_done": "10", "measures": "35", "measures_done": "35", "in_progress": "null"}},
		{"细化为N项整改任务, Chinese numerals", "", "",
			"根据县委部署，县委第三巡察组对县统计局党组进行了巡察。\n反馈意见涉及3个方面十二项问题，细化为38项整改任务。",
			map[string]string{"problems": "12", "measures": "38"}},
		{"feedback meeting named before its date", "", "",
			"2022年4月6日至5月20日，市委第一巡察组对市统计局党组进行了巡察。巡察反馈会于2022年6月10日召开，巡察组反馈了巡察意见。",
			map[string]string{"feedback": "2022-06-10", "start": "2022-04-06"}},
		// Titles.
		{"title 中共…委员会关于巡察整改进展情况的通报 as a line", "", "",
			"中共某某县水务局委员会关于巡察整改进展情况的通报\n根据县委统一部署，2023年4月3日至5月31日，县委第三巡察组对我局党委进行了常规巡察。",
			map[string]string{"unit": "中共某某县水务局委员会", "inspector": "县委第三巡察组"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := headerFacts(tt.text, tt.title, tt.publisher)
			for k, w := range tt.want {
				if got[k] != w {
					t.Errorf("%s = %q, want %q", k, got[k], w)
				}
			}
		})
	}
}

// TestHeaderVariantFiles reads the header facts of the project's own variant bulletins in
// testdata/structure/variants (written for the structure tests, chrome included).
func TestHeaderVariantFiles(t *testing.T) {
	tests := []struct {
		file string
		want map[string]string
	}{
		{"provincial-runin", map[string]string{"unit": "省水利厅党组", "inspector": "省委第二巡视组", "round": "十一届省委第八轮",
			"start": "2021-10-18", "end": "2021-12-20", "feedback": "2022-02-24", "kind": "巡视", "role3": "header"}},
		{"lone-markers", map[string]string{"unit": "城关镇党委", "inspector": "县委第二巡察组",
			"start": "2023-03-20", "end": "2023-05-19", "feedback": "2023-05-30", "kind": "巡察"}},
		{"half-parens", map[string]string{"unit": "中国某某集团有限公司党委", "inspector": "省委第三巡视组", "start": "2022-04-06", "feedback": ""}},
		// The title names only the round and no publisher is known: the pronoun stays.
		{"word-markers", map[string]string{"unit": "我院党组", "inspector": "县委第三巡察组", "round": "十届县委第三轮", "feedback": "2023-07-05"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "structure", "variants", tt.file+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			got, _ := headerFacts(string(data), "", "")
			for k, w := range tt.want {
				if got[k] != w {
					t.Errorf("%s = %q, want %q", k, got[k], w)
				}
			}
		})
	}
}

// TestHeaderPublishYearAndEntry covers a period whose year is named relative to the publish
// date (今年…) and an opening that gives only the day the group moved in (进驻).
func TestHeaderPublishYearAndEntry(t *testing.T) {
	tests := []struct {
		name, publish, text        string
		start, end, feedback, unit string
	}{
		{"今年, publish date 2023", "2023-09-08",
			"今年3月13日至5月12日,市委第三巡察组对市城市建设投资集团有限公司党委开展了常规巡察。6月28日,市委巡察组向集团党委反馈了巡察意见。",
			"2023-03-13", "2023-05-12", "2023-06-28", "市城市建设投资集团有限公司党委"},
		{"去年, across the new year", "2024-04-02",
			"去年11月20日至1月15日，县委第二巡察组对县统计局党组进行了巡察，3月1日反馈了巡察意见。",
			"2023-11-20", "2024-01-15", "2024-03-01", "县统计局党组"},
		{"no year written: the publish year", "2023-08-01",
			"根据县委巡察工作领导小组安排，县委第二巡察组于3月1日至4月30日，对县林业局党组开展了机动巡察，5月12日反馈了巡察意见。",
			"2023-03-01", "2023-04-30", "2023-05-12", "县林业局党组"},
		{"no year written, months after publication: the year before", "2023-03-10",
			"县委第二巡察组于11月6日至12月20日对县林业局党组开展了巡察，1月8日反馈了巡察意见。",
			"2022-11-06", "2022-12-20", "2023-01-08", "县林业局党组"},
		{"今年 without a publish date: no year", "",
			"今年3月22日至5月20日，市委第一巡察组对市卫健委党组开展了常规巡察，并于7月12日反馈了巡察意见。",
			"", "", "", "市卫健委党组"},
		{"自…起: the start only", "",
			"根据县委部署，县委第三巡察组自2023年4月10日起，对县审计局党组开展了为期45天的常规巡察，2023年7月4日反馈了巡察意见。",
			"2023-04-10", "", "2023-07-04", "县审计局党组"},
		{"进驻: the start only", "",
			"根据县委统一部署，县委第三巡察组于2022年4月6日进驻，对县医疗保障局党组开展了为期一个半月的常规巡察，于2022年7月8日反馈巡察意见。",
			"2022-04-06", "", "2022-07-08", "县医疗保障局党组"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := []string{tt.text, "一、整改工作情况", "局党组召开会议研究部署。"}
			b := &bulletin.Bulletin{PublishDate: bulletin.Day(tt.publish)}
			b.Paragraphs, b.Sections = structure.Parse(lines)
			Extract(b)
			got := [4]string{string(b.Inspection.Start), string(b.Inspection.End), string(b.FeedbackDate), b.Unit}
			want := [4]string{tt.start, tt.end, tt.feedback, tt.unit}
			if got != want {
				t.Errorf("start, end, feedback, unit = %q, want %q", got, want)
			}
		})
	}
}
