package archive

// migrations are the archive's schema, one step a version: migrations[i] takes a database
// from user_version i to i+1. A step is never edited once released; a change is a new step.
//
// The tables (README, "The archive"):
//
//	bulletins   one row a stored bulletin: its source bytes (for --reextract) and their SHA-256,
//	            the facts the workbook shows, the whole JSON record, the extractor version, and
//	            copy_of when the same bulletin (same unit, same problems) was stored before
//	problems    one row a problem, with its bulletin, ledger columns, due (its 整改时限 as a
//	            day) and recurs_of (a similar problem of the same unit in an earlier bulletin)
//	measures    one row a measure of a problem
//	metrics     one row a quantity, dates one row a date, of a bulletin
//	problem_fts FTS5 index over problems and their measures, as character bigrams
var migrations = []string{
	// 1: the first schema.
	`CREATE TABLE bulletins (
		id            INTEGER PRIMARY KEY,
		sha256        TEXT NOT NULL UNIQUE,
		name          TEXT NOT NULL,          -- the input as given: path or URL
		title         TEXT NOT NULL,
		kind          TEXT NOT NULL,
		unit          TEXT NOT NULL,
		inspector     TEXT NOT NULL,
		round         TEXT NOT NULL,
		publish_date  TEXT NOT NULL,          -- ISO day, month or year; '' when unknown
		feedback_date TEXT NOT NULL,
		as_of_date    TEXT NOT NULL,
		year          INTEGER,                -- year of the bulletin (publish, as-of or feedback date)
		fingerprint   TEXT NOT NULL,          -- unit and problems, for republished copies
		copy_of       INTEGER REFERENCES bulletins(id),
		extractor     TEXT NOT NULL,          -- xuncha version that made the record
		added_at      TEXT NOT NULL,
		source        BLOB NOT NULL,          -- the bytes as read
		record        TEXT NOT NULL           -- the JSON record (the extract --json contract)
	);
	CREATE INDEX bulletins_unit ON bulletins(unit);
	CREATE INDEX bulletins_year ON bulletins(year);
	CREATE INDEX bulletins_fingerprint ON bulletins(fingerprint);
	CREATE TABLE problems (
		id          INTEGER PRIMARY KEY,
		bulletin_id INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
		pid         TEXT NOT NULL,            -- P1, P2 … within the bulletin
		category    TEXT NOT NULL,
		topic       TEXT NOT NULL,
		statement   TEXT NOT NULL,            -- the quote, or the text where nothing is quoted
		status      TEXT NOT NULL,
		department  TEXT NOT NULL,
		person      TEXT NOT NULL,
		deadline    TEXT NOT NULL,
		theme       TEXT NOT NULL,
		paragraph   INTEGER NOT NULL,
		recurs_of   INTEGER REFERENCES problems(id) ON DELETE SET NULL,
		prior_round INTEGER NOT NULL DEFAULT 0 -- says itself that an earlier round's rectification fell short
	);
	CREATE INDEX problems_bulletin ON problems(bulletin_id);
	CREATE INDEX problems_theme ON problems(theme);
	CREATE INDEX problems_status ON problems(status);
	CREATE TABLE measures (
		problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
		ordinal    INTEGER NOT NULL,
		text       TEXT NOT NULL
	);
	CREATE INDEX measures_problem ON measures(problem_id);
	CREATE TABLE metrics (
		bulletin_id INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
		pid         TEXT NOT NULL,
		text        TEXT NOT NULL,
		value       REAL NOT NULL,
		unit        TEXT NOT NULL,
		kind        TEXT NOT NULL
	);
	CREATE INDEX metrics_bulletin ON metrics(bulletin_id);
	CREATE TABLE dates (
		bulletin_id INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
		text        TEXT NOT NULL,
		date        TEXT NOT NULL,
		end_date    TEXT NOT NULL
	);
	CREATE INDEX dates_bulletin ON dates(bulletin_id);
	CREATE VIRTUAL TABLE problem_fts USING fts5(tokens, tokenize = 'unicode61');`,

	// 2: the last day a problem's 整改时限 allows (2024年12月底 → 2024-12-31), for 逾期. Rows
	// stored before it have '' until add --reextract.
	`ALTER TABLE problems ADD COLUMN due TEXT NOT NULL DEFAULT '';
	CREATE INDEX problems_due ON problems(due) WHERE due <> '';`,
}
