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
