package segment

import (
	"runtime"
	"testing"
	"time"

	"github.com/go-ego/gse"
)

// Benchmarks, compared in one run (go test -run XXX -bench . -benchmem ./internal/segment/):
//
//	BenchmarkBareCutHMM  gse's Cut(text, true) over the seed's full text: the baseline
//	BenchmarkBareCut     gse's Cut(text, false) over the same text
//	BenchmarkCut         the cutter over the same text
//	BenchmarkAnnotate    Annotate on the seed bulletin (SetBytes: the full text, so MB/s compare)
//	BenchmarkLoad        Load: the compact table opened, domain dictionary and stop lists parsed
//	BenchmarkBareLoad    gse.NewEmbed() alone (simplified and traditional dictionaries)
//	BenchmarkAnnotateVsBare  both in alternation, reporting the ratio annotate/bare

func BenchmarkBareCutHMM(b *testing.B) {
	g := ref(b)
	text := readSeed(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.Cut(text, true)
	}
}

func BenchmarkBareCut(b *testing.B) {
	g := ref(b)
	text := readSeed(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.Cut(text, false)
	}
}

func BenchmarkCut(b *testing.B) {
	s := segmenter(b)
	text := readSeed(b)
	c := newCutter(s.lex)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.cut(text)
	}
}

func BenchmarkAnnotate(b *testing.B) {
	s := segmenter(b)
	text := readSeed(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		bl := seedBulletin(b, text)
		b.StartTimer()
		s.Annotate(bl)
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	var s *Segmenter
	for i := 0; i < b.N; i++ {
		var err error
		if s, err = Load(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportHeap(b)
	runtime.KeepAlive(s)
}

func BenchmarkBareLoad(b *testing.B) {
	b.ReportAllocs()
	var seg gse.Segmenter
	for i := 0; i < b.N; i++ {
		var err error
		if seg, err = gse.NewEmbed(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportHeap(b)
	runtime.KeepAlive(seg)
}

// reportHeap reports the live heap after a collection: what the loaded dictionary keeps.
func reportHeap(b *testing.B) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "heap-MB")
}

// BenchmarkAnnotateVsBare alternates gse's bare Cut(text, true) over the seed's full text and
// Annotate on the seed bulletin, iteration by iteration, and reports Annotate's time as a
// fraction of the bare cut's (annotate/bare): a ratio that holds on a machine whose load changes.
func BenchmarkAnnotateVsBare(b *testing.B) {
	s := segmenter(b)
	text := readSeed(b)
	var bare, annotate time.Duration
	b.ResetTimer()
	g := ref(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bl := seedBulletin(b, text)
		t0 := time.Now()
		g.Cut(text, true)
		t1 := time.Now()
		s.Annotate(bl)
		t2 := time.Now()
		bare += t1.Sub(t0)
		annotate += t2.Sub(t1)
	}
	b.ReportMetric(float64(annotate)/float64(bare), "annotate/bare")
}
