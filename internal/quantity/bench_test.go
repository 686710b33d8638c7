package quantity_test

import (
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/quantity"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

func seedParagraphs(b *testing.B) ([]string, int64) {
	data := testcorpus.Sample(b)
	var ps []string
	for _, l := range strings.Split(data, "\n") {
		ps = append(ps, fold.String(l))
	}
	return ps, int64(len(data))
}

// BenchmarkBaselineRunes converts every paragraph to runes: the floor any rune scanner pays.
func BenchmarkBaselineRunes(b *testing.B) {
	ps, n := seedParagraphs(b)
	b.SetBytes(n)
	for b.Loop() {
		for _, p := range ps {
			_ = []rune(p)
		}
	}
}

func BenchmarkScanSeed(b *testing.B) {
	ps, n := seedParagraphs(b)
	b.SetBytes(n)
	for b.Loop() {
		for _, p := range ps {
			quantity.Scan(p)
		}
	}
}

func BenchmarkScanDatesSeed(b *testing.B) {
	ps, n := seedParagraphs(b)
	b.SetBytes(n)
	for b.Loop() {
		for _, p := range ps {
			quantity.ScanDates(p, 2024)
		}
	}
}

// BenchmarkScanAllSeed reads quantities and dates together, as package extract does.
func BenchmarkScanAllSeed(b *testing.B) {
	ps, n := seedParagraphs(b)
	b.SetBytes(n)
	for b.Loop() {
		for _, p := range ps {
			quantity.ScanAll(p, 2024)
		}
	}
}
