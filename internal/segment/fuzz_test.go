package segment

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/fold"
)

// FuzzCut checks that the cutter covers any text with consecutive tokens.
func FuzzCut(f *testing.F) {
	f.Add("针对“基层单位执行“三重一大”制度不够严格”问题")
	f.Add("２０２３年8月24日至10月23日\xff")
	s := segmenter(f)
	c := newCutter(s.lex)
	f.Fuzz(func(t *testing.T, text string) {
		checkCover(t, c, text)
	})
}

// FuzzAnnotate checks that Annotate never panics and keeps its promises on any problem text:
// a known theme, names found in the text, keywords of two or more Han characters.
func FuzzAnnotate(f *testing.F) {
	f.Add("市全民健身中心购买打印机支付 3200元，直接列支", "协调民政局对榆树市风筝协会予以撤销登记", "关于“财务业务不够规范”")
	f.Add("《关于文化聚力赋能社区治理的调研报告》", "新立镇苇沟村", "")
	s := segmenter(f)
	f.Fuzz(func(t *testing.T, quote, measure, topic string) {
		b := &bulletin.Bulletin{
			Problems: []bulletin.Problem{{Quote: quote, Topic: topic, Measures: []bulletin.Measure{{Text: measure}}}},
		}
		s.Annotate(b)
		p := b.Problems[0]
		if p.Theme != Other && themeIndexOf(p.Theme) < 0 {
			t.Fatalf("unknown theme %q", p.Theme)
		}
		folded := fold.String(quote) + "\n" + fold.String(measure)
		for _, o := range p.Orgs {
			if !strings.Contains(folded, o) {
				t.Fatalf("org %q is not in the text", o)
			}
		}
		for _, kws := range [][]bulletin.Keyword{p.Keywords, b.Keywords} {
			for _, k := range kws {
				if utf8.RuneCountInString(k.Term) < 2 || strings.IndexFunc(k.Term, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) >= 0 {
					t.Fatalf("keyword %q", k.Term)
				}
			}
		}
	})
}

// FuzzCutFolded checks that cutFolded(s) gives the tokens of cut(fold.String(s)).
func FuzzCutFolded(f *testing.F) {
	f.Add("針對“基层单位執行“三重一大”制度不够严格”问题")
	f.Add("２０２３年8月24日至10月23日\xff，ｗｗｗ")
	s := segmenter(f)
	c, ref := newCutter(s.lex), newCutter(s.lex)
	f.Fuzz(func(t *testing.T, text string) {
		checkCutFolded(t, c, ref, text)
	})
}
