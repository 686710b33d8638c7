package ingest

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/xuncha/xuncha/internal/quantity"
)

// maxHTMLDepth bounds element nesting before parsing. x/net/html refuses a page with more than
// 512 open elements ("open stack of elements exceeds 512 nodes"), so a page nested 100,000 deep
// would be lost; tags nested deeper than this are dropped instead and their text kept.
const maxHTMLDepth = 256

// containerSelectors find the article body of government CMS pages, most specific first.
var containerSelectors = []string{
	".TRS_Editor",      // TRS WCM (most provincial and city sites)
	".TRS_UEDITOR",     // TRS with UEditor
	"#zoom",            // zoom box of many county sites
	"#Zoom",            //
	".article-content", // generic CMS
	"#UCAP-CONTENT",    // Kaipu UCAP
	".pages_content",   // gov.cn
	".article_content", //
	".news_content",    //
	".content_text",    //
	".detail-content",  //
	"#article",         //
	".wzxq",            // 文章详情
	"#content",         // last: often wraps sidebars too
}

// minContainerRunes is the least text a container must hold to be taken as the body.
const minContainerRunes = 30

// dropSelector removes what is never body text.
const dropSelector = "script,style,noscript,nav,header,footer,form,iframe,select,button,input,textarea,svg,template,object,embed,canvas,audio,video,map"

// removeSelector is what readHTML removes before it reads the page facts; dropSelector is
// removed after them, before the body is looked for.
const removeSelector = "script,style,noscript,template"

// pageElements finds, in one pass of goquery over a parsed page, every element readHTML looks
// at: meta, h1, title and body, what removeSelector and dropSelector remove, and the containers
// of containerSelectors. The selectors are compiled once, not on every page.
var pageElements = newPageMatcher()

// pageMatcher is a goquery.Matcher for pageElements. An element matches when its name is one of
// the tag selectors' (tags) or when it has a class or an id and one of the container selectors
// (compiled by goquery as its Find compiles them) matches it.
type pageMatcher struct {
	tags       map[string]bool
	containers []goquery.Matcher // containerSelectors, in order
}

func newPageMatcher() pageMatcher {
	m := pageMatcher{tags: map[string]bool{}}
	for _, t := range strings.Split("meta,h1,title,body,"+removeSelector+","+dropSelector, ",") {
		m.tags[t] = true
	}
	for _, sel := range containerSelectors {
		m.containers = append(m.containers, goquery.Single(sel)) // Single alters MatchAll only
	}
	return m
}

// Match reports whether n is an element readHTML looks at.
func (m pageMatcher) Match(n *html.Node) bool {
	return n.Type == html.ElementNode && (m.tags[n.Data] || m.isContainer(n))
}

// isContainer reports whether a container selector matches n: each needs a class or an id.
func (m pageMatcher) isContainer(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" {
			for _, sel := range m.containers {
				if sel.Match(n) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// MatchAll returns n and its descendants that match, in document order.
func (m pageMatcher) MatchAll(n *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if m.Match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// Filter returns the nodes that match.
func (m pageMatcher) Filter(nodes []*html.Node) []*html.Node {
	var out []*html.Node
	for _, n := range nodes {
		if m.Match(n) {
			out = append(out, n)
		}
	}
	return out
}

// readHTML reads an HTML page: body from a CMS container or the densest block, title, publish
// date, publisher and page facts from meta tags and the page's chrome lines. The elements it
// looks at are found in one pass (pageElements) and taken in the order the page's reading needs
// them: the meta tags from the whole page; h1, title, body once removeSelector's elements are
// removed; the containers once dropSelector's are removed too. text is decode's output, valid
// UTF-8, and so is every string of the tree: the tokenizer cuts text at ASCII bytes, and decodes
// entities to valid characters.
func readHTML(text, enc string) (*Document, error) {
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
	found := page.FindMatcher(pageElements).Nodes
	doc := &Document{Format: FormatHTML, Encoding: enc}

	metas := map[string]string{} // lower-cased name/property/itemprop -> content, first wins
	for _, m := range found {
		if m.Data != "meta" {
			continue
		}
		content, ok := attr(m, "content")
		if !ok {
			continue
		}
		for _, a := range []string{"name", "property", "itemprop"} {
			if key, ok := attr(m, a); ok {
				key = strings.ToLower(strings.TrimSpace(key))
				if _, seen := metas[key]; !seen {
					metas[key] = content
				}
			}
		}
	}
	metaContent := func(names ...string) string {
		for _, n := range names {
			if v := cleanParagraph(collapseSpace(metas[strings.ToLower(n)])); v != "" {
				return v
			}
		}
		return ""
	}
	removeTags(found, removeSelector)

	// Strong title from the page's own metadata; weak title from <title> when nothing else.
	var h1, title *html.Node
	var bodyNodes []*html.Node
	for _, n := range found {
		switch n.Data {
		case "h1", "title", "body":
			if !attached(n, root) {
				continue
			}
		default:
			continue
		}
		switch {
		case n.Data == "h1" && h1 == nil:
			h1 = n
		case n.Data == "title" && title == nil:
			title = n
		case n.Data == "body":
			bodyNodes = append(bodyNodes, n)
		}
	}
	h1Text := cleanParagraph(collapseSpace(nodeText(h1)))
	strong := metaContent("ArticleTitle", "og:title", "twitter:title")
	if strong == "" && endsLikeTitle(h1Text) {
		strong = h1Text
	}
	weak := stripSiteSuffix(cleanParagraph(collapseSpace(nodeText(title))))
	if weak == "" {
		weak = h1Text
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
	if len(bodyNodes) == 0 {
		bodyNodes = page.Nodes
	}
	fs := newFacts()
	for _, line := range blockText(bodyNodes) {
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
	// The lines share one string of the page's whole text (blockText): what is kept is copied.
	if doc.PublishDate == "" {
		doc.PublishDate = fs.publishDate()
	}
	if doc.Publisher == "" {
		doc.Publisher = strings.Clone(fs.publisher())
	}
	for k, v := range fs.meta {
		if doc.Meta == nil {
			doc.Meta = map[string]string{}
		}
		if _, ok := doc.Meta[k]; !ok {
			doc.Meta[k] = strings.Clone(v)
		}
	}

	removeTags(found, dropSelector)
	container := findContainer(root, found, bodyNodes)
	finish(doc, blockText(container), removeGlosses(strong))
	doc.Tables = htmlTables(container)
	if doc.Title == "" && looksLikeTitle(weak) {
		doc.Title = removeGlosses(weak)
	}
	if len(doc.Paragraphs) == 0 && doc.Title == "" {
		return nil, fmt.Errorf("网页中没有正文")
	}
	return doc, nil
}

// removeTags removes from the page the elements of found whose names a tag selector list
// (removeSelector, dropSelector) names, as goquery's Find(selectors).Remove() does.
func removeTags(found []*html.Node, selectors string) {
	for _, n := range found {
		if n.Parent != nil && hasTag(selectors, n.Data) {
			n.Parent.RemoveChild(n)
		}
	}
}

// hasTag reports whether the comma-separated list of tag names holds name.
func hasTag(list, name string) bool {
	for list != "" {
		var t string
		t, list, _ = strings.Cut(list, ",")
		if t == name {
			return true
		}
	}
	return false
}

// attached reports whether n is still in the page whose root is root (not removed with an
// ancestor).
func attached(n, root *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == root {
			return true
		}
	}
	return false
}

// attr is goquery's Selection.Attr for one node: the value of the first attribute named key.
func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// nodeText is goquery's Selection.Text for one node (nil: ""): the text of its text nodes, in
// order, as written.
func nodeText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// looksLikeTitle accepts a <title> or <h1> as the bulletin's title only when it reads like one,
// not like a site name ("青禾市交通运输局").
func looksLikeTitle(t string) bool {
	return endsLikeTitle(t) || strings.ContainsAny(t, "整巡审") && strings.Contains(t, "关于")
}

// pageDateLabel finds the label of a publish date inside a longer page line:
// …发布时间：2023-01-06…; the date after it is read by quantity.DatePrefix.
var pageDateLabel = regexp.MustCompile(`(?:发布时间|发布日期)\s*[:：]\s*`)

// mayPageDateLabel reports whether line may hold a match of pageDateLabel. It is exact: both
// labels (发布时间, 发布日期) begin with 发布.
func mayPageDateLabel(line string) bool { return strings.Contains(line, "发布") }

// pageDateLabelIndex is pageDateLabel.FindStringIndex(line), run only where it may match: it is
// asked of every line of a page's body.
func pageDateLabelIndex(line string) []int {
	if !mayPageDateLabel(line) {
		return nil
	}
	return pageDateLabel.FindStringIndex(line)
}

// siteSeparator splits a <title> into the article title and the site's suffixes.
var siteSeparator = regexp.MustCompile(`\s*(?:[_|｜]|\s[-－—–]+\s|——|--)\s*`)

// stripSiteSuffix keeps the article part of a <title>: "关于…的通报_巡视整改_上海纪检监察网"
// -> "关于…的通报". A hyphen between digits (2021-2022年度) does not split.
func stripSiteSuffix(t string) string {
	parts := siteSeparator.Split(t, -1)
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		return ""
	}
	// A plain hyphen without spaces, not between digits: "关于…通报-XX网".
	first := kept[0]
	if i := strings.LastIndex(first, "-"); i > 0 && i < len(first)-1 {
		before, after := first[i-1], first[i+1]
		if !(before >= '0' && before <= '9' && after >= '0' && after <= '9') && utf8.RuneCountInString(first[:i]) >= 6 {
			first = first[:i]
		}
	}
	if utf8.RuneCountInString(first) < 6 {
		longest := first
		for _, p := range kept[1:] {
			if utf8.RuneCountInString(p) > utf8.RuneCountInString(longest) {
				longest = p
			}
		}
		return longest
	}
	return first
}

// findContainer picks the article body: the first CMS container with enough text, else the
// block with the highest text-density score, else the body. found is the page's pageElements;
// the containers among them still in the page are measured by trimmedRunes, which counts
// characters without building the text, and stops at minContainerRunes where a selector has
// one container only (its count is then only compared with that).
func findContainer(root *html.Node, found, body []*html.Node) []*html.Node {
	var cands, matched []*html.Node
	for _, n := range found {
		if pageElements.isContainer(n) && attached(n, root) {
			cands = append(cands, n)
		}
	}
	for _, sel := range pageElements.containers {
		matched = matched[:0]
		for _, n := range cands {
			if sel.Match(n) {
				matched = append(matched, n)
			}
		}
		limit := math.MaxInt
		if len(matched) == 1 {
			limit = minContainerRunes
		}
		var best *html.Node
		bestLen := 0
		for _, n := range matched {
			if c := trimmedRunes(n, limit); c > bestLen {
				best, bestLen = n, c
			}
		}
		if best != nil && bestLen >= minContainerRunes {
			return []*html.Node{best}
		}
	}
	if len(body) == 0 {
		return body
	}
	if n := densestBlock(body[0]); n != nil {
		return []*html.Node{n}
	}
	return body
}

// trimmedRunes is utf8.RuneCountInString(strings.TrimSpace(nodeText(n))), counted over the text
// nodes one by one: the characters of all, less the spaces before the first other character and
// after the last. The text is valid UTF-8 (see readHTML), so the counts of the nodes add up.
// The count only grows from node to node: it stops once it reaches limit, and is then at least
// limit.
func trimmedRunes(n *html.Node, limit int) int {
	total, lead, trail := 0, 0, 0
	seen := false // a character that is not a space
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			s := n.Data
			c := utf8.RuneCountInString(s)
			total += c
			if !seen {
				rest := strings.TrimLeftFunc(s, unicode.IsSpace)
				lead += c - utf8.RuneCountInString(rest)
				seen = rest != ""
			}
			if t := strings.TrimRightFunc(s, unicode.IsSpace); t == "" {
				trail += c
			} else {
				trail = utf8.RuneCountInString(s[len(t):])
			}
			if seen && total-lead-trail >= limit {
				return false
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	walk(n)
	if !seen {
		return 0
	}
	return total - lead - trail
}

// densestBlock scores block elements by the text they hold (link text counts against them),
// passing half of a block's score to its parent block and a quarter to the grandparent, as
// readability-style extractors do, and returns the best one; of blocks with the same score, the
// deepest, and of those the first scored (in the order of the text). The scores were once kept
// in a map alone and read in its order, which picked among such ties at random.
func densestBlock(root *html.Node) *html.Node {
	type block struct {
		n     *html.Node
		score float64
	}
	var blocks []block         // in the order they were first scored
	at := map[*html.Node]int{} // a block's place in blocks
	type item struct {
		n      *html.Node
		inLink bool
	}
	stack := []item{{root, false}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := it.n
		if n.Type == html.TextNode {
			runes := float64(utf8.RuneCountInString(strings.TrimSpace(n.Data)))
			if runes == 0 {
				continue
			}
			if it.inLink {
				runes = -runes
			}
			b := blockAncestor(n)
			w := 1.0
			for i := 0; b != nil && i < 3; i++ {
				k, ok := at[b]
				if !ok {
					k = len(blocks)
					at[b] = k
					blocks = append(blocks, block{n: b})
				}
				blocks[k].score += runes * w
				w /= 2
				b = blockAncestor(b)
			}
			continue
		}
		inLink := it.inLink || n.DataAtom == atom.A
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, item{c, inLink})
		}
	}
	var best *html.Node
	bestScore := 0.0
	for _, b := range blocks {
		if b.score > bestScore || b.score == bestScore && best != nil && depth(b.n) > depth(best) {
			best, bestScore = b.n, b.score
		}
	}
	if best != nil && best.DataAtom == atom.P && best.Parent != nil {
		best = best.Parent
	}
	return best
}

func depth(n *html.Node) int {
	d := 0
	for ; n != nil; n = n.Parent {
		d++
	}
	return d
}

// blockAncestor is the nearest enclosing block element of n.
func blockAncestor(n *html.Node) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && scoredBlocks[p.DataAtom] {
			return p
		}
	}
	return nil
}

var scoredBlocks = map[atom.Atom]bool{
	atom.Div: true, atom.P: true, atom.Td: true, atom.Article: true, atom.Section: true,
	atom.Main: true, atom.Body: true, atom.Blockquote: true, atom.Pre: true, atom.Li: true,
	atom.Center: true, atom.Font: false,
}

// isBreakAtom reports whether a is an element that starts and ends a paragraph. The element
// sets are switches, not maps: blockText asks about every element of a page.
func isBreakAtom(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Br, atom.Li, atom.Tr, atom.Table,
		atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Section, atom.Article, atom.Main, atom.Aside, atom.Blockquote,
		atom.Pre, atom.Center, atom.Hr, atom.Header, atom.Footer,
		atom.Nav, atom.Form, atom.Address, atom.Figure, atom.Figcaption,
		atom.Caption, atom.Tbody, atom.Thead, atom.Tfoot, atom.Body,
		atom.Fieldset, atom.Legend, atom.Details, atom.Summary:
		return true
	}
	return false
}

// isCellAtom reports whether a is a table cell: cells are separated by a space on one line.
func isCellAtom(a atom.Atom) bool { return a == atom.Td || a == atom.Th }

// isSkipAtom reports whether a is an element that holds no body text.
func isSkipAtom(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head,
		atom.Title, atom.Select, atom.Option, atom.Textarea, atom.Svg:
		return true
	}
	return false
}

// blockText renders nodes as paragraphs: block elements and <br> break paragraphs, table cells
// are separated by a space, whitespace runs of the source collapse to one space (kept as is
// inside <pre>), entities are decoded by the parser. It walks the tree by its links (child,
// sibling, parent), so it needs no stack, and writes the text into one builder, sized from the
// text nodes: the paragraphs are slices of its string.
func blockText(nodes []*html.Node) []string {
	var (
		b     strings.Builder // the text so far; the open paragraph from start
		spans []int           // paragraph k is b.String()[spans[2k]:spans[2k+1]]
		start int
	)
	b.Grow(textLen(nodes))
	flush := func() {
		p := b.String()[start:]
		lead := len(p) - len(strings.TrimLeftFunc(p, unicode.IsSpace)) // strings.TrimSpace, as offsets
		if t := strings.TrimRightFunc(p[lead:], unicode.IsSpace); t != "" {
			spans = append(spans, start+lead, start+lead+len(t))
		}
		start = b.Len()
	}
	pre := 0 // how many <pre> the walk is in
	// leave closes n after its children.
	leave := func(n *html.Node) {
		switch {
		case isBreakAtom(n.DataAtom):
			flush()
		case isCellAtom(n.DataAtom):
			b.WriteByte(' ')
		}
		if n.DataAtom == atom.Pre {
			pre--
		}
	}
	for _, root := range nodes {
		for n := root; ; {
			enter := false // read the children of n
			switch n.Type {
			case html.TextNode:
				if pre > 0 {
					for d := n.Data; ; {
						line, rest, more := strings.Cut(d, "\n")
						b.WriteString(line)
						if !more {
							break
						}
						flush()
						d = rest
					}
				} else {
					writeCollapsed(&b, n.Data)
				}
			case html.ElementNode:
				if !isSkipAtom(n.DataAtom) {
					if isBreakAtom(n.DataAtom) {
						flush()
					}
					enter = true
				}
			case html.CommentNode, html.DoctypeNode:
			default:
				enter = true
			}
			if enter {
				if n.DataAtom == atom.Pre {
					pre++
				}
				if n.FirstChild != nil {
					n = n.FirstChild
					continue
				}
				leave(n)
			}
			// On to the next sibling, leaving the elements whose last child this was.
			for n != root && n.NextSibling == nil {
				n = n.Parent
				leave(n)
			}
			if n == root {
				break
			}
			n = n.NextSibling
		}
	}
	flush()
	if len(spans) == 0 {
		return nil
	}
	all := b.String()
	paras := make([]string, len(spans)/2)
	for k := range paras {
		paras[k] = all[spans[2*k]:spans[2*k+1]]
	}
	return paras
}

// collapseSpace turns each run of ASCII whitespace into one space, as a browser renders it.
// No-break and full-width spaces are content and stay.
func collapseSpace(s string) string {
	if !needsCollapse(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	writeCollapsed(&b, s)
	return b.String()
}

// needsCollapse reports whether collapseSpace changes s: it has a whitespace character other
// than a space, or two spaces in a row.
func needsCollapse(s string) bool {
	return strings.ContainsAny(s, "\n\t\r\f") || strings.Contains(s, "  ")
}

// writeCollapsed writes collapseSpace(s) to b, a run of bytes at a time: the whitespace is
// ASCII, and s is valid UTF-8 (see readHTML).
func writeCollapsed(b *strings.Builder, s string) {
	space := false
	for i := 0; i < len(s); {
		if isCollapsible(s[i]) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			i++
			continue
		}
		j := i + 1
		for j < len(s) && !isCollapsible(s[j]) {
			j++
		}
		b.WriteString(s[i:j])
		space = false
		i = j
	}
}

// isCollapsible is the whitespace a browser collapses: ASCII space, \n, \t, \r, \f. Most
// bytes are past the space and are told at once.
func isCollapsible(c byte) bool {
	return c <= ' ' && (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f')
}

// textLen is the length in bytes of the text nodes under nodes: about what blockText writes.
func textLen(nodes []*html.Node) int {
	n := 0
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.TextNode {
			n += len(x.Data)
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, x := range nodes {
		walk(x)
	}
	return n
}

// autoClosing start tags close an open element of the same name (an unclosed <p> or <li>).
var autoClosing = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Option: true, atom.Optgroup: true, atom.Rb: true, atom.Rt: true, atom.Rp: true,
}

// closesP are block start tags that close an open <p>.
var closesP = map[atom.Atom]bool{
	atom.Div: true, atom.P: true, atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Pre: true, atom.Section: true, atom.Article: true, atom.Hr: true,
}

// limitDepth rewrites markup nested deeper than max: start and end tags beyond that depth are
// dropped (a block tag becomes <br> so paragraphs stay apart) and text is kept. Pages within the
// limit are returned unchanged. The depth is estimated with a simple stack that knows void
// elements and the tags that close an open <p> or a sibling <li>/<td>.
func limitDepth(text string, max int) string {
	if strings.Count(text, "<") <= max {
		return text
	}
	if estimateDepth(text) <= max {
		return text
	}
	var out strings.Builder
	out.Grow(len(text))
	z := html.NewTokenizer(strings.NewReader(text))
	var stack []atom.Atom
	dropped := map[int]bool{} // stack positions whose start tag was dropped
	brk := false              // a break was just written for dropped tags: one is enough
	lineBreak := func() {
		if !brk {
			out.WriteString("<br>")
			brk = true
		}
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		if tt == html.TextToken && len(bytes.TrimSpace(raw)) == 0 {
			out.Write(raw)
			continue
		}
		brk = brk && (tt == html.StartTagToken || tt == html.EndTagToken || tt == html.SelfClosingTagToken)
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken: // <div/> opens a div in HTML
			name, _ := z.TagName()
			a := atom.Lookup(name)
			stack = closeFor(stack, a, dropped)
			if voidAtoms[a] {
				out.Write(raw)
				continue
			}
			stack = append(stack, a)
			if len(stack) > max {
				dropped[len(stack)-1] = true
				if isBreakAtom(a) {
					lineBreak()
				}
				continue
			}
			brk = false
			out.Write(raw)
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			i := len(stack) - 1
			for i >= 0 && stack[i] != a {
				i--
			}
			if i < 0 {
				out.Write(raw) // stray end tag: the parser ignores it
				continue
			}
			wasDropped := dropped[i]
			for j := len(stack) - 1; j >= i; j-- {
				delete(dropped, j)
			}
			stack = stack[:i]
			if wasDropped {
				if isBreakAtom(a) {
					lineBreak()
				}
				continue
			}
			brk = false
			out.Write(raw)
		default:
			out.Write(raw)
		}
	}
	return out.String()
}

// estimateDepth is the deepest nesting limitDepth's stack sees. Each tag's element is read
// from its raw bytes (tagAtom): the tokenizer's TagName copies the name on every call.
func estimateDepth(text string) int {
	z := html.NewTokenizer(strings.NewReader(text))
	var stack []atom.Atom
	deepest := 0
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return deepest
		case html.StartTagToken, html.SelfClosingTagToken:
			a := tagAtom(z.Raw(), false)
			stack = closeFor(stack, a, nil)
			if !voidAtoms[a] {
				stack = append(stack, a)
				deepest = max(deepest, len(stack))
			}
		case html.EndTagToken:
			a := tagAtom(z.Raw(), true)
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == a {
					stack = stack[:i]
					break
				}
			}
		}
	}
}

// tagAtom is atom.Lookup of the name TagName gives for a tag token whose raw bytes are raw
// (end: an end tag, </name…>): the bytes after < or </ up to a space, / or >, with A-Z in
// lower case. A NUL byte, which TagName replaces by U+FFFD, is in no atom either way, and no
// atom is longer than tagAtomMax bytes.
func tagAtom(raw []byte, end bool) atom.Atom {
	i := 1
	if end {
		i = 2
	}
	var buf [tagAtomMax]byte
	n := 0
	for ; i < len(raw); i++ {
		c := raw[i]
		switch c {
		case ' ', '\n', '\r', '\t', '\f', '/', '>':
			return atom.Lookup(buf[:n])
		}
		if n == len(buf) {
			return 0
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return atom.Lookup(buf[:n])
}

// tagAtomMax is at least the length of the longest atom of x/net/html/atom (25 bytes).
const tagAtomMax = 32

// closeFor pops the elements a start tag a implicitly closes.
func closeFor(stack []atom.Atom, a atom.Atom, dropped map[int]bool) []atom.Atom {
	target := atom.Atom(0)
	switch {
	case autoClosing[a]:
		target = a
	case closesP[a]:
		target = atom.P
	}
	if target == 0 {
		return stack
	}
	// Only look a few levels up, as the parser's scope rules stop at most containers.
	for i := len(stack) - 1; i >= 0 && i >= len(stack)-4; i-- {
		if stack[i] == target {
			for j := len(stack) - 1; j >= i; j-- {
				delete(dropped, j)
			}
			return stack[:i]
		}
	}
	return stack
}

// voidAtoms never have children or end tags.
var voidAtoms = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true,
	atom.Track: true, atom.Wbr: true, atom.Param: true, atom.Keygen: true,
}

// flattenHTML rebuilds a page without nesting from the tokens of text: its <meta> tags, its
// <title>, and its text cut into one <p> per block (a block tag or <br> ends a paragraph);
// script and style content is dropped. It is the fallback when the tree cannot be built, so
// nothing read is lost to markup the parser refuses.
func flattenHTML(text string) string {
	var head, body, para strings.Builder
	flush := func() {
		if strings.TrimSpace(para.String()) != "" {
			body.WriteString("<p>")
			body.WriteString(para.String())
			body.WriteString("</p>\n")
		}
		para.Reset()
	}
	z := html.NewTokenizer(strings.NewReader(text))
	skip := "" // inside script or style: the end tag that ends the skip
	inTitle := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.TextToken:
			switch {
			case skip != "":
			case inTitle:
				head.WriteString(html.EscapeString(tok.Data))
			default:
				para.WriteString(html.EscapeString(tok.Data))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			switch tok.Data {
			case "script", "style", "noscript", "template":
				if tt == html.StartTagToken {
					skip = tok.Data
				}
			case "meta":
				head.WriteString(tok.String())
			case "title":
				inTitle = tt == html.StartTagToken
				head.WriteString("<title>")
			default:
				if flatBreaks[tok.Data] {
					flush()
				}
			}
		case html.EndTagToken:
			switch {
			case tok.Data == skip:
				skip = ""
			case tok.Data == "title" && inTitle:
				inTitle = false
				head.WriteString("</title>")
			case flatBreaks[tok.Data]:
				flush()
			}
		}
	}
	flush()
	if inTitle {
		head.WriteString("</title>")
	}
	return "<html><head>" + head.String() + "</head><body>" + body.String() + "</body></html>"
}

// flatBreaks are the tags that end a paragraph in flattenHTML.
var flatBreaks = map[string]bool{
	"p": true, "div": true, "br": true, "tr": true, "li": true, "td": true, "th": true,
	"table": true, "section": true, "article": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "ul": true, "ol": true, "dd": true, "dt": true,
	"blockquote": true, "pre": true, "center": true,
}
