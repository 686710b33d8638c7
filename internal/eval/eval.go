// Package eval scores extracted bulletins against gold annotations (the format of the shared
// corpus README): precision, recall and F1 for problems, headings and quantities, accuracy for
// header facts and declared totals.
package eval
