package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/testcorpus"
)

// TestBreadcrumbSepGuard checks the guard of breadcrumbSep: on every line of the corpora (text
// and pages; corpus/, testdata/ with the held-out texts, the shared real corpus where present)
// and on the separators the pattern names, mayBreadcrumbSep never refuses a line the pattern
// matches (where it refuses, Split would have returned the line whole).
func TestBreadcrumbSepGuard(t *testing.T) {
	var files []string
	for _, pat := range []string{
		testcorpus.Path("testdata", "*", "*.txt"), testcorpus.Path("testdata", "*", "*.html"),
		testcorpus.Path("testdata", "*", "*", "*.html"), testcorpus.Path("corpus", "*.txt"),
		testcorpus.Path("corpus", "*.html"),
	} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if dir, ok := testcorpus.SharedIfPresent(t, "real", "raw"); ok {
		m, _ := filepath.Glob(filepath.Join(dir, "*"))
		files = append(files, m...)
	}
	lines := []string{
		"首页 > 巡视巡察 > 巡视整改", "首页 -> 要闻 -> 审计通告", "首页-&gt;要闻", "首页>>通知公告",
		"首页 » 巡察", "首页＞巡察", "首页→巡察", "首页 › 巡察", "首页〉巡察",
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	matched, refused := 0, 0
	for _, l := range lines {
		ok := mayBreadcrumbSep(l)
		if !ok {
			refused++
		}
		if breadcrumbSep.MatchString(l) {
			matched++
			if !ok {
				t.Errorf("mayBreadcrumbSep refuses %q, which breadcrumbSep matches", l)
			}
		}
	}
	if matched < 9 || refused < 1000 {
		t.Errorf("%d lines matched, %d refused: the check shows nothing", matched, refused)
	}
}

func FuzzBreadcrumbSepGuard(f *testing.F) {
	f.Add("当前位置：首页 -&gt; 巡察 » 整改")
	f.Fuzz(func(t *testing.T, s string) {
		if breadcrumbSep.MatchString(s) && !mayBreadcrumbSep(s) {
			t.Fatalf("mayBreadcrumbSep refuses %q, which breadcrumbSep matches", s)
		}
	})
}
