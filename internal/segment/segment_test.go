package segment

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

// seedThemes is what a reader gives each of the seed's 14 problems, with a phrase of its quote.
var seedThemes = []struct {
	quote, theme string
}{
	{"学习贯彻习近平新时代中国特色社会主义思想", "理论学习与意识形态"}, // 学习表面化, 在学深悟透上有差距
	{"党员干部理论学习不够认真", "理论学习与意识形态"},         // 笔记书写字迹潦草
	{"意识形态领导小组未因人事变动", "理论学习与意识形态"},       // 意识形态工作机制不健全
	{"主观上认为意识形态工作", "理论学习与意识形态"},          // 意识形态工作与业务关系不紧密
	{"农村文化广场文化元素不多", "决策部署与主责主业"},         // 缺少公示墙、宣传栏、健身器材
	{"保密教育宣传力度不够", "理论学习与意识形态"},           // 保密
	{"服务群众水平有待提升", "作风建设与八项规定"},           // 服务群众重过程轻质量
	{"日常深入基层开展调研次数相对较少", "作风建设与八项规定"},     // 调研少, 群众意识不强
	{"购买电脑1台，金额4800元", "财务与资产"},           // 直接列支, 未计入固定资产
	{"组织生活会缺少辣味", "组织建设与选人用人"},            // 批评与自我批评不够
	{"组织生活会记录不完整", "组织建设与选人用人"},           // 记录缺少批评与自我批评环节
	{"执行“三重一大”制度不够严格", "财务与资产"},           // 重大支出未纳入支委会研究
	{"指导管理的行业协会有46个", "决策部署与主责主业"},        // 未年检的行业协会
	{"干部队伍年龄结构偏大", "组织建设与选人用人"},           // 年龄结构
}

func annotatedSeed(t *testing.T) *bulletin.Bulletin {
	t.Helper()
	s := segmenter(t)
	b := seedBulletin(t, readSeed(t))
	if len(b.Problems) != len(seedThemes) {
		t.Fatalf("test helper found %d problems in the seed, want %d", len(b.Problems), len(seedThemes))
	}
	s.Annotate(b)
	return b
}

func TestSeedThemes(t *testing.T) {
	b := annotatedSeed(t)
	for i, want := range seedThemes {
		p := b.Problems[i]
		if !strings.Contains(p.Quote, want.quote) {
			t.Fatalf("%s: quote %.40q, want the problem about %q", p.ID, p.Quote, want.quote)
		}
		if p.Theme != want.theme {
			t.Errorf("%s %q: theme %s %v, want %s", p.ID, want.quote, p.Theme, p.ThemeWords, want.theme)
		}
		if len(p.ThemeWords) == 0 {
			t.Errorf("%s: no theme words", p.ID)
		}
		for _, w := range p.ThemeWords {
			if _, ok := themeByName(p.Theme).Words[w]; !ok {
				t.Errorf("%s: theme word %q is not a word of %s", p.ID, w, p.Theme)
			}
		}
	}
	counts := map[string]int{}
	for _, tc := range b.Themes {
		counts[tc.Theme] = tc.Count
	}
	want := map[string]int{}
	for _, st := range seedThemes {
		want[st.theme]++
	}
	for th, n := range want {
		if counts[th] != n {
			t.Errorf("b.Themes[%s] = %d, want %d (%v)", th, counts[th], n, b.Themes)
		}
	}
}

func themeByName(name string) Theme {
	for _, t := range Themes {
		if t.Name == name {
			return t
		}
	}
	return Theme{}
}

func TestSeedOrgs(t *testing.T) {
	b := annotatedSeed(t)
	tests := []struct {
		problem int // index in seedThemes
		want    []string
	}{
		{1, []string{"市图书馆", "市博物馆", "市文化馆"}},
		{2, nil},
		{7, []string{"新立镇苇沟村"}},
		{8, []string{"市全民健身中心"}},
		{10, []string{"市图书馆", "市博物馆"}},
		{11, []string{"市博物馆", "市文化馆", "市全民健身中心"}},
		{12, []string{"民政局", "榆树市风筝协会"}}, // both from the measures
		{13, []string{"市文化市场综合行政执法大队", "市文化馆", "市博物馆", "市全民健身中心"}},
	}
	for _, tt := range tests {
		p := b.Problems[tt.problem]
		if !slices.Equal(p.Orgs, tt.want) && !(len(p.Orgs) == 0 && tt.want == nil) {
			t.Errorf("%s %q: orgs %q, want %q", p.ID, seedThemes[tt.problem].quote, p.Orgs, tt.want)
		}
	}
	// The inspected unit (文广旅局党组, named 市文广旅局 in problems) is not listed.
	for _, o := range b.Orgs {
		if strings.Contains(o.Name, "文广旅局") {
			t.Errorf("the inspected unit is listed as an organisation named: %v", o)
		}
	}
	count := map[string]int{}
	for _, o := range b.Orgs {
		count[o.Name] = o.Count
	}
	// 市博物馆 is named in problems 2, 11, 12 and 14.
	if count["市博物馆"] != 4 || count["市全民健身中心"] != 3 {
		t.Errorf("b.Orgs = %v, want 市博物馆 4 and 市全民健身中心 3", b.Orgs)
	}
	if len(b.Orgs) > 0 && b.Orgs[0].Name != "市博物馆" {
		t.Errorf("b.Orgs not sorted by count: %v", b.Orgs)
	}
}

func TestSeedKeywords(t *testing.T) {
	b := annotatedSeed(t)
	s := segmenter(t)
	check := func(where string, kws []bulletin.Keyword, max int) {
		if len(kws) == 0 || len(kws) > max {
			t.Errorf("%s: %d keywords, want 1..%d", where, len(kws), max)
		}
		for i, k := range kws {
			if s.isStop(k.Term) {
				t.Errorf("%s: stop word %q among keywords", where, k.Term)
			}
			for _, r := range k.Term {
				if !unicode.Is(unicode.Han, r) {
					t.Errorf("%s: keyword %q has a non-Han character %q", where, k.Term, r)
				}
			}
			if strings.ContainsAny(k.Term, "0123456789") || strings.Trim(k.Term, quantityRunes) == "" {
				t.Errorf("%s: keyword %q is a number or quantity", where, k.Term)
			}
			if k.Weight <= 0 || (i > 0 && k.Weight > kws[i-1].Weight) {
				t.Errorf("%s: keyword weights not positive and descending: %v", where, kws)
			}
		}
	}
	check("bulletin", b.Keywords, bulletinKeywords)
	for _, p := range b.Problems {
		check(p.ID, p.Keywords, problemKeywords)
	}
	// The words that carry the problems rank first.
	for _, tt := range []struct {
		problem int
		term    string
	}{{8, "固定资产"}, {11, "三重一大"}, {12, "行业协会"}, {13, "年龄结构"}, {5, "保密教育"}} {
		kws := b.Problems[tt.problem].Keywords
		found := false
		for _, k := range kws[:min(3, len(kws))] {
			found = found || k.Term == tt.term
		}
		if !found {
			t.Errorf("%s: %q not among the first three keywords %v", b.Problems[tt.problem].ID, tt.term, kws)
		}
	}
	// The domain stop list is in force: boilerplate from the brief never ranks.
	for _, w := range []string{"一是", "二是", "针对", "问题", "整改", "进一步", "加强", "情况", "方面", "工作", "开展", "落实", "推进", "坚持", "深入"} {
		if !s.isStop(w) {
			t.Errorf("%q is not a stop word", w)
		}
	}
}

// TestCutMatchesGse checks the cutter against gse's own Cut(text, false) on every run of Han
// characters of the seed and the real excerpts: same dictionary, same route.
func TestCutMatchesGse(t *testing.T) {
	s := segmenter(t)
	texts := []string{readSeed(t)}
	raws, _ := filepath.Glob(filepath.Join(testcorpus.Shared(t, "real", "raw"), "*.txt"))
	for _, f := range raws {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, fold.String(string(data)))
	}
	c := newCutter(s.lex)
	runs := 0
	for _, text := range texts {
		for _, run := range strings.FieldsFunc(text, func(r rune) bool { return !isHan(r) }) {
			want := ref(t).Cut(run, false)
			var got []string
			for _, tk := range c.cut(run) {
				got = append(got, tk.Text)
			}
			if !slices.Equal(got, want) {
				t.Errorf("cut %q:\n got %q\nwant %q", run, got, want)
			}
			runs++
		}
	}
	if runs < 100 {
		t.Errorf("only %d runs compared", runs)
	}
}

// TestCutCoversText checks that tokens are consecutive substrings covering any text.
func TestCutCoversText(t *testing.T) {
	s := segmenter(t)
	c := newCutter(s.lex)
	for _, text := range []string{"", "abc", "２０２３年8月24日至10月23日，市委第一巡察组", "\xff\xfe无效字节", "〇一二", "《关于…》“三重一大”"} {
		checkCover(t, c, text)
	}
}

func checkCover(t testing.TB, c *cutter, text string) {
	var b strings.Builder
	for _, tk := range c.cut(text) {
		if tk.Text == "" {
			t.Fatalf("cut %q: empty token after %q", text, b.String())
		}
		b.WriteString(tk.Text)
	}
	if b.String() != text {
		t.Fatalf("cut %q: tokens join to %q", text, b.String())
	}
}

func TestDomainDictionary(t *testing.T) {
	s := segmenter(t)
	tokens, domain := s.DictSize()
	if domain < 300 {
		t.Errorf("domain dictionary has %d entries, want at least 300", domain)
	}
	if tokens < 300000 {
		t.Errorf("dictionary has %d tokens: gse's dictionary not loaded?", tokens)
	}
	ws, err := parseDomain(domainDict)
	if err != nil {
		t.Fatal(err)
	}
	c := newCutter(s.lex)
	seen := map[string]bool{}
	for _, w := range ws {
		if seen[w.key] {
			t.Errorf("domain word %q listed twice", w.key)
		}
		seen[w.key] = true
		// Each entry is a word: cut alone, it stays whole, with our part of speech.
		toks := c.cut(w.key)
		if len(toks) != 1 || s.lex.posNames[toks[0].pos] != w.pos {
			t.Errorf("domain word %q cuts as %v, want one token tagged %s", w.key, toks, w.pos)
		}
	}
	for _, w := range []string{"三会一课", "一岗双责", "三重一大", "两学一做", "民主生活会", "组织生活会", "巡察整改", "意识形态", "固定资产", "党风廉政", "中央八项规定", "形式主义", "官僚主义", "选人用人", "主体责任", "问题清单"} {
		if !seen[w] {
			t.Errorf("domain dictionary lacks %q", w)
		}
	}
	for _, bad := range []string{"三会一课 3000", "三 3000 n", "三会一课 x n", "三会一课 1 n", "三会一课 30.5 n", "三会a课 3000 n"} {
		if _, err := parseDomain(bad); err == nil {
			t.Errorf("parseDomain(%q) accepted a bad line", bad)
		}
	}
}

// TestThemeWordsAreWords checks that every word of the taxonomy is a word as the cutter cuts
// it: a theme word that never comes out of the cutter could never count.
func TestThemeWordsAreWords(t *testing.T) {
	s := segmenter(t)
	c := newCutter(s.lex)
	names := map[string]bool{}
	for _, th := range Themes {
		if names[th.Name] || th.Name == Other {
			t.Errorf("theme %q listed twice or named like Other", th.Name)
		}
		names[th.Name] = true
		if th.Doc == "" || th.Example == "" || len(th.Words) < 5 {
			t.Errorf("theme %s: undocumented or too few words", th.Name)
		}
		for w, wt := range th.Words {
			if toks := c.cut(w); len(toks) != 1 {
				t.Errorf("theme %s: word %q cuts as %d tokens", th.Name, w, len(toks))
			}
			if wt <= 0 {
				t.Errorf("theme %s: word %q weight %v", th.Name, w, wt)
			}
		}
	}
}

func TestAnnotateOdd(t *testing.T) {
	s := segmenter(t)
	s.Annotate(nil) // no panic
	var nilSeg *Segmenter
	nilSeg.Annotate(&bulletin.Bulletin{})

	b := &bulletin.Bulletin{}
	s.Annotate(b)
	if len(b.Keywords) != 0 || b.Themes != nil || b.Orgs != nil {
		t.Errorf("empty bulletin: %v %v %v", b.Keywords, b.Themes, b.Orgs)
	}
	if b.Keywords == nil {
		t.Errorf("empty bulletin: keywords nil, want [] for JSON")
	}

	// No problems: bulletin keywords come from the body.
	b = &bulletin.Bulletin{Paragraphs: []bulletin.Paragraph{
		{Role: bulletin.RoleHeader, Text: "根据市委统一部署，市委第一巡察组对文广旅局党组进行了巡察。"},
		{Role: bulletin.RoleOther, Text: "严格落实中央八项规定精神，整治形式主义、官僚主义。"},
	}}
	s.Annotate(b)
	if len(b.Keywords) == 0 || !hasTerm(b.Keywords, "形式主义") || hasTerm(b.Keywords, "巡察组") {
		t.Errorf("no-problem bulletin keywords: %v", b.Keywords)
	}

	// A problem with nothing to go on is 其他, with no theme words and an empty org list.
	b = &bulletin.Bulletin{Problems: []bulletin.Problem{{Quote: "１２３，。"}, {Text: "形式主义、官僚主义问题突出"}}}
	s.Annotate(b)
	if p := b.Problems[0]; p.Theme != Other || p.ThemeWords != nil || p.Orgs == nil || len(p.Keywords) != 0 {
		t.Errorf("empty problem: %+v", p)
	}
	if p := b.Problems[1]; p.Theme != "作风建设与八项规定" {
		t.Errorf("problem from Text: theme %q, want 作风建设与八项规定", p.Theme)
	}

	// Traditional characters are folded before cutting.
	b = &bulletin.Bulletin{Problems: []bulletin.Problem{{Quote: "針對固定資產管理不規範問題"}}}
	s.Annotate(b)
	if p := b.Problems[0]; p.Theme != "财务与资产" || !hasTerm(p.Keywords, "固定资产") {
		t.Errorf("traditional text: theme %s %v keywords %v, want 财务与资产 with 固定资产", p.Theme, p.ThemeWords, p.Keywords)
	}
}

func hasTerm(kws []bulletin.Keyword, term string) bool {
	for _, k := range kws {
		if k.Term == term {
			return true
		}
	}
	return false
}

func TestUnitKey(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"文广旅局党组", "文广旅局"},
		{"市文广旅局", "文广旅局"},
		{"中共厦门市体育局党组", "厦门市体育局"},
		{"市", "市"},
		{"", ""},
	} {
		if got := unitKey(tt.in); got != tt.want {
			t.Errorf("unitKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestThemeTable classifies problem statements beyond the seed (from the variant bulletins of the
// project's corpus and the genre) as a reader would.
func TestThemeTable(t *testing.T) {
	s := segmenter(t)
	tests := []struct{ quote, theme string }{
		{"高标准农田建设项目推进缓慢", "决策部署与主责主业"},
		{"农机购置补贴审核把关不严，抽查发现5台农机存在重复申报情况", "财务与资产"},
		{"基层党支部“三会一课”记录不规范", "组织建设与选人用人"},
		{"上轮巡视指出的农村集体“三资”管理不规范问题仍未彻底解决", "财务与资产"},
		{"整改长效机制建设滞后", "制度建设"},
		{"涉企行政审批时限偏长", "决策部署与主责主业"},
		{"食品安全抽检覆盖面不足", "决策部署与主责主业"},
		{"执法案卷管理不规范", "决策部署与主责主业"},
		{"落实“放管服”改革要求不到位，部分政务服务事项仍需群众多次跑腿", "作风建设与八项规定"},
		{"基层“微腐败”问题查处不力", "纪律与廉洁"},
		{"部分社区养老服务设施配套不足", "决策部署与主责主业"},
		{"就业帮扶政策落实不精准", "决策部署与主责主业"},
		{"干部队伍作风不够扎实", "作风建设与八项规定"},
		{"重大水利工程建设管理不规范", "决策部署与主责主业"},
		{"少数领导干部不守政治规矩", "纪律与廉洁"},
		{"落实立德树人根本任务有差距", "决策部署与主责主业"},
		{"科研经费管理使用不规范", "财务与资产"},
		{"意识形态阵地管理有漏洞", "理论学习与意识形态"},
		{"国企改革任务推进不力", "决策部署与主责主业"},
		{"落实中央八项规定精神不到位", "作风建设与八项规定"},
		{"选人用人把关不严", "组织建设与选人用人"},
		{"執行『三重一大』制度不嚴格，個別大額資金支出未經集體研究", "财务与资产"},
		{"违规发放津补贴，公务接待超标准", "作风建设与八项规定"},
		{"形式主义、官僚主义问题仍然存在", "作风建设与八项规定"},
		{"涉密计算机违规连接互联网", "理论学习与意识形态"},
		{"今天天气很好", Other},
	}
	for _, tt := range tests {
		b := &bulletin.Bulletin{Problems: []bulletin.Problem{{Quote: tt.quote}}}
		s.Annotate(b)
		if p := b.Problems[0]; p.Theme != tt.theme {
			t.Errorf("%q: theme %s %v, want %s", tt.quote, p.Theme, p.ThemeWords, tt.theme)
		}
	}
}

// TestIsHan checks isHan's shortcuts against the Unicode table for every rune.
func TestIsHan(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("isHan(%U) = %v, unicode.Han says otherwise", r, isHan(r))
		}
	}
}

// TestCutFoldedMatchesCut checks cutFolded(s), which folds as it cuts, against cut(fold.String(s))
// over every line of the corpora (files in other encodings give invalid bytes) and a few odd
// texts: the same tokens.
func TestCutFoldedMatchesCut(t *testing.T) {
	s := segmenter(t)
	lines := testcorpus.Lines(t, "corpus/*", "testdata/*/*.txt", "testdata/*/*.html")
	lines = append(lines, "", "\xff\xfe無效字節", "１２３ＡＢ，：（）％", "「針對」『問題』〝〞", "ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ巡視組", "\u3000\uFFFD\xef\xbf")
	c, ref := newCutter(s.lex), newCutter(s.lex)
	for _, l := range lines {
		checkCutFolded(t, c, ref, l)
	}
}

func checkCutFolded(t testing.TB, c, ref *cutter, s string) {
	got, want := c.cutFolded(s), ref.cut(fold.String(s))
	if len(got) != len(want) {
		t.Fatalf("%q: %d tokens, want %d", s, len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%q: token %d %+v, want %+v", s, i, got[i], want[i])
		}
	}
}

// TestFoldRune checks the folding of one rune that cutFolded does against fold.String, for every
// rune of the Basic Multilingual Plane (fold.Rune leaves every other as it is).
func TestFoldRune(t *testing.T) {
	for r := rune(0); r < 1<<16; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if got, want := string(fold.Rune(r)), fold.String(string(r)); got != want {
			t.Fatalf("%U: fold.Rune %q, fold.String %q", r, got, want)
		}
		if got, want := foldBits[r>>6]&(1<<(r&63)) != 0, fold.Rune(r) != r; got != want {
			t.Fatalf("%U: in foldBits %v, folds %v", r, got, want)
		}
		if r < utf8.RuneSelf && runeText(r) != string(r) {
			t.Fatalf("%U: runeText %q", r, runeText(r))
		}
	}
	for _, r := range []rune{0x10000, 0x20000, 0x2A6D6, 0x10FFFF} {
		if fold.Rune(r) != r || fold.String(string(r)) != string(r) {
			t.Fatalf("%U folds", r)
		}
	}
}
