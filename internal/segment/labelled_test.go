package segment

import (
	"os"
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// labelledProblem is one line of testdata/themes/labelled.tsv.
type labelledProblem struct{ split, theme, text string }

func readLabelled(t *testing.T) []labelledProblem {
	t.Helper()
	raw, err := os.ReadFile("testdata/themes/labelled.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var out []labelledProblem
	for _, line := range strings.Split(string(raw), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Fatalf("labelled.tsv: %q: want split, theme, problem", line)
		}
		out = append(out, labelledProblem{f[0], f[1], f[2]})
	}
	return out
}

// TestThemesLabelled classifies problems labelled by hand and holds floors on every split. Only
// the first scoring of a split written before the words it is scored with says anything about
// unseen text, and those first scorings are recorded in labelled.tsv's header: fresh (words
// fixed on tune and heldout) 17 of 30 right, 13 in 其他; fresh2 (words widened after fresh was
// scored) 20 of 30 right, 7 in 其他, 3 wrong. The words were then widened again, looking at the
// misses of fresh but not of fresh2, and fresh2 scored 30 of 30; it was written by the same hand
// minutes before, so that figure is an upper bound, not a measure. fresh3 and fresh4 were
// written by hands that never saw the words: fresh3 scored once 50 of 60 right, 5 in 其他;
// fresh4, after widening on fresh3, 52 of 60 right, 6 in 其他, 2 wrong.
func TestThemesLabelled(t *testing.T) {
	s := segmenter(t)
	type score struct{ n, right, other int }
	scores := map[string]*score{"tune": {}, "heldout": {}, "fresh": {}, "fresh2": {}, "fresh3": {}, "fresh4": {}}
	for _, lp := range readLabelled(t) {
		b := &bulletin.Bulletin{Problems: []bulletin.Problem{{ID: "P1", Quote: lp.text}}}
		s.Annotate(b)
		got := b.Problems[0].Theme
		sc := scores[lp.split]
		if sc == nil {
			t.Fatalf("split %q", lp.split)
		}
		sc.n++
		switch got {
		case lp.theme:
			sc.right++
		case Other:
			sc.other++
		}
		if got != lp.theme && lp.split != "tune" {
			t.Logf("%s: %q → %s %v, labelled %s", lp.split, lp.text, got, b.Problems[0].ThemeWords, lp.theme)
		}
	}
	for _, split := range []string{"tune", "heldout", "fresh", "fresh2", "fresh3", "fresh4"} {
		sc := scores[split]
		t.Logf("%s: %d problems, %d under their labelled theme (%.2f), %d in %s (%.2f)", split, sc.n, sc.right,
			float64(sc.right)/float64(sc.n), sc.other, Other, float64(sc.other)/float64(sc.n))
	}
	for split, sc := range scores {
		if sc.right < sc.n*9/10 {
			t.Errorf("%s: %d of %d under their labelled theme, want at least 90%%", split, sc.right, sc.n)
		}
		if wrong := sc.n - sc.right - sc.other; wrong > sc.n/10 {
			t.Errorf("%s: %d of %d under a wrong theme, want at most 10%%: a theme must be right when it is given", split, wrong, sc.n)
		}
	}
}
