#!/usr/bin/env python3
"""make-png.py - write the small test PNG used by the golden photo case (stdlib only).

usage: make-png.py OUT.png [WIDTH HEIGHT]

An 8-bit RGB image with a simple gradient, compressed with zlib; no PIL needed. The file in
the repository was made with `make-png.py photo.png 16 12`; regenerate it the same way.
"""
import struct
import sys
import zlib


def chunk(kind, data):
    body = kind + data
    return struct.pack('>I', len(data)) + body + struct.pack('>I', zlib.crc32(body) & 0xffffffff)


def png(width, height):
    raw = bytearray()
    for y in range(height):
        raw.append(0)  # filter type: none
        for x in range(width):
            raw += bytes((x * 255 // max(width - 1, 1), y * 255 // max(height - 1, 1), 128))
    ihdr = struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) +
            chunk(b'IDAT', zlib.compress(bytes(raw), 9)) + chunk(b'IEND', b''))


def main():
    out = sys.argv[1]
    w, h = (int(sys.argv[2]), int(sys.argv[3])) if len(sys.argv) > 3 else (40, 30)
    with open(out, 'wb') as f:
        f.write(png(w, h))


if __name__ == '__main__':
    main()
