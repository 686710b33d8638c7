// Package extract composes the stages that read the facts of a bulletin from its paragraphs
// and section tree: package header (unit, inspector, dates, kind, declared totals, contacts and
// the declared-vs-found checks), package problem (problems with their measures, status and
// responsibility) and, here, the quantities and dates of package quantity with the problem
// each one sits in.
package extract

import (
	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/header"
	"github.com/xuncha/xuncha/internal/problem"
)

// Extract fills b from b.Title, b.PublishDate, b.Paragraphs and b.Sections, which the caller
// has set; it refines paragraph roles. It never fails: what it cannot read it leaves empty and
// notes in b.Warnings.
func Extract(b *bulletin.Bulletin) {
	header.Extract(b)                // unit, inspector, dates, kind, declared totals, contacts
	seen := problem.ExtractFolded(b) // problems, measures, status, department, deadline
	extractNumbersFolded(b, seen)    // numbers.go: metrics and dates through package quantity, owners
	header.Check(b)                  // declared vs found
	problem.StatusFromDeclared(b)    // 已完成 for every problem when the totals say all are done
}
