package structure_test

import (
	"testing"

	"github.com/xuncha/xuncha/internal/ingest"
	"github.com/xuncha/xuncha/internal/pipeline/gen"
	"github.com/xuncha/xuncha/internal/structure"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

// BenchmarkParseCorpus runs Parse over the paragraphs of every bulletin of the corpora and 100
// generated ones, as ingest gives them to it in the pipeline.
func BenchmarkParseCorpus(b *testing.B) {
	var inputs []gen.Doc
	for _, f := range testcorpus.Files(b, "corpus/*", "testdata/heldout/*", "testdata/excerpts/*") {
		inputs = append(inputs, gen.Doc{Name: f.Name, Data: f.Data})
	}
	inputs = append(inputs, gen.Generate(100, 12)...)
	var docs [][]string
	size := 0
	for _, in := range inputs {
		doc, err := ingest.Read(in.Name, in.Data)
		if err != nil || doc == nil {
			continue
		}
		docs = append(docs, doc.Paragraphs)
		for _, p := range doc.Paragraphs {
			size += len(p)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			structure.Parse(d)
		}
	}
}
