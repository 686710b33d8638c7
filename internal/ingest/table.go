package ingest

import (
	"encoding/xml"
	"github.com/xuncha/xuncha/internal/bulletin"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Table is a table of the body as a grid (see bulletin.Table). The cells' text also stays in
// Document.Paragraphs (one paragraph a row in HTML, one a cell paragraph in Word, one a cell
// line in PDF), so nothing read is lost; Tables is a second view of the same text for
// readers of ledgers (整改台账).
type Table = bulletin.Table

// Cell is one grid position of a Table.
type Cell = bulletin.TableCell

// maxTableCells bounds a table's grid (rows × columns) so that a hostile rowspan or colspan
// cannot blow memory up; larger spans are clipped.
const (
	maxTableCols  = 64
	maxTableRows  = 5000
	maxSpan       = 1000
	maxTableCount = 200
)

// htmlTables reads the tables below nodes as grids. Only innermost tables count (a table that
// holds another table is page layout); tables with fewer than two rows or columns are dropped.
func htmlTables(nodes []*html.Node) []Table {
	var out []Table
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if len(out) >= maxTableCount {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Table && !hasNested(n, atom.Table) {
			if t, ok := htmlTable(n); ok {
				out = append(out, t)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return out
}

// hasNested says whether an element of kind a sits strictly below n.
func hasNested(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a || hasNested(c, a) {
			return true
		}
	}
	return false
}

// htmlTable builds the grid of one <table>: rows in document order (thead, tbody, tfoot as
// written), rowspan carried down, colspan carried right.
func htmlTable(t *html.Node) (Table, bool) {
	var rows []*html.Node
	var collect func(n *html.Node)
	collect = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				rows = append(rows, c)
			case atom.Thead, atom.Tbody, atom.Tfoot:
				collect(c)
			}
		}
	}
	collect(t)
	if len(rows) > maxTableRows {
		rows = rows[:maxTableRows]
	}
	g := newGrid(len(rows))
	for r, tr := range rows {
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
				continue
			}
			text := cellText(c)
			g.put(r, text, spanAttr(c, "rowspan"), spanAttr(c, "colspan"))
		}
		g.endRow(r)
	}
	return g.table()
}

// spanAttr reads rowspan or colspan: 1 when absent or bad, clipped to maxSpan.
func spanAttr(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err != nil || v < 1 {
				return 1
			}
			return min(v, maxSpan)
		}
	}
	return 1
}

// cellText is a cell's text as blockText renders it, its paragraphs joined by a newline
// (a cell's inner paragraphs are kept apart for readers that split measures on lines).
func cellText(n *html.Node) string {
	paras := blockText([]*html.Node{n})
	for i, p := range paras {
		paras[i] = cleanParagraph(p)
	}
	return strings.TrimSpace(strings.Join(paras, "\n"))
}

// grid places cells row by row, skipping positions a span from above already holds.
type grid struct {
	rows   map[int]map[int]Cell
	nrows  int
	ncols  int
	cursor map[int]int // next free column of a row
	limit  int         // rows the table has: a rowspan stops at its last row
}

func newGrid(rows int) *grid {
	return &grid{rows: map[int]map[int]Cell{}, cursor: map[int]int{}, limit: rows}
}

func (g *grid) taken(r, c int) bool { _, ok := g.rows[r][c]; return ok }

func (g *grid) set(r, c int, cell Cell) {
	if g.rows[r] == nil {
		g.rows[r] = map[int]Cell{}
	}
	g.rows[r][c] = cell
	g.nrows = max(g.nrows, r+1)
	g.ncols = max(g.ncols, c+1)
}

// put places a cell of row r at the row's next free column, covering rs rows and cs columns.
func (g *grid) put(r int, text string, rs, cs int) {
	c := g.cursor[r]
	for g.taken(r, c) {
		c++
	}
	if c >= maxTableCols {
		return
	}
	cs = min(cs, maxTableCols-c)
	rs = min(rs, g.limit-r)
	for dr := range rs {
		for dc := range cs {
			g.set(r+dr, c+dc, Cell{Text: text, Spanned: dr > 0 || dc > 0})
		}
	}
	g.cursor[r] = c + cs
}

// endRow marks row r as present even when it had no cells.
func (g *grid) endRow(r int) { g.nrows = max(g.nrows, r+1) }

// table returns the grid, every row as wide as the widest; false when it is not a table
// (fewer than two rows or two columns).
func (g *grid) table() (Table, bool) {
	if g.nrows < 2 || g.ncols < 2 {
		return Table{}, false
	}
	t := Table{Rows: make([][]Cell, 0, g.nrows)}
	for r := range g.nrows {
		row := make([]Cell, g.ncols)
		empty := true
		for c := range g.ncols {
			row[c] = g.rows[r][c]
			if row[c].Text != "" {
				empty = false
			}
		}
		if !empty {
			t.Rows = append(t.Rows, row)
		}
	}
	if len(t.Rows) < 2 {
		return Table{}, false
	}
	return t, true
}

// docxTables builds the grids of a Word document's w:tbl elements while parseDocumentXML walks
// the XML: w:gridSpan widens a cell, w:vMerge without val="restart" continues the cell above.
// Only innermost tables are kept (a table holding a table is layout).
type docxTables struct {
	open []*docxTable
	done []Table
}

type docxTable struct {
	rows   [][]docxCell
	nested bool
}

type docxCell struct {
	text strings.Builder
	span int
	cont bool // vMerge continues the cell above
}

func (d *docxTables) cur() *docxTable {
	if len(d.open) == 0 {
		return nil
	}
	return d.open[len(d.open)-1]
}

func (d *docxTables) cell() *docxCell {
	t := d.cur()
	if t == nil || len(t.rows) == 0 || len(t.rows[len(t.rows)-1]) == 0 {
		return nil
	}
	row := t.rows[len(t.rows)-1]
	return &row[len(row)-1]
}

func (d *docxTables) start(se xml.StartElement) {
	switch se.Name.Local {
	case "tbl":
		if t := d.cur(); t != nil {
			t.nested = true
		}
		d.open = append(d.open, &docxTable{})
	case "tr":
		if t := d.cur(); t != nil && len(t.rows) < maxTableRows {
			t.rows = append(t.rows, nil)
		}
	case "tc":
		if t := d.cur(); t != nil && len(t.rows) > 0 && len(t.rows[len(t.rows)-1]) < maxTableCols {
			t.rows[len(t.rows)-1] = append(t.rows[len(t.rows)-1], docxCell{span: 1})
		}
	case "gridSpan":
		if c := d.cell(); c != nil {
			v, _ := wAttr(se, "val")
			if n, err := strconv.Atoi(v); err == nil && n > 1 {
				c.span = min(n, maxTableCols)
			}
		}
	case "vMerge":
		if c := d.cell(); c != nil {
			v, _ := wAttr(se, "val")
			c.cont = v != "restart"
		}
	}
}

// text adds a finished paragraph to the open cell.
func (d *docxTables) text(s string) {
	c := d.cell()
	if c == nil || c.text.Len() > maxDocxParaText {
		return
	}
	if s = strings.TrimSpace(s); s == "" {
		return
	}
	if c.text.Len() > 0 {
		c.text.WriteByte('\n')
	}
	c.text.WriteString(s)
}

func (d *docxTables) end(ee xml.EndElement) {
	if ee.Name.Local != "tbl" || len(d.open) == 0 {
		return
	}
	t := d.open[len(d.open)-1]
	d.open = d.open[:len(d.open)-1]
	if t.nested || len(d.done) >= maxTableCount {
		return
	}
	g := newGrid(len(t.rows))
	for r, row := range t.rows {
		for _, c := range row {
			col := g.cursor[r]
			if c.cont && r > 0 {
				if above, ok := g.rows[r-1][col]; ok {
					for dc := range min(c.span, maxTableCols-col) {
						g.set(r, col+dc, Cell{Text: above.Text, Spanned: true})
					}
					g.cursor[r] = col + c.span
					continue
				}
			}
			g.put(r, cleanParagraph(c.text.String()), 1, c.span)
		}
		g.endRow(r)
	}
	if tb, ok := g.table(); ok {
		d.done = append(d.done, tb)
	}
}
