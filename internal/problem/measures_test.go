package problem

import (
	"fmt"
	"testing"

	"github.com/xuncha/xuncha/internal/fold"
)

func TestMeasureItems(t *testing.T) {
	tests := []struct {
		text     string
		want     string // ordinal:text items joined by |
		complete int
	}{
		{"一是坚持学做结合；二是强化自主学习。对全体干部抽查3次。", "1:坚持学做结合；|2:强化自主学习。对全体干部抽查3次。", 2},
		{"深入学习贯彻。一是推动学习到位。二是推动办理到位。三是", "1:推动学习到位。|2:推动办理到位。|3:", 2}, // gold 010
		{"二是抓好责任落实。", "2:抓好责任落实。", 1}, // a list carried on in a new paragraph
		{"三是抓紧问题整改。区委书记对巡视全面整改负总责，多次牵头召开常委会", "3:抓紧问题整改。区委书记对巡视全面整改负总责，多次牵头召开常委会", 0}, // cut mid-sentence
		{"一是甲；二是乙；三是丙；四是丁；五是戊；六是己；七是庚；八是辛；九是壬；十是癸；十一是子；十二是丑。",
			"1:甲；|2:乙；|3:丙；|4:丁；|5:戊；|6:己；|7:庚；|8:辛；|9:壬；|10:癸；|11:子；|12:丑。", 12},
		{"他是唯一是非分明的人，统一是前提。", "", 0},       // no boundary before 一是
		{"会上讲了三是什么，一是组织学习。", "1:组织学习。", 1}, // an inline list starts at 一是
		{"一是甲，三是乙。", "1:甲，三是乙。", 1},        // out of sequence: not a marker
		{"  一是前有空格。", "1:前有空格。", 1},        // leading spaces
		{"", "", 0},
	}
	for _, tt := range tests {
		got := ""
		for k, m := range MeasureItems(tt.text) {
			if k > 0 {
				got += "|"
			}
			got += fmt.Sprintf("%d:%s", m.Ordinal, m.Text)
		}
		if got != tt.want {
			t.Errorf("MeasureItems(%q)\n got %q\nwant %q", tt.text, got, tt.want)
		}
		if n := CompleteMeasures(tt.text); n != tt.complete {
			t.Errorf("CompleteMeasures(%q) = %d, want %d", tt.text, n, tt.complete)
		}
	}
}

func TestMeasuresOf(t *testing.T) {
	tests := []struct {
		text string
		want string // ordinal:text items joined by |
	}{
		{"进一步加强设施建设。", "0:进一步加强设施建设。"},
		{"局党组采取以下措施：一是建章立制；二是跟踪问效。", "1:建章立制；|2:跟踪问效。"}, // an introduction ending in a colon is dropped
		{"局党组高度重视。一是建章立制；二是跟踪问效。", "0:局党组高度重视。|1:建章立制；|2:跟踪问效。"},
		{"（1）修订制度；（2）开展培训。", "1:修订制度；|2:开展培训。"},
		{"采取措施：1、修订制度；2、开展培训。", "1:修订制度；|2:开展培训。"},
		{"①修订制度；②开展培训。", "1:修订制度；|2:开展培训。"},
		{"已清理用地款1.05亿元，2.3万元已退回。", "0:已清理用地款1.05亿元，2.3万元已退回。"}, // numbers are not list markers
		{"（1）只有一项。", "0:（1）只有一项。"},                             // one item is not a list
	}
	for _, tt := range tests {
		got := ""
		for k, m := range measuresOf(tt.text, fold.String(tt.text), 7) {
			if k > 0 {
				got += "|"
			}
			got += fmt.Sprintf("%d:%s", m.Ordinal, m.Text)
			if m.Paragraph != 7 {
				t.Errorf("measuresOf(%q): paragraph %d", tt.text, m.Paragraph)
			}
		}
		if got != tt.want {
			t.Errorf("measuresOf(%q)\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestStatusOf(t *testing.T) {
	tests := []struct {
		text     string
		labelled bool
		want     string
	}{
		{"已完成", true, StatusDone},
		{"已完成，长期坚持", true, StatusDone}, // a label: the first word on it
		{"已基本完成", true, StatusMostlyDone},
		{"基本完成", true, StatusMostlyDone},
		{"整改中", true, StatusInProgress},
		{"推进中", true, StatusInProgress},
		{"持续推进", true, StatusOngoing},
		{"長期堅持", true, StatusLongTerm}, // traditional
		{"尚未完成", true, ""},
		{"已办结", true, StatusDone},
		{"该问题已整改到位。", false, StatusDone},
		{"目前该问题正在整改。", false, StatusInProgress},
		{"已整改到位，下一步将持续整改。", false, StatusOngoing}, // prose: the last word on it
		{"完成年度项目任务60场次，已完成12项。", false, ""},       // 已完成 in prose is a count
		{"问题尚未整改到位", false, ""},
		{"", false, ""},
	}
	for _, tt := range tests {
		if got := statusOf(tt.text, tt.labelled); got != tt.want {
			t.Errorf("statusOf(%q, %v) = %q, want %q", tt.text, tt.labelled, got, tt.want)
		}
	}
	if st, n := parenStatus("（已完成）一是…"); st != StatusDone || n != 5 {
		t.Errorf("parenStatus: %q %d", st, n)
	}
	if st, n := parenStatus("（一）一是…"); st != "" || n != 0 {
		t.Errorf("parenStatus on a marker: %q %d", st, n)
	}
}
