package ingest

import (
	"bytes"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding names, as Document.Encoding and bulletin.Source.Encoding write them.
const (
	EncUTF8    = "utf-8"
	EncUTF8BOM = "utf-8-bom"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
	EncGB18030 = "gb18030"
	EncBig5    = "big5"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// errUnknownEncoding is returned when no supported encoding reads the bytes as plausible text.
var errUnknownEncoding = errors.New("无法识别的文本编码（不是 UTF-8、带 BOM 的 UTF-16、GB18030/GBK 或 Big5）")

// decode turns the whole input into UTF-8 text and names the encoding it used. hint is a charset
// label from a meta tag or an HTTP header ("gbk", "big5", "utf-8"); it only breaks ties between
// GB18030 and Big5 and never overrides what the bytes say.
func decode(data []byte, hint string) (text, enc string, err error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return validUTF8Prefix(data[len(bomUTF8):]), EncUTF8BOM, nil
	case bytes.HasPrefix(data, bomUTF16LE):
		s, err := decodeUTF16(xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), data)
		return s, EncUTF16LE, err
	case bytes.HasPrefix(data, bomUTF16BE):
		s, err := decodeUTF16(xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), data)
		return s, EncUTF16BE, err
	}
	if utf8.Valid(data) {
		return string(data), EncUTF8, nil
	}
	if s, ok := truncatedUTF8(data); ok {
		return s, EncUTF8, nil
	}

	gb, gbErr := decodeWith(simplifiedchinese.GB18030, data)
	b5, b5Err := decodeWith(traditionalchinese.Big5, data)
	gbScore, b5Score := -1.0, -1.0
	if gbErr == nil {
		gbScore = plausibility(gb)
	}
	if b5Err == nil {
		b5Score = plausibility(b5)
	}
	const good = 0.6 // share of runes that must be Han, ASCII or common punctuation
	gbOK, b5OK := gbScore >= good, b5Score >= good
	hint = strings.ToLower(strings.TrimSpace(hint))
	hintBig5 := strings.Contains(hint, "big5") || strings.Contains(hint, "big-5")
	switch {
	case gbOK && b5OK:
		// Big5 bytes often decode as GB18030 without error (and the other way round) into
		// rare characters: the share of common characters decides, the hint breaks near-ties.
		gc, bc := commonShare(gb), commonShare(b5)
		if bc > gc || (hintBig5 && bc >= gc*0.8) {
			return b5, EncBig5, nil
		}
		return gb, EncGB18030, nil
	case gbOK:
		return gb, EncGB18030, nil
	case b5OK:
		return b5, EncBig5, nil
	}
	// Mostly UTF-8 with a few stray bytes (a damaged file): keep it readable.
	if s, ok := mostlyUTF8(data); ok {
		return s, EncUTF8, nil
	}
	return "", "", errUnknownEncoding
}

// errInvalidSequence refuses a decoding that produced a replacement character.
var errInvalidSequence = errors.New("无效的字节序列")

// replacementChar is U+FFFD in UTF-8. In valid UTF-8 it is the only encoding of utf8.RuneError,
// so a search for its bytes (one fast search) finds what bytes.ContainsRune(s, utf8.RuneError),
// which decodes every character, finds.
var replacementChar = []byte("\uFFFD")

// decodeChunk is how much decoded text decodeWith looks at between checks.
const decodeChunk = 4096

// decodeWith decodes data and refuses a result with replacement characters. It decodes a chunk
// at a time and stops at the first chunk holding one, so the wrong one of GB18030 and Big5 is
// given up near its first bad byte pair instead of after the whole input. The decoders write
// whole runes only, so a replacement character never straddles two chunks, and the text is the
// one a single call of the decoder gives.
func decodeWith(e encoding.Encoding, data []byte) (string, error) {
	d := e.NewDecoder()
	var out strings.Builder // its string is the text: no copy at the end
	var buf [decodeChunk]byte
	for src := data; ; {
		nDst, nSrc, err := d.Transform(buf[:], src, true)
		if bytes.Contains(buf[:nDst], replacementChar) { // the decoders write valid UTF-8 only
			return "", errInvalidSequence
		}
		if out.Cap() == 0 { // grown once the first chunk is good: the wrong decoder often fails there
			out.Grow(len(data) + len(data)/2 + utf8.UTFMax)
		}
		out.Write(buf[:nDst])
		src = src[nSrc:]
		switch {
		case err == nil:
			return out.String(), nil
		case err != transform.ErrShortDst || nDst == 0 && nSrc == 0:
			return "", err
		}
	}
}

// decodeUTF16 decodes UTF-16 whose BOM settles the encoding. A bad unit does not refuse the
// whole file: an odd trailing byte (a copy cut short) is dropped, and a lone surrogate becomes
// U+FFFD, as for UTF-8 after its BOM.
func decodeUTF16(e encoding.Encoding, data []byte) (string, error) {
	if len(data)%2 == 1 {
		data = data[:len(data)-1]
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// validUTF8Prefix returns data as text, dropping an incomplete sequence at the very end and
// replacing any other invalid byte (only used after a UTF-8 BOM, which settles the encoding).
func validUTF8Prefix(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	if s, ok := truncatedUTF8(data); ok {
		return s
	}
	return strings.ToValidUTF8(string(data), "\uFFFD")
}

// truncatedUTF8 accepts data whose only flaw is a multibyte sequence cut off at the end (a
// download or copy that stopped mid-character): the partial character is dropped.
func truncatedUTF8(data []byte) (string, bool) {
	for k := 1; k <= 3 && k <= len(data); k++ {
		head, tail := data[:len(data)-k], data[len(data)-k:]
		if !utf8.RuneStart(tail[0]) || tail[0] < 0xC0 {
			continue
		}
		if utf8.FullRune(tail) {
			return "", false
		}
		if utf8.Valid(head) {
			return string(head), true
		}
		return "", false
	}
	return "", false
}

// mostlyUTF8 accepts text that is valid UTF-8 apart from at most one bad byte in a thousand,
// replacing the bad bytes with U+FFFD.
func mostlyUTF8(data []byte) (string, bool) {
	bad, runes := 0, 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		runes++
		i += n
	}
	if runes == 0 || bad*1000 > runes || bad > 16 {
		return "", false
	}
	return strings.ToValidUTF8(string(data), "\uFFFD"), true
}

// plausibility is the share of non-space runes that Chinese text is made of: Han characters,
// ASCII, CJK and full-width punctuation. A wrong double-byte decoding produces kana, Greek,
// Cyrillic, box drawing and private-use characters instead.
func plausibility(s string) float64 {
	good, all := 0, 0
	for _, r := range s {
		// Han (the CJK Unified Ideographs block), CJK punctuation and full-width forms, the
		// most of Chinese text, are good and none is a space: counted before the table searches.
		if r >= 0x4E00 && r <= 0x9FFF || r > 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF {
			all++
			good++
			continue
		}
		if unicode.IsSpace(r) {
			continue
		}
		all++
		switch {
		case r < 0x80,
			unicode.Is(unicode.Han, r),
			r >= 0x3000 && r <= 0x303F, // CJK punctuation
			r >= 0xFF00 && r <= 0xFFEF, // full-width forms
			r >= 0x2010 && r <= 0x2027, // dashes, quotes, ellipsis
			r == 0x00B7 || r == 0x00D7 || r == 0x2103 || r == 0x2116 || r == 0x00A0:
			good++
		}
	}
	if all == 0 {
		return 0
	}
	return float64(good) / float64(all)
}

// commonHan are frequent characters of bulletins in both simplified and traditional forms; a
// wrong decoding yields rare characters, so their share tells GB18030 from Big5.
const commonHan = "的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会會可主发發年动動同工也能下过過子说說产產种種面而方后後多定行学學法所民得经經十三之进進着著等部度家力里裡如水化高自二理起小现現实實加量都两兩体體制机機当當使点點从從业業本去把性好应應开開它合还還因由其些然前外天政四日那社义義事平形相全表间間样樣与與关關各重新线線内內数數正心反明看原又么利比或但质質气氣第向道命此变變条條只没結结解问問意建月公无無系軍军很情者最立代想已通并並提直题題党黨程展五果料象员員革位入常文总總次品式活设設及管特件长長求老头頭基资資边邊流路级級少图圖山统統接知较較将將组組见見计計别別她手角期根论論运運农農指几幾九区區强強放决決西被干做必战戰先回则則任取据據处處理巡察视視整改责責落委领領导導督监監查"

// commonSet marks the characters of commonHan, all in the CJK Unified Ideographs block, one bit
// each from U+4E00.
var commonSet = func() (set [(0x9FFF - 0x4E00 + 1 + 63) / 64]uint64) {
	for _, r := range commonHan {
		set[(r-0x4E00)/64] |= 1 << ((r - 0x4E00) % 64)
	}
	return set
}()

// isCommonHan reports whether r is in commonHan.
func isCommonHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF && commonSet[(r-0x4E00)/64]&(1<<((r-0x4E00)%64)) != 0
}

// commonShare is the share of Han characters that are in commonHan.
func commonShare(s string) float64 {
	han, common := 0, 0
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF || r >= 0x2E80 && unicode.Is(unicode.Han, r) {
			han++
			if isCommonHan(r) {
				common++
			}
		}
	}
	if han == 0 {
		return 0
	}
	return float64(common) / float64(han)
}
