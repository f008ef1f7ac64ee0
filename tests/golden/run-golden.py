#!/usr/bin/env python3
"""run-golden.py - one golden test: a stage dump of a small edition against its expectation.

usage: run-golden.py [--regen] CASE STAGE
       run-golden.py [--regen] --all CASE.STAGE[:known-bug]...   each case given
       run-golden.py --cases CASE.STAGE[:known-bug]...   the list is complete: fails on a
                                                          listed case without CASE.STAGE here
                                                          and on an expectation not listed

Runs `$HUOZI dump STAGE CASE.xml` (CASE.xml in this folder, named by absolute path, from a
fresh temporary working directory; or, when there is no CASE.xml, the page description that
the first line of CASE.edition names relative to the source tree, with --allow-outside: a
sample that reads another sample's files) and compares its standard output, then its standard error,
then a last line `# exit status N`, to the file CASE.STAGE next to it. Absolute paths of the
source tree are written relative to $SOURCE_ROOT, so the expectations do not depend on where
the project is checked out or built. On a mismatch the unified diff is printed and the exit
status is 1. With --regen the expectation is (re)written from the actual output instead.

The cases are listed in golden_cases in meson.build, which passes them to the runner: the
golden-cases test runs --cases with all of them, and `ninja -C build golden-regen` runs
--regen --all with all of them. --all runs (or with --regen rewrites) the cases given; cases
marked :known-bug keep their hand-written expectations and are not rewritten. In --cases, an
expectation is any file of this folder that is not an input (*.xml, *.txt, *.png, *.edition), a script
(*.py) or meson.build.

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
    opts = []
    if not os.path.exists(xml) and os.path.exists(os.path.join(HERE, case + '.edition')):
        with open(os.path.join(HERE, case + '.edition'), encoding='utf-8') as f:
            xml = os.path.join(os.path.abspath(source_root), f.readline().strip())
        opts = ['--allow-outside']
    env = dict(os.environ)
    env.pop('SOURCE_DATE_EPOCH', None)
    with tempfile.TemporaryDirectory(prefix='huozi-golden-') as cwd:
        p = subprocess.run([huozi, 'dump', stage, xml] + opts, cwd=cwd, env=env,
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


def parse_spec(spec):
    """(case, stage, known_bug) of CASE.STAGE[:known-bug]"""
    name, _, flag = spec.partition(':')
    case, dot, stage = name.rpartition('.')
    if not dot or not case or not stage or flag not in ('', 'known-bug'):
        sys.exit('run-golden.py: %r is not CASE.STAGE or CASE.STAGE:known-bug' % spec)
    return case, stage, flag == 'known-bug'


def is_expectation(name):
    return (os.path.isfile(os.path.join(HERE, name)) and name != 'meson.build'
            and not name.startswith('.') and os.path.splitext(name)[1] not in
            ('.xml', '.txt', '.png', '.edition', '.py', '.pyc'))


def check_cases(specs):
    """0 when the listed cases and the expectation files of this folder match one to one"""
    listed = ['%s.%s' % parse_spec(s)[:2] for s in specs]
    problems = []
    for name in sorted(set(listed)):
        if listed.count(name) > 1:
            problems.append('%s is listed %d times' % (name, listed.count(name)))
        if not os.path.isfile(os.path.join(HERE, name)):
            problems.append('%s is listed in meson.build but has no expectation file '
                            '(create it with run-golden.py --regen %s %s)'
                            % ((name,) + tuple(name.rsplit('.', 1))))
        elif not any(os.path.isfile(os.path.join(HERE, name.rsplit('.', 1)[0] + ext))
                     for ext in ('.xml', '.edition')):
            problems.append('%s is listed but has no edition %s.xml'
                            % (name, name.rsplit('.', 1)[0]))
    for name in sorted(n for n in os.listdir(HERE) if is_expectation(n)):
        if name not in listed:
            problems.append('%s is an expectation with no case in golden_cases (meson.build): '
                            'list it, or remove it' % name)
    for p in problems:
        print('FAIL: ' + p)
    if not problems:
        print('ok: %d cases, each with its expectation, and no expectation without a case'
              % len(listed))
    return 1 if problems else 0


def main(argv):
    regen = '--regen' in argv
    args = [a for a in argv if a != '--regen']
    if args[:1] == ['--cases']:
        return check_cases(args[1:])
    if args[:1] == ['--all']:
        status = 0
        for case, stage, known_bug in [parse_spec(s) for s in args[1:]]:
            if known_bug:
                print('%s %s: known bug, expectation written by hand' % (case, stage))
                if not regen:
                    main([case, stage])  # expected to fail: not counted
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
