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
		if len(labelMatches(l.example, l.words, -1)) == 0 {
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

// TestScanDates runs the forms the header reads through the one date reader: what is kept as
// a mention, and which mentions make a period.
func TestScanDates(t *testing.T) {
	for _, c := range []struct {
		in      string
		dates   []string // iso of each mention kept (its own year, or 0000 where unwritten)
		periods []string // from..to of each period, the end with the start's year
	}{
		{"2023年8月24日至10月23日，市委第一巡察组", []string{"2023-08-24", "0000-10-23"}, []string{"2023-08-24..2023-10-23"}},
		{"于2023.3.1-4.30进行了巡察", []string{"2023-03-01", "0000-04-30"}, []string{"2023-03-01..2023-04-30"}},
		{"2021年3月至4月开展巡察", []string{"2021-03", "0000-04"}, []string{"2021-03..2021-04"}},
		{"4月1日至30日", []string{"0000-04-01", "0000-04-30"}, []string{"..0000-04-30"}},
		{"2019年4月12-19日", []string{"2019-04-12"}, []string{"2019-04-12..2019-04-19"}},
		{"二〇二三年十二月一日", []string{"2023-12-01"}, nil},
		{"2023/8/24反馈", []string{"2023-08-24"}, nil},
		// Left out: a year alone, a quarter, a bare month, a garbled date, a web address.
		{"2023年第一季度，6月完成，2023年度", nil, nil},
		{"2021915日", nil, nil},
		{"http://a.gov.cn/2023/08/24/x.html", nil, nil},
	} {
		ds := scanDates(c.in)
		// iso needs a year: an unwritten one is shown as 0000.
		show := func(d dateAt) string {
			if d.y == 0 {
				return "0000" + strings.TrimPrefix(d.iso(9999), "9999")
			}
			return d.iso(d.y)
		}
		var got []string
		for _, d := range ds {
			got = append(got, show(d))
		}
		if strings.Join(got, " ") != strings.Join(c.dates, " ") {
			t.Errorf("scanDates(%q) = %v, want %v", c.in, got, c.dates)
		}
		var ps []string
		for _, p := range pairPeriods(ds) {
			ps = append(ps, p.from.iso(p.from.y)+".."+show(p.to))
		}
		if strings.Join(ps, " ") != strings.Join(c.periods, " ") {
			t.Errorf("pairPeriods(%q) = %v, want %v", c.in, ps, c.periods)
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
