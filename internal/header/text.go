package header

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/quantity"
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
}

// newHdrView folds s. The offset maps back to s are built on the first cut: most paragraphs
// are only searched, and the maps take sixteen bytes per byte of text.
func newHdrView(s string) *textView {
	v := &textView{orig: s}
	v.walk(false)
	return v
}

// walk folds v.orig into v.text, leaving out pinyin glosses; with maps it builds v.start and
// v.end instead.
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
		v.walk(true)
	}
	return v.orig[v.start[i]:v.end[j]]
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
		v.sents = sentenceSpans(v.text)
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
func sentenceSpans(s string) [][2]int {
	var out [][2]int
	from := 0
	for i, r := range s {
		switch r {
		case '。', '！', '？', '；', '!', '?', ';':
			end := i + utf8.RuneLen(r)
			out = append(out, [2]int{from, end})
			from = end
		}
	}
	if from < len(s) {
		out = append(out, [2]int{from, len(s)})
	}
	return out
}

// dateAt is one date mention in folded text; zero fields are not written.
type dateAt struct {
	s, e    int // byte span in the view text
	y, m, d int
	year    bool // the year is written
}

// day reports whether the mention names a day.
func (d dateAt) day() bool { return d.m > 0 && d.d > 0 }

// iso writes the date with year y (the mention's own if written).
func (d dateAt) iso(y int) string {
	if y <= 0 || d.m <= 0 {
		return ""
	}
	s := strconv.Itoa(y) + "-" + twoDigits(d.m)
	if d.d > 0 {
		s += "-" + twoDigits(d.d)
	}
	return s
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// datePatterns are the date forms of the opening sentences, tried at each position in turn.
var datePatterns = []struct {
	re       *regexp.Regexp
	example  string
	rangeEnd bool // only as the end of a period, right after a separator and a date
}{
	// Year, month, day.
	{regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]`), "2023年8月24日", false},
	// Year, month, day with points.
	{regexp.MustCompile(`^(\d{4})\.(\d{1,2})\.(\d{1,2})`), "2023.8.24", false},
	// Year, month, day with slashes.
	{regexp.MustCompile(`^(\d{4})/(\d{1,2})/(\d{1,2})`), "2023/8/24", false},
	// Month and day with points or slashes, the end of a period written 2023.3.1-4.30.
	{regexp.MustCompile(`^()(\d{1,2})[./](\d{1,2})`), "4.30", true},
	// Year and month only: a month-level period.
	{regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月`), "2021年3月", false},
	// Month and day, the year taken from context.
	{regexp.MustCompile(`^()(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]`), "12月1日", false},
	// Month alone, after 至 in a period (2021年3月至4月).
	{regexp.MustCompile(`^()(\d{1,2})\s*月`), "4月", false},
	// Year, month, day in Chinese numerals.
	{regexp.MustCompile(`^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日`), "二〇二三年十二月一日", false},
}

// rangeDay is a bare day after 至 in a period: 4月1日至30日.
var rangeDay = regexp.MustCompile(`^(\d{1,2})\s*[日号]`)

// rangeSep are the words between the two ends of a period.
var rangeSep = []string{"至", "到", "—", "-", "~", "－", "——", "起至", "起到", "起—"}

// scanDates returns the date mentions of folded text s in order.
func scanDates(s string) []dateAt {
	var out []dateAt
	for i := 0; i < len(s); {
		if i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
			i++
			continue
		}
		if r, n := utf8.DecodeRuneInString(s[i:]); !(r >= '0' && r <= '9') && !strings.ContainsRune("〇○零一二三四五六七八九", r) {
			i += n // a date starts with a digit
			continue
		}
		matched := false
		for _, p := range datePatterns {
			m := p.re.FindStringSubmatchIndex(s[i:])
			if m == nil {
				continue
			}
			d := dateAt{s: i, e: i + m[1]}
			d.y = readNumber(s[i+m[2] : i+m[3]])
			d.year = d.y > 0
			d.m = readNumber(s[i+m[4] : i+m[5]])
			if len(m) > 6 && m[6] >= 0 {
				d.d = readNumber(s[i+m[6] : i+m[7]])
			}
			if d.m < 1 || d.m > 12 || d.d > 31 {
				continue
			}
			if d.e < len(s) && (s[d.e] >= '0' && s[d.e] <= '9' || s[d.e] == '.') {
				continue // part of a longer number: 2023.8.245, 12月1日5
			}
			// A month alone counts only right after a period separator.
			if !d.year && d.d == 0 && !afterSep(s[:i]) {
				continue
			}
			if p.rangeEnd && (len(out) == 0 || !afterSep(s[:i]) || strings.TrimSpace(trimSep(s[out[len(out)-1].e:i])) != "") {
				continue
			}
			out = append(out, d)
			i = d.e
			matched = true
			break
		}
		if matched {
			continue
		}
		if m := rangeDay.FindStringSubmatchIndex(s[i:]); m != nil && len(out) > 0 && out[len(out)-1].m > 0 && afterSep(s[out[len(out)-1].e:i]) && strings.TrimSpace(trimSep(s[out[len(out)-1].e:i])) == "" {
			prev := out[len(out)-1]
			if d := readNumber(s[i+m[2] : i+m[3]]); d >= 1 && d <= 31 {
				out = append(out, dateAt{s: i, e: i + m[1], m: prev.m, d: d})
				i += m[1]
				continue
			}
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return out
}

// afterSep reports whether s ends with a period separator (spaces ignored).
func afterSep(s string) bool {
	s = strings.TrimRight(s, " ")
	for _, sep := range rangeSep {
		if strings.HasSuffix(s, sep) {
			return true
		}
	}
	return false
}

func trimSep(s string) string {
	s = strings.TrimSpace(s)
	for _, sep := range rangeSep {
		s = strings.TrimSuffix(s, sep)
	}
	return s
}

// datePair is two date mentions joined by 至: the second borrows the first's year (and month).
type datePair struct{ from, to dateAt }

// pairPeriods finds the periods among the mentions of s.
func pairPeriods(s string, ds []dateAt) []datePair {
	var out []datePair
	for i := 0; i+1 < len(ds); i++ {
		between := strings.TrimSpace(s[ds[i].e:ds[i+1].s])
		isSep := false
		for _, sep := range rangeSep {
			if between == sep {
				isSep = true
			}
		}
		if !isSep {
			continue
		}
		p := datePair{ds[i], ds[i+1]}
		if !p.to.year {
			p.to.y = p.from.y
		}
		out = append(out, p)
		i++
	}
	return out
}

// readNumber reads a number written in digits or Chinese (12, 二十八, 二〇二三) through the one
// numeral reader, quantity.ParseInt; 0 when s is not one.
func readNumber(s string) int {
	n, _ := quantity.ParseInt(s)
	return n
}

// inQuotes marks, for each byte of folded s, whether it sits inside “…” or ‘…’ quotes.
func inQuotes(s string) []bool {
	in := make([]bool, len(s)+1)
	depth := 0
	for i, r := range s {
		switch r {
		case '“', '‘':
			depth++
		case '”', '’':
			if depth > 0 {
				depth--
			}
		}
		for k := 0; k < utf8.RuneLen(r); k++ {
			in[i+k] = depth > 0
		}
	}
	return in
}
