package ingest

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"
)

// FetchOptions bound a download. Zero fields take the defaults below.
type FetchOptions struct {
	MaxBytes int64         // largest body accepted (DefaultMaxBytes)
	Timeout  time.Duration // one attempt, from connecting to the last byte (DefaultFetchTimeout)
	Retries  int           // further attempts after a network error or a 5xx (DefaultRetries); -1 for none
	Backoff  time.Duration // wait before the first retry, doubled for each next one (DefaultBackoff)
	Client   *http.Client  // optional shared client (its CheckRedirect is replaced); nil builds one
}

// Fetch defaults.
const (
	DefaultFetchTimeout = 60 * time.Second
	DefaultRetries      = 3
	DefaultBackoff      = 500 * time.Millisecond
	MaxRedirects        = 5
	connectTimeout      = 10 * time.Second
	userAgent           = "xuncha (bulletin reader; +https://github.com/xuncha/xuncha)"
)

// errRedirects is the redirect limit; like the size limit it is not retried.
var errRedirects = fmt.Errorf("重定向超过 %d 次，已停止", MaxRedirects)

// sizeError says a body passed the limit.
type sizeError struct{ limit int64 }

func (e sizeError) Error() string { return fmt.Sprintf("超过 %s 上限", formatBytes(e.limit)) }

// statusError is an HTTP status other than 2xx.
type statusError struct {
	code   int
	status string
}

func (e statusError) Error() string { return "服务器返回 HTTP " + e.status }

// Fetch downloads an http(s) URL and returns the body's bytes (the charset is decided by Read
// from the bytes; the Content-Type header is not needed). The overall deadline comes from ctx;
// each attempt has its own timeout. Network errors and 5xx answers are retried with backoff,
// 4xx answers, size and redirect limits are not.
func Fetch(ctx context.Context, rawURL string, opt FetchOptions) ([]byte, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("网址无效：%w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("不支持的网址协议 %q（只支持 http 和 https）", u.Scheme)
	}
	if u.Host == "" {
		return nil, errors.New("网址无效：没有主机名")
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultFetchTimeout
	}
	if opt.Retries == 0 {
		opt.Retries = DefaultRetries
	} else if opt.Retries < 0 {
		opt.Retries = 0
	}
	if opt.Backoff <= 0 {
		opt.Backoff = DefaultBackoff
	}
	client := opt.Client
	if client == nil {
		client = newClient()
	}
	c := *client
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > MaxRedirects {
			return errRedirects
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return permanentError{fmt.Errorf("重定向到不支持的网址协议 %q（只支持 http 和 https）", req.URL.Scheme)}
		}
		return nil
	}

	wait := opt.Backoff
	for attempt := 0; ; attempt++ {
		body, err := fetchOnce(ctx, &c, u.String(), opt)
		if err == nil {
			return body, nil
		}
		if attempt >= opt.Retries || !retryable(ctx, err) {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("%w（尝试 %d 次后放弃）", err, attempt+1)
		case <-time.After(wait):
		}
		wait *= 2
	}
}

func newClient() *http.Client {
	dialer := &net.Dialer{Timeout: connectTimeout, KeepAlive: 30 * time.Second}
	return &http.Client{Transport: &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		// Connections count the bytes the transport reads, so that a body longer than its
		// Content-Length is seen (the transport reads the declared length and drops the rest).
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return &countingConn{Conn: c}, nil
		},
		DialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			raw, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			host, _, _ := net.SplitHostPort(addr)
			tc := tls.Client(raw, &tls.Config{ServerName: host, NextProtos: []string{"http/1.1"}})
			hctx, cancel := context.WithTimeout(ctx, connectTimeout)
			defer cancel()
			if err := tc.HandshakeContext(hctx); err != nil {
				raw.Close()
				return nil, err
			}
			return &countingConn{Conn: tc}, nil
		},
		TLSHandshakeTimeout: connectTimeout,
		// No ResponseHeaderTimeout: the caller's timeout (each attempt's context) governs the
		// whole request, so a --timeout over 30 s is honoured to the first byte too.
		// No keep-alive: a server that sends more than its Content-Length would otherwise make
		// the transport log "Unsolicited response" lines on stderr.
		DisableKeepAlives: true,
	}}
}

// countingConn counts the bytes read from a connection and keeps the first of them, where the
// response's header ends.
type countingConn struct {
	net.Conn
	mu   sync.Mutex
	n    int64
	head []byte // the first bytes read, up to maxHead
}

const maxHead = 64 << 10

func (c *countingConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.mu.Lock()
	c.n += int64(n)
	if room := maxHead - len(c.head); room > 0 {
		c.head = append(c.head, p[:min(n, room)]...)
	}
	c.mu.Unlock()
	return n, err
}

// extra is how many bytes were read past a body of length cl that follows the header, or 0
// when that cannot be told (the header end was not seen).
func (c *countingConn) extra(cl int64) int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	i := bytes.Index(c.head, []byte("\r\n\r\n"))
	if i < 0 {
		return 0
	}
	return max(0, c.n-int64(i+4)-cl)
}

// fetchOnce makes one attempt under its own timeout.
func fetchOnce(ctx context.Context, c *http.Client, u string, opt FetchOptions) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("无效的请求：%w", err)
	}
	var conn *countingConn // the connection of the last response (a redirect opens another)
	req = req.WithContext(httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		GotConn: func(info httptrace.GotConnInfo) {
			conn, _ = info.Conn.(*countingConn)
		},
	}))
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.9,*/*;q=0.5")
	resp, err := c.Do(req)
	if err != nil {
		return nil, describeNetError(err, opt.Timeout)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, statusError{resp.StatusCode, resp.Status}
	}
	if resp.ContentLength > opt.MaxBytes {
		return nil, sizeError{opt.MaxBytes}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, opt.MaxBytes+1))
	if err != nil {
		return nil, describeNetError(err, opt.Timeout)
	}
	if int64(len(body)) > opt.MaxBytes {
		return nil, sizeError{opt.MaxBytes}
	}
	if resp.ContentLength >= 0 && !resp.Uncompressed && conn != nil {
		if extra := conn.extra(resp.ContentLength); extra > 0 {
			return nil, permanentError{fmt.Errorf("服务器发送的正文比它声明的长度（Content-Length %d 字节）多 %d 字节，内容不可信", resp.ContentLength, extra)}
		}
	}
	return body, nil
}

// describeNetError turns transport errors into plain sentences.
func describeNetError(err error, timeout time.Duration) error {
	if errors.Is(err, errRedirects) {
		return errRedirects
	}
	var pe permanentError
	if errors.As(err, &pe) {
		return pe
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // the caller names the URL
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("正文不完整：连接在声明的长度（Content-Length）之前断开：%w", err)
	}
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
		return timeoutError{timeout, err}
	}
	for _, c := range netCauses {
		if c.is(err) {
			return netError{c.reason, err}
		}
	}
	return fmt.Errorf("下载失败：%w", err)
}

// netError is a transport failure said in Chinese; the Go cause is kept for errors.Is and
// shown after the sentence, for the one who has to debug the network.
type netError struct {
	reason string
	err    error
}

func (e netError) Error() string { return "下载失败：" + e.reason + "（" + e.err.Error() + "）" }
func (e netError) Unwrap() error { return e.err }

// netCauses are the transport failures a user meets, each with what it means.
var netCauses = []struct {
	is     func(error) bool
	reason string
}{
	{func(err error) bool { var d *net.DNSError; return errors.As(err, &d) }, "域名无法解析（地址写错了，或没有网络）"},
	{func(err error) bool { return errors.Is(err, syscall.ECONNREFUSED) }, "服务器拒绝连接（该端口没有网站在运行）"},
	{func(err error) bool { return errors.Is(err, syscall.ECONNRESET) }, "连接被对方重置"},
	{func(err error) bool {
		return errors.Is(err, syscall.ENETUNREACH) || errors.Is(err, syscall.EHOSTUNREACH)
	}, "网络不可达"},
	{func(err error) bool {
		var c *tls.CertificateVerificationError
		return errors.As(err, &c)
	}, "网站的 HTTPS 证书无效"},
	{func(err error) bool { return errors.Is(err, io.EOF) }, "服务器未发送任何内容就断开了连接"},
}

// timeoutError is a request that did not finish within its time limit; the Go cause
// ("context deadline exceeded") is kept for errors.Is, not shown.
type timeoutError struct {
	limit time.Duration
	err   error
}

func (e timeoutError) Error() string { return fmt.Sprintf("超时：%v 内未下载完", e.limit) }
func (e timeoutError) Unwrap() error { return e.err }

// permanentError is an error another attempt cannot mend (a redirect to file:// or ftp://).
type permanentError struct{ err error }

func (e permanentError) Error() string { return e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

// permanentCauses are transport errors that another attempt cannot mend: a bad address, a
// body that is not what its encoding says, a certificate that does not verify.
var permanentCauses = []string{
	"invalid port",                // http://host:99999/
	"unsupported protocol scheme", // a redirect the client could not follow
	"gzip: ",                      // Content-Encoding: gzip over bytes that are not gzip
	"flate: ",                     // likewise, inside the gzip stream
	"x509:",                       // a bad certificate will not get better
	"no such host",                // the name does not resolve
}

// retryable: network errors and 5xx, unless the caller's context is done or the error is
// permanent.
func retryable(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	var pe permanentError
	if errors.As(err, &pe) {
		return false
	}
	for _, c := range permanentCauses {
		if strings.Contains(err.Error(), c) {
			return false
		}
	}
	var se statusError
	if errors.As(err, &se) {
		return se.code >= 500
	}
	var sz sizeError
	if errors.As(err, &sz) || errors.Is(err, errRedirects) {
		return false
	}
	return true
}

// formatBytes writes a limit as "64 MB", "512 KB" or "1000 字节".
func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}
