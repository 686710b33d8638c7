package workbook

import (
	"time"

	"github.com/xuri/excelize/v2"
)

// styles are the cell styles of a workbook, created once in a fixed order.
type styles struct {
	header, text, wrap, int, num2, pct, date, month, link, weight int
	total, totalInt, totalPct                                     int
}

// Number formats.
const (
	fmtInt    = "#,##0"
	fmtNum2   = "#,##0.00"
	fmtPct    = "0.0%"
	fmtDate   = "yyyy-mm-dd"
	fmtMonth  = "yyyy-mm"
	fmtWeight = "0.000"
)

func newStyles(f *excelize.File) (styles, error) {
	top := func(wrap bool) *excelize.Alignment {
		return &excelize.Alignment{Vertical: "top", WrapText: wrap}
	}
	numFmt := func(s string) *string { return &s }
	grid := []excelize.Border{ // light lines: LibreOffice does not draw table styles
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	type def struct {
		id    *int
		style excelize.Style
	}
	var defs []def
	var st styles
	add := func(id *int, s excelize.Style) {
		s.Border = grid
		defs = append(defs, def{id, s})
	}
	add(&st.header, excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	add(&st.text, excelize.Style{Alignment: top(false)})
	add(&st.wrap, excelize.Style{Alignment: top(true)})
	add(&st.int, excelize.Style{Alignment: top(false), CustomNumFmt: numFmt(fmtInt)})
	add(&st.num2, excelize.Style{Alignment: top(false), CustomNumFmt: numFmt(fmtNum2)})
	add(&st.pct, excelize.Style{Alignment: top(false), CustomNumFmt: numFmt(fmtPct)})
	add(&st.date, excelize.Style{Alignment: top(false), CustomNumFmt: numFmt(fmtDate)})
	add(&st.month, excelize.Style{Alignment: top(false), CustomNumFmt: numFmt(fmtMonth)})
	add(&st.link, excelize.Style{Alignment: top(false),
		Font: &excelize.Font{Color: "0563C1", Underline: "single"}})
	add(&st.weight, excelize.Style{Alignment: top(false), CustomNumFmt: numFmt(fmtWeight)})
	add(&st.total, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top(false)})
	add(&st.totalInt, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top(false),
		CustomNumFmt: numFmt(fmtInt)})
	add(&st.totalPct, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top(false),
		CustomNumFmt: numFmt(fmtPct)})
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return st, err
		}
		*d.id = id
	}
	return st, nil
}

// forKind is the style of a value in a column of the given kind.
func (st styles) forKind(kind colKind, v any) int {
	switch kind {
	case colWrap:
		return st.wrap
	case colInt:
		return st.int
	case colNum:
		if f, ok := v.(float64); ok && f != float64(int64(f)) {
			return st.num2
		}
		return st.int
	case colPct:
		return st.pct
	case colDate:
		if _, ok := v.(time.Time); ok {
			return st.date
		}
	case colLink:
		return st.link
	case colWeight:
		return st.weight
	}
	return st.text
}
