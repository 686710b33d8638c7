package server

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browserPath finds a Chromium or Chrome. Without one the browser test skips, except under
// CI=true, where .ci/run installs Chromium and a missing browser fails loudly.
func browserPath(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no Chromium found: CI must install it (see .ci/run)")
	}
	t.Skip("no Chromium or Chrome on this machine: the browser test did not run")
	return ""
}

// In a real browser: the overview shows, the header's search form finds problems, and a
// bulletin whose text holds <script> shows it as text without running it.
func TestInBrowser(t *testing.T) {
	path := browserPath(t)
	_, s := fixture(t)
	srv := httptest.NewServer(s)
	defer srv.Close()

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.Flag("disable-dev-shm-usage", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	step := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	step("open the overview", chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")))
	heading, err := chromedp.Run(ctx, chromedp.Text("main h1"))
	step("read its heading", err)
	step("search from the header", chromedp.Do(ctx,
		chromedp.SendKeys(`header input[name="q"]`, "三会一课"),
		chromedp.Submit(`header form`),
		chromedp.WaitVisible(`p.count`)))
	count, err := chromedp.Run(ctx, chromedp.Text(`p.count`))
	step("read the count", err)
	step("open the bulletin with markup", chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/bulletins/3"), chromedp.WaitVisible(`main h1`)))
	shown, err := chromedp.Run(ctx, chromedp.Text(`main h1`))
	step("read its title", err)
	scripts, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('script').length`))
	step("count scripts", err)
	if heading != "总览" {
		t.Errorf("overview heading %q", heading)
	}
	if !strings.Contains(count, "共 2 个问题") {
		t.Errorf("search from the header: %q, want 2 problems", count)
	}
	if !strings.Contains(shown, "<script>alert(1)</script>") || scripts != 0 {
		t.Errorf("bulletin title shown as %q, %d script elements in the page", shown, scripts)
	}
}
