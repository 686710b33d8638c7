package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/responses"
	"github.com/klippa-app/go-pdfium/structs"
	"github.com/klippa-app/go-pdfium/webassembly"
)

// PDF files are read with PDFium (the engine of Chrome's viewer) compiled to WebAssembly and run
// by the pure-Go wazero runtime, through github.com/klippa-app/go-pdfium: no cgo and no system
// library. Starting the engine compiles the module (about 3 s and 300 MB on a busy 2-core
// machine), so it starts only when the first PDF arrives, once per process; PDFs are then read
// one at a time through it.
//
// The text layer comes as runs of characters with their positions. Runs are grouped into lines
// by their vertical position, lines into paragraphs by indentation, line ends short of the right
// margin and vertical gaps; CJK lines are joined without a space, the spaces PDFs put between
// Han characters and digits (2023 年 8 月) are dropped, and page numbers and running headers
// and footers (the same line at the top or bottom of several pages) are dropped.
//
// Tables drawn with ruling lines are rebuilt as grids (pdftable.go): the page's path objects
// give the rules, crossing rules a table, its rules the columns, rows and merged cells; the
// text under the table goes to its cells and leaves the lines. A cell's text is in the
// paragraphs once, one paragraph a line of the cell as Word gives one a cell paragraph; a table
// continued on the next page is one table. A table without rules (borderless, or a three-line
// table with horizontal rules only) is not rebuilt: its rows come out as lines, a wide gap
// between cells kept as two spaces.

// FormatPDF is a PDF with a text layer.
const FormatPDF = "pdf"

// Limits of the PDF reader.
const (
	maxPDFPages   = 1000            // pages read; a longer file is refused
	pdfInstanceTO = 2 * time.Minute // wait for the engine when other PDFs are being read
)

// errScanned is the reason for a PDF whose pages have no text layer.
var errScanned = errors.New("扫描件，无文字层（需先OCR）")

var (
	pdfOnce sync.Once
	pdfPool pdfium.Pool
	pdfErr  error
)

// pdfEngine starts the engine on first use.
func pdfEngine() (pdfium.Pool, error) {
	pdfOnce.Do(func() {
		pdfPool, pdfErr = webassembly.Init(webassembly.Config{MinIdle: 1, MaxIdle: 1, MaxTotal: 1})
	})
	return pdfPool, pdfErr
}

// pdfRun is one run of text on a page with its box, in points (Top > Bottom: y grows upward),
// and the characters it is made of (each a pdfRun of one character), in drawing order.
type pdfRun struct {
	text                     string
	left, top, right, bottom float64
	chars                    []pdfRun
}

// pdfRectRuns makes the page's runs from the engine's rectangles (characters on one line in
// one font) and its characters: a run's text is the characters whose middle lies in its
// rectangle, each character in one run only. (The rectangle's own text is read back from the
// page by area and takes neighbouring characters when rectangles overlap: 党员发展 came out
// as 党员发员发.) Runs without visible text are dropped.
func pdfRectRuns(rects []*responses.GetPageTextStructuredRect, chars []*responses.GetPageTextStructuredChar) []pdfRun {
	// Characters by the height of their middle, so that a rectangle looks only at its line.
	type char struct {
		run  pdfRun
		x, y float64
		seq  int
	}
	var cs []char
	for k, c := range chars {
		if c == nil || c.Text == "\r" || c.Text == "\n" {
			continue
		}
		q := c.PointPosition
		cs = append(cs, char{pdfRun{text: c.Text, left: q.Left, top: q.Top, right: q.Right, bottom: q.Bottom}, (q.Left + q.Right) / 2, (q.Top + q.Bottom) / 2, k})
	}
	sort.Slice(cs, func(a, b int) bool { return cs[a].y < cs[b].y })
	taken := make([]bool, len(cs))
	var runs []pdfRun
	var in []int
	for _, rc := range rects {
		if rc == nil {
			continue
		}
		p := rc.PointPosition
		in = in[:0]
		for k := sort.Search(len(cs), func(k int) bool { return cs[k].y >= p.Bottom }); k < len(cs) && cs[k].y <= p.Top; k++ {
			if !taken[k] && cs[k].x >= p.Left && cs[k].x <= p.Right {
				in = append(in, k)
			}
		}
		sort.Slice(in, func(a, b int) bool { return cs[in[a]].seq < cs[in[b]].seq }) // drawing order
		run := pdfRun{left: p.Left, top: p.Top, right: p.Right, bottom: p.Bottom}
		var sb strings.Builder
		for _, k := range in {
			taken[k] = true
			sb.WriteString(cs[k].run.text)
			run.chars = append(run.chars, cs[k].run)
		}
		run.text = sb.String()
		if strings.TrimSpace(run.text) != "" {
			runs = append(runs, run)
		}
	}
	return runs
}

// readPDF reads the text layer of a PDF into paragraphs.
func readPDF(data []byte) (doc *Document, err error) {
	// A file without pages or a cross-reference is refused before the engine starts.
	if !bytes.Contains(data, []byte("/Page")) || !bytes.Contains(data, []byte("startxref")) && !bytes.Contains(data, []byte("/XRef")) {
		return nil, errors.New("PDF 已损坏或不完整（没有页面或交叉引用表）")
	}
	pool, err := pdfEngine()
	if err != nil {
		return nil, fmt.Errorf("PDF 引擎启动失败（%v）", err)
	}
	inst, err := pool.GetInstance(pdfInstanceTO)
	if err != nil {
		return nil, fmt.Errorf("PDF 引擎忙（%v）", err)
	}
	defer inst.Close()
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("PDF 引擎处理此文件失败（%v）", r)
		}
	}()
	od, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return nil, fmt.Errorf("PDF 已损坏或已加密（%v）", err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: od.Document})
	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: od.Document})
	if err != nil {
		return nil, fmt.Errorf("PDF 已损坏（%v）", err)
	}
	if pc.PageCount > maxPDFPages {
		return nil, fmt.Errorf("PDF 共 %d 页，最多读取 %d 页", pc.PageCount, maxPDFPages)
	}
	var pages [][]pdfLine
	chars := 0
	for i := 0; i < pc.PageCount; i++ {
		r, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{
			Page: requests.Page{ByIndex: &requests.PageByIndex{Document: od.Document, Index: i}},
			Mode: requests.GetPageTextStructuredModeBoth,
		})
		if err != nil {
			return nil, fmt.Errorf("无法读取 PDF 第 %d 页的文字（%v）", i+1, err)
		}
		page := requests.Page{ByIndex: &requests.PageByIndex{Document: od.Document, Index: i}}
		runs := pdfRectRuns(r.Rects, r.Chars)
		for _, run := range runs {
			chars += len(run.text)
		}
		h, v := pdfPageRules(inst, page)
		width := 0.0
		if w, err := inst.FPDF_GetPageWidthF(&requests.FPDF_GetPageWidthF{Page: page}); err == nil {
			width = float64(w.PageWidth)
		}
		pages = append(pages, pdfPageBlocks(runs, h, v, width))
	}
	if chars == 0 {
		return nil, errScanned
	}
	doc = &Document{Format: FormatPDF, Encoding: EncUTF8}
	pages = joinPDFTables(dropRunning(pages))
	finish(doc, pdfParagraphs(pages), "")
	doc.Tables = pdfDocTables(pages)
	if len(doc.Paragraphs) == 0 && doc.Title == "" {
		return nil, errScanned
	}
	return doc, nil
}

// pdfLine is one line of a page: its runs joined left to right; or, when table is set, a
// table of the page (see pdftable.go) standing where its box starts.
type pdfLine struct {
	text                     string
	left, right, top, height float64
	table                    *pdfTable
}

// pdfLines groups a page's runs into lines, top to bottom: a run joins the line when its
// vertical middle lies within the line's height or the line's middle within the run's. The
// tallest run gives the line its height, so a short run that comes first (quotation marks in a
// Latin font sit high on a CJK line: “一站式”) does not make a line of its own.
func pdfLines(runs []pdfRun) []pdfLine {
	sort.SliceStable(runs, func(a, b int) bool { return runs[a].top > runs[b].top })
	type group struct {
		runs        []pdfRun
		top, bottom float64
	}
	var groups []*group
	for _, r := range runs {
		mid := (r.top + r.bottom) / 2
		var g *group
		for _, c := range groups {
			cmid := (c.top + c.bottom) / 2
			if mid <= c.top && mid >= c.bottom || cmid <= r.top && cmid >= r.bottom {
				g = c
				break
			}
		}
		if g == nil {
			g = &group{top: r.top, bottom: r.bottom}
			groups = append(groups, g)
		}
		if r.top-r.bottom > g.top-g.bottom {
			g.top, g.bottom = r.top, r.bottom
		}
		g.runs = append(g.runs, r)
	}
	sort.SliceStable(groups, func(a, b int) bool { return groups[a].top > groups[b].top })
	lines := make([]pdfLine, 0, len(groups))
	for _, g := range groups {
		sort.SliceStable(g.runs, func(a, b int) bool { return g.runs[a].left < g.runs[b].left })
		var sb strings.Builder
		l := pdfLine{left: math.Inf(1), top: g.top, height: g.top - g.bottom}
		prevRight := math.Inf(-1)
		for _, r := range g.runs {
			text := strings.TrimRight(r.text, " ")
			if sb.Len() > 0 && r.left-prevRight > 2*l.height {
				sb.WriteString("  ") // a wide gap: the next column of a table
			}
			sb.WriteString(text)
			l.left = math.Min(l.left, r.left)
			l.right = math.Max(l.right, r.right)
			prevRight = r.right
		}
		l.text = tidyPDFText(sb.String())
		if l.text != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// hanDigitSpace is a space a PDF puts between a Han character and a digit: 2023 年 8 月.
var (
	hanThenDigit = regexp.MustCompile(`(\p{Han}|[，。、；：）（])[ \t]+([0-9])`)
	digitThenHan = regexp.MustCompile(`([0-9%])[ \t]+(\p{Han}|[，。、；：）（])`)
)

// tidyPDFText trims a line and drops the spaces between Han characters and digits. Both
// patterns need a space or a tab, so a line without one is returned as it is.
func tidyPDFText(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, " \t") {
		return s
	}
	s = hanThenDigit.ReplaceAllString(s, "$1$2")
	return digitThenHan.ReplaceAllString(s, "$1$2")
}

// pageNumber is a line that is only a page number: 3, - 3 -, 第3页, 第 3 页 共 9 页, 3/9.
var pageNumber = regexp.MustCompile(`^(?:[-—–\s]*[0-9]{1,4}[-—–\s]*|第\s*[0-9]{1,4}\s*页(?:\s*[，,]?\s*共\s*[0-9]{1,4}\s*页)?|[0-9]{1,4}\s*/\s*[0-9]{1,4})$`)

// dropRunning removes page numbers, and the first or last line of a page when the same text is
// the first or last line of another page too (running headers and footers).
func dropRunning(pages [][]pdfLine) [][]pdfLine {
	edge := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, k := range edgeLines(p) {
			if p[k].table == nil && !seen[p[k].text] {
				edge[p[k].text]++
				seen[p[k].text] = true
			}
		}
	}
	out := make([][]pdfLine, len(pages))
	for i, p := range pages {
		drop := map[int]bool{}
		for _, k := range edgeLines(p) {
			if p[k].table == nil && len(pages) > 1 && edge[p[k].text] > 1 {
				drop[k] = true
			}
		}
		for k, l := range p {
			if drop[k] || l.table == nil && pageNumber.MatchString(l.text) {
				continue
			}
			out[i] = append(out[i], l)
		}
	}
	return out
}

// edgeLines are the indexes of the first and last line of a page.
func edgeLines(p []pdfLine) []int {
	switch len(p) {
	case 0:
		return nil
	case 1:
		return []int{0}
	}
	return []int{0, len(p) - 1}
}

// pdfParagraphs joins lines into paragraphs. A line opens a paragraph when it is indented past
// the page's left margin, when the line before ended short of the right margin, after a gap
// wider than a line and a half, or at the top of a page after a short line. A table gives its
// cells' paragraphs, row by row, and the line after it opens a paragraph.
func pdfParagraphs(pages [][]pdfLine) []string {
	left, right := math.Inf(1), math.Inf(-1)
	for _, p := range pages {
		for _, l := range p {
			if l.table != nil {
				continue
			}
			left = math.Min(left, l.left)
			right = math.Max(right, l.right)
		}
	}
	var paras []string
	var cur strings.Builder
	var prev *pdfLine
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			paras = append(paras, s)
		}
		cur.Reset()
	}
	for _, p := range pages {
		for k := range p {
			l := p[k]
			if l.table != nil {
				flush()
				for _, row := range l.table.paras {
					paras = append(paras, row...)
				}
				prev = nil
				continue
			}
			h := math.Max(l.height, 1)
			newPara := prev == nil ||
				l.left > left+1.5*h ||
				prev.right < right-2*h ||
				strings.Contains(l.text, "  ") || strings.Contains(prev.text, "  ") ||
				(k > 0 && prev.top-l.top > 2.5*h)
			if newPara {
				flush()
			} else if needsSpace(cur.String(), l.text) {
				cur.WriteByte(' ')
			}
			cur.WriteString(l.text)
			prev = &p[k]
		}
	}
	flush()
	return paras
}

// needsSpace says whether two joined line pieces need a space: only between Latin letters or
// digits on both sides (CJK text joins without one).
func needsSpace(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	x, y := ra[len(ra)-1], rb[0]
	word := func(r rune) bool { return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
	return word(x) && word(y)
}

// Limits of reading a page's drawing for table rules.
const (
	maxPDFPageObjects = 20000 // page objects looked at per page, in forms too (a hostile page may hold millions)
	maxPDFPathSegs    = 20000 // segments read per page from paths that are not thin rules
	maxPDFFormDepth   = 4     // forms (XObjects) inside forms followed this deep
)

// pdfMatrix maps (x, y) to (a·x + c·y + e, b·x + d·y + f), as a PDF matrix does.
type pdfMatrix struct{ a, b, c, d, e, f float64 }

var pdfIdentity = pdfMatrix{a: 1, d: 1}

func (m pdfMatrix) apply(x, y float64) (float64, float64) {
	return m.a*x + m.c*y + m.e, m.b*x + m.d*y + m.f
}

// then is m followed by n.
func (m pdfMatrix) then(n pdfMatrix) pdfMatrix {
	return pdfMatrix{
		a: m.a*n.a + m.b*n.c, b: m.a*n.b + m.b*n.d,
		c: m.c*n.a + m.d*n.c, d: m.c*n.b + m.d*n.d,
		e: m.e*n.a + m.f*n.c + n.e, f: m.e*n.b + m.f*n.d + n.f,
	}
}

// box maps a rectangle and returns the box around the result.
func (m pdfMatrix) box(left, bottom, right, top float64) (float64, float64, float64, float64) {
	l, b, r, t := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range [][2]float64{{left, bottom}, {left, top}, {right, bottom}, {right, top}} {
		x, y := m.apply(p[0], p[1])
		l, b, r, t = math.Min(l, x), math.Min(b, y), math.Max(r, x), math.Max(t, y)
	}
	return l, b, r, t
}

// pdfRuleReader collects the rules of one page: see pdfPageRules.
type pdfRuleReader struct {
	inst    pdfium.Pdfium
	h, v    []pdfSeg
	objects int // objects left to look at
	segs    int // path segments left to read
}

// pdfPageRules reads the ruling lines of a page from its path objects, and from those of the
// forms (XObjects) it draws: a path whose box is thin is a rule; a stroked path that is not (a
// rectangle around a cell, a polyline of borders, a whole table's grid in one path) gives its
// straight horizontal and vertical segments. At most maxPDFPageObjects objects,
// maxPDFPathSegs segments and maxPDFRules rules are read; anything the engine refuses is
// skipped (the page is then read without tables, as text lines).
func pdfPageRules(inst pdfium.Pdfium, page requests.Page) (h, v []pdfSeg) {
	n, err := inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: page})
	if err != nil {
		return nil, nil
	}
	rr := &pdfRuleReader{inst: inst, objects: maxPDFPageObjects, segs: maxPDFPathSegs}
	for i := 0; i < n.Count && rr.more(); i++ {
		o, err := inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: page, Index: i})
		if err == nil {
			rr.object(o.PageObject, pdfIdentity, 0)
		}
	}
	return rr.h, rr.v
}

// more says whether the page's budgets allow reading on.
func (rr *pdfRuleReader) more() bool {
	return rr.objects > 0 && len(rr.h)+len(rr.v) < maxPDFRules
}

// object reads the rules of one page object drawn through form matrix m (identity on the
// page itself; the bounds and matrices the engine gives inside a form are the form's own).
func (rr *pdfRuleReader) object(obj references.FPDF_PAGEOBJECT, m pdfMatrix, depth int) {
	rr.objects--
	ty, err := rr.inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: obj})
	if err != nil {
		return
	}
	switch ty.Type {
	case enums.FPDF_PAGEOBJ_PATH:
		rr.path(obj, m)
	case enums.FPDF_PAGEOBJ_FORM:
		if depth >= maxPDFFormDepth {
			return
		}
		fm, err := rr.inst.FPDFPageObj_GetMatrix(&requests.FPDFPageObj_GetMatrix{PageObject: obj})
		if err != nil {
			return
		}
		inner := pdfMatrixOf(fm.Matrix).then(m)
		n, err := rr.inst.FPDFFormObj_CountObjects(&requests.FPDFFormObj_CountObjects{PageObject: obj})
		if err != nil {
			return
		}
		for i := 0; i < n.Count && rr.more(); i++ {
			c, err := rr.inst.FPDFFormObj_GetObject(&requests.FPDFFormObj_GetObject{PageObject: obj, Index: uint64(i)})
			if err == nil {
				rr.object(c.PageObject, inner, depth+1)
			}
		}
	}
}

// path reads one path object: a thin box is a rule, a stroked path its straight segments.
func (rr *pdfRuleReader) path(obj references.FPDF_PAGEOBJECT, m pdfMatrix) {
	b, err := rr.inst.FPDFPageObj_GetBounds(&requests.FPDFPageObj_GetBounds{PageObject: obj})
	if err != nil {
		return
	}
	if seg, hz, ok := pdfRuleOf(m.box(float64(b.Left), float64(b.Bottom), float64(b.Right), float64(b.Top))); ok {
		rr.add(seg, hz)
		return
	}
	dm, err := rr.inst.FPDFPath_GetDrawMode(&requests.FPDFPath_GetDrawMode{PageObject: obj})
	if err != nil || !dm.Stroke {
		return
	}
	for _, s := range pdfPathLines(rr.inst, obj, m, &rr.segs) {
		rr.add(s.seg, s.horizontal)
	}
}

func (rr *pdfRuleReader) add(seg pdfSeg, horizontal bool) {
	if horizontal {
		rr.h = append(rr.h, seg)
	} else {
		rr.v = append(rr.v, seg)
	}
}

func pdfMatrixOf(m structs.FPDF_FS_MATRIX) pdfMatrix {
	return pdfMatrix{float64(m.A), float64(m.B), float64(m.C), float64(m.D), float64(m.E), float64(m.F)}
}

// pdfPathLine is one straight axis-aligned segment of a path.
type pdfPathLine struct {
	seg        pdfSeg
	horizontal bool
}

// pdfPathLines reads the straight horizontal and vertical segments of a stroked path, in page
// coordinates (the object's matrix, then form matrix m, applied); curves are skipped. A path
// with more segments than the page has left to read (*budget) is skipped whole; the ones read
// are taken off.
func pdfPathLines(inst pdfium.Pdfium, obj references.FPDF_PAGEOBJECT, m pdfMatrix, budget *int) []pdfPathLine {
	n, err := inst.FPDFPath_CountSegments(&requests.FPDFPath_CountSegments{PageObject: obj})
	if err != nil || n.Count > *budget {
		return nil
	}
	*budget -= n.Count
	pm, err := inst.FPDFPageObj_GetMatrix(&requests.FPDFPageObj_GetMatrix{PageObject: obj})
	if err != nil {
		return nil
	}
	at := pdfMatrixOf(pm.Matrix).then(m)
	var out []pdfPathLine
	line := func(x0, y0, x1, y1 float64) {
		switch {
		case math.Abs(y1-y0) < 0.5 && math.Abs(x1-x0) >= pdfRuleMinLen:
			out = append(out, pdfPathLine{pdfSeg{(y0 + y1) / 2, math.Min(x0, x1), math.Max(x0, x1)}, true})
		case math.Abs(x1-x0) < 0.5 && math.Abs(y1-y0) >= pdfRuleMinLen:
			out = append(out, pdfPathLine{pdfSeg{(x0 + x1) / 2, math.Min(y0, y1), math.Max(y0, y1)}, false})
		}
	}
	var px, py, sx, sy float64 // current point, start of the subpath
	for k := 0; k < n.Count; k++ {
		seg, err := inst.FPDFPath_GetPathSegment(&requests.FPDFPath_GetPathSegment{PageObject: obj, Index: k})
		if err != nil {
			return out
		}
		pt, err1 := inst.FPDFPathSegment_GetPoint(&requests.FPDFPathSegment_GetPoint{PathSegment: seg.PathSegment})
		st, err2 := inst.FPDFPathSegment_GetType(&requests.FPDFPathSegment_GetType{PathSegment: seg.PathSegment})
		cl, err3 := inst.FPDFPathSegment_GetClose(&requests.FPDFPathSegment_GetClose{PathSegment: seg.PathSegment})
		if err1 != nil || err2 != nil || err3 != nil {
			return out
		}
		x, y := at.apply(float64(pt.X), float64(pt.Y))
		switch st.Type {
		case enums.FPDF_SEGMENT_MOVETO:
			sx, sy = x, y
		case enums.FPDF_SEGMENT_LINETO:
			line(px, py, x, y)
		}
		if cl.IsClose {
			line(x, y, sx, sy)
		}
		px, py = x, y
	}
	return out
}

// pdfDocTables are the tables of the pages as grids (at most maxTableCount), after tables
// continued across pages were joined.
func pdfDocTables(pages [][]pdfLine) []Table {
	var out []Table
	for _, p := range pages {
		for _, l := range p {
			if l.table == nil || len(out) >= maxTableCount {
				continue
			}
			if t, ok := l.table.grid(); ok {
				out = append(out, t)
			}
		}
	}
	return out
}
