package structure

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/fold"
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

// makeHeadingRunes is makeHeading as first written, carrying each offset over by counting the
// runes before it in f and walking p to that many: the reference the offsets walk is held to.
func makeHeadingRunes(p, f string, lead, n, level int) Heading {
	runeAt := func(byteOff int) int { return utf8.RuneCountInString(f[:byteOff]) }
	toOrig := func(runeOff int) int { return byteOffset(p, runeOff) }
	mStart := toOrig(runeAt(lead))
	mEnd := toOrig(runeAt(lead + n))
	marker := p[mStart:mEnd]
	cut := sentenceEnd(f[lead+n:])
	if c := colonEnd(f[lead+n:]); c >= 0 && (cut < 0 || c < cut) {
		cut = c
	}
	split := len(p)
	titleEnd := len(p)
	if cut >= 0 {
		end := toOrig(runeAt(lead + n + cut))
		if strings.TrimSpace(p[end:]) != "" {
			split = end
		}
		titleEnd = end
	}
	title := strings.TrimSpace(p[mEnd:titleEnd])
	title = strings.TrimRightFunc(title, func(r rune) bool {
		return r == '。' || r == '：' || r == ':' || r == '；' || r == ';' || unicode.IsSpace(r)
	})
	return Heading{Level: level, Marker: marker, Title: title, Split: split}
}

// checkHeadingOffsets holds makeHeading to makeHeadingRunes on s, after its marker if it has
// one and from its first rune otherwise, and bareMarker's first-rune test to readBareMarker.
func checkHeadingOffsets(t *testing.T, s string) {
	f := fold.String(s)
	lead := len(f) - len(strings.TrimLeftFunc(f, unicode.IsSpace))
	n := MarkerLen(f[lead:])
	if got, want := makeHeading(s, f, lead, n, 1), makeHeadingRunes(s, f, lead, n, 1); got != want {
		t.Fatalf("makeHeading(%q) = %+v, the rune count gives %+v", s, got, want)
	}
	if !mayOpenHeading(s) {
		if _, _, ok := readBareMarker(s); ok {
			t.Fatalf("mayOpenHeading(%q) is false, readBareMarker reads a marker", s)
		}
	}
}

// TestHeadingOffsetsOnCorpora runs checkHeadingOffsets over every line of the corpora and text
// that folding changes the width of (full-width space and digits, invalid bytes).
func TestHeadingOffsetsOnCorpora(t *testing.T) {
	lines := testcorpus.Lines(t, "corpus/*", "testdata/*/*.txt", "testdata/structure/*/*.txt")
	lines = append(lines, "　（一）统一思想认识。正文", "１．关于“甲”问题。正文\xff", "\xff一、总体", "（二）压实整改责任：局党组", "一、", "　")
	for _, l := range lines {
		checkHeadingOffsets(t, l)
	}
}

func FuzzHeadingOffsets(f *testing.F) {
	for _, s := range []string{"一、总体情况", "（一）统一思想认识。正文", "　1.关于", "\xff一、", "１．甲。乙"} {
		f.Add(s)
	}
	f.Fuzz(checkHeadingOffsets)
}

// TestIsHanDigit holds isHanDigit to a search of hanDigits, for every rune.
func TestIsHanDigit(t *testing.T) {
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		if got, want := isHanDigit(r), strings.ContainsRune(hanDigits, r); got != want {
			t.Fatalf("isHanDigit(%U) = %v, want %v", r, got, want)
		}
	}
}
