package problem

import (
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// bodyBulletin makes a bulletin of body paragraphs (no headings).
func bodyBulletin(paras ...string) *bulletin.Bulletin {
	b := &bulletin.Bulletin{}
	for i, p := range paras {
		b.Paragraphs = append(b.Paragraphs, bulletin.Paragraph{Index: i, Role: bulletin.RoleOther, Text: p})
	}
	return b
}

func TestQuotedProblems(t *testing.T) {
	tests := []struct {
		name     string
		paras    []string
		quotes   []string // the problems' quotes, in order
		measures []int    // measures per problem; nil: not checked
		warnings []string // warning codes
	}{
		{
			name:     "plain",
			paras:    []string{"针对“理论学习流于形式”问题。一是制定学习计划；二是开展专题研讨。"},
			quotes:   []string{"理论学习流于形式"},
			measures: []int{2},
		},
		{
			name:     "nested same marks, 。 inside",
			paras:    []string{"针对“下属单位执行“三重一大”制度不严。2022年，某馆大额支出未经集体研究”问题。进一步压实责任。"},
			quotes:   []string{"下属单位执行“三重一大”制度不严。2022年，某馆大额支出未经集体研究"},
			measures: []int{1},
		},
		{
			name:   "inner single quotes",
			paras:  []string{"针对“学习缺少‘磨’的功夫和‘钻’的劲头”问题。一是坚持常学常新。"},
			quotes: []string{"学习缺少‘磨’的功夫和‘钻’的劲头"},
		},
		{
			name:     "unclosed",
			paras:    []string{"针对“档案管理不规范，资料缺失。一是补齐资料。"},
			warnings: []string{"quote_unclosed"},
		},
		{
			name:     "unclosed across the next paragraph too",
			paras:    []string{"针对“档案管理不规范", "资料缺失，一是补齐资料。"},
			warnings: []string{"quote_unclosed"},
		},
		{
			name:     "ASCII quotes",
			paras:    []string{`针对"基层党建工作薄弱"问题,一是配齐支部书记;二是规范组织生活。`},
			quotes:   []string{"基层党建工作薄弱"},
			measures: []int{2},
		},
		{
			name:   "ASCII quotes nested",
			paras:  []string{`针对"执行"三重一大"制度不严"问题。已整改到位。`},
			quotes: []string{`执行"三重一大"制度不严`},
		},
		{
			name:   "corner quotes, traditional",
			paras:  []string{"針對「幹部作風不實，調研不深入」問題。一是建立調研制度。"},
			quotes: []string{"幹部作風不實，調研不深入"},
		},
		{
			name:   "corner quotes nested",
			paras:  []string{"針對「執行「三重一大」制度不嚴」問題。"},
			quotes: []string{"執行「三重一大」制度不嚴"},
		},
		{
			name:   "full-width ASCII quotes",
			paras:  []string{"针对＂档案管理不规范＂问题。"},
			quotes: []string{"档案管理不规范"},
		},
		{
			name:   "pinyin glosses inside the frame",
			paras:  []string{"針(zhēn)對“財務報銷不規範”問(wèn)題。一是完善制度。"},
			quotes: []string{"財務報銷不規範"},
		},
		{
			name:     "two problems in one paragraph",
			paras:    []string{"针对“会议记录不完整”问题，补齐了会议记录。针对“台账管理混乱”等问题，一是重建台账；二是专人管理。"},
			quotes:   []string{"会议记录不完整", "台账管理混乱"},
			measures: []int{1, 2},
		},
		{
			name:     "across a line break",
			paras:    []string{"针对“部分党员干部理论学习不够深入，", "学用脱节”问题。一是开展专题学习；二是组织研讨交流。"},
			quotes:   []string{"部分党员干部理论学习不够深入，\n学用脱节"},
			measures: []int{2},
		},
		{
			name:     "across two line breaks",
			paras:    []string{"针对“部分党员干部", "理论学习不够深入，", "学用脱节”问题。一是开展专题学习。"},
			quotes:   []string{"部分党员干部\n理论学习不够深入，\n学用脱节"},
			measures: []int{1},
		},
		{
			name:     "not across three",
			paras:    []string{"针对“部分党员干部", "理论学习", "不够深入，", "学用脱节”问题。一是开展专题学习。"},
			warnings: []string{"quote_unclosed"},
		},
		{
			name:   "suffixes 的问题; 方面问题 and 等方面的问题 in prose name categories",
			paras:  []string{"针对“选人用人把关不严”的问题，整改了。", "关于“落实中央八项规定精神”方面问题，整改了。", "针对“财务管理”等方面的问题，整改了。"},
			quotes: []string{"选人用人把关不严"},
		},
		{
			name:     "unbalanced inner quote still closed by ”问题",
			paras:    []string{"针对“执行“三重一大制度不严”问题。一是修订议事规则。"},
			quotes:   []string{"执行“三重一大制度不严"},
			warnings: []string{"quote_unbalanced"},
		},
		{
			name: "quoted terms that are not problems",
			paras: []string{
				"召开“三会一课”2次，增强“四个意识”，开展巡视“回头看”。",
				"分解形成79个“问题清单”，形成“1+1+5”工作体系。",
				"关于“三会一课”制度执行情况，针对“问题清单”逐项销号。",
				"针对“四风”问题清单逐条整改。",
				"针对巡视反馈的体育领域改革方面的问题，多次召开会议。",
			},
		},
		{
			name:   "a short phrase between intro and quote",
			paras:  []string{"针对巡视反馈的“基层党组织软弱涣散”问题，开展集中整顿。", "针对部分单位的“三会一课”问题，开展整顿。"},
			quotes: []string{"基层党组织软弱涣散"},
		},
		{
			name:   "two quotes in one frame: two problems",
			paras:  []string{"针对“会议记录不全”和“台账缺失”问题，补齐了。"},
			quotes: []string{"会议记录不全", "台账缺失"},
		},
		{
			name:     "a closing mark typed for the inner opening one",
			paras:    []string{"针对“执行”三重一大”制度不严”问题，修订了规则。"},
			quotes:   []string{"执行”三重一大”制度不严"},
			warnings: []string{"quote_unbalanced"},
		},
		{
			name:  "a term quoted after 针对, then a clause: no problem",
			paras: []string{"针对“三会一课”落实不到位的情况，召开“专题会”，解决了“最后一公里”问题。"},
		},
		{
			name:   "a term quoted after 关于, then another frame",
			paras:  []string{"关于“三会一课”制度针对“支部活动偏少”问题作出规定。"},
			quotes: []string{"支部活动偏少"},
		},
		{
			name:   "the closing ” must bring depth to 0",
			paras:  []string{"针对“落实“第一议题”制度不到位”问题，落实了。"},
			quotes: []string{"落实“第一议题”制度不到位"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := bodyBulletin(tt.paras...)
			Extract(b)
			var quotes []string
			for _, p := range b.Problems {
				quotes = append(quotes, p.Quote)
			}
			if strings.Join(quotes, "|") != strings.Join(tt.quotes, "|") {
				t.Errorf("quotes %q, want %q", quotes, tt.quotes)
			}
			src := strings.Join(tt.paras, "\n")
			for _, q := range quotes {
				if !strings.Contains(src, q) {
					t.Errorf("quote %q is not in the source", q)
				}
			}
			if tt.measures != nil {
				for k, p := range b.Problems {
					if k < len(tt.measures) && len(p.Measures) != tt.measures[k] {
						t.Errorf("%s: %d measures %+v, want %d", p.ID, len(p.Measures), p.Measures, tt.measures[k])
					}
				}
			}
			var codes []string
			for _, w := range b.Warnings {
				codes = append(codes, w.Code)
			}
			if strings.Join(codes, ",") != strings.Join(tt.warnings, ",") {
				t.Errorf("warnings %q, want %q", codes, tt.warnings)
			}
		})
	}
}

func TestUnquotedHeadings(t *testing.T) {
	tests := []struct {
		text     string
		want     string // problem texts joined by |
		category string // the first problem's category
		status   string // the first problem's status
	}{
		{"1.部分项目预算执行率偏低问题。审计抽查的45个项目中有12个执行率低于50%。目前该问题已整改完成。", "部分项目预算执行率偏低", "", StatusDone},
		{"（一）关于少数领导干部不守政治规矩的问题。\n一是开展警示教育。", "少数领导干部不守政治规矩", "", ""},
		{"（一）关于党的建设方面\n1.关于干部选任程序不规范的问题\n修订了选任工作规程。", "干部选任程序不规范", "党的建设", ""},
		{"（一）关于基层党组织建设方面存在的问题\n1.支部主题党日活动内容单一问题\n丰富了活动形式。", "支部主题党日活动内容单一", "基层党组织建设", ""},
		{"（一）着力解决群众急难愁盼问题\n办结民生实事20件。", "", "", ""},
		{"（二）聚焦突出问题\n开展专项整治。", "", "", ""},
		{"二、关于巡察反馈问题的整改情况\n逐条建立台账。", "", "", ""},
		{"三、审计查出问题的整改情况\n逐条建立台账。", "", "", ""},
		{"（三）关于重点问题\n逐条建立台账。", "", "", ""}, // too short to name a problem
	}
	for _, tt := range tests {
		b := splitForTest(tt.text)
		Extract(b)
		var got []string
		for _, p := range b.Problems {
			got = append(got, p.Text)
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("%q: problems %q, want %q", tt.text, got, tt.want)
			continue
		}
		if len(b.Problems) > 0 {
			if p := b.Problems[0]; p.Category != tt.category || p.Status != tt.status || len(p.Measures) == 0 {
				t.Errorf("%q: category %q status %q measures %d, want %q %q and some", tt.text, p.Category, p.Status, len(p.Measures), tt.category, tt.status)
			}
		}
	}
}
