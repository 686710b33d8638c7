package problem

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/testcorpus"
)

// TestCellMarkerGuard checks the guard of cellMarker: on every line of the corpora (corpus/,
// testdata/ with the held-out texts, the shared real corpus where present) and on markers
// written both ways, mayCellMarker never refuses a line the pattern matches.
func TestCellMarkerGuard(t *testing.T) {
	lines := []string{"（1）修订办法（2）开展检查", "(1)修订办法(2)开展检查", "（12)混写"}
	var files []string
	for _, pat := range []string{testcorpus.Path("corpus", "*.txt"), testcorpus.Path("testdata", "*", "*.txt")} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if dir, ok := testcorpus.SharedIfPresent(t, "real", "raw"); ok {
		m, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		files = append(files, m...)
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
		ok := mayCellMarker(l)
		if !ok {
			refused++
		}
		if cellMarker.MatchString(l) {
			matched++
			if !ok {
				t.Errorf("mayCellMarker refuses %q, which cellMarker matches", l)
			}
		}
	}
	if matched < 3 || refused < 500 {
		t.Errorf("%d lines matched, %d refused: the check shows nothing", matched, refused)
	}
}
