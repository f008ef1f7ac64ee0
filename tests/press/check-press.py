#!/usr/bin/env python3
"""check-press.py MODE - the sample edition rendered with --press, checked as a plant's
preflight would, with tools that are not huozi's own (qpdf, Ghostscript, poppler-utils).

  pdfx      qpdf --check clean; a walk of every object (pages, forms, images, resources):
            an OutputIntent /GTS_PDFX with an embedded ICC profile of /N 4, GTS_PDFXVersion
            in Info and in the XMP metadata, /Trapped /False, TrimBox and BleedBox on every
            page, no DeviceRGB, CalRGB, ICCBased RGB, transparency group or soft mask anywhere,
            no image with /Interpolate true; every page's and form's content stream read:
            no rg/RG (DeviceRGB colour), no inline image in RGB or with a soft mask (shadings
            are objects, walked with the rest)
  ink       Ghostscript's CMYK rasterization (tiff32nc, 150 dpi) of every page: inside the
            BleedBox no pixel has more total ink than 240% + 2%, the pixels of the body text
            (inked pixels in the boxes of words of the body size, from pdftotext -bbox; gs
            does not anti-alias, so a glyph's pixel is the glyph's colour) have ink on K only,
            and the crop
            marks outside it print on all four plates (the registration colour)
  same      two --press renders byte-identical, and two with HUOZI_THREADS=1 and 2
  intent    the sample with a layout of its own whose <output-intent> names a profile by a
            path relative to the layout, a condition, registry and info of its own, perceptual
            intent without BPC, ink-limit 200% and jpeg-quality 50: the OutputIntent says
            them, the profile embedded is that file byte for byte, no pixel has more than
            200% + 2% ink, and the JPEGs are smaller than at the default quality 90
  cmyk-alpha the sample with its photo a CMYK JPEG far over the limit (Ghostscript's jpegcmyk,
            Adobe's inverted samples) and its page-1 ad an RGBA PNG (alpha ramp, a clear hole):
            the photo stays a JPEG with /Decode [1 0 1 0 1 0 1 0], and the whole pdfx walk and
            ink test (240% + 2%) pass

  adobe-default the same Adobe CMYK JPEG photo rendered without --press, and with --cmyk:
            cairo embeds it without /Decode; the post-pass gives it [1 0 1 0 1 0 1 0], else it
            would print as its negative

Environment (set by tests/meson.build): HUOZI, SOURCE_ROOT, HUOZI_FONTS_CONF, TZ, LC_ALL.
"""
import json, os, shutil, struct, subprocess, sys, tempfile, zlib

HUOZI = os.environ["HUOZI"]
ROOT = os.environ.get("SOURCE_ROOT", ".")
EDITION = os.path.join(ROOT, "samples/edition/edition.xml")
LIMIT = 240          # percent, the default ink limit
BODY_PT = (12.0, 13.5)  # the height of a body-text word box in the sample, points
DPI = 150


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def render(d, name, env=None, edition=EDITION):
    pdf = os.path.join(d, name)
    r = subprocess.run([HUOZI, "render", edition, "--press", "-q", "-o", pdf],
                       capture_output=True, text=True, env=env)
    if r.returncode != 0:
        fail("huozi render --press exited %d: %s" % (r.returncode, r.stderr))
    return pdf


def names_in(v, out):
    """every name anywhere in a qpdf JSON value"""
    if isinstance(v, str):
        if v.startswith("/"):
            out.add(v)
    elif isinstance(v, list):
        for x in v:
            names_in(x, out)
    elif isinstance(v, dict):
        for k, x in v.items():
            names_in(x, out)


RGB_CS = ("/DeviceRGB", "/RGB", "/CalRGB")


def content_tokens(data):
    """the tokens of a content stream: operators, names and numbers as str, strings as None;
    an inline image as ("BI", {key: value}) with its data skipped"""
    i, n, out = 0, len(data), []
    delim = b"()<>[]{}/%"
    while i < n:
        c = data[i:i + 1]
        if c.isspace():
            i += 1
        elif c == b"%":
            while i < n and data[i:i + 1] not in (b"\r", b"\n"):
                i += 1
        elif c == b"(":
            depth, i = 1, i + 1
            while i < n and depth:
                ch = data[i:i + 1]
                if ch == b"\\":
                    i += 1
                elif ch == b"(":
                    depth += 1
                elif ch == b")":
                    depth -= 1
                i += 1
            out.append(None)
        elif data[i:i + 2] in (b"<<", b">>"):
            out.append(data[i:i + 2].decode())
            i += 2
        elif c == b"<":
            i = data.find(b">", i) + 1 or n
            out.append(None)
        elif c in (b"[", b"]", b"{", b"}"):
            out.append(c.decode())
            i += 1
        else:
            j = i + 1
            while j < n and not data[j:j + 1].isspace() and data[j:j + 1] not in delim:
                j += 1
            tok = data[i:j].decode("latin-1")
            i = j
            if tok == "BI":
                # the image dictionary up to ID, then its data up to EI
                k = data.find(b"ID", i)
                while k >= 0 and not (data[k - 1:k].isspace() and (k + 2 >= n or data[k + 2:k + 3].isspace())):
                    k = data.find(b"ID", k + 1)
                if k < 0:
                    out.append(("BI", {}))
                    break
                words = [t if isinstance(t, str) else "" for t in content_tokens(data[i:k])]
                out.append(("BI", dict(zip(words[0::2], words[1::2]))))
                e = k + 3
                while True:
                    e = data.find(b"EI", e)
                    if e < 0 or (data[e - 1:e].isspace() and (e + 2 >= n or data[e + 2:e + 3].isspace())):
                        break
                    e += 2
                i = n if e < 0 else e + 2
            else:
                out.append(tok)
    return out


def check_content(pdf, objs):
    """every page's and form's content: no rg/RG (DeviceRGB colour), no inline image in RGB
    or with a soft mask; returns (streams, inline images, sh operators) seen"""
    j = json.loads(subprocess.run(["qpdf", "--json=2", "--json-stream-data=inline",
                                   "--decode-level=generalized", pdf],
                                  capture_output=True, check=True).stdout)
    full = j["qpdf"][1]
    refs = set()
    for p in j["pages"]:
        for c in p.get("contents", []):
            refs.add(c)
    for key, o in objs.items():
        if "stream" in o and o["stream"]["dict"].get("/Subtype") == "/Form":
            refs.add(key[4:])
    inline = sh = 0
    import base64
    for ref in sorted(refs):
        st = full["obj:" + ref]["stream"]
        if "data" not in st:
            fail("content stream %s did not decode" % ref)
        for t in content_tokens(base64.b64decode(st["data"])):
            if t in ("rg", "RG"):
                fail("content stream %s sets a DeviceRGB colour (%s)" % (ref, t))
            if t == "sh":
                sh += 1
            if isinstance(t, tuple):
                inline += 1
                cs = t[1].get("/CS", t[1].get("/ColorSpace"))
                if cs in RGB_CS or "/SMask" in t[1]:
                    fail("content stream %s has an inline image in %s: %r" % (ref, cs, t[1]))
    return len(refs), inline, sh


def check_pdfx(d, pdf=None):
    pdf = pdf or render(d, "press.pdf")
    r = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
    if r.returncode != 0 or "No syntax or stream encoding errors" not in r.stdout:
        fail("qpdf --check: %s%s" % (r.stdout, r.stderr))
    j = json.loads(subprocess.run(["qpdf", "--json=2", pdf], capture_output=True,
                                  check=True).stdout)
    objs = j["qpdf"][1]
    trailer = objs["trailer"]["value"]

    def get(ref):
        o = objs["obj:" + ref] if isinstance(ref, str) and ref.endswith(" R") else None
        if o is None:
            return ref
        return o["stream"]["dict"] if "stream" in o else o["value"]

    root, info = get(trailer["/Root"]), get(trailer["/Info"])
    if info.get("/GTS_PDFXVersion") != "u:PDF/X-1:2003":
        fail("Info has no GTS_PDFXVersion PDF/X-1:2003: %r" % info.get("/GTS_PDFXVersion"))
    if info.get("/Trapped") != "/False":
        fail("Info has no /Trapped /False")
    for key in ("/CreationDate", "/ModDate", "/Title"):
        if key not in info:
            fail("Info has no " + key)
    ois = get(root.get("/OutputIntents"))
    if not isinstance(ois, list) or len(ois) != 1:
        fail("the catalog has no OutputIntents array of one")
    oi = get(ois[0])
    if oi.get("/S") != "/GTS_PDFX" or "/OutputConditionIdentifier" not in oi:
        fail("the OutputIntent is not /GTS_PDFX with an OutputConditionIdentifier: %r" % oi)
    prof_ref = oi.get("/DestOutputProfile")
    prof = get(prof_ref)
    if not isinstance(prof, dict) or prof.get("/N") != 4:
        fail("the DestOutputProfile is not an embedded stream with /N 4")
    icc = subprocess.run(["qpdf", "--show-object=" + prof_ref.split()[0], "--filtered-stream-data",
                          pdf], capture_output=True, check=True).stdout
    if len(icc) < 128 or icc[36:40] != b"acsp" or icc[16:20] != b"CMYK":
        fail("the DestOutputProfile's data is not a CMYK ICC profile")
    meta_ref = root.get("/Metadata")
    if not meta_ref:
        fail("the catalog has no XMP /Metadata")
    xmp = subprocess.run(["qpdf", "--show-object=" + meta_ref.split()[0], "--filtered-stream-data",
                          pdf], capture_output=True, check=True).stdout.decode()
    for want in ("<pdfxid:GTS_PDFXVersion>PDF/X-1:2003</pdfxid:GTS_PDFXVersion>",
                 "<pdf:Trapped>False</pdf:Trapped>", "<xmp:CreateDate>"):
        if want not in xmp:
            fail("the XMP metadata has no " + want)
    if not subprocess.run(["qpdf", "--show-npages", pdf], capture_output=True, text=True,
                          check=True).stdout.strip():
        fail("no pages")
    pages = [get(p) for p in j["pages"]] if "pages" in j else []
    pages = [get(p["object"]) for p in j["pages"]]
    if not pages:
        fail("no pages in the JSON")
    for n, p in enumerate(pages, 1):
        for key in ("/TrimBox", "/BleedBox"):
            if key not in p:
                fail("page %d has no %s" % (n, key))
        if "/Group" in p:
            fail("page %d has a transparency group" % n)
    # every object of the file: pages, forms, images, resources, colour spaces
    forms = images = 0
    for key, o in objs.items():
        if not key.startswith("obj:"):
            continue
        v = o["stream"]["dict"] if "stream" in o else o.get("value")
        found = set()
        names_in(v, found)
        for bad in ("/DeviceRGB", "/CalRGB", "/SMask", "/Transparency"):
            if bad in found:
                fail("%s has %s: %r" % (key, bad, v))
        if isinstance(v, dict):
            if v.get("/Subtype") == "/Form":
                forms += 1
                if "/Group" in v:
                    fail("the form %s has a group" % key)
            if v.get("/Subtype") == "/Image":
                images += 1
                if v.get("/Interpolate") is True:
                    fail("the image %s has /Interpolate true (PDF/X forbids it)" % key)
                cs = v.get("/ColorSpace")
                if cs not in ("/DeviceCMYK", "/DeviceGray") and not (
                        isinstance(cs, list) and cs[0] in ("/Indexed", "/Separation")):
                    fail("the image %s is in %r" % (key, cs))
            if v.get("/Type") == "/Font" or v.get("/Type") == "/FontDescriptor":
                pass
        if isinstance(v, list) and v and v[0] == "/ICCBased":
            n_ = get(v[1]).get("/N")
            if n_ != 4 and n_ != 1:
                fail("%s is an ICCBased space of %r components" % (key, n_))
    if images < 4:
        fail("the sample's 4 images are not all there (%d)" % images)
    nstreams, inline, sh = check_content(pdf, objs)
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
    for line in fonts.splitlines()[2:]:
        cols = line.split()
        if len(cols) >= 5 and cols[-5] != "yes":
            fail("a font is not embedded: " + line)
    print("ok: --press is PDF/X-1a in structure: OutputIntent with an N=4 ICC profile, "
          "GTS_PDFXVersion in Info and XMP, /Trapped, TrimBox and BleedBox on %d pages, "
          "%d images in CMYK, %d forms, no RGB, no transparency, fonts embedded; %d content "
          "streams without rg/RG, %d inline images and %d shadings painted, none RGB"
          % (len(pages), images, forms, nstreams, inline, sh))


def read_tiff32(path):
    """width, height, pixels (CMYK bytes) of an uncompressed 32-bit TIFF as gs tiff32nc writes"""
    data = open(path, "rb").read()
    e = "<" if data[:2] == b"II" else ">"
    ifd = struct.unpack(e + "I", data[4:8])[0]
    n = struct.unpack(e + "H", data[ifd:ifd + 2])[0]
    tags = {}
    for i in range(n):
        tag, typ, cnt, val = struct.unpack(e + "HHII", data[ifd + 2 + 12 * i: ifd + 14 + 12 * i])
        if typ == 3 and cnt == 1:
            val = struct.unpack(e + "H", data[ifd + 10 + 12 * i: ifd + 12 + 12 * i])[0]
        if tag not in (256, 257, 259, 273, 277, 279):
            continue
        if cnt > 1:
            size = {3: 2, 4: 4}[typ]
            fmt = e + ("H" if typ == 3 else "I") * cnt
            vals = struct.unpack(fmt, data[val: val + size * cnt]) if size * cnt > 4 else \
                struct.unpack(fmt, data[ifd + 10 + 12 * i: ifd + 10 + 12 * i + size * cnt])
            val = list(vals)
        tags[tag] = val
    if tags.get(259, 1) != 1 or tags.get(277) != 4:
        fail("%s is not an uncompressed 4-channel TIFF" % path)
    offs, counts = tags[273], tags[279]
    if not isinstance(offs, list):
        offs, counts = [offs], [counts]
    pix = b"".join(data[o:o + c] for o, c in zip(offs, counts))
    return tags[256], tags[257], pix


def check_ink(d, pdf=None, limit_pct=LIMIT):
    pdf = pdf or render(d, "press.pdf")
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiff32nc",
                    "-r%d" % DPI, "-sOutputFile=" + os.path.join(d, "p%d.tif"), pdf],
                   check=True, capture_output=True)
    info = subprocess.run(["pdfinfo", "-box", "-f", "1", "-l", "999", pdf], capture_output=True,
                          text=True, check=True).stdout
    bleed = {}
    for line in info.splitlines():
        if line.startswith("Page") and "BleedBox:" in line:
            parts = line.split()
            bleed[int(parts[1])] = [float(x) for x in parts[-4:]]
    k = DPI / 72.0
    limit = (limit_pct + 2) * 255 // 100
    worst = 0
    text_px = 0
    page = 1
    while os.path.exists(os.path.join(d, "p%d.tif" % page)):
        w, h, pix = read_tiff32(os.path.join(d, "p%d.tif" % page))
        x0, y0, x1, y1 = bleed[page]
        ph = h / k  # page height in points
        r0, r1 = int((ph - y1) * k) + 1, int((ph - y0) * k) - 1
        c0, c1 = int(x0 * k) + 1, int(x1 * k) - 1
        for row in range(r0, r1):
            line = pix[(row * w + c0) * 4:(row * w + c1) * 4]
            # a pixel over 255 total must have two channels inked: skip rows of one quickly
            for i in range(0, len(line), 4):
                s = line[i] + line[i + 1] + line[i + 2] + line[i + 3]
                if s > worst:
                    worst = s
                    if s > limit:
                        fail("page %d pixel (%d, %d) has %d%% ink, over %d%% + 2%%"
                             % (page, c0 + i // 4, row, s * 100 // 255, limit_pct))
        # the crop marks, outside the bleed box: all four plates
        marks = 0
        for row in range(0, r0 - 2):
            line = pix[row * w * 4:(row + 1) * w * 4]
            for i in range(0, len(line), 4):
                if line[i + 3] > 128:
                    marks += 1
                    if min(line[i:i + 4]) < 128:
                        fail("page %d: a crop-mark pixel (%d, %d) is not on all plates: %r"
                             % (page, i // 4, row, tuple(line[i:i + 4])))
        if marks == 0:
            fail("page %d: no crop marks above the bleed box" % page)
        # the body text: words of the body size
        bbox = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"],
                              capture_output=True, text=True, check=True).stdout
        words = 0
        for line in bbox.splitlines():
            if not line.strip().startswith("<word"):
                continue
            a = dict(p.split("=") for p in line.strip()[6:].split(">")[0].split())
            xa, ya, xb, yb = (float(a[t].strip('"')) for t in ("xMin", "yMin", "xMax", "yMax"))
            if not BODY_PT[0] <= yb - ya <= BODY_PT[1]:
                continue
            words += 1
            for row in range(int(ya * k) + 1, int(yb * k)):
                for col in range(int(xa * k) + 1, int(xb * k)):
                    i = (row * w + col) * 4
                    if pix[i + 3] == 0:
                        continue  # the paper or a tint behind the text: the glyphs have K
                    text_px += 1
                    if pix[i] or pix[i + 1] or pix[i + 2]:
                        fail("page %d: a body-text pixel (%d, %d) has C, M or Y ink: %r"
                             % (page, col, row, tuple(pix[i:i + 4])))
        if words < 50:
            fail("page %d: only %d body-text words found" % (page, words))
        page += 1
    if page == 1:
        fail("gs rendered no page")
    if text_px < 10000:
        fail("too few body-text pixels with ink (%d)" % text_px)
    print("ok: %d pages rasterized in CMYK at %d dpi: max total ink %d%% (limit %d%% + 2%%), "
          "%d body-text pixels on K only, crop marks on all plates"
          % (page - 1, DPI, worst * 100 // 255, limit_pct, text_px))


def png_rgba(path, w, h):
    """an 8-bit RGBA PNG: a saturated blue-to-red ramp whose alpha falls from opaque at the
    top to clear at the bottom, with a fully transparent hole in the middle"""
    rows = bytearray()
    for y in range(h):
        rows.append(0)
        for x in range(w):
            hole = w // 3 <= x < 2 * w // 3 and h // 3 <= y < 2 * h // 3
            a = 0 if hole else 255 - 255 * y // max(h - 1, 1)
            rows += bytes((255 * x // max(w - 1, 1), 0, 255 - 255 * x // max(w - 1, 1), a))

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


def jpeg_cmyk_over(path, d):
    """a CMYK JPEG far over the ink limit, as Ghostscript's jpegcmyk writes it (Adobe's
    inverted samples): a ramp from red (0/100/100/0) to 400% (100/100/100/100), a 400% square
    and a K-only square"""
    ps = os.path.join(d, "over.ps")
    with open(ps, "w") as f:
        f.write("%!PS\n<< /PageSize [160 120] >> setpagedevice\n"
                "0 1 159 { /x exch def x 160 div 1 1 x 160 div setcmykcolor x 0 1 120 rectfill } for\n"
                "1 1 1 1 setcmykcolor 20 20 40 40 rectfill\n"
                "0 0 0 1 setcmykcolor 100 20 40 40 rectfill\nshowpage\n")
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=jpegcmyk", "-r150",
                    "-dJPEGQ=90", "-sOutputFile=" + path, ps], check=True, capture_output=True)
    data = open(path, "rb").read()
    if b"Adobe" not in data[:200]:
        fail("gs jpegcmyk wrote no Adobe marker: the test's premise is gone")


def check_cmyk_alpha(d):
    ed = os.path.join(d, "edition")
    shutil.copytree(os.path.dirname(EDITION), ed)
    jpeg_cmyk_over(os.path.join(ed, "images", "bridge.jpg"), d)
    png_rgba(os.path.join(ed, "ads", "ad-p1.png"), 800, 250)
    pdf = render(d, "cmyk-alpha.pdf", edition=os.path.join(ed, "edition.xml"))
    objs = qpdf_objects(pdf)
    photo = [o["stream"]["dict"] for k, o in objs.items() if "stream" in o
             and o["stream"]["dict"].get("/Subtype") == "/Image"
             and o["stream"]["dict"].get("/Width") == 333]
    if len(photo) != 1:
        fail("the CMYK JPEG photo (333 px wide) is not one image of the PDF: %d" % len(photo))
    if photo[0].get("/Decode") != [1, 0, 1, 0, 1, 0, 1, 0] or \
            "/DCTDecode" not in str(photo[0].get("/Filter")):
        fail("the CMYK JPEG is not a JPEG with /Decode [1 0 1 0 1 0 1 0]: %r" % photo[0])
    check_pdfx(d, pdf)
    check_ink(d, pdf)
    print("ok: an over-limit Adobe CMYK JPEG photo and an RGBA PNG ad under --press")


def check_adobe_default(d):
    """the default render and --cmyk give an Adobe CMYK JPEG photo the /Decode it needs: cairo
    embeds it without one, and readers would print its inverted samples as a negative"""
    ed = os.path.join(d, "edition")
    shutil.copytree(os.path.dirname(EDITION), ed)
    jpeg_cmyk_over(os.path.join(ed, "images", "bridge.jpg"), d)
    for extra in ([], ["--cmyk"]):
        pdf = os.path.join(d, "adobe%s.pdf" % "-".join(extra))
        r = subprocess.run([HUOZI, "render", os.path.join(ed, "edition.xml"), "-q", "-o", pdf]
                           + extra, capture_output=True, text=True)
        if r.returncode != 0:
            fail("huozi render %s exited %d: %s" % (" ".join(extra), r.returncode, r.stderr))
        objs = qpdf_objects(pdf)
        photo = [o["stream"]["dict"] for k, o in objs.items() if "stream" in o
                 and o["stream"]["dict"].get("/Subtype") == "/Image"
                 and o["stream"]["dict"].get("/ColorSpace") == "/DeviceCMYK"]
        if len(photo) != 1:
            fail("the CMYK JPEG photo is not one CMYK image of the PDF: %d" % len(photo))
        if photo[0].get("/Decode") != [1, 0, 1, 0, 1, 0, 1, 0] or \
                "/DCTDecode" not in str(photo[0].get("/Filter")):
            fail("render %s: the Adobe CMYK JPEG has no /Decode [1 0 1 0 1 0 1 0]: %r"
                 % (" ".join(extra), photo[0]))
    print("ok: an Adobe CMYK JPEG photo gets its /Decode in the default and --cmyk renders")


def check_same(d):
    a = render(d, "a.pdf")
    b = render(d, "b.pdf")
    env1 = dict(os.environ, HUOZI_THREADS="1")
    env2 = dict(os.environ, HUOZI_THREADS="2")
    c = render(d, "c.pdf", env1)
    e = render(d, "e.pdf", env2)
    blobs = [open(p, "rb").read() for p in (a, b, c, e)]
    if any(x != blobs[0] for x in blobs):
        fail("--press renders differ")
    print("ok: four --press renders (threads 1 and 2) byte-identical")


def qpdf_objects(pdf):
    j = json.loads(subprocess.run(["qpdf", "--json=2", pdf], capture_output=True,
                                  check=True).stdout)
    return j["qpdf"][1]


def jpeg_bytes(pdf):
    """the bytes of every DCTDecode image of the file, summed"""
    total = 0
    for key, o in qpdf_objects(pdf).items():
        if key.startswith("obj:") and "stream" in o:
            v = o["stream"]["dict"]
            if v.get("/Subtype") == "/Image" and "/DCTDecode" in str(v.get("/Filter")):
                total += v.get("/Length", 0)
    return total


def check_intent(d):
    ed = os.path.join(d, "edition")
    shutil.copytree(os.path.dirname(EDITION), ed)
    os.makedirs(os.path.join(ed, "icc"))
    icc = "/usr/share/color/icc/ghostscript/default_cmyk.icc"
    shutil.copy(icc, os.path.join(ed, "icc", "plant.icc"))
    with open(os.path.join(ROOT, "layouts", "broadsheet.xml"), encoding="utf-8") as f:
        layout = f.read()
    start = layout.index("<output-intent ")
    end = layout.index("/>", start) + 2
    layout = layout[:start] + (
        '<output-intent profile="icc/plant.icc" condition="Test condition 200"'
        ' registry="https://example.org/conditions" info="a test of the layout\'s output intent"'
        ' intent="perceptual" bpc="no" ink-limit="200%" jpeg-quality="50"/>') + layout[end:]
    with open(os.path.join(ed, "layout.xml"), "w", encoding="utf-8") as f:
        f.write(layout)
    with open(os.path.join(ed, "edition.xml"), encoding="utf-8") as f:
        text = f.read()
    if 'layout="broadsheet"' not in text:
        fail("the sample no longer names layout=\"broadsheet\"")
    with open(os.path.join(ed, "edition.xml"), "w", encoding="utf-8") as f:
        f.write(text.replace('layout="broadsheet"', 'layout="layout.xml"', 1))
    pdf = render(d, "intent.pdf", edition=os.path.join(ed, "edition.xml"))
    objs = qpdf_objects(pdf)
    ois = [o["value"] for k, o in objs.items()
           if isinstance(o.get("value"), dict) and o["value"].get("/Type") == "/OutputIntent"]
    if len(ois) != 1:
        fail("not one OutputIntent: %r" % ois)
    oi = ois[0]
    want = {"/OutputConditionIdentifier": "u:Test condition 200",
            "/RegistryName": "u:https://example.org/conditions",
            "/Info": "u:a test of the layout's output intent",
            "/OutputCondition": "u:a test of the layout's output intent"}
    for k, v in want.items():
        if oi.get(k) != v:
            fail("the OutputIntent's %s is %r, not %r" % (k, oi.get(k), v))
    ref = oi["/DestOutputProfile"].split()[0]
    data = subprocess.run(["qpdf", "--show-object=" + ref, "--filtered-stream-data", pdf],
                          capture_output=True, check=True).stdout
    if data != open(icc, "rb").read():
        fail("the embedded profile is not the layout's icc/plant.icc byte for byte")
    q50 = jpeg_bytes(pdf)
    q90 = jpeg_bytes(render(d, "default.pdf"))
    if not 0 < q50 < q90:
        fail("the JPEGs at jpeg-quality 50 (%d bytes) are not smaller than at 90 (%d bytes)"
             % (q50, q90))
    check_ink(d, pdf, 200)
    print("ok: the layout's output intent: condition, registry and info in the OutputIntent, "
          "its profile embedded byte for byte, JPEGs %d bytes at quality 50 (%d at 90)"
          % (q50, q90))


def main():
    mode = sys.argv[1]
    with tempfile.TemporaryDirectory() as d:
        {"pdfx": check_pdfx, "ink": check_ink, "same": check_same,
         "intent": check_intent, "cmyk-alpha": check_cmyk_alpha,
         "adobe-default": check_adobe_default}[mode](d)


if __name__ == "__main__":
    main()
