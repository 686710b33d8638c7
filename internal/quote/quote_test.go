package quote

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/fold"
)

func TestScanFrames(t *testing.T) {
	tests := []struct {
		text    string
		heading bool
		kind    Kind
		quote   string // inner text; "" when the quote does not close
	}{
		{"针对“甲乙丙”问题。", false, Problem, "甲乙丙"},
		{"关于“甲乙丙”方面", true, Aspect, "甲乙丙"},
		{"关于“甲乙丙”方面存在的问题", true, Aspect, "甲乙丙"},
		{"在“甲乙丙”方面", true, Aspect, "甲乙丙"},
		{"关于“甲乙丙”问题整改情况", true, Problem, "甲乙丙"},
		{"关于“甲乙丙”问题的整改。", true, Problem, "甲乙丙"},
		{"关于“甲乙丙”", true, Problem, "甲乙丙"},        // （1）关于“…” heading
		{"关于“甲乙丙”的整改情况", true, Problem, "甲乙丙"},   // heading without 问题
		{"关于“甲乙丙”", false, Other, "甲乙丙"},         // but not in prose
		{"关于“三会一课”制度执行情况", true, Other, "三会一课"},  // a term in a heading
		{"针对“甲乙丙”问题台账", false, Other, "甲乙丙"},     // a compound noun
		{"针对“甲“乙”丙”问题", false, Problem, "甲“乙”丙"}, // nested
		{"针对 “甲乙丙” 问题", false, Problem, "甲乙丙"},   // spaces
		{"针对“甲乙丙", false, Other, ""},             // unclosed
	}
	for _, tt := range tests {
		rs := []rune(fold.String(tt.text))
		fs := Scan(rs, tt.heading)
		if len(fs) != 1 {
			t.Errorf("%q: %d frames, want 1", tt.text, len(fs))
			continue
		}
		f := fs[0]
		quote := ""
		if f.Close >= 0 {
			quote = string([]rune(tt.text)[f.Open+1 : f.Close])
		}
		if f.Kind != tt.kind || quote != tt.quote {
			t.Errorf("%q: kind %d quote %q, want %d %q", tt.text, f.Kind, quote, tt.kind, tt.quote)
		}
	}
}

// TestMayOpenAgrees checks MayOpen, the byte test, against looking at the runes, on text with
// and without marks, invalid bytes included.
func TestMayOpenAgrees(t *testing.T) {
	for _, s := range []string{"", "针对", "针对“甲”问题", "‘甲’", "\"x\"", "”", "’", "\xe2\x80", "\xe2\x80\x9c", "\xf0\xe2\x80\x9c", "\xe4\xe2\x80\x98", "①②", "—…", fold.String("「甲」")} {
		if got, want := MayOpen(s), anyOpens([]rune(s)); got != want {
			t.Errorf("MayOpen(%q) = %v, the runes say %v", s, got, want)
		}
	}
}

func FuzzMayOpen(f *testing.F) {
	for _, s := range []string{"针对“甲”问题", "‘甲’", "\xf0\xe2\x80\x9c", "”"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := MayOpen(s), anyOpens([]rune(s)); got != want {
			t.Fatalf("MayOpen(%q) = %v, the runes say %v", s, got, want)
		}
	})
}

// TestIntroFirstBits holds the bit test of isIntroFirst to a look at introFirst, for every rune.
func TestIntroFirstBits(t *testing.T) {
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		if got, want := isIntroFirst(r), r >= introLow && slices.Contains(introFirst, r); got != want {
			t.Fatalf("isIntroFirst(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestRuneClassesAgree holds the bounds tests of isHan and IsSeparator to the unicode tables,
// for every rune.
func TestRuneClassesAgree(t *testing.T) {
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		if got, want := isHan(r), unicode.Is(unicode.Han, r); got != want {
			t.Fatalf("isHan(%U) = %v, want %v", r, got, want)
		}
		if got, want := IsSeparator(r), unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r); got != want {
			t.Fatalf("IsSeparator(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestWordsAgree holds the rune forms of strings.Contains, strings.Index and strings.HasSuffix
// to the string ones.
func TestWordsAgree(t *testing.T) {
	for _, s := range []string{"", "方", "方面", "甲方面乙", "巡察组指出的", "指出", "反馈的", "方方面", "a方面b方面"} {
		rs := []rune(s)
		for _, w := range append([]string{"方面", "的", "指出"}, gapCues...) {
			if got, want := containsWord(rs, w), strings.Contains(s, w); got != want {
				t.Errorf("containsWord(%q, %q) = %v, want %v", s, w, got, want)
			}
			if got, want := hasSuffixWord(rs, w), strings.HasSuffix(s, w); got != want {
				t.Errorf("hasSuffixWord(%q, %q) = %v, want %v", s, w, got, want)
			}
			want := strings.Index(s, w)
			if want >= 0 {
				want = utf8.RuneCountInString(s[:want])
			}
			if got := IndexWord(rs, w); got != want {
				t.Errorf("IndexWord(%q, %q) = %d, want %d", s, w, got, want)
			}
		}
	}
}
