package ingest

import (
	"encoding/binary"
	"sort"
)

// The paragraph properties of a Word 97-2003 file, as far as tables need them ([MS-DOC] 2.4.6,
// "Determining Paragraph Properties"): the FIB locates the PlcBtePapx in the table stream; it
// maps file positions (FC) to 512-byte PapxFkp pages of the WordDocument stream; a page maps FC
// runs to PAPX, each a list of property modifiers (sprms). Of those, a table needs four: the
// paragraph is in a table (sprmPFInTable), it ends a table row (sprmPFTtp), its table depth
// (sprmPItap), and, on a row's end, the row's cells (sprmTDefTable: each cell's left and right
// edge and whether it continues the cell above or to its left).

// docProps are the table properties of one paragraph.
type docProps struct {
	inTable bool
	rowEnd  bool
	depth   int          // table depth; 1 for an outer table (0 when not given)
	cells   []docCellDef // on a row end: the row's cells, left to right
}

// docCellDef is one cell of a row as sprmTDefTable describes it.
type docCellDef struct {
	left, right int  // edges in twips from the table's left margin
	vertCont    bool // continues the cell above (a vertically merged cell's lower part)
	horzCont    bool // continues the cell to its left (a legacy horizontal merge)
}

// Sprm opcodes read ([MS-DOC] 2.6.2, 2.6.3).
const (
	sprmPFInTable  = 0x2416
	sprmPFTtp      = 0x2417
	sprmPItap      = 0x6649
	sprmTDefTable  = 0xD608
	sprmTVertMerge = 0xD62B
	sprmPChgTabs   = 0xC615
	sprmPHugePapx  = 0x6646 // the properties are in the Data stream (a table row's often are)
)

// fibPlcfBtePapx is the offset in the FIB of fcPlcfBtePapx (then lcbPlcfBtePapx): pair 13 of
// FibRgFcLcb97, which starts at 0x9A.
const fibPlcfBtePapx = 0x9A + 13*8

// maxDocFkps bounds the property pages read, against a hostile PlcBtePapx.
const maxDocFkps = 1 << 16

// docPapx finds the properties of the paragraph whose end mark is at a file position.
type docPapx struct {
	wd    []byte
	data  []byte   // the Data stream, for properties too large for their page
	fcs   []uint32 // PlcBtePapx: the FC boundaries of each page (n+1)
	pages []uint32 // the page number of each run of FCs (n)
}

// newDocPapx reads the PlcBtePapx; nil when the file has none or it is damaged (tables are then
// rebuilt without properties).
func newDocPapx(wd, table, data []byte) *docPapx {
	if len(wd) < fibPlcfBtePapx+8 {
		return nil
	}
	fc := int(binary.LittleEndian.Uint32(wd[fibPlcfBtePapx:]))
	lcb := int(binary.LittleEndian.Uint32(wd[fibPlcfBtePapx+4:]))
	if fc < 0 || lcb < 12 || fc > len(table) || lcb > len(table)-fc || (lcb-4)%8 != 0 {
		return nil
	}
	plc := table[fc : fc+lcb]
	n := (lcb - 4) / 8
	if n > maxDocFkps {
		return nil
	}
	p := &docPapx{wd: wd, data: data, fcs: make([]uint32, n+1), pages: make([]uint32, n)}
	for i := range n + 1 {
		p.fcs[i] = binary.LittleEndian.Uint32(plc[4*i:])
	}
	for i := range n {
		p.pages[i] = binary.LittleEndian.Uint32(plc[4*(n+1)+4*i:]) & 0x3FFFFF
	}
	return p
}

// props returns the properties of the paragraph that holds file position fc.
func (p *docPapx) props(fc uint32) docProps {
	if p == nil {
		return docProps{}
	}
	i := sort.Search(len(p.pages), func(i int) bool { return p.fcs[i+1] > fc })
	if i == len(p.pages) || p.fcs[i] > fc {
		return docProps{}
	}
	off := int(p.pages[i]) * 512
	if off < 0 || off+512 > len(p.wd) {
		return docProps{}
	}
	fkp := p.wd[off : off+512]
	crun := int(fkp[511])
	if crun == 0 || 4*(crun+1)+13*crun > 511 {
		return docProps{}
	}
	fcAt := func(j int) uint32 { return binary.LittleEndian.Uint32(fkp[4*j:]) }
	j := sort.Search(crun, func(j int) bool { return fcAt(j+1) > fc })
	if j == crun || fcAt(j) > fc {
		return docProps{}
	}
	b := 2 * int(fkp[4*(crun+1)+13*j])
	if b == 0 || b >= 511 {
		return docProps{}
	}
	// PapxInFkp: cb, then 2cb-1 bytes of istd and sprms; cb 0: cb' then 2cb' bytes.
	var grpprl []byte
	if cb := int(fkp[b]); cb != 0 {
		if b+1+2*cb-1 > 511 {
			return docProps{}
		}
		grpprl = fkp[b+1 : b+1+2*cb-1]
	} else {
		if b+2 > 511 {
			return docProps{}
		}
		cb2 := int(fkp[b+1])
		if b+2+2*cb2 > 511 {
			return docProps{}
		}
		grpprl = fkp[b+2 : b+2+2*cb2]
	}
	if len(grpprl) < 2 {
		return docProps{}
	}
	var d docProps
	p.parseSprms(&d, grpprl[2:], false) // after the istd
	return d
}

// parseSprms reads the table properties among a list of sprms into d; a damaged list stops the
// read. huge: b came from the Data stream (which cannot point into itself again).
func (p *docPapx) parseSprms(d *docProps, b []byte, huge bool) {
	vert := map[int]byte{} // sprmTVertMerge: cell index -> flags
	for len(b) >= 2 {
		op := binary.LittleEndian.Uint16(b)
		b = b[2:]
		var n int
		switch op >> 13 { // spra: the operand's size
		case 0, 1:
			n = 1
		case 2, 4, 5:
			n = 2
		case 3:
			n = 4
		case 7:
			n = 3
		case 6:
			switch {
			case op == sprmTDefTable:
				if len(b) < 2 {
					return
				}
				n = int(binary.LittleEndian.Uint16(b)) + 1
			case op == sprmPChgTabs && len(b) > 0 && b[0] == 255:
				return // a variable form not needed here: stop reading
			default:
				if len(b) < 1 {
					return
				}
				n = int(b[0]) + 1
			}
		}
		if n > len(b) {
			break
		}
		arg := b[:n]
		b = b[n:]
		switch op {
		case sprmPFInTable:
			d.inTable = arg[0] != 0
		case sprmPFTtp:
			d.rowEnd = arg[0] != 0
		case sprmPItap:
			d.depth = int(int32(binary.LittleEndian.Uint32(arg)))
		case sprmTDefTable:
			d.cells = tDefTable(arg[2:])
		case sprmTVertMerge:
			if len(arg) >= 3 {
				vert[int(arg[1])] = arg[2]
			}
		case sprmPHugePapx:
			off := int(binary.LittleEndian.Uint32(arg))
			if !huge && off >= 0 && off+2 <= len(p.data) {
				cb := int(binary.LittleEndian.Uint16(p.data[off:]))
				if off+2+cb <= len(p.data) {
					p.parseSprms(d, p.data[off+2:off+2+cb], true)
				}
			}
		}
	}
	for i, f := range vert {
		if i < len(d.cells) {
			d.cells[i].vertCont = f == 1 // 1: merged with the cell above; 3: a merge starts
		}
	}
}

// tDefTable reads the operand of sprmTDefTable after its size: the number of cells, their
// edges, then a TC80 (20 bytes) a cell whose first two bytes (TCGRF) hold the merge flags.
func tDefTable(b []byte) []docCellDef {
	if len(b) < 1 {
		return nil
	}
	n := int(b[0])
	if n > maxTableCols || len(b) < 1+2*(n+1) {
		return nil
	}
	edge := func(i int) int { return int(int16(binary.LittleEndian.Uint16(b[1+2*i:]))) }
	cells := make([]docCellDef, n)
	tcs := b[1+2*(n+1):]
	for i := range n {
		cells[i] = docCellDef{left: edge(i), right: edge(i + 1)}
		if len(tcs) >= 20*(i+1) {
			grf := binary.LittleEndian.Uint16(tcs[20*i:])
			cells[i].horzCont = grf&0x3 >= 2    // horzMerge: 2 or 3 continue the cell to the left
			cells[i].vertCont = grf>>5&0x3 == 1 // vertMerge: 1 continues the cell above, 3 starts
		}
	}
	return cells
}
