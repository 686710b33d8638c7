// Command xuncha turns Chinese inspection rectification bulletins into workbooks and JSON Lines.
//
//	xuncha extract [flags] INPUT...
//	xuncha eval --gold DIR [flags] INPUT...
//	xuncha version
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

const usage = `usage:
  xuncha extract [flags] INPUT...   read bulletins, write a workbook and/or JSON Lines
  xuncha add [flags] INPUT...       extract and store the bulletins in the archive (xuncha.db)
  xuncha search [flags] WORD...     full-text search of the archive's problems
  xuncha report [flags] -o F.xlsx   workbook from the archive, with 共性问题
  xuncha serve [--db F] [--addr A]  the archive as a web page (default http://127.0.0.1:8080/)
  xuncha eval --gold DIR INPUT...   score the extraction against gold annotations
  xuncha version

Run "xuncha COMMAND -h" for a command's flags.
`

// batchHeap is the soft limit on the Go heap for a batch of ordinary bulletins, unless
// GOMEMLIMIT says otherwise: with the default pacing the garbage collector lets the heap grow to
// twice the live heap before collecting; the limit makes it collect sooner. A batch's live heap
// is mostly the workbook being built: 10,000 generated bulletins to one workbook peak at 282 MB
// with 256 MiB (27.9 s), 421 MB with 400 MiB (25.8 s).
const batchHeap = 256 << 20

// startupHeap is the heap the program needs before any input: the segmenter's tables, the
// compiled patterns and the workbook writer.
const startupHeap = 32 << 20

// setMemoryLimit sets the soft heap limit for a run of n inputs whose largest is largest bytes.
// The stages hold about three times an input's size at their peak (its text, its records,
// the JSON of its records), so three and a quarter times it plus the start-up heap lets the
// collector keep the process within four times the input without collecting all the time (a
// fixed 400 MB made it collect without end on a 200 MB input, doubling the time). A batch
// gets at least batchHeap. GOMEMLIMIT, when set, wins.
func setMemoryLimit(n int, largest int64) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	limit := startupHeap + largest/4*13
	if n > 1 {
		limit = max(limit, batchHeap)
	}
	debug.SetMemoryLimit(limit)
}

// reportHeap is the soft heap limit for xuncha report. Its live heap holds the workbook being
// built, as extract's does, and every selected problem twice (clustered, and tallied): at
// 10,000 bulletins that is more than batchHeap, and under that limit the collector ran without
// pause, 170 s of CPU for a report that needs 45 s (588 MB peak with this limit).
const reportHeap = 768 << 20

func main() {
	setMemoryLimit(2, 0) // until the inputs are known
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches a subcommand and returns the exit code: 0 all inputs read, 1 some failed,
// 2 usage error.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "extract":
		return runExtract(args[1:], stdin, stdout, stderr)
	case "add":
		return runAdd(args[1:], stdin, stdout, stderr)
	case "search":
		return runSearch(args[1:], stdout, stderr)
	case "report":
		return runReport(args[1:], stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "eval":
		return runEval(args[1:], stdin, stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "xuncha", version)
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "xuncha: 未知命令 %q\n\n%s", args[0], usage)
	return 2
}
