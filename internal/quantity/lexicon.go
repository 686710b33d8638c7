package quantity

// qualifier is a word before or after a quantity that changes its meaning.
type qualifier struct {
	Word   string
	Approx bool
	Bound  string // "ge", "le" or ""
}

// prefixes stand before the number (约30人, 超过100个). Longest first where one is a prefix
// of another (超过 before 超).
var prefixes = []qualifier{
	{"不少于", false, "ge"}, // 不少于10次
	{"不低于", false, "ge"}, // 不低于90%
	{"不超过", false, "le"}, // 不超过3个月
	{"不高于", false, "le"}, // 不高于5%
	{"超过", false, "ge"},  // 超过100个
	{"超過", false, "ge"},  // 超過100個 (traditional; fold keeps 過)
	{"多于", false, "ge"},  // 多于5人
	{"至少", false, "ge"},  // 至少2次
	{"不足", false, "le"},  // 不足10%
	{"不到", false, "le"},  // 不到20人
	{"少于", false, "le"},  // 少于5人
	{"低于", false, "le"},  // 低于60%
	{"最多", false, "le"},  // 最多3次
	{"大约", true, ""},     // 大约30人
	{"将近", true, ""},     // 将近100人
	{"接近", true, ""},     // 接近90%
	{"约", true, ""},      // 约30人 (not 签约, 制约: see notBefore)
	{"近", true, ""},      // 近百场 -> 100 场, 近3年 (not 最近, 附近)
	{"超", false, "ge"},   // 超1亿元
	{"逾", false, "ge"},   // 逾千人
	{"上", true, ""},      // 上百人: only before 百/千/万
}

// notBefore lists, for a one-character prefix, the characters that make it part of a word
// (签约3个项目: 约 is not "about"; 最近3个月: 近 is not "nearly").
var notBefore = map[string]string{
	"约": "签预制节违履邀特集公条简相婚合赴践守",
	"近": "最附邻亲贴靠就",
	"超": "赶高",
	"上": "以之向马",
}

// between are written between the number and its unit (180余件, 200多人, 300多万元).
var between = []qualifier{
	{"余", true, ""}, // 180余件, 20余场次, 万余元
	{"多", true, ""}, // 200多人
	{"来", true, ""}, // 十来个 (only after a round Chinese number: see scanner)
}

// suffixes follow the unit (20人左右, 50周岁以上, 3个月以内).
var suffixes = []qualifier{
	{"左右", true, ""},    // 20人左右
	{"以上", false, "ge"}, // 50周岁以上
	{"之上", false, "ge"}, // 90%之上
	{"以下", false, "le"}, // 35岁以下
	{"以内", false, "le"}, // 3个月以内
	{"之内", false, "le"}, // 10个工作日之内
}

// rangeSeps join the two ends of a range (10至20万元, 3-5人).
const rangeSeps = "至到-~—～－"

// names are fixed expressions and slogans whose numerals are not quantities, matched
// where a numeral starts. Most are also written in quotes (“四个意识”), which the scanner
// skips as a whole; these catch the unquoted forms.
var names = []string{
	"四个意识", "四个自信", "四个全面", "四个服务", "四个坚持", "四个必须", // 增强四个意识
	"两个维护", "两个确立", "两个责任", "两个务必", "两个一百年", "两个结合", "两个毫不动摇", // 做到两个维护
	"三个代表", "三个区分开来", "三个务必", "三个表率", "三个以案", "四个不放过",
	"五个高地", "五个一", "十个明确", "十四个坚持", "十三个方面",
	"三会一课", "三重一大", "两学一做", "一岗双责", "三严三实", "两不愁三保障", // 落实三会一课
	"八项规定", "六项纪律", "四种形态", "四套班子", "三张单子", "七张问题清单", "三张清单", // 中央八项规定精神
	"二人转", // 二人转展演: an art form, not 2 人
	"一把手", "一针见血", "一改到底", "一张蓝图", "一张网", "一张图", "一本账", "一条心", "一条龙",
	"一盘棋", "一件事", "一家人", "一场硬仗", "一次性", "一体化", "一站式", "一号文件", "一票否决",
	"一国两制", "一带一路", "一以贯之", "一抓到底", "一竿子插到底",
	"四下基层", "四不两直", "五位一体", "三位一体", "六稳六保",
}

// cnBlockers are characters that, written just before a Chinese numeral, make it part of a
// word or an ordinal (第一, 每一个, 统一部署, 唯一, 之一, 周一, 十二届三次全会…).
const cnBlockers = "第每统唯同单逐之其某任这那哪另周初划专归即再万数几届"

// asVerbs, earlier in the clause, make 一项/一个 predicative, not a count: 作为一项重大政治任务,
// 把整改作为当前和今后一项重大的政治任务, 成为一个示范.
var asVerbs = []string{"作为", "成为", "视为", "当作", "当成", "列为", "变为"}

// oneBlockers block only 一 (作为一项政治任务, 是一项系统工程, 新一轮巡视, 上一年).
const oneBlockers = "为是新上下"

// nameQuoteMax is the longest quotation (in runes) taken as a name or slogan and skipped
// whole: “三会一课”, “1+1+5”, “七张问题清单”. Longer quotations (针对“…”问题) are scanned.
const nameQuoteMax = 14
