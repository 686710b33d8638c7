// Package quantity scans Chinese text for quantities (numbers with units, percentages,
// approximations, ranges) and dates, and normalises them. It runs before segmentation,
// because gse cuts 二十/八项 and 7.132/万元 apart. It imports nothing of Xuncha's.
package quantity

// Quantity is one quantity found in a text. Offsets are rune offsets.
type Quantity struct {
	Text   string   // as written
	Value  float64  // magnitude folded in: 7.132万元 -> 71320
	Max    *float64 // upper end of a range, nil otherwise
	Unit   string   // base unit (元, 项, %, 平方米 …) or "" where none is written
	Kind   string   // count, people, money, percent, area, length, duration, age, other
	Approx bool
	Bound  string // "ge", "le" or ""
	Each   int    // 各N over this many items, 0 otherwise
	Start  int
	End    int
}

// Scan returns the quantities of s in order.
func Scan(s string) []Quantity { return nil }

// Date is one date mention. Offsets are rune offsets.
type Date struct {
	Text     string
	Date     string // ISO: 2023-08-24, 2023-08, 2023
	End      string // end of a range, "" otherwise
	Inferred bool   // the year came from context
	Garbled  bool   // digits lost in the source (2021915日): not guessed, Date empty
	Start    int
	Stop     int
}

// ScanDates returns the date mentions of s in order; year is the year to give year-less dates
// (0 when unknown: such dates are returned with Date empty).
func ScanDates(s string, year int) []Date { return nil }
