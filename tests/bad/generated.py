#!/usr/bin/env python3
"""generated.py - hostile inputs too big to keep in the repository, made at test time.

usage: generated.py [--regen] CASE...   with CASE one of the cases below

Each case checks the exit status and that no PDF is written (or that one is, for
paragraph-60k), then compares the whole standard error, with the temporary folder written as
TMP, to generated/CASE.txt (golden, as tests/bad/run-bad.py does). --regen rewrites
generated/CASE.txt from what huozi prints now; read the diff before committing it.

  story-10mb       a 10 MB story: refused (exit 2) with the file and the limit named, no output
  pages-401        401 pages: refused (exit 2), the limit named
  paragraph-1mb    a 1 MB paragraph with no break opportunity: refused (exit 2), the story
                   file, the paragraph's line and the limit named
  paragraph-60k    a 60,000-character paragraph with no break opportunity, under the limit:
                   laid out (exit 0) with forced breaks and overset reported, in bounded
                   time (meson's timeout) and memory
  glyph-too-wide   a headline glyph wider than its one-column module: refused (exit 2), the
                   story file and line named, nothing written
  xml-200k-tags    200,000 elements (2.2 MB): refused (exit 2) after a linear read; the reader
                   once located tags from the top of the file, which made this take hours
                   (meson's timeout catches such a hang; nothing here is timed)
"""
import difflib, os, resource, shutil, subprocess, sys, tempfile

HUOZI = os.environ["HUOZI"]
EDITION = """<?xml version="1.0" encoding="UTF-8"?>
<edition paper="江城日报" date="2026-11-28" layout="broadsheet">
{pages}
</edition>
"""


HERE = os.path.dirname(os.path.abspath(__file__))


def run(folder, xml, *extra):
    open(os.path.join(folder, "edition.xml"), "w", encoding="utf-8").write(xml)
    out = os.path.join(folder, "OUT.pdf")
    p = subprocess.run([HUOZI, "render", os.path.join(folder, "edition.xml"), "-o", out, *extra],
                       capture_output=True, text=True, timeout=120)
    err = p.stderr
    for root in sorted({folder, os.path.realpath(folder)}, key=len, reverse=True):
        err = err.replace(root, "TMP")
    return p.returncode, err, os.path.exists(out)


def expect(cond, what, err=""):
    if not cond:
        sys.exit(f"FAIL: {what}\n{err[-2000:]}")


def main(argv):
    regen = "--regen" in argv
    cases = [a for a in argv if a != "--regen"]
    if not cases:
        sys.exit(__doc__)
    return max(one(case, regen) for case in cases)


def one(case, regen):
    d = tempfile.mkdtemp(prefix="huozi-gen-")
    try:
        err = make_and_run(case, d)
    finally:
        shutil.rmtree(d)
    golden = os.path.join(HERE, "generated", case + ".txt")
    if regen:
        os.makedirs(os.path.dirname(golden), exist_ok=True)
        with open(golden, "w", encoding="utf-8", newline="\n") as f:
            f.write(err)
        print(f"wrote tests/bad/generated/{case}.txt")
        return 0
    try:
        with open(golden, encoding="utf-8", newline="") as f:
            expected = f.read()
    except FileNotFoundError:
        print(f"FAIL: {case}: no tests/bad/generated/{case}.txt; standard error was:\n{err}"
              f"create it with generated.py --regen {case} and read it")
        return 1
    if err != expected:
        print(f"FAIL: {case}: standard error differs from tests/bad/generated/{case}.txt:")
        sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), err.splitlines(True),
                                                   "expected", "actual"))
        print(f"if the new message is right: generated.py --regen {case}")
        return 1
    print(f"ok: {case}")
    return 0


def make_and_run(case, d):
    story = '<page folio="01"><story id="a" src="s.txt" cols="1-2" lines="1-104"/></page>'
    if case == "story-10mb":
        open(os.path.join(d, "s.txt"), "w", encoding="utf-8").write("headline: 大\n\n" + "正文。" * 1200000)
        rc, err, wrote = run(d, EDITION.format(pages=story))
        expect(rc == 2 and not wrote, "a 10 MB story must be refused with exit 2", err)
    elif case == "pages-401":
        pages = "\n".join(f'<page folio="{i % 1000:03d}"/>' for i in range(1, 402))
        rc, err, wrote = run(d, EDITION.format(pages=pages))
        expect(rc == 2 and not wrote, "401 pages must be refused with exit 2", err)
    elif case == "paragraph-1mb":
        open(os.path.join(d, "s.txt"), "w", encoding="utf-8").write("headline: 长段\n\n" + "A" * 1000000 + "\n")
        rc, err, wrote = run(d, EDITION.format(pages=story))
        expect(rc == 2 and not wrote, "a 1 MB paragraph must be refused with exit 2", err)
    elif case == "paragraph-60k":
        open(os.path.join(d, "s.txt"), "w", encoding="utf-8").write("headline: 长段\n\n" + "A" * 60000 + "\n")
        rc, err, wrote = run(d, EDITION.format(pages=story))
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        expect(rc == 0 and wrote, "a 60,000-character paragraph is laid out (forced breaks), exit 0", err)
        expect(rss < 1500, f"memory stays proportional to the input ({rss:.0f} MB)", err)
    elif case == "glyph-too-wide":
        open(os.path.join(d, "s.txt"), "w", encoding="utf-8").write("headline: 大\n\n正文。\n")
        layout = open(os.path.join(os.environ["SOURCE_ROOT"], "layouts", "broadsheet.xml"), encoding="utf-8").read()
        layout = layout.replace('size="一号" lines="3"', 'size="400pt" lines="40"')
        open(os.path.join(d, "layout.xml"), "w", encoding="utf-8").write(layout)
        xml = EDITION.format(pages='<page folio="01"><story id="a" src="s.txt" cols="1" lines="1-104"/></page>')
        rc, err, wrote = run(d, xml.replace('layout="broadsheet"', 'layout="layout.xml"'))
        expect(rc == 2 and not wrote, "a glyph wider than its column must be refused with exit 2", err)
    elif case == "xml-200k-tags":
        body = "".join('<x a="1"/>\n' for _ in range(200000))
        rc, err, wrote = run(d, EDITION.format(pages=f'<page folio="01">\n{body}</page>'))
        expect(rc == 2 and not wrote, "200,000 elements on a page are refused", err)
    else:
        sys.exit(__doc__)
    return err


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
