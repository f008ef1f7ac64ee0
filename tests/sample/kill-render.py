#!/usr/bin/env python3
"""kill-render.py - a render killed while it writes leaves the previous PDF as it was.

It renders the sample edition over an existing OUT.pdf and kills the process as soon as its
temporary file appears: with SIGKILL the old OUT.pdf must be byte-identical (the half-written
file is a separate *.part file, which SIGKILL cannot clean up); with SIGTERM and SIGINT the
old OUT.pdf must be byte-identical and no *.part file may remain.
"""
import glob, os, shutil, signal, subprocess, sys, tempfile, time

huozi, root = os.environ["HUOZI"], os.environ["SOURCE_ROOT"]
edition = os.path.join(root, "samples", "edition", "edition.xml")


def attempt(sig):
    d = tempfile.mkdtemp(prefix="huozi-kill-")
    out = os.path.join(d, "OUT.pdf")
    old = b"%PDF-1.5\n% the previous edition\n%%EOF\n"
    open(out, "wb").write(old)
    p = subprocess.Popen([huozi, "render", edition, "-o", out], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not glob.glob(out + ".*.part") and p.poll() is None and time.monotonic() < deadline:
        time.sleep(0.0005)
    if p.poll() is not None:
        shutil.rmtree(d)
        return None  # finished before we could kill it: try again
    p.send_signal(sig)
    p.wait()
    ok = open(out, "rb").read() == old
    leftovers = glob.glob(out + ".*.part")
    shutil.rmtree(d)
    if not ok:
        sys.exit(f"FAIL: OUT.pdf changed after {signal.Signals(sig).name}")
    if sig != signal.SIGKILL and leftovers:
        sys.exit(f"FAIL: {signal.Signals(sig).name} left {leftovers}")
    return True


for sig in (signal.SIGKILL, signal.SIGTERM, signal.SIGINT):
    for _ in range(20):
        if attempt(sig):
            print(f"ok: killed with {signal.Signals(sig).name} while writing; OUT.pdf intact")
            break
    else:
        sys.exit(f"FAIL: never caught the render writing (sig {sig})")
