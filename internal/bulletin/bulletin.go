// Package bulletin defines the record every stage of Xuncha shares: one Bulletin per input,
// with its Sections, Problems, Measures, Metrics, Dates and Contacts.
//
// The JSON field names are the contract of DESIGN.md ("JSON Lines record"); do not rename them.
// Types here are plain data: no methods with behaviour beyond small helpers, no I/O.
package bulletin

import "encoding/json"

// Day is a calendar date written as YYYY-MM-DD (or YYYY-MM / YYYY where only the month or the
// year is known). The empty Day means absent and is written as JSON null.
type Day string

// Year is the year of an ISO day (2024-02-22, 2024-02, 2024), or 0.
func (d Day) Year() int {
	if len(d) < 4 {
		return 0
	}
	y := 0
	for _, r := range string(d[:4]) {
		if r < '0' || r > '9' {
			return 0
		}
		y = y*10 + int(r-'0')
	}
	return y
}

// MarshalJSON writes the empty Day as null.
func (d Day) MarshalJSON() ([]byte, error) {
	if d == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(d))
}

// UnmarshalJSON reads null as the empty Day.
func (d *Day) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = ""
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*d = Day(s)
	return nil
}

// Document kinds.
const (
	KindXuncha  = "巡察"
	KindXunshi  = "巡视"
	KindAudit   = "审计整改"
	KindSummary = "汇总" // one report for a whole round or many units
	KindOther   = "其他"
)

// Paragraph roles (DESIGN.md): every paragraph of the body has exactly one.
const (
	RoleHeader  = "header"  // the opening: who inspected whom, when
	RoleHeading = "heading" // a section heading (一、 （一） 1. （1） ①)
	RoleTotals  = "totals"  // declared totals (截至…已完成整改14个)
	RoleProblem = "problem" // a problem statement, usually with its measures after it
	RoleMeasure = "measure" // a measure paragraph (一是…, or an unnumbered one)
	RoleClosing = "closing" // the closing appeal (欢迎广大干部群众…监督)
	RoleContact = "contact" // phones, address, postcode, email
	RoleOther   = "other"
)

// Bulletin is everything extracted from one input.
type Bulletin struct {
	Source       Source            `json:"source"`
	Title        string            `json:"title"`
	Kind         string            `json:"kind"`
	Unit         string            `json:"unit"`
	Inspector    string            `json:"inspector"`
	Round        string            `json:"round,omitempty"` // 十二届市委第二轮
	Inspection   Period            `json:"inspection"`
	FeedbackDate Day               `json:"feedback_date"`
	AsOfDate     Day               `json:"as_of_date"`
	PublishDate  Day               `json:"publish_date"`
	Publisher    string            `json:"publisher,omitempty"`
	Meta         map[string]string `json:"meta,omitempty"` // page facts kept from chrome: 索引号, 发布机构, 成文日期…
	Declared     Declared          `json:"declared"`
	Sections     []Section         `json:"sections"`
	Problems     []Problem         `json:"problems"`
	Metrics      []Metric          `json:"metrics"`
	Dates        []Date            `json:"dates"`
	Contacts     Contacts          `json:"contacts"`
	Keywords     []Keyword         `json:"keywords"`
	Themes       []ThemeCount      `json:"themes,omitempty"`
	Orgs         []OrgCount        `json:"orgs,omitempty"`
	Paragraphs   []Paragraph       `json:"paragraphs"`
	Checks       []Check           `json:"checks"`
	Warnings     []Warning         `json:"warnings"`

	// MeasureItems is the number of complete enumerated measure items (一是…二是…) in the
	// paragraphs, an item cut off by the end of the text not counted: the figure the gold calls
	// measure_markers. The pipeline fills it when asked (for scoring); it is not part of the
	// JSON record.
	MeasureItems int `json:"-"`
	// Tables are the body's tables as grids, from ingest (html, docx, doc, pdf); their text is in
	// Paragraphs too. Package problem reads ledger tables (整改台账) from them.
	Tables []Table `json:"-"`
}

// Source says where a bulletin came from and how it was read.
type Source struct {
	Path     string `json:"path"`
	URL      string `json:"url"`
	SHA256   string `json:"sha256"`
	Format   string `json:"format"`   // txt, html, docx
	Encoding string `json:"encoding"` // utf-8, utf-8-bom, utf-16le, utf-16be, gb18030, big5
	Bytes    int64  `json:"bytes"`
}

// Period is the inspection's start and end.
type Period struct {
	Start Day `json:"start"`
	End   Day `json:"end"`
}

// Declared holds the totals a bulletin states about itself; nil where the text gives none.
type Declared struct {
	ProblemsTotal      *int     `json:"problems_total"`
	ProblemsDone       *int     `json:"problems_done"`
	ProblemsInProgress *int     `json:"problems_in_progress"`
	MeasuresTotal      *int     `json:"measures_total"`
	MeasuresDone       *int     `json:"measures_done"`
	RatePercent        *float64 `json:"rate_percent"`
	Other              []string `json:"other,omitempty"` // other stated counts (五方面, 54家责任单位)
}

// Section is one heading of the section tree.
type Section struct {
	ID        string `json:"id"`     // "S1", "S1.2" …, unique in the bulletin
	Level     int    `json:"level"`  // 1 一、 · 2 （一） · 3 1. · 4 （1） · 5 ①; 1 for unmarked headings
	Marker    string `json:"marker"` // as written: "一、", "（一）", "(一)", "1.", "" for unmarked
	Title     string `json:"title"`  // without the marker; for a run-in heading the part before 。
	Parent    string `json:"parent"` // ID of the enclosing section, "" at the top
	Paragraph int    `json:"paragraph"`
}

// Problem is one problem the inspectors raised, with what was done about it.
type Problem struct {
	ID         string    `json:"id"`                    // "P1", "P2" … in order of appearance
	Section    string    `json:"section"`               // ID of the section it sits in
	Category   string    `json:"category,omitempty"`    // the category heading (（一）关于“…”方面): its quote, else its words without the frame
	Topic      string    `json:"topic"`                 // the topic heading (1.关于“…”问题整改情况): its quote, else its words without the frame
	Quote      string    `json:"quote"`                 // exact inner text of the quotation, as in the source
	Text       string    `json:"text,omitempty"`        // the problem description where it is not quoted
	Status     string    `json:"status"`                // 已完成, 基本完成, 正在整改, 持续整改, 长期坚持, or ""
	StatusFrom string    `json:"status_from,omitempty"` // StatusStated, StatusInferred, or "" when Status is ""
	Department string    `json:"department,omitempty"`  // 责任单位/责任部门
	Person     string    `json:"person,omitempty"`      // 责任人
	Deadline   string    `json:"deadline,omitempty"`    // 整改时限 as written
	Theme      string    `json:"theme"`
	ThemeWords []string  `json:"theme_words,omitempty"` // the words that decided the theme
	Measures   []Measure `json:"measures"`
	Metrics    []Metric  `json:"metrics"`
	Orgs       []string  `json:"orgs"`
	Keywords   []Keyword `json:"keywords"`
	Paragraph  int       `json:"paragraph"` // paragraph index of the problem statement
}

// Where a problem's status comes from (Problem.StatusFrom).
const (
	StatusStated   = "text"            // the bulletin states it for this problem
	StatusInferred = "declared_totals" // inferred: the bulletin declares all its problems done
)

// Measure is one thing done for a problem.
type Measure struct {
	Ordinal   int    `json:"ordinal"` // 1 for 一是, 2 for 二是 …; 0 for an unnumbered measure
	Text      string `json:"text"`
	Paragraph int    `json:"paragraph"`
}

// Metric is one quantity in the text, normalised.
type Metric struct {
	Text      string   `json:"text"`            // as written: "7.132万元", "二十八项", "180余件"
	Value     float64  `json:"value"`           // magnitude folded in: 71320, 28, 180
	Max       *float64 `json:"max,omitempty"`   // upper end of a range (10至20万元), else nil
	Unit      string   `json:"unit"`            // base unit: 元, 项, %, or "" where none is written
	Kind      string   `json:"kind"`            // count, people, money, percent, area, length, duration, age, other
	Approx    bool     `json:"approx"`          // 余, 多, 近, 约, 左右 …
	Bound     string   `json:"bound,omitempty"` // "ge" (超过, 以上), "le" (不足, 以内), "" where none
	Each      int      `json:"each,omitempty"`  // for 各N: how many items share the quantity
	Paragraph int      `json:"paragraph"`
	Start     int      `json:"start"`           // rune offset in the paragraph text
	End       int      `json:"end"`             // rune offset just past the quantity
	Owner     string   `json:"owner,omitempty"` // problem ID it sits in ("P3"), "" elsewhere
}

// Date is one date mentioned in the text.
type Date struct {
	Text      string `json:"text"`
	Date      Day    `json:"date"`          // ISO: 2023-08-24, 2023-09, 2023
	End       Day    `json:"end,omitempty"` // end of a range
	Inferred  bool   `json:"inferred"`      // year (or more) taken from context
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"`
	Stop      int    `json:"stop"`
}

// Contacts are the ways the public can reach the unit.
type Contacts struct {
	Phones   []string `json:"phones"`
	Address  string   `json:"address"`
	Postcode string   `json:"postcode"`
	Emails   []string `json:"emails"`
}

// Keyword is a weighted term.
type Keyword struct {
	Term   string  `json:"term"`
	Weight float64 `json:"weight"`
}

// ThemeCount says how many problems of a bulletin fall under a theme.
type ThemeCount struct {
	Theme string `json:"theme"`
	Count int    `json:"count"`
}

// OrgCount says how often an organisation is named in a bulletin's problems.
type OrgCount struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// Paragraph is one paragraph of the body, in order; Text is as read (after whitespace trimming).
type Paragraph struct {
	Index   int    `json:"index"`
	Role    string `json:"role"`
	Section string `json:"section,omitempty"` // ID of the section it sits in
	Problem string `json:"problem,omitempty"` // ID of the problem it belongs to
	Text    string `json:"text"`
}

// Check compares what a bulletin declares with what was found.
type Check struct {
	Code    string `json:"code"` // e.g. "problems_count"
	OK      bool   `json:"ok"`
	Message string `json:"message"` // e.g. "declared 14 problems, found 13"
}

// Warning flags something odd in the text.
type Warning struct {
	Code      string `json:"code"` // e.g. "date_garbled", "quote_unclosed"
	Message   string `json:"message"`
	Paragraph int    `json:"paragraph"`
}

// IntPtr returns a pointer to n, for Declared fields.
func IntPtr(n int) *int { return &n }

// Table is a table of the body as a plain grid: every row has the same number of cells, and a
// cell merged over several rows or columns (rowspan/colspan, vMerge/gridSpan) is carried into
// each grid position it covers, with Spanned set on all but the first.
type Table struct {
	Rows [][]TableCell
}

// TableCell is one grid position of a Table.
type TableCell struct {
	Text    string // trimmed; a cell's own paragraphs joined by \n; "" for an empty cell
	Spanned bool   // the text is carried from a merged cell above or to the left
}
