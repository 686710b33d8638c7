package main

import (
	"archive/zip"
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The archive from the command line: add the corpus, add it again (nothing changes), add a
// republished copy and a bad file, search, report, re-extract.
func TestArchiveCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")

	code, _, stderr := runCLI(t, "", "add", "--db", db, "-j", "2", corpusDir)
	if code != 0 {
		t.Fatalf("add corpus: exit %d\n%s", code, stderr)
	}
	m := regexp.MustCompile(`存入 (\d+) 份公报，副本 (\d+)，已有 (\d+)，失败 0`).FindStringSubmatch(stderr)
	if m == nil || m[1] == "0" {
		t.Fatalf("add summary: %q", stderr)
	}
	stored := m[1]

	code, _, stderr = runCLI(t, "", "add", "--db", db, corpusDir)
	if code != 0 || !strings.Contains(stderr, "存入 0 份公报") || !strings.Contains(stderr, "已有 ") {
		t.Errorf("adding the same files again: exit %d, %q", code, stderr)
	}

	// The sample republished: the same text with other bytes (a page around it).
	sample, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	repub := filepath.Join(dir, "mirror.txt")
	if err := os.WriteFile(repub, append([]byte("\n\n"), sample...), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, nil, 0o644)
	code, _, stderr = runCLI(t, "", "add", "--db", db, repub, bad)
	if code != 1 || !strings.Contains(stderr, "转载") || !strings.Contains(stderr, "bad.txt: 空文件") || !strings.Contains(stderr, "存入 0 份公报，副本 1") {
		t.Errorf("copy and bad file: exit %d\n%s", code, stderr)
	}

	code, stdout, stderr := runCLI(t, "", "search", "--db", db, "--json", "-n", "0", "三会一课")
	if code != 0 {
		t.Fatalf("search: exit %d %s", code, stderr)
	}
	hits := 0
	sc := bufio.NewScanner(strings.NewReader(stdout))
	for sc.Scan() {
		var h searchHit
		if err := json.Unmarshal(sc.Bytes(), &h); err != nil {
			t.Fatalf("search --json line %q: %v", sc.Text(), err)
		}
		if h.Unit == "" || h.BulletinID == 0 {
			t.Errorf("hit without unit or bulletin: %+v", h)
		}
		hits++
	}
	if hits == 0 {
		t.Errorf("no hit for 三会一课")
	}
	if code, _, stderr := runCLI(t, "", "search", "--db", filepath.Join(dir, "none.db"), "三会"); code != 1 || !strings.Contains(stderr, "档案库不存在") {
		t.Errorf("search of a missing archive: exit %d %q", code, stderr)
	}

	out := filepath.Join(dir, "r.xlsx")
	code, _, stderr = runCLI(t, "", "report", "--db", db, "-o", out)
	if code != 0 {
		t.Fatalf("report: exit %d %s", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("共性问题")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 3 || rows[0][0] != "共性问题编号" {
		t.Errorf("共性问题 sheet: %d rows, header %q", len(rows), rows[0])
	}
	units := map[string]map[string]bool{}
	for _, r := range rows[1:] {
		if len(r) < 7 {
			t.Fatalf("short row %q", r)
		}
		if units[r[0]] == nil {
			units[r[0]] = map[string]bool{}
		}
		units[r[0]][r[6]] = true
	}
	for no, us := range units {
		if len(us) < 2 {
			t.Errorf("共性问题 %s spans %d unit(s)", no, len(us))
		}
	}
	for sheet, header := range map[string]string{"按单位汇总": "被巡察单位", "按主题": "主题", "按年度": "年度", "逾期": "被巡察单位"} {
		rows, err := f.GetRows(sheet)
		if err != nil || len(rows) == 0 || rows[0][0] != header {
			t.Errorf("report sheet %s: %v %q", sheet, err, rows)
		}
		if sheet != "逾期" && len(rows) < 2 {
			t.Errorf("report sheet %s has no rows", sheet)
		}
	}
	// 按主题 has its chart: the sheet's drawing holds one, over the sheet's own rows.
	if idx, err := f.GetSheetIndex("按主题"); err != nil || idx < 0 {
		t.Errorf("no 按主题 sheet: %v", err)
	} else if rels, err := readZipPart(out, fmt.Sprintf("xl/worksheets/_rels/sheet%d.xml.rels", idx+1)); err != nil || !strings.Contains(rels, "drawing") {
		t.Errorf("按主题 has no chart (%v): %s", err, rels)
	}
	overview, _ := f.GetRows("概览")
	if n := len(overview) - 2; n < 1 || stored == "" {
		t.Errorf("report 概览 has %d rows", len(overview))
	}

	code, _, stderr = runCLI(t, "", "add", "--db", db, "--reextract")
	if code != 0 || !strings.Contains(stderr, "重读 ") {
		t.Errorf("--reextract: exit %d %q", code, stderr)
	}
	code2, stdout2, _ := runCLI(t, "", "search", "--db", db, "--json", "-n", "0", "三会一课")
	if code2 != 0 || strings.Count(stdout2, "\n") != hits {
		t.Errorf("after re-extraction the same rules find %d hits, before %d", strings.Count(stdout2, "\n"), hits)
	}
}

// readZipPart is the text of one part of a workbook.
func readZipPart(path, name string) (string, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return "", err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				return "", err
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			return string(b), err
		}
	}
	return "", fmt.Errorf("no part %s", name)
}
