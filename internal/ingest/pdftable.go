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
// vertical lines give the column boundaries and its horizontal lines the row boundaries, and
// each text run goes to the cell under its first character. Where the rule between two neighbouring
// cells is missing the cells are one merged cell (a category spanning rows, a header spanning
// columns), carried into each grid position as bulletin.Table does for HTML and Word. A page
// without crossing rules has no table, and its text is read as lines exactly as before.

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
	parent := make([]int, len(h)+len(v))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i, hs := range h {
		for j, vs := range v {
			if crosses(hs, vs) {
				parent[find(i)] = find(len(h) + j)
			}
		}
	}
	groups := map[int]*pdfRegion{}
	var order []int
	for i := range parent {
		root := find(i)
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
// placed in the table.
func pdfGridTable(reg pdfRegion, runs []pdfRun, used []bool) (pdfTable, bool) {
	xs := withEdges(positions(reg.v), reg.h)
	ys := withEdges(positions(reg.h), reg.v)
	for i, k := 0, len(ys)-1; i < k; i, k = i+1, k-1 {
		ys[i], ys[k] = ys[k], ys[i] // top first
	}
	nc, nr := len(xs)-1, len(ys)-1
	if nc < 2 || nr < 1 || nc > maxTableCols || nr > maxTableRows {
		return pdfTable{}, false
	}
	// Merged cells: neighbours without a rule between them are one cell.
	parent := make([]int, nr*nc)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra < rb {
			parent[rb] = ra
		} else {
			parent[ra] = rb
		}
	}
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
	// Each run goes to the cell under the middle of its first character (a run may reach past
	// its cell when the page cuts the table off).
	cellRuns := map[int][]pdfRun{}
	for i, run := range runs {
		if used[i] {
			continue
		}
		cx, cy := run.left+math.Min(run.right-run.left, run.top-run.bottom)/2, (run.top+run.bottom)/2
		if cx < xs[0] || cx > xs[nc] || cy > ys[0] || cy < ys[nr] {
			continue
		}
		c := sort.SearchFloat64s(xs, cx) - 1
		r := sort.Search(nr, func(k int) bool { return ys[k+1] < cy })
		c = min(max(c, 0), nc-1)
		r = min(r, nr-1)
		id := find(r*nc + c)
		cellRuns[id] = append(cellRuns[id], run)
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
				for _, p := range strings.Split(text, "\n") {
					if p != "" {
						paras = append(paras, p)
					}
				}
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
// without a space (CJK; a space between Latin words), a line that ends short of the cell's
// right edge or a next line opening an item (1. （2）) starts a new line (\n), as a cell's
// paragraphs are kept apart in HTML and Word.
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
			case itemStart.MatchString(l.text) || prev.right < limit-1.5*math.Max(prev.height, 1):
				sb.WriteByte('\n')
			case needsSpace(prev.text, l.text):
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(l.text)
	}
	return strings.TrimSpace(sb.String())
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
// pdfLines(runs).
func pdfPageBlocks(runs []pdfRun, h, v []pdfSeg) []pdfLine {
	if len(h) < 2 || len(v) < 2 {
		return pdfLines(runs)
	}
	used := make([]bool, len(runs))
	var tables []pdfLine
	for _, reg := range pdfRegions(mergeSegs(h), mergeSegs(v)) {
		mark := append([]bool(nil), used...)
		t, ok := pdfGridTable(reg, runs, mark)
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
// repeat t's leading rows (the header printed again on each page) are dropped, grid and text.
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
