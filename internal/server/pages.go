package server

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/archive"
	"github.com/xuncha/xuncha/internal/bulletin"
)

var funcs = template.FuncMap{
	"dict": func(list []archive.Tally, key string, max int) map[string]any {
		return map[string]any{"List": list, "Key": key, "Max": max}
	},
	"add":  func(a, b int) int { return a + b },
	"list": func(xs ...string) []string { return xs },
	"sortOptions": func() [][2]string {
		return [][2]string{{"", "默认排序"}, {"date", "按日期（新在前）"}, {"unit", "按单位"}, {"status", "按完成情况"}, {"due", "按整改时限"}}
	},
	"pct": func(n, total int) int {
		if total == 0 {
			return 0
		}
		return n * 100 / total
	},
}

// render writes page name with data, or a plain error when the template fails (before any
// byte is sent, since the page is rendered into a buffer first).
func (s *Server) render(w http.ResponseWriter, status int, name string, data map[string]any) {
	var buf bytes.Buffer
	if err := s.pages[name].Execute(&buf, data); err != nil {
		http.Error(w, "页面生成失败："+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *Server) fail(w http.ResponseWriter, status int, msg string) {
	s.render(w, status, "error", map[string]any{"Title": "出错了", "Message": msg})
}

func (s *Server) overview(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	counts, err := s.a.Count(ctx)
	if err != nil {
		s.fail(w, 500, err.Error())
		return
	}
	latest, err := s.a.Latest(ctx, 10)
	if err != nil {
		s.fail(w, 500, err.Error())
		return
	}
	themes, _ := s.a.Tallies(ctx, "theme")
	status, _ := s.a.Tallies(ctx, "status")
	units, _ := s.a.Tallies(ctx, "unit")
	months, _ := s.a.Tallies(ctx, "month")
	overdue, _ := s.a.OverdueCount(ctx, time.Now().Format("2006-01-02"))
	declared, _ := s.a.DeclaredTotals(ctx)
	if len(units) > 15 {
		units = units[:15]
	}
	done := 0
	for _, t := range status {
		if t.Key == "已完成" {
			done = t.Count
		}
	}
	s.render(w, 200, "overview", map[string]any{
		"Title": "总览", "Counts": counts, "Latest": latest, "Themes": themes, "Status": status,
		"Units": units, "Done": done, "Max": maxCount(themes, status, units, months), "Months": months, "Overdue": overdue, "Declared": declared,
	})
}

func maxCount(lists ...[]archive.Tally) int {
	m := 1
	for _, l := range lists {
		for _, t := range l {
			m = max(m, t.Count)
		}
	}
	return m
}

// problemQuery reads the 问题库 query of r: q, unit, round, kind, status, theme, since, until,
// page. It returns the query (a page of 50) and the page number.
func problemQuery(r *http.Request) (archive.Query, int) {
	v := r.URL.Query()
	page, _ := strconv.Atoi(v.Get("page"))
	page = max(page, 1)
	const per = 50
	return archive.Query{
		Filter: archive.Filter{Since: v.Get("since"), Until: v.Get("until"), Unit: v.Get("unit"), Round: v.Get("round"), Kind: v.Get("kind")},
		Q:      v.Get("q"), Status: v.Get("status"), Theme: v.Get("theme"), Offset: (page - 1) * per, Limit: per,
		Overdue: v.Get("overdue") == "1", Today: time.Now().Format("2006-01-02"), Sort: v.Get("sort"),
	}, page
}

// problems is 问题库: /problems?q=…&unit=…&round=…&status=…&theme=…&since=…&until=…&page=N.
func (s *Server) problems(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q, page := problemQuery(r)
	res, err := s.a.ProblemPage(r.Context(), q)
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	link := func(p int) string {
		u := url.Values{}
		for k, vs := range v {
			if k != "page" && len(vs) > 0 && vs[0] != "" {
				u.Set(k, vs[0])
			}
		}
		u.Set("page", strconv.Itoa(p))
		return "/problems?" + u.Encode()
	}
	data := map[string]any{"Title": "问题库", "Q": q, "Page": page, "Result": res, "Message": msg,
		"From": q.Offset + 1, "To": q.Offset + len(res.Problems), "Export": "/problems/export?" + r.URL.RawQuery}
	if page > 1 {
		data["Prev"] = link(page - 1)
	}
	if q.Offset+len(res.Problems) < res.Total {
		data["Next"] = link(page + 1)
	}
	s.render(w, 200, "problems", data)
}

// bulletin is one bulletin: /bulletins/ID.
func (s *Server) bulletin(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.fail(w, 404, "没有这份公报")
		return
	}
	e, b, err := s.a.Bulletin(r.Context(), id)
	if errors.Is(err, archive.ErrNotFound) {
		s.fail(w, 404, "没有这份公报")
		return
	}
	if err != nil {
		s.fail(w, 500, err.Error())
		return
	}
	others, _ := s.a.SameUnit(r.Context(), b.Unit, id)
	s.render(w, 200, "bulletin", map[string]any{"Title": e.Title, "E": e, "B": b, "Others": others,
		"Paras": marked(b)})
}

// para is a paragraph with its problem statement and quantities marked.
type para struct {
	Kind    string
	Pieces  []piece
	Problem string // the ID of the problem stated here, for the anchor
}

// piece is a run of a paragraph's text; Mark says what it is: "" plain, "problem" the
// statement of a problem, "quantity" a quantity or date.
type piece struct {
	Text string
	Mark string
}

// span is a marked run of runes.
type span struct {
	start, end int
	mark       string
}

// marked cuts every paragraph into pieces: each problem's statement (found where the record
// says it stands) and the quantities and dates, by the rune offsets the record holds.
func marked(b *bulletin.Bulletin) []para {
	spans := make(map[int][]span)
	stated := make(map[int]string)
	for _, p := range b.Problems {
		if p.Paragraph < 0 || p.Paragraph >= len(b.Paragraphs) {
			continue
		}
		stated[p.Paragraph] = p.ID
		stmt := p.Quote
		if stmt == "" {
			stmt = p.Text
		}
		text := b.Paragraphs[p.Paragraph].Text
		if i := strings.Index(text, stmt); i >= 0 && stmt != "" {
			start := utf8.RuneCountInString(text[:i])
			spans[p.Paragraph] = append(spans[p.Paragraph], span{start, start + utf8.RuneCountInString(stmt), "problem"})
		}
	}
	add := func(para, start, end int) {
		for _, s := range spans[para] {
			if start < s.end && s.start < end {
				return // inside a statement: the statement is marked
			}
		}
		spans[para] = append(spans[para], span{start, end, "quantity"})
	}
	for _, m := range b.Metrics {
		add(m.Paragraph, m.Start, m.End)
	}
	for _, d := range b.Dates {
		add(d.Paragraph, d.Start, d.Stop)
	}
	out := make([]para, len(b.Paragraphs))
	for i, p := range b.Paragraphs {
		out[i] = para{Kind: p.Role, Problem: stated[i], Pieces: cut(p.Text, spans[i])}
	}
	return out
}

// cut splits text at rune spans (sorted here; a span overlapping an earlier one is dropped).
func cut(text string, spans []span) []piece {
	if len(spans) == 0 {
		return []piece{{Text: text}}
	}
	rs := []rune(text)
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var out []piece
	at := 0
	for _, s := range spans {
		if s.start < at || s.end > len(rs) || s.start >= s.end {
			continue
		}
		if s.start > at {
			out = append(out, piece{Text: string(rs[at:s.start])})
		}
		out = append(out, piece{Text: string(rs[s.start:s.end]), Mark: s.mark})
		at = s.end
	}
	if at < len(rs) {
		out = append(out, piece{Text: string(rs[at:])})
	}
	return out
}

// common is 共性问题: /common, filtered as 问题库.
func (s *Server) common(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	f := archive.Filter{Since: v.Get("since"), Until: v.Get("until"), Unit: v.Get("unit"), Round: v.Get("round"), Kind: v.Get("kind")}
	cs, err := s.a.Commons(r.Context(), f)
	if err != nil {
		s.fail(w, 500, err.Error())
		return
	}
	s.render(w, 200, "common", map[string]any{"Title": "共性问题", "Commons": cs})
}

func (s *Server) addForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, 200, "add", map[string]any{"Title": "添加", "CSRF": csrfToken(w, r), "Enabled": s.add != nil,
		"MaxFiles": MaxUploadFiles, "MaxMB": MaxUploadBytes >> 20})
}

// outcome is one uploaded file's result on the 添加 page.
type outcome struct {
	Name string
	OK   bool
	Text string
}

func (s *Server) addPost(w http.ResponseWriter, r *http.Request) {
	if s.add == nil {
		s.fail(w, http.StatusForbidden, "此服务器不接受添加")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, MaxUploadBytes)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			s.fail(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("上传超过 %d MB 上限", MaxUploadBytes>>20))
			return
		}
		s.fail(w, http.StatusBadRequest, "无法读取上传的表单："+err.Error())
		return
	}
	defer r.MultipartForm.RemoveAll()
	if !csrfOK(r) {
		s.fail(w, http.StatusForbidden, "表单已过期或来源不明（CSRF 校验失败），请重新打开添加页面")
		return
	}
	files := r.MultipartForm.File["files"]
	// The inputs, checked before any is read.
	type job struct {
		name string
		file *multipart.FileHeader
	}
	var jobs []job
	for _, fh := range files {
		jobs = append(jobs, job{name: safeName(fh.Filename), file: fh})
	}
	for _, line := range strings.Split(r.FormValue("urls"), "\n") {
		if u := strings.TrimSpace(line); u != "" {
			jobs = append(jobs, job{name: u})
		}
	}
	switch {
	case len(jobs) == 0:
		s.fail(w, http.StatusBadRequest, "没有选择文件")
		return
	case len(jobs) > MaxUploadFiles:
		s.fail(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("一次最多添加 %d 项，收到 %d 项", MaxUploadFiles, len(jobs)))
		return
	}
	// The page is sent as the batch goes: each input's row is flushed when it is done, so a
	// long batch shows its progress without a script.
	t := s.pages["addstream"]
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	flush := func() {
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
	}
	if err := t.ExecuteTemplate(w, "head", map[string]any{"Title": "添加", "Total": len(jobs)}); err != nil {
		return
	}
	flush()
	ok, failed := 0, 0
	for i, j := range jobs {
		res := outcome{Name: j.name}
		switch {
		case j.file != nil:
			res.Text, res.OK = s.addFile(r, j.name, j.file)
		case !strings.HasPrefix(j.name, "http://") && !strings.HasPrefix(j.name, "https://"):
			res.Text = "不是 http 或 https 网址"
		default:
			msg, err := s.add(r.Context(), j.name, nil)
			res.Text, res.OK = msgOr(msg, err), err == nil
		}
		if res.OK {
			ok++
		} else {
			failed++
		}
		if err := t.ExecuteTemplate(w, "row", map[string]any{"N": i + 1, "Total": len(jobs), "Name": res.Name, "OK": res.OK, "Text": res.Text}); err != nil {
			return // the browser went away
		}
		flush()
	}
	t.ExecuteTemplate(w, "tail", map[string]any{"Title": "添加", "Total": len(jobs), "OK": ok, "Failed": failed})
}

// addFile reads one uploaded file and adds it; it returns the sentence to show and whether
// the file was stored.
func (s *Server) addFile(r *http.Request, name string, fh *multipart.FileHeader) (string, bool) {
	f, err := fh.Open()
	if err != nil {
		return "无法读取：" + err.Error(), false
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return "无法读取：" + err.Error(), false
	}
	msg, err := s.add(r.Context(), name, data)
	return msgOr(msg, err), err == nil
}

func msgOr(msg string, err error) string {
	if err != nil {
		return err.Error()
	}
	return msg
}

// safeName keeps only the base of an uploaded file's name (a browser may send a path), valid
// UTF-8 and at most 200 bytes; it names the input, it never opens a file.
func safeName(name string) string {
	name = path.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.ToValidUTF8(name, "�")
	for len(name) > 200 {
		_, n := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-n]
	}
	if name == "" || name == "." || name == "/" {
		name = "upload"
	}
	return name
}
