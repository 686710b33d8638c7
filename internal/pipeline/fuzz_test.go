package pipeline

import (
	"bufio"
	"bytes"
	"io"
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

// FuzzListLines reads random bytes as an @list: every line comes back once, in order, as
// written (without its line end), or, when longer than the limit, as one "long" mark with no
// text; nothing after a long line is lost (issue 17, case 4).
func FuzzListLines(f *testing.F) {
	f.Add([]byte("a.txt\r\n\nhttps://example.org/x\n# note\n"), 8)
	f.Add([]byte(strings.Repeat("x", 40)+"\nshort\n"+strings.Repeat("y", 17)), 16)
	f.Fuzz(func(t *testing.T, data []byte, max int) {
		if max < 1 || max > 1<<16 {
			return
		}
		var want []string
		if len(data) > 0 {
			want = strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
		}
		br := bufio.NewReaderSize(bytes.NewReader(data), 16)
		for i := 0; ; i++ {
			text, long, err := readLine(br, max)
			if err != nil {
				if err != io.EOF || text != "" || long {
					t.Fatalf("line %d: end with %q, %v, %v", i+1, text, long, err)
				}
				if i != len(want) {
					t.Fatalf("%d lines read, want %d", i, len(want))
				}
				return
			}
			if i >= len(want) {
				t.Fatalf("line %d read (%q), the data has %d", i+1, text, len(want))
			}
			w := want[i]
			if i < len(want)-1 || strings.HasSuffix(string(data), "\n") {
				w = strings.TrimSuffix(w, "\r") // \r\n ends a line; a \r at the very end is text
			}
			switch {
			case len(w) > max && (!long || text != ""):
				t.Fatalf("line %d (%d bytes > %d): got %q, long %v; want long and no text", i+1, len(w), max, text, long)
			case len(w) <= max && (long || text != w):
				t.Fatalf("line %d: got %q, long %v; want %q", i+1, text, long, w)
			}
		}
	})
}

// FuzzParseSize: a size is refused with a reason, or read as at least one byte and at most 2^62.
func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"64MB", "1.5g", "1048576", "0.5", "1e400", "NaN", " 2 KiB ", "-3M", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseSize(s)
		if err != nil {
			if !strings.Contains(err.Error(), "无效") {
				t.Fatalf("ParseSize(%q): reason %q does not say 无效", s, err)
			}
			return
		}
		if n < 1 || n > 1<<62 {
			t.Fatalf("ParseSize(%q) = %d", s, n)
		}
	})
}
