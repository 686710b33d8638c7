package problem

import (
	"testing"

	"github.com/xuncha/xuncha/internal/testcorpus"
)

// TestCellMarkerGuard checks the guard of cellMarker: on every line of the corpora (corpus/,
// testdata/ with the held-out texts, the shared real corpus where present) and on markers
// written both ways, mayCellMarker never refuses a line the pattern matches.
func TestCellMarkerGuard(t *testing.T) {
	lines := []string{"（1）修订办法（2）开展检查", "(1)修订办法(2)开展检查", "（12)混写"}
	lines = append(lines, testcorpus.Lines(t, "corpus/*.txt", "testdata/*/*.txt")...)
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
