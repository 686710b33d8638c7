package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/eval"
	"github.com/xuncha/xuncha/internal/pipeline"
)

const evalUsage = `usage: xuncha eval --gold DIR [-v] [--json] INPUT...

Scores the extraction of each INPUT (files, folders, globs) against DIR/NAME.json, where NAME is
the input's base name without its extension; inputs without a gold file are listed as unscored.

Flags:
  --gold DIR       folder of gold annotations (required)
  -v, --verbose    list each miss per file
  --json           print the report as JSON
`

// runEval is `xuncha eval`. It returns 0 when the evaluation ran, 1 when an input could not be
// read, 2 on a usage error.
func runEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var (
		goldDir string
		verbose bool
		asJSON  bool
	)
	fs.StringVar(&goldDir, "gold", "", "")
	fs.BoolVar(&verbose, "v", false, "")
	fs.BoolVar(&verbose, "verbose", false, "")
	fs.BoolVar(&asJSON, "json", false, "")
	flags, names := splitArgs(fs, args) // flags may follow the inputs, as for extract
	if err := fs.Parse(flags); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, evalUsage)
			return 0
		}
		fmt.Fprintf(stderr, "xuncha eval: %v\n\n%s", err, evalUsage)
		return 2
	}
	if goldDir == "" {
		fmt.Fprintf(stderr, "xuncha eval: --gold DIR is required\n\n%s", evalUsage)
		return 2
	}
	if st, err := os.Stat(goldDir); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "xuncha eval: --gold %s: not a folder\n", goldDir)
		return 2
	}
	names = append(names, fs.Args()...)
	if len(names) == 0 {
		fmt.Fprintf(stderr, "xuncha eval: no INPUT given\n\n%s", evalUsage)
		return 2
	}

	inputs, errs := pipeline.Expand(names, stdin)
	var report eval.Report
	for _, err := range errs {
		report.Failed = append(report.Failed, failure(err))
		fmt.Fprintf(stderr, "xuncha eval: %v\n", err)
	}
	golds := make(map[string]eval.Gold)
	read := make(map[string]*bulletin.Bulletin) // input name -> bulletin, for duplicates
	pipeline.Run(context.Background(), inputs, pipeline.Options{MeasureItems: true}, func(r pipeline.Result) {
		name := r.Input.Name
		b := r.Bulletin
		switch {
		case r.DuplicateOf != "":
			b = read[r.DuplicateOf]
		case r.Err != nil:
			fmt.Fprintf(stderr, "xuncha eval: %v\n", r.Err)
			report.Failed = append(report.Failed, failure(r.Err))
			return
		}
		read[name] = b
		goldPath := filepath.Join(goldDir, baseName(name)+".json")
		g, ok := golds[goldPath]
		if !ok {
			if _, err := os.Stat(goldPath); err != nil {
				report.Unscored = append(report.Unscored, name)
				return
			}
			var err error
			if g, err = eval.LoadGold(goldPath); err != nil {
				fmt.Fprintf(stderr, "xuncha eval: %v\n", err)
				report.Failed = append(report.Failed, eval.Failure{Input: goldPath, Reason: err.Error()})
				return
			}
			golds[goldPath] = g
		}
		s := eval.Score(b, g)
		s.Name = name
		report.Add(s)
	})

	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if !verbose {
			for i := range report.Files {
				report.Files[i].Misses = nil
			}
		}
		if report.Files == nil { // lists, never null
			report.Files = []eval.FileScore{}
		}
		if report.Unscored == nil {
			report.Unscored = []string{}
		}
		if report.Failed == nil {
			report.Failed = []eval.Failure{}
		}
		if err := enc.Encode(report); err != nil {
			fmt.Fprintf(stderr, "xuncha eval: %v\n", err)
			return 1
		}
	} else if err := report.Write(stdout, verbose); err != nil {
		fmt.Fprintf(stderr, "xuncha eval: %v\n", err)
		return 1
	}
	if len(report.Failed) > 0 {
		return 1
	}
	return 0
}

// baseName is the file name without folder and extension: corpus/x.txt -> x.
func baseName(name string) string {
	base := filepath.Base(name)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// failure turns an input's error into a report row: the input's name and what is wrong.
func failure(err error) eval.Failure {
	var ie *pipeline.InputError
	if errors.As(err, &ie) {
		return eval.Failure{Input: ie.Input, Reason: ie.Reason()}
	}
	return eval.Failure{Reason: err.Error()}
}
