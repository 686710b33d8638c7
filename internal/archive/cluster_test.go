package archive

import (
	"bufio"
	"context"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// labelled reads a TSV of label, unit, statement lines (# comments).
func labelled(t *testing.T, path string) (items []Item, labels []string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			t.Fatalf("%s: bad line %q", path, line)
		}
		items = append(items, Item{ID: int64(len(items) + 1), Unit: parts[1], Text: parts[2]})
		labels = append(labels, parts[0])
	}
	return items, labels
}

// bcubed scores a clustering against labels: for each item, precision is the share of its
// cluster that has its label, recall the share of its label that is in its cluster; both are
// averaged over items (Bagga and Baldwin's B-cubed).
func bcubed(groups []Group, labels []string) (p, r, f1 float64) {
	cluster := make([]int, len(labels))
	for gi, g := range groups {
		for _, i := range g.Items {
			cluster[i] = gi
		}
	}
	size := make(map[string]int)
	for _, l := range labels {
		size[l]++
	}
	for i := range labels {
		same, both := 0, 0
		for j := range labels {
			if cluster[j] == cluster[i] {
				same++
				if labels[j] == labels[i] {
					both++
				}
			}
		}
		p += float64(both) / float64(same)
		r += float64(both) / float64(size[labels[i]])
	}
	n := float64(len(labels))
	p, r = p/n, r/n
	return p, r, 2 * p * r / (p + r)
}

func TestBcubed(t *testing.T) {
	labels := []string{"a", "a", "b", "b"}
	if p, r, _ := bcubed([]Group{{Items: []int{0, 1}}, {Items: []int{2, 3}}}, labels); p != 1 || r != 1 {
		t.Errorf("perfect clustering scored %v %v", p, r)
	}
	if p, r, _ := bcubed([]Group{{Items: []int{0, 1, 2, 3}}}, labels); p != 0.5 || r != 1 {
		t.Errorf("one cluster scored %v %v, want 0.5 1", p, r)
	}
	if p, r, _ := bcubed([]Group{{Items: []int{0}}, {Items: []int{1}}, {Items: []int{2}}, {Items: []int{3}}}, labels); p != 1 || r != 0.5 {
		t.Errorf("singletons scored %v %v, want 1 0.5", p, r)
	}
}

// The threshold is the lowest (most recall) on a 0.05 grid whose B-cubed precision on the
// tuning set is at least 0.95: precision matters more than recall, as an office cannot print
// a cluster that mixes 公务用车 with 政府采购.
func TestChooseThreshold(t *testing.T) {
	items, labels := labelled(t, "testdata/clusters/tune.tsv")
	chosen := -1.0
	for th := 0.10; th < 0.951; th += 0.05 {
		p, r, f1 := bcubed(Cluster(items, th), labels)
		t.Logf("threshold %.2f: precision %.3f recall %.3f F1 %.3f", th, p, r, f1)
		if chosen < 0 && p >= 0.95 {
			chosen = th
		}
	}
	if d := chosen - ClusterThreshold; d > 0.001 || d < -0.001 {
		t.Errorf("the tuning set chooses %.2f, ClusterThreshold is %.2f", chosen, ClusterThreshold)
	}
}

// Scored on statements not looked at while choosing the threshold (the issue asks B-cubed
// F1 >= 0.9 with precision >= 0.95).
func TestClustersHeldOut(t *testing.T) {
	items, labels := labelled(t, "testdata/clusters/heldout.tsv")
	groups := Cluster(items, ClusterThreshold)
	p, r, f1 := bcubed(groups, labels)
	t.Logf("held out: %d statements, %d labels, %d clusters: precision %.3f recall %.3f F1 %.3f", len(items), len(distinct(labels)), len(groups), p, r, f1)
	for _, g := range groups {
		var texts []string
		for _, i := range g.Items {
			texts = append(texts, labels[i]+":"+items[i].Text)
		}
		t.Logf("  [%s] %s", g.Label, strings.Join(texts, " | "))
	}
	if p < 0.95 {
		t.Errorf("precision %.3f, want >= 0.95", p)
	}
	if f1 < 0.9 {
		t.Errorf("F1 %.3f, want >= 0.9", f1)
	}
}

func distinct(xs []string) map[string]bool {
	m := make(map[string]bool)
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func TestGrams(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"“三会一课”记录不规范", "三会 会一 一课 记录 录不 不规 规范"},
		{"公车", "公车"},
		{"党", "党"},
		{"2023年ABC检查", "2023 年 abc 检查"},
		{"ＡＢ１２", "ab12"},
	} {
		if got := strings.Join(grams(c.in), " "); got != c.want {
			t.Errorf("grams(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A search query is typed by a user: any bytes give a query FTS5 accepts or an error, never a
// panic or an FTS syntax error.
func FuzzSearchQuery(f *testing.F) {
	for _, s := range []string{"三会一课", "党", "a\"b", "NEAR(x y)", "公务 用车 -x", "\xff\xfe", "“三会”*"} {
		f.Add(s)
	}
	a, err := Open(filepath.Join(f.TempDir(), "f.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer a.Close()
	ctx := context.Background()
	if _, err := a.Add(ctx, record("县教育局党组", "2024", "“三会一课”记录不规范"), "a", []byte("a"), "t"); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		_, err := a.Search(ctx, q, Filter{}, 5)
		if err != nil && !strings.Contains(err.Error(), "没有可检索的词") {
			t.Errorf("query %q: %v", q, err)
		}
	})
}

// fnv64a is FNV-1a as hash/fnv computes it.
func TestFNV64a(t *testing.T) {
	for _, s := range []string{"", "三会", "a", "公务用车管理不严格"} {
		h := fnv.New64a()
		h.Write([]byte(s))
		if got, want := fnv64a(s), h.Sum64(); got != want {
			t.Errorf("fnv64a(%q) = %x, want %x", s, got, want)
		}
	}
}
