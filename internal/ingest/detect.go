package ingest

import (
	"bytes"
	"path"
	"regexp"
	"strings"
)

// Formats, as Document.Format and bulletin.Source.Format write them.
const (
	FormatTxt  = "txt"
	FormatHTML = "html"
	FormatDocx = "docx"
)

// binarySignature is one kind of file recognised by its first bytes and refused.
type binarySignature struct {
	magic []byte
	name  string // what the error calls it: "binary file (PDF)"
}

// binarySignatures are the non-text files people drop into a folder of bulletins. ZIP is handled
// separately (a .docx is a ZIP).
var binarySignatures = []binarySignature{
	{[]byte{0xFF, 0xD8, 0xFF}, "JPEG 图片"},                // JFIF/Exif
	{[]byte("\x89PNG\r\n\x1a\n"), "PNG 图片"},              // PNG
	{[]byte("GIF87a"), "GIF 图片"},                         // GIF
	{[]byte("GIF89a"), "GIF 图片"},                         // GIF
	{[]byte{0x1F, 0x8B}, "gzip 压缩包"},                     // .gz, .tgz
	{[]byte("Rar!\x1a\x07"), "RAR 压缩包"},                  // RAR
	{[]byte{'7', 'z', 0xBC, 0xAF, 0x27, 0x1C}, "7z 压缩包"}, // 7-Zip
	{[]byte("\x7fELF"), "ELF 可执行文件"},                     // Linux binary
	{[]byte("{\\rtf"), "RTF 文档，请另存为 .docx 或 .txt"},
	{[]byte("RIFF"), "RIFF 媒体文件（WebP/WAV/AVI）"},
	{[]byte("OggS"), "Ogg 媒体文件"},
	{[]byte("ID3"), "MP3 音频"},
}

var zipMagic = []byte("PK\x03\x04")

// pdfMagic opens a PDF file (read by readPDF).
var pdfMagic = []byte("%PDF-")

// sniffBinary names the kind of binary file data is, or returns "" for text and docx candidates.
func sniffBinary(data []byte) string {
	for _, sig := range binarySignatures {
		if sig.name != "" && bytes.HasPrefix(data, sig.magic) {
			return sig.name
		}
	}
	return ""
}

// looksLikeDocx says whether a ZIP holds (or, truncated, names) word/document.xml.
func looksLikeDocx(name string, data []byte) bool {
	if bytes.Contains(data, []byte("word/document.xml")) || bytes.Contains(data, []byte("[Content_Types].xml")) && bytes.Contains(data, []byte("word/")) {
		return true
	}
	return strings.EqualFold(path.Ext(name), ".docx")
}

// hasNUL reports NUL bytes, which no text in UTF-8, GB18030 or Big5 contains.
func hasNUL(data []byte) bool { return bytes.IndexByte(data, 0) >= 0 }

// htmlStart recognises markup at the start of a decoded input (after a BOM, spaces and
// comments): a doctype, <html, <head, <body, <meta, <title, <p, <div, <table, <article …
var htmlStart = regexp.MustCompile(`(?is)^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|p|div|table|article|section|span|center|font|h[1-6]|br|link|script|style)[\s>/]`)

// htmlInside finds typical markup further in, for a page saved with text before its first tag.
var htmlInside = regexp.MustCompile(`(?i)<(?:html|body)[\s>]|</(?:p|div|html|body|td)>`)

// mayHTMLStart reports whether htmlStart may match s. It is exact: past the spaces the pattern
// allows first (\s, ASCII), every branch of it goes on with <. Plain text fails it at its first
// character, and the expression is not started.
func mayHTMLStart(s string) bool {
	s = strings.TrimLeft(s, "\t\n\f\r ")
	return s != "" && s[0] == '<'
}

// isHTML decides whether decoded text is an HTML page. The name's extension is only a hint: a
// .txt holding markup is HTML, a .html holding plain text is text.
func isHTML(name, text string) bool {
	head := text
	if len(head) > 4096 {
		head = head[:4096]
	}
	if mayHTMLStart(head) && htmlStart.MatchString(head) {
		return true
	}
	ext := strings.ToLower(path.Ext(name))
	if ext == ".html" || ext == ".htm" || ext == ".shtml" || ext == ".xhtml" {
		return htmlInside.MatchString(head)
	}
	return false
}

// metaCharset finds a charset label in the first bytes of an HTML page (a hint only).
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-]+)`)

func charsetHint(data []byte) string {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if m := metaCharset.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}
