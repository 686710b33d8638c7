package pipeline

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuncha/xuncha/internal/bulletin"
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
