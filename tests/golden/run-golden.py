#!/usr/bin/env python3
"""run-golden.py - one golden test: a stage dump of a small edition against its expectation.

usage: run-golden.py [--regen] CASE STAGE
       run-golden.py [--regen] --all      every case listed in meson.build

Runs `$HUOZI dump STAGE CASE.xml` (CASE.xml in this folder, named by absolute path, from a
fresh temporary working directory) and compares its standard output, then its standard error,
then a last line `# exit status N`, to the file CASE.STAGE next to it. Absolute paths of the
source tree are written relative to $SOURCE_ROOT, so the expectations do not depend on where
the project is checked out or built. On a mismatch the unified diff is printed and the exit
status is 1. With --regen the expectation is (re)written from the actual output instead.

--all runs (or with --regen rewrites) every case of golden_cases in meson.build; cases marked
as known bugs keep their hand-written expectations and are not rewritten.

Environment (set by tests/meson.build): HUOZI, the huozi binary; SOURCE_ROOT, the project
folder; HUOZI_FONTS_CONF, TZ, LC_ALL as for every test.
"""
import difflib
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def relativize(text, roots):
    for root in roots:
        text = text.replace(root + os.sep, '')
        text = text.replace(root, '.')
    return text


def run(case, stage):
    huozi = os.environ.get('HUOZI')
    source_root = os.environ.get('SOURCE_ROOT') or os.path.dirname(os.path.dirname(HERE))
    if not huozi:
        sys.exit('run-golden.py: HUOZI is not set (run through meson test)')
    xml = os.path.join(HERE, case + '.xml')
    env = dict(os.environ)
    env.pop('SOURCE_DATE_EPOCH', None)
    with tempfile.TemporaryDirectory(prefix='huozi-golden-') as cwd:
        p = subprocess.run([huozi, 'dump', stage, xml], cwd=cwd, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        leftovers = os.listdir(cwd)
    out = p.stdout.decode('utf-8', 'replace') + p.stderr.decode('utf-8', 'replace')
    # longest first: the real path of the source tree may be a prefix of the given one or not
    roots = sorted({os.path.abspath(source_root), os.path.realpath(source_root)}, key=len,
                   reverse=True)
    out = relativize(out, roots)
    if out and not out.endswith('\n'):
        out += '\n'
    out += '# exit status %d\n' % p.returncode
    if leftovers:
        out += '# files left in the working directory: %s\n' % ' '.join(sorted(leftovers))
    return out


def listed_cases():
    """[(case, stage, known_bug)] from golden_cases in meson.build"""
    import re
    with open(os.path.join(HERE, 'meson.build'), encoding='utf-8') as f:
        text = f.read()
    return [(c, s, b == 'true') for c, s, b in
            re.findall(r"\['([\w.-]+)', '(\w+)', (true|false)\]", text)]


def main(argv):
    regen = '--regen' in argv
    args = [a for a in argv if a != '--regen']
    if args == ['--all']:
        status = 0
        for case, stage, known_bug in listed_cases():
            if known_bug:
                print('%s %s: known bug, expectation written by hand' % (case, stage))
                if not regen:
                    main([case, stage])
                continue
            status = max(status, main((['--regen'] if regen else []) + [case, stage]))
        return status
    if len(args) != 2:
        sys.exit(__doc__)
    case, stage = args
    actual = run(case, stage)
    expected_file = os.path.join(HERE, '%s.%s' % (case, stage))
    if regen:
        with open(expected_file, 'w', encoding='utf-8', newline='\n') as f:
            f.write(actual)
        print('wrote %s' % os.path.relpath(expected_file))
        return 0
    try:
        with open(expected_file, encoding='utf-8') as f:
            expected = f.read()
    except FileNotFoundError:
        print('%s: no expectation; create it with run-golden.py --regen %s %s'
              % (expected_file, case, stage))
        print(actual, end='')
        return 1
    if actual == expected:
        print('ok: %s %s' % (case, stage))
        return 0
    sys.stdout.writelines(difflib.unified_diff(
        expected.splitlines(True), actual.splitlines(True),
        'expected/%s.%s' % (case, stage), 'actual/%s.%s' % (case, stage)))
    print('\nFAIL: %s %s differs from the expectation; if the change is intended, run\n'
          '  HUOZI=... SOURCE_ROOT=... %s --regen %s %s' % (case, stage, sys.argv[0], case, stage))
    return 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
