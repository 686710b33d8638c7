package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuncha/xuncha/internal/archive"
	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuri/excelize/v2"
)

// fixture is an archive with three bulletins, one of them carrying markup in its text.
func fixture(t testing.TB) (*archive.Archive, *Server) {
	t.Helper()
	a, err := archive.Open(filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	ctx := context.Background()
	for i, b := range []*bulletin.Bulletin{
		record("县教育局党组", "2024-03-01", "“三会一课”记录不规范", "公务用车管理不规范"),
		record("县水利局党组", "2024-04-01", "落实“三会一课”制度不严格", "政府采购程序不规范"),
		record("县<script>alert(1)</script>局", "2024-05-01", "<script>alert('x')</script>问题"),
	} {
		if _, err := a.Add(ctx, b, fmt.Sprintf("b%d.txt", i), []byte(fmt.Sprint(i)), "test"); err != nil {
			t.Fatal(err)
		}
	}
	add := func(ctx context.Context, name string, data []byte) (string, error) {
		if data == nil {
			return "", errors.New("下载失败：测试中不联网")
		}
		if len(bytes.TrimSpace(data)) == 0 {
			return "", errors.New("空文件")
		}
		st, err := a.Add(ctx, record("县财政局党组", "2024-06-01", string(data)), name, data, "test")
		return fmt.Sprintf("已存入（公报 %d）", st.ID), err
	}
	s, err := New(a, add)
	if err != nil {
		t.Fatal(err)
	}
	return a, s
}

func record(unit, date string, statements ...string) *bulletin.Bulletin {
	b := &bulletin.Bulletin{Title: unit + "关于巡察整改进展情况的通报", Unit: unit, Kind: "巡察", PublishDate: bulletin.Day(date)}
	for i, s := range statements {
		b.Problems = append(b.Problems, bulletin.Problem{ID: fmt.Sprintf("P%d", i+1), Quote: s, Status: "已完成",
			Measures: []bulletin.Measure{{Ordinal: 1, Text: "建立" + s + "整改台账"}}})
		b.Paragraphs = append(b.Paragraphs, bulletin.Paragraph{Index: i, Role: "problem", Text: "针对“" + s + "”问题，已整改。"})
		b.Problems[i].Paragraph = i
	}
	return b
}

func get(t *testing.T, s http.Handler, target string) (int, string, http.Header) {
	t.Helper()
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
	return rec.Code, rec.Body.String(), rec.Header()
}

func TestPages(t *testing.T) {
	_, s := fixture(t)
	for _, c := range []struct {
		target string
		code   int
		want   []string
		not    []string
	}{
		{"/", 200, []string{"份公报", "县教育局党组关于巡察整改进展情况的通报", "按主题"}, nil},
		{"/problems", 200, []string{"共 5 个问题", "公务用车管理不规范", "政府采购程序不规范"}, nil},
		{"/problems?q=" + url.QueryEscape("三会一课"), 200, []string{"共 2 个问题", "记录不规范", "制度不严格"}, []string{"公务用车"}},
		{"/problems?unit=" + url.QueryEscape("水利"), 200, []string{"共 2 个问题"}, []string{"县教育局"}},
		{"/problems?q=" + url.QueryEscape("，"), 200, []string{"没有可检索的词"}, nil},
		{"/bulletins/1", 200, []string{"被巡察单位", "县教育局党组", "“三会一课”记录不规范", "建立"}, nil},
		{"/bulletins/999", 404, []string{"没有这份公报"}, nil},
		{"/bulletins/abc", 404, nil, nil},
		{"/common", 200, []string{"三会一课", "县水利局党组"}, nil},
		{"/add", 200, []string{`name="csrf"`, "multipart/form-data"}, nil},
		{"/nothing", 404, nil, nil},
	} {
		code, body, h := get(t, s, c.target)
		if code != c.code {
			t.Errorf("%s: status %d, want %d", c.target, code, c.code)
		}
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: page lacks %q", c.target, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(body, w) {
				t.Errorf("%s: page has %q", c.target, w)
			}
		}
		if !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'self'") || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: security headers missing: %v", c.target, h)
		}
	}
}

// Markup in a bulletin is shown as text on every page, never run.
func TestEscaping(t *testing.T) {
	_, s := fixture(t)
	for _, target := range []string{"/", "/problems", "/bulletins/3", "/problems?q=script"} {
		_, body, _ := get(t, s, target)
		if strings.Contains(body, "<script>") {
			t.Errorf("%s: a raw <script> from a bulletin reached the page", target)
		}
		if target != "/" && !strings.Contains(body, "&lt;script&gt;") {
			t.Errorf("%s: the bulletin's markup is not shown as text", target)
		}
	}
}

// upload posts files (and urls) to /add with the token given; cookie is the CSRF cookie.
func upload(t *testing.T, s http.Handler, token, cookie string, files map[string]string, urls string) (int, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if token != "" {
		mw.WriteField("csrf", token)
	}
	for name, content := range files {
		fw, _ := mw.CreateFormFile("files", name)
		io.WriteString(fw, content)
	}
	if urls != "" {
		mw.WriteField("urls", urls)
	}
	mw.Close()
	req := httptest.NewRequest("POST", "/add", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if cookie != "" {
		req.AddCookie(&http.Cookie{Name: csrfCookie, Value: cookie})
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

func csrfFromForm(t *testing.T, s http.Handler) (token, cookie string) {
	t.Helper()
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/add", nil))
	m := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindStringSubmatch(rec.Body.String())
	if m == nil {
		t.Fatal("no token in the form")
	}
	for _, c := range rec.Result().Cookies() {
		if c.Name == csrfCookie {
			cookie = c.Value
		}
	}
	return m[1], cookie
}

func TestAdd(t *testing.T) {
	a, s := fixture(t)
	token, cookie := csrfFromForm(t, s)
	if token != cookie {
		t.Fatalf("form token %q and cookie %q differ", token, cookie)
	}
	// Without a token, with another's token, or without the cookie: refused, nothing added.
	for _, c := range [][2]string{{"", cookie}, {strings.Repeat("0", 32), cookie}, {token, ""}} {
		code, body := upload(t, s, c[0], c[1], map[string]string{"a.txt": "党费收缴不规范"}, "")
		if code != http.StatusForbidden || !strings.Contains(body, "CSRF") {
			t.Errorf("token %q cookie %q: status %d", c[0], c[1], code)
		}
	}
	if n, _ := a.Count(context.Background()); n.Bulletins != 3 {
		t.Fatalf("a refused post added bulletins: %+v", n)
	}
	code, body := upload(t, s, token, cookie, map[string]string{"../../etc/a.txt": "党费收缴不规范", "empty.txt": " "}, "https://example.org/x.html\nftp://x")
	if code != 200 {
		t.Fatalf("upload: status %d\n%s", code, body)
	}
	for _, want := range []string{"已存入", "empty.txt", "空文件", "测试中不联网", "不是 http 或 https 网址", ">a.txt<"} {
		if !strings.Contains(body, want) {
			t.Errorf("result page lacks %q", want)
		}
	}
	if n, _ := a.Count(context.Background()); n.Bulletins != 4 {
		t.Errorf("after the upload: %+v, want 4 bulletins", n)
	}
	// Too many files.
	many := map[string]string{}
	for i := 0; i <= MaxUploadFiles; i++ {
		many[fmt.Sprintf("f%d.txt", i)] = "x"
	}
	if code, _ := upload(t, s, token, cookie, many, ""); code != http.StatusRequestEntityTooLarge {
		t.Errorf("%d files: status %d", len(many), code)
	}
	// Too many bytes.
	if code, _ := upload(t, s, token, cookie, map[string]string{"big.txt": strings.Repeat("x", MaxUploadBytes+1)}, ""); code != http.StatusRequestEntityTooLarge {
		t.Errorf("an upload over the limit: status %d", code)
	}
}

// Paging stays in bounds and the links carry the filters.
func TestPaging(t *testing.T) {
	a, s := fixture(t)
	ctx := context.Background()
	var statements []string
	for i := 0; i < 120; i++ {
		statements = append(statements, fmt.Sprintf("第%d项问题整改不到位", i+1))
	}
	a.Add(ctx, record("县统计局党组", "2024-07-01", statements...), "many", []byte("many"), "t")
	_, body, _ := get(t, s, "/problems?unit="+url.QueryEscape("统计")+"&page=2")
	if !strings.Contains(body, "共 120 个问题，第 51–100 个") || !strings.Contains(body, "page=3") || !strings.Contains(body, "page=1") {
		t.Errorf("page 2 of 120: %s", regexp.MustCompile(`共[^<]*`).FindString(body))
	}
	if !strings.Contains(body, "unit=%E7%BB%9F%E8%AE%A1") {
		t.Errorf("the page links lose the unit filter")
	}
	_, body, _ = get(t, s, "/problems?unit="+url.QueryEscape("统计")+"&page=99")
	if !strings.Contains(body, "没有符合条件的问题") {
		t.Errorf("a page past the end is not empty")
	}
}

// BenchmarkProblemPage measures a page of 问题库 against an archive of 100,000 problems
// (-short: 5,000), with a search word and without; the count of all matches is included.
func BenchmarkProblemPage(b *testing.B) {
	a, err := archive.Open(filepath.Join(b.TempDir(), "x.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	n := 100000
	if testing.Short() {
		n = 5000
	}
	ctx := context.Background()
	words := []string{"三会一课记录", "公务用车管理", "政府采购程序", "意识形态工作", "党费收缴", "固定资产账实", "发展党员程序", "干部档案审核"}
	for i := 0; i < n/10; i++ {
		var st []string
		for j := 0; j < 10; j++ {
			st = append(st, fmt.Sprintf("%s第%d处不规范", words[(i+j)%len(words)], i*10+j))
		}
		if _, err := a.Add(ctx, record(fmt.Sprintf("县第%d局党组", i%300), "2024-01-01", st...), fmt.Sprint(i), []byte(fmt.Sprint(i)), "t"); err != nil {
			b.Fatal(err)
		}
	}
	for _, q := range []archive.Query{{}, {Q: "公务用车"}, {Q: "党费", Filter: archive.Filter{Unit: "第7局"}}, {Offset: n / 2}} {
		b.Run(fmt.Sprintf("q=%s/offset=%d", q.Q, q.Offset), func(b *testing.B) {
			for b.Loop() {
				if _, err := a.ProblemPage(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// 导出 Excel gives a workbook that opens, with exactly the problems the page shows.
func TestExport(t *testing.T) {
	_, s := fixture(t)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/problems/export?q="+url.QueryEscape("不规范"), nil))
	if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Disposition"), ".xlsx") {
		t.Fatalf("export: status %d, headers %v", rec.Code, rec.Header())
	}
	f, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes()))
	if err != nil {
		t.Fatalf("the exported workbook does not open: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows("问题")
	if err != nil {
		t.Fatal(err)
	}
	text := fmt.Sprint(rows)
	// 不规范 is in three statements: 记录不规范, 公务用车管理不规范, 政府采购程序不规范.
	if len(rows) != 1+3 || !strings.Contains(text, "公务用车管理不规范") || strings.Contains(text, "制度不严格") {
		t.Errorf("exported 问题 sheet has %d rows: %v", len(rows), rows)
	}
}

// The bulletin page marks each problem's statement in the text, with an anchor.
func TestBulletinMarksProblems(t *testing.T) {
	_, s := fixture(t)
	_, body, _ := get(t, s, "/bulletins/1")
	for _, want := range []string{`id="text-P1"`, `<mark class="problem">“三会一课”记录不规范</mark>`, `href="#text-P2"`} {
		if !strings.Contains(body, want) {
			t.Errorf("bulletin page lacks %s", want)
		}
	}
}

// 逾期: the overview counts problems past their 整改时限 and not done; the filter lists them;
// a sort orders the page.
func TestOverdueAndSort(t *testing.T) {
	a, s := fixture(t)
	b := record("县审计局党组", "2020-06-01", "固定资产账实不符", "党费收缴不规范")
	b.Problems[0].Deadline, b.Problems[0].Status = "2020年12月底", "正在整改"
	b.Problems[1].Deadline = "2020年12月底" // 已完成
	if _, err := a.Add(context.Background(), b, "late", []byte("late"), "t"); err != nil {
		t.Fatal(err)
	}
	_, body, _ := get(t, s, "/")
	if !strings.Contains(body, `<a href="/problems?overdue=1">1</a>`) || !strings.Contains(body, "2020-06") {
		t.Errorf("overview lacks the overdue count or the month 2020-06")
	}
	_, body, _ = get(t, s, "/problems?overdue=1")
	if !strings.Contains(body, "共 1 个问题") || !strings.Contains(body, "固定资产账实不符") {
		t.Errorf("overdue filter: %s", regexp.MustCompile(`共[^<]*`).FindString(body))
	}
	_, body, _ = get(t, s, "/problems?sort=date")
	first := strings.Index(body, "县&lt;script&gt;")
	last := strings.Index(body, "县审计局党组")
	if first < 0 || last < 0 || first > last {
		t.Errorf("sort=date does not put the newest bulletin (2024-05) before the oldest (2020-06)")
	}
}

// 添加 shows each input's result as soon as it is done: the first row reaches the browser
// while the second input is still being read.
func TestAddStreamsProgress(t *testing.T) {
	a, err := archive.Open(filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	release := make(chan struct{})
	s, err := New(a, func(ctx context.Context, name string, data []byte) (string, error) {
		if name == "slow.txt" {
			select {
			case <-release:
			case <-ctx.Done():
				return "", ctx.Err()
			}
		}
		return "已存入 " + name, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	jar := &cookieJar{}
	client := &http.Client{Jar: jar}
	resp, err := client.Get(srv.URL + "/add")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	token := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindSubmatch(page)
	if token == nil {
		t.Fatal("no token")
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", string(token[1]))
	for _, name := range []string{"fast.txt", "slow.txt"} {
		fw, _ := mw.CreateFormFile("files", name)
		io.WriteString(fw, "内容")
	}
	mw.Close()
	resp, err = client.Post(srv.URL+"/add", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got := make(chan string, 1)
	go func() {
		var seen []byte
		buf := make([]byte, 4096)
		for !bytes.Contains(seen, []byte("已存入 fast.txt")) {
			n, err := resp.Body.Read(buf)
			seen = append(seen, buf[:n]...)
			if err != nil {
				break
			}
		}
		got <- string(seen)
	}()
	select {
	case seen := <-got:
		if !strings.Contains(seen, "已存入 fast.txt") || strings.Contains(seen, "已存入 slow.txt") {
			t.Errorf("first part of the page: %q", seen)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the first row did not arrive while the second input was in hand")
	}
	close(release)
	rest, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(rest), "已存入 slow.txt") || !strings.Contains(string(rest), "成功 2，失败 0") {
		t.Errorf("the rest of the page: %q", rest)
	}
}

// cookieJar keeps the cookies of one test server.
type cookieJar struct{ cookies []*http.Cookie }

func (j *cookieJar) SetCookies(_ *url.URL, cs []*http.Cookie) { j.cookies = append(j.cookies, cs...) }
func (j *cookieJar) Cookies(*url.URL) []*http.Cookie          { return j.cookies }

// 总览 puts what the bulletins declare beside what was found.
func TestOverviewDeclared(t *testing.T) {
	a, s := fixture(t)
	b := record("县统计局党组", "2024-08-01", "统计数据审核不严", "统计台账不全", "统计人员配备不足")
	total, done, measures, mdone := 4, 3, 10, 8
	b.Declared = bulletin.Declared{ProblemsTotal: &total, ProblemsDone: &done, MeasuresTotal: &measures, MeasuresDone: &mdone}
	if _, err := a.Add(context.Background(), b, "declared", []byte("declared"), "t"); err != nil {
		t.Fatal(err)
	}
	_, body, _ := get(t, s, "/")
	for _, want := range []string{"<b>4 / 3</b>公报自述问题数 / 找到（1 份自述了总数）", "<b>75%</b>自述问题完成率（3/4）", "<b>80%</b>自述措施完成率（8/10，1 份）"} {
		if !strings.Contains(body, want) {
			t.Errorf("overview lacks %q", want)
		}
	}
}
