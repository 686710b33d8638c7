#!/bin/sh
# Re-makes docs/overview.png, docs/charts.png and docs/problems.png: the corpus workbook as LibreOffice prints
# it (A3 landscape, the sheets' own print setup). Needs LibreOffice Calc and poppler-utils.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go run ./cmd/xuncha extract -q corpus -o "$tmp/corpus.xlsx"
soffice --headless --norestore -env:UserInstallation="file://$tmp/profile" \
	--convert-to pdf --outdir "$tmp" "$tmp/corpus.xlsx" >/dev/null
pdftoppm -r 90 -f 1 -l 1 -x 0 -y 0 -W 1500 -H 600 -png -singlefile "$tmp/corpus.pdf" docs/overview
# the first page of 图表 and of 问题: the pages whose text starts with their headers
charts=$(for n in $(seq 1 50); do pdftotext -f "$n" -l "$n" "$tmp/corpus.pdf" - 2>/dev/null | grep -q '^图表$' && { echo "$n"; break; }; done)
problems=$(for n in $(seq 1 50); do pdftotext -f "$n" -l "$n" "$tmp/corpus.pdf" - 2>/dev/null | grep -q '^问题编号$' && { echo "$n"; break; }; done)
pdftoppm -r 60 -f "$charts" -l "$charts" -png -singlefile "$tmp/corpus.pdf" docs/charts
pdftoppm -r 110 -f "$problems" -l "$problems" -x 60 -y 90 -W 1700 -H 850 -png -singlefile "$tmp/corpus.pdf" docs/problems
