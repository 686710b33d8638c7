package problem

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/pipeline/gen"
	"github.com/xuncha/xuncha/internal/runes"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

// corpusLines returns every line of the corpora (corpus/, testdata/, the shared real corpus
// where present) and of 200 generated bulletins, for the tests that hold a fast path to the
// slow one it replaces.
func corpusLines(t *testing.T) []string {
	t.Helper()
	lines := testcorpus.Lines(t, "corpus/*", "testdata/*/*.txt")
	for _, d := range gen.Generate(200, 3) {
		lines = append(lines, strings.Split(string(d.Data), "\n")...)
	}
	return lines
}

// statusOfIndex is statusOfFolded as first written, with strings.Index and LastIndex per
// phrase: the reference phrasesAt is held to.
func statusOfIndex(f string, labelled bool) string {
	best, bestAt, bestLen := "", -1, 0
	for _, p := range statusPhrases {
		at := strings.LastIndex(f, p.text)
		if labelled {
			at = strings.Index(f, p.text)
		}
		if at < 0 || negated(f, at) {
			continue
		}
		if !labelled && p.vague {
			continue
		}
		if !labelled && !p.prose && !endsClause(f[at+len(p.text):]) {
			continue
		}
		if !labelled && (p.status == StatusDone || p.status == StatusMostlyDone) && !stated(p.text, f[:at]) && planned(f[:at]) {
			continue
		}
		better := bestAt < 0 ||
			(labelled && (at < bestAt || at == bestAt && len(p.text) > bestLen)) ||
			(!labelled && (at > bestAt || at == bestAt && len(p.text) > bestLen))
		if better {
			best, bestAt, bestLen = p.status, at, len(p.text)
		}
	}
	return best
}

// offsetCutter is runeCutter as first written, with a table of offsets.
func offsetCutter(s string) func(a, b int) string {
	offs := make([]int, 0, utf8.RuneCountInString(s)+1)
	for i := range s {
		offs = append(offs, i)
	}
	offs = append(offs, len(s))
	return func(a, b int) string {
		a = max(a, 0)
		b = min(b, len(offs)-1)
		if a >= b {
			return ""
		}
		return s[offs[a]:offs[b]]
	}
}

// checkFastPaths holds the fast paths to the slow ones on one line: phrasesAt to Index and
// LastIndex, the rune walker to the offset table, and the prefilters (mayLabel, mayList, the
// verb and the opening mark) to the scans they spare.
func checkFastPaths(t *testing.T, line string) {
	f := fold.String(line)
	frs := []rune(f)
	head := line
	for k, n := 0, 0; k < len(line); k++ { // the first four runes of line, as written
		if line[k]&0xC0 != 0x80 {
			if n++; n > 4 {
				head = line[:k]
				break
			}
		}
	}
	for _, w := range []string{head, "（一）", "1.", "\xff", ""} {
		for _, k := range []int{-1, 0, 1, 2, len(frs)} {
			n, ok := hasFoldedPrefixAt(frs, k, w)
			if want := runes.HasPrefixAt(frs, k, fold.String(w)); ok != want || ok && n != utf8.RuneCountInString(fold.String(w)) {
				t.Fatalf("hasFoldedPrefixAt(%q, %d, %q) = %d %v, HasPrefixAt of the folded word gives %v", f, k, w, n, ok, want)
			}
		}
	}
	for _, s := range []string{line, f, f + "\n" + f} {
		for _, labelled := range []bool{false, true} {
			if got, want := statusOfFolded(s, labelled), statusOfIndex(s, labelled); got != want {
				t.Fatalf("statusOfFolded(%q, %v) = %q, Index per phrase gives %q", s, labelled, got, want)
			}
		}
	}
	n := utf8.RuneCountInString(line)
	cut, ref := runeCutter(line), offsetCutter(line)
	for _, ab := range [][2]int{{0, n}, {n / 2, n}, {0, n / 3}, {n / 3, n/3 + 5}, {1, 2}, {-1, n + 3}, {n, n + 1}, {n - 1, n}, {3, 1}, {0, 0}} {
		if got, want := cut(ab[0], ab[1]), ref(ab[0], ab[1]); got != want {
			t.Fatalf("runeCutter(%q)(%d, %d) = %q, want %q", line, ab[0], ab[1], got, want)
		}
	}
	for _, s := range []string{line, f} {
		want := false
		for _, c := range closingCues {
			want = want || strings.Contains(s, c)
		}
		if got := hasClosingCue(s); got != want {
			t.Fatalf("hasClosingCue(%q) = %v, Contains per cue gives %v", s, got, want)
		}
	}
	rs := []rune(f)
	if !mayLabel(f) && len(findLabels(rs)) > 0 {
		t.Fatalf("mayLabel(%q) is false, findLabels finds labels", f)
	}
	if !mayList(f) {
		for _, style := range []int{listParen, listParenHan, listComma, listDot, listCircled} {
			if len(listMarkers(rs, style)) > 0 {
				t.Fatalf("mayList(%q) is false, style %d finds markers", f, style)
			}
		}
	}
	for _, v := range itemVerbs {
		if !mayItem(f, v.verb) && len(itemMarkers(rs, v.verb)) > 0 {
			t.Fatalf("mayItem(%q, %c) is false, itemMarkers finds markers", f, v.verb)
		}
		if got, want := itemMarkers(rs, v.verb), itemMarkersRef(rs, v.verb); !slices.Equal(got, want) {
			t.Fatalf("itemMarkers(%q, %c) = %v, the numeral reader at each boundary gives %v", f, v.verb, got, want)
		}
	}
}

// itemMarkersRef is itemMarkers as first written, reading a numeral after every boundary: the
// reference the run-of-digits test before it is held to.
func itemMarkersRef(rs []rune, verb rune) []itemMarker {
	var out []itemMarker
	first := 0
	for first < len(rs) && isSpaceRune(rs[first]) {
		first++
	}
	for i := first; i < len(rs); i++ {
		if i > first && !itemBoundary(rs[i-1]) {
			continue
		}
		n, w := chineseOrdinal(rs[i:])
		if w == 0 || i+w >= len(rs) || rs[i+w] != verb {
			continue
		}
		switch {
		case len(out) > 0:
			if n != out[len(out)-1].ordinal+1 {
				continue
			}
		case i > first && n != 1:
			continue
		}
		out = append(out, itemMarker{start: i, end: i + w + 1, ordinal: n})
		i += w
	}
	return out
}

// TestFastPathsAgree runs checkFastPaths over every line of the corpora and generated bulletins.
func TestFastPathsAgree(t *testing.T) {
	lines := corpusLines(t)
	lines = append(lines, "完成情况：已完成，长期坚持", "该问题已整改到位，下一步将持续整改。", "确保6月底前整改完成。", "(1)一是①", "\xe5\xb7", "已\xff完成", "联系电话", "电子邮\xe7箱", "\xe7电子邮箱", "a联系电话b", "\xe7\x94联系电话", "甲：问题", "一是甲；二是乙。", "十二是", "唯一是", "一要甲二要乙", "一是甲。二是乙；十一是丙，九十九是丁", "。一二是", "一十是", "二十三要甲；二十四要乙", "一是", "问题(1234)：甲", "整改措施一二三四：乙", "责任人:丙", "问题（十二）：丁")
	for _, l := range lines {
		checkFastPaths(t, l)
	}
}

func FuzzFastPaths(f *testing.F) {
	for _, s := range []string{"完成情况：已完成，长期坚持", "一是修订；二是培训。", "（1）甲（2）乙", "已\xff完成", "针对“甲”问题"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkFastPaths(t, s) })
}

// TestExtractFoldedFolds checks that the folded texts ExtractFolded returns, cut from one
// buffer for the bulletin, are fold.String of each paragraph text, over every line of the
// corpora and generated bulletins (invalid bytes included), read as bulletins of 50 lines.
func TestExtractFoldedFolds(t *testing.T) {
	lines := append(corpusLines(t), "\xff\xfe半", "", "已经折叠, ok", "針對「學習」問題", "字\xef\xbc\x8c\xbc")
	for k := 0; k < len(lines); k += 50 {
		b := &bulletin.Bulletin{}
		for _, l := range lines[k:min(k+50, len(lines))] {
			b.Paragraphs = append(b.Paragraphs, bulletin.Paragraph{Index: len(b.Paragraphs), Role: bulletin.RoleOther, Text: l})
		}
		seen := ExtractFolded(b)
		for i, f := range seen {
			if f.Text != b.Paragraphs[i].Text || f.Folded != fold.String(f.Text) {
				t.Fatalf("paragraph %q: folded %q, fold.String gives %q", f.Text, f.Folded, fold.String(f.Text))
			}
		}
	}
}
