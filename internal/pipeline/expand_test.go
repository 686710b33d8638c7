package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tree makes files (content = name) under a temporary folder and returns it.
func tree(t *testing.T, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// names lists inputs relative to dir (URLs and "-" as they are).
func names(dir string, inputs []Input) []string {
	var out []string
	for _, in := range inputs {
		n := in.Name
		if rel, err := filepath.Rel(dir, n); err == nil && in.Path != "" {
			n = filepath.ToSlash(rel)
		}
		out = append(out, n)
	}
	return out
}

func errText(errs []error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

func TestExpandFolder(t *testing.T) {
	dir := tree(t,
		"b.txt", "a.HTML", "c.docx", "notes.pdf", "README.md", ".hidden.txt", "~$lock.docx",
		".git/x.txt", "sub/e.htm", "sub/deeper/f.txt", "sub/~$g.docx", "a.txt")
	inputs, errs := Expand([]string{dir}, nil)
	if len(errs) != 0 {
		t.Fatalf("errors: %q", errText(errs))
	}
	got := strings.Join(names(dir, inputs), " ")
	want := "a.HTML a.txt b.txt c.docx notes.pdf sub/deeper/f.txt sub/e.htm"
	if got != want {
		t.Errorf("Expand(folder) = %s\nwant            %s", got, want)
	}
	for _, in := range inputs {
		if in.Path != in.Name || in.URL != "" {
			t.Errorf("input %+v: want Path = Name, no URL", in)
		}
	}
}

func TestExpandArguments(t *testing.T) {
	dir := tree(t, "a.txt", "b.htm", "c.pdf", "sub/d.txt", "list-dir/e.txt")
	list := filepath.Join(dir, "list.txt")
	os.WriteFile(list, []byte("# inputs for the batch\n\n"+filepath.Join(dir, "c.pdf")+"\n  https://example.gov.cn/a.htm  \n"+filepath.Join(dir, "list-dir")+"\n"), 0o644)

	cases := []struct {
		name     string
		args     []string
		want     string
		wantErrs []string // substrings, one per error
	}{
		{"explicit file of any kind", []string{filepath.Join(dir, "c.pdf")}, "c.pdf", nil},
		{"glob", []string{filepath.Join(dir, "*.t?t")}, "a.txt list.txt", nil},
		{"glob skips other kinds, walks folders", []string{filepath.Join(dir, "*")}, "a.txt b.htm c.pdf list-dir/e.txt list.txt sub/d.txt", nil},
		{"glob without match", []string{filepath.Join(dir, "*.xls")}, "", []string{"*.xls: 没有匹配的公报文件（.txt .htm .html .docx .doc .pdf）"}},
		{"bad pattern", []string{filepath.Join(dir, "[.txt")}, "", []string{"通配符写法有误"}},
		{"missing file", []string{filepath.Join(dir, "nope.txt"), filepath.Join(dir, "a.txt")}, "a.txt", []string{"nope.txt: 文件或文件夹不存在"}},
		{"url", []string{"http://example.gov.cn/x.htm", "HTTPS://example.gov.cn/y"}, "http://example.gov.cn/x.htm HTTPS://example.gov.cn/y", nil},
		{"same path twice", []string{filepath.Join(dir, "a.txt"), dir + "/./a.txt", dir}, "a.txt b.htm c.pdf list-dir/e.txt list.txt sub/d.txt", nil},
		{"list", []string{"@" + list}, "c.pdf https://example.gov.cn/a.htm list-dir/e.txt", nil},
		{"missing list", []string{"@" + filepath.Join(dir, "none.txt")}, "", []string{"none.txt: 文件或文件夹不存在"}},
		{"stdin", []string{"-"}, "-", nil},
		{"空参数", []string{""}, "", []string{"空参数"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			inputs, errs := Expand(tc.args, strings.NewReader(""))
			if got := strings.Join(names(dir, inputs), " "); got != tc.want {
				t.Errorf("inputs %q, want %q", got, tc.want)
			}
			if len(errs) != len(tc.wantErrs) {
				t.Fatalf("errors %q, want %d", errText(errs), len(tc.wantErrs))
			}
			for i, e := range errs {
				var ie *InputError
				if !errors.As(e, &ie) || !strings.Contains(e.Error(), tc.wantErrs[i]) {
					t.Errorf("error %q (%T), want an *InputError containing %q", e, e, tc.wantErrs[i])
				}
			}
		})
	}
}

func TestExpandListFromStdin(t *testing.T) {
	inputs, errs := Expand([]string{"@-"}, strings.NewReader("\ufeffhttp://a.example/1\n#x\n-\nhttp://a.example/2\r\n"))
	if got := strings.Join(names("", inputs), " "); got != "http://a.example/1 http://a.example/2" {
		t.Errorf("inputs %q", got)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "@-:3") {
		t.Errorf("errors %q, want one for line 3 (\"-\")", errText(errs))
	}
}

func TestExpandBrokenSymlink(t *testing.T) {
	dir := tree(t, "a.txt")
	link := filepath.Join(dir, "gone.txt")
	if err := os.Symlink(filepath.Join(dir, "missing-target.txt"), link); err != nil {
		t.Skipf("cannot make a symlink here: %v", err)
	}
	for _, arg := range []string{link, dir} {
		inputs, errs := Expand([]string{arg}, nil)
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), "gone.txt: 符号链接已断开（指向的 ") {
			t.Errorf("Expand(%s): errors %q, want one naming the broken link", arg, errText(errs))
		}
		if arg == dir && (len(inputs) != 1 || filepath.Base(inputs[0].Path) != "a.txt") {
			t.Errorf("Expand(folder) = %q; the good file must still be read", names(dir, inputs))
		}
	}
}

func TestExpandUnreadableFolder(t *testing.T) {
	dir := tree(t, "a.txt", "locked/b.txt")
	locked := filepath.Join(dir, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	if _, err := os.ReadDir(locked); err == nil {
		t.Skip("running with privileges that ignore folder permissions (root?): cannot test an unreadable folder")
	}
	inputs, errs := Expand([]string{dir}, nil)
	if len(inputs) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "locked: permission denied") {
		t.Errorf("inputs %q, errors %q; want a.txt and one 没有读取权限 for locked", names(dir, inputs), errText(errs))
	}
}

func TestExpandEmptyFolder(t *testing.T) {
	dir := tree(t, "notes.md")
	inputs, errs := Expand([]string{dir}, nil)
	if len(inputs) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "文件夹中没有公报文件") {
		t.Errorf("inputs %q, errors %q", names(dir, inputs), errText(errs))
	}
}
