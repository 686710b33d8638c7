package extract

import (
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/header"
	"github.com/xuncha/xuncha/internal/ingest"
	"github.com/xuncha/xuncha/internal/problem"
	"github.com/xuncha/xuncha/internal/structure"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

// benchBulletins reads the corpus, the held-out texts, the excerpts and the shared real
// bulletins as the pipeline does (ingest, structure, header, problems), so that a benchmark
// can run the numbers path alone over what it is given in the pipeline. It returns each
// bulletin with the folded texts problem.ExtractFolded saw.
func benchBulletins(b *testing.B) ([]*bulletin.Bulletin, [][]problem.Folded, int64) {
	var bs []*bulletin.Bulletin
	var seens [][]problem.Folded
	var n int64
	for _, f := range testcorpus.Files(b, "corpus/*", "testdata/heldout/*.txt", "testdata/excerpts/*.txt") {
		doc, err := ingest.Read(f.Name, f.Data)
		if err != nil || doc == nil {
			continue
		}
		bl := &bulletin.Bulletin{Title: doc.Title, PublishDate: bulletin.Day(doc.PublishDate)}
		bl.Paragraphs, bl.Sections = structure.Parse(doc.Paragraphs)
		header.Extract(bl)
		seens = append(seens, problem.ExtractFolded(bl))
		bs = append(bs, bl)
		for _, p := range bl.Paragraphs {
			n += int64(len(p.Text))
		}
	}
	if len(bs) == 0 {
		b.Fatal("no bulletins")
	}
	return bs, seens, n
}

// BenchmarkNumbers runs extractNumbersFolded over the bulletins of benchBulletins, as Extract
// calls it.
func BenchmarkNumbers(b *testing.B) {
	bs, seens, n := benchBulletins(b)
	type saved struct {
		warnings int
		metrics  [][]bulletin.Metric
	}
	keep := make([]saved, len(bs))
	for i, bl := range bs {
		keep[i].warnings = len(bl.Warnings)
		for _, p := range bl.Problems {
			keep[i].metrics = append(keep[i].metrics, p.Metrics)
		}
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for i, bl := range bs {
			bl.Metrics, bl.Dates, bl.Warnings = nil, nil, bl.Warnings[:keep[i].warnings:keep[i].warnings]
			for k := range bl.Problems {
				bl.Problems[k].Metrics = keep[i].metrics[k]
			}
			extractNumbersFolded(bl, seens[i])
		}
	}
}
