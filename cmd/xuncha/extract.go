package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode"

	"github.com/xuncha/xuncha/internal/pipeline"
	"github.com/xuncha/xuncha/internal/workbook"
)

const extractUsage = `usage: xuncha extract [flags] INPUT...

INPUT is a file, a folder (read recursively: .txt .htm .html .docx), a glob ("dir/*.html"),
an http(s) URL, "-" for standard input, or @LIST (a file with one path or URL a line).
Flags may come before or after the inputs.

  -o, --out FILE.xlsx   combined workbook (default xuncha.xlsx; with --json only when given)
      --split DIR       also one workbook per bulletin in DIR
      --json            JSON Lines on standard output, one object per bulletin
  -j, --jobs N          parallel workers (default: number of CPUs, %d here)
  -q, --quiet           no progress bar and no summary line
      --max-size SIZE   largest input read (default 64MB; e.g. 200MB, 1GB, 1048576)
      --timeout DUR     time limit per URL download (default 1m; e.g. 30s, 2m)

Exit status: 0 all inputs read, 1 some inputs failed (each reported, the rest written),
2 usage error, 130 interrupted (nothing written).
`

// extractFlags are the settings of one extract run.
type extractFlags struct {
	out      string
	outGiven bool
	split    string
	json     bool
	jobs     int
	quiet    bool
	maxSize  int64
	timeout  time.Duration
	inputs   []string
}

// signalsCaught is called once the signals are caught; the signal tests replace it to learn
// when a child process is ready for them.
var signalsCaught = func() {}

// runExtract is "xuncha extract": it stops cleanly on Ctrl-C.
func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// SIGHUP (the terminal closed) stops like Ctrl-C. SIGPIPE is caught too, so that a reader
	// of --json that goes away (| head) makes the write fail, and the run ends cleanly without
	// leaving a temporary file, instead of the process being killed mid-write.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGPIPE)
	defer stop()
	signalsCaught()
	return extractContext(ctx, args, stdin, stdout, stderr)
}

// parseExtractFlags reads the flags, wherever they stand among the inputs. It returns the exit
// code to use when it has already answered (-h: 0, a bad flag: 2) or -1 to go on.
func parseExtractFlags(args []string, stderr, stdout io.Writer) (extractFlags, int) {
	var f extractFlags
	var maxSize string
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&f.out, "o", "xuncha.xlsx", "")
	fs.StringVar(&f.out, "out", "xuncha.xlsx", "")
	fs.StringVar(&f.split, "split", "", "")
	fs.BoolVar(&f.json, "json", false, "")
	fs.IntVar(&f.jobs, "j", runtime.NumCPU(), "")
	fs.IntVar(&f.jobs, "jobs", runtime.NumCPU(), "")
	fs.BoolVar(&f.quiet, "q", false, "")
	fs.BoolVar(&f.quiet, "quiet", false, "")
	fs.StringVar(&maxSize, "max-size", pipeline.FormatSize(pipeline.DefaultMaxBytes), "")
	fs.DurationVar(&f.timeout, "timeout", time.Minute, "")

	flags, inputs := splitArgs(fs, args)
	if err := fs.Parse(flags); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stdout, extractUsage, runtime.NumCPU())
			return f, 0
		}
		return f, usageError(stderr, "%v", err)
	}
	f.inputs = append(inputs, fs.Args()...)
	fs.Visit(func(fl *flag.Flag) {
		if fl.Name == "o" || fl.Name == "out" {
			f.outGiven = true
		}
	})
	switch {
	case f.jobs < 1:
		return f, usageError(stderr, "-j 至少为 1，不能是 %d", f.jobs)
	case f.outGiven && !strings.EqualFold(filepath.Ext(f.out), ".xlsx"):
		return f, usageError(stderr, "-o 须是以 .xlsx 结尾的文件名，不能是 %q", f.out)
	case f.timeout <= 0:
		return f, usageError(stderr, "--timeout 须是正的时长（如 30s），不能是 %v", f.timeout)
	case len(f.inputs) == 0:
		return f, usageError(stderr, "没有输入：请给出文件、文件夹、通配符、网址、- 或 @列表")
	case strings.HasPrefix(f.split, "-"):
		return f, usageError(stderr, "--split 须是文件夹，%q 像是一个参数", f.split)
	}
	if !f.json || f.outGiven {
		if fi, err := os.Stat(f.out); err == nil && fi.IsDir() {
			return f, usageError(stderr, "-o %s 是文件夹：请给出工作簿文件名", f.out)
		}
	}
	n, err := pipeline.ParseSize(maxSize)
	if err != nil {
		return f, usageError(stderr, "--max-size: %v", err)
	}
	f.maxSize = n
	return f, -1
}

// outputIsInput reports whether the workbook path out names the same file as one of the
// inputs, and which.
func outputIsInput(out string, inputs []pipeline.Input) (string, bool) {
	ofi, err := os.Stat(out)
	if err != nil {
		return "", false // not there yet: it cannot be an input
	}
	for _, in := range inputs {
		if in.Path == "" {
			continue
		}
		if fi, err := os.Stat(in.Path); err == nil && os.SameFile(ofi, fi) {
			return in.Name, true
		}
	}
	return "", false
}

// usageError reports a usage mistake and returns exit status 2.
func usageError(stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "xuncha extract: "+format+"\n", args...)
	fmt.Fprintln(stderr, `运行 "xuncha extract -h" 查看参数说明`)
	return 2
}

// splitArgs separates flags (with their values) from inputs, so that flags may follow the
// inputs: "xuncha extract corpus -o x.xlsx". "-" alone is an input; after "--" all are inputs.
func splitArgs(fs *flag.FlagSet, args []string) (flags, inputs []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			inputs = append(inputs, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			inputs = append(inputs, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		fl := fs.Lookup(name)
		if fl == nil {
			continue // Parse reports it
		}
		if b, ok := fl.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	return flags, inputs
}

// extractContext runs "xuncha extract" until done or ctx is cancelled; it returns the exit status.
func extractContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	f, code := parseExtractFlags(args, stderr, stdout)
	if code >= 0 {
		return code
	}
	start := time.Now()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	inputs, expandErrs := pipeline.Expand(f.inputs, stdin)
	setMemoryLimit(len(inputs), pipeline.Largest(inputs, f.maxSize))
	if !f.json || f.outGiven {
		if in, same := outputIsInput(f.out, inputs); same {
			return usageError(stderr, "-o %s 也是输入（%s）：它会先被读取再被覆盖", f.out, in)
		}
	}
	out := &console{w: stderr}
	for _, err := range expandErrs {
		out.line("xuncha: " + oneLine(err.Error()))
	}
	if len(inputs) == 0 {
		if !f.quiet {
			out.line(fmt.Sprintf("没有可读取的文件（%d 个输入有误），未写入工作簿", len(expandErrs)))
		}
		return 1
	}

	// The segmenter takes a second or two to load: start now, while the first inputs are read.
	segmenter := pipeline.SharedSegmenter()

	var book *workbook.Writer
	if !f.json || f.outGiven {
		w, err := workbook.Create(f.out)
		if err != nil {
			out.line(fmt.Sprintf("xuncha: %s: %s", f.out, oneLine(err.Error())))
			return 1
		}
		book = w
	}
	abort := func() {
		if book != nil {
			book.Abort()
		}
	}
	if f.split != "" {
		if err := os.MkdirAll(f.split, 0o755); err != nil {
			abort()
			out.line(fmt.Sprintf("xuncha: 无法创建 --split 文件夹 %s：%s", f.split, oneLine(err.Error())))
			return 1
		}
	}

	failed := len(expandErrs)
	var fatal error // an output that cannot be written stops the batch
	for _, err := range expandErrs {
		var ie *pipeline.InputError
		if book != nil && errors.As(err, &ie) {
			if werr := book.AddFailure(ie.Input, ie.Reason()); werr != nil && fatal == nil {
				fatal = fmt.Errorf("%s: %w", f.out, werr)
			}
		}
	}
	bar := newProgressBar(out, len(inputs), !f.quiet && isTerminal(stderr))
	taken := make(map[string]bool)
	if f.split != "" {
		// Files already in the folder are taken too: --split never overwrites one.
		entries, _ := os.ReadDir(f.split)
		for _, e := range entries {
			taken[strings.ToLower(e.Name())] = true
		}
	}
	done, runFailed := 0, 0

	emit := func(r pipeline.Result) {
		done++
		defer func() { bar.update(done, runFailed) }()
		if fatal != nil {
			return
		}
		switch {
		case r.DuplicateOf != "":
			if !f.quiet {
				out.line(fmt.Sprintf("xuncha: %s: 与 %s 内容相同，按重复跳过", r.Input.Name, r.DuplicateOf))
			}
			if book != nil {
				if err := book.AddDuplicate(r.Input.Name, r.DuplicateOf); err != nil {
					fatal = fmt.Errorf("%s: %w", f.out, err)
				}
			}
		case r.Err != nil:
			runFailed++
			out.line("xuncha: " + oneLine(r.Err.Error()))
			if book != nil {
				reason := r.Err.Error()
				var ie *pipeline.InputError
				if errors.As(r.Err, &ie) {
					reason = ie.Reason()
				}
				if err := book.AddFailure(r.Input.Name, reason); err != nil {
					fatal = fmt.Errorf("%s: %w", f.out, err)
				}
			}
		case r.Bulletin != nil:
			b := r.Bulletin
			if f.json {
				if err := workbook.WriteJSON(stdout, b); err != nil {
					fatal = fmt.Errorf("写 JSON 输出失败：%w", err)
				}
			}
			if book != nil && fatal == nil {
				if err := book.Add(b); err != nil {
					fatal = fmt.Errorf("%s: %w", f.out, err)
				}
			}
			if f.split != "" && fatal == nil {
				name := workbook.SplitName(b, taken)
				taken[name] = true
				path := filepath.Join(f.split, name)
				if err := workbook.WriteBulletin(path, b); err != nil {
					runFailed++
					out.line(fmt.Sprintf("xuncha: %s: 写入 %s 失败：%s", r.Input.Name, path, oneLine(err.Error())))
					if book != nil {
						book.AddFailure(r.Input.Name, "写入 "+path+" 失败："+oneLine(err.Error()))
					}
				}
			}
		}
		if fatal != nil {
			cancel()
		}
	}

	sum := pipeline.Run(ctx, inputs, pipeline.Options{
		Jobs:     f.jobs,
		MaxBytes: f.maxSize,
		Timeout:  f.timeout,
		Segment:  segmenter,
	}, emit)
	bar.finish()
	failed += runFailed

	switch {
	case fatal != nil:
		abort()
		out.line("xuncha: " + oneLine(fatal.Error()))
		return 1
	case sum.Canceled || ctx.Err() != nil:
		abort()
		out.line(fmt.Sprintf("xuncha: 已中断（%d/%d 个文件已处理），未写入工作簿", sum.Inputs, len(inputs)))
		return 130
	}
	if book != nil {
		if err := book.CloseContext(ctx); err != nil {
			if ctx.Err() != nil {
				out.line(fmt.Sprintf("xuncha: 保存时被中断，未写入 %s（原有文件保持不变）", f.out))
				return 130
			}
			out.line(fmt.Sprintf("xuncha: %s: %s", f.out, oneLine(err.Error())))
			return 1
		}
		for _, d := range book.Dropped() { // a sheet was full: say so, and exit 1
			out.line(fmt.Sprintf("xuncha: %s: %s", f.out, d))
			failed++
		}
	}
	if !f.quiet {
		line := fmt.Sprintf("读取 %d 个文件，失败 %d，重复 %d，问题 %d，用时 %s",
			sum.Read, failed, sum.Duplicates, sum.Problems, formatDuration(time.Since(start)))
		if book != nil {
			line += "，写入 " + f.out
		}
		out.line(line)
	}
	if failed > 0 {
		return 1
	}
	return 0
}

// oneLine folds an error message onto one line.
// Line breaks and tabs become single spaces; other control characters (ESC, NUL …, as a file
// name may hold) are written as \xNN, so that no message can break the one-line format or
// drive the terminal.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
	var b strings.Builder
	for _, r := range strings.Join(strings.Fields(s), " ") {
		if unicode.IsControl(r) {
			fmt.Fprintf(&b, "\\x%02x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isTerminal reports whether w is a terminal (a character device), without new dependencies.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// console serialises lines on stderr with the progress bar.
type console struct {
	mu  sync.Mutex
	w   io.Writer
	bar *progressBar
}

// line prints one message line, clearing and redrawing the progress bar around it.
func (c *console) line(s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bar != nil && c.bar.drawn {
		io.WriteString(c.w, "\r\x1b[K")
	}
	io.WriteString(c.w, s+"\n")
	if c.bar != nil && c.bar.drawn {
		c.bar.drawLocked()
	}
}

// progressBar draws "[####....] 120/1000 失败 2 35.1 个/秒 剩余 25s" on one line with \r, at
// most ten times a second; a ticker keeps the rate and time fresh while inputs are slow.
type progressBar struct {
	c            *console
	on           bool
	total        int
	done, failed int
	start, last  time.Time
	drawn        bool
	stop         chan struct{}
	stopped      sync.WaitGroup
}

func newProgressBar(c *console, total int, on bool) *progressBar {
	p := &progressBar{c: c, on: on, total: total, start: time.Now(), stop: make(chan struct{})}
	if !on {
		return p
	}
	c.bar = p
	p.stopped.Add(1)
	go func() {
		defer p.stopped.Done()
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				c.mu.Lock()
				if time.Since(p.last) >= 100*time.Millisecond {
					p.drawLocked()
				}
				c.mu.Unlock()
			}
		}
	}()
	return p
}

// update records progress and redraws when the last drawing is 100 ms old.
func (p *progressBar) update(done, failed int) {
	if !p.on {
		return
	}
	p.c.mu.Lock()
	defer p.c.mu.Unlock()
	p.done, p.failed = done, failed
	if time.Since(p.last) >= 100*time.Millisecond {
		p.drawLocked()
	}
}

func (p *progressBar) drawLocked() {
	const width = 24
	p.last = time.Now()
	p.drawn = true
	elapsed := time.Since(p.start)
	fill := 0
	if p.total > 0 {
		fill = p.done * width / p.total
	}
	bar := strings.Repeat("#", fill) + strings.Repeat(".", width-fill)
	s := fmt.Sprintf("\r\x1b[K[%s] %d/%d", bar, p.done, p.total)
	if p.failed > 0 {
		s += fmt.Sprintf(" 失败 %d", p.failed)
	}
	if p.done > 0 && elapsed > 0 {
		rate := float64(p.done) / elapsed.Seconds()
		s += fmt.Sprintf("  %.1f 个/秒", rate)
		if p.done < p.total {
			eta := time.Duration(float64(p.total-p.done) / rate * float64(time.Second))
			s += "  剩余 " + formatDuration(eta)
		}
	}
	io.WriteString(p.c.w, s)
}

// finish stops the ticker and clears the bar's line.
func (p *progressBar) finish() {
	if !p.on {
		return
	}
	close(p.stop)
	p.stopped.Wait()
	p.c.mu.Lock()
	defer p.c.mu.Unlock()
	if p.drawn {
		io.WriteString(p.c.w, "\r\x1b[K")
	}
	p.drawn = false
	p.c.bar = nil
}

// formatDuration writes 0.4s, 12.3s, 3m05s, 1h02m.
func formatDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%.1fs", d.Seconds())
	case d < time.Hour:
		return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
	}
	return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
}
