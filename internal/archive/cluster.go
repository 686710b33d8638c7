package archive

import (
	"context"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Similarity of two problems is the cosine of their gram vectors, each gram weighted by its
// inverse document frequency over the problems compared (TF-IDF): grams every problem has
// (问题, 不到, 到位) count for little, the terms that name the failing (三会, 公务, 用车) for much.
//
// The thresholds below were chosen on testdata/clusters/tune.tsv, a set of labelled problem
// statements, as the lowest value whose precision there is at least 0.95 (see
// TestChooseThreshold); testdata/clusters/heldout.tsv, not looked at while choosing, is
// scored by TestClustersHeldOut.
const (
	// ClusterThreshold joins a problem to a cluster whose centroid is at least this similar.
	ClusterThreshold = 0.20
	// RecurThreshold links a problem to an earlier one of the same unit (回头看). Without IDF
	// weights from a whole set, this compares plain gram sets (Jaccard-like Dice overlap).
	RecurThreshold = 0.5
)

// verdicts are the words a problem statement uses to say how a thing fails, not what fails:
// two statements that share only these (公务用车管理不规范, 政府采购程序不规范) state different
// problems. They are cut out before statements are compared (not before they are indexed
// for search). Longer words first, so that 落实不到位 goes as one.
var verdicts = []string{
	"落实不到位", "执行不到位", "整改不到位", "流于形式", "不规范", "不到位", "不严格", "不严肃", "不彻底",
	"不深入", "不完善", "不健全", "不及时", "不完整", "不经常", "不够", "不力", "不严", "不足", "不高",
	"不全", "不准确", "仍有发生", "时有发生", "依然存在", "仍然存在", "存在", "问题", "落实", "执行",
	"制度", "工作", "管理", "情况", "现象", "部分", "未按规定", "按规定", "存在漏洞", "漏洞", "薄弱",
	"差距", "缺失", "不强", "不紧", "不充分", "有待", "进一步", "还需", "较差", "较弱", "单一",
}

// subject is text with the verdicts cut out, each leaving a break (公务用车管理不规范 →
// 公务用车 ·).
func subject(text string) string {
	for _, v := range verdicts {
		text = strings.ReplaceAll(text, v, "·")
	}
	return text
}

// vector is a sparse gram vector.
type vector map[string]float64

// candidate is an earlier problem of the same unit.
type candidate struct {
	id  int64
	vec []uint64 // gramHashes of its subject
}

// gramHashes is the set of a text's grams as sorted 64-bit hashes (FNV-1a): a set compared by
// merging, with no map to build (an addition compares each problem with the unit's earlier
// ones, so this runs tens of times a problem).
func gramHashes(text string) []uint64 {
	gs := grams(text)
	out := make([]uint64, 0, len(gs))
	for _, g := range gs {
		out = append(out, fnv64a(g))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// fnv64a is the 64-bit FNV-1a hash of s (as hash/fnv computes it, without its allocation).
func fnv64a(s string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime
	}
	return h
}

// dice is the Dice overlap of two gram sets: 2|A∩B| / (|A|+|B|).
func dice(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// subjectHashes is gramHashes(subject(statement)), remembered: adding a bulletin compares
// each of its problems with the unit's earlier ones, which were hashed when they were added,
// so without it every problem would be cut and hashed again for each later bulletin of its
// unit. The hashes depend on the statement alone, so a remembered value never goes stale.
func subjectHashes(statement string) []uint64 {
	subjects.Lock()
	v, ok := subjects.m[statement]
	subjects.Unlock()
	if ok {
		return v
	}
	v = gramHashes(subject(statement))
	subjects.Lock()
	if len(subjects.m) >= subjectsKept {
		clear(subjects.m) // a bound on memory: start again rather than grow with the archive
	}
	subjects.m[statement] = v
	subjects.Unlock()
	return v
}

// subjectsKept bounds the statements subjectHashes remembers (a few tens of MB at most).
const subjectsKept = 1 << 16

var subjects = struct {
	sync.Mutex
	m map[string][]uint64
}{m: make(map[string][]uint64)}

// mostSimilar is the id of the candidate most similar to a statement whose subjectHashes are
// v, at least RecurThreshold, or 0.
func mostSimilar(v []uint64, cands []candidate) int64 {
	best, id := RecurThreshold, int64(0)
	for _, c := range cands {
		if s := dice(v, c.vec); s >= best {
			best, id = s, c.id
		}
	}
	return id
}

// Item is one problem to cluster: its text and the unit that raised it.
type Item struct {
	ID   int64
	Unit string
	Text string
}

// Group is a set of similar problems: Items indexes the input, Rep is the index of the
// representative (the item nearest the centroid), Label the grams that define the group,
// joined back into words where they overlap.
type Group struct {
	Items []int
	Rep   int
	Label string
	Units int
}

// Cluster groups items whose statements say the same failing: each item, in order, joins the
// group whose centroid it is most similar to (cosine of TF-IDF vectors, at least threshold),
// or starts a new one. Centroids rather than single links keep a chain of near neighbours
// from joining unlike problems. Groups of one item are returned too; the caller keeps those
// spanning several units.
func Cluster(items []Item, threshold float64) []Group {
	df := make(map[string]int)
	bags := make([]map[string]int, len(items))
	for i, it := range items {
		bag := make(map[string]int)
		for _, g := range grams(subject(it.Text)) {
			bag[g]++
		}
		bags[i] = bag
		for g := range bag {
			df[g]++
		}
	}
	n := float64(len(items))
	vecs := make([]vector, len(items))
	for i, bag := range bags {
		v := make(vector, len(bag))
		for g, tf := range bag {
			v[g] = (1 + math.Log(float64(tf))) * math.Log(1+n/float64(df[g]))
		}
		normalize(v)
		vecs[i] = v
	}

	type group struct {
		items []int
		sum   vector  // sum of member vectors; the centroid is its direction
		norm2 float64 // |sum|², kept as members join, so a comparison costs the item's grams only
	}
	var groups []*group
	index := make(map[string][]int) // gram -> groups whose centroid has it
	for i, v := range vecs {
		seen := make(map[int]bool)
		best, bi := threshold, -1
		for g := range v {
			for _, gi := range index[g] {
				if seen[gi] {
					continue
				}
				seen[gi] = true
				gr := groups[gi]
				var dot float64
				for g, w := range v {
					dot += w * gr.sum[g]
				}
				if gr.norm2 == 0 {
					continue
				}
				if s := dot / math.Sqrt(gr.norm2); s >= best {
					best, bi = s, gi
				}
			}
		}
		if bi < 0 {
			bi = len(groups)
			groups = append(groups, &group{sum: vector{}})
		}
		gr := groups[bi]
		gr.items = append(gr.items, i)
		for g, w := range v {
			old, ok := gr.sum[g]
			if !ok {
				index[g] = append(index[g], bi)
			}
			gr.sum[g] = old + w
			gr.norm2 += (old+w)*(old+w) - old*old
		}
	}

	out := make([]Group, 0, len(groups))
	for _, gr := range groups {
		G := Group{Items: gr.items}
		best := -1.0
		units := make(map[string]bool)
		for _, i := range gr.items {
			// Members that say the same thing are equally near, but the sums behind
			// their cosines are taken in map order and differ in the last bits from run to
			// run: nearer by more than that, or the first such member represents the group.
			if s := cosine(vecs[i], gr.sum); s > best+1e-9 {
				best, G.Rep = s, i
			}
			units[items[i].Unit] = true
		}
		G.Units = len(units)
		G.Label = label(gr.items, bags, gr.sum)
		out = append(out, G)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Units != out[j].Units {
			return out[i].Units > out[j].Units
		}
		return len(out[i].Items) > len(out[j].Items)
	})
	return out
}

// label names a group by the grams two thirds of its members share, heaviest first, chained into
// words where one gram continues another (三会 会一 一课 → 三会一课).
func label(members []int, bags []map[string]int, sum vector) string {
	count := make(map[string]int)
	for _, i := range members {
		for g := range bags[i] {
			count[g]++
		}
	}
	need := max(2, (2*len(members)+2)/3) // in two thirds of the members, and at least two
	if len(members) == 1 {
		need = 1
	}
	var shared []string
	for g, c := range count {
		if c >= need && len([]rune(g)) == 2 {
			shared = append(shared, g)
		}
	}
	sort.Slice(shared, func(i, j int) bool {
		if sum[shared[i]] != sum[shared[j]] {
			return sum[shared[i]] > sum[shared[j]]
		}
		return shared[i] < shared[j]
	})
	// Chain grams into words: a gram whose first rune is another's last extends it.
	type word struct {
		text   string
		weight float64
	}
	words := []word{}
	used := make(map[string]bool)
	for _, g := range shared {
		if used[g] {
			continue
		}
		used[g] = true
		w := []rune(g)
		weight := sum[g]
		for grown := true; grown; {
			grown = false
			for _, h := range shared {
				hr := []rune(h)
				if !used[h] && hr[0] == w[len(w)-1] {
					w = append(w, hr[1])
					weight += sum[h]
					used[h], grown = true, true
				} else if !used[h] && hr[1] == w[0] {
					w = append([]rune{hr[0]}, w...)
					weight += sum[h]
					used[h], grown = true, true
				}
			}
		}
		words = append(words, word{string(w), weight})
	}
	sort.SliceStable(words, func(i, j int) bool { return words[i].weight > words[j].weight })
	var out []string
	for i, w := range words {
		if i == 3 {
			break
		}
		out = append(out, w.text)
	}
	return strings.Join(out, "·")
}

func normalize(v vector) {
	var s float64
	for _, w := range v {
		s += w * w
	}
	if s == 0 {
		return
	}
	s = math.Sqrt(s)
	for g := range v {
		v[g] /= s
	}
}

// cosine of a unit vector u and any vector v.
func cosine(u, v vector) float64 {
	var dot, vv float64
	for g, w := range v {
		vv += w * w
		dot += u[g] * w
	}
	if vv == 0 {
		return 0
	}
	return dot / math.Sqrt(vv)
}

// Common is one 共性问题: a group of similar problems from at least two units.
type Common struct {
	No       int     // 1, 2 … in order of units, then problems
	Label    string  // the defining words
	Rep      Problem // the representative problem
	Problems []Problem
	Units    int
}

// Commons clusters the problems of the bulletins f selects and returns the groups that span
// at least two units.
func (a *Archive) Commons(ctx context.Context, f Filter) ([]Common, error) {
	ps, err := a.Problems(ctx, f, 0)
	if err != nil {
		return nil, err
	}
	items := make([]Item, len(ps))
	for i, p := range ps {
		items[i] = Item{ID: p.ID, Unit: p.Unit, Text: p.Statement}
	}
	var out []Common
	for _, g := range Cluster(items, ClusterThreshold) {
		if g.Units < 2 {
			continue
		}
		c := Common{No: len(out) + 1, Label: g.Label, Rep: ps[g.Rep], Units: g.Units}
		for _, i := range g.Items {
			c.Problems = append(c.Problems, ps[i])
		}
		out = append(out, c)
	}
	return out, nil
}
