package workbook

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/testcorpus"
	"github.com/xuri/excelize/v2"
)

// excelizeChecked is the excelize version whose sheet XML the hyperlink injection (packer,
// injector: the links added right after </sheetData>) was checked against.
const excelizeChecked = "v2.11.1"

// worksheetOrder is the order of a worksheet's child elements in the Office Open XML schema
// (CT_Worksheet, ECMA-376 Part 1, 18.3.1.99). Excel refuses a sheet whose children are out
// of this order, and <hyperlinks> must come after <sheetData> and everything between them.
var worksheetOrder = []string{
	"sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
	"sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate",
	"customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations",
	"hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks",
	"colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
	"legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems",
	"tableParts", "extLst",
}

// TestHyperlinkInjectionPinned pins the injection of internal hyperlinks against the excelize
// version in go.mod: every sheet's children stay in schema order with <hyperlinks> where the
// schema puts it, excelize reads every injected link back, and an excelize upgrade fails here
// until someone has looked at what the new version writes after </sheetData>.
func TestHyperlinkInjectionPinned(t *testing.T) {
	if v := excelizeVersion(t); v != excelizeChecked {
		t.Errorf("excelize is %s, the injection was checked against %s: write a workbook, check "+
			"that nothing excelize writes now belongs between </sheetData> and <hyperlinks>, then "+
			"update excelizeChecked", v, excelizeChecked)
	}
	path := writeBook(t, []*bulletin.Bulletin{seedBulletin(), synthBulletin(1, 5)})
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	rank := map[string]int{}
	for i, name := range worksheetOrder {
		rank[name] = i
	}
	links := 0
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		children, n := worksheetChildren(t, zf.Name, rc)
		rc.Close()
		links += n
		last := -1
		for _, c := range children {
			r, ok := rank[c]
			if !ok {
				t.Errorf("%s: element <%s> is not a worksheet child the schema knows", zf.Name, c)
				continue
			}
			if r <= last && c != "conditionalFormatting" {
				t.Errorf("%s: <%s> out of schema order in %v", zf.Name, c, children)
			}
			last = r
		}
	}
	if links == 0 {
		t.Fatal("no hyperlink written: the test workbook should link problems and bulletins")
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := false
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r := range rows {
			for c := range rows[r] {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if ok, target, _ := f.GetCellHyperLink(sheet, cell); ok && target != "" {
					found = true
				}
			}
		}
	}
	if !found {
		t.Errorf("excelize reads none of the %d injected hyperlinks back", links)
	}
}

// worksheetChildren lists the top-level children of a worksheet part and counts its
// <hyperlink> elements.
func worksheetChildren(t *testing.T, name string, r io.Reader) ([]string, int) {
	t.Helper()
	dec := xml.NewDecoder(r)
	depth, links := 0, 0
	var children []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: not well-formed XML: %v", name, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 2 {
				children = append(children, tok.Name.Local)
			}
			if tok.Name.Local == "hyperlink" {
				links++
			}
		case xml.EndElement:
			depth--
		}
	}
	return children, links
}

// excelizeVersion is the excelize version go.mod requires.
func excelizeVersion(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(testcorpus.Path("go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == "github.com/xuri/excelize/v2" {
			return f[1]
		}
		if len(f) >= 3 && f[0] == "require" && f[1] == "github.com/xuri/excelize/v2" {
			return f[2]
		}
	}
	t.Fatal("go.mod does not require excelize")
	return ""
}
