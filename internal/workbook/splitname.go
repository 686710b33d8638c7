package workbook

import (
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// maxNameBytes bounds a --split file name, extension and -N suffix included (file systems
// allow 255 bytes; a Han character takes 3).
const maxNameBytes = 120

// unsafeNameRunes cannot appear in a file name on some system (Windows forbids all of them,
// Unix the slash); each becomes "_".
const unsafeNameRunes = `\/:*?"<>|`

// reservedNames are device names Windows will not create a file under, with any extension.
var reservedNames = map[string]bool{
	"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true,
}

// SplitName is the file name of b's own workbook for --split: its unit (else title, else its
// source's file name) and date (as-of, else feedback, else publish), like
// "文广旅局_2024-02-22.xlsx". The name is safe to join to a folder: no path separators, no
// "..", no control or format characters, none of \/:*?"<>|, no Windows device name, at most
// 120 bytes. taken holds the names already given, lower-cased (file systems may ignore case);
// a name already there gets -2, -3 … before the extension, and the result is added to taken.
// A nil taken only skips that bookkeeping.
func SplitName(b *bulletin.Bulletin, taken map[string]bool) string {
	base := ""
	if b != nil {
		base = firstNonEmpty(b.Unit, b.Title)
		if base == "" {
			src := b.Source.Path
			if src == "" {
				src = b.Source.URL
			}
			src = filepath.Base(strings.ReplaceAll(src, `\`, "/"))
			base = strings.TrimSuffix(src, filepath.Ext(src))
		}
	}
	// Not a name that reads as an option (-rf_…), a lock file (~$…) or a hidden file (.…).
	base = strings.TrimLeft(cleanName(base), "-~$. ")
	if base == "" {
		base = "公报"
	}
	if b != nil {
		if d := firstNonEmpty(string(b.AsOfDate), string(b.FeedbackDate), string(b.PublishDate)); d != "" {
			if d = cleanName(d); d != "" {
				base += "_" + d
			}
		}
	}
	for n := 1; ; n++ {
		suffix := ".xlsx"
		if n > 1 {
			suffix = "-" + itoa(n) + ".xlsx"
		}
		name := cutBytes(base, maxNameBytes-len(suffix)) + suffix
		key := strings.ToLower(name)
		if !taken[key] {
			if taken != nil {
				taken[key] = true
			}
			return name
		}
	}
}

// cleanName makes s usable as part of a file name: unsafe, control and format characters
// become "_", dots too (so no "..", no hidden file, no second extension), runs of "_" and
// spaces collapse, and the ends are trimmed; a Windows device name gets a leading "_".
func cleanName(s string) string {
	var sb strings.Builder
	lastUnderscore := false
	for _, r := range s {
		switch {
		case r == utf8.RuneError, r == '.', strings.ContainsRune(unsafeNameRunes, r),
			unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Co, r):
			r = '_'
		case unicode.IsSpace(r):
			r = ' '
		}
		if r == '_' || r == ' ' {
			if lastUnderscore {
				continue
			}
			lastUnderscore = true
		} else {
			lastUnderscore = false
		}
		sb.WriteRune(r)
	}
	out := strings.Trim(sb.String(), "_ ")
	if reservedNames[strings.ToUpper(out)] {
		out = "_" + out
	}
	return out
}

// cutBytes shortens s to at most n bytes at a rune boundary, trimming a trailing "_" or space.
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return strings.TrimRight(s[:i], "_ ")
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
