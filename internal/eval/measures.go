package eval

import "github.com/xuncha/xuncha/internal/bulletin"

// CountMeasureItems is the number of complete enumerated measure items (一是…二是…) in b, the
// figure the gold calls measure_markers. The pipeline records it on request (bulletin.MeasureItems), so
// the scorer reads the record alone and depends on none of the code it scores.
func CountMeasureItems(b *bulletin.Bulletin) int { return b.MeasureItems }
