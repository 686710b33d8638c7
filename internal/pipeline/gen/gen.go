// Package gen makes synthetic inspection rectification bulletins (巡察整改进展情况) for scale
// tests and benchmarks: varied units, inspectors, dates and styles (针对“…”问题 under topic and
// category headings, 一是/二是 measures inline or as paragraphs, labelled blocks 问题表现/整改措施),
// plain text or a government web page, UTF-8 (with or without BOM) or GB18030. The same (n, seed)
// always gives the same bulletins, byte for byte. Each Doc also says what it contains, so tests
// can compare an extraction with the truth.
package gen

import (
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Styles of the problem part.
const (
	StyleQuoted   = "quoted"   // 针对“…”问题。一是…；二是… (the user's sample)
	StyleParas    = "paras"    // 针对“…”问题。 then 一是… 二是… as their own paragraphs
	StyleLabelled = "labelled" // （N）关于“…”问题 then 问题表现：… 整改措施：… 整改时限：… 责任单位：…
)

// Doc is one generated bulletin and what it holds.
type Doc struct {
	Name      string // file name: 00042.txt, 00043.html
	Data      []byte // the file's bytes, in Encoding
	Format    string // txt or html
	Encoding  string // utf-8, utf-8-bom, gb18030
	Style     string // StyleQuoted, StyleParas, StyleLabelled
	Title     string
	Unit      string   // the unit inspected, as named in the opening sentence
	Inspector string   // the inspection group
	Start     string   // inspection start, YYYY-MM-DD
	End       string   // inspection end
	Feedback  string   // feedback date
	AsOf      string   // as-of date of the declared totals
	Problems  []string // the inner text of each problem quote, in order
	Measures  int      // numbered measures (一是…) over all problems
	Declared  bool     // the text declares the problem and measure totals
}

// Generate returns n bulletins; Doc i is One(i, seed).
func Generate(n int, seed int64) []Doc {
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = One(i, seed)
	}
	return docs
}

// WriteDir writes n bulletins into dir (created if needed), one file each, and returns the
// bytes written. Docs are made one at a time, so n may be large.
func WriteDir(dir string, n int, seed int64) (int64, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	var total int64
	for i := 0; i < n; i++ {
		d := One(i, seed)
		if err := os.WriteFile(filepath.Join(dir, d.Name), d.Data, 0o644); err != nil {
			return total, err
		}
		total += int64(len(d.Data))
	}
	return total, nil
}

// One returns bulletin i of the set made from seed.
func One(i int, seed int64) Doc {
	g := &generator{r: rand.New(rand.NewPCG(uint64(seed), uint64(i)))}
	return g.doc(i)
}

type generator struct {
	r *rand.Rand
}

func (g *generator) pick(list []string) string { return list[g.r.IntN(len(list))] }
func (g *generator) n(lo, hi int) int          { return lo + g.r.IntN(hi-lo+1) }
func (g *generator) chance(p float64) bool     { return g.r.Float64() < p }

// Units inspected, by level of the party committee that inspects them.
var units = []string{
	"市文广旅局党组", "区总工会党组", "市自然资源局党组", "县教育局党委", "市卫生健康委员会党组",
	"区住房和城乡建设局党组", "市水务集团有限公司党委", "县人民医院党委", "市市场监督管理局党组",
	"区农业农村局党组", "市交通运输局党组", "县财政局党组", "市生态环境局党组", "区民政局党组",
	"市统计局党组", "县林业和草原局党组", "市医疗保障局党组", "区退役军人事务局党组",
	"市城市管理局党组", "县供销合作社联合社党组", "市公共资源交易中心党支部", "区审计局党组",
}

var groupNumbers = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

var levels = []string{"市委", "区委", "县委"}

// Categories are the 方面 headings; topics the 问题 headings under them.
var categories = []string{
	"聚焦党中央各项决策部署在基层的落实情况",
	"聚焦群众身边腐败问题和不正之风以及群众反映强烈的问题",
	"聚焦基层党组织建设",
	"贯彻落实党的路线方针政策和党中央决策部署",
	"落实全面从严治党战略部署",
	"落实新时代党的组织路线",
	"落实巡视巡察、审计等监督发现问题整改",
}

var topics = []string{
	"学习贯彻习近平新时代中国特色社会主义思想和党的二十大精神不够深入",
	"落实全面从严治党主体责任有差距",
	"财务管理不够规范",
	"意识形态工作责任制落实不到位",
	"选人用人工作不够规范",
	"作风建设仍有差距",
	"基层党组织建设较为薄弱",
	"服务群众不够精准",
	"制度执行不够严格",
	"安全生产监管存在薄弱环节",
	"对行业协会管理不够到位",
	"干部队伍年龄结构偏大",
}

var subjects = []string{
	"部分党员干部", "局机关党委", "个别基层单位", "下属事业单位", "机关党支部", "部分科室",
	"领导班子成员", "个别班子成员", "市直属单位", "部分乡镇", "局党组",
}

// issues are problem sentences; %d takes a count, %y a year.
var issues = []string{
	"理论学习不够深入，存在以会代学、以读代学现象",
	"执行“三重一大”制度不够严格，%y年有%d笔重大支出未经集体研究",
	"专项资金使用管理不规范，%y年有%d笔支出未履行审批程序",
	"干部人事档案管理不规范，%d份档案缺少关键材料",
	"落实“一岗双责”不到位，对分管领域监督不够",
	"对下属单位监督检查不够，%y年仅开展检查%d次",
	"政府采购程序不规范，%d个项目未按规定公开招标",
	"公务用车管理不严格，存在%d次未登记使用情况",
	"组织生活会批评与自我批评不够深刻，“红脸出汗”不够",
	"固定资产管理不规范，%d台设备未计入固定资产",
	"调查研究不够深入，服务基层群众的主动性不强",
	"意识形态领导小组未因人事变动而及时调整",
	"“三会一课”制度落实不严格，%y年少开支部委员会%d次",
	"未年检的行业协会有%d个，有的协会常年不开展活动",
}

var actions = []string{
	"强化理论武装", "健全制度机制", "开展专项检查", "加强监督管理", "压实主体责任",
	"完善台账管理", "深化以案促改", "加强教育培训", "规范财务管理", "严格执纪问责",
}

// details follow an action; %d takes a count, %w an amount in 万元.
var details = []string{
	"组织专题学习%d次",
	"制定完善《内部控制管理办法》等制度%d项",
	"开展自查自纠，整改问题%d个",
	"追回违规资金%w万元",
	"对%d名责任人进行批评教育",
	"补充完善干部档案%d份",
	"召开专题会议%d次，逐条研究整改措施",
	"举办业务培训班%d期，培训干部%d人次",
	"对%d家下属单位开展全覆盖检查",
	"建立问题、任务、责任“三张清单”",
}

var statuses = []string{"已完成整改", "已完成整改", "已完成整改", "基本完成整改", "正在推进整改，长期坚持"}

var departments = []string{"办公室", "财务科", "人事科", "机关党委", "综合科", "法规科", "计划财务科"}

// sentence fills %d, %y and %w in a template.
func (g *generator) sentence(t string, year int) string {
	var b strings.Builder
	for k := 0; k < len(t); k++ {
		if t[k] == '%' && k+1 < len(t) {
			switch t[k+1] {
			case 'd':
				fmt.Fprintf(&b, "%d", g.n(2, 60))
				k++
				continue
			case 'y':
				fmt.Fprintf(&b, "%d", year-g.n(1, 3))
				k++
				continue
			case 'w':
				fmt.Fprintf(&b, "%.2f", float64(g.n(100, 99999))/100)
				k++
				continue
			}
		}
		b.WriteByte(t[k])
	}
	return b.String()
}

type day struct{ y, m, d int }

func (d day) iso() string { return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d) }
func (d day) zh() string  { return fmt.Sprintf("%d年%d月%d日", d.y, d.m, d.d) }
func (d day) zhMD() string {
	return fmt.Sprintf("%d月%d日", d.m, d.d)
}

// after returns the day about n days later (months of 28 days keep it simple and valid).
func (d day) after(n int) day {
	d.d += n
	for d.d > 28 {
		d.d -= 28
		d.m++
		if d.m > 12 {
			d.m = 1
			d.y++
		}
	}
	return d
}

var cnOrdinals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
	"十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"}

func (g *generator) doc(i int) Doc {
	d := Doc{}
	unit := g.pick(units)
	level := g.pick(levels)
	group := level + "第" + g.pick(groupNumbers) + "巡察组"
	if g.chance(0.15) {
		group = level + "巡察" + g.pick(groupNumbers) + "组"
	}
	start := day{g.n(2019, 2024), g.n(1, 10), g.n(1, 28)}
	end := start.after(g.n(30, 75))
	feedback := end.after(g.n(20, 60))
	asOf := feedback.after(g.n(60, 150))
	d.Unit, d.Inspector = unit, group
	d.Start, d.End, d.Feedback, d.AsOf = start.iso(), end.iso(), feedback.iso(), asOf.iso()
	d.Style = []string{StyleQuoted, StyleQuoted, StyleParas, StyleLabelled}[g.r.IntN(4)]

	switch g.r.IntN(3) {
	case 0:
		d.Title = "关于" + unit + "巡察整改进展情况的通报"
	case 1:
		d.Title = unit + "关于" + level + "巡察集中整改进展情况的通报"
	default:
		d.Title = unit + "关于巡察整改情况的公开"
	}

	var paras []string
	// The opening, with the feedback date sometimes without its year (as in the sample).
	fb := feedback.zh()
	if feedback.y == end.y && g.chance(0.4) {
		fb = feedback.zhMD()
	}
	paras = append(paras, fmt.Sprintf("根据%s统一部署，%s至%s，%s对%s进行了巡察。%s，反馈了巡察意见。按照巡察工作有关要求，现将巡察整改进展情况予以公布。",
		level, start.zh(), end.zh(), group, unit, fb))

	nProblems := g.n(1, 20)
	var body []string
	measures := 0
	cat, topicNo := 0, 0
	left := nProblems
	for left > 0 {
		cat++
		category := categories[(cat-1+g.r.IntN(len(categories)))%len(categories)]
		if d.Style != StyleLabelled {
			body = append(body, fmt.Sprintf("（%s）关于“%s”方面", cnOrdinals[(cat-1)%len(cnOrdinals)], category))
		}
		nTopics := g.n(1, 3)
		for t := 0; t < nTopics && left > 0; t++ {
			topicNo++
			topic := g.pick(topics)
			if d.Style != StyleLabelled {
				body = append(body, fmt.Sprintf("%d.关于“%s”问题整改情况", topicNo, topic))
			}
			nHere := g.n(1, 3)
			for p := 0; p < nHere && left > 0; p++ {
				left--
				quote := g.problem(start.y)
				d.Problems = append(d.Problems, quote)
				m := g.n(1, 4)
				if g.chance(0.1) {
					m = 0 // one unnumbered measure paragraph
				}
				measures += m
				body = append(body, g.problemParas(d.Style, len(d.Problems), quote, m)...)
			}
		}
	}
	d.Measures = measures

	paras = append(paras, "一、提高政治站位，扎实推进巡察整改")
	lead := unit + "高度重视巡察反馈意见整改工作，成立整改工作领导小组，对照问题清单，逐项制定整改措施，明确责任分工和完成时限，确保整改工作有序开展。"
	d.Declared = g.chance(0.8)
	if d.Declared {
		lead += fmt.Sprintf("截至%s，制定的%d项整改措施，已完成落实%d项；反馈的%d个具体问题，已完成整改%d个。",
			asOf.zh(), measures, measures, nProblems, nProblems)
	}
	paras = append(paras, lead, "二、坚持问题导向，全力推进整改任务落实")
	paras = append(paras, body...)
	paras = append(paras, "三、巩固整改成果，建立健全长效机制",
		unit+"将继续深入学习贯彻习近平新时代中国特色社会主义思想，坚持目标不变、标准不降、力度不减，对已完成的整改任务适时组织“回头看”，巩固整改成效，确保问题不反弹。")
	paras = append(paras, fmt.Sprintf("欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：0431-%d；邮政信箱：%s邮政信箱%d号；邮编：%d；电子邮箱：xc%d@example.gov.cn。",
		g.n(80000000, 89999999), g.pick([]string{"长春市", "榆树市", "德惠市", "吉林市"}), g.n(1, 999), g.n(130000, 139999), g.n(100, 999)))
	paras = append(paras, unit, asOf.after(g.n(1, 20)).zh())

	d.Format, d.Encoding = "txt", "utf-8"
	if g.chance(0.35) {
		d.Format = "html"
	}
	switch x := g.r.Float64(); {
	case x < 0.2:
		d.Encoding = "gb18030"
	case x < 0.3 && d.Format == "txt":
		d.Encoding = "utf-8-bom"
	}
	var text string
	if d.Format == "html" {
		text = g.page(d, paras, asOf.after(g.n(1, 20)))
	} else {
		text = d.Title + "\n\n" + strings.Join(paras, "\n\n") + "\n"
	}
	switch d.Encoding {
	case "gb18030":
		data, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
		if err != nil {
			panic("gen: GB18030 cannot encode generated text: " + err.Error())
		}
		d.Data = data
	case "utf-8-bom":
		d.Data = append([]byte("\ufeff"), text...)
	default:
		d.Data = []byte(text)
	}
	d.Name = fmt.Sprintf("%05d.%s", i, d.Format)
	return d
}

// problem makes the inner text of one problem quote, sometimes with a nested quote.
func (g *generator) problem(year int) string {
	s := g.pick(subjects) + g.sentence(g.pick(issues), year)
	if g.chance(0.5) {
		s += "。" + g.pick(subjects) + g.sentence(g.pick(issues), year)
	}
	return s
}

// measureText makes measure k (1-based), or an unnumbered measure for k == 0.
func (g *generator) measureText(k int) string {
	s := g.pick(actions) + "，" + g.sentence(g.pick(details), 2024)
	if k == 0 {
		return s
	}
	return cnOrdinals[(k-1)%len(cnOrdinals)] + "是" + s
}

// problemParas writes one problem and its m measures in the given style.
func (g *generator) problemParas(style string, no int, quote string, m int) []string {
	var ms []string
	if m == 0 {
		ms = []string{g.measureText(0)}
	}
	for k := 1; k <= m; k++ {
		ms = append(ms, g.measureText(k))
	}
	switch style {
	case StyleParas:
		out := []string{"针对“" + quote + "”问题。"}
		for _, s := range ms {
			out = append(out, s+"。")
		}
		return out
	case StyleLabelled:
		return []string{
			fmt.Sprintf("（%s）关于“%s”问题", cnOrdinals[(no-1)%len(cnOrdinals)], quote),
			"问题表现：" + g.pick(subjects) + "对相关工作重视不够，制度执行存在偏差。",
			"整改措施：" + strings.Join(ms, "；") + "。",
			"整改时限：" + g.pick([]string{"立行立改", "长期坚持", "2024年6月底前"}),
			"责任单位：" + g.pick(departments),
			"整改进展：" + g.pick(statuses) + "。",
		}
	}
	return []string{"针对“" + quote + "”问题。" + strings.Join(ms, "；") + "。"}
}

// page wraps the paragraphs in a government web page: meta tags, navigation, a CMS container.
func (g *generator) page(d Doc, paras []string, published day) string {
	var b strings.Builder
	charset := "utf-8"
	if d.Encoding == "gb18030" {
		charset = "gb2312"
	}
	esc := html.EscapeString
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\">\n", charset)
	fmt.Fprintf(&b, "<title>%s_%s</title>\n", esc(d.Title), "巡察工作")
	fmt.Fprintf(&b, "<meta name=\"ArticleTitle\" content=\"%s\">\n", esc(d.Title))
	fmt.Fprintf(&b, "<meta name=\"PubDate\" content=\"%s %02d:%02d\">\n", published.iso(), g.n(8, 18), g.n(0, 59))
	fmt.Fprintf(&b, "<meta name=\"ContentSource\" content=\"%s\">\n", "中共某市纪委监委")
	b.WriteString("<script>var _hmt = _hmt || [];</script>\n</head>\n<body>\n")
	b.WriteString("<div class=\"nav\"><a href=\"/\">首页</a> | <a href=\"/xwzx/\">新闻中心</a> | <a href=\"/xsxc/\">巡视巡察</a></div>\n")
	b.WriteString("<div class=\"position\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/xsxc/\">巡视巡察</a> &gt; 巡察整改</div>\n")
	fmt.Fprintf(&b, "<h1>%s</h1>\n<div class=\"info\">发布时间：%s 来源：%s</div>\n", esc(d.Title), published.iso(), "巡察办")
	container := g.pick([]string{`<div class="TRS_Editor">`, `<div id="zoom">`, `<div class="article-content">`})
	b.WriteString(container + "\n")
	for _, p := range paras {
		if g.chance(0.1) {
			fmt.Fprintf(&b, "<p style=\"text-indent:2em\"><span>%s</span></p>\n", esc(p))
		} else {
			fmt.Fprintf(&b, "<p>%s</p>\n", esc(p))
		}
	}
	b.WriteString("</div>\n<div class=\"footer\">主办：中共某市纪委监委 网站标识码：1234567890 备案号：某ICP备12345678号</div>\n</body>\n</html>\n")
	return b.String()
}
