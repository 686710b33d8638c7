package fold

import (
	"testing"
	"unicode/utf8"
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
