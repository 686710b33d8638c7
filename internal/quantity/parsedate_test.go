package quantity

import (
	"strings"
	"testing"
)

// Every entry of the date reader's tables is read in its own example, as one whole date.
func TestDateTables(t *testing.T) {
	for name, table := range map[string][]dateWord{
		"numericDateSeps": numericDateSeps, "yearSuffixes": yearSuffixes, "monthSuffixes": monthSuffixes,
	} {
		for _, w := range table {
			if !strings.Contains(w.Example, w.Word) {
				t.Errorf("%s %q: example %q does not use it", name, w.Word, w.Example)
			}
			if d, ok := ParseDate(w.Example, 0); !ok || d.Text != w.Example || d.Date == "" {
				t.Errorf("%s %q: ParseDate(%q) = %+v, %v", name, w.Word, w.Example, d, ok)
			}
		}
	}
}

// ParseDate reads a whole string as one date, with the forms page chrome and signatures use.
func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		year int
		want string // ISO date (..end), "-" for not a date
	}{
		{"2024-03-05", 0, "2024-03-05"},                    // ISO, page chrome
		{"2024/3/5", 0, "2024-03-05"},                      // slashes
		{"2024.3.5", 0, "2024-03-05"},                      // points
		{" 2024年3月5日 ", 0, "2024-03-05"},                   // spaces around
		{"2021年04月09日", 0, "2021-04-09"},                   // two-digit month and day
		{"二〇二四年一月十八日", 0, "2024-01-18"},                    // signature in Chinese numerals
		{"2024年3月", 0, "2024-03"},                          // a month
		{"3月", 2024, "2024-03"},                            // a month alone, the year from context
		{"3月", 0, ""},                                      // ... or none
		{"2023年底", 0, "2023"},                              // end of a year
		{"2023年9月底", 0, "2023-09"},                         // end of a month
		{"2023年8月24日至10月23日", 0, "2023-08-24..2023-10-23"}, // a range
		{"2024-03-05 10:20", 0, "-"},                       // more than a date
		{"2024-03-05日", 0, "-"},                            // more than a date
		{"2024.3-5", 0, "-"},                               // separators differ
		{"2021915日", 0, "-"},                               // garbled
		{"2023年2月30日", 0, "-"},                             // no such day
		{"发布时间：2024-03-05", 0, "-"},                        // a label first
		{"", 0, "-"},
	} {
		d, ok := ParseDate(c.in, c.year)
		got := "-"
		if ok {
			got = d.Date
			if d.End != "" {
				got += ".." + d.End
			}
		}
		if got != c.want {
			t.Errorf("ParseDate(%q, %d) = %q, want %q", c.in, c.year, got, c.want)
		}
	}
}

// DatePrefix reads the date a string starts with and says where it ends.
func TestDatePrefix(t *testing.T) {
	for _, c := range []struct{ in, date, rest string }{
		{"2024-03-05 10:20", "2024-03-05", " 10:20"},
		{"2024年3月1日 星期五", "2024-03-01", " 星期五"},
		{"2023年02月14日 10:20　来源：集团纪委", "2023-02-14", " 10:20　来源：集团纪委"},
		{"关于2024年", "", "关于2024年"},
	} {
		d, n := DatePrefix(c.in, 0)
		if d.Date != c.date || c.in[n:] != c.rest {
			t.Errorf("DatePrefix(%q) = %q, rest %q; want %q, rest %q", c.in, d.Date, c.in[n:], c.date, c.rest)
		}
	}
	if y, m, d := (Date{Date: "2024-03-05"}).YMD(); y != 2024 || m != 3 || d != 5 {
		t.Errorf("YMD(2024-03-05) = %d %d %d", y, m, d)
	}
	if y, m, d := (Date{Date: "2024"}).YMD(); y != 2024 || m != 0 || d != 0 {
		t.Errorf("YMD(2024) = %d %d %d", y, m, d)
	}
}
