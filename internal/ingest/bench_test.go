package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/xuncha/xuncha/internal/pipeline/gen"
	"github.com/xuncha/xuncha/internal/testcorpus"
)

// BenchmarkRead measures Read per format; BenchmarkBaseline measures the floor under it (splitting
// the text into lines, x/net/html's parse of the same page) so the figures can be read as ratios.
func BenchmarkRead(b *testing.B) {
	for _, in := range benchInputs(b) {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read(in.name, in.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkBaseline(b *testing.B) {
	for _, in := range benchInputs(b) {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				switch filepath.Ext(in.name) {
				case ".txt":
					_ = strings.Split(string(in.data), "\n")
				case ".html":
					if _, err := html.Parse(bytes.NewReader(in.data)); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

type benchInput struct {
	name string
	data []byte
}

func benchInputs(b *testing.B) []benchInput {
	b.Helper()
	var ins []benchInput
	for _, f := range []string{
		filepath.Join("..", "..", "corpus", "yushu-wenguanglv-2024.txt"),
		filepath.Join(fixtureDir, "trs-editor.html"),
		filepath.Join(fixtureDir, "zoom-gbk.html"),
	} {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Skip(err)
		}
		ins = append(ins, benchInput{filepath.Base(f), data})
	}
	return append(ins, benchInput{"variant-word.docx", mustDocx(b, variantWord)})
}

// BenchmarkReadMix reads the mix the pipeline's BenchmarkRatio reads once each: the sample, the
// held-out texts, the excerpts, the shared real bulletins where present, and 300 generated
// bulletins (text and HTML pages, UTF-8 with or without BOM, GB18030).
func BenchmarkReadMix(b *testing.B) {
	var ins []benchInput
	var total int64
	for _, f := range testcorpus.Files(b, "corpus/*.txt", "testdata/heldout/*.txt", "testdata/excerpts/*.txt") {
		ins = append(ins, benchInput{filepath.Base(f.Name), f.Data})
	}
	for _, d := range gen.Generate(300, 12) {
		ins = append(ins, benchInput{d.Name, d.Data})
	}
	for _, in := range ins {
		total += int64(len(in.data))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range ins {
			if _, err := Read(in.name, in.data); err != nil {
				b.Fatal(in.name, err)
			}
		}
	}
}
