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

	failures                       int
	declaredProblems, problems     int
	declaredMeasures, measures     int
	metrics, mismatched, rateCount int
	hasDeclaredP, hasDeclaredM     bool
	rateSum                        float64

	top    []chartRow     // the bulletins the charts show
	themes map[string]int // problems per theme
}

// overviewRow is one bulletin's row, as spilled.
type overviewRow struct {
	Seq                                 int
	Name, Title, Unit, Inspector, Kind  string
	Start, End, Feedback, AsOf, Publish bulletin.Day
	DeclaredProblems, DeclaredMeasures  *int
	Problems, Measures, Metrics         int
	Rate                                float64
	HasRate                             bool
	Check, SourceText, SourceLink       string
}

// chartRow is one bulletin in the charts.
type chartRow struct {
	seq, problems int
	name          string
	rate          float64
	hasRate       bool
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

// add spills the row of b and counts it into the totals and charts.
func (o *overview) add(b *bulletin.Bulletin, seq int, name string) error {
	o.count++
	r := overviewRow{
		Seq: seq, Name: name, Title: b.Title, Unit: b.Unit, Inspector: b.Inspector, Kind: b.Kind,
		Start: b.Inspection.Start, End: b.Inspection.End, Feedback: b.FeedbackDate, AsOf: b.AsOfDate,
		Publish: b.PublishDate, DeclaredProblems: b.Declared.ProblemsTotal,
		DeclaredMeasures: b.Declared.MeasuresTotal, Problems: len(b.Problems),
		Measures: countMeasures(b), Metrics: len(b.Metrics), Check: checkResult(b.Checks),
	}
	r.Rate, r.HasRate = completion(b)
	r.SourceText, r.SourceLink = o.source(b.Source)
	if r.DeclaredProblems != nil {
		o.declaredProblems += *r.DeclaredProblems
		o.hasDeclaredP = true
	}
	if r.DeclaredMeasures != nil {
		o.declaredMeasures += *r.DeclaredMeasures
		o.hasDeclaredM = true
	}
	o.problems += r.Problems
	o.measures += r.Measures
	o.metrics += r.Metrics
	if r.HasRate {
		o.rateSum += r.Rate
		o.rateCount++
	}
	if strings.HasPrefix(r.Check, "不一致") {
		o.mismatched++
	}
	o.addTop(chartRow{seq: seq, problems: r.Problems, name: name, rate: r.Rate, hasRate: r.HasRate})
	o.addThemes(b)
	o.widths.observe(o.cells(r))
	if err := o.enc.Encode(&r); err != nil {
		return fmt.Errorf("overview spill: %w", err)
	}
	return nil
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

// source is what the 来源 cell shows and where it links: an http(s) URL as it is, a file
// path relative to the workbook's folder (links keep working when both move together).
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
	rel, err := filepath.Rel(o.w.dir, abs)
	if err != nil {
		rel = abs
	}
	return src.Path, linkEscaper.Replace(filepath.ToSlash(rel))
}

// linkEscaper escapes the characters that would end a link's path (# a fragment, ? a query)
// and the escape character itself, so that hash#frag.txt links to that file, not to hash.
// Other characters (CJK names, spaces) are left as Excel and LibreOffice read them.
var linkEscaper = strings.NewReplacer("%", "%25", "#", "%23", "?", "%3F")

// cells is the 概览 row of r.
func (o *overview) cells(r overviewRow) []cell {
	var rate any
	if r.HasRate {
		rate = r.Rate
	}
	title := r.Title
	if title == "" {
		title = r.Name
	}
	return []cell{
		{v: r.Seq}, {v: nonEmpty(title)}, {v: nonEmpty(r.Unit)}, {v: nonEmpty(r.Inspector)},
		{v: nonEmpty(r.Kind)}, {v: dayValue(r.Start)}, {v: dayValue(r.End)}, {v: dayValue(r.Feedback)},
		{v: dayValue(r.AsOf)}, {v: dayValue(r.Publish)}, {v: intValue(r.DeclaredProblems)},
		{v: r.Problems}, {v: intValue(r.DeclaredMeasures)}, {v: r.Measures}, {v: rate},
		{v: nonEmpty(r.Check)}, {v: r.Metrics}, {v: nonEmpty(r.SourceText), ext: r.SourceLink},
	}
}

// totals is the row above the header.
func (o *overview) totals() []any {
	st := o.w.st
	row := make([]any, len(overviewCols))
	row[0] = excelize.Cell{StyleID: st.total, Value: "合计"}
	row[ovTitle-1] = excelize.Cell{StyleID: st.total, Value: fmt.Sprintf("%d 份公报", o.count)}
	if o.failures > 0 {
		row[ovUnit-1] = excelize.Cell{StyleID: st.total, Value: fmt.Sprintf("%d 个输入失败（见错误）", o.failures)}
	}
	num := func(col int, v int, ok bool) {
		if ok {
			row[col-1] = excelize.Cell{StyleID: st.totalInt, Value: v}
		}
	}
	num(ovDeclaredProblems, o.declaredProblems, o.hasDeclaredP)
	num(ovProblems, o.problems, true)
	num(ovDeclaredMeasures, o.declaredMeasures, o.hasDeclaredM)
	num(ovMeasures, o.measures, true)
	num(ovMetrics, o.metrics, true)
	if o.rateCount > 0 {
		row[ovRate-1] = excelize.Cell{StyleID: st.totalPct, Value: o.rateSum / float64(o.rateCount)}
	}
	row[ovCheck-1] = excelize.Cell{StyleID: st.total, Value: fmt.Sprintf("%d 份不一致", o.mismatched)}
	for i, v := range row {
		if v == nil {
			row[i] = excelize.Cell{StyleID: st.total} // the row's lines run across
		}
	}
	return row
}

// write writes 图表数据 and 概览 with its totals and charts.
func (o *overview) write() error {
	w := o.w
	data := w.sheets[SheetChartData]
	if err := w.open(data); err != nil {
		return err
	}
	bulletins, themes := o.chartBulletins(), o.chartThemes()
	for _, c := range bulletins {
		var rate any
		if c.hasRate {
			rate = c.rate
		}
		if err := data.add([]cell{{v: "公报"}, {v: c.name}, {v: c.problems}, {v: rate}}); err != nil {
			return err
		}
	}
	for _, t := range themes {
		if err := data.add([]cell{{v: "主题"}, {v: t.name}, {v: t.problems}}); err != nil {
			return err
		}
	}
	if err := data.finish(); err != nil {
		return err
	}

	s := w.sheets[SheetOverview]
	if err := w.open(s); err != nil {
		return err
	}
	s.top = [][]any{o.totals()}
	if err := o.buf.Flush(); err != nil {
		return fmt.Errorf("overview spill: %w", err)
	}
	if _, err := o.file.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("overview spill: %w", err)
	}
	dec := gob.NewDecoder(bufio.NewReader(o.file))
	for i := 0; i < o.count; i++ {
		var r overviewRow
		if err := dec.Decode(&r); err != nil {
			return fmt.Errorf("overview spill: %w", err)
		}
		if err := s.add(o.cells(r)); err != nil {
			return err
		}
	}
	if err := s.start(); err != nil {
		return err
	}
	if err := o.charts(len(bulletins), len(themes)); err != nil {
		return fmt.Errorf("charts: %w", err)
	}
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

// charts adds the three charts below the 概览 table, side by side; their data is on 图表数据,
// bulletins in rows 2..nb+1 and themes below them. Below, not beside: the table is wide, and
// below they print on the same page and show at once for the batches most runs write.
func (o *overview) charts(nb, nt int) error {
	if nb == 0 {
		return nil
	}
	s := o.w.sheets[SheetOverview]
	row, col := s.written+3, 2
	ref := func(c string, from, to int) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", SheetChartData, c, from, c, to)
	}
	// Each chart starts at the first column past the one before it; excelize anchors a chart
	// to the cells under it (8 pixels a width unit) and clamps offsets to the first cell.
	place := func(ch *excelize.Chart) error {
		if err := o.w.f.AddChart(SheetOverview, cellName(col, row), ch); err != nil {
			return err
		}
		for px := 0.0; px < float64(ch.Dimension.Width)+16; col++ {
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
	if err := place(countAxis(barChart("各公报问题数"+suffix, ref("B", 2, nb+1), ref("C", 2, nb+1),
		fmt.Sprintf("'%s'!$C$1", SheetChartData), nb, ""), o.maxProblems())); err != nil {
		return err
	}
	if nt > 0 {
		from := nb + 2
		if err := place(countAxis(barChart("各主题问题数", ref("B", from, from+nt-1), ref("C", from, from+nt-1),
			fmt.Sprintf("'%s'!$C$1", SheetChartData), nt, ""), o.maxTheme())); err != nil {
			return err
		}
	}
	return place(barChart("各公报完成率"+suffix, ref("B", 2, nb+1), ref("D", 2, nb+1),
		fmt.Sprintf("'%s'!$D$1", SheetChartData), nb, "0%"))
}

// countAxis labels the value axis of a chart of counts in whole numbers: a tick for every
// count when the largest is small (no 0.5 problems).
func countAxis(ch *excelize.Chart, largest int) *excelize.Chart {
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
