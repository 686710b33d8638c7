package problem

import (
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// Every entry of ledgerHeaders names its column for its example; a content cell names none.
func TestLedgerHeaders(t *testing.T) {
	for _, h := range ledgerHeaders {
		if got := headerColumn(h.example); got != h.col {
			t.Errorf("headerColumn(%q) = %d, want %d (entry %q)", h.example, got, h.col, h.name)
		}
	}
	for _, s := range []string{"", "1", "河长制巡河记录不全，12次巡河中有5次未留存记录", "已完成"} {
		if got := headerColumn(s); got != colNone {
			t.Errorf("headerColumn(%q) = %d, want none", s, got)
		}
	}
}

func TestLedgerMeasures(t *testing.T) {
	cases := []struct {
		cell string
		want []string
	}{
		{"1.建立制度；2.补齐台账", []string{"建立制度；", "补齐台账"}},
		{"一是制定流程；二是逐一销号", []string{"制定流程；", "逐一销号"}},
		{"（1）修订办法（2）开展检查", []string{"修订办法", "开展检查"}},
		{"规范会议记录；开展培训", []string{"规范会议记录", "开展培训"}},
		{"规范会议记录\n开展培训", []string{"规范会议记录", "开展培训"}},
		{"1.制定办法\n2.落实资金18万元", []string{"制定办法", "落实资金18万元"}},
		{"规范会议记录", []string{"规范会议记录"}},
		{"", nil},
	}
	for _, c := range cases {
		got := ledgerMeasures(c.cell, 0)
		var texts []string
		for _, m := range got {
			texts = append(texts, m.Text)
		}
		if len(texts) != len(c.want) {
			t.Errorf("%q: %q, want %q", c.cell, texts, c.want)
			continue
		}
		for i := range texts {
			if texts[i] != c.want[i] {
				t.Errorf("%q: %q, want %q", c.cell, texts, c.want)
				break
			}
		}
	}
}

// cells builds a table from rows of cell texts; "^" marks a cell carried from above.
func cells(rows ...[]string) bulletin.Table {
	var t bulletin.Table
	for _, r := range rows {
		var row []bulletin.TableCell
		for _, c := range r {
			if len(c) > 0 && c[0] == '^' {
				row = append(row, bulletin.TableCell{Text: c[1:], Spanned: true})
			} else {
				row = append(row, bulletin.TableCell{Text: c})
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func TestLedgerLayout(t *testing.T) {
	cases := []struct {
		name  string
		table bulletin.Table
		ok    bool
		first int
		cols  []ledgerColumn
	}{
		{"caption and two header rows", cells(
			[]string{"整改台账", "^整改台账", "^整改台账", "^整改台账"},
			[]string{"序号", "存在问题", "责任", "^责任"},
			[]string{"^序号", "^存在问题", "责任单位", "责任人"},
			[]string{"1", "甲", "乙", "丙"},
		), true, 3, []ledgerColumn{colSeq, colProblem, colDepartment, colPerson}},
		{"statistics table", cells(
			[]string{"类别", "数量", "已完成"},
			[]string{"问题", "4", "3"},
		), false, 0, nil},
	}
	for _, c := range cases {
		cols, first, ok := ledgerLayout(c.table)
		if ok != c.ok || first != c.first {
			t.Errorf("%s: ok %v first %d, want %v %d", c.name, ok, first, c.ok, c.first)
			continue
		}
		for i := range c.cols {
			if cols[i] != c.cols[i] {
				t.Errorf("%s: cols %v, want %v", c.name, cols, c.cols)
				break
			}
		}
	}
}

// A statistics table's count columns are not a ledger's columns.
func TestCountHeaders(t *testing.T) {
	for _, c := range []struct {
		cell string
		want bool
	}{
		{"反馈问题数（个）", true},
		{"整改措施数(条)", true},
		{"问题数量", true},
		{"完成率", true},
		{"反馈问题", false},
		{"序号", false},
		{"整改措施", false},
		{"完成情况", false},
	} {
		if got := isCountHeader(c.cell); got != c.want {
			t.Errorf("isCountHeader(%q) = %v, want %v", c.cell, got, c.want)
		}
	}
	if col := headerColumn("反馈问题数（个）"); col != colNone {
		t.Errorf("headerColumn(反馈问题数（个）) = %v, want none", col)
	}
}
