#!/usr/bin/env python3
"""check-pdfad.py - the sample edition's PDF ad (samples/edition/ads/ad-p2-strip.pdf), placed.

usage: check-pdfad.py placed     render the sample (-o, --png) and check that
                                 - the ad's page content, as the advertiser's file holds it
                                   (decoded), is a stream of the PDF byte for byte, drawn by
                                   "/HzAdN Do" from page 02's content, and still so with
                                   --cmyk --marks (the CMYK rewrite leaves the ad alone);
                                 - its two fonts are in the PDF embedded (pdffonts), their
                                   programs byte for byte;
                                 - the PDF holds no image of it: its images are exactly the
                                   sample's photos and PNG/JPEG ads (pdfimages -list);
                                 - its text is text (pdftotext finds it on page 02);
                                 - the PNG proof shows it: in the ad's rectangle (from
                                   `huozi dump dlist`) at least half the pixels are the ad's
                                   cyan, and none of it is left blank;
                                 - the PDF is byte-identical run to run and with
                                   HUOZI_THREADS=1 and 2.
       check-pdfad.py preflight  the warnings of tests/sample/pdfad/edition.xml (an ad whose
                                 fonts are not embedded, over the ink limit, with a low-resolution
                                 image): exit 0 without --strict, 1 with it; with --strict the
                                 fit report is still written, and its diagnostics of kind "ad"
                                 carry the same messages as standard error, whole; with
                                 --press --strict the same and the RGB content, in the report
                                 too.
Environment (set by tests/meson.build): HUOZI, SOURCE_ROOT, HUOZI_FONTS_CONF, TZ, LC_ALL.
Exit status 0 when everything holds, 1 otherwise (77, skipped, without poppler-utils).
"""
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.environ.get('SOURCE_ROOT') or os.path.dirname(os.path.dirname(HERE))
HUOZI = os.environ.get('HUOZI')
EDITION = os.path.join(SOURCE_ROOT, 'samples', 'edition', 'edition.xml')
AD = os.path.join(SOURCE_ROOT, 'samples', 'edition', 'ads', 'ad-p2-strip.pdf')
DPI = 100

problems = []


def fail(msg):
    problems.append(msg)
    print('FAIL: ' + msg)


def run(args, **kw):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300, **kw)


def streams(data):
    """Every stream of a PDF file: (its dictionary, its data decoded when FlateDecode)."""
    out = []
    for m in re.finditer(rb'<<((?:[^<>]|<<(?:[^<>]|<<[^<>]*>>)*>>|<[^<>]*>)*)>>\s*stream\r?\n',
                         data):
        start = m.end()
        end = data.find(b'endstream', start)
        if end < 0:
            continue
        raw = data[start:end]
        body = raw
        if b'FlateDecode' in m.group(1):
            try:
                body = zlib.decompressobj().decompress(raw)
            except zlib.error:
                continue
        out.append((m.group(1), body))
    return out


def read_png(path):
    """width, height and rows of RGB bytes of a PNG of colour type 2 or 6, 8 bits."""
    with open(path, 'rb') as f:
        d = f.read()
    p, idat = 8, b''
    while p < len(d):
        n, = struct.unpack('>I', d[p:p + 4])
        t, c = d[p + 4:p + 8], d[p + 8:p + 8 + n]
        p += 12 + n
        if t == b'IHDR':
            w, h, depth, ctype = struct.unpack('>IIBB', c[:10])
        elif t == b'IDAT':
            idat += c
    bpp = {2: 3, 6: 4}[ctype]
    raw, stride, rows, prev, i = zlib.decompress(idat), w * bpp, [], bytearray(w * bpp), 0
    for _ in range(h):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


def ad_rect():
    """page 02's PDF ad in points, from the display list: the image op of 495 x 26 pt."""
    p = run([HUOZI, 'dump', 'dlist', EDITION])
    page = None
    for line in p.stdout.decode().splitlines():
        if line.startswith('page '):
            page = line.split()[1]
        m = re.match(r'\s+image ([\d.]+),([\d.]+) ([\d.]+)x([\d.]+)$', line)
        if m and page == '02' and m.group(3) == '495.00' and m.group(4) == '26.00':
            return tuple(float(v) for v in m.groups())
    return None


def placed(tmp):
    env = dict(os.environ)
    out = os.path.join(tmp, 'a.pdf')
    p = run([HUOZI, 'render', EDITION, '-o', out, '--png', os.path.join(tmp, 'png'),
             '--dpi', str(DPI), '-q'], env=env)
    if p.returncode != 0:
        fail('render: exit %d: %s' % (p.returncode, p.stderr.decode()[-2000:]))
        return
    with open(out, 'rb') as f:
        pdf = f.read()
    with open(AD, 'rb') as f:
        ad = f.read()
    ad_streams = streams(ad)
    content = [b for d, b in ad_streams if b' cm' in b[:40] and b' k' in b]
    if len(content) != 1:
        fail('the sample ad should have one content stream, found %d' % len(content))
        return
    content = content[0]
    fonts = [b for d, b in ad_streams if b'FontFile' in d or b'/Subtype/Type1C' in d
             or b'/Subtype /Type1C' in d]
    out_streams = streams(pdf)
    if not any(content.rstrip() == b.rstrip() for d, b in out_streams):
        fail("the ad's page content is not in the PDF byte for byte")
    if not any(re.search(rb'/HzAd\d+ Do', b) for d, b in out_streams):
        fail('no page draws the ad with /HzAdN Do')
    for font in fonts:
        if not any(font == b for d, b in out_streams):
            fail("a font program of the ad is not in the PDF byte for byte")
    if not fonts:
        fail('the ad has no font programs to compare')
    # embedded fonts of its own
    p = run(['pdffonts', out])
    ad_fonts = [l for l in p.stdout.decode().splitlines() if 'Helvetica' in l]
    if len(ad_fonts) != 2 or not all(' yes yes ' in l for l in ad_fonts):
        fail('pdffonts should list the ad\'s two fonts embedded, got: %r' % ad_fonts)
    # no image of it: the images are the photos and the PNG/JPEG ads of the edition
    p = run(['pdfimages', '-list', out])
    images = [l for l in p.stdout.decode().splitlines()[2:] if l.strip()]
    with open(EDITION, encoding='utf-8') as f:
        xml = f.read()
    want = len(re.findall(r'<(?:photo|ad)\s[^>]*src="[^"]*\.(?:png|jpg|jpeg)"', xml))
    if len(images) != want:
        fail('%d images in the PDF, expected %d (photos and image ads only)' % (len(images), want))
    p = run(['pdftotext', '-f', '2', '-l', '2', out, '-'])
    if 'JIANGCHENG DAILY' not in p.stdout.decode():
        fail("the ad's text is not text on page 02 (pdftotext)")
    # the PNG proof shows it
    rect = ad_rect()
    if not rect:
        fail('no 495 x 26 pt image op on page 02 in the display list')
    else:
        w, h, bpp, rows = read_png(os.path.join(tmp, 'png', 'page-02.png'))
        k = DPI / 72
        x0, y0 = int(rect[0] * k) + 1, int(rect[1] * k) + 1
        x1, y1 = int((rect[0] + rect[2]) * k) - 1, int((rect[1] + rect[3]) * k) - 1
        total = cyan = white = 0
        for y in range(y0, y1):
            row = rows[y]
            for x in range(x0, x1):
                r, g, b = row[x * bpp], row[x * bpp + 1], row[x * bpp + 2]
                total += 1
                cyan += r < 120 and g > 120 and b > 180
                white += r > 250 and g > 250 and b > 250
        print('PNG proof: %d pixels in the ad, %d cyan, %d white' % (total, cyan, white))
        if total == 0 or cyan < total / 2 or white > total / 10:
            fail('the PNG proof does not show the ad in its rectangle')
    # byte-identical run to run and across thread counts, and the CMYK rewrite leaves it alone
    for threads in ('1', '2'):
        env['HUOZI_THREADS'] = threads
        again = os.path.join(tmp, 'b%s.pdf' % threads)
        run([HUOZI, 'render', EDITION, '-o', again, '-q'], env=env)
        with open(again, 'rb') as f:
            if f.read() != pdf:
                fail('a second render (HUOZI_THREADS=%s) is not byte-identical' % threads)
    cm = os.path.join(tmp, 'c.pdf')
    run([HUOZI, 'render', EDITION, '-o', cm, '--cmyk', '--marks', '-q'], env=env)
    with open(cm, 'rb') as f:
        if not any(content.rstrip() == b.rstrip() for d, b in streams(f.read())):
            fail("with --cmyk --marks, the ad's content is not in the PDF byte for byte")


def preflight(tmp):
    edition = os.path.join('tests', 'sample', 'pdfad', 'edition.xml')
    results = {}
    for strict in (False, True):
        rep = os.path.join(tmp, 'r%d.json' % strict)
        args = [HUOZI, 'render', edition, '-o', os.path.join(tmp, 'p.pdf'), '--report', rep]
        p = run(args + (['--strict'] if strict else []), cwd=SOURCE_ROOT)
        results[strict] = p
        if p.returncode != (1 if strict else 0):
            fail('exit %d %s --strict, expected %d' % (p.returncode,
                                                     'with' if strict else 'without',
                                                     1 if strict else 0))
    stderr = results[True].stderr.decode()
    warnings = re.findall(r'^\S+: warning: (.*)$', stderr, re.M)
    want = [
        'PDF ad tests/sample/pdfad/bad.pdf has 2 pages: page 1 is placed',
        'PDF ad tests/sample/pdfad/bad.pdf: font Helvetica is not embedded',
        'PDF ad tests/sample/pdfad/bad.pdf has colours of 400% total ink, above the limit of 240%',
        'PDF ad tests/sample/pdfad/bad.pdf: image inline is 1 ppi at its placed size, under 200',
    ]
    if warnings != want:
        fail('standard error: %r, expected %r' % (warnings, want))
    try:
        with open(os.path.join(tmp, 'r1.json'), encoding='utf-8') as f:
            report = json.load(f)
    except (OSError, ValueError) as e:
        fail('no fit report with --strict: %s' % e)
        return
    ads = [d for d in report.get('diagnostics', []) if d.get('kind') == 'ad']
    if [d['message'] for d in ads] != want:
        fail('fit report diagnostics of kind ad: %r' % ads)
    if not all(d['level'] == 'warning' and d['line'] == 7 and d['col'] == 13 for d in ads):
        fail('fit report: the ad diagnostics should be warnings at 7:13: %r' % ads)
    # a press run: RGB content is a finding too, in the fit report as on standard error
    rep = os.path.join(tmp, 'press.json')
    p = run([HUOZI, 'render', edition, '--press', '--strict', '-o', os.path.join(tmp, 'x.pdf'),
             '--report', rep], cwd=SOURCE_ROOT)
    if p.returncode != 1:
        fail('exit %d with --press --strict, expected 1' % p.returncode)
    rgb = 'PDF ad tests/sample/pdfad/bad.pdf has RGB content (DeviceRGB) in a press run'
    want_press = want[:2] + [rgb] + want[2:]
    warnings = re.findall(r'^\S+: warning: (.*)$', p.stderr.decode(), re.M)
    if warnings != want_press:
        fail('--press standard error: %r, expected %r' % (warnings, want_press))
    try:
        with open(rep, encoding='utf-8') as f:
            ads = [d['message'] for d in json.load(f).get('diagnostics', [])
                   if d.get('kind') == 'ad']
    except (OSError, ValueError) as e:
        fail('no fit report with --press --strict: %s' % e)
        return
    if ads != want_press:
        fail('--press fit report diagnostics of kind ad: %r' % ads)


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in ('placed', 'preflight'):
        sys.exit(__doc__)
    if not HUOZI:
        sys.exit('check-pdfad.py: HUOZI is not set (run through meson test)')
    if not shutil.which('pdffonts'):
        return 77
    with tempfile.TemporaryDirectory(prefix='huozi-pdfad-') as tmp:
        (placed if sys.argv[1] == 'placed' else preflight)(tmp)
    print('FAIL' if problems else 'ok')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
