#!/usr/bin/env python3
"""workflow.py - the production workflow on the sample edition, one check per argument:
  fit     `huozi fit STORY --layout L` agrees, at the story's span, with the grid lines the story
          takes when placed (depth_lines of the fit report), for every one-frame story
  marks   --marks gives every page a TrimBox inside a BleedBox inside the MediaBox (pdfinfo -box)
  proof   --proof draws its overlay in the PNG proof and --proof-pdf's PDF, never in the -o PDF
          (byte-identical to a render without --proof), and a render without it draws none
  watch   --watch renders again after a story changes, then keeps watching
  threads the stories composed on 2 and 3 threads give the PDF, flow and dlist dumps of 1 thread
  cmyk    --cmyk leaves no RGB colour operator in any page, black as K only, groups in CMYK
  pages   --pages K lays out only page K and the stories on it (the other pages' warnings are
          not given) and writes the same PDF as when the whole edition is laid out (--report),
          on 1 and 2 threads; the report is the whole edition's either way
"""
import json, os, queue, re, shutil, signal, subprocess, sys, tempfile, threading, time, zlib

HUOZI, ROOT = os.environ["HUOZI"], os.environ["SOURCE_ROOT"]
SAMPLE = os.path.join(ROOT, "samples", "edition")
EDITION = os.path.join(SAMPLE, "edition.xml")


def fail(msg):
    sys.exit("FAIL: " + msg)


def check_fit(d):
    rep = os.path.join(d, "fit.json")
    subprocess.run([HUOZI, "check", EDITION, "--report", rep], check=True, capture_output=True)
    report = json.load(open(rep))
    xml = open(EDITION, encoding="utf-8").read()
    checked = 0
    for st in report["stories"]:
        m = re.search(r'<story id="%s" src="([^"]+)" cols="(\d+)(?:-(\d+))?"([^>]*)>' % re.escape(st["id"]), xml)
        if not m or st["frames"] != 1 or st["overset_lines"] or "head=" in m.group(4) or "vertical-head" in m.group(4):
            continue
        # huozi fit sets a story at the layout's default rank (2 in broadsheet.xml)
        rank = re.search(r'rank="(\d+)"', m.group(4))
        if rank and rank.group(1) != "2":
            continue
        span = int(m.group(3) or m.group(2)) - int(m.group(2)) + 1
        out = subprocess.run([HUOZI, "fit", os.path.join(SAMPLE, m.group(1)), "--layout",
                              os.path.join(ROOT, "layouts", "broadsheet.xml")],
                             check=True, capture_output=True, text=True).stdout
        row = re.search(r"^\s*%d\s+(\d+)\s+(\d+)$" % span, out, re.M)
        # the page's module ends flush: what the text needs is its depth less the lines the
        # head group grew by; a paragraph set a line shorter or longer, or space before a
        # heading, changes the need itself (not compared)
        flush = st["flush"]
        if flush["pulled"] or flush["pushed"] or flush["space_lines"]:
            continue
        need = st["depth_lines"] - flush["head_lines"]
        if not row or int(row.group(1)) != need:
            fail(f"{st['id']}: fit says {row and row.group(1)} lines at span {span}, the page needs {need}")
        checked += 1
    if checked < 5:
        fail(f"only {checked} stories compared")
    print(f"ok: huozi fit agrees with the page for {checked} stories")


def check_marks(d):
    pdf = os.path.join(d, "marks.pdf")
    subprocess.run([HUOZI, "render", EDITION, "-o", pdf, "--marks"], check=True, capture_output=True)
    info = subprocess.run(["pdfinfo", "-box", "-f", "1", "-l", "2", pdf], check=True, capture_output=True, text=True).stdout
    boxes = {}
    for kind, a, b, c, e in re.findall(r"Page\s+\d+\s+(\w+):\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", info):
        boxes.setdefault(kind, []).append(tuple(map(float, (a, b, c, e))))
    for page in range(2):
        media, bleed, trim = boxes["MediaBox"][page], boxes["BleedBox"][page], boxes["TrimBox"][page]
        if not (media[0] < bleed[0] < trim[0] and trim[2] < bleed[2] < media[2]):
            fail(f"page {page + 1}: boxes not nested: {media} {bleed} {trim}")
        if abs((trim[2] - trim[0]) - 1105.51) > 0.5:
            fail(f"page {page + 1}: the TrimBox is not the 390 mm page: {trim}")
    print("ok: --marks sets TrimBox inside BleedBox inside MediaBox on every page")


def png_pixels(path):
    return open(path, "rb").read()


def pdf_text(path):
    return subprocess.run(["pdftotext", path, "-"], check=True, capture_output=True, text=True).stdout


def check_proof(d):
    for name, extra in (("plain", ["-o", os.path.join(d, "plain.pdf")]),
                        ("proof", ["--proof", "-o", os.path.join(d, "proof.pdf"),
                                   "--proof-pdf", os.path.join(d, "proof-overlay.pdf")])):
        subprocess.run([HUOZI, "render", EDITION, "--png", os.path.join(d, name), "--dpi", "20"] + extra,
                       check=True, capture_output=True)
    if png_pixels(os.path.join(d, "plain", "page-01.png")) == png_pixels(os.path.join(d, "proof", "page-01.png")):
        fail("the --proof PNG is the same as the plain one")
    # the frame names of the overlay (story ids) are in the proof PDF only, never in -o's
    if "lead" not in pdf_text(os.path.join(d, "proof-overlay.pdf")):
        fail("the --proof-pdf PDF has no frame name of the overlay")
    if "lead" in pdf_text(os.path.join(d, "proof.pdf")):
        fail("the proof overlay leaked into the -o PDF of a --proof render")
    if open(os.path.join(d, "proof.pdf"), "rb").read() != open(os.path.join(d, "plain.pdf"), "rb").read():
        fail("the -o PDF of a --proof render differs from the one without --proof")
    dump = subprocess.run([HUOZI, "dump", "dlist", EDITION], check=True, capture_output=True, text=True).stdout
    if '"lead"' in dump or "+" in "".join(l for l in dump.splitlines() if "行" in l):
        fail("the proof overlay leaked into a render without --proof")
    print("ok: --proof draws its overlay on the PNG proofs and --proof-pdf only, never in -o")


def check_watch(d):
    ed = os.path.join(d, "ed")
    shutil.copytree(SAMPLE, ed)
    p = subprocess.Popen([HUOZI, "render", os.path.join(ed, "edition.xml"), "-o", os.path.join(d, "w.pdf"), "--watch"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines, q = [], queue.Queue()
    # a reader thread, so that a watcher that never prints again fails the test instead of hanging it
    threading.Thread(target=lambda: [q.put(l) for l in p.stderr], daemon=True).start()

    def wait_for(n, limit):
        end = time.monotonic() + limit
        while len(lines) < n:
            try:
                line = q.get(timeout=max(0.01, end - time.monotonic()))
            except queue.Empty:
                return False
            if "rendered in" in line:
                lines.append(line)
        return True

    try:
        if not wait_for(1, 60):
            fail("--watch did not render at start")
        with open(os.path.join(ed, "stories", "park.txt"), "a", encoding="utf-8") as f:
            f.write("\n公园还将增设儿童游乐设施。\n")
        if not wait_for(2, 60):
            fail("--watch did not render again after a story changed")
        if p.poll() is not None:
            fail("--watch stopped after rendering")
    finally:
        p.send_signal(signal.SIGTERM)
        p.wait()
    print("ok: --watch renders again when a story changes")


def content_streams(pdf):
    """the decoded content of every page, in page order (qpdf writes plain objects); a page
    with several content streams (a PDF ad placed after cairo's content) as one"""
    data = open(pdf, "rb").read()
    objs = {int(m.group(1)): m.start() for m in re.finditer(rb"(?m)^(\d+) 0 obj", data)}
    out = []
    for start in sorted(objs.values()):
        head = data[start:data.index(b"endobj", start)].split(b"stream")[0]
        m = re.search(rb"/Contents (\d+ 0 R|\[[^\]]*\])", head)
        if not m or not re.search(rb"/Type /Page(?!s)", head):
            continue
        content = b""
        for ref in re.findall(rb"(\d+) 0 R", m.group(1)):
            begin = data.index(b"stream", objs[int(ref)])
            begin += 7 if data[begin + 6:begin + 7] == b"\n" else 8
            raw = data[begin:data.index(b"endstream", begin)]
            head_ref = data[objs[int(ref)]:begin]
            content += (zlib.decompressobj().decompress(raw) if b"FlateDecode" in head_ref
                        else raw) + b"\n"
        out.append(content)
    return data, out


def check_cmyk(d):
    pdf = os.path.join(d, "cmyk.pdf")
    subprocess.run([HUOZI, "render", EDITION, "-o", pdf, "--cmyk"], check=True, capture_output=True)
    data, pages = content_streams(pdf)
    if len(pages) != 2:
        fail(f"{len(pages)} page content streams found, 2 expected")
    for i, c in enumerate(pages):
        ops = re.sub(rb"\((?:\\.|[^\\)])*\)|<[0-9a-fA-F\s]*>", b" ", c)  # strings out
        if re.search(rb"(?<![\w/])(rg|RG)(?!\w)", ops):
            fail(f"page {i + 1}: an RGB colour operator is left")
        if not re.search(rb"(?<![\w.])0 0 0 1 k(?!\w)", ops):
            fail(f"page {i + 1}: no K-only black fill")
    groups = re.findall(rb"/Group\s*<<(.*?)>>", data, re.S)
    if not groups or any(b"/DeviceRGB" in g for g in groups):
        fail(f"a transparency group is not in CMYK: {groups[:3]}")
    if subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout.count("澄江") < 2:
        fail("the text does not extract from the CMYK PDF")
    print("ok: --cmyk writes every page in DeviceCMYK, black on K only")


def check_threads(d):
    out = {}
    for n in ("1", "2", "3"):
        env = dict(os.environ, HUOZI_THREADS=n)
        pdf = os.path.join(d, f"t{n}.pdf")
        subprocess.run([HUOZI, "render", EDITION, "-o", pdf], check=True, capture_output=True, env=env)
        dump = subprocess.run([HUOZI, "dump", "flow", EDITION], check=True, capture_output=True, env=env).stdout
        dlist = subprocess.run([HUOZI, "dump", "dlist", EDITION], check=True, capture_output=True, env=env).stdout
        out[n] = (open(pdf, "rb").read(), dump, dlist)
    for n in ("2", "3"):
        if out[n][1] != out["1"][1]:
            fail(f"the flow composed on {n} threads differs from one thread's")
        if out[n][2] != out["1"][2]:
            fail(f"the display list composed on {n} threads differs from one thread's")
        if out[n][0] != out["1"][0]:
            fail(f"the PDF composed on {n} threads differs from one thread's")
    print("ok: 1, 2 and 3 composing threads give the same flow, display list and PDF bytes")


def check_pages(d):
    display = os.path.join(ROOT, "samples", "display", "edition.xml")
    for ed, npages in ((EDITION, 2), (display, 3)):
        whole = subprocess.run([HUOZI, "check", ed, "--report", os.path.join(d, "whole.json")],
                               capture_output=True, text=True)
        fewer = False
        for k in range(1, npages + 1):
            for n in ("1", "2"):
                env = dict(os.environ, HUOZI_THREADS=n)
                run = {}
                for how, extra in (("pages", []), ("whole", ["--report", os.path.join(d, "r.json")])):
                    pdf = os.path.join(d, f"{how}.pdf")
                    p = subprocess.run([HUOZI, "render", ed, "--pages", str(k), "-o", pdf,
                                        "--split", os.path.join(d, how)] + extra,
                                       capture_output=True, text=True, env=env)
                    if p.returncode != 0:
                        fail(f"--pages {k} {' '.join(extra)}: exit {p.returncode}\n{p.stderr}")
                    split = [open(os.path.join(d, how, f), "rb").read() for f in sorted(os.listdir(os.path.join(d, how)))]
                    run[how] = (open(pdf, "rb").read(), split, p.stderr)
                    shutil.rmtree(os.path.join(d, how))
                if run["pages"][0] != run["whole"][0] or run["pages"][1] != run["whole"][1]:
                    fail(f"{ed} --pages {k} ({n} threads): the PDF differs from the one laid out "
                         f"with the whole edition")
                if open(os.path.join(d, "r.json")).read() != open(os.path.join(d, "whole.json")).read():
                    fail(f"{ed} --pages {k} --report: not the whole edition's report")
                said = [l for l in run["pages"][2].splitlines() if ": warning: " in l]
                for l in said:
                    if l not in whole.stderr:
                        fail(f"{ed} --pages {k}: a warning the whole edition does not give: {l}")
                fewer = fewer or len(said) < whole.stderr.count(": warning: ")
        if ed == display and not fewer:
            fail(f"{ed}: every --pages run gave every page's warnings: all pages were laid out")
    print("ok: --pages lays out only its pages and writes the PDF of the whole edition's layout")


def main(what):
    d = tempfile.mkdtemp(prefix="huozi-workflow-")
    {"fit": check_fit, "marks": check_marks, "proof": check_proof, "watch": check_watch,
     "cmyk": check_cmyk, "threads": check_threads, "pages": check_pages}[what](d)
    shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1])
