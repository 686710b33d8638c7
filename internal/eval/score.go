package eval

import (
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// Counts are the matches of one set-valued metric: items found and in the gold (TP), found but
// not in the gold (FP), in the gold but not found (FN).
type Counts struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP); 1 when nothing was found (nothing found wrongly).
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN); 1 when the gold lists nothing.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Add returns the sum of c and d (micro-averaging).
func (c Counts) Add(d Counts) Counts { return Counts{c.TP + d.TP, c.FP + d.FP, c.FN + d.FN} }

// MarshalJSON writes the counts with their precision, recall and F1.
func (c Counts) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		TP        int     `json:"tp"`
		FP        int     `json:"fp"`
		FN        int     `json:"fn"`
		Precision float64 `json:"precision"`
		Recall    float64 `json:"recall"`
		F1        float64 `json:"f1"`
	}{c.TP, c.FP, c.FN, round(c.Precision()), round(c.Recall()), round(c.F1())})
}

// Accuracy counts fields compared one to one: how many were right out of how many.
type Accuracy struct {
	Correct, Total int
}

// Rate is Correct/Total; 1 when nothing was compared.
func (a Accuracy) Rate() float64 { return ratio(a.Correct, a.Total) }

// Add returns the sum of a and b.
func (a Accuracy) Add(b Accuracy) Accuracy { return Accuracy{a.Correct + b.Correct, a.Total + b.Total} }

// MarshalJSON writes the counts with the rate.
func (a Accuracy) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Correct int     `json:"correct"`
		Total   int     `json:"total"`
		Rate    float64 `json:"rate"`
	}{a.Correct, a.Total, round(a.Rate())})
}

func (a *Accuracy) count(ok bool) {
	a.Total++
	if ok {
		a.Correct++
	}
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

func round(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// Metric names, as they appear in reports and misses.
const (
	MetricProblems       = "problems"          // quoted problems: the shared gold's definition
	MetricUnquoted       = "problems_unquoted" // problems stated without quotes, where annotated
	MetricHeadings       = "headings"
	MetricQuantities     = "quantities"      // value + unit
	MetricQuantitiesText = "quantities+text" // value + unit + text as written
	MetricFacts          = "facts"           // unit, inspector, inspection start/end, feedback (as-of where given)
	MetricDeclared       = "declared"        // the six declared totals
	MetricContacts       = "contacts"        // phones, address, postcode, emails
	MetricMeasures       = "measure_markers" // count of complete 一是/二是 items
	MetricDocument       = "document"        // title, publish date and kind, where the gold gives them
	MetricLedger         = "ledger"          // status, department, person, deadline of problems, where given
)

// Miss is one difference between gold and extraction.
type Miss struct {
	Metric string `json:"metric"`
	Kind   string `json:"kind"`            // missing (in gold, not found), extra (found, not in gold), wrong (a field differs)
	Field  string `json:"field,omitempty"` // for facts, declared, contacts: the field
	Gold   string `json:"gold,omitempty"`  // normalised gold text (missing, wrong)
	Got    string `json:"got,omitempty"`   // normalised extracted text (extra, wrong)
}

// Miss kinds.
const (
	Missing = "missing"
	Extra   = "extra"
	Wrong   = "wrong"
)

// FileScore is the score of one bulletin against its gold.
type FileScore struct {
	Name           string   `json:"name"`
	Problems       Counts   `json:"problems"`
	Unquoted       Counts   `json:"problems_unquoted"`
	Headings       Counts   `json:"headings"`
	Quantities     Counts   `json:"quantities"`
	QuantitiesText Counts   `json:"quantities_text"`
	Facts          Accuracy `json:"facts"`
	Declared       Accuracy `json:"declared"`
	Contacts       Accuracy `json:"contacts"`
	MeasureMarkers Accuracy `json:"measure_markers"`
	Document       Accuracy `json:"document"`
	Ledger         Accuracy `json:"ledger"`
	Misses         []Miss   `json:"misses,omitempty"`
}

// Add adds the counts of s to f (the name and misses are left alone).
func (f *FileScore) Add(s FileScore) {
	f.Problems = f.Problems.Add(s.Problems)
	f.Unquoted = f.Unquoted.Add(s.Unquoted)
	f.Headings = f.Headings.Add(s.Headings)
	f.Quantities = f.Quantities.Add(s.Quantities)
	f.QuantitiesText = f.QuantitiesText.Add(s.QuantitiesText)
	f.Facts = f.Facts.Add(s.Facts)
	f.Declared = f.Declared.Add(s.Declared)
	f.Contacts = f.Contacts.Add(s.Contacts)
	f.MeasureMarkers = f.MeasureMarkers.Add(s.MeasureMarkers)
	f.Document = f.Document.Add(s.Document)
	f.Ledger = f.Ledger.Add(s.Ledger)
}

// Score compares one extracted bulletin with its gold. b may be nil (nothing extracted).
func Score(b *bulletin.Bulletin, g Gold) FileScore {
	if b == nil {
		b = &bulletin.Bulletin{}
	}
	var f FileScore
	f.Problems = f.match(MetricProblems, keysOf(g.Problems), problemKeys(b, true))
	if g.ProblemsUnquoted != nil {
		f.Unquoted = f.match(MetricUnquoted, keysOf(g.ProblemsUnquoted), problemKeys(b, false))
	}
	f.Headings = f.match(MetricHeadings, g.headingKeys(), headingKeys(b))
	// quantity misses are listed as value, unit and the text as written: 180 件 «180余件»
	f.Quantities = f.match(MetricQuantities, g.quantityKeys(false), quantityKeys(b, false),
		g.quantityLabels(), quantityLabels(b))
	f.QuantitiesText = matchCounts(g.quantityKeys(true), quantityKeys(b, true)) // misses already listed
	f.scoreFacts(b, g)
	f.scoreDeclared(b, g)
	f.scoreContacts(b, g)
	f.scoreDocument(b, g)
	f.scoreLedger(b, g)
	if g.MeasureMarkers != nil {
		n := CountMeasureItems(b)
		f.MeasureMarkers.count(n == *g.MeasureMarkers)
		if n != *g.MeasureMarkers {
			f.Misses = append(f.Misses, Miss{Metric: MetricMeasures, Kind: Wrong,
				Gold: strconv.Itoa(*g.MeasureMarkers), Got: strconv.Itoa(n)})
		}
	}
	return f
}

// match counts the multiset intersection of gold and got and records the differences. show,
// when not nil, gives the text a miss is listed with (gold first, then got); else the key.
func (f *FileScore) match(metric string, gold, got []string, show ...[]string) Counts {
	missing, extra := diff(gold, got)
	label := func(side, i int, keys []string) string {
		if len(show) == 2 {
			return show[side][i]
		}
		return keys[i]
	}
	for _, i := range missing {
		f.Misses = append(f.Misses, Miss{Metric: metric, Kind: Missing, Gold: label(0, i, gold)})
	}
	for _, i := range extra {
		f.Misses = append(f.Misses, Miss{Metric: metric, Kind: Extra, Got: label(1, i, got)})
	}
	return Counts{TP: len(gold) - len(missing), FP: len(extra), FN: len(missing)}
}

func matchCounts(gold, got []string) Counts {
	missing, extra := diff(gold, got)
	return Counts{TP: len(gold) - len(missing), FP: len(extra), FN: len(missing)}
}

// diff returns the indices of the keys of gold not matched in got and of got not matched in
// gold, counting repeats (a multiset difference), each in its original order.
func diff(gold, got []string) (missing, extra []int) {
	left := make(map[string]int, len(got))
	for _, k := range got {
		left[k]++
	}
	for i, k := range gold {
		if left[k] > 0 {
			left[k]--
			continue
		}
		missing = append(missing, i)
	}
	for i, k := range got {
		if left[k] > 0 {
			left[k]--
			extra = append(extra, i)
		}
	}
	return missing, extra
}

// keysOf normalises gold problem texts.
func keysOf(problems []string) []string {
	keys := make([]string, 0, len(problems))
	for _, p := range problems {
		keys = append(keys, problemKey(p))
	}
	return keys
}

// problemKey normalises a problem text. Besides Normalize it drops the closing punctuation and,
// for unquoted problems, the frame around the description: "关于少数领导干部不守政治规矩的问题。"
// and "少数领导干部不守政治规矩" are the same problem. Gold and extraction get the same treatment,
// so a quote is never matched against anything but the same quote.
func problemKey(s string) string {
	k := strings.TrimRight(Normalize(s), "。.,;:、")
	k = strings.TrimPrefix(k, "关于")
	for _, suffix := range []string{"的问题", "问题"} {
		if t, ok := strings.CutSuffix(k, suffix); ok && t != "" {
			k = t
			break
		}
	}
	return k
}

// problemKeys are the extracted problems with a quote (quoted true: the quote) or without one
// (quoted false: the text).
func problemKeys(b *bulletin.Bulletin, quoted bool) []string {
	keys := make([]string, 0, len(b.Problems))
	for _, p := range b.Problems {
		switch {
		case quoted && p.Quote != "":
			keys = append(keys, problemKey(p.Quote))
		case !quoted && p.Quote == "":
			keys = append(keys, problemKey(p.Text))
		}
	}
	return keys
}

func headingKey(level int, marker, text string) string {
	return strconv.Itoa(level) + " " + normalizeMarker(marker) + " " + normalizeHeading(text)
}

func (g Gold) headingKeys() []string {
	keys := make([]string, 0, len(g.Headings))
	for _, h := range g.Headings {
		keys = append(keys, headingKey(h.Level, h.Marker, h.Text))
	}
	return keys
}

func headingKeys(b *bulletin.Bulletin) []string {
	keys := make([]string, 0, len(b.Sections))
	for _, s := range b.Sections {
		keys = append(keys, headingKey(s.Level, s.Marker, s.Title))
	}
	return keys
}

// quantityKey is value and unit, and with text the text as written after them.
func quantityKey(value float64, unit, text string, withText bool) string {
	if math.Abs(value) < 1e12 {
		value = math.Round(value*1e6) / 1e6 // 71320.00000000001 and 71320 agree
	}
	k := strconv.FormatFloat(value, 'f', -1, 64) + " " + Normalize(unit)
	if withText {
		k += " " + Normalize(text)
	}
	return k
}

func (g Gold) quantityKeys(withText bool) []string {
	keys := make([]string, 0, len(g.Metrics))
	for _, m := range g.Metrics {
		keys = append(keys, quantityKey(m.Value, m.Unit, m.Text, withText))
	}
	return keys
}

func quantityKeys(b *bulletin.Bulletin, withText bool) []string {
	keys := make([]string, 0, len(b.Metrics))
	for _, m := range b.Metrics {
		keys = append(keys, quantityKey(m.Value, m.Unit, m.Text, withText))
	}
	return keys
}

// scoreFacts compares the header facts. An empty gold fact is right when the extraction is empty
// too; for the dates, a month- or year-level extraction (2021-03) also agrees with an empty gold
// date, because the gold gives a date only where the day is certain. The as-of date is scored only
// where the gold gives one.
func (f *FileScore) scoreFacts(b *bulletin.Bulletin, g Gold) {
	f.text(MetricFacts, "unit", g.Unit, b.Unit)
	f.text(MetricFacts, "inspector", g.Inspector, b.Inspector)
	f.day("inspection_start", g.InspectionStart, b.Inspection.Start)
	f.day("inspection_end", g.InspectionEnd, b.Inspection.End)
	f.day("feedback_date", g.FeedbackDate, b.FeedbackDate)
	if g.AsOfDate != "" {
		f.day("as_of_date", g.AsOfDate, b.AsOfDate)
	}
}

func (f *FileScore) text(metric, field, gold, got string) {
	ng, nb := Normalize(gold), Normalize(got)
	f.field(metric, field, ng, nb, ng == nb)
}

func (f *FileScore) day(field, gold string, got bulletin.Day) {
	g, b := strings.TrimSpace(gold), strings.TrimSpace(string(got))
	ok := g == b || (g == "" && len(b) < len("2006-01-02"))
	f.field(MetricFacts, field, g, b, ok)
}

func (f *FileScore) field(metric, field, gold, got string, ok bool) {
	acc := f.accuracy(metric)
	acc.count(ok)
	if !ok {
		f.Misses = append(f.Misses, Miss{Metric: metric, Kind: Wrong, Field: field, Gold: orNull(gold), Got: orNull(got)})
	}
}

func (f *FileScore) accuracy(metric string) *Accuracy {
	switch metric {
	case MetricFacts:
		return &f.Facts
	case MetricDeclared:
		return &f.Declared
	case MetricContacts:
		return &f.Contacts
	case MetricDocument:
		return &f.Document
	case MetricLedger:
		return &f.Ledger
	}
	return &f.MeasureMarkers
}

func orNull(s string) string {
	if s == "" {
		return "null"
	}
	return s
}

// scoreDeclared compares each of the six declared totals; absent in both is right.
func (f *FileScore) scoreDeclared(b *bulletin.Bulletin, g Gold) {
	d, gd := b.Declared, g.Declared
	f.count("problems_total", gd.ProblemsTotal, d.ProblemsTotal)
	f.count("problems_done", gd.ProblemsDone, d.ProblemsDone)
	f.count("problems_in_progress", gd.ProblemsInProgress, d.ProblemsInProgress)
	f.count("measures_total", gd.MeasuresTotal, d.MeasuresTotal)
	f.count("measures_done", gd.MeasuresDone, d.MeasuresDone)
	ok := (gd.RatePercent == nil) == (d.RatePercent == nil) &&
		(gd.RatePercent == nil || math.Abs(*gd.RatePercent-*d.RatePercent) < 1e-6)
	f.field(MetricDeclared, "rate_percent", floatString(gd.RatePercent), floatString(d.RatePercent), ok)
}

func (f *FileScore) count(field string, gold, got *int) {
	ok := (gold == nil) == (got == nil) && (gold == nil || *gold == *got)
	f.field(MetricDeclared, field, intString(gold), intString(got), ok)
}

func intString(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

func floatString(x *float64) string {
	if x == nil {
		return ""
	}
	return strconv.FormatFloat(*x, 'f', -1, 64)
}

// scoreContacts compares phones (as sets), address, postcode and emails (as sets).
func (f *FileScore) scoreContacts(b *bulletin.Bulletin, g Gold) {
	c := b.Contacts
	gp, bp := normalizedSet(g.Contacts.Phone), normalizedSet(c.Phones)
	f.field(MetricContacts, "phone", gp, bp, gp == bp)
	f.text(MetricContacts, "address", g.Contacts.Address, c.Address)
	f.text(MetricContacts, "postcode", g.Contacts.Postcode, c.Postcode)
	ge, be := normalizedSet(g.Contacts.Email), normalizedSet(c.Emails)
	f.field(MetricContacts, "email", ge, be, ge == be)
}

// normalizedSet is the sorted, de-duplicated normalised values, joined with " | ".
func normalizedSet(vs []string) string {
	seen := make(map[string]bool, len(vs))
	var out []string
	for _, v := range vs {
		n := Normalize(v)
		if n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return strings.Join(out, " | ")
}

// scoreDocument compares the title, publish date and kind where the gold gives them.
func (f *FileScore) scoreDocument(b *bulletin.Bulletin, g Gold) {
	if g.Title != "" {
		f.text(MetricDocument, "title", g.Title, b.Title)
	}
	if g.PublishDate != "" {
		f.field(MetricDocument, "publish_date", g.PublishDate, string(b.PublishDate), g.PublishDate == string(b.PublishDate))
	}
	if g.Kind != "" {
		f.field(MetricDocument, "kind", g.Kind, b.Kind, g.Kind == b.Kind)
	}
}

func (g Gold) quantityLabels() []string {
	out := make([]string, 0, len(g.Metrics))
	for _, m := range g.Metrics {
		out = append(out, quantityKey(m.Value, m.Unit, "", false)+" «"+m.Text+"»")
	}
	return out
}

func quantityLabels(b *bulletin.Bulletin) []string {
	out := make([]string, 0, len(b.Metrics))
	for _, m := range b.Metrics {
		out = append(out, quantityKey(m.Value, m.Unit, "", false)+" «"+m.Text+"»")
	}
	return out
}

// ledgerColumns are the ledger fields of a problem the gold may give.
var ledgerColumns = []struct {
	name string
	gold func(GoldProblemDetail) string
	got  func(*bulletin.Problem) string
}{
	{"status", func(d GoldProblemDetail) string { return d.Status }, func(p *bulletin.Problem) string { return p.Status }},
	{"department", func(d GoldProblemDetail) string { return d.Department }, func(p *bulletin.Problem) string { return p.Department }},
	{"person", func(d GoldProblemDetail) string { return d.Person }, func(p *bulletin.Problem) string { return p.Person }},
	{"deadline", func(d GoldProblemDetail) string { return d.Deadline }, func(p *bulletin.Problem) string { return p.Deadline }},
}

// scoreLedger compares the ledger columns the gold gives for a problem with those of the
// extracted problem that matches it; when none matches, each given column is wrong.
func (f *FileScore) scoreLedger(b *bulletin.Bulletin, g Gold) {
	byKey := make(map[string][]*bulletin.Problem, len(b.Problems))
	for i := range b.Problems {
		p := &b.Problems[i]
		s := p.Quote
		if s == "" {
			s = p.Text
		}
		k := problemKey(s)
		byKey[k] = append(byKey[k], p)
	}
	for _, d := range g.ProblemDetails {
		k := problemKey(d.Problem)
		var p *bulletin.Problem
		if ps := byKey[k]; len(ps) > 0 {
			p, byKey[k] = ps[0], ps[1:]
		}
		for _, c := range ledgerColumns {
			want := c.gold(d)
			if want == "" {
				continue
			}
			field := c.name + " of " + short(k)
			if p == nil {
				f.field(MetricLedger, field, Normalize(want), "(problem not found)", false)
				continue
			}
			f.text(MetricLedger, field, want, c.got(p))
		}
	}
}

// short cuts a key to its first 12 runes, to name a problem in a miss.
func short(s string) string {
	if rs := []rune(s); len(rs) > 12 {
		return string(rs[:12]) + "…"
	}
	return s
}
