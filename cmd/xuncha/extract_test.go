package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/pipeline/gen"
)

// Paths from cmd/xuncha to the repository's folders.
var (
	corpusDir = filepath.Join("..", "..", "corpus")
	seedFile  = filepath.Join(corpusDir, "yushu-wenguanglv-2024.txt")
	badDir    = filepath.Join("..", "..", "testdata", "bad")
)

// runCLI runs the command as main does and returns its exit code and output.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// jsonLines decodes JSON Lines output into bulletins, failing on any line that does not parse.
func jsonLines(t *testing.T, s string) []bulletin.Bulletin {
	t.Helper()
	var out []bulletin.Bulletin
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var b bulletin.Bulletin
		if err := json.Unmarshal(sc.Bytes(), &b); err != nil {
			t.Fatalf("stdout line %d is not a bulletin: %v\n%.200s", len(out)+1, err, sc.Text())
		}
		out = append(out, b)
	}
	return out
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string // in stderr
	}{
		{nil, "usage:"},
		{[]string{"frobnicate"}, `未知命令 "frobnicate"`},
		{[]string{"extract"}, "没有输入"},
		{[]string{"extract", "-q"}, "没有输入"},
		{[]string{"extract", "--bogus", seedFile}, "flag provided but not defined: -bogus"},
		{[]string{"extract", seedFile, "-j", "0"}, "-j 至少为 1"},
		{[]string{"extract", seedFile, "-j", "two"}, `invalid value "two" for flag -j`},
		{[]string{"extract", seedFile, "-o", filepath.Join(dir, "out.csv")}, "-o 须是以 .xlsx 结尾的文件名"},
		{[]string{"extract", seedFile, "--max-size", "lots"}, `大小 "lots" 无效`},
		{[]string{"extract", seedFile, "--timeout", "soon"}, `invalid value "soon" for flag -timeout`},
		{[]string{"extract", seedFile, "-o"}, "flag needs an argument: -o"},
	} {
		code, stdout, stderr := runCLI(t, "", tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) || stdout != "" {
			t.Errorf("xuncha %q: exit %d, stderr %q; want exit 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out.csv")); err == nil {
		t.Error("a usage error wrote a file")
	}
}

func TestHelpAndVersion(t *testing.T) {
	code, stdout, _ := runCLI(t, "", "extract", "-h")
	if code != 0 || !strings.Contains(stdout, "--max-size SIZE") {
		t.Errorf("extract -h: exit %d, %q", code, stdout)
	}
	code, stdout, _ = runCLI(t, "", "version")
	if code != 0 || !strings.HasPrefix(stdout, "xuncha ") {
		t.Errorf("version: exit %d, %q", code, stdout)
	}
}

func TestSplitArgs(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.String("o", "", "")
	fs.Bool("json", false, "")
	fs.Int("j", 1, "")
	for _, tc := range []struct {
		args, flags, inputs string
	}{
		{"corpus -o x.xlsx", "-o x.xlsx", "corpus"},
		{"-o x.xlsx corpus", "-o x.xlsx", "corpus"},
		{"a --json -j 4 b", "--json -j 4", "a b"},
		{"--json=true a -j=2", "--json=true -j=2", "a"},
		{"- a", "", "- a"},
		{"a -- -odd -j", "", "a -odd -j"},
		{"a --unknown b", "--unknown", "a b"},
	} {
		flags, inputs := splitArgs(fs, strings.Fields(tc.args))
		if strings.Join(flags, " ") != tc.flags || strings.Join(inputs, " ") != tc.inputs {
			t.Errorf("splitArgs(%s) = flags %q inputs %q; want %q %q", tc.args, flags, inputs, tc.flags, tc.inputs)
		}
	}
}

func TestMissingInputExit1(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "gone.txt")
	code, _, stderr := runCLI(t, "", "extract", "--json", missing)
	want := "xuncha: " + missing + ": 文件或文件夹不存在\n"
	if code != 1 || !strings.HasPrefix(stderr, want) {
		t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr, want)
	}
}

// TestExtractCorpusWorkbook is the first command of the README, with flags after the input.
// Needs the real ingest and workbook.
func TestExtractCorpusWorkbook(t *testing.T) {
	out := filepath.Join(t.TempDir(), "bulletins.xlsx")
	code, stdout, stderr := runCLI(t, "", "extract", corpusDir, "-o", out)
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	if stdout != "" {
		t.Errorf("stdout %q without --json", stdout)
	}
	if !regexp.MustCompile(`读取 \d+ 个文件，失败 0，重复 0，问题 \d+，用时 [\d.]+s，写入 `).MatchString(stderr) {
		t.Errorf("no summary line on stderr: %q", stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	for _, s := range []string{"概览", "问题", "措施", "错误"} {
		if !slices.Contains(sheets, s) {
			t.Errorf("sheet %s missing; sheets %q", s, sheets)
		}
	}
	rows, _ := f.GetRows("问题")
	if len(rows) < 15 {
		t.Errorf("问题 has %d rows, want a header and the sample's 14 problems", len(rows))
	}
}

// TestExtractJSON: one bulletin per line with the contract's fields, from a file and from
// standard input; no workbook unless -o is given. Needs the real ingest and extract.
func TestExtractJSON(t *testing.T) {
	seed, err := filepath.Abs(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	code, stdout, stderr := runCLI(t, string(data), "extract", "--json", "-q", seed, "-")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	// The same content twice: the second (stdin) is a duplicate, reported only without -q.
	bs := jsonLines(t, stdout)
	if len(bs) != 1 {
		t.Fatalf("%d JSON lines, want 1 (stdin repeats the file)", len(bs))
	}
	b := bs[0]
	if b.Source.Path != seed || len(b.Source.SHA256) != 64 || b.Source.Bytes != int64(len(data)) {
		t.Errorf("source %+v", b.Source)
	}
	if len(b.Problems) != 14 {
		t.Errorf("%d problems, want 14", len(b.Problems))
	}
	// Field names are the contract: check a few at the top level and in a problem.
	var raw map[string]json.RawMessage
	json.Unmarshal([]byte(strings.SplitN(stdout, "\n", 2)[0]), &raw)
	for _, k := range []string{"source", "title", "unit", "inspector", "inspection", "feedback_date", "as_of_date",
		"publish_date", "declared", "sections", "problems", "metrics", "dates", "contacts", "keywords", "paragraphs", "checks", "warnings"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("JSON record has no %q", k)
		}
	}
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Errorf("--json without -o wrote files: %v", entries)
	}

	code, stdout, stderr = runCLI(t, string(data), "extract", "--json", "-")
	if bs := jsonLines(t, stdout); code != 0 || len(bs) != 1 || bs[0].Source.Path != "-" {
		t.Errorf("stdin: exit %d, %d records, stderr %q", code, len(bs), stderr)
	}
}

// TestOrderStable: the JSON output is byte-identical with one worker and with four.
// Needs every real stage (with stubs the output is empty and the test says so).
func TestOrderStable(t *testing.T) {
	dir := t.TempDir()
	if _, err := gen.WriteDir(dir, 40, 5); err != nil {
		t.Fatal(err)
	}
	code1, out1, err1 := runCLI(t, "", "extract", "--json", "-q", "-j", "1", dir)
	code4, out4, err4 := runCLI(t, "", "extract", "--json", "-q", dir, "--jobs", "4")
	if code1 != 0 || code4 != 0 {
		t.Fatalf("exit %d and %d; stderr:\n%s\n%s", code1, code4, err1, err4)
	}
	if n := len(jsonLines(t, out1)); n != 40 {
		t.Fatalf("%d records from 40 bulletins", n)
	}
	if out1 != out4 {
		t.Errorf("-j 1 and -j 4 differ (%d and %d bytes)", len(out1), len(out4))
	}
}

// TestBadFolder: every malformed input gives one line on stderr or one record, the batch goes
// on, the workbook is written, exit 1. Needs the real ingest and workbook.
func TestBadFolder(t *testing.T) {
	dir := t.TempDir()
	entries, err := os.ReadDir(badDir)
	if err != nil {
		t.Fatal(err)
	}
	inputs := 0
	for _, e := range entries {
		if !wantedExt(e.Name()) {
			continue
		}
		data, _ := os.ReadFile(filepath.Join(badDir, e.Name()))
		os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644)
		inputs++
	}
	huge := filepath.Join(dir, "huge.txt")
	os.WriteFile(huge, nil, 0o644)
	if err := os.Truncate(huge, 200<<20); err != nil {
		t.Fatal(err)
	}
	inputs++
	os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "broken-link.txt"))
	inputs++
	out := filepath.Join(t.TempDir(), "bad.xlsx")

	code, stdout, stderr := runCLI(t, "", "extract", "--json", "-o", out, dir)
	if code != 1 {
		t.Errorf("exit %d, want 1 (some inputs failed)", code)
	}
	records := jsonLines(t, stdout)
	var failures []string
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if strings.HasPrefix(line, "xuncha: ") {
			failures = append(failures, line)
			if !strings.HasPrefix(line, "xuncha: "+dir+string(filepath.Separator)) {
				t.Errorf("failure line %q does not start with the input's path", line)
			}
		}
	}
	if len(records)+len(failures) != inputs {
		t.Errorf("%d records + %d failure lines, want one of either for each of %d inputs:\n%s", len(records), len(failures), inputs, stderr)
	}
	for _, want := range []string{
		"xuncha: " + huge + ": 文件 200 MB，超过 64 MB 上限（可用 --max-size 调高）",
		"broken-link.txt: 符号链接已断开",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q", want)
		}
	}
	if strings.Contains(stderr, "panic") || strings.Contains(stderr, "internal error") {
		t.Errorf("a stage crashed:\n%s", stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatalf("no workbook after a batch with failures: %v", err)
	}
	defer f.Close()
	rows, _ := f.GetRows("错误")
	if len(rows) != len(failures)+1 {
		t.Errorf("错误 has %d rows, want a header and %d failures", len(rows), len(failures))
	}
}

func wantedExt(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".htm", ".html", ".docx":
		return true
	}
	return false
}

// TestInterruptKeepsPreviousWorkbook: when the run is cancelled (Ctrl-C), the workbook is
// aborted, the file at -o stays as it was and nothing else is left. Needs the real workbook.
func TestInterruptKeepsPreviousWorkbook(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "prev.xlsx")
	os.WriteFile(out, []byte("previous workbook"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	code := extractContext(ctx, []string{"-o", out, corpusDir}, nil, &stdout, &stderr)
	if code != 130 {
		t.Errorf("exit %d, want 130; stderr %q", code, stderr.String())
	}
	if data, _ := os.ReadFile(out); string(data) != "previous workbook" {
		t.Errorf("the previous workbook was changed: %.40q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}
}

// TestSplit writes one workbook per bulletin. Needs the real ingest and workbook.
func TestSplit(t *testing.T) {
	dir := t.TempDir()
	gen.WriteDir(filepath.Join(dir, "in"), 3, 9)
	split := filepath.Join(dir, "split")
	code, _, stderr := runCLI(t, "", "extract", "-q", "--split", split, "-o", filepath.Join(dir, "all.xlsx"), filepath.Join(dir, "in"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	entries, _ := os.ReadDir(split)
	if len(entries) != 3 {
		t.Fatalf("%d files in --split folder, want 3", len(entries))
	}
	for _, e := range entries {
		f, err := excelize.OpenFile(filepath.Join(split, e.Name()))
		if err != nil {
			t.Errorf("%s does not open: %v", e.Name(), err)
			continue
		}
		f.Close()
	}
}

func TestProgressBar(t *testing.T) {
	var buf bytes.Buffer
	c := &console{w: &buf}
	p := newProgressBar(c, 10, true)
	p.update(5, 1)
	c.line("xuncha: x.txt: broken")
	p.finish()
	s := buf.String()
	for _, want := range []string{"\r\x1b[K[############............] 5/10 失败 1", "个/秒", "剩余 ", "\r\x1b[Kxuncha: x.txt: broken\n"} {
		if !strings.Contains(s, want) {
			t.Errorf("progress output %q lacks %q", s, want)
		}
	}
	if !strings.HasSuffix(s, "\r\x1b[K") {
		t.Errorf("the bar is not cleared at the end: %q", s)
	}
	if isTerminal(&buf) {
		t.Error("a buffer is not a terminal")
	}
}

func TestFormatDuration(t *testing.T) {
	for d, want := range map[string]string{"0.4s": "0.4s", "12.34s": "12.3s", "185s": "3m05s", "3725s": "1h02m"} {
		dur, _ := time.ParseDuration(d)
		if got := formatDuration(dur); got != want {
			t.Errorf("formatDuration(%s) = %s, want %s", d, got, want)
		}
	}
}

// TestMaxSize: --max-size lowers the limit; the refusal names the flag.
func TestMaxSize(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "extract", "--json", "--max-size", "1KB", seedFile)
	want := "xuncha: " + seedFile + ": 文件 13.1 KB，超过 1 KB 上限（可用 --max-size 调高）\n"
	if code != 1 || stdout != "" || !strings.HasPrefix(stderr, want) {
		t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr, want)
	}
}

// TestListWithURL reads an @LIST naming a file and a URL served on loopback. Needs the real
// ingest.
func TestListWithURL(t *testing.T) {
	page := gen.One(0, 11)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(page.Data)
	}))
	defer srv.Close()
	list := filepath.Join(t.TempDir(), "inputs.txt")
	os.WriteFile(list, []byte("# one file, one page\n"+seedFile+"\n"+srv.URL+"/a/"+page.Name+"\n"), 0o644)
	code, stdout, stderr := runCLI(t, "", "extract", "--json", "-q", "@"+list)
	bs := jsonLines(t, stdout)
	if code != 0 || len(bs) != 2 {
		t.Fatalf("exit %d, %d records; stderr %q", code, len(bs), stderr)
	}
	if bs[0].Source.Path != seedFile || bs[1].Source.URL != srv.URL+"/a/"+page.Name || bs[1].Unit != page.Unit {
		t.Errorf("sources %+v and %+v (unit %q, want %q)", bs[0].Source, bs[1].Source, bs[1].Unit, page.Unit)
	}
}
