package header

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

// corpusLines returns every line of the corpora (corpus/, testdata/heldout/, the shared real
// corpus where present), as written and folded.
func corpusLines(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pat := range []string{
		testcorpus.Path("corpus", "*.txt"), testcorpus.Path("testdata", "heldout", "*.txt"),
		testcorpus.Path("testdata", "*", "*.txt"),
	} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if dir, ok := testcorpus.SharedIfPresent(t, "real", "raw"); ok {
		m, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("only %d corpus files found", len(files))
	}
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			lines = append(lines, l, fold.String(l))
		}
	}
	return lines
}

// TestGuardsExact checks every literal guard placed before a pattern: on every line of the
// corpora, and on examples of each pattern, the guard never refuses a text the pattern matches.
// It also asks that each pattern matches somewhere and that each guard refuses some lines, so
// that neither side of the check is empty.
func TestGuardsExact(t *testing.T) {
	lines := corpusLines(t)
	for _, g := range []struct {
		name     string
		re       *regexp.Regexp
		may      func(string) bool
		examples []string
	}{
		{"asOf", asOf, mayAsOf, []string{"截至2024年2月22日", "截止到 3月", "截至到目前"}},
		{"addressRE", addressRE, mayAddress, []string{"通信地址：某市某路1号", "邮政信箱 123号", "来信请寄某市纪委", "来信寄至", "信件请寄：某处", "地址:某路"}},
		{"postcodeRE", postcodeRE, mayPostcode, []string{"邮编：130400", "邮政编码 130400", "邮政编碼:130400"}},
		{"emailRE", emailRE, mayEmail, []string{"电子邮箱：jw@example.gov.cn"}},
		{"countRE", countRE, mayCount, []string{"反馈的14个具体问题", "1,126个问题", "12 余 个", "3\t项", "十多 条", "两个方面", "五场次", "千人次", "9笔", "零个"}},
		{"rateRE", rateRE, mayRate, []string{"整改完成率98%", "完成率达 100 %"}},
		{"rateTenths", rateTenths, mayRateTenths, []string{"问题整改率已达九成以上"}},
		{"rateCN", rateCN, mayRateCN, []string{"整改完成率达百分之九十四点四", "完成率为百分之百"}},
		{"rateShare", rateShare, mayRateShare, []string{"已完成55条，占比88.7%", "占总数的 90%"}},
		{"roundRE", roundRE, mayRound, []string{"十二届市委第二轮", "十一届市委第八轮第二批", "县委第五轮", "市委第三輪"}},
		{"summaryRE", summaryRE, maySummary, []string{"对12个单位党组织进行了巡察", "对枫林区、临港区等8个地区和单位党组织开展了巡视", "巡视整改情况综述", "汇总", "等 三 家单位"}},
		{"inspectorRE", inspectorRE, mayName, []string{"市委第一巡察组", "中央第十五巡视组", "市委第二轮巡察第一组"}},
	} {
		matched, refused := 0, 0
		for _, l := range append(g.examples, lines...) {
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
		if matched < len(g.examples) || refused == 0 {
			t.Errorf("%s: %d texts matched, %d refused: the check shows nothing", g.name, matched, refused)
		}
	}
}

// TestMayCountSpaces checks the look-back of mayCount: ASCII spaces (the pattern's \s) and one
// 余 or 多 between the number and the counter are skipped, other text is not.
func TestMayCountSpaces(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"12个", true}, {"12 \t个", true}, {"12余个", true}, {"12 多 项", true}, {"三条", true},
		{"个人", false}, {"12余多个", false}, {"12年个", false}, {"12\u3000个", false}, {"多个", false}, {"", false},
	} {
		if got := mayCount(tt.s); got != tt.want {
			t.Errorf("mayCount(%q) = %v, want %v", tt.s, got, tt.want)
		}
		if countRE.MatchString(tt.s) != tt.want {
			t.Errorf("countRE.MatchString(%q) = %v, want %v (the case is no test of the guard)", tt.s, !tt.want, tt.want)
		}
	}
}

func FuzzMayCount(f *testing.F) {
	f.Add("反馈的1,126个问题，已完成整改12 余 个")
	f.Add("两个方面")
	f.Fuzz(func(t *testing.T, s string) {
		if countRE.MatchString(s) && !mayCount(s) {
			t.Fatalf("mayCount refuses %q, which countRE matches", s)
		}
	})
}

func FuzzMayAddress(f *testing.F) {
	f.Add("来信请寄：某市纪委，邮编：130400，地址")
	f.Fuzz(func(t *testing.T, s string) {
		if addressRE.MatchString(s) && !mayAddress(s) {
			t.Fatalf("mayAddress refuses %q, which addressRE matches", s)
		}
		if postcodeRE.MatchString(s) && !mayPostcode(s) {
			t.Fatalf("mayPostcode refuses %q, which postcodeRE matches", s)
		}
		if asOf.MatchString(s) && !mayAsOf(s) {
			t.Fatalf("mayAsOf refuses %q, which asOf matches", s)
		}
	})
}
