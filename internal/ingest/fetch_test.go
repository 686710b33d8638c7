package ingest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// fastOptions keep the tests quick: short timeout and backoff.
func fastOptions() FetchOptions {
	return FetchOptions{MaxBytes: 1 << 20, Timeout: 300 * time.Millisecond, Backoff: 5 * time.Millisecond}
}

func TestFetch(t *testing.T) {
	gbPage, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(`<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="关于巡察整改进展情况的通报"></head><body><div class="TRS_Editor"><p>根据市委统一部署，市委第一巡察组对市文广旅局党组进行了巡察。</p><p>一、整改总体情况</p></div></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	var hits = map[string]*atomic.Int32{}
	for _, p := range []string{"/gb", "/slow", "/404", "/endless", "/loop", "/flaky", "/500", "/redirect3", "/big"} {
		hits[p] = &atomic.Int32{}
	}
	mux := http.NewServeMux()
	count := func(p string, h http.HandlerFunc) {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			hits[p].Add(1)
			h(w, r)
		})
	}
	count("/gb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8") // wrong on purpose
		w.Write(gbPage)
	})
	count("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	count("/404", http.NotFound)
	count("/endless", func(w http.ResponseWriter, r *http.Request) {
		chunk := []byte(strings.Repeat("根据市委统一部署。", 1000))
		for r.Context().Err() == nil {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	count("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "2000000")
		w.Write([]byte("x"))
	})
	count("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	count("/redirect3", func(w http.ResponseWriter, r *http.Request) {
		n := len(r.URL.Query().Get("n"))
		if n < 3 {
			http.Redirect(w, r, "/redirect3?n="+strings.Repeat("x", n+1), http.StatusMovedPermanently)
			return
		}
		w.Write([]byte("根据市委统一部署。"))
	})
	count("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if hits["/flaky"].Load() < 3 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("根据市委统一部署。"))
	})
	count("/500", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx := context.Background()

	t.Run("gb18030 page labelled utf-8", func(t *testing.T) {
		body, err := Fetch(ctx, srv.URL+"/gb", fastOptions())
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Read(srv.URL+"/gb", body)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Encoding != EncGB18030 || doc.Title != "关于巡察整改进展情况的通报" || doc.Paragraphs[0] != "根据市委统一部署，市委第一巡察组对市文广旅局党组进行了巡察。" {
			t.Errorf("encoding %q title %q paragraphs %q", doc.Encoding, doc.Title, doc.Paragraphs)
		}
	})

	errTests := []struct {
		path, want string
		hits       int32
	}{
		{"/404", "HTTP 404 Not Found", 1},             // 4xx: no retry
		{"/slow", "超时", 4},                            // a network error: 1 + 3 retries
		{"/endless", "超过 1 MB 上限", 1},                 // size: no retry
		{"/big", "超过 1 MB 上限", 1},                     // Content-Length over the limit
		{"/loop", "重定向超过 5 次", 6},                     // the first request and 5 redirects
		{"/500", "HTTP 500 Internal Server Error", 4}, // 5xx: retried 3 times
	}
	for _, tt := range errTests {
		t.Run(tt.path, func(t *testing.T) {
			opt := fastOptions()
			if tt.path != "/slow" {
				// Only /slow is about time: the others must not time out on a loaded machine
				// (reading 1 MB under -race can take longer than 300 ms), or they are retried.
				opt.Timeout = 20 * time.Second
			}
			_, err := Fetch(ctx, srv.URL+tt.path, opt)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), srv.URL) {
				t.Errorf("error %q names the URL; the caller adds it", err)
			}
			if got := hits[tt.path].Load(); got != tt.hits {
				t.Errorf("%d requests, want %d", got, tt.hits)
			}
		})
	}

	t.Run("retry 5xx then succeed", func(t *testing.T) {
		body, err := Fetch(ctx, srv.URL+"/flaky", fastOptions())
		if err != nil || string(body) != "根据市委统一部署。" {
			t.Fatalf("body %q error %v", body, err)
		}
		if got := hits["/flaky"].Load(); got != 3 {
			t.Errorf("%d requests, want 3", got)
		}
	})
	t.Run("redirects within the limit", func(t *testing.T) {
		if _, err := Fetch(ctx, srv.URL+"/redirect3", fastOptions()); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("caller's deadline", func(t *testing.T) {
		c, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
		defer cancel()
		opt := fastOptions()
		opt.Timeout = 10 * time.Second
		start := time.Now()
		if _, err := Fetch(c, srv.URL+"/slow", opt); err == nil {
			t.Fatal("no error")
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("took %v after the caller's deadline of 100ms", d)
		}
	})
	t.Run("bad URLs", func(t *testing.T) {
		for _, u := range []string{"ftp://example.com/a.txt", "file:///etc/passwd", "http://", "::bad"} {
			if _, err := Fetch(ctx, u, fastOptions()); err == nil {
				t.Errorf("%s: no error", u)
			}
		}
	})
}

func TestFormatBytes(t *testing.T) {
	for n, want := range map[int64]string{64 << 20: "64 MB", 512 << 10: "512 KB", 1000: "1000 字节"} {
		if got := formatBytes(n); got != want {
			t.Errorf("formatBytes(%d) = %q, want %q", n, got, want)
		}
	}
}

// A body longer than its Content-Length is an error, not cut and accepted; a shorter one is
// an error too (issue 18, case 6). The server is a raw socket, so it can lie.
func TestFetchBodyLength(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	page := "<html><body><p>根据市委统一部署，市委第一巡察组对市文广旅局党组进行了巡察。</p></body></html>"
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func(c net.Conn) {
				defer c.Close()
				buf := make([]byte, 4096)
				n, _ := c.Read(buf)
				req := string(buf[:n])
				body, declared := page, len(page)
				switch {
				case strings.Contains(req, "GET /long "):
					body += strings.Repeat("多余的字节", 20) // more than declared
				case strings.Contains(req, "GET /short "):
					declared += 100 // less than declared
				}
				fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s", declared, body)
			}(c)
		}
	}()
	base := "http://" + ln.Addr().String()
	opt := fastOptions()
	opt.Timeout = 20 * time.Second
	if body, err := Fetch(context.Background(), base+"/exact", opt); err != nil || string(body) != page {
		t.Fatalf("exact length: %v, %q", err, body)
	}
	if _, err := Fetch(context.Background(), base+"/long", opt); err == nil || !strings.Contains(err.Error(), "比它声明的长度") {
		t.Errorf("a longer body: error %v", err)
	}
	if _, err := Fetch(context.Background(), base+"/short", opt); err == nil || !strings.Contains(err.Error(), "正文不完整") {
		t.Errorf("a shorter body: error %v", err)
	}
}

// Transport failures are said in Chinese, with the Go cause after them (issue 17).
func TestFetchNetErrorsInChinese(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String() + "/a.html"
	ln.Close() // nothing listens there now
	_, err = Fetch(context.Background(), closed, FetchOptions{Timeout: 5 * time.Second})
	if err == nil || !strings.Contains(err.Error(), "服务器拒绝连接") || !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("closed port: %v", err)
	}
	if got := describeNetError(&net.DNSError{Err: "no such host", Name: "x.invalid", IsNotFound: true}, time.Second); !strings.Contains(got.Error(), "域名无法解析") {
		t.Errorf("DNS: %v", got)
	}
}
