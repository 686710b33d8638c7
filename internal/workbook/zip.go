package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"sort"
)

// packer is the excelize.ZipWriter the Writer saves through. It does three things excelize's
// own zip.Writer does not:
//
//   - it writes the parts in a fixed order (excelize writes streamed sheets in map order, so the
//     same workbook would come out with different bytes);
//   - it writes straight to the output file, not to an in-memory buffer the size of the workbook
//     (excelize's WriteToBuffer), compressing each part as it arrives into a spool that moves to a
//     temporary file past spoolMemory bytes;
//   - it adds the sheets' hyperlinks right after </sheetData> (see inject; an external one's
//     relationship goes into the sheet's relationships part, see rewrite), because
//     excelize's SetCellHyperLink scans every link of the sheet on each call and 65,529 links
//     took 14 s.
type packer struct {
	out    io.Writer
	tmpDir string
	// inject gives, for a part name, the XML to add after </sheetData>; nil for none.
	inject func(name string) func(io.Writer) error
	// rewrite gives, for a small part, a function that rewrites it whole; nil for none.
	rewrite func(name string) func([]byte) []byte

	parts []*part
	cur   *part
	err   error
}

// compression is the deflate level of every part. BestSpeed: sheet XML is repetitive and still
// shrinks about tenfold, and the default level made compression about 40% of the workbook's CPU,
// the serial end of a batch (measured with BenchmarkWorkbook).
const compression = flate.BestSpeed

// spoolMemory is how much compressed data a part keeps in memory before spilling to disk.
const spoolMemory = 1 << 20

// part is one compressed zip entry waiting to be written.
type part struct {
	name  string
	crc   hash.Hash32
	size  uint64 // uncompressed bytes
	data  spool  // compressed bytes
	flate *flate.Writer
	w     io.Writer // what excelize writes to: the compressor, maybe through an injector
	inj   *injector
	whole *bytes.Buffer // the part held whole for rewrite
	redo  func([]byte) []byte
}

// Create starts a part; the previous one is finished first.
func (p *packer) Create(name string) (io.Writer, error) {
	if err := p.finish(); err != nil {
		return nil, err
	}
	pt := &part{name: name, crc: crc32.NewIEEE(), data: spool{dir: p.tmpDir}}
	fw, err := flate.NewWriter(&pt.data, compression)
	if err != nil {
		return nil, err
	}
	pt.flate = fw
	pt.w = io.MultiWriter(pt.crc, &countWriter{n: &pt.size}, fw)
	if p.inject != nil {
		if add := p.inject(name); add != nil {
			pt.inj = &injector{w: pt.w, marker: []byte("</sheetData>"), add: add}
			pt.w = pt.inj
		}
	}
	if p.rewrite != nil {
		if redo := p.rewrite(name); redo != nil {
			pt.whole, pt.redo = new(bytes.Buffer), redo
			p.cur = pt
			return pt.whole, nil
		}
	}
	p.cur = pt
	return pt.w, nil
}

// AddFS is part of excelize.ZipWriter; excelize does not call it when saving.
func (p *packer) AddFS(fs.FS) error {
	return errors.New("workbook: AddFS not supported")
}

// finish closes the part being written.
func (p *packer) finish() error {
	if p.err != nil {
		return p.err
	}
	pt := p.cur
	if pt == nil {
		return nil
	}
	p.cur = nil
	if pt.whole != nil {
		if _, err := pt.w.Write(pt.redo(pt.whole.Bytes())); err != nil {
			p.err = err
			return err
		}
	}
	if pt.inj != nil {
		if err := pt.inj.close(); err != nil {
			p.err = fmt.Errorf("%s: %w", pt.name, err)
			return p.err
		}
	}
	if err := pt.flate.Close(); err != nil {
		p.err = err
		return err
	}
	p.parts = append(p.parts, pt)
	return nil
}

// Close writes every part, in order, to out.
func (p *packer) Close() error {
	defer p.cleanup()
	if err := p.finish(); err != nil {
		return err
	}
	sort.SliceStable(p.parts, func(i, j int) bool { return partLess(p.parts[i].name, p.parts[j].name) })
	zw := zip.NewWriter(p.out)
	for _, pt := range p.parts {
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name:               pt.name,
			Method:             zip.Deflate,
			CRC32:              pt.crc.Sum32(),
			CompressedSize64:   pt.data.size,
			UncompressedSize64: pt.size,
		})
		if err != nil {
			return err
		}
		r, err := pt.data.reader()
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, r); err != nil {
			return fmt.Errorf("写入工作簿的 %s 部件失败：%w", pt.name, err)
		}
	}
	return zw.Close()
}

// cleanup removes the spool files.
func (p *packer) cleanup() {
	for _, pt := range p.parts {
		pt.data.close()
	}
	if p.cur != nil {
		p.cur.data.close()
	}
}

// partLess orders parts as Office writes them: [Content_Types].xml, the package relationships,
// then by name.
func partLess(a, b string) bool {
	ra, rb := partRank(a), partRank(b)
	if ra != rb {
		return ra < rb
	}
	return a < b
}

func partRank(name string) int {
	switch name {
	case "[Content_Types].xml":
		return 0
	case "_rels/.rels":
		return 1
	}
	return 2
}

// countWriter counts bytes.
type countWriter struct{ n *uint64 }

func (c *countWriter) Write(p []byte) (int, error) {
	*c.n += uint64(len(p))
	return len(p), nil
}

// spool holds bytes in memory up to spoolMemory, then in a temporary file.
type spool struct {
	dir  string
	buf  bytes.Buffer
	file *os.File
	size uint64
}

func (s *spool) Write(p []byte) (int, error) {
	s.size += uint64(len(p))
	if s.file == nil && s.buf.Len()+len(p) <= spoolMemory {
		return s.buf.Write(p)
	}
	if s.file == nil {
		f, err := os.CreateTemp(s.dir, "xuncha-part-*")
		if err != nil {
			return 0, err
		}
		s.file = f
		if _, err := s.buf.WriteTo(f); err != nil {
			return 0, err
		}
	}
	return s.file.Write(p)
}

func (s *spool) reader() (io.Reader, error) {
	if s.file == nil {
		return bytes.NewReader(s.buf.Bytes()), nil
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return s.file, nil
}

func (s *spool) close() {
	s.buf = bytes.Buffer{}
	if s.file != nil {
		name := s.file.Name()
		_ = s.file.Close()
		_ = os.Remove(name)
		s.file = nil
	}
}

// injector passes bytes through to w and, right after the first occurrence of marker, writes
// what add writes. The marker cannot occur inside cell text, which excelize escapes (< is &lt;).
type injector struct {
	w      io.Writer
	marker []byte
	add    func(io.Writer) error
	carry  []byte // the tail of what was seen, which may hold the start of the marker
	done   bool
}

func (in *injector) Write(p []byte) (int, error) {
	if in.done {
		return in.w.Write(p)
	}
	data := append(in.carry, p...)
	if i := bytes.Index(data, in.marker); i >= 0 {
		end := i + len(in.marker)
		if _, err := in.w.Write(data[:end]); err != nil {
			return 0, err
		}
		if err := in.add(in.w); err != nil {
			return 0, err
		}
		in.done, in.carry = true, nil
		if _, err := in.w.Write(data[end:]); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	keep := len(in.marker) - 1
	if keep > len(data) {
		keep = len(data)
	}
	if _, err := in.w.Write(data[:len(data)-keep]); err != nil {
		return 0, err
	}
	in.carry = append(in.carry[:0:0], data[len(data)-keep:]...)
	return len(p), nil
}

// close writes what is held back; it is an error when the marker never came.
func (in *injector) close() error {
	if in.done {
		return nil
	}
	if _, err := in.w.Write(in.carry); err != nil {
		return err
	}
	return errors.New("no </sheetData> to add hyperlinks after")
}

// sortDefaults puts the <Default> elements of [Content_Types].xml in order of their text:
// excelize adds the image types from a map, in a different order each run. Anything it does
// not recognise is left as it is.
func sortDefaults(data []byte) []byte {
	open, end := []byte("<Default "), []byte("</Default>")
	first := bytes.Index(data, open)
	if first < 0 {
		return data
	}
	var elems [][]byte
	i := first
	for bytes.HasPrefix(data[i:], open) {
		gt := bytes.IndexByte(data[i:], '>')
		if gt < 0 {
			return data
		}
		stop := i + gt + 1 // just past <Default …/>
		if data[i+gt-1] != '/' {
			if !bytes.HasPrefix(data[stop:], end) {
				return data
			}
			stop += len(end) // just past <Default …></Default>
		}
		elems = append(elems, data[i:stop])
		i = stop
	}
	sort.Slice(elems, func(a, b int) bool { return bytes.Compare(elems[a], elems[b]) < 0 })
	out := append([]byte(nil), data[:first]...)
	for _, e := range elems {
		out = append(out, e...)
	}
	return append(out, data[i:]...)
}
