package ingest

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/xuncha/xuncha/internal/testcorpus"
)

// corpusFiles returns every input of the corpora: corpus/, testdata/ (with the held-out texts and
// this package's fixtures), and the shared real corpus where present.
func corpusFiles(t *testing.T) [][]byte {
	t.Helper()
	var out [][]byte
	for _, f := range testcorpus.Files(t, "testdata/*/*", "testdata/*/*/*", "corpus/*",
		"internal/ingest/testdata/*", "internal/ingest/testdata/*/*") {
		out = append(out, f.Data)
	}
	return out
}

// decodeWhole is decodeWith as it was first written, one call of the decoder over the whole
// input: the reference for the decoding by chunks.
func decodeWhole(e encoding.Encoding, data []byte) (string, error) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", err
	}
	if bytes.ContainsRune(out, utf8.RuneError) {
		return "", errInvalidSequence
	}
	return string(out), nil
}

// checkDecodeWith asserts that decodeWith and decodeWhole agree on data in both double-byte
// encodings, and reports how many decodings succeeded.
func checkDecodeWith(t *testing.T, data []byte) int {
	t.Helper()
	ok := 0
	for _, e := range []encoding.Encoding{simplifiedchinese.GB18030, traditionalchinese.Big5} {
		got, gotErr := decodeWith(e, data)
		want, wantErr := decodeWhole(e, data)
		if got != want || (gotErr == nil) != (wantErr == nil) {
			t.Fatalf("%v on %d bytes: decodeWith (%d bytes, %v), whole (%d bytes, %v)", e, len(data), len(got), gotErr, len(want), wantErr)
		}
		if gotErr == nil {
			ok++
		}
	}
	return ok
}

// TestDecodeWithChunks checks decodeWith against one call of the decoder over every input of the
// corpora, each text of them encoded in GB18030 and in Big5 (where it can be), and those with a
// bad byte pair put near the end (past the first chunks).
func TestDecodeWithChunks(t *testing.T) {
	inputs, ok := 0, 0
	for _, data := range corpusFiles(t) {
		cases := [][]byte{data}
		if utf8.Valid(data) {
			for _, e := range []encoding.Encoding{simplifiedchinese.GB18030, traditionalchinese.Big5} {
				if enc, err := e.NewEncoder().Bytes(data); err == nil {
					cases = append(cases, enc)
					if len(enc) > 10 {
						bad := append(append(append([]byte(nil), enc[:len(enc)-5]...), 0x81, 0x20), enc[len(enc)-5:]...)
						cases = append(cases, bad)
					}
				}
			}
		}
		for _, c := range cases {
			inputs++
			ok += checkDecodeWith(t, c)
		}
	}
	if inputs < 100 || ok < 50 {
		t.Errorf("%d inputs, %d decodings: the check shows nothing", inputs, ok)
	}
}

func FuzzDecodeWith(f *testing.F) {
	f.Add([]byte("\xc9\xcf\xba\xa3 abc"))
	f.Add([]byte("\xa4\xa4\xa4\xe5"))
	f.Add(bytes.Repeat([]byte("\xd6\xd0\xce\xc4"), 3000))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDecodeWith(t, data)
	})
}

// TestCommonHanSet checks the bit set against the string it is made from, over every rune.
func TestCommonHanSet(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isCommonHan(r) != strings.ContainsRune(commonHan, r) {
			t.Fatalf("isCommonHan(%U) = %v", r, isCommonHan(r))
		}
	}
}

// unglueCopy is unglue as it was first written, copying every line: the reference for the copy
// made only once a line splits.
func unglueCopy(paras []string) []string {
	var out []string
	for i, p := range paras {
		if i >= headLimit {
			return append(out, paras[i:]...)
		}
		if title, fields, ok := titleThenFields(p); ok {
			out = append(out, title)
			p = fields
		}
		if fields, body, ok := fieldsThenBody(p); ok {
			out = append(out, fields, body)
			continue
		}
		out = append(out, p)
	}
	return out
}

// TestUnglueCopies checks unglue against unglueCopy on windows of the corpora's lines and on
// lines that split.
func TestUnglueCopies(t *testing.T) {
	lines := append([]string{
		"关于县交通运输局巡察整改情况的通报 发布时间：2023-05-06 来源：县交通运输局",
		"发布时间：2023-05-06 来源：县纪委 根据县委统一部署，县委第一巡察组对县交通运输局进行了巡察，现将整改情况公布如下。",
	}, corpusLines(t)...)
	splits := 0
	for start := 0; start < len(lines); start += 7 {
		for _, n := range []int{0, 1, 5, headLimit, headLimit + 3} {
			w := lines[start:min(start+n, len(lines))]
			got, want := unglue(w), unglueCopy(w)
			if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Fatalf("unglue(%q) = %q, want %q", w, got, want)
			}
			if len(want) > len(w) {
				splits++
			}
		}
	}
	if splits == 0 {
		t.Error("no window split: the check shows nothing")
	}
}

// checkHasTrimSpace asserts hasTrimSpace against a rune-by-rune reading of p.
func checkHasTrimSpace(t *testing.T, p string) bool {
	want := false
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		want = want || isTrimSpace(r)
		i += size
	}
	if got := hasTrimSpace(p); got != want {
		t.Fatalf("hasTrimSpace(%q) = %v", p, got)
	}
	return want
}

// TestHasTrimSpace checks hasTrimSpace on every space of isTrimSpace, alone, cut short and among
// other characters, and on every line of the corpora.
func TestHasTrimSpace(t *testing.T) {
	lines := corpusLines(t)
	for r := rune(0); r <= 0x10000; r++ {
		if isTrimSpace(r) {
			s := string(r)
			lines = append(lines, s, "甲"+s+"乙", s[:len(s)-1], "\xe2"+s, s[1:])
		}
	}
	spaced := 0
	for _, l := range lines {
		if checkHasTrimSpace(t, l) {
			spaced++
		}
	}
	if spaced < 100 || spaced == len(lines) {
		t.Errorf("%d of %d lines with a space: the check shows little", spaced, len(lines))
	}
}

func FuzzHasTrimSpace(f *testing.F) {
	f.Add("关于\u3000通报")
	f.Add("\xe2\x80\u200b")
	f.Fuzz(func(t *testing.T, p string) { checkHasTrimSpace(t, p) })
}

// plausibilityTables is plausibility as first written, every rune through unicode.IsSpace and
// the switch: the reference for the ranges counted first.
func plausibilityTables(s string) float64 {
	good, all := 0, 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		all++
		switch {
		case r < 0x80,
			r >= 0x4E00 && r <= 0x9FFF,
			unicode.Is(unicode.Han, r),
			r >= 0x3000 && r <= 0x303F,
			r >= 0xFF00 && r <= 0xFFEF,
			r >= 0x2010 && r <= 0x2027,
			r == 0x00B7 || r == 0x00D7 || r == 0x2103 || r == 0x2116 || r == 0x00A0:
			good++
		}
	}
	if all == 0 {
		return 0
	}
	return float64(good) / float64(all)
}

// TestPlausibility checks plausibility against plausibilityTables on every rune alone and next
// to a space, and on every input of the corpora read as GB18030 and as Big5.
func TestPlausibility(t *testing.T) {
	check := func(s string) {
		if got, want := plausibility(s), plausibilityTables(s); got != want {
			t.Fatalf("plausibility(%.100q) = %v, want %v", s, got, want)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r += 1 + r/0x400 {
		check(string(r))
		check(string(r) + "\u3000a")
	}
	for r := rune(0x2F00); r <= 0x10000; r++ {
		check(string(r) + " 甲")
	}
	for _, data := range corpusFiles(t) {
		for _, e := range []encoding.Encoding{simplifiedchinese.GB18030, traditionalchinese.Big5} {
			if s, err := e.NewDecoder().String(string(data)); err == nil {
				check(s)
			}
		}
		check(string(data))
	}
}
