package problem

import (
	"strconv"
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// TestHeadingWords runs the example of every headingFrames and quotePairs entry.
func TestHeadingWords(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"关于落实立德树人根本任务有差距的问题", "落实立德树人根本任务有差距"},
		{"在全面从严治党方面", "全面从严治党"},
		{"针对选人用人方面问题", "选人用人"},
		{"党的建设方面存在的问题", "党的建设"},
		{"财务管理方面问题的整改情况", "财务管理"},
		{"选人用人方面问题", "选人用人"},
		{"县级预算管理方面", "县级预算管理"},
		{"政府采购问题的整改落实情况", "政府采购"},
		{"部门预算执行审计查出问题的整改情况", "部门预算执行审计查出"},
		{"殡葬领域问题整改情况", "殡葬领域"},
		{"关于“学校食堂管理存在漏洞”问题的整改", "学校食堂管理存在漏洞"},
		{"关于意识形态阵地管理有漏洞的问题", "意识形态阵地管理有漏洞"},
		{"政府采购程序不规范问题", "政府采购程序不规范"},
		{"关于“资金使用不规范”问题", "资金使用不规范"},
		{"在「全面從嚴治黨」方面", "全面從嚴治黨"},
		{"关于『三重一大』方面", "三重一大"},
		{`关于"财务管理"方面`, "财务管理"},
		{"贯彻落实党中央决策部署不够到位", "贯彻落实党中央决策部署不够到位"}, // no frame: kept
		{"方面", "方面"}, // all frame: kept whole
	} {
		if got := headingWords(c.title); got != c.want {
			t.Errorf("headingWords(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

func TestFromHeadings(t *testing.T) {
	sections := []bulletin.Section{
		{ID: "S1", Level: 1, Title: "巡察反馈问题整改落实情况", Paragraph: 1},
		{ID: "S1.1", Level: 2, Title: "县级预算管理方面", Parent: "S1", Paragraph: 2},
		{ID: "S1.1.1", Level: 3, Title: "关于“部分项目预算编制不细化”问题", Parent: "S1.1", Paragraph: 3},
		{ID: "S1.2", Level: 2, Title: "贯彻落实党中央决策部署不够到位", Parent: "S1", Paragraph: 5},
		{ID: "S2", Level: 1, Title: "关于党的政治建设方面", Paragraph: 7},
		{ID: "S3", Level: 1, Title: "部分被巡视党组织整改情况", Paragraph: 9},
		{ID: "S3.1", Level: 2, Title: "市水务局党组", Parent: "S3", Paragraph: 10},
		{ID: "S4", Level: 1, Title: "具体问题整改情况", Paragraph: 12},
		{ID: "S4.1", Level: 2, Title: "关于“干部作风不实”问题的整改", Parent: "S4", Paragraph: 13},
	}
	b := &bulletin.Bulletin{Sections: sections, Problems: []bulletin.Problem{
		{ID: "P1", Section: "S1.1.1", Paragraph: 4, Quote: "部分项目预算编制不细化"},
		{ID: "P2", Section: "S1.2", Paragraph: 6, Text: "统筹不够"},
		{ID: "P3", Section: "S2", Paragraph: 8, Quote: "理论学习不深"},
		{ID: "P4", Section: "S3.1", Paragraph: 11, Quote: "重大水利工程建设管理不规范"},
		{ID: "P5", Section: "S4", Paragraph: 12, Quote: "档案管理滞后"},
		{ID: "P6", Section: "S4.1", Paragraph: 13, Quote: "干部作风不实"}, // a run-in heading: the problem itself
		{ID: "P7", Section: "S1.1.1", Paragraph: 4, Category: "原有类别", Topic: "原有主题"},
	}}
	FromHeadings(b)
	want := []struct{ category, topic string }{
		{"县级预算管理", "部分项目预算编制不细化"},
		{"贯彻落实党中央决策部署不够到位", ""},
		{"党的政治建设", ""},
		{"市水务局党组", ""}, // a unit heading is no 具体问题
		{"", ""},       // under a heading that frames the whole list
		{"", ""},
		{"原有类别", "原有主题"}, // what the text gave is kept
	}
	for i, p := range b.Problems {
		if p.Category != want[i].category || p.Topic != want[i].topic {
			t.Errorf("%s: category %q topic %q, want %q %q", p.ID, p.Category, p.Topic, want[i].category, want[i].topic)
		}
	}
}

func TestSectionNumber(t *testing.T) {
	for _, tt := range []struct {
		id   string
		want int
	}{
		{"S1", 1}, {"S12", 12}, {"S0", 0}, {"S01", 0}, {"S+1", 0}, {"S", 0}, {"", 0}, {"P1", 0}, {"S1a", 0}, {"S123456789", 123456789}, {"S1234567890", 0},
	} {
		if got := sectionNumber(tt.id); got != tt.want {
			t.Errorf("sectionNumber(%q) = %d, want %d", tt.id, got, tt.want)
		}
	}
	for n := -1; n <= 300; n++ {
		if got, want := problemID(n), "P"+strconv.Itoa(n); got != want {
			t.Fatalf("problemID(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestFromHeadingsIDs holds FromHeadings on sections numbered S1, S2, … (read by index) to
// the same sections under other IDs (read through a map), on the seed.
func TestFromHeadingsIDs(t *testing.T) {
	b := splitForTest(readSeed(t))
	Extract(b)
	if len(b.Problems) == 0 || len(b.Sections) == 0 || sectionNumber(b.Sections[0].ID) != 1 {
		t.Fatalf("the seed gives %d problems, %d sections", len(b.Problems), len(b.Sections))
	}
	renamed := *b
	renamed.Sections = append([]bulletin.Section(nil), b.Sections...)
	renamed.Problems = append([]bulletin.Problem(nil), b.Problems...)
	for i := range renamed.Sections {
		s := &renamed.Sections[i]
		s.ID = "X" + s.ID
		if s.Parent != "" {
			s.Parent = "X" + s.Parent
		}
	}
	for _, bt := range []*bulletin.Bulletin{b, &renamed} {
		for i := range bt.Problems {
			p := &bt.Problems[i]
			if bt == &renamed && p.Section != "" {
				p.Section = "X" + p.Section
			}
			p.Topic, p.Category = "", ""
		}
		FromHeadings(bt)
	}
	filled := 0
	for i := range b.Problems {
		p, q := b.Problems[i], renamed.Problems[i]
		if p.Topic != "" || p.Category != "" {
			filled++
		}
		if p.Topic != q.Topic || p.Category != q.Category {
			t.Errorf("problem %d: %q %q by index, %q %q by map", i, p.Topic, p.Category, q.Topic, q.Category)
		}
	}
	if filled == 0 {
		t.Fatal("FromHeadings fills no topic or category of the seed")
	}
}
