#!/usr/bin/env python3
"""check-errors.py - a sample edition that must fail: its messages compared whole.

usage: check-errors.py [--regen] EDITION EXPECTED

Runs `$HUOZI check EDITION --strict` in $SOURCE_ROOT (EDITION and EXPECTED relative to it) and
compares its standard error, then a last line `# exit status N`, to the file EXPECTED. On a
mismatch the unified diff is printed and the exit status is 1; with --regen EXPECTED is
(re)written from the actual output instead (read the diff before keeping it).

Environment (set by tests/meson.build): HUOZI, SOURCE_ROOT, HUOZI_FONTS_CONF, TZ, LC_ALL.
"""
import difflib
import os
import subprocess
import sys


def main(argv):
    regen = argv[:1] == ['--regen']
    argv = argv[1:] if regen else argv
    huozi, root = os.environ.get('HUOZI'), os.environ.get('SOURCE_ROOT')
    if len(argv) != 2 or not huozi or not root:
        sys.exit(__doc__)
    edition, expected = argv
    p = subprocess.run([huozi, 'check', edition, '--strict'], cwd=root, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=120)
    actual = p.stderr.decode('utf-8', 'replace') + '# exit status %d\n' % p.returncode
    path = os.path.join(root, expected)
    if regen:
        with open(path, 'w', encoding='utf-8') as f:
            f.write(actual)
        print('wrote %s' % expected)
        return 0
    with open(path, encoding='utf-8') as f:
        want = f.read()
    if actual == want:
        print('ok')
        return 0
    sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), actual.splitlines(True),
                                               'expected/' + expected, 'actual/' + expected))
    return 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
