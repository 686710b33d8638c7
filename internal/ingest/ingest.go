// Package ingest turns the bytes of one input into paragraphs of text: it detects the format
// (txt, html, docx) and the encoding (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK,
// Big5) from the bytes, finds an HTML page's article body, title, publish date and page facts,
// drops page chrome, and splits the body into trimmed paragraphs.
package ingest

import (
	"context"
	"errors"
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
}

// DefaultMaxBytes is the largest input read unless the caller raises it.
const DefaultMaxBytes = 64 << 20

// Read decodes one input. name is its path or URL (the extension is a hint only).
func Read(name string, data []byte) (*Document, error) {
	return nil, errors.New("ingest: not implemented")
}

// FetchOptions bound a download.
type FetchOptions struct {
	MaxBytes int64
}

// Fetch downloads an http(s) URL.
func Fetch(ctx context.Context, url string, opt FetchOptions) ([]byte, error) {
	return nil, errors.New("ingest: fetch not implemented")
}
