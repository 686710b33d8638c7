package segment

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

// The tests share one Segmenter: loading takes about a second.
var (
	loadOnce sync.Once
	loaded   *Segmenter
	loadErr  error
)

func segmenter(tb testing.TB) *Segmenter {
	tb.Helper()
	loadOnce.Do(func() { loaded, loadErr = Load() })
	if loadErr != nil {
		tb.Fatalf("Load: %v", loadErr)
	}
	return loaded
}

func readSeed(tb testing.TB) string { return testcorpus.Sample(tb) }

// seedBulletin builds the bulletin of the seed by hand, without the other stages: paragraphs are
// the non-blank lines; a problem is a paragraph starting 针对“…”问题 (quotes balanced, nested
// quotes kept), its measures the rest of the paragraph split at 一是/二是 (or the rest whole);
// its topic the last 1.关于“…”问题整改情况 heading and its category the last （一）关于“…”方面.
func seedBulletin(tb testing.TB, text string) *bulletin.Bulletin {
	tb.Helper()
	b := &bulletin.Bulletin{Unit: "文广旅局党组"}
	var topic, category string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		idx := len(b.Paragraphs)
		b.Paragraphs = append(b.Paragraphs, bulletin.Paragraph{Index: idx, Text: line, Role: bulletin.RoleOther})
		switch {
		case strings.HasPrefix(line, "（") && strings.HasSuffix(line, "方面"):
			category, _ = quoted(line)
		case strings.Contains(line, "问题整改情况") && !strings.HasPrefix(line, "针对"):
			topic, _ = quoted(line)
		case strings.HasPrefix(line, "针对“"):
			q, rest := quoted(line)
			rest = strings.TrimPrefix(rest, "问题")
			rest = strings.TrimPrefix(rest, "。")
			p := bulletin.Problem{
				ID: "P" + itoa(len(b.Problems)+1), Quote: q, Topic: topic, Category: category,
				Paragraph: idx, Measures: splitMeasures(rest, idx),
			}
			b.Paragraphs[idx].Role = bulletin.RoleProblem
			b.Problems = append(b.Problems, p)
		}
	}
	return b
}

// quoted returns the inner text of the first balanced “…” in s and what follows it.
func quoted(s string) (inner, rest string) {
	start := strings.Index(s, "“")
	if start < 0 {
		return "", s
	}
	depth := 0
	for i, r := range s[start:] {
		switch r {
		case '“':
			depth++
		case '”':
			depth--
			if depth == 0 {
				end := start + i
				return s[start+len("“") : end], s[end+len("”"):]
			}
		}
	}
	return s[start+len("“"):], ""
}

var ordinals = []string{"一是", "二是", "三是", "四是", "五是"}

func splitMeasures(s string, para int) []bulletin.Measure {
	if !strings.HasPrefix(s, ordinals[0]) {
		return []bulletin.Measure{{Ordinal: 0, Text: s, Paragraph: para}}
	}
	var ms []bulletin.Measure
	for k := 0; k < len(ordinals); k++ {
		s = strings.TrimPrefix(s, ordinals[k])
		end := len(s)
		if k+1 < len(ordinals) {
			if i := strings.Index(s, ordinals[k+1]); i >= 0 {
				end = i
			}
		}
		ms = append(ms, bulletin.Measure{Ordinal: k + 1, Text: s[:end], Paragraph: para})
		if end == len(s) {
			break
		}
		s = s[end:]
	}
	return ms
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// heldoutTexts returns the shared real bulletins and the held-out texts, each whole and folded:
// text the dictionary's fast paths were not written around.
func heldoutTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	for _, dir := range []string{testcorpus.Shared(t, "real", "raw"), filepath.Join("..", "..", "testdata", "heldout")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, fold.String(string(data)))
		}
	}
	return texts
}
