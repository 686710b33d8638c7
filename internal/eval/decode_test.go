package eval

import (
	"bytes"
	"html"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// decodeForTest reads the corpus encodings the project's gold files annotate — UTF-8 (with or
// without BOM), UTF-16 with BOM, GB18030, Big5 — and unescapes HTML entities. It returns every
// clean decoding (no U+FFFD); the caller keeps the one its gold is found in. It is a test
// helper: ingest owns real decoding.
func decodeForTest(name string, data []byte) []string {
	var out []string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		out = append(out, string(data[3:]))
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		le := data[0] == 0xFF
		data = data[2:]
		u := make([]uint16, 0, len(data)/2)
		for i := 0; i+1 < len(data); i += 2 {
			if le {
				u = append(u, uint16(data[i])|uint16(data[i+1])<<8)
			} else {
				u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
			}
		}
		out = append(out, string(utf16.Decode(u)))
	case utf8.Valid(data):
		out = append(out, string(data))
	default:
		for _, enc := range []encoding.Encoding{simplifiedchinese.GB18030, traditionalchinese.Big5} {
			if b, err := enc.NewDecoder().Bytes(data); err == nil && !bytes.ContainsRune(b, utf8.RuneError) {
				out = append(out, string(b))
			}
		}
	}
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".html" || ext == ".htm" {
		for i := range out {
			out[i] = html.UnescapeString(out[i])
		}
	}
	return out
}
