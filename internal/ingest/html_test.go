package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// fixtureDir holds hand-written government pages (testdata/ingest at the repository root).
var fixtureDir = filepath.Join("..", "..", "testdata", "ingest")

func readFixture(t *testing.T, name string) *Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(name, data)
	if err != nil {
		t.Fatalf("Read %s: %v", name, err)
	}
	return doc
}

func TestHTMLFixtures(t *testing.T) {
	tests := []struct {
		file, enc, title, date, publisher string
		meta                              map[string]string
		paras                             []string // the body, exactly
	}{
		{
			file: "trs-editor.html", enc: EncUTF8,
			title: "中共青禾市水务局党组关于市委巡察整改进展情况的通报", date: "2024-03-08", publisher: "青禾市水务局",
			meta: map[string]string{"索引号": "11320900MB1234567X/2024-00031", "发布机构": "青禾市水务局", "成文日期": "2024-03-06", "主题分类": "巡察整改", "栏目": "巡察整改", "网站": "青禾市纪委监委网站"},
			paras: []string{
				"根据市委统一部署，2023年8月21日至10月20日，市委第三巡察组对市水务局党组进行了巡察。2023年12月5日，市委第三巡察组向市水务局党组反馈了巡察意见。按照巡察工作有关要求，现将巡察整改进展情况予以公布。",
				"一、提高政治站位，扛牢整改主体责任",
				"局党组召开专题会议6次，研究制定整改方案，明确整改措施32项。截至2024年2月29日，反馈的12个具体问题，已完成整改10个，正在整改2个。",
				"二、聚焦反馈问题，逐项抓好整改落实",
				"（一）关于“落实河长制工作不够扎实”方面",
				"针对“部分河道巡查记录不完整”问题。一是修订河道巡查制度；二是开展巡查记录专项检查，",
				"补录巡查台账\u00A0\u00A0146份。",
				"针对“水利工程质量监督覆盖面不全”问题。一是将小型水利工程纳入质量监督范围。",
				"附件：整改任务清单",
				"整改措施台账",
				"欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0517-83901234；邮政信箱：青禾市人民路1号市水务局办公室。",
			},
		},
		{
			file: "zoom-gbk.html", enc: EncGB18030,
			title: "中共青禾县文化广电和旅游局党组关于县委巡察整改进展情况的通报", date: "2023-11-02", publisher: "青禾县文化广电和旅游局",
			meta: map[string]string{"发布日期": "2023年11月02日"},
			paras: []string{
				"根据县委统一部署，2023年4月10日至5月31日，县委第一巡察组对县文化广电和旅游局党组进行了巡察，7月12日反馈了巡察意见。现将巡察整改进展情况予以公布。",
				"一、整改工作总体情况",
				"局党组坚持把巡察整改作为重大政治任务，对照反馈的8个问题，制定整改措施25条，已完成23条，完成率92%。堃园文化广场管理问题已整改到位。",
				"二、巡察反馈问题整改情况",
				"（一）针对“文物安全巡查不到位”问题。一是建立文物安全巡查日志；二是开展文物安全专项检查3次。",
				"联系电话：0517-86601234。",
			},
		},
		{
			file: "density.html", enc: EncUTF8,
			title: "中共青禾市交通运输局党组关于巡察集中整改情况的公开", date: "2022-06-30",
			paras: []string{
				"根据市委统一部署，2021年10月至12月，市委第五巡察组对市交通运输局党组开展了常规巡察，并于2022年1月18日反馈了巡察意见。",
				"一、履行整改主体责任情况",
				"局党组成立巡察整改工作领导小组，召开党组会议5次专题研究整改工作，将反馈的4个方面15个问题细化为41项整改措施。",
				"二、反馈问题整改落实情况",
				"1.关于“交通项目招投标监管不严”问题的整改。一是修订招投标监督管理办法；二是开展在建项目专项检查2轮。",
				"2.关于“安全生产隐患排查不彻底”问题的整改。一是建立隐患排查清单，整改隐患67处。",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc := readFixture(t, tt.file)
			if doc.Format != FormatHTML || doc.Encoding != tt.enc {
				t.Errorf("format %q encoding %q, want html %q", doc.Format, doc.Encoding, tt.enc)
			}
			if doc.Title != tt.title || doc.PublishDate != tt.date || doc.Publisher != tt.publisher {
				t.Errorf("title %q date %q publisher %q\nwant  %q %q %q", doc.Title, doc.PublishDate, doc.Publisher, tt.title, tt.date, tt.publisher)
			}
			for k, v := range tt.meta {
				if doc.Meta[k] != v {
					t.Errorf("meta[%s] = %q, want %q", k, doc.Meta[k], v)
				}
			}
			if strings.Join(doc.Paragraphs, "\n") != strings.Join(tt.paras, "\n") {
				t.Errorf("paragraphs\n%s\nwant\n%s", strings.Join(doc.Paragraphs, "\n"), strings.Join(tt.paras, "\n"))
			}
		})
	}
}

func TestStripSiteSuffix(t *testing.T) {
	tests := []struct{ in, want string }{
		{"关于巡察整改进展情况的通报_巡察整改_青禾市纪委监委网站", "关于巡察整改进展情况的通报"},
		{"关于巡察整改进展情况的通报 - 青禾县人民政府", "关于巡察整改进展情况的通报"},
		{"关于巡察整改进展情况的通报 | 青禾县人民政府", "关于巡察整改进展情况的通报"},
		{"关于2021-2022年度巡察整改情况的通报", "关于2021-2022年度巡察整改情况的通报"},
		{"关于巡察整改进展情况的通报-青禾县人民政府", "关于巡察整改进展情况的通报"},
		{"正文_关于巡察整改进展情况的通报", "关于巡察整改进展情况的通报"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := stripSiteSuffix(tt.in); got != tt.want {
			t.Errorf("stripSiteSuffix(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHTMLStructure(t *testing.T) {
	page := `<html><head><title>通报</title></head><body>
<div class="article-content">
<p>根据&ldquo;县委&rdquo;统一部署&#xFF0C;开展巡察&amp;整改&#12290;</p>
<div>一、总体情况<br>局党组<b>高度</b>重视。<br/><br/>（一）加强领导</div>
<ul><li>第一项</li><li>第二项</li></ul>
<table><tr><td>问题</td><td>整改措施</td></tr><tr><td>台账不全</td><td>补齐台账</td></tr></table>
<pre>保留
  缩进</pre>
</div></body></html>`
	doc, err := Read("a.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"根据“县委”统一部署，开展巡察&整改。", "一、总体情况", "局党组高度重视。", "（一）加强领导", "第一项", "第二项", "问题 整改措施", "台账不全 补齐台账", "保留", "缩进"}
	if strings.Join(doc.Paragraphs, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs\n%q\nwant\n%q", doc.Paragraphs, want)
	}
	if doc.Title != "通报" {
		t.Errorf("title %q", doc.Title)
	}
}

func TestHTMLNoText(t *testing.T) {
	_, err := Read("a.html", []byte(`<html><head><script>var x = "根据";</script></head><body><nav><a href="/">首页</a></nav></body></html>`))
	if err == nil || !strings.Contains(err.Error(), "没有正文") {
		t.Errorf("error %v, want no text", err)
	}
}

// TestHTMLDeepNesting: x/net/html refuses more than 512 open elements, so without limitDepth a
// page nested 100,000 deep would fail; with it the text is read, in time linear in the size.
func TestHTMLDeepNesting(t *testing.T) {
	const depth = 100000
	for _, tag := range []string{"div", "span", "b", "table", "p", "div/"} {
		t.Run(tag, func(t *testing.T) {
			open, closing := "<"+tag+">", "</"+tag+">"
			if strings.HasSuffix(tag, "/") {
				open, closing = "<"+tag+">", ""
			}
			page := "<html><body><p>根据市委统一部署，开展巡察。</p>" + strings.Repeat(open, depth) + "深处的文字。" + strings.Repeat(closing, depth) + "<p>结尾段落。</p></body></html>"
			if tag == "div" {
				// Why limitDepth exists: the parser alone refuses the page.
				if _, err := html.Parse(strings.NewReader(page)); err == nil {
					t.Errorf("x/net/html parsed %d nested <div>; limitDepth may be unnecessary now", depth)
				}
			}
			doc, err := Read("deep.html", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			all := strings.Join(doc.Paragraphs, "\n")
			for _, want := range []string{"根据市委统一部署，开展巡察。", "深处的文字。", "结尾段落。"} {
				if !strings.Contains(all, want) {
					t.Errorf("missing %q in %q", want, all)
				}
			}
		})
	}
}

func TestLimitDepthKeepsNormalPages(t *testing.T) {
	// Unclosed <p> and <li>, as old CMS pages write them, are not deep nesting.
	page := "<html><body><div>" + strings.Repeat("<p>段落", 2000) + strings.Repeat("<li>条目", 2000) + "</div></body></html>"
	if got := limitDepth(page, maxHTMLDepth); got != page {
		t.Errorf("limitDepth rewrote a page of unclosed <p> and <li>")
	}
	doc, err := Read("a.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Paragraphs) != 4000 {
		t.Errorf("%d paragraphs, want 4000", len(doc.Paragraphs))
	}
}

func TestHTMLSiteNameIsNotATitle(t *testing.T) {
	doc, err := Read("a.html", []byte(`<html><head><title>青禾市交通运输局</title></head><body><div id="zoom"><p>根据市委统一部署，市委第五巡察组对局党组开展了巡察。</p></div></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "" {
		t.Errorf("title %q, want none", doc.Title)
	}
}

// Misnested markup that passes the depth limiter but still makes the tree builder refuse the
// page degrades to a flat reading: the bulletin before the junk is kept (issue 17, case 8).
func TestHTMLMisnestedDegrades(t *testing.T) {
	for _, junk := range []string{"<div><object></div>", "<div><applet></div>", "<div><marquee></div>", "<div><template></div>"} {
		t.Run(junk, func(t *testing.T) {
			page := `<html><head><meta name="ArticleTitle" content="关于巡察整改进展情况的通报"><title>通报</title></head><body>` +
				"<p>根据市委统一部署，市委第一巡察组对市档案局党组进行了巡察。</p><p>一、整改总体情况</p>" +
				strings.Repeat(junk, 600) + "<p>结尾段落。</p></body></html>"
			doc, err := Read("junk.html", []byte(page))
			if err != nil {
				t.Fatalf("the page is refused: %v", err)
			}
			all := strings.Join(doc.Paragraphs, "\n")
			for _, want := range []string{"根据市委统一部署，市委第一巡察组对市档案局党组进行了巡察。", "一、整改总体情况"} {
				if !strings.Contains(all, want) {
					t.Errorf("missing %q in %.200q", want, all)
				}
			}
		})
	}
}

func TestFlattenHTML(t *testing.T) {
	flat := flattenHTML(`<meta name="PubDate" content="2024-01-02"><title>题&amp;目</title><script>var x="<p>";</script><div>甲<b>乙</b><br>丙</div>`)
	want := `<html><head><meta name="PubDate" content="2024-01-02"><title>题&amp;目</title></head><body><p>甲乙</p>` + "\n" + `<p>丙</p>` + "\n" + `</body></html>`
	if flat != want {
		t.Errorf("flattenHTML =\n%s\nwant\n%s", flat, want)
	}
}
