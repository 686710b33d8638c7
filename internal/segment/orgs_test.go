package segment

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// TestFindOrgs is the table of suffix merging: heads (局 馆 中心 大队 协会 村 镇 …) extended to the
// left over the words of the name until a place starts it.
func TestFindOrgs(t *testing.T) {
	s := segmenter(t)
	c := newCutter(s.lex)
	tests := []struct {
		text string
		want []string
	}{
		{"市全民健身中心购买打印机支付3200元", []string{"市全民健身中心"}},
		{"其中，市文化市场综合行政执法大队在职10人", []string{"市文化市场综合行政执法大队"}},
		{"局领导班子成员到包保党支部联系点新立镇苇沟村调研指导3次", []string{"新立镇苇沟村"}},
		{"协调民政局对连续2年未参检的榆树市风筝协会等5家文体协会予以撤销登记", []string{"民政局", "榆树市风筝协会"}},
		{"2022年，市博物馆、市文化馆、市全民健身中心召开支委会时", []string{"市博物馆", "市文化馆", "市全民健身中心"}},
		{"局党组要求市图书馆、博物馆和其他下属单位深刻反思", []string{"市图书馆"}},
		{"调整市文化馆副馆长1名", []string{"市文化馆"}},
		{"吉林省榆树市新立镇中心小学", []string{"吉林省榆树市新立镇中心小学"}},
		{"南湖街道办事处", []string{"南湖街道"}},
		{"形成《关于文化聚力赋能社区治理的调研报告》", nil}, // a title names no one
		{"深入社区开展活动", nil}, // 社区 without a place name
		{"部分农村文化广场文化元素不多", nil},
		{"从退役运动员中聘用2名年轻的优秀教练员到青少年体校执教", nil}, // no place: a kind, not a name
		{"使用部机关办公室下发的笔记本", nil},
		{"对各类文体协会的有效监管", nil},
		{"市委巡察办", nil},
		{"驻村帮扶工作流于形式，个别驻村干部在岗时间不足", nil}, // 驻: one character is no village's name
		{"全面实行村务公开", nil},                // 实行: a common word, not a village's name
		{"", nil},
	}
	for _, tt := range tests {
		toks := c.cut(tt.text)
		var got []string
		for _, sp := range findOrgs(toks, nil) {
			got = append(got, spanText(toks, sp))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("findOrgs(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestSuffixesEnding checks the index of orgSuffixes by last character against a scan of the
// table, for every character of the Basic Multilingual Plane.
func TestSuffixesEnding(t *testing.T) {
	for r := rune(1); r < 1<<16; r++ {
		var want []int
		for i, s := range orgSuffixes {
			if last, _ := utf8.DecodeLastRuneInString(s.suffix); last == r {
				want = append(want, i)
			}
		}
		if got := suffixesEnding(r); !slices.Equal(got, want) {
			t.Fatalf("%q: %v, want %v", r, got, want)
		}
	}
}
