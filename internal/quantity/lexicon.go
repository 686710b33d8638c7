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

// rangeSep is a word that joins the two ends of a range.
type rangeSep struct {
	Word    string
	Example string // a range written with it, read by the tests (as a quantity or a date)
}

// rangeSeps join the two ends of a range, for quantities and dates alike (fold turns ～ into ~
// and － into -). The longest that matches is taken.
var rangeSeps = []rangeSep{
	{"至", "10至20万元"},           // and 2023年8月24日至10月23日
	{"到", "一百二十到一百五十万元"},       // 百分之三十到四十一
	{"-", "3-5人"},              // 2019年4月12-19日, 2023.3.1-4.30
	{"~", "3~5人"},              // ～ folds to ~
	{"—", "3—5人"},              // em dash; 第3—5轮 is passed over whole
	{"——", "2——3万元"},           // a doubled em dash
	{"−", "3−5人"},              // U+2212
	{"起至", "2023年3月1日起至4月30日"}, // dates: from … until
	{"起到", "2023年3月1日起到4月30日"}, //
	{"起—", "2023年3月1日起—4月30日"}, //
}

// rangeMarks may stand between the first end of a range and the separator: 1万(含)-5万元.
var rangeMarks = []string{"(含)", "(不含)"}

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
	"三项制度改革",                                        // 深化国有企业三项制度改革: a reform's name
	"一份满意的答卷", "一份满意答卷", "一份合格答卷", "一份优异答卷", "一份力量", // 交出一份满意的答卷: an idiom
	"最多跑一次",                                        // 深化最多跑一次改革: a reform's name
	"一项一项", "一件一件", "一条一条", "一个一个", "一户一户", "一家一家", // 一项一项抓落实: manner, not 2 × 1
	"三番五次", "十个指头弹钢琴", "一门心思", "一个时期", "一个也不能少", "一个都不能少", // idioms
	"四个落实", "四个聚焦", "三个聚焦", "五个聚焦", "六个围绕", "三个一批", // 巡察 foci and slogans, often unquoted
	"两张皮", "两条腿", "两本账", "三个不", // 党建业务两张皮, 两条腿走路: figures of speech
	"三支一扶", "四个一批", "五个一批", // programme names
}

// chromeLabels are page counters of the chrome around a bulletin (阅读量:351, 浏览次数:1024次,
// 访问量:1.2万): the number after them is never a metric, whatever unit it carries. Labels
// with Colon true are verbs that head a counter only when a colon follows (阅读:351, not
// 阅读书籍3本).
var chromeLabels = []struct {
	Word  string
	Colon bool
}{
	{"阅读量", false}, {"阅读数", false}, {"阅读次数", false}, // 阅读量:351
	{"浏览量", false}, {"浏览数", false}, {"浏览次数", false}, // 浏览次数:1024
	{"访问量", false}, {"访问数", false}, {"访问次数", false}, // 访问次数 : 2876
	{"点击量", false}, {"点击数", false}, {"点击次数", false}, {"点击率", false}, // 点击数:1234
	{"人气", false}, {"热度", false}, {"阅读人数", false}, {"在线人数", false}, // 人气:56
	{"查看", true}, {"阅览", true}, {"已阅", true}, // 查看:123次
	{"阅读", true}, {"浏览", true}, {"访问", true}, {"点击", true}, // 阅读:1.2万
	{"点赞", true}, {"评论", true}, {"收藏", true}, {"转发", true}, {"分享", true}, // 点赞:36
}

// sessionWords follow N次 when it names a session, not a count: 三次全会 (the third plenary
// session), and 二次会议 after 届 (市十六届人大二次会议). 召开会议3次 is a count.
var sessionWords = []struct {
	Word    string
	NeedJie bool // an ordinal only when 届 stands earlier in the clause
}{
	{"全会", false},  // 二十届中央纪委三次全会
	{"全体会议", true}, // 市委十二届五次全体会议
	{"会议", true},   // 市十六届人大二次会议; not 召开三次会议
	{"代表大会", true}, // 十四届二次代表大会
}

// halves are durations written with 半 and no number: 历时半年 -> 0.5 年, 近半个月 -> 0.5 个月.
// Not after 上/下 (上半年 is a date, claimed by the date lexer), 每 (每半年1次: a period, as
// 每3年), 前/后/大/多; not before 度 (半年度), 报, 刊, 总结, 考核, 工作.
var halves = []struct {
	Word string
	Unit string // the unit of the table the value is reported in
}{
	{"半年", "年"},    // 历时半年 -> 0.5 年
	{"半个月", "个月"},  // 用时半个月 -> 0.5 个月
	{"半个小时", "小时"}, // 半个小时 -> 0.5 小时
	{"半小时", "小时"},  // 半小时内 -> 0.5 小时
	{"半天", "天"},    // 每次不少于半天 -> 0.5 天 ge
}

// halfNotAfter and halfNotBefore block a 半 duration (上半年, 每半年, 半年度, 半年工作总结).
const halfNotAfter = "上下每前后大多一"

var halfNotBefore = []string{"度", "报", "刊", "总结", "考核", "工作", "小结"}

// tenthFollow are what may follow N成 for it to be a share in tenths: 七成以上 (70 %, ge),
// 近九成的问题, 两成多, 七成半 (75 %). Clause ends also qualify; anything else (一成不变)
// leaves 成 a word.
var tenthFollow = []string{"以上", "以下", "左右", "多", "余", "半", "的"}

// tenthPrecede, just before the number of N成, make it a share in tenths whatever follows: a
// change stated from one share to another (开工率由六成提高到85%, 从三成降至一成).
const tenthPrecede = "由从"

// cnBlockers are characters that, written just before a Chinese numeral, make it part of a
// word or an ordinal (第一, 每一个, 统一部署, 唯一, 之一, 周一, 十二届三次全会…).
const cnBlockers = "第每统唯同逐之其某任这那哪另周初划专归即再万数几届"

// asVerbs, earlier in the clause, make 一项/一个 predicative, not a count: 作为一项重大政治任务,
// 把整改作为当前和今后一项重大的政治任务, 成为一个示范.
var asVerbs = []string{"作为", "成为", "视为", "当作", "当成", "列为", "变为", "身为"}

// oneBlockers block only 一 (作为一项政治任务, 是一项系统工程, 新一轮巡视, 上一年, 单一), except
// 为 before a duration (整改期限为一年 -> 1 年; 上一年 stays out). 单 blocks only 一: after a
// noun ending in 单 a count is a count (发放宣传单两万余份, 形成任务清单三张).
const oneBlockers = "为是新上下单"

// nameQuoteMax is the longest quotation (in runes) taken as a name or slogan and skipped
// whole: “三会一课”, “1+1+5”, “七张问题清单”. Longer quotations (针对“…”问题) are scanned.
const nameQuoteMax = 14

// foreignCurrency is a currency other than 人民币.
type foreignCurrency struct {
	Word    string
	Example string // an amount in it, which the scanner does not read
}

// foreignCurrencies are the currencies whose amounts are not read, before or after the number
// (港币2960元, 1.9万台币, 约4.287亿美元, 三万元欧元): their value in 元 is not known, and the
// metric's unit is 元 or nothing.
var foreignCurrencies = []foreignCurrency{
	{"美元", "约4.287亿美元"}, {"美金", "5万美金"}, {"欧元", "三万元欧元"}, {"英镑", "200英镑"},
	{"日元", "3千万亿日元"}, {"日币", "9000元日币"}, {"港元", "从8500到3万港元"}, {"港币", "港币两千九百六十元"},
	{"新台币", "新台币 177.1 亿元"}, {"台币", "不到1.9万台币"}, {"澳元", "100澳元"}, {"澳门元", "100澳门元"},
	{"加元", "100加元"}, {"卢布", "两个亿卢布"}, {"泰铢", "二十五万三千二百泰铢"}, {"韩元", "1000韩元"},
	{"瑞郎", "100瑞郎"}, {"新加坡元", "100新加坡元"}, {"新币", "100新币"}, {"比特币", "3个比特币"},
}

// moneySubunit is a part of 元 written after an amount in 元 (块).
type moneySubunit struct {
	Words   string // the characters that name it
	Exp     int    // its power of ten in 元
	Example string // an amount with it, read by the tests
	Want    float64
}

// moneySubunits are 角 (毛) and 分, read after 元 or 块 with one digit each: 123元1角1分 is
// 123.11 元; 块 followed by one of them is 元 (十块三毛 is 10.3 元, not 10 块).
var moneySubunits = []moneySubunit{
	{"角毛", -1, "十块三毛", 10.3},
	{"分", -2, "123元1角1分", 123.11},
}

// zeroWords are words that open with 零 and are no zero, though a unit follows 零 (零件 is
// parts, not 0 件).
var zeroWords = []string{
	"零件",  // 采购零件三百个
	"零部件", // 汽车零部件
}

// dateWord is a word of the date reader's tables.
type dateWord struct {
	Word    string
	Example string // a date written with it, read by the tests as one whole date (ParseDate)
}

// numericDateSeps join year, month and day of a date written in digits alone. The same
// separator must stand between year and month and between month and day (2022.08-16 is not
// a date); a range end may reuse it (2023.3.1-4.30).
var numericDateSeps = []dateWord{
	{"-", "2024-03-05"}, // ISO, page chrome: 发布时间：2024-03-05 10:20
	{".", "2024.3.5"},   // 2022.08.16
	{"/", "2024/3/5"},   // 2022/8/16
}

// yearSuffixes follow 年 and keep the date a year: 2023年度, 2023年底.
var yearSuffixes = []dateWord{
	{"度", "2023年度"}, // a fiscal or work year
	{"底", "2023年底"}, // the end of the year
	{"初", "2023年初"}, // the start of the year
	{"末", "2023年末"}, // the end of the year
}

// monthSuffixes follow 月 and keep the date a month: 2023年9月底, 6月上旬. Longest first.
var monthSuffixes = []dateWord{
	{"上旬", "2023年6月上旬"}, // days 1-10
	{"中旬", "2023年6月中旬"}, // days 11-20
	{"下旬", "2023年6月下旬"}, // days 21 to the end
	{"底", "2023年9月底"},   // the end of the month
	{"初", "2023年9月初"},   // the start of the month
	{"末", "2023年9月末"},   // the end of the month
	{"中", "2023年9月中"},   // the middle of the month
	{"份", "2023年9月份"},   // the month as a whole
}
