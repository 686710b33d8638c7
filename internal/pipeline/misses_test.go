package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestUnseenMisses reads the bulletins of testdata/misses, written after the misses found on
// unseen text (issue 11): measures after 问题。 on the same line, an abbreviated unit, a round's
// summary, month-only dates, the unit's region in the title, the signature's date. gold.json
// gives each bulletin's facts; the fields a case lists under "open" are known misses, logged
// and scored but not required. Every other field must come out right.
func TestUnseenMisses(t *testing.T) {
	raw, err := os.ReadFile("testdata/misses/gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold map[string]struct {
		Unit, Inspector, Start, Feedback, Publish, Measures string
		Open                                                []string
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	right, total := 0, 0
	for name, g := range gold {
		path := filepath.Join("testdata/misses", name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Process(Input{Name: path, Path: path}, data, nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var ms []string
		for _, p := range b.Problems {
			ms = append(ms, strconv.Itoa(len(p.Measures)))
		}
		for _, f := range [][3]string{
			{"unit", g.Unit, b.Unit},
			{"inspector", g.Inspector, b.Inspector},
			{"start", g.Start, string(b.Inspection.Start)},
			{"feedback", g.Feedback, string(b.FeedbackDate)},
			{"publish", g.Publish, string(b.PublishDate)},
			{"measures", g.Measures, strings.Join(ms, ",")},
		} {
			total++
			if f[1] == f[2] {
				right++
				continue
			}
			if slices.Contains(g.Open, f[0]) {
				t.Logf("%s: %s %q, want %q (known miss)", name, f[0], f[2], f[1])
			} else {
				t.Errorf("%s: %s %q, want %q", name, f[0], f[2], f[1])
			}
		}
	}
	t.Logf("unseen misses: %d/%d fields right", right, total)
}
