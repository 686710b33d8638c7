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

// Theme is one class of the taxonomy.
type Theme struct {
	Name    string
	Doc     string             // what the theme covers
	Example string             // a problem of the seed bulletin that falls under it
	Words   map[string]float64 // word -> weight
}

// Themes is the taxonomy, in order of precedence for ties.
var Themes = []Theme{
	{
		Name:    "保密",
		Doc:     "secrecy: classified staff and documents, secrecy education, document handling, network security",
		Example: "保密教育宣传力度不够，多是被动灌输",
		Words: map[string]float64{
			"保密": 5, "保密工作": 5, "保密教育": 5, "保密意识": 5, "保密规定": 5, "保密制度": 5,
			"保密工作制度": 5, "涉密": 5, "涉密人员": 5, "重点涉密人员": 5, "涉密文件": 5, "涉密载体": 5,
			"泄密": 5, "公文管理": 3, "公文管理制度": 3, "计算机网络安全": 3, "网络安全": 3, "信息安全": 3,
			"收发文": 1,
		},
	},
	{
		Name:    "意识形态",
		Doc:     "ideology work: its leading group and responsibility system, public opinion, propaganda positions",
		Example: "意识形态领导小组未因人事变动而及时调整，意识形态工作机制不健全",
		Words: map[string]float64{
			"意识形态": 5, "意识形态工作": 5, "意识形态责任制": 5, "网络意识形态": 5, "舆情": 5,
			"舆论引导": 3, "宣传阵地": 3, "宣传思想": 3, "宣传思想工作": 3, "阵地管理": 3,
		},
	},
	{
		Name:    "党的领导与议事决策",
		Doc:     "the Party's leadership and how decisions are made: 三重一大, democratic centralism, meeting rules, major spending decided collectively",
		Example: "基层单位执行“三重一大”制度不够严格……财务重大支出事项未纳入支委会研究",
		Words: map[string]float64{
			"三重一大": 5, "民主集中制": 5, "议事规则": 5, "议事决策": 5, "集体决策": 5, "集体领导": 3,
			"集体研究": 3, "重大事项": 3, "重大决策": 3, "重大支出": 3, "大额资金": 3, "请示报告": 3,
			"议事日程": 3, "支委会": 3, "党组会": 3, "党委会": 3, "全面领导": 3, "党的领导": 3,
			"决策部署": 3, "一把手": 1, "主体责任": 1, "一岗双责": 1, "党中央": 1, "领导小组": 1,
		},
	},
	{
		Name:    "组织生活",
		Doc:     "Party organisation life: 组织生活会, 民主生活会, 三会一课, criticism and self-criticism, dues, members",
		Example: "组织生活会缺少辣味……批评与自我批评不够到位",
		Words: map[string]float64{
			"组织生活会": 5, "民主生活会": 5, "组织生活": 5, "三会一课": 5, "主题党日": 5,
			"批评与自我批评": 3, "自我批评": 3, "党课": 3, "党员大会": 3, "党小组": 3, "党费": 5,
			"党费收缴": 5, "发展党员": 5, "入党积极分子": 5, "预备党员": 5, "民主评议": 3, "民主评议党员": 3,
			"谈心谈话": 3, "党内政治生活": 5, "支部建设": 3, "基层党组织": 3, "基层党建": 3,
			"党组织": 1, "党支部": 1, "党建工作": 1, "批评": 1,
		},
	},
	{
		Name:    "干部队伍与选人用人",
		Doc:     "cadres and appointments: age structure, reserves, selection and promotion, staffing, personnel files",
		Example: "下属事业单位干部队伍年龄结构偏大",
		Words: map[string]float64{
			"选人用人": 5, "年龄结构": 5, "干部队伍": 3, "干部队伍建设": 3, "后备干部": 3, "年轻干部": 3,
			"干部选拔": 3, "干部培养": 3, "轮岗交流": 3, "干部交流": 3, "人才队伍": 3, "人才引进": 3,
			"公开招录": 3, "公开招聘": 3, "超编": 5, "编制": 3, "借调": 3, "干部档案": 5, "人事档案": 5,
			"兼职取酬": 5, "因私出国": 5, "职称评聘": 3, "职务职级": 3, "中层干部": 3, "提拔": 3,
			"选拔": 3, "任用": 3, "考核评价": 1, "绩效考核": 1, "干部": 1, "在职": 1, "事业单位": 1,
		},
	},
	{
		Name:    "财务与资产",
		Doc:     "money and property: fixed assets, bookkeeping, budgets, funds, purchases, reimbursement",
		Example: "市文广旅局购买电脑1台，金额4800元，直接列支，未计入固定资产",
		Words: map[string]float64{
			"三资": 5, "集体资产": 5, "经费": 3, "科研经费": 5, "补贴": 3, "拨付": 3, "报账": 3,
			"固定资产": 5, "国有资产": 5, "资产管理": 5, "小金库": 5, "财务管理": 5, "财务制度": 5,
			"财务管理制度": 5, "财经纪律": 5, "财务": 3, "预算": 3, "预算管理": 5, "预算执行": 5,
			"专项资金": 5, "资金使用": 5, "资金管理": 5, "财政资金": 5, "列支": 5, "直接列支": 5,
			"报销": 3, "票据": 3, "原始凭证": 5, "会计凭证": 5, "账目": 3, "账务": 3, "往来款": 3,
			"往来款项": 3, "挂账": 3, "盘盈": 3, "入账": 3, "入帐": 3, "政府采购": 3, "采购": 3,
			"招投标": 3, "合同管理": 3, "内部控制": 3, "资金": 1, "金额": 1, "购买": 1, "支付": 1,
			"资产": 3, "财务支出": 3,
		},
	},
	{
		Name:    "廉洁纪律",
		Doc:     "integrity and discipline: the eight rules, official hospitality and cars, corruption, accountability, warning education",
		Example: "(none in the seed) 违规使用公务用车；公务接待超标准",
		Words: map[string]float64{
			"政治规矩": 5, "政治纪律": 5,
			"党风廉政": 5, "党风廉政建设": 5, "廉政建设": 5, "廉洁自律": 5, "廉政风险": 5, "廉政风险点": 5,
			"中央八项规定": 5, "八项规定": 5, "八项规定精神": 5, "享乐主义": 5, "奢靡之风": 5,
			"违纪违法": 5, "违规违纪": 5, "警示教育": 5, "纪律教育": 3, "纪律建设": 3, "四种形态": 3,
			"监督执纪": 3, "追责问责": 3, "问责": 3, "诫勉谈话": 3, "红包礼金": 5, "利益输送": 5,
			"吃拿卡要": 5, "不正之风": 3, "腐败": 5, "腐败问题": 5, "公务接待": 5, "公务用车": 5,
			"公车私用": 5, "廉洁": 3, "纪律": 1, "违规": 1,
		},
	},
	{
		Name:    "作风与服务群众",
		Doc:     "work style and serving the people: formalism, bureaucratism, research at the grass roots, responding to the public",
		Example: "服务群众水平有待提升，服务群众有时重过程而轻质量",
		Words: map[string]float64{
			"放管服": 3, "政务服务": 3, "跑腿": 3, "流于形式": 3,
			"形式主义": 5, "官僚主义": 5, "四风": 5, "作风建设": 5, "服务群众": 5, "群众路线": 5,
			"群众意识": 5, "调查研究": 3, "大兴调查研究": 3, "调研": 3, "急难愁盼": 5, "为民办实事": 5,
			"我为群众办实事": 5, "文山会海": 5, "督查检查考核": 3, "文化惠民": 3, "惠民活动": 3,
			"群众需求": 3, "基层群众": 3, "群众": 1, "基层": 1, "作风": 5,
		},
	},
	{
		Name:    "监管与行业管理",
		Doc:     "supervision of a sector: industry associations and social organisations, annual inspection, licensing, enforcement, safety",
		Example: "市文广旅局党组指导管理的行业协会有46个……未年检的行业协会有23个",
		Words: map[string]float64{
			"抽检": 5, "食品安全": 5, "年报": 3, "市场主体": 3, "执法": 3, "案卷": 3, "巡查": 3, "耕地保护": 5,
			"行业协会": 5, "文体协会": 5, "社会组织": 5, "行业管理": 5, "行业监管": 5, "市场监管": 5,
			"年检": 5, "参检": 5, "撤销登记": 5, "审核备案": 3, "备案": 3, "备案制": 3, "行政审批": 3,
			"审批": 3, "执法检查": 3, "综合执法": 3, "行政执法": 3, "安全生产": 5, "安全隐患": 5,
			"文物保护": 5, "文物安全": 5, "演出市场": 3, "娱乐场所": 3, "文化市场": 3, "旅游市场": 3,
			"监督管理": 3, "有效监管": 3, "监管": 3, "协会": 3,
		},
	},
	{
		Name:    "基础设施与民生",
		Doc:     "facilities and public services: squares, fitness equipment, cultural service points, rural revitalisation",
		Example: "部分农村文化广场文化元素不多，缺少村规民约、公示墙、宣传栏、健身器材等设施设备",
		Words: map[string]float64{
			"高标准农田": 5, "农田建设": 5, "水利工程": 5, "工程建设": 3, "养老": 5, "养老服务": 5, "服务设施": 5, "体育设施": 5, "就业": 3, "社保": 3, "医疗": 3,
			"基础设施": 5, "基础设施建设": 5, "农村文化广场": 5, "文化广场": 5, "健身器材": 5,
			"体育健身器材": 5, "设施设备": 5, "设施": 3, "公共文化服务": 5, "公共文化": 3, "公共服务": 3,
			"乡村振兴": 3, "乡村文化": 3, "村规民约": 3, "公示墙": 3, "宣传栏": 3, "老旧小区": 3,
			"农家书屋": 5, "综合文化服务中心": 5, "民生": 5, "器材": 3, "设备": 1,
		},
	},
	{
		Name:    "理论学习",
		Doc:     "studying the Party's theory: study groups, notes, the 20th Congress, learning that stays on the surface",
		Example: "部分基层单位党员干部理论学习不够认真……笔记书写字迹潦草",
		Words: map[string]float64{
			"理论学习": 5, "理论学习中心组": 5, "中心组学习": 5, "第一议题": 5, "学深悟透": 5,
			"学懂弄通做实": 5, "学习笔记": 5, "武装头脑": 3, "学习教育": 3, "主题教育": 3,
			"党史学习教育": 5, "二十大精神": 3, "党的二十大": 3, "党的创新理论": 5,
			"习近平新时代中国特色社会主义思想": 3, "两学一做": 5, "笔记": 3, "理论": 3, "学习": 1,
			"自主学习": 1, "贯彻": 1,
		},
	},
	{
		Name:    "主责主业",
		Doc:     "the unit's own line of work: the policies, projects, reforms and duties it answers for, carried out slowly, imprecisely or not at all",
		Example: "(none in the seed) 高标准农田建设项目推进缓慢；就业帮扶政策落实不精准；国企改革任务推进不力",
		Words: map[string]float64{
			"主责主业": 5, "履职尽责": 5, "职能职责": 5, "推进不力": 5, "推进缓慢": 5, "进度滞后": 5,
			"立德树人": 5, "国企改革": 5, "营商环境": 5, "驻村帮扶": 3, "就业帮扶": 3, "政策落实": 3,
			"履职": 3, "职责": 3, "改革": 3, "滞后": 3, "不精准": 3, "帮扶": 3, "高质量发展": 3,
			"政策": 1, "项目": 1,
		},
	},
	{
		Name:    "制度建设",
		Doc:     "rules and mechanisms: missing or unsound systems, regulations, long-term mechanisms",
		Example: "(none in the seed) 内部管理制度不健全，制度执行不到位",
		Words: map[string]float64{
			"制度建设": 5, "规章制度": 5, "制度体系": 5, "内部管理制度": 5, "建章立制": 5, "工作机制": 3,
			"工作制度": 3, "长效机制": 5, "工作程序": 3, "制度": 1, "机制": 1,
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
