// Package pipeline runs the stages (ingest, structure, extract, segment) over many inputs:
// it expands arguments into inputs, reads them with parallel workers, hands results back in
// input order, reports each failure without stopping, and recognises duplicates.
//
// The flow for one input is Process: ingest.Read -> structure.Parse -> the Bulletin's source
// and page facts -> extract.Extract -> (*segment.Segmenter).Annotate. Run drives Process over a
// batch: Jobs workers read files (bounded by MaxBytes) and fetch URLs, a window of at most
// 4*Jobs inputs is in flight so memory does not grow with the batch, and emit sees every
// input exactly once, in input order, whatever Jobs is.
package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/ingest"
	"github.com/xuncha/xuncha/internal/problem"
	"github.com/xuncha/xuncha/internal/segment"
)

// Input is one thing to read: a file, an http(s) URL, standard input, or bytes already in
// memory. Name is how it is shown to the user (the path as given, the URL, or "-").
type Input struct {
	Name string // path as given, URL, or "-" for standard input
	Path string // file to read; "" for URLs, standard input and in-memory data
	URL  string // http(s) address to fetch; "" otherwise
	Data []byte // content already in memory (generated bulletins, tests); read instead of Path

	stdin *stdinSource // set by Expand for "-"
}

// Options tune Run. The zero value is usable.
type Options struct {
	Jobs     int           // parallel workers; 0 means runtime.NumCPU()
	MaxBytes int64         // largest input read; 0 means ingest.DefaultMaxBytes
	Timeout  time.Duration // the most one URL may take, retries included; 0 means ingest's default per attempt

	// MeasureItems asks for Bulletin.MeasureItems to be counted (the scorer's measure_markers);
	// extraction alone does not need it.
	MeasureItems bool

	// KeepSource keeps each bulletin's bytes in Result.Source, for the archive.
	KeepSource bool

	// After, when set, is called by the worker with each result that has a Bulletin, before
	// the result is handed to emit: a caller's own work on every bulletin that can go in
	// parallel (the archive prepares its rows), leaving what it makes in Result.Prepared.
	After func(*Result)

	// Budget bounds the bytes of the inputs being read and processed at once (0 means
	// DefaultBudget): an input is admitted only when its size fits beside the others in
	// flight, so a batch's memory stays bounded whatever mix of sizes it holds. An input larger
	// than the whole budget is processed alone. Small inputs are never held back by it.
	Budget int64

	// Segment returns the shared Segmenter, blocking until it is loaded; it is called once per
	// input after the other stages, so a caller can load it in the background while the first
	// inputs are read. Nil means no segmentation (keywords, themes and orgs stay empty).
	Segment func() (*segment.Segmenter, error)

	// process replaces the stages in tests of the batch machinery.
	process processFunc
}

// Result is the outcome for one input. Exactly one of Bulletin, Err and DuplicateOf is set.
type Result struct {
	Index       int    // position in the inputs given to Run
	Input       Input  // Data is dropped once read
	SHA256      string // hex digest of the content; "" when it could not be read
	Bulletin    *bulletin.Bulletin
	Err         error  // an *InputError naming the input
	DuplicateOf string // Name of the earlier input with the same content
	Source      []byte // the bytes read, when Options.KeepSource asks (the archive stores them)
	Prepared    any    // what Options.After made of the bulletin
}

// Summary counts a batch.
type Summary struct {
	Inputs     int // results emitted
	Read       int // inputs that gave a bulletin
	Failed     int
	Duplicates int
	Problems   int   // problems found over all bulletins read
	Bytes      int64 // bytes of the bulletins read
	Elapsed    time.Duration
	Canceled   bool // ctx was cancelled before every input was emitted
}

// InputError is a failure of one input: Input names it (path, URL or "-"), Err says what is
// wrong. Its text is one line, "corpus/x.txt: binary file (PDF)".
type InputError struct {
	Input string
	Err   error
}

func (e *InputError) Error() string { return e.Input + ": " + e.Reason() }
func (e *InputError) Unwrap() error { return e.Err }

// Reason is what is wrong with the input, without its name (for the 错误 sheet), on one line.
func (e *InputError) Reason() string {
	return strings.Join(strings.Fields(e.Err.Error()), " ")
}

// Run reads and processes inputs with opt.Jobs workers and calls emit once per input, in
// input order, one call at a time. emit runs on the worker that finished the input next in
// line (so a result goes out without a hand-over between goroutines); the calls are ordered
// one after another, each seeing what the one before it wrote, and all of them return before
// Run does. A panic in emit, or runtime.Goexit (t.FailNow in a test), stops the batch and
// happens again on the goroutine that called Run. An input whose content repeats an earlier
// one is not processed again: its Result has DuplicateOf set. When ctx is cancelled Run stops
// handing out inputs, emits nothing more and returns with Canceled set as soon as an emit in
// progress returns; a worker busy with an input finishes it in the background and drops the
// result.
func Run(ctx context.Context, inputs []Input, opt Options, emit func(Result)) Summary {
	start := time.Now()
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	if jobs > len(inputs) && len(inputs) > 0 {
		jobs = len(inputs)
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = ingest.DefaultMaxBytes
	}
	stages := opt.process
	if stages == nil {
		stages = process
	}
	if opt.Budget <= 0 {
		opt.Budget = DefaultBudget
	}
	budget := newBudget(opt.Budget)

	seq := newSequencer(ctx, len(inputs), 4*jobs, emit)
	owners := newOwners()
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i, ok := seq.take()
				if !ok {
					return
				}
				w := inputWeight(inputs[i], opt.Budget)
				if !budget.acquire(ctx, w) {
					r := Result{Index: i, Input: inputs[i], Err: &InputError{inputs[i].Name, ctx.Err()}}
					r.Input.Data = nil
					seq.deliver(r)
					continue
				}
				r := work(ctx, i, inputs[i], opt, owners, stages)
				budget.release(w)
				finishResult(&r, opt)
				seq.deliver(r)
			}
		}()
	}

	sum, f := seq.wait()
	if f == nil && !sum.Canceled {
		wg.Wait() // the workers are ending: every input was emitted
	}
	sum.Elapsed = time.Since(start)
	f.raise()
	return sum
}

func (s *Summary) count(r Result) {
	s.Inputs++
	switch {
	case r.DuplicateOf != "":
		s.Duplicates++
	case r.Err != nil:
		s.Failed++
	case r.Bulletin != nil:
		s.Read++
		s.Problems += len(r.Bulletin.Problems)
		s.Bytes += r.Bulletin.Source.Bytes
	}
}

// work reads one input and, unless an earlier input has the same content, processes it.
func work(ctx context.Context, i int, in Input, opt Options, owners *owners, stages processFunc) Result {
	r := Result{Index: i, Input: in}
	r.Input.Data = nil
	if err := ctx.Err(); err != nil {
		r.Err = &InputError{in.Name, err}
		return r
	}
	data, err := load(ctx, in, opt)
	if err != nil {
		r.Err = &InputError{in.Name, err}
		return r
	}
	digest := sha256.Sum256(data)
	r.SHA256 = hex.EncodeToString(digest[:])
	if first := owners.claim(r.SHA256, i); first < i {
		r.DuplicateOf = "(earlier input)" // the sequencer names it
		return r
	}
	r.Bulletin, r.Err = safely(stages, in, data, r.SHA256, opt.Segment)
	if opt.KeepSource && r.Bulletin != nil {
		r.Source = data
	}
	return r
}

// owners remembers, for each content digest, the earliest input index that has claimed it, so
// that a worker can skip content an earlier input is already processing.
type owners struct {
	mu    sync.Mutex
	first map[string]int
}

func newOwners() *owners { return &owners{first: make(map[string]int)} }

// claim records i for digest unless an earlier index holds it, and returns the earliest index.
func (o *owners) claim(digest string, i int) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	if j, ok := o.first[digest]; ok && j < i {
		return j
	}
	o.first[digest] = i
	return i
}

// load returns the content of in: in-memory data, standard input, a file or a download, never
// more than opt.MaxBytes.
func load(ctx context.Context, in Input, opt Options) ([]byte, error) {
	switch {
	case in.Data != nil:
		if int64(len(in.Data)) > opt.MaxBytes {
			return nil, &TooLargeError{Size: int64(len(in.Data)), Limit: opt.MaxBytes}
		}
		return in.Data, nil
	case in.stdin != nil:
		return in.stdin.read(ctx, opt.MaxBytes)
	case in.URL != "":
		// --timeout bounds the whole download of one URL, retries included.
		if opt.Timeout > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, opt.Timeout)
			defer cancel()
		}
		data, err := ingest.Fetch(ctx, in.URL, ingest.FetchOptions{MaxBytes: opt.MaxBytes, Timeout: opt.Timeout})
		if err != nil {
			return nil, err
		}
		if int64(len(data)) > opt.MaxBytes {
			return nil, &TooLargeError{Size: int64(len(data)), Limit: opt.MaxBytes}
		}
		return data, nil
	case in.Path != "":
		return readFile(in.Path, opt.MaxBytes)
	}
	return nil, errors.New("没有可读的内容")
}

// finishResult does the work the options ask for on each bulletin read (measure items, the
// caller's After). A panic there fails this input, as one in the stages does (safely), and
// never the batch.
func finishResult(r *Result, opt Options) {
	if r.Bulletin == nil {
		return
	}
	defer func() {
		if p := recover(); p != nil {
			r.Bulletin, r.Prepared = nil, nil
			r.Err = &InputError{Input: r.Input.Name, Err: fmt.Errorf("内部错误，请报告：panic: %v [%s]", p, panicSite(debug.Stack()))}
		}
	}()
	if opt.MeasureItems {
		r.Bulletin.MeasureItems = problem.CountMeasureItems(r.Bulletin)
	}
	if opt.After != nil {
		opt.After(r)
	}
}
