package pipeline

import (
	"strings"
	"testing"
	"time"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// fuzzStageLimit is far more than any input of fuzzing size needs (a few ms): past it, a stage
// is looping or badly super-linear.
const fuzzStageLimit = 10 * time.Second

// FuzzProcess runs random bytes through every stage, as text and as a web page. Stages are
// called without the recover that Process adds, so any panic is found.
// Seeds: testdata/fuzz/FuzzProcess. Run longer with
//
//	go test ./internal/pipeline -run '^$' -fuzz FuzzProcess -fuzztime 2m
func FuzzProcess(f *testing.F) {
	f.Add([]byte("针对“部分党员干部理论学习不够深入”问题。一是加强学习；二是开展检查3次。"), false)
	f.Add([]byte("<p>（一）关于“财务管理”方面</p><p>1.关于“资金使用不规范”问题整改情况</p>"), true)
	f.Fuzz(func(t *testing.T, data []byte, html bool) {
		name := "fuzz.txt"
		if html {
			name = "fuzz.html"
		}
		type result struct {
			b   *bulletin.Bulletin
			err error
		}
		done := make(chan result, 1)
		go func() {
			b, err := process(Input{Name: name, Path: name}, data, "", nil)
			done <- result{b, err}
		}()
		var b *bulletin.Bulletin
		var err error
		select {
		case r := <-done:
			b, err = r.b, r.err
		case <-time.After(fuzzStageLimit):
			t.Fatalf("the stages took more than %v on %d bytes: %q", fuzzStageLimit, len(data), data)
		}
		if err != nil {
			if !strings.HasPrefix(err.Error(), name+": ") {
				t.Errorf("error %q does not name the input", err)
			}
			return
		}
		if b == nil {
			t.Fatal("no bulletin and no error")
		}
		if b.Source.Bytes != int64(len(data)) {
			t.Errorf("source bytes %d, read %d", b.Source.Bytes, len(data))
		}
		for i, p := range b.Paragraphs {
			if p.Index != i {
				t.Fatalf("paragraph %d has index %d", i, p.Index)
			}
		}
	})
}
