// Package workbook writes bulletins to Excel workbooks and to JSON Lines.
//
// A workbook has the sheets 概览 (one row a bulletin, a 合计 row below), 图表 (the charts and
// their data), 问题 (the 整改台账, one row a problem), 按单位汇总, 逾期, 措施, 指标, 章节, 段落,
// 关键词 and 错误. Every sheet is one Excel table with a frozen header, CJK-sized columns and
// number formats; rows link to their bulletin's 概览 row, problems to their paragraphs and
// measures back to their problems. Rows are streamed with excelize's StreamWriter, so memory
// does not grow with the number of rows; the file is written to a temporary file beside the
// target and renamed into place, so a failure never leaves a half-written workbook. Text from
// bulletins is always written as text, never as a formula (the 合计 row's SUBTOTALs are the
// only formulas), and the same bulletins give the same bytes.
package workbook

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/xuri/excelize/v2"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// fixedTime is the creation and modification time written into every workbook, so the same
// input gives the same bytes.
const fixedTime = "2000-01-01T00:00:00Z"

// Writer streams bulletins into one workbook. Its methods may be called from several
// goroutines, but rows appear in the order of the calls: call Add in input order.
type Writer struct {
	mu      sync.Mutex
	path    string // where Close puts the workbook
	dir     string // absolute folder of path, for relative source links
	tmp     *os.File
	f       *excelize.File
	st      styles
	sheets  map[string]*sheet
	order   []*sheet
	ov      *overview
	problem int // 序号 of the last problem written
	measure int // 序号 of the last measure written
	err     error
	closed  bool
	dropped []string    // what a full sheet could not hold, one sentence each (see Dropped)
	specs   []sheetSpec // the sheets, when not sheetSpecs (a report adds 共性问题)

	units   map[string]*unitTally // 按单位汇总, by folded unit name
	overdue *sheet                // 逾期, nil in a report (the archive's replaces it)
	copies  map[string]string     // copyKey -> name of the bulletin first written
}

// tempPattern is the pattern of the temporary file beside the workbook named base: the name
// with a dot before and a random part after, or a short fixed name where that would pass the
// file-name limit of common file systems (255 bytes), so any valid -o works.
func tempPattern(base string) string {
	const maxName, extra = 255, len(".") + len(".") + 10 + len(".tmp")
	if len(base)+extra > maxName {
		return ".xuncha-*.tmp"
	}
	return "." + base + ".*.tmp"
}

// Create starts a workbook that Close will save atomically at path: rows go to a temporary
// file in the same folder, renamed to path only when the workbook is complete.
func Create(path string) (*Writer, error) {
	return create(path, nil)
}

func create(path string, specs []sheetSpec) (*Writer, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("无法创建工作簿 %s：%w", path, err)
	}
	dir := filepath.Dir(abs)
	tmp, err := os.CreateTemp(dir, tempPattern(filepath.Base(abs)))
	if err != nil {
		return nil, fmt.Errorf("无法创建工作簿 %s：%s", path, describeFS(err))
	}
	w := &Writer{path: path, dir: dir, tmp: tmp, f: excelize.NewFile(), sheets: map[string]*sheet{}, specs: specs,
		units: map[string]*unitTally{}, copies: map[string]string{}}
	if err := w.setup(); err != nil {
		w.Abort()
		return nil, fmt.Errorf("无法创建工作簿 %s：%w", path, err)
	}
	return w, nil
}

// setup creates the sheets, styles and the streams of the sheets filled by Add.
func (w *Writer) setup() error {
	f := w.f
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator: "Xuncha", LastModifiedBy: "Xuncha", Created: fixedTime, Modified: fixedTime,
		Title: "巡察整改公报", Language: "zh-CN",
	}); err != nil {
		return err
	}
	var err error
	if w.st, err = newStyles(f); err != nil {
		return err
	}
	specs := w.specs
	if specs == nil {
		specs = sheetSpecs
	}
	for i, spec := range specs {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", spec.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(spec.name); err != nil {
			return err
		}
		s := &sheet{name: spec.name, table: spec.table, index: i + 1, cols: spec.cols,
			xSplit: spec.xSplit, headerRow: 1, wrapRows: spec.wrapRows, w: w}
		w.sheets[spec.name] = s
		w.order = append(w.order, s)
	}
	// 概览's links (来源 out, 识别问题数 to 问题) are injected like every sheet's, the external
	// ones with their relationships (sheet.extRels).
	if w.specs == nil {
		w.overdue = w.sheets[SheetOverdue]
	}
	for _, s := range w.order {
		if err := w.pageSetup(s); err != nil {
			return err
		}
	}
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: boolPtr(true)}); err != nil {
		return err
	}
	for _, s := range w.order {
		switch s.name {
		case SheetOverview, SheetChartData:
			continue // written by Close, when the totals are known
		}
		if err := w.open(s); err != nil {
			return err
		}
	}
	w.ov, err = newOverview(w)
	return err
}

// pageSetup prints a sheet landscape, one page wide, with its header on every page: 概览 and
// 问题 on A3 (the ledger's twelve shown columns at a readable size; the folded columns do not
// print), the others on A4. The sheet properties must be set before the sheet's stream starts.
func (w *Writer) pageSetup(s *sheet) error {
	fit := true
	if err := w.f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	paper, landscape, wide, tall := 9, "landscape", 1, 0 // 9 is A4
	if s.name == SheetOverview || s.name == SheetProblems {
		paper = 8 // A3
	}
	if err := w.f.SetPageLayout(s.name, &excelize.PageLayoutOptions{
		Size: &paper, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	return w.f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", Scope: s.name,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", s.name, s.headerRow, s.headerRow),
	})
}

func boolPtr(b bool) *bool { return &b }

// describeFS says in Chinese why a file could not be made in a folder.
func describeFS(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "所在文件夹不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有在所在文件夹写入的权限"
	case errors.Is(err, syscall.ENOSPC):
		return "磁盘已满"
	case errors.Is(err, syscall.EROFS):
		return "所在文件系统只读"
	}
	return err.Error()
}

// open starts the stream of a sheet.
func (w *Writer) open(s *sheet) error {
	sw, err := w.f.NewStreamWriter(s.name)
	if err != nil {
		return fmt.Errorf("sheet %s: %w", s.name, err)
	}
	s.sw = sw
	return nil
}

// Add writes one bulletin's rows to every sheet.
func (w *Writer) Add(b *bulletin.Bulletin) error {
	if b == nil {
		return errors.New("workbook: nil bulletin")
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.usable(); err != nil {
		return err
	}
	if key := copyKey(b); key != "" {
		if first, ok := w.copies[key]; ok {
			return w.addNote(sourceName(b), "转载副本：与“"+first+"”单位相同、问题相同，未重复写入")
		}
		w.copies[key] = sourceName(b)
	}
	if err := w.add(b); err != nil {
		w.err = fmt.Errorf("工作簿 %s：%w", w.path, err)
		return w.err
	}
	return nil
}

// AddDuplicate records in 错误 an input skipped because its bytes are those of an earlier one.
func (w *Writer) AddDuplicate(input, of string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.usable(); err != nil {
		return err
	}
	return w.addNote(input, "重复：与 "+of+" 内容相同，未重复写入")
}

// addNote writes a row to 错误 that is not a failure (a duplicate, a copy).
func (w *Writer) addNote(input, reason string) error {
	if err := w.sheets[SheetFailures].add([]cell{{v: nonEmpty(input)}, {v: nonEmpty(reason)}}); err != nil {
		w.err = fmt.Errorf("工作簿 %s：%w", w.path, err)
		return w.err
	}
	return nil
}

// sourceName names a bulletin's input as the 错误 sheet shows it: its path or URL.
func sourceName(b *bulletin.Bulletin) string {
	return nonEmptyOr(b.Source.Path, nonEmptyOr(b.Source.URL, nonEmptyOr(b.Unit, b.Title)))
}

// usable says why the writer cannot take more rows, if it cannot.
func (w *Writer) usable() error {
	if w.closed {
		return fmt.Errorf("工作簿 %s 已关闭", w.path)
	}
	return w.err
}

// add writes the rows of b.
func (w *Writer) add(b *bulletin.Bulletin) error {
	seq, ovRow := w.ov.next()
	name := shortName(b, seq)
	bull := func() cell { return cell{v: name, to: &loc{w.sheets[SheetOverview], ovUnit, ovRow}} }

	problems, measures := w.sheets[SheetProblems], w.sheets[SheetMeasures]
	problemRow := make(map[string]int, len(b.Problems))
	for i, p := range b.Problems {
		if _, dup := problemRow[p.ID]; !dup { // the first problem wins when IDs repeat
			problemRow[p.ID] = problems.nextRow() + i
		}
	}
	toProblem := func(id string) cell {
		if r, ok := problemRow[id]; ok && id != "" {
			return cell{v: id, to: &loc{problems, pbID, r}}
		}
		return cell{v: nonEmpty(id)}
	}
	paraRow := w.paragraphRows(b)

	firstProblem := 0
	if len(b.Problems) > 0 {
		firstProblem = problems.nextRow()
	}
	ledger := newLedgerFacts(b)
	unitName := nonEmpty(nonEmptyOr(b.Unit, name)) // 被巡察单位, else what names the bulletin
	unit := w.unitRow(b, name)
	for _, p := range b.Problems {
		w.problem++
		row, due := ledger.row(p)
		// 问题编号 links to the problem's paragraph in 段落, its source (its measures are in the
		// row already). Not 问题表现: LibreOffice does not wrap a cell that holds a link.
		id := cell{v: problemNo(seq, p.ID)}
		if r, ok := paraRow[p.Paragraph]; ok {
			id.to = &loc{w.sheets[SheetParagraphs], 6, r}
		}
		desc := cell{v: nonEmpty(row.desc)}
		pRow := problems.nextRow()
		if err := problems.add([]cell{
			{v: w.problem}, id, {v: unitName, to: &loc{w.sheets[SheetOverview], ovUnit, ovRow}},
			{v: nonEmpty(b.Inspector)}, {v: nonEmpty(b.Round)},
			{v: nonEmpty(p.Category)}, {v: nonEmpty(p.Topic)}, desc,
			{v: nonEmpty(joinNumbered(p.Measures))}, {v: nonEmpty(p.Department)}, {v: nonEmpty(p.Person)},
			{v: nonEmpty(p.Deadline)}, {v: row.due}, {v: nonEmpty(p.Status)}, {v: row.source},
			ledger.asOfCell(w.st), {v: nonEmpty(row.note)},
			{v: nonEmpty(p.Theme)}, {v: nonEmpty(strings.Join(p.Orgs, "、"))},
			{v: nonEmpty(joinKeywords(p.Keywords))}, {v: nonEmpty(joinMetrics(p.Metrics))},
		}); err != nil {
			return err
		}
		unit.count(p.Status, due > 0)
		if due > 0 && w.overdue != nil {
			if err := w.overdue.add([]cell{
				{v: problemNo(seq, p.ID), to: &loc{problems, pbID, pRow}}, {v: unitName},
				{v: nonEmpty(row.desc)}, {v: nonEmpty(p.Deadline)}, {v: row.due}, ledger.asOfCell(w.st),
				{v: due}, {v: nonEmpty(p.Status)},
			}); err != nil {
				return err
			}
		}
		for _, m := range p.Measures {
			w.measure++
			var ord any
			if m.Ordinal > 0 {
				ord = m.Ordinal
			}
			if err := measures.add([]cell{
				{v: w.measure}, {v: problemNo(seq, p.ID), to: &loc{problems, pbID, pRow}}, bull(),
				{v: ord}, {v: nonEmpty(m.Text)},
			}); err != nil {
				return err
			}
		}
	}

	metrics := w.sheets[SheetMetrics]
	seen := make(map[[3]int]bool, len(b.Metrics))
	addMetric := func(m bulletin.Metric, owner string) error {
		key := [3]int{m.Paragraph, m.Start, m.End}
		if seen[key] {
			return nil
		}
		seen[key] = true
		if m.Owner != "" {
			owner = m.Owner
		}
		return metrics.add([]cell{
			{v: nonEmpty(m.Text)}, metricValue(m, w.st), {v: nonEmpty(m.Unit)}, {v: nonEmpty(kindName(m.Kind))},
			{v: yes(m.Approx)}, {v: m.Paragraph}, toProblem(owner), bull(),
		})
	}
	for _, m := range b.Metrics {
		if err := addMetric(m, ""); err != nil {
			return err
		}
	}
	for _, p := range b.Problems {
		for _, m := range p.Metrics {
			if err := addMetric(m, p.ID); err != nil {
				return err
			}
		}
	}

	sections := w.sheets[SheetSections]
	for _, s := range b.Sections {
		if err := sections.add([]cell{
			{v: nonEmpty(s.ID)}, {v: s.Level}, {v: nonEmpty(s.Marker)}, {v: nonEmpty(s.Title)},
			{v: nonEmpty(s.Parent)}, bull(),
		}); err != nil {
			return err
		}
	}

	paras := w.sheets[SheetParagraphs]
	for _, p := range b.Paragraphs {
		role := roleName(p.Role)
		for i, part := range splitCell(p.Text, maxCellUnits) {
			r := role
			if i > 0 {
				r = role + "（续）"
			}
			if err := paras.add([]cell{
				bull(), {v: p.Index}, {v: nonEmpty(r)}, {v: nonEmpty(p.Section)}, toProblem(p.Problem),
				{v: nonEmpty(part)},
			}); err != nil {
				return err
			}
		}
	}

	keywords := w.sheets[SheetKeywords]
	addKeywords := func(ks []bulletin.Keyword, scope string) error {
		for _, k := range ks {
			if err := keywords.add([]cell{bull(), {v: nonEmpty(k.Term)}, {v: k.Weight}, {v: scope}}); err != nil {
				return err
			}
		}
		return nil
	}
	if err := addKeywords(b.Keywords, "全文"); err != nil {
		return err
	}
	for _, p := range b.Problems {
		if err := addKeywords(p.Keywords, nonEmptyOr(p.ID, "问题")); err != nil {
			return err
		}
	}
	return w.ov.add(b, seq, name, firstProblem)
}

// paragraphRows maps each paragraph's index to its first row on 段落, where the rows of b will
// go (a paragraph longer than a cell takes several rows).
func (w *Writer) paragraphRows(b *bulletin.Bulletin) map[int]int {
	rows := make(map[int]int, len(b.Paragraphs))
	r := w.sheets[SheetParagraphs].nextRow()
	for _, p := range b.Paragraphs {
		if _, seen := rows[p.Index]; !seen {
			rows[p.Index] = r
		}
		if len(p.Text) <= maxCellUnits {
			r++
		} else {
			r += len(splitCell(p.Text, maxCellUnits))
		}
	}
	return rows
}

// problemNo is a problem's 问题编号, unique in the workbook: the bulletin's 序号 and the
// problem's ID in it (3-P1).
func problemNo(seq int, id string) string {
	return itoa(seq) + "-" + nonEmptyOr(id, "P?")
}

// metricValue is a metric's number with its format: money with separators, a percentage as a
// fraction shown with %, other numbers plain.
func metricValue(m bulletin.Metric, st styles) cell {
	switch {
	case m.Kind == "percent" || m.Unit == "%":
		return cell{v: m.Value / 100, style: st.pct}
	case m.Value == float64(int64(m.Value)) && m.Value < 1e15 && m.Value > -1e15:
		return cell{v: m.Value, style: st.int}
	}
	return cell{v: m.Value, style: st.num2}
}

// nonEmpty is s as a cell value, nil when empty so the cell stays blank.
func nonEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nonEmptyOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

func yes(b bool) any {
	if b {
		return "是"
	}
	return nil
}

// AddFailure records an input that could not be read in the 错误 sheet.
func (w *Writer) AddFailure(input, reason string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.usable(); err != nil {
		return err
	}
	w.ov.failures++
	if err := w.sheets[SheetFailures].add([]cell{{v: nonEmpty(input)}, {v: nonEmpty(reason)}}); err != nil {
		w.err = fmt.Errorf("工作簿 %s：%w", w.path, err)
		return w.err
	}
	return nil
}

// Close finishes the workbook and renames it into place. On failure nothing is left at path
// (a workbook that was there before stays as it was) and no temporary file remains.
func (w *Writer) Close() error { return w.CloseContext(context.Background()) }

// CloseContext is Close that gives up when ctx is done before the rename: an interrupt that
// arrives while the workbook is being saved leaves the previous file at path as it was, and
// CloseContext returns ctx's error.
func (w *Writer) CloseContext(ctx context.Context) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return w.err
	}
	err := w.usable()
	if err == nil {
		err = w.save()
	}
	w.closed = true
	tmpName := w.tmp.Name()
	if cerr := w.tmp.Close(); err == nil && cerr != nil {
		err = cerr
	}
	_ = w.f.Close()
	w.ov.close()
	if err == nil {
		err = ctx.Err() // the last moment to give up: after the rename the new file stands
	}
	if err == nil {
		err = os.Rename(tmpName, w.path)
	}
	if err != nil {
		_ = os.Remove(tmpName)
		w.err = fmt.Errorf("工作簿 %s：%w", w.path, err)
		return w.err
	}
	return nil
}

// save finishes every sheet and writes the workbook to the temporary file.
func (w *Writer) save() error {
	if err := w.reportOverflow(); err != nil {
		return err
	}
	if w.overdue != nil {
		if err := w.writeUnits(); err != nil {
			return err
		}
	}
	if s := w.sheets[SheetByTheme]; s != nil && s.sw != nil && s.count > 0 {
		if err := s.start(); err != nil {
			return err
		}
		if err := w.themeChart(s); err != nil {
			return fmt.Errorf("按主题图表：%w", err)
		}
	}
	for _, s := range w.order {
		if s.sw == nil {
			continue
		}
		if err := s.finish(); err != nil {
			return err
		}
	}
	if err := w.ov.write(); err != nil {
		return err
	}
	// No SetActiveSheet: it would read every streamed sheet back into memory. 概览 is the
	// template's first sheet, which is already the selected one.
	links, rels := map[string]*sheet{}, map[string]*sheet{}
	for _, s := range w.order {
		if len(s.links) > 0 {
			links[fmt.Sprintf("xl/worksheets/sheet%d.xml", s.index)] = s
		}
		if s.extInjected > 0 {
			rels[fmt.Sprintf("xl/worksheets/_rels/sheet%d.xml.rels", s.index)] = s
		}
	}
	p := &packer{out: w.tmp, inject: func(name string) func(io.Writer) error {
		if s := links[name]; s != nil {
			return s.writeLinks
		}
		return nil
	}, rewrite: func(name string) func([]byte) []byte {
		if name == "[Content_Types].xml" {
			return sortDefaults
		}
		if s := rels[name]; s != nil {
			return s.extRels
		}
		return nil
	}}
	w.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return p })
	// WriteToBuffer hands its buffer to the zip writer; the packer ignores it and writes to the
	// temporary file, so the buffer stays empty.
	buf, err := w.f.WriteToBuffer()
	if err != nil {
		return err
	}
	if buf.Len() > 0 {
		return errors.New("excelize wrote outside the zip writer")
	}
	for _, s := range rels {
		if !s.relsWritten {
			return fmt.Errorf("sheet %s: no relationships part for its links", s.name)
		}
	}
	if err := w.tmp.Chmod(0o644); err != nil {
		return err
	}
	return w.tmp.Sync()
}

// reportOverflow records in 错误 the rows that did not fit in a sheet (Excel stops at row
// 1,048,576): they are in the JSON Lines output, not in the workbook.
func (w *Writer) reportOverflow() error {
	if over := w.ov.count + w.sheets[SheetOverview].headerRow - maxRows; over > 0 {
		w.sheets[SheetOverview].droppedRows = over
	}
	for _, s := range w.order {
		if s.droppedRows == 0 {
			continue
		}
		msg := fmt.Sprintf("%s 表已满（最多 %d 行）：%d 行未写入（--json 输出含完整记录）", s.name, maxRows, s.droppedRows)
		w.dropped = append(w.dropped, msg)
		if err := w.sheets[SheetFailures].add([]cell{{v: "（工作簿）"}, {v: msg}}); err != nil {
			return err
		}
	}
	return nil
}

// Dropped says, after Close, what full sheets could not hold (one sentence a sheet, also
// written in 错误), so that the caller can report it: a limit reached is never silent.
func (w *Writer) Dropped() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.dropped...)
}

// Abort discards the workbook; nothing is left at path and no temporary file remains.
func (w *Writer) Abort() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return
	}
	w.closed = true
	w.err = fmt.Errorf("工作簿 %s 已放弃写入", w.path)
	name := w.tmp.Name()
	_ = w.tmp.Close()
	_ = os.Remove(name)
	_ = w.f.Close()
	if w.ov != nil {
		w.ov.close()
	}
}

// WriteBulletin writes a workbook of one bulletin at path, atomically (for --split).
func WriteBulletin(path string, b *bulletin.Bulletin) error {
	w, err := Create(path)
	if err != nil {
		return err
	}
	if err := w.Add(b); err != nil {
		w.Abort()
		return err
	}
	return w.Close()
}
