#!/usr/bin/env python3
"""make-jpeg-pdf.py JPEG PDF - a one-page PDF ad holding a CMYK JPEG as Photoshop places one:
DCTDecode, DeviceCMYK, /Decode [1 0 1 0 1 0 1 0] (the JPEG's samples are Adobe's inverted ones).
The JPEG's APPn segments other than Adobe's (APP14) are left out (Ghostscript embeds its
output profile: 180 KB)."""
import sys

src = open(sys.argv[1], "rb").read()
jpg, i = bytearray(src[:2]), 2
while src[i + 1] != 0xDA:  # up to the start of scan: APPn other than APP14 dropped
    seg = src[i + 2] << 8 | src[i + 3]
    if not (0xE0 <= src[i + 1] <= 0xEF and src[i + 1] != 0xEE):
        jpg += src[i:i + 2 + seg]
    i += 2 + seg
jpg = bytes(jpg + src[i:])
i = 2
while True:  # the frame header: the JPEG's own size
    m, seg = jpg[i + 1], jpg[i + 2] << 8 | jpg[i + 3]
    if m in (0xC0, 0xC1, 0xC2):
        h, w = jpg[i + 5] << 8 | jpg[i + 6], jpg[i + 7] << 8 | jpg[i + 8]
        break
    i += 2 + seg
content = b"q 144 0 0 72 0 0 cm /Im0 Do Q"
objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 144 72] "
        b"/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>stream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceCMYK "
        b"/BitsPerComponent 8 /Decode [1 0 1 0 1 0 1 0] /Filter /DCTDecode /Length %d >>stream\n"
        % (w, h, len(jpg)) + jpg + b"\nendstream"]
out, offsets = b"%PDF-1.4\n", []
for n, o in enumerate(objs, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % n + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(sys.argv[2], "wb").write(out)
