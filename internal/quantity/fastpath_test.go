package quantity

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

// corpusLines returns every line of the project's corpora and of the shared real corpus, folded.
func corpusLines(t testing.TB) []string {
	var lines []string
	for _, l := range testcorpus.Lines(t, "corpus/*", "testdata/heldout/*", "testdata/excerpts/*") {
		lines = append(lines, fold.String(l))
	}
	return lines
}

// TestFastPathsAgree checks the shortcuts of the hot loops against the readings they stand
// for, over every line of the corpora, and every suffix of the shorter lines so that every
// position is once a start:
//   - run, which passes over the characters outside stepSet, against step at every character;
//   - lexSpans, which passes over the characters outside dateStartSet and stops after the
//     last of dateMarks, against readSpan at every character;
//   - DatePrefix, which reads the first date only, against the first of all dates;
//   - numeralRunEnd, which lets chinesePart skip reading a numeral no 月 or 日 can follow,
//     against what smallNumber reads;
//   - readNumeral, which reads plain digits itself, against readTokens at every character of
//     every line;
//   - ScanAll against Scan and ScanDates;
//   - a Reader, reused from text to text, against Scan, ScanDates and ScanAll (without Text).
func TestFastPathsAgree(t *testing.T) {
	n := 0
	reader := NewReader()
	defer reader.Close()
	check := func(s string) {
		n++
		src := []rune(s)
		spans := lexSpansAgree(t, src)

		sc := &scanner{src: src, dates: spans, sign: -1}
		for sc.pos < len(sc.src) {
			sc.step()
		}
		rd := &reading{src: src}
		if got := rd.scan(spans); !reflect.DeepEqual(got, sc.out) {
			t.Fatalf("Scan(%q) = %s, step everywhere gives %s", s, quantities(got), quantities(sc.out))
		}

		d, k := DatePrefix(s, 2023)
		wd, wk := Date{}, 0
		if ds := lexDates(src, 2023); len(ds) > 0 && ds[0].Start == 0 && !ds[0].Garbled {
			wd, wk = ds[0], len(string(src[:ds[0].Stop]))
		}
		if d != wd || k != wk {
			t.Fatalf("DatePrefix(%q) = %+v, %d; the first date is %+v, %d", s, d, k, wd, wk)
		}

		for i := range src {
			if _, n, _ := smallNumber(src, i); n > 0 && numeralRunEnd(src, i) < i+n {
				t.Fatalf("smallNumber(%q, %d) reads %d runes, past numeralRunEnd %d", s, i, n, numeralRunEnd(src, i))
			}
		}

		qs, ds := ScanAll(s, 2023)
		if !reflect.DeepEqual(qs, Scan(s)) || !reflect.DeepEqual(ds, ScanDates(s, 2023)) {
			t.Fatalf("ScanAll(%q) differs from Scan and ScanDates", s)
		}
		readerAgrees(t, reader, s, qs, ds)
	}
	for _, l := range corpusLines(t) {
		readNumeralAgrees(t, []rune(l))
		check(l)
		if rs := []rune(l); len(rs) <= 200 {
			for i := 1; i < len(rs); i++ {
				check(string(rs[i:]))
			}
		}
	}
	t.Logf("%d texts", n)
}

// readerAgrees checks that rd reads s as Scan, ScanDates and ScanAll do (qs and ds, with year
// 2023), Text left empty.
func readerAgrees(t *testing.T, rd Reader, s string, qs []Quantity, ds []Date) {
	t.Helper()
	qs, ds = append([]Quantity(nil), qs...), append([]Date(nil), ds...)
	for i := range qs {
		qs[i].Text = ""
	}
	for i := range ds {
		ds[i].Text = ""
	}
	same := func(q []Quantity, d []Date) bool {
		return len(q) == len(qs) && len(d) == len(ds) && (len(q) == 0 || reflect.DeepEqual(q, qs)) && (len(d) == 0 || reflect.DeepEqual(d, ds))
	}
	if q, d := rd.ScanAll(s, 2023); !same(q, d) {
		t.Fatalf("Reader.ScanAll(%q) = %s %+v, want %s %+v", s, quantities(q), d, quantities(qs), ds)
	}
	if q := rd.Scan(s); !same(q, ds) {
		t.Fatalf("Reader.Scan(%q) = %s, want %s", s, quantities(q), quantities(qs))
	}
	if d := rd.ScanDates(s, 2023); !same(qs, d) {
		t.Fatalf("Reader.ScanDates(%q) = %+v, want %+v", s, d, ds)
	}
}

// FuzzReader checks a Reader, reused, against ScanAll, Scan and ScanDates.
func FuzzReader(f *testing.F) {
	for _, s := range append(decodeCases, "约30人、2023年8月24日至26日，2021915日", "（一）召开会议3次，百分之九十五") {
		f.Add(s)
	}
	rd := NewReader()
	f.Fuzz(func(t *testing.T, s string) {
		qs, ds := ScanAll(s, 2023)
		readerAgrees(t, rd, s, qs, ds)
	})
}

// readNumeralAgrees checks readNumeral, which reads plain digits itself, against readTokens
// at every character of src, with and without sepAlways.
func readNumeralAgrees(t *testing.T, src []rune) {
	t.Helper()
	for i := range src {
		for _, o := range []numOpts{{}, {sepAlways: true}} {
			n, ok := readNumeral(src, i, o)
			wn, wok := readTokens(src, i, o)
			if n != wn || ok != wok {
				t.Fatalf("readNumeral(%q, %d, %+v) = %+v, %v; readTokens gives %+v, %v", string(src), i, o, n, ok, wn, wok)
			}
		}
	}
}

// FuzzReadNumeral checks readNumeral against readTokens at every character.
func FuzzReadNumeral(f *testing.F) {
	for _, s := range []string{"3人", "1,234.5万元", "12 万", "3点5", "5千", "2021年", "1234567890123456", "3.5.1", "7万 5千", "20个亿", "0431", "1,000余万元", "12十", "9廿"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		readNumeralAgrees(t, []rune(s))
	})
}

// lexSpansAgree checks lexSpans against readSpan at every character of src and returns its
// spans.
func lexSpansAgree(t *testing.T, src []rune) []dateSpan {
	t.Helper()
	spans := lexSpans(src)
	lx := &dateLexer{src: src}
	var every []dateSpan
	for i := 0; i < len(src); {
		sp, next, ok := lx.readSpan(i)
		if ok {
			every = append(every, sp)
		}
		i = next
	}
	if !reflect.DeepEqual(spans, every) {
		t.Fatalf("lexSpans(%q) = %+v, readSpan everywhere gives %+v", string(src), spans, every)
	}
	return spans
}

// FuzzLexSpans checks lexSpans against readSpan at every character.
func FuzzLexSpans(f *testing.F) {
	for _, s := range append(decodeCases, "2019—2023年5月", "2023.3.1-4.30", "二〇二三年十二月一日", "上半年", "1至3月", "2021915日", "8月24日至26日") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lexSpansAgree(t, []rune(s))
	})
}

func quantities(qs []Quantity) string {
	var b strings.Builder
	for _, q := range qs {
		fmt.Fprintf(&b, "%+v ", q)
	}
	return b.String()
}

// decodeCases are texts whose decoding has edge cases: surrogates, overlong forms, cut
// sequences, four-byte characters, bad bytes.
var decodeCases = []string{
	"", "a", "一二三", "2023年8月24日", "\xed\xa0\x80", "\xed\x9f\xbf", "\xe0\x80\x80", "\xe0\xa0\x80",
	"\xe4\xb8", "\xe4", "一\xe4\xb8", "😀5人", "\xff\xfe", "\xc3\xa9", "\xef\xbf\xbd", "\xe4\xb8\xc0",
}

// TestDecode checks decode against []rune, and reading.text against a string of the runes,
// over the edge cases and every corpus line.
func TestDecode(t *testing.T) {
	for _, s := range append(decodeCases, corpusLines(t)...) {
		got, valid := decode(nil, s)
		want := []rune(s)
		if string(got) != string(want) || len(got) != len(want) || valid != utf8.ValidString(s) {
			t.Fatalf("decode(%q) = %q, %v; want %q, %v", s, got, valid, want, utf8.ValidString(s))
		}
		rd := newReading(s)
		for _, span := range [][2]int{{0, len(got)}, {len(got) / 2, len(got)}, {0, len(got) / 3}, {len(got) / 3, len(got) / 2}} {
			if got, want := rd.text(span[0], span[1]), string(want[span[0]:span[1]]); got != want {
				t.Fatalf("text(%q, %d, %d) = %q, want %q", s, span[0], span[1], got, want)
			}
		}
		rd.release()
	}
}

// FuzzDecode checks decode against []rune and utf8.ValidString.
func FuzzDecode(f *testing.F) {
	for _, s := range decodeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, valid := decode([]rune("前"), s)
		got = got[1:] // after a rune already held
		if want := []rune(s); string(got) != string(want) || len(got) != len(want) || valid != utf8.ValidString(s) {
			t.Fatalf("decode(%q) = %q, want %q", s, got, want)
		}
	})
}

// BenchmarkDecode decodes every corpus line (folded) into one buffer, as a Reader does.
func BenchmarkDecode(b *testing.B) {
	lines := corpusLines(b)
	n := 0
	for _, l := range lines {
		n += len(l)
	}
	b.SetBytes(int64(n))
	var rs []rune
	for b.Loop() {
		for _, l := range lines {
			rs, _ = decode(rs[:0], l)
		}
	}
}

// TestRuneIndex checks that slotsOf numbers exactly the keys of its map, densely, each slot
// holding its key's value, over the whole Basic Multilingual Plane.
func TestRuneIndex(t *testing.T) {
	m := map[rune]string{}
	for _, s := range []string{"人", "个", "元", "a", "\u0000", "\uffff", "万", "亿", "０", "〇"} {
		r, _ := utf8.DecodeRuneInString(s)
		m[r] = s
	}
	x, vals := slotsOf(m)
	if len(vals) != len(m) {
		t.Fatalf("%d slots for %d keys", len(vals), len(m))
	}
	seen := map[int]bool{}
	for r := rune(0); r < 1<<16; r++ {
		k, ok := x.slot(r)
		v, in := m[r]
		if ok != in || ok && (vals[k] != v || seen[k]) {
			t.Fatalf("slot(%q) = %d, %v; in map %v", r, k, ok, in)
		}
		seen[k] = ok
	}
	if _, ok := x.slot(0x10000); ok {
		t.Fatalf("slot outside the plane")
	}
}

// TestSetsAgree checks the character sets the hot paths test against what they stand for,
// over the whole Basic Multilingual Plane.
func TestSetsAgree(t *testing.T) {
	for r := rune(0); r < 1<<16; r++ {
		if got, want := dateFirstSet.has(r), isDigit(r) || isCNDigit(r) || r == '十' || r == '上' || r == '下'; got != want {
			t.Fatalf("dateFirstSet.has(%q) = %v", r, got)
		}
		for _, c := range []struct {
			set  *runeSet
			list string
		}{{&cnBlockerSet, cnBlockers}, {&oneBlockerSet, oneBlockers}, {&notBeforeDate, "第每初周期拜这那个"}} {
			if got, want := c.set.has(r), strings.ContainsRune(c.list, r); got != want {
				t.Fatalf("set of %q has %q: %v", c.list, r, got)
			}
		}
	}
}

// TestISOCache checks reading.iso against iso for every month and day of some years, read
// twice in turns so that slots are both found and overwritten, and for values iso writes
// through fmt.
func TestISOCache(t *testing.T) {
	rd := &reading{}
	for pass := 0; pass < 2; pass++ {
		for _, y := range []int{0, 1900, 2023, 2024, 2100, 9999, 10000, -1} {
			for m := -1; m <= 100; m++ {
				for _, d := range []int{-1, 0, 1, 15, 29, 31, 99, 100} {
					if got, want := rd.iso(y, m, d), iso(y, m, d); got != want {
						t.Fatalf("iso(%d, %d, %d) = %q, want %q", y, m, d, got, want)
					}
				}
			}
		}
	}
}
