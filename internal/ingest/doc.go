package ingest

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding/charmap"
)

// Legacy Word (.doc, Word 97-2003) is read per [MS-DOC]: the compound file (github.com/
// richardlehane/mscfb) holds the WordDocument stream and a table stream (0Table or 1Table, as
// the FIB says); the FIB gives the main text's length (ccpText) and the place of the CLX in the
// table stream; the CLX's piece table (PlcPcd) maps character positions to the bytes of each
// piece, either 8-bit (compressed, Windows-1252) or UTF-16LE. \r ends a paragraph, \x07 a table
// cell (each cell's paragraphs stay paragraphs of their own), \x0b is a line break, and a
// field's code (between \x13 and \x14) is dropped, its result kept. Tables are also rebuilt as
// grids from the paragraph properties (docprops.go).

// FormatDoc is a Word 97-2003 document.
const FormatDoc = "doc"

// cfbMagic opens a compound file (.doc, .xls, .ppt, .msg).
var cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// maxDocStream is the largest stream of a .doc read (the text of a bulletin is far smaller).
const maxDocStream = 64 << 20

// readDoc reads the main text of a Word 97-2003 document.
func readDoc(data []byte) (*Document, error) {
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("复合文档已损坏（%v）", err)
	}
	streams := map[string][]byte{}
	for e, err := r.Next(); err == nil; e, err = r.Next() {
		switch e.Name {
		case "WordDocument", "0Table", "1Table", "Data":
			b, err := io.ReadAll(io.LimitReader(e, maxDocStream))
			if err != nil {
				return nil, fmt.Errorf("Word 文档已损坏：流 %s（%v）", e.Name, err)
			}
			streams[e.Name] = b
		}
	}
	wd := streams["WordDocument"]
	if wd == nil {
		return nil, errors.New("不是公报文本：复合文档，但不是 Word 文档（Excel、PowerPoint 或 Outlook？）")
	}
	text, pieces, err := docText(wd, streams)
	if err != nil {
		return nil, err
	}
	doc := &Document{Format: FormatDoc, Encoding: "utf-16le"}
	paras, ends := docParagraphs(text)
	doc.Tables = docTables(paras, ends, pieces, newDocPapx(wd, streams[docTableName(wd)], streams["Data"]))
	finish(doc, paras, "")
	if len(doc.Paragraphs) == 0 && doc.Title == "" {
		return nil, errors.New("Word 文档为空（没有文字）")
	}
	return doc, nil
}

// docTableName is the name of the table stream the FIB points to (fWhichTblStm).
func docTableName(wd []byte) string {
	if len(wd) >= 0x0C && binary.LittleEndian.Uint16(wd[0x0A:])&0x0200 != 0 {
		return "1Table"
	}
	return "0Table"
}

// docPiece is one piece of the piece table: character positions [start, end) stored from byte
// fc of the WordDocument stream, one byte a character when compressed, else two.
type docPiece struct {
	start, end, fc int
	compressed     bool
}

// fcOf returns the file position of character position cp; false when no piece holds it.
func fcOf(pieces []docPiece, cp int) (uint32, bool) {
	for _, p := range pieces {
		if cp >= p.start && cp < p.end {
			if p.compressed {
				return uint32(p.fc + cp - p.start), true
			}
			return uint32(p.fc + 2*(cp-p.start)), true
		}
	}
	return 0, false
}

// docText returns the main document text (CPs 0 to ccpText) through the piece table.
func docText(wd []byte, streams map[string][]byte) (string, []docPiece, error) {
	const (
		fibClx   = 0x01A2 // fcClx, then lcbClx, in FibRgFcLcb97
		fibCcp   = 0x004C // ccpText in FibRgLw97
		fibFlags = 0x000A
	)
	if len(wd) < fibClx+8 || binary.LittleEndian.Uint16(wd) != 0xA5EC {
		return "", nil, errors.New("Word 文档已损坏（没有 Word 97-2003 文件信息块；是 Word 6/95 文件？）")
	}
	flags := binary.LittleEndian.Uint16(wd[fibFlags:])
	if flags&0x0100 != 0 {
		return "", nil, errors.New("Word 文档已加密（有密码保护）")
	}
	tableName := docTableName(wd)
	table := streams[tableName]
	ccp := int(binary.LittleEndian.Uint32(wd[fibCcp:]))
	fc := int(binary.LittleEndian.Uint32(wd[fibClx:]))
	lcb := int(binary.LittleEndian.Uint32(wd[fibClx+4:]))
	if table == nil || fc < 0 || lcb <= 0 || fc > len(table) || lcb > len(table)-fc {
		return "", nil, fmt.Errorf("Word 文档已损坏（%s 中没有片段表）", tableName)
	}
	clx := table[fc : fc+lcb]
	// Skip the Prc entries (0x01, cbGrpprl, grpprl) to the Pcdt (0x02, lcb, PlcPcd).
	k := 0
	for k < len(clx) && clx[k] == 0x01 {
		if k+3 > len(clx) {
			return "", nil, errors.New("Word 文档已损坏（片段表）")
		}
		k += 3 + int(int16(binary.LittleEndian.Uint16(clx[k+1:])))
		if k < 0 {
			return "", nil, errors.New("Word 文档已损坏（片段表）")
		}
	}
	if k+5 > len(clx) || clx[k] != 0x02 {
		return "", nil, errors.New("Word 文档已损坏（片段表）")
	}
	n := int(binary.LittleEndian.Uint32(clx[k+1:]))
	plc := clx[k+5:]
	if n > len(plc) || n < 16 || (n-4)%12 != 0 {
		return "", nil, errors.New("Word 文档已损坏（片段表）")
	}
	pieces := (n - 4) / 12
	cp := func(i int) int { return int(binary.LittleEndian.Uint32(plc[4*i:])) }
	var sb strings.Builder
	var ps []docPiece
	for i := 0; i < pieces && cp(i) < ccp; i++ {
		start, end := cp(i), min(cp(i+1), ccp)
		if end <= start {
			continue
		}
		pcd := plc[4*(pieces+1)+8*i:]
		fcv := binary.LittleEndian.Uint32(pcd[2:])
		count := end - start
		if fcv&0x40000000 != 0 {
			off := int(fcv&0x3FFFFFFF) / 2
			ps = append(ps, docPiece{start, end, off, true})
			if off < 0 || off+count > len(wd) {
				return "", nil, errors.New("Word 文档已损坏（文字片段超出流）")
			}
			s, _ := charmap.Windows1252.NewDecoder().Bytes(wd[off : off+count])
			sb.Write(s)
			continue
		}
		off := int(fcv)
		ps = append(ps, docPiece{start, end, off, false})
		if off < 0 || off+2*count > len(wd) {
			return "", nil, errors.New("Word 文档已损坏（文字片段超出流）")
		}
		u := make([]uint16, count)
		for j := range u {
			u[j] = binary.LittleEndian.Uint16(wd[off+2*j:])
		}
		sb.WriteString(string(utf16.Decode(u)))
	}
	return sb.String(), ps, nil
}

// docMark is the mark that ends a paragraph: its character position and whether it is a cell
// mark (\x07); cp is -1 for the text after the last mark.
type docMark struct {
	cp   int
	cell bool
}

// docParagraphs splits the text on paragraph and cell marks, dropping field codes and the
// special characters of the format; ends[i] is the mark that ended paragraph i.
func docParagraphs(text string) (paras []string, ends []docMark) {
	var cur strings.Builder
	depth, inCode := 0, false
	cp := 0 // the character position of r: one a UTF-16 unit
	for _, r := range text {
		at := cp
		if n := utf16.RuneLen(r); n > 0 {
			cp += n
		} else {
			cp++
		}
		switch r {
		case 0x13: // field begin: code follows
			depth++
			inCode = true
			continue
		case 0x14: // field separator: result follows
			inCode = false
			continue
		case 0x15: // field end
			depth = max(depth-1, 0)
			inCode = false
			continue
		}
		if inCode && depth > 0 {
			continue
		}
		switch r {
		case '\r', 0x07, 0x0C, 0x0B:
			paras = append(paras, cur.String())
			ends = append(ends, docMark{at, r == 0x07})
			cur.Reset()
		case 0x1E:
			cur.WriteByte('-')
		case 0x01, 0x08, 0x1F, 0x02, 0x05:
		default:
			if r >= 0x20 || r == '\t' {
				cur.WriteRune(r)
			}
		}
	}
	paras = append(paras, cur.String())
	ends = append(ends, docMark{-1, false})
	return paras, ends
}

// docTables rebuilds the grids of the document's tables from the paragraph properties: cells end
// with a cell mark, a row with a paragraph marked as its end (whose properties give the row's
// cell edges and merges), and a table where paragraphs leave tables. Columns are the edges of
// all rows together, so a cell as wide as two spans both; a cell continuing the one above (a
// vertically merged category) carries its text, marked Spanned. A nested table's cells are
// joined into the cell that holds them. Without readable properties the grids are guessed
// from the marks alone (docTablesByMarks).
func docTables(paras []string, ends []docMark, pieces []docPiece, papx *docPapx) []Table {
	if papx == nil {
		return docTablesByMarks(paras, ends)
	}
	var (
		out  []Table
		rows [][]string
		defs [][]docCellDef
		row  []string
		cell []string
		seen bool // a paragraph with table properties was read
	)
	flush := func() {
		if t, ok := docGrid(rows, defs); ok && len(out) < maxTableCount {
			out = append(out, t)
		}
		rows, defs, row, cell = nil, nil, nil, nil
	}
	for i, p := range paras {
		var pr docProps
		if fc, ok := fcOf(pieces, ends[i].cp); ok {
			pr = papx.props(fc)
		}
		seen = seen || pr.inTable
		if !pr.inTable {
			if len(rows) > 0 || len(row) > 0 {
				flush()
			}
			continue
		}
		if pr.rowEnd && pr.depth <= 1 {
			if len(rows) < maxTableRows {
				rows = append(rows, row)
				defs = append(defs, pr.cells)
			}
			row, cell = nil, nil
			continue
		}
		cell = append(cell, strings.TrimSpace(p))
		if ends[i].cell && pr.depth <= 1 {
			row = append(row, strings.TrimSpace(strings.Join(cell, "\n")))
			cell = nil
		}
	}
	flush()
	if !seen {
		return docTablesByMarks(paras, ends) // properties without table marks: guess
	}
	return out
}

// docGrid lays rows of cell texts on the columns their edges give.
func docGrid(rows [][]string, defs [][]docCellDef) (Table, bool) {
	var edges []int
	for r, d := range defs {
		if len(d) != len(rows[r]) {
			continue
		}
		for _, c := range d {
			edges = append(edges, c.left, c.right)
		}
	}
	sort.Ints(edges)
	// Edges closer than a few points are one (rows drawn by hand rarely align exactly).
	const near = 40 // twips
	var cols []int
	for _, e := range edges {
		if len(cols) == 0 || e-cols[len(cols)-1] > near {
			cols = append(cols, e)
		}
	}
	col := func(x int) int {
		best := 0
		for k, e := range cols {
			if abs(e-x) < abs(cols[best]-x) {
				best = k
			}
		}
		return best
	}
	ncols := len(cols) - 1
	for _, r := range rows {
		ncols = max(ncols, len(r)) // rows without edges are laid cell by cell
	}
	ncols = min(ncols, maxTableCols)
	if len(rows) < 2 || ncols < 2 {
		return Table{}, false
	}
	t := Table{Rows: make([][]Cell, 0, len(rows))}
	for r, texts := range rows {
		out := make([]Cell, ncols)
		d := defs[r]
		for k, text := range texts {
			c0, c1 := k, k+1
			if len(d) == len(texts) && len(cols) > 1 {
				c0, c1 = col(d[k].left), col(d[k].right)
			}
			if c0 >= ncols {
				continue
			}
			c1 = min(max(c1, c0+1), ncols)
			spanned := false
			if len(d) == len(texts) && text == "" && len(t.Rows) > 0 {
				switch {
				case d[k].vertCont:
					text, spanned = t.Rows[len(t.Rows)-1][c0].Text, true
				case d[k].horzCont && c0 > 0:
					text, spanned = out[c0-1].Text, true
				}
			}
			for c := c0; c < c1; c++ {
				out[c] = Cell{Text: text, Spanned: spanned || c > c0}
			}
		}
		empty := true
		for _, c := range out {
			if c.Text != "" {
				empty = false
			}
		}
		if !empty {
			t.Rows = append(t.Rows, out)
		}
	}
	if len(t.Rows) < 2 {
		return Table{}, false
	}
	return t, true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// docTablesByMarks rebuilds grids from runs of cell-ended paragraphs, for a file whose paragraph
// properties cannot be read. Without them a row's end mark (an empty \x07 paragraph after its last cell) looks like an empty cell, so a
// run is a table of N columns when it splits into rows of N cells each followed by an empty
// mark; the smallest such N wins, and a run that fits none stays paragraphs only. A cell of
// several paragraphs, and merged cells (read as empty here), are not rebuilt.
func docTablesByMarks(paras []string, ends []docMark) []Table {
	cellEnd := make([]bool, len(ends))
	for i, e := range ends {
		cellEnd[i] = e.cell
	}
	var out []Table
	for i := 0; i < len(paras) && len(out) < maxTableCount; {
		if !cellEnd[i] {
			i++
			continue
		}
		// A run of cells; a cell of several paragraphs (\r-ended ones before its \x07) joins
		// its paragraphs, unless it comes after an empty mark (a row end: the next paragraph
		// may be prose after the table).
		var run []string
		j := i
		for j < len(paras) {
			if cellEnd[j] {
				run = append(run, paras[j])
				j++
				continue
			}
			k := j
			for k < len(paras) && !cellEnd[k] {
				k++
			}
			if k == len(paras) || len(run) == 0 || strings.TrimSpace(run[len(run)-1]) == "" {
				break
			}
			run = append(run, strings.Join(paras[j:k+1], "\n"))
			j = k + 1
		}
		i = j
		for n := 2; n <= maxTableCols && n < len(run); n++ {
			if len(run)%(n+1) != 0 {
				continue
			}
			fits := true
			for k := n; k < len(run); k += n + 1 {
				if strings.TrimSpace(run[k]) != "" {
					fits = false
					break
				}
			}
			if !fits {
				continue
			}
			g := newGrid(len(run) / (n + 1))
			for r := 0; r < len(run)/(n+1); r++ {
				for c := 0; c < n; c++ {
					g.put(r, strings.TrimSpace(run[r*(n+1)+c]), 1, 1)
				}
				g.endRow(r)
			}
			if t, ok := g.table(); ok {
				out = append(out, t)
			}
			break
		}
	}
	return out
}
