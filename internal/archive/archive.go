// Package archive keeps bulletins across runs in one SQLite file (xuncha.db): every bulletin
// added with its source bytes, its record and its problems, measures, quantities and dates as
// rows; full-text search over problems in Chinese; 共性问题, the clusters of problems that
// recur across units; and a problem's recurrence in the same unit's earlier bulletins.
//
// It is written in the manner of database/sql's examples: an *Archive wraps the *sql.DB; a
// bulletin is stored whole or not at all (Add: in its own transaction; a Batch: in a savepoint
// of a transaction that holds up to a second's bulletins), so an interrupted batch never leaves
// part of a bulletin. The driver is modernc.org/sqlite, pure Go.
package archive

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" driver

	"github.com/xuncha/xuncha/internal/bulletin"
)

// Archive is an open archive file.
type Archive struct {
	db   *sql.DB
	path string
}

// Open opens the archive at path, creating it when it does not exist, and brings its schema
// up to date.
func Open(path string) (*Archive, error) {
	// WAL: readers go on while one transaction writes; _txlock=immediate: a transaction takes
	// the write lock when it begins, so two writers wait their turn (busy_timeout) instead of
	// failing when a reader upgrades.
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("打开档案库 %s 失败：%w", path, err)
	}
	db.SetMaxOpenConns(8) // readers at once (the web page); writes take turns
	a := &Archive{db: db, path: path}
	if err := a.migrate(); err != nil {
		db.Close()
		return nil, fmt.Errorf("档案库 %s：%w", path, err)
	}
	return a, nil
}

// Close closes the archive.
func (a *Archive) Close() error { return a.db.Close() }

// migrate runs the schema steps the file has not had yet, each in a transaction.
func (a *Archive) migrate() error {
	var v int
	if err := a.db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		return fmt.Errorf("不是 SQLite 档案库文件（%v）", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("档案库版本 %d 比本程序（%d）新，请升级 xuncha", v, len(migrations))
	}
	for ; v < len(migrations); v++ {
		tx, err := a.db.Begin()
		if err != nil {
			return err
		}
		if _, err := tx.Exec(migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("升级到版本 %d 失败：%w", v+1, err)
		}
		if _, err := tx.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, v+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// Outcome says what Add did with a bulletin.
type Outcome int

const (
	Added     Outcome = iota // stored, with its problems
	Unchanged                // the same bytes were stored before: nothing changed
	Copy                     // the same bulletin from other bytes (republished): stored, problems not repeated
)

// Stored is the result of Add.
type Stored struct {
	ID      int64
	Outcome Outcome
	CopyOf  int64 // for Copy: the bulletin stored first
}

// Add stores one bulletin read from source, in one transaction. version names the extractor
// that made the record.
func (a *Archive) Add(ctx context.Context, b *bulletin.Bulletin, name string, source []byte, version string) (Stored, error) {
	p, err := Prepare(b, source)
	if err != nil {
		return Stored{}, err
	}
	tx, err := a.db.BeginTx(ctx, nil)
	if err != nil {
		return Stored{}, err
	}
	defer tx.Rollback()
	st, err := add(ctx, tx, p, name, version)
	if err != nil || st.Outcome == Unchanged {
		return st, err
	}
	return st, tx.Commit()
}

// Prepared is a bulletin with what storing it computes and the database does not: its digest,
// JSON record, fingerprint, and each problem's statement, index tokens and subject hashes.
// Prepare makes it anywhere, so that a batch's workers make it in parallel and the one
// goroutine that writes the archive only writes.
type Prepared struct {
	b        *bulletin.Bulletin
	source   []byte
	digest   string // SHA-256 of source, hex
	record   string // the JSON record
	fp       string // fingerprint
	problems []preparedProblem
	// In a Batch, the full-text rows are held here instead of inserted (deferFTS) and written
	// when the group commits: FTS5 writes its pending rows to disk at every savepoint, which
	// was a fifth of an addition's time.
	deferFTS bool
	fts      []ftsRow
}

// ftsRow is one row of the full-text index: a problem's id and its tokens.
type ftsRow struct {
	id     int64
	tokens string
}

type preparedProblem struct {
	statement string
	prior     bool     // says an earlier round's rectification fell short
	due       string   // the deadline's last day, or ""
	tokens    string   // the full-text index's row: grams of statement, topic, category, measures
	vec       []uint64 // subjectHashes(statement)
}

// Prepare computes what storing b read from source needs besides the database.
func Prepare(b *bulletin.Bulletin, source []byte) (*Prepared, error) {
	record, err := json.Marshal(b)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(source)
	p := &Prepared{b: b, source: source, digest: hex.EncodeToString(sum[:]), record: string(record), fp: fingerprint(b)}
	for _, pr := range b.Problems {
		stmt := Statement(pr)
		pp := preparedProblem{statement: stmt, prior: isPriorRound(stmt + pr.Text + pr.Topic), vec: subjectHashes(stmt)}
		if d, ok := Deadline(pr.Deadline); ok {
			pp.due = d.Format("2006-01-02")
		}
		texts := []string{stmt, pr.Topic, pr.Category}
		for _, m := range pr.Measures {
			texts = append(texts, m.Text)
		}
		pp.tokens = strings.Join(grams(strings.Join(texts, "。")), " ")
		p.problems = append(p.problems, pp)
	}
	return p, nil
}

// add stores p in tx unless the same bytes were stored before.
func add(ctx context.Context, tx *sql.Tx, p *Prepared, name string, version string) (Stored, error) {
	var id int64
	switch err := tx.QueryRowContext(ctx, `SELECT id FROM bulletins WHERE sha256 = ?`, p.digest).Scan(&id); {
	case err == nil:
		return Stored{ID: id, Outcome: Unchanged}, nil
	case !errors.Is(err, sql.ErrNoRows):
		return Stored{}, err
	}
	return insert(ctx, tx, p, name, version)
}

// A Batch adds many bulletins (xuncha add), a group of them in one transaction: committing a
// transaction for each bulletin was a third of the time an addition took (SQLite writes
// the log, and the full-text index a new segment, at every commit). Each bulletin is added
// within a savepoint of its own, so it is stored whole or not at all, and a group is
// committed once it holds groupBulletins bulletins or has been open for groupTime, and on
// Commit. An interrupted batch commits the bulletins it has whole; a crash loses at most the
// group being filled (the last second's bulletins) and leaves the archive as it was before it.
//
// Its methods are safe for concurrent use (its timer commits a group left open).
type Batch struct {
	a     *Archive
	mu    sync.Mutex
	tx    *sql.Tx
	held  int         // bulletins in tx
	fts   []ftsRow    // their full-text rows, written at commit
	timer *time.Timer // commits tx once it is groupTime old
	err   error       // the timer's failed commit, returned by the next call
}

const (
	groupBulletins = 256
	groupTime      = time.Second
)

// NewBatch starts a batch of additions.
func (a *Archive) NewBatch() *Batch { return &Batch{a: a} }

// Add stores one bulletin read from source, as Archive.Add does, in the batch's group.
func (bt *Batch) Add(ctx context.Context, b *bulletin.Bulletin, name string, source []byte, version string) (Stored, error) {
	p, err := Prepare(b, source)
	if err != nil {
		return Stored{}, err
	}
	return bt.AddPrepared(ctx, p, name, version)
}

// AddPrepared stores a bulletin made ready by Prepare, in the batch's group.
func (bt *Batch) AddPrepared(ctx context.Context, p *Prepared, name string, version string) (Stored, error) {
	if err := ctx.Err(); err != nil {
		return Stored{}, err
	}
	// The statements are not interrupted part-way: SQLite rolls back the whole transaction
	// of an interrupted write, and with it the group's bulletins. ctx is seen between
	// bulletins; one takes milliseconds.
	ctx = context.WithoutCancel(ctx)
	bt.mu.Lock()
	defer bt.mu.Unlock()
	if bt.err != nil {
		return Stored{}, bt.err
	}
	if bt.tx == nil {
		tx, err := bt.a.db.BeginTx(ctx, nil)
		if err != nil {
			return Stored{}, err
		}
		bt.tx = tx
		bt.timer = time.AfterFunc(groupTime, bt.commitOpen)
	}
	if _, err := bt.tx.ExecContext(ctx, `SAVEPOINT bulletin`); err != nil {
		bt.rollback()
		return Stored{}, err
	}
	p.deferFTS, p.fts = true, p.fts[:0]
	st, err := add(ctx, bt.tx, p, name, version)
	if err != nil {
		// Undo this bulletin only; the group's others stay, to be committed.
		if _, rerr := bt.tx.ExecContext(ctx, `ROLLBACK TO bulletin`); rerr != nil {
			bt.rollback()
		} else if _, rerr := bt.tx.ExecContext(ctx, `RELEASE bulletin`); rerr != nil {
			bt.rollback()
		}
		return Stored{}, err
	}
	if _, err := bt.tx.ExecContext(ctx, `RELEASE bulletin`); err != nil {
		bt.rollback()
		return Stored{}, err
	}
	bt.fts = append(bt.fts, p.fts...)
	bt.held++
	if bt.held >= groupBulletins {
		return st, bt.commit()
	}
	return st, nil
}

// Commit stores the bulletins added and not yet committed. The batch may go on after it.
func (bt *Batch) Commit() error {
	bt.mu.Lock()
	defer bt.mu.Unlock()
	if err := bt.err; err != nil {
		bt.err = nil
		return err
	}
	return bt.commit()
}

// Rollback drops the bulletins added and not yet committed.
func (bt *Batch) Rollback() {
	bt.mu.Lock()
	defer bt.mu.Unlock()
	bt.rollback()
}

// commitOpen is the timer's: it commits the group open, so that bulletins do not wait
// uncommitted for the next (a slow download, say).
func (bt *Batch) commitOpen() {
	bt.mu.Lock()
	defer bt.mu.Unlock()
	if err := bt.commit(); err != nil && bt.err == nil {
		bt.err = err
	}
}

func (bt *Batch) commit() error {
	if bt.tx == nil {
		return nil
	}
	bt.timer.Stop()
	if err := bt.writeFTS(); err != nil {
		bt.rollback()
		return err
	}
	err := bt.tx.Commit()
	bt.tx, bt.held, bt.fts = nil, 0, bt.fts[:0]
	return err
}

// writeFTS inserts the group's full-text rows, in one go before its commit.
func (bt *Batch) writeFTS() error {
	if len(bt.fts) == 0 {
		return nil
	}
	ctx := context.Background()
	st, err := bt.tx.PrepareContext(ctx, `INSERT INTO problem_fts (rowid, tokens) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, r := range bt.fts {
		if _, err := st.ExecContext(ctx, r.id, r.tokens); err != nil {
			return err
		}
	}
	return nil
}

func (bt *Batch) rollback() {
	if bt.tx == nil {
		return
	}
	bt.timer.Stop()
	bt.tx.Rollback()
	bt.tx, bt.held, bt.fts = nil, 0, bt.fts[:0]
}

// insert stores b in tx as a new row. For a bulletin stored before, replace rewrites its row.
func insert(ctx context.Context, tx *sql.Tx, p *Prepared, name string, version string) (Stored, error) {
	b := p.b
	st, err := classify(ctx, tx, p, 0)
	if err != nil {
		return Stored{}, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO bulletins (sha256, name, title, kind, unit, inspector, round,
		publish_date, feedback_date, as_of_date, year, fingerprint, copy_of, extractor, added_at, source, record)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.digest, name, b.Title, b.Kind, b.Unit, b.Inspector, b.Round,
		string(b.PublishDate), string(b.FeedbackDate), string(b.AsOfDate), yearOf(b), p.fp, nullID(st.CopyOf), version,
		time.Now().UTC().Format(time.RFC3339), p.source, p.record)
	if err != nil {
		return Stored{}, err
	}
	if st.ID, err = res.LastInsertId(); err != nil {
		return Stored{}, err
	}
	return st, children(ctx, tx, p, st)
}

// replace rewrites stored bulletin id from a new record b, its children included.
func replace(ctx context.Context, tx *sql.Tx, id int64, b *bulletin.Bulletin, version string) error {
	p, err := Prepare(b, nil)
	if err != nil {
		return err
	}
	st, err := classify(ctx, tx, p, id)
	if err != nil {
		return err
	}
	st.ID = id
	if _, err := tx.ExecContext(ctx, `UPDATE bulletins SET title = ?, kind = ?, unit = ?, inspector = ?, round = ?,
		publish_date = ?, feedback_date = ?, as_of_date = ?, year = ?, fingerprint = ?, copy_of = ?, extractor = ?, record = ?
		WHERE id = ?`,
		b.Title, b.Kind, b.Unit, b.Inspector, b.Round, string(b.PublishDate), string(b.FeedbackDate), string(b.AsOfDate),
		yearOf(b), p.fp, nullID(st.CopyOf), version, p.record, id); err != nil {
		return err
	}
	return children(ctx, tx, p, st)
}

// classify says whether p is a copy of a bulletin stored before (for re-extraction, before
// self).
func classify(ctx context.Context, tx *sql.Tx, p *Prepared, self int64) (Stored, error) {
	st := Stored{Outcome: Added}
	if len(p.b.Problems) > 0 {
		q := `SELECT id FROM bulletins WHERE fingerprint = ? AND copy_of IS NULL`
		args := []any{p.fp}
		if self != 0 {
			q += ` AND id < ?`
			args = append(args, self)
		}
		switch err := tx.QueryRowContext(ctx, q+` ORDER BY id LIMIT 1`, args...).Scan(&st.CopyOf); {
		case err == nil:
			st.Outcome = Copy
		case !errors.Is(err, sql.ErrNoRows):
			return Stored{}, err
		}
	}
	return st, nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// children stores b's dates, quantities and (unless it is a copy) problems and measures.
func children(ctx context.Context, tx *sql.Tx, pr *Prepared, st Stored) error {
	b := pr.b
	// Each insert is prepared once for the bulletin, not once a row.
	stmts := map[string]*sql.Stmt{}
	defer func() {
		for _, st := range stmts {
			st.Close()
		}
	}()
	exec := func(q string, args ...any) (sql.Result, error) {
		st := stmts[q]
		if st == nil {
			var err error
			if st, err = tx.PrepareContext(ctx, q); err != nil {
				return nil, err
			}
			stmts[q] = st
		}
		return st.ExecContext(ctx, args...)
	}
	for _, d := range b.Dates {
		if _, err := exec(`INSERT INTO dates (bulletin_id, text, date, end_date) VALUES (?, ?, ?, ?)`,
			st.ID, d.Text, string(d.Date), string(d.End)); err != nil {
			return err
		}
	}
	for _, m := range b.Metrics {
		if _, err := exec(`INSERT INTO metrics (bulletin_id, pid, text, value, unit, kind) VALUES (?, ?, ?, ?, ?, ?)`,
			st.ID, m.Owner, m.Text, m.Value, m.Unit, m.Kind); err != nil {
			return err
		}
	}
	if st.Outcome == Copy {
		return nil // its problems are the first copy's
	}
	earlier, err := unitProblems(ctx, tx, b.Unit, st.ID)
	if err != nil {
		return err
	}
	for i, p := range b.Problems {
		pp := pr.problems[i]
		var recurs any
		if r := mostSimilar(pp.vec, earlier); r != 0 {
			recurs = r
		}
		res, err := exec(`INSERT INTO problems (bulletin_id, pid, category, topic, statement, status,
			department, person, deadline, theme, paragraph, recurs_of, prior_round, due) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			st.ID, p.ID, p.Category, p.Topic, pp.statement, p.Status, p.Department, p.Person, p.Deadline, p.Theme, p.Paragraph, recurs, pp.prior, pp.due)
		if err != nil {
			return err
		}
		pid, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for _, m := range p.Measures {
			if _, err := exec(`INSERT INTO measures (problem_id, ordinal, text) VALUES (?, ?, ?)`, pid, m.Ordinal, m.Text); err != nil {
				return err
			}
		}
		if pr.deferFTS {
			pr.fts = append(pr.fts, ftsRow{pid, pp.tokens})
		} else if _, err := exec(`INSERT INTO problem_fts (rowid, tokens) VALUES (?, ?)`, pid, pp.tokens); err != nil {
			return err
		}
	}
	return nil
}

// Statement is what a problem says: its quotation, or its text where nothing is quoted.
func Statement(p bulletin.Problem) string {
	if p.Quote != "" {
		return p.Quote
	}
	return p.Text
}

// priorRound finds a problem that says an earlier round's rectification fell short:
// 上轮巡察反馈问题整改不到位, 上一轮巡视整改不彻底, 巡察“回头看”发现.
var priorRound = regexp.MustCompile(`(?:上轮|上一轮|上次|前轮|以往)(?:巡察|巡视)[^。；;]{0,20}?整改(?:不到位|不彻底|不力|不够|未完成|落实不到位)|回头看`)

// isPriorRound is priorRound.MatchString, asked only of a text that holds 整改 or 回头看: every
// match has one of the two.
func isPriorRound(s string) bool {
	return (strings.Contains(s, "整改") || strings.Contains(s, "回头看")) && priorRound.MatchString(s)
}

// fingerprint identifies a bulletin by its unit and what its problems say, so that the same
// bulletin republished elsewhere (other bytes, other chrome) is recognised.
func fingerprint(b *bulletin.Bulletin) string {
	var parts []string
	for _, p := range b.Problems {
		parts = append(parts, strings.Join(grams(Statement(p)), ""))
	}
	sort.Strings(parts)
	h := sha256.Sum256([]byte(b.Unit + "\x00" + strings.Join(parts, "\x00")))
	return hex.EncodeToString(h[:16])
}

// yearOf is the bulletin's year: from its publish date, else as-of, else feedback date.
func yearOf(b *bulletin.Bulletin) any {
	for _, d := range []bulletin.Day{b.PublishDate, b.AsOfDate, b.FeedbackDate} {
		if len(d) >= 4 {
			var y int
			if _, err := fmt.Sscanf(string(d[:4]), "%d", &y); err == nil {
				return y
			}
		}
	}
	return nil
}

// recurrenceWindow is how many of a unit's earlier bulletins a new one is compared with.
const recurrenceWindow = 8

// unitProblems are the problems stored for unit in bulletins other than id (the earlier ones:
// bulletins are stored in the order they are added).
//
// Only the unit's latest recurrenceWindow bulletins are searched: a unit has a bulletin a round,
// and an archive that holds hundreds for one unit (a test batch, a unit named alike by many
// offices) would otherwise make each addition slower than the last.
func unitProblems(ctx context.Context, tx *sql.Tx, unit string, id int64) ([]candidate, error) {
	if unit == "" {
		return nil, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT p.id, p.statement FROM problems p WHERE p.bulletin_id IN
		(SELECT id FROM bulletins WHERE unit = ? AND id < ? AND copy_of IS NULL ORDER BY id DESC LIMIT ?)`,
		unit, id, recurrenceWindow)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []candidate
	for rows.Next() {
		var c candidate
		var text string
		if err := rows.Scan(&c.id, &text); err != nil {
			return nil, err
		}
		c.vec = subjectHashes(text)
		out = append(out, c)
	}
	return out, rows.Err()
}

// Reextract reads every stored bulletin again from its source bytes with read (the current
// rules) and replaces its rows, each in its own transaction. It returns how many it re-read;
// a bulletin that fails now keeps its old rows and its error is returned in errs.
func (a *Archive) Reextract(ctx context.Context, version string, read func(name string, source []byte) (*bulletin.Bulletin, error)) (n int, errs []error) {
	rows, err := a.db.QueryContext(ctx, `SELECT id FROM bulletins ORDER BY id`)
	if err != nil {
		return 0, []error{err}
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err == nil {
			ids = append(ids, id)
		}
	}
	rows.Close()
	for _, id := range ids {
		if ctx.Err() != nil {
			return n, append(errs, ctx.Err())
		}
		if err := a.reextractOne(ctx, id, version, read); err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	return n, errs
}

func (a *Archive) reextractOne(ctx context.Context, id int64, version string, read func(string, []byte) (*bulletin.Bulletin, error)) error {
	var name string
	var source []byte
	if err := a.db.QueryRowContext(ctx, `SELECT name, source FROM bulletins WHERE id = ?`, id).Scan(&name, &source); err != nil {
		return err
	}
	b, err := read(name, source)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	tx, err := a.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Problems of later bulletins that pointed here lose the link; Reextract goes in the order
	// of storing, so they are linked again when they are re-read.
	if _, err := tx.ExecContext(ctx, `DELETE FROM problem_fts WHERE rowid IN (SELECT id FROM problems WHERE bulletin_id = ?)`, id); err != nil {
		return err
	}
	for _, q := range []string{`DELETE FROM problems WHERE bulletin_id = ?`, `DELETE FROM metrics WHERE bulletin_id = ?`,
		`DELETE FROM dates WHERE bulletin_id = ?`} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return err
		}
	}
	if err := replace(ctx, tx, id, b, version); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return tx.Commit()
}
