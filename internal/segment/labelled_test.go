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

// TestThemesLabelled classifies problems labelled by hand. The taxonomy's words were chosen
// looking at the tune and heldout lines; the fresh lines were written after and are the honest
// measure. Floors on them hold today's figures (其他 43%, 57% right, none under a wrong theme);
// issue 14's aim of 其他 at most 10% on unseen problems is not met by words alone.
func TestThemesLabelled(t *testing.T) {
	s := segmenter(t)
	type score struct{ n, right, other int }
	scores := map[string]*score{"tune": {}, "heldout": {}, "fresh": {}}
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
	for _, split := range []string{"tune", "heldout", "fresh"} {
		sc := scores[split]
		t.Logf("%s: %d problems, %d under their labelled theme (%.2f), %d in %s (%.2f)", split, sc.n, sc.right,
			float64(sc.right)/float64(sc.n), sc.other, Other, float64(sc.other)/float64(sc.n))
	}
	for _, split := range []string{"tune", "heldout"} {
		if sc := scores[split]; sc.right < sc.n*9/10 {
			t.Errorf("%s: %d of %d under their labelled theme, want at least 90%% (the words were chosen on them)", split, sc.right, sc.n)
		}
	}
	f := scores["fresh"]
	if wrong := f.n - f.right - f.other; wrong > f.n/10 {
		t.Errorf("fresh: %d of %d under a wrong theme, want at most 10%%: a theme must be right when it is given", wrong, f.n)
	}
	if f.other*2 > f.n || f.right*2 < f.n {
		t.Errorf("fresh: %d of %d in %s and %d right; the floors are 50%% and 50%%", f.other, f.n, Other, f.right)
	}
}
