// Package problem finds the problems a bulletin raises — quoted frames (针对“…”问题, through
// package quote), unquoted headings and labelled ledger blocks (问题：… 整改措施：…) — with
// their measures (一是…二是…), status, department, person and deadline.
package problem

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/quantity"
	"github.com/xuncha/xuncha/internal/quote"
	"github.com/xuncha/xuncha/internal/runes"
)

// Problems. A bulletin states its problems in one of these forms, all read here:
//
//   - a frame in a body paragraph: 针对“…”问题。一是…；二是… (the seed), the measures after it;
//   - a heading frame: 1.关于“…”问题整改情况 (a topic), （一）关于“…”方面 (a category),
//     （1）关于“…”; a heading with no problem under it is itself a problem (gold 004) and the body
//     paragraphs under it are its measures;
//   - an unquoted heading: （一）关于少数领导干部不守政治规矩的问题。 (Problem.Text);
//   - a labelled block: 问题：… 整改措施：… 整改进展：… 责任单位：… 责任人：… 整改时限：…
//
// Headings that frame problems form a tree through the section levels; for each problem the
// innermost enclosing heading with a 问题 frame is its Topic and the next one out its Category
// (a 方面 heading is always a Category).
//
// A frame that names several quotes (针对“甲”“乙”等问题, 针对“甲”问题、“乙”问题) gives one problem
// per quote, each with the measures that follow the frame. A frame in a paragraph the header
// stage read as declared totals is still a problem. 整改情况：… after a problem is its measures
// (and its status, read from them) unless the value is a status alone (整改情况：已完成).

// closingCues mark a paragraph that ends the problems part: measures never run into it.
var closingCues = []string{
	"欢迎广大", // 欢迎广大干部群众对巡察整改落实情况进行监督
	"联系电话", // 联系电话：0431-…
	"邮政信箱", // 邮政信箱：…
	"电子邮箱", // 电子邮箱：…
	"监督电话", // 监督电话：…
}

// genericEnds end the text of an unquoted 关于…问题 heading that names no problem but the
// inspection's findings as a whole or a kind of them: 关于巡察反馈问题的整改情况, 关于审计查出问题的
// 整改, 关于重点领域突出问题, 关于群众反映强烈的问题.
var genericEnds = []string{
	"反馈", "指出", "发现", "查出", "交办", "移交", "存在", "有关", "相关", "以下", "上述", // 巡察反馈问题
	"重点", "突出", "共性", "个性", "主要", "具体", "遗留", "其他", "重大", "强烈", "深层次", // 重点领域突出问题
	"倾向性", "苗头性", "普遍性", "典型", "各类", "一些", "若干", "这些", // 倾向性、苗头性问题
	"整改", "巡视", "巡察", "审计", "专项", "督查", "检查", // 关于上轮巡视整改问题
	"说明", "解决", "注意", "关注", "研究", "思考", "重视", // 三、下一步需要解决的问题
}

// genericStarts open the text of an unquoted heading that names no problem: 需要重点说明的问题,
// 下一步工作中的问题, 其他问题.
var genericStarts = []string{"下一步", "需要", "值得", "今后", "其他", "其余", "有关", "相关", "上述", "以下"}

// findingCues say that the findings of an inspection are being named: in an unquoted heading
// the text after the last of them must still name a problem of its own (关于巡视反馈重点问题整改
// 落实情况 names none; 关于巡察指出的干部作风不实问题 names 干部作风不实).
var findingCues = []string{"反馈", "指出", "发现", "查出", "交办", "移交", "提出", "反映"}

// afterFindings returns body past the last finding cue and a 的 after it, or body.
func afterFindings(body string) string {
	at := -1
	for _, c := range findingCues {
		if k := strings.LastIndex(body, c); k >= 0 && k+len(c) > at {
			at = k + len(c)
		}
	}
	if at < 0 {
		return body
	}
	return strings.TrimPrefix(body[at:], "的")
}

// measureVerbs open a heading that names what was done, not a problem, even when it ends with
// 问题: （一）着力解决群众急难愁盼问题, （二）聚焦突出问题. Only headings without 关于 are checked.
var measureVerbs = []string{
	"解决", "着力", "聚焦", "整治", "坚决", "推动", "加强", "狠抓", "深入", "切实", "认真", "集中",
	"持续", "扎实", "全力", "突出", "针对", "围绕", "抓好", "抓实", "破解", "查处", "纠正", "整改",
	"坚持", "强化", "立足", "紧盯", "聚力", "做好", "严肃", "彻底", "全面", "以", "对", "把", "从",
	"深化", "健全", "完善", "建立", "压实", "推进", "巩固", "提升", "提高", "增强", "着眼", "注重", // （二）深化源头治理问题
	"防范", "化解", "治理", "根治", "补齐", "堵塞", "扭转", "直面", "正视", "敢于", "勇于", "举一反三",
	"标本兼治", "建章立制", "对标", "对照", "精准", "靶向", "动真碰硬", "真抓实干", "盯住", "瞄准",
}

// minUnquoted is the shortest text an unquoted problem heading may have (关于X问题 with X shorter
// is a generic heading such as 关于重点问题).
const minUnquoted = 5

// headNode is a heading that frames problems.
type headNode struct {
	para   int
	level  int
	kind   quote.Kind // frameProblem or frameAspect
	aspect bool       // its suffix names an aspect (方面, 方面的问题): a category when it is a container
	name   string     // the quote as in the source, or the unquoted text
	more   []string   // the other quotes of a heading that names several: 1.关于“甲”和“乙”问题
	quoted bool
	status string // from a parenthesis after the heading's frame: 1.关于“…”问题（已完成）
	parent *headNode
	// container is set when a problem or another framing heading sits under this one.
	container bool
	// the statement ends here: measures start at rest in paragraph restPara.
	restPara, rest int
}

// candidate is a problem found, before IDs are given.
type candidate struct {
	para, pos      int // where the statement starts: paragraph and rune offset
	restPara, rest int // where the text after the statement starts
	quote, text    string
	more           []string  // the other quotes of its frame (针对“甲”“乙”等问题): problems of their own
	node           *headNode // the heading that is the problem, for heading problems
	head           *headNode // the innermost framing heading enclosing it
	block          *labelBlock
	status         string // from a parenthesis right after the statement
	spans          []int  // paragraphs the statement covers (a quote across a line break)
	span           [1]int // the room of spans for a statement in one paragraph (onlySpan)
}

// onlySpan returns spans of the one paragraph i, in the candidate's own room.
func (c *candidate) onlySpan(i int) []int {
	c.span[0] = i
	return c.span[:1]
}

// quotesOf returns the first quote of the closed frame f and the others (f.Quotes), cut by cut;
// a frame of one quote needs no slice for them.
func quotesOf(f quote.Frame, cut func(a, b int) string) (string, []string) {
	if len(f.Parts) == 0 {
		return cut(f.Open+1, f.Close), nil
	}
	qs := f.Quotes(cut)
	return qs[0], qs[1:]
}

// labelBlock is one labelled problem with its fields as written. It is used through a pointer
// only: its slices start in its own room.
type labelBlock struct {
	fields [numFields][]labelValue // by field
	last   labelField
	paras  []int // the paragraphs its labels and values sit in
	// firsts and paraRoom are the room of the first value of each field and of the first
	// paragraphs: a block of one value a field needs no allocation of its own for them.
	firsts   [numFields][1]labelValue
	paraRoom [8]int
}

// labelValue is one field value and the paragraph it sits in.
type labelValue struct {
	text string
	para int
}

// problemScan holds the state of Extract over one bulletin.
type problemScan struct {
	b     *bulletin.Bulletin
	paras []paraScan // by paragraph position
	cands []*candidate
	nodes []*headNode
	// arena holds the folded runes of the paragraphs runesOf has decoded, one after another, so
	// that a bulletin's paragraphs take one allocation between them, not one each.
	arena []rune
	sc    scratch // the buffers of measure reading
	// labels holds the labels of the paragraph the scan is at (see labelsFrom).
	labels []labelAt
	// spans holds foldAll's spans, a paragraph each.
	spans []foldSpan
	// found, stack: the candidates frames finds in a paragraph, the open sections of scan.
	found []*candidate
	stack []entry
	// candSlab and nodeSlab hold the candidates and framing headings of the scan, a chunk of
	// them an allocation (see newCandidate).
	candSlab []candidate
	nodeSlab []headNode
	// fs holds the frames quote.AppendScan finds in a paragraph frames or headingNode reads.
	fs []quote.Frame
}

// paraScan is what the scan keeps of one paragraph.
type paraScan struct {
	section *bulletin.Section // the section it heads (nil: none)
	folded  string            // fold.String of its text
	runes   []rune            // its folded runes, built on demand (see runesOf)
	walker  runeWalker        // the cutter of its original text (see cutter)
	level   int               // the level of the section it sits in (99: none)
	// resume is the rune offset where scanning it starts (a quote from the paragraph before may
	// have closed inside it).
	resume int
	// unclosed is the rune offset of a frame in it whose quote never closes, when hasUnclosed:
	// measures stop there, since a problem statement (cut short) starts there.
	unclosed    int
	hasUnclosed bool
	// bodyText caches what isBody reads from its text, which never changes: 0 not read yet, 1
	// text body may sit in, 2 a closing cue or the signature.
	bodyText int8
	// dateLine caches signatureDate of its text: 0 not read yet, 1 yes, 2 no.
	dateLine int8
}

// scanPool keeps the buffers of a finished scan for the next one: nothing of them is left in
// what ExtractFolded returns.
var scanPool = sync.Pool{New: func() any { return new(problemScan) }}

// unclosedAt returns the rune offset of the unclosed frame of paragraph i, if it has one.
func (x *problemScan) unclosedAt(i int) (int, bool) {
	return x.paras[i].unclosed, x.paras[i].hasUnclosed
}

// Extract fills b.Problems from b.Paragraphs and b.Sections, sets the problem and measure
// roles and Paragraph.Problem, and adds quote warnings.
func Extract(b *bulletin.Bulletin) {
	ExtractFolded(b)
}

// Folded is the text of a paragraph and fold.String of it.
type Folded struct {
	Text, Folded string
}

// ExtractFolded is Extract, and returns the paragraph texts it read, by position, each with
// its folded form, so that a later stage folds no paragraph again whose text is still the same.
func ExtractFolded(b *bulletin.Bulletin) []Folded {
	x := scanPool.Get().(*problemScan)
	defer x.release()
	x.b = b
	x.paras = make([]paraScan, len(b.Paragraphs)) // fresh: zeroed memory costs less than clearing
	// A section names its heading by Paragraph.Index; the indexes are the positions unless a
	// caller renumbered, and only then is a map from index to position built.
	identity := true
	for i, p := range b.Paragraphs {
		identity = identity && p.Index == i
	}
	var pos map[int]int // Paragraph.Index -> position in b.Paragraphs
	if !identity {
		pos = make(map[int]int, len(b.Paragraphs))
		for i, p := range b.Paragraphs {
			pos[p.Index] = i
		}
	}
	for i := range b.Sections {
		s := &b.Sections[i]
		k, ok := s.Paragraph, s.Paragraph >= 0 && s.Paragraph < len(b.Paragraphs)
		if !identity {
			k, ok = pos[s.Paragraph]
		}
		if ok {
			x.paras[k].section = s
		}
	}
	x.foldAll()
	seen := make([]Folded, len(b.Paragraphs))
	for i, p := range b.Paragraphs {
		seen[i] = Folded{Text: p.Text, Folded: x.paras[i].folded}
	}
	x.scan()
	x.finish()
	x.mergeLedgers() // ledger.go: tables whose header names a problem column
	for i := range b.Problems {
		if b.Problems[i].Status != "" {
			b.Problems[i].StatusFrom = bulletin.StatusStated
		}
	}
	FromHeadings(b)
	return seen
}

// foldAll sets the folded text of every paragraph, fold.String of its text. The texts folding
// changes are written into one buffer, which their folded forms are cut from: one allocation
// for the bulletin, not one for each of them.
func (x *problemScan) foldAll() {
	x.spans = slices.Grow(x.spans[:0], len(x.b.Paragraphs))[:len(x.b.Paragraphs)]
	size := 0
	for i, p := range x.b.Paragraphs {
		q := &x.spans[i]
		q.unchanged = fold.Unchanged(p.Text)
		if q.unchanged < len(p.Text) {
			size += len(p.Text) + 8 // the room fold.String makes
		}
	}
	var buf strings.Builder
	buf.Grow(size)
	for i, p := range x.b.Paragraphs {
		if q := &x.spans[i]; q.unchanged < len(p.Text) {
			q.at = buf.Len()
			fold.WriteFrom(&buf, p.Text, q.unchanged)
			q.end = buf.Len()
		}
	}
	all := buf.String()
	for i, p := range x.b.Paragraphs {
		x.paras[i].folded = p.Text
		if q := x.spans[i]; q.unchanged < len(p.Text) {
			x.paras[i].folded = all[q.at:q.end]
		}
	}
}

// foldSpan is where foldAll put the folded form of a paragraph text: unchanged is the length
// of the prefix of the text folding leaves as it is; where that is not all of it, the folded
// form is [at:end] of foldAll's buffer.
type foldSpan struct{ unchanged, at, end int }

// release empties the scan's buffers, keeping their room, and puts it back in scanPool. The
// strings and pointers the buffers still hold are overwritten by the next scan (the pool drops
// what it keeps at the next collections).
func (x *problemScan) release() {
	x.sc.reset()
	// The room a very long text took is not kept for the next scan.
	if cap(x.arena) > 4*arenaChunk {
		x.arena = nil
	}
	if cap(x.sc.runes) > 4*arenaChunk {
		x.sc.runes = nil
	}
	*x = problemScan{cands: x.cands[:0], nodes: x.nodes[:0], arena: x.arena[:0], sc: x.sc, labels: x.labels[:0], fs: x.fs[:0], spans: x.spans[:0],
		found: x.found[:0], stack: x.stack[:0], candSlab: x.candSlab[:0], nodeSlab: x.nodeSlab[:0]}
	scanPool.Put(x)
}

// newCandidate returns a pointer to a copy of c in the scan's slab of candidates: they live as
// long as the scan, and a chunk of them is one allocation. A full chunk is left to the
// candidates in it, and a new one started.
func (x *problemScan) newCandidate(c candidate) *candidate {
	if len(x.candSlab) == cap(x.candSlab) {
		x.candSlab = make([]candidate, 0, max(32, 2*cap(x.candSlab)))
	}
	x.candSlab = append(x.candSlab, c)
	return &x.candSlab[len(x.candSlab)-1]
}

// newNode is newCandidate for framing headings.
func (x *problemScan) newNode(n headNode) *headNode {
	if len(x.nodeSlab) == cap(x.nodeSlab) {
		x.nodeSlab = make([]headNode, 0, max(32, 2*cap(x.nodeSlab)))
	}
	x.nodeSlab = append(x.nodeSlab, n)
	return &x.nodeSlab[len(x.nodeSlab)-1]
}

// arenaChunk is the most runes a new arena takes beyond what the paragraph in hand needs.
const arenaChunk = 1 << 16

// runesOf returns the folded runes of paragraph i, decoded into the arena the first time.
func (x *problemScan) runesOf(i int) []rune {
	p := &x.paras[i]
	if p.runes == nil {
		n := len(p.folded) // room enough: no rune is shorter than a byte
		if n > arenaChunk {
			n = runes.Count(p.folded) // a long text: its exact rune count (folded text is valid)
		}
		if cap(x.arena)-len(x.arena) < n {
			// A new arena; the runes already decoded keep the old one.
			x.arena = make([]rune, 0, max(n, min(2*cap(x.arena)+1024, arenaChunk)))
		}
		start := len(x.arena)
		x.arena = runes.Append(x.arena, p.folded)
		p.runes = x.arena[start:len(x.arena):len(x.arena)]
	}
	return p.runes
}

// cutter returns the cutter of paragraph i's original text: the cut of its rune walker, which
// keeps its place between cuts (see runeCutter).
func (x *problemScan) cutter(i int) func(a, b int) string {
	w := &x.paras[i].walker
	if w.s == "" {
		w.s = x.b.Paragraphs[i].Text
	}
	return w.cut
}

// isHeading reports whether paragraph i is a heading.
func (x *problemScan) isHeading(i int) bool {
	return x.b.Paragraphs[i].Role == bulletin.RoleHeading
}

// isBody reports whether paragraph i is body text problems and measures may sit in: a paragraph
// no other stage has claimed (header, totals, closing, contact) and no closing cue marks.
func (x *problemScan) isBody(i int) bool {
	switch x.b.Paragraphs[i].Role {
	case bulletin.RoleOther, "", bulletin.RoleProblem, bulletin.RoleMeasure:
	default:
		return false
	}
	if x.paras[i].bodyText == 0 {
		x.paras[i].bodyText = 1
		if x.closing(i) || x.isSignature(i) {
			x.paras[i].bodyText = 2
		}
	}
	return x.paras[i].bodyText == 1
}

// closing reports whether a closing cue marks paragraph i.
func (x *problemScan) closing(i int) bool {
	return hasClosingCue(x.paras[i].folded)
}

// hasClosingCue reports whether s contains one of closingCues, as strings.Contains of each
// would, in one pass: the cues are tried only where the three bytes that open one of them stand.
// Every cue opens with a three-byte character, so a whole three-byte character is stepped over
// at once: no cue starts on its continuation bytes. Any other byte is stepped over alone.
func hasClosingCue(s string) bool {
	for i := 0; i+cueMinLen <= len(s); {
		c := s[i]
		if c < 0xE0 || c >= 0xF0 {
			i++
			continue
		}
		b1, b2 := s[i+1], s[i+2]
		if cueOpen[0][c] && cueOpen[1][b1] && cueOpen[2][b2] {
			for _, c := range closingCues {
				if strings.HasPrefix(s[i:], c) {
					return true
				}
			}
		}
		if b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			i += 3
		} else {
			i++
		}
	}
	return false
}

// cueMinLen is the length in bytes of the shortest closing cue.
var cueMinLen = func() int {
	n := len(closingCues[0])
	for _, c := range closingCues {
		n = min(n, len(c))
	}
	return n
}()

// cueOpen holds the three bytes of the first character of the closing cues, a bit each.
var cueOpen = func() (t [3][256]bool) {
	for _, c := range closingCues {
		if len(c) < 3 || c[0] < 0xE0 || c[0] >= 0xF0 {
			panic("problem: a closing cue must open with a three-byte character: " + c)
		}
		t[0][c[0]], t[1][c[1]], t[2][c[2]] = true, true, true
	}
	return t
}()

// signatureDate reports whether paragraph text s is only a day, as the signature (落款) of a
// bulletin ends: 2023年8月24日, 二〇二三年八月二十四日, 2023-08-24 (read by quantity.ParseDate).
func signatureDate(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) > 48 || s == "" {
		return false // longer than any written day: not read
	}
	d, ok := quantity.ParseDate(s, 0)
	return ok && d.Precision == quantity.PrecDay && d.End == "" && !d.Inferred
}

// isSignature reports whether paragraph i is the signature at the end of a bulletin: its date
// line, or a short line without punctuation (the signing organisation) right before it.
func (x *problemScan) isSignature(i int) bool {
	if x.isDateLine(i) {
		return true
	}
	if i+1 >= len(x.b.Paragraphs) || !x.isDateLine(i+1) {
		return false
	}
	t := x.b.Paragraphs[i].Text
	return len([]rune(t)) <= 30 && !strings.ContainsAny(t, "，。；：,;:")
}

// isDateLine is signatureDate of paragraph i's text, read once.
func (x *problemScan) isDateLine(i int) bool {
	if x.paras[i].dateLine == 0 {
		x.paras[i].dateLine = 2
		if signatureDate(x.b.Paragraphs[i].Text) {
			x.paras[i].dateLine = 1
		}
	}
	return x.paras[i].dateLine == 1
}

// entry is one open section of the scan: its level and the framing heading it is (or nil).
type entry struct {
	level int
	node  *headNode
}

// scan walks the paragraphs once: it builds the tree of framing headings and collects the
// candidates of body frames and labelled blocks.
func (x *problemScan) scan() {
	stack := x.stack[:0]
	defer func() { x.stack = stack[:0] }()
	innermost := func() *headNode {
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].node != nil {
				return stack[k].node
			}
		}
		return nil
	}
	var block *labelBlock
	current := 99 // the level of the section the walk is in
	for i := range x.b.Paragraphs {
		x.paras[i].level = current
		if x.isHeading(i) {
			level := 1
			if s := x.paras[i].section; s != nil && s.Level > 0 {
				level = s.Level
			}
			current = level
			x.paras[i].level = level
			for len(stack) > 0 && stack[len(stack)-1].level >= level {
				stack = stack[:len(stack)-1]
			}
			start := x.titleStart(i)
			// A labelled block may open in a heading: （一）问题：…
			if ls := x.labelsFrom(i, start); len(ls) > 0 && ls[0].start == 0 && ls[0].field == fieldProblem {
				block = x.labelled(i, start, ls, innermost(), nil)
				stack = append(stack, entry{level, nil})
				continue
			}
			block = nil
			n := x.headingNode(i, start)
			if n != nil {
				n.level = level
				n.parent = innermost()
				for a := n.parent; a != nil; a = a.parent {
					a.container = true
				}
				x.nodes = append(x.nodes, n)
			}
			stack = append(stack, entry{level, n})
			continue
		}
		if !x.isBody(i) {
			block = nil
			if x.b.Paragraphs[i].Role == bulletin.RoleTotals {
				// A count does not make a frame less of a problem: 针对“…”问题，对上轮巡察反馈
				// 的18个问题逐一开展“回头看”。 is read as totals by the header stage.
				x.frames(i, innermost())
			}
			continue
		}
		head := innermost()
		if ls := x.labelsFrom(i, 0); hasProblemLabel(ls) || (block != nil && len(ls) > 0) {
			block = x.labelled(i, 0, ls, head, block)
			continue
		}
		found := x.frames(i, head)
		if block != nil && len(found) == 0 {
			// An unlabelled paragraph carries on the block's last field.
			block.add(block.last, strings.TrimSpace(x.b.Paragraphs[i].Text), i)
			continue
		}
		block = nil
	}
}

// labelsFrom returns the labels of paragraph i from rune offset start on (findLabels of its
// runes from there), in x.labels. A paragraph where mayLabel finds no label before a colon has
// none, and is not turned into runes to find that out.
func (x *problemScan) labelsFrom(i, start int) []labelAt {
	if !mayLabel(x.paras[i].folded) {
		return nil
	}
	x.labels = appendLabels(x.labels[:0], x.runesOf(i)[start:])
	return x.labels
}

// hasProblemLabel reports whether ls holds a problem label.
func hasProblemLabel(ls []labelAt) bool {
	for _, l := range ls {
		if l.field == fieldProblem {
			return true
		}
	}
	return false
}

// frames collects the candidates of the body frames in paragraph i (scanned from its resume
// offset) and returns them.
func (x *problemScan) frames(i int, head *headNode) []*candidate {
	if !quote.MayOpen(x.paras[i].folded) {
		return nil // no quotation mark, no frame: the paragraph is not turned into runes
	}
	rs := x.runesOf(i)
	from := x.paras[i].resume
	out := x.found[:0]
	defer func() { x.found = out }()
	x.fs = quote.AppendScan(x.fs[:0], rs[from:], false)
	for _, f := range x.fs {
		f = shiftFrame(f, from)
		if f.Close < 0 {
			c := x.across(i, f, head, false)
			if c == nil {
				x.paras[i].unclosed, x.paras[i].hasUnclosed = f.Intro, true
				x.warn("quote_unclosed", i, "quotation after %s opens but never closes: %s", x.cutter(i)(f.Intro, f.Open), excerpt(x.b.Paragraphs[i].Text, f.Open))
				break
			}
			out = append(out, c)
			break
		}
		if f.Kind != quote.Problem || f.IntroWord == "在" {
			continue
		}
		if quote.IndexWord(rs[f.Close:f.End], "方面") >= 0 {
			// 针对巡视反馈的“党的领导弱化”方面问题 in prose names a category of problems (a
			// summary); only a heading makes a 方面的问题 frame a problem, when nothing is under it.
			continue
		}
		if f.Unbalanced {
			x.warn("quote_unbalanced", i, "quotation marks do not pair up inside %s", excerpt(x.b.Paragraphs[i].Text, f.Open))
		}
		if f.Listed && len(out) > 0 {
			// 针对“甲”问题、“乙”问题，…: one statement of two problems, the measures after both.
			c := out[len(out)-1]
			c.more = append(c.more, f.Quotes(x.cutter(i))...)
			c.rest = quote.After(rs, f.End)
			c.status, c.rest = x.statusAfter(i, c.rest)
			continue
		}
		q, more := quotesOf(f, x.cutter(i))
		c := x.newCandidate(candidate{para: i, pos: f.Intro, quote: q, more: more, head: head, restPara: i})
		c.spans = c.onlySpan(i)
		c.rest = quote.After(rs, f.End)
		c.status, c.rest = x.statusAfter(i, c.rest)
		out = append(out, c)
	}
	for _, c := range out {
		x.add(c)
	}
	return out
}

// maxSpan is the most paragraphs a quotation may run over (line breaks inside a quote).
const maxSpan = 3

// across tries to close the frame f of paragraph i in the paragraphs after it (a quote across
// line breaks, at most maxSpan paragraphs and maxQuote runes). The quote is the parts joined with
// newlines.
func (x *problemScan) across(i int, f quote.Frame, head *headNode, heading bool) *candidate {
	folded, orig := x.paras[i].folded, x.b.Paragraphs[i].Text
	spans := []int{i}
	start := 0 // rune offset of the last paragraph in the joined text
	for j := i + 1; j < len(x.b.Paragraphs) && j < i+maxSpan; j++ {
		if x.isHeading(j) || !x.isBody(j) {
			return nil
		}
		start += len(x.runesOf(j-1)) + 1
		if start-f.Open > quote.MaxLen {
			return nil
		}
		folded += "\n" + x.paras[j].folded
		orig += "\n" + x.b.Paragraphs[j].Text
		spans = append(spans, j)
		joined := runes.Of(folded)
		g := quote.CloseAt(joined, f.Intro, f.Open, heading)
		switch {
		case g.Close < 0:
			continue // still open: try one more paragraph
		case g.Close < start || g.Kind != quote.Problem:
			return nil
		}
		q, more := quotesOf(g, runeCutter(orig))
		c := x.newCandidate(candidate{para: i, pos: f.Intro, quote: q, more: more, head: head, restPara: j, spans: spans})
		c.rest = quote.After(joined, g.End) - start
		c.status, c.rest = x.statusAfter(j, c.rest)
		x.paras[j].resume = c.rest
		if g.Unbalanced {
			x.warn("quote_unbalanced", i, "quotation marks do not pair up inside %s", excerpt(x.b.Paragraphs[i].Text, f.Open))
		}
		return c
	}
	return nil
}

// statusAfter reads a parenthesised status at rune offset at of paragraph i ((已完成)) and
// returns it with the offset past it and its separators.
func (x *problemScan) statusAfter(i, at int) (string, int) {
	rs := x.runesOf(i)
	if at < 0 || at >= len(rs) || !opensParen(rs[at]) {
		return "", at
	}
	// The folded runes of the 20 at at, as parenStatus would fold them from the original.
	st, w := parenStatusRunes(rs[at:min(at+20, len(rs))])
	if w == 0 {
		return "", at
	}
	k := at + w
	for k < len(rs) && quote.IsSeparator(rs[k]) && !quote.IsOpenBracket(rs[k]) {
		k++
	}
	return st, k
}

func shiftFrame(f quote.Frame, by int) quote.Frame {
	f.Intro += by
	f.Open += by
	if f.Close >= 0 {
		f.Close += by
	}
	f.End += by
	return f
}

// add records a candidate and marks the headings above it as containers.
func (x *problemScan) add(c *candidate) {
	x.cands = append(x.cands, c)
	for a := c.head; a != nil; a = a.parent {
		a.container = true
	}
}

// titleStart returns the rune offset where the title of heading paragraph i starts, past its
// marker and spaces.
func (x *problemScan) titleStart(i int) int {
	rs := x.runesOf(i)
	k := 0
	for k < len(rs) && isSpaceRune(rs[k]) {
		k++
	}
	s := x.paras[i].section
	switch {
	case s != nil && s.Marker != "":
		if n, ok := hasFoldedPrefixAt(rs, k, s.Marker); ok {
			k += n
		} else {
			k += markerLen(rs[k:])
		}
	case s != nil && s.Title != "" && markerLen(rs[k:]) == 0:
		// No marker: the title may still sit inside markup, as a mirror site renders headings
		// (【类型:… | 标号:no | 标题:TITLE】): start where the title does.
		if at := strings.Index(x.paras[i].folded, fold.String(s.Title)); at > 0 {
			k = len([]rune(x.paras[i].folded[:at]))
		}
	default:
		k += markerLen(rs[k:])
	}
	for k < len(rs) && isSpaceRune(rs[k]) {
		k++
	}
	return k
}

// hasFoldedPrefixAt reports whether rs holds fold.String(w) at rune offset k, as
// runes.HasPrefixAt(rs, k, fold.String(w)) does, and returns its length in runes; w is folded
// rune by rune as it is read, not into a string.
func hasFoldedPrefixAt(rs []rune, k int, w string) (int, bool) {
	if k < 0 {
		return 0, false
	}
	n := 0
	for _, r := range w {
		if k+n >= len(rs) || rs[k+n] != fold.Rune(r) {
			return 0, false
		}
		n++
	}
	return n, true
}

// markerLen returns the length of a heading marker at the start of folded rs: 一、 (一) 1. 1、
// (1) ①, or 0.
func markerLen(rs []rune) int {
	if len(rs) == 0 {
		return 0
	}
	if rs[0] >= '①' && rs[0] <= '⑳' {
		return 1
	}
	if rs[0] == '(' {
		for k := 1; k < len(rs) && k <= 4; k++ {
			if rs[k] == ')' {
				if k > 1 {
					return k + 1
				}
				return 0
			}
			if !isDigit(rs[k]) && !isChineseDigit(rs[k]) {
				return 0
			}
		}
		return 0
	}
	k := 0
	for k < len(rs) && k < 4 && (isDigit(rs[k]) || isChineseDigit(rs[k])) {
		k++
	}
	if k > 0 && k < len(rs) && (rs[k] == '、' || rs[k] == '.' || rs[k] == '．') {
		if rs[k] == '.' && k+1 < len(rs) && isDigit(rs[k+1]) {
			return 0
		}
		return k + 1
	}
	return 0
}

// headingNode reads a framing heading: 1.关于“…”问题整改情况, （一）关于“…”方面, （1）关于“…”,
// “…”问题 right after the marker, or an unquoted 关于…问题 heading. It returns nil for any other
// heading.
func (x *problemScan) headingNode(i, start int) *headNode {
	rs := x.runesOf(i)
	title := rs[start:]
	var f quote.Frame
	var listed []quote.Frame // 1.关于“甲”问题、“乙”问题的整改: the frames listed after the first
	switch {
	case len(title) > 0 && quote.Opens(title[0]):
		f = quote.CloseAt(title, 0, 0, true)
	default:
		x.fs = quote.AppendScan(x.fs[:0], title, true)
		fs := x.fs
		if len(fs) == 0 || fs[0].Intro != 0 {
			return x.unquotedNode(i, start)
		}
		f = fs[0]
		for _, g := range fs[1:] {
			if !g.Listed {
				break
			}
			listed = append(listed, shiftFrame(g, start))
		}
	}
	f = shiftFrame(f, start)
	if f.Close < 0 {
		// A quote across a line break in a heading: 1.关于“… / …”问题的整改
		if c := x.across(i, f, nil, true); c != nil {
			return x.newNode(headNode{para: i, kind: quote.Problem, name: c.quote, more: c.more, quoted: true, restPara: c.restPara, rest: c.rest, status: c.status})
		}
		x.warn("quote_unclosed", i, "quotation in heading opens but never closes: %s", excerpt(x.b.Paragraphs[i].Text, f.Open))
		return nil
	}
	if f.Kind == quote.Other {
		return nil
	}
	if f.Unbalanced {
		x.warn("quote_unbalanced", i, "quotation marks do not pair up inside %s", excerpt(x.b.Paragraphs[i].Text, f.Open))
	}
	q, more := quotesOf(f, x.cutter(i))
	aspect := f.Kind == quote.Aspect || quote.IndexWord(rs[f.Close:f.End], "方面") >= 0
	for _, g := range listed {
		more = append(more, g.Quotes(x.cutter(i))...)
		f.End = g.End
	}
	n := x.newNode(headNode{para: i, kind: f.Kind, name: q, more: more, quoted: true, restPara: i, aspect: aspect})
	n.rest = quote.After(rs, f.End)
	n.status, n.rest = x.statusAfter(i, n.rest)
	return n
}

// unquotedNode reads an unquoted framing heading: 关于少数领导干部不守政治规矩的问题。 (a problem
// or a topic) or 关于党的建设方面 (a category).
func (x *problemScan) unquotedNode(i, start int) *headNode {
	rs := x.runesOf(i)
	bare := !runes.HasPrefixAt(rs, start, "关于") // 1.部分项目预算执行率偏低问题。 (audit reports)
	a := start
	if !bare {
		a += 2
	}
	b := len(rs)
	for b > a && (quote.IsSeparator(rs[b-1])) {
		b--
	}
	if slices.ContainsFunc(rs[a:b], func(r rune) bool { return r == '。' || r == '；' || r == ';' }) {
		return nil // a run-in heading with more after it: not a plain 关于…问题 title
	}
	trim := func(suffixes ...string) bool {
		for _, s := range suffixes {
			if n := len([]rune(s)); b-n >= a && runes.HasPrefixAt(rs, b-n, s) {
				b -= n
				return true
			}
		}
		return false
	}
	trim("的整改落实情况", "整改落实情况", "的整改情况", "整改情况", "的整改", "整改")
	kind, aspect := quote.Problem, false
	switch {
	case bare:
		if !trim("问题") {
			return nil
		}
		trim("的", "等")
		for _, v := range measureVerbs {
			if runes.HasPrefixAt(rs, a, v) {
				return nil // （一）着力解决群众急难愁盼问题 heads measures, not a problem
			}
		}
		if slices.ContainsFunc(rs[a:b], func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
			return nil // （二）深化以案促改，解决体制机制问题: a slogan, not a problem's name
		}
		if trim("方面存在", "方面") {
			kind, aspect = quote.Aspect, true // 1.预算执行方面的问题: a category
		}
	case trim("方面的问题", "方面问题", "方面存在的问题", "方面"):
		// 关于党的建设方面的问题 names an area, not a problem: a category even with nothing under
		// it (a quoted 1.关于“…”方面的问题 is read by headingNode, where a leaf is a problem).
		kind, aspect = quote.Aspect, true
	case trim("问题"):
		trim("的", "等")
	default:
		return nil
	}
	if b-a < minUnquoted && kind == quote.Problem || b-a < 2 {
		return nil // 关于党建方面 is a category; 关于重点问题 names no problem
	}
	body := string(rs[a:b])
	for _, g := range genericEnds {
		if strings.HasSuffix(strings.TrimSuffix(body, "的"), g) {
			return nil
		}
	}
	if rest := afterFindings(body); rest != body && len([]rune(rest)) < minUnquoted {
		return nil // 关于巡视反馈重点问题: what is left names no problem
	}
	for _, g := range genericStarts {
		if strings.HasPrefix(body, g) {
			return nil
		}
	}
	if strings.ContainsAny(body, "“”\"") {
		return nil
	}
	cut := x.cutter(i)
	return x.newNode(headNode{para: i, kind: kind, aspect: aspect, name: cut(a, b), restPara: i, rest: len(rs)})
}

// labelled reads the labels ls of paragraph i from rune offset start (labelsFrom, offsets from
// start) into blocks: a problem label opens a new block (a new candidate), the other labels fill
// the current one. It returns the block open at the end of the paragraph.
func (x *problemScan) labelled(i, start int, ls []labelAt, head *headNode, block *labelBlock) *labelBlock {
	text := x.b.Paragraphs[i].Text
	rs := x.runesOf(i)
	cut := runeCutter(text)
	for k := range ls {
		ls[k].start += start
		ls[k].value += start
	}
	if len(ls) == 0 {
		return block
	}
	if block != nil && ls[0].start > start {
		block.add(block.last, strings.TrimSpace(cut(start, ls[0].start)), i)
	}
	for k, l := range ls {
		end := len(rs)
		if k+1 < len(ls) {
			end = ls[k+1].start
		}
		value := trimValue(cut(l.value, end), l.field)
		if l.field == fieldProblem {
			block = &labelBlock{}
			c := x.newCandidate(candidate{para: i, pos: l.start, text: value, head: head, block: block, restPara: i, rest: len(rs)})
			c.spans = c.onlySpan(i)
			// A quoted problem inside the label: 问题：针对“…”问题 or 问题：“…”
			vr := rs[l.value:end]
			fs := quote.Scan(vr, true)
			if len(vr) > 0 && quote.Opens(vr[0]) {
				fs = []quote.Frame{quote.CloseAt(vr, 0, 0, true)}
			}
			if len(fs) > 0 && fs[0].Intro == 0 && fs[0].Close >= 0 && fs[0].Kind == quote.Problem {
				from := l.value
				c.quote, c.more = quotesOf(fs[0], func(a, b int) string { return cut(from+a, from+b) })
			}
			x.add(c)
		}
		if block != nil {
			block.add(resolveReport(l.field, value), value, i)
		}
	}
	return block
}

// add appends a field value to the block.
func (lb *labelBlock) add(f labelField, text string, para int) {
	lb.last = f
	if len(lb.paras) == 0 || lb.paras[len(lb.paras)-1] != para {
		if lb.paras == nil {
			lb.paras = lb.paraRoom[:0]
		}
		lb.paras = append(lb.paras, para)
	}
	if text == "" {
		return
	}
	if f == fieldProblem && len(lb.fields[f]) > 0 {
		// The problem text carried on into another paragraph: one text.
		v := &lb.fields[f][len(lb.fields[f])-1]
		v.text += "\n" + text
		return
	}
	if lb.fields[f] == nil {
		lb.fields[f] = lb.firsts[f][:0]
	}
	lb.fields[f] = append(lb.fields[f], labelValue{text, para})
}

// finish turns the candidates and the leaf framing headings into problems, in order, and gives
// them their topic, category, measures and status.
func (x *problemScan) finish() {
	for _, n := range x.nodes {
		if n.container || n.kind != quote.Problem {
			continue
		}
		c := x.newCandidate(candidate{para: n.para, pos: 0, node: n, head: n.parent, restPara: n.restPara, rest: n.rest, status: n.status})
		c.spans = c.onlySpan(n.para)
		if n.quoted {
			c.quote, c.more = n.name, n.more
		} else {
			c.text = n.name
		}
		if n.restPara != n.para {
			c.spans = append(c.spans, n.restPara)
		}
		x.cands = append(x.cands, c)
	}
	slices.SortStableFunc(x.cands, func(ca, cb *candidate) int {
		if ca.para != cb.para {
			return cmp.Compare(ca.para, cb.para)
		}
		return cmp.Compare(ca.pos, cb.pos)
	})
	problems := make([]bulletin.Problem, 0, len(x.cands))
	for k, c := range x.cands {
		p := bulletin.Problem{
			ID:        problemID(len(problems) + 1),
			Section:   x.sectionOf(c.para),
			Quote:     c.quote,
			Text:      c.text,
			Paragraph: c.para,
			Measures:  []bulletin.Measure{},
			Metrics:   []bulletin.Metric{},
			Orgs:      []string{},
			Keywords:  []bulletin.Keyword{},
		}
		if c.quote != "" {
			p.Text = ""
		}
		p.Topic, p.Category = topicOf(c)
		for _, i := range c.spans {
			x.claim(i, p.ID, bulletin.RoleProblem)
		}
		var next *candidate
		if k+1 < len(x.cands) {
			next = x.cands[k+1]
		}
		if c.block != nil {
			x.fromBlock(&p, c.block)
		} else {
			x.measures(&p, c, next)
		}
		problems = append(problems, p)
		// The other quotes of the frame are problems of their own, with the same measures: the
		// bulletin answers them together.
		for _, q := range c.more {
			o := p
			o.ID = problemID(len(problems) + 1)
			o.Quote = q
			if c.node != nil && o.Topic == c.node.name {
				o.Topic = q
			}
			o.Measures = append([]bulletin.Measure{}, p.Measures...)
			o.Metrics, o.Orgs, o.Keywords = []bulletin.Metric{}, []string{}, []bulletin.Keyword{}
			problems = append(problems, o)
		}
	}
	// Positions in b.Paragraphs become paragraph indexes (the same unless a caller renumbered).
	for k := range problems {
		p := &problems[k]
		p.Paragraph = x.b.Paragraphs[p.Paragraph].Index
		for j := range p.Measures {
			p.Measures[j].Paragraph = x.b.Paragraphs[p.Measures[j].Paragraph].Index
		}
	}
	x.b.Problems = problems
}

// problemIDs are the IDs of the first problems, P1 to P128, made once.
var problemIDs = func() []string {
	ids := make([]string, 128)
	for k := range ids {
		ids[k] = "P" + strconv.Itoa(k+1)
	}
	return ids
}()

// problemID returns the ID of the nth problem (from 1): "P" and n.
func problemID(n int) string {
	if n >= 1 && n <= len(problemIDs) {
		return problemIDs[n-1]
	}
	return "P" + strconv.Itoa(n)
}

// topicOf names the topic and category of a candidate from its enclosing framing headings:
// the innermost is the topic unless it names an aspect (方面), the next one out the category.
func topicOf(c *candidate) (topic, category string) {
	first := true
	if c.node != nil {
		// A topic heading that is itself the problem: it is its own topic.
		topic, first = c.node.name, false
	}
	for a := c.head; a != nil; a = a.parent {
		if first && !a.aspect {
			topic = a.name
			first = false
			continue
		}
		first = false
		if category == "" {
			category = a.name
		}
	}
	return topic, category
}

// sectionOf returns the section paragraph i sits in.
func (x *problemScan) sectionOf(i int) string {
	if s := x.b.Paragraphs[i].Section; s != "" {
		return s
	}
	id, at := "", -1
	for _, s := range x.b.Sections {
		if s.Paragraph <= i && s.Paragraph > at {
			id, at = s.ID, s.Paragraph
		}
	}
	return id
}

// claim sets the role and problem of paragraph i unless another problem has it. Headings keep
// their role.
func (x *problemScan) claim(i int, id, role string) {
	p := &x.b.Paragraphs[i]
	if p.Problem == "" {
		p.Problem = id
	}
	switch p.Role {
	case bulletin.RoleOther, "", bulletin.RoleMeasure:
		if p.Problem == id {
			p.Role = role
		}
	}
}

// measures collects the measures of a frame or heading problem: the text after its statement up
// to the next problem, and the paragraphs after it up to the next problem or a heading at its own
// level or above. A deeper plain heading under it — （1）加强学习 — is one numbered measure, and
// the body paragraphs under that heading belong to that measure. Ledger labels in the measure
// text (完成情况：, 责任单位：…) fill the problem's status and responsibility.
func (x *problemScan) measures(p *bulletin.Problem, c, next *candidate) {
	parts := x.sc.parts[:0]
	defer func() { x.sc.parts = parts[:0] }()
	rs := x.runesOf(c.restPara)
	end := len(rs)
	if next != nil && next.para == c.restPara {
		end = trailingItemMarker(rs[:next.pos]) // …；二是针对“乙”问题: 二是 opens the next one
	}
	if u, ok := x.unclosedAt(c.restPara); ok && u >= c.rest && u < end {
		end = u
	}
	if c.rest < end {
		parts = append(parts, x.part(c.restPara, c.rest, end))
	}
	level := x.levelOf(c.para)
	if c.node != nil {
		level = c.node.level
	}
	for j := c.restPara + 1; j < len(x.b.Paragraphs); j++ {
		if next != nil && j >= next.para {
			break
		}
		if x.isHeading(j) {
			s := x.paras[j].section
			if s == nil || s.Level <= level {
				break
			}
			title := x.cutter(j)(x.titleStart(j), len(x.runesOf(j)))
			parts = append(parts, measurePart{text: title, para: j, heading: true, ordinal: markerOrdinal(fold.String(s.Marker))})
			continue
		}
		if !x.isBody(j) {
			break
		}
		if u, ok := x.unclosedAt(j); ok {
			if u > 0 {
				parts = append(parts, x.part(j, 0, u))
			}
			break
		}
		parts = append(parts, measurePart{text: x.b.Paragraphs[j].Text, folded: x.paras[j].folded, para: j})
	}
	fields := &x.sc.fields // emptied for each problem
	*fields = labelBlock{}
	underHeading := -1 // index in ms of the measure a deeper heading opened
	paren := c.status
	prose := x.sc.prose[:0] // the folded measure texts, for a status stated in prose
	defer func() { x.sc.prose = prose[:0] }()
	ms := x.sc.measures[:0] // p.Measures, copied out at the end at its size
	for _, part := range parts {
		if strings.TrimSpace(part.text) == "" {
			continue
		}
		if part.heading {
			x.claim(part.para, p.ID, bulletin.RoleHeading)
			ms = append(ms, bulletin.Measure{Ordinal: part.ordinal, Text: strings.TrimSpace(part.text), Paragraph: part.para})
			underHeading = len(ms) - 1
			continue
		}
		x.claim(part.para, p.ID, bulletin.RoleMeasure)
		if st := inlineParenStatus(part.folded); st != "" {
			paren = st
		}
		plain := x.sc.splitFields(part.text, part.folded, part.para, fields)
		for _, t := range plain {
			prose = append(prose, t.folded)
		}
		if underHeading >= 0 {
			m := &ms[underHeading]
			for _, t := range plain {
				m.Text = joinMeasure(m.Text, t.text, m.Paragraph == part.para-1 && endsSentence(m.Text))
			}
			continue
		}
		for _, t := range plain {
			ms = x.sc.appendMeasures(ms, t.text, t.folded, part.para)
		}
	}
	if len(ms) > 0 {
		p.Measures = append(p.Measures, ms...)
	}
	x.sc.measures = ms[:0]
	p.Department = joinValues(fields, fieldDepartment)
	p.Person = joinValues(fields, fieldPerson)
	p.Deadline = joinValues(fields, fieldDeadline)
	switch progress := joinValues(fields, fieldProgress); {
	case progress != "" && statusOf(progress, true) != "":
		p.Status = statusOf(progress, true)
	case paren != "":
		p.Status = paren
	default:
		p.Status = statusOfFolded(strings.Join(prose, "\n"), false)
	}
}

// trailingItemMarker returns len(rs), or the start of an item marker (二是, 三要) that ends rs
// after a boundary: the marker belongs to what follows rs.
func trailingItemMarker(rs []rune) int {
	end := len(rs)
	for end > 0 && isSpaceRune(rs[end-1]) {
		end--
	}
	if end < 2 {
		return len(rs)
	}
	verb := rs[end-1]
	isVerb := false
	for _, v := range itemVerbs {
		isVerb = isVerb || v.verb == verb
	}
	if !isVerb {
		return len(rs)
	}
	for k := end - 2; k >= 0 && end-1-k <= 3; k-- {
		if n, w := chineseOrdinal(rs[k : end-1]); n > 0 && w == end-1-k && (k == 0 || itemBoundary(rs[k-1])) {
			return k
		}
	}
	return len(rs)
}

// part cuts paragraph i between rune offsets a and b, original and folded.
func (x *problemScan) part(i, a, b int) measurePart {
	rs := x.runesOf(i)
	b = min(b, len(rs))
	a = min(a, b)
	// The folded text is valid UTF-8 (fold makes it so): its runes a to b are the bytes the
	// runes before them take.
	fa := byteLen(rs[:a])
	return measurePart{text: x.cutter(i)(a, b), folded: x.paras[i].folded[fa : fa+byteLen(rs[a:b])], para: i}
}

// byteLen returns the length in bytes of the UTF-8 encoding of rs.
func byteLen(rs []rune) int {
	n := 0
	for _, r := range rs {
		n += utf8.RuneLen(r)
	}
	return n
}

// measurePart is one piece of text in a problem's measure region.
type measurePart struct {
	text    string
	folded  string // fold.String(text)
	para    int
	heading bool // a deeper plain heading: one numbered measure
	ordinal int  // its marker's number
}

// joinMeasure appends a body paragraph to the measure its heading opened: directly when the
// body is the rest of a run-in heading (runIn: the paragraph right after a heading that ends
// with 。), else on a new line.
func joinMeasure(head, body string, runIn bool) string {
	body = strings.TrimSpace(body)
	switch {
	case body == "":
		return head
	case runIn:
		return head + body
	}
	return head + "\n" + body
}

// splitFields takes the ledger labels out of a measure text: the values of 完成情况, 责任单位,
// 责任人 and 整改时限 go into fields; it returns the measure texts — the text before the first
// label and the values of 整改措施 labels — in sc.plain. Text without labels comes back whole.
func (sc *scratch) splitFields(text, folded string, para int, fields *labelBlock) []foldedText {
	plain := sc.plain[:0]
	defer func() { sc.plain = plain }()
	if !mayLabel(folded) {
		// findLabels takes a label only before a colon: without one there is none, and the
		// text is not turned into runes to find that out.
		plain = append(plain, foldedText{text, folded})
		return plain
	}
	sc.decoded = false
	rs := sc.decode(folded)
	ls := appendLabels(sc.labels[:0], rs)
	sc.labels = ls
	if len(ls) == 0 {
		plain = append(plain, foldedText{text, folded})
		return plain
	}
	cut := runeCutter(text)
	if lead := strings.TrimSpace(cut(0, ls[0].start)); lead != "" {
		plain = append(plain, foldedText{lead, fold.String(lead)})
	}
	for k, l := range ls {
		end := len(rs)
		if k+1 < len(ls) {
			end = ls[k+1].start
		}
		v := trimValue(cut(l.value, end), l.field)
		switch f := resolveReport(l.field, v); f {
		case fieldMeasures, fieldProblem:
			if v != "" {
				plain = append(plain, foldedText{v, fold.String(v)})
			}
		default:
			fields.add(f, v, para)
		}
	}
	return plain
}

// foldedText is a text and its folding.
type foldedText struct{ text, folded string }

// joinValues joins the values of one field.
func joinValues(lb *labelBlock, f labelField) string {
	var s []string
	for _, v := range lb.fields[f] {
		s = append(s, v.text)
	}
	return strings.Join(s, "；")
}

// levelOf returns the level of the section paragraph i sits in (99 when it sits in none, so
// that any heading ends what follows it).
func (x *problemScan) levelOf(i int) int { return x.paras[i].level }

// markerOrdinal reads the number of a heading marker: （1） 1. ① （一） -> 1; 0 when it has none.
func markerOrdinal(marker string) int {
	rs := []rune(strings.Trim(marker, "()（）、.．[]【】 "))
	if len(rs) == 1 && rs[0] >= '①' && rs[0] <= '⑳' {
		return int(rs[0]-'①') + 1
	}
	if n, w := asciiNumber(rs); w > 0 && w == len(rs) {
		return n
	}
	if n, w := chineseOrdinal(rs); w > 0 && w == len(rs) {
		return n
	}
	return 0
}

// fromBlock fills a labelled problem from its block.
func (x *problemScan) fromBlock(p *bulletin.Problem, lb *labelBlock) {
	join := func(f labelField) string { return joinValues(lb, f) }
	if v := lb.fields[fieldProblem]; len(v) > 0 && p.Quote == "" {
		p.Text = strings.TrimRight(v[0].text, "。；;，, ") // the statement, as a quote would hold it
	}
	ms := x.sc.measures[:0] // p.Measures, copied out at its size
	for _, v := range lb.fields[fieldMeasures] {
		ms = x.sc.appendMeasures(ms, v.text, fold.String(v.text), v.para)
	}
	if len(ms) > 0 {
		p.Measures = append(p.Measures, ms...)
	}
	x.sc.measures = ms[:0]
	for _, i := range lb.paras {
		x.claim(i, p.ID, bulletin.RoleMeasure) // the problem's own paragraph is claimed already
	}
	p.Department = join(fieldDepartment)
	p.Person = join(fieldPerson)
	p.Deadline = join(fieldDeadline)
	if progress := join(fieldProgress); progress != "" {
		p.Status = statusOf(progress, true)
	}
	if p.Status == "" {
		var all []string
		for _, m := range p.Measures {
			all = append(all, m.Text)
		}
		p.Status = statusOf(strings.Join(all, "\n"), false)
	}
}

// measuresOf splits one measure text: 一是… items (or 一要… items, see itemVerbs; with the text
// before them as an unnumbered measure unless it only introduces them with a colon), else an
// inline numbered list, else the whole text as one unnumbered measure. An empty item (a 三是 cut
// off by the end of an excerpt) is no measure.
func measuresOf(text, folded string, para int) []bulletin.Measure {
	return appendMeasures(nil, text, folded, para)
}

// appendMeasures appends the measures of one measure text (see measuresOf) to dst.
func appendMeasures(dst []bulletin.Measure, text, folded string, para int) []bulletin.Measure {
	var sc scratch
	return sc.appendMeasures(dst, text, folded, para)
}

// appendMeasures is appendMeasures reading the text in sc's buffers.
func (sc *scratch) appendMeasures(dst []bulletin.Measure, text, folded string, para int) []bulletin.Measure {
	sc.decoded = false
	var marks []itemMarker
	n := 0
	for _, v := range itemVerbs {
		if marks, n = sc.itemMarks(folded, v.verb, v.min); marks != nil {
			break
		}
	}
	if marks == nil {
		marks, n = sc.listMarks(folded)
	}
	if marks == nil {
		if lead := strings.TrimSpace(text); lead != "" && !strings.HasSuffix(lead, "：") && !strings.HasSuffix(lead, ":") {
			dst = append(dst, bulletin.Measure{Ordinal: 0, Text: lead, Paragraph: para})
		}
		return dst
	}
	var w runeWalker // the marks are in order: one walk over text finds every offset
	w.s = text
	if lead := strings.TrimSpace(w.cut(0, marks[0].start)); lead != "" && !strings.HasSuffix(lead, "：") && !strings.HasSuffix(lead, ":") {
		dst = append(dst, bulletin.Measure{Ordinal: 0, Text: lead, Paragraph: para})
	}
	for k, m := range marks {
		end := n
		if k+1 < len(marks) {
			end = marks[k+1].start
		}
		if t := strings.TrimSpace(w.cut(m.end, end)); t != "" { // 三是 cut off by the end of an excerpt: no measure
			dst = append(dst, bulletin.Measure{Ordinal: m.ordinal, Text: t, Paragraph: para})
		}
	}
	return dst
}

// inlineParenStatus returns the last parenthesised status in folded text: …落实。(已完成)
func inlineParenStatus(folded string) string {
	st := ""
	for k := 0; k < len(folded); k++ {
		switch folded[k] {
		case '(', '[':
		default:
			if !strings.HasPrefix(folded[k:], "【") {
				continue
			}
		}
		if s, _ := parenStatus(folded[k:min(k+64, len(folded))]); s != "" {
			st = s
		}
	}
	return st
}

// warn adds a warning about paragraph i.
func (x *problemScan) warn(code string, i int, format string, args ...any) {
	x.b.Warnings = append(x.b.Warnings, bulletin.Warning{Code: code, Message: fmt.Sprintf(format, args...), Paragraph: x.b.Paragraphs[i].Index})
}

// excerpt returns up to 24 runes of s from rune offset at, for messages.
func excerpt(s string, at int) string {
	rs := []rune(s)
	if at < 0 || at > len(rs) {
		at = 0
	}
	end := min(at+24, len(rs))
	e := string(rs[at:end])
	if end < len(rs) {
		e += "…"
	}
	return e
}

// trimValue trims a label value: spaces and the separator before the next label (；，), and for
// the short fields (department, person, deadline) a final 。 too.
func trimValue(v string, f labelField) string {
	v = strings.TrimRight(strings.TrimSpace(v), "；;，, ")
	switch f {
	case fieldDepartment, fieldPerson, fieldDeadline:
		v = strings.TrimRight(v, "。. ")
	}
	return strings.TrimSpace(v)
}
