package workbook

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// WriteJSON writes b as one line of compact JSON and a line break: byte for byte what
// encoding/json's Encoder writes with SetEscapeHTML(false) (TestWriteJSONMatchesEncoding holds
// it to that on random bulletins and on every bulletin of the corpora), without reflection. The
// line goes out in pieces of about 64 KB, a long text cut at rune starts, so a bulletin of
// hundreds of megabytes is never held a second time as its JSON line. A number JSON cannot hold
// (NaN, ±Inf) fails before anything is written; a failing writer stops the writing.
func WriteJSON(out io.Writer, b *bulletin.Bulletin) error {
	if f, ok := unwritableFloat(b); ok {
		return fmt.Errorf("json: unsupported value: %s", strconv.FormatFloat(f, 'g', -1, 64))
	}
	buf := jsonBuffers.Get().(*[]byte)
	e := jsonWriter{w: out, buf: (*buf)[:0]}
	e.bulletin(b)
	e.byte('\n')
	e.flush()
	*buf = e.buf
	jsonBuffers.Put(buf)
	if e.err != nil {
		return fmt.Errorf("json: %w", e.err)
	}
	return nil
}

// unwritableFloat returns a float of b that JSON cannot hold (NaN, ±Inf), if there is one.
func unwritableFloat(b *bulletin.Bulletin) (bad float64, found bool) {
	check := func(f float64) {
		if !found && (math.IsInf(f, 0) || math.IsNaN(f)) {
			bad, found = f, true
		}
	}
	metrics := func(ms []bulletin.Metric) {
		for _, m := range ms {
			check(m.Value)
			if m.Max != nil {
				check(*m.Max)
			}
		}
	}
	keywords := func(ks []bulletin.Keyword) {
		for _, k := range ks {
			check(k.Weight)
		}
	}
	if p := b.Declared.RatePercent; p != nil {
		check(*p)
	}
	metrics(b.Metrics)
	keywords(b.Keywords)
	for _, p := range b.Problems {
		metrics(p.Metrics)
		keywords(p.Keywords)
	}
	return bad, found
}

// jsonBuffers holds the buffers of finished writes for the next (a fresh buffer per line would
// cost more than the writing).
var jsonBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 8<<10); return &b }}

// jsonPiece is the size at which jsonWriter hands its buffer to the writer.
const jsonPiece = 64 << 10

// jsonWriter appends JSON to buf and flushes it to w past jsonPiece bytes. The methods below
// write the record's types field by field, in the order and with the names of their json
// tags; omitempty fields are left out where encoding/json leaves them out. The writer's first
// error is kept and stops all writing.
type jsonWriter struct {
	w   io.Writer
	buf []byte
	err error
}

func (e *jsonWriter) flush() {
	if e.err == nil && len(e.buf) > 0 {
		_, e.err = e.w.Write(e.buf)
	}
	e.buf = e.buf[:0]
}

func (e *jsonWriter) maybeFlush() {
	if len(e.buf) >= jsonPiece {
		e.flush()
	}
}

func (e *jsonWriter) byte(c byte)  { e.buf = append(e.buf, c) }
func (e *jsonWriter) int(n int64)  { e.buf = strconv.AppendInt(e.buf, n, 10) }
func (e *jsonWriter) str(s string) { e.string(s, false) }

// raw appends s as it is: a literal (null, true) or the JSON between two values, such as
// `,"name":` or `{"id":`.
func (e *jsonWriter) raw(s string) { e.buf = append(e.buf, s...) }
func (e *jsonWriter) strs(list []string) {
	e.list(len(list), list == nil, func(i int) { e.str(list[i]) })
}

func (e *jsonWriter) bool(v bool) {
	if v {
		e.raw("true")
	} else {
		e.raw("false")
	}
}

// day writes a Day as its MarshalJSON does: null when empty, else the string as json.Marshal
// writes it (with <, > and & escaped: the encoder keeps a Marshaler's escapes).
func (e *jsonWriter) day(d bulletin.Day) {
	if d == "" {
		e.raw("null")
		return
	}
	e.string(string(d), true)
}

// float writes f (never NaN or ±Inf: WriteJSON checks first) as encoding/json does: like ES6's number to string, %f between 1e-6 and 1e21,
// else an exponent without padding (1e-7, 1e+21).
func (e *jsonWriter) float(f float64) {
	// Most quantities are whole numbers: below 1e15 one prints as its integer does (negative
	// zero, which prints "-0", is left to AppendFloat).
	if f == math.Trunc(f) && math.Abs(f) < 1e15 && (f != 0 || !math.Signbit(f)) {
		e.buf = strconv.AppendInt(e.buf, int64(f), 10)
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	e.buf = strconv.AppendFloat(e.buf, f, format, -1, 64)
	if n := len(e.buf); format == 'e' && n >= 4 && e.buf[n-4] == 'e' && e.buf[n-3] == '-' && e.buf[n-2] == '0' {
		e.buf[n-2] = e.buf[n-1] // e-09 → e-9
		e.buf = e.buf[:n-1]
	}
}

func (e *jsonWriter) intPtr(p *int) {
	if p == nil {
		e.raw("null")
		return
	}
	e.int(int64(*p))
}

func (e *jsonWriter) floatPtr(p *float64) {
	if p == nil {
		e.raw("null")
		return
	}
	e.float(*p)
}

// list writes n elements with each, [] for an empty slice and null for a nil one.
func (e *jsonWriter) list(n int, isNil bool, each func(i int)) {
	if isNil {
		e.raw("null")
		return
	}
	e.byte('[')
	for i := range n {
		if i > 0 {
			e.byte(',')
		}
		each(i)
		e.maybeFlush()
	}
	e.byte(']')
}

// string writes s quoted and escaped as encoding/json's appendString does: \" \\ \b \f \n \r \t,
// other control bytes as \u00XX, an invalid byte as \ufffd, U+2028 and U+2029 escaped, and with
// html also <, > and & as \u003c \u003e \u0026. ASCII is told apart by one look at a table
// (jsonSafe, jsonSafeHTML); a character of three bytes that is always valid is passed over
// whole; the runs between escapes are copied as they are. A long s is flushed in pieces as it
// goes.
func (e *jsonWriter) string(s string, html bool) {
	const hex = "0123456789abcdef"
	safe := &jsonSafe
	if html {
		safe = &jsonSafeHTML
	}
	e.byte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if safe[c] {
				i++
				continue
			}
			e.buf = append(e.buf, s[start:i]...)
			switch c {
			case '"', '\\':
				e.buf = append(e.buf, '\\', c)
			case '\b':
				e.buf = append(e.buf, '\\', 'b')
			case '\f':
				e.buf = append(e.buf, '\\', 'f')
			case '\n':
				e.buf = append(e.buf, '\\', 'n')
			case '\r':
				e.buf = append(e.buf, '\\', 'r')
			case '\t':
				e.buf = append(e.buf, '\\', 't')
			default:
				e.buf = append(e.buf, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		// Three bytes led by E1-EC, EE or EF with two continuation bytes are always a valid
		// rune (no overlong form, no surrogate): Chinese text and its full-width and CJK
		// punctuation (，。：), passed over without decoding. E2 leads U+2028 and U+2029.
		if c >= 0xE1 && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
			c <= 0xEF && (c != 0xE2 || s[i+1] != 0x80 || s[i+2]&^1 != 0xA8) {
			i += 3
			if i-start >= jsonPiece {
				e.buf = append(e.buf, s[start:i]...)
				start = i
				e.maybeFlush()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			e.buf = append(e.buf, s[start:i]...)
			e.buf = append(e.buf, `\ufffd`...)
			start = i + size
		case r == '\u2028' || r == '\u2029':
			e.buf = append(e.buf, s[start:i]...)
			e.buf = append(e.buf, '\\', 'u', '2', '0', '2', hex[r&0xF])
			start = i + size
		}
		i += size
		if i-start >= jsonPiece { // a long run with nothing to escape: out in pieces
			e.buf = append(e.buf, s[start:i]...)
			start = i
			e.maybeFlush()
		}
	}
	e.buf = append(e.buf, s[start:]...)
	e.byte('"')
	e.maybeFlush()
}

// jsonSafe marks the ASCII bytes string copies as they are: from the space on, but " and \.
// jsonSafeHTML is jsonSafe without <, > and &. Bytes past ASCII are not marked: string reads
// their characters.
var jsonSafe, jsonSafeHTML = func() (plain, html [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		plain[c] = c != '"' && c != '\\'
		html[c] = plain[c] && c != '<' && c != '>' && c != '&'
	}
	return
}()

func (e *jsonWriter) bulletin(b *bulletin.Bulletin) {
	e.raw(`{"source":`)
	e.source(&b.Source)
	e.raw(`,"title":`)
	e.str(b.Title)
	e.raw(`,"kind":`)
	e.str(b.Kind)
	e.raw(`,"unit":`)
	e.str(b.Unit)
	e.raw(`,"inspector":`)
	e.str(b.Inspector)
	if b.Round != "" {
		e.raw(`,"round":`)
		e.str(b.Round)
	}
	e.raw(`,"inspection":{"start":`)
	e.day(b.Inspection.Start)
	e.raw(`,"end":`)
	e.day(b.Inspection.End)
	e.raw(`},"feedback_date":`)
	e.day(b.FeedbackDate)
	e.raw(`,"as_of_date":`)
	e.day(b.AsOfDate)
	e.raw(`,"publish_date":`)
	e.day(b.PublishDate)
	if b.Publisher != "" {
		e.raw(`,"publisher":`)
		e.str(b.Publisher)
	}
	if len(b.Meta) > 0 {
		e.raw(`,"meta":{`)
		keys := make([]string, 0, len(b.Meta))
		for k := range b.Meta {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for i, k := range keys {
			if i > 0 {
				e.byte(',')
			}
			e.str(k)
			e.byte(':')
			e.str(b.Meta[k])
		}
		e.byte('}')
	}
	e.raw(`,"declared":`)
	e.declared(&b.Declared)
	e.raw(`,"sections":`)
	e.list(len(b.Sections), b.Sections == nil, func(i int) { e.section(&b.Sections[i]) })
	e.raw(`,"problems":`)
	e.list(len(b.Problems), b.Problems == nil, func(i int) { e.problem(&b.Problems[i]) })
	e.raw(`,"metrics":`)
	e.metrics(b.Metrics)
	e.raw(`,"dates":`)
	e.list(len(b.Dates), b.Dates == nil, func(i int) { e.date(&b.Dates[i]) })
	e.raw(`,"contacts":{"phones":`)
	e.strs(b.Contacts.Phones)
	e.raw(`,"address":`)
	e.str(b.Contacts.Address)
	e.raw(`,"postcode":`)
	e.str(b.Contacts.Postcode)
	e.raw(`,"emails":`)
	e.strs(b.Contacts.Emails)
	e.raw(`},"keywords":`)
	e.keywords(b.Keywords)
	if len(b.Themes) > 0 {
		e.raw(`,"themes":`)
		e.list(len(b.Themes), false, func(i int) {
			e.raw(`{"theme":`)
			e.str(b.Themes[i].Theme)
			e.raw(`,"count":`)
			e.int(int64(b.Themes[i].Count))
			e.byte('}')
		})
	}
	if len(b.Orgs) > 0 {
		e.raw(`,"orgs":`)
		e.list(len(b.Orgs), false, func(i int) {
			e.raw(`{"name":`)
			e.str(b.Orgs[i].Name)
			e.raw(`,"count":`)
			e.int(int64(b.Orgs[i].Count))
			e.byte('}')
		})
	}
	e.raw(`,"paragraphs":`)
	e.list(len(b.Paragraphs), b.Paragraphs == nil, func(i int) { e.paragraph(&b.Paragraphs[i]) })
	e.raw(`,"checks":`)
	e.list(len(b.Checks), b.Checks == nil, func(i int) {
		c := &b.Checks[i]
		e.raw(`{"code":`)
		e.str(c.Code)
		e.raw(`,"ok":`)
		e.bool(c.OK)
		e.raw(`,"message":`)
		e.str(c.Message)
		e.byte('}')
	})
	e.raw(`,"warnings":`)
	e.list(len(b.Warnings), b.Warnings == nil, func(i int) {
		w := &b.Warnings[i]
		e.raw(`{"code":`)
		e.str(w.Code)
		e.raw(`,"message":`)
		e.str(w.Message)
		e.raw(`,"paragraph":`)
		e.int(int64(w.Paragraph))
		e.byte('}')
	})
	e.byte('}')
}

func (e *jsonWriter) source(s *bulletin.Source) {
	e.raw(`{"path":`)
	e.str(s.Path)
	e.raw(`,"url":`)
	e.str(s.URL)
	e.raw(`,"sha256":`)
	e.str(s.SHA256)
	e.raw(`,"format":`)
	e.str(s.Format)
	e.raw(`,"encoding":`)
	e.str(s.Encoding)
	e.raw(`,"bytes":`)
	e.int(s.Bytes)
	e.byte('}')
}

func (e *jsonWriter) declared(d *bulletin.Declared) {
	e.raw(`{"problems_total":`)
	e.intPtr(d.ProblemsTotal)
	e.raw(`,"problems_done":`)
	e.intPtr(d.ProblemsDone)
	e.raw(`,"problems_in_progress":`)
	e.intPtr(d.ProblemsInProgress)
	e.raw(`,"measures_total":`)
	e.intPtr(d.MeasuresTotal)
	e.raw(`,"measures_done":`)
	e.intPtr(d.MeasuresDone)
	e.raw(`,"rate_percent":`)
	e.floatPtr(d.RatePercent)
	if len(d.Other) > 0 {
		e.raw(`,"other":`)
		e.strs(d.Other)
	}
	e.byte('}')
}

func (e *jsonWriter) section(s *bulletin.Section) {
	e.raw(`{"id":`)
	e.str(s.ID)
	e.raw(`,"level":`)
	e.int(int64(s.Level))
	e.raw(`,"marker":`)
	e.str(s.Marker)
	e.raw(`,"title":`)
	e.str(s.Title)
	e.raw(`,"parent":`)
	e.str(s.Parent)
	e.raw(`,"paragraph":`)
	e.int(int64(s.Paragraph))
	e.byte('}')
}

func (e *jsonWriter) problem(p *bulletin.Problem) {
	e.raw(`{"id":`)
	e.str(p.ID)
	e.raw(`,"section":`)
	e.str(p.Section)
	if p.Category != "" {
		e.raw(`,"category":`)
		e.str(p.Category)
	}
	e.raw(`,"topic":`)
	e.str(p.Topic)
	e.raw(`,"quote":`)
	e.str(p.Quote)
	if p.Text != "" {
		e.raw(`,"text":`)
		e.str(p.Text)
	}
	e.raw(`,"status":`)
	e.str(p.Status)
	for _, f := range [...]struct{ key, v string }{
		{`,"status_from":`, p.StatusFrom},
		{`,"department":`, p.Department},
		{`,"person":`, p.Person},
		{`,"deadline":`, p.Deadline},
	} {
		if f.v != "" {
			e.raw(f.key)
			e.str(f.v)
		}
	}
	e.raw(`,"theme":`)
	e.str(p.Theme)
	if len(p.ThemeWords) > 0 {
		e.raw(`,"theme_words":`)
		e.strs(p.ThemeWords)
	}
	e.raw(`,"measures":`)
	e.list(len(p.Measures), p.Measures == nil, func(i int) {
		m := &p.Measures[i]
		e.raw(`{"ordinal":`)
		e.int(int64(m.Ordinal))
		e.raw(`,"text":`)
		e.str(m.Text)
		e.raw(`,"paragraph":`)
		e.int(int64(m.Paragraph))
		e.byte('}')
	})
	e.raw(`,"metrics":`)
	e.metrics(p.Metrics)
	e.raw(`,"orgs":`)
	e.strs(p.Orgs)
	e.raw(`,"keywords":`)
	e.keywords(p.Keywords)
	e.raw(`,"paragraph":`)
	e.int(int64(p.Paragraph))
	e.byte('}')
}

func (e *jsonWriter) metrics(list []bulletin.Metric) {
	e.list(len(list), list == nil, func(i int) {
		m := &list[i]
		e.raw(`{"text":`)
		e.str(m.Text)
		e.raw(`,"value":`)
		e.float(m.Value)
		if m.Max != nil {
			e.raw(`,"max":`)
			e.float(*m.Max)
		}
		e.raw(`,"unit":`)
		e.str(m.Unit)
		e.raw(`,"kind":`)
		e.str(m.Kind)
		e.raw(`,"approx":`)
		e.bool(m.Approx)
		if m.Bound != "" {
			e.raw(`,"bound":`)
			e.str(m.Bound)
		}
		if m.Each != 0 {
			e.raw(`,"each":`)
			e.int(int64(m.Each))
		}
		e.raw(`,"paragraph":`)
		e.int(int64(m.Paragraph))
		e.raw(`,"start":`)
		e.int(int64(m.Start))
		e.raw(`,"end":`)
		e.int(int64(m.End))
		if m.Owner != "" {
			e.raw(`,"owner":`)
			e.str(m.Owner)
		}
		e.byte('}')
	})
}

func (e *jsonWriter) date(d *bulletin.Date) {
	e.raw(`{"text":`)
	e.str(d.Text)
	e.raw(`,"date":`)
	e.day(d.Date)
	if d.End != "" {
		e.raw(`,"end":`)
		e.day(d.End)
	}
	e.raw(`,"inferred":`)
	e.bool(d.Inferred)
	e.raw(`,"paragraph":`)
	e.int(int64(d.Paragraph))
	e.raw(`,"start":`)
	e.int(int64(d.Start))
	e.raw(`,"stop":`)
	e.int(int64(d.Stop))
	e.byte('}')
}

func (e *jsonWriter) keywords(list []bulletin.Keyword) {
	e.list(len(list), list == nil, func(i int) {
		e.raw(`{"term":`)
		e.str(list[i].Term)
		e.raw(`,"weight":`)
		e.float(list[i].Weight)
		e.byte('}')
	})
}

func (e *jsonWriter) paragraph(p *bulletin.Paragraph) {
	e.raw(`{"index":`)
	e.int(int64(p.Index))
	e.raw(`,"role":`)
	e.str(p.Role)
	if p.Section != "" {
		e.raw(`,"section":`)
		e.str(p.Section)
	}
	if p.Problem != "" {
		e.raw(`,"problem":`)
		e.str(p.Problem)
	}
	e.raw(`,"text":`)
	e.str(p.Text)
	e.byte('}')
}
