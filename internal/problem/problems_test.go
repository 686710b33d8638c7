package problem

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/header"
	"github.com/xuncha/xuncha/internal/structure"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

var updateProblems = flag.Bool("update", false, "rewrite the golden files in testdata")

// repoRoot is the repository root seen from this package's directory.
var repoRoot = filepath.Join("..", "..")

// readSeed reads the user's sample from the project corpus.
func readSeed(t testing.TB) string { return testcorpus.Sample(t) }

func TestProblemsSeed(t *testing.T) {
	src := readSeed(t)
	b := splitForTest(src)
	Extract(b)
	checkSeed(t, src, b)
}

// checkSeed asserts everything known about the seed's problems.
func checkSeed(t *testing.T, src string, b *bulletin.Bulletin) {
	t.Helper()
	if len(b.Problems) != len(seedProblems) {
		for _, p := range b.Problems {
			t.Logf("%s %q", p.ID, p.Quote)
		}
		t.Fatalf("found %d problems, want %d", len(b.Problems), len(seedProblems))
	}
	topics, categories := map[string]bool{}, map[string]bool{}
	for k, p := range b.Problems {
		want := seedProblems[k]
		if id := "P" + strconv.Itoa(k+1); p.ID != id {
			t.Errorf("problem %d: ID %s, want %s", k, p.ID, id)
		}
		if p.Quote != want.quote {
			t.Errorf("%s: quote\n got %q\nwant %q", p.ID, p.Quote, want.quote)
		}
		if !strings.Contains(src, "针对“"+p.Quote+"”问题") {
			t.Errorf("%s: quote is not the source text: %q", p.ID, p.Quote)
		}
		if p.Topic != want.topic || p.Category != want.category {
			t.Errorf("%s: topic %q category %q, want %q %q", p.ID, p.Topic, p.Category, want.topic, want.category)
		}
		topics[p.Topic], categories[p.Category] = true, true
		if len(p.Measures) != want.measures {
			t.Errorf("%s: %d measures, want %d: %+v", p.ID, len(p.Measures), want.measures, p.Measures)
		}
		for i, m := range p.Measures {
			wantOrd := i + 1
			if want.measures == 1 {
				wantOrd = 0 // the seed's single measures are unnumbered
			}
			if m.Ordinal != wantOrd {
				t.Errorf("%s measure %d: ordinal %d, want %d", p.ID, i, m.Ordinal, wantOrd)
			}
			if m.Text == "" || !strings.Contains(src, m.Text) || strings.HasPrefix(m.Text, "一是") || strings.HasPrefix(m.Text, "二是") {
				t.Errorf("%s measure %d: text %q is not the source text without its marker", p.ID, i, m.Text)
			}
			if m.Paragraph != p.Paragraph {
				t.Errorf("%s measure %d: paragraph %d, want %d (measures follow the problem in its paragraph)", p.ID, i, m.Paragraph, p.Paragraph)
			}
		}
		if p.Status != "" {
			t.Errorf("%s: status %q, but the seed states none per problem", p.ID, p.Status)
		}
		par := b.Paragraphs[p.Paragraph]
		if par.Role != bulletin.RoleProblem || par.Problem != p.ID {
			t.Errorf("%s: paragraph %d has role %q problem %q", p.ID, p.Paragraph, par.Role, par.Problem)
		}
		if p.Section == "" || p.Section != par.Section {
			t.Errorf("%s: section %q, paragraph's %q", p.ID, p.Section, par.Section)
		}
	}
	if len(topics) != 7 || len(categories) != 3 {
		t.Errorf("%d topics and %d categories, want 7 and 3", len(topics), len(categories))
	}
	// The first measure of P1 keeps its text as written up to the next marker.
	if got, want := b.Problems[0].Measures[1].Text, "强化自主学习。对全体党员干部自主学习情况进行3次抽查指导，对理论学习不主动、应付了事的党员干部进行了及时批评和督促。"; got != want {
		t.Errorf("P1 measure 2: %q, want %q", got, want)
	}
	// Roles: problem paragraphs and headings only; no measure paragraph of its own in the seed.
	roles := map[string]int{}
	for _, p := range b.Paragraphs {
		roles[p.Role]++
	}
	if roles[bulletin.RoleProblem] != 14 || roles[bulletin.RoleMeasure] != 0 {
		t.Errorf("roles %v, want 14 problem paragraphs and no measure paragraph", roles)
	}
	for _, w := range b.Warnings {
		if strings.HasPrefix(w.Code, "quote_") {
			t.Errorf("unexpected warning %+v", w)
		}
	}
}

// TestProblemsSeedExtract runs the whole Extract (header, problems, numbers, checks) over the
// seed as structure.Parse reads it: the other stages must leave the problems as they are, and
// the declared problem count must match the problems found.
func TestProblemsSeedExtract(t *testing.T) {
	src := readSeed(t)
	b := parsedBulletin(src)
	if len(b.Sections) == 0 {
		t.Skip("structure.Parse gives no sections yet")
	}
	header.Extract(b) // the declared totals the inference needs
	Extract(b)
	header.Check(b)
	StatusFromDeclared(b)
	// The seed states no status per problem, but declares all 14 done: Extract infers 已完成
	// for each and says so in a check; checkSeed then looks at the rest.
	inferred := false
	for _, c := range b.Checks {
		inferred = inferred || c.Code == "status_inferred"
	}
	if !inferred {
		t.Errorf("no status_inferred check in %+v", b.Checks)
	}
	for i := range b.Problems {
		if b.Problems[i].Status != StatusDone {
			t.Errorf("%s: status %q, want %q inferred from the declared totals", b.Problems[i].ID, b.Problems[i].Status, StatusDone)
		}
		b.Problems[i].Status = ""
	}
	checkSeed(t, src, b)
}

// TestProblemsSeedStructure runs the seed through the real structure.Parse; it checks the
// heading-dependent results only when Parse gives sections.
func TestProblemsSeedStructure(t *testing.T) {
	src := readSeed(t)
	b := parsedBulletin(src)
	Extract(b)
	if len(b.Sections) == 0 {
		if len(b.Problems) != 14 {
			t.Errorf("without sections: %d problems, want 14", len(b.Problems))
		}
		t.Skip("structure.Parse gives no sections yet: topic and category not checked")
	}
	checkSeed(t, src, b)
}

// parsedBulletin builds a bulletin from text, one paragraph a non-blank line, with the real
// structure.Parse.
func parsedBulletin(text string) *bulletin.Bulletin {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, strings.TrimSpace(l))
		}
	}
	b := &bulletin.Bulletin{}
	b.Paragraphs, b.Sections = structure.Parse(lines)
	return b
}

// sharedCorpus returns the shared corpus's real excerpts (see testcorpus.Shared).
func sharedCorpus(t *testing.T) string { return testcorpus.Shared(t, "real") }

// TestProblemsRealExcerpts checks the problems found in the shared real excerpts against their
// gold: only 004 has one (its topic heading); 79个“问题清单” in 018 and the slogans elsewhere
// are not problems. The gold's measure_markers is checked with CompleteMeasures.
func TestProblemsRealExcerpts(t *testing.T) {
	dir := sharedCorpus(t)
	raws, _ := filepath.Glob(filepath.Join(dir, "raw", "*.txt"))
	if len(raws) == 0 {
		t.Skip("no raw excerpts")
	}
	for _, raw := range raws {
		name := strings.TrimSuffix(filepath.Base(raw), ".txt")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(raw)
			if err != nil {
				t.Fatal(err)
			}
			var gold struct {
				Problems       []string `json:"problems"`
				MeasureMarkers *int     `json:"measure_markers"`
			}
			gdata, err := os.ReadFile(filepath.Join(dir, "gold", name+".json"))
			if err != nil {
				t.Skip("no gold")
			}
			if err := json.Unmarshal(gdata, &gold); err != nil {
				t.Fatalf("gold %s: %v", name, err)
			}
			b := splitForTest(string(data))
			Extract(b)
			var got []string
			for _, p := range b.Problems {
				got = append(got, p.Quote)
			}
			if strings.Join(got, "|") != strings.Join(gold.Problems, "|") {
				t.Errorf("problems %q, gold %q", got, gold.Problems)
			}
			// The same through the real structure.Parse, once it gives sections.
			if sb := parsedBulletin(string(data)); len(sb.Sections) > 0 {
				Extract(sb)
				got = got[:0]
				for _, p := range sb.Problems {
					got = append(got, p.Quote)
				}
				if strings.Join(got, "|") != strings.Join(gold.Problems, "|") {
					t.Errorf("with structure.Parse: problems %q, gold %q", got, gold.Problems)
				}
			}
			if gold.MeasureMarkers != nil {
				n := 0
				for _, p := range b.Paragraphs {
					n += CompleteMeasures(p.Text)
				}
				if n != *gold.MeasureMarkers {
					t.Errorf("complete measure items %d, gold %d", n, *gold.MeasureMarkers)
				}
			}
			for _, w := range b.Warnings {
				if w.Code == "quote_unclosed" && name != "010" {
					t.Errorf("unexpected warning %+v", w)
				}
			}
		})
	}
	// 004 in detail: the topic heading is the problem, the 一是 paragraph its measure.
	data, err := os.ReadFile(filepath.Join(dir, "raw", "004.txt"))
	if err != nil {
		return
	}
	b := splitForTest(string(data))
	Extract(b)
	if len(b.Problems) != 1 {
		t.Fatalf("004: %d problems", len(b.Problems))
	}
	p := b.Problems[0]
	if p.Quote != "政治引领有短板" || p.Topic != "政治引领有短板" || len(p.Measures) != 1 || p.Measures[0].Ordinal != 1 ||
		!strings.HasPrefix(p.Measures[0].Text, "积极组织相关学习活动") || b.Paragraphs[p.Measures[0].Paragraph].Role != bulletin.RoleMeasure {
		t.Errorf("004: %+v", p)
	}
}

// TestProblemsFixtures runs the bulletins written for the forms the seed lacks (labelled blocks,
// unquoted headings, traditional characters, quotes across lines, several problems to a
// paragraph) and compares the problems with golden JSON; -update rewrites the golden files.
func TestProblemsFixtures(t *testing.T) {
	inputs, _ := filepath.Glob(filepath.Join(repoRoot, "testdata", "extract", "problems-*.txt"))
	if len(inputs) == 0 {
		t.Fatal("no fixtures in testdata/extract")
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			b := splitForTest(string(data))
			Extract(b)
			type para struct {
				Index   int    `json:"index"`
				Role    string `json:"role"`
				Problem string `json:"problem,omitempty"`
			}
			out := struct {
				Problems []bulletin.Problem `json:"problems"`
				Roles    []para             `json:"roles"`
				Warnings []bulletin.Warning `json:"warnings"`
			}{Problems: b.Problems, Warnings: b.Warnings}
			for _, p := range b.Paragraphs {
				out.Roles = append(out.Roles, para{p.Index, p.Role, p.Problem})
			}
			got, err := json.MarshalIndent(out, "", " ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(in, ".txt") + ".golden.json"
			if *updateProblems {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("golden file: %v (run with -update)", err)
			}
			if string(got) != string(want) {
				t.Errorf("problems differ from %s (run with -update and review the diff):\n%s", golden, got)
			}
			for _, p := range b.Problems {
				if p.Quote != "" && !strings.Contains(string(data), p.Quote) {
					t.Errorf("%s: quote %q is not in the source", p.ID, p.Quote)
				}
			}
		})
	}
}

// TestProblemsFixtureFacts spells out the key facts of the fixtures, so that a golden file
// regenerated with a mistake in it still fails here.
func TestProblemsFixtureFacts(t *testing.T) {
	for _, parse := range []struct {
		name  string
		build func(string) *bulletin.Bulletin
	}{{"split", splitForTest}, {"structure.Parse", parsedBulletin}} {
		t.Run(parse.name, func(t *testing.T) {
			read := func(name string) *bulletin.Bulletin {
				data, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "extract", name))
				if err != nil {
					t.Fatal(err)
				}
				b := parse.build(string(data))
				if len(b.Sections) == 0 {
					t.Skip("no sections from " + parse.name)
				}
				Extract(b)
				return b
			}
			checkFixtureFacts(t, read)
		})
	}
}

func checkFixtureFacts(t *testing.T, read func(string) *bulletin.Bulletin) {
	type fact struct {
		quote, text, topic, category, status, dept, person, deadline string
		measures                                                     int
	}
	check := func(name string, b *bulletin.Bulletin, want []fact) {
		if len(b.Problems) != len(want) {
			t.Fatalf("%s: %d problems, want %d", name, len(b.Problems), len(want))
		}
		for k, w := range want {
			p := b.Problems[k]
			got := fact{p.Quote, p.Text, p.Topic, p.Category, p.Status, p.Department, p.Person, p.Deadline, len(p.Measures)}
			if got != w {
				t.Errorf("%s %s:\n got %+v\nwant %+v", name, p.ID, got, w)
			}
		}
	}
	check("ledger", read("problems-ledger.txt"), []fact{
		{"", "理论学习中心组学习计划执行不严，全年少学2次", "", "党的领导弱化", StatusDone, "局办公室", "王某", "2023年12月底前", 2},
		{"", "意识形态工作责任制落实不到位", "", "党的领导弱化", StatusInProgress, "局机关党委", "李某", "长期坚持", 1},
		{"", "下属站所财务报销手续不全", "", "党的领导弱化", StatusMostlyDone, "", "", "", 2},
		{"", "少数领导干部不守政治规矩", "少数领导干部不守政治规矩", "", "", "", "", "", 2},
		{"", "廉政风险防控不到位", "廉政风险防控不到位", "落实全面从严治党责任", StatusOngoing, "", "", "", 1},
		{"公务接待审批不严", "", "公务接待审批不严", "落实全面从严治党责任", StatusDone, "", "", "", 2},
	})
	check("traditional", read("problems-traditional.txt"), []fact{
		{"部分支部「三會一課」記錄不全，組織生活不規範", "", "基層黨組織建設薄弱", "黨的建設", "", "", "", "", 2},
		{"黨員發展程序不嚴謹", "", "基層黨組織建設薄弱", "黨的建設", StatusDone, "", "", "", 1},
		{"黨費收繳不及時", "", "基層黨組織建設薄弱", "黨的建設", "", "", "", "", 1},
		{"公車管理不規範", "", "公車管理不規範", "作風建設", "", "", "", "", 2},
		{"會議活動過多過濫", "", "會議活動過多過濫", "作風建設", StatusDone, "", "", "", 1},
		{"督查檢查考核過多，\n基層負擔較重", "", "督查檢查過多", "減輕基層負擔", "", "", "", "", 2},
	})
	b := read("problems-measures.txt")
	check("measures", b, []fact{
		{"干部选拔任用程序执行不严", "", "选人用人不规范", "干部队伍建设", StatusDone, "组织人事科", "张某", "2024年3月底前", 1},
		{"年轻干部储备不足", "", "选人用人不规范", "干部队伍建设", "", "", "", "", 2},
		{"文山会海", "", "作风建设有差距", "干部队伍建设", StatusDone, "", "", "", 1},
		{"督查考核过多过频", "", "作风建设有差距", "干部队伍建设", "", "", "", "", 2},
	})
	if len(b.Problems) == 4 {
		if m := b.Problems[1].Measures; m[0].Ordinal != 1 || m[0].Text != "建立年轻干部库。入库干部42名。" || m[1].Ordinal != 2 {
			t.Errorf("measures under （1）（2） headings: %+v", m)
		}
		if m := b.Problems[3].Measures; m[1].Text != "推行“综合查一次”，十一月起实施。" {
			t.Errorf("inline 二是: %+v", m)
		}
	}
}

// FuzzProblems runs the problem extraction over arbitrary text, one paragraph a line: it must
// not panic, and every quote and measure must be text of the source.
func FuzzProblems(f *testing.F) {
	f.Add("针对“甲乙“丙”丁”问题。一是戊；二是己。")
	f.Add("1.关于“政治引领有短板”问题的整改。\n一是学习。")
	f.Fuzz(func(t *testing.T, text string) {
		for _, b := range []*bulletin.Bulletin{splitForTest(text), bodyBulletin(strings.Split(text, "\n")...)} {
			var texts []string
			for _, p := range b.Paragraphs {
				texts = append(texts, p.Text)
			}
			src := strings.Join(texts, "\n")
			Extract(b)
			for k, p := range b.Problems {
				if p.ID != "P"+strconv.Itoa(k+1) {
					t.Errorf("problem %d has ID %s", k, p.ID)
				}
				if !strings.Contains(src, p.Quote) {
					t.Errorf("%s: quote %q not in the source %q", p.ID, p.Quote, src)
				}
				for _, line := range strings.Split(p.Text, "\n") { // a text over paragraphs, each trimmed
					if !strings.Contains(src, line) {
						t.Errorf("%s: text %q not in the source %q", p.ID, p.Text, src)
					}
				}
				if p.Paragraph < 0 || p.Paragraph >= len(b.Paragraphs) {
					t.Errorf("%s: paragraph %d out of range", p.ID, p.Paragraph)
				}
				for _, m := range p.Measures {
					// A measure under a deeper heading is the heading and its body paragraphs
					// joined: directly for a run-in heading's body, else by lines.
					in := strings.Contains(src, m.Text)
					if !in {
						in = true
						for _, line := range strings.Split(m.Text, "\n") {
							in = in && strings.Contains(strings.Join(texts, ""), line)
						}
					}
					if !in || m.Paragraph < 0 || m.Paragraph >= len(b.Paragraphs) {
						t.Errorf("%s: measure %+v not in the source", p.ID, m)
					}
				}
			}
			for _, p := range b.Paragraphs {
				if p.Role == "" {
					t.Errorf("paragraph %d has no role", p.Index)
				}
			}
		}
	})
}

// TestProblemsProjectCorpus checks the problems of the project's own sample bulletins (corpus/,
// UTF-8 text ones; the others need ingest) against their gold in testdata/gold, read through
// structure.Parse and the whole Extract. Texts are compared without whitespace: a quote across
// a line break keeps its newline.
func TestProblemsProjectCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(repoRoot, "corpus", "*.txt"))
	if len(files) == 0 {
		t.Skip("no corpus")
	}
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.Valid(data) {
				t.Skip("not UTF-8: read through ingest")
			}
			gdata, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "gold", name+".json"))
			if err != nil {
				t.Skip("no gold")
			}
			var gold struct {
				Problems         []string `json:"problems"`          // quoted
				ProblemsUnquoted []string `json:"problems_unquoted"` // stated without quotes
				MeasureMarkers   *int     `json:"measure_markers"`
			}
			if err := json.Unmarshal(gdata, &gold); err != nil {
				t.Fatalf("gold: %v", err)
			}
			b := parsedBulletin(string(data))
			if len(b.Sections) == 0 {
				t.Skip("structure.Parse gives no sections yet")
			}
			Extract(b)
			var quoted, unquoted, wantQuoted, wantUnquoted []string
			for _, p := range b.Problems {
				if p.Quote != "" {
					quoted = append(quoted, squeeze(p.Quote))
				} else {
					unquoted = append(unquoted, squeeze(p.Text))
				}
			}
			for _, g := range gold.Problems {
				wantQuoted = append(wantQuoted, squeeze(g))
			}
			for _, g := range gold.ProblemsUnquoted {
				wantUnquoted = append(wantUnquoted, squeeze(g))
			}
			if strings.Join(quoted, "|") != strings.Join(wantQuoted, "|") {
				t.Errorf("quoted problems\n got %q\nwant %q", quoted, wantQuoted)
			}
			if strings.Join(unquoted, "|") != strings.Join(wantUnquoted, "|") {
				t.Errorf("unquoted problems\n got %q\nwant %q", unquoted, wantUnquoted)
			}
			if gold.MeasureMarkers != nil {
				n := 0
				for _, p := range b.Paragraphs {
					n += CompleteMeasures(p.Text)
				}
				if n != *gold.MeasureMarkers {
					t.Errorf("complete measure items %d, gold %d", n, *gold.MeasureMarkers)
				}
			}
		})
	}
}

func TestSignatureDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"2023年8月24日", true},
		{" 2023 年 8 月 24 日 ", true},
		{"二〇二三年八月二十四日", true},
		{"2023-08-24", true},
		{"8月24日", false},            // no year: a date in the text, not a signature
		{"2023年8月", false},          // a month
		{"2023年8月24日至26日", false},   // a period
		{"2023年8月24日，巡察组进驻", false}, // a sentence
	} {
		if got := signatureDate(c.in); got != c.want {
			t.Errorf("signatureDate(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}
