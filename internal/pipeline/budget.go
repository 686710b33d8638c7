package pipeline

import (
	"context"
	"os"
	"sync"

	"github.com/xuncha/xuncha/internal/ingest"
)

// DefaultBudget is the bytes of input in flight at once when Options.Budget is 0. Processing
// holds several times an input's size (text, runes, paragraphs, records), so four 50 MB
// inputs at -j 4 took about 4 GB together; with this budget they take turns.
const DefaultBudget = 64 << 20

// inputWeight is what an input takes from the budget: its size where it is known before
// reading (a file, data in memory), capped at the whole budget so that any input can run
// alone. Standard input and URLs, whose size is known only once read, weigh nothing here;
// their reads are bounded by --max-size.
func inputWeight(in Input, limit int64) int64 {
	var n int64
	switch {
	case in.Data != nil:
		n = int64(len(in.Data))
	case in.Path != "":
		if fi, err := os.Stat(in.Path); err == nil && fi.Mode().IsRegular() {
			n = fi.Size()
		}
	}
	return min(n, limit)
}

// budget is a weighted semaphore over bytes: acquire waits until w bytes are free.
type budget struct {
	mu    sync.Mutex
	cond  *sync.Cond
	free  int64
	total int64
}

func newBudget(total int64) *budget {
	b := &budget{free: total, total: total}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// acquire takes w bytes, waiting until they are free; it reports false if ctx ends first.
func (b *budget) acquire(ctx context.Context, w int64) bool {
	if w <= 0 {
		return ctx.Err() == nil
	}
	stop := context.AfterFunc(ctx, func() {
		b.mu.Lock()
		b.cond.Broadcast()
		b.mu.Unlock()
	})
	defer stop()
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.free < w {
		if ctx.Err() != nil {
			return false
		}
		b.cond.Wait()
	}
	if ctx.Err() != nil {
		return false
	}
	b.free -= w
	return true
}

// release gives w bytes back.
func (b *budget) release(w int64) {
	if w <= 0 {
		return
	}
	b.mu.Lock()
	b.free += w
	b.mu.Unlock()
	b.cond.Broadcast()
}

// Largest is the size of the largest input as Run will weigh it: a file's size, data in
// memory, and maxBytes (0 means ingest.DefaultMaxBytes) for standard input and URLs, whose
// size is known only once read. A caller sizes memory with it: Run holds at most
// max(Budget, Largest) bytes of input at once, and processing holds about three times an
// input's size.
func Largest(inputs []Input, maxBytes int64) int64 {
	if maxBytes <= 0 {
		maxBytes = ingest.DefaultMaxBytes
	}
	var n int64
	for _, in := range inputs {
		w := inputWeight(in, maxBytes)
		if in.Data == nil && in.Path == "" {
			w = maxBytes
		}
		n = max(n, w)
	}
	return n
}
