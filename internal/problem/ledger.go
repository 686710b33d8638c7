package problem

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/fold"
)

// Ledger tables (整改台账 as a table): a table of the body (bulletin.Tables, from HTML, Word, PDF)
// whose header row names a problem column is read row by row, one problem a row:
//
//	序号 | 问题类别 | 存在问题 | 整改措施 | 责任科室 | 责任人 | 整改时限 | 整改进展
//
// The header may sit below a caption row (整改台账 spanning the table) and span two rows (责任
// over 责任单位 | 责任人); a header repeated further down (every page of a PDF) is skipped. A
// category merged over several rows reaches each of them through the grid. A row whose problem
// cell continues the one above (merged) adds its measures to that problem. A table without a
// problem column (a statistics table) is not a ledger: its rows stay paragraphs only.

// ledgerColumn is what a table column holds.
type ledgerColumn int

const (
	colNone ledgerColumn = iota
	colSeq
	colCategory
	colProblem
	colMeasures
	colDepartment
	colPerson
	colDeadline
	colStatus
)

// ledgerHeaders are the header cell names of ledger columns, tried in order: a header cell
// (folded, spaces removed) names the column of the first entry it contains. Category comes
// before problem (问题类别 holds 问题). Each example is a header cell a test reads.
var ledgerHeaders = []struct {
	name    string
	col     ledgerColumn
	example string
}{
	{"序号", colSeq, "序号"},
	{"编号", colSeq, "编号"},
	{"问题类别", colCategory, "问题类别"},
	{"问题类型", colCategory, "问题类型"},
	{"问题分类", colCategory, "问题分类"},
	{"类别", colCategory, "类别"},
	{"方面", colCategory, "问题方面"},
	{"领域", colCategory, "问题领域"},
	{"具体问题", colProblem, "具体问题"},
	{"存在问题", colProblem, "存在问题"},
	{"存在的问题", colProblem, "存在的问题"},
	{"问题描述", colProblem, "问题描述"},
	{"问题表现", colProblem, "问题表现"},
	{"反馈问题", colProblem, "巡察反馈问题"},
	{"问题清单", colProblem, "问题清单"},
	{"问题内容", colProblem, "问题内容"},
	{"主要问题", colProblem, "主要问题"},
	{"整改措施", colMeasures, "整改措施"},
	{"整改举措", colMeasures, "整改举措"},
	{"措施", colMeasures, "具体措施"},
	{"责任单位", colDepartment, "责任单位"},
	{"责任部门", colDepartment, "责任部门"},
	{"责任科室", colDepartment, "责任科室"},
	{"责任处室", colDepartment, "责任处室"},
	{"牵头单位", colDepartment, "牵头单位"},
	{"责任人", colPerson, "责任人"},
	{"责任领导", colPerson, "责任领导"},
	{"牵头领导", colPerson, "牵头领导"},
	{"时限", colDeadline, "整改时限"},
	{"完成时间", colDeadline, "完成时间"},
	{"整改进展", colStatus, "整改进展"},
	{"整改进度", colStatus, "整改进度"},
	{"完成情况", colStatus, "完成情况"},
	{"整改状态", colStatus, "整改状态"},
	{"整改情况", colStatus, "整改情况"},
}

// maxHeaderCell is the longest header cell, in runes: a longer cell is content, not a header.
const maxHeaderCell = 12

// countSuffixes end the header of a statistics column: 反馈问题数（个）, 整改措施数, 完成率.
var countSuffixes = []string{"数", "数量", "率", "比例", "占比"}

// isCountHeader reports whether folded header cell f heads a column of counts (a statistics
// table's 反馈问题数（个）), not a ledger's column: it ends, before a unit in brackets, with one
// of countSuffixes.
func isCountHeader(f string) bool {
	if k := strings.LastIndexAny(f, "(（"); k > 0 && (strings.HasSuffix(f, ")") || strings.HasSuffix(f, "）")) {
		f = f[:k]
	}
	for _, suf := range countSuffixes {
		if strings.HasSuffix(f, suf) {
			return true
		}
	}
	return false
}

// headerColumn names the column a header cell stands for, or colNone.
func headerColumn(cell string) ledgerColumn {
	f := strings.Join(strings.Fields(fold.String(cell)), "")
	if f == "" || len([]rune(f)) > maxHeaderCell {
		return colNone
	}
	if f == "问题" {
		return colProblem
	}
	if isCountHeader(f) {
		return colNone
	}
	for _, h := range ledgerHeaders {
		if strings.Contains(f, h.name) {
			return h.col
		}
	}
	return colNone
}

// maxHeaderRow is how far down a table its header row may sit (below caption rows).
const maxHeaderRow = 4

// ledgerLayout finds the header of a ledger table: the columns and the first data row. ok is
// false when no row among the first maxHeaderRow+1 names a problem column and one more column.
func ledgerLayout(t bulletin.Table) (cols []ledgerColumn, first int, ok bool) {
	for r := 0; r < len(t.Rows) && r <= maxHeaderRow; r++ {
		cols = rowColumns(t.Rows[r])
		if !hasColumn(cols, colProblem) || countColumns(cols) < 2 {
			continue
		}
		first = r + 1
		// A second header row refines the first (责任 over 责任单位 | 责任人).
		for first < len(t.Rows) && isHeaderRow(t.Rows[first]) && !isWholeRow(t.Rows[first]) {
			for c, col := range rowColumns(t.Rows[first]) {
				if col != colNone && !t.Rows[first][c].Spanned {
					cols[c] = col
				}
			}
			first++
		}
		return cols, first, true
	}
	return nil, 0, false
}

func rowColumns(row []bulletin.TableCell) []ledgerColumn {
	cols := make([]ledgerColumn, len(row))
	for c, cell := range row {
		cols[c] = headerColumn(cell.Text)
	}
	// A cell merged across columns names only its first column.
	for c := len(row) - 1; c > 0; c-- {
		if row[c].Spanned && row[c].Text == row[c-1].Text {
			cols[c] = colNone
		}
	}
	return cols
}

func hasColumn(cols []ledgerColumn, want ledgerColumn) bool {
	for _, c := range cols {
		if c == want {
			return true
		}
	}
	return false
}

func countColumns(cols []ledgerColumn) int {
	seen := map[ledgerColumn]bool{}
	for _, c := range cols {
		if c != colNone {
			seen[c] = true
		}
	}
	return len(seen)
}

// isHeaderRow says whether every non-empty cell of row is a header name (a header row, or a
// header repeated on a new page), with at least two of them.
func isHeaderRow(row []bulletin.TableCell) bool {
	n := 0
	for _, cell := range row {
		if strings.TrimSpace(cell.Text) == "" {
			continue
		}
		if headerColumn(cell.Text) == colNone {
			return false
		}
		n++
	}
	return n >= 2
}

// ledgerMeasures splits a measures cell: 一是… items or a numbered list (1. 2. / （1）) as in
// prose, else one measure a line, else one a ；-separated clause.
func ledgerMeasures(text string, para int) []bulletin.Measure {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	joined := strings.ReplaceAll(text, "\n", "")
	ms := measuresOf(joined, fold.String(joined), para)
	if len(ms) > 1 {
		return ms
	}
	if out := cellList(text, para); len(out) > 1 {
		return out
	}
	for _, sep := range []string{"\n", "；", ";"} {
		parts := strings.Split(text, sep)
		if len(parts) < 2 {
			continue
		}
		var out []bulletin.Measure
		for _, p := range parts {
			if p = strings.TrimSpace(leadMarker.ReplaceAllString(strings.TrimSpace(p), "")); p != "" {
				out = append(out, bulletin.Measure{Ordinal: len(out) + 1, Text: p, Paragraph: para})
			}
		}
		if len(out) > 1 {
			return out
		}
	}
	return ms
}

// wholeRow returns the text of a row that is one cell across the table (the first cell with
// text, every other cell carrying it as merged), false for any other row.
func wholeRow(row []bulletin.TableCell) (string, bool) {
	if len(row) < 2 || strings.TrimSpace(row[0].Text) == "" || row[0].Spanned {
		return "", false
	}
	for _, c := range row[1:] {
		if !c.Spanned || c.Text != row[0].Text {
			return "", false
		}
	}
	return row[0].Text, true
}

// isWholeRow reports whether row is one cell across the table (see wholeRow).
func isWholeRow(row []bulletin.TableCell) bool {
	_, ok := wholeRow(row)
	return ok
}

// ledgerSpan is the paragraphs a ledger table's text covers, first to last.
type ledgerSpan struct{ first, last int }

// ledgers reads the ledger tables of b. Problems get their paragraph by finding the problem
// cell's first line in the paragraphs, in order; spans are the paragraphs each table covers.
func (x *problemScan) ledgers() ([]bulletin.Problem, []ledgerSpan) {
	var out []bulletin.Problem
	var spans []ledgerSpan
	cursor := 0
	find := func(text string) int {
		line := strings.TrimSpace(strings.SplitN(text, "\n", 2)[0])
		if line == "" {
			return -1
		}
		for i := cursor; i < len(x.b.Paragraphs); i++ {
			if strings.Contains(x.b.Paragraphs[i].Text, line) {
				cursor = i
				return i
			}
		}
		return -1
	}
	for _, t := range x.b.Tables {
		cols, first, ok := ledgerLayout(t)
		if !ok {
			continue
		}
		span := ledgerSpan{-1, -1}
		for _, cell := range t.Rows[max(first-1, 0)] {
			if i := find(cell.Text); i >= 0 {
				span.first = i
				break
			}
		}
		var last *bulletin.Problem
		groupCategory := "" // the text of the last row that is one cell across the table
		for _, row := range t.Rows[first:] {
			if text, ok := wholeRow(row); ok {
				// A row that is one cell across the table heads the rows below it: 一、政治
				// 建设方面. It is their category where they have none of their own.
				groupCategory = strings.ReplaceAll(text, "\n", "")
				if para := find(text); para >= 0 {
					if span.first < 0 || para < span.first {
						span.first = para
					}
					span.last = max(span.last, para)
				}
				last = nil
				continue
			}
			if isHeaderRow(row) {
				continue // the header again, on a new page
			}
			get := func(want ledgerColumn) (bulletin.TableCell, bool) {
				for c, col := range cols {
					if col == want && c < len(row) {
						return row[c], true
					}
				}
				return bulletin.TableCell{}, false
			}
			pc, _ := get(colProblem)
			if strings.TrimSpace(pc.Text) == "" {
				continue
			}
			para := find(pc.Text)
			if span.first < 0 {
				span.first = para
			}
			span.last = max(span.last, para)
			mc, _ := get(colMeasures)
			if pc.Spanned && last != nil {
				// The problem cell is merged over this row: more measures for the same problem.
				for _, m := range ledgerMeasures(mc.Text, para) {
					m.Ordinal = len(last.Measures) + 1
					last.Measures = append(last.Measures, m)
				}
				continue
			}
			p := bulletin.Problem{
				Text:      strings.ReplaceAll(pc.Text, "\n", ""),
				Paragraph: max(para, 0),
				Measures:  ledgerMeasures(mc.Text, max(para, 0)),
				Metrics:   []bulletin.Metric{},
				Orgs:      []string{},
				Keywords:  []bulletin.Keyword{},
			}
			if p.Measures == nil {
				p.Measures = []bulletin.Measure{}
			}
			if c, ok := get(colCategory); ok {
				p.Category = strings.ReplaceAll(c.Text, "\n", "")
			}
			if p.Category == "" {
				p.Category = groupCategory
			}
			if c, ok := get(colDepartment); ok {
				p.Department = strings.ReplaceAll(c.Text, "\n", "、")
			}
			if c, ok := get(colPerson); ok {
				p.Person = strings.ReplaceAll(c.Text, "\n", "、")
			}
			if c, ok := get(colDeadline); ok {
				p.Deadline = strings.ReplaceAll(c.Text, "\n", "")
			}
			if c, ok := get(colStatus); ok {
				// A status cell's line breaks are layout (a PDF wraps 基本完|成 in a narrow
				// column, or a page cuts it): the status is read across them.
				p.Status = statusOf(strings.ReplaceAll(c.Text, "\n", ""), true)
			}
			if p.Status == "" {
				p.Status = statusOf(mc.Text, false)
			}
			out = append(out, p)
			last = &out[len(out)-1]
		}
		// Text in the last row's other cells (Word gives each cell its paragraph) is the table's too.
		if n := len(t.Rows); n > 0 {
			for _, cell := range t.Rows[n-1] {
				if cell.Text != "" && !cell.Spanned {
					line := strings.TrimSpace(strings.SplitN(cell.Text, "\n", 2)[0])
					for i := max(span.last, 0); i < len(x.b.Paragraphs) && i <= span.last+len(t.Rows[n-1])*4; i++ {
						if strings.Contains(x.b.Paragraphs[i].Text, line) {
							span.last = max(span.last, i)
							break
						}
					}
				}
			}
		}
		if span.first >= 0 && span.last >= span.first {
			spans = append(spans, span)
		}
	}
	return out, spans
}

// mergeLedgers puts the ledger problems in place of what the prose reading found in the
// paragraphs of the tables, in paragraph order, and numbers all problems anew.
func (x *problemScan) mergeLedgers() {
	led, spans := x.ledgers()
	if len(led) == 0 {
		return
	}
	inTable := func(i int) bool {
		for _, s := range spans {
			if i >= s.first && i <= s.last {
				return true
			}
		}
		return false
	}
	x.dropCellHeadings(inTable)
	var all []bulletin.Problem
	for _, p := range x.b.Problems {
		if !inTable(p.Paragraph) {
			all = append(all, p)
		}
	}
	all = append(all, led...)
	sort.SliceStable(all, func(a, b int) bool { return all[a].Paragraph < all[b].Paragraph })
	renamed := map[string]string{}
	for k := range all {
		id := fmt.Sprintf("P%d", k+1)
		if all[k].ID != "" {
			renamed[all[k].ID] = id
		}
		all[k].ID = id
	}
	for i := range x.b.Paragraphs {
		p := &x.b.Paragraphs[i]
		if inTable(i) {
			p.Problem = ""
			if p.Role == bulletin.RoleProblem || p.Role == bulletin.RoleMeasure {
				p.Role = bulletin.RoleOther
			}
			continue
		}
		if p.Problem != "" {
			p.Problem = renamed[p.Problem]
		}
	}
	for k := range all {
		p := &all[k]
		if p.Section == "" {
			p.Section = x.sectionOf(p.Paragraph)
		}
		if p.Paragraph >= 0 && p.Paragraph < len(x.b.Paragraphs) && inTable(p.Paragraph) {
			x.claim(p.Paragraph, p.ID, bulletin.RoleProblem)
		}
	}
	x.b.Problems = all
}

// dropCellHeadings removes the sections that a ledger's cells made (a measures cell of 1. 2. 3.
// lines reads as headings to the section parser, which does not know tables). Their paragraphs
// become the table's; what sat in them sits in the section around the table; the remaining
// sections are numbered anew.
func (x *problemScan) dropCellHeadings(inTable func(int) bool) {
	dropped := map[string]string{} // section ID -> its parent
	for _, s := range x.b.Sections {
		if inTable(s.Paragraph) {
			dropped[s.ID] = s.Parent
		}
	}
	if len(dropped) == 0 {
		return
	}
	renamed := map[string]string{}
	kept := x.b.Sections[:0]
	for _, s := range x.b.Sections {
		if _, ok := dropped[s.ID]; ok {
			continue
		}
		renamed[s.ID] = fmt.Sprintf("S%d", len(kept)+1)
		kept = append(kept, s)
	}
	// up gives the section that stays for id: itself, or its nearest kept ancestor, renamed.
	up := func(id string) string {
		for {
			parent, gone := dropped[id]
			if !gone {
				return renamed[id]
			}
			id = parent
		}
	}
	for k := range kept {
		kept[k].ID = renamed[kept[k].ID]
		kept[k].Parent = up(kept[k].Parent)
	}
	x.b.Sections = kept
	for i := range x.b.Paragraphs {
		p := &x.b.Paragraphs[i]
		p.Section = up(p.Section)
		if inTable(i) && p.Role == bulletin.RoleHeading {
			p.Role = bulletin.RoleOther
		}
	}
	for k := range x.b.Problems {
		x.b.Problems[k].Section = up(x.b.Problems[k].Section)
	}
}

// leadMarker is an item marker opening one line or clause of a measures cell: 1. 1、 （1） ①
// 一是, dropped from the measure's text.
var leadMarker = regexp.MustCompile(`^(?:[0-9]{1,2}[.、．]|[（(][0-9]{1,2}[）)]|[一二三四五六七八九十]{1,3}是|[①-⑳])\s*`)

// cellMarker is a numbered-item marker inside a measures cell, where no boundary is needed
// before it: （1）修订办法（2）开展检查. Only a run 1, 2, 3 … in sequence counts.
var cellMarker = regexp.MustCompile(`[（(]([1-9][0-9]?)[）)]`)

// mayCellMarker reports whether text may hold a match of cellMarker. It is exact: every marker
// opens with ( or （.
func mayCellMarker(text string) bool { return strings.ContainsAny(text, "(（") }

// cellList splits a measures cell on （1）（2）… markers in sequence; nil when there are fewer
// than two.
func cellList(text string, para int) []bulletin.Measure {
	if !mayCellMarker(text) {
		return nil
	}
	locs := cellMarker.FindAllStringSubmatchIndex(text, -1)
	var starts [][2]int // marker start, text start
	for _, l := range locs {
		n, _ := strconv.Atoi(text[l[2]:l[3]])
		if n == len(starts)+1 {
			starts = append(starts, [2]int{l[0], l[1]})
		}
	}
	if len(starts) < 2 {
		return nil
	}
	var out []bulletin.Measure
	for k, s := range starts {
		end := len(text)
		if k+1 < len(starts) {
			end = starts[k+1][0]
		}
		item := strings.TrimSpace(text[s[1]:end])
		item = strings.TrimRight(item, "；;，,\n")
		if item != "" {
			out = append(out, bulletin.Measure{Ordinal: k + 1, Text: item, Paragraph: para})
		}
	}
	return out
}
