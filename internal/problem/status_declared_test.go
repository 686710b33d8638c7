package problem

import (
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
)

func TestStatusFromDeclared(t *testing.T) {
	mk := func(total, done int, statuses ...string) *bulletin.Bulletin {
		b := &bulletin.Bulletin{}
		b.Declared.ProblemsTotal = bulletin.IntPtr(total)
		b.Declared.ProblemsDone = bulletin.IntPtr(done)
		for _, s := range statuses {
			b.Problems = append(b.Problems, bulletin.Problem{Status: s})
		}
		return b
	}
	tests := []struct {
		name  string
		b     *bulletin.Bulletin
		want  []string
		check bool
	}{
		{"all done, none stated", mk(2, 2, "", ""), []string{StatusDone, StatusDone}, true},
		{"stated status kept", mk(2, 2, StatusLongTerm, ""), []string{StatusLongTerm, StatusDone}, true},
		{"not all done", mk(2, 1, "", ""), []string{"", ""}, false},
		{"found fewer than declared", mk(3, 3, "", ""), []string{"", ""}, false},
		{"nothing declared", &bulletin.Bulletin{Problems: []bulletin.Problem{{}}}, []string{""}, false},
	}
	for _, tt := range tests {
		StatusFromDeclared(tt.b)
		for i, p := range tt.b.Problems {
			if p.Status != tt.want[i] {
				t.Errorf("%s: problem %d status %q, want %q", tt.name, i, p.Status, tt.want[i])
			}
		}
		if got := len(tt.b.Checks) == 1; got != tt.check {
			t.Errorf("%s: status_inferred check present = %v, want %v", tt.name, got, tt.check)
		}
	}
}
