package extract

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/problem"
	"github.com/xuncha/xuncha/internal/quantity"
	"github.com/xuncha/xuncha/internal/structure"
)

// extractNumbers fills b.Metrics and b.Dates from every paragraph through package quantity.
//
// Each metric keeps its paragraph, its rune offsets into Paragraph.Text, its text as written
// (cut from the unfolded paragraph) and its owner, the paragraph's problem; it is also
// appended to that problem's Metrics (which, where a problem's metrics lie together, is that
// stretch of b.Metrics, capped at its end). In a heading paragraph only the marker itself (一、,
// （一）, 1.) is passed over, not the heading text.
//
// Year-less dates (12月1日) take the year of the nearest earlier date that names its year at
// month or day level, walking the paragraphs in order; before any, the publish date's year,
// else the inspection start's. Dates that lost digits (2021915日) are not guessed: they become
// a "date_garbled" warning and no Date.
func extractNumbers(b *bulletin.Bulletin) {
	extractNumbersFolded(b, nil)
}

// extractNumbersFolded is extractNumbers, taking the folded text of a paragraph that is one
// window from seen (by position) where seen holds its text as it is now, not folding it again.
//
// The paragraphs are scanned with one quantity.Reader, and what they hold is gathered in a
// numScratch first, then placed in b, each list allocated once at its length.
func extractNumbersFolded(b *bulletin.Bulletin, seen []problem.Folded) {
	owners := make(map[string]int, len(b.Problems)) // problem ID -> index in b.Problems
	for i, p := range b.Problems {
		owners[p.ID] = i
	}
	markers := make(map[int]string) // paragraph index -> heading marker
	for _, s := range b.Sections {
		if s.Marker != "" {
			markers[s.Paragraph] = s.Marker
		}
	}
	// The paragraphs of a problem mostly come together, so its last look-up is kept.
	lastID, lastOwner := "", -1
	fallback := b.PublishDate.Year()
	if fallback == 0 {
		fallback = b.Inspection.Start.Year()
	}
	year := 0 // of the nearest earlier date with its year written
	ns := numScratches.Get().(*numScratch)
	defer ns.release()
	ns.rd = quantity.NewReader()
	defer ns.rd.Close()
	for k, p := range b.Paragraphs {
		one := [1]string{p.Text}
		wins := one[:] // a paragraph is one window, unless it is long
		folded := ""   // fold.String(p.Text) when seen has it
		if len(p.Text) > windowSize {
			wins = windows(p.Text, windowSize)
		} else if k < len(seen) && seen[k].Text == p.Text {
			folded = seen[k].Folded
		}
		owner := -1 // the index of the problem p belongs to
		if p.Problem != "" {
			if p.Problem != lastID {
				o, ok := owners[p.Problem]
				if !ok {
					o = -1
				}
				lastID, lastOwner = p.Problem, o
			}
			owner = lastOwner
		}
		base := 0 // rune offset of the window in the paragraph
		for i, win := range wins {
			heading, marker := i == 0 && p.Role == bulletin.RoleHeading, ""
			if heading {
				marker = markers[p.Index]
			}
			year = ns.scanWindow(b, p, win, folded, heading, marker, base, year, fallback, owner)
			if i < len(wins)-1 {
				base += utf8.RuneCountInString(win)
			}
		}
	}
	ns.place(b)
}

// numScratch is the scratch of extractNumbersFolded: the Reader it scans with, and the metrics
// (with the index of their problem in b.Problems, or -1) and dates it found, in order, before
// they are placed in the bulletin. numScratches lends it from one bulletin to the next.
type numScratch struct {
	rd      quantity.Reader
	metrics []bulletin.Metric
	owners  []int
	dates   []bulletin.Date
	counts  []int // per problem: its metrics, the first and the last of them, for place
}

var numScratches = sync.Pool{New: func() any { return new(numScratch) }}

// release empties ns (no strings kept alive by the pool) and returns it to numScratches; very
// large buffers are left to the collector.
func (ns *numScratch) release() {
	clear(ns.metrics)
	clear(ns.dates)
	ns.metrics, ns.owners, ns.dates, ns.counts = ns.metrics[:0], ns.owners[:0], ns.dates[:0], ns.counts[:0]
	ns.rd = quantity.Reader{}
	if cap(ns.metrics) <= 1<<12 && cap(ns.dates) <= 1<<12 && cap(ns.counts) <= 1<<12 {
		numScratches.Put(ns)
	}
}

// place appends the metrics and dates of ns to b.Metrics and b.Dates (made empty, not nil,
// where there are none), and each owned metric to its problem's Metrics, every list growing
// once, to its length. A problem whose metrics lie together in b.Metrics, and that had none
// before, is given that stretch of b.Metrics (capped at its end, so that an append copies):
// the same values without a second copy. The others' new lists share one array, each capped
// at its end.
func (ns *numScratch) place(b *bulletin.Bulletin) {
	off := len(b.Metrics) // where ns.metrics start in b.Metrics
	b.Metrics = appendAll(b.Metrics, ns.metrics)
	b.Dates = appendAll(b.Dates, ns.dates)
	n := len(b.Problems)
	if cap(ns.counts) < 3*n {
		ns.counts = make([]int, 3*n)
	}
	ps := ns.counts[:3*n]
	clear(ps)
	// per problem: how many metrics it owns, and where the first and the last lie in ns.metrics
	counts, first, last := ps[:n], ps[n:2*n], ps[2*n:]
	for i, o := range ns.owners {
		if o < 0 {
			continue
		}
		if counts[o] == 0 {
			first[o] = i
		}
		counts[o]++
		last[o] = i
	}
	room := 0
	for k, c := range counts {
		if c == 0 {
			continue
		}
		p := &b.Problems[k]
		if len(p.Metrics) == 0 && last[k]-first[k]+1 == c {
			end := off + last[k] + 1
			p.Metrics = b.Metrics[off+first[k] : end : end]
			counts[k] = 0 // placed
			continue
		}
		room += len(p.Metrics) + c
	}
	if room == 0 {
		return
	}
	all := make([]bulletin.Metric, 0, room)
	for k, c := range counts {
		if c > 0 {
			p := &b.Problems[k]
			n := len(p.Metrics) + c
			p.Metrics = append(all[len(all):len(all):len(all)+n], p.Metrics...)
			all = all[:len(all)+n]
		}
	}
	for i, m := range ns.metrics {
		if o := ns.owners[i]; o >= 0 && counts[o] > 0 {
			b.Problems[o].Metrics = append(b.Problems[o].Metrics, m)
		}
	}
}

// appendAll returns s with more appended, growing s once; an empty s is made non-nil.
func appendAll[T any](s, more []T) []T {
	if len(more) == 0 {
		if s == nil {
			return []T{}
		}
		return s
	}
	return append(append(make([]T, 0, len(s)+len(more)), s...), more...)
}

// windowSize is the length in bytes past which a paragraph is scanned in windows cut at
// sentence ends: a quantity or a date never spans a sentence end, and a paragraph of megabytes
// (a bulletin without line breaks) is then scanned in memory bounded by the window, not by the
// paragraph. Real paragraphs are far shorter, so they are scanned whole.
var windowSize = 64 << 10 // a variable so a test can make windows small

// windows cuts s into pieces of about size bytes, each ending just after a sentence end (。！？；
// or a line break) where one lies between size and 4×size bytes, else after a comma or space,
// else at a rune boundary. A short s is one piece.
func windows(s string, size int) []string {
	if len(s) <= size {
		return []string{s}
	}
	var out []string
	for len(s) > size {
		cut := cutAfter(s, size, 4*size, "。！？；!?;\n")
		if cut < 0 {
			cut = cutAfter(s, size, 4*size, "，、, \u3000\t")
		}
		if cut < 0 {
			cut = size
			for cut < len(s) && !utf8.RuneStart(s[cut]) {
				cut++
			}
		}
		out = append(out, s[:cut])
		s = s[cut:]
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}

// cutAfter is the byte offset just past the first rune of set in s[from:to], or -1.
func cutAfter(s string, from, to int, set string) int {
	for from < len(s) && !utf8.RuneStart(s[from]) {
		from++
	}
	if to > len(s) {
		to = len(s)
	}
	if from >= to {
		return -1
	}
	i := strings.IndexAny(s[from:to], set)
	if i < 0 {
		return -1
	}
	_, n := utf8.DecodeRuneInString(s[from+i:])
	return from + i + n
}

// firstRunes is the beginning of s, at most n runes.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// scanWindow adds the metrics and dates of win, a piece of paragraph p starting base runes into
// it, skipping the heading marker it starts with when heading is true (marker: the section's,
// where the tree gives it), to ns (owner: the index
// of p's problem in b.Problems, or -1), and returns the year later year-less dates take.
// folded is fold.String(win) when the caller has it, else "".
func (ns *numScratch) scanWindow(b *bulletin.Bulletin, p bulletin.Paragraph, win, folded string, heading bool, marker string, base, year, fallback, owner int) int {
	text := folded
	if text == "" {
		text = fold.String(win)
	}
	w := windowCut{win: win, text: text}
	context := year
	if context == 0 {
		context = fallback
	}
	skip := 0
	if heading {
		// fold maps rune for rune, so the first runes of text are the folded first runes of win.
		skip = numMarkerLen(firstRunes(text, 32), marker)
	}
	if skip > 0 {
		// The text after the first skip runes, cut in place: text is folded, so valid UTF-8,
		// and this is the same string as string([]rune(text)[skip:]) without the rune slice.
		// The marker is cut off before scanning, so 2.30个 in a heading 2.30个问题 reads 30个;
		// the dates are read in the whole text. (The Reader lends one buffer to both calls, so
		// the quantities are placed before the dates are read.)
		qs := ns.rd.Scan(text[len(firstRunes(text, skip)):])
		for i := range qs {
			qs[i].Start, qs[i].End = qs[i].Start+skip, qs[i].End+skip
		}
		year = ns.add(b, p, qs, nil, &w, base, year, owner)
		return ns.add(b, p, nil, ns.rd.ScanDates(text, context), &w, base, year, owner)
	}
	qs, ds := ns.rd.ScanAll(text, context) // the dates read once, for both
	return ns.add(b, p, qs, ds, &w, base, year, owner)
}

// add adds the quantities qs and the dates ds of a window starting base runes into paragraph
// p, their text cut by w, warns of the garbled dates, and returns the year later year-less
// dates take. It takes the two lists in the order of their offsets, so that w cuts forward.
func (ns *numScratch) add(b *bulletin.Bulletin, p bulletin.Paragraph, qs []quantity.Quantity, ds []quantity.Date, w *windowCut, base, year, owner int) int {
	for len(qs) > 0 || len(ds) > 0 {
		if len(ds) == 0 || len(qs) > 0 && qs[0].Start < ds[0].Start {
			q := &qs[0]
			qs = qs[1:]
			ns.metrics = append(ns.metrics, bulletin.Metric{
				Text:      w.written(q.Start, q.End),
				Value:     q.Value,
				Max:       q.Max,
				Unit:      q.Unit,
				Kind:      q.Kind,
				Approx:    q.Approx,
				Bound:     q.Bound,
				Each:      q.Each,
				Paragraph: p.Index,
				Start:     base + q.Start,
				End:       base + q.End,
				Owner:     p.Problem,
			})
			ns.owners = append(ns.owners, owner)
			continue
		}
		d := &ds[0]
		ds = ds[1:]
		written := w.written(d.Start, d.Stop)
		if d.Garbled {
			b.Warnings = append(b.Warnings, bulletin.Warning{
				Code:      "date_garbled",
				Message:   fmt.Sprintf("date %q has lost characters; not guessed", written),
				Paragraph: p.Index,
			})
			continue
		}
		if d.Date == "" {
			continue // year-less, and no year known
		}
		ns.dates = append(ns.dates, bulletin.Date{
			Text:      written,
			Date:      bulletin.Day(d.Date),
			End:       bulletin.Day(d.End),
			Inferred:  d.Inferred,
			Paragraph: p.Index,
			Start:     base + d.Start,
			Stop:      base + d.Stop,
		})
		switch {
		case !d.HasYear():
		case len(d.End) >= len("2006-01"): // 2023年8月24日至10月23日
			year = bulletin.Day(d.End).Year()
		case len(d.Date) >= len("2006-01"): // 2023年9月, 2024年2月22日; not a bare 2023年
			year = bulletin.Day(d.Date).Year()
		}
	}
	return year
}

// windowCut cuts the text as written (from win) of what was found in text, the folded win,
// setting up its runeCutter on the first cut.
type windowCut struct {
	win, text string
	ready     bool
	cut       runeCutter
}

func (w *windowCut) written(start, stop int) string {
	if !w.ready {
		// fold keeps the rune count (its FuzzStringKeepsRuneCount), so the offsets found in
		// text are offsets in win. fold writes U+FFFD for each bad byte, so a window is valid
		// UTF-8 when fold left it as it is or its folded text holds no U+FFFD; only a text with
		// one is asked whether the window had it as written.
		valid := w.text == w.win || !strings.Contains(w.text, "\uFFFD") || utf8.ValidString(w.win)
		w.cut, w.ready = runeCutter{s: w.win, valid: valid}, true
	}
	return w.cut.cut(start, stop)
}

// runeCutter cuts the text between two rune offsets out of s, as string([]rune(s)[start:stop])
// does, without the rune slice: from valid UTF-8 it slices s, walking from the last offset
// asked (offsets come in order). Invalid UTF-8, whose bad bytes the rune slice turns into
// U+FFFD, is cut through the rune slice.
type runeCutter struct {
	s     string
	valid bool
	rs    []rune // s as runes, for invalid UTF-8
	r, b  int    // a rune offset and its byte offset in s
}

func (c *runeCutter) cut(start, stop int) string {
	if !c.valid {
		if c.rs == nil {
			c.rs = []rune(c.s)
		}
		return string(c.rs[start:stop])
	}
	from := c.byteAt(start)
	return c.s[from:c.byteAt(stop)]
}

// byteAt returns the byte offset of rune offset r, walking from the last one (back to the
// start first when r lies nearer to it). s is valid UTF-8, so a rune's width is told by its
// first byte.
func (c *runeCutter) byteAt(r int) int {
	if r < c.r-r {
		c.r, c.b = 0, 0
	}
	for ; c.r > r; c.r-- {
		c.b--
		for !utf8.RuneStart(c.s[c.b]) {
			c.b--
		}
	}
	for ; c.r < r && c.b < len(c.s); c.r++ {
		switch b := c.s[c.b]; {
		case b < 0x80:
			c.b++
		case b < 0xE0:
			c.b += 2
		case b < 0xF0:
			c.b += 3
		default:
			c.b += 4
		}
	}
	return c.b
}

// foldedPrefix returns the rune length of marker when text, folded, starts with marker folded
// (strings.HasPrefix(text, fold.String(marker))), else -1. fold maps rune for rune, so the
// runes are compared one by one, without folding marker into a new string.
func foldedPrefix(text, marker string) int {
	i, n := 0, 0
	for _, r := range marker {
		t, size := utf8.DecodeRuneInString(text[i:])
		if size == 0 || t != fold.Rune(r) {
			return -1
		}
		i += size
		n++
	}
	return n
}

// numMarkerLen returns the rune length of the heading marker text starts with: the section's
// marker where the tree gives it, else the marker package structure reads (its one table).
func numMarkerLen(text, marker string) int {
	if marker != "" {
		if n := foldedPrefix(text, marker); n >= 0 {
			return n
		}
	}
	if n := structure.MarkerLen(text); n > 0 {
		return utf8.RuneCountInString(text[:n])
	}
	return 0
}
