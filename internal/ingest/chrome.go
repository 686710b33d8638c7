package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/quantity"
	"github.com/xuncha/xuncha/internal/runes"
)

// Page chrome is what a site prints around a bulletin: breadcrumbs, timestamp and source lines,
// portal text, info-disclosure blocks, the title (often repeated or split over lines) and
// footers. splitChrome drops it from the paragraphs, but only before the body's first real
// paragraph and in the run of footer lines at the very end: nothing of the body is dropped.
// The facts in it are kept: title, publish date, publisher and Meta.

// headLimit is how many paragraphs from the start can be chrome or title.
const headLimit = 24

// maxTitleLines is how many lines one title may be split over.
const maxTitleLines = 4

// chromeHead is what splitChrome found.
type chromeHead struct {
	title       string
	publishDate string // YYYY-MM-DD
	publisher   string
	meta        map[string]string
	body        []string
}

// fieldKind says what a labelled page fact is for.
type fieldKind int

const (
	fieldFact      fieldKind = iota // kept in Meta: 索引号, 发布机构, 成文日期 …
	fieldPublished                  // publish date, kept in Meta and parsed into PublishDate
	fieldSource                     // publisher, kept in Meta and used for Publisher
	fieldUI                         // page furniture, dropped: 浏览次数, 字号 …
)

// fieldLabel is one label of a page fact. colon says the label needs a colon after it to count
// (时间 and 来源 are common words; 索引号 is not).
type fieldLabel struct {
	label string
	kind  fieldKind
	colon bool
}

// fieldLabels are the labels of page facts; longer labels come before the labels they contain.
var fieldLabels = []fieldLabel{
	// info-disclosure block (政府信息公开): 索引号：11330200/2023-00012 发布机构：宁波市审计局
	{"索引号", fieldFact, false},
	{"发布机构", fieldSource, false},
	{"发文机关", fieldFact, false},
	{"成文日期", fieldFact, false},
	{"发文日期", fieldFact, false},
	{"生成日期", fieldFact, false},
	{"主题分类", fieldFact, false},
	{"体裁分类", fieldFact, false},
	{"组配分类", fieldFact, false},
	{"服务对象分类", fieldFact, false},
	{"公开方式", fieldFact, false},
	{"公开范围", fieldFact, false},
	{"公开时限", fieldFact, false},
	{"发文字号", fieldFact, false},
	{"文号", fieldFact, true},
	{"主题词", fieldFact, false},
	{"信息名称", fieldFact, false},
	{"统一编号", fieldFact, false},
	{"有效性", fieldFact, true},
	// timestamp and source lines: 发布时间:2022-07-01 10:07:39 / 信息来源:长宁区纪委监委
	{"发布时间", fieldPublished, true},
	{"发布日期", fieldPublished, true},
	{"更新时间", fieldFact, true},
	{"时间", fieldPublished, true},
	{"日期", fieldPublished, true},
	{"信息来源", fieldSource, true},
	{"发布者", fieldSource, true}, // 发布者：集团党群工作部
	{"发布人", fieldFact, true},
	{"文章来源", fieldSource, true},
	{"稿件来源", fieldSource, true},
	{"来源", fieldSource, true},
	{"作者", fieldFact, true},
	{"责任编辑", fieldFact, true},
	{"编辑", fieldFact, true},
	// page furniture on the same lines: 浏览次数: 字号:[ ] 色调调节: / 阅读量:351
	{"访问次数", fieldUI, true},
	{"浏览次数", fieldUI, true},
	{"阅读次数", fieldUI, true},
	{"阅读量", fieldUI, true},
	{"点击数", fieldUI, true},
	{"点击量", fieldUI, true},
	{"浏览量", fieldUI, true},
	{"字号", fieldUI, true},
	{"字体", fieldUI, true},
	{"色调调节", fieldUI, true},
	{"分享到", fieldUI, false},
	// short forms, after the labels they begin: 阅读：1024, 浏览：56, 点击：, 访问量：
	{"访问量", fieldUI, true},
	{"阅读数", fieldUI, true},
	{"阅读", fieldUI, true},
	{"浏览", fieldUI, true},
	{"点击", fieldUI, true},
}

// fieldLoc finds the label that starts at s[i:] and returns where its match ends (label,
// optional ASCII spaces, then a colon where required, an optional one otherwise), or -1. Labels
// are tried in the order of fieldLabels and the first that matches wins: the matches of the
// regular expression (label1\s*[:：]|label2\s*[:：]?|…), found with a plain scan, since the
// alternation over every label backtracked through whole paragraphs (issue 12; TestFieldLocs
// compares the two).
func fieldLoc(s string, i int) int {
	if i >= len(s) || !fieldFirst[s[i]] {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	if r >= rune(len(fieldGroup)) || fieldGroup[r] == 0 {
		return -1
	}
	for _, k := range fieldGroups[fieldGroup[r]] {
		f := fieldLabels[k]
		if !strings.HasPrefix(s[i:], f.label) {
			continue
		}
		j := i + len(f.label)
		for j < len(s) && isRESpace(s[j]) {
			j++
		}
		switch {
		case strings.HasPrefix(s[j:], ":"):
			return j + 1
		case strings.HasPrefix(s[j:], "："):
			return j + len("：")
		case !f.colon:
			return j
		}
	}
	return -1
}

// isRESpace is \s of Go's regular expressions: ASCII white space (not U+3000).
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// fieldFirst marks the first bytes of the labels.
var fieldFirst = func() (m [256]bool) {
	for _, f := range fieldLabels {
		m[f.label[0]] = true
	}
	return m
}()

// fieldGroups lists, for the first character of each label, the labels it begins, in order;
// fieldGroup gives a character's place in it (0: no label begins with it). The characters are
// all in the Basic Multilingual Plane, so a table indexed by the character decides at once
// whether a label may start at it, without hashing every character of a line.
var fieldGroups, fieldGroup = func() ([][]int, *[1 << 16]uint8) {
	groups := [][]int{nil}
	var at [1 << 16]uint8
	for k, f := range fieldLabels {
		r, _ := utf8.DecodeRuneInString(f.label)
		if at[r] == 0 {
			at[r] = uint8(len(groups))
			groups = append(groups, nil)
		}
		groups[at[r]] = append(groups[at[r]], k)
	}
	return groups, &at
}()

// nextField returns the first label match in s at or after byte from, as [start, end), or
// start -1.
func nextField(s string, from int) (int, int) { return nextFieldBefore(s, from, len(s)) }

// nextFieldBefore is nextField for a label that starts before byte stop.
func nextFieldBefore(s string, from, stop int) (int, int) {
	for i := from; i < stop; {
		if j := fieldLoc(s, i); j >= 0 {
			return i, j
		}
		if s[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size // a label starts at a character's first byte
		}
	}
	return -1, -1
}

// fieldLocs returns every label match in s, left to right, not overlapping.
func fieldLocs(s string) [][2]int {
	var locs [][2]int
	for i := 0; ; {
		a, b := nextField(s, i)
		if a < 0 {
			return locs
		}
		locs = append(locs, [2]int{a, b})
		i = b
	}
}

func lookupLabel(matched string) fieldLabel {
	name := strings.TrimRight(matched, " \t\u3000:：")
	for _, f := range fieldLabels {
		if f.label == name {
			return f
		}
	}
	return fieldLabel{label: name, kind: fieldUI}
}

// field is one labelled fact of a line.
type field struct {
	label fieldLabel
	value string
}

// parseFields reads a line made of labelled facts ("来源 :中共天津市东丽区委办公室 访问次数 :
// 发布时间 :2022-08-16"). ok is false when the line does not start with a label.
func parseFields(line string) (fields []field, ok bool) {
	s, locs := fieldLine(line)
	if locs == nil {
		return nil, false
	}
	for i, loc := range locs {
		end := len(s)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		v := strings.TrimFunc(s[loc[1]:end], func(r rune) bool {
			return isTrimSpace(r) || strings.ContainsRune("|｜丨【】[]:：", r)
		})
		fields = append(fields, field{lookupLabel(s[loc[0]:loc[1]]), v})
	}
	return fields, true
}

// fieldLine returns the labels of a line of labelled facts, as fieldLocs finds them in s, the
// line without the brackets and spaces before its first label; locs is nil when the line does
// not start with a label or is longer than 240 runes (which the scan is then spared).
func fieldLine(line string) (s string, locs [][2]int) {
	s = strings.TrimLeft(line, "【[(（ \t\u3000")
	if fieldLoc(s, 0) < 0 || runes.MoreThan(s, 240) {
		return s, nil
	}
	return s, fieldLocs(s) // its first label starts at 0: fieldLoc found it
}

// breadcrumbPrefix starts a breadcrumb line: 当前位置: 首页 > 巡视巡察 > 巡视整改.
var breadcrumbPrefix = regexp.MustCompile(`^(?:当前位置|您当前的位置|您当前位置|您的位置|您现在的位置|现在的位置|所在位置|当前的位置|位置)\s*[:：]`)

// breadcrumbSep separates breadcrumb steps: >, ->, », ＞, →, >>, ›, and / after 首页.
var breadcrumbSep = regexp.MustCompile(`\s*(?:->|-&gt;|>>|>|»|＞|→|›|〉)\s*`)

// mayBreadcrumbSep reports whether p may hold a match of breadcrumbSep. It is exact: every
// separator of the alternation has a >, &gt; (-&gt;) or one of » ＞ → › 〉. isBreadcrumb runs on
// every line of a page's head, few of which are breadcrumbs.
func mayBreadcrumbSep(p string) bool {
	if strings.IndexByte(p, '>') >= 0 {
		return true
	}
	for _, sep := range []string{"&gt;", "»", "＞", "→", "›", "〉"} {
		if strings.Contains(p, sep) { // one fast search each, not a set lookup for every character
			return true
		}
	}
	return false
}

// breadcrumbHome and breadcrumbHomeSep read a breadcrumb whose steps are separated by bars or
// dots, which source lines use too (来源：… | 发布时间：…): only after a first step that is the
// home page. Example: 首页 | 党务公开 | 巡察整改; 网站首页 · 巡察工作 · 整改公示.
var breadcrumbHome = regexp.MustCompile(`^(?:首页|网站首页|主页)\s*(?:\||｜|·|•)`)
var breadcrumbHomeSep = regexp.MustCompile(`\s*(?:\||｜|·|•)\s*`)

// mayBreadcrumbPrefix reports whether p may hold a match of breadcrumbPrefix. It is exact: every
// label of the alternation ends with 位置 and has at most six characters (您现在的位置), so a line
// that starts with one has 位置 in its first eighteen bytes.
func mayBreadcrumbPrefix(p string) bool {
	return strings.Contains(p[:min(len(p), len("您现在的位置"))], "位置")
}

// isBreadcrumb: 当前位置: 首页 > …, 首页 -> 要闻 -> …, a lone 首页, -> 要闻 -> 审计通告.
func isBreadcrumb(p string) bool {
	if mayBreadcrumbPrefix(p) && breadcrumbPrefix.MatchString(p) {
		return true
	}
	switch p {
	case "首页", "网站首页", "返回首页", "主页", "正文":
		return true
	}
	if strings.HasPrefix(p, "首页/") || strings.HasPrefix(p, "首页 /") {
		return true
	}
	if runes.MoreThan(p, 100) {
		return false
	}
	parts := []string{p} // what Split returns where the separator is not found
	if mayBreadcrumbSep(p) {
		parts = breadcrumbSep.Split(p, -1)
	}
	if len(parts) < 2 && breadcrumbHome.MatchString(p) {
		parts = breadcrumbHomeSep.Split(p, -1)
	}
	if len(parts) < 2 {
		return false
	}
	for i, part := range parts {
		n := utf8.RuneCountInString(part)
		if n == 0 && i == 0 { // "-> 要闻 -> 审计通告"
			continue
		}
		if n == 0 || n > 20 || strings.ContainsAny(part, "。，,；;") {
			return false
		}
	}
	return true
}

// portalPrefixes start lines of portal text.
var portalPrefixes = []string{
	"今天是",  // 今天是: 2024年3月1日 星期五
	"欢迎访问", // 欢迎访问XX网
	"欢迎光临", // 欢迎光临
	"设为首页", // 设为首页 | 加入收藏
	"加入收藏", // 加入收藏
	"无障碍",  // 无障碍浏览
	"繁體",   // 繁體 | 简体
	"繁体版",  // 繁体版
	"简体版",  // 简体版
	"长者模式", // 长者模式 | 关怀版
	"网站支持IPv6",
}

// footerPrefixes start footer lines after the body.
var footerPrefixes = []string{
	"分享到", "上一篇", "下一篇", "上一条", "下一条", "相关链接", "相关文章", "相关阅读", "相关新闻",
	"责任编辑", "版权所有", "Copyright", "copyright", "©", "主办单位", "主办：", "主办:", "承办单位",
	"技术支持", "网站标识码", "ICP备", "公网安备", "联系我们", "网站地图", "扫一扫", "用手机扫",
	"【打印", "【关闭", "[打印", "[关闭", "打印本页", "关闭窗口", "【字体", "字体：", "字体:",
	"浏览次数", "访问次数", "点击数", "阅读量",
}

// buttonWords are the words of a line of page buttons: 【打印本页】【关闭窗口】, 字号：大 中 小.
var buttonWords = strings.NewReplacer(
	"打印本页", "", "打印此页", "", "打印文章", "", "打印", "", "关闭窗口", "", "关闭本页", "", "关闭", "",
	"返回顶部", "", "返回", "", "收藏本页", "", "收藏", "", "保存", "", "我要纠错", "", "纠错", "",
	"分享", "", "微信", "", "微博", "", "字号", "", "字体", "", "默认", "", "大", "", "中", "", "小", "",
	"【", "", "】", "", "[", "", "]", "", "(", "", ")", "", "（", "", "）", "", "|", "", "｜", "",
	":", "", "：", "", "/", "", "·", "", " ", "", "\u3000", "", "\t", "", "\u00A0", "",
)

// isButtonLine: a line made only of page buttons.
func isButtonLine(p string) bool {
	if runes.MoreThan(p, 40) {
		return false
	}
	return strings.ContainsAny(p, "打关返收保纠分微字") && buttonWords.Replace(p) == "" // the cheap test first
}

// columnNames are site columns that pages print alone on a line above the article (the
// breadcrumb's last step, a tab title). A bulletin never has a paragraph that is only one of these.
var columnNames = map[string]bool{
	"通知公告": true, "工作动态": true, "新闻中心": true, "政务公开": true, "信息公开": true, "要闻": true,
	"巡视巡察": true, "巡视整改": true, "巡察整改": true, "巡察工作": true, "巡视工作": true, "巡察公告": true,
	"审计公告": true, "审计通告": true, "党风廉政": true, "纪检监察": true, "正文": true, "详情": true,
	"文章详情": true, "信息详情": true, "内容详情": true,
}

func isPortal(p string) bool {
	if columnNames[p] {
		return true
	}
	for _, pre := range portalPrefixes {
		if strings.HasPrefix(p, pre) {
			return true
		}
	}
	return isButtonLine(p)
}

func isFooter(p string) bool {
	p = strings.TrimLeft(p, "【[(（ ") // （责任编辑：张三）
	for _, pre := range footerPrefixes {
		if strings.HasPrefix(p, pre) {
			return true
		}
	}
	return isButtonLine(p)
}

// isTimestampLine reports whether p holds only a date, or a date and time: 2020-08-10 11:36:38,
// 2021年04月09日, 2024年3月1日 星期五. The date is read by quantity.DatePrefix.
func isTimestampLine(p string) bool { return mayTimestamp(p) && timestampLine(p) }

// timestampLine is isTimestampLine without its guard, mayTimestamp.
func timestampLine(p string) bool {
	d, n := quantity.DatePrefix(p, 0)
	return n > 0 && chromeDay(d) != "" && d.End == "" && timestampTail.MatchString(p[n:])
}

// mayTimestamp reports whether p may be a timestamp line. It is exact: a day with its year
// written starts with an ASCII digit (2020-08-10, 2021年04月09日) or a digit of a year written in
// Chinese (二〇二三年, the digits quantity's date reader takes there: 零〇○一二三四五六七八九); and
// past the ASCII spaces timestampTail may end with, the line ends with the last character of a
// weekday (一二三四五六日天), of a time (a digit) or of the day itself (a digit, 日 or 号). Most
// lines of a page fail it at once, and the date reader reads a whole line to find its first date.
func mayTimestamp(p string) bool {
	if p == "" {
		return false
	}
	if c := p[0]; c < utf8.RuneSelf {
		if c < '0' || c > '9' {
			return false
		}
	} else if r, _ := utf8.DecodeRuneInString(p); !strings.ContainsRune("零〇○一二三四五六七八九", r) {
		return false
	}
	end := len(p)
	for end > 0 && isRESpace(p[end-1]) {
		end--
	}
	if end == 0 {
		return false
	}
	if c := p[end-1]; c < utf8.RuneSelf {
		return c >= '0' && c <= '9'
	}
	r, _ := utf8.DecodeLastRuneInString(p[:end])
	return strings.ContainsRune("日号一二三四五六天", r)
}

// timestampTail may follow the date of a timestamp line: a time, a weekday.
var timestampTail = regexp.MustCompile(`^\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*(?:星期[一二三四五六日天]|周[一二三四五六日天])?$`)

// chromeDay is d as YYYY-MM-DD when it is a day with its year written (1949-2100), else "".
func chromeDay(d quantity.Date) string {
	if y, _, _ := d.YMD(); d.Precision != quantity.PrecDay || !d.HasYear() || y < 1949 {
		return ""
	}
	return d.Date
}

// isoDate returns the first day of s with its year written (2022-07-01, 2021年04月09日,
// 2022/08/16, 2022.08.16) as YYYY-MM-DD, or "". The dates are read by quantity.ScanDates.
func isoDate(s string) string {
	for _, d := range quantity.ScanDates(s, 0) {
		if day := chromeDay(d); day != "" {
			return day
		}
	}
	return ""
}

// columnLabel is a site column name glued to the title: 上级巡视:中共…的通报.
var columnLabel = regexp.MustCompile(`^([\p{Han}]{2,8})\s*[:：]\s*(\S.*)$`)

// titleEnding ends a title: …的通报, …情况, …情况的公开, …的报告, …的公告, in simplified or
// traditional characters (…情況的通報); a parenthetical may follow (…的通报（第一号）).
var titleEnding = regexp.MustCompile(`(?:通报|通報|情况|情況|公开|公開|公告|报告|報告|公布|公佈|公示|通知|说明|說明|决定|決定|意见|意見|进展|進展)\s*(?:[（(][^()（）]{1,20}[)）])?$`)

// endsLikeTitle is titleEnding.MatchString(s), run only where it may match, and read from the
// end of s instead of trying the pattern at every position (titleEndingAt).
func endsLikeTitle(s string) bool { return mayTitleEnding(s) && titleEndingAt(s) }

// titleEndings are the words of titleEnding, each two Han characters.
var titleEndings = []string{"通报", "通報", "情况", "情況", "公开", "公開", "公告", "报告", "報告", "公布", "公佈",
	"公示", "通知", "说明", "說明", "决定", "決定", "意见", "意見", "进展", "進展"}

// titleEndingAt reports whether titleEnding matches s, read from its end: the pattern is anchored
// there, so s ends either with the parenthetical, whose ( or （ is the last one in s (its 1-20
// characters hold none), or with ASCII spaces (\s); before them, past ASCII spaces, stands an
// ending word. TestTitleEndingAt and FuzzTitleEndingAt compare it with the pattern.
func titleEndingAt(s string) bool {
	end := len(s)
	closing := 0
	switch {
	case strings.HasSuffix(s, ")"):
		closing = 1
	case strings.HasSuffix(s, "）"):
		closing = len("）")
	}
	if closing > 0 {
		open, n := strings.LastIndexByte(s, '('), 1
		if w := strings.LastIndex(s, "（"); w > open {
			open, n = w, len("（")
		}
		if open < 0 {
			return false
		}
		inner := s[open+n : len(s)-closing]
		if inner == "" || strings.ContainsAny(inner, "()（）") || runes.MoreThan(inner, 20) {
			return false
		}
		end = open
	}
	t := strings.TrimRight(s[:end], "\t\n\f\r ")
	for _, w := range titleEndings {
		if strings.HasSuffix(t, w) {
			return true
		}
	}
	return false
}

// mayTitleEnding reports whether s may hold a match of titleEnding. It is exact: the pattern is
// anchored at the end of s, which is either the parenthetical's ) or ）, or (past ASCII spaces,
// the pattern's \s) the last character of an ending: 报 報 况 況 开 開 告 布 佈 示 知 明 定 见 見 展.
// Its one pass from the end spares trying the pattern at every position of a line.
func mayTitleEnding(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, "\t\n\f\r "))
	return strings.ContainsRune(")）报報况況开開告布佈示知明定见見展", r)
}

// notTitleStart are openings of body sentences and headings, never of a title.
var notTitleStart = regexp.MustCompile(`^(?:根据|根據|按照|依据|为|經[^濟貿]|经[^济贸信开营]|近日|今年|去年|现将|現將|我们|我局|我委|我单位|[一二三四五六七八九十]+[、是]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|第[一二三四五六七八九十]|【)`)

// titleBreaks are the sentence marks a title never holds.
const titleBreaks = "。；;！!？?"

// isTitleLine: a short line without sentence punctuation that could be (part of) a title.
func isTitleLine(p string) bool {
	if !runes.MoreThan(p, 1) || runes.MoreThan(p, maxTitleRunes) || notTitleStart.MatchString(p) {
		return false
	}
	if hasTitleBreak(p) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	if strings.ContainsRune("：:，,、", last) {
		return false
	}
	for _, r := range p {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// titleGroup is consecutive title lines, closed when the last ends like a title.
type titleGroup struct {
	lines []int // paragraph indexes
	text  string
}

// facts collects the page facts of chrome lines.
type facts struct {
	meta      map[string]string
	published [3]string // by priority: 发布时间/发布日期, 时间/日期, a bare timestamp line
	sources   map[string]string
}

func newFacts() *facts {
	return &facts{meta: map[string]string{}, sources: map[string]string{}}
}

// add keeps one labelled fact (the first value of each label wins).
func (fs *facts) add(f field) {
	if f.value == "" || f.label.kind == fieldUI {
		return
	}
	if _, ok := fs.meta[f.label.label]; !ok {
		fs.meta[f.label.label] = f.value
	}
	switch f.label.kind {
	case fieldPublished:
		i := 1
		if strings.HasPrefix(f.label.label, "发布") {
			i = 0
		}
		if fs.published[i] == "" {
			fs.published[i] = isoDate(f.value)
		}
	case fieldSource:
		if fs.sources[f.label.label] == "" {
			fs.sources[f.label.label] = f.value
		}
	}
}

// timestamp keeps the date of a bare timestamp line.
func (fs *facts) timestamp(p string) {
	if fs.published[2] == "" {
		fs.published[2] = isoDate(p)
	}
}

// publishDate is the best publish date found, YYYY-MM-DD or "".
func (fs *facts) publishDate() string {
	for _, d := range fs.published {
		if d != "" {
			return d
		}
	}
	return ""
}

// publisher is the best publisher found: 发布机构, then 信息来源, then 来源 …, then the source
// of a line without labels (splitSourceDateLine).
func (fs *facts) publisher() string {
	for _, l := range []string{"发布机构", "信息来源", "发布者", "来源", "文章来源", "稿件来源", unlabelledSource} {
		if s := fs.sources[l]; s != "" {
			return s
		}
	}
	return ""
}

// unlabelledSource is the key of the source of a line without labels among facts.sources.
const unlabelledSource = "署名"

// A source-and-date line is a fact line without labels: a source and a date (with a time) in
// either order, then nothing, page buttons or labelled furniture. Examples: 市委巡察办 2023-05-06
// 阅读：1024; 2024-04-18 16:02　市交投集团纪委　阅读：; 县自然资源局　　2021-12-03　　【关闭】;
// 2023年02月14日 10:20　来源：集团纪委　【字体：大 中 小】. The date is read by the one date
// reader (stampPrefix); the rest is words and spaces.

// splitSourceDateLine cuts p into its source (before or after the date), date and rest; false
// when p is not laid out as a source-and-date line.
func splitSourceDateLine(p string) (source, date, rest string, ok bool) {
	i, n := 0, stampPrefix(p)
	if w := sourceWord(p); n == 0 && w > 0 && spaceLen(p[w:]) > 0 {
		// Not a date first (二〇二三年… is Han too): a source, then the date.
		source = p[:w]
		i = w + spaceLen(p[w:])
		n = stampPrefix(p[i:])
	}
	if n == 0 {
		return "", "", "", false
	}
	date, i = p[i:i+n], i+n
	if i < len(p) {
		sp := spaceLen(p[i:])
		if sp == 0 {
			return "", "", "", false // the date runs on into other text
		}
		i += sp
		// A word after the date is the source when it stands alone (阅读：1024 does not).
		if w := sourceWord(p[i:]); w > 0 && (i+w == len(p) || spaceLen(p[i+w:]) > 0) {
			if source == "" {
				source = p[i : i+w]
			}
			i += w
		}
	}
	return source, date, strings.TrimSpace(p[i:]), true
}

// sourceWord returns the length in bytes of the publisher's name s starts with: 2 to 20 Han
// characters or brackets (县纪委（监委）); 0 if none.
func sourceWord(s string) int {
	n, count := 0, 0
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && !strings.ContainsRune("()（）", r) {
			break
		}
		if count++; count > 20 {
			return 0
		}
		n += utf8.RuneLen(r)
	}
	if count < 2 {
		return 0
	}
	return n
}

// spaceLen returns the length in bytes of the spaces s starts with (ideographic ones too).
func spaceLen(s string) int {
	return len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
}

// stampPrefix returns the length in bytes of the day date, read by quantity.DatePrefix, and
// optional time that s starts with (2023-05-06, 2023年02月14日 10:20, 2024/4/18 16:02:05,
// 2023.8.24日); 0 if s does not start with a whole day.
func stampPrefix(s string) int {
	if !mayDateStart(s) {
		return 0
	}
	d, n := quantity.DatePrefix(s, 0)
	if n == 0 || d.Precision != quantity.PrecDay || d.End != "" {
		return 0
	}
	n += len(s[n:]) - len(strings.TrimPrefix(s[n:], "日"))
	return n + clockPrefix(s[n:])
}

// mayDateStart reports whether s may start with a date that quantity.DatePrefix reads. It is
// exact: the date reader starts a date only at an ASCII digit, a Chinese digit
// (零〇○一二三四五六七八九), 十 (十二月一日), 上 or 下 (上半年). The reader turns the whole of s into
// runes and reads every date in it to find the first, and most lines start otherwise.
func mayDateStart(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c < utf8.RuneSelf {
		return c >= '0' && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("零〇○一二三四五六七八九十上下", r)
}

// clockPrefix returns the length in bytes of a time of day after optional spaces at the start
// of s: 10:20, 16:02:05, 10：20; 0 if none (a time has at least hours and minutes).
func clockPrefix(s string) int {
	i, end := spaceLen(s), 0
	for parts := 0; parts < 3; parts++ {
		j := i
		if parts > 0 {
			switch {
			case strings.HasPrefix(s[j:], ":"):
				j++
			case strings.HasPrefix(s[j:], "："):
				j += len("：")
			default:
				return end
			}
		}
		d := 0
		for j+d < len(s) && s[j+d] >= '0' && s[j+d] <= '9' {
			d++
		}
		if d == 0 || d > 2 || parts > 0 && d != 2 {
			return end
		}
		i = j + d
		if parts > 0 {
			end = i
		}
	}
	return end
}

// readSourceDateLine reads p as a source-and-date line into fs; false if it is not one.
func readSourceDateLine(p string, fs *facts) bool {
	if runes.MoreThan(p, 120) || !strings.ContainsAny(p, "0123456789") {
		return false
	}
	source, date, rest, ok := splitSourceDateLine(p)
	if !ok {
		return false
	}
	var fields []field
	switch {
	case rest == "":
	case isButtonLine(rest):
	default:
		fr, ok := parseFields(rest)
		if !ok {
			return false
		}
		fields = fr
	}
	if source == "" && len(fields) == 0 || endsLikeTitle(source) || isoDate(date) == "" {
		return false // a bare date is timestampLine's; a title is no source
	}
	for _, f := range fields {
		fs.add(f)
	}
	if fs.published[1] == "" {
		fs.published[1] = isoDate(date)
	}
	if source != "" && fs.sources[unlabelledSource] == "" {
		fs.sources[unlabelledSource] = source
	}
	return true
}

// splitChrome separates chrome from the body. known is a title the format supplied ("" if none).
func splitChrome(paras []string, known string) chromeHead {
	var (
		h         chromeHead
		fs        = newFacts()
		groups    []titleGroup
		open      titleGroup
		bodyStart = len(paras)
	)
	paras = unglue(paras)
scan:
	for i, p := range paras {
		if i >= headLimit {
			bodyStart = i
			break
		}
		switch {
		case isBreadcrumb(p), isPortal(p):
			continue
		case isTimestampLine(p):
			fs.timestamp(p)
			continue
		case readSourceDateLine(p, fs):
			continue
		}
		if fields, ok := parseFields(p); ok {
			for _, f := range fields {
				fs.add(f)
			}
			continue
		}
		text := p
		if m := columnLabel.FindStringSubmatch(p); m != nil && endsLikeTitle(m[2]) && isTitleLine(m[2]) {
			text = m[2]
			fs.meta["栏目"] = m[1]
		}
		if !isTitleLine(text) || len(open.lines) >= maxTitleLines {
			bodyStart = i
			break scan
		}
		open.lines = append(open.lines, i)
		open.text = joinTitle(open.text, text)
		if endsLikeTitle(text) {
			groups = append(groups, open)
			open = titleGroup{}
		}
	}
	if len(open.lines) > 0 && open.lines[0] < bodyStart {
		// Title-like lines that never closed a title are the body's first lines (a byline).
		// Closed groups all come before an open one, so they stay title candidates.
		bodyStart = open.lines[0]
	}

	h.title = known
	if h.title == "" && len(groups) > 0 {
		h.title = groups[0].text
	}
	// Title groups that do not repeat the title are body text: keep them, in order.
	for _, g := range groups {
		if !sameTitle(g.text, h.title) {
			for _, i := range g.lines {
				h.body = append(h.body, paras[i])
			}
		}
	}
	h.body = append(h.body, paras[bodyStart:]...)
	h.body = dropFooter(h.body)
	h.publishDate = fs.publishDate()
	h.publisher = fs.publisher()
	if len(fs.meta) > 0 {
		h.meta = fs.meta
	}
	return h
}

// unglue splits, among the first headLimit lines, the lines where a site printed chrome and
// its neighbour on one line:
//   - a title and its fact line: 关于…的通报 发布时间：2023-05-06 来源：县交通运输局
//   - a fact line and the opening: 发布时间：2023-05-06 根据县委统一部署，…
//
// Each becomes two lines, so that the facts are read and nothing of the body is dropped as chrome.
// Lines are copied only once one splits: most pages have none, and paras is returned as it is.
func unglue(paras []string) []string {
	var out []string // nil while no line has split
	for i, p := range paras {
		if i >= headLimit {
			if out == nil {
				return paras
			}
			return append(out, paras[i:]...)
		}
		title, fields, glued := titleThenFields(p)
		if glued {
			p = fields
		}
		facts, body, split := fieldsThenBody(p)
		if !glued && !split {
			if out != nil {
				out = append(out, p)
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(paras)+3), paras[:i]...)
		}
		if glued {
			out = append(out, title)
		}
		if split {
			out = append(out, facts, body)
		} else {
			out = append(out, p)
		}
	}
	if out == nil {
		return paras
	}
	return out
}

// titleThenFields splits a title line that ends with a fact line after a space.
// Labels are looked for only where they may end a title (titleScanEnd).
func titleThenFields(p string) (title, fields string, ok bool) {
	if !titleHeadSpaced(p) {
		return "", "", false // no space before titleScanEnd's bound: none before a label that may end a title
	}
	stop, spaced := titleScanEnd(p)
	if !spaced {
		return "", "", false // no label before stop follows a space: none splits the line
	}
	for a, b := nextFieldBefore(p, 0, stop); a >= 0; a, b = nextFieldBefore(p, b, stop) {
		if a == 0 {
			return "", "", false
		}
		r, _ := utf8.DecodeLastRuneInString(p[:a])
		if !isTrimSpace(r) {
			continue
		}
		title, fields = strings.TrimRightFunc(p[:a], isTrimSpace), p[a:]
		if endsLikeTitle(title) && isTitleLine(title) {
			if _, ok := parseFields(fields); ok {
				return title, fields, true
			}
		}
		return "", "", false
	}
	return "", "", false
}

// hasTrimSpace reports whether p holds a character of isTrimSpace, looking at bytes: an ASCII
// space, or the lead byte of a space's encoding followed by the rest of it. A lead byte is never
// inside another character's encoding, so where a rune-by-rune reading of p (utf8.DecodeRune,
// invalid bytes one at a time) meets a space, this finds its bytes.
func hasTrimSpace(p string) bool {
	for i := 0; i < len(p); i++ {
		if !trimSpaceLead[p[i]] {
			continue // one look for most bytes
		}
		switch p[i] {
		case ' ', '\t', '\n', '\v', '\f':
			return true
		case 0xC2: // U+00A0, U+0085
			if i+1 < len(p) && (p[i+1] == 0xA0 || p[i+1] == 0x85) {
				return true
			}
		case 0xE2: // U+2002, U+2003, U+2009, U+200B-U+200D, U+202F; U+205F
			if i+2 < len(p) && p[i+1] == 0x80 {
				switch p[i+2] {
				case 0x82, 0x83, 0x89, 0x8B, 0x8C, 0x8D, 0xAF:
					return true
				}
			}
			if i+2 < len(p) && p[i+1] == 0x81 && p[i+2] == 0x9F {
				return true
			}
		case 0xE3: // U+3000
			if i+2 < len(p) && p[i+1] == 0x80 && p[i+2] == 0x80 {
				return true
			}
		case 0xEF: // U+FEFF
			if i+2 < len(p) && p[i+1] == 0xBB && p[i+2] == 0xBF {
				return true
			}
		}
	}
	return false
}

// titleHeadSpaced is the test titleThenFields starts with: whether a space (isTrimSpace) comes
// in the first titleSpaceScan bytes of p before a sentence mark (titleBreaks). When it does not,
// titleScanEnd finds no space before its bound either: the bound is the first sentence mark, or
// comes before the end of those bytes (titleSpaceScan). Spaces and marks are found by their
// bytes, as hasTrimSpace finds spaces (a lead byte is never inside another character), with one
// look at a table for most bytes.
func titleHeadSpaced(p string) bool {
	p = p[:min(len(p), titleSpaceScan)]
	for i := 0; i < len(p); i++ {
		if !titleHeadLead[p[i]] {
			continue
		}
		switch c := p[i]; {
		case c == ';' || c == '!' || c == '?',
			c == 0xE3 && strings.HasPrefix(p[i:], "。"),
			c == 0xEF && (strings.HasPrefix(p[i:], "；") || strings.HasPrefix(p[i:], "！") || strings.HasPrefix(p[i:], "？")):
			return false
		}
		if hasTrimSpace(p[i:min(len(p), i+3)]) { // a space that starts at i
			return true
		}
	}
	return false
}

// titleHeadLead marks the first bytes of isTrimSpace's characters and of the sentence marks.
var titleHeadLead = func() (lead [256]bool) {
	lead = trimSpaceLead
	for _, c := range []byte{';', '!', '?', 0xE3, 0xEF} {
		lead[c] = true
	}
	return lead
}()

// trimSpaceLead marks the first bytes of the encodings of isTrimSpace's characters.
var trimSpaceLead = func() (lead [256]bool) {
	for _, c := range []byte{' ', '\t', '\n', '\v', '\f', 0xC2, 0xE2, 0xE3, 0xEF} {
		lead[c] = true
	}
	return lead
}()

// maxTitleRunes is the longest title isTitleLine accepts, in runes.
const maxTitleRunes = 100

// titleSpaceScan is how far titleThenFields looks for a space: maxTitleRunes+1 characters take
// at most these many bytes, so a space that comes later comes after titleScanEnd's bound. A space
// cut at the end of the scan starts past the first titleSpaceScan-utf8.UTFMax bytes, which hold
// more than maxTitleRunes characters too.
const titleSpaceScan = utf8.UTFMax * (maxTitleRunes + 1)

// hasTitleBreak is strings.ContainsAny(p, titleBreaks) in one pass with a switch, instead of a
// search of titleBreaks for every character of p.
func hasTitleBreak(p string) bool {
	for _, r := range p {
		switch r {
		case '。', '；', ';', '！', '!', '？', '?': // titleBreaks
			return true
		}
	}
	return false
}

// titleScanEnd bounds where a label that ends a title may start in p: before the first sentence
// mark (a title holds none: isTitleLine), and before the end of the (maxTitleRunes+1)th character
// that is not a space (a label after it leaves a title longer than isTitleLine accepts, spaces
// trimmed or not). A label found past the bound would give no split, so labels are looked for
// only before it: in a long opening paragraph, its first hundred characters. spaced reports
// whether a space (isTrimSpace) comes before the bound: only a label after one splits the line.
func titleScanEnd(p string) (stop int, spaced bool) {
	n := 0
	for i := 0; i < len(p); {
		r, size := rune(p[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(p[i:])
		}
		switch r {
		case '。', '；', ';', '！', '!', '？', '?': // titleBreaks
			return i, spaced
		}
		i += size
		if isTrimSpace(r) {
			spaced = true
		} else if n++; n > maxTitleRunes {
			return i, spaced
		}
	}
	return len(p), spaced
}

// gluedValueLen returns the length in bytes of the value of a fact that may run on into the
// opening, at the start of tail (after spaces and a colon): a date and time (stampPrefix), or
// one word of up to 30 runes followed by a space (a source's name); 0 if neither.
func gluedValueLen(tail string) int {
	i := len(tail) - len(strings.TrimLeftFunc(tail, func(r rune) bool { return unicode.IsSpace(r) || r == ':' || r == '：' }))
	if n := stampPrefix(tail[i:]); n > 0 {
		return i + n
	}
	w := 0
	for k, r := range tail[i:] {
		if unicode.IsSpace(r) {
			if w == 0 {
				return 0
			}
			return i + k + spaceLen(tail[i+k:])
		}
		if strings.ContainsRune("，。,", r) || w == 30 {
			return 0
		}
		w++
	}
	return 0
}

// minGluedBody is the shortest opening, in runes, split off a fact line.
const minGluedBody = 20

// fieldsThenBody splits a fact line whose last value runs on into a sentence of the body.
func fieldsThenBody(p string) (fields, body string, ok bool) {
	s, locs := fieldLine(p)
	if locs == nil {
		return "", "", false
	}
	last := len(p) - len(s) + locs[len(locs)-1][1] // no label starts in what fieldLine trimmed
	tail := p[last:]
	if !strings.ContainsAny(tail, "，。,") {
		return "", "", false
	}
	n := gluedValueLen(tail)
	if n == 0 {
		return "", "", false
	}
	body = strings.TrimLeftFunc(tail[n:], isTrimSpace)
	if utf8.RuneCountInString(body) < minGluedBody || !strings.ContainsAny(body, "，。,") {
		return "", "", false
	}
	return strings.TrimRightFunc(p[:last+n], isTrimSpace), body, true
}

// dropFooter removes the run of footer lines at the end (打印本页, 关闭窗口, 分享到 …), keeping
// at least the first paragraph.
func dropFooter(body []string) []string {
	end := len(body)
	for end > 1 && isFooter(body[end-1]) {
		end--
	}
	return body[:end]
}

// joinTitle joins the lines of a split title: Chinese lines directly, Latin words with a space.
func joinTitle(a, b string) string {
	if a == "" {
		return b
	}
	ra, _ := utf8.DecodeLastRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	if ra < 0x80 && rb < 0x80 && unicode.IsLetter(ra) && unicode.IsLetter(rb) {
		return a + " " + b
	}
	return a + b
}

// sameTitle: a title line repeats the title when, spaces aside, one contains the other.
func sameTitle(line, title string) bool {
	l, t := squeeze(line), squeeze(title)
	if l == "" || t == "" {
		return false
	}
	return strings.Contains(t, l) || strings.Contains(l, t)
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || isTrimSpace(r) {
			return -1
		}
		return r
	}, s)
}
