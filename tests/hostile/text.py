"""text.py - characters that must not pass and messages that must stay readable: numeric
character references obey the rules for literal characters, no control character reaches the
terminal, long values are never echoed whole, duplicate attributes are refused, a UTF-8 byte
order mark is accepted, and the limits' messages say where and how to fix them.

Every refusal asserts exit status 2, the whole of standard error, and that nothing under the
temporary folder was created or changed."""
import os
from harness import HERE, case, expect, check, Snapshot

ROOT = os.path.dirname(os.path.dirname(HERE))
with open(os.path.join(HERE, 'fixture', 'edition.xml'), encoding='utf-8') as _f:
    FIXTURE = _f.read()
# the fixture's layout: the project's broadsheet, with underset tolerated (its stories are short)
with open(os.path.join(HERE, 'fixture', 'layout.xml'), encoding='utf-8') as _f:
    LAYOUT = _f.read()

# where the layout's body style and grid are (messages about them quote these lines)
BODY_LINE = 1 + LAYOUT[:LAYOUT.index('<style name="body"')].count('\n')
GRID_LINE = 1 + LAYOUT[:LAYOUT.index('<grid ')].count('\n')

CLEAN = 'huozi: 2 pages, 2 stories, 0 overset (0 lines), 1144 empty grid cells\n'
CTRL_HINT = ('  hint: remove it: of the control characters only tab, line feed and carriage '
             'return are text')
NONCHAR_HINT = '  hint: remove it: noncharacters are not text'
LAYOUT_NOTE = 'ed/edition.xml:3:48: note: the layout is named here'


def edition(c, old, new, text=FIXTURE):
    """the fixture's edition.xml with its first `old` replaced by `new`"""
    check(old in text, f'{old!r} is not in the fixture')
    c.write('ed/edition.xml', text.replace(old, new, 1))


def layout(c, old=None, new=None, prefix=b''):
    """ed/lay.xml, the fixture's broadsheet layout (one replacement, optional bytes before it),
    named by the edition"""
    text = LAYOUT
    if old is not None:
        check(old in text, f'{old!r} is not in the layout')
        text = text.replace(old, new, 1)
    c.write('ed/lay.xml', prefix + text.encode('utf-8'))
    edition(c, 'layout="layout.xml"', 'layout="lay.xml"')


def refused(c, stderr, *args, **budget):
    """huozi render refuses (exit 2) with exactly this stderr and touches nothing"""
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', *args)
    expect(r, 2, stderr=stderr, stdout='', **budget)
    snap.unchanged()
    return r


def no_control_bytes(r):
    bad = sorted({ch for ch in r.stderr if (ord(ch) < 0x20 and ch != '\n') or
                  0x7f <= ord(ch) <= 0x9f})
    check(not bad, f'stderr holds control characters {[hex(ord(ch)) for ch in bad]}')


def caption(c, value):
    edition(c, 'caption="合龙现场。"', f'caption="{value}"')


# ---- numeric character references: the rules of literal characters, at their own position

@case
def ref_hex_control_x1(c):
    caption(c, 'a&#x1;b')
    refused(c, ['ed/edition.xml:6:65: error: character reference &#x1; (U+0001) is a '
                'control character', CTRL_HINT])


@case
def ref_decimal_escape_27(c):
    caption(c, '&#27;[2J')
    refused(c, ['ed/edition.xml:6:64: error: character reference &#27; (U+001B) is a '
                'control character', CTRL_HINT])


@case
def ref_terminal_title_sequence(c):
    """an OSC sequence that would retitle the user's terminal, echoed raw today"""
    caption(c, '&#x1b;]0;pwned&#x7;')
    r = refused(c, ['ed/edition.xml:6:64: error: character reference &#x1b; (U+001B) is a '
                    'control character', CTRL_HINT])
    no_control_bytes(r)


@case
def ref_nul(c):
    """GMarkup's own refusal pointed past the tag; now the reference itself"""
    caption(c, 'x&#0;')
    refused(c, ['ed/edition.xml:6:65: error: character reference &#0; (U+0000) is a '
                'control character', CTRL_HINT])


@case
def ref_del(c):
    caption(c, '&#127;')
    refused(c, ['ed/edition.xml:6:64: error: character reference &#127; (U+007F) is a '
                'control character', CTRL_HINT])


@case
def ref_c1_csi(c):
    """U+009B is CSI: an escape sequence in one character for many terminals"""
    edition(c, 'paper="江城日报"', 'paper="江城&#x9b;31m日报"')
    refused(c, ['ed/edition.xml:3:19: error: character reference &#x9b; (U+009B) is a '
                'control character', CTRL_HINT])


@case
def ref_noncharacter_fdd0_paper(c):
    """exit 3 "cannot write the PDF" on the landed engine"""
    edition(c, 'paper="江城日报"', 'paper="江&#xFDD0;"')
    refused(c, ['ed/edition.xml:3:18: error: character reference &#xFDD0; (U+FDD0) is a '
                'noncharacter', NONCHAR_HINT])


@case
def ref_noncharacter_fdd0_section(c):
    """exit 3 "cannot write the PDF: input string not valid UTF-8" on the landed engine"""
    edition(c, 'folio="02"', 'folio="02" section="&#xfdd0;"')
    refused(c, ['ed/edition.xml:9:29: error: character reference &#xfdd0; (U+FDD0) is a '
                'noncharacter', NONCHAR_HINT])


@case
def ref_noncharacter_fffe(c):
    caption(c, '&#65534;')
    refused(c, ['ed/edition.xml:6:64: error: character reference &#65534; (U+FFFE) is a '
                'noncharacter', NONCHAR_HINT])


@case
def ref_noncharacter_plane_16(c):
    edition(c, 'id="a"', 'id="a&#x10FFFF;"')
    refused(c, ['ed/edition.xml:5:17: error: character reference &#x10FFFF; (U+10FFFF) is a '
                'noncharacter', NONCHAR_HINT])


@case
def ref_surrogate(c):
    caption(c, '&#xD800;')
    refused(c, ['ed/edition.xml:6:64: error: character reference &#xD800; (U+D800) is a '
                'UTF-16 surrogate, not a character',
                "  hint: write the character's own code point, not half of a UTF-16 pair"])


@case
def ref_beyond_unicode(c):
    caption(c, 'ok&#x110000;')
    refused(c, ['ed/edition.xml:6:66: error: character reference &#x110000; is beyond '
                'U+10FFFF', '  hint: Unicode ends at U+10FFFF: check the number'])


@case
def ref_huge_decimal(c):
    """a number that overflows 32 bits must not wrap round to an allowed character"""
    caption(c, '&#4294967361;')  # 2^32 + 65: 'A' if it wrapped
    refused(c, ['ed/edition.xml:6:64: error: character reference &#4294967361; is beyond '
                'U+10FFFF', '  hint: Unicode ends at U+10FFFF: check the number'])


@case
def ref_strtoul_forms(c):
    """GMarkup reads a reference with strtoul(): a sign, white space, "0x" and a wrapped
    negative number all reach a control character; each is refused where it is written"""
    forms = ['&#+27;', '&#x 1b;', '&#x0x1b;', '&#-18446744073709551589;', '&#\t27;']
    for form in forms:
        caption(c, '合' + form)
        shown = form.replace('\t', '\\x09')
        refused(c, [f'ed/edition.xml:6:65: error: character reference {shown} (U+001B) is a '
                    'control character', CTRL_HINT])


@case
def ref_long_leading_zeros(c):
    """a reference padded with a megabyte of zeros is quoted cut short"""
    caption(c, '&#x' + '0' * 1000000 + '1;')
    refused(c, ['ed/edition.xml:6:64: error: character reference &#x' + '0' * 37 +
                '… (U+0001) is a control character', CTRL_HINT], max_s=10, max_mb=512)


@case
def ref_in_layout(c):
    layout(c, '<style name="body"', '<style name="bo&#x1b;dy"')
    refused(c, [f'ed/lay.xml:{BODY_LINE}:18: error: character reference &#x1b; (U+001B) is a control '
                'character', CTRL_HINT, LAYOUT_NOTE])


@case
def ref_in_element_text(c):
    """text between elements is read too: a reference there obeys the same rules"""
    edition(c, '<page folio="02">', '<page folio="02">第二&#x7;版')
    refused(c, ['ed/edition.xml:9:22: error: character reference &#x7; (U+0007) is a '
                'control character', CTRL_HINT])


@case
def ref_in_comment_is_text(c):
    """(guard) inside a comment or CDATA "&#x1;" is no reference: the edition renders"""
    text = FIXTURE.replace('<!-- the hostile', '<?note &#x1b; ?><!-- &#x1; --><!-- the hostile')
    edition(c, '<page folio="02">', '<page folio="02"><![CDATA[ &#x7; ]]>', text=text)
    r = c.render('-o', 'out.pdf')
    expect(r, 0, stderr=CLEAN, stdout='out.pdf\n')


@case
def ref_whitespace_is_space(c):
    """tab, line feed and carriage return, written or referenced, are a space in a value"""
    caption(c, '合龙&#9;现场&#10;一&#xD;&#xA;角\t。')
    r = c.render('-o', 'out.pdf')
    expect(r, 0, stderr=CLEAN, stdout='out.pdf\n')


@case
def literal_c1_control(c):
    """a literal C1 control character is refused like a C0 one"""
    caption(c, '合龙\u0085现场')
    refused(c, ['ed/edition.xml:6:66: error: control character U+0085 in text',
                '  hint: remove the control character'])


# ---- no control character reaches the terminal

@case
def escape_file_name_esc(c):
    """an edition whose file name holds ESC [2J: the name is printed with \\x1b"""
    edition(c, 'date="2026-11-28"', 'date="2026-11-31"')
    os.rename(c.path('ed/edition.xml'), c.path('ed/e\x1b[2Jvil.xml'))
    snap = Snapshot(c.tmp)
    r = c.run('render', 'ed/e\x1b[2Jvil.xml', '-o', 'out.pdf')
    expect(r, 2, stdout='', stderr=[
        'ed/e\\x1b[2Jvil.xml:3:28: error: invalid date "2026-11-31"',
        '  hint: write the date as YYYY-MM-DD'])
    no_control_bytes(r)
    snap.unchanged()


@case
def escape_file_name_bell_and_c1(c):
    """BEL, a newline and a C1 CSI in a missing file's name"""
    snap = Snapshot(c.tmp)
    name = 'ed/\x07no\nsuch\u009b.xml'
    r = c.run('render', name, '-o', 'out.pdf')
    expect(r, 2, stdout='', stderr=[
        'ed/\\x07no\\x0asuch\\xc2\\x9b.xml: error: cannot open file: No such file or directory',
        '  hint: check the path; it is relative to the file that names it'])
    no_control_bytes(r)
    snap.unchanged()


@case
def escape_file_name_broken_utf8(c):
    """a file name that is not UTF-8 is printed byte by byte, each stray byte as \\xHH"""
    snap = Snapshot(c.tmp)
    r = c.run('render', os.fsdecode(b'ed/\x9b\xff.xml'), '-o', 'out.pdf')
    expect(r, 2, stdout='', stderr=[
        'ed/\\x9b\\xff.xml: error: cannot open file: No such file or directory',
        '  hint: check the path; it is relative to the file that names it'])
    snap.unchanged()


@case
def escape_file_name_bidi(c):
    """a right-to-left override in a file name would turn the rest of the message around"""
    snap = Snapshot(c.tmp)
    r = c.run('render', 'ed/\u202elmx.txt', '-o', 'out.pdf')
    expect(r, 2, stdout='', stderr=[
        'ed/\\xe2\\x80\\xaelmx.txt: error: cannot open file: No such file or directory',
        '  hint: check the path; it is relative to the file that names it'])
    snap.unchanged()


@case
def escape_layouts_dir_esc(c):
    """a layout library folder (HUOZI_LAYOUTS_DIR) whose name holds an escape sequence"""
    edition(c, 'layout="layout.xml"', 'layout="broadsheet"')  # by library name
    env = dict(c.env, HUOZI_LAYOUTS_DIR=c.path('lib\x1b]0;x\x07'))
    os.makedirs(env['HUOZI_LAYOUTS_DIR'])
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', env=env)
    expect(r, 2, stdout='', stderr=[
        'ed/edition.xml:3:48: error: no layout "broadsheet" in the layouts library',
        '  hint: the layouts library (' + c.path('lib\\x1b]0;x\\x07') + ') holds no layouts; a '
        'layout file of the edition\'s own is named with its .xml, e.g. layout="broadsheet.xml"'])
    no_control_bytes(r)
    snap.unchanged()


# ---- long values: capped, and never echoed whole

@case
def long_value_9mb_caption(c):
    """9 MB in one attribute: 858 MB and 18 MB of stderr on the landed engine"""
    caption(c, '长' * 3000000)
    refused(c, ['ed/edition.xml:6:55: error: the value of caption on <photo> is 9000000 bytes '
                'long, more than 16384',
                '  hint: shorten it: an attribute value holds at most 16384 bytes'],
            max_s=10, max_mb=512)


@case
def long_value_text_ad(c):
    """a text ad one byte over the limit (with references counted decoded)"""
    edition(c, '<ad src="images/y.jpg"', '<ad text="' + 'A' * 16380 + '&#x41;' * 5 + '"')
    refused(c, ['ed/edition.xml:7:9: error: the value of text on <ad> is 16385 bytes long, '
                'more than 16384',
                '  hint: shorten it: an attribute value holds at most 16384 bytes'])


@case
def text_ad_at_limit_in_smallest_box(c):
    """a text ad of 16,383 bytes in a 分类小条 (4 x 2: one line): squeezed, then an
    error naming the ad, one line drawn and the rest left out, never drawn below the box; in
    the time and memory budget"""
    edition(c, '<ad src="images/y.jpg" cols="5-8" lines="60-89"/>',
            '<ad src="images/y.jpg" cols="5-8" lines="60-89"/>\n    <ad cols="5-8" lines="90-91" '
            'text="' + '广告' * 2730 + '招"/>')
    r = c.render('-o', 'out.pdf', '--strict')
    expect(r, 1, stdout='', stderr=[
        'ed/edition.xml:8:5: error: text ad: "' + '广告' * 20 + '…" does not fit 1 line(s) of '
        '481.0 pt even squeezed (tracking -0.10 em, 100% wide): 143 line(s) left out',
        '  hint: shorten the text, or sell a larger ad size (the layout\'s <ad-size>)',
        'huozi: 2 pages, 2 stories, 0 overset (0 lines), 1136 empty grid cells'],
        max_s=10, max_mb=512)
    flow = c.run('dump', 'flow', 'ed/edition.xml').stdout
    check(flow.count('  line ad ') == 1, 'the ad is not drawn as exactly one line')


@case
def long_value_at_limit(c):
    """(guard) a value of exactly 16384 bytes is read: here it is refused for another reason,
    quoted cut short"""
    edition(c, 'cols="5-8" lines="60-89"', 'cols="5-8" lines="60-89" bogus="' + 'x' * 16384 + '"')
    refused(c, ['ed/edition.xml:7:53: error: unknown attribute bogus on <ad>',
                '  hint: the attributes of <ad> are: src, text, cols, lines, page'])


@case
def long_value_date_clipped(c):
    edition(c, 'date="2026-11-28"', 'date="2026-11-28' + '日' * 5000 + '"')
    refused(c, ['ed/edition.xml:3:28: error: invalid date "2026-11-28' + '日' * 30 + '…"',
                '  hint: write the date as YYYY-MM-DD'])


@case
def long_value_story_id_twice(c):
    sid = 'story-' + 'x' * 10000
    edition(c, 'id="a"', f'id="{sid}"')
    edition(c, 'id="b"', f'id="{sid}"', text=c.read('ed/edition.xml').decode('utf-8'))
    refused(c, ['ed/edition.xml:10:15: error: story id "story-' + 'x' * 34 +
                '…" is used twice',
                '  hint: place further parts of a story with <jump story="...">'])


@case
def long_value_in_layout(c):
    layout(c, 'columns="8"', 'columns="8' + '0' * 5000 + '"')
    refused(c, [f'ed/lay.xml:{GRID_LINE}:17: error: invalid value "8' + '0' * 39 +
                '…" for columns: a whole number from 1 to 20', '  hint: see docs/layouts.md',
                LAYOUT_NOTE])


@case
def long_element_name(c):
    """a 3 MB element name is quoted cut short"""
    edition(c, '<ad src', '<' + 'a' * 3000000 + ' src')
    refused(c, ['ed/edition.xml:7:5: error: unknown element <' + 'a' * 40 + '…>',
                '  hint: a page holds masthead, story, jump, photo, notice, ad, rule and stack '
                'elements'], max_s=10, max_mb=512)


@case
def long_entity_name(c):
    """GMarkup's own message quotes the unknown entity: cut short too"""
    caption(c, '&' + 'b' * 3000000 + ';')
    refused(c, ['ed/edition.xml:6:3000066: error: malformed XML: '
                'Entity name “' + 'b' * 40 + '…” is not known',
                '  hint: check that every element is closed and every attribute quoted'],
            max_s=10, max_mb=512)


# ---- duplicate attributes

@case
def duplicate_story_id(c):
    edition(c, '<story id="a"', '<story id="a" id="b"')
    refused(c, ['ed/edition.xml:5:19: error: attribute id is given twice on <story> '
                '(first at 5:12)', '  hint: keep one of them'])


@case
def duplicate_edition_layout(c):
    edition(c, 'layout="layout.xml">', 'layout="layout.xml" layout="../../etc/x.xml">')
    refused(c, ['ed/edition.xml:3:61: error: attribute layout is given twice on <edition> '
                '(first at 3:41)', '  hint: keep one of them'])


@case
def duplicate_photo_caption_other_quotes(c):
    edition(c, 'caption="合龙现场。"', "caption=\"甲\" caption='乙'")
    refused(c, ['ed/edition.xml:6:67: error: attribute caption is given twice on <photo> '
                '(first at 6:55)', '  hint: keep one of them'])


@case
def duplicate_on_next_line(c):
    edition(c, '<ad src="images/y.jpg"', '<ad src="images/y.jpg"\n        src="images/x.png"')
    refused(c, ['ed/edition.xml:8:9: error: attribute src is given twice on <ad> '
                '(first at 7:9)', '  hint: keep one of them'])


@case
def duplicate_in_layout(c):
    layout(c, '<style name="body"', '<style name="body" size="9pt" size="40pt"')
    refused(c, [f'ed/lay.xml:{BODY_LINE}:33: error: attribute size is given twice on <style> '
                f'(first at {BODY_LINE}:22)', '  hint: keep one of them', LAYOUT_NOTE])


@case
def duplicate_page_folio(c):
    edition(c, '<page folio="02">', '<page folio="02" folio="01">')
    refused(c, ['ed/edition.xml:9:20: error: attribute folio is given twice on <page> '
                '(first at 9:9)', '  hint: keep one of them'])


# ---- a UTF-8 byte order mark is no part of the text

BOM = b'\xef\xbb\xbf'


@case
def bom_edition_renders(c):
    c.write('ed/edition.xml', BOM + FIXTURE.encode('utf-8'))
    r = c.render('-o', 'out.pdf')
    expect(r, 0, stderr=CLEAN, stdout='out.pdf\n')


@case
def bom_edition_positions(c):
    """positions on the first line count from after the mark, as an editor shows them"""
    text = FIXTURE[FIXTURE.index('<edition'):]
    c.write('ed/edition.xml', BOM + text.replace('">', '" bogus="1">', 1).encode('utf-8'))
    refused(c, ['ed/edition.xml:1:61: error: unknown attribute bogus on <edition>',
                '  hint: the attributes of <edition> are: paper, paper-latin, date, issue, '
                'layout'])


@case
def bom_layout_renders(c):
    layout(c, prefix=BOM)
    r = c.render('-o', 'out.pdf')
    expect(r, 0, stderr=CLEAN, stdout='out.pdf\n')


@case
def bom_layout_positions(c):
    layout(c, '?>', '?><!-- x -->&#x1b;', prefix=BOM)
    refused(c, ['ed/lay.xml:1:49: error: character reference &#x1b; (U+001B) is a control '
                'character', CTRL_HINT, LAYOUT_NOTE])


# ---- class 10: the limits' messages say where and how

@case
def pages_401(c):
    pages = ''.join(f'  <page folio="{i:03d}"/>\n' for i in range(1, 402))
    edition(c, FIXTURE[FIXTURE.index('  <page folio="01">'):FIXTURE.index('</edition>')],
            pages)
    refused(c, ['ed/edition.xml:404:3: error: more than 400 pages in one edition: this <page> '
                'is number 401',
                '  hint: an edition holds at most 400 pages: split it into several page '
                'descriptions'])


@case
def elements_501(c):
    rules = ''.join('    <rule cols="1-4" at-line="60"/>\n' for _ in range(501))
    edition(c, '  </page>\n  <page folio="02">', rules + '  </page>\n  <page folio="02">')
    refused(c, ['ed/edition.xml:505:5: error: more than 500 elements on one page: this <rule> '
                'is number 501',
                '  hint: a page holds at most 500 elements: merge modules or move some to '
                'another page'])


@case
def child_element_hint(c):
    edition(c, '<story id="a" src="stories/a.txt" cols="1-4" lines="1-40"/>',
            '<story id="a" src="stories/a.txt" cols="1-4" lines="1-40"><photo/></story>')
    refused(c, ['ed/edition.xml:5:63: error: <story> takes no child elements',
                '  hint: close the element with /> or with its end tag before this one'])


def jump_edition(c):
    """story a runs from page 1 into a jump on page 2, under the layout ed/lay.xml"""
    with open(c.path('ed/stories/a.txt'), 'a', encoding='utf-8') as f:
        f.write(('\n\n' + '本报讯 正文很长的一段文字。' * 40) * 6)
    edition(c, 'cols="1-4" lines="1-40"/>\n    <photo', 'cols="1-4" lines="1-10"/>\n    <photo')
    edition(c, '<story id="b" src="stories/b.txt" cols="1-4" lines="1-40"/>',
            '<story id="b" src="stories/b.txt" cols="1-4" lines="1-40"/>\n'
            '    <jump story="a" cols="5-8" lines="1-80"/>',
            text=c.read('ed/edition.xml').decode('utf-8'))


def jump_line(c):
    """the line of the layout copied to ed/lay.xml that holds its <jump> templates"""
    lines = c.read('ed/lay.xml').decode('utf-8').splitlines()
    return next(i for i, line in enumerate(lines, 1) if '<jump out=' in line)


@case
def jump_template_brace(c):
    jump_edition(c)
    text = c.read('ed/edition.xml').decode('utf-8')
    layout(c, 'out="（下转第{folio}版）"', 'out="（下转第{foilo}版）"')
    edition(c, 'layout="layout.xml"', 'layout="lay.xml"', text=text)
    refused(c, [f'ed/lay.xml:{jump_line(c)}:13: error: jump template '
                'out="（下转第{foilo}版）" has a brace that is not part of {folio}',
                '  hint: write {folio} where the page number goes; it is the only placeholder',
                LAYOUT_NOTE])


@case
def jump_template_too_long(c):
    """a jump line wider than its column would run into the text: squeezed, then an error at the
    template, and only its first line is drawn"""
    jump_edition(c)
    text = c.read('ed/edition.xml').decode('utf-8')
    layout(c, 'in="（上接第{folio}版）"', 'in="（上接第{folio}版）' + '接' * 40 + '"')
    edition(c, 'layout="layout.xml"', 'layout="lay.xml"', text=text)
    r = c.render('-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n', stderr=[
        f'ed/lay.xml:{jump_line(c)}:29: error: jump line (in): "（上接第01版）' + '接' * 32 +
        '…" does not fit 1 line(s) of 117.0 pt even squeezed (tracking -0.10 em, 100% wide): '
        '3 line(s) left out',
        '  hint: shorten the jump template, or make the style jump smaller',
        'huozi: 2 pages, 2 stories, 0 overset (0 lines), 944 empty grid cells'])


# ---- reading stays linear

@case
def text_in_a_million_pieces(c):
    """text content cut into a million pieces by comments (13 MB): each piece was appended by
    copying all the text before it, which never finished; now linear"""
    edition(c, '<page folio="02">', '<page folio="02">' + '正文<!---->' * 1000000)
    r = c.render('-o', 'out.pdf', timeout=30)
    expect(r, 0, stderr=CLEAN, stdout='out.pdf\n', max_s=10, max_mb=512)


@case
def duplicate_long_attribute_name(c):
    """a repeated 1 MB attribute name is quoted cut short"""
    name = 'n' * 1000000
    edition(c, '<ad src="images/y.jpg"', f'<ad {name}="1" {name}="2" src="images/y.jpg"')
    refused(c, ['ed/edition.xml:7:1000014: error: attribute ' + 'n' * 40 + '… is given twice '
                'on <ad> (first at 7:9)', '  hint: keep one of them'], max_s=10, max_mb=512)


@case
def error_flood_is_capped(c):
    """1.6 million unknown attributes (12 MB): once 220 MB of stderr and as much memory; now
    the first 1000 diagnostics and one note that counts the rest"""
    attrs = ' '.join(f'x{i}=""' for i in range(900))
    rule = f'    <rule cols="1-4" at-line="60" {attrs}/>\n'
    pages = ''.join(f'  <page folio="{p:02d}">\n' + rule * 450 + '  </page>\n'
                    for p in range(3, 7))
    edition(c, '</edition>', pages + '</edition>')
    first = FIXTURE.count('\n', 0, FIXTURE.index('</edition>')) + 2  # line of the first rule
    want = []
    for n in range(1000):
        line, i = first + n // 900, n % 900
        col = rule.index(f' x{i}=""') + 2
        want += [f'ed/edition.xml:{line}:{col}: error: unknown attribute x{i} on <rule>',
                 '  hint: the attributes of <rule> are: cols, lines, at-line, line, at-col, '
                 'weight, style']
    want += [f'note: {4 * 450 * 900 - 1000} more diagnostics not shown (only the first 1000 '
             'are)', '  hint: fix the first ones and run again']
    refused(c, want, max_s=10, max_mb=512)
