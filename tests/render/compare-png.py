#!/usr/bin/env python3
"""compare-png.py - whole pages as pixels: the sample edition rendered to PNG proofs at 30 dpi
and compared with the reference images kept here (page-NN.ref.png), with a tolerance.

usage: compare-png.py [--regen]     (run through meson test; --regen rewrites the references)
A page fails when more than 0.5% of its pixels differ by more than 48 levels in any channel,
which ignores anti-aliasing noise but not a moved line, a lost photo or a black image. On
failure the rendered page is kept as page-NN.out.png next to the reference.
"""
import os, shutil, struct, subprocess, sys, tempfile, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
DPI = "30"


def read_png(path):
    """(width, height, channels, rows of bytes) of an 8-bit non-interlaced PNG"""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0, "8-bit, non-interlaced PNG expected"
            ch = {2: 3, 6: 4, 0: 1}[ctype]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride, rows, prev = w * ch, [], bytearray(w * ch)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - ch] if i >= ch else 0
            b, c = prev[i], prev[i - ch] if i >= ch else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, ch, rows


def differing(ref, out):
    rw, rh, rc, rr = read_png(ref)
    ow, oh, oc, orows = read_png(out)
    if (rw, rh) != (ow, oh):
        return 1.0
    bad = 0
    for y in range(rh):
        a, b = rr[y], orows[y]
        for x in range(rw):
            if max(abs(a[x * rc + k] - b[x * oc + k]) for k in range(3)) > 48:
                bad += 1
    return bad / (rw * rh)


def main(argv):
    huozi, root = os.environ["HUOZI"], os.environ["SOURCE_ROOT"]
    out = tempfile.mkdtemp(prefix="huozi-png-")
    subprocess.run([huozi, "render", os.path.join(root, "samples", "edition", "edition.xml"),
                    "--png", out, "--dpi", DPI], check=True, stdout=subprocess.DEVNULL)
    failed = False
    for name in sorted(os.listdir(out)):
        ref = os.path.join(HERE, name.replace(".png", ".ref.png"))
        got = os.path.join(out, name)
        if "--regen" in argv or not os.path.exists(ref):
            shutil.copy(got, ref)
            print(f"wrote {ref}")
            continue
        frac = differing(ref, got)
        print(f"{name}: {frac * 100:.3f}% of pixels differ")
        if frac > 0.005:
            shutil.copy(got, os.path.join(HERE, name.replace(".png", ".out.png")))
            failed = True
    shutil.rmtree(out)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
