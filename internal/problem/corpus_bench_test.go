package problem_test

import (
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/header"
	"github.com/xuncha/xuncha/internal/ingest"
	"github.com/xuncha/xuncha/internal/pipeline/gen"
	"github.com/xuncha/xuncha/internal/problem"
	"github.com/xuncha/xuncha/internal/structure"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

// corpusBulletins reads the corpora and 100 generated bulletins through the stages before
// problem.Extract (ingest, structure, header), as the pipeline gives them to it.
func corpusBulletins(b *testing.B) []*bulletin.Bulletin {
	b.Helper()
	var inputs []gen.Doc
	for _, f := range testcorpus.Files(b, "corpus/*", "testdata/heldout/*", "testdata/excerpts/*") {
		inputs = append(inputs, gen.Doc{Name: f.Name, Data: f.Data})
	}
	inputs = append(inputs, gen.Generate(100, 12)...)
	var out []*bulletin.Bulletin
	for _, in := range inputs {
		doc, err := ingest.Read(in.Name, in.Data)
		if err != nil || doc == nil {
			continue
		}
		bt := &bulletin.Bulletin{Title: doc.Title, PublishDate: bulletin.Day(doc.PublishDate), Tables: doc.Tables}
		bt.Paragraphs, bt.Sections = structure.Parse(doc.Paragraphs)
		header.Extract(bt)
		out = append(out, bt)
	}
	return out
}

// BenchmarkProblemsCorpus runs Extract over every bulletin of the corpora and 100 generated
// ones, as the pipeline calls it (after structure and header).
func BenchmarkProblemsCorpus(b *testing.B) {
	tpls := corpusBulletins(b)
	size := 0
	for _, t := range tpls {
		for _, p := range t.Paragraphs {
			size += len(p.Text)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, tpl := range tpls {
			c := *tpl
			c.Paragraphs = append([]bulletin.Paragraph(nil), tpl.Paragraphs...)
			c.Warnings = append([]bulletin.Warning(nil), tpl.Warnings...)
			problem.Extract(&c)
		}
	}
}
