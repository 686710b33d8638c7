package ingest

import "testing"

// Page chrome and signatures read their dates through quantity: ISO, slashes, points, 年月日.
func TestChromeDates(t *testing.T) {
	for in, want := range map[string]bool{
		"2020-08-10 11:36:38": true, "2024/3/5": true, "2024.3.5 10:20": true,
		"2021年04月09日": true, "2024年3月1日 星期五": true, "2024年3月": false,
		"2024-03-05 阅读：12": false, "2024.3-5": false, "1900-01-01": false,
	} {
		if got := isTimestampLine(in); got != want {
			t.Errorf("isTimestampLine(%q) = %v, want %v", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"发布时间：2024/3/5": "2024-03-05", "日期 2022.08.16 来源": "2022-08-16", "2023年前": "",
	} {
		if got := isoDate(in); got != want {
			t.Errorf("isoDate(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"2024年1月18日": "2024-01-18", "2024年1月18日印发": "2024-01-18", "二〇二四年一月十八日": "2024-01-18",
		"2024年1月": "", "2024-01-18": "", "于2024年1月18日": "",
	} {
		if got := signatureDate([]string{"正文。", in}); got != want {
			t.Errorf("signatureDate(%q) = %q, want %q", in, got, want)
		}
	}
}
