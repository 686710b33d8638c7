#!/bin/sh
# Regenerates the binary ledger fixtures from their HTML sources with LibreOffice
# (apt-get install libreoffice-writer-nogui fonts-noto-cjk). Run in this folder.
set -e
tmp=$(mktemp -d)
cp ledger-b.src.html "$tmp/ledger-b.html"
(cd "$tmp" && soffice --headless --convert-to docx:"MS Word 2007 XML" ledger-b.html >/dev/null)
(cd "$tmp" && soffice --headless --convert-to doc:"MS Word 97" ledger-b.html >/dev/null)
cp ledger-a.html "$tmp/ledger-a.html"
(cd "$tmp" && soffice --headless --convert-to doc:"MS Word 97" ledger-a.html >/dev/null)
(cd "$tmp" && soffice --headless --convert-to docx:"MS Word 2007 XML" ledger-a.html >/dev/null)
for n in ledger-d ledger-e ledger-f; do
	cp "$n.src.html" "$tmp/$n.html"
	(cd "$tmp" && soffice --headless --convert-to docx:"MS Word 2007 XML" "$n.html" >/dev/null)
	(cd "$tmp" && soffice --headless --convert-to doc:"MS Word 97" "$n.html" >/dev/null)
	(cd "$tmp" && soffice --headless --convert-to pdf "$n.docx" >/dev/null)
	cp "$tmp/$n.docx" "$tmp/$n.doc" "$tmp/$n.pdf" .
done
cp ledger-c.src.html "$tmp/ledger-c.html"
(cd "$tmp" && soffice --headless --convert-to docx:"MS Word 2007 XML" ledger-c.html >/dev/null)
(cd "$tmp" && soffice --headless --convert-to doc:"MS Word 97" ledger-c.html >/dev/null)
# PDFs are printed from the .docx, as an office prints its Word file.
(cd "$tmp" && soffice --headless --convert-to pdf ledger-b.docx >/dev/null)
(cd "$tmp" && soffice --headless --convert-to pdf ledger-c.docx >/dev/null)
(cd "$tmp" && soffice --headless --convert-to pdf ledger-a.docx >/dev/null)
cp "$tmp/ledger-b.docx" "$tmp/ledger-b.doc" "$tmp/ledger-a.doc" "$tmp/ledger-b.pdf" .
cp "$tmp/ledger-c.docx" "$tmp/ledger-c.doc" "$tmp/ledger-c.pdf" "$tmp/ledger-a.pdf" .
rm -rf "$tmp"
