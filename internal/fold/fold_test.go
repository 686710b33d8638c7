package fold

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/testcorpus"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"１２３ＡＢｃ，：（）％", "123ABc,:()%"},
		{"針對「學習」問題", "针对“学习”问题"},
		{"『三重一大』", "‘三重一大’"},
		{"巡視組　進展", "巡视组 进展"},
		{"plain 文本 stays", "plain 文本 stays"},
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzStringKeepsRuneCount(f *testing.F) {
	for _, s := range []string{"針對「學習」問題", "１２３", "\xff\xfe半", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if a, b := utf8.RuneCountInString(s), utf8.RuneCountInString(String(s)); a != b {
			t.Fatalf("rune count %d became %d for %q", a, b, s)
		}
	})
}

// TestTableAgreesWithRules checks the lookup table against the rules it is built from, for
// every rune.
func TestTableAgreesWithRules(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if got, want := Rune(r), ruleOf(r); got != want {
			t.Fatalf("Rune(%U) = %U, rules say %U", r, got, want)
		}
	}
}

// TestStringRuneForRune checks String against folding each rune of a range loop, for mixed,
// already folded and invalid text.
func TestStringRuneForRune(t *testing.T) {
	for _, s := range []string{"", "abc", "已经折叠的文本, ok", "前缀不变「學習」", "\xff\xfe半", "半\xff", "ａ　ｂ", "针对“问题”"} {
		var want []rune
		for _, r := range s {
			want = append(want, ruleOf(r))
		}
		if got := String(s); got != string(want) {
			t.Errorf("String(%q) = %q, want %q", s, got, string(want))
		}
	}
}

func BenchmarkString(b *testing.B) {
	s := "根据市委统一部署，２０２３年３月至５月，市委第一巡察组對市文广旅局党组进行了巡察。「針對」反馈的１４个具体问题，已完成整改１２个。"
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = String(s)
	}
}

// stringRunes is String as it was first written, a rune at a time: the reference the tests
// hold String's byte runs to.
func stringRunes(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteByte(byte(r))
			continue
		}
		b.WriteRune(Rune(r))
	}
	return b.String()
}

// corpusLines returns every line of the files of the corpora (the repository's corpus/ and
// testdata, and the shared real bulletins when present), as bytes are: encodings other than UTF-8 give
// invalid sequences, which String must fold as a range loop reads them.
func corpusLines(t *testing.T) []string {
	t.Helper()
	lines := testcorpus.Lines(t, "corpus/*", "testdata/*/*", "testdata/*/*/*", "testdata/*/*/*/*")
	if len(lines) < 1000 {
		t.Fatalf("only %d lines in the corpora", len(lines))
	}
	return lines
}

// TestStringAgreesOnCorpora checks String against the rune-at-a-time reference over every line
// of the corpora, and over every BMP rune and a few invalid sequences alone and in text.
func TestStringAgreesOnCorpora(t *testing.T) {
	lines := corpusLines(t)
	for r := rune(0x80); r < 0x10000; r++ {
		lines = append(lines, string(r), "a"+string(r)+"字", "字"+string(r))
	}
	for _, s := range []string{"\xe4\xb8", "\xe4", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbc", "字\xef\xbc\x8c\xbc", "\xf0\x9f\x98\x80，", "\uFFFD，\xff"} {
		lines = append(lines, s, s+"，", "，"+s)
	}
	for _, s := range lines {
		if got, want := String(s), stringRunes(s); got != want {
			t.Fatalf("String(%q) = %q, the rune-at-a-time reference gives %q", s, got, want)
		}
	}
}

// FuzzStringAgrees holds String to the rune-at-a-time reference on any input.
func FuzzStringAgrees(f *testing.F) {
	for _, s := range []string{"針對「學習」問題", "１２３", "\xff\xfe半", "", "已经折叠, ok", "\xed\xa0\x80，"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := String(s), stringRunes(s); got != want {
			t.Fatalf("String(%q) = %q, want %q", s, got, want)
		}
	})
}

// BenchmarkStringUnchanged folds text that folding leaves as it is (already folded).
func BenchmarkStringUnchanged(b *testing.B) {
	s := String("根据市委统一部署，２０２３年３月至５月，市委第一巡察组對市文广旅局党组进行了巡察。「針對」反馈的１４个具体问题，已完成整改１２个。")
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		_ = String(s)
	}
}

// checkWriteFrom holds Unchanged and WriteFrom, from every offset up to Unchanged, into a
// builder that holds text already, to the rune-at-a-time reference.
func checkWriteFrom(t *testing.T, s string) {
	want := stringRunes(s)
	k := Unchanged(s)
	if k > len(s) || s[:k] != want[:min(k, len(want))] || (k == len(s)) != (want == s) {
		t.Fatalf("Unchanged(%q) = %d, the reference folds it to %q", s, k, want)
	}
	half := k / 2 // a rune boundary: WriteFrom starts at one
	for half > 0 && s[half]&0xC0 == 0x80 {
		half--
	}
	for _, i := range []int{0, half, k} {
		var b strings.Builder
		b.WriteString("前")
		WriteFrom(&b, s, i)
		if got := b.String()[len("前"):]; got != want {
			t.Fatalf("WriteFrom(%q, %d) = %q, want %q", s, i, got, want)
		}
	}
}

// TestWriteFromAgrees runs checkWriteFrom over every line of the corpora and a few invalid
// sequences.
func TestWriteFromAgrees(t *testing.T) {
	lines := corpusLines(t)
	lines = append(lines, "", "abc", "\xe4\xb8", "\xed\xa0\x80", "字\xef\xbc\x8c\xbc", "\uFFFD，\xff", "已经折叠, ok")
	for _, s := range lines {
		checkWriteFrom(t, s)
	}
}

func FuzzWriteFrom(f *testing.F) {
	for _, s := range []string{"針對「學習」問題", "\xff\xfe半", "", "已经折叠, ok"} {
		f.Add(s)
	}
	f.Fuzz(checkWriteFrom)
}
