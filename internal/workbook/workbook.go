// Package workbook writes bulletins to Excel workbooks with excelize's StreamWriter (sheets
// 概览 问题 措施 指标 章节 段落 关键词 错误) and to JSON Lines. Files are written atomically.
package workbook

import (
	"encoding/json"
	"errors"
	"io"

	"github.com/xuncha/xuncha/internal/bulletin"
)

// Writer streams bulletins into one workbook.
type Writer struct{}

// Create starts a workbook that Close will save atomically at path.
func Create(path string) (*Writer, error) { return nil, errors.New("workbook: not implemented") }

// Add writes one bulletin's rows.
func (w *Writer) Add(b *bulletin.Bulletin) error { return nil }

// AddFailure records an input that could not be read.
func (w *Writer) AddFailure(input, reason string) error { return nil }

// Close finishes the workbook and renames it into place.
func (w *Writer) Close() error { return nil }

// Abort discards the workbook; nothing is left at path.
func (w *Writer) Abort() {}

// WriteJSON writes b as one line of JSON.
func WriteJSON(out io.Writer, b *bulletin.Bulletin) error {
	data, err := json.Marshal(b)
	if err != nil {
		return err
	}
	data = append(data, '\n')
	_, err = out.Write(data)
	return err
}
