#!/usr/bin/env python3
"""run-lang.py - huozi's messages in each language: a few bad inputs and usage errors, run under
LANG=C.UTF-8 and LANG=zh_CN.UTF-8 (LC_ALL, LC_MESSAGES and LANGUAGE unset, as a desk's shell
has them), each output compared whole with CASE.LANG.txt here.

usage: run-lang.py LANG             LANG: C or zh_CN; every case
       run-lang.py --regen LANG...  rewrite the expected files from what huozi prints now (read
                                    the diff as you would code before committing it)

Each case runs `$HUOZI ARGS...` in a fresh temporary working directory (paths of the source
tree are given absolute and written relative to $SOURCE_ROOT in the output) and checks its exit
status and the stream it names (standard error, or standard output for a help), exactly; the
ABSENT cases only that some words are not in standard error. The
build-tree huozi finds the build's compiled catalogues (build/po) by itself. Exit status 0 when
every case holds, 1 otherwise, with a diff.
"""
import difflib
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.environ['SOURCE_ROOT']
LOCALES = {'C': 'C.UTF-8', 'zh_CN': 'zh_CN.UTF-8'}

# name, arguments (paths relative to the source tree are made absolute), exit status, stream
CASES = [
    ('unknown-attribute', ['render', 'tests/bad/unknown-attribute/edition.xml', '-o', 'OUT.pdf'],
     2, 'stderr'),
    ('story-missing', ['render', 'tests/bad/story-missing/edition.xml', '-o', 'OUT.pdf'], 2,
     'stderr'),
    ('overset-strict', ['render', 'tests/golden/overset.xml', '-o', 'OUT.pdf', '--strict'], 1,
     'stderr'),
    ('usage-error', ['check', 'tests/golden/overset.xml', '-o', 'OUT.pdf'], 2, 'stderr'),
    ('render-help', ['render', '--help'], 0, 'stdout'),
]

# cases whose words come partly from GLib's own catalogue (which a machine may lack): only what
# must never be in standard error is checked. GMarkup's "Error on line N char M: ", in English
# or in GLib's translation, is cut from "malformed XML" (the diagnostic has the position).
ABSENT = [
    ('xml-unclosed', ['render', 'tests/bad/xml-unclosed/edition.xml', '-o', 'OUT.pdf'], 2,
     ['Error on line', '行第', ' char ']),
]


def environment(lang):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith('LC_') and k not in ('LANG', 'LANGUAGE')}
    env['LANG'] = LOCALES[lang]
    return env


def locale_missing(lang):
    """why LANG cannot be tested here, or None"""
    if lang == 'C':
        return None
    have = subprocess.run(['locale', '-a'], capture_output=True, text=True).stdout.split()
    if not any(h.lower().replace('-', '') == 'zh_cn.utf8' for h in have):
        return ('the zh_CN.UTF-8 locale is missing: ./build.sh test generates it '
                '(localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)')
    return None


def run_case(args, lang):
    argv = [os.environ['HUOZI']] + [os.path.join(SRC, a) if a.startswith('tests/') else a
                                    for a in args]
    with tempfile.TemporaryDirectory(prefix='huozi-i18n-') as tmp:
        p = subprocess.run(argv, cwd=tmp, env=environment(lang), capture_output=True)
    out = {'stdout': p.stdout.decode('utf-8'), 'stderr': p.stderr.decode('utf-8')}
    for k in out:
        out[k] = out[k].replace(os.path.realpath(SRC) + os.sep, '').replace(SRC + os.sep, '')
    return p.returncode, out


def expected_path(name, lang):
    return os.path.join(HERE, '%s.%s.txt' % (name, lang))


def main():
    regen = sys.argv[1] == '--regen'
    langs = sys.argv[2:] if regen else sys.argv[1:]
    failed = 0
    for lang in langs:
        why = locale_missing(lang)
        if why:
            print('FAIL %s: %s' % (lang, why))
            return 1
        for name, args, status, stream in CASES:
            got_status, out = run_case(args, lang)
            path = expected_path(name, lang)
            if regen:
                with open(path, 'w', encoding='utf-8', newline='') as f:
                    f.write(out[stream])
                print('wrote %s' % os.path.relpath(path, SRC))
                continue
            with open(path, encoding='utf-8', newline='') as f:
                want = f.read()
            problems = []
            if got_status != status:
                problems.append('exit status %d, expected %d' % (got_status, status))
            if out[stream] != want:
                problems.append('%s differs from %s:\n%s' % (
                    stream, os.path.basename(path), ''.join(difflib.unified_diff(
                        want.splitlines(True), out[stream].splitlines(True), 'expected', 'got'))))
            other = 'stdout' if stream == 'stderr' else 'stderr'
            if out[other]:
                problems.append('unexpected %s: %r' % (other, out[other]))
            if problems:
                failed += 1
                print('FAIL %s (%s): %s' % (name, lang, '\n  '.join(problems)))
            else:
                print('ok   %s (%s)' % (name, lang))
        for name, args, status, absent in ABSENT if not regen else []:
            got_status, out = run_case(args, lang)
            found = [w for w in absent if w in out['stderr']]
            if got_status != status or found or not out['stderr']:
                failed += 1
                print('FAIL %s (%s): exit %d, %r in:\n%s' % (name, lang, got_status, found,
                                                           out['stderr']))
            else:
                print('ok   %s (%s)' % (name, lang))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
