package archive

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// Filter selects bulletins: every field set must hold. Copies of a bulletin stored before are
// never selected (their problems are the first copy's).
type Filter struct {
	Since, Until string // ISO dates (2024, 2024-06, 2024-06-30) bounding the bulletin's date
	Unit         string // part of the unit's name
	Round        string // part of the round (十二届市委第二轮)
	Kind         string // bulletin kind (巡察, 巡视, 审计 …) as the record has it
}

// where is the SQL condition for f over bulletins aliased b, and its arguments.
func (f Filter) where() (string, []any) {
	conds := []string{"b.copy_of IS NULL"}
	var args []any
	day := `COALESCE(NULLIF(b.publish_date, ''), NULLIF(b.as_of_date, ''), b.feedback_date)`
	if f.Since != "" {
		conds = append(conds, day+` >= ?`)
		args = append(args, f.Since)
	}
	if f.Until != "" {
		// 2024-06 includes every day of June: compare with the prefix padded past any day.
		conds = append(conds, day+` <= ?`)
		args = append(args, f.Until+"\uffff")
	}
	if f.Unit != "" {
		conds = append(conds, `instr(b.unit, ?) > 0`)
		args = append(args, f.Unit)
	}
	if f.Round != "" {
		conds = append(conds, `instr(b.round, ?) > 0`)
		args = append(args, f.Round)
	}
	if f.Kind != "" {
		conds = append(conds, `b.kind = ?`)
		args = append(args, f.Kind)
	}
	return strings.Join(conds, " AND "), args
}

// Problem is a stored problem with its bulletin's facts.
type Problem struct {
	ID         int64
	BulletinID int64
	PID        string
	Unit       string
	Round      string
	Date       string // the bulletin's date
	Title      string
	Category   string
	Topic      string
	Statement  string
	Status     string
	Theme      string
	Deadline   string
	Measures   []string
	RecursOf   int64 // an earlier problem of the same unit it repeats, or 0
	PriorRound bool  // says itself that an earlier round's rectification fell short
}

const problemColumns = `p.id, p.bulletin_id, p.pid, b.unit, b.round,
	COALESCE(NULLIF(b.publish_date, ''), NULLIF(b.as_of_date, ''), b.feedback_date), b.title,
	p.category, p.topic, p.statement, p.status, p.theme, p.deadline, COALESCE(p.recurs_of, 0), p.prior_round,
	(SELECT group_concat(m.text, char(10)) FROM measures m WHERE m.problem_id = p.id)`

func scanProblem(sc interface{ Scan(...any) error }) (Problem, error) {
	var p Problem
	var measures *string
	err := sc.Scan(&p.ID, &p.BulletinID, &p.PID, &p.Unit, &p.Round, &p.Date, &p.Title, &p.Category, &p.Topic,
		&p.Statement, &p.Status, &p.Theme, &p.Deadline, &p.RecursOf, &p.PriorRound, &measures)
	if measures != nil && *measures != "" {
		p.Measures = strings.Split(*measures, "\n")
	}
	return p, err
}

// Problems lists the problems of the bulletins f selects, in the order stored; limit 0 means
// all.
func (a *Archive) Problems(ctx context.Context, f Filter, limit int) ([]Problem, error) {
	where, args := f.where()
	q := `SELECT ` + problemColumns + ` FROM problems p JOIN bulletins b ON b.id = p.bulletin_id WHERE ` + where + ` ORDER BY p.id`
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit)
	}
	return a.queryProblems(ctx, q, args...)
}

func (a *Archive) queryProblems(ctx context.Context, q string, args ...any) ([]Problem, error) {
	rows, err := a.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Problem
	for rows.Next() {
		p, err := scanProblem(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Search finds the problems whose statement, topic, category or measures contain every word
// of q (words separated by spaces), best match first (FTS5's bm25 rank), among the bulletins
// f selects; limit 0 means all. It is ProblemPage without the paging.
func (a *Archive) Search(ctx context.Context, q string, f Filter, limit int) ([]Problem, error) {
	if limit <= 0 {
		limit = math.MaxInt32
	}
	page, err := a.ProblemPage(ctx, Query{Filter: f, Q: q, Limit: limit, NoTotal: true})
	return page.Problems, err
}

// EachBulletin calls fn with the record of each bulletin f selects, in the order they were
// added, decoding a few at a time: a report over 10,000 bulletins holds a handful of records,
// not all. The records are read and decoded in a goroutine of their own while fn handles the
// previous ones (decoding is a fifth of a report's work). It stops at fn's first error and
// returns it.
func (a *Archive) EachBulletin(ctx context.Context, f Filter, fn func(*bulletin.Bulletin) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type decoded struct {
		b   *bulletin.Bulletin
		err error
	}
	ch := make(chan decoded, 8)
	go func() {
		defer close(ch)
		send := func(d decoded) bool {
			select {
			case ch <- d:
				return true
			case <-ctx.Done():
				return false
			}
		}
		where, args := f.where()
		rows, err := a.db.QueryContext(ctx, `SELECT b.id, b.record FROM bulletins b WHERE `+where+` ORDER BY b.id`, args...)
		if err != nil {
			send(decoded{err: err})
			return
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var rec []byte
			if err := rows.Scan(&id, &rec); err != nil {
				send(decoded{err: err})
				return
			}
			b := new(bulletin.Bulletin)
			if err := json.Unmarshal(rec, b); err != nil {
				send(decoded{err: fmt.Errorf("档案库中第 %d 份公报的记录已损坏：%w", id, err)})
				return
			}
			if !send(decoded{b: b}) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			send(decoded{err: err})
		}
	}()
	for d := range ch {
		if d.err != nil {
			return d.err
		}
		if err := fn(d.b); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// Counts are the archive's totals.
type Counts struct {
	Bulletins, Copies, Problems, Recurring int
}

// Count totals the archive.
func (a *Archive) Count(ctx context.Context) (Counts, error) {
	var c Counts
	err := a.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM bulletins WHERE copy_of IS NULL),
		(SELECT count(*) FROM bulletins WHERE copy_of IS NOT NULL),
		(SELECT count(*) FROM problems),
		(SELECT count(*) FROM problems WHERE recurs_of IS NOT NULL OR prior_round)`).Scan(&c.Bulletins, &c.Copies, &c.Problems, &c.Recurring)
	return c, err
}
