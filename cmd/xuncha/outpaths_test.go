package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Output paths are checked before the run (issue 17, case 10; issue 18, case 5).
func TestOutputPathChecks(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "book.xlsx") // a folder with a workbook's name
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	input := filepath.Join(dir, "in.xlsx") // an input that -o names again
	sample, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(input, sample, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"extract", seedFile, "-o", folder}, "是文件夹"},
		{[]string{"extract", input, "-o", input}, "也是输入"},
		{[]string{"extract", seedFile, "--split", "-q"}, "--split 须是文件夹"},
		{[]string{"extract", seedFile, "--max-size", "0.5"}, "不足 1 字节"},
	} {
		code, _, stderr := runCLI(t, "", tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("xuncha %q: exit %d, stderr %q; want exit 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
	if data, err := os.ReadFile(input); err != nil || !bytes.Equal(data, sample) {
		t.Errorf("the input named by -o was changed (%v)", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "-q")); err == nil {
		t.Error("--split -q made a folder named -q")
	}

	// A long but valid name: the temporary file beside it must fit the name limit too.
	long := filepath.Join(dir, strings.Repeat("长", 80)+".xlsx") // 245 bytes
	if code, _, stderr := runCLI(t, "", "extract", seedFile, "-q", "-o", long); code != 0 {
		t.Fatalf("a %d-byte output name: exit %d, stderr %q", len(filepath.Base(long)), code, stderr)
	}
	if _, err := os.Stat(long); err != nil {
		t.Errorf("workbook with a long name not written: %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// A file name with a newline, ESC or NUL-like control characters cannot break the one-line
// format of stderr (issue 17, case 10).
func TestControlCharactersInNames(t *testing.T) {
	if got, want := oneLine("a\x1b[2Jb\x00c\nd\te"), `a\x1b[2Jb\x00c d e`; got != want {
		t.Errorf("oneLine = %q, want %q", got, want)
	}
	dir := t.TempDir()
	name := filepath.Join(dir, "bad\x1b[31m\nname.txt")
	if err := os.WriteFile(name, nil, 0o644); err != nil {
		t.Skipf("cannot make such a file name here: %v", err)
	}
	code, _, stderr := runCLI(t, "", "extract", "-q", "--json", name)
	if code != 1 {
		t.Errorf("exit %d, want 1 for an empty file", code)
	}
	if strings.ContainsRune(stderr, 0x1b) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Errorf("stderr carries raw control characters or several lines: %q", stderr)
	}
	if !strings.Contains(stderr, `\x1b[31m`) {
		t.Errorf("stderr does not show the escaped name: %q", stderr)
	}
}

// --split never overwrites a file already in its folder (issue 17, case 10).
func TestSplitNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	split := filepath.Join(dir, "split")
	if code, _, stderr := runCLI(t, "", "extract", seedFile, "-q", "-o", filepath.Join(dir, "a.xlsx"), "--split", split); code != 0 {
		t.Fatalf("first run: exit %d, %s", code, stderr)
	}
	first, _ := os.ReadDir(split)
	if len(first) != 1 {
		t.Fatalf("first run wrote %d files, want 1", len(first))
	}
	kept := filepath.Join(split, first[0].Name())
	if err := os.WriteFile(kept, []byte("the office's own file"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "", "extract", seedFile, "-q", "-o", filepath.Join(dir, "b.xlsx"), "--split", split); code != 0 {
		t.Fatalf("second run: exit %d, %s", code, stderr)
	}
	if data, _ := os.ReadFile(kept); string(data) != "the office's own file" {
		t.Errorf("--split overwrote %s", kept)
	}
	if second, _ := os.ReadDir(split); len(second) != 2 {
		t.Errorf("second run: %d files in the folder, want 2 (a new name beside the old)", len(second))
	}
}
