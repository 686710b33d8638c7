package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"runtime/debug"
	"strings"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/extract"
	"github.com/xuncha/xuncha/internal/ingest"
	"github.com/xuncha/xuncha/internal/segment"
	"github.com/xuncha/xuncha/internal/structure"
)

// Process runs every stage over the content of one input: ingest.Read, structure.Parse, the
// Bulletin's source and page facts, extract.Extract, and seg.Annotate (skipped when seg is
// nil). Errors are *InputError values naming the input ("corpus/x.txt: binary file (PDF)"); a
// panic in a stage becomes such an error too, so one bad input never stops a batch.
func Process(in Input, data []byte, seg *segment.Segmenter) (*bulletin.Bulletin, error) {
	var segFn func() (*segment.Segmenter, error)
	if seg != nil {
		segFn = func() (*segment.Segmenter, error) { return seg, nil }
	}
	return processRecover(in, data, "", segFn)
}

// processFunc is the shape of process, so that tests of the batch machinery can replace it.
type processFunc func(in Input, data []byte, sum string, seg func() (*segment.Segmenter, error)) (*bulletin.Bulletin, error)

// processRecover is process with a panic turned into an error for the input.
func processRecover(in Input, data []byte, sum string, seg func() (*segment.Segmenter, error)) (*bulletin.Bulletin, error) {
	return safely(process, in, data, sum, seg)
}

// safely calls fn and turns a panic into an *InputError that says where it happened.
func safely(fn processFunc, in Input, data []byte, sum string, seg func() (*segment.Segmenter, error)) (b *bulletin.Bulletin, err error) {
	defer func() {
		if r := recover(); r != nil {
			b = nil
			err = &InputError{Input: in.Name, Err: fmt.Errorf("内部错误，请报告：panic: %v [%s]", r, panicSite(debug.Stack()))}
		}
	}()
	return fn(in, data, sum, seg)
}

// process runs the stages; sum is the hex SHA-256 of data when the caller has it already.
// Fuzzing calls it directly, so that panics are seen.
func process(in Input, data []byte, sum string, seg func() (*segment.Segmenter, error)) (*bulletin.Bulletin, error) {
	name := in.Path
	if in.URL != "" {
		name = in.URL
	}
	doc, err := ingest.Read(name, data)
	if err != nil {
		return nil, &InputError{Input: in.Name, Err: err}
	}
	if doc == nil {
		return nil, &InputError{Input: in.Name, Err: fmt.Errorf("内部错误：读取阶段没有返回文档")}
	}
	if sum == "" {
		d := sha256.Sum256(data)
		sum = hex.EncodeToString(d[:])
	}
	b := &bulletin.Bulletin{
		Source: bulletin.Source{
			Path:     in.Path,
			URL:      redactURL(in.URL),
			SHA256:   sum,
			Format:   doc.Format,
			Encoding: doc.Encoding,
			Bytes:    int64(len(data)),
		},
		Title:       doc.Title,
		PublishDate: bulletin.Day(doc.PublishDate),
		Publisher:   doc.Publisher,
		Meta:        maps.Clone(doc.Meta),
		Tables:      doc.Tables,
	}
	if b.Source.Path == "" && b.Source.URL == "" {
		b.Source.Path = in.Name // "-" for standard input, a label for in-memory data
	}
	b.Paragraphs, b.Sections = structure.Parse(doc.Paragraphs)
	extract.Extract(b)
	if seg != nil {
		s, err := seg()
		if err != nil {
			return nil, &InputError{Input: in.Name, Err: fmt.Errorf("加载分词词典失败：%w", err)}
		}
		if s != nil {
			s.Annotate(b)
		}
	}
	fillEmpty(b)
	return b, nil
}

// fillEmpty turns nil lists into empty ones, so that the JSON record has [] where the
// contract has a list, never null.
func fillEmpty(b *bulletin.Bulletin) {
	if b.Sections == nil {
		b.Sections = []bulletin.Section{}
	}
	if b.Problems == nil {
		b.Problems = []bulletin.Problem{}
	}
	if b.Metrics == nil {
		b.Metrics = []bulletin.Metric{}
	}
	if b.Dates == nil {
		b.Dates = []bulletin.Date{}
	}
	if b.Keywords == nil {
		b.Keywords = []bulletin.Keyword{}
	}
	if b.Paragraphs == nil {
		b.Paragraphs = []bulletin.Paragraph{}
	}
	if b.Checks == nil {
		b.Checks = []bulletin.Check{}
	}
	if b.Warnings == nil {
		b.Warnings = []bulletin.Warning{}
	}
	if b.Contacts.Phones == nil {
		b.Contacts.Phones = []string{}
	}
	if b.Contacts.Emails == nil {
		b.Contacts.Emails = []string{}
	}
	for i := range b.Problems {
		p := &b.Problems[i]
		if p.Measures == nil {
			p.Measures = []bulletin.Measure{}
		}
		if p.Metrics == nil {
			p.Metrics = []bulletin.Metric{}
		}
		if p.Orgs == nil {
			p.Orgs = []string{}
		}
		if p.Keywords == nil {
			p.Keywords = []bulletin.Keyword{}
		}
	}
}

// panicSite picks the first frame of a panic's stack that is Xuncha's own code and not the
// recovering function, so the one-line error says where it happened.
func panicSite(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	for i := 0; i+1 < len(lines); i++ {
		fn := strings.TrimSpace(lines[i])
		if !strings.HasPrefix(fn, "github.com/xuncha/xuncha/") || strings.HasPrefix(fn, "github.com/xuncha/xuncha/internal/pipeline.safely") {
			continue
		}
		if j := strings.LastIndexByte(fn, '('); j > 0 {
			fn = fn[:j]
		}
		loc := strings.TrimSpace(lines[i+1])
		if j := strings.LastIndexByte(loc, ' '); j > 0 {
			loc = loc[:j]
		}
		if j := strings.LastIndex(loc, "/internal/"); j >= 0 {
			loc = loc[j+1:]
		}
		return strings.TrimPrefix(fn, "github.com/xuncha/xuncha/") + " " + loc
	}
	return "unknown site"
}

// Reread runs every stage again over stored bytes: name is the path or URL they were read
// from (a URL when it starts with http:// or https://), seg as Options.Segment. The archive's
// --reextract uses it.
func Reread(name string, data []byte, seg func() (*segment.Segmenter, error)) (*bulletin.Bulletin, error) {
	in := Input{Name: name, Path: name}
	if strings.HasPrefix(name, "http://") || strings.HasPrefix(name, "https://") {
		in.Path, in.URL = "", name
	}
	return processRecover(in, data, "", seg)
}
