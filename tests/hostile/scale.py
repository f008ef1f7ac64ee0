"""scale.py - every documented limit at its maximum and just over it, the pathological stories,
and story line ends, tabs and byte-order marks.

Each scale case builds its worst case here (nothing large is committed) and asserts the exit
status, the whole message and the memory budget of docs/safety.md, <= 512 MB peak RSS; the time
budget, <= 10 s, is printed when passed and asserted only under HUOZI_TIME_BUDGET=1 (harness.py:
tests have no timed assertions). The child's address space is capped (VM_MB) so that a runaway fails the case instead of taking
the machine; the time limit (TIMEOUT) is three times the budget."""
import os
from harness import case, expect, check, Snapshot, heavy

BUDGET = dict(max_s=10, max_mb=512)
VM_MB = 4096
TIMEOUT = 30
STORY_MAX = 4 * 1024 * 1024
PARAS_MAX = 50000
CHARS_MAX = 4 * 1024 * 1024

# a paragraph of ordinary Chinese news text, 120 characters
TEXT = ('11月27日10:00，随着最后一节钢箱梁精准就位，江城长江三桥主桥顺利合龙，标志着大桥建设进入桥面'
        '施工阶段。三桥全长4.13公里，主跨560米，采用双向8车道设计。大桥建成后，从江南新区到江北高铁站'
        '的车程将由40分钟缩短至15分钟左右。')


def run(c, *args, **kw):
    return c.run(*args, timeout=TIMEOUT, max_vm_mb=VM_MB, **kw)


def render(c, *args):
    return c.render(*args, timeout=TIMEOUT, max_vm_mb=VM_MB)


def text_of(chars):
    return (TEXT * (chars // len(TEXT) + 1))[:chars]


def refused(c, res, stderr):
    """exit 2 with exactly this message, within budget, nothing written"""
    expect(res, 2, stderr=stderr, stdout='', **BUDGET)
    check(not os.path.exists(c.path('out.pdf')), 'out.pdf was written')


def edition(c, pages, layout='layout.xml'):
    """write ed/edition.xml with these <page> bodies (a list of strings), on the fixture's
    layout (underset tolerated: the stories fill no page)"""
    body = ''.join(f'  <page folio="{i + 1:02d}">\n{p}  </page>\n' for i, p in enumerate(pages))
    c.write('ed/edition.xml', '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<edition paper="江城日报" date="2026-11-28" layout="{layout}">\n{body}</edition>\n')


# ---- stories: bytes, paragraphs, characters ----

@case
def story_4mb_of_tiny_paragraphs_refused_fast(c):
    """issue 10 class 6: 1.4 million one-character paragraphs took 10 s and 1.7 GB"""
    c.write('ed/stories/a.txt', 'a\n\n' * (STORY_MAX // 3))
    snap = Snapshot(c.ed)
    r = render(c, '-o', 'out.pdf')
    refused(c, r, [
        'ed/edition.xml:5:5: error: ed/stories/a.txt brings the edition\'s stories to 1398101 '
        'paragraphs, more than the 50000 an edition may have',
        '  hint: a paragraph ends at a blank line: join the lines of a listing or table into '
        'fewer paragraphs, or split the edition'])
    snap.unchanged()


@case
def two_stories_of_tiny_paragraphs_refused_fast(c):
    """two such stories (3.4 GB before): the first one already passes the limit"""
    c.write('ed/stories/a.txt', 'a\n\n' * (STORY_MAX // 3))
    c.write('ed/stories/b.txt', 'b\n\n' * (STORY_MAX // 3))
    snap = Snapshot(c.ed)
    r = render(c, '-o', 'out.pdf')
    refused(c, r, [
        'ed/edition.xml:5:5: error: ed/stories/a.txt brings the edition\'s stories to 1398101 '
        'paragraphs, more than the 50000 an edition may have',
        '  hint: a paragraph ends at a blank line: join the lines of a listing or table into '
        'fewer paragraphs, or split the edition'])
    snap.unchanged()


@case
def story_files_one_byte_over_8mb_refused(c):
    """two 4 MB stories are the most an edition holds: a third story of 4 bytes is refused at
    its element, before it is composed"""
    big_story(c, 'a', TEXT)
    big_story(c, 'b', TEXT)
    c.write('ed/stories/c.txt', '丙\n')
    xml = c.read('ed/edition.xml').decode()
    b = '<story id="b" src="stories/b.txt" cols="1-4" lines="1-40"/>\n'
    check(b in xml, 'the fixture names b.txt')
    c.write('ed/edition.xml', xml.replace(
        b, b + '    <story id="c" src="stories/c.txt" cols="5-8" lines="1-10"/>\n'))
    snap = Snapshot(c.ed)
    r = render(c, '-o', 'out.pdf')
    refused(c, r, [
        'ed/edition.xml:11:5: error: ed/stories/c.txt brings the edition\'s story and notice '
        'files to 8388612 bytes, more than the 8388608 an edition may have',
        '  hint: cut the stories, or split the edition'])
    snap.unchanged()


@case
def many_stories_over_8mb_refused_fast(c):
    """one story file named by 400 stories: read once each until the edition passes 8 MB, then
    no more (the first error is the one that matters)"""
    big_story(c, 't', TEXT)
    edition(c, [f'    <story id="s{p}" src="stories/t.txt" cols="1-8" lines="1-90"/>\n'
                for p in range(400)])
    snap = Snapshot(c.ed)
    r = render(c, '-o', 'out.pdf')
    refused(c, r, [
        'ed/edition.xml:10:5: error: ed/stories/t.txt brings the edition\'s story and notice '
        'files to 12582912 bytes, more than the 8388608 an edition may have',
        '  hint: cut the stories, or split the edition'])
    snap.unchanged()


def paragraphs(c, n_a):
    """story a: n_a one-character paragraphs; story b: one paragraph"""
    c.write('ed/stories/a.txt', '甲\n\n' * n_a)
    c.write('ed/stories/b.txt', '乙\n')


@case
def paragraphs_at_the_edition_limit_render(c):
    """50,000 paragraphs in all: composed (mostly overset) within budget"""
    paragraphs(c, PARAS_MAX - 1)
    r = render(c, '-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n', stderr=[
        'ed/edition.xml:5:5: error: overset: story a does not fit: 49839 lines (49839 '
        'characters) left over, from "甲"',
        '  hint: enlarge the module, add a jump frame, or cut the story',
        'huozi: 2 pages, 2 stories, 1 overset (49839 lines), 1144 empty grid cells'], **BUDGET)
    check(c.read('out.pdf').startswith(b'%PDF-'), 'out.pdf is not a PDF')


@case
def paragraphs_one_over_the_edition_limit_refused(c):
    """100,001: the story that brings the edition over is named at its element"""
    paragraphs(c, PARAS_MAX)
    snap = Snapshot(c.ed)
    r = render(c, '-o', 'out.pdf')
    refused(c, r, [
        'ed/edition.xml:10:5: error: ed/stories/b.txt brings the edition\'s stories to 50001 '
        'paragraphs, more than the 50000 an edition may have',
        '  hint: a paragraph ends at a blank line: join the lines of a listing or table into '
        'fewer paragraphs, or split the edition'])
    snap.unchanged()


def big_story(c, name, para):
    """a story file of exactly 4 MB: paragraphs `para` separated by blank lines"""
    unit = para + '\n\n'
    n = STORY_MAX // len(unit.encode())
    data = (unit * n).encode()
    c.write(f'ed/stories/{name}.txt', data + b'\n' * (STORY_MAX - len(data)))


@case
@heavy
def two_4mb_chinese_stories_render(c):
    """two 4 MB stories of ordinary paragraphs (2.8 million characters) in one edition"""
    big_story(c, 'a', TEXT)
    big_story(c, 'b', TEXT)
    r = render(c, '-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n', stderr=[
        'ed/edition.xml:5:5: error: overset: story a does not fit: 118920 lines (1572383 '
        'characters) left over, from "大桥建成后，从江南新区到江北高铁"',
        '  hint: enlarge the module, add a jump frame, or cut the story',
        'ed/edition.xml:10:5: error: overset: story b does not fit: 118920 lines (1572383 '
        'characters) left over, from "大桥建成后，从江南新区到江北高铁"',
        '  hint: enlarge the module, add a jump frame, or cut the story',
        'huozi: 2 pages, 2 stories, 2 overset (237840 lines), 1144 empty grid cells'], **BUDGET)


LATIN = ' '.join(['word'] * 12000)   # 59,999 characters


def latin_story(c, name):
    """a 4 MB story of Latin words; returns its characters"""
    big_story(c, name, LATIN)
    return (STORY_MAX // (len(LATIN) + 2)) * len(LATIN)


def chars_in_b(c, n):
    """story b: n characters in paragraphs of at most 60,000"""
    paras = [text_of(min(60000, n - k)) for k in range(0, n, 60000)]
    c.write('ed/stories/b.txt', '\n\n'.join(paras) + '\n')


@case
@heavy
def story_chars_at_the_edition_limit_render(c):
    """4,194,304 characters in all: a 4 MB story of Latin words and a Chinese one, overset"""
    n = latin_story(c, 'a')
    chars_in_b(c, CHARS_MAX - n)
    r = render(c, '-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n', **BUDGET)
    check(r.stderr.endswith('huozi: 2 pages, 2 stories, 2 overset (210565 lines), '
                            '1144 empty grid cells\n'), 'summary line: ' + r.stderr[-300:])


@case
def story_chars_one_over_the_edition_limit_refused(c):
    n = latin_story(c, 'a')
    chars_in_b(c, CHARS_MAX - n + 1)
    snap = Snapshot(c.ed)
    r = render(c, '-o', 'out.pdf')
    refused(c, r, [
        'ed/edition.xml:10:5: error: ed/stories/b.txt brings the characters of the edition\'s '
        'stories to 4194305, more than the 4194304 an edition may have',
        '  hint: cut the stories, or split the edition'])
    snap.unchanged()


@case
def two_4mb_latin_stories_refused(c):
    """two 4 MB stories of Latin words are 8.4 million characters (891 MB before): refused at
    the second"""
    latin_story(c, 'a')
    latin_story(c, 'b')
    snap = Snapshot(c.ed)
    r = render(c, '-o', 'out.pdf')
    refused(c, r, [
        'ed/edition.xml:10:5: error: ed/stories/b.txt brings the characters of the edition\'s '
        'stories to 8279862, more than the 4194304 an edition may have',
        '  hint: cut the stories, or split the edition'])
    snap.unchanged()


@case
def story_one_byte_over_4mb_refused(c):
    """guards: the story size limit (already refused before this work)"""
    c.write('ed/stories/a.txt', b'a' * (STORY_MAX + 1))
    snap = Snapshot(c.ed)
    r = render(c, '-o', 'out.pdf')
    expect(r, 2, stdout='', stderr=[
        f'ed/stories/a.txt: error: file too large: {STORY_MAX + 1} bytes (limit 4 MB)',
        '  hint: split the file or check that it is the right one',
        'ed/edition.xml:5:23: note: the file is named here'], **BUDGET)
    check(not os.path.exists(c.path('out.pdf')), 'out.pdf was written')
    snap.unchanged()


@case
@heavy
def longest_paragraphs_render(c):
    """4 MB of paragraphs of 65,536 characters each, the longest allowed, in both stories"""
    big_story(c, 'a', text_of(65536))
    big_story(c, 'b', text_of(65536))
    r = render(c, '-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n', **BUDGET)
    check(r.stderr.endswith('huozi: 2 pages, 2 stories, 2 overset (224416 lines), '
                            '1144 empty grid cells\n'), 'summary line: ' + r.stderr)


@case
def paragraph_one_over_65536_refused(c):
    """guards: the paragraph length limit"""
    c.write('ed/stories/a.txt', 'headline: 长段\n\n' + text_of(65537) + '\n')
    snap = Snapshot(c.ed)
    r = render(c, '-o', 'out.pdf')
    refused(c, r, [
        'ed/stories/a.txt:3:1: error: a paragraph of 65537 characters, more than the 65536 '
        'a paragraph may have',
        '  hint: break it into paragraphs, with a blank line between them',
        'ed/edition.xml:5:23: note: the file is named here'])
    snap.unchanged()


# ---- pages and elements ----

def full_pages(c, n):
    """n broadsheet pages, each one story of 5,300 characters over the whole page"""
    pages = []
    for p in range(n):
        body = '\n\n'.join(TEXT for _ in range(5300 // len(TEXT)))
        c.write(f'ed/stories/p{p}.txt', f'headline: 第{p + 1}版的主要新闻\n\n{body}\n')
        pages.append(f'    <story id="p{p}" src="stories/p{p}.txt" cols="1-8" lines="1-90"/>\n')
    edition(c, pages)


@case
@heavy
def pages_400_of_full_text_render(c):
    """the page limit at its maximum, every page full of text"""
    full_pages(c, 400)
    r = render(c, '-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n',
           stderr='huozi: 400 pages, 400 stories, 0 overset (0 lines), 44800 empty grid cells\n',
           **BUDGET)


def jumped(c, para, stories=2):
    """stories of 4 MB of `para`, each continued over 400 / stories pages"""
    per = 400 // stories
    for s in 'ab'[:stories]:
        big_story(c, s, para)
    pages = []
    for p in range(400):
        sid = 'ab'[p // per]
        el = 'story id="%s" src="stories/%s.txt"' % (sid, sid) if p % per == 0 else \
            'jump story="%s"' % sid
        pages.append(f'    <{el} cols="1-8" lines="1-90"/>\n')
    edition(c, pages)
    return render(c, '-o', 'out.pdf')


@case
@heavy
def pages_400_of_four_stories_render(c):
    """400 pages of four stories of 1,320 characters each (1,600 stories): 532 MB before"""
    pages = []
    body = '\n\n'.join(TEXT for _ in range(11))
    for p in range(400):
        els = ''
        for q in range(4):
            c.write(f'ed/stories/s{p}_{q}.txt', f'headline: 第{p + 1}版第{q + 1}条新闻\n\n{body}\n')
            c0, l0 = (q % 2) * 4 + 1, (q // 2) * 45 + 1
            els += (f'    <story id="s{p}_{q}" src="stories/s{p}_{q}.txt" cols="{c0}-{c0 + 3}" '
                    f'lines="{l0}-{l0 + 44}"/>\n')
        pages.append(els)
    edition(c, pages)
    r = render(c, '-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n', stderr='huozi: 400 pages, 1600 stories, 0 overset (0 lines), '
           '44800 empty grid cells\n', **BUDGET)


@case
@heavy
def two_4mb_stories_jumped_over_400_pages_render(c):
    """the most text an edition can place: two 4 MB stories, each continued over 200 pages"""
    r = jumped(c, TEXT)
    expect(r, 0, stdout='out.pdf\n', **BUDGET)
    check(r.stderr.count('warning: story') == 2, 'one "runs out" warning a story: ' + r.stderr)
    check(r.stderr.endswith('huozi: 400 pages, 2 stories, 0 overset (0 lines), 44800 empty grid '
                            'cells\n'), 'summary line: ' + r.stderr[-300:])


@case
@heavy
def latin_4mb_story_jumped_over_400_pages_render(c):
    """the same in Latin words, twice the characters on a line: one 4 MB story (4.2 million
    characters, the edition's limit) continued over 400 pages"""
    r = jumped(c, ' '.join(['word'] * 200), stories=1)
    expect(r, 0, stdout='out.pdf\n', **BUDGET)


@case
def pages_401_refused(c):
    edition(c, ['    <rule cols="1-8" at-line="1"/>\n'] * 401)
    snap = Snapshot(c.ed)
    r = render(c, '-o', 'out.pdf')
    refused(c, r, [
        'ed/edition.xml:1203:3: error: more than 400 pages in one edition: this <page> is '
        'number 401',
        '  hint: an edition holds at most 400 pages: split it into several page descriptions'])
    snap.unchanged()


def story_cells(c, n, rules=0):
    """n one-character stories on a page, one per grid cell, then `rules` rules"""
    els = [f'    <story id="s{{p}}_{i}" src="stories/t.txt" cols="{i % 8 + 1}" '
           f'lines="{i // 8 + 1}"/>\n' for i in range(n)]
    els += [f'    <rule cols="1-8" at-line="{i % 90 + 1}"/>\n' for i in range(rules)]
    return ''.join(els)


@case
@heavy
def stories_50000_one_per_cell_render(c):
    """400 pages of 125 one-line stories (the paragraph limit): every story composes alone;
    more than 4 GB before (100,000 such stories ran out of 24 GB)"""
    c.write('ed/stories/t.txt', '甲\n')
    page = story_cells(c, 125)
    edition(c, [page.replace('{p}', str(p)) for p in range(400)])
    r = render(c, '-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n', stderr='huozi: 400 pages, 50000 stories, 0 overset '
           '(0 lines), 282800 empty grid cells\n', **BUDGET)


@case
@heavy
def stacked_stories_48000_render(c):
    """400 pages of 8 stacks of 15 one-line stories: every story is measured alone (its depth
    search composes it three times) before it is composed on its page"""
    c.write('ed/stories/t.txt', '甲\n')
    page = ''.join(f'    <stack cols="{k + 1}" lines="1-15">\n' + ''.join(
        f'      <story id="s{{p}}_{k}_{i}" src="stories/t.txt"/>\n' for i in range(15)) +
        '    </stack>\n' for k in range(8))
    edition(c, [page.replace('{p}', str(p)) for p in range(400)])
    r = render(c, '-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n', stderr='huozi: 400 pages, 48000 stories, 0 overset '
           '(0 lines), 284800 empty grid cells\n', **BUDGET)


@case
@heavy
def elements_500_on_400_pages_render(c):
    """the element limit at its maximum on every page: 125 stories and 375 rules a page"""
    c.write('ed/stories/t.txt', '甲\n')
    page = story_cells(c, 125, rules=375)
    edition(c, [page.replace('{p}', str(p)) for p in range(400)])
    r = render(c, '-o', 'out.pdf')
    # a rule under every line of one-line stories has no room for the clearance: said once
    expect(r, 0, stdout='out.pdf\n', stderr=TIGHT_RULES + 'huozi: 400 pages, 50000 stories, '
           '0 overset (0 lines), 282800 empty grid cells\n', **BUDGET)


TIGHT_RULES = (
    'ed/edition.xml:129:5: warning: a horizontal rule on page 01 cannot keep the clearance of '
    '3.25 pt from the text on both sides: 5.08 pt between their ink, it needs 7.00 pt (and '
    '29999 more rules or box edges)\n'
    "  hint: leave a grid line free beside it, or lower the layout's clearance "
    '(<grid clearance>)\n')


@case
@heavy
def stories_50000_with_every_option_render(c):
    """the same edition as a proof PDF (the overlay goes to proofs only) with crop marks, CMYK
    and the fit report"""
    c.write('ed/stories/t.txt', '甲\n')
    page = story_cells(c, 125)
    edition(c, [page.replace('{p}', str(p)) for p in range(400)])
    r = render(c, '--proof-pdf', 'out.pdf', '--marks', '--cmyk', '--report', 'fit.json')
    expect(r, 0, stdout='', **BUDGET)
    check(c.read('out.pdf').startswith(b'%PDF'), 'the proof PDF is written')
    check(c.read('fit.json').startswith(b'{'), 'fit.json is written')


@case
def elements_501_refused(c):
    edition(c, ['    <rule cols="1-8" at-line="1"/>\n' * 501])
    snap = Snapshot(c.ed)
    r = render(c, '-o', 'out.pdf')
    refused(c, r, [
        'ed/edition.xml:504:5: error: more than 500 elements on one page: this <rule> is '
        'number 501',
        '  hint: a page holds at most 500 elements: merge modules or move some to another page'])
    snap.unchanged()


# ---- the page description and the layout ----

DESC_MAX = 16 * 1024 * 1024


def padded_edition(c, size):
    """the fixture's edition.xml grown to `size` bytes by a comment"""
    xml = c.read('ed/edition.xml')
    head, rest = xml.split(b'\n', 1)
    pad = size - len(xml) - len(b'<!---->\n')
    c.write('ed/edition.xml', head + b'\n<!--' + b'x' * pad + b'-->\n' + rest)


@case
def description_of_16mb_renders(c):
    padded_edition(c, DESC_MAX)
    check(os.path.getsize(c.edition) == DESC_MAX, 'size')
    r = render(c, '-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n', stderr='huozi: 2 pages, 2 stories, 0 overset (0 lines), '
           '1144 empty grid cells\n', **BUDGET)


@case
def description_one_byte_over_16mb_refused(c):
    """guards: the page description's size limit"""
    padded_edition(c, DESC_MAX + 1)
    snap = Snapshot(c.ed)
    r = render(c, '-o', 'out.pdf')
    expect(r, 2, stdout='', stderr=[
        f'ed/edition.xml: error: file too large: {DESC_MAX + 1} bytes (limit 16 MB)',
        '  hint: split the file or check that it is the right one'], **BUDGET)
    check(not os.path.exists(c.path('out.pdf')), 'out.pdf was written')
    snap.unchanged()


def layout_with_styles(c, extra):
    """the fixture's broadsheet layout with `extra` more styles, as ed/big.xml"""
    xml = c.read('ed/layout.xml').decode('utf-8')
    styles = ''.join(f'  <style name="extra-{i}" parent="body"/>\n' for i in range(extra))
    c.write('ed/big.xml', xml.replace('</layout>', styles + '</layout>'))
    edition_xml = c.read('ed/edition.xml').decode().replace('layout="layout.xml"',
                                                           'layout="big.xml"')
    c.write('ed/edition.xml', edition_xml)
    return xml.count('<style ')


@case
def layout_of_1000_styles_renders(c):
    have = layout_with_styles(c, 0)
    layout_with_styles(c, 1000 - have)
    r = render(c, '-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n', **BUDGET)


@case
def layout_of_1001_styles_refused(c):
    have = layout_with_styles(c, 0)
    layout_with_styles(c, 1001 - have)
    with open(c.path('ed/big.xml'), encoding='utf-8') as f:
        line = next(i + 1 for i, l in enumerate(f) if 'name="extra-' + str(1000 - have) + '"' in l)
    snap = Snapshot(c.ed)
    r = render(c, '-o', 'out.pdf')
    expect(r, 2, stdout='', stderr=[
        f'ed/big.xml:{line}:3: error: more than 1000 styles in one layout',
        '  hint: remove the styles no page uses',
        'ed/edition.xml:3:48: note: the layout is named here'], **BUDGET)
    check(not os.path.exists(c.path('out.pdf')), 'out.pdf was written')
    snap.unchanged()


# ---- line ends, tabs, byte-order marks ----

def same_pdf_as(c, rel, data):
    """render the fixture as is, then with `rel` replaced by data: the same PDF bytes"""
    r = render(c, '-o', 'lf.pdf')
    expect(r, 0, stdout='lf.pdf\n', **BUDGET)
    c.write(rel, data)
    r = render(c, '-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n', stderr='huozi: 2 pages, 2 stories, 0 overset (0 lines), '
           '1144 empty grid cells\n', **BUDGET)
    check(c.read('out.pdf') == c.read('lf.pdf'), f'the PDF differs from the one of LF {rel}')


@case
def story_with_cr_line_ends(c):
    """class 7: CR-only line ends made the whole story its headline"""
    a = c.read('ed/stories/a.txt')
    same_pdf_as(c, 'ed/stories/a.txt', a.replace(b'\n', b'\r'))


@case
def story_with_crlf_line_ends(c):
    a = c.read('ed/stories/a.txt')
    same_pdf_as(c, 'ed/stories/a.txt', a.replace(b'\n', b'\r\n'))


@case
def story_with_mixed_line_ends(c):
    a = c.read('ed/stories/a.txt').split(b'\n')
    ends = [b'\r', b'\r\n', b'\n']
    same_pdf_as(c, 'ed/stories/a.txt',
                b''.join(l + ends[i % 3] for i, l in enumerate(a[:-1])) + a[-1])


@case
def story_with_cr_line_ends_positions(c):
    """a message in a CR-only story counts its lines"""
    c.write('ed/stories/a.txt', 'headline: 标题\r\r第一段。\r第二\x01行。\r')
    snap = Snapshot(c.ed)
    r = render(c, '-o', 'out.pdf')
    refused(c, r, ['ed/stories/a.txt:4:3: error: control character U+0001 in text',
                   '  hint: remove the control character',
                   'ed/edition.xml:5:23: note: the file is named here'])
    snap.unchanged()


@case
def story_with_tab_inside_a_paragraph(c):
    """class 7: a tab is a space, not "U+0009 has no glyph"; the same PDF as with a space"""
    a = c.read('ed/stories/a.txt').decode()
    c.write('ed/stories/a.txt', a.replace('双向8车道', '双向 8 车道'))
    r = render(c, '-o', 'space.pdf')
    expect(r, 0, stdout='space.pdf\n', **BUDGET)
    c.write('ed/stories/a.txt', a.replace('双向8车道', '双向\t8\t车道'))
    r = render(c, '-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n', stderr='huozi: 2 pages, 2 stories, 0 overset (0 lines), '
           '1144 empty grid cells\n', **BUDGET)
    check(c.read('out.pdf') == c.read('space.pdf'), 'the PDF differs from the one with spaces')


@case
def story_with_tab_in_the_header(c):
    """a tab after the key's colon is white space, as the docs say"""
    a = c.read('ed/stories/a.txt')
    same_pdf_as(c, 'ed/stories/a.txt', a.replace(b'headline: ', b'headline:\t'))


@case
def story_with_bom(c):
    """guards: a UTF-8 byte-order mark at the start of a story is skipped"""
    a = c.read('ed/stories/a.txt')
    same_pdf_as(c, 'ed/stories/a.txt', b'\xef\xbb\xbf' + a)


@case
def story_with_bom_and_crlf(c):
    """what Windows Notepad writes"""
    a = c.read('ed/stories/a.txt')
    same_pdf_as(c, 'ed/stories/a.txt', b'\xef\xbb\xbf' + a.replace(b'\n', b'\r\n'))


@case
def story_with_bom_positions(c):
    """the mark is not a column: an error on line 1 counts from the first character"""
    c.write('ed/stories/a.txt', '\ufeffheadline: 标\x01题\n\n正文。\n')
    snap = Snapshot(c.ed)
    r = render(c, '-o', 'out.pdf')
    refused(c, r, ['ed/stories/a.txt:1:12: error: control character U+0001 in text',
                   '  hint: remove the control character',
                   'ed/edition.xml:5:23: note: the file is named here'])
    snap.unchanged()


@case
def notice_with_bom_and_cr_line_ends(c):
    """a notice file is read like a story"""
    notice = '主题：更正\n\n本报11月27日第1版报道中，“4.13公里”应为“4.31公里”。特此更正。\n'
    xml = c.read('ed/edition.xml').decode()
    c.write('ed/edition.xml', xml.replace(
        '  </page>\n  <page folio="02">',
        '    <notice id="n" src="stories/n.txt" cols="5-8" lines="40-55"/>\n'
        '  </page>\n  <page folio="02">'))
    c.write('ed/stories/n.txt', notice)
    r = render(c, '-o', 'lf.pdf')
    expect(r, 0, stdout='lf.pdf\n', **BUDGET)
    c.write('ed/stories/n.txt', b'\xef\xbb\xbf' + notice.replace('\n', '\r').encode())
    r2 = render(c, '-o', 'out.pdf')
    expect(r2, 0, stdout='out.pdf\n', stderr=r.stderr, **BUDGET)
    check(c.read('out.pdf') == c.read('lf.pdf'), 'the PDF differs from the one of the LF notice')
