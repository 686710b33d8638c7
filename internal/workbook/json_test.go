package workbook

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/pipeline"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

// encodingJSON is the reference: encoding/json's Encoder with SetEscapeHTML(false).
func encodingJSON(tb testing.TB, b *bulletin.Bulletin) []byte {
	tb.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func sameJSON(tb testing.TB, name string, b *bulletin.Bulletin) {
	tb.Helper()
	want := encodingJSON(tb, b)
	var got bytes.Buffer
	if err := WriteJSON(&got, b); err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		i := 0
		for i < got.Len() && i < len(want) && got.Bytes()[i] == want[i] {
			i++
		}
		lo := max(0, i-60)
		tb.Fatalf("%s: differs from encoding/json at byte %d:\n got  %q\n want %q", name, i,
			got.Bytes()[lo:min(got.Len(), i+60)], want[lo:min(len(want), i+60)])
	}
}

// TestWriteJSONMatchesEncoding holds WriteJSON to encoding/json on random bulletins: every
// field of every type filled by reflection (strings with the characters encoding/json escapes
// and invalid UTF-8, floats at the edges of its formats, nil and empty slices and maps, nil
// and set pointers), so a field added to the record and not to WriteJSON fails here.
func TestWriteJSONMatchesEncoding(t *testing.T) {
	rnd := rand.New(rand.NewSource(1))
	for i := range 500 {
		var b bulletin.Bulletin
		fill(rnd, reflect.ValueOf(&b).Elem())
		sameJSON(t, fmt.Sprintf("random bulletin %d", i), &b)
	}
}

// fill sets v, and everything inside it, to random values.
func fill(rnd *rand.Rand, v reflect.Value) {
	texts := []string{"", "", "<a&b>", "\u2028\u2029", "\x00\b\f\n\r\t\x1f\"\\", "\xff\xe4\xb8", "巡察“整改”", "2024-02-22", "P1"}
	floats := []float64{0, math.Copysign(0, -1), 1e-7, 1e-6, 9.99e-7, 1e20, 1e21, 1.2345678901234568e+23, 0.1, -3.5, 71320, 2.5e-10, math.SmallestNonzeroFloat64, math.MaxFloat64, 1e15 - 1, 1e15, -1e15 + 1, 1e15 + 1, 9007199254740993, -71320, 1 << 62}
	switch v.Kind() {
	case reflect.String:
		if rnd.Intn(4) == 0 {
			r := make([]rune, rnd.Intn(8))
			for i := range r {
				r[i] = rune(rnd.Intn(0x10ffff))
			}
			v.SetString(string(r))
		} else {
			v.SetString(texts[rnd.Intn(len(texts))])
		}
	case reflect.Float64:
		if rnd.Intn(2) == 0 {
			v.SetFloat(floats[rnd.Intn(len(floats))])
		} else {
			v.SetFloat(rnd.NormFloat64() * math.Pow(10, float64(rnd.Intn(30)-10)))
		}
	case reflect.Int, reflect.Int64:
		v.SetInt([]int64{0, 0, 1, -1, 42, math.MaxInt64, math.MinInt64}[rnd.Intn(7)])
	case reflect.Bool:
		v.SetBool(rnd.Intn(2) == 0)
	case reflect.Pointer:
		if rnd.Intn(3) > 0 {
			v.Set(reflect.New(v.Type().Elem()))
			fill(rnd, v.Elem())
		}
	case reflect.Slice:
		switch n := rnd.Intn(5); n {
		case 0: // nil
		case 1:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		default:
			v.Set(reflect.MakeSlice(v.Type(), n-1, n-1))
			for i := range v.Len() {
				fill(rnd, v.Index(i))
			}
		}
	case reflect.Map:
		if n := rnd.Intn(4); n > 0 {
			v.Set(reflect.MakeMap(v.Type()))
			for range n - 1 {
				k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
				fill(rnd, k)
				fill(rnd, e)
				v.SetMapIndex(k, e)
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(rnd, v.Field(i))
			}
		}
	}
}

// TestWriteJSONCorpora holds WriteJSON to encoding/json on every bulletin the pipeline reads
// from the corpora: the sample and variants, the held-out texts, the excerpts and the shared
// real corpus.
func TestWriteJSONCorpora(t *testing.T) {
	var inputs []pipeline.Input
	dirs := []string{testcorpus.Path("corpus"), testcorpus.Path("testdata", "heldout"), testcorpus.Path("testdata", "excerpts")}
	if real, ok := testcorpus.SharedIfPresent(t, "real", "raw"); ok {
		dirs = append(dirs, real)
	}
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			if st, err := os.Stat(f); err != nil || st.IsDir() {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			inputs = append(inputs, pipeline.Input{Name: f, Path: f, Data: data})
		}
	}
	n := 0
	pipeline.Run(context.Background(), inputs, pipeline.Options{Segment: pipeline.SharedSegmenter()}, func(r pipeline.Result) {
		if r.Bulletin != nil {
			sameJSON(t, r.Input.Name, r.Bulletin)
			n++
		}
	})
	if n < 50 {
		t.Fatalf("only %d bulletins read from %v", n, dirs)
	}
}

func TestWriteJSONRefusesNaN(t *testing.T) {
	b := seedBulletin()
	b.Problems[0].Keywords = []bulletin.Keyword{{Term: "x", Weight: math.NaN()}}
	var out bytes.Buffer
	if err := WriteJSON(&out, b); err == nil || out.Len() != 0 {
		t.Errorf("NaN: err %v, %d bytes written; want an error and nothing written", err, out.Len())
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	w.n++
	return 0, errors.New("disk full")
}

func TestWriteJSONWriterError(t *testing.T) {
	b := seedBulletin()
	w := &failWriter{}
	if err := WriteJSON(w, b); err == nil || w.n != 1 {
		t.Errorf("err %v after %d writes; want the writer's error after one", err, w.n)
	}
}

// FuzzWriteJSON holds WriteJSON to encoding/json on bulletins whose texts and numbers come
// from the fuzzer.
func FuzzWriteJSON(f *testing.F) {
	f.Add("巡察“整改”", "<a&b>\u2028", 1.5, int64(3))
	f.Add("\xff\x00\n", "", 1e-7, int64(-1))
	f.Fuzz(func(t *testing.T, s1, s2 string, x float64, n int64) {
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return
		}
		b := seedBulletin()
		b.Title, b.Unit, b.PublishDate = s1, s2, bulletin.Day(s2)
		b.Meta = map[string]string{s1: s2, s2: s1}
		b.Paragraphs = append(b.Paragraphs, bulletin.Paragraph{Index: int(n), Role: s2, Text: s1 + s2})
		b.Metrics = append(b.Metrics, bulletin.Metric{Text: s1, Value: x, Max: &x, Each: int(n), Owner: s2})
		b.Keywords = append(b.Keywords, bulletin.Keyword{Term: s2, Weight: x})
		b.Source.Bytes = n
		sameJSON(t, "fuzz", b)
	})
}

// BenchmarkWriteJSON writes the seed bulletin's JSON line; BenchmarkWriteJSONBaseline is
// encoding/json's Encoder on the same bulletin, the baseline for the ratio.
func BenchmarkWriteJSON(b *testing.B) {
	bl := seedBulletin()
	for b.Loop() {
		if err := WriteJSON(io.Discard, bl); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteJSONBaseline(b *testing.B) {
	bl := seedBulletin()
	enc := json.NewEncoder(io.Discard)
	enc.SetEscapeHTML(false)
	for b.Loop() {
		if err := enc.Encode(bl); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteJSONCorpora writes the JSON lines of the bulletins the pipeline reads from the
// sample, the held-out texts and the excerpts: real paragraph lengths and characters.
func BenchmarkWriteJSONCorpora(b *testing.B) {
	var inputs []pipeline.Input
	for _, dir := range []string{testcorpus.Path("corpus"), testcorpus.Path("testdata", "heldout"), testcorpus.Path("testdata", "excerpts")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			inputs = append(inputs, pipeline.Input{Name: f, Path: f, Data: data})
		}
	}
	var bulletins []*bulletin.Bulletin
	pipeline.Run(context.Background(), inputs, pipeline.Options{Segment: pipeline.SharedSegmenter()}, func(r pipeline.Result) {
		if r.Bulletin != nil {
			bulletins = append(bulletins, r.Bulletin)
		}
	})
	var total uint64
	for _, bl := range bulletins {
		if err := WriteJSON(&countWriter{&total}, bl); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, bl := range bulletins {
			if err := WriteJSON(io.Discard, bl); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// checkJSONString holds jsonWriter.string to encoding/json on s: with SetEscapeHTML(false) as
// WriteJSON's strings, and with the HTML escapes as a Day's MarshalJSON.
func checkJSONString(t *testing.T, s string) {
	t.Helper()
	var plain bytes.Buffer
	enc := json.NewEncoder(&plain)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	escaped, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		html bool
		want []byte
	}{{false, bytes.TrimSuffix(plain.Bytes(), []byte("\n"))}, {true, escaped}} {
		e := jsonWriter{w: io.Discard}
		e.string(s, c.html)
		if !bytes.Equal(e.buf, c.want) {
			t.Fatalf("string(%q, html %v) = %s, encoding/json %s", s, c.html, e.buf, c.want)
		}
	}
}

// TestJSONStringLines holds jsonWriter.string to encoding/json on every line of the corpora (as
// their bytes are: lines of GB18030 files are invalid UTF-8) and on every character next to one
// that is escaped.
func TestJSONStringLines(t *testing.T) {
	lines := testcorpus.Lines(t, "corpus/*", "testdata/*/*")
	for r := rune(0); r < 0x30000; r++ {
		lines = append(lines, string(r)+"\"\u2028"+string(r))
	}
	lines = append(lines, "\xe2\x80", "\xef\xbc", "\xed\xa0\x80", "\xe0\x80\x80", "\xe1\x80\xe2\x80\xa8")
	for _, l := range lines {
		checkJSONString(t, l)
	}
	if len(lines) < 1000 {
		t.Errorf("%d lines: the check shows little", len(lines))
	}
}

func FuzzJSONString(f *testing.F) {
	f.Add("根据“部署”，<a&b>\u2028\t\xff")
	f.Add("\xef\xbc\x8c\xed\xa0\x80\xe2\x80\xa9")
	f.Fuzz(func(t *testing.T, s string) { checkJSONString(t, s) })
}

// A float prints as encoding/json prints it: whole numbers (the fast path below 1e15) and the
// values either side of every edge of its formats.
func TestJSONFloat(t *testing.T) {
	fs := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 71320, -71320, 1e15 - 1, 1e15, 1e15 + 1,
		-1e15 + 1, -1e15, 1e20, 1e21, -1e21, 9007199254740993, 1 << 62, 1e-6, 1e-7, 123.456, math.MaxFloat64,
		math.SmallestNonzeroFloat64, math.Nextafter(1e15, 0), math.Nextafter(1e15, 2e15)}
	rnd := rand.New(rand.NewSource(3))
	for range 2000 {
		f := math.Round(rnd.NormFloat64() * math.Pow(10, float64(rnd.Intn(18))))
		fs = append(fs, f, f+0.25)
	}
	for _, f := range fs {
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		var e jsonWriter
		e.float(f)
		if string(e.buf) != string(want) {
			t.Errorf("float(%v) = %s, want %s", f, e.buf, want)
		}
	}
}
