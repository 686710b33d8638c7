package archive

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuncha/xuncha/internal/bulletin"
)

func open(t *testing.T) (*Archive, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a, path
}

// record makes a bulletin of unit with problems stating statements.
func record(unit, date string, statements ...string) *bulletin.Bulletin {
	b := &bulletin.Bulletin{Title: unit + "关于巡察整改进展情况的通报", Unit: unit, Kind: "巡察", PublishDate: bulletin.Day(date)}
	for i, s := range statements {
		b.Problems = append(b.Problems, bulletin.Problem{
			ID: "P" + string(rune('1'+i)), Quote: s, Status: "已完成",
			Measures: []bulletin.Measure{{Ordinal: 1, Text: "建立健全" + s + "整改台账，逐项销号"}},
		})
	}
	return b
}

func TestAddIdempotentAndCopies(t *testing.T) {
	a, _ := open(t)
	ctx := context.Background()
	b := record("县教育局党组", "2024-03-01", "“三会一课”记录不规范", "公务用车管理不规范")
	st, err := a.Add(ctx, b, "a.txt", []byte("bytes one"), "test")
	if err != nil || st.Outcome != Added {
		t.Fatalf("first add: %+v %v", st, err)
	}
	again, err := a.Add(ctx, b, "a-again.txt", []byte("bytes one"), "test")
	if err != nil || again.Outcome != Unchanged || again.ID != st.ID {
		t.Fatalf("same bytes again: %+v %v", again, err)
	}
	// The same bulletin republished: other bytes (other page chrome), same unit and problems.
	cp, err := a.Add(ctx, b, "mirror.html", []byte("<html>bytes two</html>"), "test")
	if err != nil || cp.Outcome != Copy || cp.CopyOf != st.ID {
		t.Fatalf("republished copy: %+v %v", cp, err)
	}
	c, err := a.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Bulletins != 1 || c.Copies != 1 || c.Problems != 2 {
		t.Errorf("counts %+v, want 1 bulletin, 1 copy, 2 problems", c)
	}
	// Another unit with the same problems is not a copy.
	other, err := a.Add(ctx, record("县卫健局党组", "2024-03-02", "“三会一课”记录不规范", "公务用车管理不规范"), "b.txt", []byte("bytes three"), "test")
	if err != nil || other.Outcome != Added {
		t.Errorf("other unit: %+v %v", other, err)
	}
}

func TestSearch(t *testing.T) {
	a, _ := open(t)
	ctx := context.Background()
	a.Add(ctx, record("县教育局党组", "2024-03-01", "“三会一课”记录不规范", "公务用车管理不规范"), "a", []byte("a"), "t")
	a.Add(ctx, record("县水利局党组", "2023-05-01", "政府采购程序不规范", "党费收缴不规范"), "b", []byte("b"), "t")
	for _, c := range []struct {
		q    string
		f    Filter
		want []string
	}{
		{"公务用车", Filter{}, []string{"公务用车管理不规范"}},
		{"采购", Filter{}, []string{"政府采购程序不规范"}},                              // two characters
		{"党", Filter{}, []string{"党费收缴不规范"}},                                 // one character: by substring
		{"不规范", Filter{Since: "2024"}, []string{"“三会一课”记录不规范", "公务用车管理不规范"}}, // filtered by date
		{"不规范", Filter{Unit: "水利"}, []string{"政府采购程序不规范", "党费收缴不规范"}},
		{"台账 三会", Filter{}, []string{"“三会一课”记录不规范"}}, // every word, measures included
		{"采购 用车", Filter{}, nil},
	} {
		ps, err := a.Search(ctx, c.q, c.f, 0)
		if err != nil {
			t.Fatalf("%q: %v", c.q, err)
		}
		var got []string
		for _, p := range ps {
			got = append(got, p.Statement)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") && !sameSet(got, c.want) {
			t.Errorf("search %q %+v = %q, want %q", c.q, c.f, got, c.want)
		}
	}
	if _, err := a.Search(ctx, "，。", Filter{}, 0); err == nil {
		t.Errorf("a query of punctuation only gave no error")
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}

func TestRecurrence(t *testing.T) {
	a, _ := open(t)
	ctx := context.Background()
	first, _ := a.Add(ctx, record("县教育局党组", "2022-06-01", "“三会一课”记录不规范", "政府采购程序不规范"), "2022", []byte("2022"), "t")
	a.Add(ctx, record("县教育局党组", "2024-06-01", "落实“三会一课”制度不严格", "固定资产账实不符", "上轮巡察反馈问题整改不到位"), "2024", []byte("2024"), "t")
	ps, err := a.Problems(ctx, Filter{Since: "2024"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	earlier, _ := a.Problems(ctx, Filter{Until: "2022"}, 0)
	if len(ps) != 3 || len(earlier) != 2 || earlier[0].BulletinID != first.ID {
		t.Fatalf("problems %d and %d", len(ps), len(earlier))
	}
	if ps[0].RecursOf != earlier[0].ID {
		t.Errorf("%s: recurs of %d, want %d (%s)", ps[0].Statement, ps[0].RecursOf, earlier[0].ID, earlier[0].Statement)
	}
	if ps[1].RecursOf != 0 {
		t.Errorf("%s marked as recurring", ps[1].Statement)
	}
	if !ps[2].PriorRound {
		t.Errorf("%s not marked as an earlier round's shortfall", ps[2].Statement)
	}
}

func TestCommons(t *testing.T) {
	a, _ := open(t)
	ctx := context.Background()
	a.Add(ctx, record("县教育局党组", "2024-03-01", "“三会一课”记录不规范", "公务用车管理不规范"), "a", []byte("a"), "t")
	a.Add(ctx, record("县水利局党组", "2024-03-01", "落实“三会一课”制度不严格", "政府采购程序不规范"), "b", []byte("b"), "t")
	a.Add(ctx, record("县卫健局党组", "2024-03-01", "“三会一课”开展不经常", "公车私用时有发生，公务用车登记不严格"), "c", []byte("c"), "t")
	cs, err := a.Commons(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		for _, c := range cs {
			t.Logf("%s: %d", c.Label, len(c.Problems))
		}
		t.Fatalf("%d clusters, want 2 (三会一课 and 公务用车; 政府采购 stands alone)", len(cs))
	}
	if cs[0].Label != "三会一课" || cs[0].Units != 3 || len(cs[0].Problems) != 3 {
		t.Errorf("first cluster %q with %d units, %d problems", cs[0].Label, cs[0].Units, len(cs[0].Problems))
	}
	if !strings.Contains(cs[1].Label, "公务用车") || cs[1].Units != 2 {
		t.Errorf("second cluster %q with %d units", cs[1].Label, cs[1].Units)
	}
}

func TestReextract(t *testing.T) {
	a, _ := open(t)
	ctx := context.Background()
	a.Add(ctx, record("县教育局党组", "2024-03-01", "“三会一课”记录不规范"), "a.txt", []byte("source a"), "v1")
	a.Add(ctx, record("县水利局党组", "2024-03-01", "党费收缴不规范"), "b.txt", []byte("source b"), "v1")
	n, errs := a.Reextract(ctx, "v2", func(name string, source []byte) (*bulletin.Bulletin, error) {
		if name == "b.txt" {
			return nil, errors.New("不再能读取")
		}
		// The new rules find one more problem.
		return record("县教育局党组", "2024-03-01", "“三会一课”记录不规范", "意识形态工作责任制落实不到位"), nil
	})
	if n != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "b.txt") {
		t.Fatalf("re-read %d, errors %v", n, errs)
	}
	ps, _ := a.Problems(ctx, Filter{}, 0)
	var got []string
	for _, p := range ps {
		got = append(got, p.Unit+":"+p.Statement)
	}
	want := "县教育局党组:“三会一课”记录不规范|县教育局党组:意识形态工作责任制落实不到位|县水利局党组:党费收缴不规范"
	if !sameSet(got, strings.Split(want, "|")) {
		t.Errorf("after re-extraction: %q", got)
	}
	if hits, _ := a.Search(ctx, "意识形态", Filter{}, 0); len(hits) != 1 {
		t.Errorf("the new problem is not searchable: %d hits", len(hits))
	}
}

// A transaction that fails half-way leaves nothing of the bulletin behind.
func TestAddIsAtomic(t *testing.T) {
	a, _ := open(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := a.Add(ctx, record("县教育局党组", "2024", "“三会一课”记录不规范"), "a", []byte("a"), "t"); err == nil {
		t.Fatal("add with a cancelled context succeeded")
	}
	c, _ := a.Count(context.Background())
	if c.Bulletins != 0 || c.Problems != 0 {
		t.Errorf("a failed add left %+v", c)
	}
}

func TestOpenRefusesOtherFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "not.db")
	if err := writeFile(path, "这不是数据库，只是一段文字。"); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); err == nil {
		t.Errorf("a text file opened as an archive")
	} else if !strings.Contains(err.Error(), "档案库") {
		t.Errorf("error %q does not say what failed", err)
	}
}

func writeFile(path, s string) error { return os.WriteFile(path, []byte(s), 0o644) }

func TestDeadline(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2024年12月底", "2024-12-31"}, {"2024年底前", "2024-12-31"}, {"2024年6月30日", "2024-06-30"},
		{"2025年2月", "2025-02-28"}, {"2024年2月底", "2024-02-29"}, {"长期坚持", ""}, {"立行立改", ""},
	} {
		d, ok := Deadline(c.in)
		got := ""
		if ok {
			got = d.Format("2006-01-02")
		}
		if got != c.want {
			t.Errorf("Deadline(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestReport(t *testing.T) {
	a, _ := open(t)
	ctx := context.Background()
	b := record("县教育局党组", "2024-03-01", "“三会一课”记录不规范", "公务用车管理不规范")
	b.Problems[0].Deadline, b.Problems[0].Status = "2024年6月底", "正在整改"
	b.Problems[1].Deadline = "2024年6月底" // 已完成: not overdue
	a.Add(ctx, b, "a", []byte("a"), "t")
	a.Add(ctx, record("县水利局党组", "2023-05-01", "党费收缴不规范"), "b", []byte("b"), "t")
	r, err := a.Report(ctx, Filter{}, time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Overdue) != 1 || r.Overdue[0].Statement != "“三会一课”记录不规范" || r.Overdue[0].Due.Format("2006-01-02") != "2024-06-30" {
		t.Errorf("overdue %+v", r.Overdue)
	}
	if len(r.Units) != 2 || r.Units[0].String() != "县教育局党组: 1 bulletins, 2 problems, 1 done, 0 recurring, 1 overdue" {
		t.Errorf("units %v", r.Units)
	}
	if len(r.Years) != 2 || r.Years[0].Year != "2023" || r.Years[1].Problems != 2 {
		t.Errorf("years %+v", r.Years)
	}
	if r2, _ := a.Report(ctx, Filter{}, time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)); len(r2.Overdue) != 0 {
		t.Errorf("overdue on its last day: %+v", r2.Overdue)
	}
}

// A batch stores its bulletins whole: those added before an interruption are committed by
// Commit, the one interrupted leaves nothing, and Rollback drops what is not committed.
func TestBatch(t *testing.T) {
	a, _ := open(t)
	ctx := context.Background()
	bt := a.NewBatch()
	for i, unit := range []string{"县教育局党组", "县卫健局党组"} {
		if _, err := bt.Add(ctx, record(unit, "2024", "“三会一课”记录不规范"), unit, []byte{byte(i)}, "t"); err != nil {
			t.Fatal(err)
		}
	}
	if st, err := bt.Add(ctx, record("县教育局党组", "2024"), "again", []byte{0}, "t"); err != nil || st.Outcome != Unchanged {
		t.Errorf("the same bytes again in the group: %+v, %v", st, err)
	}
	stopped, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := bt.Add(stopped, record("县财政局党组", "2024", "公务用车管理不严格"), "c", []byte{2}, "t"); err == nil {
		t.Fatal("add with a cancelled context succeeded")
	}
	if err := bt.Commit(); err != nil {
		t.Fatal(err)
	}
	if c, _ := a.Count(ctx); c.Bulletins != 2 || c.Problems != 2 {
		t.Errorf("after commit: %+v, want 2 bulletins, 2 problems", c)
	}
	if hits, _ := a.Search(ctx, "三会一课", Filter{}, 0); len(hits) != 2 {
		t.Errorf("committed problems not searchable: %d hits", len(hits))
	}
	if _, err := bt.Add(ctx, record("县财政局党组", "2024", "公务用车管理不严格"), "c", []byte{2}, "t"); err != nil {
		t.Fatal(err)
	}
	bt.Rollback()
	if c, _ := a.Count(ctx); c.Bulletins != 2 || c.Problems != 2 {
		t.Errorf("after rollback: %+v, want 2 bulletins, 2 problems", c)
	}
	// The full-text rows of a group are written at its commit: none of a rolled-back group's
	// remain, and the next group's are found once.
	if hits, _ := a.Search(ctx, "公务用车", Filter{}, 0); len(hits) != 0 {
		t.Errorf("rolled-back problem searchable: %d hits", len(hits))
	}
	if _, err := bt.Add(ctx, record("县财政局党组", "2024", "公务用车管理不严格"), "c", []byte{2}, "t"); err != nil {
		t.Fatal(err)
	}
	if err := bt.Commit(); err != nil {
		t.Fatal(err)
	}
	if hits, _ := a.Search(ctx, "公务用车", Filter{}, 0); len(hits) != 1 {
		t.Errorf("after the next commit: %d hits, want 1", len(hits))
	}
}

// isPriorRound's guard refuses only texts the pattern cannot match.
func TestIsPriorRound(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"上轮巡察反馈问题整改不到位", true},
		{"上一轮巡视指出的问题整改不彻底", true},
		{"巡察“回头看”发现", true},
		{"整改台账不规范", false},
		{"上轮巡察指出的问题仍未解决", false},
		{"", false},
	} {
		if got := isPriorRound(c.in); got != c.want || got != priorRound.MatchString(c.in) {
			t.Errorf("isPriorRound(%q) = %v, pattern %v, want %v", c.in, got, priorRound.MatchString(c.in), c.want)
		}
	}
}
