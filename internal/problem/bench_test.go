package problem

import (
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/fold"
)

// benchBulletin is the seed repeated n times, split once.
func benchBulletin(b *testing.B, n int) *bulletin.Bulletin {
	src := readSeed(b)
	return splitForTest(strings.Repeat(src+"\n", n))
}

// runProblems extracts the problems of a fresh copy of tpl b.N times.
func runProblems(b *testing.B, tpl *bulletin.Bulletin) {
	size := 0
	for _, p := range tpl.Paragraphs {
		size += len(p.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		c := *tpl
		c.Paragraphs = append([]bulletin.Paragraph(nil), tpl.Paragraphs...)
		c.Warnings = nil
		Extract(&c)
	}
}

func BenchmarkProblemsSeed(b *testing.B)    { runProblems(b, benchBulletin(b, 1)) }
func BenchmarkProblemsSeedx50(b *testing.B) { runProblems(b, benchBulletin(b, 50)) }

// BenchmarkFoldSeed is the baseline: folding every paragraph once, the least any scan does.
func BenchmarkFoldSeed(b *testing.B) {
	tpl := benchBulletin(b, 1)
	size := 0
	for _, p := range tpl.Paragraphs {
		size += len(p.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range tpl.Paragraphs {
			_ = []rune(fold.String(p.Text))
		}
	}
}
