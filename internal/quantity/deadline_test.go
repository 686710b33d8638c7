package quantity

import "testing"

func TestDeadline(t *testing.T) {
	for _, c := range []struct {
		text string
		year int
		want string // yyyy-mm-dd, "" for none
	}{
		{"2024年12月31日前", 0, "2024-12-31"},
		{"2024年12月底", 0, "2024-12-31"},
		{"2024年12月", 0, "2024-12-31"},
		{"2024年2月底前", 0, "2024-02-29"},
		{"2024年底", 0, "2024-12-31"},
		{"2024年底前", 2023, "2024-12-31"}, // the written year wins
		{"6月底", 2024, "2024-06-30"},
		{"6月底", 0, ""}, // no year known
		{"2024年上半年", 0, "2024-06-30"},
		{"上半年完成", 2025, "2025-06-30"},
		{"下半年完成", 2025, "2025-12-31"},
		{"年底前完成", 2024, "2024-12-31"},
		{"年末前完成", 2024, "2024-12-31"},
		{"年内完成", 2024, "2024-12-31"},
		{"本年度内完成", 2024, "2024-12-31"},
		{"长期坚持", 2024, ""},
		{"立行立改", 2024, ""},
		{"２０２４年６月３０日", 0, "2024-06-30"}, // full-width digits
	} {
		d, ok := Deadline(c.text, c.year)
		got := ""
		if ok {
			got = d.Format("2006-01-02")
		}
		if got != c.want {
			t.Errorf("Deadline(%q, %d) = %q, want %q", c.text, c.year, got, c.want)
		}
	}
}
