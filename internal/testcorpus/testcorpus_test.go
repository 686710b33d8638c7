package testcorpus

import (
	"os"
	"strings"
	"testing"
)

func TestSample(t *testing.T) {
	if s := Sample(t); !strings.Contains(s, "巡察") {
		t.Errorf("%s does not read as a bulletin", SamplePath())
	}
	if _, err := os.Stat(Path("go.mod")); err != nil {
		t.Errorf("Root %s is not the repository root: %v", Root(), err)
	}
}

func TestLines(t *testing.T) {
	lines := Lines(t, "corpus/"+SampleName)
	sample := strings.Split(Sample(t), "\n")
	if len(lines) < len(sample) {
		t.Fatalf("%d lines, fewer than the sample's %d", len(lines), len(sample))
	}
	for i, l := range sample {
		if lines[i] != l {
			t.Fatalf("line %d = %q, the sample has %q", i, lines[i], l)
		}
	}
}
