// Package server is the web page of the archive (xuncha serve): 总览, 问题库, one bulletin, 共性问题
// and 添加, rendered on the server with html/template from templates embedded in the binary.
//
// Every string from a bulletin goes through html/template's escaping; every POST carries a
// CSRF token (a random value in a SameSite cookie that the form must repeat); uploads are
// bounded in size and number; no request path ever opens a file (templates and the style
// sheet are embedded). The caller owns the http.Server and its timeouts (see NewServer).
package server

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"time"

	"github.com/xuncha/xuncha/internal/archive"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// AddFunc reads one input and stores it in the archive: an uploaded file (its name and bytes),
// or, when data is nil, the http(s) URL in name, downloaded. It returns a sentence on what
// happened (存入, 已有, 副本) or an error whose text is shown.
type AddFunc func(ctx context.Context, name string, data []byte) (string, error)

// Limits of one upload.
const (
	MaxUploadFiles = 50
	MaxUploadBytes = 64 << 20 // the whole request
)

// Server holds the archive and the parsed pages.
type Server struct {
	a     *archive.Archive
	add   AddFunc
	pages map[string]*template.Template
	mux   *http.ServeMux
}

// New makes the handler of the web page over a. add may be nil: the 添加 page then says adding
// is not available.
func New(a *archive.Archive, add AddFunc) (*Server, error) {
	s := &Server{a: a, add: add, pages: map[string]*template.Template{}, mux: http.NewServeMux()}
	for _, name := range []string{"overview", "problems", "bulletin", "common", "add", "addstream", "error"} {
		t, err := template.New("layout.tmpl").Funcs(funcs).ParseFS(templateFS, "templates/layout.tmpl", "templates/"+name+".tmpl")
		if err != nil {
			return nil, err
		}
		s.pages[name] = t
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	s.mux.HandleFunc("GET /{$}", s.overview)
	s.mux.HandleFunc("GET /problems", s.problems)
	s.mux.HandleFunc("GET /problems/export", s.export)
	s.mux.HandleFunc("GET /bulletins/{id}", s.bulletin)
	s.mux.HandleFunc("GET /common", s.common)
	s.mux.HandleFunc("GET /add", s.addForm)
	s.mux.HandleFunc("POST /add", s.addPost)
	return s, nil
}

// ServeHTTP adds the security headers to every answer.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	s.mux.ServeHTTP(w, r)
}

// NewServer wraps h in an http.Server with timeouts, so that a slow or stalled client cannot
// hold a connection: headers within 10 s, a whole request (an upload) within 5 min.
func NewServer(addr string, h http.Handler, errorLog *log.Logger) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute,
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          errorLog,
	}
}

// csrfCookie is the cookie holding the CSRF token of a browser.
const csrfCookie = "xuncha_csrf"

// csrfToken returns the browser's token, setting a new one when it has none.
func csrfToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) == 32 {
		return c.Value
	}
	b := make([]byte, 16)
	rand.Read(b)
	tok := hex.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: tok, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	return tok
}

// csrfOK reports whether a POST carries the token of its cookie in its form.
func csrfOK(r *http.Request) bool {
	c, err := r.Cookie(csrfCookie)
	if err != nil || len(c.Value) != 32 {
		return false
	}
	form := r.FormValue("csrf")
	return subtle.ConstantTimeCompare([]byte(form), []byte(c.Value)) == 1
}
