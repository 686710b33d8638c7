package workbook

import (
	"bufio"
	"encoding/gob"
	"fmt"
	"io"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// chartMax is the most bulletins (and themes) a chart shows; past it the charts show the
// bulletins with the most problems and the commonest themes.
const chartMax = 30

// overview collects the 概览 sheet while bulletins stream in. Its rows go to a temporary spill
// file (memory stays flat however many bulletins there are) and are written at Close, when the
// totals above them and the charts beside them are known.
type overview struct {
	w      *Writer
	file   *os.File
	buf    *bufio.Writer
	enc    *gob.Encoder
	count  int
	widths *sheet // measures the columns as rows arrive

	failures   int
	mismatched int // bulletins whose problem count or totals disagree (not the measure count)

	top    []chartRow     // the bulletins the charts show
	themes map[string]int // problems per theme
}

// overviewRow is one bulletin's row, as spilled.
type overviewRow struct {
	Seq                                            int
	Name, Title, Unit, Inspector, Round, Kind      string
	Start, End, Feedback, AsOf, Publish            bulletin.Day
	DeclaredProblems, DeclaredDone, DeclaredMoving *int
	DeclaredMeasures, DeclaredMeasuresDone         *int
	Problems, Measures, Metrics                    int
	FirstProblem                                   int // 问题 row of its first problem, 0 when none
	ProblemRate, MeasureRate                       *float64
	Check, SourceText, SourceLink                  string
}

// chartRow is one bulletin in the charts.
type chartRow struct {
	seq, problems int
	declared      *int
	name          string
	rate          *float64
}

func newOverview(w *Writer) (*overview, error) {
	f, err := os.CreateTemp("", "xuncha-overview-*")
	if err != nil {
		return nil, err
	}
	buf := bufio.NewWriter(f)
	s := w.sheets[SheetOverview]
	return &overview{w: w, file: f, buf: buf, enc: gob.NewEncoder(buf), widths: s, themes: map[string]int{}}, nil
}

// next is the 序号 and 概览 row the next bulletin gets.
func (o *overview) next() (seq, row int) {
	return o.count + 1, o.w.sheets[SheetOverview].headerRow + 1 + o.count
}

// add spills the row of b and counts it into the totals and charts; firstProblem is the 问题
// row of its first problem (0 when it has none).
func (o *overview) add(b *bulletin.Bulletin, seq int, name string, firstProblem int) error {
	o.count++
	d := b.Declared
	r := overviewRow{
		Seq: seq, Name: name, Title: b.Title, Unit: b.Unit, Inspector: b.Inspector, Round: b.Round,
		Kind: b.Kind, Start: b.Inspection.Start, End: b.Inspection.End, Feedback: b.FeedbackDate,
		AsOf: b.AsOfDate, Publish: b.PublishDate, DeclaredProblems: d.ProblemsTotal,
		DeclaredDone: d.ProblemsDone, DeclaredMoving: d.ProblemsInProgress,
		DeclaredMeasures: d.MeasuresTotal, DeclaredMeasuresDone: d.MeasuresDone, Problems: len(b.Problems), Measures: countMeasures(b),
		Metrics: len(b.Metrics), FirstProblem: firstProblem, Check: checkResult(b.Checks),
		ProblemRate: ratio(d.ProblemsDone, d.ProblemsTotal),
		MeasureRate: ratio(d.MeasuresDone, d.MeasuresTotal),
	}
	r.SourceText, r.SourceLink = o.source(b.Source)
	if strings.HasPrefix(r.Check, "不一致") {
		o.mismatched++
	}
	o.addTop(chartRow{seq: seq, problems: r.Problems, declared: r.DeclaredProblems, name: name, rate: r.ProblemRate})
	o.addThemes(b)
	o.widths.observe(o.cells(r))
	if err := o.enc.Encode(&r); err != nil {
		return fmt.Errorf("overview spill: %w", err)
	}
	return nil
}

// ratio is done ÷ total as a fraction, nil unless both are declared and total is positive: every
// row's rate is computed the same way, from the bulletin's own figures.
func ratio(done, total *int) *float64 {
	if done == nil || total == nil || *total <= 0 {
		return nil
	}
	r := float64(*done) / float64(*total)
	return &r
}

// addTop keeps the chartMax bulletins with the most problems (the earlier on ties).
func (o *overview) addTop(c chartRow) {
	if len(o.top) < chartMax {
		o.top = append(o.top, c)
		return
	}
	low := 0
	for i, t := range o.top {
		if t.problems < o.top[low].problems || (t.problems == o.top[low].problems && t.seq > o.top[low].seq) {
			low = i
		}
	}
	if c.problems > o.top[low].problems {
		o.top[low] = c
	}
}

// addThemes counts the problems of b per theme: the bulletin's theme counts when it has
// them, else its problems' themes; problems without a theme count as 未归类.
func (o *overview) addThemes(b *bulletin.Bulletin) {
	if len(b.Themes) > 0 {
		for _, t := range b.Themes {
			o.themes[nonEmptyOr(t.Theme, "未归类")] += t.Count
		}
		return
	}
	for _, p := range b.Problems {
		o.themes[nonEmptyOr(p.Theme, "未归类")]++
	}
}

// source is what the 来源 cell shows and where it links: an http(s) URL as it is, a file by
// its absolute path, so the link still works when the workbook is mailed on its own (on
// another machine it names where the file was).
func (o *overview) source(src bulletin.Source) (text, target string) {
	if u, err := url.Parse(src.URL); err == nil && src.URL != "" && (u.Scheme == "http" || u.Scheme == "https") {
		return src.URL, src.URL
	}
	if src.Path == "" {
		return src.URL, ""
	}
	abs, err := filepath.Abs(src.Path)
	if err != nil {
		return src.Path, ""
	}
	return abs, linkEscaper.Replace(filepath.ToSlash(abs))
}

// linkEscaper escapes the characters that would end a link's path (# a fragment, ? a query)
// and the escape character itself, so that hash#frag.txt links to that file, not to hash.
// Other characters (CJK names, spaces) are left as Excel and LibreOffice read them.
var linkEscaper = strings.NewReplacer("%", "%25", "#", "%23", "?", "%3F")

// cells is the 概览 row of r.
func (o *overview) cells(r overviewRow) []cell {
	st := o.w.st
	title := r.Title
	if title == "" {
		title = r.Name
	}
	found := cell{v: r.Problems}
	if r.FirstProblem > 0 {
		found.to = &loc{o.w.sheets[SheetProblems], pbID, r.FirstProblem}
	}
	return []cell{
		{v: r.Seq}, {v: nonEmpty(title)}, {v: nonEmpty(r.Unit)}, {v: nonEmpty(r.Inspector)},
		{v: nonEmpty(r.Round)}, {v: nonEmpty(r.Kind)}, dayCell(r.Start, st), dayCell(r.End, st), dayCell(r.Feedback, st),
		dayCell(r.AsOf, st), dayCell(r.Publish, st), {v: intValue(r.DeclaredProblems)}, found,
		{v: intValue(r.DeclaredDone)}, {v: intValue(r.DeclaredMoving)}, {v: intValue(r.DeclaredMeasures)},
		{v: intValue(r.DeclaredMeasuresDone)}, {v: r.Measures}, {v: floatValue(r.ProblemRate)}, {v: floatValue(r.MeasureRate)},
		{v: nonEmpty(r.Check)}, {v: r.Metrics}, {v: nonEmpty(r.SourceText), ext: r.SourceLink},
	}
}

// floatValue is an optional fraction as a cell value.
func floatValue(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// totals is the 合计 row below the table, rows first..last: SUBTOTAL(109, …) sums only the rows
// a filter shows, and the rates are quotients of such sums over the bulletins that declare both
// figures, so the row follows any filter. Each formula carries its value for the whole table,
// for programs that do not calculate.
func (o *overview) totals(first, last int, sums map[int]float64, pairs [2]pairSum) []any {
	st := o.w.st
	row := make([]any, len(overviewCols))
	row[0] = excelize.Cell{StyleID: st.total, Value: "合计"}
	label := fmt.Sprintf("%d 份公报", o.count)
	if o.failures > 0 {
		label += fmt.Sprintf("，%d 个输入失败（见错误）", o.failures)
	}
	row[ovUnit-1] = excelize.Cell{StyleID: st.total, Value: label}
	col := func(c int) string { return columnLetter(c) }
	sum := func(c int) {
		row[c-1] = excelize.Cell{StyleID: st.totalInt, Value: sums[c],
			Formula: fmt.Sprintf("SUBTOTAL(109,%s%d:%s%d)", col(c), first, col(c), last)}
	}
	for _, c := range []int{ovDeclaredProblems, ovProblems, ovDeclaredDone, ovDeclaredProgress,
		ovDeclaredMeasures, ovMeasuresDone, ovMeasures, ovMetrics} {
		sum(c)
	}
	// pair sums the shown rows of column a whose column b is filled: SUBTOTAL over each row
	// (OFFSET) is 0 for a row a filter hides. A rate is done ÷ total over the bulletins that
	// declare both, so a bulletin that declares its total alone does not lower it.
	pair := func(a, b int) string {
		return fmt.Sprintf(`SUMPRODUCT(SUBTOTAL(109,OFFSET(%[1]s%[3]d,ROW(%[1]s%[3]d:%[1]s%[4]d)-ROW(%[1]s%[3]d),0)),--(%[2]s%[3]d:%[2]s%[4]d<>""))`,
			col(a), col(b), first, last)
	}
	rate := func(c, done, total int, p pairSum) {
		cl := excelize.Cell{StyleID: st.totalPct,
			Formula: fmt.Sprintf(`IFERROR(%s/%s,"")`, pair(done, total), pair(total, done))}
		if p.total > 0 {
			cl.Value = p.done / p.total
		}
		row[c-1] = cl
	}
	rate(ovProblemRate, ovDeclaredDone, ovDeclaredProblems, pairs[0])
	rate(ovMeasureRate, ovMeasuresDone, ovDeclaredMeasures, pairs[1])
	row[ovCheck-1] = excelize.Cell{StyleID: st.total, Value: fmt.Sprintf("%d 份不一致", o.mismatched)}
	for i, v := range row {
		if v == nil {
			row[i] = excelize.Cell{StyleID: st.total} // the row's lines run across
		}
	}
	return row
}

// pairSum is done and total summed over the bulletins that declare both.
type pairSum struct{ done, total float64 }

// columnLetter is the letter of a column: 1 is A.
func columnLetter(c int) string {
	name, err := excelize.ColumnNumberToName(c)
	if err != nil {
		return "A"
	}
	return name
}

// write writes 图表 (the charts and their data) and 概览 with its 合计 row.
func (o *overview) write() error {
	w := o.w
	data := w.sheets[SheetChartData]
	if err := w.open(data); err != nil {
		return err
	}
	bulletins, themes := o.chartBulletins(), o.chartThemes()
	for _, c := range bulletins {
		if err := data.add([]cell{{v: "公报"}, {v: c.name}, {v: c.problems}, {v: intValue(c.declared)},
			{v: floatValue(c.rate)}}); err != nil {
			return err
		}
	}
	for _, t := range themes {
		if err := data.add([]cell{{v: "主题"}, {v: t.name}, {v: t.problems}}); err != nil {
			return err
		}
	}
	if err := data.start(); err != nil {
		return err
	}
	if err := o.charts(len(bulletins), len(themes)); err != nil {
		return fmt.Errorf("charts: %w", err)
	}
	if err := data.finish(); err != nil {
		return err
	}

	s := w.sheets[SheetOverview]
	if err := w.open(s); err != nil {
		return err
	}
	if err := o.buf.Flush(); err != nil {
		return fmt.Errorf("overview spill: %w", err)
	}
	if _, err := o.file.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("overview spill: %w", err)
	}
	sums := map[int]float64{}
	var pairs [2]pairSum // problems, measures
	both := func(k int, done, total *int) {
		if done != nil && total != nil {
			pairs[k].done += float64(*done)
			pairs[k].total += float64(*total)
		}
	}
	add := func(c int, p *int) {
		if p != nil {
			sums[c] += float64(*p)
		}
	}
	dec := gob.NewDecoder(bufio.NewReader(o.file))
	for i := 0; i < o.count; i++ {
		var r overviewRow
		if err := dec.Decode(&r); err != nil {
			return fmt.Errorf("overview spill: %w", err)
		}
		add(ovDeclaredProblems, r.DeclaredProblems)
		add(ovDeclaredDone, r.DeclaredDone)
		add(ovDeclaredProgress, r.DeclaredMoving)
		add(ovDeclaredMeasures, r.DeclaredMeasures)
		add(ovMeasuresDone, r.DeclaredMeasuresDone)
		both(0, r.DeclaredDone, r.DeclaredProblems)
		both(1, r.DeclaredMeasuresDone, r.DeclaredMeasures)
		sums[ovProblems] += float64(r.Problems)
		sums[ovMeasures] += float64(r.Measures)
		sums[ovMetrics] += float64(r.Metrics)
		if err := s.add(o.cells(r)); err != nil {
			return err
		}
	}
	if err := s.start(); err != nil {
		return err
	}
	first, last := s.headerRow+1, max(s.written, s.headerRow+1)
	s.bottom = [][]any{o.totals(first, last, sums, pairs)}
	return s.finish()
}

// chartBulletins are the bulletins the charts show: all of them in order when they fit,
// else the chartMax with the most problems, most first.
func (o *overview) chartBulletins() []chartRow {
	top := append([]chartRow(nil), o.top...)
	if o.count > chartMax {
		sort.SliceStable(top, func(i, j int) bool {
			if top[i].problems != top[j].problems {
				return top[i].problems > top[j].problems
			}
			return top[i].seq < top[j].seq
		})
	} else {
		sort.SliceStable(top, func(i, j int) bool { return top[i].seq < top[j].seq })
	}
	return top
}

// chartThemes are the themes by number of problems, the rarest folded into 其他 past chartMax.
func (o *overview) chartThemes() []chartRow {
	var ts []chartRow
	for name, n := range o.themes {
		ts = append(ts, chartRow{name: name, problems: n})
	}
	sort.Slice(ts, func(i, j int) bool {
		if ts[i].problems != ts[j].problems {
			return ts[i].problems > ts[j].problems
		}
		return ts[i].name < ts[j].name
	})
	if len(ts) > chartMax {
		rest := 0
		for _, t := range ts[chartMax-1:] {
			rest += t.problems
		}
		ts = append(ts[:chartMax-1], chartRow{name: "其他", problems: rest})
	}
	return ts
}

// charts adds the three charts to 图表, side by side to the right of their data (bulletins in
// rows 2..nb+1, themes below them). Not on 概览: its folded columns are zero wide on screen,
// and a chart anchored over them would be drawn squeezed.
func (o *overview) charts(nb, nt int) error {
	if nb == 0 {
		return nil
	}
	s := o.w.sheets[SheetChartData]
	row, col := 2, len(chartDataCols)+2
	ref := func(c string, from, to int) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", SheetChartData, c, from, c, to)
	}
	// Each chart starts at the first column past the one before it; excelize anchors a chart
	// to the cells under it (8 pixels a width unit) and clamps offsets to the first cell.
	place := func(ch *excelize.Chart) error {
		if err := o.w.f.AddChart(SheetChartData, cellName(col, row), ch); err != nil {
			return err
		}
		for px := 0.0; px < float64(ch.Dimension.Width)*1.15+16; col++ { // LibreOffice draws default columns narrower than 8 pixels a unit
			w := 9.140625 // the default column width
			if col <= len(s.widths) {
				w = s.widths[col-1]
			}
			px += w * 8
		}
		return nil
	}
	suffix := ""
	if o.count > chartMax {
		suffix = fmt.Sprintf("（问题最多的 %d 份）", nb)
	}
	problems := countAxis(barChart("各公报声明与识别问题数"+suffix, ref("B", 2, nb+1), ref("C", 2, nb+1),
		fmt.Sprintf("'%s'!$C$1", SheetChartData), nb, ""), o.maxProblems())
	problems.Series = append([]excelize.ChartSeries{{Name: fmt.Sprintf("'%s'!$D$1", SheetChartData),
		Categories: ref("B", 2, nb+1), Values: ref("D", 2, nb+1)}}, problems.Series...)
	problems.Legend = excelize.ChartLegend{Position: "bottom"}
	if err := place(problems); err != nil {
		return err
	}
	if nt > 0 {
		from := nb + 2
		if err := place(countAxis(barChart("各主题问题数", ref("B", from, from+nt-1), ref("C", from, from+nt-1),
			fmt.Sprintf("'%s'!$C$1", SheetChartData), nt, ""), o.maxTheme())); err != nil {
			return err
		}
	}
	return place(barChart("各公报问题完成率（声明）"+suffix, ref("B", 2, nb+1), ref("E", 2, nb+1),
		fmt.Sprintf("'%s'!$E$1", SheetChartData), nb, "0%"))
}

// countAxis labels the value axis of a chart of counts in whole numbers: a tick for every
// count when the largest is small (no 0.5 problems).
func countAxis(ch *excelize.Chart, largest int) *excelize.Chart {
	zero := 0.0
	ch.YAxis.Minimum = &zero // from 0, so 11 does not look like half of 12
	ch.YAxis.NumFmt = excelize.ChartNumFmt{CustomNumFmt: "0"}
	if largest <= 10 {
		ch.YAxis.MajorUnit = 1
	}
	return ch
}

func (o *overview) maxProblems() int {
	m := 0
	for _, t := range o.top {
		m = max(m, t.problems)
		if t.declared != nil {
			m = max(m, *t.declared)
		}
	}
	return m
}

func (o *overview) maxTheme() int {
	m := 0
	for _, n := range o.themes {
		m = max(m, n)
	}
	return m
}

// axisFont is dark enough to read (excelize's default is 85% light gray).
var axisFont = excelize.Font{Color: "404040", Size: 9}

// barChart is a horizontal bar chart, first category at the top, values labelled.
func barChart(title, categories, values, name string, n int, pct string) *excelize.Chart {
	noVary := false
	h := uint(math.Min(math.Max(float64(70+26*n), 220), 640))
	ch := &excelize.Chart{
		Type:       excelize.Bar,
		Series:     []excelize.ChartSeries{{Name: name, Categories: categories, Values: values}},
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Size: 12, Bold: true, Color: "262626"}}}},
		Legend:     excelize.ChartLegend{Position: "none"},
		Dimension:  excelize.ChartDimension{Width: 560, Height: h},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true},
		XAxis:      excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
		YAxis:      excelize.ChartAxis{Font: axisFont, MajorGridLines: true},
		VaryColors: &noVary,
	}
	if pct != "" {
		one, zero := 1.0, 0.0
		ch.YAxis.Maximum, ch.YAxis.Minimum = &one, &zero
		ch.YAxis.NumFmt = excelize.ChartNumFmt{CustomNumFmt: pct}
		ch.PlotArea.NumFmt = excelize.ChartNumFmt{CustomNumFmt: "0.0%"}
		ch.Series[0].DataLabelPosition = excelize.ChartDataLabelsPositionInsideEnd // 100% fits
	}
	return ch
}

// close removes the spill file.
func (o *overview) close() {
	if o.file != nil {
		name := o.file.Name()
		_ = o.file.Close()
		_ = os.Remove(name)
		o.file = nil
	}
}
