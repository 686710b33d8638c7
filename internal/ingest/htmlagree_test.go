package ingest

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/xuncha/xuncha/internal/pipeline/gen"
	"github.com/xuncha/xuncha/internal/quantity"
)

// The references below are readHTML, findContainer and blockText as they were before one pass
// found the page's elements (pageElements), containers were measured by trimmedRunes and the
// paragraphs written into one builder: a goquery Find per selector, Text() per container, a
// builder per paragraph. TestReadHTMLAgrees and FuzzReadHTMLAgrees hold the two to the same
// documents.

// readHTMLQueries is readHTML as it was first written.
func readHTMLQueries(text, enc string) (*Document, error) {
	root, err := html.Parse(strings.NewReader(limitDepth(text, maxHTMLDepth)))
	if err != nil {
		// The parser refuses more than 512 open elements; the estimate can be beaten by
		// markup the tree builder nests differently. Flatten hard and try once more.
		root, err = html.Parse(strings.NewReader(limitDepth(text, 16)))
	}
	if err != nil {
		// Still refused (misnested markup the tree builder keeps open, such as thousands of
		// <div><object></div>): degrade, never fail. Rebuild a flat page from the tokens read,
		// keeping the meta tags, the title and the text, and read that.
		root, err = html.Parse(strings.NewReader(flattenHTML(text)))
	}
	if err != nil {
		return nil, fmt.Errorf("无法解析 HTML：%w", err)
	}
	page := goquery.NewDocumentFromNode(root)
	doc := &Document{Format: FormatHTML, Encoding: enc}

	metas := map[string]string{} // lower-cased name/property/itemprop -> content, first wins
	page.Find("meta").Each(func(_ int, m *goquery.Selection) {
		content, ok := m.Attr("content")
		if !ok {
			return
		}
		for _, attr := range []string{"name", "property", "itemprop"} {
			if key, ok := m.Attr(attr); ok {
				key = strings.ToLower(strings.TrimSpace(key))
				if _, seen := metas[key]; !seen {
					metas[key] = content
				}
			}
		}
	})
	metaContent := func(names ...string) string {
		for _, n := range names {
			if v := cleanParagraph(collapseSpaceRunes(metas[strings.ToLower(n)])); v != "" {
				return v
			}
		}
		return ""
	}
	page.Find("script,style,noscript,template").Remove()

	// Strong title from the page's own metadata; weak title from <title> when nothing else.
	strong := metaContent("ArticleTitle", "og:title", "twitter:title")
	if strong == "" {
		if h1 := cleanParagraph(collapseSpaceRunes(page.Find("h1").First().Text())); endsLikeTitle(h1) {
			strong = h1
		}
	}
	weak := stripSiteSuffix(cleanParagraph(collapseSpaceRunes(page.Find("title").First().Text())))
	if weak == "" {
		weak = cleanParagraph(collapseSpaceRunes(page.Find("h1").First().Text()))
	}
	doc.PublishDate = isoDate(metaContent("PubDate", "PublishDate", "article:published_time", "firstpublishedtime", "og:release_date"))
	doc.Publisher = metaContent("ContentSource", "source")
	for _, m := range []struct{ name, key string }{{"SiteName", "网站"}, {"ColumnName", "栏目"}, {"Author", "作者"}} {
		if v := metaContent(m.name); v != "" {
			if doc.Meta == nil {
				doc.Meta = map[string]string{}
			}
			doc.Meta[m.key] = v
		}
	}

	// Page facts anywhere in the page: 发布时间/来源 lines, the info-disclosure table.
	body := page.Find("body")
	if body.Length() == 0 {
		body = page.Selection
	}
	fs := newFacts()
	for _, line := range blockTextBuilders(body.Nodes) {
		line = cleanParagraph(line)
		if isTimestampLine(line) {
			fs.timestamp(line)
			continue
		}
		if fields, ok := parseFields(line); ok {
			for _, f := range fields {
				fs.add(f)
			}
			continue
		}
		if m := pageDateLabelIndex(line); m != nil && fs.published[0] == "" {
			if d, n := quantity.DatePrefix(line[m[1]:], 0); n > 0 {
				fs.published[0] = chromeDay(d)
			}
		}
	}
	if doc.PublishDate == "" {
		doc.PublishDate = fs.publishDate()
	}
	if doc.Publisher == "" {
		doc.Publisher = fs.publisher()
	}
	for k, v := range fs.meta {
		if doc.Meta == nil {
			doc.Meta = map[string]string{}
		}
		if _, ok := doc.Meta[k]; !ok {
			doc.Meta[k] = v
		}
	}

	page.Find(dropSelector).Remove()
	container := findContainerQueries(page, body)
	finish(doc, blockTextBuilders(container.Nodes), removeGlosses(strong))
	doc.Tables = htmlTables(container.Nodes)
	if doc.Title == "" && looksLikeTitle(weak) {
		doc.Title = removeGlosses(weak)
	}
	if len(doc.Paragraphs) == 0 && doc.Title == "" {
		return nil, fmt.Errorf("网页中没有正文")
	}
	return doc, nil
}

// findContainerQueries is findContainer as it was first written.
func findContainerQueries(page *goquery.Document, body *goquery.Selection) *goquery.Selection {
	for _, sel := range containerSelectors {
		var best *goquery.Selection
		bestLen := 0
		page.Find(sel).Each(func(_ int, s *goquery.Selection) {
			if n := utf8.RuneCountInString(strings.TrimSpace(s.Text())); n > bestLen {
				best, bestLen = s, n
			}
		})
		if best != nil && bestLen >= minContainerRunes {
			return best
		}
	}
	if len(body.Nodes) == 0 {
		return body
	}
	if n := densestBlock(body.Nodes[0]); n != nil {
		return goquery.NewDocumentFromNode(n).Selection
	}
	return body
}

// The element sets of blockTextBuilders, as the maps they first were.
var (
	breakAtomSet = map[atom.Atom]bool{
		atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Tr: true, atom.Table: true,
		atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
		atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
		atom.Section: true, atom.Article: true, atom.Main: true, atom.Aside: true, atom.Blockquote: true,
		atom.Pre: true, atom.Center: true, atom.Hr: true, atom.Header: true, atom.Footer: true,
		atom.Nav: true, atom.Form: true, atom.Address: true, atom.Figure: true, atom.Figcaption: true,
		atom.Caption: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Body: true,
		atom.Fieldset: true, atom.Legend: true, atom.Details: true, atom.Summary: true,
	}
	cellAtomSet = map[atom.Atom]bool{atom.Td: true, atom.Th: true}
	skipAtomSet = map[atom.Atom]bool{
		atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Head: true,
		atom.Title: true, atom.Select: true, atom.Option: true, atom.Textarea: true, atom.Svg: true,
	}
)

// blockTextBuilders is blockText as it was first written.
func blockTextBuilders(nodes []*html.Node) []string {
	var (
		paras []string
		cur   strings.Builder
	)
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			paras = append(paras, s)
		}
		cur.Reset()
	}
	type item struct {
		n     *html.Node
		close bool // after the element's children
		pre   bool
	}
	var stack []item
	for i := len(nodes) - 1; i >= 0; i-- {
		stack = append(stack, item{n: nodes[i]})
	}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := it.n
		if it.close {
			if breakAtomSet[n.DataAtom] {
				flush()
			} else if cellAtomSet[n.DataAtom] {
				cur.WriteByte(' ')
			}
			continue
		}
		switch n.Type {
		case html.TextNode:
			if it.pre {
				for i, line := range strings.Split(n.Data, "\n") {
					if i > 0 {
						flush()
					}
					cur.WriteString(line)
				}
			} else {
				cur.WriteString(collapseSpaceRunes(n.Data))
			}
			continue
		case html.ElementNode:
			if skipAtomSet[n.DataAtom] {
				continue
			}
			if breakAtomSet[n.DataAtom] {
				flush()
			}
		case html.CommentNode, html.DoctypeNode:
			continue
		}
		pre := it.pre || n.DataAtom == atom.Pre
		stack = append(stack, item{n: n, close: true, pre: pre})
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, item{n: c, pre: pre})
		}
	}
	flush()
	return paras
}

// collapseSpaceRunes is collapseSpace as it was first written, rune by rune.
func collapseSpaceRunes(s string) string {
	if !strings.ContainsAny(s, "\n\t\r\f") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// agreePages returns HTML pages to read both ways: the corpora's HTML inputs (decoded), 60
// generated pages, and every line of the corpora set in a page of each kind of container
// (one container, two of one selector, a container too short, no container).
func agreePages(t *testing.T) []string {
	t.Helper()
	var pages []string
	for _, data := range corpusFiles(t) {
		if text, _, err := decode(data, charsetHint(data)); err == nil && isHTML("a.html", text) {
			pages = append(pages, text)
		}
	}
	for _, d := range gen.Generate(120, 5) {
		if d.Format == "html" {
			text, _, err := decode(d.Data, charsetHint(d.Data))
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, text)
		}
	}
	for i, l := range corpusLines(t) {
		if !utf8.ValidString(l) {
			continue // decode gives readHTML valid UTF-8 only
		}
		switch i % 4 {
		case 0:
			pages = append(pages, fmt.Sprintf("<html><head><title>%s_网</title></head><body><nav>首页</nav><div class=\"x TRS_Editor\">\n  <p>%s</p><table><tr><td> %s </td><td>甲</td></tr></table></div></body></html>", l, l, l))
		case 1:
			pages = append(pages, fmt.Sprintf("<body><h1>%s</h1><div id=zoom>%s</div><div id=zoom><pre>%s\n乙</pre></div><script>x</script></body>", l, l, l))
		case 2:
			pages = append(pages, fmt.Sprintf("<div class=TRS_Editor>短</div><div id=content><p>%s<br>%s</p><form><div class=TRS_Editor>%s</div></form></div>", l, l, l))
		default:
			pages = append(pages, fmt.Sprintf("<meta name=ArticleTitle content=\"%s\"><div><p>  %s  </p><p><a>%s</a></p></div>", html.EscapeString(l), l, l))
		}
	}
	return pages
}

// checkReadHTML asserts that readHTML and readHTMLQueries read page alike, and that blockText,
// trimmedRunes and collapseSpace agree with their references on every element of its tree.
func checkReadHTML(t *testing.T, page string) {
	t.Helper()
	got, gotErr := readHTML(page, EncUTF8)
	want, wantErr := readHTMLQueries(page, EncUTF8)
	if (gotErr == nil) != (wantErr == nil) || !reflect.DeepEqual(got, want) {
		t.Fatalf("readHTML(%.300q) = %+v, %v\nfirst written: %+v, %v", page, got, gotErr, want, wantErr)
	}
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			if got, want := collapseSpace(n.Data), collapseSpaceRunes(n.Data); got != want {
				t.Fatalf("collapseSpace(%q) = %q, want %q", n.Data, got, want)
			}
		}
		if n.Type == html.ElementNode {
			nodes := []*html.Node{n}
			if got, want := blockText(nodes), blockTextBuilders(nodes); !reflect.DeepEqual(got, want) {
				t.Fatalf("blockText(<%s>) = %q, want %q", n.Data, got, want)
			}
			want := utf8.RuneCountInString(strings.TrimSpace(nodeText(n)))
			if got := trimmedRunes(n, math.MaxInt); got != want {
				t.Fatalf("trimmedRunes(<%s>) = %d, want %d", n.Data, got, want)
			}
			if got := trimmedRunes(n, minContainerRunes); got != want && (want < minContainerRunes || got < minContainerRunes) {
				t.Fatalf("trimmedRunes(<%s>, %d) = %d, want %d", n.Data, minContainerRunes, got, want)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
}

// TestReadHTMLAgrees reads every page of agreePages with readHTML and readHTMLQueries.
func TestReadHTMLAgrees(t *testing.T) {
	pages := agreePages(t)
	if len(pages) < 1000 {
		t.Fatalf("%d pages: the check shows little", len(pages))
	}
	for _, p := range pages {
		checkReadHTML(t, p)
	}
	t.Logf("%d pages", len(pages))
}

func FuzzReadHTMLAgrees(f *testing.F) {
	f.Add("<div class=TRS_Editor>根据市委统一部署，市委第一巡察组对局党组进行了巡察。</div>")
	f.Add("<body>\n <p> 甲\t乙 </p><pre>丙\n丁</pre><td>戊</td><title>通报</title><h1>关于整改情况的通报</h1></body>")
	f.Add("<template><meta name=PubDate content=2024-01-02><h1>x</h1></template><nav><div id=zoom>" + strings.Repeat("字", 40) + "</div></nav><div id=content>" + strings.Repeat("文", 31) + "</div>")
	trs, err := os.ReadFile(filepath.Join(fixtureDir, "trs-editor.html"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(trs))
	f.Fuzz(func(t *testing.T, page string) {
		if !utf8.ValidString(page) {
			return // decode gives readHTML valid UTF-8 only
		}
		checkReadHTML(t, page)
	})
}

// checkTagAtoms asserts tagAtom against atom.Lookup of the tokenizer's TagName on every tag of
// page, and estimateDepth against a count made with TagName.
func checkTagAtoms(t *testing.T, page string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(page))
	var stack []atom.Atom
	deepest := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken && tt != html.EndTagToken {
			continue
		}
		raw := append([]byte(nil), z.Raw()...)
		got := tagAtom(raw, tt == html.EndTagToken)
		name, _ := z.TagName()
		want := atom.Lookup(name)
		if got != want {
			t.Fatalf("tagAtom(%q) = %v, TagName %q: %v", raw, got, name, want)
		}
		if tt == html.EndTagToken {
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == want {
					stack = stack[:i]
					break
				}
			}
			continue
		}
		stack = closeFor(stack, want, nil)
		if !voidAtoms[want] {
			stack = append(stack, want)
			deepest = max(deepest, len(stack))
		}
	}
	if got := estimateDepth(page); got != deepest {
		t.Fatalf("estimateDepth(%.200q) = %d, with TagName %d", page, got, deepest)
	}
}

// TestTagAtoms checks tagAtom and estimateDepth on every page of agreePages, and on tags in
// upper case, with NUL bytes, too long for any atom and cut short.
func TestTagAtoms(t *testing.T) {
	pages := append(agreePages(t),
		"<DIV CLASS=a><P>甲</p></Div><BR/><Table><TR><td>乙</TD></tr></TABLE>",
		"<di\x00v><p\x00>x</di\x00v></p\x00>",
		"<"+strings.Repeat("a", 25)+"><"+strings.Repeat("b", 40)+">x</"+strings.Repeat("a", 25)+">",
		"<onbeforeunload><allowpaymentrequest></allowpaymentrequest>",
		"<div", "</div", "<div/", "<p\t\f\r\nclass=x>y",
	)
	for _, p := range pages {
		checkTagAtoms(t, p)
	}
}

func FuzzTagAtoms(f *testing.F) {
	f.Add("<DIV CLASS=a><P>甲</p></Div><BR/><Table><TR><td>乙</TD></tr></TABLE>")
	f.Add("<di\x00v><script>x</SCRIPT><textarea></textarea><p/ ><")
	f.Fuzz(func(t *testing.T, page string) { checkTagAtoms(t, page) })
}
