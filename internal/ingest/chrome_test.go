package ingest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/testcorpus"
)

// sharedCorpus is ../shared/corpus beside the repository.
func sharedCorpus(t *testing.T) string {
	t.Helper()
	dir := testcorpus.Shared(t)
	if _, err := os.Stat(filepath.Join(dir, "real", "raw")); err != nil {
		t.Fatal("shared corpus without real/raw:", err)
	}
	return dir
}

// realExpect is what ingest must find in one stored page of ../shared/corpus/real/raw.
type realExpect struct {
	title, date, publisher string
	first                  string // prefix of the first body paragraph
	chrome                 int    // non-empty lines at the start that are chrome or title
}

// realExpects: titles as the pages print them (index.tsv notes where a title is repeated,
// split, glued to a column label or missing), and how many of each page's first lines are
// chrome. Everything after those lines is body and must come out unchanged.
var realExpects = map[string]realExpect{
	"002.txt": {first: "根据市委巡察工作的统一部署"},
	"004.txt": {first: "根据区委统一部署"},
	"006.txt": {title: "中共厦门市体育局党组关于巡察整改进展情况的通报", date: "2020-11-16", first: "根据厦门市委巡察工作统一部署", chrome: 2},
	"010.txt": {first: "根据党中央统一部署"},
	"012.txt": {date: "2022-07-01", publisher: "河北省纪委监委网站", first: "根据省委部署", chrome: 1},
	"014.txt": {title: "宁波市审计局关于2021年度宁波市本级预算执行和全市其他财政收支审计工作报告反映问题整改情况的报告", date: "2023-01-06", publisher: "宁波市审计局", first: "主任、副主任、秘书长、各位委员:", chrome: 4},
	"016.txt": {title: "中共上海市徐汇区委员会关于十二届市委第二轮巡视集中整改进展情况的通报", first: "根据市委统一部署,市委第一巡视组", chrome: 4},
	"018.txt": {title: "中共上海市闵行区委员会关于十二届市委第二轮巡视集中整改进展情况的通报", first: "根据市委统一部署,市委第六巡视组", chrome: 4},
	"020.txt": {title: "中共上海市长宁区委员会关于巡视整改进展情况的通报", date: "2021-04-09", publisher: "长宁区纪委监委", first: "根据市委统一部署,市委第五巡视组", chrome: 2},
	"021.txt": {first: "根據市委統一部署,市委第三巡視組"},
	"022.txt": {title: "中共上海久事(集团)有限公司委员会关于巡视整改进展情况的通报", date: "2020-08-10", first: "根据市委统一部署,市委第十巡视组", chrome: 2},
	"024.txt": {title: "中共上海虹桥国际中央商务区管理委员会党组关于十二届市委第一轮巡视集中整改进展情况的通报", first: "根据市委统一部署,市委第一巡视组", chrome: 3},
	"026.txt": {title: "东丽区关于十一届市委第九轮巡视整改进展情况的通报", date: "2022-08-16", publisher: "中共天津市东丽区委办公室", first: "根据十一届市委第九轮巡视工作部署要求", chrome: 3},
	"028.txt": {title: "中共天津市机关事务管理局党组关于巡视集中整改情况的公开", first: "根据十一届市委第八轮第二批巡视工作部署要求", chrome: 1},
	"030.txt": {first: "2018年11月22日在慈溪市十七届人大常委会第十六次会议上"},
}

// chromeWords must not survive in a body's first paragraphs.
var chromeWords = regexp.MustCompile(`当前位置|首页|发布时间|发布日期|信息来源|来源\s*[:：]|访问次数|浏览次数|阅读量|今天是|字号|色调调节|^时间\s*[:：]|^\d{4}-\d{2}-\d{2} \d{2}:\d{2}`)

// pinyinGloss is an inserted gloss like (jù) — written independently of gloss.go.
var pinyinGloss = regexp.MustCompile(`\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)`)

func TestRealChrome(t *testing.T) {
	dir := filepath.Join(sharedCorpus(t), "real", "raw")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) != len(realExpects) {
		t.Fatalf("found %d files in %s, expected %d (%v)", len(files), dir, len(realExpects), err)
	}
	for _, f := range files {
		name := filepath.Base(f)
		want, ok := realExpects[name]
		if !ok {
			t.Errorf("%s: no expectation", name)
			continue
		}
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Read(f, data)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != FormatTxt || doc.Encoding != EncUTF8 {
				t.Errorf("format %q encoding %q", doc.Format, doc.Encoding)
			}
			if doc.Title != want.title {
				t.Errorf("title %q, want %q", doc.Title, want.title)
			}
			if doc.PublishDate != want.date {
				t.Errorf("publish date %q, want %q", doc.PublishDate, want.date)
			}
			if doc.Publisher != want.publisher {
				t.Errorf("publisher %q, want %q", doc.Publisher, want.publisher)
			}
			if len(doc.Paragraphs) == 0 || !strings.HasPrefix(doc.Paragraphs[0], want.first) {
				t.Fatalf("first paragraph %q, want prefix %q", doc.Paragraphs, want.first)
			}
			for i, p := range doc.Paragraphs[:min(3, len(doc.Paragraphs))] {
				if chromeWords.MatchString(p) {
					t.Errorf("paragraph %d is chrome: %q", i, p)
				}
			}
			for i, p := range doc.Paragraphs {
				if want.title != "" && strings.Contains(want.title, p) {
					t.Errorf("paragraph %d repeats the title: %q", i, p)
				}
				if pinyinGloss.MatchString(p) {
					t.Errorf("paragraph %d keeps a pinyin gloss: %q", i, p)
				}
			}

			// Nothing of the body is dropped: after the chrome lines, every line comes out
			// as written (trimmed, glosses removed), in order.
			var lines []string
			for _, l := range strings.Split(string(data), "\n") {
				l = strings.Trim(l, " \t\r\u3000")
				if l != "" {
					lines = append(lines, pinyinGloss.ReplaceAllString(l, ""))
				}
			}
			body := lines[want.chrome:]
			if strings.Join(doc.Paragraphs, "\n") != strings.Join(body, "\n") {
				t.Errorf("body differs from the page's lines after %d chrome lines:\ngot  %q\nwant %q", want.chrome, doc.Paragraphs, body)
			}
		})
	}
}

func TestSeedBulletin(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "corpus", "yushu-wenguanglv-2024.txt"))
	if err != nil {
		t.Skip("seed not present:", err)
	}
	doc, err := Read("yushu-wenguanglv-2024.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "" || !strings.HasPrefix(doc.Paragraphs[0], "根据市委统一部署，2023年8月24日") {
		t.Errorf("title %q, first paragraph %q", doc.Title, doc.Paragraphs[0])
	}
	last := doc.Paragraphs[len(doc.Paragraphs)-1]
	if !strings.Contains(last, "联系电话：0431-83622863") {
		t.Errorf("closing contact paragraph dropped; last is %q", last)
	}
	nonEmpty := 0
	for _, l := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(l) != "" {
			nonEmpty++
		}
	}
	if len(doc.Paragraphs) != nonEmpty {
		t.Errorf("%d paragraphs from %d non-empty lines", len(doc.Paragraphs), nonEmpty)
	}
}

func TestChromeRules(t *testing.T) {
	tests := []struct {
		name        string
		in          string
		title, date string
		publisher   string
		meta        map[string]string
		body        []string
	}{
		{
			name:  "disclosure block and footer",
			in:    "您现在的位置：首页 >> 信息公开 >> 巡察整改\n索引号：113209/2024-00031 发布机构：青禾市水务局\n成文日期：2024-03-06 主题分类：巡察整改\n关于巡察整改进展情况的通报\n根据市委统一部署，开展巡察。\n一、总体情况\n来源于群众反映的问题已整改。\n欢迎监督。联系电话：0517-1234567。\n【打印本页】【关闭窗口】\n分享到：\n上一篇：关于开展检查的通知\n版权所有：青禾市水务局",
			title: "关于巡察整改进展情况的通报", publisher: "青禾市水务局",
			meta: map[string]string{"索引号": "113209/2024-00031", "发布机构": "青禾市水务局", "成文日期": "2024-03-06", "主题分类": "巡察整改"},
			body: []string{"根据市委统一部署，开展巡察。", "一、总体情况", "来源于群众反映的问题已整改。", "欢迎监督。联系电话：0517-1234567。"},
		},
		{
			name:  "column label and date line",
			in:    "工作动态：中共青禾县委关于巡视整改情况的公告\n2024年3月1日 星期五\n根据省委部署，开展巡视。",
			title: "中共青禾县委关于巡视整改情况的公告", date: "2024-03-01",
			meta: map[string]string{"栏目": "工作动态"},
			body: []string{"根据省委部署，开展巡视。"},
		},
		{
			name:  "breadcrumb with bars, source line with bars",
			in:    "首页 | 党务公开 | 巡察整改\n关于县委第三巡察组巡察反馈意见整改情况的通报\n作者：佚名　来源：县林业局 | 时间：2023-02-16 | 点击：\n根据县委部署，开展巡察。",
			title: "关于县委第三巡察组巡察反馈意见整改情况的通报", date: "2023-02-16", publisher: "县林业局",
			body: []string{"根据县委部署，开展巡察。"},
		},
		{
			name:  "title and fact line glued",
			in:    "中共某县交通运输局党组关于巡察整改情况的通报 发布时间：2023-05-06 来源：县交通运输局\n根据县委统一部署，开展巡察。",
			title: "中共某县交通运输局党组关于巡察整改情况的通报", date: "2023-05-06", publisher: "县交通运输局",
			body: []string{"根据县委统一部署，开展巡察。"},
		},
		{
			name: "fact line and opening glued",
			in:   "【字体：大 中 小】【打印】\n发布时间：2023-05-06 根据县委统一部署，县委第四巡察组对县交通运输局党组开展了常规巡察。\n一、整改工作情况",
			date: "2023-05-06",
			body: []string{"根据县委统一部署，县委第四巡察组对县交通运输局党组开展了常规巡察。", "一、整改工作情况"},
		},
		{
			name:      "source and opening glued",
			in:        "来源：区委办公室 按照党务公开原则和巡视工作有关要求，现将巡视整改进展情况予以公布。\n一、整改工作情况",
			publisher: "区委办公室",
			body:      []string{"按照党务公开原则和巡视工作有关要求，现将巡视整改进展情况予以公布。", "一、整改工作情况"},
		},
		{
			name:  "unlabelled source and date before the title",
			in:    "市委巡察办 2023-05-06 阅读：1024\n中共某某开发区工作委员会关于市委交叉巡察整改进展情况的通报\n根据市委统一部署，开展巡察。",
			title: "中共某某开发区工作委员会关于市委交叉巡察整改进展情况的通报", date: "2023-05-06", publisher: "市委巡察办",
			body: []string{"根据市委统一部署，开展巡察。"},
		},
		{
			name:  "date, then unlabelled source, then furniture",
			in:    "市交通投资集团有限公司党委关于集团党委巡察整改进展情况的通报\n2024-04-18 16:02　市交投集团纪委　阅读：\n2023年10月8日至11月30日，集团党委第一巡察组开展了巡察。",
			title: "市交通投资集团有限公司党委关于集团党委巡察整改进展情况的通报", date: "2024-04-18", publisher: "市交投集团纪委",
			body: []string{"2023年10月8日至11月30日，集团党委第一巡察组开展了巡察。"},
		},
		{
			name:  "source, date and buttons; 发布者",
			in:    "中共县自然资源局党组关于县委巡察整改情况的公告\n县自然资源局　　2021-12-03　　【关闭】\n发布者：局办公室　阅读次数：\n县委第二巡察组开展了巡察。",
			title: "中共县自然资源局党组关于县委巡察整改情况的公告", date: "2021-12-03", publisher: "局办公室",
			body: []string{"县委第二巡察组开展了巡察。"},
		},
		{
			name:  "a title opening with 经济 is a title",
			in:    "经济技术开发区管理委员会党组关于县委提级巡察整改情况的通报\n发布时间：2023年08月15日 来源：开发区管委会\n按照县委统一部署，开展巡察。",
			title: "经济技术开发区管理委员会党组关于县委提级巡察整改情况的通报", date: "2023-08-15", publisher: "开发区管委会",
			body: []string{"按照县委统一部署，开展巡察。"},
		},
		{
			name: "a date line running into the opening is body",
			in:   "2023-05-06 根据县委统一部署，县委第四巡察组对县交通运输局党组开展了常规巡察。\n一、整改工作情况",
			body: []string{"2023-05-06 根据县委统一部署，县委第四巡察组对县交通运输局党组开展了常规巡察。", "一、整改工作情况"},
		},
		{
			name: "heading first is not a title",
			in:   "一、整改工作总体情况\n局党组高度重视。",
			body: []string{"一、整改工作总体情况", "局党组高度重视。"},
		},
		{
			name: "byline without a title ending stays",
			in:   "在县人大常委会第九次会议上\n县审计局局长 张三\n主任、各位委员:\n我受县政府委托作报告。",
			body: []string{"在县人大常委会第九次会议上", "县审计局局长 张三", "主任、各位委员:", "我受县政府委托作报告。"},
		},
		{
			name:  "different title-like line kept",
			in:    "中共青禾县委关于巡察整改进展情况的通报\n青禾县巡察整改工作情况\n根据县委部署，开展巡察。",
			title: "中共青禾县委关于巡察整改进展情况的通报",
			body:  []string{"青禾县巡察整改工作情况", "根据县委部署，开展巡察。"},
		},
		{
			name: "footer words inside the body stay",
			in:   "根据县委部署，开展巡察。\n打印本页的制度已建立。\n相关链接\n欢迎监督。",
			body: []string{"根据县委部署，开展巡察。", "打印本页的制度已建立。", "相关链接", "欢迎监督。"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read("a.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != tt.title || doc.PublishDate != tt.date || doc.Publisher != tt.publisher {
				t.Errorf("title %q date %q publisher %q, want %q %q %q", doc.Title, doc.PublishDate, doc.Publisher, tt.title, tt.date, tt.publisher)
			}
			for k, v := range tt.meta {
				if doc.Meta[k] != v {
					t.Errorf("meta[%s] = %q, want %q (meta %v)", k, doc.Meta[k], v, doc.Meta)
				}
			}
			if strings.Join(doc.Paragraphs, "|") != strings.Join(tt.body, "|") {
				t.Errorf("body\n%q\nwant\n%q", doc.Paragraphs, tt.body)
			}
		})
	}
}

func TestColumnNameLine(t *testing.T) {
	doc, err := Read("a.txt", []byte("通知公告\n中共青禾县委关于巡察整改进展情况的通报\n根据县委部署，开展巡察。"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "中共青禾县委关于巡察整改进展情况的通报" || strings.Join(doc.Paragraphs, "|") != "根据县委部署，开展巡察。" {
		t.Errorf("title %q body %q", doc.Title, doc.Paragraphs)
	}
}

func TestTraditionalTitle(t *testing.T) {
	doc, err := Read("a.txt", []byte("中共海城市文化局黨組\n關於市委巡察整改進展情況的通報\n根據市委統一部署，市委巡察組進行了巡察。"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "中共海城市文化局黨組關於市委巡察整改進展情況的通報" || len(doc.Paragraphs) != 1 {
		t.Errorf("title %q body %q", doc.Title, doc.Paragraphs)
	}
}

// TestSplitSourceDateLine cuts fact lines without labels into source, date and rest; the date
// is whatever the one date reader reads as a whole day, with its time.
func TestSplitSourceDateLine(t *testing.T) {
	for _, c := range []struct {
		in                 string
		source, date, rest string
		ok                 bool
	}{
		{"市委巡察办 2023-05-06 阅读：1024", "市委巡察办", "2023-05-06", "阅读：1024", true},
		{"2024-04-18 16:02　市交投集团纪委　阅读：", "市交投集团纪委", "2024-04-18 16:02", "阅读：", true},
		{"县自然资源局　　2021-12-03　　【关闭】", "县自然资源局", "2021-12-03", "【关闭】", true},
		{"2023年02月14日 10:20　来源：集团纪委", "", "2023年02月14日 10:20", "来源：集团纪委", true},
		{"县纪委（监委） 2022.8.16日", "县纪委（监委）", "2022.8.16日", "", true},
		{"二〇二三年十二月一日 县委巡察办", "县委巡察办", "二〇二三年十二月一日", "", true},
		{"2023年8月 县委巡察办", "", "", "", false},            // a month is not a day
		{"2023-05-06至2023-06-01 县委", "", "", "", false}, // a range is not a stamp
		{"巡察组于2023-05-06进驻", "", "", "", false},         // the date runs into the text
		{"市委巡察办2023-05-06", "", "", "", false},          // no space after the source
	} {
		source, date, rest, ok := splitSourceDateLine(c.in)
		if ok != c.ok || source != c.source || date != c.date || rest != c.rest {
			t.Errorf("splitSourceDateLine(%q) = %q, %q, %q, %v; want %q, %q, %q, %v",
				c.in, source, date, rest, ok, c.source, c.date, c.rest, c.ok)
		}
	}
}

func TestClockPrefix(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{" 10:20 x", len(" 10:20")},
		{"16:02:05", len("16:02:05")},
		{"10：20", len("10：20")},
		{"10:2", 0},
		{"10", 0},
		{"10:20:5", len("10:20")},
		{"123:45", 0},
		{"x10:20", 0},
	} {
		if got := clockPrefix(c.in); got != c.want {
			t.Errorf("clockPrefix(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestGluedValueLen(t *testing.T) {
	for _, c := range []struct {
		in, value string // value: the prefix gluedValueLen takes
	}{
		{"：2023-05-06 10:20根据市委统一部署", "：2023-05-06 10:20"},
		{" 市委巡察办 根据市委统一部署", " 市委巡察办 "},
		{"根据市委统一部署，", ""},
		{"：" + strings.Repeat("字", 31) + " 下文", ""},
	} {
		if got := gluedValueLen(c.in); c.in[:got] != c.value {
			t.Errorf("gluedValueLen(%q) takes %q, want %q", c.in, c.in[:got], c.value)
		}
	}
}
