#!/usr/bin/env python3
"""run-bad.py - one bad-input test: huozi must refuse the input, say where, and write nothing.

usage: run-bad.py CASE            render tests/bad/CASE/edition.xml
       run-bad.py --preserve CASE  the same over an existing OUT.pdf, which must stay as it was
       run-bad.py --regen CASE...  rewrite CASE/expected.txt from what huozi prints now (read
                                   the diff as you would code before committing it)
       run-bad.py --cases CASE... --generated NAME...
                                   the lists of meson.build are complete: every folder here is
                                   a listed case with its edition.xml and expected.txt, and
                                   every generated/NAME.txt a listed generated case, and back

Runs `$HUOZI render CASE/edition.xml -o OUT.pdf` (the edition named by absolute path) in a
fresh temporary working directory, with the options of CASE/args (one a line, e.g. --press) if
that file exists, and checks that
  - the exit status is 2 (bad input) and nothing is printed on standard output;
  - standard error, with the absolute path of the source tree written relative to
    $SOURCE_ROOT, is exactly CASE/expected.txt (golden, compared whole: every diagnostic,
    note and hint, in order, and nothing else) after the comment lines at its top (lines
    starting with `#`, which say what the case is; --regen keeps them);
  - standard error holds no GLib criticals or warnings;
  - no OUT.pdf and no temporary *.part file is left, neither in the working directory nor in
    the case folder; with --preserve, OUT.pdf exists before the run and is byte-identical
    (same size, same contents) after it.
Exit status 0 when all hold, 1 otherwise, with the reasons.
"""
import difflib
import hashlib
import os
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


def split_expected(case_dir):
    """(comment lines at the top, the exact standard error expected) of CASE/expected.txt"""
    with open(os.path.join(case_dir, 'expected.txt'), encoding='utf-8', newline='') as f:
        lines = f.read().splitlines(True)
    n = 0
    while n < len(lines) and lines[n].startswith('#'):
        n += 1
    return ''.join(lines[:n]), ''.join(lines[n:])


def case_args(case_dir):
    """the options of CASE/args, one a line (none without the file)"""
    path = os.path.join(case_dir, 'args')
    if not os.path.exists(path):
        return []
    with open(path, encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip()]


def leftovers(folder):
    found = []
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            if '.part' in name or name == 'OUT.pdf':
                found.append(os.path.relpath(os.path.join(dirpath, name), folder))
    return sorted(found)


def check_cases(argv):
    """0 when the cases listed in meson.build and the folders here match one to one"""
    split = argv.index('--generated') if '--generated' in argv else len(argv)
    cases, generated = argv[:split], argv[split + 1:]
    problems = []
    folders = sorted(d for d in os.listdir(HERE) if os.path.isdir(os.path.join(HERE, d))
                     and d not in ('generated', '__pycache__'))
    for c in cases:
        for f in ('edition.xml', 'expected.txt'):
            if not os.path.isfile(os.path.join(HERE, c, f)):
                problems.append('case %s has no %s' % (c, f))
    for d in folders:
        if d not in cases:
            problems.append('folder %s is not a case of bad_cases or bad_known_bugs '
                            '(meson.build): list it, or remove it' % d)
    kept = sorted(f[:-4] for f in os.listdir(os.path.join(HERE, 'generated')) if f.endswith('.txt'))
    for g in generated:
        if g not in kept:
            problems.append('generated case %s has no generated/%s.txt' % (g, g))
    for g in kept:
        if g not in generated:
            problems.append('generated/%s.txt belongs to no generated case of meson.build' % g)
    for p in problems:
        print('FAIL: ' + p)
    if not problems:
        print('ok: %d cases and %d generated cases, each with its expectation'
              % (len(cases), len(generated)))
    return 1 if problems else 0


def main(argv):
    if argv[:1] == ['--cases']:
        return check_cases(argv[1:])
    preserve = '--preserve' in argv
    regen = '--regen' in argv
    args = [a for a in argv if a not in ('--preserve', '--regen')]
    if regen and not preserve and args:
        return max(run_case(case, False, True) for case in args)
    if len(args) != 1 or regen:
        sys.exit(__doc__)
    return run_case(args[0], preserve, False)


def run_case(case, preserve, regen):
    huozi = os.environ.get('HUOZI')
    source_root = os.environ.get('SOURCE_ROOT') or os.path.dirname(os.path.dirname(HERE))
    if not huozi:
        sys.exit('run-bad.py: HUOZI is not set (run through meson test)')
    case_dir = os.path.join(HERE, case)
    edition = os.path.join(case_dir, 'edition.xml')
    comment, expected = split_expected(case_dir)
    problems = []
    env = dict(os.environ)

    before_case = set(leftovers(case_dir))
    with tempfile.TemporaryDirectory(prefix='huozi-bad-') as cwd:
        out_pdf = os.path.join(cwd, 'OUT.pdf')
        if preserve:
            with open(out_pdf, 'wb') as f:
                f.write(EXISTING)
            os.utime(out_pdf, (1000000000, 1000000000))
        p = subprocess.run([huozi, 'render', edition, '-o', 'OUT.pdf'] + case_args(case_dir),
                           cwd=cwd, env=env,
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
    if regen:
        with open(os.path.join(case_dir, 'expected.txt'), 'w', encoding='utf-8',
                  newline='\n') as f:
            f.write(comment + stderr)
        print('wrote %s' % os.path.relpath(os.path.join(case_dir, 'expected.txt'), source_root))
    elif stderr != expected:
        problems.append('standard error differs from %s/expected.txt (- expected, + actual):'
                        % case)
        problems.extend('    ' + l.rstrip('\n') for l in difflib.unified_diff(
            expected.splitlines(True), stderr.splitlines(True), 'expected', 'actual', n=1))
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
            print(pr if pr.startswith('    ') else '  - ' + pr)
        if not regen and any(pr.startswith('standard error differs') for pr in problems):
            print('if the new message is right, rewrite the expectation with\n'
                  '  HUOZI=build/src/huozi SOURCE_ROOT=$PWD HUOZI_FONTS_CONF=$PWD/fonts/fonts.conf'
                  ' \\\n    python3 tests/bad/run-bad.py --regen %s' % case)
        return 1
    print('ok: %s' % case)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
