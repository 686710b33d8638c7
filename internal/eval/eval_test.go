package eval

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"根據(jù)市委統(tǒng)一部署", "根据市委统一部署", true},         // glosses and traditional
		{"集團(tuán)(tuán)有限公司", "集团有限公司", true},           // repeated glosses
		{"根據（jù）市委", "根据市委", true},                       // full-width parentheses
		{"針對「學習」問題", "针对“学习”问题", true},                   // corner quotes
		{"执行“三重一大”制度", `执行"三重一大"制度`, true},               // curly and straight quotes
		{"高标准，严要求；", "高标准,严要求;", true},                   // full-width and ASCII punctuation
		{"（一）", "(一)", true},                             // markers
		{"沃土欢歌·幸福榆树", "沃土欢歌・幸福榆树", true},                 // middle dots
		{"〔2023〕7号", "[2023]7号", true},                   // document number brackets
		{"支付 3200元", "支付3200元", true},                    // whitespace
		{"部分政务服务事项\n仍需群众多次跑腿", "部分政务服务事项仍需群众多次跑腿", true}, // line break in a quote
		{"锦江国际(集团)有限公司", "锦江国际有限公司", false},              // Han in parentheses is text
		{"开展PPP(ab1)项目", "开展PPP项目", false},               // not a gloss: digit inside
		{"实施(PPP)项目", "实施项目", false},                     // not a gloss: upper case
		{"(1)加强领导", "加强领导", false},                       // a marker, not a gloss
		{"三重一大", "三重一小", false},
	}
	for _, tt := range tests {
		na, nb := Normalize(tt.a), Normalize(tt.b)
		if (na == nb) != tt.same {
			t.Errorf("Normalize(%q) = %q, Normalize(%q) = %q; same = %v, want %v", tt.a, na, tt.b, nb, na == nb, tt.same)
		}
	}
}

func TestProblemKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"关于少数领导干部不守政治规矩的问题。", "少数领导干部不守政治规矩"},
		{"部分项目预算执行率偏低问题", "部分项目预算执行率偏低"},
		{"基层“微腐败”问题查处不力", `基层"微腐败"问题查处不力`},
	}
	for _, tt := range tests {
		if ka, kb := problemKey(tt.a), problemKey(tt.b); ka != kb {
			t.Errorf("problemKey(%q) = %q, problemKey(%q) = %q, want equal", tt.a, ka, tt.b, kb)
		}
	}
	if problemKey("问题") == "" {
		t.Error("problemKey(问题) is empty; a bare 问题 must stay a key")
	}
}

func TestCounts(t *testing.T) {
	tests := []struct {
		c       Counts
		p, r, f float64
	}{
		{Counts{}, 1, 1, 1}, // nothing to find, nothing found
		{Counts{TP: 3}, 1, 1, 1},
		{Counts{TP: 2, FP: 1, FN: 1}, 2.0 / 3, 2.0 / 3, 2.0 / 3},
		{Counts{TP: 1, FN: 3}, 1, 0.25, 0.4},
		{Counts{FP: 2}, 0, 1, 0},
		{Counts{FN: 2}, 1, 0, 0},
	}
	for _, tt := range tests {
		if !near(tt.c.Precision(), tt.p) || !near(tt.c.Recall(), tt.r) || !near(tt.c.F1(), tt.f) {
			t.Errorf("%+v: P/R/F1 = %.3f/%.3f/%.3f, want %.3f/%.3f/%.3f", tt.c,
				tt.c.Precision(), tt.c.Recall(), tt.c.F1(), tt.p, tt.r, tt.f)
		}
	}
	if got := (Counts{1, 2, 3}).Add(Counts{4, 5, 6}); got != (Counts{5, 7, 9}) {
		t.Errorf("Add = %+v", got)
	}
	if r := (Accuracy{}).Rate(); r != 1 {
		t.Errorf("empty accuracy rate = %v, want 1", r)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// goldAndBulletin are a gold annotation and the bulletin a perfect extraction gives for it.
func goldAndBulletin() (Gold, *bulletin.Bulletin) {
	g := Gold{
		Unit: "文广旅局党组", Inspector: "市委第一巡察组",
		InspectionStart: "2023-08-24", InspectionEnd: "2023-10-23", FeedbackDate: "2023-12-01",
		Declared: GoldDeclared{ProblemsTotal: bulletin.IntPtr(14), ProblemsDone: bulletin.IntPtr(14)},
		Headings: []GoldHeading{
			{1, "一、", "强化领导能力，确保巡察整改顺利开展"},
			{2, "（一）", "关于“聚焦基层党组织建设”方面"},
			{3, "1.", "关于“财务业务不够规范”问题整改情况"},
		},
		Problems: []string{"基层单位执行“三重一大”制度不够严格。2022年，市博物馆", "意识形态工作机制不健全"},
		Metrics: []GoldMetric{
			{"28项", 28, "项"}, {"28项", 28, "项"}, {"7.132万元", 71320, "元"}, {"180余件", 180, "件"},
		},
		Contacts:       GoldContacts{Phone: Strings{"0431-83622863"}, Postcode: "130400"},
		MeasureMarkers: bulletin.IntPtr(2),
	}
	b := &bulletin.Bulletin{
		Unit: "文广旅局党组", Inspector: "市委第一巡察组",
		Inspection:   bulletin.Period{Start: "2023-08-24", End: "2023-10-23"},
		FeedbackDate: "2023-12-01",
		Declared:     bulletin.Declared{ProblemsTotal: bulletin.IntPtr(14), ProblemsDone: bulletin.IntPtr(14)},
		Sections: []bulletin.Section{
			{ID: "S1", Level: 1, Marker: "一、", Title: "强化领导能力，确保巡察整改顺利开展"},
			{ID: "S1.1", Level: 2, Marker: "（一）", Title: "关于“聚焦基层党组织建设”方面"},
			{ID: "S1.1.1", Level: 3, Marker: "1.", Title: "关于“财务业务不够规范”问题整改情况"},
		},
		Problems: []bulletin.Problem{
			{ID: "P1", Quote: "基层单位执行“三重一大”制度不够严格。2022年，市博物馆"},
			{ID: "P2", Quote: "意识形态工作机制不健全"},
		},
		Metrics: []bulletin.Metric{
			{Text: "28项", Value: 28, Unit: "项"}, {Text: "28项", Value: 28, Unit: "项"},
			{Text: "7.132万元", Value: 7.132 * 10000, Unit: "元"}, {Text: "180余件", Value: 180, Unit: "件", Approx: true},
		},
		Contacts:     bulletin.Contacts{Phones: []string{"0431-83622863"}, Postcode: "130400"},
		Paragraphs:   []bulletin.Paragraph{{Text: "针对“…”问题。一是坚持学做结合；二是强化自主学习。"}},
		MeasureItems: 2, // as the pipeline counts that paragraph for scoring
	}
	return g, b
}

func TestScorePerfect(t *testing.T) {
	g, b := goldAndBulletin()
	s := Score(b, g)
	for name, c := range map[string]Counts{"problems": s.Problems, "headings": s.Headings, "quantities": s.Quantities, "quantities+text": s.QuantitiesText} {
		if c.FP != 0 || c.FN != 0 || c.TP == 0 {
			t.Errorf("%s = %+v, want all matched", name, c)
		}
	}
	for name, a := range map[string]Accuracy{"facts": s.Facts, "declared": s.Declared, "contacts": s.Contacts, "measures": s.MeasureMarkers} {
		if a.Correct != a.Total || a.Total == 0 {
			t.Errorf("%s = %+v, want all correct", name, a)
		}
	}
	if s.Facts.Total != 5 || s.Declared.Total != 6 || s.Contacts.Total != 4 {
		t.Errorf("fields compared: facts %d declared %d contacts %d, want 5 6 4", s.Facts.Total, s.Declared.Total, s.Contacts.Total)
	}
	if len(s.Misses) != 0 {
		t.Errorf("misses = %v, want none", s.Misses)
	}
}

func TestScoreMissingAndExtra(t *testing.T) {
	g, b := goldAndBulletin()
	b.Problems = append(b.Problems[:1], bulletin.Problem{Quote: "三会一课"})       // one lost, one slogan taken
	b.Sections[2].Level = 4                                                    // wrong level
	b.Metrics = append(b.Metrics[1:], bulletin.Metric{Text: "12楼", Value: 12}) // one 28项 lost, a floor taken
	b.Unit = ""                                                                // fact lost
	b.Declared.ProblemsDone = nil
	b.Declared.MeasuresTotal = bulletin.IntPtr(28) // not in the gold
	b.Paragraphs, b.MeasureItems = nil, 0          // no measure items

	s := Score(b, g)
	want := map[string]Counts{
		"problems":   {TP: 1, FP: 1, FN: 1},
		"headings":   {TP: 2, FP: 1, FN: 1},
		"quantities": {TP: 3, FP: 1, FN: 1},
	}
	got := map[string]Counts{"problems": s.Problems, "headings": s.Headings, "quantities": s.Quantities}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %+v, want %+v", k, got[k], w)
		}
	}
	if s.Facts != (Accuracy{4, 5}) || s.Declared != (Accuracy{4, 6}) || s.MeasureMarkers != (Accuracy{0, 1}) {
		t.Errorf("facts %+v declared %+v measures %+v, want 4/5 4/6 0/1", s.Facts, s.Declared, s.MeasureMarkers)
	}
	var lines []string
	for _, m := range s.Misses {
		lines = append(lines, m.String())
	}
	text := strings.Join(lines, "\n")
	for _, w := range []string{
		"problems         missing  意识形态工作机制不健全",
		`problems         extra    三会一课`,
		`headings         missing  3 1. 关于"财务业务不够规范"问题整改情况`,
		`headings         extra    4 1. 关于"财务业务不够规范"问题整改情况`,
		"quantities       missing  28 项",
		"quantities       extra    12 ",
		"facts.unit       wrong    gold 文广旅局党组, got null",
		"declared.problems_done wrong    gold 14, got null",
		"declared.measures_total wrong    gold null, got 28",
		"measure_markers  wrong    gold 2, got 0",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("misses lack %q; got:\n%s", w, text)
		}
	}
}

func TestScoreNormalisation(t *testing.T) {
	g := Gold{
		Unit:     "中共錦江國際(集團(tuán))有限公司委員會", // the shared gold keeps the mirror's glosses
		Headings: []GoldHeading{{2, "(一)", "提高政治站位,深化思想認(rèn)識"}},
		Problems: []string{"基层单位执行“三重一大”制度不够严格"},
		Metrics:  []GoldMetric{{"3200元", 3200, "元"}},
	}
	b := &bulletin.Bulletin{
		Unit:     "中共錦江國際(集團)有限公司委員會", // as in the source, without the gloss
		Sections: []bulletin.Section{{Level: 2, Marker: "（一）", Title: "提高政治站位，深化思想认识。"}},
		Problems: []bulletin.Problem{{Quote: `基层单位执行"三重一大"制度不够严格`}},
		Metrics:  []bulletin.Metric{{Text: " 3200元", Value: 3200.0000000001, Unit: "元"}},
	}
	s := Score(b, g)
	if s.Problems != (Counts{TP: 1}) || s.Headings != (Counts{TP: 1}) || s.Quantities != (Counts{TP: 1}) || s.QuantitiesText != (Counts{TP: 1}) {
		t.Errorf("problems %+v headings %+v quantities %+v text %+v, want one match each; misses %v",
			s.Problems, s.Headings, s.Quantities, s.QuantitiesText, s.Misses)
	}
	if s.Facts.Correct != s.Facts.Total {
		t.Errorf("facts %+v, misses %v", s.Facts, s.Misses)
	}
}

func TestScoreUnquotedProblemText(t *testing.T) {
	b := &bulletin.Bulletin{Problems: []bulletin.Problem{
		{Text: "关于少数领导干部不守政治规矩的问题。"},
		{Quote: "学习表面化"},
	}}
	// Annotated: the unquoted problem is scored apart, the quoted one as a problem.
	g := Gold{Problems: []string{"学习表面化"}, ProblemsUnquoted: []string{"少数领导干部不守政治规矩"}}
	s := Score(b, g)
	if s.Problems != (Counts{TP: 1}) || s.Unquoted != (Counts{TP: 1}) {
		t.Errorf("problems %+v unquoted %+v, want one match each; misses %v", s.Problems, s.Unquoted, s.Misses)
	}
	// Gold in the shared format lists quotes only: an unquoted extraction is not scored there.
	g = Gold{Problems: []string{"学习表面化"}}
	s = Score(b, g)
	if s.Problems != (Counts{TP: 1}) || s.Unquoted != (Counts{}) {
		t.Errorf("problems %+v unquoted %+v, want the quote matched and nothing else scored", s.Problems, s.Unquoted)
	}
	// A quote never matches an unquoted gold problem of the same words.
	g = Gold{ProblemsUnquoted: []string{"学习表面化"}}
	if s := Score(b, g); s.Problems != (Counts{FP: 1}) {
		t.Errorf("problems %+v, want the quote counted as extra", s.Problems)
	}
}

func TestScoreDates(t *testing.T) {
	tests := []struct {
		gold string
		got  bulletin.Day
		ok   bool
	}{
		{"", "", true},
		{"2023-12-01", "2023-12-01", true},
		{"2023-12-01", "", false},           // present in gold, missed
		{"", "2021-03", true},               // month-level where the gold gives no day
		{"", "2021-03-15", false},           // a day the text does not give
		{"2023-12-01", "2024-12-01", false}, // wrong year inferred
	}
	for _, tt := range tests {
		var f FileScore
		f.day("feedback_date", tt.gold, tt.got)
		if ok := f.Facts.Correct == 1; ok != tt.ok {
			t.Errorf("gold %q got %q: correct = %v, want %v", tt.gold, tt.got, ok, tt.ok)
		}
	}
}

func TestScoreNil(t *testing.T) {
	g, _ := goldAndBulletin()
	s := Score(nil, g)
	if s.Problems.FN != 2 || s.Problems.TP != 0 || s.Facts.Correct != 0 {
		t.Errorf("Score(nil) = %+v", s)
	}
}

func TestStrings(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`null`, nil},
		{`""`, nil},
		{`"0431-83622863"`, []string{"0431-83622863"}},
		{`["a", "b"]`, []string{"a", "b"}},
	}
	for _, tt := range tests {
		var s Strings
		if err := json.Unmarshal([]byte(tt.in), &s); err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if strings.Join(s, "|") != strings.Join(tt.want, "|") || len(s) != len(tt.want) {
			t.Errorf("%s = %q, want %q", tt.in, s, tt.want)
		}
	}
	var s Strings
	if err := json.Unmarshal([]byte(`12`), &s); err == nil {
		t.Error("a number was accepted as strings")
	}
}

func TestParseGoldRejects(t *testing.T) {
	for _, in := range []string{`{`, `{"headings":[{"level":9,"marker":"","text":"x"}]}`, `{"problems":"x"}`} {
		if _, err := ParseGold([]byte(in)); err == nil {
			t.Errorf("ParseGold(%s) accepted", in)
		}
	}
}

func TestReportWrite(t *testing.T) {
	g, b := goldAndBulletin()
	var r Report
	s := Score(b, g)
	s.Name = "corpus/a.txt"
	r.Add(s)
	b.Problems = b.Problems[:1]
	s = Score(b, g)
	s.Name = "corpus/b.txt"
	r.Add(s)
	r.Unscored = []string{"corpus/c.txt"}

	if r.Total.Problems != (Counts{TP: 3, FN: 1}) {
		t.Errorf("total problems %+v, want micro-average 3/0/1", r.Total.Problems)
	}
	var out bytes.Buffer
	if err := r.Write(&out, true); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, w := range []string{
		"scored 2 file(s); 1 without gold; 0 failed",
		"problems           3   0   1   1.000  0.750  0.857",
		"corpus/b.txt  1.00/0.50/0.67",
		"unscored (no gold): corpus/c.txt",
		"corpus/b.txt: 1 miss(es)",
		"problems         missing  意识形态工作机制不健全",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("report lacks %q:\n%s", w, text)
		}
	}
	out.Reset()
	if err := r.Write(&out, false); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "miss(es)") {
		t.Error("misses printed without verbose")
	}
	js, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(js), `"problems":{"tp":3,"fp":0,"fn":1,"precision":1,"recall":0.75,"f1":0.8571}`) {
		t.Errorf("JSON total lacks the problem counts: %s", js)
	}
}

// repoRoot is the module root, two levels up from internal/eval.
func repoRoot() string { return filepath.Join("..", "..") }

// TestGoldFilesParse loads every gold file, the project's and the shared corpus's.
func TestGoldFilesParse(t *testing.T) {
	dirs := []string{filepath.Join(repoRoot(), "testdata", "gold")}
	if shared, ok := testcorpus.SharedIfPresent(t, "real", "gold"); ok {
		dirs = append(dirs, shared)
	}
	n := 0
	for _, dir := range dirs {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, p := range paths {
			g, err := LoadGold(p)
			if err != nil {
				t.Error(err)
				continue
			}
			n++
			if len(g.Headings) == 0 || g.MeasureMarkers == nil {
				t.Errorf("%s: no headings or no measure_markers", p)
			}
		}
	}
	if n < 11 {
		t.Errorf("loaded %d gold files, want the 11 of testdata/gold at least", n)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"根據(jù)市委統(tǒng)一部署", "集團(tuán)(tuán)", "字 (ji)", "（一）“三重一大”", "\xff(a)", "…——·"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if again := Normalize(n); again != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n, again)
		}
		if strings.ContainsAny(n, " \n\t") {
			t.Fatalf("whitespace left in %q", n)
		}
	})
}

// TestProjectGoldMatchesCorpus checks that every span a gold file in testdata/gold quotes — each
// problem, heading, metric text, unit, inspector, address — stands in its bulletin in corpus/, so
// the gold cannot drift from the text it annotates.
func TestProjectGoldMatchesCorpus(t *testing.T) {
	golds, _ := filepath.Glob(filepath.Join(repoRoot(), "testdata", "gold", "*.json"))
	for _, gp := range golds {
		base := strings.TrimSuffix(filepath.Base(gp), ".json")
		srcs, _ := filepath.Glob(filepath.Join(repoRoot(), "corpus", base+".*"))
		if len(srcs) != 1 {
			t.Errorf("%s: want one corpus/%s.* file, found %d", gp, base, len(srcs))
			continue
		}
		if filepath.Ext(srcs[0]) == ".docx" {
			continue // a zip: ingest's own tests check the text of Word files
		}
		data, err := os.ReadFile(srcs[0])
		if err != nil {
			t.Fatal(err)
		}
		g, err := LoadGold(gp)
		if err != nil {
			t.Fatal(err)
		}
		// of the clean decodings, keep the one the unit (or the first heading) stands in
		probe := g.Unit
		if probe == "" && len(g.Headings) > 0 {
			probe = g.Headings[0].Text
		}
		flat := ""
		for _, text := range decodeForTest(srcs[0], data) {
			if f := strings.Join(strings.Fields(text), ""); strings.Contains(f, strings.Join(strings.Fields(probe), "")) {
				flat = f
				break
			}
		}
		if flat == "" {
			t.Errorf("%s: no decoding holds %q", srcs[0], probe)
			continue
		}
		has := func(what, s string) {
			if s != "" && !strings.Contains(flat, strings.Join(strings.Fields(s), "")) {
				t.Errorf("%s: %s %q is not in %s", gp, what, s, srcs[0])
			}
		}
		for _, p := range g.Problems {
			has("problem", p)
		}
		for _, h := range g.Headings {
			has("heading", h.Marker+h.Text)
		}
		need := map[string]int{}
		for _, m := range g.Metrics {
			need[m.Text]++
		}
		for s, n := range need {
			if c := strings.Count(flat, strings.Join(strings.Fields(s), "")); c < n {
				t.Errorf("%s: metric %q listed %d times, in the text %d times", gp, s, n, c)
			}
		}
		keys := map[string]bool{}
		for _, p := range append(append([]string(nil), g.Problems...), g.ProblemsUnquoted...) {
			keys[problemKey(p)] = true
		}
		for _, d := range g.ProblemDetails {
			if !keys[problemKey(d.Problem)] {
				t.Errorf("%s: problem_details names %q, which is not in problems", gp, d.Problem)
			}
			has("department", d.Department)
			has("person", d.Person)
			has("deadline", d.Deadline)
		}
		has("unit", g.Unit)
		has("inspector", g.Inspector)
		has("address", g.Contacts.Address)
		has("postcode", g.Contacts.Postcode)
		for _, p := range g.Contacts.Phone {
			has("phone", p)
		}
	}
}

func TestScoreLedger(t *testing.T) {
	g := Gold{
		Problems: []string{"食品安全抽检覆盖面不足", "执法案卷管理不规范", "基层党支部组织生活不规范"},
		ProblemDetails: []GoldProblemDetail{
			{Problem: "食品安全抽检覆盖面不足", Status: "已完成", Department: "食品安全抽检监测科", Person: "李明", Deadline: "2024年8月31日前"},
			{Problem: "执法案卷管理不规范", Status: "正在整改"},
			{Problem: "基层党支部组织生活不规范", Status: "已完成"},
		},
	}
	b := &bulletin.Bulletin{Problems: []bulletin.Problem{
		{Text: "食品安全抽检覆盖面不足。", Status: "已完成", Department: "食品安全抽检监测科", Person: "李明", Deadline: "2024年8月31日前"},
		{Text: "执法案卷管理不规范", Status: "已完成"}, // wrong status
		// the third problem was not found
	}}
	s := Score(b, g)
	if s.Ledger != (Accuracy{Correct: 4, Total: 6}) {
		t.Errorf("ledger = %+v, want 4/6; misses %v", s.Ledger, s.Misses)
	}
	var text []string
	for _, m := range s.Misses {
		if m.Metric == MetricLedger {
			text = append(text, m.String())
		}
	}
	want := []string{
		"ledger.status of 执法案卷管理不规范 wrong    gold 正在整改, got 已完成",
		"ledger.status of 基层党支部组织生活不规范 wrong    gold 已完成, got (problem not found)",
	}
	if strings.Join(text, "\n") != strings.Join(want, "\n") {
		t.Errorf("ledger misses:\n%s\nwant:\n%s", strings.Join(text, "\n"), strings.Join(want, "\n"))
	}
}
