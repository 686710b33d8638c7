package archive

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// Query is a page of the problem ledger: a selection of bulletins, words to search, a status,
// and the page wanted.
type Query struct {
	Filter
	Q      string // words, all of which must occur (as Search)
	Status string // 已完成, 正在整改 … exactly; "未完成" for anything not 已完成
	Theme  string
	// Overdue keeps the problems not 已完成 whose 整改时限 ended before Today (YYYY-MM-DD).
	Overdue bool
	Today   string
	// Sort orders the page: "" (last stored first, or best match when searching), "date",
	// "unit", "status" or "due".
	Sort   string
	Offset int
	Limit  int // 0: 50
	// NoTotal skips counting every match (Page.Total stays 0): a search that shows only the
	// best answers need not visit them all twice.
	NoTotal bool
}

// Page is one page of problems and how many match in all.
type Page struct {
	Problems []Problem
	Total    int
}

// ProblemPage returns the problems q selects, the last stored first (best matches first when
// q.Q is set), with the total count. Paging is by offset over indexed columns.
func (a *Archive) ProblemPage(ctx context.Context, q Query) (Page, error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	where, args := q.Filter.where()
	// Problems are stored only for bulletins that are not copies (a copy's problems are its
	// first copy's), so a page that asks nothing of the bulletins chooses its problems without
	// reading a bulletin row for each match: on a large archive that reading was most of a
	// search's time. The page's rows are joined with their bulletins afterwards.
	join := ` JOIN bulletins b ON b.id = p.bulletin_id`
	if q.Filter == (Filter{}) && q.Sort != "date" && q.Sort != "unit" {
		where, join = `TRUE`, ``
	}
	from := ` FROM problems p` + join
	order := ` ORDER BY p.id DESC` // problems are stored in bulletin order: newest first, by the key
	rank := ""                     // the FTS rank, when the page is ordered by it
	id := `p.id`                   // the problem's id in the ranking query
	if q.Q != "" {
		match, short := ftsQuery(q.Q)
		if match == "" && len(short) == 0 {
			return Page{}, fmt.Errorf("没有可检索的词：%q", q.Q)
		}
		if match != "" {
			from = ` FROM problem_fts JOIN problems p ON p.id = problem_fts.rowid` + join
			if join == "" && len(short) == 0 && q.Status == "" && q.Theme == "" && !q.Overdue && q.Sort == "" {
				// Nothing asked of the problem rows either: the index alone ranks the matches
				// (its rowids are the problems' ids), and only the page's problems are read.
				from, id = ` FROM problem_fts`, `problem_fts.rowid`
			}
			where = `problem_fts MATCH ? AND ` + where
			args = append([]any{match}, args...)
			rank = `bm25(problem_fts)`
			order = ` ORDER BY score, ` + id
		}
		for _, w := range short {
			where += ` AND (instr(p.statement, ?) > 0 OR instr(p.topic, ?) > 0 OR EXISTS
				(SELECT 1 FROM measures m WHERE m.problem_id = p.id AND instr(m.text, ?) > 0))`
			args = append(args, w, w, w)
		}
	}
	switch q.Status {
	case "":
	case "未完成":
		where += ` AND p.status <> '已完成'`
	case "未注明":
		where += ` AND p.status = ''`
	default:
		where += ` AND p.status = ?`
		args = append(args, q.Status)
	}
	if q.Theme != "" {
		where += ` AND p.theme = ?`
		args = append(args, q.Theme)
	}
	if q.Overdue {
		where += ` AND ` + overdueCond
		args = append(args, q.Today)
	}
	if by, ok := sorts[q.Sort]; ok && q.Sort != "" {
		order = ` ORDER BY ` + by + `, p.id DESC`
		rank = ""
	}
	var page Page
	if !q.NoTotal {
		if err := a.db.QueryRowContext(ctx, `SELECT count(*)`+from+` WHERE `+where, args...).Scan(&page.Total); err != nil {
			return Page{}, err
		}
	}
	// The page is chosen first, by id and order key alone, and only its rows are then read
	// in full: SQLite computes every selected column of every match before sorting, so
	// reading them in the ranking query would read the measures of all matches, not of the
	// page's. The outer query orders by the same keys (the rank carried from the inner one).
	keys, outer := id+` AS id`, order
	if rank != "" {
		keys += `, ` + rank + ` AS score`
		outer = ` ORDER BY page.score, p.id`
	}
	ps, err := a.queryProblems(ctx, `SELECT `+problemColumns+` FROM (SELECT `+keys+from+` WHERE `+where+order+
		fmt.Sprintf(` LIMIT %d OFFSET %d`, q.Limit, max(0, q.Offset))+`) page
		JOIN problems p ON p.id = page.id JOIN bulletins b ON b.id = p.bulletin_id`+outer, args...)
	page.Problems = ps
	return page, err
}

// overdueCond selects problems not done whose due day is before the argument.
const overdueCond = `p.due <> '' AND p.due < ? AND p.status <> '已完成'`

// sorts are the orders a page may ask for, each an SQL ordering.
var sorts = map[string]string{
	"date":   `COALESCE(NULLIF(b.publish_date, ''), NULLIF(b.as_of_date, ''), b.feedback_date) DESC`,
	"unit":   `b.unit`,
	"status": `p.status`,
	"due":    `CASE WHEN p.due = '' THEN 1 ELSE 0 END, p.due`,
}

// OverdueCount counts the problems not done whose 整改时限 ended before today (YYYY-MM-DD).
func (a *Archive) OverdueCount(ctx context.Context, today string) (int, error) {
	var n int
	err := a.db.QueryRowContext(ctx, `SELECT count(*) FROM problems p JOIN bulletins b ON b.id = p.bulletin_id
		WHERE b.copy_of IS NULL AND `+overdueCond, today).Scan(&n)
	return n, err
}

// Declared sums what the bulletins say of themselves, beside what was found: the problems
// they declare (and of those, how many they call done), the measures they declare and call
// done, and the problems found in those same bulletins that declare a total.
type Declared struct {
	Bulletins              int // bulletins that declare a problem total
	Problems, ProblemsDone int
	Found                  int // problems found in those bulletins
	Measures, MeasuresDone int
	MeasureBulletins       int // bulletins that declare both measure counts
}

// DeclaredTotals sums the declared counts of the stored bulletins (copies left out).
func (a *Archive) DeclaredTotals(ctx context.Context) (Declared, error) {
	var d Declared
	err := a.db.QueryRowContext(ctx, `SELECT
		count(json_extract(b.record, '$.declared.problems_total')),
		COALESCE(sum(json_extract(b.record, '$.declared.problems_total')), 0),
		COALESCE(sum(CASE WHEN json_extract(b.record, '$.declared.problems_total') IS NOT NULL
			THEN json_extract(b.record, '$.declared.problems_done') END), 0),
		COALESCE(sum(CASE WHEN json_extract(b.record, '$.declared.problems_total') IS NOT NULL
			THEN (SELECT count(*) FROM problems p WHERE p.bulletin_id = b.id) END), 0),
		COALESCE(sum(CASE WHEN json_extract(b.record, '$.declared.measures_done') IS NOT NULL
			THEN json_extract(b.record, '$.declared.measures_total') END), 0),
		COALESCE(sum(CASE WHEN json_extract(b.record, '$.declared.measures_total') IS NOT NULL
			THEN json_extract(b.record, '$.declared.measures_done') END), 0),
		count(CASE WHEN json_extract(b.record, '$.declared.measures_total') IS NOT NULL
			AND json_extract(b.record, '$.declared.measures_done') IS NOT NULL THEN 1 END)
		FROM bulletins b WHERE b.copy_of IS NULL`).Scan(&d.Bulletins, &d.Problems, &d.ProblemsDone, &d.Found,
		&d.Measures, &d.MeasuresDone, &d.MeasureBulletins)
	return d, err
}

// Entry is a stored bulletin as a list shows it.
type Entry struct {
	ID       int64
	Title    string
	Unit     string
	Round    string
	Date     string
	Kind     string
	Problems int
	CopyOf   int64
	Name     string
}

// Latest lists the most recently stored bulletins, at most n.
func (a *Archive) Latest(ctx context.Context, n int) ([]Entry, error) {
	return a.entries(ctx, `WHERE b.copy_of IS NULL ORDER BY b.id DESC LIMIT ?`, n)
}

// SameUnit lists the other bulletins of a unit (回头看), oldest first.
func (a *Archive) SameUnit(ctx context.Context, unit string, except int64) ([]Entry, error) {
	if unit == "" {
		return nil, nil
	}
	return a.entries(ctx, `WHERE b.unit = ? AND b.id <> ? AND b.copy_of IS NULL ORDER BY b.id`, unit, except)
}

func (a *Archive) entries(ctx context.Context, tail string, args ...any) ([]Entry, error) {
	rows, err := a.db.QueryContext(ctx, `SELECT b.id, b.title, b.unit, b.round,
		COALESCE(NULLIF(b.publish_date, ''), NULLIF(b.as_of_date, ''), b.feedback_date), b.kind,
		(SELECT count(*) FROM problems p WHERE p.bulletin_id = b.id), COALESCE(b.copy_of, 0), b.name
		FROM bulletins b `+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		var e Entry
		if err := rows.Scan(&e.ID, &e.Title, &e.Unit, &e.Round, &e.Date, &e.Kind, &e.Problems, &e.CopyOf, &e.Name); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// ErrNotFound is returned for a bulletin id the archive does not hold.
var ErrNotFound = errors.New("档案库中没有这份公报")

// Bulletin returns a stored bulletin's entry and record.
func (a *Archive) Bulletin(ctx context.Context, id int64) (Entry, *bulletin.Bulletin, error) {
	es, err := a.entries(ctx, `WHERE b.id = ?`, id)
	if err != nil {
		return Entry{}, nil, err
	}
	if len(es) == 0 {
		return Entry{}, nil, ErrNotFound
	}
	var rec string
	if err := a.db.QueryRowContext(ctx, `SELECT record FROM bulletins WHERE id = ?`, id).Scan(&rec); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return Entry{}, nil, ErrNotFound
		}
		return Entry{}, nil, err
	}
	b := new(bulletin.Bulletin)
	if err := json.Unmarshal([]byte(rec), b); err != nil {
		return Entry{}, nil, fmt.Errorf("第 %d 份公报的记录已损坏：%w", id, err)
	}
	return es[0], b, nil
}

// Tally is a count by one key.
type Tally struct {
	Key   string
	Count int
}

// Tallies counts problems by a column: "theme", "status", "unit" or "month" (of the
// bulletin's date; months in order).
func (a *Archive) Tallies(ctx context.Context, by string) ([]Tally, error) {
	col := map[string]string{"theme": "p.theme", "status": "p.status", "unit": "b.unit",
		"month": "substr(COALESCE(NULLIF(b.publish_date, ''), NULLIF(b.as_of_date, ''), b.feedback_date), 1, 7)"}[by]
	if col == "" {
		return nil, fmt.Errorf("unknown tally %q", by)
	}
	rows, err := a.db.QueryContext(ctx, `SELECT `+col+`, count(*) FROM problems p JOIN bulletins b ON b.id = p.bulletin_id
		`+map[bool]string{true: `GROUP BY 1 ORDER BY 1`, false: `GROUP BY 1 ORDER BY 2 DESC, 1`}[by == "month"])
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Tally
	for rows.Next() {
		var t Tally
		if err := rows.Scan(&t.Key, &t.Count); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
