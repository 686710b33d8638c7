package segment

// Theme taxonomy: what inspections find. Every problem gets the theme whose words weigh most in
// its segmented text, or Other when no theme reaches minThemeScore; Problem.ThemeWords lists the
// words that decided it, heaviest first, so an analyst can see why.
//
// Scoring (see (*Segmenter).theme): each word of the problem's quote (or its description where
// it is not quoted) adds its weight, a word counting at most twice; the words of its topic
// heading add half their weight and those of its category heading a quarter, so headings break
// ties and classify a problem whose quote says little. Words inside an organisation's name
// (市文化市场综合行政执法大队) are not counted: a unit named is not what the problem is about.
// Ties go to the theme listed first. Weights: 5 a word that decides the theme on its own
// (保密, 三重一大, 固定资产), 3 a strong sign, 1 a supporting word.
//
// Every word must be a word of the dictionary as the cutter cuts it (a test checks that each cuts
// as one token); add new multi-character terms to data/domain.txt first.

// Other is the theme of a problem no theme's words describe.
const Other = "其他"

// minThemeScore is the least score that assigns a theme.
const minThemeScore = 2.0

// Theme is one heading of the taxonomy, within one of the three areas inspections report on.
type Theme struct {
	Area    string // 党的领导, 党的建设 or 全面从严治党
	Name    string
	Doc     string             // what the theme covers
	Example string             // a problem as bulletins state it, filed under it
	Words   map[string]float64 // word -> weight
}

// The areas of the official framing of inspection findings (坚持党的领导、加强党的建设、全面从严治党).
const (
	AreaLeadership = "党的领导"
	AreaBuilding   = "党的建设"
	AreaDiscipline = "全面从严治党"
)

// Themes is the taxonomy, in order of precedence for ties: the usual headings of inspection
// findings under the three areas. Its words were chosen on the tune half of
// testdata/themes/labelled.tsv; TestThemesLabelled scores the held-out half.
var Themes = []Theme{
	{
		Area:    AreaLeadership,
		Name:    "政治建设",
		Doc:     "the Party's leadership: 两个维护, the 第一议题 rule, democratic centralism and meeting rules, reporting upward, the leading group's principal responsibility",
		Example: "贯彻民主集中制原则有偏差，党组会议议事规则执行不严格",
		Words: map[string]float64{
			"民主集中制": 5, "议事规则": 5, "议事决策": 5, "集体领导": 3, "请示报告": 5, "第一议题": 5,
			"两个维护": 5, "两个确立": 5, "政治站位": 5, "政治建设": 5, "全面领导": 3,
			"党的领导": 3, "把方向": 3, "管大局": 3, "保落实": 3, "主体责任": 3, "第一责任人": 3,
			"党组会": 3, "党委会": 3, "议事日程": 3, "一岗双责": 3, "重要指示": 3, "党中央": 1,
			"领导小组": 1, "一把手": 1,
			"重大决策": 3,
			"重要讲话": 5, "讲话精神": 5, "传达学习": 3, "会议精神": 3, "研究部署": 3, "管党治党": 5, "政治责任": 5, "班子成员": 1, "领导班子": 1, "议题": 3,
		},
	},
	{
		Area:    AreaLeadership,
		Name:    "决策部署与主责主业",
		Doc:     "carrying out decisions in the unit's own line of work: projects, policies, reforms, supervision of a sector, safety, livelihood and services",
		Example: "高标准农田建设项目推进缓慢，年度任务完成率仅为六成",
		Words: map[string]float64{
			"主责主业": 5, "履职尽责": 5, "职能职责": 5, "推进不力": 5, "推进缓慢": 5, "进度滞后": 5,
			"决策部署": 5, "立德树人": 5, "国企改革": 5, "营商环境": 5, "乡村振兴": 5, "高质量发展": 3,
			"驻村帮扶": 3, "就业帮扶": 5, "政策落实": 3, "履职": 3, "职责": 3, "改革": 3, "滞后": 3,
			"不精准": 3, "帮扶": 3, "项目": 3, "政策": 1,
			"高标准农田": 5, "农田建设": 5, "水利工程": 5, "工程建设": 3, "养老": 5, "养老服务": 5,
			"服务设施": 5, "体育设施": 5, "就业": 3, "社保": 3, "医疗": 3, "基础设施": 5, "公共服务": 3,
			"民生": 5, "老旧小区": 3, "公共文化": 3, "设施": 3,
			"抽检": 5, "食品安全": 5, "市场主体": 3, "执法": 3, "巡查": 3, "耕地保护": 5, "行业协会": 5,
			"社会组织": 5, "行业管理": 5, "行业监管": 5, "市场监管": 5, "年检": 5, "行政审批": 3, "审批": 3,
			"综合执法": 3, "行政执法": 3, "安全生产": 5, "安全隐患": 5, "文物保护": 5, "文物安全": 5,
			"监督管理": 3, "监管": 3, "生态环境": 5, "环境保护": 5, "污水处理": 5, "河长制": 5, "河道": 3,
			"资源配置": 5, "教育资源": 5, "师资": 3, "医疗卫生": 3, "产业": 3, "招商引资": 5, "防汛": 5,
			"年报": 3, "案卷": 3, "文体协会": 5, "参检": 5, "撤销登记": 5, "审核备案": 3, "备案": 3, "备案制": 3, "执法检查": 3, "演出市场": 3, "娱乐场所": 3, "文化市场": 3, "旅游市场": 3, "有效监管": 3, "协会": 3, "基础设施建设": 5, "农村文化广场": 5, "文化广场": 5, "健身器材": 5, "体育健身器材": 5, "设施设备": 5, "公共文化服务": 5, "乡村文化": 3, "村规民约": 3, "公示墙": 3, "宣传栏": 3, "农家书屋": 5, "综合文化服务中心": 5, "器材": 3, "设备": 1,
			"社会救助": 5, "人居环境": 5, "垃圾": 3, "供水": 5, "水库": 5, "抗旱": 5, "校外培训": 5, "培训机构": 3, "签约": 3, "开工": 3, "燃气": 5, "消防": 5, "饮水": 5, "水质": 3, "惠企": 5, "兑现": 3, "建筑市场": 5, "分包": 5, "改造": 3, "城市管理": 3, "交通": 3,
			"义务教育": 5, "大班额": 5, "优质均衡": 3,
			"结案率": 5, "执行难": 5, "案件": 3,
		},
	},
	{
		Area:    AreaBuilding,
		Name:    "理论学习与意识形态",
		Doc:     "ideological work: studying the Party's theory, ideology and its responsibility system, public opinion, propaganda positions, secrecy",
		Example: "理论学习中心组学习流于形式，学习计划执行不严",
		Words: map[string]float64{
			"理论学习": 5, "理论学习中心组": 5, "中心组学习": 5, "学深悟透": 5, "学懂弄通做实": 5,
			"学习笔记": 5, "武装头脑": 3, "学习教育": 3, "主题教育": 3, "党史学习教育": 5, "二十大精神": 5,
			"党的二十大": 5, "党的创新理论": 5, "习近平新时代中国特色社会主义思想": 3, "两学一做": 5, "笔记": 3,
			"理论": 3, "学习": 1, "学用脱节": 5,
			"意识形态": 5, "意识形态工作": 5, "意识形态责任制": 5, "网络意识形态": 5, "舆情": 5,
			"舆论引导": 3, "宣传阵地": 3, "宣传思想": 3, "宣传思想工作": 3, "阵地管理": 3, "公众号": 3,
			"保密": 5, "保密工作": 5, "保密教育": 5, "保密意识": 5, "保密制度": 5, "涉密": 5, "涉密文件": 5,
			"泄密": 5, "网络安全": 3, "信息安全": 3,
			"自主学习": 1, "贯彻": 1, "保密规定": 5, "保密工作制度": 5, "涉密人员": 5, "重点涉密人员": 5, "涉密载体": 5, "公文管理": 3, "公文管理制度": 3, "计算机网络安全": 3, "收发文": 1,
			"研讨": 3, "门户网站": 5, "网站": 3, "信息发布": 5, "宣传": 3,
			"阵地": 3, "讲座": 3, "论坛": 3, "报告会": 3,
		},
	},
	{
		Area:    AreaBuilding,
		Name:    "组织建设与选人用人",
		Doc:     "Party organisations and cadres: 三会一课, organisation life, members and dues, weak grass-roots organisations, selection, staffing, cadre files",
		Example: "基层党支部“三会一课”记录不规范，组织生活不严肃",
		Words: map[string]float64{
			"组织生活会": 5, "民主生活会": 5, "组织生活": 5, "三会一课": 5, "主题党日": 5,
			"批评与自我批评": 5, "自我批评": 3, "党课": 3, "党员大会": 3, "党小组": 3, "党费": 5,
			"党费收缴": 5, "发展党员": 5, "入党积极分子": 5, "预备党员": 5, "民主评议": 3, "谈心谈话": 3,
			"党内政治生活": 5, "支部建设": 3, "基层党组织": 5, "基层党建": 5, "软弱涣散": 5, "党组织": 1,
			"党支部": 3, "党建工作": 3, "党员": 1,
			"选人用人": 5, "年龄结构": 5, "干部队伍": 3, "干部队伍建设": 5, "后备干部": 5, "年轻干部": 5,
			"干部选拔": 5, "干部培养": 3, "轮岗交流": 5, "交流轮岗": 5, "干部交流": 5, "人才队伍": 3,
			"人才引进": 3, "公开招聘": 3, "超编": 5, "编制": 5, "借调": 5, "干部档案": 5, "人事档案": 5,
			"兼职取酬": 5, "因私出国": 5, "职称评聘": 3, "中层干部": 3, "提拔": 3, "选拔": 3, "任用": 3,
			"干部": 1, "任职": 3, "关键岗位": 3,
			"民主评议党员": 3, "批评": 1, "公开招录": 3, "职务职级": 3, "考核评价": 1, "绩效考核": 1, "在职": 1, "事业单位": 1,
			"换届": 5, "党员教育": 5, "流动党员": 5, "党员管理": 5, "考察": 3, "干部考核": 5, "人才流失": 5, "人才": 3, "专业化": 3, "证照": 3,
			"发展对象": 5,
			"职数":   5, "超配": 5, "内设机构": 3,
		},
	},
	{
		Area:    AreaDiscipline,
		Name:    "作风建设与八项规定",
		Doc:     "work style: the eight rules (hospitality, official cars, allowances), formalism and bureaucratism, serving the people",
		Example: "形式主义、官僚主义问题依然存在，文山会海现象仍有发生",
		Words: map[string]float64{
			"中央八项规定": 5, "八项规定": 5, "八项规定精神": 5, "享乐主义": 5, "奢靡之风": 5,
			"公务接待": 5, "公务用车": 5, "公车私用": 5, "津贴补贴": 5, "四风": 5,
			"形式主义": 5, "官僚主义": 5, "作风建设": 5, "服务群众": 5, "群众路线": 5, "群众意识": 5,
			"调查研究": 3, "调研": 3, "急难愁盼": 5, "为民办实事": 5, "文山会海": 5, "督查检查考核": 5,
			"流于形式": 3, "放管服": 3, "政务服务": 3, "群众": 1, "作风": 5,
			"跑腿": 3, "大兴调查研究": 3, "我为群众办实事": 5, "文化惠民": 3, "惠民活动": 3, "群众需求": 3, "基层群众": 3, "基层": 1,
			"公款吃喝": 5, "吃喝": 5, "接待": 3, "减负": 5, "报表": 5, "填表": 3, "窗口": 5, "服务态度": 5, "办事": 3, "福利": 5, "下基层": 5,
			"担当": 3, "担当作为": 5, "推诿扯皮": 5, "推诿": 5, "扯皮": 3, "不作为": 5, "慢作为": 5, "乱作为": 3, "公款旅游": 5, "旅游": 3, "公款": 3, "变相": 3,
			"窗口单位": 5, "服务意识": 5, "门难进": 5, "脸难看": 5, "事难办": 5,
		},
	},
	{
		Area:    AreaDiscipline,
		Name:    "纪律与廉洁",
		Doc:     "discipline and integrity: clean-government responsibility, corruption, gifts, warning education, supervision and accountability",
		Example: "党风廉政建设责任落实不到位，廉政风险防控不力",
		Words: map[string]float64{
			"政治纪律": 5, "政治规矩": 5, "党风廉政": 5, "党风廉政建设": 5, "廉政建设": 5, "廉洁自律": 5, "廉政风险": 5,
			"廉政风险点": 5, "违纪违法": 5, "违规违纪": 5, "警示教育": 5, "以案促改": 5, "纪律教育": 3,
			"纪律建设": 3, "四种形态": 5, "监督执纪": 5, "执纪": 3, "追责问责": 5, "问责": 3, "诫勉谈话": 3,
			"红包礼金": 5, "利益输送": 5, "吃拿卡要": 5, "不正之风": 3, "腐败": 5, "腐败问题": 5,
			"廉洁": 3, "纪律": 3, "违规": 1, "监督": 3, "监督偏软": 5,
			"廉洁风险": 5, "经商办企业": 5, "经商": 5, "小微权力": 5, "日常监督": 5, "借贷": 5, "廉政谈话": 5, "违纪": 5, "查处": 3,
			"礼金": 5, "礼品": 5, "收受": 3, "围标": 5, "串标": 5, "围标串标": 5,
			"优亲厚友": 5, "带金销售": 5,
		},
	},
	{
		Area:    AreaDiscipline,
		Name:    "财务与资产",
		Doc:     "money and property, and the 三重一大 decisions on them: budgets, funds, purchases, fixed assets, accounts, subsidies",
		Example: "执行“三重一大”制度不严格，大额资金使用未经集体研究",
		Words: map[string]float64{
			"三重一大": 5, "集体决策": 5, "集体研究": 3, "重大事项": 3, "重大支出": 3, "大额资金": 5,
			"三资": 5, "集体资产": 5, "经费": 3, "科研经费": 5, "补贴": 3, "拨付": 3, "报账": 3,
			"固定资产": 5, "国有资产": 5, "资产管理": 5, "小金库": 5, "财务管理": 5, "财务制度": 5,
			"财经纪律": 5, "财务": 3, "预算": 5, "预算管理": 5, "预算执行": 5, "预算编制": 5,
			"专项资金": 5, "资金使用": 5, "资金管理": 5, "财政资金": 5, "列支": 5, "直接列支": 5,
			"报销": 3, "票据": 3, "原始凭证": 5, "会计凭证": 5, "账目": 3, "账务": 3, "往来款": 5,
			"往来款项": 5, "挂账": 5, "入账": 3, "政府采购": 5, "采购": 3, "招投标": 5, "公开招标": 5,
			"合同管理": 3, "资金": 3, "金额": 1, "资产": 3, "账实不符": 5, "非税收入": 5,
			"缴库": 5, "挪用": 5, "挤占": 5,
			"财务管理制度": 5, "盘盈": 3, "入帐": 3, "购买": 1, "支付": 1, "财务支出": 3,
			"公务卡": 5, "现金": 3, "结算": 3, "工程款": 5, "会计": 5, "记账": 5, "凭证": 5, "出租": 5, "出借": 5, "租金": 5, "差旅费": 5, "银行账户": 5, "账户": 3, "资产处置": 5, "评估": 3,
			"借款": 3, "担保": 3, "应收账款": 5, "清收": 3,
		},
	},
	{
		Area:    AreaDiscipline,
		Name:    "上轮整改与审计整改",
		Doc:     "rectification left undone: problems of the last inspection round or of audits not corrected, coming back, clues not handled",
		Example: "上轮巡察反馈问题整改不到位，部分问题反弹回潮",
		Words: map[string]float64{
			"上轮巡察": 5, "上轮巡视": 5, "巡察整改": 5, "巡视整改": 5,
			"整改不到位": 5, "整改不彻底": 5, "反弹回潮": 5, "审计整改": 5, "审计": 3,
			"问题线索": 5, "销号": 5, "回头看": 5, "整改": 1,
			"整改台账": 5, "反复": 3, "整改成效": 3,
			"屡审屡犯": 5, "经济责任审计": 5,
		},
	},
	{
		Area:    AreaBuilding,
		Name:    "制度建设",
		Doc:     "rules and mechanisms: missing, outdated or unenforced systems, long-term mechanisms",
		Example: "内部管理制度不健全，部分制度多年未修订",
		Words: map[string]float64{
			"制度建设": 5, "规章制度": 5, "制度体系": 5, "内部管理制度": 5, "建章立制": 5, "工作机制": 5,
			"工作制度": 3, "长效机制": 5, "工作程序": 3, "制度": 3, "机制": 3, "打折扣": 3,
			"内控制度": 5, "内控": 5, "形同虚设": 5, "操作性": 3, "衔接": 3, "修订": 3,
			"内部控制": 5, "制衡": 3, "印章": 3, "用印": 3,
			"合规": 3, "合规管理": 5,
		},
	},
}

// themeWord is one theme's weight for a word.
type themeWord struct {
	theme  int // index in Themes
	weight float64
}

// themeIndex maps each word to the themes it weighs in.
func themeIndex() map[string][]themeWord {
	idx := make(map[string][]themeWord)
	for i, t := range Themes {
		for w, wt := range t.Words {
			idx[w] = append(idx[w], themeWord{theme: i, weight: wt})
		}
	}
	return idx
}
