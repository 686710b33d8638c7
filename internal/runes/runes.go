// Package runes holds the small helpers over rune slices that the scanners (quote, problem,
// quantity) share: they scan folded text as runes, so that offsets are rune offsets in the
// original too.
package runes

// HasPrefixAt reports whether rs holds w starting at rune offset i. An i outside rs is false.
func HasPrefixAt(rs []rune, i int, w string) bool {
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
