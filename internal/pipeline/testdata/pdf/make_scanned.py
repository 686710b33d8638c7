#!/usr/bin/env python3
"""Writes scanned.pdf: one A4 page whose only content is a grey picture (a stand-in for a
scanned page: stripes like lines of print), no fonts, no text layer. Standard library only."""
import zlib

w, h = 400, 560
rows = []
for y in range(h):
    ink = (y // 12) % 2 == 0 and 40 <= y <= 520
    rows.append(bytes(0 if ink and 40 <= x <= 360 and (x // 9) % 3 else 255 for x in range(w)))
img = zlib.compress(b"".join(rows), 9)
content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
    b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(img)) + img + b"\nendstream",
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
]
out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for off in offsets:
    out += b"%010d 00000 n \n" % off
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open("scanned.pdf", "wb").write(out)
