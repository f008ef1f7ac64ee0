#!/usr/bin/env python3
"""check-sample.py - the sample edition rendered and read back (stdlib + poppler-utils).

usage: check-sample.py MODE [EDITION]  EDITION: samples/edition/edition.xml unless given

       check-sample.py render        render the edition with --report and --strict (exit 0:
                                     no finding) and check the PDF: pages, page size, fonts,
                                     every paragraph's text
       check-sample.py reproducible  two renders, from different working directories and time
                                     zones, give byte-identical PDFs
       check-sample.py kinsoku       no set line of the sample editions (every page description
                                     in the edition's folder) breaks the line-start/line-end rules,
                                     splits —— or ……, or is overfull (`huozi dump lines`)

`render` checks, with pdfinfo, pdffonts and `pdftotext -raw` (Debian package poppler-utils):
  - the page count is the number of <page> elements of the edition;
  - every page is 390 x 543 mm, within 1 pt;
  - every font is embedded, and every CJK font is a Simplified Chinese one: its PostScript
    name (subset prefix dropped) ends in "SC"/"sc" (Noto Sans/Serif CJK SC are
    NotoSansCJKsc-..., NotoSerifCJKsc-...) or names WenKai (LXGW WenKai);
  - every paragraph of every story and notice (header lines excluded) appears in the page text,
    or the story is reported overset in the JSON fit report (stories[].overset_lines > 0).
    Only Han characters and ASCII digits are compared, in order, white space removed: the
    engine turns half-width punctuation full width, and Latin spacing differs. The 下转/上接
    jump lines are removed from the page text, and a paragraph may be split once where its
    story jumps from one page to the next.
Environment (set by tests/meson.build): HUOZI, SOURCE_ROOT, HUOZI_FONTS_CONF, TZ, LC_ALL.
Exit status 0 when everything holds, 1 otherwise (77, skipped, when poppler-utils is missing).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.environ.get('SOURCE_ROOT') or os.path.dirname(os.path.dirname(HERE))
HUOZI = os.environ.get('HUOZI')
EDITION = os.path.join(SOURCE_ROOT, 'samples', 'edition', 'edition.xml')
MM = 72 / 25.4
PAGE_W, PAGE_H = 390 * MM, 543 * MM
HEADER_KEYS = {'rubric', '栏目', 'kicker', '引题', 'headline', '主题', 'subhead', '副题',
               'byline', '署名'}
HAN_OR_DIGIT = re.compile('[0-9\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]')
JUMP_LINE = re.compile('[（(]?(下转|上接)第[0-9]+版[）)]?')

problems = []


def fail(msg):
    problems.append(msg)
    print('FAIL: ' + msg)


def run(args, **kw):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300, **kw)


def han_digits(text):
    return ''.join(HAN_OR_DIGIT.findall(text))


def header_key(line):
    m = re.match(r'^([^\s:：]+)\s*[:：]', line)
    return m.group(1) if m else None


def story_paragraphs(path):
    """The body paragraphs of a story or notice file, as the engine reads them."""
    with open(path, encoding='utf-8-sig') as f:
        lines = [l.rstrip('\r\n') for l in f]
    i = 0
    if lines and header_key(lines[0].strip()) in HEADER_KEYS:
        while i < len(lines) and lines[i].strip():
            i += 1
    paras, cur = [], []
    for line in lines[i:] + ['']:
        s = line.strip()
        if not s:
            if cur:
                paras.append(''.join(cur))
            cur = []
        elif s.startswith('## '):
            if cur:
                paras.append(''.join(cur))
            paras.append(s[3:])
            cur = []
        else:
            cur.append(s)
    return paras


def edition_elements():
    root = ET.parse(EDITION).getroot()
    pages = root.findall('page')
    texts = []  # (kind, id, src) of stories and notices
    for pg in pages:
        for el in pg:
            if el.tag in ('story', 'notice'):
                texts.append((el.tag, el.get('id') or '', el.get('src')))
    return pages, texts


def render(outdir, cwd, edition=None, tz=None, report=True):
    edition = edition or EDITION
    env = dict(os.environ)
    env.pop('SOURCE_DATE_EPOCH', None)
    if tz:
        env['TZ'] = tz
    pdf = os.path.join(outdir, 'edition.pdf')
    args = [HUOZI, 'render', edition, '-o', pdf, '--strict']
    if report:
        args += ['--report', os.path.join(outdir, 'report.json')]
    p = run(args, cwd=cwd, env=env)
    err = p.stderr.decode('utf-8', 'replace')
    sys.stderr.write(err)
    # an edition may list the make-up findings it is known to have (EDITION.makeup: the
    # warning lines, whole); then exactly those, and nothing else, make --strict fail
    known = os.path.splitext(edition)[0] + '.makeup'
    if os.path.exists(os.path.join(cwd or '.', known)) or os.path.exists(known):
        want = open(known if os.path.exists(known) else os.path.join(cwd, known),
                    encoding='utf-8').read().splitlines()
        got = [l for l in err.splitlines() if ': warning: ' in l or ': error: ' in l]
        # the file as named on the command line varies with the working directory
        got = [re.sub(r'^[^:]*/', '', l) for l in got]
        want = [re.sub(r'^[^:]*/', '', l) for l in want]
        if got != want:
            fail('the findings differ from %s:\n%s' % (known, '\n'.join(got)))
        if p.returncode != 1:
            fail('huozi render exited with status %d, expected 1 (--strict, make-up '
                 'findings)' % p.returncode)
    elif p.returncode != 0:
        fail('huozi render exited with status %d' % p.returncode)
    if not os.path.exists(pdf):
        fail('no PDF written')
        return None
    return pdf


def check_pdfinfo(pdf, npages):
    p = run(['pdfinfo', '-f', '1', '-l', str(max(npages, 1)), pdf])
    info = p.stdout.decode('utf-8', 'replace')
    m = re.search(r'^Pages:\s+(\d+)', info, re.M)
    if not m or int(m.group(1)) != npages:
        fail('the PDF has %s pages, the edition %d' % (m.group(1) if m else '?', npages))
    sizes = re.findall(r'^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts', info, re.M)
    if len(sizes) != npages:
        fail('pdfinfo listed %d page sizes for %d pages' % (len(sizes), npages))
    for num, w, h in sizes:
        if abs(float(w) - PAGE_W) > 1 or abs(float(h) - PAGE_H) > 1:
            fail('page %s is %s x %s pt, not 390 x 543 mm (%.2f x %.2f pt)'
                 % (num, w, h, PAGE_W, PAGE_H))
    print('pdfinfo: %d pages, sizes %s' % (npages, sorted({'%s x %s' % (w, h) for _, w, h in sizes})))


def check_pdffonts(pdf):
    out = run(['pdffonts', pdf]).stdout.decode('utf-8', 'replace').splitlines()
    if len(out) < 3:
        fail('pdffonts lists no fonts')
        return
    # columns from the dashes line: name, type, encoding, emb, sub, uni, object ID
    spans = [(m.start(), m.end()) for m in re.finditer(r'-+', out[1])]
    for line in out[2:]:
        cols = [line[a:b + 1].strip() for a, b in spans]
        name, ftype, enc, emb = cols[0], cols[1], cols[2], cols[3]
        base = name.split('+', 1)[-1]
        family = base.split('-', 1)[0]
        cjk = ftype.startswith('CID') or enc.startswith('Identity') or 'CJK' in base or \
            'WenKai' in base
        ok_name = family.upper().endswith('SC') or 'WenKai' in base
        print('font %-36s %-18s %-12s emb=%s%s' % (name, ftype, enc, emb,
                                                   ' CJK' if cjk else ''))
        if emb != 'yes':
            fail('font %s is not embedded' % name)
        if cjk and not ok_name:
            fail('CJK font %s is not a Simplified Chinese (SC) or WenKai face' % name)


def page_texts(pdf, npages):
    pages = []
    for n in range(1, npages + 1):
        p = run(['pdftotext', '-raw', '-enc', 'UTF-8', '-f', str(n), '-l', str(n), pdf, '-'])
        text = JUMP_LINE.sub('', p.stdout.decode('utf-8', 'replace'))
        pages.append(han_digits(text))
    return pages


def found(para, pages):
    """True if para is in the text, whole or split once where a story jumps to the next page."""
    if para in ''.join(pages):
        return True
    for i in range(len(pages) - 1):
        for k in range(1, len(para)):
            if para[:k] in pages[i] and para[k:] in pages[i + 1]:
                return True
    return False


def check_text(pdf, npages, texts, report):
    pages = page_texts(pdf, npages)
    by_file = {}
    for s in report.get('stories', []):
        by_file[os.path.realpath(os.path.join(os.path.dirname(EDITION), s['file']))] = s
    base = os.path.dirname(EDITION)
    nparas = 0
    for kind, sid, src in texts:
        path = os.path.realpath(os.path.join(base, src))
        fit = by_file.get(path)
        if fit is None:
            fail('%s %s (%s) is missing from the fit report' % (kind, sid, src))
            continue
        overset = fit.get('overset_lines', 0) > 0
        missing = []
        for i, para in enumerate(story_paragraphs(path)):
            key = han_digits(para)
            if not key:
                continue
            nparas += 1
            if not found(key, pages):
                missing.append((i + 1, para))
        if missing and overset:
            print('%s %s: %d paragraphs not on the page, reported overset (%d lines)'
                  % (kind, src, len(missing), fit['overset_lines']))
        elif missing:
            for i, para in missing:
                fail('%s %s paragraph %d is not in the PDF text and the story is not overset: %s'
                     % (kind, src, i, para[:40]))
    print('text: %d paragraphs of %d stories and notices checked' % (nparas, len(texts)))


def cmd_render():
    pages, texts = edition_elements()
    with tempfile.TemporaryDirectory(prefix='huozi-sample-') as tmp:
        pdf = render(tmp, cwd=tmp)
        if not pdf:
            return
        try:
            with open(os.path.join(tmp, 'report.json'), encoding='utf-8') as f:
                report = json.load(f)
        except (OSError, ValueError) as e:
            fail('cannot read the fit report: %s' % e)
            report = {}
        check_pdfinfo(pdf, len(pages))
        check_pdffonts(pdf)
        check_text(pdf, len(pages), texts, report)


def cmd_reproducible():
    with tempfile.TemporaryDirectory(prefix='huozi-sample-a-') as a, \
            tempfile.TemporaryDirectory(prefix='huozi-sample-b-') as b:
        pa = render(a, cwd=a, report=False)
        # again from another working directory, naming the edition by a relative path, in
        # another time zone
        pb = render(b, cwd=os.path.join(SOURCE_ROOT, 'samples'),
                    edition=os.path.relpath(EDITION, os.path.join(SOURCE_ROOT, 'samples')),
                    tz='Asia/Shanghai',
                    report=False)
        if not pa or not pb:
            return
        with open(pa, 'rb') as f:
            da = f.read()
        with open(pb, 'rb') as f:
            db = f.read()
        if da != db:
            at = next((i for i in range(min(len(da), len(db))) if da[i] != db[i]),
                      min(len(da), len(db)))
            fail('the two PDFs differ (%d and %d bytes), first at byte %d: %r / %r'
                 % (len(da), len(db), at, da[max(at - 40, 0):at + 40],
                    db[max(at - 40, 0):at + 40]))
        else:
            print('two renders: %d bytes, identical' % len(da))
        left = [n for n in os.listdir(os.path.join(SOURCE_ROOT, 'samples')) if n.endswith('.part')]
        if left:
            fail('temporary files left in samples/: %s' % left)


NO_START = set('、，。．；：？！）》」』】〉”’〕］｝〗〙')
NO_END = set('（《「『【〈“‘〔［｛〖〘')


def sample_editions():
    """every page description in the edition's folder (the main edition and its variants)"""
    folder = os.path.dirname(EDITION)
    found = []
    for name in sorted(os.listdir(folder)):
        if name.endswith('.xml'):
            try:
                if ET.parse(os.path.join(folder, name)).getroot().tag == 'edition':
                    found.append(os.path.join(folder, name))
            except ET.ParseError:
                pass
    return found


def cmd_kinsoku():
    for edition in sample_editions():
        name = os.path.relpath(edition, SOURCE_ROOT)
        p = run([HUOZI, 'dump', 'lines', edition], env=dict(os.environ))
        if p.returncode != 0:
            fail('%s: huozi dump lines exited with status %d' % (name, p.returncode))
        levels = dict(re.findall(r'^  style (\S+) .*? kinsoku=(\w+)',
                                 run([HUOZI, 'dump', 'layout', edition]).stdout.decode('utf-8'),
                                 re.M))
        style, nlines = None, 0
        for line in p.stdout.decode('utf-8').splitlines():
            m = re.match(r'^para \d+ kind=\S+ style=(\S+)', line)
            if m:
                style, prev = m.group(1), ''
                continue
            m = re.match(r'^  line (\d+) \[\d+,\d+\)(.*?) "(.*)"$', line)
            if not m:
                continue
            index, flags, text = int(m.group(1)), m.group(2) + ' ', m.group(3)
            nlines += 1
            before, prev = prev, text
            if not text:
                continue
            where = '%s: %s line %d' % (name, style, index)
            level = levels.get(style, 'strict')
            if level == 'none':
                continue
            if index > 0 and (text[0] in NO_START or (level == 'strict' and text[0] in '—…')):
                fail('%s starts with %s: "%s"' % (where, text[0], text))
            if ' last ' not in flags and text[-1] in NO_END:
                fail('%s ends with %s: "%s"' % (where, text[-1], text))
            if index > 0 and before and before[-1] in '—…' and text[0] == before[-1]:
                fail('%s splits %s%s across lines: "%s" / "%s"'
                     % (where, before[-1], text[0], before, text))
            if 'OVERFULL' in flags or 'FORCED' in flags:
                fail('%s is%s: "%s"' % (where, flags.rstrip(), text))
        print('kinsoku: %s, %d lines checked' % (name, nlines))


def main(argv):
    global EDITION
    if len(argv) not in (1, 2) or argv[0] not in ('render', 'reproducible', 'kinsoku'):
        sys.exit(__doc__)
    if len(argv) == 2:
        EDITION = os.path.join(SOURCE_ROOT, argv[1])
    if not HUOZI:
        sys.exit('check-sample.py: HUOZI is not set (run through meson test)')
    if argv[0] in ('render',) and not all(shutil.which(t) for t in ('pdfinfo', 'pdffonts',
                                                                        'pdftotext')):
        print('SKIP: pdfinfo, pdffonts and pdftotext are needed (apt-get install poppler-utils)')
        return 77
    {'render': cmd_render, 'reproducible': cmd_reproducible, 'kinsoku': cmd_kinsoku}[argv[0]]()
    if problems:
        print('%d problems' % len(problems))
        return 1
    print('ok')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
