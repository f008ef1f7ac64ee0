#!/usr/bin/env python3
"""check-structure.py - cycles among the C files of a source folder, and headers that declare
functions of another file.

A file A "calls into" B when A's code names a function that B defines (not static). A cycle is a
set of files each reaching the others through that graph (a strongly connected component of
more than one file). A header X.h must declare only functions
defined in X.c.

usage: check-structure.py [--allow GLOB,GLOB...] [--expect N] SRCDIR
--allow: files (glob patterns on the file name) whose cycles among themselves are tolerated,
and whose headers may declare the functions of these files. TEMPORARY: tests/meson.build
passes 'main.c,cmd_*.c,cli.h' for the command line's circle (main.c <-> cmd_*.c), which the
rewrite of the command line over the public API removes; drop it then.

--expect N: the fixtures' test: exit 0 when exactly N problems are found, else 1.

Exit status: 0 when nothing is found, 1 when a cycle or a foreign declaration is, 2 on misuse.
"""
import fnmatch
import os
import re
import sys

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def strip(text):
    """the code without comments, strings and character constants"""
    pat = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)
    return pat.sub(lambda m: "\n" * m.group(0).count("\n") if m.group(0)[0] == "/" else '""', text)


def definitions(code):
    """functions a .c file defines and exports: the name at the start of a line (the return
    type is on its own line), its parameters, then a body; not after a 'static' line"""
    out = set()
    lines = code.split("\n")
    for i, line in enumerate(lines):
        m = re.match(r"(" + IDENT + r")\(", line)
        if not m:
            continue
        prev = lines[i - 1] if i > 0 else ""
        if re.search(r"\bstatic\b", prev) or prev.strip().startswith("#"):
            continue
        rest = "\n".join(lines[i : i + 20])
        close = re.match(r"[^;{]*?\)\s*\{", rest[m.end() - 1 :], re.S)
        if close:
            out.add(m.group(1))
    return out


def statics(code):
    """functions a .c file defines static"""
    return set(re.findall(r"^static[^\n;]*\n(" + IDENT + r")\(", code, re.M))


def declarations(code):
    """functions a header declares: a name followed by a parameter list and ';' at top level"""
    out = set()
    depth = 0
    flat = []
    for ch in code:  # keep only what is outside braces (no struct members, no inline bodies)
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            flat.append(" ")
        elif depth == 0:
            flat.append(ch)
    flat = re.sub(r"^\s*#[^\n]*", "", "".join(flat), flags=re.M)
    for m in re.finditer(r"(?<![\w(*])(" + IDENT + r")\s*\([^;(){}]*(?:\([^()]*\)[^;(){}]*)*\)\s*;", flat):
        out.add(m.group(1))
    return out


def sccs(nodes, edges):
    """strongly connected components (Tarjan), each sorted"""
    index, low, on, stack, comps = {}, {}, set(), [], []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            comps.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return comps


def main(argv):
    allow = []
    expect = None
    args = argv[1:]
    while len(args) >= 2 and args[0] in ("--allow", "--expect"):
        if args[0] == "--allow":
            allow = [p for p in args[1].split(",") if p]
        elif args[1].isdigit():
            expect = int(args[1])
        else:
            args = []
            break
        args = args[2:]
    if len(args) != 1 or not os.path.isdir(args[0]):
        print("usage: check-structure.py [--allow GLOB,GLOB...] [--expect N] SRCDIR", file=sys.stderr)
        return 2
    src = args[0]
    allowed = lambda name: any(fnmatch.fnmatch(name, p) for p in allow)
    code = {}
    for name in sorted(os.listdir(src)):
        if name.endswith((".c", ".h")):
            with open(os.path.join(src, name), encoding="utf-8") as fh:
                code[name] = strip(fh.read())
    owner = {}  # function -> the .c file defining it
    for name, text in code.items():
        if name.endswith(".c"):
            for fn in definitions(text) - {"main"}:  # nobody calls main
                owner[fn] = name
    cfiles = [n for n in code if n.endswith(".c")]
    edges = {}
    for name in cfiles:
        # names, not members (a->main, s.main): a file's own static functions shadow others
        used = set(re.findall(r"(?<![\w.>])(" + IDENT + r")", code[name])) - statics(code[name])
        edges[name] = {owner[w] for w in used if w in owner and owner[w] != name}
    problems = 0
    for comp in sccs(cfiles, edges):
        if len(comp) < 2 or all(allowed(n) for n in comp):
            continue
        problems += 1
        print("cycle: " + " <-> ".join(comp))
        for a in comp:
            for b in sorted(edges[a] & set(comp)):
                print(f"  {a} calls into {b}")
    for name, text in code.items():
        if not name.endswith(".h") or allowed(name):
            continue
        own = name[:-2] + ".c"
        for fn in sorted(declarations(text)):
            if fn in owner and owner[fn] != own and not allowed(owner[fn]):
                problems += 1
                print(f"{name} declares {fn}, defined in {owner[fn]}")
    print(f"{problems} problem(s) among {len(cfiles)} C files of {src}")
    if expect is not None:
        return 0 if problems == expect else 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
