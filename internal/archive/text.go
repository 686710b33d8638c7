package archive

import (
	"strings"
	"unicode"

	"github.com/xuncha/xuncha/internal/fold"
)

// grams cuts text into the units the archive indexes and compares: overlapping pairs of
// Chinese characters (“三会一课”记录不规范 → 三会 会一 一课 课记 记录 录不 不规 规范), a lone
// Chinese character as itself, and runs of letters and digits as lower-case words. Pairs need
// no dictionary, find two-character words anywhere (a trigram index cannot), and make
// paraphrases that share their terms share their grams. Punctuation separates runs.
func grams(text string) []string {
	text = fold.String(text)
	var out []string
	var han []rune
	var word []rune
	flushHan := func() {
		switch len(han) {
		case 0:
		case 1:
			out = append(out, string(han))
		default:
			for i := 0; i+1 < len(han); i++ {
				out = append(out, string(han[i:i+2]))
			}
		}
		han = han[:0]
	}
	flushWord := func() {
		if len(word) > 0 {
			out = append(out, strings.ToLower(string(word)))
			word = word[:0]
		}
	}
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			flushWord()
			han = append(han, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			flushHan()
			word = append(word, r)
		default:
			flushHan()
			flushWord()
		}
	}
	flushHan()
	flushWord()
	return out
}

// ftsQuery turns what a user types (words separated by spaces) into an FTS5 query over the
// grams: each word becomes a phrase of its grams, and all words must match. A word of one
// Chinese character is a gram of its own and matches only where it stands alone, so such
// words are returned in short, for the caller to match by substring instead.
func ftsQuery(q string) (match string, short []string) {
	var parts []string
	for _, w := range strings.Fields(q) {
		g := grams(w)
		if len(g) == 0 {
			continue
		}
		if len([]rune(fold.String(w))) == 1 && unicode.Is(unicode.Han, []rune(w)[0]) {
			short = append(short, w)
			continue
		}
		parts = append(parts, `"`+strings.Join(g, " ")+`"`)
	}
	return strings.Join(parts, " AND "), short
}
