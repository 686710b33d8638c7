package problem

import (
	"strings"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/quantity"
	"github.com/xuncha/xuncha/internal/runes"
)

// MeasureItems splits text into its enumerated measure items: 一是…；二是…；三是…, up to 十是,
// 十一是 and beyond. An item marker counts at the start of text (any ordinal, so a paragraph
// that carries on a list with 二是… is read) or after punctuation, and inline only in sequence: the
// first inline marker must be 一是 and each next one the next number, so 唯一是 or a stray 三是
// in prose is not a marker. Text before the first marker is not an item (see splitMeasures).
//
// Each item's Text runs from after its marker to the next marker, trimmed of spaces and kept as
// written otherwise, so the last item ends with 。 exactly when text does; Paragraph is 0 (the
// caller knows it). An item is complete when another item follows it or its text ends a sentence
// (CompleteMeasures counts them, as the gold's measure_markers does).
func MeasureItems(text string) []bulletin.Measure {
	_, items := splitMeasures(text)
	return items
}

// CompleteMeasures counts the complete items of MeasureItems(text): every item followed by another,
// and the last one when it is not empty and ends a sentence (。；！？). An excerpt cut mid-item
// leaves that item incomplete.
func CompleteMeasures(text string) int {
	items := MeasureItems(text)
	n := 0
	for i, m := range items {
		if i < len(items)-1 || endsSentence(m.Text) {
			n++
		}
	}
	return n
}

// CountMeasureItems is CompleteMeasures over every paragraph of b: the figure the gold calls
// measure_markers. Only scoring needs it, so the pipeline computes it on request
// (Options.MeasureItems), not for every bulletin.
func CountMeasureItems(b *bulletin.Bulletin) int {
	n := 0
	for _, p := range b.Paragraphs {
		n += CompleteMeasures(p.Text)
	}
	return n
}

// endsSentence reports whether s ends with a sentence-ending mark, before a short parenthesis
// that closes an item with its status: …累计通报12期。（已完成）
func endsSentence(s string) bool {
	s = trimTrailingParen(strings.TrimSpace(s))
	for _, end := range []string{"。", "；", ";", "！", "!", "？", "?", "”", "’"} {
		if strings.HasSuffix(s, end) {
			if end == "”" || end == "’" { // 。” — a sentence closed inside a quotation
				t := strings.TrimSuffix(s, end)
				return strings.HasSuffix(t, "。") || strings.HasSuffix(t, "！") || strings.HasSuffix(t, "？")
			}
			return true
		}
	}
	return false
}

// maxTrailingParen is the longest trailing parenthesis endsSentence looks past, in runes.
const maxTrailingParen = 16

// trimTrailingParen cuts a short parenthesis — （已完成）, (正在整改), 【长期坚持】 — off the end of s,
// with the spaces before it.
func trimTrailingParen(s string) string {
	// Most texts do not end with a closing bracket: they are returned before the rune slice is
	// built (the switch below would return them unchanged).
	if last, _ := utf8.DecodeLastRuneInString(s); last != '）' && last != ')' && last != '】' {
		return s
	}
	rs := []rune(s)
	if len(rs) < 2 {
		return s
	}
	var opener rune
	switch rs[len(rs)-1] {
	case '）':
		opener = '（'
	case ')':
		opener = '('
	case '】':
		opener = '【'
	default:
		return s
	}
	for k := len(rs) - 2; k >= 0 && len(rs)-k <= maxTrailingParen; k-- {
		if rs[k] == opener {
			return strings.TrimSpace(string(rs[:k]))
		}
	}
	return s
}

// itemMarker is one 一是 / 二是 marker found in folded runes.
type itemMarker struct {
	start, end int // the marker's rune span
	ordinal    int
}

// splitMeasures returns the text before the first item marker (trimmed) and the items.
func splitMeasures(text string) (lead string, items []bulletin.Measure) {
	return splitMeasuresFolded(text, fold.String(text))
}

// splitMeasuresFolded is splitMeasures for text already folded (folded == fold.String(text)).
func splitMeasuresFolded(text, folded string) (lead string, items []bulletin.Measure) {
	return splitItems(text, folded, itemVerbs[0].verb, 1)
}

// itemVerbs follow the numeral of an enumerated item: 一是…二是…, 一要…二要… . The first, 是, is the
// one the gold's measure_markers counts (MeasureItems, CompleteMeasures); the others split a
// problem's measures only where no 是 items are found, and only as a list of two or more.
var itemVerbs = []struct {
	verb rune
	min  int // the fewest items that make a list
}{
	{'是', 1}, // 一是修订制度；二是开展培训。
	{'要', 2}, // 一要落实党员积分管理；二要严格党员发展程序。
}

// splitItems returns the text before the first item marker with the given verb (trimmed) and
// the items, when there are at least min of them.
func splitItems(text, folded string, verb rune, min int) (lead string, items []bulletin.Measure) {
	var sc scratch
	marks, n := sc.itemMarks(folded, verb, min)
	if marks == nil {
		return strings.TrimSpace(text), nil
	}
	return cutItems(text, n, marks)
}

// scratch holds the buffers that reading the measures of a text reuses from one text to the
// next: what they hold is read before the next text is.
type scratch struct {
	runes    []rune       // the folded runes of the text being read
	decoded  bool         // runes holds the runes of the current text (see decode)
	marks    []itemMarker // its item or list markers
	labels   []labelAt    // its labels
	plain    []foldedText // splitFields' texts
	parts    []measurePart
	measures []bulletin.Measure
	prose    []string
	fields   labelBlock // the labelled fields of a problem's measures
}

// reset empties the buffers, keeping their room.
func (sc *scratch) reset() {
	*sc = scratch{runes: sc.runes[:0], marks: sc.marks[:0], labels: sc.labels[:0], plain: sc.plain[:0], parts: sc.parts[:0], measures: sc.measures[:0], prose: sc.prose[:0]}
}

// decode returns the runes of folded, decoded into sc.runes unless they already are (decoded is
// reset by the caller for each new text).
func (sc *scratch) decode(folded string) []rune {
	if !sc.decoded {
		sc.runes = runes.Append(sc.runes[:0], folded)
		sc.decoded = true
	}
	return sc.runes
}

// itemMarks returns the item markers with the given verb in folded text and its rune count, or
// nil when there are fewer than min of them (see splitItems). The markers are in sc.marks.
func (sc *scratch) itemMarks(folded string, verb rune, min int) ([]itemMarker, int) {
	if !mayItem(folded, verb) {
		return nil, 0
	}
	rs := sc.decode(folded)
	sc.marks = appendItemMarkers(sc.marks[:0], rs, verb)
	if len(sc.marks) < min || len(sc.marks) == 0 {
		return nil, 0
	}
	return sc.marks, len(rs)
}

// cutItems cuts text (n runes long) at its item markers: the trimmed text before the first
// marker, and one measure per marker, running to the next marker or the end.
func cutItems(text string, n int, marks []itemMarker) (lead string, items []bulletin.Measure) {
	var w runeWalker // the marks are in order: one walk over text finds every offset
	w.s = text
	lead = strings.TrimSpace(w.cut(0, marks[0].start))
	items = make([]bulletin.Measure, 0, len(marks))
	for k, m := range marks {
		end := n
		if k+1 < len(marks) {
			end = marks[k+1].start
		}
		items = append(items, bulletin.Measure{Ordinal: m.ordinal, Text: strings.TrimSpace(w.cut(m.end, end))})
	}
	return lead, items
}

// runeWalker cuts s between rune offsets as runeCutter does, walking s from the last offset it
// was asked for (from the start when asked for an earlier one): cuts in order cost one walk and
// no table.
type runeWalker struct {
	s    string
	r, b int // rune offset r is byte offset b
}

// at returns the byte offset of rune offset r, or len(s) past the end.
func (w *runeWalker) at(r int) int {
	if r < w.r {
		w.r, w.b = 0, 0
	}
	s, b, n := w.s, w.b, w.r
	for n < r && b < len(s) {
		// The width of the rune at b, as a range loop steps: ASCII and the valid 3-byte forms
		// (as runes.Rune3 tells them) inline, the rest by runes.DecodeAt.
		switch c := s[b]; {
		case c < utf8.RuneSelf:
			b++
		case c-0xE1 <= 0xEF-0xE1 && c != 0xED && b+2 < len(s) && s[b+1]&0xC0 == 0x80 && s[b+2]&0xC0 == 0x80:
			b += 3
		default:
			_, k := runes.DecodeAt(s, b)
			b += k
		}
		n++
	}
	w.b, w.r = b, n
	return b
}

// cut returns s between rune offsets a and b, clamped to s.
func (w *runeWalker) cut(a, b int) string {
	a = max(a, 0)
	if a >= b {
		return ""
	}
	i := w.at(a)
	return w.s[i:w.at(b)]
}

// mayItem reports whether folded text holds the verb right after a numeral 一 to 十, as every
// item marker ends (一是, 十二是): text without one is not turned into runes to look for markers.
func mayItem(folded string, verb rune) bool {
	var buf [utf8.UTFMax]byte
	v := string(buf[:utf8.EncodeRune(buf[:], verb)])
	for i := 0; ; {
		k := strings.Index(folded[i:], v)
		if k < 0 {
			return false
		}
		i += k
		if r, _ := utf8.DecodeLastRuneInString(folded[:i]); isOrdinalDigit(r) {
			return true
		}
		i += len(v)
	}
}

// itemMarkers finds the 一是 markers of rs in sequence (一要 with verb 要).
func itemMarkers(rs []rune, verb rune) []itemMarker { return appendItemMarkers(nil, rs, verb) }

// appendItemMarkers is itemMarkers appending to out.
func appendItemMarkers(out []itemMarker, rs []rune, verb rune) []itemMarker {
	start := len(out)
	first := 0
	for first < len(rs) && isSpaceRune(rs[first]) {
		first++
	}
	for i := first; i < len(rs); i++ {
		if i > first && !itemBoundary(rs[i-1]) {
			continue
		}
		// A marker's numeral is all the ordinal digits from i (the verb is none), so the verb
		// must follow the run of them: told before the numeral is read.
		k := i
		for k < len(rs) && isOrdinalDigit(rs[k]) {
			k++
		}
		if k == i || k >= len(rs) || rs[k] != verb && !isOrdinalDigit(verb) {
			continue
		}
		n, w := chineseOrdinal(rs[i:])
		if w == 0 || i+w >= len(rs) || rs[i+w] != verb {
			continue
		}
		switch {
		case len(out) > start:
			if n != out[len(out)-1].ordinal+1 {
				continue
			}
		case i > first && n != 1:
			continue // inline, a list must start at 一是
		}
		out = append(out, itemMarker{start: i, end: i + w + 1, ordinal: n})
		i += w
	}
	return out
}

// itemBoundary reports whether an item marker may follow r: punctuation or a space.
func itemBoundary(r rune) bool {
	switch r {
	case '。', '；', ';', '：', ':', '，', ',', '！', '!', '？', '?', '、', ')', '”':
		return true
	}
	return isSpaceRune(r)
}

func isSpaceRune(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// chineseOrdinal reads the Chinese numeral at the start of rs as an ordinal of a list (一, 十,
// 二十三; up to 99) through the one numeral reader, quantity.ReadNumber. It returns the value
// and the runes it takes, or 0, 0 where no such ordinal starts rs (Arabic digits are not
// Chinese ordinals: 1. is read as a marker elsewhere).
func chineseOrdinal(rs []rune) (int, int) {
	if len(rs) == 0 || !isOrdinalDigit(rs[0]) {
		return 0, 0 // the common case, decided before the numeral reader is asked
	}
	v, end, ok := quantity.ReadNumber(rs, 0)
	if !ok || v < 1 || v > 99 || v != float64(int(v)) {
		return 0, 0
	}
	for _, r := range rs[:end] {
		if !isOrdinalDigit(r) {
			return 0, 0 // 廿, 两, capitals, decimals: not how lists are numbered
		}
	}
	return int(v), end
}

// isOrdinalDigit reports whether r is one of the numerals lists are numbered with: 一 to 十.
func isOrdinalDigit(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return false
}

// listMarker is one (1) / 1、 / ① marker of an inline numbered list.
type listMarker = itemMarker

// listMarks returns the markers of an inline numbered list in folded text — （1）…（2）…,
// 1、…2、…, 1.…2.…, ①…②… — and its rune count: the first list style with at least two markers
// numbered from 1 in sequence, each after a boundary, or nil. Used for measures only where no
// 一是 items are found. The markers are in sc.marks.
func (sc *scratch) listMarks(folded string) ([]listMarker, int) {
	if !mayList(folded) {
		return nil, 0
	}
	rs := sc.decode(folded)
	for _, style := range []int{listParen, listParenHan, listComma, listDot, listCircled} {
		sc.marks = appendListMarkers(sc.marks[:0], rs, style)
		if len(sc.marks) < 2 {
			continue
		}
		return sc.marks, len(rs)
	}
	return nil, 0
}

// mayList reports whether folded text holds what every list marker starts with: (, an ASCII
// digit, or one of ① to ⑳ (E2 91 A0 to E2 91 B3).
func mayList(folded string) bool {
	for i := 0; i < len(folded); i++ {
		switch c := folded[i]; {
		case c == '(' || c >= '0' && c <= '9':
			return true
		case c == 0xE2 && i+2 < len(folded) && folded[i+1] == 0x91 && folded[i+2] >= 0xA0 && folded[i+2] <= 0xB3:
			return true
		}
	}
	return false
}

// List styles.
const (
	listParen    = iota // (1) — （1） folds to (1)
	listParenHan        // (一) — （一）修订制度；（二）开展培训。
	listComma           // 1、
	listDot             // 1. not followed by a digit (1.05亿元 is a number)
	listCircled         // ①
)

// listMarkers finds the markers of one style in rs, in sequence from 1.
func listMarkers(rs []rune, style int) []listMarker { return appendListMarkers(nil, rs, style) }

// appendListMarkers is listMarkers appending to out.
func appendListMarkers(out []listMarker, rs []rune, style int) []listMarker {
	start := len(out)
	for i := 0; i < len(rs); i++ {
		if i > 0 && !itemBoundary(rs[i-1]) {
			continue
		}
		n, w := 0, 0
		switch style {
		case listParen, listParenHan:
			if rs[i] == '(' {
				number := asciiNumber
				if style == listParenHan {
					number = chineseOrdinal
				}
				v, dw := number(rs[i+1:])
				if dw > 0 && i+1+dw < len(rs) && rs[i+1+dw] == ')' {
					n, w = v, dw+2
				}
			}
		case listComma, listDot:
			sep := '、'
			if style == listDot {
				sep = '.'
			}
			v, dw := asciiNumber(rs[i:])
			if dw > 0 && i+dw < len(rs) && rs[i+dw] == sep {
				if style == listDot && i+dw+1 < len(rs) && rs[i+dw+1] >= '0' && rs[i+dw+1] <= '9' {
					break
				}
				n, w = v, dw+1
			}
		case listCircled:
			if rs[i] >= '①' && rs[i] <= '⑳' {
				n, w = int(rs[i]-'①')+1, 1
			}
		}
		if w == 0 || n != len(out)-start+1 {
			continue
		}
		out = append(out, listMarker{start: i, end: i + w, ordinal: n})
		i += w - 1
	}
	return out
}

// asciiNumber reads up to two ASCII digits at the start of rs.
func asciiNumber(rs []rune) (int, int) {
	n, w := 0, 0
	for w < len(rs) && w < 2 && rs[w] >= '0' && rs[w] <= '9' {
		n = n*10 + int(rs[w]-'0')
		w++
	}
	return n, w
}

// runeCutter returns a function that cuts s between rune offsets, byte for byte as in s (an
// invalid byte counts as one rune, as fold counts it). It walks s as it is asked (see
// runeWalker) rather than building a table of offsets first.
func runeCutter(s string) func(a, b int) string {
	w := &runeWalker{s: s}
	return w.cut
}
