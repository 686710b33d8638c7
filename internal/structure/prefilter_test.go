package structure

import (
	"testing"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/testcorpus"
)

// headingTails follow a first rune in TestMayOpenHeading: the marker examples without their
// first rune, and the tails of markers a rune may open.
func headingTails() []string {
	tails := []string{"", "、总体情况", "、 总体情况", ".总体情况", ")加强领导", "一)加强领导", "1)加强领导", "十)加强", "、二季度", "类型:x | 标号:no | 标题:标题】", "2.关于", "）"}
	for _, k := range markerKinds {
		_, n := utf8.DecodeRuneInString(k.example)
		tails = append(tails, k.example[n:])
	}
	return tails
}

// TestMayOpenHeading checks the first-rune test of ParseHeading: for every BMP rune before
// every tail, with and without leading white space, a rune the test refuses opens no heading
// (parseHeading, which folds the whole text, finds none).
func TestMayOpenHeading(t *testing.T) {
	tails := headingTails()
	for r := rune(0); r < 0x10000; r++ {
		for _, tail := range tails {
			for _, lead := range []string{"", "  ", "\u3000"} {
				p := lead + string(r) + tail
				if mayOpenHeading(p) {
					continue
				}
				if _, ok := parseHeading(p); ok {
					t.Fatalf("mayOpenHeading(%q) is false, parseHeading reads a heading", p)
				}
			}
		}
	}
}

// TestParseHeadingOnCorpora checks ParseHeading against parseHeading, which folds every
// paragraph, over every line of the corpora.
func TestParseHeadingOnCorpora(t *testing.T) {
	n := 0
	for _, l := range testcorpus.Lines(t, "corpus/*", "testdata/*/*.txt", "testdata/structure/*/*.txt") {
		n++
		h, ok := ParseHeading(l)
		wh, wok := parseHeading(l)
		if h != wh || ok != wok {
			t.Fatalf("ParseHeading(%q) = %+v %v, parseHeading gives %+v %v", l, h, ok, wh, wok)
		}
	}
	if n < 1000 {
		t.Fatalf("only %d lines in the corpora", n)
	}
}

// FuzzParseHeading holds ParseHeading to parseHeading on any text.
func FuzzParseHeading(f *testing.F) {
	for _, s := range []string{"一、总体情况", "（一）统一思想认识。正文", "　1.关于", "【类型:x | 标号:no | 标题:标题】", "正文", "\xff一、"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, ok := ParseHeading(s)
		wh, wok := parseHeading(s)
		if h != wh || ok != wok {
			t.Fatalf("ParseHeading(%q) = %+v %v, parseHeading gives %+v %v", s, h, ok, wh, wok)
		}
	})
}
