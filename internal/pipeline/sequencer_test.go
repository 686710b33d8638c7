package pipeline

import (
	"context"
	"fmt"
	"math/rand"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// emit runs on the workers, one call at a time: never two at once, each seeing what the one
// before it wrote (a plain counter and slice, which -race checks), and all before Run returns.
func TestRunEmitOneAtATime(t *testing.T) {
	const n = 300
	for _, jobs := range []int{1, 2, 8} {
		t.Run(fmt.Sprintf("j%d", jobs), func(t *testing.T) {
			var inside atomic.Int32
			var order []int // written by every emit without a lock
			overlaps := 0
			opt := Options{Jobs: jobs, process: titleStage(func(i int) time.Duration {
				return time.Duration((i*7)%5) * 100 * time.Microsecond
			})}
			sum := Run(context.Background(), memInputs(n), opt, func(r Result) {
				if inside.Add(1) != 1 {
					overlaps++
				}
				if r.Index%50 == 0 {
					time.Sleep(time.Millisecond) // let the other workers deliver meanwhile
				}
				order = append(order, r.Index)
				inside.Add(-1)
			})
			if overlaps != 0 {
				t.Errorf("emit ran %d times while another emit was running", overlaps)
			}
			if len(order) != n || sum.Inputs != n || sum.Read != n {
				t.Fatalf("emitted %d of %d, summary %+v", len(order), n, sum)
			}
			for i, got := range order {
				if got != i {
					t.Fatalf("emit %d was input %d", i, got)
				}
			}
		})
	}
}

// A panic in emit stops the batch and is raised again on the goroutine that called Run, with
// the value emit panicked with; emit is not called again.
func TestRunEmitPanicReachesCaller(t *testing.T) {
	for _, jobs := range []int{1, 3} {
		t.Run(fmt.Sprintf("j%d", jobs), func(t *testing.T) {
			emits := 0
			var got any
			func() {
				defer func() { got = recover() }()
				Run(context.Background(), memInputs(200), Options{Jobs: jobs, process: titleStage(func(int) time.Duration { return 0 })}, func(r Result) {
					emits++
					if r.Index == 7 {
						panic("emit failed at 7")
					}
				})
				t.Error("Run returned after emit panicked")
			}()
			if got != "emit failed at 7" {
				t.Errorf("recovered %v, want emit's panic value", got)
			}
			if emits != 8 {
				t.Errorf("emit called %d times, want 8 (none after the panic)", emits)
			}
		})
	}
}

// runtime.Goexit in emit (what t.FailNow does) ends the goroutine that called Run, running its
// deferred calls, as it would if emit had run there.
func TestRunEmitGoexitReachesCaller(t *testing.T) {
	before := runtime.NumGoroutine()
	returned, deferred := false, make(chan bool, 1)
	emits := 0
	go func() {
		defer func() { deferred <- recover() == nil }()
		Run(context.Background(), memInputs(100), Options{Jobs: 2, process: titleStage(func(int) time.Duration { return 0 })}, func(r Result) {
			emits++
			if r.Index == 3 {
				runtime.Goexit()
			}
		})
		returned = true
	}()
	select {
	case clean := <-deferred:
		if !clean {
			t.Error("Goexit in emit became a panic in the caller")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the goroutine that called Run did not end after emit called runtime.Goexit")
	}
	if returned {
		t.Error("Run returned after emit called runtime.Goexit")
	}
	if emits != 4 {
		t.Errorf("emit called %d times, want 4 (none after the Goexit)", emits)
	}
	noGoroutinesLeft(t, before)
}

// An empty batch emits nothing and returns.
func TestRunEmpty(t *testing.T) {
	sum := Run(context.Background(), nil, Options{}, func(Result) { t.Error("emit called for an empty batch") })
	if sum.Inputs != 0 || sum.Canceled {
		t.Errorf("summary %+v", sum)
	}
}

// Batches of random size, workers and stage times, some cancelled from emit at a random
// input: every result is emitted once and in order up to the cancel, none after it, and the
// summary counts what was emitted.
func TestRunRandomBatches(t *testing.T) {
	rnd := rand.New(rand.NewSource(12))
	rounds := 100
	if testing.Short() || raceEnabled {
		rounds = 40
	}
	for round := range rounds {
		n, jobs := rnd.Intn(120), 1+rnd.Intn(6)
		cancelAt := -1
		if rnd.Intn(3) == 0 && n > 0 {
			cancelAt = 1 + rnd.Intn(n)
		}
		delays := make([]time.Duration, n)
		for i := range delays {
			delays[i] = time.Duration(rnd.Intn(300)) * time.Microsecond
		}
		ctx, cancel := context.WithCancel(context.Background())
		var got []int
		opt := Options{Jobs: jobs, process: titleStage(func(i int) time.Duration { return delays[i] })}
		sum := Run(ctx, memInputs(n), opt, func(r Result) {
			got = append(got, r.Index)
			if len(got) == cancelAt {
				cancel()
			}
		})
		cancel()
		want := n
		if cancelAt >= 0 {
			want = cancelAt
		}
		if len(got) != want || sum.Inputs != want || sum.Read != want {
			t.Fatalf("round %d (n %d, jobs %d, cancel at %d): emitted %d, summary %+v", round, n, jobs, cancelAt, len(got), sum)
		}
		for i, idx := range got {
			if idx != i {
				t.Fatalf("round %d: emit %d was input %d", round, i, idx)
			}
		}
		if sum.Canceled != (want < n) {
			t.Errorf("round %d: Canceled %v with %d of %d emitted", round, sum.Canceled, want, n)
		}
	}
}
