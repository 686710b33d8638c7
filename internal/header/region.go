package header

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/runes"
)

// levelWords open a unit named by its level alone, without its place: the body says
// 县农业农村局党组 where the title says 中共平阳县农业农村局党组. Each entry's example is run by
// TestFullUnit. 市 is not among them: the gold of the real bulletins keeps a city's unit as the
// body writes it (市机关事务管理局党组, titled 中共天津市…), and a batch rarely mixes cities.
var levelWords = []string{
	"县", // 县农业农村局党组 → 平阳县农业农村局党组
	"区", // 区市场监管局党组 → 南山区市场监管局党组
	"镇", // 镇党委 → 河口镇党委
	"乡", // 乡党委 → 石桥乡党委
	"旗", // 旗教育局党组 → 科右前旗教育局党组
	"州", // 州财政局党组 → 黔南州财政局党组
}

// orgPrefixes are the words before a place in an organisation's full name, not part of the unit.
var orgPrefixes = []string{
	"中共", // 中共平阳县农业农村局党组
	"中国共产党",
}

// fullUnit gives the unit its place where the body names it by its level alone and the
// title's organisation or the signature (落款) names it in full: the full name is the one that
// ends with the unit and adds at most six Han characters of place before it.
func (h *state) fullUnit() {
	unit := strings.TrimSpace(h.b.Unit)
	if unit == "" || !startsWithLevel(unit) {
		return
	}
	candidates := []string{h.titleOrg()}
	for i := len(h.views) - 1; i >= 0 && i >= len(h.views)-4; i-- { // the last lines: the signature
		if t := strings.TrimSpace(h.views[i].text); !runes.MoreThan(t, 40) {
			candidates = append(candidates, t)
		}
	}
	for _, c := range candidates {
		if full, ok := withPlace(c, unit); ok {
			h.b.Unit = full
			return
		}
	}
}

// startsWithLevel reports whether unit opens with a level word.
func startsWithLevel(unit string) bool {
	for _, w := range levelWords {
		if strings.HasPrefix(unit, w) {
			return true
		}
	}
	return false
}

// withPlace returns the unit with its place when org is (中共)PLACE+unit, PLACE being one to six
// Han characters.
func withPlace(org, unit string) (string, bool) {
	if !startsWithLevel(unit) {
		return "", false
	}
	org = strings.TrimSpace(org)
	for _, p := range orgPrefixes {
		org = strings.TrimPrefix(org, p)
	}
	place, ok := strings.CutSuffix(org, unit)
	if !ok {
		return "", false
	}
	n := utf8.RuneCountInString(place)
	if n < 1 || n > 6 {
		return "", false
	}
	for _, r := range place {
		if !unicode.Is(unicode.Han, r) {
			return "", false
		}
	}
	return place + unit, true
}
