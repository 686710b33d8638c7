package workbook

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/bulletin"
)

func TestSplitName(t *testing.T) {
	long := strings.Repeat("榆树市文化广播电视和旅游局", 20)
	tests := []struct {
		name string
		b    *bulletin.Bulletin
		want string
	}{
		{"unit and as-of date", &bulletin.Bulletin{Unit: "文广旅局党组", AsOfDate: "2024-02-22", FeedbackDate: "2023-12-01"}, "文广旅局党组_2024-02-22.xlsx"},
		{"feedback date when no as-of", &bulletin.Bulletin{Unit: "文广旅局党组", FeedbackDate: "2023-12-01", PublishDate: "2024-03-01"}, "文广旅局党组_2023-12-01.xlsx"},
		{"publish date last", &bulletin.Bulletin{Unit: "文广旅局党组", PublishDate: "2024-03"}, "文广旅局党组_2024-03.xlsx"},
		{"no date", &bulletin.Bulletin{Unit: "文广旅局党组"}, "文广旅局党组.xlsx"},
		{"traversal", &bulletin.Bulletin{Unit: "../../etc/passwd"}, "etc_passwd.xlsx"},
		{"windows traversal", &bulletin.Bulletin{Unit: `..\..\Windows\system32`}, "Windows_system32.xlsx"},
		{"unsafe characters", &bulletin.Bulletin{Unit: `a:b*c?d"e<f>g|h`}, "a_b_c_d_e_f_g_h.xlsx"},
		{"control and format characters", &bulletin.Bulletin{Unit: "局\x00党\n组\u202e", AsOfDate: "2024-02-22"}, "局_党_组_2024-02-22.xlsx"},
		{"empty unit: title", &bulletin.Bulletin{Title: "关于巡察整改情况的通报"}, "关于巡察整改情况的通报.xlsx"},
		{"empty unit and title: file name", &bulletin.Bulletin{Source: bulletin.Source{Path: "corpus/real/yushu.2024.html"}}, "yushu_2024.xlsx"},
		{"nothing at all", &bulletin.Bulletin{}, "公报.xlsx"},
		{"nil bulletin", nil, "公报.xlsx"},
		{"only dots", &bulletin.Bulletin{Unit: "...."}, "公报.xlsx"},
		{"device name", &bulletin.Bulletin{Unit: "con"}, "_con.xlsx"},
		{"date with slashes", &bulletin.Bulletin{Unit: "局", AsOfDate: "2024/02/22"}, "局_2024_02_22.xlsx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitName(tt.b, map[string]bool{})
			if got != tt.want {
				t.Errorf("SplitName = %q, want %q", got, tt.want)
			}
			checkSafeName(t, got)
		})
	}

	t.Run("long names", func(t *testing.T) {
		taken := map[string]bool{}
		b := &bulletin.Bulletin{Unit: long, AsOfDate: "2024-02-22"}
		first, second := SplitName(b, taken), SplitName(b, taken)
		for _, n := range []string{first, second} {
			checkSafeName(t, n)
		}
		if !strings.HasSuffix(second, "-2.xlsx") || first == second {
			t.Errorf("duplicates of a long name: %q, %q", first, second)
		}
	})
	t.Run("duplicates", func(t *testing.T) {
		taken := map[string]bool{}
		b := &bulletin.Bulletin{Unit: "文广旅局", AsOfDate: "2024-02-22"}
		var got []string
		for i := 0; i < 3; i++ {
			got = append(got, SplitName(b, taken))
		}
		want := []string{"文广旅局_2024-02-22.xlsx", "文广旅局_2024-02-22-2.xlsx", "文广旅局_2024-02-22-3.xlsx"}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("got %q, want %q", got, want)
		}
		// Names differing only in case collide on some file systems.
		taken2 := map[string]bool{}
		a, b2 := SplitName(&bulletin.Bulletin{Unit: "ABC"}, taken2), SplitName(&bulletin.Bulletin{Unit: "abc"}, taken2)
		if a != "ABC.xlsx" || b2 != "abc-2.xlsx" {
			t.Errorf("case duplicates: %q %q", a, b2)
		}
	})
	t.Run("nil taken", func(t *testing.T) {
		if got := SplitName(&bulletin.Bulletin{Unit: "局"}, nil); got != "局.xlsx" {
			t.Errorf("got %q", got)
		}
	})
}

// checkSafeName fails unless name can be joined to a folder without leaving it.
func checkSafeName(t *testing.T, name string) {
	t.Helper()
	if len(name) > maxNameBytes {
		t.Errorf("%q: %d bytes, more than %d", name, len(name), maxNameBytes)
	}
	if !utf8.ValidString(name) {
		t.Errorf("%q: not valid UTF-8", name)
	}
	if !strings.HasSuffix(name, ".xlsx") || strings.Count(name, ".") != 1 || strings.HasPrefix(name, ".") {
		t.Errorf("%q: dots other than the extension", name)
	}
	if strings.ContainsAny(name, unsafeNameRunes) {
		t.Errorf("%q: unsafe character", name)
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u202e' {
			t.Errorf("%q: control character %U", name, r)
		}
	}
	if filepath.Base(name) != name || filepath.Join("out", name) != "out/"+name {
		t.Errorf("%q: does not stay in its folder", name)
	}
}

func FuzzSplitName(f *testing.F) {
	f.Add("文广旅局党组", "2024-02-22", "title", "a/b.txt")
	f.Add("../../etc/passwd", "", "", "")
	f.Add("", "", "", "")
	f.Add("con", "..", "\x00", `C:\x\y.html`)
	f.Fuzz(func(t *testing.T, unit, date, title, path string) {
		taken := map[string]bool{}
		b := &bulletin.Bulletin{Unit: unit, AsOfDate: bulletin.Day(date), Title: title, Source: bulletin.Source{Path: path}}
		a, c := SplitName(b, taken), SplitName(b, taken)
		checkSafeName(t, a)
		checkSafeName(t, c)
		if a == c {
			t.Errorf("duplicate names %q", a)
		}
	})
}

func FuzzSplitCell(f *testing.F) {
	f.Add("整改😀abc", 3)
	f.Add("", 2)
	f.Fuzz(func(t *testing.T, s string, max int) {
		if max < 2 || max > 1000 {
			return
		}
		parts := splitCell(s, max)
		if strings.Join(parts, "") != s {
			t.Fatalf("parts do not join to the text")
		}
		for _, p := range parts {
			if unitsOf(p) > max {
				t.Fatalf("part of %d units, max %d", unitsOf(p), max)
			}
		}
		if got := fitCell(s); unitsOf(got) > maxCellUnits {
			t.Fatalf("fitCell: %d units", unitsOf(got))
		}
	})
}

// A split name never reads as an option, a lock file or a hidden file (issue 17, case 10).
func TestSplitNameNoLeadingDashOrLock(t *testing.T) {
	for _, unit := range []string{"-rf 单位", "~$lock单位", "--", ".hidden单位", "$~-甲"} {
		name := SplitName(&bulletin.Bulletin{Unit: unit}, nil)
		if strings.HasPrefix(name, "-") || strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "$") {
			t.Errorf("SplitName(unit %q) = %q", unit, name)
		}
	}
}
