package eval

import (
	"github.com/xuncha/xuncha/internal/bulletin"
	"github.com/xuncha/xuncha/internal/extract"
)

// CountMeasureItems counts the complete enumerated measure items (一是…二是…) in the paragraphs
// of b, the figure the gold calls measure_markers: extract.CompleteMeasures over each paragraph,
// so an item cut off by the end of an excerpt does not count.
func CountMeasureItems(b *bulletin.Bulletin) int {
	n := 0
	for _, p := range b.Paragraphs {
		n += extract.CompleteMeasures(p.Text)
	}
	return n
}
