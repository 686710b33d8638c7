package problem

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/runes"
)

// Labelled blocks: the 整改台账 style, where each problem is written as labelled fields —
// 问题：… 整改措施：… 整改进展：… 责任单位：… 责任人：… 整改时限：… — one label a paragraph
// or several in one paragraph.

// labelField is the column of the ledger a label fills.
type labelField int

const (
	fieldProblem    labelField = iota // 问题
	fieldMeasures                     // 整改措施
	fieldProgress                     // 整改进展 / 完成情况
	fieldDepartment                   // 责任单位
	fieldPerson                       // 责任人
	fieldDeadline                     // 整改时限
	// fieldReport is 整改情况 and its kin: a status alone (整改情况：已完成) is the progress, a
	// longer text (整改情况：局党组修订了…，该问题已整改完成) the measures taken; see resolveReport.
	fieldReport
	numFields // the number of fields
)

// maxStatusValue is the longest report value, in runes, read as a status alone.
const maxStatusValue = 12

// resolveReport says which field a fieldReport value fills: fieldProgress when the value is
// short and states a status, else fieldMeasures. Other fields are returned as they are.
func resolveReport(f labelField, value string) labelField {
	if f != fieldReport {
		return f
	}
	if len([]rune(value)) <= maxStatusValue && statusOf(value, true) != "" {
		return fieldProgress
	}
	return fieldMeasures
}

// fieldLabels are the labels of a block, longest first where one is a prefix of another. A label
// counts at the start of a paragraph or after punctuation, followed by an optional number
// (问题1：, 问题一：, 问题(1)：) and a colon.
var fieldLabels = []struct {
	text  string
	field labelField
}{
	{"存在的问题", fieldProblem},   // 存在的问题：…
	{"存在问题", fieldProblem},    // 存在问题：…
	{"问题表现", fieldProblem},    // 问题表现：…
	{"问题描述", fieldProblem},    // 问题描述：…
	{"具体问题", fieldProblem},    // 具体问题：…
	{"反馈问题", fieldProblem},    // 反馈问题：…
	{"主要问题", fieldProblem},    // 主要问题：…
	{"问题", fieldProblem},      // 问题：… / 问题1：…
	{"整改措施", fieldMeasures},   // 整改措施：一是…
	{"整改举措", fieldMeasures},   // 整改举措：…
	{"主要措施", fieldMeasures},   // 主要措施：…
	{"措施", fieldMeasures},     // 措施：…
	{"整改进展", fieldProgress},   // 整改进展：已完成
	{"整改进度", fieldProgress},   // 整改进度：正在整改
	{"整改情况", fieldReport},     // 整改情况：已整改到位 / 整改情况：局党组修订了…
	{"完成情况", fieldProgress},   // 完成情况：已完成
	{"进展情况", fieldReport},     // 进展情况：持续整改
	{"整改结果", fieldReport},     // 整改结果：…
	{"整改成效", fieldReport},     // 整改成效：…
	{"整改状态", fieldProgress},   // 整改状态：已完成
	{"责任单位", fieldDepartment}, // 责任单位：局办公室
	{"责任部门", fieldDepartment}, // 责任部门：…
	{"牵头单位", fieldDepartment}, // 牵头单位：…
	{"牵头部门", fieldDepartment}, // 牵头部门：…
	{"责任处室", fieldDepartment}, // 责任处室：…
	{"责任科室", fieldDepartment}, // 责任科室：…
	{"责任领导", fieldPerson},     // 责任领导：…
	{"牵头领导", fieldPerson},     // 牵头领导：…
	{"责任人", fieldPerson},      // 责任人：张三
	{"整改时限", fieldDeadline},   // 整改时限：2024年6月底前
	{"完成时限", fieldDeadline},   // 完成时限：长期坚持
	{"整改期限", fieldDeadline},   // 整改期限：…
	{"完成时间", fieldDeadline},   // 完成时间：…
	{"时限", fieldDeadline},     // 时限：…
}

// labelAt is one label found in folded runes: the field, where the label starts and where its
// value starts (past the colon and spaces).
type labelAt struct {
	field        labelField
	start, value int
}

// findLabels returns the labels of rs in order.
func findLabels(rs []rune) []labelAt { return appendLabels(nil, rs) }

// appendLabels is findLabels appending to out.
func appendLabels(out []labelAt, rs []rune) []labelAt {
	for i := 0; i < len(rs); i++ {
		if i > 0 && !labelBoundary(rs[i-1]) || !slices.Contains(labelFirst, rs[i]) {
			continue
		}
		for _, l := range fieldLabels {
			if !runes.HasPrefixAt(rs, i, l.text) {
				continue
			}
			j := i + len([]rune(l.text))
			j = skipLabelNumber(rs, j)
			if j < len(rs) && (rs[j] == ':' || rs[j] == '：') {
				j++
				for j < len(rs) && isSpaceRune(rs[j]) {
					j++
				}
				out = append(out, labelAt{field: l.field, start: i, value: j})
				i = j - 1
			}
			break
		}
	}
	return out
}

// maxLabelNumber is the most runes skipLabelNumber passes over between a label and its colon:
// (1234).
const maxLabelNumber = 6

// mayLabel reports whether folded text may hold a label that findLabels reads: a label text
// right before a colon (: or ：) or before a label number that is right before one. Text without
// one is not turned into runes to look for labels.
func mayLabel(folded string) bool {
	wide := strings.IndexByte(folded, "："[0]) >= 0 // folded text has none: fold makes it :
	for i := 0; i < len(folded); i++ {
		if !wide {
			k := strings.IndexByte(folded[i:], ':')
			if k < 0 {
				return false
			}
			i += k
		} else if c := folded[i]; c != ':' && (c != "："[0] || !strings.HasPrefix(folded[i:], "：")) {
			continue
		}
		// Step back over what skipLabelNumber passes: digits, numerals and parentheses, up to
		// maxLabelNumber runes; a label may end at each step.
		e := i
		for n := 0; ; n++ {
			if labelEndsAt(folded[:e]) {
				return true
			}
			if n == maxLabelNumber || e == 0 {
				break
			}
			r, w := utf8.DecodeLastRuneInString(folded[:e])
			if r != '(' && r != ')' && !isDigit(r) && !isChineseDigit(r) {
				break
			}
			e -= w
		}
	}
	return false
}

// labelEndsAt reports whether s ends with a label text: only the labels that end with the last
// rune of s are compared.
func labelEndsAt(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	if !slices.Contains(labelLast, r) {
		return false
	}
	for _, l := range fieldLabels {
		if strings.HasSuffix(s, l.text) {
			return true
		}
	}
	return false
}

// labelFirst and labelLast hold the first and the last rune of each label, once each: a look
// at a handful of runes, cheaper per rune than a map.
var labelFirst, labelLast = func() (first, last []rune) {
	for _, l := range fieldLabels {
		f, _ := utf8.DecodeRuneInString(l.text)
		z, _ := utf8.DecodeLastRuneInString(l.text)
		first, last = append(first, f), append(last, z)
	}
	return runes.Distinct(first), runes.Distinct(last)
}()

// labelBoundary reports whether a label may follow r.
func labelBoundary(r rune) bool {
	switch r {
	case '。', '；', ';', '，', ',', '！', '!', '？', '?', ')', '】', ']', '、':
		return true
	}
	return isSpaceRune(r)
}

// skipLabelNumber skips the number after a label (问题1, 问题一, 问题(1), 问题12) at rs[j:].
func skipLabelNumber(rs []rune, j int) int {
	if j < len(rs) && rs[j] == '(' {
		k := j + 1
		for k < len(rs) && k-j <= 4 && (isDigit(rs[k]) || isChineseDigit(rs[k])) {
			k++
		}
		if k > j+1 && k < len(rs) && rs[k] == ')' {
			return k + 1
		}
		return j
	}
	k := j
	for k < len(rs) && k-j < 4 && (isDigit(rs[k]) || isChineseDigit(rs[k])) {
		k++
	}
	return k
}

func isDigit(r rune) bool        { return r >= '0' && r <= '9' }
func isChineseDigit(r rune) bool { return strings.ContainsRune("一二三四五六七八九十零", r) }
