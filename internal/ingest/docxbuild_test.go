package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// This file builds .docx files for tests: a zip with the minimal parts Word needs
// ([Content_Types].xml, _rels/.rels, word/document.xml) plus numbering.xml and styles.xml when
// asked. Output is deterministic (fixed times, fixed order), so a generated file can be compared
// byte for byte with the committed one.

// docxPara is one paragraph of a test document.
type docxPara struct {
	Text  string // \t becomes w:tab, \n becomes w:br
	NumID int    // w:numId; 0 for a paragraph outside a list
	Level int    // w:ilvl
	Style string // w:pStyle
}

// docxSpec is a whole test document.
type docxSpec struct {
	Paras     []docxPara
	Numbering string // body of word/numbering.xml inside <w:numbering>; "" for none
	Styles    string // body of word/styles.xml inside <w:styles>; "" for none
	Raw       string // when set, the w:body content as is (for malformed-input tests)
}

// bulletinNumbering is the list Chinese bulletins use: 一、 （一） 1. （1）, with the 1. level
// numbered on across categories (w:lvlRestart 0), as the seed bulletin numbers its topics.
const bulletinNumbering = `<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%5"/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`

const docxNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// buildDocx writes spec as .docx bytes.
func buildDocx(spec docxSpec) ([]byte, error) {
	var body strings.Builder
	if spec.Raw != "" {
		body.WriteString(spec.Raw)
	}
	for _, p := range spec.Paras {
		body.WriteString("<w:p>")
		if p.NumID != 0 || p.Style != "" {
			body.WriteString("<w:pPr>")
			if p.Style != "" {
				fmt.Fprintf(&body, `<w:pStyle w:val="%s"/>`, p.Style)
			}
			if p.NumID != 0 {
				fmt.Fprintf(&body, `<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, p.Level, p.NumID)
			}
			body.WriteString("</w:pPr>")
		}
		body.WriteString("<w:r>")
		for i, line := range strings.Split(p.Text, "\n") {
			if i > 0 {
				body.WriteString("<w:br/>")
			}
			for j, cell := range strings.Split(line, "\t") {
				if j > 0 {
					body.WriteString("<w:tab/>")
				}
				if cell != "" {
					body.WriteString(`<w:t xml:space="preserve">`)
					xml.EscapeText(&body, []byte(cell))
					body.WriteString("</w:t>")
				}
			}
		}
		body.WriteString("</w:r></w:p>")
	}

	type part struct{ name, content string }
	parts := []part{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` + overrides(spec) + `</Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + docxNS + `><w:body>` + body.String() + `<w:sectPr/></w:body></w:document>`},
	}
	var rels strings.Builder
	if spec.Numbering != "" {
		parts = append(parts, part{"word/numbering.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ` + docxNS + `>` + spec.Numbering + `</w:numbering>`})
		rels.WriteString(`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`)
	}
	if spec.Styles != "" {
		parts = append(parts, part{"word/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ` + docxNS + `>` + spec.Styles + `</w:styles>`})
		rels.WriteString(`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`)
	}
	parts = append(parts, part{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`})
	return zipParts(func(add func(name string, content []byte) error) error {
		for _, p := range parts {
			if err := add(p.name, []byte(p.content)); err != nil {
				return err
			}
		}
		return nil
	})
}

// overrides declares the content types of the optional parts present.
func overrides(spec docxSpec) string {
	var b strings.Builder
	if spec.Numbering != "" {
		b.WriteString(`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>`)
	}
	if spec.Styles != "" {
		b.WriteString(`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>`)
	}
	return b.String()
}

// zipParts writes a deterministic zip archive, deflated.
func zipParts(write func(add func(name string, content []byte) error) error) ([]byte, error) {
	return zipPartsMethod(zip.Deflate, write)
}

// zipPartsMethod writes a deterministic zip archive with the given method (zip.Store is fast).
func zipPartsMethod(method uint16, write func(add func(name string, content []byte) error) error) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	modified := time.Date(2024, 10, 8, 9, 0, 0, 0, time.UTC)
	add := func(name string, content []byte) error {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: modified})
		if err != nil {
			return err
		}
		_, err = w.Write(content)
		return err
	}
	if err := write(add); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
