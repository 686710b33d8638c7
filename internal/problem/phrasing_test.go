package problem

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// phrasingCases are the ways real bulletins (纪委监委 and 党务公开 sites publishing 巡察/巡视整改
// 进展情况, and 审计整改 reports) state their problems, written for these tests in the sites' house
// styles. Each case is a fragment of a bulletin, one paragraph a line, with what a reader following
// the gold convention finds: the inner text of each closed 针对/关于“…”问题 quote (Problem.Quote),
// a leaf topic heading 1.关于“…”问题的整改 with no 针对 under it, or, where no quote is written, an
// unquoted problem heading or a 问题：label (Problem.Text).
//
// Decisions for the ambiguous forms (the same in the code):
//   - 针对“甲”“乙”等问题 and 针对“甲”和“乙”问题 are two problems, 甲 and 乙: each closed quote that
//     the frame reads as a problem is one, and their shared measures go to each.
//   - The problem suffix must follow the closing mark: in 针对“三会一课”制度落实不到位问题 the quote
//     is a term inside an unquoted statement, and nothing is a problem (the gold lists quotes).
//   - 整改落实/对于“…”问题 are frames too, but only for a quote that reads as a statement (6 runes or
//     more): 整改落实“回头看”问题 names a slogan.
//   - 针对‘…’问题 with single quotes as the outer marks is a frame like 针对“…”问题.
//   - 1.关于“…”方面的问题 as a heading with nothing under it is a problem; （一）关于“…”方面 and
//     在“…”方面存在的问题 are categories, never problems; in prose 针对“…”方面(的)问题 and
//     针对“…”等N个方面问题 name categories (a summary), not problems.
//   - 一要…二要… and an inline （一）…（二）… split a problem's measures; CompleteMeasures (the gold's
//     measure_markers) counts 一是 items only.
//   - 阶段性完成 is 持续整改: the stage is done, the problem is not.
var phrasingCases = []struct {
	name     string
	text     string
	problems []string // Quote, or Text where there is no quote, in order
	measures []int    // measures per problem; nil: not checked
	status   []string // status per problem; nil: not checked
	topics   []string // topic per problem; nil: not checked
	warnings []string // warning codes from the problem scan
	splitOff bool     // checked through structure.Parse only
}{
	{
		name: "的问题 after the quote",
		text: `二、巡察反馈问题整改落实情况
针对“党组理论学习中心组学习制度落实不严格”的问题。一是修订党组理论学习中心组学习制度；二是制定年度学习计划，全年开展集中学习12次。`,
		problems: []string{"党组理论学习中心组学习制度落实不严格"},
		measures: []int{2},
	},
	{
		name:     "巡察反馈的 between 针对 and the quote, a nested term inside",
		text:     `针对巡察反馈的“基层党支部“三会一课”制度执行不到位”问题，局党组逐个支部开展检查，补齐会议记录23份。`,
		problems: []string{"基层党支部“三会一课”制度执行不到位"},
		measures: []int{1},
	},
	{
		name:     "巡察组指出 right before the quote, no 的",
		text:     `针对巡察组指出“对下属单位监督管理不到位”问题，制定《下属单位监督管理办法》，每季度开展一次专项检查。`,
		problems: []string{"对下属单位监督管理不到位"},
	},
	{
		name: "topic headings 关于“…”问题的整改情况",
		text: `三、反馈问题整改情况
（一）关于“落实全面从严治党主体责任不到位”问题的整改情况
一是召开党组会议专题研究全面从严治党工作；二是制定党组主体责任清单和班子成员“一岗双责”清单。
（二）关于“选人用人工作不规范”问题的整改情况
对2019年以来干部选拔任用工作进行自查，补齐干部档案材料45份。`,
		problems: []string{"落实全面从严治党主体责任不到位", "选人用人工作不规范"},
		measures: []int{2, 1},
		topics:   []string{"落实全面从严治党主体责任不到位", "选人用人工作不规范"},
	},
	{
		name: "（一）关于“…”的问题 as a leaf heading",
		text: `二、整改落实情况
（一）关于“政治监督具体化精准化常态化不够”的问题
局党组建立政治监督台账，对重大决策部署落实情况开展监督检查4次。
（二）关于“廉政风险防控机制不健全”的问题
梳理廉政风险点56个，制定防控措施112条。`,
		problems: []string{"政治监督具体化精准化常态化不够", "廉政风险防控机制不健全"},
		measures: []int{1, 1},
	},
	{
		name: "1.关于“…”方面的问题 with its measures under it",
		text: `（二）聚焦全面从严治党
1.关于“落实中央八项规定精神不够严格”方面的问题
一是开展违规吃喝专项整治；二是对公务接待台账逐笔核查，清退不合规费用0.86万元。`,
		problems: []string{"落实中央八项规定精神不够严格"},
		measures: []int{2},
	},
	{
		name: "问题一：“…” labelled ledger with 整改进展",
		text: `问题一：“部分党员干部政治理论学习不深入”。
整改措施：一是制定年度学习计划；二是每月开展一次专题学习。
整改进展：已完成。
问题二：“财务报销审核把关不严”。
整改措施：修订财务报销管理办法。
整改进展：正在推进。`,
		problems: []string{"部分党员干部政治理论学习不深入", "财务报销审核把关不严"},
		measures: []int{2, 1},
		status:   []string{StatusDone, StatusInProgress},
	},
	{
		name:     "two quotes and 等问题: two problems sharing the measures",
		text:     `针对“会议记录不规范”“档案资料缺失”等问题，一是统一会议记录模板；二是聘请专业人员整理档案资料320卷。`,
		problems: []string{"会议记录不规范", "档案资料缺失"},
		measures: []int{2, 2},
	},
	{
		name:     "two quotes joined by 和",
		text:     `针对“干部队伍年龄老化”和“专业技术人才缺乏”问题，制定人才引进计划，公开招聘专业技术人员8名。`,
		problems: []string{"干部队伍年龄老化", "专业技术人才缺乏"},
	},
	{
		name:     "three quotes joined by 、",
		text:     `针对“学习制度不落实”、“学习记录不完整”、“学用结合不紧密”等问题，局党组完善学习制度。`,
		problems: []string{"学习制度不落实", "学习记录不完整", "学用结合不紧密"},
	},
	{
		name:     "frames inline in the middle of a paragraph",
		text:     `局党组高度重视整改工作，针对“干部担当作为不够”问题，开展作风建设专项行动，查摆问题36个。同时，针对“调查研究不深入”问题，建立班子成员联系基层制度，全年开展调研24次。`,
		problems: []string{"干部担当作为不够", "调查研究不深入"},
		measures: []int{1, 1},
	},
	{
		name:     "single quotes as the outer marks",
		text:     `针对‘部分支部组织生活不规范’问题，对全局12个支部开展组织生活专项检查。`,
		problems: []string{"部分支部组织生活不规范"},
		measures: []int{1},
	},
	{
		name:     "ASCII quotes on both sides",
		text:     `针对"执法案卷归档不及时"问题,一是开展案卷集中评查;二是落实案卷归档责任到人。`,
		problems: []string{"执法案卷归档不及时"},
		measures: []int{2},
	},
	{
		name:     "corner brackets in traditional text",
		text:     `針對「黨費收繳不規範，部分黨員未按標準繳納」問題，一是重新核定黨費繳納基數；二是補繳黨費1.2萬元。`,
		problems: []string{"黨費收繳不規範，部分黨員未按標準繳納"},
		measures: []int{2},
	},
	{
		name: "a problem heading followed by 整改情况：",
		text: `（一）关于“意识形态工作责任制落实不到位”的问题
整改情况：局党组修订意识形态工作责任制实施细则，每半年专题研究意识形态工作1次。该问题已整改完成。`,
		problems: []string{"意识形态工作责任制落实不到位"},
		measures: []int{1},
		status:   []string{StatusDone},
	},
	{
		name: "问题表现：… 整改措施：… 整改情况：…",
		text: `问题表现：部分村级财务公开不及时，公开内容不完整。
整改措施：一是制定村级财务公开目录；二是每季度开展一次公开情况检查。
整改情况：已完成。`,
		problems: []string{"部分村级财务公开不及时，公开内容不完整"},
		measures: []int{2},
		status:   []string{StatusDone},
	},
	{
		name: "no quote after 针对: not a problem",
		text: `针对巡察指出的问题，局党组召开专题会议，逐条制定整改措施。
针对巡察反馈的共性问题和个性问题，分类建立台账。`,
	},
	{
		name: "the quote is a term in an unquoted statement",
		text: `针对“三会一课”制度落实不到位问题，各支部补齐会议记录。
针对“四个意识”不强的问题，开展专题教育。
针对“两个责任”落实不到位、“一岗双责”履行不力问题，签订责任书。`,
	},
	{
		name: "关于“…”的重要论述 is not a problem",
		text: `（一）深入学习习近平总书记关于“两个维护”的重要论述
局党组认真学习习近平总书记关于“两个维护”的重要论述，关于“三重一大”事项的决策程序进一步规范。`,
	},
	{
		name: "在“…”方面存在的问题 is a category",
		text: `（一）在“党的政治建设”方面存在的问题
针对“政治站位不够高”问题，局党组开展专题学习8次。
（二）在“作风建设”方面存在的问题
针对“服务意识不强”问题，推行首问负责制。`,
		problems: []string{"政治站位不够高", "服务意识不强"},
		topics:   []string{"", ""},
	},
	{
		name:     "整改落实“…”问题",
		text:     `整改落实“基层党组织书记抓党建责任意识不强”问题，开展书记抓党建述职评议，覆盖支部书记26名。`,
		problems: []string{"基层党组织书记抓党建责任意识不强"},
	},
	{
		name:     "对于“…”问题",
		text:     `对于“村级集体经济发展不平衡”问题，制定集体经济薄弱村帮扶计划，落实帮扶资金120万元。`,
		problems: []string{"村级集体经济发展不平衡"},
	},
	{
		name: "slogans after the weak intros are not problems",
		text: `整改落实“回头看”问题，持续跟进。
对于“四风”问题，坚持露头就打。`,
	},
	{
		name: "问题清单, 任务清单, 责任清单",
		text: `局党组建立“问题清单”“任务清单”“责任清单”三张清单，针对“问题清单”逐项销号。
分解形成52个“问题清单”、147条“任务清单”，针对巡察反馈问题清单、任务清单、责任清单逐条整改。`,
	},
	{
		name:     "问题 inside the quote",
		text:     `针对“上轮巡察反馈问题整改不彻底、问题反弹回潮”问题，对上轮巡察反馈的18个问题逐一开展“回头看”。`,
		problems: []string{"上轮巡察反馈问题整改不彻底、问题反弹回潮"},
	},
	{
		name:     "a long quote with ；and 。",
		text:     `针对“局机关财务管理不规范。2022年，局办公室报销差旅费时存在手续不全情况，涉及金额1.2万元；2023年，下属单位有3笔大额支出未经集体研究决定”问题。一是补齐报销手续；二是修订“三重一大”事项决策制度。`,
		problems: []string{"局机关财务管理不规范。2022年，局办公室报销差旅费时存在手续不全情况，涉及金额1.2万元；2023年，下属单位有3笔大额支出未经集体研究决定"},
		measures: []int{2},
	},
	{
		name: "a quote cut short by the end of the excerpt",
		text: `二、巡察反馈问题整改情况
针对“部分基层党组织书记抓党建工作意识不强，履职`,
		warnings: []string{"quote_unclosed"},
	},
	{
		name:     "measures cut short: 三是 at the end",
		text:     `针对“安全生产检查流于形式”问题，一是开展安全生产大检查，排查隐患43处；二是建立隐患整改台账，已整改41处。三是`,
		problems: []string{"安全生产检查流于形式"},
		measures: []int{2}, // the empty 三是 is no measure
	},
	{
		name:     "一要…二要…",
		text:     `针对“党员教育管理不够严格”问题，一要落实党员积分管理，每季度公示一次；二要严格党员发展程序，全年发展党员3名。`,
		problems: []string{"党员教育管理不够严格"},
		measures: []int{2},
	},
	{
		name:     "an inline （一）…（二）… measure list",
		text:     `针对“合同管理不规范”问题，采取以下措施：（一）修订合同管理办法；（二）对在履行的合同开展清理，规范合同62份。`,
		problems: []string{"合同管理不规范"},
		measures: []int{2},
	},
	{
		name: "status phrases, one per problem",
		text: `针对“甲单位固定资产账实不符”问题，开展资产清查。目前已整改完成。
针对“乙单位公务卡使用不规范”问题，修订管理办法，该问题已完成整改。
针对“丙单位临时用工管理混乱”问题，清退临时人员5名。整改完成。
针对“丁单位信访件办理超期”问题（已办结），逐件回访。
针对“戊单位食堂管理不规范”问题，重新招标。整改进展：基本完成。
针对“己单位项目进度滞后”问题，挂图作战，已阶段性完成。
针对“庚单位干部作风不实”问题，开展作风整顿，将持续推进。
针对“辛单位制度建设滞后”问题，建章立制，需长期坚持。
针对“壬单位档案数字化滞后”问题，已完成扫描4200卷，目前正在推进。
针对“癸单位车辆管理不严”问题，安装定位设备（整改中）。`,
		problems: []string{"甲单位固定资产账实不符", "乙单位公务卡使用不规范", "丙单位临时用工管理混乱", "丁单位信访件办理超期",
			"戊单位食堂管理不规范", "己单位项目进度滞后", "庚单位干部作风不实", "辛单位制度建设滞后", "壬单位档案数字化滞后", "癸单位车辆管理不严"},
		status: []string{StatusDone, StatusDone, StatusDone, StatusDone, StatusMostlyDone, StatusOngoing, "", StatusLongTerm, StatusInProgress, StatusInProgress},
	},
	{
		name: "no status from a plan or a count",
		text: `针对“子单位内控制度不健全”问题，制定内控手册，确保6月底前整改完成。
针对“丑单位培训走过场”问题，已完成培训12场次。`,
		problems: []string{"子单位内控制度不健全", "丑单位培训走过场"},
		status:   []string{"", ""},
	},
	{
		name: "a status in a topic heading",
		text: `1.关于“专项资金使用不规范”问题的整改情况（已完成）
追回违规使用资金16.5万元，修订专项资金管理办法。`,
		problems: []string{"专项资金使用不规范"},
		status:   []string{StatusDone},
	},
	{
		name: "generic headings name no problem",
		text: `二、巡视反馈问题整改落实情况
（一）关于巡视反馈重点问题整改落实情况
（二）集中解决群众反映强烈的问题
（三）巡察反馈的共性问题
三、存在的问题和下一步打算
对照反馈意见，逐项制定整改措施。`,
	},
	{
		name: "more generic headings",
		text: `（一）关于上轮巡视整改问题
（二）需要重点说明的问题
（三）下一步需要着力解决的问题
（四）关于党的建设方面的问题
开展党支部标准化建设，达标率100%。
（五）关于干部作风建设方面问题
（六）选人用人专项检查发现问题
（七）落实全面从严治党主体责任不到位问题
压实“两个责任”，签订责任书32份。`,
		problems: []string{"落实全面从严治党主体责任不到位"},
	},
	{
		name: "mirror-site heading markup",
		text: `【类型:dqd-Title-t2-s1 | 标号:no | 标题:巡视反馈重点问题整改落实情况】
【类型:dqd-Title-t2-s2 | 标号:no | 标题:关于“体育领域改革推进不力”问题的整改】
一是推动学习到位。二是推动办理到位。三是`,
		problems: []string{"体育领域改革推进不力"},
		measures: []int{2},
		splitOff: true, // the stand-in for structure.Parse reads no such headings
	},
	{
		name:     "关于“…”问题 in a body paragraph",
		text:     `关于“公务用车管理不规范”问题，已全面清理公务用车，建立用车登记制度。`,
		problems: []string{"公务用车管理不规范"},
		status:   []string{""},
	},
	{
		name: "a quote right after the marker",
		text: `1.“干部教育培训针对性不强”问题
一是开展需求调研；二是分层分类组织培训6期。
2.“年轻干部实践锻炼不足”的问题整改情况
选派8名年轻干部到基层一线挂职。`,
		problems: []string{"干部教育培训针对性不强", "年轻干部实践锻炼不足"},
		measures: []int{2, 1},
	},
	{
		name: "audit report: unquoted numbered problems",
		text: `（一）市级部门预算执行审计查出问题的整改情况
1.部分单位往来款项长期挂账问题。审计发现4个单位往来款项长期未清理，涉及金额326万元。已清理往来款项298万元，该问题基本整改到位。
2.个别单位政府采购未执行预算问题。相关单位已完善采购预算编制。目前该问题已整改完成。`,
		problems: []string{"部分单位往来款项长期挂账", "个别单位政府采购未执行预算"},
		status:   []string{StatusMostlyDone, StatusDone},
	},
	{
		name: "a topic heading restated by its 针对 paragraph is one problem",
		text: `1.关于“信访矛盾化解不及时”问题的整改
针对“信访矛盾化解不及时”问题，建立领导包案制度，化解信访积案9件。`,
		problems: []string{"信访矛盾化解不及时"},
		measures: []int{1},
	},
	{
		name:     "这一问题 and a comma before the second quote",
		text:     `针对“部分党员参加组织生活不经常”，“流动党员管理缺位”等问题，建立流动党员台账。针对“会风文风不实”这一问题，精简会议文件。`,
		problems: []string{"部分党员参加组织生活不经常", "流动党员管理缺位", "会风文风不实"},
	},
	{
		name: "关于“…”问题的重要论述 and a document title are not problems",
		text: `局党组深入学习习近平总书记关于“三农”问题的重要论述，认真贯彻《关于“三重一大”问题的若干规定》。
印发《关于“村霸”问题的通知》。`,
	},
	{
		name: "tails 整改进展 and 的整改落实",
		text: `1.关于“项目审批效率不高”问题整改进展
推行并联审批，审批时限压缩35%。
2.关于“招商引资质效不高”问题的整改落实
新签约项目12个。`,
		problems: []string{"项目审批效率不高", "招商引资质效不高"},
		measures: []int{1, 1},
	},
	{
		name: "一、关于“…”方面存在问题的整改 is a category",
		text: `一、关于“贯彻落实党中央决策部署不够到位”方面存在问题的整改
针对“生态环境保护责任压得不实”问题，建立环保问题整改台账，整改销号27个。`,
		problems: []string{"生态环境保护责任压得不实"},
		topics:   []string{""},
	},
	{
		name:     "等突出问题 and 这类问题",
		text:     `针对“基层减负不到位”等突出问题，精简会议文件30%。针对“重留痕轻实效”这类问题，清理工作群46个。`,
		problems: []string{"基层减负不到位", "重留痕轻实效"},
	},
	{
		name:     "frames listed after one 针对",
		text:     `针对“财务审批不严”问题、“固定资产管理混乱”问题，一是修订财务审批制度；二是开展资产清查。`,
		problems: []string{"财务审批不严", "固定资产管理混乱"},
		measures: []int{2, 2},
	},
	{
		name: "等N个方面问题 in an opening summary names categories",
		text: `针对巡视反馈的“党的领导弱化”等4个方面问题，市委制定整改方案，明确整改措施86条。
针对“干部培训不够系统”等3个问题，制定培训规划。`,
		problems: []string{"干部培训不够系统"},
	},
	{
		name: "方面问题 in prose is a category",
		text: `针对巡视反馈的“基层党组织建设”方面问题，区委组织部牵头制定整改方案。
针对“意识形态工作”等方面的问题，开展专项检查。`,
	},
	{
		name:     "frames inside 一是…二是… items",
		text:     `局党组逐项推进整改：一是针对“党组会议记录不规范”问题，统一记录模板；二是针对“请示报告制度执行不严”问题，修订请示报告制度。`,
		problems: []string{"党组会议记录不规范", "请示报告制度执行不严"},
		measures: []int{1, 1},
	},
	{
		name: "frames listed in a topic heading",
		text: `2.关于“文件运转不规范”问题、“印章管理不严”问题的整改情况
修订公文处理办法和印章使用管理规定。`,
		problems: []string{"文件运转不规范", "印章管理不严"},
		measures: []int{1, 1},
		topics:   []string{"文件运转不规范", "印章管理不严"},
	},
	{
		name:     "adjacent quotes and 等问题 in a run-in heading",
		text:     `2.针对“执行财经纪律不严格”“公务接待不规范”等问题。开展财务专项检查，清退超标准接待费用1260元。`,
		problems: []string{"执行财经纪律不严格", "公务接待不规范"},
	},
	{
		name: "adjacent quotes and 等问题 in a standalone heading",
		text: `（一）针对“会议记录不规范”“档案资料缺失”等问题
统一会议记录模板。`,
		problems: []string{"会议记录不规范", "档案资料缺失"},
	},
	{
		name: "对/就 with a finding phrase before the quote, and not without",
		text: `对巡视指出的“干部选任把关不严”问题，修订干部选拔任用工作规程。
就巡察反馈的“工程项目管理不规范”问题，开展工程项目专项审计。
对“三会一课”问题，各支部自查。
就“四风”问题作出部署。`,
		problems: []string{"干部选任把关不严", "工程项目管理不规范"},
	},
	{
		name: "digits and 存在 in the phrase before the quote",
		text: `针对2023年县委巡察反馈的“集体资产底数不清”问题，完成清产核资。
针对部分乡镇存在的“重建设轻管护”问题，建立管护责任制。`,
		problems: []string{"集体资产底数不清", "重建设轻管护"},
	},
	{
		name: "bare audit headings: a 方面 category, a slogan, a problem",
		text: `（一）预算执行方面的问题
1.部分专项资金拨付不及时问题
已拨付资金860万元。
（二）深化以案促改，解决体制机制问题
（三）健全制度机制问题
建立制度6项。`,
		problems: []string{"部分专项资金拨付不及时"},
	},
	{
		name: "single quotes in a topic heading",
		text: `1.关于‘党建与业务融合不够’问题的整改
开展党建业务融合示范点创建，建成示范点3个。`,
		problems: []string{"党建与业务融合不够"},
		measures: []int{1},
	},
}

func TestProblemPhrasings(t *testing.T) {
	for _, build := range []struct {
		name string
		fn   func(string) *bulletin.Bulletin
	}{{"split", splitForTest}, {"structure.Parse", parsedBulletin}} {
		for _, tt := range phrasingCases {
			t.Run(build.name+"/"+tt.name, func(t *testing.T) {
				if tt.splitOff && build.name == "split" {
					t.Skip("structure.Parse only")
				}
				b := build.fn(tt.text)
				Extract(b)
				var got, status, topics []string
				for _, p := range b.Problems {
					k := p.Quote
					if k == "" {
						k = p.Text
					}
					got = append(got, k)
					status = append(status, p.Status)
					topics = append(topics, p.Topic)
				}
				if strings.Join(got, "|") != strings.Join(tt.problems, "|") {
					t.Fatalf("problems\n got %q\nwant %q", got, tt.problems)
				}
				for _, p := range b.Problems {
					if p.Quote != "" && !strings.Contains(tt.text, p.Quote) {
						t.Errorf("%s: quote %q is not source text", p.ID, p.Quote)
					}
				}
				if tt.measures != nil {
					for k, p := range b.Problems {
						if len(p.Measures) != tt.measures[k] {
							t.Errorf("%s: %d measures %+v, want %d", p.ID, len(p.Measures), p.Measures, tt.measures[k])
						}
					}
				}
				if tt.status != nil && strings.Join(status, "|") != strings.Join(tt.status, "|") {
					t.Errorf("status\n got %q\nwant %q", status, tt.status)
				}
				if tt.topics != nil && strings.Join(topics, "|") != strings.Join(tt.topics, "|") {
					t.Errorf("topics\n got %q\nwant %q", topics, tt.topics)
				}
				var codes []string
				for _, w := range b.Warnings {
					codes = append(codes, w.Code)
				}
				if strings.Join(codes, ",") != strings.Join(tt.warnings, ",") {
					t.Errorf("warnings %q, want %q", codes, tt.warnings)
				}
			})
		}
	}
}

// TestCompleteMeasuresPhrasings counts the gold's measure_markers on the phrasings above.
func TestCompleteMeasuresPhrasings(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"针对“安全生产检查流于形式”问题，一是开展安全生产大检查；二是建立隐患整改台账。三是", 2},
		{"针对“党员教育管理不够严格”问题，一要落实党员积分管理；二要严格党员发展程序。", 0}, // 一要 is not counted
		{"一是修订制度；二是开展培训；三是加强督查", 2},                    // the last item cut mid-sentence
		{"一是修订制度；二是开展培训；三是加强督查。", 3},
		{"一是倒排工期；二是建立项目周调度制度，累计通报12期。（已完成）", 2}, // a status after the last item
		{"一是倒排工期；二是建立项目周调度制度，累计通报12期（", 1},
		{"一是倒排工期；二是建立项目周调度制度（2024年", 1},
	}
	for _, tt := range tests {
		if got := CompleteMeasures(tt.text); got != tt.want {
			t.Errorf("CompleteMeasures(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

// TestProblemInTotalsParagraph: the header stage reads a paragraph with counts in it as declared
// totals; a frame in it is still a problem, and its measures the text after it.
func TestProblemInTotalsParagraph(t *testing.T) {
	b := bodyBulletin("针对“上轮巡察反馈问题整改不彻底、问题反弹回潮”问题，对上轮巡察反馈的18个问题逐一开展“回头看”。", "截至2023年12月底，已完成整改16个。")
	b.Paragraphs[0].Role = bulletin.RoleTotals
	b.Paragraphs[1].Role = bulletin.RoleTotals
	Extract(b)
	if len(b.Problems) != 1 || b.Problems[0].Quote != "上轮巡察反馈问题整改不彻底、问题反弹回潮" || len(b.Problems[0].Measures) != 1 {
		t.Fatalf("problems %+v", b.Problems)
	}
	if b.Paragraphs[0].Role != bulletin.RoleTotals || b.Paragraphs[0].Problem != "P1" || b.Paragraphs[1].Problem != "" {
		t.Errorf("paragraphs %+v", b.Paragraphs)
	}
}

// TestProblemsExcerpts reads excerpts written like the shared real ones (the beginning of a page:
// chrome, title, opening, totals, the first headings, cut mid-sentence) through structure.Parse
// and the whole Extract, and compares the problems and the complete 一是 items with their gold
// (testdata/extract/excerpt-*.json, the format of the shared corpus).
func TestProblemsExcerpts(t *testing.T) {
	inputs, _ := filepath.Glob(filepath.Join(repoRoot, "testdata", "extract", "excerpt-*.txt"))
	if len(inputs) == 0 {
		t.Fatal("no excerpts in testdata/extract")
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			var gold struct {
				Problems       []string `json:"problems"`
				MeasureMarkers int      `json:"measure_markers"`
			}
			gdata, err := os.ReadFile(strings.TrimSuffix(in, ".txt") + ".json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(gdata, &gold); err != nil {
				t.Fatal(err)
			}
			b := parsedBulletin(string(data))
			if len(b.Sections) == 0 {
				t.Skip("structure.Parse gives no sections")
			}
			Extract(b)
			var got []string
			for _, p := range b.Problems {
				k := p.Quote
				if k == "" {
					k = p.Text
				}
				got = append(got, k)
			}
			if strings.Join(got, "|") != strings.Join(gold.Problems, "|") {
				t.Errorf("problems\n got %q\nwant %q", got, gold.Problems)
			}
			n := 0
			for _, p := range b.Paragraphs {
				n += CompleteMeasures(p.Text)
			}
			if n != gold.MeasureMarkers {
				t.Errorf("complete measure items %d, gold %d", n, gold.MeasureMarkers)
			}
		})
	}
}

// TestStatusPhrasings reads the status phrases the phrasings above use, alone.
func TestStatusPhrasings(t *testing.T) {
	tests := []struct {
		text     string
		labelled bool
		want     string
	}{
		{"已整改完成", true, StatusDone},
		{"已完成整改", true, StatusDone},
		{"整改完成", true, StatusDone},
		{"已办结", true, StatusDone},
		{"基本完成", true, StatusMostlyDone},
		{"阶段性完成", true, StatusOngoing},
		{"持续推进", true, StatusOngoing},
		{"长期坚持", true, StatusLongTerm},
		{"正在推进", true, StatusInProgress},
		{"整改中", true, StatusInProgress},
		{"清退临时人员5名。整改完成。", false, StatusDone},           // a sentence of its own
		{"挂图作战，已阶段性完成。", false, StatusOngoing},          // 阶段性完成 is not done
		{"开展作风整顿，将持续推进。", false, ""},                    // effort, not a status (issue 10)
		{"已完成扫描4200卷，目前正在推进。", false, StatusInProgress}, // 已完成 before a count is no status
		{"确保6月底前整改完成。", false, ""},                      // a plan
		{"力争年底前全部整改完成；目前已整改完成。", false, StatusDone},     // the plan is one clause, the fact another
		{"已完成制度修订。", false, ""},                         // 已完成 before an object is no status
		{"整改完成后将开展“回头看”。", false, ""},                   // 整改完成 not at a clause end
		{"该问题尚未整改完成。", false, ""},                       // negated
		{"12月底前完成整改，已整改完成。", false, StatusDone},         //
	}
	for _, tt := range tests {
		if got := statusOf(tt.text, tt.labelled); got != tt.want {
			t.Errorf("statusOf(%q, %v) = %q, want %q", tt.text, tt.labelled, got, tt.want)
		}
	}
}
