// Package eval scores extracted bulletins against gold annotations (the format of the shared
// corpus README): precision, recall and F1 for problems, headings and quantities, accuracy for
// header facts, declared totals, contacts and the count of 一是/二是 measure items, and — where
// a gold file gives them (the project's own gold does) — accuracy for the document facts (title,
// publish date, kind) and the 整改台账 columns of problems (status, department, person, deadline).
//
// Lists are matched as multisets of normalised keys, counts summed over files (micro-average).
//
// Texts are compared after Normalize (folding, pinyin glosses removed, punctuation unified,
// whitespace stripped), so the gold may be written in the source's own characters whatever
// width of punctuation or script variant the source used.
package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// Gold is the hand annotation of one bulletin (../shared/corpus/README.md, "Gold format").
// Absent and null values both read as empty; keys the format does not name are ignored.
type Gold struct {
	Unit            string `json:"unit"`
	Inspector       string `json:"inspector"`
	InspectionStart string `json:"inspection_start"` // YYYY-MM-DD, only where the day is certain
	InspectionEnd   string `json:"inspection_end"`
	FeedbackDate    string `json:"feedback_date"`
	// AsOfDate is an optional extension (截至2024年2月22日); scored only where it is given.
	AsOfDate string `json:"as_of_date,omitempty"`
	// Title, PublishDate and Kind are optional extensions, scored as the document metric only
	// where they are given.
	Title       string        `json:"title,omitempty"`
	PublishDate string        `json:"publish_date,omitempty"`
	Kind        string        `json:"kind,omitempty"` // 巡察, 巡视, 审计整改, 汇总, 其他
	Declared    GoldDeclared  `json:"declared"`
	Headings    []GoldHeading `json:"headings"`
	Problems    []string      `json:"problems"` // inner text of each problem quote
	// ProblemsUnquoted is an extension of the shared format: problems stated without quotes
	// (（一）关于少数领导干部不守政治规矩的问题。, audit 1.…问题。, ledger 问题：…). The shared gold
	// defines problems as quotes only, so unquoted problems are scored apart, and only where a
	// gold file lists them (nil: not annotated, and unquoted extractions are not scored).
	ProblemsUnquoted []string `json:"problems_unquoted,omitempty"`
	MeasureMarkers   *int     `json:"measure_markers"` // complete 一是/二是 items; nil: not annotated
	// ProblemDetails are an optional extension: the 整改台账 columns of some problems (status,
	// responsible department and person, deadline), scored as the ledger metric.
	ProblemDetails []GoldProblemDetail `json:"problem_details,omitempty"`
	Metrics        []GoldMetric        `json:"metrics"`
	Contacts       GoldContacts        `json:"contacts"`
	Truncated      bool                `json:"truncated"` // the excerpt stops before the document ends
}

// GoldDeclared are the totals a bulletin states about itself, in the gold as in the record
// (the same JSON names); nil where it states none. Other is not scored.
type GoldDeclared = bulletin.Declared

// GoldProblemDetail gives the ledger columns of one problem; empty fields are not scored.
type GoldProblemDetail struct {
	Problem    string `json:"problem"`              // as in Problems
	Status     string `json:"status,omitempty"`     // 已完成, 基本完成, 正在整改, 持续整改, 长期坚持
	Department string `json:"department,omitempty"` // 责任单位/责任部门 as written
	Person     string `json:"person,omitempty"`     // 责任人
	Deadline   string `json:"deadline,omitempty"`   // 整改时限 as written
}

// GoldHeading is one heading: level 1-5, the marker as written ("一、", "(一)", "1.", "" for an
// unmarked heading) and the text without the marker (for a run-in heading, the part before 。).
type GoldHeading struct {
	Level  int    `json:"level"`
	Marker string `json:"marker"`
	Text   string `json:"text"`
}

// GoldMetric is one quantity: the text as written, the value normalised (万/亿 folded, 元 base)
// and the base unit.
type GoldMetric struct {
	Text  string  `json:"text"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
}

// GoldContacts are the contact facts; phone and email may be null, one string or a list.
type GoldContacts struct {
	Phone    Strings `json:"phone"`
	Address  string  `json:"address"`
	Postcode string  `json:"postcode"`
	Email    Strings `json:"email"`
}

// Strings reads null, a string or a list of strings.
type Strings []string

// UnmarshalJSON accepts null, "x" and ["x", "y"].
func (s *Strings) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*s = nil
		return nil
	case len(b) > 0 && b[0] == '"':
		var one string
		if err := json.Unmarshal(b, &one); err != nil {
			return err
		}
		if one == "" {
			*s = nil
		} else {
			*s = Strings{one}
		}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("want null, a string or a list of strings: %w", err)
	}
	*s = many
	return nil
}

// MarshalJSON writes no value as null and one value as a string, as the shared gold does.
func (s Strings) MarshalJSON() ([]byte, error) {
	switch len(s) {
	case 0:
		return []byte("null"), nil
	case 1:
		return json.Marshal(s[0])
	}
	return json.Marshal([]string(s))
}

// ParseGold reads one gold annotation.
func ParseGold(data []byte) (Gold, error) {
	var g Gold
	if err := json.Unmarshal(data, &g); err != nil {
		return Gold{}, err
	}
	for i, h := range g.Headings {
		if h.Level < 1 || h.Level > 5 {
			return Gold{}, fmt.Errorf("heading %d (%q): level %d is not 1-5", i+1, h.Text, h.Level)
		}
	}
	return g, nil
}

// LoadGold reads the gold file at path.
func LoadGold(path string) (Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Gold{}, fmt.Errorf("gold: %w", err)
	}
	g, err := ParseGold(data)
	if err != nil {
		return Gold{}, fmt.Errorf("gold %s: %w", path, err)
	}
	return g, nil
}
