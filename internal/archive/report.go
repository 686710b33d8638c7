package archive

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/xuncha/xuncha/internal/quantity"
)

// Tallies of a report, over the problems of the bulletins a Filter selects.
type (
	// UnitRow is one unit: its bulletins and problems, done, and those recurring.
	UnitRow struct {
		Unit                     string
		Bulletins, Problems      int
		Done, Recurring, Overdue int
	}
	// ThemeRow is one theme: problems by status.
	ThemeRow struct {
		Theme                            string
		Problems, Done, Ongoing, Unknown int
	}
	// YearRow is one year of bulletins.
	YearRow struct {
		Year                      string
		Bulletins, Problems, Done int
	}
)

// Report is what `xuncha report` writes beside the bulletins' own sheets.
type Report struct {
	Units   []UnitRow
	Themes  []ThemeRow
	Years   []YearRow
	Overdue []OverdueProblem
}

// OverdueProblem is a problem whose 整改时限 has passed without it being done.
type OverdueProblem struct {
	Problem
	Due time.Time // the last day of the deadline as written (2024年12月底 → 2024-12-31)
}

// done reports whether a status says the problem is rectified.
func done(status string) bool { return status == "已完成" }

// Deadline reads a 整改时限 as the last day it allows (see quantity.Deadline): 2024年12月底
// and 2024年12月 are 2024-12-31, 2024年底 is 2024-12-31, 2024年6月30日 is that day; ok is false
// where no date is written (长期坚持, 立行立改) or its year is not.
func Deadline(text string) (time.Time, bool) { return quantity.Deadline(text, 0) }

// Report tallies the problems of the bulletins f selects; a problem not done whose deadline
// is before today is overdue.
func (a *Archive) Report(ctx context.Context, f Filter, today time.Time) (Report, error) {
	ps, err := a.Problems(ctx, f, 0)
	if err != nil {
		return Report{}, err
	}
	var r Report
	units := map[string]*UnitRow{}
	unitBulletins := map[string]map[int64]bool{}
	themes := map[string]*ThemeRow{}
	years := map[string]*YearRow{}
	yearBulletins := map[string]map[int64]bool{}
	for _, p := range ps {
		u := units[p.Unit]
		if u == nil {
			u = &UnitRow{Unit: p.Unit}
			units[p.Unit] = u
			unitBulletins[p.Unit] = map[int64]bool{}
		}
		u.Problems++
		unitBulletins[p.Unit][p.BulletinID] = true
		if done(p.Status) {
			u.Done++
		}
		if p.RecursOf != 0 || p.PriorRound {
			u.Recurring++
		}
		th := themes[p.Theme]
		if th == nil {
			th = &ThemeRow{Theme: p.Theme}
			themes[p.Theme] = th
		}
		th.Problems++
		switch {
		case done(p.Status):
			th.Done++
		case p.Status == "":
			th.Unknown++
		default:
			th.Ongoing++
		}
		year := "未注明"
		if len(p.Date) >= 4 {
			year = p.Date[:4]
		}
		y := years[year]
		if y == nil {
			y = &YearRow{Year: year}
			years[year] = y
			yearBulletins[year] = map[int64]bool{}
		}
		y.Problems++
		yearBulletins[year][p.BulletinID] = true
		if done(p.Status) {
			y.Done++
		}
		if due, ok := Deadline(p.Deadline); ok && !done(p.Status) && due.Before(today) {
			r.Overdue = append(r.Overdue, OverdueProblem{p, due})
			u.Overdue++
		}
	}
	for k, u := range units {
		u.Bulletins = len(unitBulletins[k])
		r.Units = append(r.Units, *u)
	}
	sort.Slice(r.Units, func(i, j int) bool {
		if r.Units[i].Problems != r.Units[j].Problems {
			return r.Units[i].Problems > r.Units[j].Problems
		}
		return r.Units[i].Unit < r.Units[j].Unit
	})
	for _, t := range themes {
		r.Themes = append(r.Themes, *t)
	}
	sort.Slice(r.Themes, func(i, j int) bool {
		if r.Themes[i].Problems != r.Themes[j].Problems {
			return r.Themes[i].Problems > r.Themes[j].Problems
		}
		return r.Themes[i].Theme < r.Themes[j].Theme
	})
	for k, y := range years {
		y.Bulletins = len(yearBulletins[k])
		r.Years = append(r.Years, *y)
	}
	sort.Slice(r.Years, func(i, j int) bool { return r.Years[i].Year < r.Years[j].Year })
	sort.SliceStable(r.Overdue, func(i, j int) bool { return r.Overdue[i].Due.Before(r.Overdue[j].Due) })
	return r, nil
}

// String is for tests and logs.
func (u UnitRow) String() string {
	return fmt.Sprintf("%s: %d bulletins, %d problems, %d done, %d recurring, %d overdue", u.Unit, u.Bulletins, u.Problems, u.Done, u.Recurring, u.Overdue)
}
