package header

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

func mayName(s string) bool { return nameEnd(s) > 0 }

// checkNameEnd fails when inspectorRE finds other groups in s[:nameEnd(s)] than in s, or
// findGroups other groups than inspectorRE in s (with limits of 10 and 1 match).
func checkNameEnd(t *testing.T, s string) {
	t.Helper()
	for _, n := range []int{maxPerPara / 20, 1} {
		want := inspectorRE.FindAllStringIndex(s, n)
		same := func(how string, got [][]int) {
			t.Helper()
			if len(got) != len(want) {
				t.Fatalf("%q: %v %s, %v in the whole", s, got, how, want)
			}
			for i := range got {
				if got[i][0] != want[i][0] || got[i][1] != want[i][1] {
					t.Fatalf("%q: %v %s, %v in the whole", s, got, how, want)
				}
			}
		}
		same("up to nameEnd", inspectorRE.FindAllStringIndex(s[:nameEnd(s)], n))
		same("by findGroups", findGroups(s, n))
	}
}

// TestNameEnd checks the guard of inspectorRE: the pattern finds the same groups up to nameEnd
// as in the whole text (every line of the corpora, folded, and the groups of the pattern's
// comment), and nameEnd does refuse texts that only mention 巡察.
func TestNameEnd(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"市委第一巡察组对文广旅局党组进行了巡察", true},
		{"市委巡视六组", true},
		{"中央第十五巡视组", true},
		{"巡察三组", true},
		{"县委第一、第二巡察组", true},
		{"提级交叉巡察组", true},
		{"市委第二轮巡察第一组", true},
		{"十届市委第五轮第三组", true},
		{"第3轮第12组", true},
		{"检查组委党委第一巡察组", true},       // a 组 that ends no group inside the name of one
		{"县委第一巡察组和县委第二巡察组进驻", true}, // two groups in one run of Han text
		{"按照巡察反馈问题整改要求，成立整改工作领导小组", false},
		{"巡视整改组织", false},
		{"", false},
	} {
		if got := mayName(tt.s); got != tt.want {
			t.Errorf("mayName(%q) = %v, want %v", tt.s, got, tt.want)
		}
		checkNameEnd(t, tt.s)
	}
	var files []string
	for _, pat := range []string{
		testcorpus.Path("testdata", "*", "*.txt"), testcorpus.Path("corpus", "*.txt"),
	} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if dir, ok := testcorpus.SharedIfPresent(t, "real", "raw"); ok {
		m, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		files = append(files, m...)
	}
	matched, refused := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(fold.String(string(data)), "\n") {
			checkNameEnd(t, l)
			ok := mayName(l)
			if inspectorRE.MatchString(l) {
				matched++
				if !ok {
					t.Errorf("mayName refuses %q, which the pattern matches", l)
				}
			} else if !ok && (strings.Contains(l, "巡察") || strings.Contains(l, "巡视")) {
				refused++
			}
		}
	}
	if matched < 20 || refused < 20 {
		t.Errorf("%d lines the pattern matches, %d mentioning 巡察 refused: too few to show the guard", matched, refused)
	}
}

func FuzzNameEnd(f *testing.F) {
	f.Add("市委第二轮巡察第一组")
	f.Add("十届市委第五轮第三组对县委第一、第二巡察组和巡察组长")
	f.Add("巡察组党委第二巡察组，市委第一巡察组。中共某省委第3巡视组")
	f.Fuzz(func(t *testing.T, s string) { checkNameEnd(t, s) })
}

// nameEnd, for the tests, returns where the last text in folded s that may end a group's name (inspectorRE)
// ends, or 0: every match ends in 组 right after 巡察 or 巡视 with an optional number (巡察组,
// 巡视六组, 巡察第二组), or after a round's 第N (第五轮第三组, 第二轮巡察第一组). The pattern
// then runs only where it can match, and only up to there: it finds the same groups in s[:end]
// as in s (TestNameEnd checks both).
func nameEnd(s string) int {
	end := 0
	for i := 0; ; {
		j := strings.Index(s[i:], "组")
		if j < 0 {
			return end
		}
		if groupBefore(s[:i+j]) {
			end = i + j + len("组")
		}
		i += j + len("组")
	}
}
