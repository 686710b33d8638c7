// Package runes holds the small helpers over rune slices that the scanners (quote, problem,
// quantity) share: they scan folded text as runes, so that offsets are rune offsets in the
// original too. DecodeAt, the decoding of one rune as a range loop reads it, is shared with
// package fold.
package runes

import "unicode/utf8"

// HasPrefixAt reports whether rs holds w starting at rune offset i. An i outside rs is false.
func HasPrefixAt(rs []rune, i int, w string) bool {
	if i < 0 {
		return false
	}
	for k := 0; k < len(w); i++ {
		r, n := DecodeAt(w, k)
		if i >= len(rs) || rs[i] != r {
			return false
		}
		k += n
	}
	return true
}

// DecodeAt decodes the rune at byte offset i of s as a range loop over s does (an invalid byte
// is utf8.RuneError, width 1). ASCII and the 3-byte forms of the BMP, all of CJK and full-width
// text, are decoded inline; utf8.DecodeRuneInString decodes the rest.
func DecodeAt(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if (c >= 0xE1 && c <= 0xEC || c == 0xEE || c == 0xEF) && i+2 < len(s) {
		// No overlong form or surrogate starts with these lead bytes: any two continuation
		// bytes make a valid rune.
		if b1, b2 := s[i+1], s[i+2]; b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// FirstRunes is the set of the first runes of words: a scanner tries its word list only at a
// rune in the set, instead of at every position.
func FirstRunes(words []string) map[rune]bool {
	m := make(map[rune]bool, len(words))
	for _, w := range words {
		for _, r := range w {
			m[r] = true
			break
		}
	}
	return m
}

// Of returns []rune(s): the runes of s, an invalid byte becoming utf8.RuneError as a range
// loop reads it. The 3-byte forms of CJK text are decoded inline (DecodeAt), which the
// conversion does not do.
func Of(s string) []rune {
	rs := make([]rune, utf8.RuneCountInString(s))
	for i, k := 0, 0; i < len(s); k++ {
		r, n := DecodeAt(s, i)
		rs[k] = r
		i += n
	}
	return rs
}
