package workbook

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// colKind says how a column's cells are written and styled.
type colKind int

const (
	colText   colKind = iota // one line of text
	colWrap                  // long text, wrapped
	colInt                   // a count, #,##0
	colNum                   // a quantity: #,##0 when whole, #,##0.00 otherwise (cells may override)
	colPct                   // a fraction shown as 0.0%
	colDate                  // a date, yyyy-mm-dd
	colLink                  // text that is a hyperlink
	colWeight                // a keyword weight, 0.000
)

// column is one column of a sheet: its header and how wide it may grow.
type column struct {
	Header   string
	Kind     colKind
	Min, Max float64 // width bounds in column units (a Han character is two)
	Fold     bool    // grouped and folded away (outline level 1, hidden): not shown or printed until opened
}

// cell is one value to write, with an optional style override and link.
type cell struct {
	v     any // string, int, float64, time.Time or nil
	style int // 0: the column's style
	to    *loc
	ext   string // external link target (a URL or a path relative to the workbook)
}

// loc is a cell of another sheet, the target of an internal link.
type loc struct {
	sheet *sheet
	col   int // 1-based
	row   int
}

// link is one internal hyperlink, kept compact until the sheet is saved (see packer).
type link struct {
	row, toRow int32
	col, toCol uint16
	to         *sheet
	ext        string // an external target (a URL or a file's path) when to is nil
}

// measureRows is how many rows a sheet holds back to measure column widths before it starts
// streaming (widths must be set before the first row).
const measureRows = 200

// sheet streams the rows of one worksheet into one Excel table: it holds back the first
// measureRows rows to size the columns, then writes the frozen header and streams the rest.
// Links to other sheets' rows are collected (up to maxSheetLinks) and added when the workbook
// is saved; external links go through excelize (only the 概览 sheet has them).
type sheet struct {
	name, table string
	index       int // 1-based position in the workbook: the part xl/worksheets/sheet<index>.xml
	cols        []column
	xSplit      int     // frozen columns
	headerRow   int     // 1
	bottom      [][]any // rows below the table (the 合计 row), written by finish
	wrapRows    bool    // size rows to their wrapped text

	w       *Writer
	sw      *excelize.StreamWriter
	widths  []float64
	pending [][]cell
	started bool
	done    bool
	count   int // data rows added
	written int // last row number written

	links        []link
	extInjected  int // external links among links, with a relationship each (extRels)
	droppedLinks int
	relsWritten  bool // extRels has run
	droppedRows  int  // rows past Excel's last row, not written
}

// maxRows is the last row a sheet can have (Excel's limit); a variable for tests.
var maxRows = excelize.TotalRows

// nextRow is the row number the next added row will get.
func (s *sheet) nextRow() int { return s.headerRow + 1 + s.count }

// observe widens the columns to fit row.
func (s *sheet) observe(row []cell) {
	if s.widths == nil {
		s.widths = make([]float64, len(s.cols))
		for i, c := range s.cols {
			s.widths[i] = textWidth(c.Header) + 3 // room for the filter button
		}
	}
	for i, c := range row {
		if i >= len(s.cols) {
			break
		}
		if w := valueWidth(c.v, s.cols[i].Kind) + 1; w > s.widths[i] {
			s.widths[i] = w
		}
	}
}

// valueWidth is the display width of a value as its column shows it.
func valueWidth(v any, kind colKind) float64 {
	switch v := v.(type) {
	case nil:
		return 0
	case string:
		return textWidth(v)
	case int:
		return float64(len(itoa(v))) * 1.3 // with thousands separators
	case float64:
		switch kind {
		case colPct:
			return 7
		case colWeight:
			return 6
		}
		return float64(len(fmt.Sprintf("%.2f", v))) * 1.3
	}
	return 10 // dates
}

// add appends a data row.
func (s *sheet) add(row []cell) error {
	if s.done {
		return fmt.Errorf("sheet %s: row added after it was finished", s.name)
	}
	rowNum := s.nextRow()
	if rowNum > maxRows {
		s.droppedRows++
		return nil
	}
	s.count++
	for i, c := range row {
		switch {
		case c.to != nil:
			if len(s.links) >= maxSheetLinks {
				s.droppedLinks++
				continue
			}
			s.links = append(s.links, link{row: int32(rowNum), col: uint16(i + 1),
				to: c.to.sheet, toRow: int32(c.to.row), toCol: uint16(c.to.col)})
		case c.ext != "":
			if len(s.links) >= maxSheetLinks {
				s.droppedLinks++
				continue
			}
			s.links = append(s.links, link{row: int32(rowNum), col: uint16(i + 1), ext: c.ext})
			s.extInjected++
		}
	}
	if !s.started {
		s.observe(row)
		s.pending = append(s.pending, row)
		if len(s.pending) >= measureRows {
			return s.start()
		}
		return nil
	}
	return s.write(rowNum, row)
}

// start sets widths and panes, writes the top rows and header, then the rows held back.
func (s *sheet) start() error {
	if s.started {
		return nil
	}
	s.started = true
	s.observe(nil)
	sw := s.sw
	// Last column first: excelize puts each new <col> before the others, and Excel wants them
	// in ascending order.
	for i := len(s.cols) - 1; i >= 0; i-- {
		c := s.cols[i]
		wd := math.Ceil(math.Min(math.Max(s.widths[i], c.Min), c.Max))
		s.widths[i] = wd
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return fmt.Errorf("sheet %s: column width: %w", s.name, err)
		}
		if c.Fold {
			if err := sw.SetColOutlineLevel(i+1, 1); err != nil {
				return fmt.Errorf("sheet %s: column group: %w", s.name, err)
			}
			if err := sw.SetColVisible(i+1, i+1, false); err != nil {
				return fmt.Errorf("sheet %s: column group: %w", s.name, err)
			}
		}
	}
	topLeft, _ := excelize.CoordinatesToCellName(s.xSplit+1, s.headerRow+1)
	pane := "bottomLeft"
	if s.xSplit > 0 {
		pane = "bottomRight"
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, XSplit: s.xSplit, YSplit: s.headerRow, TopLeftCell: topLeft, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: topLeft, ActiveCell: topLeft, Pane: pane}},
	}); err != nil {
		return fmt.Errorf("sheet %s: panes: %w", s.name, err)
	}
	header := make([]any, len(s.cols))
	for i, c := range s.cols {
		header[i] = excelize.Cell{StyleID: s.w.st.header, Value: c.Header}
	}
	ref, _ := excelize.CoordinatesToCellName(1, s.headerRow)
	if err := sw.SetRow(ref, header, excelize.RowOpts{Height: s.headerHeight()}); err != nil {
		return fmt.Errorf("sheet %s: header: %w", s.name, err)
	}
	s.written = s.headerRow
	for i, row := range s.pending {
		if err := s.write(s.headerRow+1+i, row); err != nil {
			return err
		}
	}
	s.pending = nil
	return nil
}

// headerHeight fits headers that wrap in narrow columns.
func (s *sheet) headerHeight() float64 {
	lines := 1
	for i, c := range s.cols {
		if n := lineCount(c.Header, s.widths[i]-2); n > lines {
			lines = n
		}
	}
	return rowHeight(lines)
}

// rowHeight is the height in points of a row of n lines of 11-point CJK text: a line of
// 等线/DengXian 11 is 14.25 points in Excel; LibreOffice's CJK fallback fonts take about 15.
func rowHeight(lines int) float64 {
	return math.Min(409, 4+15.2*float64(lines))
}

// maxRowLines keeps one long cell from making a row taller than a screen.
const maxRowLines = 16

// write streams one row.
func (s *sheet) write(rowNum int, row []cell) error {
	vals := make([]any, len(s.cols))
	for i, col := range s.cols[min(len(row), len(s.cols)):] {
		vals[len(row)+i] = excelize.Cell{StyleID: s.w.st.forKind(col.Kind, nil)}
	}
	lines := 1
	for i, c := range row {
		if i >= len(s.cols) {
			break
		}
		col := s.cols[i]
		style := c.style
		if style == 0 {
			style = s.w.st.forKind(col.Kind, c.v)
		}
		if f, ok := c.v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
			c.v = nil // no such number in a spreadsheet
		}
		if c.v == nil { // blank, but with the column's borders
			vals[i] = excelize.Cell{StyleID: style}
			continue
		}
		if c.to != nil || c.ext != "" {
			style = s.w.st.link
		}
		v := c.v
		if str, ok := v.(string); ok {
			v = fitCell(str)
			if s.wrapRows && col.Kind == colWrap {
				if n := lineCount(str, s.widths[i]); n > lines {
					lines = n
				}
			}
		}
		vals[i] = excelize.Cell{StyleID: style, Value: v}
	}
	ref, _ := excelize.CoordinatesToCellName(1, rowNum)
	var err error
	if lines > 1 {
		err = s.sw.SetRow(ref, vals, excelize.RowOpts{Height: rowHeight(min(lines, maxRowLines))})
	} else {
		err = s.sw.SetRow(ref, vals)
	}
	if err != nil {
		return fmt.Errorf("sheet %s row %d: %w", s.name, rowNum, err)
	}
	s.written = rowNum
	return nil
}

// finish writes what is held back, adds the table and flushes the sheet.
func (s *sheet) finish() error {
	if s.done {
		return nil
	}
	if err := s.start(); err != nil {
		return err
	}
	s.done = true
	last := max(s.written, s.headerRow+1)
	for i, vals := range s.bottom {
		ref, _ := excelize.CoordinatesToCellName(1, last+1+i)
		if err := s.sw.SetRow(ref, vals); err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
		s.written = last + 1 + i
	}
	first, _ := excelize.CoordinatesToCellName(1, s.headerRow)
	end, _ := excelize.CoordinatesToCellName(len(s.cols), last)
	if err := s.sw.AddTable(&excelize.Table{
		Range: first + ":" + end, Name: s.table, StyleName: "TableStyleMedium2",
	}); err != nil {
		return fmt.Errorf("sheet %s: table: %w", s.name, err)
	}
	if err := s.sw.Flush(); err != nil {
		return fmt.Errorf("sheet %s: %w", s.name, err)
	}
	return nil
}

// writeLinks writes the sheet's links as a <hyperlinks> element: an internal one with its
// location, an external one with the id of its relationship (extRels writes them, numbered in
// the same order).
func (s *sheet) writeLinks(out io.Writer) error {
	bw := bufio.NewWriter(out)
	bw.WriteString("<hyperlinks>")
	ext := 0
	for _, l := range s.links {
		bw.WriteString(`<hyperlink ref="`)
		bw.WriteString(cellName(int(l.col), int(l.row)))
		if l.to == nil {
			ext++
			bw.WriteString(`" r:id="`)
			bw.WriteString(extRelID(ext))
		} else {
			bw.WriteString(`" location="`)
			bw.WriteString(locationOf(l.to.name, int(l.toCol), int(l.toRow)))
		}
		bw.WriteString(`"/>`)
	}
	bw.WriteString("</hyperlinks>")
	return bw.Flush()
}

// extRelID is the relationship id of the sheet's n-th external link (from 1); excelize's own
// ids are rId1, rId2 …, so these cannot collide.
func extRelID(n int) string { return "xlink" + strconv.Itoa(n) }

// extRels adds a relationship for each external link to the sheet's relationships part, which
// excelize wrote (it holds the sheet's table): excelize's SetCellHyperLink, which writes them
// itself, looks through every relationship of the sheet at each call, and 10,000 links took
// seconds.
func (s *sheet) extRels(rels []byte) []byte {
	end := bytes.LastIndex(rels, []byte("</Relationships>"))
	if end < 0 {
		return rels
	}
	var b bytes.Buffer
	b.Write(rels[:end])
	ext := 0
	for _, l := range s.links {
		if l.to != nil {
			continue
		}
		ext++
		b.WriteString(`<Relationship Id="`)
		b.WriteString(extRelID(ext))
		b.WriteString(`" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="`)
		xml.EscapeText(&b, []byte(l.ext))
		b.WriteString(`" TargetMode="External"/>`)
	}
	b.Write(rels[end:])
	s.relsWritten = true
	return b.Bytes()
}

// locationOf is the text of an internal link: '问题'!B12. Sheet names here are plain Han
// characters, so they need no escaping in XML or in the reference.
func locationOf(sheetName string, col, row int) string {
	return "'" + strings.ReplaceAll(sheetName, "'", "''") + "'!" + cellName(col, row)
}

// cellName is the A1 reference of a cell.
func cellName(col, row int) string {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return "A1"
	}
	return ref
}
