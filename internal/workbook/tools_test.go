//go:build tools

// Tools for measuring and for the screenshots in docs/, behind the build tag "tools" so that
// they never pass for tests: go test -tags tools -run NAME ./internal/workbook/
package workbook

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// TestDemoWorkbook writes the workbook the screenshots in docs/ are taken from, when
// XUNCHA_DEMO names the file: the seed bulletin and a few generated ones.
//
//	XUNCHA_DEMO=/tmp/demo.xlsx go test -tags tools -run TestDemoWorkbook ./internal/workbook/
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

// TestRSSProbe writes XUNCHA_RSS_ROWS problem rows, for measuring peak memory from outside:
//
//	go test -tags tools -c -o /tmp/wb.test ./internal/workbook/
//	XUNCHA_RSS_ROWS=10000  /usr/bin/time -v /tmp/wb.test -test.run TestRSSProbe
//	XUNCHA_RSS_ROWS=100000 /usr/bin/time -v /tmp/wb.test -test.run TestRSSProbe
func TestRSSProbe(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("XUNCHA_RSS_ROWS"))
	if err != nil || n <= 0 {
		t.Skip("XUNCHA_RSS_ROWS not set")
	}
	size := writeSynthetic(t, filepath.Join(t.TempDir(), "rss.xlsx"), n)
	t.Logf("%d problem rows, %d bytes", n, size)
}
