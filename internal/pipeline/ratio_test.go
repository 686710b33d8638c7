package pipeline

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/go-ego/gse"

	"github.com/xuncha/xuncha/internal/ingest"
	"github.com/xuncha/xuncha/internal/pipeline/gen"
	"github.com/xuncha/xuncha/internal/segment"
	"github.com/xuncha/xuncha/internal/testcorpus"
	"github.com/xuncha/xuncha/internal/workbook"
)

// BenchmarkRatio measures issue 12's targets as ratios against bare gse in the same process:
//
//	j1/bare    -j 1 end to end (read, structure, extract, segment, JSON out as extract --json
//	           writes it) against gse's
//	           Cut(text, true) of the same bulletins' text with gse.NewEmbed("zh"): speed ratio,
//	           target >= 3
//	j2/j1      -j 2 against -j 1: target >= 1.8 (on a machine with two free cores)
//	load/gse   segment.Load against gse.NewEmbed("zh") loading its dictionary: target <= 0.25
//	first/gse  segment.Load plus the first bulletin processed, against the same
//
// The bulletins are the sample, the real corpus (../shared/corpus/real/raw), the held-out
// texts and the excerpts in several variants each (a tail of paragraphs dropped, a line that
// makes each distinct so none is skipped as a duplicate), and generated ones of every style,
// format and encoding: 600 or more (-short: about 60). j1/bare-cpu is j1/bare in CPU time.
//
//	go test -run '^$' -bench Ratio -benchtime 3x ./internal/pipeline
func BenchmarkRatio(b *testing.B) {
	inputs, total := ratioInputs(b)
	t0 := time.Now()
	bare, err := gse.NewEmbed("zh")
	if err != nil {
		b.Fatal(err)
	}
	gseLoad := time.Since(t0)
	t0 = time.Now()
	seg, err := segment.Load()
	if err != nil {
		b.Fatal(err)
	}
	load := time.Since(t0)
	if _, err := Process(inputs[0], inputs[0].Data, seg); err != nil {
		b.Fatal(err)
	}
	first := time.Since(t0)

	texts := make([]string, len(inputs))
	for i, in := range inputs {
		doc, err := ingest.Read(in.Name, in.Data)
		if err != nil {
			b.Fatal(err)
		}
		texts[i] = strings.Join(doc.Paragraphs, "\n")
	}
	segFn := func() (*segment.Segmenter, error) { return seg, nil }
	run := func(inputs []Input, jobs int) {
		var failed error
		sum := Run(context.Background(), inputs, Options{Jobs: jobs, Segment: segFn}, func(r Result) {
			if r.Err != nil && failed == nil {
				failed = r.Err
			}
			if r.Bulletin != nil {
				if err := workbook.WriteJSON(io.Discard, r.Bulletin); err != nil && failed == nil {
					failed = err
				}
			}
		})
		if sum.Read != len(inputs) {
			b.Fatalf("%d of %d bulletins read (%d duplicates); first error: %v", sum.Read, len(inputs), sum.Duplicates, failed)
		}
	}
	// gse's dictionary holds some 300 MB of small objects that every garbage collection marks
	// again: the bare cuts run first, with it, and the pipeline after it is dropped, as in
	// xuncha's own process, which never loads gse. The pipeline runs the whole batch as one
	// Run, as a user's batch runs, in the order -j 1, -j 2, -j 2, -j 1 (ABBA) each time round,
	// so that a change in the machine's speed that runs steadily through a round weighs on
	// both modes alike. Wall time and the process's CPU time are both kept: on a shared
	// machine CPU time gives the steadier j1/bare.
	var tBare, t1, t2, cBare, c1 time.Duration
	timed := func(wall, cpu *time.Duration, f func()) {
		c, t := cpuTime(), time.Now()
		f()
		*wall += time.Since(t)
		if cpu != nil {
			*cpu += cpuTime() - c
		}
	}
	b.SetBytes(total)
	b.ResetTimer()
	for range b.N {
		timed(&tBare, &cBare, func() {
			for _, s := range texts {
				_ = bare.Cut(s, true)
			}
		})
	}
	b.StopTimer()
	bare = gse.Segmenter{}
	runtime.GC()
	b.StartTimer()
	for range b.N {
		timed(&t1, &c1, func() { run(inputs, 1) })
		timed(&t2, nil, func() { run(inputs, 2) })
		timed(&t2, nil, func() { run(inputs, 2) })
		timed(&t1, &c1, func() { run(inputs, 1) })
	}
	t1, c1, t2 = t1/2, c1/2, t2/2
	mb := float64(total) * float64(b.N) / 1e6
	b.ReportMetric(float64(len(inputs)), "bulletins")
	b.ReportMetric(mb/tBare.Seconds(), "bare-MB/s")
	b.ReportMetric(mb/t1.Seconds(), "j1-MB/s")
	b.ReportMetric(mb/t2.Seconds(), "j2-MB/s")
	b.ReportMetric(tBare.Seconds()/t1.Seconds(), "j1/bare")
	if c1 > 0 {
		b.ReportMetric(cBare.Seconds()/c1.Seconds(), "j1/bare-cpu")
	}
	b.ReportMetric(t1.Seconds()/t2.Seconds(), "j2/j1")
	b.ReportMetric(load.Seconds()/gseLoad.Seconds(), "load/gse")
	b.ReportMetric(first.Seconds()/gseLoad.Seconds(), "first/gse")
	b.ReportMetric(float64(gseLoad.Milliseconds()), "gse-load-ms")
}

// ratioInputs returns the benchmark's bulletins, all distinct, and their bytes.
func ratioInputs(b *testing.B) ([]Input, int64) {
	b.Helper()
	var bases []string
	bases = append(bases, testcorpus.Sample(b))
	dirs := []string{testcorpus.Path("testdata", "heldout"), testcorpus.Path("testdata", "excerpts")}
	if real, ok := testcorpus.SharedIfPresent(b, "real", "raw"); ok {
		dirs = append(dirs, real)
	}
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil || len(files) == 0 {
			b.Fatalf("no bulletins in %s", dir)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			bases = append(bases, string(data))
		}
	}
	variants, generated := 6, 300
	if testing.Short() {
		variants, generated = 1, 10
	}
	var inputs []Input
	var total int64
	add := func(name string, data []byte) {
		inputs = append(inputs, Input{Name: name, Data: data})
		total += int64(len(data))
	}
	for v := range variants {
		for i, text := range bases {
			paras := strings.Split(strings.TrimRight(text, "\n"), "\n")
			if drop := v * len(paras) / 10; drop > 0 && len(paras)-drop > 3 {
				paras = paras[:len(paras)-drop]
			}
			text = strings.Join(paras, "\n") + fmt.Sprintf("\n（本文第%d稿）\n", v+1)
			add(fmt.Sprintf("base%03d-v%d.txt", i, v), []byte(text))
		}
	}
	for _, d := range gen.Generate(generated, 12) {
		add(d.Name, d.Data)
	}
	return inputs, total
}
