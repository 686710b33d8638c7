package quantity_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/quantity"
)

func seedParagraphs(b *testing.B) ([]string, int64) {
	data, err := os.ReadFile(filepath.Join(sharedCorpus, "seed", "yushu-wenguanglv-2024.txt"))
	if err != nil {
		b.Skip("seed not found")
	}
	var ps []string
	for _, l := range strings.Split(string(data), "\n") {
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
