package problem

import (
	"fmt"
	"strings"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/fold"
)

// splitForTest is a small stand-in for structure.Parse so the problem tests do not depend on
// another stage: blank lines are dropped; a line opening with a heading marker (一、 （一） 1.
// （1） ①) is a heading of level 1-5; a heading with more text after its first 。 (outside
// quotes) is run-in and splits into the heading (through the 。) and a body paragraph.
func splitForTest(text string) *bulletin.Bulletin {
	b := &bulletin.Bulletin{}
	var stack []bulletin.Section // open sections by level
	count := map[string]int{}
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		level, marker := testMarker(line)
		if level == 0 {
			b.Paragraphs = append(b.Paragraphs, bulletin.Paragraph{Index: len(b.Paragraphs), Role: bulletin.RoleOther, Section: top(stack), Text: line})
			continue
		}
		head, body := line, ""
		if k := runInCut(line); k > 0 {
			head, body = line[:k], strings.TrimSpace(line[k:])
		}
		for len(stack) > 0 && stack[len(stack)-1].Level >= level {
			stack = stack[:len(stack)-1]
		}
		parent := top(stack)
		count[parent]++
		id := fmt.Sprintf("S%d", count[parent])
		if parent != "" {
			id = fmt.Sprintf("%s.%d", parent, count[parent])
		}
		title := strings.TrimPrefix(head, marker)
		if k := strings.Index(title, "。"); k >= 0 {
			title = title[:k]
		}
		s := bulletin.Section{ID: id, Level: level, Marker: marker, Title: title, Parent: parent, Paragraph: len(b.Paragraphs)}
		b.Sections = append(b.Sections, s)
		stack = append(stack, s)
		b.Paragraphs = append(b.Paragraphs, bulletin.Paragraph{Index: len(b.Paragraphs), Role: bulletin.RoleHeading, Section: id, Text: head})
		if body != "" {
			b.Paragraphs = append(b.Paragraphs, bulletin.Paragraph{Index: len(b.Paragraphs), Role: bulletin.RoleOther, Section: id, Text: body})
		}
	}
	return b
}

func top(stack []bulletin.Section) string {
	if len(stack) == 0 {
		return ""
	}
	return stack[len(stack)-1].ID
}

// testMarker returns the level and marker (as written) of a heading line, or (0, "").
func testMarker(line string) (int, string) {
	rs := []rune(line)
	f := []rune(fold.String(line))
	n := markerLen(f)
	if n == 0 {
		return 0, ""
	}
	m := string(rs[:n])
	switch {
	case f[0] >= '①' && f[0] <= '⑳':
		return 5, m
	case f[0] == '(' && isDigit(f[1]):
		return 4, m
	case f[0] == '(':
		return 2, m
	case isDigit(f[0]):
		return 3, m
	case f[n-1] == '、':
		return 1, m
	}
	return 0, ""
}

// runInCut returns the byte offset just past the first 。 outside quotes when text follows it,
// or 0.
func runInCut(line string) int {
	depth := 0
	for i, r := range line {
		switch fold.Rune(r) {
		case '“':
			depth++
		case '”':
			depth--
		case '。':
			if depth <= 0 {
				k := i + len("。")
				if strings.TrimSpace(line[k:]) != "" {
					return k
				}
				return 0
			}
		}
	}
	return 0
}
