package ingest

import (
	"math"
	"regexp"
	"sort"
	"strings"
)

// PDF tables as grids. A PDF has no table element: a table is text placed between ruling lines.
// The page's path objects give the rules (see pdfPageRules in pdf.go); here they are merged
// into horizontal and vertical lines, lines that cross form a table region, the region's
// vertical lines give the column boundaries and its horizontal lines the row boundaries, a run
// of text whose first character lies in the region belongs to the table and each of its
// characters goes to the cell under it. Where the rule between two neighbouring cells is
// missing the cells are one merged cell (a category spanning rows, a header spanning columns),
// carried into each grid position as bulletin.Table does for HTML and Word. A table continued
// on the next page is joined to the part before (joinPDFTables). A page without crossing rules
// has no table, and its text is read as lines exactly as before.

// Limits and tolerances of the table reader, in points.
const (
	maxPDFRules   = 4000 // rules kept per page; more is not a table page
	pdfRuleThick  = 3.0  // a path thinner than this in one direction is a rule
	pdfRuleMinLen = 3.0  // and at least this long in the other
	pdfSnap       = 2.0  // rules this close are the same line; ends this close touch
)

// pdfSeg is a rule: horizontal at y = at from x = from to x = to, or vertical at x = at from
// y = from to y = to (from < to).
type pdfSeg struct{ at, from, to float64 }

// pdfRuleOf classifies a path's bounding box: a thin horizontal or vertical rule, or neither.
func pdfRuleOf(left, bottom, right, top float64) (seg pdfSeg, horizontal, ok bool) {
	w, h := right-left, top-bottom
	switch {
	case h <= pdfRuleThick && w >= pdfRuleMinLen && w > h:
		return pdfSeg{(top + bottom) / 2, left, right}, true, true
	case w <= pdfRuleThick && h >= pdfRuleMinLen && h > w:
		return pdfSeg{(left + right) / 2, bottom, top}, false, true
	}
	return pdfSeg{}, false, false
}

// mergeSegs joins rules on the same line (within pdfSnap, like the double lines a printer
// draws for one border) whose pieces overlap or touch, so that a border drawn cell by cell
// becomes one line.
func mergeSegs(segs []pdfSeg) []pdfSeg {
	s := append([]pdfSeg(nil), segs...)
	sort.Slice(s, func(a, b int) bool { return s[a].at < s[b].at })
	var out []pdfSeg
	for i := 0; i < len(s); {
		j := i + 1
		for j < len(s) && s[j].at-s[j-1].at <= pdfSnap/2 && s[j].at-s[i].at <= pdfSnap {
			j++
		}
		line := s[i:j]
		at := 0.0
		for _, r := range line {
			at += r.at
		}
		at /= float64(len(line))
		sort.Slice(line, func(a, b int) bool { return line[a].from < line[b].from })
		cur := pdfSeg{at, line[0].from, line[0].to}
		for _, r := range line[1:] {
			if r.from <= cur.to+pdfSnap {
				cur.to = math.Max(cur.to, r.to)
				continue
			}
			out = append(out, cur)
			cur = pdfSeg{at, r.from, r.to}
		}
		out = append(out, cur)
		i = j
	}
	return out
}

// crosses says whether horizontal rule h and vertical rule v meet (touching ends count).
func crosses(h, v pdfSeg) bool {
	return v.at >= h.from-pdfSnap && v.at <= h.to+pdfSnap && h.at >= v.from-pdfSnap && h.at <= v.to+pdfSnap
}

// pdfRegion is a set of rules that cross one another: one table.
type pdfRegion struct{ h, v []pdfSeg }

// pdfRegions groups merged rules into regions of crossing rules; a region needs two
// horizontal and two vertical rules (one box) to be kept.
func pdfRegions(h, v []pdfSeg) []pdfRegion {
	sets := newUnionFind(len(h) + len(v))
	for i, hs := range h {
		for j, vs := range v {
			if crosses(hs, vs) {
				sets.union(i, len(h)+j)
			}
		}
	}
	groups := map[int]*pdfRegion{}
	var order []int
	for i := range sets {
		root := sets.find(i)
		g := groups[root]
		if g == nil {
			g = &pdfRegion{}
			groups[root] = g
			order = append(order, root)
		}
		if i < len(h) {
			g.h = append(g.h, h[i])
		} else {
			g.v = append(g.v, v[i-len(h)])
		}
	}
	var out []pdfRegion
	for _, root := range order {
		if g := groups[root]; len(g.h) >= 2 && len(g.v) >= 2 {
			out = append(out, *g)
		}
	}
	return out
}

// unionFind groups the numbers 0..n-1 into sets, each named by its smallest member.
type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

// find names the set of i.
func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

// union joins the sets of a and b.
func (u unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra < rb {
		u[rb] = ra
	} else {
		u[ra] = rb
	}
}

// positions are the distinct positions of rules (within pdfSnap), ascending.
func positions(segs []pdfSeg) []float64 {
	var at []float64
	for _, s := range segs {
		at = append(at, s.at)
	}
	sort.Float64s(at)
	var out []float64
	for _, a := range at {
		if len(out) == 0 || a-out[len(out)-1] > pdfSnap {
			out = append(out, a)
		}
	}
	return out
}

// withEdges adds the outer edges a table's other rules show when its own outer rule is missing
// (a table open at the sides, or whose side border fell off the page): the ends of the
// crossing rules reaching past the first or last position.
func withEdges(at []float64, crossing []pdfSeg) []float64 {
	if len(at) == 0 || len(crossing) == 0 {
		return at
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range crossing {
		lo, hi = math.Min(lo, s.from), math.Max(hi, s.to)
	}
	if lo < at[0]-2*pdfSnap {
		at = append([]float64{lo}, at...)
	}
	if hi > at[len(at)-1]+2*pdfSnap {
		at = append(at, hi)
	}
	return at
}

// sideRules says whether the region is open on the left or the right: its outermost vertical
// rule is missing (its horizontal rules reach past it; withEdges then adds their ends as
// edges) or stands at the page's edge (the page cut the table off; the text goes on beyond).
func sideRules(reg pdfRegion, pageWidth float64) (openLeft, openRight bool) {
	xs := positions(reg.v)
	if len(xs) == 0 {
		return false, false
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range reg.h {
		lo, hi = math.Min(lo, s.from), math.Max(hi, s.to)
	}
	openLeft = lo < xs[0]-2*pdfSnap || xs[0] <= pdfSnap
	openRight = hi > xs[len(xs)-1]+2*pdfSnap || pageWidth > 0 && xs[len(xs)-1] >= pageWidth-pdfSnap
	return openLeft, openRight
}

// splitRun cuts a run into pieces whose characters lie in one column each (col gives a
// character's column from its middle); a run whose characters are unknown is one piece.
func splitRun(run pdfRun, col func(x float64) int) []pdfRun {
	if len(run.chars) == 0 {
		return []pdfRun{run}
	}
	var out []pdfRun
	cur, last := -1, -1
	for _, ch := range run.chars {
		c := col((ch.left + ch.right) / 2)
		if strings.TrimSpace(ch.text) == "" && last >= 0 {
			c = last // a space stays with the character before it
		}
		if c != cur || len(out) == 0 {
			out = append(out, pdfRun{left: ch.left, right: ch.right, top: run.top, bottom: run.bottom, chars: []pdfRun{}})
			cur = c
		}
		p := &out[len(out)-1]
		p.text += ch.text
		p.left, p.right = math.Min(p.left, ch.left), math.Max(p.right, ch.right)
		p.chars = append(p.chars, ch)
		last = c
	}
	return out
}

// ruleAt says whether one of segs lies at position at and covers the point along it.
func ruleAt(segs []pdfSeg, at, along float64) bool {
	for _, s := range segs {
		if math.Abs(s.at-at) <= pdfSnap && along >= s.from-pdfSnap && along <= s.to+pdfSnap {
			return true
		}
	}
	return false
}

// pdfTable is a table read from one page: the grid, the merged cell each grid position belongs
// to, its column boundaries and the top and bottom of its box.
type pdfTable struct {
	rows        [][]Cell
	ids         [][]int   // merged-cell id of each grid position
	xs          []float64 // column boundaries, left to right
	top, bottom float64
	paras       [][]string // per row, the text of the cells it opens as paragraphs
}

// pdfGridTable builds the table of a region from the runs inside its box; ok is false when
// the region is not a table (fewer than two rows or columns, or too big). used marks the runs
// placed in the table; pageWidth (0 when unknown) tells a side cut off by the page.
func pdfGridTable(reg pdfRegion, runs []pdfRun, used []bool, pageWidth float64) (pdfTable, bool) {
	xs := withEdges(positions(reg.v), reg.h)
	ys := withEdges(positions(reg.h), reg.v)
	for i, k := 0, len(ys)-1; i < k; i, k = i+1, k-1 {
		ys[i], ys[k] = ys[k], ys[i] // top first
	}
	nc, nr := len(xs)-1, len(ys)-1
	if nc < 2 || nr < 1 || nc > maxTableCols || nr > maxTableRows {
		return pdfTable{}, false
	}
	// Merged cells: neighbours without a rule between them are one cell, named by its top-left
	// grid position (r*nc+c).
	cells := newUnionFind(nr * nc)
	find, union := cells.find, cells.union
	for r := range nr {
		midY := (ys[r] + ys[r+1]) / 2
		for c := range nc {
			midX := (xs[c] + xs[c+1]) / 2
			if c+1 < nc && !ruleAt(reg.v, xs[c+1], midY) {
				union(r*nc+c, r*nc+c+1)
			}
			if r+1 < nr && !ruleAt(reg.h, ys[r+1], midX) {
				union(r*nc+c, (r+1)*nc+c)
			}
		}
	}
	// A run belongs to the table when the middle of its first character is inside; a side
	// without its own rule (open, or cut off by the page) takes what lies beyond it. The run's
	// characters then go to the cells under their middles, one piece a cell.
	openLeft, openRight := sideRules(reg, pageWidth)
	col := func(x float64) int { return min(max(sort.SearchFloat64s(xs, x)-1, 0), nc-1) }
	cellRuns := map[int][]pdfRun{}
	for i, run := range runs {
		if used[i] {
			continue
		}
		cx, cy := run.left+math.Min(run.right-run.left, run.top-run.bottom)/2, (run.top+run.bottom)/2
		if cx < xs[0] && !openLeft || cx > xs[nc] && !openRight || cy > ys[0] || cy < ys[nr] {
			continue
		}
		r := min(sort.Search(nr, func(k int) bool { return ys[k+1] < cy }), nr-1)
		for _, piece := range splitRun(run, col) {
			id := find(r*nc + col((piece.left+piece.right)/2))
			if piece.chars == nil {
				id = find(r*nc + col(cx))
			}
			cellRuns[id] = append(cellRuns[id], piece)
		}
		used[i] = true
	}
	t := pdfTable{xs: xs, top: ys[0], bottom: ys[nr]}
	for r := range nr {
		row := make([]Cell, nc)
		ids := make([]int, nc)
		var paras []string
		for c := range nc {
			id := find(r*nc + c)
			ids[c] = id
			origin := id == r*nc+c
			// The cell's right edge is that of the merged cell's last column.
			right := xs[c+1]
			for k := c + 1; k < nc && find(r*nc+k) == id; k++ {
				right = xs[k+1]
			}
			if origin {
				text := pdfCellText(cellRuns[id], right)
				row[c] = Cell{Text: text}
				paras = append(paras, cellParas(text)...)
			} else {
				row[c] = Cell{Text: cellOrigin(t.rows, row, id, nc), Spanned: true}
			}
		}
		t.rows = append(t.rows, row)
		t.ids = append(t.ids, ids)
		t.paras = append(t.paras, paras)
	}
	return t, true
}

// cellOrigin is the text of merged cell id, placed earlier in this row or in a row above.
func cellOrigin(rows [][]Cell, row []Cell, id, nc int) string {
	r, c := id/nc, id%nc
	if r == len(rows) {
		return row[c].Text
	}
	return rows[r][c].Text
}

// itemStart is an item marker opening a line of a cell: 1. 1、 （1） ① 一是.
var itemStart = regexp.MustCompile(`^(?:[0-9]{1,2}[.、．]|[（(][0-9]{1,2}[）)]|[一二三四五六七八九十]{1,3}是|[①-⑳])`)

// pdfCellText joins the lines of one cell: a line wrapped by the cell's width joins the next
// without a space (CJK; a space between Latin words); where the next line's first character
// would have fitted at the end of the line (with the punctuation that may not start a line:
// 室、 goes down together), or the next line opens an item (1. （2）), it starts a new line
// (\n), as a cell's paragraphs are kept apart in HTML and Word.
func pdfCellText(runs []pdfRun, right float64) string {
	lines := pdfLines(runs)
	if len(lines) == 0 {
		return ""
	}
	limit := right - pdfCellPad(lines, right) // where a full line ends
	var sb strings.Builder
	for k, l := range lines {
		if k > 0 {
			prev := lines[k-1]
			switch {
			case itemStart.MatchString(l.text) || prev.right+nextNeeds(l) <= limit:
				sb.WriteByte('\n') // the next line's start would have fitted: a break, not a wrap
			case needsSpace(prev.text, l.text):
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(l.text)
	}
	return strings.TrimSpace(sb.String())
}

// nextNeeds is the room line l's start takes at the end of the line before it: its first
// character, and the one after it when that one may not start a line (、，。；：）” …), each as
// wide as the line's characters on average.
func nextNeeds(l pdfLine) float64 {
	rs := []rune(l.text)
	if len(rs) == 0 {
		return 0
	}
	w := (l.right - l.left) / float64(len(rs))
	if len(rs) > 1 && strings.ContainsRune("、，。；：？！）》」』”’,.;:?!)", rs[1]) {
		return 2 * w
	}
	return w
}

// pdfCellPad estimates the gap a full line of a cell keeps to the cell's right edge: the
// smallest gap of its lines, at most pdfSnap*3.
func pdfCellPad(lines []pdfLine, right float64) float64 {
	pad := pdfSnap * 3
	for _, l := range lines {
		pad = math.Min(pad, math.Max(right-l.right, 0))
	}
	return pad
}

// hasText says whether any cell of t has text.
func (t *pdfTable) hasText() bool {
	for _, p := range t.paras {
		if len(p) > 0 {
			return true
		}
	}
	return false
}

// pdfPageBlocks reads one page into blocks top to bottom: its tables (regions of crossing
// rules that hold text) and the lines of the text outside them. Without rules it is
// pdfLines(runs). pageWidth is the page's width in points, 0 when unknown.
func pdfPageBlocks(runs []pdfRun, h, v []pdfSeg, pageWidth float64) []pdfLine {
	if len(h) < 2 || len(v) < 2 {
		return pdfLines(runs)
	}
	used := make([]bool, len(runs))
	var tables []pdfLine
	for _, reg := range pdfRegions(mergeSegs(h), mergeSegs(v)) {
		mark := append([]bool(nil), used...)
		t, ok := pdfGridTable(reg, runs, mark, pageWidth)
		if !ok || !t.hasText() {
			continue
		}
		used = mark
		tables = append(tables, pdfLine{top: t.top, left: t.xs[0], right: t.xs[len(t.xs)-1], table: &t})
	}
	var rest []pdfRun
	for i, r := range runs {
		if !used[i] {
			rest = append(rest, r)
		}
	}
	blocks := append(pdfLines(rest), tables...)
	sort.SliceStable(blocks, func(a, b int) bool { return blocks[a].top > blocks[b].top })
	return blocks
}

// joinPDFTables makes a table continued on the next page one table: when a page ends with a
// table and the next page starts with one of the same columns, the second's rows are added to
// the first (see appendRows) and its block removed.
func joinPDFTables(pages [][]pdfLine) [][]pdfLine {
	var last *pdfTable // the table that ends the pages so far, if one does
	for i, p := range pages {
		if len(p) == 0 {
			continue
		}
		if first := p[0].table; first != nil && last != nil && sameColumns(last.xs, first.xs) {
			last.appendRows(first)
			pages[i] = p[1:]
			p = pages[i]
			if len(p) == 0 {
				continue // the whole page was the table: it may go on
			}
		}
		last = p[len(p)-1].table
	}
	return pages
}

// sameColumns says whether two tables have the same column boundaries.
func sameColumns(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if math.Abs(a[k]-b[k]) > 3*pdfSnap {
			return false
		}
	}
	return true
}

// appendRows adds the rows of b, the same table on the next page, to t. Leading rows of b that
// repeat t's leading rows (the header printed again on each page) are dropped, grid and text;
// rows past maxTableRows are dropped too (their text with them).
// A cell of b's first row that is empty and merged over the rows below it is the rest of the
// merged cell cut by the page break: it takes the text of the cell above it.
func (t *pdfTable) appendRows(b *pdfTable) {
	k := 0
	for k < len(b.rows)-1 && k < len(t.rows) && sameRow(t.rows[k], b.rows[k]) {
		k++
	}
	rows, ids, paras := b.rows[k:], b.ids[k:], b.paras[k:]
	if n := len(t.rows); n > 0 && len(rows) > 1 {
		above := t.rows[n-1]
		for c := range rows[0] {
			if rows[0][c].Text != "" || rows[0][c].Spanned || ids[1][c] != ids[0][c] || above[c].Text == "" {
				continue
			}
			id := ids[0][c]
			for r := range rows {
				for cc := range rows[r] {
					if ids[r][cc] == id {
						rows[r][cc] = Cell{Text: above[c].Text, Spanned: true}
					}
				}
			}
		}
	}
	if len(rows) > 0 && len(t.rows) > 0 && cutRow(t.rows[len(t.rows)-1], rows[0]) {
		t.continueRow(rows[0])
		rows, ids, paras = rows[1:], ids[1:], paras[1:]
	}
	if room := maxTableRows - len(t.rows); len(rows) > room {
		rows, ids, paras = rows[:max(room, 0)], ids[:max(room, 0)], paras[:max(room, 0)]
	}
	offset := len(t.rows) * len(t.xs)
	for _, row := range ids {
		for c := range row {
			row[c] += offset
		}
	}
	t.rows = append(t.rows, rows...)
	t.ids = append(t.ids, ids...)
	t.paras = append(t.paras, paras...)
	t.bottom = b.bottom
}

// cutRow says whether next, the first row of a table's part on a new page, is the rest of the
// row above cut by the page break: its first cell is empty (no 序号, no category of its own)
// while the row above has one, and some other cell has text.
func cutRow(above, next []Cell) bool {
	if len(next) < 2 || next[0].Text != "" || next[0].Spanned || above[0].Text == "" {
		return false
	}
	for _, c := range next[1:] {
		if c.Text != "" && !c.Spanned {
			return true
		}
	}
	return false
}

// continueRow adds the text of row next (the rest of t's last row, cut by a page break) to
// the cells of t's last row, joined as a wrapped line of the cell is (see pdfCellText); the
// last row's paragraphs are made again from its cells, so that a cut sentence is one paragraph.
func (t *pdfTable) continueRow(next []Cell) {
	last := t.rows[len(t.rows)-1]
	var rest []string // text of next that has no cell of its own above (kept, not lost)
	for c, cell := range next {
		if cell.Text == "" || cell.Spanned {
			continue
		}
		if last[c].Spanned {
			rest = append(rest, cellParas(cell.Text)...)
			continue
		}
		sep := ""
		switch {
		case last[c].Text == "":
		case itemStart.MatchString(cell.Text):
			sep = "\n"
		case needsSpace(last[c].Text, cell.Text):
			sep = " "
		}
		last[c].Text += sep + cell.Text
	}
	var paras []string
	for _, cell := range last {
		if !cell.Spanned {
			paras = append(paras, cellParas(cell.Text)...)
		}
	}
	t.paras[len(t.paras)-1] = append(paras, rest...)
}

// cellParas are the paragraphs of a cell's text: its lines, empty ones dropped.
func cellParas(text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n") {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// sameRow says whether two rows have the same texts.
func sameRow(a, b []Cell) bool {
	if len(a) != len(b) {
		return false
	}
	for c := range a {
		if a[c].Text != b[c].Text {
			return false
		}
	}
	return true
}

// grid returns the table as a Table: rows without text dropped; false when fewer than two rows
// remain.
func (t *pdfTable) grid() (Table, bool) {
	var out Table
	for _, row := range t.rows {
		for _, c := range row {
			if c.Text != "" {
				out.Rows = append(out.Rows, row)
				break
			}
		}
	}
	return out, len(out.Rows) >= 2
}
