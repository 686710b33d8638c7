package pipeline

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuncha/xuncha/internal/segment"
)

var update = flag.Bool("update", false, "rewrite the golden records in testdata/golden")

// TestGoldenRecords runs every stage, segmentation included, over the user's sample and compares
// the whole JSON record with testdata/golden/NAME.json. A change in any stage shows up here as a
// diff to review; after review, regenerate with
//
//	go test ./internal/pipeline -run TestGoldenRecords -update
func TestGoldenRecords(t *testing.T) {
	if testing.Short() {
		t.Skip("loading the segmenter takes a second or two")
	}
	seg, err := segment.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"yushu-wenguanglv-2024.txt"} {
		path := filepath.Join("..", "..", "corpus", name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// The source path is written as the README's command would see it.
		in := Input{Name: "corpus/" + name, Path: "corpus/" + name}
		b, err := Process(in, data, seg)
		if err != nil {
			t.Fatal(err)
		}
		got, err := json.MarshalIndent(b, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, '\n')
		golden := filepath.Join("..", "..", "testdata", "golden", name[:len(name)-len(filepath.Ext(name))]+".json")
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (create it with -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: record differs from %s; review with -update and git diff", name, golden)
		}
	}
}
