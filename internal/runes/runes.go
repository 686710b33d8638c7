// Package runes holds the small helpers over rune slices that the scanners (quote, problem,
// quantity) share: they scan folded text as runes, so that offsets are rune offsets in the
// original too. DecodeAt, the decoding of one rune as a range loop reads it, is shared with
// package fold; MoreThan, a rune count that stops where the byte length decides, with header
// and ingest. Distinct makes the small sets of first and last runes of word lists that the
// scanners look at before trying the words.
package runes

import (
	"slices"
	"unicode/utf8"
)

// HasPrefixAt reports whether rs holds w starting at rune offset i. An i outside rs is false.
func HasPrefixAt(rs []rune, i int, w string) bool {
	if i < 0 {
		return false
	}
	for k := 0; k < len(w); i++ {
		r, ok := Rune3(w, k) // most words are CJK, decoded inline
		n := 3
		if !ok {
			r, n = DecodeAt(w, k)
		}
		if i >= len(rs) || rs[i] != r {
			return false
		}
		k += n
	}
	return true
}

// DecodeAt decodes the rune at byte offset i of s as a range loop over s does (an invalid byte
// is utf8.RuneError, width 1). ASCII and the 3-byte forms of the BMP (Rune3) are decoded
// inline; utf8.DecodeRuneInString decodes the rest.
func DecodeAt(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if r, ok := Rune3(s, i); ok {
		return r, 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// Rune3 decodes a valid 3-byte form at byte offset i of s — all of CJK and full-width text —
// and reports whether there is one: the common case, small enough for the compiler to inline
// into a scanning loop. No overlong form or surrogate starts with E1 to EC, EE or EF: any two
// continuation bytes after them make a valid rune (E0 and ED are left to DecodeAt).
func Rune3(s string, i int) (rune, bool) {
	if i+2 >= len(s) {
		return 0, false
	}
	c, b1, b2 := s[i], s[i+1], s[i+2]
	if c-0xE1 > 0xEF-0xE1 || c == 0xED || b1&0xC0 != 0x80 || b2&0xC0 != 0x80 {
		return 0, false
	}
	return rune(c&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), true
}

// Of returns []rune(s): the runes of s, an invalid byte becoming utf8.RuneError as a range
// loop reads it. The 3-byte forms of CJK text are decoded inline (Rune3), which the conversion
// does not do.
func Of(s string) []rune {
	return Append(make([]rune, 0, Count(s)), s)
}

// Count returns the number of bytes of s that start a rune: the rune count of valid text, the
// text folding gives (each invalid byte is a rune of its own too, and may make more).
func Count(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// Append appends the runes of s to dst, as Of returns them, and returns the extended slice: a
// caller that keeps a buffer decodes into it without allocating.
func Append(dst []rune, s string) []rune {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			dst = append(dst, rune(c))
			i++
		} else if r, ok := Rune3(s, i); ok {
			dst = append(dst, r)
			i += 3
		} else {
			r, n := DecodeAt(s, i)
			dst = append(dst, r)
			i += n
		}
	}
	return dst
}

// MoreThan reports whether s holds more than n runes (utf8.RuneCountInString(s) > n), counting
// only where its length in bytes leaves it open: a rune takes one to four bytes, and the texts
// asked about may be whole paragraphs.
func MoreThan(s string, n int) bool {
	switch {
	case len(s) <= n:
		return false
	case len(s) > utf8.UTFMax*n:
		return true
	}
	return utf8.RuneCountInString(s) > n
}

// Distinct returns the runes of rs once each, in the order they first come, in a new slice: the
// set of first (or last) runes of a short word list, which slices.Contains looks through faster
// than a map.
func Distinct(rs []rune) []rune {
	var out []rune
	for _, r := range rs {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}
