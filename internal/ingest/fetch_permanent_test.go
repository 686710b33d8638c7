package ingest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// Errors another attempt cannot mend fail at once, without retries (issue 17, case 5).
func TestFetchPermanentErrorsNotRetried(t *testing.T) {
	var ftp, gz atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/ftp", func(w http.ResponseWriter, r *http.Request) {
		ftp.Add(1)
		http.Redirect(w, r, "ftp://example.invalid/file.txt", http.StatusFound)
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		gz.Add(1)
		w.Header().Set("Content-Encoding", "gzip")
		w.Write([]byte("these bytes are not gzip at all"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	opt := fastOptions()
	opt.Retries = 3
	tests := []struct {
		path string
		hits *atomic.Int32
		want string
	}{
		{"/ftp", &ftp, "不支持的网址协议"},
		{"/gzip", &gz, "gzip"},
	}
	for _, tt := range tests {
		_, err := Fetch(context.Background(), srv.URL+tt.path, opt)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one saying %q", tt.path, err, tt.want)
		}
		if n := tt.hits.Load(); n != 1 {
			t.Errorf("%s: %d attempts, want 1 (a permanent error is not retried)", tt.path, n)
		}
	}
	// An invalid port never reaches a server; it is not retried either (no backoff wait).
	if _, err := Fetch(context.Background(), "http://127.0.0.1:99999/", opt); err == nil || retryable(context.Background(), err) {
		t.Errorf("invalid port: error %v, retryable %v; want a permanent error", err, err != nil && retryable(context.Background(), err))
	}
}

// The caller's timeout governs the whole request: the client has no response-header timeout
// of its own that would cut a long --timeout short (issue 17, case 5).
func TestFetchNoFixedHeaderTimeout(t *testing.T) {
	tr, ok := newClient().Transport.(*http.Transport)
	if !ok {
		t.Fatal("newClient's transport is not an *http.Transport")
	}
	if tr.ResponseHeaderTimeout != 0 {
		t.Errorf("ResponseHeaderTimeout = %v: it would cut a longer --timeout short", tr.ResponseHeaderTimeout)
	}
}
