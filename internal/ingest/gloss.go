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
	kept := 0             // s[kept:i] is not yet copied to b
	prevHan := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if prevHan && (r == '(' || r == '（') {
			if end := glossEnd(s[i+n:]); end > 0 {
				b.WriteString(s[kept:i])
				i += n + end
				kept = i
				continue // prevHan stays true: 國際(jì)(集團(tuán)) is not a case, but 據(jù)(jù) would be
			}
		}
		prevHan = r >= 0x2E80 && unicode.Is(unicode.Han, r)
		i += n
	}
	if kept == 0 {
		return s
	}
	b.WriteString(s[kept:])
	return b.String()
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
