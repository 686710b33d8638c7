package extract

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/problem"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

// numSeedBulletin builds a bulletin from the seed with roles, problems and sections set by
// hand (as structure and the problems helper would), so extractNumbers is tested alone.
func numSeedBulletin(t *testing.T) *bulletin.Bulletin {
	t.Helper()
	data := testcorpus.Sample(t)
	b := &bulletin.Bulletin{PublishDate: "2024-03-01"}
	n := 0
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		p := bulletin.Paragraph{Index: len(b.Paragraphs), Role: bulletin.RoleOther, Text: line}
		switch {
		case strings.HasPrefix(line, "针对"):
			n++
			id := "P" + string(rune('0'+n/10)) + string(rune('0'+n%10))
			id = "P" + strings.TrimLeft(id[1:], "0")
			p.Role, p.Problem = bulletin.RoleProblem, id
			b.Problems = append(b.Problems, bulletin.Problem{ID: id, Paragraph: p.Index})
		case strings.HasPrefix(line, "一、"), strings.HasPrefix(line, "二、"), strings.HasPrefix(line, "三、"),
			strings.HasPrefix(line, "（"), len(line) > 2 && line[1] == '.':
			p.Role = bulletin.RoleHeading
		}
		b.Paragraphs = append(b.Paragraphs, p)
	}
	return b
}

func TestNumbersSeed(t *testing.T) {
	b := numSeedBulletin(t)
	extractNumbers(b)
	if len(b.Problems) != 14 {
		t.Fatalf("seed has %d problem paragraphs, want 14", len(b.Problems))
	}
	if got := len(b.Metrics); got != 53 {
		t.Errorf("seed: %d metrics, want 53 (the hand list of the seed)", got)
	}
	owned := 0
	for _, m := range b.Metrics {
		p := b.Paragraphs[m.Paragraph]
		if got := string([]rune(p.Text)[m.Start:m.End]); got != m.Text {
			t.Errorf("metric %q: paragraph holds %q at %d..%d", m.Text, got, m.Start, m.End)
		}
		if m.Owner != p.Problem {
			t.Errorf("metric %q: owner %q, paragraph's problem %q", m.Text, m.Owner, p.Problem)
		}
		if m.Owner != "" {
			owned++
		}
	}
	perProblem := 0
	for _, p := range b.Problems {
		for _, m := range p.Metrics {
			if m.Owner != p.ID {
				t.Errorf("problem %s holds metric %q owned by %s", p.ID, m.Text, m.Owner)
			}
		}
		perProblem += len(p.Metrics)
	}
	// 28项 28项 14个 14个 sit in the opening's totals paragraph, owned by no problem.
	if owned != 49 || perProblem != owned {
		t.Errorf("owned metrics %d, in problems %d; want 49 and 49", owned, perProblem)
	}
	// The fifth problem is the 健身器材 one: 132件, 180余件.
	var p4 []string
	for _, m := range b.Problems[4].Metrics {
		p4 = append(p4, m.Text)
	}
	if strings.Join(p4, " ") != "132件 180余件" {
		t.Errorf("P5 metrics %v, want [132件 180余件]", p4)
	}
	want := map[string]string{
		"2023年8月24日至10月23日": "2023-08-24..2023-10-23",
		"12月1日":             "2023-12-01 inferred",
		"2024年2月22日":        "2024-02-22",
		"2021年9月6日":         "2021-09-06",
		"2023年9月":           "2023-09",
		"2023年度":            "2023",
	}
	for _, d := range b.Dates {
		got := string(d.Date)
		if d.End != "" {
			got += ".." + string(d.End)
		}
		if d.Inferred {
			got += " inferred"
		}
		if w, ok := want[d.Text]; ok {
			if got != w {
				t.Errorf("date %q = %s, want %s", d.Text, got, w)
			}
			delete(want, d.Text)
		}
		if got := string([]rune(b.Paragraphs[d.Paragraph].Text)[d.Start:d.Stop]); got != d.Text {
			t.Errorf("date %q: paragraph holds %q", d.Text, got)
		}
	}
	for text := range want {
		t.Errorf("date %q not found", text)
	}
}

func TestNumbersYears(t *testing.T) {
	para := func(texts ...string) []bulletin.Paragraph {
		var ps []bulletin.Paragraph
		for i, s := range texts {
			ps = append(ps, bulletin.Paragraph{Index: i, Role: bulletin.RoleOther, Text: s})
		}
		return ps
	}
	for _, c := range []struct {
		name    string
		b       bulletin.Bulletin
		want    string // dates joined by " | "
		garbled int
	}{
		{"earlier paragraph", bulletin.Bulletin{PublishDate: "2022-08-16",
			Paragraphs: para("2021年3月至4月，市委巡视六组对东丽区开展了巡视工作。", "并于7月26日反馈了巡视意见。")},
			"2021-03..2021-04 | 2021-07-26 inferred", 0},
		{"publish date", bulletin.Bulletin{PublishDate: "2022-08-16",
			Paragraphs: para("7月26日反馈了巡视意见。", "2020年，机关党支部组织生活会", "9月1日")},
			"2022-07-26 inferred | 2020 | 2022-09-01 inferred", 0},
		{"inspection start", bulletin.Bulletin{Inspection: bulletin.Period{Start: "2019-04-24"},
			Paragraphs: para("8月29日反馈了巡视意见。")},
			"2019-08-29 inferred", 0},
		{"no year at all", bulletin.Bulletin{Paragraphs: para("8月29日反馈了巡视意见。")}, "", 0},
		{"garbled", bulletin.Bulletin{Paragraphs: para("2021915日召开会议，2021年9月16日反馈")},
			"2021-09-16", 1},
	} {
		b := c.b
		extractNumbers(&b)
		var got []string
		for _, d := range b.Dates {
			s := string(d.Date)
			if d.End != "" {
				s += ".." + string(d.End)
			}
			if d.Inferred {
				s += " inferred"
			}
			got = append(got, s)
		}
		if strings.Join(got, " | ") != c.want {
			t.Errorf("%s: dates %q, want %q", c.name, strings.Join(got, " | "), c.want)
		}
		n := 0
		for _, w := range b.Warnings {
			if w.Code == "date_garbled" {
				n++
			}
		}
		if n != c.garbled {
			t.Errorf("%s: %d date_garbled warnings, want %d", c.name, n, c.garbled)
		}
		if b.Metrics == nil || b.Dates == nil {
			t.Errorf("%s: Metrics and Dates must be empty slices, not nil", c.name)
		}
	}
}

// In a heading only the marker is passed over: 2.30个 is marker 2. and 30个; the heading's
// own numbers count.
func TestNumbersHeadingMarker(t *testing.T) {
	for _, c := range []struct {
		text, marker string
		want         string
	}{
		{"2.30个重点问题整改情况", "2.", "30个"},
		// Without the tree's marker, structure's table decides: 2.30 is a decimal, not 2. and
		// 30 (structure never makes such a line a heading by its marker either).
		{"2.30个重点问题整改情况", "", "2.30个"},
		{"（一）学习“三会一课”制度", "（一）", ""},
		{"（一）关于“3个村未建台账”问题", "（一）", "3个"},
		{"一、召开会议3次，形成整改措施28项", "一、", "3次 28项"},
		{"①整改5个", "", "5个"},
	} {
		b := bulletin.Bulletin{Paragraphs: []bulletin.Paragraph{{Index: 0, Role: bulletin.RoleHeading, Text: c.text}}}
		if c.marker != "" {
			b.Sections = []bulletin.Section{{ID: "S1", Level: 1, Marker: c.marker, Paragraph: 0}}
		}
		extractNumbers(&b)
		var got []string
		for _, m := range b.Metrics {
			got = append(got, m.Text)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%q: metrics %q, want %q", c.text, strings.Join(got, " "), c.want)
		}
	}
}

// The metric text is cut from the paragraph as written, not as folded.
func TestNumbersTextAsWritten(t *testing.T) {
	b := bulletin.Bulletin{Paragraphs: []bulletin.Paragraph{{Index: 0, Role: bulletin.RoleMeasure, Text: "完成率９８．７１％，查处１２起"}}}
	extractNumbers(&b)
	if len(b.Metrics) != 2 || b.Metrics[0].Text != "９８．７１％" || b.Metrics[0].Value != 98.71 || b.Metrics[1].Text != "１２起" {
		t.Errorf("metrics %+v", b.Metrics)
	}
}

// FuzzExtractNumbers checks that extractNumbers never panics and that every metric and date
// points into its paragraph, in heading and problem paragraphs alike.
func FuzzExtractNumbers(f *testing.F) {
	for _, s := range []string{"2.30个重点问题", "（一）召开会议3次", "2021915日", "12月1日，各1次", "一、近百场", "\xff1\xfe个"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, heading bool) {
		role := bulletin.RoleProblem
		if heading {
			role = bulletin.RoleHeading
		}
		b := bulletin.Bulletin{
			Problems:   []bulletin.Problem{{ID: "P1"}},
			Sections:   []bulletin.Section{{ID: "S1", Marker: "（一）", Paragraph: 0}},
			Paragraphs: []bulletin.Paragraph{{Index: 0, Role: role, Problem: "P1", Text: s}, {Index: 1, Role: bulletin.RoleOther, Text: s}},
		}
		extractNumbers(&b)
		for _, m := range b.Metrics {
			rs := []rune(b.Paragraphs[m.Paragraph].Text)
			if m.Start < 0 || m.End > len(rs) || m.Start >= m.End || string(rs[m.Start:m.End]) != m.Text {
				t.Fatalf("metric %+v does not point into %q", m, s)
			}
		}
		for _, d := range b.Dates {
			rs := []rune(b.Paragraphs[d.Paragraph].Text)
			if d.Start < 0 || d.Stop > len(rs) || d.Start >= d.Stop || string(rs[d.Start:d.Stop]) != d.Text {
				t.Fatalf("date %+v does not point into %q", d, s)
			}
		}
		if len(b.Problems[0].Metrics) > len(b.Metrics) {
			t.Fatalf("problem holds more metrics than the bulletin")
		}
	})
}

// TestNumbersWindows joins the seed into one paragraph (a bulletin without line breaks) and
// checks that scanning it in small windows cut at sentence ends finds exactly what scanning it
// whole finds, at the same offsets.
func TestNumbersWindows(t *testing.T) {
	seed := numSeedBulletin(t)
	var texts []string
	for _, p := range seed.Paragraphs {
		texts = append(texts, p.Text)
	}
	one := strings.Join(texts, "")
	scan := func(size int) *bulletin.Bulletin {
		defer func(old int) { windowSize = old }(windowSize)
		windowSize = size
		b := &bulletin.Bulletin{PublishDate: "2024-03-01",
			Paragraphs: []bulletin.Paragraph{{Role: bulletin.RoleOther, Text: one}}}
		extractNumbers(b)
		return b
	}
	whole, windowed := scan(len(one)+1), scan(512)
	if n := len(windows(one, 512)); n < 10 {
		t.Fatalf("the joined seed (%d bytes) cuts into %d windows of 512 bytes; want many", len(one), n)
	}
	if len(whole.Metrics) < 50 || len(whole.Dates) < 5 {
		t.Fatalf("whole scan found %d metrics and %d dates; the seed has more", len(whole.Metrics), len(whole.Dates))
	}
	if !reflect.DeepEqual(whole.Metrics, windowed.Metrics) {
		t.Errorf("metrics differ: whole %d, windowed %d", len(whole.Metrics), len(windowed.Metrics))
	}
	if !reflect.DeepEqual(whole.Dates, windowed.Dates) {
		t.Errorf("dates differ: whole %d, windowed %d", len(whole.Dates), len(windowed.Dates))
	}
	for _, m := range windowed.Metrics {
		if got := string([]rune(one)[m.Start:m.End]); got != m.Text {
			t.Errorf("metric %q: paragraph holds %q at %d..%d", m.Text, got, m.Start, m.End)
		}
	}
}

func TestWindows(t *testing.T) {
	for _, c := range []struct {
		s    string
		size int
		want []string
	}{
		{"短句。", 64, []string{"短句。"}},                      // shorter than a window: one piece
		{"一二三。四五六。七八", 6, []string{"一二三。", "四五六。", "七八"}}, // cut after each 。
		{"一二三，四五六，七八", 6, []string{"一二三，", "四五六，", "七八"}}, // no sentence end: after a comma
		{"一二三四五六", 6, []string{"一二", "三四", "五六"}},         // nothing to cut at: rune boundary
	} {
		got := windows(c.s, c.size)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("windows(%q, %d) = %q, want %q", c.s, c.size, got, c.want)
		}
		if strings.Join(got, "") != c.s {
			t.Errorf("windows(%q) lost text", c.s)
		}
	}
}

// TestRuneCutter checks that runeCutter cuts what string([]rune(s)[start:stop]) cuts, for
// offsets in order and out of order, over the lines of the seed and texts with invalid UTF-8.
func TestRuneCutter(t *testing.T) {
	texts := append(strings.Split(testcorpus.Sample(t), "\n"),
		"", "a", "约30人、2023年8月", "bad\xff字节\xfe在\xe4\xb8中间", "\xe4\xb8\x80二\xe4")
	for _, s := range texts {
		rs := []rune(s)
		c := &runeCutter{s: s, valid: utf8.ValidString(s)}
		for _, span := range [][2]int{{0, 0}, {0, 1}, {1, 3}, {3, 3}, {2, 7}, {7, 12}, {0, len(rs)}, {len(rs) / 2, len(rs)}, {1, 2}, {len(rs) - 3, len(rs) - 1}, {len(rs) / 3, len(rs) / 2}, {0, 2}} {
			start, stop := span[0], span[1]
			if start < 0 || stop > len(rs) {
				continue
			}
			if got, want := c.cut(start, stop), string(rs[start:stop]); got != want {
				t.Fatalf("cut(%q, %d, %d) = %q, want %q", s, start, stop, got, want)
			}
		}
	}
}

// TestNumbersFoldedAgrees holds extractNumbersFolded to extractNumbers over the seed: with the
// folded texts of every paragraph, with none, and with stale ones (texts that changed since
// they were folded), which must be folded again, not taken.
func TestNumbersFoldedAgrees(t *testing.T) {
	want := numSeedBulletin(t)
	extractNumbers(want)
	cases := map[string]func(ps []bulletin.Paragraph) []problem.Folded{
		"all": func(ps []bulletin.Paragraph) []problem.Folded {
			var seen []problem.Folded
			for _, p := range ps {
				seen = append(seen, problem.Folded{Text: p.Text, Folded: fold.String(p.Text)})
			}
			return seen
		},
		"none": func([]bulletin.Paragraph) []problem.Folded { return nil },
		"stale": func(ps []bulletin.Paragraph) []problem.Folded {
			var seen []problem.Folded
			for _, p := range ps[:len(ps)/2] {
				seen = append(seen, problem.Folded{Text: p.Text + "x", Folded: "１２个"})
			}
			return seen
		},
	}
	for name, seen := range cases {
		got := numSeedBulletin(t)
		extractNumbersFolded(got, seen(got.Paragraphs))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: extractNumbersFolded differs from extractNumbers", name)
		}
	}
}

// foldedPrefixCases are markers and texts for TestFoldedPrefix and FuzzFoldedPrefix.
var foldedPrefixCases = []string{"（一）", "一、", "(1)", "１．", "第一条", "\xff（", "（\xfe）", "一、\uFFFD", "", "①"}

// TestFoldedPrefix checks foldedPrefix against folding the marker and comparing bytes, over
// every corpus line with the markers of foldedPrefixCases and the line's own beginnings.
func TestFoldedPrefix(t *testing.T) {
	for _, l := range testcorpus.Lines(t, "corpus/*", "testdata/heldout/*", "testdata/excerpts/*") {
		text := fold.String(l)
		markers := append([]string{firstRunes(l, 1), firstRunes(l, 3), firstRunes(l, 5)}, foldedPrefixCases...)
		for _, m := range markers {
			foldedPrefixAgrees(t, text, m)
		}
	}
}

func foldedPrefixAgrees(t *testing.T, text, marker string) {
	t.Helper()
	want := -1
	if m := fold.String(marker); strings.HasPrefix(text, m) {
		want = utf8.RuneCountInString(m)
	}
	if got := foldedPrefix(text, marker); got != want {
		t.Fatalf("foldedPrefix(%q, %q) = %d, want %d", text, marker, got, want)
	}
}

// FuzzFoldedPrefix checks foldedPrefix against folding the marker, on folded text.
func FuzzFoldedPrefix(f *testing.F) {
	for _, m := range foldedPrefixCases {
		f.Add("（一）召开会议3次", m)
	}
	f.Fuzz(func(t *testing.T, text, marker string) {
		foldedPrefixAgrees(t, fold.String(text), marker)
		foldedPrefixAgrees(t, fold.String(marker+text), marker)
	})
}

// TestNumbersProblemMetrics checks each problem's Metrics against the bulletin's metrics it
// owns, after those it had: for metrics that lie together (given a stretch of b.Metrics),
// apart (copied), and after earlier ones; and that appending to a problem's Metrics leaves
// b.Metrics as it is.
func TestNumbersProblemMetrics(t *testing.T) {
	earlier := bulletin.Metric{Text: "1个", Value: 1, Owner: "P3"}
	b := &bulletin.Bulletin{
		Problems: []bulletin.Problem{{ID: "P1"}, {ID: "P2"}, {ID: "P3", Metrics: []bulletin.Metric{earlier}}, {ID: "P4"}},
	}
	for i, c := range []struct{ problem, text string }{
		{"P1", "查处3人，问责2人"}, {"", "整改5个"}, {"P1", "完成7项"}, {"P2", "退还9件"}, {"P2", "约谈2次"},
		{"P3", "清退4万元"}, {"P3", "收回6台"}, {"P9", "新增8处"},
	} {
		b.Paragraphs = append(b.Paragraphs, bulletin.Paragraph{Index: i, Role: bulletin.RoleProblem, Problem: c.problem, Text: c.text})
	}
	extractNumbers(b)
	if len(b.Metrics) != 9 {
		t.Fatalf("%d metrics, want 9: %+v", len(b.Metrics), b.Metrics)
	}
	for _, p := range b.Problems {
		var want []bulletin.Metric
		if p.ID == "P3" {
			want = append(want, earlier)
		}
		for _, m := range b.Metrics {
			if m.Owner == p.ID {
				want = append(want, m)
			}
		}
		if !reflect.DeepEqual(p.Metrics, want) {
			t.Errorf("%s: metrics %+v, want %+v", p.ID, p.Metrics, want)
		}
	}
	before := append([]bulletin.Metric(nil), b.Metrics...)
	for k := range b.Problems {
		b.Problems[k].Metrics = append(b.Problems[k].Metrics, bulletin.Metric{Text: "appended"})
	}
	if !reflect.DeepEqual(b.Metrics, before) {
		t.Errorf("appending to a problem's metrics changed the bulletin's")
	}
}
