package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// RemoveGlosses removes the pinyin that mirror sites insert after traditional characters:
// 根據(jù)市委統(tǒng)一部署 -> 根據市委統一部署, 集團(tuán)) -> 集團), so words and quotes are whole
// again. A gloss is one pinyin syllable with a tone mark, in ASCII or full-width parentheses,
// right after a Han character; "(一)", "(扩大)" and "(a)" stay. Read applies it to every
// paragraph and the title; eval can apply it to gold strings written with the glosses.
func RemoveGlosses(s string) string { return removeGlosses(s) }

func removeGlosses(s string) string {
	if strings.IndexByte(s, '(') < 0 && !strings.Contains(s, "（") {
		return s
	}
	var b strings.Builder // grown only once a gloss is found: most text has none
	kept := 0             // s[kept:] is not yet copied to b
	glossed := -1         // where the last gloss removed ended
	parens := parenScan{s: s, a: -2, w: -2}
	for i := 0; i < len(s); {
		j, n := parens.next(i)
		if j < 0 {
			break
		}
		// A gloss follows a Han character, or another gloss: 據(jù)(jù) (the rune before
		// the second is the first's parenthesis).
		prevHan := j == glossed
		if !prevHan && j > 0 {
			r, _ := utf8.DecodeLastRuneInString(s[:j])
			prevHan = r >= 0x2E80 && unicode.Is(unicode.Han, r)
		}
		if prevHan {
			if end := glossEnd(s[j+n:]); end > 0 {
				b.WriteString(s[kept:j])
				kept = j + n + end
				glossed, i = kept, kept
				continue
			}
		}
		i = j + n
	}
	if kept == 0 {
		return s
	}
	b.WriteString(s[kept:])
	return b.String()
}

// parenScan finds the opening parentheses of s, ( and （, in order. It remembers where the next
// of each kind is, so each kind is searched for once over the whole text: the walk is linear
// however many of one kind stand before the next of the other (searching both from every
// parenthesis made a long paragraph full of （ and without ( quadratic).
type parenScan struct {
	s    string
	a, w int // the next ( and （ at or after the last search, -1 for none left, -2 before the first search
}

// next returns the first opening parenthesis at or after byte i and its length in bytes; -1 if
// there is none. Calls must not go back: i is at least the last call's i.
func (p *parenScan) next(i int) (int, int) {
	if p.a != -1 && p.a < i {
		p.a = indexFrom(p.s, i, "(")
	}
	if p.w != -1 && p.w < i {
		p.w = indexFrom(p.s, i, "（")
	}
	switch {
	case p.a < 0 && p.w < 0:
		return -1, 0
	case p.w < 0 || p.a >= 0 && p.a < p.w:
		return p.a, 1
	}
	return p.w, len("（")
}

// indexFrom is the index of sub in s at or after byte i, or -1.
func indexFrom(s string, i int, sub string) int {
	if j := strings.Index(s[i:], sub); j >= 0 {
		return i + j
	}
	return -1
}

// glossEnd returns the byte length of "syllable)" at the start of s when the syllable is pinyin
// with a tone mark (1-6 letters), else 0.
func glossEnd(s string) int {
	letters, toned := 0, false
	for i, r := range s {
		switch {
		case r == ')' || r == '）':
			if letters >= 1 && toned {
				return i + utf8.RuneLen(r)
			}
			return 0
		case r >= 'a' && r <= 'z' || r == 'ü':
			letters++
		case strings.ContainsRune(tonedVowels, r):
			letters++
			toned = true
		default:
			return 0
		}
		if letters > 6 {
			return 0
		}
	}
	return 0
}

// tonedVowels are the vowels with pinyin tone marks (ü with tones included).
const tonedVowels = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
