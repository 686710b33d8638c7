package ingest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/quantity"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

// TestGuardsExact checks the literal guards of breadcrumbSep, breadcrumbPrefix, pageDateLabel and
// titleEnding, and mayTimestamp and mayDateStart, the guards of the date reader in
// isTimestampLine and stampPrefix: on every line of the corpora (text and pages; corpus/,
// testdata/ with the held-out texts, the shared real corpus where present) and on examples of
// each pattern, the guard never refuses a line the pattern matches (where mayBreadcrumbSep
// refuses, Split would have returned the line whole).
func TestGuardsExact(t *testing.T) {
	var files []string
	for _, pat := range []string{
		testcorpus.Path("testdata", "*", "*.txt"), testcorpus.Path("testdata", "*", "*.html"),
		testcorpus.Path("testdata", "*", "*", "*.html"), testcorpus.Path("corpus", "*.txt"),
		testcorpus.Path("corpus", "*.html"),
	} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if dir, ok := testcorpus.SharedIfPresent(t, "real", "raw"); ok {
		m, _ := filepath.Glob(filepath.Join(dir, "*"))
		files = append(files, m...)
	}
	lines := []string{
		"首页 > 巡视巡察 > 巡视整改", "首页 -> 要闻 -> 审计通告", "首页-&gt;要闻", "首页>>通知公告",
		"当前位置：首页", "您现在的位置 : 首页 > 巡察", "位置:首页", "首页 » 巡察", "首页＞巡察", "首页→巡察", "首页 › 巡察", "首页〉巡察",
		"来源：县纪委 发布时间：2023-05-06", "发布日期 : 2022-08-16",
		"关于…的通报（第一号）", "关于…情況的通報 ", "整改进展(2)", "巡察整改情况\t", "决定", "說明", "意見",
		"公佈", "公示", "通知", "公开", "公開", "报告", "報告",
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	stamps, refused, dates := 0, 0, 0
	for _, l := range append([]string{
		"2020-08-10 11:36:38", "2021年04月09日", "2024年3月1日 星期五", "2024年3月1日 周日 ", "二〇二三年十二月一日",
		"○二三", "2023.8.24", "十二月一日", "上半年", "下半年 ", "3月5日 市纪委", "2023/08/24 10:20", "2023年8月1号\t",
	}, lines...) {
		for _, p := range []string{l, strings.TrimSpace(l), cleanParagraph(l)} {
			if !mayTimestamp(p) {
				refused++
			}
			if _, n := quantity.DatePrefix(p, 0); n > 0 {
				dates++
				if !mayDateStart(p) {
					t.Errorf("mayDateStart refuses %q, which starts with a date", p)
				}
			}
			if timestampLine(p) {
				stamps++
				if !mayTimestamp(p) {
					t.Errorf("mayTimestamp refuses %q, a timestamp line", p)
				}
			}
		}
	}
	if stamps < 8 || dates < 20 || refused < 1000 {
		t.Errorf("timestamp lines: %d read, %d refused; %d lines start with a date: the check shows nothing", stamps, refused, dates)
	}
	for _, g := range []struct {
		name string
		re   *regexp.Regexp
		may  func(string) bool
		min  int // matches expected at least (the examples above)
	}{
		{"breadcrumbSep", breadcrumbSep, mayBreadcrumbSep, 9},
		{"breadcrumbPrefix", breadcrumbPrefix, mayBreadcrumbPrefix, 3},
		{"pageDateLabel", pageDateLabel, mayPageDateLabel, 2},
		{"titleEnding", titleEnding, mayTitleEnding, 10},
	} {
		matched, refused := 0, 0
		for _, l := range lines {
			ok := g.may(l)
			if !ok {
				refused++
			}
			if g.re.MatchString(l) {
				matched++
				if !ok {
					t.Errorf("%s: the guard refuses %q, which the pattern matches", g.name, l)
				}
			}
		}
		if matched < g.min || refused < 1000 {
			t.Errorf("%s: %d lines matched, %d refused: the check shows nothing", g.name, matched, refused)
		}
	}
}

func FuzzBreadcrumbSepGuard(f *testing.F) {
	f.Add("当前位置：首页 -&gt; 巡察 » 整改")
	f.Fuzz(func(t *testing.T, s string) {
		if breadcrumbSep.MatchString(s) && !mayBreadcrumbSep(s) {
			t.Fatalf("mayBreadcrumbSep refuses %q, which breadcrumbSep matches", s)
		}
		if breadcrumbPrefix.MatchString(s) && !mayBreadcrumbPrefix(s) {
			t.Fatalf("mayBreadcrumbPrefix refuses %q, which breadcrumbPrefix matches", s)
		}
	})
}

func FuzzTimestampGuard(f *testing.F) {
	f.Add("2024年3月1日 星期五")
	f.Add("二〇二三年十二月一日 10:20")
	f.Fuzz(func(t *testing.T, s string) {
		if timestampLine(s) && !mayTimestamp(s) {
			t.Fatalf("mayTimestamp refuses %q, a timestamp line", s)
		}
		if _, n := quantity.DatePrefix(s, 0); n > 0 && !mayDateStart(s) {
			t.Fatalf("mayDateStart refuses %q, which starts with a date", s)
		}
	})
}
