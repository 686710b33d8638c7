package server

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/workbook"
)

// export is 导出 Excel: /problems/export with the query of a 问题库 page gives a workbook (the
// extract workbook's sheets, 问题 as the 整改台账) holding exactly the problems that page shows.
func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	q, _ := problemQuery(r)
	res, err := s.a.ProblemPage(r.Context(), q)
	if err != nil {
		s.fail(w, http.StatusBadRequest, err.Error())
		return
	}
	// The shown problems, grouped by bulletin in the order shown.
	var order []int64
	keep := map[int64]map[string]bool{}
	for _, p := range res.Problems {
		if keep[p.BulletinID] == nil {
			keep[p.BulletinID] = map[string]bool{}
			order = append(order, p.BulletinID)
		}
		keep[p.BulletinID][p.PID] = true
	}
	dir, err := os.MkdirTemp("", "xuncha-export-*")
	if err != nil {
		s.fail(w, 500, err.Error())
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "问题库.xlsx")
	book, err := workbook.Create(path)
	if err != nil {
		s.fail(w, 500, err.Error())
		return
	}
	for _, id := range order {
		_, b, err := s.a.Bulletin(r.Context(), id)
		if err != nil {
			book.Abort()
			s.fail(w, 500, err.Error())
			return
		}
		var ps []bulletin.Problem
		for _, p := range b.Problems {
			if keep[id][p.ID] {
				ps = append(ps, p)
			}
		}
		b.Problems = ps
		if err := book.Add(b); err != nil {
			book.Abort()
			s.fail(w, 500, err.Error())
			return
		}
	}
	if err := book.CloseContext(r.Context()); err != nil {
		s.fail(w, 500, err.Error())
		return
	}
	f, err := os.Open(path)
	if err != nil {
		s.fail(w, 500, err.Error())
		return
	}
	defer f.Close()
	name := fmt.Sprintf("xuncha-problems-%s.xlsx", time.Now().Format("20060102-150405"))
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	http.ServeContent(w, r, name, time.Time{}, f)
}
