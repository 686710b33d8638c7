package eval

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Report is the evaluation of a batch: one FileScore per scored input, their micro-averaged
// total, the inputs that had no gold and those that failed.
type Report struct {
	Files    []FileScore `json:"files"`
	Total    FileScore   `json:"total"`    // counts summed over Files (micro-average)
	Unscored []string    `json:"unscored"` // inputs read but without a gold file
	Failed   []Failure   `json:"failed"`   // inputs that could not be read
}

// Failure is an input that could not be read or extracted.
type Failure struct {
	Input  string `json:"input"`
	Reason string `json:"reason"`
}

// Add appends a file's score and adds its counts to the total.
func (r *Report) Add(f FileScore) {
	r.Files = append(r.Files, f)
	r.Total.Name = "ALL"
	r.Total.Add(f)
}

// Write prints the report as plain aligned tables: the micro-averaged figures per metric, then
// one row a file; with verbose, each file's misses after the tables.
func (r *Report) Write(w io.Writer, verbose bool) error {
	ew := &errWriter{w: w}
	t := r.Total
	fmt.Fprintf(ew, "scored %d file(s); %d without gold; %d failed\n\n", len(r.Files), len(r.Unscored), len(r.Failed))

	tw := tabwriter.NewWriter(ew, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "METRIC\tTP\tFP\tFN\tP\tR\tF1\t")
	for _, m := range []struct {
		name string
		c    Counts
	}{
		{MetricProblems, t.Problems},
		{MetricUnquoted, t.Unquoted},
		{MetricHeadings, t.Headings},
		{MetricQuantities, t.Quantities},
		{MetricQuantitiesText, t.QuantitiesText},
	} {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", m.name, m.c.TP, m.c.FP, m.c.FN,
			m.c.Precision(), m.c.Recall(), m.c.F1())
	}
	tw.Flush()
	fmt.Fprintln(ew)

	tw = tabwriter.NewWriter(ew, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "METRIC\tCORRECT\tTOTAL\tACCURACY\t")
	for _, m := range []struct {
		name string
		a    Accuracy
	}{
		{"header facts", t.Facts},
		{MetricDeclared, t.Declared},
		{MetricContacts, t.Contacts},
		{MetricMeasures, t.MeasureMarkers},
		{MetricDocument, t.Document},
		{MetricLedger, t.Ledger},
	} {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t\n", m.name, m.a.Correct, m.a.Total, m.a.Rate())
	}
	tw.Flush()

	if len(r.Files) > 0 {
		fmt.Fprintln(ew)
		tw = tabwriter.NewWriter(ew, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "FILE\tPROBLEMS P/R/F1\tHEADINGS P/R/F1\tQUANTITIES P/R/F1\tFACTS\tDECLARED\tCONTACTS\tMEASURES\tDOCUMENT\tLEDGER\t")
		for _, f := range r.Files {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", f.Name,
				prf(f.Problems), prf(f.Headings), prf(f.Quantities),
				frac(f.Facts), frac(f.Declared), frac(f.Contacts), frac(f.MeasureMarkers), frac(f.Document), frac(f.Ledger))
		}
		tw.Flush()
	}

	if len(r.Unscored) > 0 {
		fmt.Fprintf(ew, "\nunscored (no gold): %s\n", strings.Join(r.Unscored, ", "))
	}
	for _, f := range r.Failed {
		fmt.Fprintf(ew, "failed: %s: %s\n", f.Input, f.Reason)
	}

	if verbose {
		for _, f := range r.Files {
			if len(f.Misses) == 0 {
				continue
			}
			fmt.Fprintf(ew, "\n%s: %d miss(es)\n", f.Name, len(f.Misses))
			for _, m := range f.Misses {
				fmt.Fprintf(ew, "  %s\n", m)
			}
		}
	}
	return ew.err
}

// String is the one-line form of a miss used by the verbose report.
func (m Miss) String() string {
	name := m.Metric
	if m.Field != "" {
		name += "." + m.Field
	}
	switch m.Kind {
	case Missing:
		return fmt.Sprintf("%-16s missing  %s", name, m.Gold)
	case Extra:
		return fmt.Sprintf("%-16s extra    %s", name, m.Got)
	}
	return fmt.Sprintf("%-16s wrong    gold %s, got %s", name, m.Gold, m.Got)
}

func prf(c Counts) string {
	return fmt.Sprintf("%.2f/%.2f/%.2f", c.Precision(), c.Recall(), c.F1())
}

func frac(a Accuracy) string {
	if a.Total == 0 {
		return "-"
	}
	return fmt.Sprintf("%d/%d", a.Correct, a.Total)
}

// errWriter keeps the first write error so the printing code stays linear.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return len(p), nil
	}
	n, err := e.w.Write(p)
	if err != nil {
		e.err = err
	}
	return n, nil
}
