package runes

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/testcorpus"
)

func TestHasPrefixAt(t *testing.T) {
	rs := []rune("针对“三会一课”问题")
	tests := []struct {
		i    int
		w    string
		want bool
	}{
		{0, "针对", true},
		{2, "“三会", true},
		{8, "问题", true},
		{9, "问题", false}, // runs past the end
		{-1, "针", false},
		{1, "针", false},
		{3, "", true},
	}
	for _, tt := range tests {
		if got := HasPrefixAt(rs, tt.i, tt.w); got != tt.want {
			t.Errorf("HasPrefixAt(%q, %d, %q) = %v, want %v", string(rs), tt.i, tt.w, got, tt.want)
		}
	}
}

// TestOfAgrees checks Of against the conversion []rune(s) over every line of the corpora (other
// encodings than UTF-8 included, as invalid bytes), every BMP rune and a few invalid sequences.
func TestOfAgrees(t *testing.T) {
	lines := testcorpus.Lines(t, "corpus/*", "testdata/*/*.txt")
	if len(lines) < 1000 {
		t.Fatalf("only %d lines in the corpora", len(lines))
	}
	for r := rune(0); r < 0x10000; r++ {
		lines = append(lines, string(r)+"字", "a"+string(r))
	}
	lines = append(lines, "\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbc", "\xf0\x9f\x98\x80字", "\xe1\x80", "字\xff")
	for _, s := range lines {
		if got, want := Of(s), []rune(s); !slices.Equal(got, want) {
			t.Fatalf("Of(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzOf(f *testing.F) {
	for _, s := range []string{"针对“三会一课”问题", "\xed\xa0\x80", "\xef\xbc", "ａ　ｂ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Of(s), []rune(s); !slices.Equal(got, want) {
			t.Fatalf("Of(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkOf(b *testing.B) {
	s := strings.Repeat("根据市委统一部署，2023年3月至5月，市委第一巡察组对市文广旅局党组进行了巡察。", 4)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = Of(s)
	}
}

func BenchmarkConvert(b *testing.B) {
	s := strings.Repeat("根据市委统一部署，2023年3月至5月，市委第一巡察组对市文广旅局党组进行了巡察。", 4)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = []rune(s)
	}
}

// hasPrefixRange is HasPrefixAt as first written, with a range loop over w.
func hasPrefixRange(rs []rune, i int, w string) bool {
	if i < 0 {
		return false
	}
	for _, r := range w {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// TestDecodeAtAgrees checks DecodeAt against utf8.DecodeRuneInString on every lead byte with
// pairs of bytes after it (every pair after a lead byte of a multi-byte form, C0 to FF), and at
// the end of the text.
func TestDecodeAtAgrees(t *testing.T) {
	for c := 0; c < 256; c++ {
		for b1 := 0; b1 < 256; b1++ {
			step := 1 + 14*(b1%2)
			if c >= 0xC0 {
				step = 1
			}
			for b2 := 0; b2 < 256; b2 += step {
				for _, s := range []string{string([]byte{byte(c), byte(b1), byte(b2)}), string([]byte{byte(c), byte(b1)}), string([]byte{byte(c)})} {
					r, n := DecodeAt(s, 0)
					wr, wn := utf8.DecodeRuneInString(s)
					if r != wr || n != wn {
						t.Fatalf("DecodeAt(% x) = %U %d, want %U %d", s, r, n, wr, wn)
					}
				}
			}
		}
	}
}

func FuzzHasPrefixAt(f *testing.F) {
	f.Add("针对“三会一课”问题", 0, "针对")
	f.Add("\xed\xa0\x80x", 0, "\xed")
	f.Fuzz(func(t *testing.T, s string, i int, w string) {
		rs := []rune(s)
		if got, want := HasPrefixAt(rs, i, w), hasPrefixRange(rs, i, w); got != want {
			t.Fatalf("HasPrefixAt(%q, %d, %q) = %v, want %v", s, i, w, got, want)
		}
	})
}

// TestAppendAgrees checks Append onto a buffer holding other runes against the conversion.
func TestAppendAgrees(t *testing.T) {
	lines := testcorpus.Lines(t, "corpus/*", "testdata/*/*.txt")
	lines = append(lines, "\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbc", "\xf0\x9f\x98\x80字", "\xe1\x80", "字\xff")
	buf := []rune("前")
	for _, s := range lines {
		got := Append(buf[:1], s)
		if want := append([]rune("前"), []rune(s)...); !slices.Equal(got, want) {
			t.Fatalf("Append(%q) = %q, want %q", s, got, want)
		}
		buf = got
	}
}

// TestMoreThan checks MoreThan against counting the runes, on every line of the corpora and on
// invalid bytes, at the bounds its callers use and around them.
func TestMoreThan(t *testing.T) {
	lines := append([]string{"", "a", "\xff\xff\xff", strings.Repeat("字", 30), strings.Repeat("\xe5", 50)},
		testcorpus.Lines(t, "corpus/*", "testdata/*/*.txt")...)
	for _, l := range lines {
		for _, n := range []int{0, 1, 8, 20, 21, 24, 40, 90, 120} {
			if got, want := MoreThan(l, n), utf8.RuneCountInString(l) > n; got != want {
				t.Fatalf("MoreThan(%q, %d) = %v, want %v", l, n, got, want)
			}
		}
	}
}

func TestDistinct(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"针", "针"},
		{"针关针对关", "针关对"},
		{"存存问问", "存问"},
		{"aAaA\uFFFD\uFFFD", "aA\uFFFD"},
	}
	for _, tt := range tests {
		in := []rune(tt.in)
		got := Distinct(in)
		if string(got) != tt.want {
			t.Errorf("Distinct(%q) = %q, want %q", tt.in, string(got), tt.want)
		}
		if string(in) != tt.in {
			t.Errorf("Distinct(%q) changed its argument to %q", tt.in, string(in))
		}
	}
}
