// Package pipeline runs the stages (ingest, structure, extract, segment) over many inputs:
// it expands arguments into inputs, reads them with parallel workers, hands results back in
// input order, reports each failure without stopping, and recognises duplicates.
package pipeline
