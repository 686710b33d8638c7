package pipeline

import (
	"fmt"
	"sync"

	"github.com/xuncha/xuncha/internal/ingest"
	"github.com/xuncha/xuncha/internal/segment"
)

// DefaultMaxBytes is the largest input read when Options.MaxBytes is 0.
const DefaultMaxBytes = ingest.DefaultMaxBytes

// SharedSegmenter starts loading the segmenter in the background, once per process, and
// returns a function that waits for it: the value for Options.Segment. The segmenter is
// read-only once loaded, so one serves every run in the process; loading takes a second or
// two, so a caller starts it before the first inputs are read.
func SharedSegmenter() func() (*segment.Segmenter, error) {
	shared.once.Do(func() {
		shared.done = make(chan struct{})
		go func() {
			defer close(shared.done)
			defer func() {
				if r := recover(); r != nil {
					shared.err = fmt.Errorf("panic: %v", r)
				}
			}()
			shared.seg, shared.err = segment.Load()
		}()
	})
	return func() (*segment.Segmenter, error) {
		<-shared.done
		return shared.seg, shared.err
	}
}

// shared is the process's one segmenter, loaded by SharedSegmenter.
var shared struct {
	once sync.Once
	done chan struct{}
	seg  *segment.Segmenter
	err  error
}

// SegmentFunc is what SharedSegmenter returns and Options.Segment takes.
type SegmentFunc = func() (*segment.Segmenter, error)
