package pipeline

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/segment"
)

// These tests drive Run with a fake stage function, so they test the batch machinery (order,
// window, duplicates, cancellation, reading) whatever state the real stages are in.

// memInputs makes n in-memory inputs whose content is "doc i".
func memInputs(n int) []Input {
	in := make([]Input, n)
	for i := range in {
		in[i] = Input{Name: fmt.Sprintf("doc%03d.txt", i), Data: []byte(fmt.Sprintf("doc %d", i))}
	}
	return in
}

// titleStage returns a bulletin titled with the input's content, after a delay that makes
// later inputs finish before earlier ones.
func titleStage(delay func(i int) time.Duration) processFunc {
	return func(in Input, data []byte, sum string, _ func() (*segment.Segmenter, error)) (*bulletin.Bulletin, error) {
		var i int
		fmt.Sscanf(string(data), "doc %d", &i)
		time.Sleep(delay(i))
		return &bulletin.Bulletin{Title: string(data), Problems: make([]bulletin.Problem, i%3)}, nil
	}
}

func TestRunEmitsInInputOrder(t *testing.T) {
	const n = 120
	for _, jobs := range []int{1, 2, 3, 8} {
		t.Run(fmt.Sprintf("j%d", jobs), func(t *testing.T) {
			// Every fifth input is slow, so workers finish out of order.
			opt := Options{Jobs: jobs, process: titleStage(func(i int) time.Duration {
				if i%5 == 0 {
					return 3 * time.Millisecond
				}
				return 0
			})}
			var got []int
			wantProblems := 0
			sum := Run(context.Background(), memInputs(n), opt, func(r Result) {
				if r.Err != nil {
					t.Fatalf("input %d: %v", r.Index, r.Err)
				}
				if want := fmt.Sprintf("doc %d", r.Index); r.Bulletin.Title != want {
					t.Errorf("result %d has bulletin %q, want %q", r.Index, r.Bulletin.Title, want)
				}
				if r.Input.Name != fmt.Sprintf("doc%03d.txt", r.Index) || r.Input.Data != nil {
					t.Errorf("result %d: input %q (data kept: %v)", r.Index, r.Input.Name, r.Input.Data != nil)
				}
				got = append(got, r.Index)
				wantProblems += r.Index % 3
			})
			for i, idx := range got {
				if idx != i {
					t.Fatalf("emit order %v…, want 0,1,2…", got[:min(len(got), i+5)])
				}
			}
			if len(got) != n || sum.Inputs != n || sum.Read != n || sum.Failed != 0 || sum.Duplicates != 0 || sum.Canceled {
				t.Errorf("emitted %d, summary %+v", len(got), sum)
			}
			if sum.Problems != wantProblems {
				t.Errorf("summary problems %d, want %d", sum.Problems, wantProblems)
			}
		})
	}
}

// While input 0 is stuck, workers may run ahead by the window (4*Jobs) and no further: the
// results waiting to be emitted, and so memory, stay bounded.
func TestRunWindowBoundsRunAhead(t *testing.T) {
	const jobs, n = 2, 100
	release := make(chan struct{})
	var started atomic.Int32
	opt := Options{Jobs: jobs, process: func(in Input, data []byte, sum string, _ func() (*segment.Segmenter, error)) (*bulletin.Bulletin, error) {
		started.Add(1)
		if in.Name == "doc000.txt" {
			<-release
		}
		return &bulletin.Bulletin{}, nil
	}}
	go func() {
		// Give the workers ample time to run ahead as far as they can.
		time.Sleep(200 * time.Millisecond)
		close(release)
	}()
	var aheadAtFirst int32 = -1
	emitted := 0
	Run(context.Background(), memInputs(n), opt, func(r Result) {
		if emitted == 0 {
			aheadAtFirst = started.Load()
		}
		emitted++
	})
	if emitted != n {
		t.Fatalf("emitted %d of %d", emitted, n)
	}
	if aheadAtFirst > 4*jobs || aheadAtFirst < 2 {
		t.Errorf("%d inputs started before the first was emitted; want 2..%d (window 4*Jobs)", aheadAtFirst, 4*jobs)
	}
}

func TestRunDuplicates(t *testing.T) {
	contents := []string{"A", "B", "A", "C", "B", "A"}
	wantDup := []string{"", "", "f0", "", "f1", "f0"}
	for _, jobs := range []int{1, 4} {
		t.Run(fmt.Sprintf("j%d", jobs), func(t *testing.T) {
			var calls atomic.Int32
			var in []Input
			for i, c := range contents {
				in = append(in, Input{Name: fmt.Sprintf("f%d", i), Data: []byte(c)})
			}
			opt := Options{Jobs: jobs, process: func(in Input, data []byte, sum string, _ func() (*segment.Segmenter, error)) (*bulletin.Bulletin, error) {
				calls.Add(1)
				return &bulletin.Bulletin{Title: string(data)}, nil
			}}
			sum := Run(context.Background(), in, opt, func(r Result) {
				if r.DuplicateOf != wantDup[r.Index] {
					t.Errorf("%s: duplicate of %q, want %q", r.Input.Name, r.DuplicateOf, wantDup[r.Index])
				}
				if (r.DuplicateOf != "") == (r.Bulletin != nil) {
					t.Errorf("%s: duplicate %q with bulletin %v", r.Input.Name, r.DuplicateOf, r.Bulletin != nil)
				}
				if len(r.SHA256) != 64 {
					t.Errorf("%s: sha256 %q", r.Input.Name, r.SHA256)
				}
			})
			if sum.Read != 3 || sum.Duplicates != 3 {
				t.Errorf("summary %+v, want 3 read and 3 duplicates", sum)
			}
			if jobs == 1 && calls.Load() != 3 {
				t.Errorf("with one worker the stages ran %d times, want 3 (duplicates are not processed)", calls.Load())
			}
		})
	}
}

func TestRunCancel(t *testing.T) {
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opt := Options{Jobs: 3, process: titleStage(func(int) time.Duration { return time.Millisecond })}
	emitted := 0
	done := make(chan Summary)
	go func() {
		done <- Run(ctx, memInputs(10000), opt, func(r Result) {
			emitted++
			if emitted == 10 {
				cancel()
			}
		})
	}()
	var sum Summary
	select {
	case sum = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	if !sum.Canceled || emitted != 10 || sum.Inputs != 10 {
		t.Errorf("after cancel at 10: emitted %d, summary %+v", emitted, sum)
	}
	noGoroutinesLeft(t, before)
}

// noGoroutinesLeft checks that every goroutine of Run has ended, allowing the runtime a moment
// to reap them: no more are running than before counted.
func noGoroutinesLeft(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if g := runtime.NumGoroutine(); g > before {
		t.Errorf("%d goroutines left after Run, %d before", g, before)
	}
}

func TestRunPanicBecomesError(t *testing.T) {
	opt := Options{Jobs: 2, process: func(in Input, data []byte, sum string, _ func() (*segment.Segmenter, error)) (*bulletin.Bulletin, error) {
		if in.Name == "doc001.txt" {
			var s []int
			_ = s[len(data)] // an index out of range, as a buggy stage would make
		}
		return &bulletin.Bulletin{}, nil
	}}
	var errs []string
	sum := Run(context.Background(), memInputs(3), opt, func(r Result) {
		if r.Err != nil {
			errs = append(errs, r.Err.Error())
		}
	})
	if sum.Read != 2 || sum.Failed != 1 || len(errs) != 1 {
		t.Fatalf("summary %+v, errors %q", sum, errs)
	}
	t.Log(errs[0])
	if !strings.HasPrefix(errs[0], "doc001.txt: 内部错误") || strings.Contains(errs[0], "\n") || !strings.Contains(errs[0], "run_test.go:") {
		t.Errorf("panic reported as %q; want one line naming the input", errs[0])
	}
}

func TestRunReadsFilesAndReportsFailures(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ok := write("ok.txt", "doc 1")
	big := write("big.txt", strings.Repeat("x", 3000))
	missing := filepath.Join(dir, "gone.txt")
	inputs := []Input{
		{Name: ok, Path: ok},
		{Name: big, Path: big},
		{Name: missing, Path: missing},
		{Name: dir, Path: dir},
	}
	opt := Options{Jobs: 2, MaxBytes: 2048, process: titleStage(func(int) time.Duration { return 0 })}
	var got []string
	sum := Run(context.Background(), inputs, opt, func(r Result) {
		if r.Err != nil {
			got = append(got, r.Err.Error())
			var ie *InputError
			if !errors.As(r.Err, &ie) || ie.Input != r.Input.Name {
				t.Errorf("error %v does not name its input %q", r.Err, r.Input.Name)
			}
		} else {
			got = append(got, "ok "+r.Bulletin.Title)
		}
	})
	want := []string{
		"ok doc 1",
		big + ": 文件 2.9 KB，超过 2 KB 上限（可用 --max-size 调高）",
		missing + ": 文件或文件夹不存在",
		dir + ": 是文件夹",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if sum.Read != 1 || sum.Failed != 3 {
		t.Errorf("summary %+v", sum)
	}
}

func TestRunStdin(t *testing.T) {
	inputs, errs := Expand([]string{"-", "-"}, strings.NewReader("doc 7"))
	if len(errs) != 0 || len(inputs) != 1 {
		t.Fatalf("Expand(-, -) = %d inputs, errors %v; want one input", len(inputs), errs)
	}
	opt := Options{Jobs: 1, process: titleStage(func(int) time.Duration { return 0 })}
	var title string
	Run(context.Background(), inputs, opt, func(r Result) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		title = r.Bulletin.Title
	})
	if title != "doc 7" {
		t.Errorf("stdin read as %q", title)
	}
	// Over the limit, standard input is refused, and the reason says it is standard input.
	inputs, _ = Expand([]string{"-"}, strings.NewReader(strings.Repeat("x", 100)))
	opt.MaxBytes = 10
	Run(context.Background(), inputs, opt, func(r Result) {
		if r.Err == nil || !strings.Contains(r.Err.Error(), "标准输入超过 10 字节 上限") {
			t.Errorf("oversized stdin: %v", r.Err)
		}
	})
}

func TestRunSegmenterCalledOnce(t *testing.T) {
	// The loader given in Options is what Process receives; Run itself does not load.
	var mu sync.Mutex
	calls := 0
	opt := Options{Jobs: 2,
		Segment: func() (*segment.Segmenter, error) { return nil, errors.New("no dictionary") },
		process: func(in Input, data []byte, sum string, seg func() (*segment.Segmenter, error)) (*bulletin.Bulletin, error) {
			mu.Lock()
			calls++
			mu.Unlock()
			if _, err := seg(); err != nil {
				return nil, &InputError{in.Name, fmt.Errorf("loading the segmenter: %w", err)}
			}
			return &bulletin.Bulletin{}, nil
		}}
	sum := Run(context.Background(), memInputs(4), opt, func(r Result) {
		if r.Err == nil || !strings.Contains(r.Err.Error(), "no dictionary") {
			t.Errorf("%s: %v", r.Input.Name, r.Err)
		}
	})
	if sum.Failed != 4 || calls != 4 {
		t.Errorf("summary %+v, stage calls %d", sum, calls)
	}
}

func TestFormatSize(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{0, "0 字节"}, {1, "1 字节"}, {1023, "1023 字节"}, {1024, "1 KB"}, {1536, "1.5 KB"},
		{64 << 20, "64 MB"}, {200 << 20, "200 MB"}, {200<<20 + 12345, "200 MB"}, {3 << 29, "1.5 GB"},
	} {
		if got := FormatSize(tc.n); got != tc.want {
			t.Errorf("FormatSize(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int64
	}{
		{"64MB", 64 << 20}, {"64 MB", 64 << 20}, {"64m", 64 << 20}, {"1GiB", 1 << 30}, {"1.5g", 3 << 29},
		{"512KB", 512 << 10}, {"1048576", 1 << 20}, {"100B", 100},
	} {
		got, err := ParseSize(tc.s)
		if err != nil || got != tc.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tc.s, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "MB", "-1", "0", "ten", "NaN", "1e30GB", "64TB"} {
		if got, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q) = %d, want an error", bad, got)
		}
	}
}

// TestRunURLs fetches pages from a local server: a good page, a 404 and a page slower than
// the timeout. Needs the real ingest (Read and Fetch).
func TestRunURLs(t *testing.T) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/ok.txt":
			w.Header().Set("Content-Type", "text/plain; charset=iso-8859-1") // a wrong hint
			w.Write(seed)
		case "/slow.html":
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	inputs, errs := Expand([]string{srv.URL + "/ok.txt", srv.URL + "/missing.html", srv.URL + "/slow.html"}, nil)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	start := time.Now()
	var got []Result
	Run(context.Background(), inputs, Options{Jobs: 3, Timeout: 300 * time.Millisecond}, func(r Result) { got = append(got, r) })
	if len(got) != 3 {
		t.Fatalf("%d results", len(got))
	}
	t.Logf("404: %v\nslow: %v", got[1].Err, got[2].Err)
	if r := got[0]; r.Err != nil || r.Bulletin.Source.URL != srv.URL+"/ok.txt" || len(r.Bulletin.Problems) != 14 {
		t.Errorf("good page: %v", r.Err)
	}
	if r := got[1]; r.Err == nil || !strings.Contains(r.Err.Error(), "404") {
		t.Errorf("404 page: %v", r.Err)
	}
	if r := got[2]; r.Err == nil || !strings.Contains(r.Err.Error(), "超时") {
		t.Errorf("slow page: %v", r.Err)
	}
	if d := time.Since(start); d > 4*time.Second {
		t.Errorf("the batch took %v: the timeout did not stop the slow page", d)
	}
}

// A panic in the caller's After fails that input with an internal-error reason; the batch
// goes on and the other bulletins arrive.
func TestAfterPanicFailsOneInput(t *testing.T) {
	inputs := []Input{
		{Name: "a.txt", Data: []byte("根据市委统一部署，市委第一巡察组对市档案局党组进行了巡察。\n针对“制度不健全”问题，修订制度3项。")},
		{Name: "b.txt", Data: []byte("根据市委统一部署，市委第二巡察组对市统计局党组进行了巡察。\n针对“学习不深入”问题，开展学习2次。")},
	}
	opt := Options{Jobs: 2, After: func(r *Result) {
		if r.Input.Name == "a.txt" {
			panic("prepare failed")
		}
		r.Prepared = "ok"
	}}
	var got []Result
	sum := Run(context.Background(), inputs, opt, func(r Result) { got = append(got, r) })
	if len(got) != 2 {
		t.Fatalf("results = %d, want 2 (summary %+v)", len(got), sum)
	}
	for _, r := range got {
		switch r.Input.Name {
		case "a.txt":
			if r.Err == nil || !strings.Contains(r.Err.Error(), "内部错误") || r.Bulletin != nil {
				t.Errorf("a.txt: err %v, bulletin %v: want the internal-error reason and no bulletin", r.Err, r.Bulletin != nil)
			}
		case "b.txt":
			if r.Err != nil || r.Prepared != "ok" {
				t.Errorf("b.txt: err %v, prepared %v", r.Err, r.Prepared)
			}
		}
	}
}
