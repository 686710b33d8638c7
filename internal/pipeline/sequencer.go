package pipeline

import (
	"context"
	"errors"
	"runtime"
	"sync"
)

// sequencer hands a batch's inputs to the workers in input order and emits their results in
// the same order. The worker that delivers the result next in line emits it itself, then any
// results that were waiting behind it: a result goes out without waking another goroutine,
// which with small bulletins cost as much as writing their JSON. One worker at a time emits
// (emitting); the others deliver their results and go on with the next input meanwhile.
//
// The window bounds how far the workers run ahead of the emitting: an input is handed out
// only while fewer than window inputs are handed out and not yet emitted. Inputs are handed
// out in order, so the next result to emit always belongs to an input in hand and the window
// never closes for good.
type sequencer struct {
	ctx    context.Context
	emit   func(Result)
	n      int // inputs in the batch
	window int

	mu       sync.Mutex
	cond     *sync.Cond     // broadcast when next moves, an emitting ends or the batch stops
	taken    int            // inputs handed out: 0..taken-1
	next     int            // index of the next result to emit
	pending  map[int]Result // results delivered before their turn
	emitting bool           // a worker is emitting: only it reads or writes seen, failed, sum
	stopped  bool           // ctx ended or emit failed: nothing more is handed out or emitted
	fault    *fault         // how emit failed, raised again by wait's caller
	over     bool           // finished is closed
	finished chan struct{}  // closed once every result is emitted or the batch stops

	seen   map[string]string // content digest -> Name of the first input emitted with it
	failed map[string]error  // content digest -> why the first input with it failed
	sum    Summary
}

func newSequencer(ctx context.Context, n, window int, emit func(Result)) *sequencer {
	s := &sequencer{
		ctx:      ctx,
		emit:     emit,
		n:        n,
		window:   window,
		pending:  make(map[int]Result, window),
		finished: make(chan struct{}),
		seen:     make(map[string]string),
		failed:   make(map[string]error),
	}
	s.cond = sync.NewCond(&s.mu)
	if n == 0 {
		s.finishLocked()
	}
	return s
}

// take hands out the next input's index, waiting while the window is full; it reports false
// when every input is handed out or the batch has stopped.
func (s *sequencer) take() (int, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for !s.stopped && s.taken < s.n && s.taken >= s.next+s.window {
		s.cond.Wait()
	}
	if s.stopped || s.taken >= s.n || s.ctx.Err() != nil {
		return 0, false
	}
	s.taken++
	return s.taken - 1, true
}

// deliver takes a worker's result. If it is next in line and no other worker is emitting,
// this worker emits it and every result waiting behind it; otherwise it waits in pending for
// the worker that is emitting. Once the batch has stopped, results are dropped.
func (s *sequencer) deliver(r Result) {
	s.mu.Lock()
	if s.stopped {
		s.mu.Unlock()
		return
	}
	s.pending[r.Index] = r
	if s.emitting {
		s.mu.Unlock()
		return
	}
	s.emitting = true
	for !s.stopped {
		r, ok := s.pending[s.next]
		if !ok {
			break
		}
		if s.ctx.Err() != nil {
			s.stopLocked()
			break
		}
		delete(s.pending, s.next)
		s.next++
		s.cond.Broadcast() // the window moved: a waiting worker may take another input
		s.mu.Unlock()
		s.settle(&r)
		s.sum.count(r)
		if !s.call(r) {
			return // emit failed: call has stopped the batch and ended the emitting
		}
		s.mu.Lock()
		if s.next == s.n {
			s.finishLocked()
		}
	}
	s.emitting = false
	s.cond.Broadcast() // wait may be waiting for the emitting to end
	s.mu.Unlock()
}

// settle names a result whose content repeats an earlier input's: a duplicate of the first
// input emitted with it, or, when that input failed, the same failure.
func (s *sequencer) settle(r *Result) {
	if r.SHA256 == "" {
		return
	}
	if first, dup := s.seen[r.SHA256]; dup {
		r.Bulletin, r.Err, r.DuplicateOf = nil, nil, first
		if err, bad := s.failed[r.SHA256]; bad {
			// The same bytes as an input that failed fail alike: every input named gets its
			// own line in the outcome, not a "duplicate".
			r.DuplicateOf = ""
			r.Err = &InputError{r.Input.Name, err}
		}
		return
	}
	s.seen[r.SHA256] = r.Input.Name
	var ie *InputError
	if errors.As(r.Err, &ie) {
		s.failed[r.SHA256] = ie.Err
	} else if r.Err != nil {
		s.failed[r.SHA256] = r.Err
	}
	if r.DuplicateOf != "" {
		// A worker skipped it for an earlier input with the same content that has not been
		// emitted: cannot happen, as earlier inputs are emitted first; keep the result honest
		// all the same.
		r.DuplicateOf = ""
		r.Err = &InputError{r.Input.Name, errors.New("内部错误：重复的输入未输出")}
	}
}

// call runs emit on r. If emit panics or ends its goroutine (runtime.Goexit, as t.FailNow
// does), call stops the batch and keeps what happened for wait's caller to raise again, as
// if emit had run there; it reports false after a panic (after a Goexit it does not return).
func (s *sequencer) call(r Result) (ok bool) {
	defer func() {
		if ok {
			return
		}
		p := recover() // nil after runtime.Goexit: a panic(nil) recovers as *runtime.PanicNilError
		s.mu.Lock()
		s.fault = &fault{value: p}
		s.emitting = false
		s.stopLocked()
		s.mu.Unlock()
	}()
	s.emit(r)
	return true
}

// stopLocked stops the batch: nothing more is handed out or emitted, and results still
// pending are dropped. s.mu is held.
func (s *sequencer) stopLocked() {
	s.stopped = true
	s.pending = nil
	s.cond.Broadcast()
	s.finishLocked()
}

func (s *sequencer) finishLocked() {
	if !s.over {
		s.over = true
		close(s.finished)
	}
}

// wait returns once every result is emitted, or at once when ctx ends (after an emit in
// progress returns: emit is never called after wait has returned). It gives the batch's
// summary and how emit failed, if it did.
func (s *sequencer) wait() (Summary, *fault) {
	select {
	case <-s.finished:
	case <-s.ctx.Done():
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.next < s.n {
		s.stopLocked()
	}
	for s.emitting {
		s.cond.Wait()
	}
	sum := s.sum
	sum.Canceled = s.next < s.n
	return sum, s.fault
}

// fault is a panic or runtime.Goexit in emit, which ran on a worker.
type fault struct {
	value any // what emit panicked with; nil when it called runtime.Goexit
}

// raise does again, on the goroutine that called Run, what emit did on a worker.
func (f *fault) raise() {
	if f == nil {
		return
	}
	if f.value == nil {
		runtime.Goexit()
	}
	panic(f.value)
}
