package header

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/quantity"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

// corpusLines returns every line of the corpora (the texts of corpus/ and testdata/, the shared
// real corpus where present), as written and folded.
func corpusLines(t *testing.T) []string {
	t.Helper()
	var lines []string
	for _, l := range testcorpus.Lines(t, "corpus/*.txt", "testdata/*/*.txt") {
		lines = append(lines, l, fold.String(l))
	}
	return lines
}

// checkOnCorpus runs check on each of cases, then on every line of the corpora (corpusLines).
func checkOnCorpus(t *testing.T, cases []string, check func(*testing.T, string)) {
	t.Helper()
	for _, s := range append(cases, corpusLines(t)...) {
		check(t, s)
	}
}

// TestGuardsExact checks every literal guard placed before a pattern: on every line of the
// corpora, and on examples of each pattern, the guard never refuses a text the pattern matches.
// It also asks that each pattern matches somewhere and that each guard refuses some lines, so
// that neither side of the check is empty.
func TestGuardsExact(t *testing.T) {
	lines := corpusLines(t)
	for _, g := range []struct {
		name     string
		re       *regexp.Regexp
		may      func(string) bool
		examples []string
	}{
		{"asOf", asOf, mayAsOf, []string{"截至2024年2月22日", "截止到 3月", "截至到目前"}},
		{"addressRE", addressRE, mayAddress, []string{"通信地址：某市某路1号", "邮政信箱 123号", "来信请寄某市纪委", "来信寄至", "信件请寄：某处", "地址:某路"}},
		{"postcodeRE", postcodeRE, mayPostcode, []string{"邮编：130400", "邮政编码 130400", "邮政编碼:130400"}},
		{"emailRE", emailRE, mayEmail, []string{"电子邮箱：jw@example.gov.cn"}},
		{"countRE", countRE, mayCount, []string{"反馈的14个具体问题", "1,126个问题", "12 余 个", "3\t项", "十多 条", "两个方面", "五场次", "千人次", "9笔", "零个"}},
		{"rateRE", rateRE, mayRate, []string{"整改完成率98%", "完成率达 100 %"}},
		{"rateTenths", rateTenths, mayRateTenths, []string{"问题整改率已达九成以上"}},
		{"rateCN", rateCN, mayRateCN, []string{"整改完成率达百分之九十四点四", "完成率为百分之百"}},
		{"rateShare", rateShare, mayRateShare, []string{"已完成55条，占比88.7%", "占总数的 90%"}},
		{"roundRE", roundRE, mayRound, []string{"十二届市委第二轮", "十一届市委第八轮第二批", "县委第五轮", "市委第三輪"}},
		{"summaryRE", summaryRE, maySummary, []string{"对12个单位党组织进行了巡察", "对枫林区、临港区等8个地区和单位党组织开展了巡视", "巡视整改情况综述", "汇总", "等 三 家单位"}},
		{"inspectorRE", inspectorRE, mayName, []string{"市委第一巡察组", "中央第十五巡视组", "市委第二轮巡察第一组"}},
	} {
		matched, refused := 0, 0
		for _, l := range append(g.examples, lines...) {
			ok := g.may(l)
			if !ok {
				refused++
			}
			if g.re.MatchString(l) {
				matched++
				if !ok {
					t.Errorf("%s: the guard refuses %q, which the pattern matches", g.name, l)
				}
			}
		}
		if matched < len(g.examples) || refused == 0 {
			t.Errorf("%s: %d texts matched, %d refused: the check shows nothing", g.name, matched, refused)
		}
	}
}

// TestMayCountSpaces checks the look-back of mayCount: ASCII spaces (the pattern's \s) and one
// 余 or 多 between the number and the counter are skipped, other text is not.
func TestMayCountSpaces(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"12个", true}, {"12 \t个", true}, {"12余个", true}, {"12 多 项", true}, {"三条", true},
		{"个人", false}, {"12余多个", false}, {"12年个", false}, {"12\u3000个", false}, {"多个", false}, {"", false},
	} {
		if got := mayCount(tt.s); got != tt.want {
			t.Errorf("mayCount(%q) = %v, want %v", tt.s, got, tt.want)
		}
		if countRE.MatchString(tt.s) != tt.want {
			t.Errorf("countRE.MatchString(%q) = %v, want %v (the case is no test of the guard)", tt.s, !tt.want, tt.want)
		}
	}
}

func FuzzMayCount(f *testing.F) {
	f.Add("反馈的1,126个问题，已完成整改12 余 个")
	f.Add("两个方面")
	f.Fuzz(func(t *testing.T, s string) {
		if countRE.MatchString(s) && !mayCount(s) {
			t.Fatalf("mayCount refuses %q, which countRE matches", s)
		}
	})
}

func FuzzMayAddress(f *testing.F) {
	f.Add("来信请寄：某市纪委，邮编：130400，地址")
	f.Fuzz(func(t *testing.T, s string) {
		if addressRE.MatchString(s) && !mayAddress(s) {
			t.Fatalf("mayAddress refuses %q, which addressRE matches", s)
		}
		if postcodeRE.MatchString(s) && !mayPostcode(s) {
			t.Fatalf("mayPostcode refuses %q, which postcodeRE matches", s)
		}
		if asOf.MatchString(s) && !mayAsOf(s) {
			t.Fatalf("mayAsOf refuses %q, which asOf matches", s)
		}
	})
}

// walkText is the text walk(false) gives, the reference for foldView.
func walkText(s string) string {
	v := &textView{orig: s}
	v.walk(false)
	return v.text
}

// TestFoldView checks that foldView gives the text walk gives, on glosses, invalid bytes and
// every line of the corpora.
func TestFoldView(t *testing.T) {
	lines := append([]string{
		"", "根據(jù)市委統(tǒng)一部署", "集團(tuán))", "(一)", "市(扩大)", "字(a)", "字（ā）尾", "字(abcdefgh)",
		"字(ā", "\xff根(jù)\xe5", "（全角），：", "“引号”「」", "\u3000\u00A0x\uFEFF", "巡視組針對問題",
	}, corpusLines(t)...)
	changed := 0
	for _, l := range lines {
		got, want := foldView(l), walkText(l)
		if got != want {
			t.Fatalf("foldView(%q) = %q, walk gives %q", l, got, want)
		}
		if got != l {
			changed++
		}
	}
	if changed < 100 {
		t.Errorf("only %d lines changed by folding: the check shows little", changed)
	}
}

// TestSlowRunes checks slowRunes, built from fold's set of changed runes, against what foldView
// needs, rune by rune: a rune folding changes or writes as U+FFFD, and （.
func TestSlowRunes(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		f := fold.Rune(r)
		if got, want := slowInView(r), f != r || utf8.RuneLen(f) < 0 || r == '（'; got != want {
			t.Fatalf("slowInView(%U) = %v, want %v", r, got, want)
		}
	}
}

func FuzzFoldView(f *testing.F) {
	f.Add("根據(jù)市委統(tǒng)一部署，巡視組（ā）")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := foldView(s), walkText(s); got != want {
			t.Fatalf("foldView(%q) = %q, walk gives %q", s, got, want)
		}
	})
}

// cueSets are the cue sets with the lists they are built from.
var cueSets = []struct {
	name  string
	set   *cueSet
	lists [][]string
}{
	{"contactCues", contactCueSet, [][]string{contactCues}},
	{"findingsCues", findingsCueSet, [][]string{findingsCues}},
	{"doneCues+allDoneCues", progressCueSet, [][]string{doneCues, allDoneCues}},
	{"problemCues", problemCueSet, [][]string{problemCues}},
	{"doneCues", doneCueSet, [][]string{doneCues}},
	{"progressCues", inProgressCueSet, [][]string{progressCues}},
	{"totalCues", totalCueSet, [][]string{totalCues}},
	{"auditTotalCues", auditTotalCueSet, [][]string{auditTotalCues}},
}

func checkCueSets(t *testing.T, s string) (found int) {
	t.Helper()
	for _, c := range cueSets {
		want := false
		for _, ws := range c.lists {
			want = want || containsAny(s, ws)
		}
		if got := c.set.in(s); got != want {
			t.Fatalf("%s: in(%q) = %v, containsAny %v", c.name, s, got, want)
		}
		if want {
			found++
		}
	}
	return found
}

// TestCueSets checks that each cue set finds a cue where containsAny does, on every line of the
// corpora (as written and folded) and on every cue alone and cut short.
func TestCueSets(t *testing.T) {
	lines := corpusLines(t)
	for _, c := range cueSets {
		for _, ws := range c.lists {
			for _, w := range ws {
				lines = append(lines, w, "前"+w+"后", w[:len(w)-1], "\xe5"+w, w[1:])
			}
		}
	}
	found := 0
	for _, l := range lines {
		found += checkCueSets(t, l)
	}
	if found < 100 {
		t.Errorf("only %d cues found: the check shows little", found)
	}
}

func FuzzCueSets(f *testing.F) {
	f.Add("联系电话：0431-83622863；巡察反馈的12个问题已全部完成整改")
	f.Fuzz(func(t *testing.T, s string) { checkCueSets(t, s) })
}

// countRE is the pattern of a count, which countsIn reads by hand.
var countRE = regexp.MustCompile(`(\d{1,3}(?:,\d{3})+|\d+|[零〇一二两三四五六七八九十百千]+)\s*(余|多)?\s*(个方面|方面|场次|人次|个|项|条|家|次|场|件|份|批|名|人|笔)`)

// checkCountMatches compares countMatches and countsIn with the pattern's search of s.
func checkCountMatches(t *testing.T, s string) int {
	t.Helper()
	got, want := spanIndices(countMatches(s)), countRE.FindAllStringSubmatchIndex(s, -1)
	if !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
		t.Fatalf("countMatches(%q) = %v, the whole search %v", s, got, want)
	}
	if in := spanIndices(countsIn(s)); !reflect.DeepEqual(in, want) && (len(in) > 0 || len(want) > 0) {
		t.Fatalf("countsIn(%q) = %v, the pattern %v", s, in, want)
	}
	return len(want)
}

// spanIndices gives counts as the regexp gives its submatch indices.
func spanIndices(ms []countSpan) [][]int {
	var out [][]int
	for _, m := range ms {
		out = append(out, m[:])
	}
	return out
}

// TestCountMatches checks that searching only the runs around counter words finds every count
// the whole search finds, with the same groups, on every line of the corpora and on examples.
func TestCountMatches(t *testing.T) {
	for r := rune(0x4000); r <= 0x9FFF; r++ { // the lead bytes E4-E9 that appendCountMatches steps over
		if isCounterFirst(r) && !counterLast[0x80|r&0x3F] {
			t.Fatalf("counterLast lacks the last byte of %q", r)
		}
	}
	lines := append([]string{
		"反馈的1,126个问题，已完成整改12 余 个", "两个方面", "五场次、千人次", "第3次", "1,2,3个", "12\t多\n项",
		"个人", "十多个多个", "\xe4十个\xff3项", "三个方面问题共28项整改措施，已完成26项，剩余2项正在推进",
	}, corpusLines(t)...)
	found := 0
	for _, l := range lines {
		found += checkCountMatches(t, l)
	}
	if found < 1000 {
		t.Errorf("only %d counts found: the check shows little", found)
	}
}

func FuzzCountMatches(f *testing.F) {
	f.Add("制定的28项整改措施，已完成落实28项；反馈的1,126个具体问题，12 余 个")
	f.Fuzz(func(t *testing.T, s string) { checkCountMatches(t, s) })
}

// scanDatesWhole is scanDates without its guard, mayMonth, and with the byte offsets of every
// rune listed first (as it was written before the cursor).
func scanDatesWhole(s string) []dateAt {
	ms := quantity.DateMentions(s)
	byteAt := make([]int, 0, len(s)+1)
	for i := range s {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(s))
	var out []dateAt
	for _, m := range ms {
		if m.Garbled || m.Month == 0 || m.Precision < quantity.PrecMonth {
			continue
		}
		if !m.YearWritten && m.Day == 0 && !m.RangeEnd && !sameYearBefore(s[:byteAt[m.Start]]) {
			continue
		}
		d := dateAt{s: byteAt[m.Start], e: byteAt[m.Stop], m: m.Month, d: m.Day,
			rangeEnd: m.RangeEnd, endM: m.EndMonth, endD: m.EndDay}
		if m.YearWritten {
			d.y, d.year = m.Year, true
		}
		if m.RangeEnd && len(out) == 0 {
			continue
		}
		out = append(out, d)
	}
	return out
}

func checkScanDates(t *testing.T, s string) int {
	t.Helper()
	got, want := scanDates(s), scanDatesWhole(s)
	if len(got) != len(want) || len(want) > 0 && !reflect.DeepEqual(got, want) {
		t.Fatalf("scanDates(%q) = %v, without the guard %v", s, got, want)
	}
	return len(want)
}

// TestScanDatesGuard checks that scanDates, guarded by mayMonth and with its rune cursor, reads
// every line of the corpora (and examples of each form with a month) as the whole reading does.
func TestScanDatesGuard(t *testing.T) {
	lines := append([]string{
		"2023年8月24日至10月23日", "2024-03-05", "2022.08.16至9.30", "2022/8/16", "2022年1-6月", "十二月一日",
		"同年8月反馈", "2019年4月12-19日", "8月24日至26日", "2023.3.1-4.30", "二〇二三年十二月", "2023年第一季度",
	}, corpusLines(t)...)
	found := 0
	for _, l := range lines {
		found += checkScanDates(t, l)
	}
	if found < 500 {
		t.Errorf("only %d dates found: the check shows little", found)
	}
}

func FuzzScanDates(f *testing.F) {
	f.Add("2023年8月24日至10月23日，于2023.12.1反馈；同年8月")
	f.Fuzz(func(t *testing.T, s string) { checkScanDates(t, s) })
}

func checkAddressMatches(t *testing.T, s string) int {
	t.Helper()
	got, want := addressMatches(s), addressRE.FindAllStringIndex(s, -1)
	if len(got) != len(want) || len(want) > 0 && !reflect.DeepEqual(got, want) {
		t.Fatalf("addressMatches(%q) = %v, the whole search %v", s, got, want)
	}
	return len(want)
}

// TestAddressMatches checks that searching only the runs of label characters finds every
// address label the whole search finds, on every line of the corpora and on each label.
func TestAddressMatches(t *testing.T) {
	lines := append([]string{
		"通信地址：某市某路1号；邮政信箱 123号", "来信请寄某市纪委，来信寄至：某处", "信件请寄：某处 地址:某路",
		"联系地址\t：\n某路", "办公地址 信访地址：某路", "地址地址：", "邮寄地址：：", "\xe5地址：\xff",
	}, corpusLines(t)...)
	found := 0
	for _, l := range lines {
		found += checkAddressMatches(t, l)
	}
	if found < 20 {
		t.Errorf("only %d address labels found: the check shows little", found)
	}
}

func FuzzAddressMatches(f *testing.F) {
	f.Add("通信地址：某市某路1号；邮政信箱 123号；来信请寄")
	f.Fuzz(func(t *testing.T, s string) { checkAddressMatches(t, s) })
}

// checkCutOffsets compares offsets(i, j), walked from the start, with the maps walk(true)
// builds, and cuts of one view in the order given (the first pair of ijs, then the next…) with
// the cuts of the maps.
func checkCutOffsets(t *testing.T, s string, ijs ...int) {
	t.Helper()
	v := newHdrView(s)
	m := &textView{orig: s, text: v.text}
	m.walk(true)
	for k := 0; k+1 < len(ijs); k += 2 {
		i, j := ijs[k], ijs[k+1]
		if i < 0 || i >= j || j > len(v.text) {
			continue
		}
		a, b, _ := (&textView{orig: s, text: v.text}).offsets(viewAt{}, i, j)
		if a != m.start[i] || b != m.end[j] {
			t.Fatalf("%q: offsets(%d, %d) = %d %d, the maps give %d %d", s, i, j, a, b, m.start[i], m.end[j])
		}
		if got, want := v.cut(i, j), s[m.start[i]:m.end[j]]; got != want {
			t.Fatalf("%q: cut %d of (%d, %d) = %q, the maps give %q", s, k/2, i, j, got, want)
		}
	}
}

// TestCutOffsets checks the walk of a first cut against the maps: every pair of offsets of
// examples with glosses, folded and invalid characters, and pairs spread over every line of the
// corpora.
func TestCutOffsets(t *testing.T) {
	for _, s := range []string{"根據(jù)市委統(tǒng)一部署", "集團(tuán))（ā）", "（全角），：\xff“引号”", "字(a)\u3000x", "巡視組(zǔ)"} {
		n := len(newHdrView(s).text)
		var all []int // every pair, in order, through one view
		for i := 0; i < n; i++ {
			for j := i + 1; j <= n; j++ {
				checkCutOffsets(t, s, i, j)
				all = append(all, i, j)
			}
		}
		checkCutOffsets(t, s, all...)
	}
	for k, l := range corpusLines(t) {
		n := len(newHdrView(l).text)
		if n == 0 {
			continue
		}
		i := k * 7919 % n
		for _, j := range []int{n, i + 1, (i + n + 1) / 2} {
			checkCutOffsets(t, l, i, j)
			checkCutOffsets(t, l, 0, j)
		}
		checkCutOffsets(t, l, i/2, i+1, i, n, (i+n)/2, n, 0, i+1) // on, on, on, back
		checkCutOffsets(t, l, i, i+1, i, i+1, i, i+1, i, i+1, i, i+1, i, i+1)
	}
}

func FuzzCutOffsets(f *testing.F) {
	f.Add("根據(jù)市委統(tǒng)一部署，（全角）", 3, 20, 5, 30, 4, 9)
	f.Fuzz(func(t *testing.T, s string, i, j, i2, j2, i3, j3 int) { checkCutOffsets(t, s, i, j, i2, j2, i3, j3) })
}

// literalGuards are the patterns tried only where the text holds given words.
var literalGuards = []struct {
	name string
	re   *regexp.Regexp
	lits []string
}{
	{"unitPatterns[0]", unitPatterns[0].re, unitPatterns[0].lits},
	{"unitPatterns[1]", unitPatterns[1].re, unitPatterns[1].lits},
	{"unitPatterns[2]", unitPatterns[2].re, unitPatterns[2].lits},
	{"unitPatterns[3]", unitPatterns[3].re, unitPatterns[3].lits},
	{"unitPatterns[4]", unitPatterns[4].re, unitPatterns[4].lits},
	{"placeRE", placeRE, []string{"人大常委会"}},
	{"auditUnit", auditUnit, []string{"预算执行"}},
}

func checkLiteralGuards(t *testing.T, s string) (matched int) {
	t.Helper()
	for _, g := range literalGuards {
		if g.re.MatchString(s) {
			matched++
			if !hasAll(s, g.lits) {
				t.Fatalf("%s matches %q, which lacks one of %q", g.name, s, g.lits)
			}
		}
	}
	return matched
}

// TestLiteralGuards checks that every match of a pattern tried only where its words are holds
// them, on each unit pattern's examples, audit sentences and every line of the corpora.
func TestLiteralGuards(t *testing.T) {
	lines := []string{"在慈溪市十七届人大常委会第十次会议上", "2021年度宁波市本级预算执行和其他财政收支"}
	for _, p := range unitPatterns {
		for _, ex := range pieces(p.example) {
			if k := strings.Index(ex, "组"); k >= 0 {
				lines = append(lines, ex[k+len("组"):])
			}
			lines = append(lines, ex)
		}
	}
	matched := 0
	for _, l := range append(lines, corpusLines(t)...) {
		matched += checkLiteralGuards(t, l)
	}
	if matched < len(lines) {
		t.Errorf("only %d matches: the check shows little", matched)
	}
}

func FuzzLiteralGuards(f *testing.F) {
	f.Add("市委第一巡察组对文广旅局党组进行了巡察，并向其反馈；在慈溪市十七届人大常委会")
	f.Fuzz(func(t *testing.T, s string) { checkLiteralGuards(t, s) })
}

// factLabelREs are the patterns labelMatches reads by hand, as they were written, in the order
// of factLabels.
var factLabelREs = []*regexp.Regexp{
	regexp.MustCompile(`(?:被巡察单位|被巡察党组织|被巡视单位|被巡视党组织|巡察对象|巡视对象|被巡察对象)\s*[:：]\s*`),
	regexp.MustCompile(`(?:巡察组别|巡视组别|巡察组|巡视组|巡察单位)\s*[:：]\s*`),
	regexp.MustCompile(`(?:巡察时间|巡视时间|进驻时间|巡察期间|巡视期间)\s*[:：]\s*`),
	regexp.MustCompile(`(?:反馈时间|反馈日期|意见反馈时间)\s*[:：]\s*`),
}

// checkLabelMatches fails where labelMatches and the regexps disagree on s.
func checkLabelMatches(t *testing.T, s string) {
	t.Helper()
	for k, l := range factLabels {
		for _, n := range []int{-1, 1, 5} {
			want := factLabelREs[k].FindAllStringIndex(s, n)
			got := labelMatches(s, l.words, n)
			same := len(got) == len(want)
			for i := 0; same && i < len(got); i++ {
				same = got[i][0] == want[i][0] && got[i][1] == want[i][1]
			}
			if !same {
				t.Fatalf("labelMatches(%q, %s, %d) = %v, the regexp %v", s, l.fact, n, got, want)
			}
		}
	}
}

// TestLabelMatches checks labelMatches against the label regexps on every line of the corpora
// and on the edges of the scan.
func TestLabelMatches(t *testing.T) {
	for k, l := range factLabels {
		if want := "(?:" + strings.Join(l.words, "|") + `)\s*[:：]\s*`; factLabelREs[k].String() != want {
			t.Fatalf("factLabelREs[%d] = %s, words give %s", k, factLabelREs[k], want)
		}
	}
	checkOnCorpus(t, []string{
		"巡察组：市委第一巡察组；巡察对象：市档案局党组；巡察时间：2022年3月1日至4月30日；反馈时间：2022年6月10日",
		"被巡察单位 : \t县局", "巡察组:巡察组：", "巡察组：：巡察组 ：", "意见反馈时间：", "巡察组别\f:\r\n x", "巡察组\v:",
		"被巡察对象：", "巡察组", "：巡察组", "巡察组：\xef\xbc", "\xe5巡察组：", "巡察组\xef\xbc\x9a", "",
	}, checkLabelMatches)
}

func FuzzLabelMatches(f *testing.F) {
	for _, s := range []string{"巡察组：市委第一巡察组；巡察对象：市档案局党组", "被巡察单位 : \t县局", "巡察组:巡察组："} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkLabelMatches(t, s) })
}

// rateRE is the unanchored search rateIndex makes by hand: rateAt without its ^.
var rateRE = regexp.MustCompile(strings.TrimPrefix(rateAt.String(), "^"))

// rateTenths and rateCN are the unanchored searches labelledIndex makes by hand.
var (
	rateTenths = regexp.MustCompile(strings.TrimPrefix(rateTenthsAt.String(), "^"))
	rateCN     = regexp.MustCompile(strings.TrimPrefix(rateCNAt.String(), "^"))
)

// checkRateIndex fails where rateIndex and rateRE's search disagree on s, or labelledIndex and
// the searches of rateTenths and rateCN.
func checkRateIndex(t *testing.T, s string) {
	t.Helper()
	if got, want := rateIndex(s), rateRE.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
		t.Fatalf("rateIndex(%q) = %v, the search %v", s, got, want)
	}
	for _, p := range [][2]*regexp.Regexp{{rateTenthsAt, rateTenths}, {rateCNAt, rateCN}} {
		if got, want := labelledIndex(s, p[0]), p[1].FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Fatalf("labelledIndex(%q, %s) = %v, the search %v", s, p[0], got, want)
		}
	}
}

// TestRateIndex checks rateIndex against the unanchored search on every line of the corpora
// and on labels that do not match before one that does.
func TestRateIndex(t *testing.T) {
	for _, at := range []*regexp.Regexp{rateAt, rateTenthsAt, rateCNAt} {
		if !strings.HasPrefix(at.String(), "^(?:完成率|整改率|办结率|销号率)") {
			t.Fatalf("%s does not open with rateLabels", at)
		}
	}
	checkOnCorpus(t, []string{"整改完成率98%", "完成率达 100 %", "完成率为，整改率达到 9.5 %", "率完成率1%", "成率1%", "办结率%销号率已达到7%",
		"整改率\xff1%", "\x8e\x87完成率2%", "完成率", "", "问题整改率已达九成以上", "率成完成率九成", "整改完成率达百分之九十四点四", "完成率为，完成率为百分之百"}, checkRateIndex)
}

func FuzzRateIndex(f *testing.F) {
	f.Add("整改完成率98%，办结率达 100 %")
	f.Fuzz(func(t *testing.T, s string) { checkRateIndex(t, s) })
}

// sentenceSpansRunes is sentenceSpans as it was written, rune by rune: the reference.
func sentenceSpansRunes(s string) [][2]int {
	var out [][2]int
	from := 0
	for i, r := range s {
		switch r {
		case '。', '！', '？', '；', '!', '?', ';':
			end := i + utf8.RuneLen(r)
			out = append(out, [2]int{from, end})
			from = end
		}
	}
	if from < len(s) {
		out = append(out, [2]int{from, len(s)})
	}
	return out
}

// checkSentenceSpans fails where sentenceSpans and the rune-by-rune reading disagree on s.
func checkSentenceSpans(t *testing.T, s string) {
	t.Helper()
	want := sentenceSpansRunes(s)
	a := &spanArena{buf: make([][2]int, 3, 4)}
	for _, a := range []*spanArena{nil, a, a} {
		if got := sentenceSpans(s, a); !slices.Equal(got, want) || a != nil && len(got) != cap(got) {
			t.Fatalf("sentenceSpans(%q) = %v (room %d), rune by rune %v", s, got, cap(got), want)
		}
	}
}

// TestSentenceSpans checks sentenceSpans against the rune-by-rune reading on every line of the
// corpora and on ends cut short or inside invalid text.
func TestSentenceSpans(t *testing.T) {
	checkOnCorpus(t, []string{"", "。", "a。b！c？d；e!f?g;h", "无句末", "。。", "\xe3\x80", "\xef\xbc", "\xe3\x80\x82\xef\xbc\x9b",
		"\xe4\xe3\x80\x82x", "\x80\xe3\x80\x82", "\xef\xbc\x9a", "末。"}, checkSentenceSpans)
}

func FuzzSentenceSpans(f *testing.F) {
	f.Add("根据部署。市委第一巡察组；反馈！\xe3\x80")
	f.Fuzz(func(t *testing.T, s string) { checkSentenceSpans(t, s) })
}

// inQuotesRunes is inQuotes as it was written, rune by rune: the reference (its writes past the
// end, which an invalid last byte gave, left out).
func inQuotesRunes(s string) []bool {
	in := make([]bool, len(s)+1)
	depth := 0
	for i, r := range s {
		switch r {
		case '“', '‘':
			depth++
		case '”', '’':
			if depth > 0 {
				depth--
			}
		}
		for k := 0; k < utf8.RuneLen(r) && i+k < len(in); k++ {
			in[i+k] = depth > 0
		}
	}
	return in
}

// checkInQuotes fails where inQuotes and the rune-by-rune reading disagree on s, with a buffer
// new or left dirty by a longer text.
func checkInQuotes(t *testing.T, s string) {
	t.Helper()
	want := inQuotesRunes(s)
	dirty := make([]bool, 2*len(s)+8)
	for i := range dirty {
		dirty[i] = true
	}
	n := len(want)
	if !utf8.ValidString(s) {
		n-- // the reference writes an invalid last rune's state past the end; a view's text is valid
	}
	for _, dst := range [][]bool{nil, dirty} {
		if got := inQuotes(dst, s); len(got) != len(want) || !slices.Equal(got[:n], want[:n]) {
			t.Fatalf("inQuotes(%q) = %v, rune by rune %v", s, got, want)
		}
	}
}

// TestInQuotes checks inQuotes against the rune-by-rune reading on every line of the corpora
// and on quotes cut short, unbalanced or next to invalid bytes.
func TestInQuotes(t *testing.T) {
	checkOnCorpus(t, []string{"", "“问题清单”", "‘a’“b”", "”“", "“““”", "“\xe2\x80", "\xe2\x80\x9cx", "\xe2“x”\xff", "—“—”—", "\xe2\x80A“", "“„‟”", "“‚‛’", "\xe2\x80\xe2\x80‘"}, checkInQuotes)
}

func FuzzInQuotes(f *testing.F) {
	f.Add("反馈的“问题清单”中‘一’项\xe2\x80")
	f.Fuzz(func(t *testing.T, s string) { checkInQuotes(t, s) })
}

// asOf is the as-of cue pattern asOfAt reads by hand.
var asOf = regexp.MustCompile(`(?:截至|截止|截止到|截至到)\s*`)

// checkAsOfAt fails where asOfAt, called as findAsOf calls it, and asOf's search disagree on s.
func checkAsOfAt(t *testing.T, s string) {
	t.Helper()
	want := asOf.FindAllStringIndex(s, -1)
	var got [][]int
	for at := 0; ; {
		i, j := asOfAt(s, at)
		if i < 0 {
			break
		}
		got = append(got, []int{i, j})
		at = j
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("asOfAt(%q) gives %v, the search %v", s, got, want)
	}
}

// TestAsOfAt checks asOfAt against the pattern on every line of the corpora and on cues with
// spaces, cut short or repeated.
func TestAsOfAt(t *testing.T) {
	checkOnCorpus(t, []string{"", "截至2024年2月22日", "截止到 3月", "截至到目前", "截至 \t截止", "截", "截\xe8\x87", "截截至", "截至\xe8截止"}, checkAsOfAt)
}

func FuzzAsOfAt(f *testing.F) {
	f.Add("截至2024年2月22日，截止 到目前")
	f.Fuzz(func(t *testing.T, s string) { checkAsOfAt(t, s) })
}

// titleLikeRE is the pattern titleLike reads by hand.
var titleLikeRE = regexp.MustCompile(`(?:巡察|巡视|整改|审计).*(?:通报|报告|公开|公告|情况)$`)

func checkTitleLike(t *testing.T, s string) {
	t.Helper()
	if got, want := titleLike(s), titleLikeRE.MatchString(s); got != want {
		t.Fatalf("titleLike(%q) = %v, the pattern %v", s, got, want)
	}
}

// TestTitleLike checks titleLike against the pattern on every line of the corpora and on words
// that overlap, lines that break and words in the wrong order.
func TestTitleLike(t *testing.T) {
	if want := "(?:" + strings.Join(titleTopics, "|") + ").*(?:" + strings.Join(titleKinds, "|") + ")$"; titleLikeRE.String() != want {
		t.Fatalf("titleLikeRE = %s, the words give %s", titleLikeRE, want)
	}
	checkOnCorpus(t, []string{"", "关于巡察整改情况的通报", "巡察情况", "整改\n的通报", "巡察\n整改通报", "情况巡察", "整改情况\n", "审计报告",
		"巡察\xff通报", "巡\n察通报", "整改况", "通报巡视通报"}, checkTitleLike)
}

func FuzzTitleLike(f *testing.F) {
	f.Add("关于市委第一巡察组反馈意见整改情况的通报")
	f.Fuzz(func(t *testing.T, s string) { checkTitleLike(t, s) })
}

// checkUnitFind fails where unitFind and the whole unit pattern disagree on s.
func checkUnitFind(t *testing.T, s string) (matched int) {
	t.Helper()
	for k, p := range unitPatterns {
		want := p.re.FindStringSubmatchIndex(s)
		if got := unitFind(k, s, true); !slices.Equal(got, want) {
			t.Fatalf("unitFind(%d, %q) = %v, the pattern %v", k, s, got, want)
		}
		if got := unitFind(k, s, false) != nil; got != (want != nil) {
			t.Fatalf("unitFind(%d, %q) matches: %v, the pattern %v", k, s, got, want != nil)
		}
		if want != nil {
			matched++
		}
	}
	return matched
}

// TestUnitFind checks unitFind against the whole unit patterns on each pattern's examples, on
// every line of the corpora and on the text after each 组 in them (where findFacts tries them).
func TestUnitFind(t *testing.T) {
	for k, r := range unitRests {
		if (r != nil) != strings.HasPrefix(unitPatterns[k].re.String(), unitLead) || r != nil && (r.re == nil) == (r.tail == nil) || r != nil && r.re != nil && !strings.HasPrefix(r.re.String(), "^"+r.word) {
			t.Fatalf("unitRests[%d] = %+v for %s", k, r, unitPatterns[k].re)
		}
	}
	for _, k := range []int{0, 2, 3} {
		if r := unitRests[k]; r == nil || r.tail == nil || r.most != 120 {
			t.Fatalf("unitRests[%d] = %+v: no lazy unit read", k, r)
		}
	}
	lines := []string{"对。对市局开展了巡察", "对;对市局开展了巡察", "对市局(简称市局)进行了巡察", "对\n市局进行了巡察", "对\xff进行了巡察",
		"向市局反馈", "进驻市局开展为期一个月的常规巡察", "对" + strings.Repeat("局", 119) + "进行巡察", "对" + strings.Repeat("局", 120) + "进行巡察", "向对市局进行了巡察", "对对对市局进行巡察", "对市局\n进行了巡察", "\xff对市局进行了巡视。",
		"召开巡视反馈会后，市局党组针对"}
	for _, p := range unitPatterns {
		lines = append(lines, pieces(p.example)...)
	}
	for _, l := range corpusLines(t) {
		lines = append(lines, l)
		for i := 0; ; {
			k := strings.Index(l[i:], "组")
			if k < 0 {
				break
			}
			i += k + len("组")
			lines = append(lines, l[i:])
		}
	}
	matched := 0
	for _, l := range lines {
		matched += checkUnitFind(t, l)
	}
	t.Logf("%d texts, %d matches", len(lines), matched)
	if matched < 100 {
		t.Errorf("only %d matches: the check shows little", matched)
	}
}

func FuzzUnitFind(f *testing.F) {
	f.Add("市委第一巡察组对文广旅局党组进行了巡察，并向其反馈；召开巡视反馈会后，市局党组针对")
	f.Fuzz(func(t *testing.T, s string) { checkUnitFind(t, s) })
}

// allDoneLaterFields is allDoneLater as it was written, its clauses cut by strings.FieldsFunc:
// the reference.
func allDoneLaterFields(after string, kind totalKind) bool {
	clauses := strings.FieldsFunc(after, func(r rune) bool { return strings.ContainsRune(",，;；", r) })
	for _, cl := range clauses {
		if containsAny(cl, otherKindNouns[kind]) {
			return false
		}
		if allDoneNext(cl) && !strings.ContainsAny(cl, "0123456789") {
			return true
		}
	}
	return false
}

func checkAllDoneLater(t *testing.T, s string) {
	t.Helper()
	for _, kind := range []totalKind{problemTotals, measureTotals, ""} {
		if got, want := allDoneLater(s, kind), allDoneLaterFields(s, kind); got != want {
			t.Fatalf("allDoneLater(%q, %q) = %v, by fields %v", s, kind, got, want)
		}
	}
}

// TestAllDoneLater checks allDoneLater against the reading by fields on every line of the
// corpora, each from every comma on, and on empty and odd clauses.
func TestAllDoneLater(t *testing.T) {
	for _, s := range []string{"", ",，;；", "，目前已全部整改完成", "限期整改4个，，目前已全部整改完成", "制定措施，已全部完成", "\xff,已全部完成", "已全部完成3个"} {
		checkAllDoneLater(t, s)
	}
	for _, l := range corpusLines(t) {
		for i := 0; ; {
			checkAllDoneLater(t, l[i:])
			k := strings.IndexAny(l[i:], ",，")
			if k < 0 {
				break
			}
			i += k + 1
		}
	}
}

func FuzzAllDoneLater(f *testing.F) {
	f.Add("，立行立改12个，限期整改4个，目前已全部整改完成；制定措施")
	f.Fuzz(func(t *testing.T, s string) { checkAllDoneLater(t, s) })
}

func checkEmailMatches(t *testing.T, s string) int {
	t.Helper()
	got, want := emailMatches(s), emailRE.FindAllString(s, -1)
	if !slices.Equal(got, want) {
		t.Fatalf("emailMatches(%q) = %q, the whole search %q", s, got, want)
	}
	return len(want)
}

// TestEmailMatches checks emailMatches against the whole search on every line of the corpora
// and on addresses glued to Chinese text, to each other and to stray @s.
func TestEmailMatches(t *testing.T) {
	found := 0
	for _, s := range []string{"", "@", "电子邮箱：jw@example.gov.cn。", "a@b.cn@c.com", "邮箱jw@qq.com，xx@163.com", "@@a.bc", "x@y", "a@b.c", "中@文.cn", "a@b.cn\xffc@d.org"} {
		found += checkEmailMatches(t, s)
	}
	for _, s := range corpusLines(t) {
		found += checkEmailMatches(t, s)
	}
	if found < 5 {
		t.Errorf("only %d addresses found: the check shows little", found)
	}
}

func FuzzEmailMatches(f *testing.F) {
	f.Add("电子邮箱：jw@example.gov.cn；a@b.cn@c.com")
	f.Fuzz(func(t *testing.T, s string) { checkEmailMatches(t, s) })
}

// TestMaxRunes checks maxRunes on patterns whose longest match is known, and that the tails of
// the lazy units are bounded but for 进驻's, whose kinds of inspection repeat.
func TestMaxRunes(t *testing.T) {
	for re, want := range map[string]int{`^ab`: 2, `^(?:a|bcd)?x{0,3}`: 6, `^a*`: -1, `^a+`: -1, `^a$`: -1, `^a\b`: -1, `^[^)]{0,30}\)`: 31, `^.{1,4}?`: 4} {
		if got := maxRunes(regexp.MustCompile(re)); got != want {
			t.Errorf("maxRunes(%s) = %d, want %d", re, got, want)
		}
	}
	for k, want := range map[int]int{0: 56, 2: -1, 3: 41} {
		if got := unitRests[k].tailMax; got != want {
			t.Errorf("unitRests[%d].tailMax = %d, want %d", k, got, want)
		}
	}
}

// TestFirstRunes checks firstRunes on patterns whose first characters are known, and on every
// line of the corpora that each lazy unit's tail is never refused where it matches.
func TestFirstRunes(t *testing.T) {
	for _, c := range []struct {
		re   string
		want string // the characters a match may open with; "any" for any text
	}{
		{`^(?:进行|开展)`, "进开"},
		{`^\(?a`, "(a"},
		{`^(?:a|b*)`, "any"},
		{`^[^x]`, "any"},
		{`^(?i)a`, "any"},
		{`^[a-c]x`, "abc"},
		{`^x|^进`, "x进"},
	} {
		got := firstRunes(regexp.MustCompile(c.re))
		for r := rune(0); r < 0x10000; r++ {
			if want := c.want == "any" || strings.ContainsRune(c.want, r); got.has(r) != want {
				t.Errorf("firstRunes(%s).has(%q) = %v, want %v", c.re, r, !want, want)
			}
		}
		if got.any != (c.want == "any") {
			t.Errorf("firstRunes(%s).any = %v", c.re, got.any)
		}
	}
	for _, l := range corpusLines(t) {
		for _, r := range unitRests {
			if r == nil || r.tail == nil {
				continue
			}
			for i, c := range l {
				if !r.opens.has(c) && r.tail.MatchString(l[i:]) {
					t.Fatalf("the tail %s matches %q, which opens with a character not in its set", r.tail, l[i:])
				}
			}
		}
	}
}

// TestFeedbackCuesHoldFeedback checks what readFeedback relies on: every feedback cue holds 反馈.
func TestFeedbackCuesHoldFeedback(t *testing.T) {
	for _, c := range feedbackCues {
		if !strings.Contains(c.cue, "反馈") {
			t.Errorf("the feedback cue %q does not hold 反馈", c.cue)
		}
	}
}

// unitMatter is the pattern unitMatterEnd reads by hand; group 1 is the unit.
var unitMatter = regexp.MustCompile(`^(.{2,}?)(?:贯彻落实|落实|履行|执行|选人用人|巡察整改|巡视整改|整改|政治监督|党风廉政)\p{Han}*?(?:情况|工作|责任|问题)$`)

func checkUnitMatterEnd(t *testing.T, s string) bool {
	t.Helper()
	want := -1
	if m := unitMatter.FindStringSubmatchIndex(s); m != nil {
		want = m[3]
	}
	if got := unitMatterEnd(s); got != want {
		t.Fatalf("unitMatterEnd(%q) = %d, the pattern %d", s, got, want)
	}
	return want >= 0
}

// TestUnitMatterEnd checks unitMatterEnd against the pattern on every line of the corpora and
// every tail of each line from a 对 on, and on units that end in each way.
func TestUnitMatterEnd(t *testing.T) {
	if want := "^(.{2,}?)(?:" + strings.Join(matterWords, "|") + `)\p{Han}*?(?:` + strings.Join(matterEnds, "|") + ")$"; unitMatter.String() != want {
		t.Fatalf("unitMatter = %s, the words give %s", unitMatter, want)
	}
	matched := 0
	lines := []string{"市财政局党组及所属单位落实全面从严治党主体责任情况", "落实情况", "局落实情况", "局\n党组落实情况", "局党组落实a情况", "局党组整改落实问题",
		"局党组巡察整改工作", "局党组落实\xff情况", "\xff\xff落实情况", "局党组落实情况。", "县人民法院执行局党组", "局执行执行责任"}
	for _, l := range corpusLines(t) {
		lines = append(lines, l)
		for i := 0; ; {
			k := strings.Index(l[i:], "对")
			if k < 0 {
				break
			}
			i += k + len("对")
			for _, end := range []string{"情况", "工作", "责任", "问题"} {
				if e := strings.Index(l[i:], end); e >= 0 {
					lines = append(lines, l[i:i+e+len(end)])
				}
			}
		}
	}
	for _, l := range lines {
		if checkUnitMatterEnd(t, l) {
			matched++
		}
	}
	if matched < 10 {
		t.Errorf("only %d units cut: the check shows little", matched)
	}
}

func FuzzUnitMatterEnd(f *testing.F) {
	f.Add("市财政局党组及所属单位落实全面从严治党主体责任情况")
	f.Fuzz(func(t *testing.T, s string) { checkUnitMatterEnd(t, s) })
}

// clauseStartRunes and clauseEndRunes are clauseStart and clauseEnd as they were written, rune
// by rune: the references.
func clauseStartRunes(s string, quoted []bool, from, at int) int {
	start := from
	for i, r := range s[from:at] {
		if quoted[from+i] {
			continue
		}
		switch r {
		case ',', '，', ';', '；', '。', ':', '：':
			start = from + i + utf8.RuneLen(r)
		}
	}
	return start
}

func clauseEndRunes(s string, quoted []bool, at int) int {
	for i, r := range s[at:] {
		if quoted[at+i] {
			continue
		}
		switch r {
		case ',', '，', ';', '；', '。', ':', '：':
			return at + i
		}
	}
	return len(s)
}

// checkClauseBounds fails where clauseStart or clauseEnd and the rune-by-rune readings
// disagree on s, at every character of it (from up to 120 bytes before).
func checkClauseBounds(t *testing.T, s string) {
	t.Helper()
	q := inQuotes(nil, s)
	for at := range s {
		from := runeStart(s, max(0, at-120))
		for from < at && !utf8.RuneStart(s[from]) {
			from++
		}
		if got, want := clauseStart(s, q, from, at), clauseStartRunes(s, q, from, at); got != want {
			t.Fatalf("clauseStart(%q, %d, %d) = %d, rune by rune %d", s, from, at, got, want)
		}
		if got, want := clauseEnd(s, q, at), clauseEndRunes(s, q, at); got != want {
			t.Fatalf("clauseEnd(%q, %d) = %d, rune by rune %d", s, at, got, want)
		}
	}
}

// TestClauseBounds checks clauseStart and clauseEnd against the rune-by-rune readings on every
// folded line of the corpora and on quoted and cut-short clause ends.
func TestClauseBounds(t *testing.T) {
	for _, s := range []string{"", "a,b，c;d；e。f:g：h", "“a,b”，c", "\xef\xbc", "x\xe3\x80", "，，", "“，”，", "\xff，\xff"} {
		checkClauseBounds(t, s)
	}
	for _, s := range testcorpus.Lines(t, "corpus/*.txt", "testdata/*/*.txt") {
		checkClauseBounds(t, fold.String(s))
	}
}

func FuzzClauseBounds(f *testing.F) {
	f.Add("反馈的“问题清单”，已完成整改14个；整改措施：28项。")
	f.Fuzz(func(t *testing.T, s string) { checkClauseBounds(t, s) })
}
