package quantity_test

import (
	"math"
	"testing"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/quantity"
)

// FuzzScan checks that Scan never panics and that every quantity's offsets lie in the input,
// in order, with Text equal to the runes between them.
func FuzzScan(f *testing.F) {
	for _, c := range scanCases {
		f.Add(c.in)
	}
	for _, c := range bulletinCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := []rune(s)
		last := 0
		for _, q := range quantity.Scan(s) {
			if q.Start < last || q.End <= q.Start || q.End > len(rs) {
				t.Fatalf("Scan(%q): span %d..%d out of order or range (len %d)", s, q.Start, q.End, len(rs))
			}
			if string(rs[q.Start:q.End]) != q.Text {
				t.Fatalf("Scan(%q): Text %q, span holds %q", s, q.Text, string(rs[q.Start:q.End]))
			}
			if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) || q.Max != nil && (math.IsNaN(*q.Max) || math.IsInf(*q.Max, 0)) {
				t.Fatalf("Scan(%q): value %v is not finite (JSON cannot hold it)", s, q.Value)
			}
			last = q.End
		}
	})
}

// FuzzScanDates checks the same for ScanDates, and that a date is ISO or empty.
func FuzzScanDates(f *testing.F) {
	for _, c := range dateCases {
		f.Add(c.in, c.year)
	}
	f.Fuzz(func(t *testing.T, s string, year int) {
		rs := []rune(s)
		last := 0
		for _, d := range quantity.ScanDates(s, year) {
			if d.Start < last || d.Stop <= d.Start || d.Stop > len(rs) {
				t.Fatalf("ScanDates(%q): span %d..%d out of order or range (len %d)", s, d.Start, d.Stop, len(rs))
			}
			if string(rs[d.Start:d.Stop]) != d.Text {
				t.Fatalf("ScanDates(%q): Text %q, span holds %q", s, d.Text, string(rs[d.Start:d.Stop]))
			}
			if d.Garbled && d.Date != "" {
				t.Fatalf("ScanDates(%q): garbled date %q has Date %q", s, d.Text, d.Date)
			}
			if !utf8.ValidString(d.Date) {
				t.Fatalf("bad date %q", d.Date)
			}
			last = d.Stop
		}
	})
}
