package quantity_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/fold"
	"github.com/xuncha/xuncha/internal/quantity"
)

// dateCases: input, context year, want as "TEXT=DATE[..END][ inferred][ garbled]" joined by " | ".
var dateCases = []struct {
	in   string
	year int
	want string
}{
	{"根据市委统一部署，2023年8月24日至10月23日，市委第一巡察组对文广旅局党组进行了巡察。12月1日，反馈了巡察意见。", 0,
		"2023年8月24日至10月23日=2023-08-24..2023-10-23 | 12月1日=2023-12-01 inferred"},
	{"截至2024年2月22日，制定的28项整改措施", 0, "2024年2月22日=2024-02-22"},
	{"2021年3月至4月，市委巡视六组对东丽区开展了巡视工作，并于7月26日反馈了巡视意见。", 0,
		"2021年3月至4月=2021-03..2021-04 | 7月26日=2021-07-26 inferred"},
	{"2024年4月1日至4月30日，市委巡察六组", 0, "2024年4月1日至4月30日=2024-04-01..2024-04-30"},
	{"市委第六巡视组于2023年3月24日至2023年6月16日对闵行区开展巡视", 0, "2023年3月24日至2023年6月16日=2023-03-24..2023-06-16"},
	{"2019年9月26日至12月20日", 0, "2019年9月26日至12月20日=2019-09-26..2019-12-20"},
	{"8月24日至26日", 2023, "8月24日至26日=2023-08-24..2023-08-26 inferred"},
	{"截至2023年9月，未年检的行业协会有23个", 0, "2023年9月=2023-09"},
	{"2023年在全市已建成的广场", 0, "2023年=2023"},
	{"组织开展了2023年度局机关党委组织生活会", 0, "2023年度=2023"},
	{"6月底前完成", 2024, "6月底=2024-06 inferred"},
	{"上半年", 2024, "上半年=2024-01..2024-06 inferred"},
	{"2023年下半年", 0, "2023年下半年=2023-07..2023-12"},
	{"2023年第一季度", 0, "2023年第一季度=2023-01..2023-03"},
	{"2023年三季度", 0, "2023年三季度=2023-07..2023-09"},
	{"时间：2020-11-16 17:06", 0, "2020-11-16=2020-11-16"},
	{"发布时间:2022-08-16", 0, "2022-08-16=2022-08-16"},
	{"2022.08.16", 0, "2022.08.16=2022-08-16"},
	{"2023.3.1-4.30，市委第二巡察组对高新区党工委开展了交叉巡察", 0, "2023.3.1-4.30=2023-03-01..2023-04-30"},
	{"2023/3/1至4/30", 0, "2023/3/1至4/30=2023-03-01..2023-04-30"},
	{"2023.3.1-4.30.5", 0, "2023.3.1=2023-03-01"},
	{"2022/8/6", 0, "2022/8/6=2022-08-06"},
	{"发布日期：2021年04月09日", 0, "2021年04月09日=2021-04-09"},
	{"二〇二三年十二月一日", 0, "二〇二三年十二月一日=2023-12-01"},
	{"二○二三年十月八日", 0, "二○二三年十月八日=2023-10-08"},
	{"二O二三年十二月", 0, "二O二三年十二月=2023-12"},
	{"二0二四年一月", 0, "二0二四年一月=2024-01"},
	{"二〇二四年三月", 0, "二〇二四年三月=2024-03"},
	{"2021915日", 0, "2021915日= garbled"},
	{"2021年915日", 0, "2021年915日= garbled"},
	{"2021年13月", 0, "2021年13月= garbled"},
	{"2023年2月30日", 0, "2023年2月30日= garbled"},
	{"12月1日", 0, "12月1日= inferred"},
	{"2月4日，陈吉宁同志赴商务区调研", 2023, "2月4日=2023-02-04 inferred"},
	{"2019—2023年", 0, "2019—2023年=2019..2023"},
	{"2023-2024年", 0, "2023-2024年=2023..2024"},
	{"1-3月", 2022, "1-3月=2022-01..2022-03 inferred"},
	{"2022年1-6月，全县医疗机构门诊量下降约20%", 0, "2022年1-6月=2022-01..2022-06"},
	{"2022年1至6月", 0, "2022年1至6月=2022-01..2022-06"},
	{"2024年3月15日，2月4日", 0, "2024年3月15日=2024-03-15 | 2月4日=2024-02-04 inferred"},
	// issue 13: Chinese months and days after any year, day ranges with one 日, lunar dates
	{"2021年三月五日召开会议", 0, "2021年三月五日=2021-03-05"},
	{"于2022年十一月二十日至二十三日开展巡察", 0, "2022年十一月二十日至二十三日=2022-11-20..2022-11-23"},
	{"十二月三十一日前完成", 2020, "十二月三十一日=2020-12-31 inferred"},
	{"2022年9月5-9日，市委巡察组进驻", 0, "2022年9月5-9日=2022-09-05..2022-09-09"},
	{"定于2024年6月3至7日举办", 0, "2024年6月3至7日=2024-06-03..2024-06-07"},
	{"2023年2月27-30日", 0, "2023年2月=2023-02"},
	{"2023年10月8日—10日", 0, "2023年10月8日—10日=2023-10-08..2023-10-10"},
	{"2023年4月1日起至6月30日", 0, "2023年4月1日起至6月30日=2023-04-01..2023-06-30"},
	{"农历2021年八月十五", 0, ""},
	{"二〇二二年正月初五", 0, ""},
	{"2019年九月初九登高", 0, ""},
	{"2022年6月初完成", 0, "2022年6月初=2022-06"},
	{"十二月份", 2023, "十二月份=2023-12 inferred"},
	{"一月一次", 2023, ""},
	{"见http://x.gov.cn/2023-05-06/a.html", 0, ""},
	// not dates
	{"持续5个月", 0, ""},
	{"连续2年", 0, ""},
	{"联系电话：0431-83622863", 0, ""},
	{"〔2023〕7号", 2023, ""},
	{"1.05亿元", 0, ""},
	{"第一季度", 0, ""},
	{"12楼", 0, ""},
	{"3-5人", 0, ""},
}

func TestScanDates(t *testing.T) {
	for _, c := range dateCases {
		in := fold.String(c.in)
		got := quantity.ScanDates(in, c.year)
		rs := []rune(in)
		var g []string
		for _, d := range got {
			if d.Start < 0 || d.Stop > len(rs) || d.Start >= d.Stop || string(rs[d.Start:d.Stop]) != d.Text {
				t.Errorf("ScanDates(%q): bad span %d..%d %q", c.in, d.Start, d.Stop, d.Text)
			}
			s := d.Text + "=" + d.Date
			if d.End != "" {
				s += ".." + d.End
			}
			if d.Inferred {
				s += " inferred"
			}
			if d.Garbled {
				s += " garbled"
			}
			g = append(g, s)
		}
		if got, want := strings.Join(g, " | "), fold.String(c.want); got != want {
			t.Errorf("ScanDates(%q, %d)\n got  %s\n want %s", c.in, c.year, got, want)
		}
	}
}

// Dates are never quantities, and quantities never dates.
func TestDatesAndQuantitiesDisjoint(t *testing.T) {
	for _, c := range scanCases {
		in := fold.String(c.in)
		ds := quantity.ScanDates(in, 2024)
		for _, q := range quantity.Scan(in) {
			for _, d := range ds {
				if q.Start < d.Stop && d.Start < q.End {
					t.Errorf("%q: quantity %q overlaps date %q", c.in, q.Text, d.Text)
				}
			}
		}
	}
	_ = fmt.Sprint()
}

// Each date says how much of it is written.
func TestDatePrecision(t *testing.T) {
	for in, want := range map[string]quantity.Precision{
		"2023年8月24日": quantity.PrecDay, "2023年8月": quantity.PrecMonth, "2023年": quantity.PrecYear,
		"2023年上半年": quantity.PrecHalf, "2023年第三季度": quantity.PrecQuarter, "2022.08.16": quantity.PrecDay,
		"2021年三月五日": quantity.PrecDay, "1-6月": quantity.PrecMonth, "2021915日": quantity.PrecNone,
	} {
		ds := quantity.ScanDates(in, 2024)
		if len(ds) != 1 || ds[0].Precision != want {
			t.Errorf("ScanDates(%q) = %+v, want one date of precision %v", in, ds, want)
		}
	}
}

// DateMentions gives a range's ends apart, the end marked and completed from the start.
func TestDateMentions(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2023年8月24日至10月23日", "2023年8月24日=2023-08-24 | 10月23日>2023-10-23~"},
		{"4月1日至30日", "4月1日=0-04-01~ | 30日>0-04-30~"},
		{"2022.3.1-4.30，反馈", "2022.3.1=2022-03-01 | 4.30>2022-04-30~"},
		{"2019年4月12-19日", "2019年4月12-19日=2019-04-12..19"},
		{"2023年上半年", "2023年上半年=2023-01..06"},
		{"2021915日", "2021915日=garbled"},
		{"根据部署，于十月八日进驻", "十月八日=0-10-08~"},
	} {
		var g []string
		for _, m := range quantity.DateMentions(fold.String(c.in)) {
			s := m.Text + "="
			if m.RangeEnd {
				s = m.Text + ">"
			}
			switch {
			case m.Garbled:
				s += "garbled"
			default:
				s += fmt.Sprintf("%d-%02d", m.Year, m.Month)
				if m.Day != 0 {
					s += fmt.Sprintf("-%02d", m.Day)
				}
				if m.EndMonth != 0 {
					s += fmt.Sprintf("..%02d", m.EndMonth)
				}
				if m.EndDay != 0 {
					s += fmt.Sprintf("..%02d", m.EndDay)
				}
				if !m.YearWritten {
					s += "~"
				}
			}
			g = append(g, s)
		}
		if got := strings.Join(g, " | "); got != c.want {
			t.Errorf("DateMentions(%q)\n got  %s\n want %s", c.in, got, c.want)
		}
	}
}
