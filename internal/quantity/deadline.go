package quantity

import (
	"strings"
	"time"

	"github.com/xuncha/xuncha/internal/fold"
)

// Deadline reads a 整改时限 as the last day it allows. The first date written counts: a day is
// that day (2024年12月31日前), a month its last day (2024年12月底, 6月底, 2024年12月), a period
// its last day (2024年上半年, 2022年1-6月), a year its 31 December (2024年底, 2024年). A date
// without its year takes year, the year of the bulletin's context (0 when unknown: such a date
// then gives nothing). Without any date, the year-relative phrases of deadlinePhrases count
// (年底前 is 31 December of year). ok is false where no day can be read: 长期坚持, 立行立改.
func Deadline(text string, year int) (time.Time, bool) {
	folded := fold.String(text)
	for _, m := range DateMentions(folded) {
		if m.Garbled {
			continue
		}
		y := m.Year
		if y == 0 {
			y = year
		}
		if y == 0 {
			continue
		}
		month, day := m.Month, m.Day
		if m.EndMonth > 0 {
			month, day = m.EndMonth, m.EndDay
		}
		switch {
		case month > 0 && day > 0:
			return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC), true
		case month > 0:
			return time.Date(y, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC), true
		default:
			return time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), true
		}
	}
	if year == 0 {
		return time.Time{}, false
	}
	for _, p := range deadlinePhrases {
		if strings.Contains(folded, p.text) {
			return time.Date(year, time.Month(p.month)+1, 0, 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}

// deadlinePhrases are deadlines relative to the bulletin's year, with the month they end in;
// the first that the text holds counts.
var deadlinePhrases = []struct {
	text  string
	month int
}{
	{"上半年", 6},  // 上半年完成
	{"下半年", 12}, // 下半年完成
	{"年底", 12},  // 年底前完成
	{"年末", 12},  // 年末前完成
	{"年内", 12},  // 年内完成
	{"本年度", 12}, // 本年度内完成
}
