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
