#!/usr/bin/env python3
"""compare-png.py - whole pages as pixels: the sample edition rendered to PNG proofs at 30 dpi
and compared with the reference images kept here (page-NN.ref.png), with a tolerance; and the
page made up with stacks (samples/stacks/edition.xml, stacks-page-NN.ref.png).

usage: compare-png.py [--regen]     (run through meson test; --regen rewrites the references)
A page fails when more than 0.5% of its pixels differ by more than 48 levels in any channel,
which ignores anti-aliasing noise but not a moved line, a lost photo or a black image. On
failure the rendered page is kept as page-NN.out.png next to the reference.

The test fails, and never writes a reference, when a rendered page has no reference, when a
reference has no rendered page, when huozi renders no page at all, or when an image is not a
PNG this script reads. Only --regen writes references: look at every one before committing it.
"""
import os, shutil, struct, subprocess, sys, tempfile, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
DPI = "30"


def read_png(path):
    """(width, height, channels, rows of bytes) of an 8-bit non-interlaced PNG"""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG file")
    pos, idat, w, h, ch = 8, b"", 0, 0, 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or interlace != 0 or ctype not in (0, 2, 6):
                raise ValueError(f"{path}: an 8-bit, non-interlaced grey, RGB or RGBA PNG expected")
            ch = {2: 3, 6: 4, 0: 1}[ctype]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    if not w or not h:
        raise ValueError(f"{path}: no image header, or an empty image")
    raw = zlib.decompress(idat)
    if len(raw) < h * (w * ch + 1):
        raise ValueError(f"{path}: image data shorter than the image")
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
            if max(abs(a[x * rc + min(k, rc - 1)] - b[x * oc + min(k, oc - 1)]) for k in range(3)) > 48:
                bad += 1
    return bad / (rw * rh)


def main(argv):
    regen = "--regen" in argv
    if [a for a in argv if a != "--regen"]:
        sys.exit(__doc__)
    huozi, root = os.environ["HUOZI"], os.environ["SOURCE_ROOT"]
    out = tempfile.mkdtemp(prefix="huozi-png-")
    try:
        # (prefix of the page names, the edition, options): the stacks page reads the sample
        # edition's stories from ../edition/
        for prefix, folder, opts in (("", "edition", []), ("stacks-", "stacks", ["--allow-outside"])):
            tmp = os.path.join(out, "tmp")
            subprocess.run([huozi, "render", os.path.join(root, "samples", folder, "edition.xml"),
                            "--png", tmp, "--dpi", DPI] + opts, check=True,
                           stdout=subprocess.DEVNULL)
            for name in os.listdir(tmp):
                os.rename(os.path.join(tmp, name), os.path.join(out, prefix + name))
            os.rmdir(tmp)
        return compare(out, regen)
    finally:
        shutil.rmtree(out)


def compare(out, regen):
    pages = sorted(n for n in os.listdir(out) if n.endswith(".png"))
    refs = sorted(n for n in os.listdir(HERE) if n.endswith(".ref.png"))
    if not pages:
        print("FAIL: huozi rendered no PNG page")
        return 1
    failed = False
    for name in pages:
        ref = os.path.join(HERE, name.replace(".png", ".ref.png"))
        got = os.path.join(out, name)
        if regen:
            shutil.copy(got, ref)
            print(f"wrote {ref} (look at it before committing it)")
            continue
        if not os.path.exists(ref):
            keep = os.path.join(HERE, name.replace(".png", ".out.png"))
            shutil.copy(got, keep)
            print(f"FAIL: {name}: no reference {os.path.basename(ref)}; the rendered page is kept as\n"
                  f"  {keep}; if it is right (look at it), create the references with\n"
                  f"  HUOZI=build/src/huozi SOURCE_ROOT=$PWD HUOZI_FONTS_CONF=$PWD/fonts/fonts.conf \\\n"
                  f"    python3 tests/render/compare-png.py --regen")
            failed = True
            continue
        try:
            frac = differing(ref, got)
        except (ValueError, KeyError, struct.error, zlib.error) as e:
            print(f"FAIL: {name}: {e}")
            failed = True
            continue
        print(f"{name}: {frac * 100:.3f}% of pixels differ")
        if frac > 0.005:
            shutil.copy(got, os.path.join(HERE, name.replace(".png", ".out.png")))
            print(f"FAIL: {name}: more than 0.5% of the pixels differ")
            failed = True
    if regen:
        stale = [r for r in refs if r.replace(".ref.png", ".png") not in pages]
        for r in stale:
            os.remove(os.path.join(HERE, r))
            print(f"removed {r}: the edition has no such page now")
        return 0
    for r in refs:
        if r.replace(".ref.png", ".png") not in pages:
            print(f"FAIL: {r}: a reference with no rendered page")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
