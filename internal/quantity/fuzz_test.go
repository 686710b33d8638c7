package quantity_test

import (
	"math"
	"strconv"
	"strings"
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

// FuzzDateMentions checks that DateMentions never panics, that mentions lie in the input in
// order with Text equal to their runes, and that every date written is a real one.
func FuzzDateMentions(f *testing.F) {
	for _, c := range dateCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := []rune(s)
		last := 0
		for _, m := range quantity.DateMentions(s) {
			if m.Start < last || m.Stop <= m.Start || m.Stop > len(rs) || string(rs[m.Start:m.Stop]) != m.Text {
				t.Fatalf("DateMentions(%q): bad span %d..%d %q", s, m.Start, m.Stop, m.Text)
			}
			if !m.Garbled && (m.Month < 0 || m.Month > 12 || m.Day < 0 || m.Day > 31 || m.YearWritten && (m.Year < 1900 || m.Year > 2100)) {
				t.Fatalf("DateMentions(%q): impossible date %+v", s, m)
			}
			last = m.Start // a range's end may share its start's span
		}
	})
}

// FuzzParseNumber checks that the numeral reader never panics, gives finite values, and reads
// plain digits as strconv does.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"二十八", "5万4千6百", "负零点五", "一千零十", "3.1415", "壹佰", "两个亿", "1,234"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := quantity.ParseNumber(s)
		if ok && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Fatalf("ParseNumber(%q) = %v", s, v)
		}
		if plain := strings.Trim(s, "0123456789"); plain == "" && len(s) > 0 && len(s) <= 15 && (s[0] != '0' || len(s) == 1) {
			want, _ := strconv.ParseFloat(s, 64)
			if !ok || v != want {
				t.Fatalf("ParseNumber(%q) = %v, %v; want %v", s, v, ok, want)
			}
		}
		rs := []rune(s)
		for i := range rs {
			if _, end, ok := quantity.ReadNumber(rs, i); ok && (end <= i || end > len(rs)) {
				t.Fatalf("ReadNumber(%q, %d) ends at %d", s, i, end)
			}
		}
	})
}
