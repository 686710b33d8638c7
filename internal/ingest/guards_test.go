package ingest

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/quantity"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

// TestGuardsExact checks the literal guards of breadcrumbSep, breadcrumbPrefix, pageDateLabel and
// titleEnding, and mayTimestamp and mayDateStart, the guards of the date reader in
// isTimestampLine and stampPrefix: on every line of the corpora (text and pages; corpus/,
// testdata/ with the held-out texts, the shared real corpus where present) and on examples of
// each pattern, the guard never refuses a line the pattern matches (where mayBreadcrumbSep
// refuses, Split would have returned the line whole).
func TestGuardsExact(t *testing.T) {
	lines := append([]string{
		"首页 > 巡视巡察 > 巡视整改", "首页 -> 要闻 -> 审计通告", "首页-&gt;要闻", "首页>>通知公告",
		"当前位置：首页", "您现在的位置 : 首页 > 巡察", "位置:首页", "首页 » 巡察", "首页＞巡察",
		"首页→巡察", "首页 › 巡察", "首页〉巡察",
		"来源：县纪委 发布时间：2023-05-06", "发布日期 : 2022-08-16",
		"关于…的通报（第一号）", "关于…情況的通報 ", "整改进展(2)", "巡察整改情况\t", "决定", "說明", "意見",
		"公佈", "公示", "通知", "公开", "公開", "报告", "報告",
	}, corpusLines(t)...)
	stamps, refused, dates := 0, 0, 0
	for _, l := range append([]string{
		"2020-08-10 11:36:38", "2021年04月09日", "2024年3月1日 星期五", "2024年3月1日 周日 ", "二〇二三年十二月一日",
		"○二三", "2023.8.24", "十二月一日", "上半年", "下半年 ", "3月5日 市纪委", "2023/08/24 10:20", "2023年8月1号\t",
	}, lines...) {
		for _, p := range []string{l, strings.TrimSpace(l), cleanParagraph(l)} {
			if !mayTimestamp(p) {
				refused++
			}
			if _, n := quantity.DatePrefix(p, 0); n > 0 {
				dates++
				if !mayDateStart(p) {
					t.Errorf("mayDateStart refuses %q, which starts with a date", p)
				}
			}
			if timestampLine(p) {
				stamps++
				if !mayTimestamp(p) {
					t.Errorf("mayTimestamp refuses %q, a timestamp line", p)
				}
			}
		}
	}
	if stamps < 8 || dates < 20 || refused < 1000 {
		t.Errorf("timestamp lines: %d read, %d refused; %d lines start with a date: the check shows nothing", stamps, refused, dates)
	}
	for _, g := range []struct {
		name string
		re   *regexp.Regexp
		may  func(string) bool
		min  int // matches expected at least (the examples above)
	}{
		{"breadcrumbSep", breadcrumbSep, mayBreadcrumbSep, 9},
		{"breadcrumbPrefix", breadcrumbPrefix, mayBreadcrumbPrefix, 3},
		{"pageDateLabel", pageDateLabel, mayPageDateLabel, 2},
		{"titleEnding", titleEnding, mayTitleEnding, 10},
	} {
		matched, refused := 0, 0
		for _, l := range lines {
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
		if matched < g.min || refused < 1000 {
			t.Errorf("%s: %d lines matched, %d refused: the check shows nothing", g.name, matched, refused)
		}
	}
}

func FuzzBreadcrumbSepGuard(f *testing.F) {
	f.Add("当前位置：首页 -&gt; 巡察 » 整改")
	f.Fuzz(func(t *testing.T, s string) {
		if breadcrumbSep.MatchString(s) && !mayBreadcrumbSep(s) {
			t.Fatalf("mayBreadcrumbSep refuses %q, which breadcrumbSep matches", s)
		}
		if breadcrumbPrefix.MatchString(s) && !mayBreadcrumbPrefix(s) {
			t.Fatalf("mayBreadcrumbPrefix refuses %q, which breadcrumbPrefix matches", s)
		}
	})
}

func FuzzTimestampGuard(f *testing.F) {
	f.Add("2024年3月1日 星期五")
	f.Add("二〇二三年十二月一日 10:20")
	f.Fuzz(func(t *testing.T, s string) {
		if timestampLine(s) && !mayTimestamp(s) {
			t.Fatalf("mayTimestamp refuses %q, a timestamp line", s)
		}
		if _, n := quantity.DatePrefix(s, 0); n > 0 && !mayDateStart(s) {
			t.Fatalf("mayDateStart refuses %q, which starts with a date", s)
		}
	})
}

// corpusLines returns every line of the corpora: texts and pages of corpus/ and testdata/ (with
// the held-out texts), and the shared real corpus where present.
func corpusLines(t *testing.T) []string {
	t.Helper()
	return testcorpus.Lines(t, "testdata/*/*.txt", "testdata/*/*.html", "testdata/*/*/*.html", "corpus/*.txt", "corpus/*.html")
}

// removeGlossesRunes is removeGlosses as it was first written, rune by rune: the reference for
// the scan from parenthesis to parenthesis.
func removeGlossesRunes(s string) string {
	var b strings.Builder
	kept := 0
	prevHan := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if prevHan && (r == '(' || r == '（') {
			if end := glossEnd(s[i+n:]); end > 0 {
				b.WriteString(s[kept:i])
				i += n + end
				kept = i
				continue
			}
		}
		prevHan = r >= 0x2E80 && unicode.Is(unicode.Han, r)
		i += n
	}
	if kept == 0 {
		return s
	}
	b.WriteString(s[kept:])
	return b.String()
}

// TestRemoveGlossesScan checks removeGlosses against the rune-by-rune reference on glosses in a
// row, after invalid bytes, and on every line of the corpora.
func TestRemoveGlossesScan(t *testing.T) {
	lines := append([]string{
		"根據(jù)市委統(tǒng)一部署", "集團(tuán))", "據(jù)(jù)", "國際(jì)(集團(tuán))", "(jù)", "a(jù)",
		"\xe6(jù)", "據（jù）（jù）(一)", "據(jǜ)x(ā", "據((jù)",
		"據（jù）(jù)（x）(jù)據(jù)", "(（(（據(jù)（", "（一）（二）據(jù)", "(1)(2)據（jù）",
	}, corpusLines(t)...)
	removed := 0
	for _, l := range lines {
		got, want := removeGlosses(l), removeGlossesRunes(l)
		if got != want {
			t.Fatalf("removeGlosses(%q) = %q, rune by rune %q", l, got, want)
		}
		if got != l {
			removed++
		}
	}
	if removed < 5 {
		t.Errorf("only %d lines lost a gloss: the check shows little", removed)
	}
}

// BenchmarkRemoveGlossesLong removes glosses from one paragraph of 4 MB with a full-width
// parenthesis every few characters and no ASCII one (a paragraph like this once made the scan
// quadratic: 106 s for a 50 MB input); BenchmarkRemoveGlossesLongBaseline is the rune-by-rune
// reference on the same text, linear by construction: their ratio must not grow with the size.
func BenchmarkRemoveGlossesLong(b *testing.B) {
	s := longParenText()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		removeGlosses(s)
	}
}

func BenchmarkRemoveGlossesLongBaseline(b *testing.B) {
	s := longParenText()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		removeGlossesRunes(s)
	}
}

func longParenText() string {
	n := 4 << 20
	if testing.Short() {
		n = 256 << 10
	}
	unit := "整改（一）落实到位，"
	return strings.Repeat(unit, n/len(unit))
}

func FuzzRemoveGlosses(f *testing.F) {
	f.Add("根據(jù)市委統(tǒng)一部署，集團(tuán))（ā）")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := removeGlosses(s), removeGlossesRunes(s); got != want {
			t.Fatalf("removeGlosses(%q) = %q, rune by rune %q", s, got, want)
		}
	})
}

// TestTitleEndingAt checks the reading of a title's ending from the end against titleEnding on
// examples (parentheticals of every length, nested and stray parentheses, spaces, invalid bytes)
// and on every line of the corpora.
func TestTitleEndingAt(t *testing.T) {
	lines := []string{
		"关于…的通报", "关于…的通报（第一号）", "关于…情況的通報 \t", "整改进展(2)", "通报 (a)", "通报(" + strings.Repeat("字", 20) + ")",
		"通报(" + strings.Repeat("字", 21) + ")", "通报()", "通报((a))", "通报(a)b)", "通报(a（b)", "通报（a)", "通报 \u3000",
		"\xff通报", "通报(\xff)", "报告)", "(通报)", "公示 （ 2 ）", "情况\n",
	}
	for _, w := range titleEndings {
		lines = append(lines, w, "x"+w+" ", w+"(1)")
	}
	matched := 0
	for _, l := range append(lines, corpusLines(t)...) {
		got, want := titleEndingAt(l), titleEnding.MatchString(l)
		if got != want {
			t.Fatalf("titleEndingAt(%q) = %v, titleEnding %v", l, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 50 {
		t.Errorf("only %d lines end like a title: the check shows little", matched)
	}
}

func FuzzTitleEndingAt(f *testing.F) {
	f.Add("关于…的通报（第一号）")
	f.Add("整改进展 (2)")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := titleEndingAt(s), titleEnding.MatchString(s); got != want {
			t.Fatalf("titleEndingAt(%q) = %v, titleEnding %v", s, got, want)
		}
	})
}

// TestHanBlock checks the short cut of plausibility: every character of U+4E00-U+9FFF is Han.
func TestHanBlock(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if !unicode.Is(unicode.Han, r) {
			t.Fatalf("%U is not Han", r)
		}
	}
}

// TestTitleBreaks checks hasTitleBreak against strings.ContainsAny(p, titleBreaks) on each break,
// on invalid bytes and on every line of the corpora.
func TestTitleBreaks(t *testing.T) {
	lines := []string{"", "\xff", "\xe3\x80", "标题"}
	for _, r := range titleBreaks {
		lines = append(lines, "标题"+string(r)+"尾")
	}
	found := 0
	for _, l := range append(lines, corpusLines(t)...) {
		want := strings.ContainsAny(l, titleBreaks)
		if got := hasTitleBreak(l); got != want {
			t.Fatalf("hasTitleBreak(%q) = %v, ContainsAny %v", l, got, want)
		}
		if want {
			found++
		}
	}
	if found < 100 {
		t.Errorf("only %d lines with a break: the check shows little", found)
	}
}
