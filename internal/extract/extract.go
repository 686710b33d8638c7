// Package extract reads the facts of a bulletin from its paragraphs and section tree: the
// header facts (unit, inspector, inspection dates, feedback and as-of dates, kind), the declared
// totals, the problems with their measures, status and responsibility, quantities and dates
// (through package quantity), contacts, and the checks that compare declared with found.
package extract

import "github.com/xuncha/xuncha/internal/bulletin"

// Extract fills b from b.Title, b.PublishDate, b.Paragraphs and b.Sections, which the caller
// has set; it refines paragraph roles. It never fails: what it cannot read it leaves empty and
// notes in b.Warnings.
func Extract(b *bulletin.Bulletin) {
	extractHeader(b)   // header.go: unit, inspector, dates, kind, declared totals, contacts
	extractProblems(b) // problems.go: problems, measures, status, department, deadline
	extractNumbers(b)  // numbers.go: metrics and dates through package quantity, owners
	checkDeclared(b)   // header.go: declared vs found
}
