//go:build unix

package pipeline

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A FIFO among the inputs is refused by its type, never opened: opening it would block until
// a writer comes, and the run would hang (issue 17, case 1).
func TestFIFORefused(t *testing.T) {
	dir := tree(t, "a.txt")
	fifo := filepath.Join(dir, "p.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	inputs, errs := Expand([]string{dir}, nil)
	if got := names(dir, inputs); strings.Join(got, " ") != "a.txt" {
		t.Errorf("inputs %v, want a.txt alone", got)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "p.txt") || !strings.Contains(errs[0].Error(), "命名管道") {
		t.Errorf("errors %v, want one naming p.txt as a named pipe", errText(errs))
	}

	// Named directly, and read by Run: refused before it is opened, within the deadline.
	inputs, errs = Expand([]string{fifo}, nil)
	if len(inputs) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "命名管道") {
		t.Errorf("explicit FIFO: inputs %v, errors %v", inputs, errText(errs))
	}
	done := make(chan Summary, 1)
	go func() {
		opt := Options{Jobs: 1, process: titleStage(func(int) time.Duration { return 0 })}
		done <- Run(context.Background(), []Input{{Name: fifo, Path: fifo}}, opt, func(r Result) {
			if r.Err == nil || !strings.Contains(r.Err.Error(), "命名管道") {
				t.Errorf("FIFO read gives %v, want a refusal", r.Err)
			}
		})
	}()
	select {
	case sum := <-done:
		if sum.Failed != 1 {
			t.Errorf("summary %+v, want one failure", sum)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("reading a FIFO hangs")
	}
}
