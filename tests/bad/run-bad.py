#!/usr/bin/env python3
"""run-bad.py - one bad-input test: huozi must refuse the input, say where, and write nothing.

usage: run-bad.py CASE            render tests/bad/CASE/edition.xml
       run-bad.py --preserve CASE  the same over an existing OUT.pdf, which must stay as it was

Runs `$HUOZI render CASE/edition.xml -o OUT.pdf` (the edition named by absolute path) in a
fresh temporary working directory and checks that
  - the exit status is 2 (bad input) and nothing is printed on standard output;
  - standard error, with the absolute path of the source tree written relative to
    $SOURCE_ROOT, contains every line of CASE/expected.txt: a line is a literal text
    (normally the whole `FILE:LINE:COL: error: MESSAGE` start of a diagnostic), `re:REGEX` a
    regular expression searched line by line, `#` starts a comment;
  - standard error holds no GLib criticals or warnings;
  - no OUT.pdf and no temporary *.part file is left, neither in the working directory nor in
    the case folder; with --preserve, OUT.pdf exists before the run and is byte-identical
    (same size, same contents) after it.
Exit status 0 when all hold, 1 otherwise, with the reasons.
"""
import hashlib
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
EXISTING = b'%PDF-1.4\n% an earlier edition that a failing run must not touch\n' + bytes(range(256)) * 16


def relativize(text, source_root):
    for root in sorted({os.path.abspath(source_root), os.path.realpath(source_root)}, key=len,
                       reverse=True):
        text = text.replace(root + os.sep, '')
    return text


def expectations(case_dir):
    with open(os.path.join(case_dir, 'expected.txt'), encoding='utf-8') as f:
        lines = [l.rstrip('\n') for l in f]
    return [l for l in lines if l.strip() and not l.startswith('#')]


def leftovers(folder):
    found = []
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            if '.part' in name or name == 'OUT.pdf':
                found.append(os.path.relpath(os.path.join(dirpath, name), folder))
    return sorted(found)


def main(argv):
    preserve = '--preserve' in argv
    args = [a for a in argv if a != '--preserve']
    if len(args) != 1:
        sys.exit(__doc__)
    case = args[0]
    huozi = os.environ.get('HUOZI')
    source_root = os.environ.get('SOURCE_ROOT') or os.path.dirname(os.path.dirname(HERE))
    if not huozi:
        sys.exit('run-bad.py: HUOZI is not set (run through meson test)')
    case_dir = os.path.join(HERE, case)
    edition = os.path.join(case_dir, 'edition.xml')
    expected = expectations(case_dir)
    problems = []
    env = dict(os.environ)

    before_case = set(leftovers(case_dir))
    with tempfile.TemporaryDirectory(prefix='huozi-bad-') as cwd:
        out_pdf = os.path.join(cwd, 'OUT.pdf')
        if preserve:
            with open(out_pdf, 'wb') as f:
                f.write(EXISTING)
            os.utime(out_pdf, (1000000000, 1000000000))
        p = subprocess.run([huozi, 'render', edition, '-o', 'OUT.pdf'], cwd=cwd, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        stdout = p.stdout.decode('utf-8', 'replace')
        stderr = relativize(p.stderr.decode('utf-8', 'replace'), source_root)
        if preserve:
            if not os.path.exists(out_pdf):
                problems.append('the existing OUT.pdf was removed')
            else:
                with open(out_pdf, 'rb') as f:
                    now = f.read()
                if now != EXISTING:
                    problems.append('the existing OUT.pdf was changed (%d bytes, sha256 %s)'
                                    % (len(now), hashlib.sha256(now).hexdigest()[:16]))
                if os.stat(out_pdf).st_mtime != 1000000000:
                    problems.append('the existing OUT.pdf was rewritten (its mtime changed)')
            left = [f for f in leftovers(cwd) if f != 'OUT.pdf']
        else:
            left = leftovers(cwd)
        if left:
            problems.append('files left in the working directory: %s' % ', '.join(left))
    new_in_case = sorted(set(leftovers(case_dir)) - before_case)
    if new_in_case:
        problems.append('files left in the case folder: %s' % ', '.join(new_in_case))
    if p.returncode != 2:
        problems.append('exit status %d, expected 2 (bad input)' % p.returncode)
    if stdout:
        problems.append('unexpected standard output: %r' % stdout)
    for e in expected:
        if e.startswith('re:'):
            if not re.search(e[3:], stderr, re.M):
                problems.append('no line of standard error matches %r' % e[3:])
        elif e not in stderr:
            problems.append('standard error lacks %r' % e)
    for bad in ('CRITICAL', 'GLib-WARNING', 'Gtk-WARNING', 'Pango-WARNING', 'assertion',
                'AddressSanitizer', 'runtime error'):
        if bad in stderr:
            problems.append('standard error contains %r' % bad)
    print('$ huozi render %s -o OUT.pdf%s' % (os.path.relpath(edition, source_root),
                                              '   (over an existing OUT.pdf)' if preserve else ''))
    print('exit status %d; standard error:' % p.returncode)
    print(stderr, end='' if stderr.endswith('\n') or not stderr else '\n')
    if problems:
        print('FAIL: %s' % case)
        for pr in problems:
            print('  - ' + pr)
        return 1
    print('ok: %s' % case)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
