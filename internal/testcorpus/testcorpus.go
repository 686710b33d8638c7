// Package testcorpus finds the files the tests read: the repository's own corpus/ (the user's
// sample and its variants) and testdata/, and the shared corpus beside the clone
// (../shared/corpus: real bulletin excerpts with gold). Only tests import it.
//
// A test that needs only the sample reads it from corpus/, which every clone has. A test that
// needs the shared corpus calls Shared: where the folder is absent the test is skipped with a
// line saying so, except under CI (CI=true), where an absent shared corpus fails the test,
// since CI is given the shared corpus and a silent skip would hide a broken layout.
package testcorpus

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// SampleName is the user's sample bulletin, shipped in corpus/.
const SampleName = "yushu-wenguanglv-2024.txt"

// Root is the repository's root folder.
func Root() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("testcorpus: no caller information")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Path joins elements below the repository's root.
func Path(elem ...string) string {
	return filepath.Join(append([]string{Root()}, elem...)...)
}

// SamplePath is the path of the user's sample in corpus/.
func SamplePath() string { return Path("corpus", SampleName) }

// Sample is the text of the user's sample; a test fails when it cannot be read.
func Sample(tb testing.TB) string {
	tb.Helper()
	data, err := os.ReadFile(SamplePath())
	if err != nil {
		tb.Fatalf("the sample bulletin is part of the repository: %v", err)
	}
	return string(data)
}

// Shared returns ../shared/corpus joined with elem. Where that path does not exist, the test
// is skipped with a message, or fails under CI (CI=true).
func Shared(tb testing.TB, elem ...string) string {
	tb.Helper()
	p, err := shared(elem)
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("shared corpus missing under CI: %v", err)
		}
		tb.Skipf("shared corpus absent (%v): skipped; CI=true makes this a failure", err)
	}
	return p
}

// SharedIfPresent is Shared for a test that has other work besides: where the path does not
// exist it logs so and reports false instead of skipping (and still fails under CI).
func SharedIfPresent(tb testing.TB, elem ...string) (string, bool) {
	tb.Helper()
	p, err := shared(elem)
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("shared corpus missing under CI: %v", err)
		}
		tb.Logf("shared corpus absent (%v): that part not run", err)
		return "", false
	}
	return p, true
}

func shared(elem []string) (string, error) {
	p := filepath.Join(append([]string{Root(), "..", "shared", "corpus"}, elem...)...)
	_, err := os.Stat(p)
	return p, err
}

// File is one corpus file: its path and its bytes.
type File struct {
	Name string
	Data []byte
}

// Files reads the files matching some globs under the repository's root (at least one must
// match) and the shared real bulletins (../shared/corpus/real/raw) where present; folders are
// passed over.
func Files(tb testing.TB, globs ...string) []File {
	tb.Helper()
	var names []string
	for _, g := range globs {
		m, err := filepath.Glob(Path(g))
		if err != nil {
			tb.Fatalf("corpus files: %v", err)
		}
		names = append(names, m...)
	}
	if len(names) == 0 {
		tb.Fatalf("corpus files: no file matches %q", globs)
	}
	if dir, ok := SharedIfPresent(tb, "real", "raw"); ok {
		m, _ := filepath.Glob(filepath.Join(dir, "*"))
		names = append(names, m...)
	}
	var files []File
	for _, f := range names {
		if st, err := os.Stat(f); err != nil || st.IsDir() {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatalf("corpus files: %v", err)
		}
		files = append(files, File{f, data})
	}
	return files
}

// Lines returns every line of the files that match globs (patterns relative to the
// repository's root, as filepath.Glob reads them) and of the shared corpus's real bulletins
// (real/raw) where present, as the bytes are: a file in another encoding than UTF-8 gives
// invalid sequences. The tests that hold a fast path to the code it replaced run both over
// these lines. A test fails when no file matches.
func Lines(tb testing.TB, globs ...string) []string {
	tb.Helper()
	var lines []string
	for _, f := range Files(tb, globs...) {
		lines = append(lines, strings.Split(string(f.Data), "\n")...)
	}
	return lines
}
