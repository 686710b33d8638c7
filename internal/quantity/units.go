package quantity

// Kinds of quantity, one per unit of the table below.
const (
	KindCount    = "count"
	KindPeople   = "people"
	KindMoney    = "money"
	KindPercent  = "percent"
	KindArea     = "area"
	KindLength   = "length"
	KindDuration = "duration"
	KindAge      = "age"
	KindOther    = "other"
)

// unit is one entry of the unit table.
type unit struct {
	Name   string   // as written after the number
	Base   string   // the unit a Quantity reports
	Factor float64  // Value = number × magnitude × Factor
	Kind   string   // count, people, money …
	Not    []string // continuations that make Name part of another word (期 in 期间)
}

// unitKeep lists, per unit name, continuations that keep the unit although one of its Not
// entries matches: 完成3项目标任务 is 3 项 (Not 目 is for 项目).
var unitKeep = map[string][]string{
	"项": {"目标"}, // 3项目标任务
}

// units is the unit table: every unit a number may carry, longest names matched first.
// A number followed by none of these (and by no magnitude or percent sign) is not a quantity.
// Money magnitudes (万元, 亿元, 千元) are magnitudes × 元: see magnitudes.
var units = []unit{
	// count
	{"个百分点", "百分点", 1, KindPercent, nil},                                                 // 提高3个百分点
	{"个工作日", "工作日", 1, KindDuration, nil},                                                // 15个工作日
	{"个小时", "小时", 1, KindDuration, nil},                                                  // 3个小时
	{"个月", "个月", 1, KindDuration, nil},                                                   // 持续5个月, 两个月
	{"个", "个", 1, KindCount, nil},                                                        // 14个具体问题, 一个综合研究报告
	{"项", "项", 1, KindCount, []string{"目"}},                                              // 28项整改措施; not 项目, but 3项目标任务
	{"件", "件", 1, KindCount, nil},                                                        // 健身器材132件, 办好10件事
	{"条", "条", 1, KindCount, []string{"例", "件", "款", "线", "目"}},                          // 160条整改任务
	{"人次", "人次", 1, KindPeople, nil},                                                     // 培训500人次
	{"人", "人", 1, KindPeople, []string{"民", "员", "大", "才", "士"}},                         // 在职10人
	{"名", "名", 1, KindPeople, []string{"额"}},                                             // 新提拔1名副局长, 约谈3名单位负责人, 3名录用人员
	{"位", "位", 1, KindPeople, []string{"置", "于"}},                                        // 3位同志
	{"件次", "件次", 1, KindCount, nil},                                                      // 办理信访12件次
	{"个次", "个次", 1, KindCount, nil},                                                      // 督查30个次
	{"家次", "家次", 1, KindCount, nil},                                                      // 检查企业50家次
	{"户次", "户次", 1, KindCount, nil},                                                      // 走访200户次
	{"户", "户", 1, KindCount, []string{"籍", "口", "外"}},                                    // 帮扶30户
	{"场次", "场次", 1, KindCount, nil},                                                      // 60场次, 三场次
	{"场", "场", 1, KindCount, []string{"所", "地", "景", "面", "馆", "合", "域", "站"}},           // 近百场
	{"次", "次", 1, KindCount, []string{"数", "序", "性"}},                                    // 调研指导3次; 一次 see scanner
	{"篇", "篇", 1, KindCount, []string{"章"}},                                              // 2篇调研报告
	{"家", "家", 1, KindCount, []string{"庭"}},                                              // 54家责任单位, 21家乡镇卫生院, 5家长期亏损企业
	{"笔", "笔", 1, KindCount, []string{"记"}},                                              // 15笔往来款项
	{"台", "台", 1, KindCount, []string{"账", "阶", "湾", "帐", "币"}},                          // 电脑1台
	{"处", "处", 1, KindCount, []string{"理", "置", "分", "室", "长", "级", "罚", "于"}},           // 整改隐患3处
	{"所", "所", 1, KindCount, []string{"有", "属", "在", "以", "得", "谓"}},                     // 3所学校
	{"批次", "批次", 1, KindCount, nil},                                                      // 抽检20批次
	{"批", "批", 1, KindCount, []string{"评", "示", "复", "准", "量", "判"}},                     // 分3批
	{"期", "期", 1, KindCount, []string{"间", "限", "末", "待", "望", "刊", "满", "初"}},           // 举办3期培训班
	{"轮次", "轮次", 1, KindCount, nil},                                                      // 开展专项检查8轮次
	{"项次", "项次", 1, KindCount, nil},                                                      // 检查项目12项次
	{"条次", "条次", 1, KindCount, nil},                                                      // 发现问题56条次
	{"台套", "台套", 1, KindCount, nil},                                                      // 配备设备1500余台套
	{"轮", "轮", 1, KindCount, []string{"换", "训", "岗", "流"}},                               // 开展2轮督查
	{"份", "份", 1, KindCount, []string{"额"}},                                              // 发放问卷500份
	{"本", "本", 1, KindCount, []string{"级", "单", "地", "部", "人", "次", "年", "着", "身", "质"}}, // 发放学习读本200本
	{"册", "册", 1, KindCount, nil},                                                        // 汇编3册
	{"套", "套", 1, KindCount, []string{"班", "路"}},                                         // 制度汇编2套
	{"辆", "辆", 1, KindCount, nil},                                                        // 公务用车3辆
	{"间", "间", 1, KindCount, []string{"隔", "接", "断"}},                                    // 办公用房5间
	{"起", "起", 1, KindCount, []string{"来", "草", "步", "到", "始", "源", "点"}},                // 查处案件3起, 办理3起诉讼案件
	{"种", "种", 1, KindCount, []string{"植", "类", "子"}},                                    // 3种形式
	{"类", "类", 1, KindCount, []string{"似", "型"}},                                         // 5类问题
	{"部", "部", 1, KindCount, []string{"门", "署", "分", "长", "位", "委", "队"}},                // 出台3部规章
	{"支", "支", 1, KindCount, []string{"部", "持", "出", "付", "撑"}},                          // 组建3支队伍
	{"张", "张", 1, KindCount, nil},                                                        // 发放宣传单1000张
	{"座", "座", 1, KindCount, []string{"谈"}},                                              // 3座桥梁
	{"栋", "栋", 1, KindCount, nil},                                                        // 2栋楼
	{"方面", "方面", 1, KindCount, nil},                                                      // 五方面17项问题; 三个方面 is 3 个 (the classifier as written)
	{"卷", "卷", 1, KindCount, nil},                                                        // 整理档案156卷
	{"门", "门", 1, KindCount, []string{"户", "槛", "口", "类", "诊", "前", "式"}},                // 开设课程32门
	{"宗", "宗", 1, KindCount, []string{"旨", "教", "族"}},                                    // 处置闲置土地3宗
	{"棵", "棵", 1, KindCount, nil},                                                        // 补植树木500棵
	{"块", "块", 1, KindCount, []string{"钱"}},                                              // 更换标识牌20块
	{"课时", "课时", 1, KindDuration, nil},                                                   // 培训40课时
	{"课次", "课次", 1, KindCount, nil},                                                      // 培训120课次
	{"学时", "学时", 1, KindDuration, nil},                                                   // 学习32学时
	{"分钟", "分钟", 1, KindDuration, nil},                                                   // 缩短至30分钟
	{"公斤", "公斤", 1, KindOther, nil},                                                      // 50公斤
	{"千克", "千克", 1, KindOther, nil},                                                      // 50千克
	{"立方米", "立方米", 1, KindOther, nil},                                                    // 清淤5000立方米
	{"倍", "倍", 1, KindOther, nil},                                                        // 增长2倍
	{"吨", "吨", 1, KindOther, nil},                                                        // 50吨
	{"千伏", "千伏", 1, KindOther, nil},                                                      // 10千伏线路 (a voltage, not 10000)
	{"千瓦时", "千瓦时", 1, KindOther, nil},                                                    // 1.2万千瓦时
	{"千瓦", "千瓦", 1, KindOther, nil},                                                      // 100千瓦, 100万千瓦
	{"兆瓦", "兆瓦", 1, KindOther, nil},                                                      // 50兆瓦
	{"千卡", "千卡", 1, KindOther, nil},                                                      // 323千卡
	{"大类", "大类", 1, KindCount, nil},                                                      // 梳理5大类问题
	{"大方面", "大方面", 1, KindCount, nil},                                                    // 对照反馈的3大方面12个问题 (like 大类: 大 kept)
	// traditional forms fold.String leaves as they are (it folds 個 項 條 處 萬 …)
	{"種", "种", 1, KindCount, []string{"植", "類", "子"}}, // 3種方式
	{"張", "张", 1, KindCount, nil},                     // 1000張
	{"棟", "栋", 1, KindCount, nil},                     // 2棟
	{"輛", "辆", 1, KindCount, nil},                     // 3輛
	{"畝", "亩", 1, KindArea, nil},                      // 30畝
	{"公頃", "公顷", 1, KindArea, nil},                    // 5公頃
	{"噸", "吨", 1, KindOther, nil},                     // 50噸
	// money
	{"元", "元", 1, KindMoney, nil}, // 金额4800元; 7.132万元 -> 71320 元
	// percent
	{"%", "%", 1, KindPercent, nil}, // 占比76%
	{"‰", "‰", 1, KindPercent, nil}, // 5‰
	// area
	{"平方公里", "平方公里", 1, KindArea, nil}, // 12平方公里
	{"平方千米", "平方公里", 1, KindArea, nil}, // 12平方千米
	{"平方米", "平方米", 1, KindArea, nil},   // 办公用房120平方米
	{"平米", "平方米", 1, KindArea, nil},    // 120平米
	{"亩", "亩", 1, KindArea, nil},       // 土地30亩
	{"公顷", "公顷", 1, KindArea, nil},     // 5公顷
	// length
	{"公里", "公里", 1, KindLength, nil}, // 道路3公里
	{"千米", "公里", 1, KindLength, nil}, // 5千米 -> 5 公里
	{"米", "米", 1, KindLength, nil},   // 500米
	// duration
	{"小时", "小时", 1, KindDuration, nil},   // 24小时
	{"工作日", "工作日", 1, KindDuration, nil}, // 10工作日
	{"年", "年", 1, KindDuration, []string{"度", "级", "代", "龄", "轻", "行动", "规划", "计划", "攻坚", "纲要"}}, // 连续2年; 三年行动方案 is a name
	{"天", "天", 1, KindDuration, nil},                          // 3天
	{"周", "周", 1, KindDuration, []string{"年", "边", "末", "岁"}}, // 2周; 100周年 is not
	// age
	{"周岁", "岁", 1, KindAge, nil}, // 50周岁以上 -> 50 岁, bound ge
	{"岁", "岁", 1, KindAge, nil},  // 35岁以下
}

// dayUnit is 日 as a duration: a quantity only before 内/以内/之内/后 (15日内), because a bare
// N日 is a day of the month.
var dayUnit = unit{"日", "日", 1, KindDuration, nil}

// tenthUnit is 成 as a share in tenths: 七成以上 -> 70 %, ge. It is read only after a whole
// number from 1 to 10 and before one of tenthFollow or a clause end (not 一成不变).
var tenthUnit = unit{"成", "%", 10, KindPercent, nil}

// magnitudes written after 余 or 多 fold into the value: 300多万元 -> 3000000 元, 十余万元. A
// magnitude right after the number is the numeral's own (numeralMagnitudes: 7.132万元, 5万4千).
// Longest first.
var magnitudes = []struct {
	Name string
	Exp  int // power of ten
}{
	{"万亿", 12}, // 1.2万余亿元 (rare)
	{"千万", 7},  // 3多千万元
	{"百万", 6},  // 5余百万元
	{"亿", 8},   // 2.3亿余元, 20多亿元
	{"万", 4},   // 300多万元, 十余万元
	{"千", 3},   // 5余千元
}

// UnitInfo describes one unit of the table, for documentation and for callers that list units.
type UnitInfo struct {
	Name   string  // as written: 周岁
	Base   string  // as reported: 岁
	Factor float64 // 1 for every unit today; magnitudes (万, 亿) are folded separately
	Kind   string
}

// Units returns the unit table in its order; the scanner takes the longest name that matches.
func Units() []UnitInfo {
	out := make([]UnitInfo, 0, len(units)+1)
	for _, u := range units {
		out = append(out, UnitInfo{u.Name, u.Base, u.Factor, u.Kind})
	}
	return out
}
