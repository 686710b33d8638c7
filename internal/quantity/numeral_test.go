package quantity

import (
	"strconv"
	"strings"
	"testing"

	"github.com/xuncha/xuncha/internal/fold"
)

// Every entry of the numeral tables reads its own example.
func TestNumeralTables(t *testing.T) {
	check := func(table, entry, ex string, want float64) {
		t.Helper()
		got, ok := ParseNumber(fold.String(ex))
		if !ok || got != want {
			t.Errorf("%s %s: ParseNumber(%q) = %v, %v; want %v", table, entry, ex, got, ok, want)
		}
		if !strings.Contains(ex, entry) {
			t.Errorf("%s %s: example %q does not use it", table, entry, ex)
		}
	}
	for _, d := range numeralDigits {
		check("numeralDigits", string(d.R), d.Example, d.Want)
	}
	for _, u := range numeralUnits {
		check("numeralUnits", string(u.R), u.Example, u.Want)
	}
	for _, m := range numeralMagnitudes {
		check("numeralMagnitudes", m.Word, m.Example, m.Want)
	}
	for _, s := range numeralSigns {
		check("numeralSigns", string(s.R), s.Example, s.Want)
	}
}

// parseCases: one number each, in the reader's own terms; want "" means not a number.
var parseCases = []struct{ in, want string }{
	// plain Chinese numerals
	{"九", "9"}, {"十", "10"}, {"十九", "19"}, {"二十", "20"}, {"三百零七", "307"},
	{"四千零六十", "4060"}, {"七万零八", "70008"}, {"十万零十", "100010"}, {"十万", "100000"}, {"六十亿", "6000000000"},
	{"廿八", "28"}, {"卅", "30"},
	// 十 standing for 一十 after 零 or a larger place
	{"三千零十", "3010"}, {"五千零十八", "5018"}, {"二百十五", "215"}, {"九百十", "910"},
	// zero itself and decimals that start with it
	{"零", "0"}, {"〇", "0"}, {"零点七五", "0.75"}, {"零点零三", "0.03"}, {"零点零", "0"},
	// decimals keep every digit
	{"二点七一八二八一八二八", "2.718281828"}, {"一万零七点零五", "10007.05"}, {"八十点125", "80.125"},
	{"零点零零零零零零零零零零零零零七", "0.00000000000007"},
	// more than fifteen significant digits
	{"三千四百五十六万七千八百九十亿一千二百三十四万五千六百七十八", "3456789012345678"},
	// digits and Chinese mixed after a magnitude or a place
	{"7万2千3百", "72300"}, {"6万1500", "61500"}, {"300万二千", "3002000"}, {"4亿2万", "400020000"},
	{"3千零5", "3005"}, {"9千零40万", "90400000"}, {"1.5万", "15000"}, {"12.5亿", "1250000000"},
	{"1234.56 万", "12345600"},
	// elliptic places
	{"三百五", "350"}, {"四千六", "4600"}, {"二万七", "27000"}, {"八亿三", "830000000"},
	{"三千四点五", "3400.5"},
	// magnitudes of the table
	{"三万万", "300000000"}, {"五个亿", "500000000"}, {"两兆三千亿", "2300000000000"},
	{"六点二五亿", "625000000"}, {"八千万亿", "8000000000000000"},
	// capitals
	{"贰佰伍拾", "250"}, {"叁仟零伍拾", "3050"}, {"壹万零捌佰", "10800"}, {"拾六万", "160000"},
	{"柒拾点伍", "70.5"},
	// signs
	{"负十七", "-17"}, {"-0.75", "-0.75"}, {"−8", "-8"}, {"负零点二五", "-0.25"}, {"負四萬", "-40000"},
	// thousands separators before a magnitude
	{"1,250万", "12500000"},
	// not one number
	{"五六", ""}, {"十四五", ""}, {"二〇二四", ""}, {"3万5", ""}, {"两万两", ""}, {"零五", ""},
	{"十百", ""}, {"百十", ""}, {"三点", ""}, {"一点两", ""}, {"3.5.1", ""}, {"1234567890123456", ""},
	{"五兆", ""}, {"万万万", ""}, {"两千万两", ""}, {"伍", ""}, {"", ""},
}

func TestParseNumber(t *testing.T) {
	for _, c := range parseCases {
		v, ok := ParseNumber(fold.String(c.in))
		got := ""
		if ok {
			got = num(v)
		}
		if got != c.want {
			t.Errorf("ParseNumber(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// ReadNumber stops where the number stops, and reads nothing where none starts.
func TestReadNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		at   int
		want string // VALUE@END or ""
	}{
		{"共30人", 1, "30@3"},
		{"投入5万元", 2, "50000@4"},
		{"一千克", 0, "1@1"},         // 千克 is a unit
		{"十千米", 0, "10@1"},        // 千米 likewise
		{"10千伏线路", 0, "10@2"},     // 千伏 likewise
		{"百分之九十", 0, ""},          // 百分之 is the scanner's
		{"增长零点八个百分点", 2, "0.8@5"}, // 个 after it
		{"一百万一次性拨付", 0, "1000000@3"},
		{"第三", 0, ""},
		{"队伍", 1, ""},
		{"收拾三个", 1, ""},
		{"3点30分", 0, "3@1"},
	} {
		rs := []rune(fold.String(c.in))
		v, end, ok := ReadNumber(rs, c.at)
		got := ""
		if ok {
			got = num(v) + "@" + strconv.Itoa(end)
		}
		if got != c.want {
			t.Errorf("ReadNumber(%q, %d) = %q, want %q", c.in, c.at, got, c.want)
		}
	}
}

// Decimal arithmetic is exact and overflow is refused, not wrapped.
func TestDecimal(t *testing.T) {
	a := decimal{3827, -2}
	if got := a.shift(8).float(); got != 3827000000 {
		t.Errorf("38.27e8 = %v", got)
	}
	s, ok := decimal{1, -1}.add(decimal{2, -1})
	if !ok || s.float() != 0.3 {
		t.Errorf("0.1+0.2 = %v, %v", s.float(), ok)
	}
	if _, ok := (decimal{1 << 63, 0}).add(decimal{1 << 63, 0}); ok {
		t.Error("overflow not reported")
	}
	if _, ok := (decimal{1 << 62, 0}).mul(8); ok {
		t.Error("overflow not reported")
	}
	if got := (decimal{7, 40}).float(); got != 7e40 {
		t.Errorf("7e40 = %v", got)
	}
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// Every range separator joins the ends of its example, a quantity or a date.
func TestRangeSepTable(t *testing.T) {
	for _, s := range rangeSeps {
		in := fold.String(s.Example)
		if !strings.Contains(in, fold.String(s.Word)) {
			t.Errorf("rangeSeps %q: example %q does not use it", s.Word, s.Example)
		}
		ranged := false
		for _, q := range Scan(in) {
			ranged = ranged || q.Max != nil
		}
		for _, d := range ScanDates(in, 0) {
			ranged = ranged || d.End != ""
		}
		if !ranged {
			t.Errorf("rangeSeps %q: no range read in %q (%v %v)", s.Word, s.Example, Scan(in), ScanDates(in, 0))
		}
	}
}

// An amount in a foreign currency gives no quantity; 角 and 分 add to 元; 零件 is no zero.
func TestMoneyTables(t *testing.T) {
	for _, c := range foreignCurrencies {
		if !strings.Contains(c.Example, c.Word) {
			t.Errorf("foreignCurrencies %q: example %q does not use it", c.Word, c.Example)
		}
		if qs := Scan(fold.String("经核查，" + c.Example + "。")); len(qs) != 0 {
			t.Errorf("foreignCurrencies %q: Scan(%q) = %+v, want nothing", c.Word, c.Example, qs)
		}
	}
	for _, m := range moneySubunits {
		qs := Scan(fold.String(m.Example))
		if len(qs) != 1 || qs[0].Value != m.Want || qs[0].Unit != "元" {
			t.Errorf("moneySubunits %q: Scan(%q) = %+v, want %v 元", m.Words, m.Example, qs, m.Want)
		}
	}
	for _, w := range zeroWords {
		if qs := Scan("采购" + w + "三个"); len(qs) != 1 || qs[0].Value != 3 {
			t.Errorf("zeroWords %q: Scan = %+v, want only 3 个", w, qs)
		}
	}
}

func TestParseInt(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"2023", 2023, true}, {"03", 3, true}, {"二十八", 28, true}, {"一百零五", 105, true},
		{"二〇二三", 2023, true}, {"二○二三", 2023, true}, {"一二", 12, true}, {"十", 10, true},
		{"一点五", 0, false}, {"", 0, false}, {"二十八个", 0, false}, {"x", 0, false},
	} {
		got, ok := ParseInt(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseInt(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
