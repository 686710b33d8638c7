// Command gen writes internal/segment/data/dict.bin and data/gse_stop.txt (gse's stop list), the compact form of gse's embedded
// simplified-Chinese dictionary (zh_s) and its IDF table that package segment reads at run time
// in place of loading gse (go generate ./internal/segment, from the module root). Package
// segment's tests load gse itself and check that the table gives the same words, frequencies,
// parts of speech, IDF values and segmentations (TestTableMatchesGse, TestCutMatchesGse), so a
// table left stale after a gse upgrade fails the tests.
//
// Format (little-endian; package segment, table.go, reads it):
//
//	magic    "XCDICT01"
//	u32 n        entries (keys of the dictionary and of the IDF table, sorted bytewise, unique)
//	u32 maxLen   gse's MaxTokenLen of the dictionary
//	f64 total    gse's TotalFreq of the dictionary
//	f64 median   median of the IDF table's values (all lines, duplicates included)
//	u32 nPos     parts of speech
//	u32 nIdf     distinct IDF values
//	u32 keyBytes size of the key blob
//	u32 off[n+1] start of each key in the blob
//	u32 freq[n]  dictionary frequency, 0 for a key that is only in the IDF table
//	u8  pos[n]   index into the parts of speech
//	u16 idf[n]   0: not in the IDF table; i: idfVals[i-1]
//	f64 idfVals[nIdf]
//	pos names    nPos times: u8 length, bytes
//	key blob
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/go-ego/gse"
)

func main() {
	out := flag.String("o", "data/dict.bin", "output file")
	flag.Parse()
	data, err := build()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	tmp := *out + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.Rename(tmp, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	abs, _ := filepath.Abs(*out)
	fmt.Printf("gen: %s: %d bytes\n", abs, len(data))
	if err := writeStop(filepath.Join(filepath.Dir(*out), "gse_stop.txt")); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// writeStop writes gse's embedded stop list, sorted, one word a line.
func writeStop(path string) error {
	var seg gse.Segmenter
	if err := seg.LoadStopEmbed(); err != nil {
		return fmt.Errorf("load gse stop words: %w", err)
	}
	words := make([]string, 0, len(seg.StopWordMap))
	for w := range seg.StopWordMap {
		words = append(words, w)
	}
	sort.Strings(words)
	return os.WriteFile(path, []byte(strings.Join(words, "\n")+"\n"), 0o644)
}

type entry struct {
	key  string
	freq float64
	pos  string
	idf  float64
	hasI bool
}

func build() ([]byte, error) {
	var seg gse.Segmenter
	seg.SkipLog = true
	seg.NotLoadHMM = true
	if err := seg.LoadDictEmbed("zh_s"); err != nil {
		return nil, fmt.Errorf("load gse dictionary: %w", err)
	}
	byKey := map[string]*entry{}
	for i := range seg.Dict.Tokens {
		t := &seg.Dict.Tokens[i]
		k := t.Text()
		if _, dup := byKey[k]; dup {
			return nil, fmt.Errorf("duplicate dictionary key %q", k)
		}
		f := t.Freq()
		if f <= 0 || f != math.Trunc(f) || f > math.MaxUint32 {
			return nil, fmt.Errorf("%q: frequency %v is not a positive 32-bit integer", k, f)
		}
		byKey[k] = &entry{key: k, freq: f, pos: t.Pos()}
	}
	idf, median, err := parseIDF(gse.ZhIdf)
	if err != nil {
		return nil, err
	}
	for k, v := range idf {
		e := byKey[k]
		if e == nil {
			e = &entry{key: k}
			byKey[k] = e
		}
		e.idf, e.hasI = v, true
	}
	es := make([]*entry, 0, len(byKey))
	for _, e := range byKey {
		es = append(es, e)
	}
	sort.Slice(es, func(i, j int) bool { return es[i].key < es[j].key })

	posIdx := map[string]int{}
	var posNames []string
	idfIdx := map[float64]int{}
	var idfVals []float64
	for _, e := range es {
		if _, ok := posIdx[e.pos]; !ok {
			posIdx[e.pos] = len(posNames)
			posNames = append(posNames, e.pos)
		}
		if _, ok := idfIdx[e.idf]; e.hasI && !ok {
			idfVals = append(idfVals, e.idf)
			idfIdx[e.idf] = len(idfVals)
		}
	}
	if len(posNames) > 255 || len(idfVals) > math.MaxUint16 {
		return nil, fmt.Errorf("%d parts of speech, %d IDF values: too many for the format", len(posNames), len(idfVals))
	}

	var keys bytes.Buffer
	var b bytes.Buffer
	w := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString("XCDICT01")
	w(uint32(len(es)))
	w(uint32(seg.Dict.MaxTokenLen()))
	w(seg.Dict.TotalFreq())
	w(median)
	w(uint32(len(posNames)))
	w(uint32(len(idfVals)))
	for _, e := range es {
		keys.WriteString(e.key)
	}
	w(uint32(keys.Len()))
	off := 0
	for _, e := range es {
		w(uint32(off))
		off += len(e.key)
	}
	w(uint32(off))
	for _, e := range es {
		w(uint32(e.freq))
	}
	for _, e := range es {
		w(uint8(posIdx[e.pos]))
	}
	for _, e := range es {
		i := 0
		if e.hasI {
			i = idfIdx[e.idf]
		}
		w(uint16(i))
	}
	for _, v := range idfVals {
		w(v)
	}
	for _, p := range posNames {
		w(uint8(len(p)))
		b.WriteString(p)
	}
	b.Write(keys.Bytes())
	return b.Bytes(), nil
}

// parseIDF reads gse's IDF table ("word idf" lines) as package segment always has: the last
// value of a word repeated wins, and the median is over every line read.
func parseIDF(text string) (map[string]float64, float64, error) {
	idf := make(map[string]float64, 280000)
	vals := make([]float64, 0, 280000)
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		sp := strings.IndexByte(line, ' ')
		if sp <= 0 {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(line[sp+1:]), 64)
		if err != nil {
			continue
		}
		idf[line[:sp]] = v
		vals = append(vals, v)
	}
	if len(vals) == 0 {
		return nil, 0, fmt.Errorf("IDF table empty")
	}
	sort.Float64s(vals)
	return idf, vals[len(vals)/2], nil
}
