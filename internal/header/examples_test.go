package header

import (
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// Every pattern table of the header carries an example for each entry; these tests run each
// entry on its own example, so an example that no longer says what its entry reads fails.

// pieces splits an example that lists several forms ("a; b; c").
func pieces(example string) []string { return strings.Split(example, "; ") }

func TestUnitPatternExamples(t *testing.T) {
	for i, p := range unitPatterns {
		for _, ex := range pieces(p.example) {
			// The patterns run on the text after the inspection group's name.
			text := ex
			if k := strings.Index(ex, "组"); k >= 0 && strings.Contains(ex[:k+len("组")], "巡") {
				text = ex[k+len("组"):]
			}
			if m := p.re.FindStringSubmatch(text); m == nil || m[1] == "" {
				t.Errorf("unitPatterns[%d] does not read a unit from its example %q", i, ex)
			}
		}
	}
}

func TestFactLabelExamples(t *testing.T) {
	for _, l := range factLabels {
		if !l.re.MatchString(l.example) {
			t.Errorf("factLabels %s: %q not matched", l.fact, l.example)
		}
	}
}

func TestFeedbackCueExamples(t *testing.T) {
	for _, c := range feedbackCues {
		if !strings.Contains(c.example, c.cue) {
			t.Errorf("feedbackCues %q: example %q lacks the cue", c.cue, c.example)
		}
	}
}

func TestPhonePatternExamples(t *testing.T) {
	for i, p := range phonePatterns {
		start := strings.IndexAny(p.example, "(0123456789")
		if start < 0 {
			t.Fatalf("phonePatterns[%d]: example %q has no number", i, p.example)
		}
		if m := p.re.FindStringIndex(p.example[start:]); m == nil || start+m[1] != len(p.example) {
			t.Errorf("phonePatterns[%d] does not read the whole number of %q", i, p.example)
		}
		if p.labels != nil && !containsAny(p.example[:start], p.labels) {
			t.Errorf("phonePatterns[%d]: example %q lacks the label the pattern needs", i, p.example)
		}
	}
}

func TestTotalNounExamples(t *testing.T) {
	for _, n := range totalNouns {
		for _, ex := range pieces(n.example) {
			if !containsAny(ex, n.after) && !containsAny(ex, n.before) {
				t.Errorf("totalNouns %v: example %q has none of its nouns", n.kind, ex)
			}
		}
	}
}

func TestDatePatternExamples(t *testing.T) {
	for i, p := range datePatterns {
		if m := p.re.FindStringIndex(p.example); m == nil || m[1] != len(p.example) {
			t.Errorf("datePatterns[%d] does not read the whole of %q", i, p.example)
		}
	}
}

// A count too long to be one is left unread (null), never read as 0 (issue 17, case 10).
func TestHugeDeclaredTotalIsNull(t *testing.T) {
	b := &bulletin.Bulletin{Paragraphs: []bulletin.Paragraph{
		{Index: 0, Text: "根据市委统一部署，市委第一巡察组对市档案局党组进行了巡察。"},
		{Index: 1, Text: "巡察组反馈问题99999999999999999999999个，制定整改措施28项。"},
	}}
	Extract(b)
	if b.Declared.ProblemsTotal != nil {
		t.Errorf("problems_total = %d, want null", *b.Declared.ProblemsTotal)
	}
	if b.Declared.MeasuresTotal == nil || *b.Declared.MeasuresTotal != 28 {
		t.Errorf("measures_total = %v, want 28 (the sentence's other count still read)", b.Declared.MeasuresTotal)
	}
}
