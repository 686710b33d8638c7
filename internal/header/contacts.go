package header

import (
	"regexp"
	"strings"

	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/runes"
)

// Contacts are read from the paragraphs that give them, which say so with a cue word; digits
// elsewhere (amounts, dates, document numbers) are never taken for phones.

// contactCues mark a paragraph that gives contacts.
var contactCues = []string{"电话", "热线", "手机", "信箱", "邮编", "邮政编码", "邮政编碼", "来信", "地址", "邮箱", "电子邮件", "E-mail", "e-mail", "Email", "email", "传真", "举报"}

// phonePatterns are the phone forms, tried at each position in turn. A form with labels
// counts only where one of them stands in the fifteen bytes before the number.
var phonePatterns = []struct {
	re      *regexp.Regexp
	labels  []string
	example string
}{
	// A landline with its area code in parentheses.
	{regexp.MustCompile(`^\(0\d{2,3}\)\s*\d{7,8}`), nil, "(0431)83622863"},
	// A landline with its area code, with or without a dash; an extension may follow.
	{regexp.MustCompile(`^0\d{2,3}[-—－]?\d{7,8}(?:[-转]\d{1,5})?`), nil, "0431-83622863"},
	// A mobile number.
	{regexp.MustCompile(`^1[3-9]\d{9}`), nil, "13812345678"},
	// A landline without area code: seven or eight digits.
	// It counts only right after a phone label (or in a list of numbers: 、).
	{regexp.MustCompile(`^[2-8]\d{6,7}`), []string{"电话", "热线", "传真", "、"}, "电话：83622863"},
	// A public hotline: 12388 (discipline inspection), 12345, 12380; after a label only.
	{regexp.MustCompile(`^12\d{3}`), []string{"电话", "热线", "举报"}, "举报电话：12388"},
}

// addressRE matches an address after its label, up to the end of its clause.
var addressRE = regexp.MustCompile(`(?:邮政信箱|通信地址|通讯地址|来信地址|联系地址|邮寄地址|办公地址|信访地址|来信请寄|来信寄至|信件请寄|地址)\s*[:：]?\s*`)

// mayAddress reports whether s may hold a match of addressRE. It is exact: every label of the
// alternation contains 地址 (通信地址, 办公地址, 地址 …), 信箱 (邮政信箱), 来信 (来信请寄, 来信寄至)
// or 请寄 (信件请寄), so a text with none of them has no match. The contact cues let through
// every paragraph that mentions 电话 or 举报, most of which give no address.
func mayAddress(s string) bool {
	return strings.Contains(s, "地址") || strings.Contains(s, "信箱") || strings.Contains(s, "来信") || strings.Contains(s, "请寄")
}

// mayPostcode reports whether s may hold a match of postcodeRE. It is exact: both labels,
// 邮编 and 邮政编码 (编碼), begin with 邮.
func mayPostcode(s string) bool { return strings.Contains(s, "邮") }

// mayEmail reports whether s may hold a match of emailRE. It is exact: every match has an @.
func mayEmail(s string) bool { return strings.IndexByte(s, '@') >= 0 }

// postcodeRE matches a postcode after its label.
var postcodeRE = regexp.MustCompile(`(?:邮编|邮政编[码碼])\s*[:：]?\s*(\d{6})`)

// emailRE matches an email address.
var emailRE = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)

// emailMatches is emailRE.FindAllString(s, -1), searched only in the runs of text an address
// can lie in that hold an @. Every character of a match is one of inEmailRun's ASCII bytes (the
// pattern has no other), so no match crosses another byte; the pattern has no assertion, so a
// run searched alone gives the matches the whole text gives there. A contact paragraph is mostly
// Chinese text the whole search steps through. TestEmailMatches and FuzzEmailMatches compare it
// with the whole search.
func emailMatches(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '@')
		if k < 0 {
			break
		}
		start, end := i+k, i+k+1
		for start > i && inEmailRun(s[start-1]) {
			start--
		}
		for end < len(s) && inEmailRun(s[end]) {
			end++
		}
		if ms := emailRE.FindAllString(s[start:end], -1); out == nil {
			out = ms // most paragraphs have one run of addresses: its slice serves
		} else {
			out = append(out, ms...)
		}
		i = end
	}
	return out
}

// inEmailRun reports whether byte c may be part of a match of emailRE: an ASCII letter or digit,
// one of ._%+- or @.
func inEmailRun(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("._%+-@", c) >= 0
}

// addressStops end an address: the next contact label or a clause end.
var addressStops = []string{"；", ";", "。", "邮编", "邮政编码", "邮政编碼", "联系电话", "电话", "电子邮箱", "邮箱", "\n"}

// extractContacts fills b.Contacts and gives the contact and closing roles.
func extractContacts(b *bulletin.Bulletin, views []*textView) {
	c := &b.Contacts
	for i, v := range views {
		t := v.text
		if b.Paragraphs[i].Role == bulletin.RoleHeading {
			continue
		}
		found := false
		if contactCueSet.in(t) {
			for _, p := range scanPhones(v) {
				if !hasString(c.Phones, p) {
					c.Phones = append(c.Phones, p)
				}
				found = true
			}
			if mayPostcode(t) {
				if m := postcodeRE.FindStringSubmatchIndex(t); m != nil {
					if c.Postcode == "" {
						c.Postcode = t[m[2]:m[3]]
					}
					found = true
				}
			}
			for _, m := range addressMatches(t) {
				end := len(t)
				for _, w := range addressStops {
					if k := strings.Index(t[m[1]:], w); k >= 0 && m[1]+k < end {
						end = m[1] + k
					}
				}
				addr := strings.TrimRight(strings.TrimSpace(v.cut(m[1], end)), ",，、 ")
				if addr != "" && !strings.ContainsAny(addr, "@") {
					if c.Address == "" {
						c.Address = addr
					}
					found = true
					break
				}
			}
		}
		if mayEmail(t) {
			for _, e := range emailMatches(t) {
				if !hasString(c.Emails, e) {
					c.Emails = append(c.Emails, e)
				}
				found = true
			}
		}
		role := b.Paragraphs[i].Role
		if role != bulletin.RoleOther && role != "" {
			continue
		}
		switch {
		case found:
			b.Paragraphs[i].Role = bulletin.RoleContact
		case strings.Contains(t, "欢迎") && strings.Contains(t, "监督"):
			b.Paragraphs[i].Role = bulletin.RoleClosing
		}
	}
	if c.Phones == nil {
		c.Phones = []string{}
	}
	if c.Emails == nil {
		c.Emails = []string{}
	}
}

// addressMatches is addressRE.FindAllStringIndex(s, -1), run only where it may match: in the
// runs of s made of inAddressRun's characters that mayAddress lets through. Every character of
// a match is one of them (the pattern has no other), so no match crosses another character; the
// pattern has no assertion (^, $, \b), so a run searched alone gives the matches the whole text
// gives there. TestAddressMatches and FuzzAddressMatches compare it with the whole search.
func addressMatches(s string) [][]int {
	if !mayAddress(s) {
		return nil
	}
	var out [][]int
	for i := 0; i < len(s); {
		r, n := runes.DecodeAt(s, i)
		if !inAddressRun(r) {
			i += n
			continue
		}
		start := i
		for i < len(s) {
			if r, n = runes.DecodeAt(s, i); !inAddressRun(r) {
				break
			}
			i += n
		}
		if run := s[start:i]; mayAddress(run) {
			for _, m := range addressRE.FindAllStringIndex(run, -1) {
				out = append(out, []int{start + m[0], start + m[1]})
			}
		}
	}
	return out
}

// inAddressRun reports whether r may be part of a match of addressRE: a character of one of
// its labels, an ASCII space (\s) or a colon.
func inAddressRun(r rune) bool {
	switch r {
	case '\t', '\n', '\f', '\r', ' ', ':', '：',
		'邮', '政', '信', '箱', '通', '讯', '地', '址', '来', '联', '系', '寄', '办', '公', '访', '请', '至', '件':
		return true
	}
	return false
}

// scanPhones returns the phone numbers of a contact paragraph, as written; a number must
// stand alone (no digit right before or after it).
func scanPhones(v *textView) []string {
	t := v.text
	var out []string
	for i := 0; i < len(t); i++ {
		if i > 0 && (t[i-1] >= '0' && t[i-1] <= '9' || t[i-1] == '-') {
			continue
		}
		if t[i] != '(' && (t[i] < '0' || t[i] > '9') {
			continue
		}
		// Not a postcode (邮编：130400) and not an email's local part.
		label := t[max(0, i-15):i]
		if l := strings.TrimRight(label, " :："); strings.HasSuffix(l, "邮编") || strings.HasSuffix(l, "邮政编码") || strings.HasSuffix(l, "邮政编碼") {
			continue
		}
		for _, p := range phonePatterns {
			m := p.re.FindStringIndex(t[i:])
			if m == nil {
				continue
			}
			e := i + m[1]
			if e < len(t) && (t[e] >= '0' && t[e] <= '9' || t[e] == '@' || t[e] == '.') {
				continue
			}
			if p.labels != nil && !containsAny(label, p.labels) {
				continue
			}
			out = append(out, v.cut(i, e))
			i = e - 1
			break
		}
	}
	return out
}

func hasString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
