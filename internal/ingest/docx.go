package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// Limits against zip bombs and absurd Word files.
const (
	maxDocxEntries  = 5000     // parts in the archive (a real bulletin has 10-30)
	maxDocumentXML  = 64 << 20 // uncompressed word/document.xml
	maxSidePartXML  = 8 << 20  // uncompressed numbering.xml, styles.xml
	maxDocxRatio    = 200      // uncompressed:compressed of a part, checked above ratioFloor (Word XML: 5-30)
	ratioFloor      = 1 << 20  // small parts may compress as well as they like
	maxDocxParaText = 1 << 20  // runes in one paragraph
)

// Namespaces of WordprocessingML: transitional (what Word writes) and strict.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// readDocx reads a Word .docx with the standard library: paragraphs from word/document.xml, each
// list paragraph preceded by its marker rendered from numbering.xml (一、 （一） 1. …).
func readDocx(data []byte) (*Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("Word 文档已损坏或不完整（%v）", err)
	}
	if len(zr.File) > maxDocxEntries {
		return nil, fmt.Errorf("Word 文档内的条目过多（%d 个，最多 %d 个）", len(zr.File), maxDocxEntries)
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	main := parts["word/document.xml"]
	if main == nil {
		return nil, errors.New("不是 Word 文档（压缩包中没有 word/document.xml）")
	}
	body, err := readPart(main, maxDocumentXML)
	if err != nil {
		return nil, err
	}
	var num *numbering
	if f := parts["word/numbering.xml"]; f != nil {
		b, err := readPart(f, maxSidePartXML)
		if err != nil {
			return nil, err
		}
		num = parseNumbering(b) // a damaged numbering part only loses the markers
	}
	var styles map[string]styleNum
	if f := parts["word/styles.xml"]; f != nil {
		b, err := readPart(f, maxSidePartXML)
		if err != nil {
			return nil, err
		}
		styles = parseStyles(b)
	}
	paras, tables, err := parseDocumentXML(body, num, styles)
	if err != nil {
		return nil, err
	}
	if bytes.Contains(body, []byte("altChunk")) {
		chunks, err := altChunks(parts)
		if err != nil {
			return nil, err
		}
		paras = append(paras, chunks...)
	}
	doc := &Document{Format: FormatDocx, Encoding: EncUTF8, Tables: tables}
	finish(doc, paras, "")
	if len(doc.Paragraphs) == 0 && doc.Title == "" {
		return nil, errors.New("Word 文档为空（没有文字）")
	}
	return doc, nil
}

// altChunkRel finds the targets of a document's embedded chunks (w:altChunk) in its
// relationships: Type ".../aFChunk" Target="afchunk.htm".
var altChunkRel = regexp.MustCompile(`<Relationship\b[^>]*?Type="[^"]*/aFChunk"[^>]*?Target="([^"]+)"|<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Type="[^"]*/aFChunk"`)

// altChunks reads the paragraphs of the parts a document embeds whole (w:altChunk: a page or
// text pasted as a file, which Word shows as the body). An HTML or text chunk is read as such
// a file would be; another kind (an MHT archive, an RTF) is an error, not a silent empty body.
func altChunks(parts map[string]*zip.File) ([]string, error) {
	rels := parts["word/_rels/document.xml.rels"]
	if rels == nil {
		return nil, nil
	}
	data, err := readPart(rels, maxSidePartXML)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range altChunkRel.FindAllSubmatch(data, -1) {
		target := string(m[1]) + string(m[2])
		name := path.Clean(path.Join("word", target))
		if strings.HasPrefix(target, "/") {
			name = strings.TrimPrefix(path.Clean(target), "/")
		}
		f := parts[name]
		if f == nil {
			continue
		}
		raw, err := readPart(f, maxDocumentXML)
		if err != nil {
			return nil, err
		}
		text, enc, err := decode(raw, charsetHint(raw))
		if err != nil || !(isHTML(name, text) || strings.HasSuffix(strings.ToLower(name), ".txt")) {
			return nil, fmt.Errorf("Word 文档的正文是嵌入的 %s（altChunk），其格式无法读取", path.Base(name))
		}
		if isHTML(name, text) {
			doc, err := readHTML(text, enc)
			if err != nil {
				return nil, fmt.Errorf("Word 文档嵌入的 %s：%w", path.Base(name), err)
			}
			if doc.Title != "" {
				out = append(out, doc.Title)
			}
			out = append(out, doc.Paragraphs...)
			continue
		}
		out = append(out, strings.Split(text, "\n")...)
	}
	return out, nil
}

// readPart decompresses one archive entry within limit bytes and the compression-ratio bound.
func readPart(f *zip.File, limit int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("Word 文档的部件 %s 解压后 %s，超过 %s 上限", f.Name, formatBytes(int64(min(f.UncompressedSize64, 1<<62))), formatBytes(limit))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("Word 文档已损坏：无法打开 %s（%v）", f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, fmt.Errorf("Word 文档已损坏或不完整：%s（%v）", f.Name, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("Word 文档的部件 %s 解压后超过 %s 上限", f.Name, formatBytes(limit))
	}
	if len(b) > ratioFloor && f.CompressedSize64 > 0 && uint64(len(b))/f.CompressedSize64 > maxDocxRatio {
		return nil, fmt.Errorf("Word 文档的部件 %s 解压后膨胀 %d 倍（疑似压缩炸弹），不予读取", f.Name, uint64(len(b))/f.CompressedSize64)
	}
	return b, nil
}

// isW says whether an element is WordprocessingML's name local.
func isW(n xml.Name, local string) bool {
	return n.Local == local && (n.Space == nsW || n.Space == nsWStrict)
}

// wAttr returns the w:name attribute's value.
func wAttr(se xml.StartElement, name string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == name && (a.Name.Space == nsW || a.Name.Space == nsWStrict || a.Name.Space == "") {
			return a.Value, true
		}
	}
	return "", false
}

// numPr is a paragraph's list membership: w:numPr/w:numId and w:ilvl.
type numPr struct {
	numID string
	ilvl  int
	set   bool // numId given (0 switches numbering off)
	lvl   bool // ilvl given
}

// paraState is one open w:p.
type paraState struct {
	text  strings.Builder
	runes int
	num   numPr
	style string
}

// parseDocumentXML reads w:body's paragraphs in order. Table cells and text boxes give their own
// paragraphs; deleted text, field codes and the fallback copies of alternate content are skipped.
// Tables (w:tbl) are also returned as grids; see docxTables.
func parseDocumentXML(body []byte, num *numbering, styles map[string]styleNum) ([]string, []Table, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	var (
		tables  docxTables
		paras   []string
		open    []*paraState
		inT     int // inside w:t
		skip    int // inside an element whose text is not content
		inPPr   int // inside w:pPr (not a change record)
		counter = newListCounter(num)
	)
	cur := func() *paraState {
		if len(open) == 0 {
			return nil
		}
		return open[len(open)-1]
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("Word 文档已损坏：word/document.xml 无法解析（%v）", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			switch {
			case t.Name.Space == nsMC && t.Name.Local == "Fallback",
				isW(t.Name, "delText"), isW(t.Name, "instrText"), isW(t.Name, "pPrChange"),
				isW(t.Name, "rPrChange"), isW(t.Name, "del"), isW(t.Name, "moveFrom"):
				skip = 1
			case isW(t.Name, "p"):
				open = append(open, &paraState{})
			case isW(t.Name, "tbl"), isW(t.Name, "tr"), isW(t.Name, "tc"), isW(t.Name, "gridSpan"), isW(t.Name, "vMerge"):
				tables.start(t)
			case isW(t.Name, "pPr"):
				inPPr++
			case isW(t.Name, "t"):
				inT++
			case isW(t.Name, "tab"), isW(t.Name, "ptab"):
				if p := cur(); p != nil && inPPr == 0 {
					p.text.WriteByte('\t')
				}
			case isW(t.Name, "br"), isW(t.Name, "cr"):
				if p := cur(); p != nil {
					p.text.WriteByte('\n')
				}
			case isW(t.Name, "noBreakHyphen"):
				if p := cur(); p != nil {
					p.text.WriteByte('-')
				}
			case inPPr > 0 && isW(t.Name, "pStyle"):
				if p := cur(); p != nil {
					p.style, _ = wAttr(t, "val")
				}
			case inPPr > 0 && isW(t.Name, "numId"):
				if p := cur(); p != nil {
					p.num.numID, _ = wAttr(t, "val")
					p.num.set = true
				}
			case inPPr > 0 && isW(t.Name, "ilvl"):
				if p := cur(); p != nil {
					v, _ := wAttr(t, "val")
					p.num.ilvl, _ = strconv.Atoi(v)
					p.num.lvl = true
				}
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch {
			case isW(t.Name, "t"):
				inT = max(inT-1, 0)
			case isW(t.Name, "pPr"):
				inPPr = max(inPPr-1, 0)
			case isW(t.Name, "tbl"), isW(t.Name, "tc"):
				tables.end(t)
			case isW(t.Name, "p"):
				p := cur()
				if p == nil {
					continue
				}
				open = open[:len(open)-1]
				text := p.text.String()
				if strings.TrimSpace(text) == "" {
					continue
				}
				marker := counter.marker(resolveNum(p.num, p.style, styles))
				if len(open) == 0 {
					tables.text(marker + text)
				}
				lines := strings.Split(text, "\n")
				if marker != "" {
					first := strings.TrimLeft(lines[0], " \t\u3000")
					if first != "" && first[0] >= '0' && first[0] <= '9' {
						marker += " " // 1. 2023年… stays readable
					}
					lines[0] = marker + first
				}
				paras = append(paras, lines...)
			}
		case xml.CharData:
			if skip > 0 || inT == 0 {
				continue
			}
			if p := cur(); p != nil && p.runes < maxDocxParaText {
				p.text.Write(t)
				p.runes += len(t)
			}
		}
	}
	return paras, tables.done, nil
}

// styleNum is the numbering a paragraph style gives.
type styleNum struct {
	num     numPr
	basedOn string
}

// parseStyles reads the numbering of paragraph styles (headings numbered through their style).
func parseStyles(b []byte) map[string]styleNum {
	styles := map[string]styleNum{}
	dec := xml.NewDecoder(bytes.NewReader(b))
	var id string
	var s styleNum
	inPPr := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return styles
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case isW(t.Name, "style"):
				id, _ = wAttr(t, "styleId")
				s = styleNum{}
			case isW(t.Name, "basedOn"):
				s.basedOn, _ = wAttr(t, "val")
			case isW(t.Name, "pPr"):
				inPPr++
			case inPPr > 0 && isW(t.Name, "numId"):
				s.num.numID, _ = wAttr(t, "val")
				s.num.set = true
			case inPPr > 0 && isW(t.Name, "ilvl"):
				v, _ := wAttr(t, "val")
				s.num.ilvl, _ = strconv.Atoi(v)
				s.num.lvl = true
			}
		case xml.EndElement:
			switch {
			case isW(t.Name, "pPr"):
				inPPr = max(inPPr-1, 0)
			case isW(t.Name, "style"):
				if id != "" {
					styles[id] = s
				}
				id = ""
			}
		}
	}
}

// resolveNum combines a paragraph's own numPr with its style's (and the style's bases').
func resolveNum(p numPr, style string, styles map[string]styleNum) numPr {
	for i := 0; i < 16 && style != "" && (!p.set || !p.lvl); i++ {
		s, ok := styles[style]
		if !ok {
			break
		}
		if !p.set && s.num.set {
			p.numID, p.set = s.num.numID, true
		}
		if !p.lvl && s.num.lvl {
			p.ilvl, p.lvl = s.num.ilvl, true
		}
		style = s.basedOn
	}
	return p
}

// numLevel is one level of a list definition (w:lvl).
type numLevel struct {
	start  int
	format string // w:numFmt: decimal, chineseCounting, …
	text   string // w:lvlText: "%1、", "（%1）", "%1."
	isLgl  bool
	// restart is w:lvlRestart: -1 (absent) restarts after any higher level, 0 never restarts
	// (topics numbered 1. 2. 3. across categories), n restarts after an item of level n (1-based).
	restart int
}

// numbering is numbering.xml: abstract definitions and the w:num instances pointing at them.
type numbering struct {
	abstract map[string]*[9]numLevel
	nums     map[string]numInstance
}

type numInstance struct {
	abstractID string
	starts     map[int]int // w:lvlOverride/w:startOverride
}

func parseNumbering(b []byte) *numbering {
	n := &numbering{abstract: map[string]*[9]numLevel{}, nums: map[string]numInstance{}}
	dec := xml.NewDecoder(bytes.NewReader(b))
	var (
		abs      *[9]numLevel
		lvl      = -1
		inst     *numInstance
		instID   string
		override = -1
	)
	for {
		tok, err := dec.Token()
		if err != nil {
			return n
		}
		switch t := tok.(type) {
		case xml.StartElement:
			val, _ := wAttr(t, "val")
			switch {
			case isW(t.Name, "abstractNum"):
				id, _ := wAttr(t, "abstractNumId")
				abs = &[9]numLevel{}
				for i := range abs {
					abs[i] = numLevel{start: 1, format: "decimal", restart: -1}
				}
				n.abstract[id] = abs
			case isW(t.Name, "lvl") && abs != nil:
				v, _ := wAttr(t, "ilvl")
				lvl, _ = strconv.Atoi(v)
				if lvl < 0 || lvl > 8 {
					lvl = -1
				}
			case isW(t.Name, "start") && abs != nil && lvl >= 0:
				abs[lvl].start, _ = strconv.Atoi(val)
			case isW(t.Name, "numFmt") && abs != nil && lvl >= 0:
				abs[lvl].format = val
			case isW(t.Name, "lvlText") && abs != nil && lvl >= 0:
				abs[lvl].text = val
			case isW(t.Name, "lvlRestart") && abs != nil && lvl >= 0:
				abs[lvl].restart, _ = strconv.Atoi(val)
			case isW(t.Name, "isLgl") && abs != nil && lvl >= 0:
				abs[lvl].isLgl = val != "0" && val != "false"
			case isW(t.Name, "num"):
				instID, _ = wAttr(t, "numId")
				inst = &numInstance{starts: map[int]int{}}
			case isW(t.Name, "abstractNumId") && inst != nil:
				inst.abstractID = val
			case isW(t.Name, "lvlOverride") && inst != nil:
				v, _ := wAttr(t, "ilvl")
				override, _ = strconv.Atoi(v)
			case isW(t.Name, "startOverride") && inst != nil && override >= 0 && override <= 8:
				inst.starts[override], _ = strconv.Atoi(val)
			}
		case xml.EndElement:
			switch {
			case isW(t.Name, "abstractNum"):
				abs, lvl = nil, -1
			case isW(t.Name, "lvl"):
				lvl = -1
			case isW(t.Name, "lvlOverride"):
				override = -1
			case isW(t.Name, "num"):
				if inst != nil && instID != "" {
					n.nums[instID] = *inst
				}
				inst = nil
			}
		}
	}
}

// listCounter counts list items per numbering instance, as Word does.
type listCounter struct {
	num    *numbering
	counts map[string]*[9]int
	seen   map[string]*[9]bool
}

func newListCounter(n *numbering) *listCounter {
	return &listCounter{num: n, counts: map[string]*[9]int{}, seen: map[string]*[9]bool{}}
}

// marker advances the counter of a list paragraph and renders its marker ("一、", "（二）",
// "3."); "" for a paragraph outside a list, a bullet or a level without text.
func (c *listCounter) marker(p numPr) string {
	if c.num == nil || !p.set || p.numID == "" || p.numID == "0" || p.ilvl < 0 || p.ilvl > 8 {
		return ""
	}
	inst, ok := c.num.nums[p.numID]
	if !ok {
		return ""
	}
	levels := c.num.abstract[inst.abstractID]
	if levels == nil {
		return ""
	}
	startOf := func(l int) int {
		if s, ok := inst.starts[l]; ok {
			return s
		}
		return levels[l].start
	}
	counts, seen := c.counts[p.numID], c.seen[p.numID]
	if counts == nil {
		counts, seen = &[9]int{}, &[9]bool{}
		c.counts[p.numID], c.seen[p.numID] = counts, seen
	}
	if seen[p.ilvl] {
		counts[p.ilvl]++
	} else {
		counts[p.ilvl], seen[p.ilvl] = startOf(p.ilvl), true
	}
	for l := p.ilvl + 1; l < 9; l++ {
		if r := levels[l].restart; r < 0 || r > 0 && p.ilvl < r {
			seen[l] = false
		}
	}
	lv := levels[p.ilvl]
	if lv.format == "bullet" || lv.format == "none" || lv.text == "" {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(lv.text); i++ {
		ch := lv.text[i]
		if ch == '%' && i+1 < len(lv.text) && lv.text[i+1] >= '1' && lv.text[i+1] <= '9' {
			l := int(lv.text[i+1] - '1')
			n := counts[l]
			if !seen[l] {
				n = startOf(l)
			}
			format := levels[l].format
			if lv.isLgl {
				format = "decimal"
			}
			b.WriteString(formatNumber(n, format))
			i++
			continue
		}
		b.WriteByte(ch)
	}
	return b.String()
}

// formatNumber renders a list counter in a w:numFmt.
func formatNumber(n int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand":
		return chineseNumber(n)
	case "chineseLegalSimplified":
		return strings.NewReplacer("一", "壹", "二", "贰", "三", "叁", "四", "肆", "五", "伍", "六", "陆", "七", "柒", "八", "捌", "九", "玖", "十", "拾", "百", "佰", "千", "仟").Replace(chineseNumber(n))
	case "ideographDigital", "taiwaneseDigital":
		return strings.Map(func(r rune) rune { return []rune("〇一二三四五六七八九")[r-'0'] }, strconv.Itoa(max(n, 0)))
	case "ideographTraditional":
		return cyclic(n, "甲乙丙丁戊己庚辛壬癸")
	case "ideographZodiac":
		return cyclic(n, "子丑寅卯辰巳午未申酉戌亥")
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune('⑴' + n - 1))
		}
	case "decimalEnclosedFullstop":
		if n >= 1 && n <= 20 {
			return string(rune('⒈' + n - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		return strings.Map(func(r rune) rune { return r - '0' + '０' }, strconv.Itoa(max(n, 0)))
	case "decimalZero":
		return fmt.Sprintf("%02d", n)
	case "upperLetter":
		return letters(n, 'A')
	case "lowerLetter":
		return letters(n, 'a')
	case "upperRoman":
		return roman(n)
	case "lowerRoman":
		return strings.ToLower(roman(n))
	}
	return strconv.Itoa(n)
}

// chineseNumber writes 1-9999 in Chinese counting: 一, 十, 十一, 二十三, 一百零五, 一千二百.
func chineseNumber(n int) string {
	const digits = "零一二三四五六七八九"
	d := []rune(digits)
	if n <= 0 || n > 9999 {
		return strconv.Itoa(n)
	}
	if n < 10 {
		return string(d[n])
	}
	if n < 20 {
		if n == 10 {
			return "十"
		}
		return "十" + string(d[n-10])
	}
	units := []string{"千", "百", "十", ""}
	vals := []int{n / 1000, n / 100 % 10, n / 10 % 10, n % 10}
	var b strings.Builder
	zero := false
	for i, v := range vals {
		if v == 0 {
			if b.Len() > 0 {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteRune('零')
			zero = false
		}
		b.WriteRune(d[v])
		b.WriteString(units[i])
	}
	return b.String()
}

func cyclic(n int, set string) string {
	r := []rune(set)
	if n < 1 {
		return strconv.Itoa(n)
	}
	return string(r[(n-1)%len(r)])
}

// letters writes 1 -> A, 26 -> Z, 27 -> AA as Word does.
func letters(n int, base rune) string {
	if n < 1 {
		return strconv.Itoa(n)
	}
	return strings.Repeat(string(base+rune((n-1)%26)), (n-1)/26+1)
}

func roman(n int) string {
	if n < 1 || n > 3999 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
