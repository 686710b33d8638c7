package pipeline

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Extensions are the file kinds taken from folders and globs (case-insensitive). A file named
// explicitly is read whatever its name: ingest decides the format from the bytes.
var Extensions = []string{".txt", ".htm", ".html", ".docx", ".doc", ".pdf"}

// Expand turns command-line arguments into inputs, in argument order:
//
//	FILE        the file, whatever its extension
//	DIR         every bulletin file below it, recursively, sorted by path; only Extensions,
//	            skipping hidden files and folders (.name) and Office lock files (~$name)
//	GLOB        the files (and folders, as above) matching a pattern with * ? [ ]
//	-           standard input
//	@LIST       each line of the file LIST is a path, folder, glob or URL; blank lines and
//	            lines starting with # are skipped
//	http(s)://  a URL, fetched by Run
//
// The same path named twice is read once. Each argument that yields nothing (missing file,
// broken link, unreadable folder, glob without a match) gives an *InputError; the others are
// still returned.
func Expand(args []string, stdin io.Reader) ([]Input, []error) {
	x := expander{seen: make(map[string]bool)}
	for _, arg := range args {
		if list, ok := strings.CutPrefix(arg, "@"); ok && list != "" {
			x.list(list, stdin)
			continue
		}
		x.arg(arg, stdin)
	}
	return x.inputs, x.errs
}

type expander struct {
	inputs []Input
	errs   []error
	seen   map[string]bool // cleaned paths, URLs and "-" already taken
	stdin  *stdinSource
}

func (x *expander) fail(name string, err error) {
	x.errs = append(x.errs, &InputError{Input: name, Err: err})
}

func (x *expander) add(in Input) {
	key := in.URL
	if in.Path != "" {
		key = filepath.Clean(in.Path)
	}
	if in.Name == "-" {
		key = "-"
	}
	if x.seen[key] {
		return
	}
	x.seen[key] = true
	x.inputs = append(x.inputs, in)
}

// arg expands one argument (not an @list).
func (x *expander) arg(arg string, stdin io.Reader) {
	switch {
	case arg == "":
		x.fail(`""`, errors.New("空参数"))
	case arg == "-":
		if x.stdin == nil {
			if stdin == nil {
				stdin = strings.NewReader("")
			}
			x.stdin = &stdinSource{r: stdin}
		}
		x.add(Input{Name: "-", stdin: x.stdin})
	case isURL(arg):
		x.add(Input{Name: redactURL(arg), URL: arg})
	default:
		x.path(arg)
	}
}

// redactURL drops the user name and password from an address (http://user:pass@host/…), so
// that they reach neither stderr, nor the workbook, nor the record; unparsable text is kept.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.User == nil {
		return s
	}
	u.User = nil
	return u.String()
}

// isURL reports whether s is an http(s) address.
func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// path expands a file, folder or glob.
func (x *expander) path(p string) {
	fi, err := os.Stat(p)
	if err != nil {
		if _, lerr := os.Lstat(p); lerr != nil && strings.ContainsAny(p, "*?[") {
			x.glob(p)
			return
		}
		x.fail(p, describeOpen(p, err))
		return
	}
	if err := notRegular(fi); err != nil {
		x.fail(p, err)
		return
	}
	if fi.IsDir() {
		if n := x.walk(p); n == 0 {
			x.fail(p, fmt.Errorf("文件夹中没有公报文件（%s）", strings.Join(Extensions, " ")))
		}
		return
	}
	x.add(Input{Name: p, Path: p})
}

// glob expands a pattern: matching folders are walked, matching files are taken when their
// extension is one of Extensions.
func (x *expander) glob(pattern string) {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		x.fail(pattern, fmt.Errorf("通配符写法有误：%w", err))
		return
	}
	sort.Strings(matches)
	n := 0
	for _, m := range matches {
		if skipName(filepath.Base(m)) {
			continue
		}
		fi, err := os.Stat(m)
		switch {
		case err != nil:
			if wanted(m) {
				x.fail(m, describeOpen(m, err))
			}
		case fi.IsDir():
			n += x.walk(m)
		case wanted(m):
			if err := notRegular(fi); err != nil {
				x.fail(m, err)
			} else {
				x.add(Input{Name: m, Path: m})
			}
			n++
		}
	}
	if n == 0 {
		x.fail(pattern, fmt.Errorf("没有匹配的公报文件（%s）", strings.Join(Extensions, " ")))
	}
}

// walk adds the bulletin files below root and returns how many it found (counting failures
// to read a file or a subfolder, which it reports).
func (x *expander) walk(root string) int {
	n := 0
	// A folder named through a symlink is that folder: walk its target, but name the files
	// under the path the user gave.
	from := root
	if fi, err := os.Lstat(root); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		if target, err := filepath.EvalSymlinks(root); err == nil {
			from = target
		}
	}
	filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if from != root {
			if rel, rerr := filepath.Rel(from, p); rerr == nil {
				p = filepath.Join(root, rel)
			}
		}
		if err != nil {
			x.fail(p, describeOpen(p, err))
			n++
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != root && skipName(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !wanted(p) {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			if err != nil {
				x.fail(p, describeOpen(p, err))
				n++
				return nil
			}
			if fi.IsDir() {
				return nil // links to folders are not followed (no loops)
			}
			if err := notRegular(fi); err != nil {
				x.fail(p, err)
				n++
				return nil
			}
		} else if !d.Type().IsRegular() {
			x.fail(p, notRegular(typeInfo{d}))
			n++
			return nil
		}
		x.add(Input{Name: p, Path: p})
		n++
		return nil
	})
	return n
}

// skipName reports whether a folder entry is hidden or an Office lock file.
func skipName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")
}

// wanted reports whether a file in a folder or glob is a bulletin by its extension.
func wanted(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// list expands the lines of an @LIST file ("-" reads the list from standard input).
func (x *expander) list(name string, stdin io.Reader) {
	var r io.Reader
	if name == "-" {
		if stdin == nil {
			stdin = strings.NewReader("")
		}
		r = stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			x.fail("@"+name, describeOpen(name, err))
			return
		}
		defer f.Close()
		r = f
	}
	br := bufio.NewReaderSize(r, 64*1024)
	line := 0
	for {
		text, long, err := readLine(br, maxListLine)
		if err != nil && text == "" && !long {
			if err != io.EOF {
				x.fail("@"+name, fmt.Errorf("读取列表出错：%w", err))
			}
			break
		}
		line++
		if long {
			x.fail(fmt.Sprintf("@%s:%d", name, line), fmt.Errorf("列表第 %d 行超过 %d 字节，已跳过该行", line, maxListLine))
			continue
		}
		s := strings.TrimSpace(strings.TrimPrefix(text, "\ufeff"))
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if s == "-" {
			x.fail(fmt.Sprintf("@%s:%d", name, line), errors.New("列表中不能写 “-”（标准输入）"))
			continue
		}
		x.arg(s, nil)
	}
}

// maxListLine is the longest line of an @list taken as a path or URL; a longer line is
// reported and skipped, and the lines after it are still read.
const maxListLine = 1 << 20

// readLine reads one line (without its line end) of at most max bytes. A longer line is read
// to its end and dropped: long is true and text empty. err is io.EOF after the last line.
func readLine(br *bufio.Reader, max int) (text string, long bool, err error) {
	var b []byte
	for {
		chunk, isPrefix, rerr := br.ReadLine()
		if len(b)+len(chunk) > max {
			long = true
		}
		if !long {
			b = append(b, chunk...)
		}
		if rerr != nil {
			if long {
				return "", true, nil
			}
			if len(b) > 0 {
				return string(b), false, nil
			}
			return "", false, rerr
		}
		if !isPrefix {
			if long {
				return "", true, nil
			}
			return string(b), false, nil
		}
	}
}

// typeInfo adapts a fs.DirEntry to the fs.FileInfo notRegular reads (only its Mode).
type typeInfo struct{ fs.DirEntry }

func (t typeInfo) Mode() fs.FileMode  { return t.Type() }
func (t typeInfo) Size() int64        { return 0 }
func (t typeInfo) ModTime() time.Time { return time.Time{} }
func (t typeInfo) Sys() any           { return nil }
