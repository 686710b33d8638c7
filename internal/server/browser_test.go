package server

import (
	"context"
	"flag"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
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
		chromedp.Submit(`header form`)))
	waitURL(t, ctx, "/problems?q=")
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

	// A filter narrows the table.
	step("open 问题库", chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/problems"), chromedp.WaitVisible(`p.count`)))
	all, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('table.ledger tbody tr').length`))
	step("count rows", err)
	step("filter by unit", chromedp.Do(ctx,
		chromedp.SendKeys(`form.filters input[name="unit"]`, "水利"),
		chromedp.Submit(`form.filters`)))
	waitURL(t, ctx, "unit=")
	some, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('table.ledger tbody tr').length`))
	step("count filtered rows", err)
	if all != 5 || some != 2 {
		t.Errorf("rows: %d unfiltered, %d for 水利; want 5 and 2", all, some)
	}
	shot(t, ctx, "problems")

	// 导出 Excel: the link gives a workbook (a ZIP: PK) for the rows shown.
	kind, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(document.querySelector('a.export').href).then(r => r.arrayBuffer()).then(b => String.fromCharCode(...new Uint8Array(b).slice(0, 2)))`, chromedp.EvalAwaitPromise))
	step("fetch the export", err)
	if kind != "PK" {
		t.Errorf("export gave %q, not a workbook", kind)
	}

	// An upload adds a bulletin, and its problem then appears in 问题库.
	file := filepath.Join(t.TempDir(), "新公报.txt")
	if err := os.WriteFile(file, []byte("档案管理员配备不足"), 0o644); err != nil {
		t.Fatal(err)
	}
	step("upload", chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/add"),
		chromedp.SetUploadFiles(`input[type="file"]`, []string{file}),
		chromedp.Submit(`main form`),
		chromedp.WaitVisible(`tr.ok`)))
	result, err := chromedp.Run(ctx, chromedp.Text(`tr.ok`))
	step("read the result", err)
	if !strings.Contains(result, "已存入") {
		t.Errorf("upload result %q", result)
	}
	shot(t, ctx, "add")
	step("find it", chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/problems?q="+url.QueryEscape("档案管理员")), chromedp.WaitVisible(`p.count`)))
	found, err := chromedp.Run(ctx, chromedp.Text(`table.ledger tbody`))
	step("read the table", err)
	if !strings.Contains(found, "档案管理员配备不足") {
		t.Errorf("the uploaded problem is not in 问题库: %q", found)
	}

	// The bulletin page marks the problem where it is stated.
	step("open a bulletin", chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/bulletins/1#text-P1"), chromedp.WaitVisible(`mark.problem`)))
	marked, err := chromedp.Run(ctx, chromedp.Text(`#text-P1 mark.problem`))
	step("read the mark", err)
	if marked != "“三会一课”记录不规范" {
		t.Errorf("the statement marked in the text is %q", marked)
	}
	shot(t, ctx, "bulletin")
	step("open 共性问题", chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/common"), chromedp.WaitVisible(`main h1`)))
	shot(t, ctx, "common")
	step("open 总览", chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(`main h1`)))
	shot(t, ctx, "overview")
}

// waitURL waits until the page's address contains part and the page is loaded.
func waitURL(t *testing.T, ctx context.Context, part string) {
	t.Helper()
	for i := 0; i < 200; i++ {
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err == nil && strings.Contains(loc, part) {
			if state, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState`)); err == nil && state == "complete" {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the browser did not reach an address with %q", part)
}

var screenshots = flag.Bool("screenshots", false, "write the browser test's screenshots to docs/screenshots")

// shot takes a screenshot of the page: into docs/screenshots with -screenshots (for the
// README), else into the test's temporary folder, so that taking it is tested either way.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := t.TempDir()
	if *screenshots {
		dir = filepath.Join("..", "..", "docs", "screenshots")
		os.MkdirAll(dir, 0o755)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
