package structure

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/structure")

func TestParseHeading(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		ok     bool
		level  int
		marker string
		title  string
		split  int // -1: standalone (len(in))
	}{
		{"level 1", "一、强化领导能力，确保巡察整改顺利开展", true, 1, "一、", "强化领导能力，确保巡察整改顺利开展", -1},
		{"level 1 ten", "十二、其他事项", true, 1, "十二、", "其他事项", -1},
		{"level 1 point", "二．整改落实情况", true, 1, "二．", "整改落实情况", -1},
		{"level 1 indented", "  三、强化发展能力", true, 1, "三、", "强化发展能力", -1},
		{"level 2 full-width", "（一）关于“聚焦基层党组织建设”方面", true, 2, "（一）", "关于“聚焦基层党组织建设”方面", -1},
		{"level 2 ascii", "(二)压紧压实责任,确保落实到位", true, 2, "(二)", "压紧压实责任,确保落实到位", -1},
		{"level 2 mixed", "(三）坚持举一反三", true, 2, "(三）", "坚持举一反三", -1},
		{"level 2 with comma", "（二）、强化督促检查", true, 2, "（二）、", "强化督促检查", -1},
		{"level 4 with comma", "(3)、建立台账", true, 4, "(3)、", "建立台账", -1},
		{"level 3 dot", "1.关于“财务业务不够规范”问题整改情况", true, 3, "1.", "关于“财务业务不够规范”问题整改情况", -1},
		{"level 3 comma", "2、加强学习", true, 3, "2、", "加强学习", -1},
		{"level 3 full-width point", "3．坚持标本兼治", true, 3, "3．", "坚持标本兼治", -1},
		{"level 3 full-width digits", "１２．健全制度", true, 3, "１２．", "健全制度", -1},
		{"level 3 space after", "4. 关于干部队伍", true, 3, "4.", "关于干部队伍", -1},
		{"level 4 full-width", "（1）关于“三重一大”问题", true, 4, "（1）", "关于“三重一大”问题", -1},
		{"level 4 ascii", "(12)建立台账", true, 4, "(12)", "建立台账", -1},
		{"level 4 parenthesised digit", "⑵完善机制", true, 4, "⑵", "完善机制", -1},
		{"level 5", "①完善制度", true, 5, "①", "完善制度", -1},
		{"standalone with 。", "（一）关于少数领导干部不守政治规矩的问题。", true, 2, "（一）", "关于少数领导干部不守政治规矩的问题", -1},
		{"run-in", "（一）统一思想认识。市委巡视意见反馈后，集团党委立即召开会议。", true, 2, "（一）", "统一思想认识", len("（一）统一思想认识。")},
		{"run-in ascii", "(一)提高政治站位,凝聚整改合力。市委充分认识到", true, 2, "(一)", "提高政治站位,凝聚整改合力", len("(一)提高政治站位,凝聚整改合力。")},
		{"run-in level 3", "1.党组书记带头抓整改。管委会党组书记高度重视巡视整改工作。", true, 3, "1.", "党组书记带头抓整改", len("1.党组书记带头抓整改。")},
		{"quote with 。 inside", "2.关于“学习不深。不透”问题。一是加强学习", true, 3, "2.", "关于“学习不深。不透”问题", len("2.关于“学习不深。不透”问题。")},
		{"unclosed quote", "3.关于“学习不深。一是加强学习", true, 3, "3.", "关于“学习不深", len("3.关于“学习不深。")},
		{"trailing colon", "（二）存在的问题：", true, 2, "（二）", "存在的问题", -1},
		{"run-in colon", "（二）压实整改责任：局党组书记履行第一责任人职责。", true, 2, "（二）", "压实整改责任", len("（二）压实整改责任：")},
		{"run-in ascii colon", "(二)强化督促检查:镇纪委把巡察整改纳入日常监督", true, 2, "(二)", "强化督促检查", len("(二)强化督促检查:")},
		{"colon after 。", "（一）统一思想认识。整改情况：召开会议", true, 2, "（一）", "统一思想认识", len("（一）统一思想认识。")},
		{"colon inside quotes", "1.关于“整改时限：年底”问题。一是", true, 3, "1.", "关于“整改时限：年底”问题", len("1.关于“整改时限：年底”问题。")},
		{"colon of a time", "(1)10:30召开会议", true, 4, "(1)", "10:30召开会议", -1},
		{"mirror markup", "【类型:dqd-Title-t2-s1 | 标号:no | 标题:党组履行巡视整改主体责任情况】", true, 1, "", "党组履行巡视整改主体责任情况", -1},
		{"mirror markup after ideographic spaces", "\u3000\u3000【类型:x | 标号:no | 标题:整改情况】", true, 1, "", "整改情况", -1},
		{"level 2 after ideographic spaces", "\u3000\u3000（一）统一思想。正文", true, 2, "（一）", "统一思想", len("\u3000\u3000（一）统一思想。")},
		{"invalid bytes before the body", "(一)\xff统一思想。正文", true, 2, "(一)", "\xff统一思想", len("(一)\xff统一思想。")},
		{"level 4 half parenthesis", "1）建立整改台账", true, 4, "1）", "建立整改台账", -1},
		{"level 4 half parenthesis ascii", "12)完善制度。正文", true, 4, "12)", "完善制度", len("12)完善制度。")},
		{"level 2 half parenthesis", "二）压实整改责任", true, 2, "二）", "压实整改责任", -1},
		{"level 2 parenthesised ideograph", "㈡强化督促检查", true, 2, "㈡", "强化督促检查", -1},
		{"level 3 digit full stop", "⒊健全长效机制。正文", true, 3, "⒊", "健全长效机制", len("⒊健全长效机制。")},
		{"level 1 spaced comma", "二 、整改落实情况", true, 1, "二 、", "整改落实情况", -1},
		{"mirror markup full-width", "【类型：x ｜ 标号：no ｜ 标题：巡视反馈重点问题整改落实情况】", true, 1, "", "巡视反馈重点问题整改落实情况", -1},

		{"not 一是", "一是强化学习，统一思想认识。", false, 0, "", "", 0},
		{"not 二是", "二是加强领导，压实主体责任。", false, 0, "", "", 0},
		{"not a number 1.05亿元", "1.05亿元用于偿还债务。", false, 0, "", "", 0},
		{"not a number 1.32万", "1.32万人次参加活动", false, 0, "", "", 0},
		{"not a date", "2023年在全市已建成的广场配备健身器材132件", false, 0, "", "", 0},
		{"not a timestamp", "2020-08-10 11:36:38", false, 0, "", "", 0},
		{"not a list of months", "1、2月份共召开会议3次", false, 0, "", "", 0},
		{"not a numeral list", "一、二季度完成整改", false, 0, "", "", 0},
		{"not 0.", "0.5个百分点", false, 0, "", "", 0},
		{"not a bare marker", "（一）", false, 0, "", "", 0},
		{"not a marker and a colon", "（一）：", false, 0, "", "", 0},
		{"not a four-digit number", "2024.1起施行", false, 0, "", "", 0},
		{"not 针对", "针对“意识形态工作机制不健全”问题。一是…", false, 0, "", "", 0},
		{"not empty", "", false, 0, "", "", 0},
		{"not a bare half parenthesis", "1）", false, 0, "", "", 0},
		{"not a formula 1)2)", "1)2)两项合计", false, 0, "", "", 0},
		{"not chrome", "主任、副主任、秘书长、各位委员:", false, 0, "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, ok := ParseHeading(tt.in)
			if ok != tt.ok {
				t.Fatalf("ParseHeading(%q) ok = %v, want %v (%+v)", tt.in, ok, tt.ok, h)
			}
			if !ok {
				return
			}
			split := tt.split
			if split < 0 {
				split = len(tt.in)
			}
			if h.Level != tt.level || h.Marker != tt.marker || h.Title != tt.title || h.Split != split {
				t.Errorf("ParseHeading(%q) = %+v, want level %d marker %q title %q split %d",
					tt.in, h, tt.level, tt.marker, tt.title, split)
			}
		})
	}
}

func TestParseTree(t *testing.T) {
	in := []string{
		"根据区委统一部署，区委第一巡察组对区总工会党组进行了巡察。",
		"一、巡视整改组织领导情况",
		"区总工会党组深入学习贯彻。",
		"二、整改进展情况及成效",
		"1.关于“政治引领有短板”问题的整改。",
		"一是积极组织相关学习活动。",
		"（1）细项",
		"①更细",
		"（一）回到第二级。正文在此。",
		"三、下一步",
	}
	paras, secs := Parse(in)
	type sec struct {
		id, parent string
		level      int
		para       int
	}
	want := []sec{
		{"S1", "", 1, 1},
		{"S2", "", 1, 3},
		{"S3", "S2", 3, 4}, // 一、 then 1.: level 3 under the level-1 section
		{"S4", "S3", 4, 6},
		{"S5", "S4", 5, 7},
		{"S6", "S2", 2, 8}, // （一） closes 1. (1) ①
		{"S7", "", 1, 10},
	}
	if len(secs) != len(want) {
		t.Fatalf("got %d sections, want %d: %+v", len(secs), len(want), secs)
	}
	for i, w := range want {
		s := secs[i]
		if s.ID != w.id || s.Parent != w.parent || s.Level != w.level || s.Paragraph != w.para {
			t.Errorf("section %d = %+v, want %+v", i, s, w)
		}
	}
	if len(paras) != len(in)+1 {
		t.Fatalf("got %d paragraphs, want %d", len(paras), len(in)+1)
	}
	for i, p := range paras {
		if p.Index != i {
			t.Errorf("paragraph %d has index %d", i, p.Index)
		}
	}
	if paras[0].Section != "" || paras[0].Role != bulletin.RoleOther {
		t.Errorf("opening paragraph = %+v, want no section, role other", paras[0])
	}
	if paras[5].Section != "S3" || paras[5].Role != bulletin.RoleOther {
		t.Errorf("一是 paragraph = %+v, want section S3, role other", paras[5])
	}
	if paras[8].Text != "（一）回到第二级。" || paras[9].Text != "正文在此。" || paras[9].Section != "S6" {
		t.Errorf("run-in split = %q / %q (section %q)", paras[8].Text, paras[9].Text, paras[9].Section)
	}
	checkInvariants(t, in, paras, secs)
}

// TestParseSplitMarker covers a marker alone on its line with its title on the next line.
func TestParseSplitMarker(t *testing.T) {
	type sec struct {
		level         int
		marker, title string
	}
	tests := []struct {
		name  string
		in    []string
		secs  []sec
		roles []string // role of each output paragraph
	}{
		{"level 1 then title", []string{"一、", "总体整改情况", "正文。"},
			[]sec{{1, "一、", "总体整改情况"}}, []string{"heading", "heading", "other"}},
		{"level 2 full-width with a run-in title", []string{"（一）", "统一思想认识。局党组召开专题会议。"},
			[]sec{{2, "（一）", "统一思想认识"}}, []string{"heading", "heading", "other"}},
		{"level 3 with spaces and a colon", []string{"  1.  ", "关于“学习不深入”问题的整改："},
			[]sec{{3, "1.", "关于“学习不深入”问题的整改"}}, []string{"heading", "heading"}},
		{"half parenthesis alone", []string{"1）", "建立台账"},
			[]sec{{4, "1）", "建立台账"}}, []string{"heading", "heading"}},
		{"two lone markers: the first is not a heading", []string{"一、", "二、", "下一步打算"},
			[]sec{{1, "二、", "下一步打算"}}, []string{"other", "heading", "heading"}},
		{"lone marker before a heading", []string{"一、", "（一）加强领导"},
			[]sec{{2, "（一）", "加强领导"}}, []string{"other", "heading"}},
		{"lone marker at the end", []string{"正文。", "三、"},
			nil, []string{"other", "other"}},
		{"lone marker before a blank line", []string{"三、", "", "下一步"},
			nil, []string{"other", "other", "other"}},
		{"lone marker before a long paragraph", []string{"二、", strings.Repeat("局党组召开会议研究部署整改工作", 8) + "。"},
			nil, []string{"other", "other"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paras, secs := Parse(tt.in)
			checkInvariants(t, tt.in, paras, secs)
			var got []sec
			for _, s := range secs {
				got = append(got, sec{s.Level, s.Marker, s.Title})
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.secs) {
				t.Errorf("sections = %v, want %v", got, tt.secs)
			}
			var roles []string
			for _, p := range paras {
				roles = append(roles, p.Role)
			}
			if fmt.Sprint(roles) != fmt.Sprint(tt.roles) {
				t.Errorf("roles = %v, want %v", roles, tt.roles)
			}
		})
	}
}

// checkInvariants asserts what Parse promises for any input: each input paragraph is one
// output paragraph or a heading and body pair that concatenate back to it; indexes run 0..n-1;
// section IDs are S1… in order; parents name an earlier section of a smaller level; every
// paragraph's Section names a known section.
func checkInvariants(t *testing.T, in []string, paras []bulletin.Paragraph, secs []bulletin.Section) {
	t.Helper()
	j := 0
	for i, s := range in {
		if j >= len(paras) {
			t.Fatalf("input paragraph %d missing from output", i)
		}
		got := paras[j].Text
		j++
		if got != s && j < len(paras) && paras[j-1].Role == bulletin.RoleHeading && got+paras[j].Text == s {
			got += paras[j].Text
			j++
		}
		if got != s {
			t.Fatalf("input paragraph %d %q not preserved: got %q", i, s, got)
		}
	}
	if j != len(paras) {
		t.Fatalf("%d extra output paragraphs", len(paras)-j)
	}
	level := map[string]int{}
	for i, s := range secs {
		if want := fmt.Sprintf("S%d", i+1); s.ID != want {
			t.Errorf("section %d ID %q, want %q", i, s.ID, want)
		}
		if s.Parent != "" {
			pl, ok := level[s.Parent]
			if !ok || pl >= s.Level {
				t.Errorf("section %s (level %d) has parent %q (level %d, known %v)", s.ID, s.Level, s.Parent, pl, ok)
			}
		}
		if s.Paragraph < 0 || s.Paragraph >= len(paras) || paras[s.Paragraph].Role != bulletin.RoleHeading || paras[s.Paragraph].Section != s.ID {
			t.Errorf("section %s points at paragraph %d, which is not its heading", s.ID, s.Paragraph)
		}
		if s.Paragraph >= 0 && s.Paragraph < len(paras) {
			text := paras[s.Paragraph].Text
			// A lone marker line: the title is the next paragraph, a heading of the same section.
			if n := s.Paragraph + 1; n < len(paras) && paras[n].Role == bulletin.RoleHeading && paras[n].Section == s.ID {
				text += paras[n].Text
			}
			// The title follows the marker. (Compared after the marker's first place, not by first
			// index: a title of one stray byte can also match inside an earlier character.)
			if m := strings.Index(text, s.Marker); m < 0 || !strings.Contains(text[m+len(s.Marker):], s.Title) {
				t.Errorf("section %s: marker %q and title %q are not cut from its heading %q", s.ID, s.Marker, s.Title, text)
			}
		}
		level[s.ID] = s.Level
	}
	for i, p := range paras {
		if p.Index != i {
			t.Errorf("paragraph %d has index %d", i, p.Index)
		}
		if _, ok := level[p.Section]; p.Section != "" && !ok {
			t.Errorf("paragraph %d names unknown section %q", i, p.Section)
		}
	}
}

// repoRoot is the module root, two levels above this package.
func repoRoot() string { return filepath.Join("..", "..") }

// lines is a minimal paragraph splitter for tests: trimmed non-empty lines.
func lines(data []byte) []string {
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func readSeed(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(), "corpus", "yushu-wenguanglv-2024.txt"))
	if err != nil {
		t.Fatalf("reading the seed: %v", err)
	}
	return lines(data)
}

func TestParseSeed(t *testing.T) {
	in := readSeed(t)
	paras, secs := Parse(in)
	checkInvariants(t, in, paras, secs)

	byLevel := map[int][]bulletin.Section{}
	for _, s := range secs {
		byLevel[s.Level] = append(byLevel[s.Level], s)
	}
	if len(byLevel[1]) != 3 || len(byLevel[2]) != 3 || len(byLevel[3]) != 7 || len(secs) != 13 {
		t.Fatalf("seed: %d level-1, %d level-2, %d level-3 of %d sections; want 3, 3, 7 of 13",
			len(byLevel[1]), len(byLevel[2]), len(byLevel[3]), len(secs))
	}
	for i, m := range []string{"一、", "二、", "三、"} {
		if s := byLevel[1][i]; s.Marker != m || s.Parent != "" {
			t.Errorf("top-level %d = %+v, want marker %q and no parent", i, s, m)
		}
	}
	two := byLevel[1][1].ID
	for i, m := range []string{"（一）", "（二）", "（三）"} {
		if s := byLevel[2][i]; s.Marker != m || s.Parent != two || !strings.HasSuffix(s.Title, "方面") {
			t.Errorf("category %d = %+v, want marker %q under %s", i, s, m, two)
		}
	}
	// Topics 1-2 sit in （一）, 3-4 in （二）, 5-7 in （三）.
	cat := []int{0, 0, 1, 1, 2, 2, 2}
	for i, s := range byLevel[3] {
		if s.Marker != fmt.Sprintf("%d.", i+1) || s.Parent != byLevel[2][cat[i]].ID || !strings.HasSuffix(s.Title, "问题整改情况") {
			t.Errorf("topic %d = %+v, want marker %d. under %s", i, s, i+1, byLevel[2][cat[i]].ID)
		}
	}
	if got := byLevel[3][0].Title; got != "关于“学习宣传贯彻习近平新时代中国特色社会主义思想和党的二十大精神不够深入”问题整改情况" {
		t.Errorf("topic 1 title = %q", got)
	}
	headings := 0
	for _, p := range paras {
		if p.Role == bulletin.RoleHeading {
			headings++
		}
	}
	if headings != 13 || len(paras) != len(in) {
		t.Errorf("seed: %d heading paragraphs of %d, want 13 of %d (no run-in headings)", headings, len(paras), len(in))
	}
}

// TestParseSeedGolden compares Parse on the seed with testdata/structure/seed.golden.json
// (regenerate with go test ./internal/structure -run Golden -update).
func TestParseSeedGolden(t *testing.T) {
	paras, secs := Parse(readSeed(t))
	got, err := json.MarshalIndent(struct {
		Sections   []bulletin.Section   `json:"sections"`
		Paragraphs []bulletin.Paragraph `json:"paragraphs"`
	}{secs, paras}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join(repoRoot(), "testdata", "structure", "seed.golden.json")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run with -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Parse(seed) differs from %s; run with -update after checking the change", path)
	}
}

// goldHeading is a heading of a shared gold file.
type goldHeading struct {
	Level  int    `json:"level"`
	Marker string `json:"marker"`
	Text   string `json:"text"`
}

// pinyinGloss matches a gloss a mirror site inserts after a character: 根據(jù).
var pinyinGloss = regexp.MustCompile(`\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7}\)`)

// norm folds s and removes pinyin glosses, for comparing with gold.
func norm(s string) string {
	return pinyinGloss.ReplaceAllString(fold.String(strings.TrimSpace(s)), "")
}

// TestParseSharedGold compares the headings found in each real excerpt with its gold
// (../shared/corpus/real). Every line of the excerpt is fed, page chrome included.
func TestParseSharedGold(t *testing.T) {
	dir := testcorpus.Shared(t, "real")
	golds, _ := filepath.Glob(filepath.Join(dir, "gold", "*.json"))
	if len(golds) == 0 {
		t.Fatalf("no gold in the shared corpus at %s", dir)
	}
	var found, wanted, matched int
	for _, g := range golds {
		name := strings.TrimSuffix(filepath.Base(g), ".json")
		t.Run(name, func(t *testing.T) {
			var gold struct {
				Headings []goldHeading `json:"headings"`
			}
			data, err := os.ReadFile(g)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &gold); err != nil {
				t.Fatalf("%s: %v", g, err)
			}
			raw, err := os.ReadFile(filepath.Join(dir, "raw", name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			in := lines(raw)
			paras, secs := Parse(in)
			checkInvariants(t, in, paras, secs)
			ok := 0
			for i := 0; i < len(secs) || i < len(gold.Headings); i++ {
				var got, want string
				if i < len(secs) {
					s := secs[i]
					got = fmt.Sprintf("%d %s %s", s.Level, norm(s.Marker), norm(s.Title))
				}
				if i < len(gold.Headings) {
					h := gold.Headings[i]
					want = fmt.Sprintf("%d %s %s", h.Level, norm(h.Marker), norm(h.Text))
				}
				if got == want {
					ok++
				} else {
					t.Errorf("heading %d = %q, want %q", i, got, want)
				}
			}
			t.Logf("%s: %d of %d gold headings matched, %d found", name, ok, len(gold.Headings), len(secs))
			found += len(secs)
			wanted += len(gold.Headings)
			matched += ok
		})
	}
	t.Logf("shared gold: %d headings found, %d in gold, %d matched", found, wanted, matched)
}

func FuzzParse(f *testing.F) {
	f.Add("一、总体情况\n（一）统一思想认识。正文…\n1.党组书记带头抓整改。管委会…\n一是加强学习\n1.05亿元")
	f.Add("【类型:x | 标号:no | 标题:标题】\n(1)关于“学习不深。不透”问题。正文\n①细项")
	f.Add("（一）关于“未闭合。正文\n\n  二、\n")
	f.Fuzz(func(t *testing.T, s string) {
		in := strings.Split(s, "\n")
		paras, secs := Parse(in)
		checkInvariants(t, in, paras, secs)
	})
}

// TestParseVariants runs Parse over the project's own variant bulletins in
// testdata/structure/variants (written for this test, page chrome included) and compares the
// section tree with the hand-written expectation beside each: level, marker and title exactly
// as written, parent as an index into the list (-1 at the top).
func TestParseVariants(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(repoRoot(), "testdata", "structure", "variants", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no variant bulletins in testdata/structure/variants (%v)", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".json")
			if err != nil {
				t.Fatal(err)
			}
			var want []struct {
				Level  int    `json:"level"`
				Marker string `json:"marker"`
				Text   string `json:"text"`
				Parent int    `json:"parent"`
			}
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			in := lines(raw)
			paras, secs := Parse(in)
			checkInvariants(t, in, paras, secs)
			index := map[string]int{"": -1}
			for i, s := range secs {
				index[s.ID] = i
			}
			if len(secs) != len(want) {
				t.Errorf("%d sections, want %d", len(secs), len(want))
			}
			for i := 0; i < len(secs) && i < len(want); i++ {
				s, w := secs[i], want[i]
				if s.Level != w.Level || s.Marker != w.Marker || s.Title != w.Text || index[s.Parent] != w.Parent {
					t.Errorf("section %d = level %d marker %q title %q parent %d; want %d %q %q %d",
						i, s.Level, s.Marker, s.Title, index[s.Parent], w.Level, w.Marker, w.Text, w.Parent)
				}
			}
		})
	}
}

// BenchmarkFoldBaseline folds every seed paragraph once: the least Parse must do.
func BenchmarkFoldBaseline(b *testing.B) {
	in := readSeedB(b)
	for b.Loop() {
		for _, p := range in {
			_ = fold.String(p)
		}
	}
}

// BenchmarkParseSeed measures Parse on the seed; compare with BenchmarkFoldBaseline.
func BenchmarkParseSeed(b *testing.B) {
	in := readSeedB(b)
	b.ReportAllocs()
	for b.Loop() {
		Parse(in)
	}
}

func readSeedB(b *testing.B) []string {
	data, err := os.ReadFile(filepath.Join(repoRoot(), "corpus", "yushu-wenguanglv-2024.txt"))
	if err != nil {
		b.Fatal(err)
	}
	return lines(data)
}

// Every heading marker in the one marker table reads its own example, and MarkerLen (the
// table as other stages use it) finds a marker there too.
func TestMarkerKindExamples(t *testing.T) {
	for _, k := range markerKinds {
		f := fold.String(k.example)
		if k.match(f) == 0 {
			t.Errorf("level %d marker does not match its example %q", k.level, k.example)
		}
		if MarkerLen(f) == 0 {
			t.Errorf("MarkerLen finds no marker in %q", k.example)
		}
	}
	for _, s := range []string{"2.30个问题", "一是加强学习", "1、2月份", "正文没有标号"} {
		if n := MarkerLen(fold.String(s)); n != 0 {
			t.Errorf("MarkerLen(%q) = %d, want no marker", s, n)
		}
	}
}
