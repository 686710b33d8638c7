package workbook

import (
	"os"
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// TestDemoWorkbook writes the workbook the screenshots in docs/ are taken from, when
// XUNCHA_DEMO names the file: the seed bulletin and a few generated ones.
//
//	XUNCHA_DEMO=/tmp/demo.xlsx go test -run TestDemoWorkbook ./internal/workbook/
func TestDemoWorkbook(t *testing.T) {
	path := os.Getenv("XUNCHA_DEMO")
	if path == "" {
		t.Skip("XUNCHA_DEMO not set")
	}
	bs := []*bulletin.Bulletin{seedBulletin(), synthBulletin(1, 5), synthBulletin(2, 3), synthBulletin(3, 8)}
	if err := func() error {
		w, err := Create(path)
		if err != nil {
			return err
		}
		for _, b := range bs {
			if err := w.Add(b); err != nil {
				w.Abort()
				return err
			}
		}
		if err := w.AddFailure("corpus/broken.html", "ingest corpus/broken.html: no text found"); err != nil {
			w.Abort()
			return err
		}
		return w.Close()
	}(); err != nil {
		t.Fatal(err)
	}
}
