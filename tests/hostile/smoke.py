"""smoke.py - the fixture edition renders cleanly: the baseline every hostile case departs from."""
import os
from harness import case, expect, check, Snapshot


@case
def fixture_renders(c):
    snap = Snapshot(c.ed)
    r = c.render('-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n',
           stderr='huozi: 2 pages, 2 stories, 0 overset (0 lines), 1144 empty grid cells\n',
           max_s=10, max_mb=512)
    check(c.read('out.pdf').startswith(b'%PDF-'), 'out.pdf is not a PDF')
    snap.unchanged()
