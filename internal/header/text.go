package header

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/quantity"
	"github.com/xuncha/xuncha/internal/runes"
)

// textView is one paragraph as the header patterns see it: folded (package fold) and with the
// pinyin glosses of mirror sites removed (根據(jù) -> 根据), with a map back to the original so
// that what is reported is cut from the text as written (glosses inside it kept).
type textView struct {
	orig  string
	text  string
	start []int // start[i]: byte offset in orig of the rune that starts at byte i of text
	end   []int // end[j]: byte offset in orig just past the rune that ends at byte j of text
	sents [][2]int
	arena *spanArena // where sents is kept, shared by the views of a bulletin (nil: a slice of its own)

	// Before the maps are built, cuts walk v.orig from at, the place of the last cut's start;
	// walked counts the bytes so walked, which the maps bound.
	at     viewAt
	walked int
}

// viewAt is a place in the walk of a view: byte off of orig, which folds to byte t of text, and
// prev the rune before off (0 at the start: no rune, as no Han character).
type viewAt struct {
	off, t int
	prev   rune
}

// newHdrView folds s. The offset maps back to s are built on the first cut: most paragraphs
// are only searched, and the maps take sixteen bytes per byte of text.
func newHdrView(s string) *textView {
	return &textView{orig: s, text: foldView(s)}
}

// foldView is the text walk(false) gives: s folded, pinyin glosses left out. It copies the runs
// of text that stay as they are whole, instead of writing every rune again, and returns s itself
// when nothing changes. TestFoldView and FuzzFoldView compare it with walk.
func foldView(s string) string {
	var b strings.Builder // grown once the text differs from s
	kept := 0             // s[kept:off] is not yet copied to b
	prev := rune(-1)      // the rune before off
	for off := 0; off < len(s); {
		c := s[off]
		if c < utf8.RuneSelf && c != '(' {
			prev = rune(c) // ASCII folds to itself
			off++
			continue
		}
		r, sz := rune(c), 1
		if c >= 0xE1 && c <= 0xEF && c != 0xED && off+2 < len(s) && s[off+1]&0xC0 == 0x80 && s[off+2]&0xC0 == 0x80 {
			// runes.Rune3's three-byte case, in line: most of Chinese text, and most of it a
			// character that folds to itself and opens no gloss.
			r, sz = rune(c&0x0F)<<12|rune(s[off+1]&0x3F)<<6|rune(s[off+2]&0x3F), 3
			if !slowInView(r) {
				prev = r
				off += 3
				continue
			}
		} else if c >= utf8.RuneSelf {
			r, sz = runes.DecodeAt(s, off)
		}
		if (r == '(' || r == '（') && prev >= 0 && unicode.Is(unicode.Han, prev) {
			if end, q := glossAt(s, off+sz); end > 0 {
				if b.Len() == 0 {
					b.Grow(len(s))
				}
				b.WriteString(s[kept:off])
				prev, off, kept = q, end, end
				continue
			}
		}
		prev = r
		f := fold.Rune(r)
		if f != r || r == utf8.RuneError && sz == 1 || utf8.RuneLen(f) < 0 {
			if b.Len() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[kept:off])
			if utf8.RuneLen(f) < 0 {
				f = utf8.RuneError
			}
			b.WriteRune(f)
			kept = off + sz
		}
		off += sz
	}
	if kept == 0 {
		return s
	}
	b.WriteString(s[kept:])
	return b.String()
}

// slowRunes has a bit for each rune below U+10000 that foldView must look at: one that folding
// changes or writes as U+FFFD, and （, which may open a gloss. It is 8 KB, where fold's table is
// 128 KB: Chinese text is mostly characters outside it.
var slowRunes = func() *[0x10000 / 64]uint64 {
	t := *fold.Changes()                      // a copy: the bits below are foldView's own
	for r := rune(0xD800); r <= 0xDFFF; r++ { // surrogates, which fold leaves and decoding writes as U+FFFD
		t[r>>6] |= 1 << (r & 63)
	}
	t['（'>>6] |= 1 << ('（' & 63)
	return &t
}()

// slowInView reports whether foldView must look at r (below U+10000): slowRunes.
func slowInView(r rune) bool { return slowRunes[r>>6]&(1<<(r&63)) != 0 }

// glossAt reads the rest of a pinyin gloss whose opening parenthesis ends at byte j of s: 1-7
// pinyin letters, then ) or ）. It returns the end of the gloss and its closing parenthesis, or
// 0 where there is none (as walk reads it).
func glossAt(s string, j int) (int, rune) {
	n := 0
	for j < len(s) {
		q, qn := utf8.DecodeRuneInString(s[j:])
		if !isPinyin(q) {
			break
		}
		j += qn
		n++
	}
	if n >= 1 && n <= 7 && j < len(s) {
		if q, qn := utf8.DecodeRuneInString(s[j:]); q == ')' || q == '）' {
			return j + qn, q
		}
	}
	return 0, 0
}

// walk folds v.orig into v.text, leaving out pinyin glosses; with maps it builds v.start and
// v.end instead. foldView gives the same text faster; walk builds the maps, on the first cut.
func (v *textView) walk(maps bool) {
	s := v.orig
	var b strings.Builder
	if maps {
		v.start = make([]int, 0, len(v.text)+1)
		v.end = make([]int, 0, len(v.text)+1)
		v.end = append(v.end, 0)
	} else {
		b.Grow(len(s))
	}
	prev := rune(-1) // the rune before off
	for off := 0; off < len(s); {
		r, sz := utf8.DecodeRuneInString(s[off:])
		// A gloss: ( or （, 1-7 pinyin letters, ) or ）, right after a Han character.
		if (r == '(' || r == '（') && prev >= 0 && unicode.Is(unicode.Han, prev) {
			j := off + sz
			n := 0
			var q rune
			var qn int
			for j < len(s) {
				q, qn = utf8.DecodeRuneInString(s[j:])
				if !isPinyin(q) {
					break
				}
				j += qn
				n++
			}
			if n >= 1 && n <= 7 && j < len(s) {
				if q, qn = utf8.DecodeRuneInString(s[j:]); q == ')' || q == '）' {
					prev = q
					off = j + qn
					continue
				}
			}
		}
		prev = r
		f := fold.Rune(r)
		n := utf8.RuneLen(f)
		if n < 0 {
			f, n = utf8.RuneError, 3
		}
		if maps {
			for k := 0; k < n; k++ {
				v.start = append(v.start, off)
				if k < n-1 {
					v.end = append(v.end, off)
				}
			}
			v.end = append(v.end, off+sz)
		} else if f < utf8.RuneSelf {
			b.WriteByte(byte(f))
		} else {
			b.WriteRune(f)
		}
		off += sz
	}
	if maps {
		v.start = append(v.start, len(s))
		return
	}
	v.text = b.String()
}

// cut returns the original text behind text[i:j].
func (v *textView) cut(i, j int) string {
	if i < 0 || j > len(v.text) || i >= j {
		return ""
	}
	if v.start == nil {
		// Most views are cut a few times, in order (the inspector, the unit; the counts of a
		// totals paragraph): walking on from the last cut's start is cheaper than building the
		// maps. A cut before it, or walks that add up to more than a few times the text, build
		// them.
		if i >= v.at.t && v.walked <= 4*len(v.orig) {
			from := v.at.off
			a, b, at := v.offsets(v.at, i, j)
			v.at = at
			v.walked += b - from
			return v.orig[a:b]
		}
		v.walk(true)
	}
	return v.orig[v.start[i]:v.end[j]]
}

// offsets returns start[i] and end[j] (from.t <= i < j <= len(v.text)) as walk(true) would map
// them, walking v.orig from the place from only up to the rune that ends at or holds byte j of
// v.text; at is the place of the rune that holds byte i, to walk on from. TestCutOffsets
// compares the two.
func (v *textView) offsets(from viewAt, i, j int) (start, end int, at viewAt) {
	s := v.orig
	off, t, prev := from.off, from.t, from.prev // t: the byte of v.text the rune at off folds to
	at = from
	for off < len(s) {
		if t <= i {
			at = viewAt{off: off, t: t, prev: prev}
		}
		r, sz := rune(s[off]), 1
		if r >= utf8.RuneSelf {
			r, sz = runes.DecodeAt(s, off)
		}
		if (r == '(' || r == '（') && prev > 0 && unicode.Is(unicode.Han, prev) {
			if e, q := glossAt(s, off+sz); e > 0 {
				prev, off = q, e
				continue
			}
		}
		prev = r
		n := utf8.RuneLen(fold.Rune(r))
		if n < 0 {
			n = 3 // written as U+FFFD
		}
		if i >= t && i < t+n {
			start = off
		}
		switch {
		case j > t && j < t+n:
			return start, off, at
		case j == t+n:
			return start, off + sz, at
		}
		t += n
		off += sz
	}
	return start, len(s), at // not reached: j <= len(v.text)
}

// isPinyin reports whether r may occur in a pinyin gloss (lower case, tone marks).
func isPinyin(r rune) bool {
	return (r >= 'a' && r <= 'z') || strings.ContainsRune("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ", r)
}

// headWindow bounds, in bytes, how far from a match the header patterns look (about 500 Han
// characters): a sentence longer than that is cut to the window around the match, so that a
// huge paragraph with no sentence end costs time in proportion to its length, not its square.
const headWindow = 1500

// maxPerPara bounds how many matches of one kind (groups, counts, labels) a paragraph is
// searched for: a real opening or totals paragraph has a handful.
const maxPerPara = 200

// sentences returns the sentence spans of the view's text, computed once.
func (v *textView) sentences() [][2]int {
	if v.sents == nil {
		v.sents = sentenceSpans(v.text, v.arena)
		if v.sents == nil {
			v.sents = [][2]int{}
		}
	}
	return v.sents
}

// sentenceAt returns the span of the sentence holding byte i, cut to headWindow bytes either
// side of i.
func (v *textView) sentenceAt(i int) [2]int {
	ss := v.sentences()
	k := sort.Search(len(ss), func(k int) bool { return ss[k][1] > i })
	sp := [2]int{0, len(v.text)}
	if k < len(ss) && ss[k][0] <= i {
		sp = ss[k]
	}
	if sp[0] < i-headWindow {
		sp[0] = runeStart(v.text, i-headWindow)
	}
	if sp[1] > i+headWindow {
		sp[1] = runeStart(v.text, i+headWindow)
	}
	return sp
}

// runeStart moves byte offset i back to the start of the rune holding it.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// sentenceSpans splits folded text into sentences: byte spans ending after 。！？；!?; or at the end.
// It reads bytes, not runes: every sentence end is ASCII or a three-byte character whose first
// byte (E3 or EF) is never a continuation byte, so the ends it finds are the ends a reading rune
// by rune finds, even in invalid text. The spans are gathered on the stack and copied once, into
// a (or a new slice). TestSentenceSpans and FuzzSentenceSpans compare it with that reading.
func sentenceSpans(s string, a *spanArena) [][2]int {
	var local [16][2]int
	out := local[:0]
	from := 0
	for i := 0; i < len(s); i++ {
		if !sentenceByte[s[i]] {
			continue
		}
		if k := sentenceEndAt(s, i); k > 0 {
			out = append(out, [2]int{from, i + k})
			from = i + k
		}
	}
	if from < len(s) {
		out = append(out, [2]int{from, len(s)})
	}
	if len(out) == 0 {
		return nil
	}
	return a.keep(out)
}

// spanArena holds the sentence spans of the views of one bulletin in a few chunks instead of a
// slice for each paragraph.
type spanArena struct{ buf [][2]int }

// keep returns a copy of spans, kept in a's current chunk (a new one when it is full); a nil
// arena gives a slice of its own.
func (a *spanArena) keep(spans [][2]int) [][2]int {
	if a == nil {
		return slices.Clone(spans)
	}
	if cap(a.buf)-len(a.buf) < len(spans) {
		a.buf = make([][2]int, 0, max(2*cap(a.buf), len(spans), 16))
	}
	n := len(a.buf)
	a.buf = append(a.buf, spans...)
	return a.buf[n:len(a.buf):len(a.buf)]
}

// sentenceByte marks the bytes a sentence end starts with: ! ? ; and E3 (。) and EF (！？；).
var sentenceByte = [256]bool{'!': true, '?': true, ';': true, 0xE3: true, 0xEF: true}

// sentenceEndAt returns the length of the sentence end (。！？；!?;) that starts at byte i of s,
// or 0.
func sentenceEndAt(s string, i int) int {
	switch s[i] {
	case '!', '?', ';':
		return 1
	case 0xE3: // 。 E3 80 82
		if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x82 {
			return 3
		}
	case 0xEF: // ！ EF BC 81, ？ EF BC 9F, ； EF BC 9B
		if i+2 < len(s) && s[i+1] == 0xBC && (s[i+2] == 0x81 || s[i+2] == 0x9F || s[i+2] == 0x9B) {
			return 3
		}
	}
	return 0
}

// dateAt is one date mention in folded text; zero fields are not written.
type dateAt struct {
	s, e    int // byte span in the view text
	y, m, d int
	year    bool // the year is written
	// rangeEnd: the end of a period whose start is the mention before (至26日 takes the
	// start's month). endM and endD end a period written as one mention (2019年4月12-19日).
	rangeEnd   bool
	endM, endD int
}

// day reports whether the mention names a day.
func (d dateAt) day() bool { return d.m > 0 && d.d > 0 }

// iso writes the date with year y (the mention's own if written), through the date reader's
// own writing: 2023-08-24, 2023-08.
func (d dateAt) iso(y int) string {
	if d.m <= 0 {
		return ""
	}
	return quantity.DateMention{Month: d.m, Day: d.d}.ISO(y)
}

// scanDates returns the month and day mentions of folded text s in order, read by the one date
// reader (quantity.DateMentions: every form it reads, in digits or Chinese numerals, ranges as
// their two ends). The header keeps what can be a period's end or a dated event: a date with a
// month. It leaves out years alone, half years and quarters (not an inspection's dates), garbled
// dates, and a year-less month with no day unless it ends a period (2021年3月至4月), because a
// bare 6月 in an opening sentence is too often a deadline or a month of some other year (but
// 同年8月 names the year last written, and is kept).
func scanDates(s string) []dateAt {
	if !mayMonth(s) {
		return nil
	}
	ms := quantity.DateMentions(s)
	if len(ms) == 0 {
		return nil
	}
	// Rune offsets to byte offsets: the mentions are in order, so one cursor walks s once.
	var at runeCursor
	out := make([]dateAt, 0, len(ms))
	for _, m := range ms {
		if m.Garbled || m.Month == 0 || m.Precision < quantity.PrecMonth {
			continue
		}
		start := at.byteAt(s, m.Start)
		if !m.YearWritten && m.Day == 0 && !m.RangeEnd && !sameYearBefore(s[:start]) {
			continue
		}
		d := dateAt{s: start, e: at.byteAt(s, m.Stop), m: m.Month, d: m.Day,
			rangeEnd: m.RangeEnd, endM: m.EndMonth, endD: m.EndDay}
		if m.YearWritten {
			d.y, d.year = m.Year, true
		}
		if m.RangeEnd && len(out) == 0 {
			continue // its start was left out above
		}
		out = append(out, d)
	}
	return out
}

// mayMonth reports whether s may hold a date mention scanDates keeps, one with a month. It is
// exact: the date reader reads a month from a number before 月 (3月, 2022年1-6月, 十二月), or from
// a date written in digits alone, whose parts are joined by -, . or / (2024-03-05, 2022.08.16);
// a range end without a month (至26日, 至4.30) takes it from its start. Most sentences have
// neither, and the reader turns the whole text into runes to look.
func mayMonth(s string) bool {
	return strings.Contains(s, "月") || strings.ContainsAny(s, "-./")
}

// runeCursor turns rune offsets of a string, asked in increasing order, into byte offsets.
type runeCursor struct{ runes, bytes int }

// byteAt returns the byte offset of rune offset r of s (len(s) past its end). An offset before
// the one asked last starts the walk again.
func (c *runeCursor) byteAt(s string, r int) int {
	if r < c.runes {
		*c = runeCursor{}
	}
	for c.runes < r && c.bytes < len(s) {
		_, n := utf8.DecodeRuneInString(s[c.bytes:])
		c.bytes += n
		c.runes++
	}
	return c.bytes
}

// sameYearWords name the year last written; a bare month after one is a date (同年8月反馈).
var sameYearWords = []string{"同年", "当年", "是年"}

// sameYearBefore reports whether s ends with one of sameYearWords.
func sameYearBefore(s string) bool {
	for _, w := range sameYearWords {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// datePair is a period: the second date borrows the first's year (and month).
type datePair struct{ from, to dateAt }

// pairPeriods finds the periods among the mentions of s: a mention and the range end after it
// (2023年8月24日至10月23日), or one mention that ends its own period (2019年4月12-19日,
// 2022年3-4月).
func pairPeriods(ds []dateAt) []datePair {
	var out []datePair
	for i := 0; i < len(ds); i++ {
		if i+1 < len(ds) && ds[i+1].rangeEnd {
			p := datePair{ds[i], ds[i+1]}
			if !p.to.year {
				p.to.y = p.from.y
			}
			out = append(out, p)
			i++
			continue
		}
		switch d := ds[i]; {
		case d.endD > 0 && d.d > 0:
			out = append(out, datePair{d, dateAt{s: d.s, e: d.e, y: d.y, m: d.m, d: d.endD}})
		case d.endM > 0 && d.d == 0: // 2022年3-4月
			out = append(out, datePair{d, dateAt{s: d.s, e: d.e, y: d.y, m: d.endM}})
		}
	}
	return out
}

// readNumber reads a number written in digits or Chinese (12, 二十八, 二〇二三) through the one
// numeral reader, quantity.ParseInt; 0 when s is not one.
func readNumber(s string) int {
	n, _ := quantity.ParseInt(s)
	return n
}

// inQuotes marks, for each byte of folded s, whether it sits inside “…” or ‘…’ quotes (the
// quotes themselves: an opening one is inside, a closing one that ends them is not), and the
// byte past its end as outside. It fills dst's room, grown as needed. It reads bytes: the
// quotes are the three-byte characters E2 80 98/99/9C/9D, whose first byte is never a
// continuation byte, so each byte takes the state of the character that holds it, as a reading
// rune by rune gives (inQuotesRunes in the tests; TestInQuotes and FuzzInQuotes compare them).
func inQuotes(dst []bool, s string) []bool {
	in := slices.Grow(dst[:0], len(s)+1)[:len(s)+1]
	if !strings.Contains(s, "“") && !strings.Contains(s, "‘") {
		clear(in) // no opening quote: nothing is inside
		return in
	}
	depth := 0
	for i := 0; i < len(s); {
		if q := quoteAt(s, i); q != 0 {
			if q > 0 {
				depth++
			} else if depth > 0 {
				depth--
			}
			q := depth > 0
			in[i], in[i+1], in[i+2] = q, q, q
			i += 3
			continue
		}
		in[i] = depth > 0
		i++
	}
	in[len(s)] = false
	return in
}

// quoteAt reports the quote that starts at byte i of s: 1 for “ or ‘, -1 for ” or ’, 0 for none.
func quoteAt(s string, i int) int {
	if s[i] != 0xE2 || i+2 >= len(s) || s[i+1] != 0x80 {
		return 0
	}
	switch s[i+2] {
	case 0x9C, 0x98: // “ ‘
		return 1
	case 0x9D, 0x99: // ” ’
		return -1
	}
	return 0
}
