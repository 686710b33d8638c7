package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/pipeline/gen"
	"github.com/xuncha/xuncha/internal/segment"
)

// seedPath is the user's sample shipped in corpus/.
var seedPath = filepath.Join("..", "..", "corpus", "yushu-wenguanglv-2024.txt")

func TestProcessNamesTheInputInErrors(t *testing.T) {
	// Holds whatever ingest says about empty input: the error is one line naming the input.
	_, err := Process(Input{Name: "corpus/x.txt", Path: "corpus/x.txt"}, nil, nil)
	if err == nil {
		t.Fatal("empty input gave no error")
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "corpus/x.txt: ") || strings.Contains(msg, "\n") {
		t.Errorf("error %q: want one line starting with the path", msg)
	}
}

// TestProcessSeed needs the real ingest, structure and extract.
func TestProcessSeed(t *testing.T) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Process(Input{Name: seedPath, Path: seedPath}, data, nil)
	if err != nil {
		t.Fatalf("Process(seed): %v", err)
	}
	sum := sha256.Sum256(data)
	want := bulletin.Source{Path: seedPath, SHA256: hex.EncodeToString(sum[:]), Format: "txt", Encoding: "utf-8", Bytes: int64(len(data))}
	if b.Source != want {
		t.Errorf("source %+v\nwant   %+v", b.Source, want)
	}
	if len(b.Problems) != 14 {
		t.Errorf("%d problems, want 14", len(b.Problems))
	}
	if b.Unit == "" || b.Inspector == "" {
		t.Errorf("unit %q, inspector %q: want both", b.Unit, b.Inspector)
	}
	// Lists are [] in JSON, never null.
	out, _ := json.Marshal(b)
	for _, field := range []string{`"sections":null`, `"problems":null`, `"metrics":null`, `"paragraphs":null`, `"checks":null`, `"warnings":null`, `"phones":null`, `"measures":null`} {
		if strings.Contains(string(out), field) {
			t.Errorf("JSON has %s", field)
		}
	}
}

// TestProcessGenerated compares the extraction of generated bulletins with what the generator
// wrote into them. It needs every real stage.
func TestProcessGenerated(t *testing.T) {
	for _, d := range gen.Generate(40, 7) {
		b, err := Process(Input{Name: d.Name, Data: d.Data}, d.Data, nil)
		if err != nil {
			t.Errorf("%s (%s %s %s): %v", d.Name, d.Style, d.Format, d.Encoding, err)
			continue
		}
		if b.Source.Format != d.Format || strings.TrimSuffix(b.Source.Encoding, "-bom") != strings.TrimSuffix(d.Encoding, "-bom") {
			t.Errorf("%s: read as %s %s, want %s %s", d.Name, b.Source.Format, b.Source.Encoding, d.Format, d.Encoding)
		}
		if b.Title != d.Title {
			t.Errorf("%s: title %q, want %q", d.Name, b.Title, d.Title)
		}
		if b.Unit != d.Unit || b.Inspector != d.Inspector {
			t.Errorf("%s: unit %q inspector %q, want %q %q", d.Name, b.Unit, b.Inspector, d.Unit, d.Inspector)
		}
		if string(b.Inspection.Start) != d.Start || string(b.Inspection.End) != d.End || string(b.FeedbackDate) != d.Feedback {
			t.Errorf("%s: inspection %s..%s feedback %s, want %s..%s %s", d.Name,
				b.Inspection.Start, b.Inspection.End, b.FeedbackDate, d.Start, d.End, d.Feedback)
		}
		var quotes []string
		measures := 0
		for _, p := range b.Problems {
			q := p.Quote
			if q == "" && d.Style == gen.StyleLabelled {
				q = p.Topic // （一）关于“…”问题 heads a labelled block: extract keeps its quote as the topic
			}
			quotes = append(quotes, q)
			for _, m := range p.Measures {
				if m.Ordinal > 0 {
					measures++
				}
			}
		}
		if strings.Join(quotes, "\n") != strings.Join(d.Problems, "\n") {
			t.Errorf("%s (%s): %d problems, want %d:\n got %q\nwant %q", d.Name, d.Style, len(quotes), len(d.Problems), quotes, d.Problems)
		} else if measures != d.Measures {
			t.Errorf("%s (%s): %d numbered measures, want %d", d.Name, d.Style, measures, d.Measures)
		}
	}
}

// TestProcessSegments needs the real segmenter: keywords come from it.
func TestProcessSegments(t *testing.T) {
	if testing.Short() {
		t.Skip("loading the segmenter takes a second or two")
	}
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	seg, err := segment.Load()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Process(Input{Name: seedPath, Path: seedPath}, data, seg)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Keywords) == 0 {
		t.Errorf("no keywords after Annotate")
	}
}
