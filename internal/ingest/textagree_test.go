package ingest

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// splitLinesReplaced is splitLines as it was first written: the line ends replaced by \n, then
// a split on \n. The reference for the cut in one pass.
func splitLinesReplaced(text string) []string {
	if strings.IndexByte(text, '\r') >= 0 || strings.Contains(text, "\u2028") || strings.Contains(text, "\u2029") {
		text = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n").Replace(text)
	}
	return strings.Split(text, "\n")
}

func checkSplitLines(t *testing.T, text string) {
	t.Helper()
	if got, want := splitLines(text), splitLinesReplaced(text); !reflect.DeepEqual(got, want) {
		t.Fatalf("splitLines(%.200q) = %d lines %.200q, want %d %.200q", text, len(got), got, len(want), want)
	}
}

// TestSplitLines checks splitLines against splitLinesReplaced on every input of the corpora as
// its bytes are, with its \n made \r\n, \r, U+2028 and U+2029, and on hand-made ends.
func TestSplitLines(t *testing.T) {
	for _, s := range []string{"", "\r", "\n", "\r\n", "\n\r", "\r\r\n\n", "甲\u2028乙\u2029丙\r", "\xe2\x80", "\xe2\u2028", "a\r\nb\rc\nd"} {
		checkSplitLines(t, s)
	}
	files := corpusFiles(t)
	for _, data := range files {
		text := string(data)
		for _, end := range []string{"\n", "\r\n", "\r", "\u2028", "\u2029"} {
			checkSplitLines(t, strings.ReplaceAll(text, "\n", end))
		}
	}
	if len(files) < 100 {
		t.Errorf("%d inputs: the check shows little", len(files))
	}
}

func FuzzSplitLines(f *testing.F) {
	f.Add("根据\r\n部署\r一、\u2028二、\u2029")
	f.Add("\r\r\n\xe2\x80\xa8\xe2\x80")
	f.Fuzz(func(t *testing.T, text string) { checkSplitLines(t, text) })
}

// fieldsThenBodyTwice is fieldsThenBody as first written: parseFields, then fieldLocs of the
// whole line again. The reference for the one scan of fieldLine.
func fieldsThenBodyTwice(p string) (string, string, bool) {
	if _, ok := parseFields(p); !ok {
		return "", "", false
	}
	locs := fieldLocs(p)
	last := locs[len(locs)-1][1]
	tail := p[last:]
	if !strings.ContainsAny(tail, "，。,") {
		return "", "", false
	}
	n := gluedValueLen(tail)
	if n == 0 {
		return "", "", false
	}
	body := strings.TrimLeftFunc(tail[n:], isTrimSpace)
	if utf8.RuneCountInString(body) < minGluedBody || !strings.ContainsAny(body, "，。,") {
		return "", "", false
	}
	return strings.TrimRightFunc(p[:last+n], isTrimSpace), body, true
}

func checkUnglueScans(t *testing.T, p string) {
	t.Helper()
	checkTitleThenFields(t, p) // against the labels of the whole line, with no scan cut short
	a, b, ok := fieldsThenBody(p)
	wa, wb, wok := fieldsThenBodyTwice(p)
	if a != wa || b != wb || ok != wok {
		t.Fatalf("fieldsThenBody(%q) = %q, %q, %v; scanned twice: %q, %q, %v", p, a, b, ok, wa, wb, wok)
	}
}

// TestUnglueScans checks titleThenFields and fieldsThenBody against their references on every
// line of the corpora, each after a run of characters without a space of every length around
// titleSpaceScan, with sentence marks before and after its spaces, and with brackets before its
// labels.
func TestUnglueScans(t *testing.T) {
	lines := corpusLines(t)
	extra := []string{
		"关于县交通运输局巡察整改情况的通报 发布时间：2023-05-06 来源：县交通运输局",
		"【发布时间：2023-05-06 来源：县纪委 根据县委统一部署，县委第一巡察组对县交通运输局进行了巡察，现将整改情况公布如下。",
	}
	for _, pad := range []string{"a", "甲", "\U00020000"} {
		for n := 90; n <= 140; n++ {
			run := strings.Repeat(pad, n*4/len(pad))
			extra = append(extra, run+" 发布时间：2023-05-06", run[:len(run)-1]+"\u3000通报 来源：县纪委", run+"的通报\u3000来源：县纪委")
			for _, mark := range []string{"。", "；", ";", "！", "!", "？", "?"} {
				extra = append(extra, run[:n/2]+mark+"的通报 来源：县纪委", "关于整改的通报"+mark+run[:n/3]+" 发布时间：2023-05-06")
			}
		}
	}
	for _, l := range append(extra, lines...) {
		checkUnglueScans(t, l)
		checkUnglueScans(t, "（"+l)
	}
	if len(lines) < 1000 {
		t.Errorf("%d lines: the check shows little", len(lines))
	}
}

func FuzzUnglueScans(f *testing.F) {
	f.Add("关于整改情况的通报 发布时间：2023-05-06 来源：县交通运输局")
	f.Add("【 发布时间：2023-05-06 来源：县纪委 根据县委统一部署，县委第一巡察组对县交通运输局进行了巡察。")
	f.Fuzz(func(t *testing.T, p string) { checkUnglueScans(t, p) })
}

func checkHTMLStart(t *testing.T, s string) {
	t.Helper()
	if htmlStart.MatchString(s) && !mayHTMLStart(s) {
		t.Fatalf("mayHTMLStart(%.200q) is false, htmlStart matches", s)
	}
}

// TestHTMLStartGuard checks mayHTMLStart against htmlStart on the head of every input of the
// corpora and on every line of them.
func TestHTMLStartGuard(t *testing.T) {
	matched := 0
	for _, data := range corpusFiles(t) {
		head := string(data[:min(len(data), 4096)])
		checkHTMLStart(t, head)
		if htmlStart.MatchString(head) {
			matched++
		}
	}
	for _, l := range corpusLines(t) {
		checkHTMLStart(t, l)
	}
	if matched == 0 {
		t.Error("no input starts like a page: the check shows little")
	}
}

func FuzzHTMLStartGuard(f *testing.F) {
	f.Add(" \t<!-- x --><p>")
	f.Add("\u3000<html>")
	f.Fuzz(func(t *testing.T, s string) { checkHTMLStart(t, s) })
}
