#!/usr/bin/env python3
"""edition.py - the edition benchmark: generate broadsheet editions of 1, 8 and 24 full pages
from the sample stories and measure `huozi render` (wall, CPU, peak RSS, time per stage), one
PDF and --split, against the floors (itemize+shape only; Pango+cairo with no layout).

usage: bench/edition.py [--runs N] [--sizes 1,8,24]   (from the repository root, after a build)
Figures are medians over N runs (default 5). Nothing here is a test: it only measures.
"""
import os, re, shutil, statistics, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build")
HUOZI = os.path.join(BUILD, "src", "huozi")
SAMPLE = os.path.join(ROOT, "samples", "edition")

# one full page: three stories, a photo with its caption, a quarter-page image ad (四分之一版,
# one of the layout's ad sizes) (columns, grid lines, characters)
PAGE = [
    ("story", "1-4", "1-52", 2050),
    ("story", "5-8", "1-38", 1350),
    ("photo", "5-8", "39-52", 0),
    ("story", "1-4", "53-104", 1950),
    ("ad", "5-8", "53-104", 0),
]


def sample_paragraphs():
    paras, heads = [], []
    for name in sorted(os.listdir(os.path.join(SAMPLE, "stories"))):
        text = open(os.path.join(SAMPLE, "stories", name), encoding="utf-8").read()
        header, _, body = text.partition("\n\n")
        for line in header.splitlines():
            m = re.match(r"(headline|主题)\s*[:：]\s*(.+)", line)
            if m:
                heads.append(m.group(2).replace(" ", ""))
        paras += [p.strip() for p in body.split("\n\n") if p.strip() and not p.startswith("##")]
    return paras, heads


def story_text(paras, heads, n, chars):
    out, count, k = [], 0, n * 7
    while count < chars:
        p = paras[k % len(paras)]
        out.append(p)
        count += len(p)
        k += 1
    head = heads[n % len(heads)][:12]
    return f"kicker: 本报综合报道\nheadline: {head}\nbyline: 本报讯（全媒体记者 王娜 通讯员 杨耀华）\n\n" + "\n\n".join(out) + "\n"


def make_edition(folder, pages):
    paras, heads = sample_paragraphs()
    os.makedirs(os.path.join(folder, "stories"), exist_ok=True)
    shutil.copy(os.path.join(SAMPLE, "images", "bridge.jpg"), folder)
    shutil.copy(os.path.join(SAMPLE, "ads", "ad-p2.jpg"), folder)
    xml = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<edition paper="江城日报" date="2026-11-28" issue="第18254期" layout="broadsheet">']
    n, chars = 0, 0
    for p in range(1, pages + 1):
        xml.append(f'  <page folio="{p:02d}" section="要闻" editor="周明">')
        for kind, cols, lines, size in PAGE:
            if kind == "story":
                name = f"s{n:03d}.txt"
                text = story_text(paras, heads, n, size)
                chars += size
                open(os.path.join(folder, "stories", name), "w", encoding="utf-8").write(text)
                xml.append(f'    <story id="s{n}" src="stories/{name}" cols="{cols}" lines="{lines}"/>')
                n += 1
            elif kind == "photo":
                xml.append(f'    <photo src="bridge.jpg" cols="{cols}" lines="{lines}" fit="fill" '
                           f'caption="澄江四桥华灯初上。" credit="本报记者 李华 摄"/>')
            else:
                xml.append(f'    <ad src="ad-p2.jpg" cols="{cols}" lines="{lines}"/>')
        xml.append("  </page>")
    xml.append("</edition>")
    open(os.path.join(folder, "edition.xml"), "w", encoding="utf-8").write("\n".join(xml) + "\n")
    return chars // pages


# The peak RSS of a child as wait4 reports it is at least what this Python process held when it
# forked it (Linux keeps the high-water mark of the memory the child started with, across
# exec): a bench that has built a 400-page edition in memory would add its own 80-90 MB to every
# figure. GNU time, started small, measures only the program it runs (Debian package `time`).
GNU_TIME = "/usr/bin/time"


def run(cmd, env=None):
    """wall s, cpu s, peak RSS MB and stderr of one run"""
    import tempfile
    import time
    rss_file = None
    if os.access(GNU_TIME, os.X_OK):
        fd, rss_file = tempfile.mkstemp(prefix="huozi-rss-")
        os.close(fd)
        cmd = [GNU_TIME, "-f", "%M", "-o", rss_file] + cmd
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    err = p.stderr.read().decode()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    p.stderr.close()
    if status != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err}")
    rss = ru.ru_maxrss / 1024
    if rss_file:
        rss = int(open(rss_file).read().split()[-1]) / 1024
        os.unlink(rss_file)
    return wall, ru.ru_utime + ru.ru_stime, rss, err


def median_run(cmd, runs, env=None):
    results = [run(cmd, env) for _ in range(runs)]
    stages = {}
    for _, _, _, err in results:
        m = re.search(r"timings \(ms\): (.*)", err)
        if m:
            for k, v in re.findall(r"(\w+) ([\d.]+)", m.group(1)):
                stages.setdefault(k, []).append(float(v))
    med = {k: statistics.median(v) for k, v in stages.items()}
    return (statistics.median(r[0] for r in results), statistics.median(r[1] for r in results),
            statistics.median(r[2] for r in results), med)


def main(argv):
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 5
    sizes = [int(s) for s in (argv[argv.index("--sizes") + 1] if "--sizes" in argv else "1,8,24").split(",")]
    # the engine's own choice of fonts.conf (fonts-ttf.conf once build.sh sample converted the
    # faces); the floor uses the same one
    ttf = all(os.path.exists(os.path.join(ROOT, "fonts", "ttf", f)) for f in (
        "NotoSerifCJKsc-Regular.ttf", "NotoSerifCJKsc-Bold.ttf", "NotoSansCJKsc-Regular.ttf",
        "NotoSansCJKsc-Bold.ttf"))
    conf = os.environ.get("HUOZI_FONTS_CONF") or os.path.join(ROOT, "fonts", "fonts-ttf.conf" if ttf else "fonts.conf")
    env = dict(os.environ, HUOZI_FONTS_CONF=conf, LC_ALL="C.UTF-8")  # English timings lines, parsed below
    print(f"fonts: {os.path.relpath(conf, ROOT)}")
    work = tempfile.mkdtemp(prefix="huozi-bench-")
    print(f"huozi edition benchmark: medians of {runs} runs, {os.cpu_count()} cores")
    print(f"{'pages':>5} {'chars/page':>10} {'mode':>6} {'wall s':>7} {'cpu s':>6} {'RSS MB':>7}  stages ms (parse fonts shape compose flow draw pdf)")
    for pages in sizes:
        folder = os.path.join(work, f"ed{pages}")
        per_page = make_edition(folder, pages)
        xml = os.path.join(folder, "edition.xml")
        for mode, extra in (("pdf", ["-o", os.path.join(folder, "out.pdf")]),
                            ("split", ["--split", os.path.join(folder, "split")])):
            wall, cpu, rss, st = median_run([HUOZI, "render", xml, "--timings"] + extra, runs, env)
            stages = " ".join(f"{st.get(k, 0):.0f}" for k in ("parse", "fonts", "shape", "compose", "flow", "draw", "pdf"))
            print(f"{pages:>5} {per_page:>10} {mode:>6} {wall:>7.3f} {cpu:>6.3f} {rss:>7.1f}  {stages}")
        stories = sorted(os.path.join(folder, "stories", f) for f in os.listdir(os.path.join(folder, "stories")))[:3]  # one page's stories
        wall, cpu, rss, _ = median_run([os.path.join(BUILD, "bench", "floor-bench"), os.path.join(folder, "floor.pdf"), str(pages)] + stories, runs, env)
        print(f"{pages:>5} {per_page:>10} {'floor':>6} {wall:>7.3f} {cpu:>6.3f} {rss:>7.1f}  (Pango layout + cairo PDF of the same text, no huozi layout)")
    wall, _, _, _ = run([os.path.join(BUILD, "bench", "compose-bench"), ROOT], env)
    out = subprocess.run([os.path.join(BUILD, "bench", "compose-bench"), ROOT], env=env, capture_output=True, text=True).stdout
    print("composer on 100,000 characters (itemize+shape floor vs shape+space+break):")
    print("  " + out.strip().replace("\n", "\n  "))
    shutil.rmtree(work)


if __name__ == "__main__":
    main(sys.argv[1:])
