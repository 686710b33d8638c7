package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/segment"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

// A folder named through a symlink is that folder (issue 18, case 1): its files are read and
// named under the link.
func TestSymlinkToFolder(t *testing.T) {
	dir := tree(t, "det/a.txt", "det/sub/b.html")
	link := filepath.Join(dir, "linkdir")
	if err := os.Symlink(filepath.Join(dir, "det"), link); err != nil {
		t.Skipf("cannot make a symlink here: %v", err)
	}
	inputs, errs := Expand([]string{link}, nil)
	if got := strings.Join(names(dir, inputs), " "); got != "linkdir/a.txt linkdir/sub/b.html" || len(errs) != 0 {
		t.Errorf("inputs %q, errors %v; want linkdir/a.txt linkdir/sub/b.html and none", got, errText(errs))
	}
	for _, in := range inputs {
		if _, err := os.Stat(in.Path); err != nil {
			t.Errorf("input %s cannot be read: %v", in.Path, err)
		}
	}
}

// A line over the limit in an @list is reported and skipped; every later line is still read
// (issue 17, case 4).
func TestListLongLine(t *testing.T) {
	dir := tree(t, "a.txt", "b.txt", "c.txt")
	list := filepath.Join(dir, "list.txt")
	content := filepath.Join(dir, "a.txt") + "\n" + strings.Repeat("x", maxListLine+10) + "\n" +
		filepath.Join(dir, "b.txt") + "\r\n# a comment\n\n" + filepath.Join(dir, "c.txt") // no final newline
	if err := os.WriteFile(list, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs, errs := Expand([]string{"@" + list}, nil)
	if got := strings.Join(names(dir, inputs), " "); got != "a.txt b.txt c.txt" {
		t.Errorf("inputs %q, want a.txt b.txt c.txt", got)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), ":2") || !strings.Contains(errs[0].Error(), "超过") {
		t.Errorf("errors %v, want one for line 2", errText(errs))
	}
}

// Byte-identical inputs that fail each fail, with their own line; identical good inputs are
// still duplicates (issue 18, case 3).
func TestIdenticalFailuresEachReported(t *testing.T) {
	dir := tree(t)
	var inputs []Input
	for _, n := range []string{"e1.txt", "e2.txt", "g1.txt", "g2.txt"} {
		p := filepath.Join(dir, n)
		content := ""
		if strings.HasPrefix(n, "g") {
			content = "doc"
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, Input{Name: p, Path: p})
	}
	ok := titleStage(func(int) time.Duration { return 0 })
	opt := Options{Jobs: 2, process: func(in Input, data []byte, sum string, seg func() (*segment.Segmenter, error)) (*bulletin.Bulletin, error) {
		if len(data) == 0 {
			return nil, errors.New("空文件")
		}
		return ok(in, data, sum, seg)
	}}
	var got []string
	sum := Run(context.Background(), inputs, opt, func(r Result) {
		base := filepath.Base(r.Input.Name)
		switch {
		case r.DuplicateOf != "":
			got = append(got, base+" dup")
		case r.Err != nil:
			got = append(got, base+" failed")
		default:
			got = append(got, base+" ok")
		}
	})
	if s := strings.Join(got, ", "); s != "e1.txt failed, e2.txt failed, g1.txt ok, g2.txt dup" {
		t.Errorf("outcomes %s", s)
	}
	if sum.Failed != 2 || sum.Duplicates != 1 || sum.Read != 1 {
		t.Errorf("summary %+v", sum)
	}
}

// A URL's credentials are never stored or shown (issue 17, case 10).
func TestURLCredentialsDropped(t *testing.T) {
	inputs, errs := Expand([]string{"https://alice:s3cret@example.gov.cn/a.html?x=1"}, nil)
	if len(errs) != 0 || len(inputs) != 1 {
		t.Fatalf("inputs %v, errors %v", inputs, errText(errs))
	}
	if in := inputs[0]; strings.Contains(in.Name, "s3cret") || strings.Contains(in.Name, "alice") || in.Name != "https://example.gov.cn/a.html?x=1" {
		t.Errorf("input named %q, want the address without its credentials", in.Name)
	}
	b, err := Process(Input{Name: "u", URL: "https://alice:s3cret@example.gov.cn/a.html"}, []byte(testcorpus.Sample(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if b.Source.URL != "https://example.gov.cn/a.html" {
		t.Errorf("record's source.url = %q, want it without credentials", b.Source.URL)
	}
	if got := redactURL("http://bob@h/x"); got != "http://h/x" {
		t.Errorf("redactURL = %q", got)
	}
	if got := redactURL("http://h/x"); got != "http://h/x" {
		t.Errorf("redactURL changed an address without credentials: %q", got)
	}
}
