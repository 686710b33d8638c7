package workbook

import "fmt"

// SheetCommons is the report's sheet of 共性问题: problems that recur across units.
const SheetCommons = "共性问题"

// 共性问题: one row a problem in a cluster, the clusters in order, the representative first
// marked 代表.
var commonCols = []column{
	{"共性问题编号", colInt, 8, 10},
	{"共性问题", colText, 12, 30},
	{"涉及单位数", colInt, 8, 10},
	{"问题数", colInt, 6, 8},
	{"代表", colText, 4, 6},
	{"问题表现", colWrap, 30, 60},
	{"被巡察单位", colText, 14, 30},
	{"轮次", colText, 10, 24},
	{"日期", colText, 10, 12},
	{"完成情况", colText, 8, 10},
}

// CommonRow is one problem of a 共性问题 cluster.
type CommonRow struct {
	No             int    // 共性问题编号
	Label          string // the cluster's defining words
	Units, Size    int    // units and problems in the cluster
	Representative bool
	Problem        string
	Unit, Round    string
	Date           string
	Status         string
}

// CreateReport starts a workbook like Create, with a 共性问题 sheet before 错误 for AddCommons.
func CreateReport(path string) (*Writer, error) {
	var specs []sheetSpec
	for _, s := range sheetSpecs {
		if s.name == SheetFailures {
			specs = append(specs, sheetSpec{SheetCommons, "Commons", 2, true, commonCols})
		}
		specs = append(specs, s)
	}
	return create(path, specs)
}

// AddCommons writes the 共性问题 rows (a workbook from CreateReport only).
func (w *Writer) AddCommons(rows []CommonRow) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.usable(); err != nil {
		return err
	}
	s := w.sheets[SheetCommons]
	if s == nil {
		return fmt.Errorf("workbook %s: no %s sheet (use CreateReport)", w.path, SheetCommons)
	}
	for _, r := range rows {
		rep := ""
		if r.Representative {
			rep = "代表"
		}
		if err := s.add([]cell{{v: r.No}, {v: nonEmpty(r.Label)}, {v: r.Units}, {v: r.Size}, {v: rep},
			{v: nonEmpty(r.Problem)}, {v: nonEmpty(r.Unit)}, {v: r.Round}, {v: r.Date}, {v: r.Status}}); err != nil {
			w.err = fmt.Errorf("workbook %s: %w", w.path, err)
			return w.err
		}
	}
	return nil
}
