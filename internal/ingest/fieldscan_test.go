package ingest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/testcorpus"
)

// fieldRE is the regular expression fieldLoc scans for: every label, optional spaces, then a
// colon where required, an optional one otherwise, first listed first.
var fieldRE = func() *regexp.Regexp {
	var alts []string
	for _, f := range fieldLabels {
		if f.colon {
			alts = append(alts, regexp.QuoteMeta(f.label)+`\s*[:：]`)
		} else {
			alts = append(alts, regexp.QuoteMeta(f.label)+`\s*[:：]?`)
		}
	}
	return regexp.MustCompile(`(` + strings.Join(alts, "|") + `)`)
}()

func checkFieldLocs(t *testing.T, s string) {
	t.Helper()
	want := fieldRE.FindAllStringIndex(s, -1)
	got := fieldLocs(s)
	if len(got) != len(want) {
		t.Fatalf("%q: %d labels found, the expression finds %d: %v vs %v", s, len(got), len(want), got, want)
	}
	for i := range got {
		if got[i][0] != want[i][0] || got[i][1] != want[i][1] {
			t.Fatalf("%q: label %d at %v, the expression at %v", s, i, got[i], want[i])
		}
	}
}

// TestFieldLocs checks the label scanner against the expression on hand-made lines and on
// every line of the repository's and the shared corpus's texts and pages.
func TestFieldLocs(t *testing.T) {
	for _, s := range []string{
		"", "索引号：11330200/2023-00012 发布机构：宁波市审计局",
		"来源 :中共天津市东丽区委办公室 访问次数 : 发布时间 :2022-08-16",
		"发布时间 2023", "发布时间\t\t：x", "时间　：全角空格不算", "阅读量:351 阅读：1 阅读 2",
		"分享到 分享到： 分享到\n", "关于…的通报 发布时间：2023-05-06 来源：县交通运输局",
		"\xe7\xb4索引号\xff发布者：", "日期:", "文号 ：", "文号", "服务对象分类主题分类：",
	} {
		checkFieldLocs(t, s)
	}
	lines := 0
	for _, l := range testcorpus.Lines(t, "testdata/*/*.txt", "testdata/*/*.html", "testdata/*/*/*.html", "corpus/*.txt") {
		checkFieldLocs(t, l)
		lines++
	}
	if lines < 1000 {
		t.Errorf("only %d lines compared", lines)
	}
}

func FuzzFieldLocs(f *testing.F) {
	f.Add("来源 :中共天津市 访问次数 : 发布时间 :2022-08-16")
	f.Add("关于…的通报 发布时间：2023-05-06 来源：县交通运输局")
	f.Fuzz(func(t *testing.T, s string) { checkFieldLocs(t, s) })
}

// titleThenFieldsWhole is titleThenFields looking for labels in the whole line.
func titleThenFieldsWhole(p string) (string, string, bool) {
	for _, loc := range fieldLocs(p) {
		if loc[0] == 0 {
			return "", "", false
		}
		r, _ := utf8.DecodeLastRuneInString(p[:loc[0]])
		if !isTrimSpace(r) {
			continue
		}
		title, fields := strings.TrimRightFunc(p[:loc[0]], isTrimSpace), p[loc[0]:]
		if titleEnding.MatchString(title) && isTitleLine(title) {
			if _, ok := parseFields(fields); ok {
				return title, fields, true
			}
		}
		return "", "", false
	}
	return "", "", false
}

func checkTitleThenFields(t *testing.T, p string) {
	t.Helper()
	t1, f1, ok1 := titleThenFields(p)
	t2, f2, ok2 := titleThenFieldsWhole(p)
	if t1 != t2 || f1 != f2 || ok1 != ok2 {
		t.Fatalf("titleThenFields(%q) = %q %q %v, over the whole line %q %q %v", p, t1, f1, ok1, t2, f2, ok2)
	}
}

// TestTitleThenFieldsStops checks that looking for labels only before the first sentence mark
// splits every line as looking through the whole line does.
func TestTitleThenFieldsStops(t *testing.T) {
	split := 0
	lines := []string{
		"关于…的通报 发布时间：2023-05-06 来源：县交通运输局",
		"关于…的通报。 发布时间：2023-05-06 来源：县交通运输局",
		"某县巡察整改进展情况 来源：县纪委 发布时间：2023-05-06。正文",
	}
	files, _ := filepath.Glob(testcorpus.Path("testdata", "*", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	for _, l := range lines {
		checkTitleThenFields(t, l)
		if _, _, ok := titleThenFields(l); ok {
			split++
		}
	}
	if split < 1 {
		t.Errorf("no line split: the test shows nothing")
	}
}

func FuzzTitleThenFields(f *testing.F) {
	f.Add("关于…的通报 发布时间：2023-05-06 来源：县交通运输局")
	f.Add("某县巡察整改进展情况 来源：县纪委。 发布时间：2023-05-06")
	f.Fuzz(func(t *testing.T, p string) { checkTitleThenFields(t, p) })
}
