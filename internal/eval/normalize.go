package eval

import (
	"strings"
	"unicode"

	"github.com/xuncha/xuncha/internal/fold"
)

// Normalize maps a text to the form gold and extraction are compared in:
//
//  1. fold.String: full-width ASCII to ASCII, quote variants, traditional to simplified;
//  2. all whitespace is removed;
//  3. punctuation variants are unified (punctuation below): “x” and "x" compare equal;
//  4. pinyin glosses that mirror sites insert after a character are removed: 根據(jù) -> 根据.
//
// Normalize is idempotent: Normalize(Normalize(s)) == Normalize(s).
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range fold.String(s) {
		if unicode.IsSpace(r) {
			continue
		}
		if p, ok := punctuation[r]; ok {
			b.WriteString(p)
			continue
		}
		b.WriteRune(r)
	}
	return dropGlosses(b.String())
}

// dropGlosses removes each pinyin gloss that follows a Han character, looking at the text as
// it is being written, so that 集團(tuán)(tuán) loses both and the result has none left.
func dropGlosses(s string) string {
	if !strings.Contains(s, "(") {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		if rs[i] == '(' && len(out) > 0 && unicode.Is(unicode.Han, out[len(out)-1]) {
			if n := glossLen(rs[i:]); n > 0 {
				i += n - 1
				continue
			}
		}
		out = append(out, rs[i])
	}
	return string(out)
}

// punctuation unifies marks that writers use interchangeably. fold has already turned
// full-width ASCII (，：；（）％) into ASCII and corner brackets into curly quotes.
var punctuation = map[rune]string{
	'“': `"`, '”': `"`, // “三重一大” and "三重一大"
	'‘': "'", '’': "'", // ‘磨’ and 'mo'
	'〔': "[", '〕': "]", // 〔2023〕7号
	'【': "[", '】': "]", // 【标题】
	'［': "[", '］': "]",
	'—': "-", '–': "-", '‐': "-", '‑': "-", '‒': "-", '―': "-", '－': "-", // 破折号 and hyphens
	'…': "...", '⋯': "...", // 省略号
	'・': "·", '•': "·", '‧': "·", '∙': "·", // 间隔号: 沃土欢歌·幸福榆树
	'﹐': ",", '﹑': "、", '﹔': ";", '﹕': ":", '﹖': "?", '﹗': "!", // small form variants
	'～': "~",
}

// glossLen returns the length in runes of a pinyin gloss at the start of rs — "(jù)", "(tǒng)",
// "(zhuān)" — or 0 when rs does not start with one. A gloss is 1 to 7 lower-case Latin letters,
// tone-marked or not, with at least one vowel, between ASCII parentheses (already folded).
func glossLen(rs []rune) int {
	if len(rs) < 3 || rs[0] != '(' {
		return 0
	}
	vowel := false
	for i := 1; i < len(rs) && i <= 8; i++ {
		r := rs[i]
		if r == ')' {
			if i == 1 || !vowel {
				return 0
			}
			return i + 1
		}
		if strings.ContainsRune(pinyinVowels, r) {
			vowel = true
			continue
		}
		if r < 'a' || r > 'z' {
			return 0
		}
	}
	return 0
}

// pinyinVowels are the vowels of pinyin with and without tone marks.
const pinyinVowels = "aeiouüvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"

// normalizeHeading is Normalize with the closing punctuation of a heading line dropped:
// "关于“政治引领有短板”问题的整改。" and "…问题的整改" are the same heading.
func normalizeHeading(s string) string {
	return strings.TrimRight(Normalize(s), "。.,;:、")
}

// normalizeMarker compares markers folded: （一） == (一), １． == 1.
func normalizeMarker(s string) string {
	return Normalize(s)
}
