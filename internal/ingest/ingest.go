// Package ingest turns the bytes of one input into paragraphs of text: it detects the format
// (txt, html, docx) and the encoding (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK,
// Big5) from the bytes, finds an HTML page's article body, title, publish date and page facts,
// reads Word files with their list numbering, drops page chrome (breadcrumbs, timestamp and
// source lines, portal text, repeated titles, footers), removes the pinyin glosses mirror sites
// insert, and splits the body into trimmed paragraphs. Fetch downloads an http(s) input.
//
// Text is otherwise kept as written: full-width characters, quote variants and traditional
// characters are left for internal/fold.
package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/xuncha/xuncha/internal/quantity"
)

// Document is what ingest read from one input.
type Document struct {
	Format      string            // txt, html, docx
	Encoding    string            // utf-8, utf-8-bom, utf-16le, utf-16be, gb18030, big5
	Title       string            // the bulletin's title where the page or text gives one
	PublishDate string            // YYYY-MM-DD where the page gives one
	Publisher   string            // ContentSource, 发布机构, 信息来源
	Meta        map[string]string // page facts kept from chrome: 索引号, 发布机构, 成文日期 …
	Paragraphs  []string          // the body, trimmed, in order, none empty
	Tables      []Table           // the body's tables as grids (html, docx, doc, pdf); their text is in Paragraphs too
}

// DefaultMaxBytes is the largest input read unless the caller raises it.
const DefaultMaxBytes = 64 << 20

// errEmpty is the error for an input with nothing but whitespace.
var errEmpty = errors.New("空文件")

// Read decodes one input. name is its path or URL (the extension is a hint only). Errors are
// plain sentences without the name; the caller adds it.
func Read(name string, data []byte) (*Document, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errEmpty
	}
	if bytes.HasPrefix(data, pdfMagic) {
		return readPDF(data)
	}
	if bytes.HasPrefix(data, cfbMagic) {
		return readDoc(data)
	}
	if kind := sniffBinary(data); kind != "" {
		return nil, fmt.Errorf("不是公报文本：二进制文件（%s）", kind)
	}
	if bytes.HasPrefix(data, zipMagic) {
		if looksLikeDocx(name, data) {
			return readDocx(data)
		}
		return nil, errors.New("不是公报文本：ZIP 压缩包，不是 Word .docx 文档")
	}
	utf16 := bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE)
	if !utf16 && hasNUL(data) {
		return nil, errors.New("不是公报文本：二进制文件（含 NUL 字节）")
	}
	text, enc, err := decode(data, charsetHint(data))
	if err != nil {
		return nil, err
	}
	text = strings.TrimPrefix(text, "\uFEFF")
	if strings.TrimSpace(text) == "" { // U+3000 is a space to TrimSpace too: no copy without it
		return nil, errEmpty
	}
	if utf16 && strings.ContainsRune(text, 0) {
		return nil, errors.New("不是公报文本：二进制文件（含 NUL 字符）")
	}
	if isHTML(name, text) {
		return readHTML(text, enc)
	}
	doc := readText(text, enc)
	if len(doc.Paragraphs) == 0 && doc.Title == "" {
		return nil, errors.New("没有正文（只有网页栏目、导航等）")
	}
	return doc, nil
}

// readText reads a plain-text input: one paragraph a line.
func readText(text, enc string) *Document {
	doc := &Document{Format: FormatTxt, Encoding: enc}
	finish(doc, splitLines(text), "")
	return doc
}

// finish cleans the raw paragraphs of any format and fills the document: glosses removed,
// paragraphs trimmed, chrome before the body and after it dropped, title, date and page facts
// taken from the chrome. knownTitle is a title the format gave already (an HTML meta tag).
func finish(doc *Document, raw []string, knownTitle string) {
	paras := make([]string, 0, len(raw))
	for _, p := range raw {
		if p = cleanParagraph(p); p != "" {
			paras = append(paras, p)
		}
	}
	h := splitChrome(paras, cleanParagraph(knownTitle))
	doc.Paragraphs = h.body
	if doc.Title == "" {
		doc.Title = h.title
	}
	if doc.PublishDate == "" {
		doc.PublishDate = h.publishDate
	}
	if doc.PublishDate == "" {
		doc.PublishDate = signatureDate(doc.Paragraphs)
	}
	if doc.Publisher == "" {
		doc.Publisher = h.publisher
	}
	for k, v := range h.meta {
		if doc.Meta == nil {
			doc.Meta = make(map[string]string)
		}
		if _, ok := doc.Meta[k]; !ok {
			doc.Meta[k] = v
		}
	}
	if doc.Paragraphs == nil {
		doc.Paragraphs = []string{}
	}
}

// splitLines splits text into lines on \n, \r\n, a lone \r and the Unicode line and
// paragraph separators.
// The lines are slices of text: where it has other line ends than \n, they are cut one by one
// in a pass over its bytes, not replaced by \n first (a copy of the whole text).
func splitLines(text string) []string {
	if strings.IndexByte(text, '\r') < 0 && !strings.Contains(text, "\u2028") && !strings.Contains(text, "\u2029") {
		return strings.Split(text, "\n")
	}
	lines := make([]string, 0, strings.Count(text, "\n")+strings.Count(text, "\r")+1)
	start := 0
	for i := 0; i < len(text); {
		n := 0 // the length of the line end at i
		switch text[i] {
		case '\n':
			n = 1
		case '\r':
			n = 1
			if i+1 < len(text) && text[i+1] == '\n' {
				n = 2
			}
		case 0xE2: // U+2028, U+2029
			if strings.HasPrefix(text[i:], "\u2028") || strings.HasPrefix(text[i:], "\u2029") {
				n = len("\u2028")
			}
		}
		if n == 0 {
			i++
			continue
		}
		lines = append(lines, text[start:i])
		i += n
		start = i
	}
	return append(lines, text[start:])
}

// cleanParagraph removes pinyin glosses and \r, and trims spaces of every width (ASCII,
// full-width U+3000, no-break, zero-width) at both ends. Inner whitespace is kept as written.
func cleanParagraph(p string) string {
	p = strings.ReplaceAll(p, "\r", "")
	p = removeGlosses(p)
	return strings.TrimFunc(p, isTrimSpace)
}

func isTrimSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\u00A0', '\u3000', '\u200B', '\u200C', '\u200D', '\uFEFF', '\u2002', '\u2003', '\u2009', '\u202F', '\u205F', '\u0085':
		return true
	}
	return false
}

// closingSuffix may end the date of a bulletin's signature (落款): 2024年1月18日印发.
var closingSuffix = []string{"印发", "发布"}

// signatureDate returns the date of the signature when one of the last three paragraphs is only
// a full date (2024年1月18日, 二〇二四年一月十八日, 2024年1月18日印发), as YYYY-MM-DD, else "".
// The date is read by quantity.ParseDate.
func signatureDate(paras []string) string {
	for k := len(paras) - 1; k >= 0 && k >= len(paras)-3; k-- {
		p := strings.TrimSpace(paras[k])
		for _, s := range closingSuffix {
			p = strings.TrimSuffix(p, s)
		}
		if !mayDateStart(strings.TrimSpace(p)) {
			continue // no date starts it, so it is not one (a long closing paragraph is read no further)
		}
		if d, ok := quantity.ParseDate(p, 0); ok && d.End == "" && strings.HasSuffix(d.Text, "日") {
			if day := chromeDay(d); day != "" {
				return day
			}
		}
	}
	return ""
}
