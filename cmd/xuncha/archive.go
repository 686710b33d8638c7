package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/xuncha/xuncha/internal/archive"
	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/pipeline"
	"github.com/xuncha/xuncha/internal/workbook"
)

const addUsage = `usage: xuncha add [flags] INPUT...
       xuncha add --reextract [--db FILE]

Extracts the inputs exactly as "xuncha extract" does (same INPUTs) and stores every bulletin
in the archive: its source bytes, its record, problems, measures, quantities and dates. The
same bytes added again change nothing; the same bulletin republished elsewhere is stored once
and noted as a copy. Each bulletin is stored whole or not at all, the bulletins of up to a
second in one transaction: Ctrl-C stores the bulletins read and leaves out the one in hand; a
crash loses at most the last second's bulletins and leaves the archive as it was before them.

      --db FILE         the archive (default xuncha.db)
      --reextract       read every stored bulletin again with this version's rules
  -j, --jobs N          parallel workers (default: number of CPUs, %d here)
  -q, --quiet           no progress bar and no summary line
      --max-size SIZE   largest input read (default 64MB)
      --timeout DUR     time limit per URL download (default 1m)

Exit status: 0 all inputs stored, 1 some inputs failed, 2 usage error, 130 interrupted.
`

// runAdd is "xuncha add".
func runAdd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGPIPE)
	defer stop()
	return addContext(ctx, args, stdin, stdout, stderr)
}

func addContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var (
		db, maxSize   string
		jobs          int
		quiet, reread bool
		timeout       time.Duration
	)
	fs := flag.NewFlagSet("add", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&db, "db", "xuncha.db", "")
	fs.BoolVar(&reread, "reextract", false, "")
	fs.IntVar(&jobs, "j", runtime.NumCPU(), "")
	fs.IntVar(&jobs, "jobs", runtime.NumCPU(), "")
	fs.BoolVar(&quiet, "q", false, "")
	fs.BoolVar(&quiet, "quiet", false, "")
	fs.StringVar(&maxSize, "max-size", pipeline.FormatSize(pipeline.DefaultMaxBytes), "")
	fs.DurationVar(&timeout, "timeout", time.Minute, "")
	flags, inputs := splitArgs(fs, args)
	if err := fs.Parse(flags); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stdout, addUsage, runtime.NumCPU())
			return 0
		}
		return commandUsageError(stderr, "add", "%v", err)
	}
	inputs = append(inputs, fs.Args()...)
	n, err := pipeline.ParseSize(maxSize)
	switch {
	case err != nil:
		return commandUsageError(stderr, "add", "--max-size: %v", err)
	case jobs < 1:
		return commandUsageError(stderr, "add", "-j 至少为 1，不能是 %d", jobs)
	case timeout <= 0:
		return commandUsageError(stderr, "add", "--timeout 须是正的时长（如 30s），不能是 %v", timeout)
	case reread && len(inputs) > 0:
		return commandUsageError(stderr, "add", "--reextract 不带输入：它重读档案库中已有的公报")
	case !reread && len(inputs) == 0:
		return commandUsageError(stderr, "add", "没有输入：请给出文件、文件夹、通配符、网址、- 或 @列表")
	}
	out := &console{w: stderr}
	a, err := archive.Open(db)
	if err != nil {
		out.line("xuncha: " + oneLine(err.Error()))
		return 1
	}
	defer a.Close()
	start := time.Now()
	segmenter := pipeline.SharedSegmenter()

	if reread {
		n, errs := a.Reextract(ctx, version, func(name string, source []byte) (*bulletin.Bulletin, error) {
			return pipeline.Reread(name, source, segmenter)
		})
		for _, err := range errs {
			if !errors.Is(err, context.Canceled) {
				out.line("xuncha: " + oneLine(err.Error()))
			}
		}
		if ctx.Err() != nil {
			out.line(fmt.Sprintf("xuncha: 已中断（重读 %d 份），已重读的已保存，其余保持原样", n))
			return 130
		}
		if !quiet {
			out.line(fmt.Sprintf("重读 %d 份公报，失败 %d，用时 %s，档案库 %s", n, len(errs), formatDuration(time.Since(start)), db))
		}
		if len(errs) > 0 {
			return 1
		}
		return 0
	}

	ins, expandErrs := pipeline.Expand(inputs, stdin)
	setMemoryLimit(len(ins), pipeline.Largest(ins, n))
	for _, err := range expandErrs {
		out.line("xuncha: " + oneLine(err.Error()))
	}
	failed := len(expandErrs)
	bar := newProgressBar(out, len(ins), !quiet && isTerminal(stderr))
	var added, unchanged, copies, done int
	var fatal error
	batch := a.NewBatch()
	// The workers prepare each bulletin's rows (its JSON record, index tokens, hashes) in
	// parallel; emit, which runs one call at a time, only writes them.
	prepare := func(r *pipeline.Result) {
		if p, err := archive.Prepare(r.Bulletin, r.Source); err != nil {
			r.Prepared = err
		} else {
			r.Prepared = p
		}
	}
	sum := pipeline.Run(ctx, ins, pipeline.Options{Jobs: jobs, MaxBytes: n, Timeout: timeout, Segment: segmenter, KeepSource: true, After: prepare},
		func(r pipeline.Result) {
			done++
			defer func() { bar.update(done, failed) }()
			switch {
			case fatal != nil:
			case r.DuplicateOf != "":
				unchanged++
			case r.Err != nil:
				failed++
				out.line("xuncha: " + oneLine(r.Err.Error()))
			case r.Bulletin != nil:
				name := r.Input.Path
				if r.Input.URL != "" {
					name = r.Bulletin.Source.URL // credentials dropped
				}
				if name == "" {
					name = r.Input.Name
				}
				var st archive.Stored
				var err error
				switch p := r.Prepared.(type) {
				case *archive.Prepared:
					st, err = batch.AddPrepared(ctx, p, name, version)
				case error:
					err = p
				default:
					err = errors.New("内部错误：公报未经准备")
				}
				if err != nil {
					if ctx.Err() == nil {
						fatal = fmt.Errorf("%s: 写入档案库失败：%w", db, err)
					}
					return
				}
				switch st.Outcome {
				case archive.Added:
					added++
				case archive.Unchanged:
					unchanged++
				case archive.Copy:
					copies++
					if !quiet {
						out.line(fmt.Sprintf("xuncha: %s: 与档案库中第 %d 份公报相同（转载），记为副本", r.Input.Name, st.CopyOf))
					}
				}
			}
		})
	bar.finish()
	// The bulletins stored whole are kept whatever ended the run.
	if err := batch.Commit(); err != nil && fatal == nil {
		fatal = fmt.Errorf("%s: 写入档案库失败：%w", db, err)
	}
	switch {
	case fatal != nil:
		out.line("xuncha: " + oneLine(fatal.Error()))
		return 1
	case sum.Canceled || ctx.Err() != nil:
		out.line(fmt.Sprintf("xuncha: 已中断：已存入 %d 份，其余未存入（档案库保持一致）", added+copies))
		return 130
	}
	if !quiet {
		out.line(fmt.Sprintf("存入 %d 份公报，副本 %d，已有 %d，失败 %d，用时 %s，档案库 %s",
			added, copies, unchanged, failed, formatDuration(time.Since(start)), db))
	}
	if failed > 0 {
		return 1
	}
	return 0
}

// commandUsageError reports a usage mistake of a command and returns exit status 2.
func commandUsageError(stderr io.Writer, cmd, format string, args ...any) int {
	fmt.Fprintf(stderr, "xuncha "+cmd+": "+format+"\n", args...)
	fmt.Fprintf(stderr, "运行 \"xuncha %s -h\" 查看参数说明\n", cmd)
	return 2
}

// filterFlags adds the archive selection flags to fs.
func filterFlags(fs *flag.FlagSet, f *archive.Filter) {
	fs.StringVar(&f.Since, "since", "", "")
	fs.StringVar(&f.Until, "until", "", "")
	fs.StringVar(&f.Unit, "unit", "", "")
	fs.StringVar(&f.Round, "round", "", "")
	fs.StringVar(&f.Kind, "kind", "", "")
}

const filterUsage = `      --since DATE      bulletins dated on or after DATE (2024, 2024-06, 2024-06-30)
      --until DATE      bulletins dated on or before DATE
      --unit TEXT       units whose name contains TEXT
      --round TEXT      rounds containing TEXT (第二轮)
      --kind KIND       bulletins of one kind (巡察, 巡视, 审计 …)
`

const searchUsage = `usage: xuncha search [flags] WORD...

Full-text search in Chinese over the archive's problems and their measures: every WORD must
occur; best matches first. Prints unit, date, problem and its bulletin.

      --db FILE         the archive (default xuncha.db)
  -n N                  at most N results (default 20; 0 for all)
      --json            one JSON object a result
` + filterUsage

// openExisting opens an archive that must already exist.
func openExisting(db string) (*archive.Archive, error) {
	if _, err := os.Stat(db); err != nil {
		return nil, fmt.Errorf("%s: 档案库不存在（先用 xuncha add 存入公报）", db)
	}
	return archive.Open(db)
}

// runSearch is "xuncha search".
func runSearch(args []string, stdout, stderr io.Writer) int {
	var db string
	var limit int
	var asJSON bool
	var f archive.Filter
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&db, "db", "xuncha.db", "")
	fs.IntVar(&limit, "n", 20, "")
	fs.BoolVar(&asJSON, "json", false, "")
	filterFlags(fs, &f)
	flags, words := splitArgs(fs, args)
	if err := fs.Parse(flags); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, searchUsage)
			return 0
		}
		return commandUsageError(stderr, "search", "%v", err)
	}
	words = append(words, fs.Args()...)
	if len(words) == 0 {
		return commandUsageError(stderr, "search", "没有检索词")
	}
	a, err := openExisting(db)
	if err != nil {
		fmt.Fprintln(stderr, "xuncha: "+oneLine(err.Error()))
		return 1
	}
	defer a.Close()
	ps, err := a.Search(context.Background(), strings.Join(words, " "), f, limit)
	if err != nil {
		fmt.Fprintln(stderr, "xuncha search: "+oneLine(err.Error()))
		return 1
	}
	for _, p := range ps {
		if asJSON {
			line, _ := json.Marshal(searchHit{p.Unit, p.Date, p.Round, p.PID, p.Statement, p.Status, p.Theme, p.Measures, p.BulletinID, p.Title})
			fmt.Fprintf(stdout, "%s\n", line)
			continue
		}
		fmt.Fprintf(stdout, "%s\t%s\t%s\t%s（公报 %d，%s）\n", p.Unit, p.Date, oneLine(p.Statement), p.Status, p.BulletinID, p.PID)
	}
	if len(ps) == 0 && !asJSON {
		fmt.Fprintln(stderr, "没有找到")
	}
	return 0
}

// searchHit is one line of search --json.
type searchHit struct {
	Unit       string   `json:"unit"`
	Date       string   `json:"date"`
	Round      string   `json:"round,omitempty"`
	Problem    string   `json:"problem_id"`
	Statement  string   `json:"problem"`
	Status     string   `json:"status"`
	Theme      string   `json:"theme"`
	Measures   []string `json:"measures"`
	BulletinID int64    `json:"bulletin"`
	Title      string   `json:"title"`
}

const reportUsage = `usage: xuncha report [flags] -o FILE.xlsx

Writes a workbook from the archive: the extract workbook's sheets for the selected bulletins,
plus 共性问题 (problems that recur across units, clustered), 按单位汇总, 按主题, 按年度 and 逾期
(problems not done whose 整改时限 has passed, as of today). With --json, prints the clusters
as JSON Lines instead (and writes the workbook only when -o is given).

      --db FILE         the archive (default xuncha.db)
  -o, --out FILE.xlsx   the workbook (default xuncha-report.xlsx)
      --json            the clusters as JSON Lines on standard output
` + filterUsage

// runReport is "xuncha report".
func runReport(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	var db, out string
	var asJSON bool
	var f archive.Filter
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&db, "db", "xuncha.db", "")
	fs.StringVar(&out, "o", "xuncha-report.xlsx", "")
	fs.StringVar(&out, "out", "xuncha-report.xlsx", "")
	fs.BoolVar(&asJSON, "json", false, "")
	filterFlags(fs, &f)
	flags, rest := splitArgs(fs, args)
	if err := fs.Parse(flags); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, reportUsage)
			return 0
		}
		return commandUsageError(stderr, "report", "%v", err)
	}
	outGiven := false
	fs.Visit(func(fl *flag.Flag) { outGiven = outGiven || fl.Name == "o" || fl.Name == "out" })
	if len(rest)+fs.NArg() > 0 {
		return commandUsageError(stderr, "report", "不需要输入文件：报表取自档案库（用 --db 指定）")
	}
	if (!asJSON || outGiven) && !strings.EqualFold(filepath.Ext(out), ".xlsx") {
		return commandUsageError(stderr, "report", "-o 须是以 .xlsx 结尾的文件名，不能是 %q", out)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(reportHeap)
	}
	a, err := openExisting(db)
	if err != nil {
		fmt.Fprintln(stderr, "xuncha: "+oneLine(err.Error()))
		return 1
	}
	defer a.Close()
	// The clusters and tallies are computed while the bulletins' sheets are written: each
	// reads the archive on its own connection, and on two cores the clustering costs no time.
	type summary struct {
		commons []archive.Common
		rep     archive.Report
		err     error
	}
	summarize := func() (s summary) {
		if s.commons, s.err = a.Commons(ctx, f); s.err == nil {
			s.rep, s.err = a.Report(ctx, f, time.Now())
		}
		return s
	}
	summed := make(chan summary, 1)
	if asJSON {
		summed <- summarize() // the clusters are printed first
	} else {
		go func() { summed <- summarize() }()
	}
	wait := sync.OnceValue(func() summary { return <-summed })
	defer wait() // the archive is closed only once the summary is done with it
	if asJSON {
		commons, err := wait().commons, wait().err
		if err != nil {
			fmt.Fprintln(stderr, "xuncha report: "+oneLine(err.Error()))
			return 1
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		for _, c := range commons {
			if err := enc.Encode(clusterJSON(c)); err != nil {
				fmt.Fprintln(stderr, "xuncha report: "+oneLine(err.Error()))
				return 1
			}
		}
		if !outGiven {
			return 0
		}
	}
	book, err := workbook.CreateReport(out)
	if err != nil {
		fmt.Fprintf(stderr, "xuncha: %s: %s\n", out, oneLine(err.Error()))
		return 1
	}
	// The bulletins are read and written one at a time: memory does not grow with the archive.
	var bookErr error
	added := 0
	if err := a.EachBulletin(ctx, f, func(b *bulletin.Bulletin) error {
		added++
		if err := book.Add(b); err != nil {
			bookErr = err
			return err
		}
		return nil
	}); err != nil {
		book.Abort()
		if bookErr != nil {
			fmt.Fprintf(stderr, "xuncha: %s: %s\n", out, oneLine(err.Error()))
		} else {
			fmt.Fprintln(stderr, "xuncha report: "+oneLine(err.Error()))
		}
		return 1
	}
	if err := wait().err; err != nil {
		book.Abort()
		fmt.Fprintln(stderr, "xuncha report: "+oneLine(err.Error()))
		return 1
	}
	commons, rep := wait().commons, wait().rep
	var rows []workbook.CommonRow
	for _, c := range commons {
		for _, p := range c.Problems {
			rows = append(rows, workbook.CommonRow{No: c.No, Label: c.Label, Units: c.Units, Size: len(c.Problems),
				Representative: p.ID == c.Rep.ID, Problem: p.Statement, Unit: p.Unit, Round: p.Round, Date: p.Date, Status: p.Status})
		}
	}
	if err := book.AddCommons(rows); err != nil {
		book.Abort()
		fmt.Fprintf(stderr, "xuncha: %s: %s\n", out, oneLine(err.Error()))
		return 1
	}
	for sheet, rows := range reportRows(rep) {
		if err := book.AddRows(sheet, rows); err != nil {
			book.Abort()
			fmt.Fprintf(stderr, "xuncha: %s: %s\n", out, oneLine(err.Error()))
			return 1
		}
	}
	if err := book.CloseContext(ctx); err != nil {
		if ctx.Err() != nil {
			fmt.Fprintf(stderr, "xuncha: 保存时被中断，未写入 %s（原有文件保持不变）\n", out)
			return 130
		}
		fmt.Fprintf(stderr, "xuncha: %s: %s\n", out, oneLine(err.Error()))
		return 1
	}
	fmt.Fprintf(stderr, "报表：公报 %d 份，共性问题 %d 个，逾期问题 %d 个，写入 %s\n", added, len(commons), len(rep.Overdue), out)
	return 0
}

// reportRows lays the report's tallies out as the rows of its summary sheets.
func reportRows(r archive.Report) map[string][][]any {
	rate := func(n, of int) any {
		if of == 0 {
			return nil
		}
		return float64(n) / float64(of)
	}
	out := map[string][][]any{}
	for _, u := range r.Units {
		out[workbook.SheetByUnit] = append(out[workbook.SheetByUnit], []any{u.Unit, u.Bulletins, u.Problems, u.Done, rate(u.Done, u.Problems), u.Recurring, u.Overdue})
	}
	for _, t := range r.Themes {
		out[workbook.SheetByTheme] = append(out[workbook.SheetByTheme], []any{t.Theme, t.Problems, t.Done, t.Ongoing, t.Unknown, rate(t.Done, t.Problems)})
	}
	for _, y := range r.Years {
		out[workbook.SheetByYear] = append(out[workbook.SheetByYear], []any{y.Year, y.Bulletins, y.Problems, y.Done, rate(y.Done, y.Problems)})
	}
	for _, p := range r.Overdue {
		status := p.Status
		if status == "" {
			status = "未注明"
		}
		out[workbook.SheetOverdue] = append(out[workbook.SheetOverdue], []any{p.Unit, p.Statement, p.Deadline, p.Due.Format("2006-01-02"), status, p.Date})
	}
	return out
}

// clusterJSON is one line of report --json.
func clusterJSON(c archive.Common) any {
	type problem struct {
		Unit      string `json:"unit"`
		Date      string `json:"date"`
		Round     string `json:"round,omitempty"`
		Statement string `json:"problem"`
		Status    string `json:"status"`
		Bulletin  int64  `json:"bulletin"`
		ProblemID string `json:"problem_id"`
	}
	out := struct {
		No             int       `json:"no"`
		Label          string    `json:"label"`
		Units          int       `json:"units"`
		Count          int       `json:"problems_count"`
		Representative string    `json:"representative"`
		Problems       []problem `json:"problems"`
	}{No: c.No, Label: c.Label, Units: c.Units, Count: len(c.Problems), Representative: c.Rep.Statement}
	for _, p := range c.Problems {
		out.Problems = append(out.Problems, problem{p.Unit, p.Date, p.Round, p.Statement, p.Status, p.BulletinID, p.PID})
	}
	return out
}
