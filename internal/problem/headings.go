package problem

import (
	"strings"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// FromHeadings fills a problem's Category and Topic from the section tree where its own text
// left them empty, as an office's 整改台账 files each problem under 问题类别 and 具体问题:
//
//   - Topic is the heading of the section the problem sits in when that heading is below the
//     top level, comes before the problem and names a problem, not a category or a unit
//     (2.关于“医疗卫生资源配置不均衡”问题的整改).
//   - Category is the nearest heading above the topic (or above the problem, when the problem
//     has no topic heading of its own) that is below the top level, or at the top level where it
//     names a 方面 or starts with 关于 ((一)县级预算管理方面, 一、关于党的政治建设方面). A
//     top-level heading such as 二、巡察反馈问题整改落实情况 frames the whole list, not a category.
//
// A heading's quote is taken where it has one; else its words without the frame
// (headingFrames). Nothing is filled from a heading that holds the problem's own paragraph (a
// run-in heading is the problem itself).
func FromHeadings(b *bulletin.Bulletin) {
	if len(b.Sections) == 0 || len(b.Problems) == 0 {
		return
	}
	// Sections are numbered S1, S2, … in order, as structure.Parse numbers them, and then an
	// ID is its index; only other IDs need a map (the last section of an ID holds it).
	numbered := true
	for i := range b.Sections {
		numbered = numbered && sectionNumber(b.Sections[i].ID) == i+1
	}
	var byID map[string]int // section ID -> index in b.Sections
	if !numbered {
		byID = make(map[string]int, len(b.Sections))
		for i := range b.Sections {
			byID[b.Sections[i].ID] = i
		}
	}
	// What is read from a heading is read once for all the problems under it.
	reads := make([]headingRead, len(b.Sections))
	read := func(k int) *headingRead {
		r := &reads[k]
		if !r.done {
			t := b.Sections[k].Title
			*r = headingRead{done: true, problem: namesProblem(t), category: namesCategory(t), words: headingWords(t)}
		}
		return r
	}
	section := func(id string) int {
		if numbered {
			if n := sectionNumber(id); n >= 1 && n <= len(b.Sections) {
				return n - 1
			}
			return -1
		}
		if k, ok := byID[id]; ok {
			return k
		}
		return -1
	}
	for i := range b.Problems {
		p := &b.Problems[i]
		k := section(p.Section)
		if k < 0 {
			continue
		}
		s := &b.Sections[k]
		above := k // where the category search starts
		switch {
		case s.Paragraph == p.Paragraph:
			above = section(s.Parent) // a run-in heading is the problem itself
		case s.Level > 1 && s.Paragraph < p.Paragraph && read(k).problem && read(k).words != p.Category:
			if p.Topic == "" {
				p.Topic = read(k).words
			}
			above = section(s.Parent)
		}
		if p.Category != "" {
			continue
		}
		for c := above; c >= 0; c = section(b.Sections[c].Parent) {
			if b.Sections[c].Level > 1 || read(c).category {
				p.Category = read(c).words
				break
			}
		}
	}
}

// sectionNumber returns n for a section ID "S" followed by the decimal n (no sign, no leading
// zero), or 0.
func sectionNumber(id string) int {
	if len(id) < 2 || len(id) > 10 || id[0] != 'S' || id[1] == '0' {
		return 0
	}
	n := 0
	for _, c := range []byte(id[1:]) {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// headingRead is what FromHeadings reads from a heading's title.
type headingRead struct {
	done     bool
	problem  bool   // namesProblem
	category bool   // namesCategory
	words    string // headingWords
}

// namesProblem reports whether a heading names one problem (关于“…”问题的整改, 政府采购程序不规范问题,
// 关于…的问题) rather than a category (…方面) or a unit (（三）市水务局党组, in a bulletin on several).
func namesProblem(title string) bool {
	if strings.Contains(title, "方面") {
		return false
	}
	return firstQuote(title) != "" || strings.HasPrefix(title, "关于") || strings.HasPrefix(title, "针对") ||
		strings.Contains(title, "问题")
}

// namesCategory reports whether a top-level heading names a category of problems rather than
// framing the whole list.
func namesCategory(title string) bool {
	return strings.Contains(title, "方面") || strings.HasPrefix(title, "关于")
}

// headingFrames are the words around a heading's subject, cut off to leave the subject: the
// first prefix that matches, then the first suffix. Longer forms come before the shorter forms
// they contain.
var headingFrames = struct{ prefixes, suffixes []string }{
	prefixes: []string{
		"关于", // 关于落实立德树人根本任务有差距的问题
		"在",  // 在全面从严治党方面
		"针对", // 针对选人用人方面问题
	},
	suffixes: []string{
		"方面存在的问题",   // 党的建设方面存在的问题
		"方面问题的整改情况", // 财务管理方面问题的整改情况
		"方面问题",      // 选人用人方面问题
		"方面",        // 县级预算管理方面
		"问题的整改落实情况", // 政府采购问题的整改落实情况
		"问题的整改情况",   // 部门预算执行审计查出问题的整改情况
		"问题整改情况",    // 殡葬领域问题整改情况
		"问题的整改",     // 关于“学校食堂管理存在漏洞”问题的整改
		"的问题",       // 关于意识形态阵地管理有漏洞的问题
		"问题",        // 政府采购程序不规范问题
	},
}

// headingWords is the subject of a heading: its quote where it has one (关于“X”方面 → X), else
// its text without the frame (县级预算管理方面 → 县级预算管理). A heading that is all frame is
// kept whole.
func headingWords(title string) string {
	title = strings.TrimSpace(strings.TrimRight(title, "。：:；;"))
	if q := firstQuote(title); q != "" {
		return q
	}
	s := title
	for _, pre := range headingFrames.prefixes {
		if rest, ok := strings.CutPrefix(s, pre); ok {
			s = rest
			break
		}
	}
	for _, suf := range headingFrames.suffixes {
		if rest, ok := strings.CutSuffix(s, suf); ok {
			s = rest
			break
		}
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return title
	}
	return s
}

// quotePairs are the quotation marks a heading's subject sits in.
var quotePairs = [][2]string{
	{"“", "”"},   // 关于“资金使用不规范”问题
	{"「", "」"},   // 在「全面從嚴治黨」方面 (traditional)
	{"『", "』"},   // 关于『三重一大』方面
	{"\"", "\""}, // 关于"财务管理"方面 (ASCII quotes)
}

// firstQuote is the inside of the first quotation in s, or "".
func firstQuote(s string) string {
	best, bestAt := "", len(s)
	for _, q := range quotePairs {
		i := strings.Index(s, q[0])
		if i < 0 || i >= bestAt {
			continue
		}
		rest := s[i+len(q[0]):]
		if j := strings.Index(rest, q[1]); j > 0 {
			best, bestAt = strings.TrimSpace(rest[:j]), i
		}
	}
	return best
}
