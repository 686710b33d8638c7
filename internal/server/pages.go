package server

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
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
		"Units": units, "Done": done, "Max": maxCount(themes, status, units),
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

// problems is 问题库: /problems?q=…&unit=…&round=…&status=…&theme=…&since=…&until=…&page=N.
func (s *Server) problems(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	page, _ := strconv.Atoi(v.Get("page"))
	page = max(page, 1)
	const per = 50
	q := archive.Query{
		Filter: archive.Filter{Since: v.Get("since"), Until: v.Get("until"), Unit: v.Get("unit"), Round: v.Get("round"), Kind: v.Get("kind")},
		Q:      v.Get("q"), Status: v.Get("status"), Theme: v.Get("theme"), Offset: (page - 1) * per, Limit: per,
	}
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
		"From": q.Offset + 1, "To": q.Offset + len(res.Problems)}
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

// para is a paragraph with the spans of its problems marked.
type para struct {
	Kind    string
	Pieces  []piece
	Problem string // the ID of the problem stated here, for the anchor
}

type piece struct {
	Text string
	Mark bool
}

// marked cuts every paragraph into pieces, the quantities and dates marked, by the rune
// offsets the record holds.
func marked(b *bulletin.Bulletin) []para {
	spans := make(map[int][][2]int)
	for _, m := range b.Metrics {
		spans[m.Paragraph] = append(spans[m.Paragraph], [2]int{m.Start, m.End})
	}
	for _, d := range b.Dates {
		spans[d.Paragraph] = append(spans[d.Paragraph], [2]int{d.Start, d.Stop})
	}
	stated := make(map[int]string)
	for _, p := range b.Problems {
		stated[p.Paragraph] = p.ID
	}
	out := make([]para, len(b.Paragraphs))
	for i, p := range b.Paragraphs {
		out[i] = para{Kind: p.Role, Problem: stated[i], Pieces: cut(p.Text, spans[i])}
	}
	return out
}

// cut splits text at rune spans (sorted here; overlapping spans after the first are dropped).
func cut(text string, spans [][2]int) []piece {
	if len(spans) == 0 {
		return []piece{{Text: text}}
	}
	rs := []rune(text)
	sortSpans(spans)
	var out []piece
	at := 0
	for _, s := range spans {
		if s[0] < at || s[1] > len(rs) || s[0] >= s[1] {
			continue
		}
		if s[0] > at {
			out = append(out, piece{Text: string(rs[at:s[0]])})
		}
		out = append(out, piece{Text: string(rs[s[0]:s[1]]), Mark: true})
		at = s[1]
	}
	if at < len(rs) {
		out = append(out, piece{Text: string(rs[at:])})
	}
	return out
}

func sortSpans(s [][2]int) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j][0] < s[j-1][0]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
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
	if len(files) > MaxUploadFiles {
		s.fail(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("一次最多上传 %d 个文件，收到 %d 个", MaxUploadFiles, len(files)))
		return
	}
	var results []outcome
	for _, fh := range files {
		name := safeName(fh.Filename)
		f, err := fh.Open()
		if err != nil {
			results = append(results, outcome{name, false, "无法读取：" + err.Error()})
			continue
		}
		data, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			results = append(results, outcome{name, false, "无法读取：" + err.Error()})
			continue
		}
		msg, err := s.add(r.Context(), name, data)
		if err != nil {
			results = append(results, outcome{name, false, err.Error()})
			continue
		}
		results = append(results, outcome{name, true, msg})
	}
	for _, line := range strings.Split(r.FormValue("urls"), "\n") {
		u := strings.TrimSpace(line)
		if u == "" {
			continue
		}
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			results = append(results, outcome{u, false, "不是 http 或 https 网址"})
			continue
		}
		if len(results) >= MaxUploadFiles {
			results = append(results, outcome{u, false, fmt.Sprintf("一次最多添加 %d 项，此项未处理", MaxUploadFiles)})
			continue
		}
		msg, err := s.add(r.Context(), u, nil)
		results = append(results, outcome{u, err == nil, msgOr(msg, err)})
	}
	if len(results) == 0 {
		s.fail(w, http.StatusBadRequest, "没有选择文件")
		return
	}
	s.render(w, 200, "add", map[string]any{"Title": "添加", "CSRF": csrfToken(w, r), "Enabled": true,
		"MaxFiles": MaxUploadFiles, "MaxMB": MaxUploadBytes >> 20, "Results": results})
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
