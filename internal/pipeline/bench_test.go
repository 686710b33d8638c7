package pipeline

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/go-ego/gse"

	"github.com/xuncha/xuncha/internal/ingest"
	"github.com/xuncha/xuncha/internal/pipeline/gen"
	"github.com/xuncha/xuncha/internal/segment"
)

// BenchmarkRun processes a batch of generated bulletins (-benchn, 10,000 by default; 50 with
// -short) with one and with two workers, every stage including segmentation. One op is the
// whole batch; bulletins/s and MB/s compare the two, cpu-ms/bulletin the work each does. See
// README.md "Benchmarks".
func BenchmarkRun(b *testing.B) {
	n := *benchN
	if testing.Short() {
		n = 50
	}
	docs := gen.Generate(n, 1)
	inputs := make([]Input, len(docs))
	var total int64
	for i, d := range docs {
		inputs[i] = Input{Name: d.Name, Data: d.Data}
		total += int64(len(d.Data))
	}
	docs = nil
	seg, err := segment.Load()
	if err != nil {
		b.Fatal(err)
	}
	segFn := func() (*segment.Segmenter, error) { return seg, nil }
	// The baseline of issue 5: gse's bare Cut(text, true) over the same bulletins' text, with
	// gse's own embedded dictionary, one goroutine. MB/s are counted on the same input bytes,
	// so the MB/s of j1 over barecut is the ratio the target is stated in.
	b.Run("barecut", func(b *testing.B) {
		bare, err := gse.NewEmbed("zh_s")
		if err != nil {
			b.Fatal(err)
		}
		texts := make([]string, 0, len(inputs))
		for _, in := range inputs {
			doc, err := ingest.Read(in.Name, in.Data)
			if err != nil {
				b.Fatal(err)
			}
			texts = append(texts, strings.Join(doc.Paragraphs, "\n"))
		}
		b.SetBytes(total)
		b.ResetTimer()
		for b.Loop() {
			for _, t := range texts {
				_ = bare.Cut(t, true)
			}
		}
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "bulletins/s")
	})
	for _, jobs := range []int{1, 2} {
		b.Run(fmt.Sprintf("j%d", jobs), func(b *testing.B) {
			b.SetBytes(total)
			b.ReportAllocs()
			cpu0 := cpuTime()
			for b.Loop() {
				var first error
				sum := Run(context.Background(), inputs, Options{Jobs: jobs, Segment: segFn}, func(r Result) {
					if r.Err != nil && first == nil {
						first = r.Err
					}
				})
				if sum.Read+sum.Duplicates != n {
					b.Fatalf("%d of %d bulletins read; first error: %v", sum.Read, n, first)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "bulletins/s")
			// CPU per bulletin shows the cost of running in parallel apart from the machine's
			// load: equal figures at -j 1 and -j 2 mean the workers scale with free cores.
			if cpu := cpuTime() - cpu0; cpu > 0 {
				b.ReportMetric(float64(cpu.Microseconds())/1000/float64(n*b.N), "cpu-ms/bulletin")
			}
		})
	}
}

var (
	benchN = flag.Int("benchn", 10000, "how many generated bulletins BenchmarkRun processes")
)
