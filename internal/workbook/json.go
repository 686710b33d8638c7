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
func (e *jsonWriter) raw(s string) { e.buf = append(e.buf, s...) }
func (e *jsonWriter) int(n int64)  { e.buf = strconv.AppendInt(e.buf, n, 10) }
func (e *jsonWriter) key(k string) { e.buf = append(e.buf, k...) } // `,"name":` as a literal
func (e *jsonWriter) str(s string) { e.string(s, false) }
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
// html also <, > and & as \u003c \u003e \u0026. A long s is flushed in pieces as it goes.
func (e *jsonWriter) string(s string, html bool) {
	const hex = "0123456789abcdef"
	e.byte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!html || c != '<' && c != '>' && c != '&') {
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
		// Three bytes led by E1-EC with two continuation bytes are always a valid rune (no
		// overlong form, no surrogate): most Chinese text, passed over without decoding.
		if c >= 0xE1 && c <= 0xEC && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
			(c != 0xE2 || s[i+1] != 0x80 || s[i+2]&^1 != 0xA8) { // not U+2028, U+2029
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

func (e *jsonWriter) bulletin(b *bulletin.Bulletin) {
	e.key(`{"source":`)
	e.source(&b.Source)
	e.key(`,"title":`)
	e.str(b.Title)
	e.key(`,"kind":`)
	e.str(b.Kind)
	e.key(`,"unit":`)
	e.str(b.Unit)
	e.key(`,"inspector":`)
	e.str(b.Inspector)
	if b.Round != "" {
		e.key(`,"round":`)
		e.str(b.Round)
	}
	e.key(`,"inspection":{"start":`)
	e.day(b.Inspection.Start)
	e.key(`,"end":`)
	e.day(b.Inspection.End)
	e.key(`},"feedback_date":`)
	e.day(b.FeedbackDate)
	e.key(`,"as_of_date":`)
	e.day(b.AsOfDate)
	e.key(`,"publish_date":`)
	e.day(b.PublishDate)
	if b.Publisher != "" {
		e.key(`,"publisher":`)
		e.str(b.Publisher)
	}
	if len(b.Meta) > 0 {
		e.key(`,"meta":{`)
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
	e.key(`,"declared":`)
	e.declared(&b.Declared)
	e.key(`,"sections":`)
	e.list(len(b.Sections), b.Sections == nil, func(i int) { e.section(&b.Sections[i]) })
	e.key(`,"problems":`)
	e.list(len(b.Problems), b.Problems == nil, func(i int) { e.problem(&b.Problems[i]) })
	e.key(`,"metrics":`)
	e.metrics(b.Metrics)
	e.key(`,"dates":`)
	e.list(len(b.Dates), b.Dates == nil, func(i int) { e.date(&b.Dates[i]) })
	e.key(`,"contacts":{"phones":`)
	e.strs(b.Contacts.Phones)
	e.key(`,"address":`)
	e.str(b.Contacts.Address)
	e.key(`,"postcode":`)
	e.str(b.Contacts.Postcode)
	e.key(`,"emails":`)
	e.strs(b.Contacts.Emails)
	e.key(`},"keywords":`)
	e.keywords(b.Keywords)
	if len(b.Themes) > 0 {
		e.key(`,"themes":`)
		e.list(len(b.Themes), false, func(i int) {
			e.key(`{"theme":`)
			e.str(b.Themes[i].Theme)
			e.key(`,"count":`)
			e.int(int64(b.Themes[i].Count))
			e.byte('}')
		})
	}
	if len(b.Orgs) > 0 {
		e.key(`,"orgs":`)
		e.list(len(b.Orgs), false, func(i int) {
			e.key(`{"name":`)
			e.str(b.Orgs[i].Name)
			e.key(`,"count":`)
			e.int(int64(b.Orgs[i].Count))
			e.byte('}')
		})
	}
	e.key(`,"paragraphs":`)
	e.list(len(b.Paragraphs), b.Paragraphs == nil, func(i int) { e.paragraph(&b.Paragraphs[i]) })
	e.key(`,"checks":`)
	e.list(len(b.Checks), b.Checks == nil, func(i int) {
		c := &b.Checks[i]
		e.key(`{"code":`)
		e.str(c.Code)
		e.key(`,"ok":`)
		e.bool(c.OK)
		e.key(`,"message":`)
		e.str(c.Message)
		e.byte('}')
	})
	e.key(`,"warnings":`)
	e.list(len(b.Warnings), b.Warnings == nil, func(i int) {
		w := &b.Warnings[i]
		e.key(`{"code":`)
		e.str(w.Code)
		e.key(`,"message":`)
		e.str(w.Message)
		e.key(`,"paragraph":`)
		e.int(int64(w.Paragraph))
		e.byte('}')
	})
	e.byte('}')
}

func (e *jsonWriter) source(s *bulletin.Source) {
	e.key(`{"path":`)
	e.str(s.Path)
	e.key(`,"url":`)
	e.str(s.URL)
	e.key(`,"sha256":`)
	e.str(s.SHA256)
	e.key(`,"format":`)
	e.str(s.Format)
	e.key(`,"encoding":`)
	e.str(s.Encoding)
	e.key(`,"bytes":`)
	e.int(s.Bytes)
	e.byte('}')
}

func (e *jsonWriter) declared(d *bulletin.Declared) {
	e.key(`{"problems_total":`)
	e.intPtr(d.ProblemsTotal)
	e.key(`,"problems_done":`)
	e.intPtr(d.ProblemsDone)
	e.key(`,"problems_in_progress":`)
	e.intPtr(d.ProblemsInProgress)
	e.key(`,"measures_total":`)
	e.intPtr(d.MeasuresTotal)
	e.key(`,"measures_done":`)
	e.intPtr(d.MeasuresDone)
	e.key(`,"rate_percent":`)
	e.floatPtr(d.RatePercent)
	if len(d.Other) > 0 {
		e.key(`,"other":`)
		e.strs(d.Other)
	}
	e.byte('}')
}

func (e *jsonWriter) section(s *bulletin.Section) {
	e.key(`{"id":`)
	e.str(s.ID)
	e.key(`,"level":`)
	e.int(int64(s.Level))
	e.key(`,"marker":`)
	e.str(s.Marker)
	e.key(`,"title":`)
	e.str(s.Title)
	e.key(`,"parent":`)
	e.str(s.Parent)
	e.key(`,"paragraph":`)
	e.int(int64(s.Paragraph))
	e.byte('}')
}

func (e *jsonWriter) problem(p *bulletin.Problem) {
	e.key(`{"id":`)
	e.str(p.ID)
	e.key(`,"section":`)
	e.str(p.Section)
	if p.Category != "" {
		e.key(`,"category":`)
		e.str(p.Category)
	}
	e.key(`,"topic":`)
	e.str(p.Topic)
	e.key(`,"quote":`)
	e.str(p.Quote)
	if p.Text != "" {
		e.key(`,"text":`)
		e.str(p.Text)
	}
	e.key(`,"status":`)
	e.str(p.Status)
	for _, f := range [...]struct{ key, v string }{
		{`,"status_from":`, p.StatusFrom},
		{`,"department":`, p.Department},
		{`,"person":`, p.Person},
		{`,"deadline":`, p.Deadline},
	} {
		if f.v != "" {
			e.key(f.key)
			e.str(f.v)
		}
	}
	e.key(`,"theme":`)
	e.str(p.Theme)
	if len(p.ThemeWords) > 0 {
		e.key(`,"theme_words":`)
		e.strs(p.ThemeWords)
	}
	e.key(`,"measures":`)
	e.list(len(p.Measures), p.Measures == nil, func(i int) {
		m := &p.Measures[i]
		e.key(`{"ordinal":`)
		e.int(int64(m.Ordinal))
		e.key(`,"text":`)
		e.str(m.Text)
		e.key(`,"paragraph":`)
		e.int(int64(m.Paragraph))
		e.byte('}')
	})
	e.key(`,"metrics":`)
	e.metrics(p.Metrics)
	e.key(`,"orgs":`)
	e.strs(p.Orgs)
	e.key(`,"keywords":`)
	e.keywords(p.Keywords)
	e.key(`,"paragraph":`)
	e.int(int64(p.Paragraph))
	e.byte('}')
}

func (e *jsonWriter) metrics(list []bulletin.Metric) {
	e.list(len(list), list == nil, func(i int) {
		m := &list[i]
		e.key(`{"text":`)
		e.str(m.Text)
		e.key(`,"value":`)
		e.float(m.Value)
		if m.Max != nil {
			e.key(`,"max":`)
			e.float(*m.Max)
		}
		e.key(`,"unit":`)
		e.str(m.Unit)
		e.key(`,"kind":`)
		e.str(m.Kind)
		e.key(`,"approx":`)
		e.bool(m.Approx)
		if m.Bound != "" {
			e.key(`,"bound":`)
			e.str(m.Bound)
		}
		if m.Each != 0 {
			e.key(`,"each":`)
			e.int(int64(m.Each))
		}
		e.key(`,"paragraph":`)
		e.int(int64(m.Paragraph))
		e.key(`,"start":`)
		e.int(int64(m.Start))
		e.key(`,"end":`)
		e.int(int64(m.End))
		if m.Owner != "" {
			e.key(`,"owner":`)
			e.str(m.Owner)
		}
		e.byte('}')
	})
}

func (e *jsonWriter) date(d *bulletin.Date) {
	e.key(`{"text":`)
	e.str(d.Text)
	e.key(`,"date":`)
	e.day(d.Date)
	if d.End != "" {
		e.key(`,"end":`)
		e.day(d.End)
	}
	e.key(`,"inferred":`)
	e.bool(d.Inferred)
	e.key(`,"paragraph":`)
	e.int(int64(d.Paragraph))
	e.key(`,"start":`)
	e.int(int64(d.Start))
	e.key(`,"stop":`)
	e.int(int64(d.Stop))
	e.byte('}')
}

func (e *jsonWriter) keywords(list []bulletin.Keyword) {
	e.list(len(list), list == nil, func(i int) {
		e.key(`{"term":`)
		e.str(list[i].Term)
		e.key(`,"weight":`)
		e.float(list[i].Weight)
		e.byte('}')
	})
}

func (e *jsonWriter) paragraph(p *bulletin.Paragraph) {
	e.key(`{"index":`)
	e.int(int64(p.Index))
	e.key(`,"role":`)
	e.str(p.Role)
	if p.Section != "" {
		e.key(`,"section":`)
		e.str(p.Section)
	}
	if p.Problem != "" {
		e.key(`,"problem":`)
		e.str(p.Problem)
	}
	e.key(`,"text":`)
	e.str(p.Text)
	e.byte('}')
}
