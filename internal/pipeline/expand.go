package pipeline

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
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
		x.fail(`""`, errors.New("empty argument"))
	case arg == "-":
		if x.stdin == nil {
			if stdin == nil {
				stdin = strings.NewReader("")
			}
			x.stdin = &stdinSource{r: stdin}
		}
		x.add(Input{Name: "-", stdin: x.stdin})
	case isURL(arg):
		x.add(Input{Name: arg, URL: arg})
	default:
		x.path(arg)
	}
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
	if fi.IsDir() {
		if n := x.walk(p); n == 0 {
			x.fail(p, fmt.Errorf("folder has no bulletin files (%s)", strings.Join(Extensions, " ")))
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
		x.fail(pattern, fmt.Errorf("bad pattern: %w", err))
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
			x.add(Input{Name: m, Path: m})
			n++
		}
	}
	if n == 0 {
		x.fail(pattern, fmt.Errorf("no bulletin files (%s) match", strings.Join(Extensions, " ")))
	}
}

// walk adds the bulletin files below root and returns how many it found (counting failures
// to read a file or a subfolder, which it reports).
func (x *expander) walk(root string) int {
	n := 0
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
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
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if s == "-" {
			x.fail(fmt.Sprintf("@%s:%d", name, line), errors.New(`"-" (standard input) cannot be named in a list`))
			continue
		}
		x.arg(s, nil)
	}
	if err := sc.Err(); err != nil {
		x.fail("@"+name, fmt.Errorf("reading list: %w", err))
	}
}
