package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/ingest"
	"github.com/xuncha/xuncha/internal/segment"
)

// The bytes in flight never pass the budget, large inputs take turns, and small inputs still
// run in parallel (issue 18, case 4; issue 17, case 9).
func TestBudgetBoundsInputsInFlight(t *testing.T) {
	for _, tc := range []struct {
		name    string
		sizes   []int
		budget  int64
		maxFly  int64 // the most bytes that may be in flight
		minPeak int   // the least concurrency that must be reached
	}{
		{"large inputs take turns", []int{600, 600, 600, 600}, 1000, 1000, 1},
		{"one input over the budget runs alone", []int{5000, 10, 10}, 1000, 1000, 1},
		{"small inputs run in parallel", []int{10, 10, 10, 10, 10, 10, 10, 10}, 1000, 1000, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var mu sync.Mutex
			var fly int64
			var peakBytes int64
			peak, cur := 0, 0
			stage := func(in Input, data []byte, sum string, _ func() (*segment.Segmenter, error)) (*bulletin.Bulletin, error) {
				mu.Lock()
				fly += min(int64(len(data)), tc.budget)
				cur++
				peakBytes, peak = max(peakBytes, fly), max(peak, cur)
				mu.Unlock()
				time.Sleep(20 * time.Millisecond)
				mu.Lock()
				fly -= min(int64(len(data)), tc.budget)
				cur--
				mu.Unlock()
				return &bulletin.Bulletin{Title: "x"}, nil
			}
			var inputs []Input
			for i, n := range tc.sizes {
				inputs = append(inputs, Input{Name: strings.Repeat("i", i+1), Data: []byte(strings.Repeat(string(rune('a'+i)), n))})
			}
			sum := Run(context.Background(), inputs, Options{Jobs: 4, Budget: tc.budget, process: stage}, func(Result) {})
			if sum.Read != len(tc.sizes) {
				t.Fatalf("summary %+v", sum)
			}
			if peakBytes > tc.maxFly {
				t.Errorf("%d bytes in flight, budget allows %d", peakBytes, tc.maxFly)
			}
			if peak < tc.minPeak {
				t.Errorf("at most %d inputs at once, want at least %d", peak, tc.minPeak)
			}
		})
	}
}

// A run cancelled while inputs wait for budget ends without processing them.
func TestBudgetWaitCancels(t *testing.T) {
	b := newBudget(10)
	if !b.acquire(context.Background(), 10) {
		t.Fatal("first acquire failed")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if b.acquire(ctx, 5) {
		t.Error("acquired past the budget")
	}
	b.release(10)
	if !b.acquire(context.Background(), 5) {
		t.Error("released budget not reusable")
	}
}

func TestLargest(t *testing.T) {
	dir := t.TempDir()
	small, big := filepath.Join(dir, "small.txt"), filepath.Join(dir, "big.txt")
	os.WriteFile(small, make([]byte, 10), 0o644)
	os.WriteFile(big, make([]byte, 3000), 0o644)
	for _, c := range []struct {
		name   string
		inputs []Input
		max    int64
		want   int64
	}{
		{"files", []Input{{Path: small}, {Path: big}}, 1 << 20, 3000},
		{"file over the limit counts as the limit", []Input{{Path: big}}, 1000, 1000},
		{"data in memory", []Input{{Data: make([]byte, 77)}}, 1 << 20, 77},
		{"a URL may be as large as the limit", []Input{{URL: "https://example.org/a"}, {Path: small}}, 5000, 5000},
		{"standard input likewise", []Input{{Name: "-"}}, 0, ingest.DefaultMaxBytes},
		{"a missing file weighs nothing", []Input{{Path: filepath.Join(dir, "gone")}}, 1 << 20, 0},
		{"no inputs", nil, 1 << 20, 0},
	} {
		if got := Largest(c.inputs, c.max); got != c.want {
			t.Errorf("%s: Largest = %d, want %d", c.name, got, c.want)
		}
	}
}
