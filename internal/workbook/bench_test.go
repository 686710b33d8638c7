package workbook

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// problemsPerBulletin is the size of the generated bulletins of the benchmarks.
const problemsPerBulletin = 100

// writeSynthetic writes a workbook of rows problems (rows/100 bulletins of 100 problems, each
// with two measures, one metric, one paragraph and one keyword: 5 rows on other sheets for
// every problem row) and returns its size. Bulletins are cycled from a few, so the input
// takes no memory worth counting.
func writeSynthetic(tb testing.TB, path string, rows int) int64 {
	tb.Helper()
	var templates []*bulletin.Bulletin
	for i := 0; i < 8; i++ {
		templates = append(templates, synthBulletin(i+1, problemsPerBulletin))
	}
	w, err := Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	for i := 0; i < rows/problemsPerBulletin; i++ {
		if err := w.Add(templates[i%len(templates)]); err != nil {
			w.Abort()
			tb.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		tb.Fatal(err)
	}
	return fi.Size()
}

// BenchmarkWorkbook writes 10,000 and 100,000 problem rows (and five times as many rows on the
// other sheets). Compare ns/op across the sizes for linearity and against BenchmarkBaseline.
//
//	go test -run XXX -bench 'Workbook|Baseline' -benchtime 1x -benchmem ./internal/workbook/
func BenchmarkWorkbook(b *testing.B) {
	sizes := []int{10000, 100000}
	if testing.Short() {
		sizes = []int{1000} // a check that the benchmark works (CI)
	}
	for _, rows := range sizes {
		b.Run(strconv.Itoa(rows/1000)+"k", func(b *testing.B) {
			b.ReportAllocs()
			path := filepath.Join(b.TempDir(), "bench.xlsx")
			var size int64
			for i := 0; i < b.N; i++ {
				size = writeSynthetic(b, path, rows)
			}
			b.ReportMetric(float64(size), "file-bytes")
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "problems/s")
		})
	}
}

// BenchmarkBaseline is excelize's StreamWriter alone writing the 问题 sheet's cells for
// 100,000 problems (18 columns, one sheet, no table, styles or links): the floor the
// workbook's figures compare with.
func BenchmarkBaseline(b *testing.B) {
	rows := 100000
	if testing.Short() {
		rows = 1000
	}
	b.ReportAllocs()
	src := synthBulletin(1, problemsPerBulletin)
	for i := 0; i < b.N; i++ {
		f := excelize.NewFile()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		for r := 1; r <= rows; r++ {
			p := src.Problems[r%len(src.Problems)]
			row := []any{r, p.ID, src.Unit, src.Unit, p.Category, p.Topic, p.Quote, joinNumbered(p.Measures),
				len(p.Measures), p.Status, p.Department, p.Person, p.Deadline, p.Theme, "", "市财政局", "制度", "1.5万元"}
			if err := sw.SetRow(cellName(1, r), row); err != nil {
				b.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			b.Fatal(err)
		}
		if err := f.SaveAs(filepath.Join(b.TempDir(), "base.xlsx")); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}
