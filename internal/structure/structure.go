// Package structure finds the heading tree of a bulletin: markers 一、 （一）/(一)/一）
// 1./1、/1． （1）/(1)/1） ① in full-width and ASCII forms, run-in headings split from their
// body, markers alone on their line with the title on the next, levels and parents; every
// paragraph gets a first role (heading or other) that extract refines.
//
// The level of a heading is fixed by the kind of its marker (see markerKinds), not by its
// depth in the text: a bulletin that goes from 一、 straight to 1. gets a level-3 section whose
// parent is the level-1 section. Markers are matched in folded text (package fold), which has
// the same rune offsets as the original, so what is reported is cut from the original.
package structure

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/runes"
)

// Parse turns the body paragraphs into indexed paragraphs and the section tree. A run-in
// heading ("（一）统一思想认识。正文…") becomes two paragraphs, heading then body; no text is
// lost: the output texts, concatenated, are the input texts concatenated, in order.
//
// A marker that stands alone on its line ("一、" then "总体情况" on the next) makes one section
// of the two lines: both keep the heading role, the section points at the marker line, and a
// run-in title line is split like a run-in heading ("（一）" then "统一思想。正文…").
func Parse(paras []string) ([]bulletin.Paragraph, []bulletin.Section) {
	out := make([]bulletin.Paragraph, 0, len(paras))
	var sections []bulletin.Section
	var open []int // indexes into sections of the open headings, levels increasing

	for i := 0; i < len(paras); i++ {
		p := paras[i]
		h, ok := ParseHeading(p)
		split := false // the marker stands alone and its title is the next paragraph
		if !ok && i+1 < len(paras) {
			h, ok = splitHeading(p, paras[i+1])
			split = ok
		}
		if !ok {
			cur := ""
			if len(open) > 0 {
				cur = sections[open[len(open)-1]].ID
			}
			out = append(out, bulletin.Paragraph{Index: len(out), Role: bulletin.RoleOther, Section: cur, Text: p})
			continue
		}
		for len(open) > 0 && sections[open[len(open)-1]].Level >= h.Level {
			open = open[:len(open)-1]
		}
		parent := ""
		if len(open) > 0 {
			parent = sections[open[len(open)-1]].ID
		}
		s := bulletin.Section{
			ID:        "S" + strconv.Itoa(len(sections)+1),
			Level:     h.Level,
			Marker:    h.Marker,
			Title:     h.Title,
			Parent:    parent,
			Paragraph: len(out),
		}
		sections = append(sections, s)
		open = append(open, len(sections)-1)
		if split {
			// The marker line, then the title line (itself split when run-in).
			out = append(out, bulletin.Paragraph{Index: len(out), Role: bulletin.RoleHeading, Section: s.ID, Text: p})
			i++
			p = paras[i]
		}
		out = append(out, bulletin.Paragraph{Index: len(out), Role: bulletin.RoleHeading, Section: s.ID, Text: p[:h.Split]})
		if h.Split < len(p) {
			out = append(out, bulletin.Paragraph{Index: len(out), Role: bulletin.RoleOther, Section: s.ID, Text: p[h.Split:]})
		}
	}
	return out, sections
}

// maxSplitTitle is the longest title, in runes, that the line after a lone marker may give:
// a longer first sentence is body text under a stray marker, not a title.
const maxSplitTitle = 100

// splitHeading reads a heading whose marker p stands alone on its line and whose title is the
// next paragraph next. Split is the byte offset in next where the title ends (len(next) when
// the whole line is the title). The next line must not be a heading or a marker itself.
func splitHeading(p, next string) (Heading, bool) {
	level, marker, ok := bareMarker(p)
	if !ok {
		return Heading{}, false
	}
	if _, ok := ParseHeading(next); ok {
		return Heading{}, false
	}
	if _, _, ok := bareMarker(next); ok {
		return Heading{}, false
	}
	f := fold.String(next)
	lead := len(f) - len(strings.TrimLeftFunc(f, unicode.IsSpace))
	if lead == len(f) {
		return Heading{}, false
	}
	h := makeHeading(next, f, lead, 0, level)
	if h.Title == "" || utf8.RuneCountInString(h.Title) > maxSplitTitle {
		return Heading{}, false
	}
	h.Marker = marker
	return h, true
}

// bareMarker reports whether p is a heading marker and nothing else (white space and a
// trailing colon aside): "一、", "（一）", "1.". The marker is returned as written.
func bareMarker(p string) (level int, marker string, ok bool) {
	if len(strings.TrimSpace(p)) > 24 || !mayOpenHeading(p) {
		return 0, "", false // longer than any marker, or no marker's first rune: spare the fold
	}
	return readBareMarker(p)
}

// readBareMarker is bareMarker without the tests that spare the fold.
func readBareMarker(p string) (level int, marker string, ok bool) {
	f := fold.String(p)
	lead := len(f) - len(strings.TrimLeftFunc(f, unicode.IsSpace))
	body := f[lead:]
	if body == "" || strings.HasPrefix(body, "【") {
		return 0, "", false
	}
	for _, k := range markerKinds {
		n := k.match(body)
		if n == 0 {
			continue
		}
		if strings.Trim(body[n:], " \t\r\n\u3000:") != "" {
			return 0, "", false
		}
		runeAt := func(byteOff int) int { return utf8.RuneCountInString(f[:byteOff]) }
		marker = p[byteOffset(p, runeAt(lead)):byteOffset(p, runeAt(lead+n))]
		return k.level, marker, true
	}
	return 0, "", false
}

// Heading is what ParseHeading reads from a paragraph that opens with a heading.
type Heading struct {
	Level  int    // fixed by the marker kind: 1 一、 · 2 （一） 一） · 3 1. · 4 （1） 1） · 5 ①
	Marker string // as written, without surrounding space; "" for an unmarked heading
	Title  string // the heading text without the marker and without the closing 。
	// Split is the byte offset where the heading ends: len(p) for a standalone heading, the
	// offset just past the first 。 (outside quotes) for a run-in heading followed by body text.
	Split int
}

// markerKind is one way of numbering a heading.
type markerKind struct {
	level int
	// match reports the byte length of the marker at the start of folded text s, 0 if none.
	match   func(s string) int
	example string
}

// markerKinds lists the heading markers, outermost first. Folded text is matched, so the
// full-width forms （一） （1） 1． are covered by their ASCII folds.
var markerKinds = []markerKind{
	// 一、 十二、 一 、 — a Chinese numeral and the enumeration comma. Not 一是, not 一、二季度.
	{1, matchHanComma, "一、强化领导能力"},
	// 一. 一． — a Chinese numeral and a point, a less common form of the same level.
	{1, matchHanDot, "一．总体情况"},
	// （一） (一) — a Chinese numeral in parentheses, full-width or ASCII (folded alike).
	{2, matchHanParen, "（一）关于“…”方面"},
	// ㈠ … ㈩ — the parenthesised-ideograph characters of word processors: （一）'s level.
	{2, matchRuneRange(0x3220, 0x3229), "㈠加强组织领导"},
	// 1. 1、 1． — Arabic digits and a point or comma. Not 1.05亿元, not 1、2月.
	{3, matchDigitDot, "1.关于“…”问题整改情况"},
	// 一） 一) — a Chinese numeral with only the closing parenthesis, a hurried （一）: the
	// same level.
	{2, matchHanHalfParen, "一）压实整改责任"},
	// （1） (1) — Arabic digits in parentheses.
	{4, matchDigitParen, "（1）关于“…”问题"},
	// 1） 1) — Arabic digits with only the closing parenthesis. Writers use it where others
	// write （1）, below 1.; it takes level 4, like （1）. Not 1)2) inside a formula: a digit
	// right after makes no marker.
	{4, matchDigitHalfParen, "1）建立整改台账"},
	// ⒈ … ⒛ — the digit-full-stop characters of word processors, the same level as 1.
	{3, matchRuneRange(0x2488, 0x249B), "⒈健全制度"},
	// ⑴ … ⒇ — the parenthesised-digit characters, the same level as （1）.
	{4, matchRuneRange(0x2474, 0x2487), "⑴建立台账"},
	// ① … ⑳ — circled digits.
	{5, matchRuneRange(0x2460, 0x2473), "①完善制度"},
}

// MarkerLen returns the byte length of the heading marker that folded text s starts with, 0
// if none: the one marker table, for stages that pass over a heading's marker.
func MarkerLen(s string) int {
	for _, k := range markerKinds {
		if n := k.match(s); n > 0 {
			return n
		}
	}
	return 0
}

// ParseHeading reports whether paragraph p opens with a heading, and reads it.
// Leading white space is skipped; a mirror-site heading 【类型:… | 标号:no | 标题:TEXT】 is an
// unmarked level-1 heading.
func ParseHeading(p string) (Heading, bool) {
	if !mayOpenHeading(p) {
		return Heading{}, false // most paragraphs: told from their first rune, not folded whole
	}
	return parseHeading(p)
}

// parseHeading is ParseHeading without the first-rune test.
func parseHeading(p string) (Heading, bool) {
	f := fold.String(p)
	lead := len(f) - len(strings.TrimLeftFunc(f, unicode.IsSpace))
	body := f[lead:]
	if body == "" {
		return Heading{}, false
	}
	// Folded and original byte offsets differ (a full-width space is three bytes, its fold
	// one): carry the offset over by rune count.
	origLead := byteOffset(p, utf8.RuneCountInString(f[:lead]))
	if t, ok := mirrorTitle(p[origLead:], body); ok {
		return Heading{Level: 1, Title: t, Split: len(p)}, true
	}
	for _, k := range markerKinds {
		n := k.match(body)
		if n == 0 {
			continue
		}
		rest := body[n:]
		if strings.TrimSpace(rest) == "" {
			return Heading{}, false // a bare marker is not a heading
		}
		h := makeHeading(p, f, lead, n, k.level)
		if h.Title == "" {
			return Heading{}, false // only punctuation after the marker: （一）：
		}
		return h, true
	}
	return Heading{}, false
}

// mayOpenHeading reports whether the first rune of p that is not white space once folded may
// start a heading: the first rune of a marker of markerKinds (a numeral 一 to 十, an ASCII digit,
// an opening parenthesis, a numbered character ㈠ ⒈ ⑴ ①) or of mirror-site markup (【).
func mayOpenHeading(p string) bool {
	for _, r := range p {
		r = fold.Rune(r)
		if unicode.IsSpace(r) {
			continue
		}
		switch {
		case r == '【' || r == '(' || r >= '0' && r <= '9':
			return true
		case r >= 0x2460 && r <= 0x249B, r >= 0x3220 && r <= 0x3229: // ① … ⒛, ㈠ … ㈩
			return true
		}
		return isHanDigit(r)
	}
	return false
}

// makeHeading builds the Heading of paragraph p (folded f) whose marker spans the folded bytes
// [lead, lead+n). Byte offsets in f and p differ where fold changed a rune's width, so offsets
// are carried over by rune count.
func makeHeading(p, f string, lead, n, level int) Heading {
	o := offsets{p: p, f: f, same: p == f}
	mStart := o.orig(lead)
	mEnd := o.orig(lead + n)
	marker := p[mStart:mEnd]

	cut := sentenceEnd(f[lead+n:]) // byte offset in folded rest, just past 。, or -1
	if c := colonEnd(f[lead+n:]); c >= 0 && (cut < 0 || c < cut) {
		cut = c // （二）压实整改责任：局党组书记履行第一责任人职责…
	}
	split := len(p)
	titleEnd := len(p)
	if cut >= 0 {
		end := o.orig(lead + n + cut)
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

// offsets carries byte offsets at rune boundaries of folded text f over to p, the text it was
// folded from: the same runes, one for one, as utf8.RuneCountInString of f and a range loop over
// p count them. Offsets asked in increasing order cost one walk over both together; where
// folding left p as it is (same), an offset is its own.
type offsets struct {
	p, f   string
	same   bool
	pi, fi int // f[:fi] and p[:pi] hold the same runes
}

// orig returns the byte offset in p of the rune at byte offset off of f (len(p) at the end).
func (o *offsets) orig(off int) int {
	if o.same {
		return off
	}
	if off < o.fi {
		o.pi, o.fi = 0, 0
	}
	for o.fi < off && o.fi < len(o.f) {
		_, n := runes.DecodeAt(o.f, o.fi)
		o.fi += n
		if o.pi < len(o.p) {
			_, m := runes.DecodeAt(o.p, o.pi)
			o.pi += m
		}
	}
	return o.pi
}

// byteOffset returns the byte offset of the rune with index runeOff in s.
func byteOffset(s string, runeOff int) int {
	i := 0
	for b := range s {
		if i == runeOff {
			return b
		}
		i++
	}
	return len(s)
}

// sentenceEnd returns the byte offset just past the first 。 of s that stands outside
// quotation marks and book-title marks, or -1. Where the quotes never balance, the first 。 at
// any depth is taken, so an unclosed quote cannot swallow the body.
func sentenceEnd(s string) int {
	var q quoteDepth
	first := -1
	for i, r := range s {
		q.step(r)
		if r == '。' {
			end := i + len("。")
			if first < 0 {
				first = end
			}
			if q.outside() {
				return end
			}
		}
	}
	if !q.outside() {
		return first // the quotes never close
	}
	return -1
}

// quoteDepth follows how deep a scan is inside quotation and book-title marks: “” ‘’ 《》
// nest, an ASCII " opens or closes a pair. A closing mark with nothing open is ignored.
type quoteDepth struct {
	depth int
	ascii bool // inside an ASCII "…" pair
}

// step takes one rune of the scan.
func (q *quoteDepth) step(r rune) {
	switch r {
	case '“', '‘', '《':
		q.depth++
	case '”', '’', '》':
		if q.depth > 0 {
			q.depth--
		}
	case '"':
		q.ascii = !q.ascii
	}
}

// outside reports whether the scan is outside every quote.
func (q *quoteDepth) outside() bool { return q.depth == 0 && !q.ascii }

// colonEnd returns the byte offset just past a colon that ends a run-in title, or -1: the
// title before it short (2 to maxColonTitle runes) and outside quotes, the body after it not
// empty. Example: "（二）压实整改责任：局党组书记履行第一责任人职责" -> title 压实整改责任. A colon
// between digits (10:30) ends nothing; a trailing colon (（二）存在的问题：) is trimmed by the caller.
func colonEnd(s string) int {
	var q quoteDepth
	runes := 0
	prev := rune(0)
	for i, r := range s {
		q.step(r)
		switch r {
		case '。':
			return -1
		case ':', '：':
			end := i + utf8.RuneLen(r)
			next, _ := utf8.DecodeRuneInString(s[end:])
			switch {
			case !q.outside() || runes < 2:
			case prev >= '0' && prev <= '9' && next >= '0' && next <= '9':
			case strings.TrimSpace(s[end:]) == "":
				return -1
			default:
				return end
			}
		}
		if runes++; runes > maxColonTitle {
			return -1
		}
		prev = r
	}
	return -1
}

// maxColonTitle is the longest run-in title, in runes, that a colon may end.
const maxColonTitle = 40

// hanDigits are the Chinese numerals used in markers.
const hanDigits = "一二三四五六七八九十"

// isHanDigit reports whether r is one of hanDigits, as strings.ContainsRune(hanDigits, r) does,
// by a switch rather than a search of the string.
func isHanDigit(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return false
}

// hanNumeralLen returns the byte length of a Chinese numeral (一 … 九十九) at the start of s.
func hanNumeralLen(s string) int {
	n, count := 0, 0
	for _, r := range s {
		if !isHanDigit(r) {
			break
		}
		n += utf8.RuneLen(r)
		count++
		if count > 3 {
			return 0
		}
	}
	return n
}

// matchHanComma matches 一、 (not 一、二季度: a numeral list is not a heading).
func matchHanComma(s string) int {
	n := hanNumeralLen(s)
	if n == 0 {
		return 0
	}
	n += len(s[n:]) - len(strings.TrimLeft(s[n:], " ")) // 一 、 as some pages space it
	if !strings.HasPrefix(s[n:], "、") {
		return 0
	}
	m := n + len("、")
	if k := hanNumeralLen(s[m:]); k > 0 && (strings.HasPrefix(s[m+k:], "、") || strings.HasPrefix(s[m+k:], "季度")) {
		return 0
	}
	return m
}

// matchHanDot matches 一. (一． folded), not followed by a digit.
func matchHanDot(s string) int {
	n := hanNumeralLen(s)
	if n == 0 || !strings.HasPrefix(s[n:], ".") {
		return 0
	}
	if rest := s[n+1:]; rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		return 0
	}
	return n + 1
}

// matchHanParen matches (一) in folded text, and (一)、 where a comma follows.
func matchHanParen(s string) int { return matchParen(s, hanNumeralLen) }

// matchParen matches a number in parentheses, (一) or (1), and a comma after it; numLen gives
// the byte length of the number at the start of its argument (0: none).
func matchParen(s string, numLen func(string) int) int {
	if !strings.HasPrefix(s, "(") {
		return 0
	}
	n := numLen(s[1:])
	if n == 0 || !strings.HasPrefix(s[1+n:], ")") {
		return 0
	}
	return n + 2 + trailingComma(s[n+2:])
}

// trailingComma returns the length of a 、 that some writers put after a parenthesised
// marker: （一）、加强领导.
func trailingComma(s string) int {
	if strings.HasPrefix(s, "、") {
		return len("、")
	}
	return 0
}

// digitLen returns the byte length of 1-3 ASCII digits at the start of s, with a value of at
// least 1 (0 when there are none or more than three).
func digitLen(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 || n > 3 || strings.Trim(s[:n], "0") == "" {
		return 0
	}
	return n
}

// matchDigitDot matches 1. 1、 (1． folds to 1.), not 1.05亿元 or 1、2月: a digit right after
// the point makes a number, not a marker.
func matchDigitDot(s string) int {
	n := digitLen(s)
	if n == 0 {
		return 0
	}
	var m int
	switch {
	case strings.HasPrefix(s[n:], "."):
		m = n + 1
	case strings.HasPrefix(s[n:], "、"):
		m = n + len("、")
	default:
		return 0
	}
	rest := strings.TrimLeft(s[m:], " ")
	if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		return 0
	}
	return m
}

// matchDigitParen matches (1) in folded text, and (1)、 where a comma follows.
func matchDigitParen(s string) int { return matchParen(s, digitLen) }

// matchHanHalfParen matches 一) in folded text (一） folded).
func matchHanHalfParen(s string) int {
	n := hanNumeralLen(s)
	if n == 0 || !strings.HasPrefix(s[n:], ")") {
		return 0
	}
	return n + 1 + trailingComma(s[n+1:])
}

// matchDigitHalfParen matches 1) in folded text (1） folded), not followed by a digit.
func matchDigitHalfParen(s string) int {
	n := digitLen(s)
	if n == 0 || !strings.HasPrefix(s[n:], ")") {
		return 0
	}
	if rest := s[n+1:]; rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		return 0
	}
	return n + 1 + trailingComma(s[n+1:])
}

// matchRuneRange matches one rune in [lo, hi].
func matchRuneRange(lo, hi rune) func(string) int {
	return func(s string) int {
		r, n := utf8.DecodeRuneInString(s)
		if r < lo || r > hi {
			return 0
		}
		return n
	}
}

// mirrorTitle reads the heading markup a mirror site renders: 【类型:dqd-Title-t2-s1 | 标号:no |
// 标题:党组履行巡视整改主体责任情况】. orig and folded are the same text, unfolded and folded.
func mirrorTitle(orig, folded string) (string, bool) {
	if !strings.HasPrefix(folded, "【") || !strings.HasSuffix(strings.TrimRightFunc(folded, unicode.IsSpace), "】") {
		return "", false
	}
	i := strings.Index(folded, "标题:")
	if i < 0 {
		return "", false
	}
	r := utf8.RuneCountInString(folded[:i+len("标题:")])
	t := orig[byteOffset(orig, r):]
	t = strings.TrimRightFunc(t, unicode.IsSpace)
	t = strings.TrimSuffix(t, "】")
	t = strings.TrimSpace(t)
	if t == "" {
		return "", false
	}
	return t, true
}
