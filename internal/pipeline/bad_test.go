package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// badCase is what one malformed input must give.
type badCase struct {
	file string
	// want is "error", "record" or "either"; for "error", errHas lists words the reason must
	// contain (any of them, case-insensitive).
	want   string
	errHas []string
	check  func(t *testing.T, b *bulletin.Bulletin)
}

var badCases = []badCase{
	{file: "empty.txt", want: "error"},
	{file: "pdf-bytes.txt", want: "error", errHas: []string{"pdf"}},
	{file: "jpeg-bytes.html", want: "error"},
	{file: "zip-bytes.txt", want: "error"},
	{file: "not-word.docx", want: "error"},
	{file: "truncated-utf8.txt", want: "record", check: func(t *testing.T, b *bulletin.Bulletin) {
		if !strings.HasPrefix(b.Source.Encoding, "utf-8") {
			t.Errorf("encoding %q: a UTF-8 file cut inside its last character is still UTF-8", b.Source.Encoding)
		}
		wantText(t, b, "市委第一巡察组对文广旅局党组进行了巡察")
	}},
	{file: "gb18030-labelled-utf8.html", want: "record", check: func(t *testing.T, b *bulletin.Bulletin) {
		if b.Source.Encoding != "gb18030" || b.Source.Format != "html" {
			t.Errorf("format %q encoding %q, want html gb18030 (the bytes decide, not the meta tag)", b.Source.Format, b.Source.Encoding)
		}
		wantText(t, b, "市委第一巡察组对文广旅局党组进行了巡察")
	}},
	{file: "unbalanced-quotes.txt", want: "record", check: func(t *testing.T, b *bulletin.Bulletin) {
		wantText(t, b, "统计数据质量管控不严格")
	}},
	{file: "only-headings.txt", want: "record", check: func(t *testing.T, b *bulletin.Bulletin) {
		// Two topic headings 1.关于“…”问题整改情况 with no statement under them: each is a
		// problem (as in the gold of real/004); （1）完善制度 under the second may be its measure.
		var quotes []string
		for _, p := range b.Problems {
			quotes = append(quotes, p.Quote)
		}
		if strings.Join(quotes, "|") != "理论学习不够深入|财务管理不规范" {
			t.Errorf("problems %q, want the two topic quotes", quotes)
		}
		if len(b.Sections) < 8 {
			t.Errorf("%d sections, want the 9 headings (at least 8)", len(b.Sections))
		}
	}},
	{file: "no-problems.txt", want: "record", check: func(t *testing.T, b *bulletin.Bulletin) {
		if len(b.Problems) != 0 {
			t.Errorf("%d problems, want none", len(b.Problems))
		}
		if b.Unit == "" {
			t.Errorf("no unit read from the opening sentence")
		}
	}},
	// Made by the test in a temporary folder:
	{file: "huge.txt", want: "error", errHas: []string{"文件 200 MB，超过 64 MB 上限（可用 --max-size 调高）"}},
	{file: "nested-100000.html", want: "either"},
}

// wantText fails unless some paragraph contains s.
func wantText(t *testing.T, b *bulletin.Bulletin, s string) {
	t.Helper()
	for _, p := range b.Paragraphs {
		if strings.Contains(p.Text, s) {
			return
		}
	}
	t.Errorf("no paragraph contains %q (%d paragraphs)", s, len(b.Paragraphs))
}

// makeBadFiles copies testdata/bad and adds the generated cases into a temporary folder.
func makeBadFiles(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join("..", "..", "testdata", "bad")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// 200 MB, sparse: no disk space is used, and it is refused before it is read.
	huge := filepath.Join(dir, "huge.txt")
	if err := os.WriteFile(huge, []byte("巡察"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 200<<20); err != nil {
		t.Fatal(err)
	}
	// HTML nested 100,000 deep, with text at the bottom.
	var b strings.Builder
	b.WriteString("<html><body>")
	for i := 0; i < 100000; i++ {
		b.WriteString("<div>")
	}
	b.WriteString("根据市委统一部署，市委第一巡察组对市统计局党组进行了巡察。")
	for i := 0; i < 100000; i++ {
		b.WriteString("</div>")
	}
	b.WriteString("</body></html>")
	if err := os.WriteFile(filepath.Join(dir, "nested-100000.html"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBadInputs runs every malformed input through the real stages in one batch: each gives
// its one-line error or a valid record, the batch goes on, nothing panics. The size limit is
// the pipeline's own; the other expectations need the real ingest, structure and extract.
func TestBadInputs(t *testing.T) {
	dir := makeBadFiles(t)
	var inputs []Input
	for _, c := range badCases {
		p := filepath.Join(dir, c.file)
		inputs = append(inputs, Input{Name: p, Path: p})
	}
	results := make(map[string]Result)
	sum := Run(context.Background(), inputs, Options{Jobs: 2}, func(r Result) {
		results[filepath.Base(r.Input.Name)] = r
	})
	if sum.Inputs != len(badCases) {
		t.Fatalf("the batch stopped: %d of %d inputs emitted", sum.Inputs, len(badCases))
	}
	for _, c := range badCases {
		t.Run(c.file, func(t *testing.T) {
			r, ok := results[c.file]
			if !ok || r.DuplicateOf != "" {
				t.Fatalf("no result of its own (duplicate of %q)", r.DuplicateOf)
			}
			if r.Err != nil {
				msg := r.Err.Error()
				t.Logf("error: %s", msg)
				if strings.Contains(msg, "\n") || !strings.HasPrefix(msg, filepath.Join(dir, c.file)+": ") {
					t.Errorf("error %q: want one line starting with the path", msg)
				}
				if strings.Contains(msg, "internal error") || strings.Contains(msg, "not implemented") {
					t.Errorf("error %q: want a reason, not a crash or a stub", msg)
				}
			}
			switch c.want {
			case "error":
				if r.Err == nil {
					t.Fatalf("got a record (%d paragraphs), want an error", len(r.Bulletin.Paragraphs))
				}
				if len(c.errHas) > 0 && !containsAny(strings.ToLower(r.Err.Error()), c.errHas) {
					t.Errorf("error %q: want it to say %q", r.Err, c.errHas)
				}
			case "record":
				if r.Err != nil {
					t.Fatalf("want a record")
				}
				if len(r.Bulletin.Paragraphs) == 0 {
					t.Errorf("record without paragraphs")
				}
				if c.check != nil {
					c.check(t, r.Bulletin)
				}
			case "either":
				if r.Err == nil && r.Bulletin == nil {
					t.Errorf("neither a record nor an error")
				}
			}
		})
	}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, strings.ToLower(sub)) {
			return true
		}
	}
	return false
}
