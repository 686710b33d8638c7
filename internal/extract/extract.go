// Package extract reads the facts of a bulletin from its paragraphs and section tree: the
// header facts (unit, inspector, inspection dates, feedback and as-of dates, kind), the declared
// totals, the problems with their measures, status and responsibility, quantities and dates
// (through package quantity), contacts, and the checks that compare declared with found.
package extract

import (
	"fmt"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// Extract fills b from b.Title, b.PublishDate, b.Paragraphs and b.Sections, which the caller
// has set; it refines paragraph roles. It never fails: what it cannot read it leaves empty and
// notes in b.Warnings.
func Extract(b *bulletin.Bulletin) {
	extractHeader(b)      // header.go: unit, inspector, dates, kind, declared totals, contacts
	extractProblems(b)    // problems.go: problems, measures, status, department, deadline
	extractNumbers(b)     // numbers.go: metrics and dates through package quantity, owners
	checkDeclared(b)      // header.go: declared vs found
	statusFromDeclared(b) // below: 已完成 for every problem when the totals say all are done
}

// statusFromDeclared gives the status 已完成 to every problem whose own text states none, when
// the bulletin declares all its problems done and the problems found are exactly those declared
// (the seed: 反馈的14个具体问题，已完成整改14个, and 14 problems found). The inference is
// recorded as a check, so a reader can tell a stated status from an inferred one.
func statusFromDeclared(b *bulletin.Bulletin) {
	d := b.Declared
	if d.ProblemsTotal == nil || d.ProblemsDone == nil || *d.ProblemsTotal == 0 ||
		*d.ProblemsDone != *d.ProblemsTotal || len(b.Problems) != *d.ProblemsTotal {
		return
	}
	inferred := 0
	for i := range b.Problems {
		if b.Problems[i].Status == "" {
			b.Problems[i].Status = StatusDone
			inferred++
		}
	}
	if inferred == 0 {
		return
	}
	b.Checks = append(b.Checks, bulletin.Check{
		Code: "status_inferred",
		OK:   true,
		Message: fmt.Sprintf("%d个问题的完成情况据声明总数推定为已完成（声明已完成整改%d个，共%d个）",
			inferred, *d.ProblemsDone, *d.ProblemsTotal),
	})
}
