#!/usr/bin/env python3
"""typst.py - huozi against Typst 0.14 on the same newspaper page: the same text in the same
rectangles with the same faces (Noto Serif/Sans CJK SC, LXGW WenKai), a print-resolution JPEG
photo and a print-resolution PNG 通栏 ad, at 1, 24 and 400 pages. Runs alternate (huozi, Typst,
huozi, ...) so both see the same load; figures are medians. Nothing here is a test.

usage: bench/typst.py [--runs N] [--sizes 1,24,400] [--typst-max PAGES] [--keep DIR]
    (from the repository root, after a build). Typst is skipped above --typst-max pages
    (default 400) and when the compiler is not installed. Install it once (not committed):
        npm install --prefix bench @myriaddreamin/typst-ts-node-compiler@0.7.0
    or into any folder named by TYPST_TS_PREFIX.

The page (8 columns x 104 lines of the broadsheet layout): five stories with kicker, headline
and byline, a 3000x2000 JPEG photo with caption and credit, a 4000x1250 8-bit RGB PNG 通栏 ad (8
columns x 24 lines, about 290 dpi), folio line and rules. Typst gets the rectangles huozi's grid
gives each frame (read from `huozi dump layout`), sets the headline group across the frame and
the body in the frame's columns (justified, 2em indent, the grid's 13 pt pitch). Its line
breaking is Typst's own: the comparison is of the whole job, not of identical lines.
"""
import os, re, shutil, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import edition  # noqa: E402  (the sample paragraphs, the measuring helpers)

ROOT = edition.ROOT
HUOZI = edition.HUOZI
BENCH = os.path.join(ROOT, "build", "bench")
HERE = os.path.dirname(os.path.abspath(__file__))
FONT_DIRS = ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/lxgw-wenkai"]

# (kind, columns, grid lines, body characters)
PAGE = [
    ("story", "1-3", "1-45", 1250),
    ("story", "4-8", "1-26", 1000),
    ("photo", "4-8", "27-52", 0),
    ("story", "1-3", "46-80", 950),
    ("story", "4-6", "53-80", 720),
    ("story", "7-8", "53-80", 400),
    ("ad", "1-8", "81-104", 0),
]
PHOTO = (3000, 2000)
AD = (4000, 1250)


def story_text(paras, heads, n, chars):
    """edition.story_text, its body cut to `chars` characters (ending a sentence), so that a
    small frame is not overset by a long last paragraph"""
    text = edition.story_text(paras, heads, n, chars)
    header, _, body = text.partition("\n\n")
    out, count = [], 0
    for p in body.strip().split("\n\n"):
        if count + len(p) > chars:
            p = p[:max(chars - count, 1)].rstrip("，、；：") + "。"
        out.append(p)
        count += len(p)
        if count >= chars:
            break
    return header + "\n\n" + "\n\n".join(out) + "\n"


def make(folder, pages):
    """the edition for huozi and the same pages for Typst; characters of body per page"""
    paras, heads = edition.sample_paragraphs()
    os.makedirs(os.path.join(folder, "stories"), exist_ok=True)
    subprocess.run([os.path.join(BENCH, "images-bench"), os.path.join(folder, "photo.jpg"),
                    str(PHOTO[0]), str(PHOTO[1]), os.path.join(folder, "ad.png"), str(AD[0]), str(AD[1])],
                   check=True)
    xml = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<edition paper="江城日报" date="2026-11-28" issue="第18254期" layout="broadsheet">']
    n, chars, story_pages = 0, 0, []
    for p in range(1, pages + 1):
        xml.append(f'  <page folio="{p:02d}" section="要闻" editor="周明">')
        items = []
        for kind, cols, lines, size in PAGE:
            if kind == "story":
                name = f"s{n:04d}.txt"
                text = story_text(paras, heads, n, size)
                chars += size
                open(os.path.join(folder, "stories", name), "w", encoding="utf-8").write(text)
                xml.append(f'    <story id="s{n}" src="stories/{name}" cols="{cols}" lines="{lines}"/>')
                items.append((kind, cols, lines, text))
                n += 1
            elif kind == "photo":
                xml.append(f'    <photo src="photo.jpg" cols="{cols}" lines="{lines}" fit="fill" '
                           f'caption="澄江四桥华灯初上。" credit="本报记者 李华 摄"/>')
                items.append((kind, cols, lines, None))
            else:
                xml.append(f'    <ad src="ad.png" cols="{cols}" lines="{lines}"/>')
                items.append((kind, cols, lines, None))
        xml.append("  </page>")
        story_pages.append(items)
    xml.append("</edition>")
    path = os.path.join(folder, "edition.xml")
    open(path, "w", encoding="utf-8").write("\n".join(xml) + "\n")
    return path, story_pages, chars // pages


def grid(xml):
    """page size, grid origin, column, gutter and pitch in points, from `huozi dump layout`"""
    out = subprocess.run([HUOZI, "dump", "layout", xml], capture_output=True, text=True, check=True).stdout
    m = re.search(r"page ([\d.]+)x([\d.]+)pt area at ([\d.]+),([\d.]+)", out)
    g = re.search(r"column=([\d.]+)pt gutter=([\d.]+)pt body=[\d.]+pt pitch=([\d.]+)pt", out)
    return [float(v) for v in m.groups()] + [float(v) for v in g.groups()]


def tstr(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typst_source(pages, geo):
    pw, ph, ox, oy, col, gut, pitch = geo
    body_leading = pitch - 9.0

    def rect(cols, lines):
        a, b = (int(v) for v in cols.split("-"))
        m, n = (int(v) for v in lines.split("-"))
        return ox + (a - 1) * (col + gut), oy + (m - 1) * pitch, (b - a + 1) * (col + gut) - gut, (n - m + 1) * pitch, b - a + 1

    out = [f"#set page(width: {pw}pt, height: {ph}pt, margin: 0pt)",
           '#set text(font: "Noto Serif CJK SC", size: 9pt, lang: "zh", region: "cn")',
           f"#set par(justify: true, first-line-indent: (amount: 18pt, all: true), leading: {body_leading:.2f}pt, spacing: {body_leading:.2f}pt)"]
    for i, items in enumerate(pages):
        if i:
            out.append("#pagebreak()")
        out.append(f'#place(top + left, dx: {ox}pt, dy: {oy - 24}pt, text(size: 10pt)[#{tstr(f"江城日报　2026年11月28日 星期六　第{i + 1:02d}版　要闻　责任编辑　周明")}])')
        out.append(f"#place(top + left, dx: {ox}pt, dy: {oy - 9}pt, line(length: {col * 8 + gut * 7}pt, stroke: 0.5pt))")
        out.append(f"#place(top + left, dx: {ox}pt, dy: {oy - 7}pt, line(length: {col * 8 + gut * 7}pt, stroke: 1.5pt))")
        for kind, cols, lines, text in items:
            x, y, w, h, ncol = rect(cols, lines)
            if kind == "photo":
                out.append(f"#place(top + left, dx: {x:.2f}pt, dy: {y:.2f}pt, block(width: {w:.2f}pt, height: {h:.2f}pt)["
                           f'#image("photo.jpg", width: 100%, height: {h - 3 * pitch:.2f}pt, fit: "cover")'
                           f'#text(font: "LXGW WenKai")[#{tstr("澄江四桥华灯初上。")}]'
                           f'#align(right, text(font: "LXGW WenKai")[#{tstr("本报记者 李华 摄")}])])')
            elif kind == "ad":
                out.append(f'#place(top + left, dx: {x:.2f}pt, dy: {y:.2f}pt, image("ad.png", width: {w:.2f}pt, height: {h:.2f}pt, fit: "contain"))')
            else:
                header, _, body = text.partition("\n\n")
                head = dict(line.split(": ", 1) for line in header.splitlines())
                paras = "\n\n".join(f"#{tstr(p)}" for p in body.split("\n\n") if p.strip())
                out.append(f"#place(top + left, dx: {x:.2f}pt, dy: {y:.2f}pt, block(width: {w:.2f}pt, height: {h:.2f}pt, clip: true)[")
                out.append(f'#align(center, text(font: "Noto Sans CJK SC", size: 12pt)[#{tstr(head["kicker"])}])')
                out.append(f'#align(center, text(font: "Noto Sans CJK SC", weight: "bold", size: 26pt, tracking: 1.3pt)[#{tstr(head["headline"])}])')
                out.append(f'#text(font: "LXGW WenKai")[#{tstr(head["byline"])}]')
                out.append(f"#columns({ncol}, gutter: {gut}pt)[")
                out.append(paras)
                out.append("]])")
    return "\n".join(out) + "\n"


def typst_ready():
    prefix = os.environ.get("TYPST_TS_PREFIX", HERE)
    return os.path.isdir(os.path.join(prefix, "node_modules", "@myriaddreamin", "typst-ts-node-compiler"))


def med(v):
    return statistics.median(v) if v else float("nan")


def main(argv):
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 5
    sizes = [int(s) for s in (argv[argv.index("--sizes") + 1] if "--sizes" in argv else "1,24,400").split(",")]
    typst_max = int(argv[argv.index("--typst-max") + 1]) if "--typst-max" in argv else 400
    keep = argv[argv.index("--keep") + 1] if "--keep" in argv else None
    have_typst = typst_ready()
    env = dict(os.environ, LC_ALL="C.UTF-8")
    work = keep or tempfile.mkdtemp(prefix="huozi-typst-")
    print(f"huozi vs Typst 0.14 (typst-ts-node-compiler 0.7.0): medians of {runs} runs (400 pages: "
          f"{min(runs, 3)}), alternating, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    if not have_typst:
        print("Typst not installed: npm install --prefix bench @myriaddreamin/typst-ts-node-compiler@0.7.0")
    print(f"{'pages':>5} {'chars/pg':>8} {'':>6} {'wall s':>7} {'cpu s':>7} {'RSS MB':>7} {'PDF MB':>7}  huozi stages ms (parse fonts shape compose flow draw pdf)")
    for pages in sizes:
        folder = os.path.join(work, f"p{pages}")
        xml, story_pages, per_page = make(folder, pages)
        main_typ = os.path.join(folder, "main.typ")
        open(main_typ, "w", encoding="utf-8").write(typst_source(story_pages, grid(xml)))
        hz_pdf, ty_pdf = os.path.join(folder, "huozi.pdf"), os.path.join(folder, "typst.pdf")
        hz_cmd = [HUOZI, "render", xml, "-o", hz_pdf, "--timings", "-q"]
        ty_cmd = ["node", os.path.join(HERE, "typst-pdf.mjs"), main_typ, ty_pdf] + FONT_DIRS
        use_typst = have_typst and pages <= typst_max
        n = min(runs, 3) if pages >= 100 else runs
        hz, ty = [], []
        for _ in range(n):
            hz.append(edition.run(hz_cmd, env))
            if use_typst:
                ty.append(edition.run(ty_cmd, env))
        stages = {}
        for _, _, _, err in hz:
            m = re.search(r"timings \(ms\): (.*)", err)
            for k, v in re.findall(r"(\w+) ([\d.]+)", m.group(1) if m else ""):
                stages.setdefault(k, []).append(float(v))
        st = " ".join(f"{med(stages.get(k, [])):.0f}" for k in ("parse", "fonts", "shape", "compose", "flow", "draw", "pdf"))
        h = [med([r[i] for r in hz]) for i in range(3)]
        print(f"{pages:>5} {per_page:>8} {'huozi':>6} {h[0]:>7.3f} {h[1]:>7.3f} {h[2]:>7.1f} {os.path.getsize(hz_pdf) / 1e6:>7.2f}  {st}")
        if use_typst:
            t = [med([r[i] for r in ty]) for i in range(3)]
            print(f"{pages:>5} {per_page:>8} {'typst':>6} {t[0]:>7.3f} {t[1]:>7.3f} {t[2]:>7.1f} {os.path.getsize(ty_pdf) / 1e6:>7.2f}")
            print(f"{pages:>5} {'':>8} {'ratio':>6} {h[0] / t[0]:>7.2f} {h[1] / t[1]:>7.2f} {h[2] / t[2]:>7.2f}  (huozi / Typst)")
        sys.stdout.flush()
    print(f"load after: {os.getloadavg()[0]:.2f}")
    if not keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main(sys.argv[1:])
