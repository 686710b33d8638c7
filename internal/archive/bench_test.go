package archive

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

// benchStatements are the failings the benchmark archive repeats across units, so that
// searches hit many rows and recurrence checks have candidates.
var benchStatements = []string{
	"“三会一课”记录不规范", "公务用车管理不严格", "政府采购程序不规范",
	"意识形态工作责任制落实不到位", "选人用人程序不严谨", "上轮巡察反馈问题整改不到位",
}

// BenchmarkSearch times a two-word search on an archive of 10,000 bulletins
// (6 problems each, one of the six matching the word); go test -bench Search -benchtime 10x ./internal/archive
// reports ns/op for the search alone.
func BenchmarkSearch(b *testing.B) {
	const bulletins = 10000
	a, err := Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	ctx := context.Background()
	for i := range bulletins {
		r := record(fmt.Sprintf("第%d单位", i), fmt.Sprintf("2024-%02d-%02d", i%12+1, i%28+1), benchStatements...)
		if _, err := a.Add(ctx, r, fmt.Sprintf("b%d.txt", i), []byte(fmt.Sprint(i)), "bench"); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		ps, err := a.Search(ctx, "公务用车", Filter{}, 50)
		if err != nil || len(ps) == 0 {
			b.Fatalf("search: %d results, %v", len(ps), err)
		}
	}
}
