"""fonts.py - the page depends only on the private font configuration: a character none of its
faces covers is an error naming it, its file, line and column, and it is left out of the page
(the text around it set as if it were not there), exit 1 under --strict."""
import os
import shutil
import subprocess
from harness import case, expect, check, Snapshot, Failure, Skip, without_excerpts

SUMMARY = 'huozi: 2 pages, 2 stories, 0 overset (0 lines), 1144 empty grid cells'
HINT = ('  hint: replace the character, or add a font that has it to the font configuration and '
        'map it in the layout')
A_TXT = 'ed/stories/a.txt'
B_TXT = 'ed/stories/b.txt'


def uncovered(where, cp, shown, what):
    """the two lines of the message for an uncovered character"""
    return [f'{where}: error: U+{cp:04X} {shown} is in none of the configured fonts; left out '
            f'of the page ({what})', HINT]


def pdf_text(c, rel):
    return subprocess.run(['pdftotext', c.path(rel), '-'], check=True,
                          capture_output=True).stdout.decode('utf-8')


def pdf_fonts(c, rel):
    out = subprocess.run(['pdffonts', c.path(rel)], check=True,
                         capture_output=True).stdout.decode('utf-8')
    return [l.split()[0] for l in out.splitlines()[2:]]


def edit(c, rel, old, new):
    text = c.read(rel).decode('utf-8')
    check(old in text, f'{old!r} not in {rel}')
    c.write(rel, text.replace(old, new, 1))


def same_page_as_without(c, rel, old, new, bad_pdf, chars):
    """the PDF rendered with `new` in place of `old` has the text of one rendered from the
    untouched file, none of `chars`, and only the configured (Noto, LXGW) faces"""
    text = pdf_text(c, bad_pdf)
    for ch in chars:
        check(ch not in text, f'U+{ord(ch):04X} is in the PDF text')
    for font in pdf_fonts(c, bad_pdf):
        check('Noto' in font or 'LXGW' in font, f'the PDF uses the face {font}')
    edit(c, rel, new, old)
    r = c.render('-o', 'ref.pdf')
    expect(r, 0, stdout='ref.pdf\n', stderr=SUMMARY + '\n')
    if pdf_text(c, 'ref.pdf') != text:
        raise Failure('the text around the character is not set as if it were not there')


@case
def emoji_in_body_left_out(c):
    edit(c, A_TXT, '江城长江', '江城\U0001F600长江')
    snap = Snapshot(c.ed)
    r = c.render('-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n',
           stderr=uncovered(f'{A_TXT}:3:29', 0x1F600, '\U0001F600', 'story a, paragraph 2')
           + [SUMMARY], max_s=10, max_mb=512)
    snap.unchanged()
    same_page_as_without(c, A_TXT, '江城长江', '江城\U0001F600长江', 'out.pdf', ['\U0001F600'])


@case
def emoji_in_body_strict(c):
    edit(c, A_TXT, '江城长江', '江城\U0001F600长江')
    snap = Snapshot(c.tmp)
    r = c.run('check', 'ed/edition.xml', '--strict')
    expect(r, 1, stdout='',
           stderr=uncovered(f'{A_TXT}:3:29', 0x1F600, '\U0001F600', 'story a, paragraph 2')
           + [SUMMARY])
    snap.unchanged()


@case
def arabic_word_left_out(c):
    word = '\u0645\u0631\u062d\u0628\u0627'
    edit(c, B_TXT, '江滩公园今日', '江滩' + word + '公园今日')
    snap = Snapshot(c.ed)
    r = c.render('-o', 'out.pdf')
    err = []
    for i, ch in enumerate(word):
        err += uncovered(f'{B_TXT}:3:{3 + i}', ord(ch), ch, 'story b, paragraph 2')
    expect(r, 0, stdout='out.pdf\n', stderr=err + [SUMMARY])
    snap.unchanged()
    same_page_as_without(c, B_TXT, '江滩公园今日', '江滩' + word + '公园今日', 'out.pdf', word)


@case
def line_separator_escaped_and_left_out(c):
    # U+2028 would break the message's line on a terminal: it is shown escaped
    edit(c, A_TXT, '主跨560米', '主跨\u2028560米')
    snap = Snapshot(c.ed)
    r = c.render('-o', 'out.pdf', '--strict')
    expect(r, 1, stderr=uncovered(f'{A_TXT}:3:69', 0x2028, '\\u{2028}', 'story a, paragraph 2')
           + [SUMMARY])
    snap.unchanged()
    r = c.render('-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n',
           stderr=uncovered(f'{A_TXT}:3:69', 0x2028, '\\u{2028}', 'story a, paragraph 2')
           + [SUMMARY])
    same_page_as_without(c, A_TXT, '主跨560米', '主跨\u2028560米', 'out.pdf', ['\u2028'])


@case
def combining_mark_on_cjk_keeps_the_base(c):
    # U+0489 COMBINING CYRILLIC MILLIONS SIGN on 桥: the mark is left out, 桥 stays
    edit(c, B_TXT, '园内新建', '园内\u0489新建')
    edit(c, B_TXT, '公园今日', '公园\u0489今日')
    snap = Snapshot(c.ed)
    r = c.render('-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n',
           stderr=uncovered(f'{B_TXT}:3:5', 0x489, '\\u{0489}', 'story b, paragraph 2')
           + uncovered(f'{B_TXT}:3:17', 0x489, '\\u{0489}', 'story b, paragraph 2')
           + [SUMMARY])
    snap.unchanged()
    text = pdf_text(c, 'out.pdf')
    check('园内新建' in text and '公园今日' in text, 'the base characters are not all there')
    edit(c, B_TXT, '公园\u0489今日', '公园今日')
    same_page_as_without(c, B_TXT, '园内新建', '园内\u0489新建', 'out.pdf', ['\u0489'])


@case
def private_use_character_strict(c):
    edit(c, A_TXT, '钢箱梁', '钢\ue000箱梁')
    snap = Snapshot(c.tmp)
    r = c.run('check', 'ed/edition.xml', '--strict')
    expect(r, 1, stdout='',
           stderr=uncovered(f'{A_TXT}:3:20', 0xE000, '\\u{E000}', 'story a, paragraph 2')
           + [SUMMARY])
    snap.unchanged()
    r = c.run('check', 'ed/edition.xml')
    expect(r, 0, stdout='',
           stderr=uncovered(f'{A_TXT}:3:20', 0xE000, '\\u{E000}', 'story a, paragraph 2')
           + [SUMMARY])
    snap.unchanged()


@case
def emoji_in_headline(c):
    edit(c, A_TXT, 'headline: 三桥主桥合龙', 'headline: 三桥\U0001F309主桥合龙')
    snap = Snapshot(c.ed)
    r = c.render('-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n',
           stderr=uncovered(f'{A_TXT}:1:13', 0x1F309, '\U0001F309', 'story a, headline')
           + [SUMMARY])
    snap.unchanged()
    check('三桥主桥合龙' in pdf_text(c, 'out.pdf'), 'the headline is not set without it')
    same_page_as_without(c, A_TXT, 'headline: 三桥主桥合龙', 'headline: 三桥\U0001F309主桥合龙',
                         'out.pdf', ['\U0001F309'])


@case
def emoji_in_caption(c):
    # an attribute's character is placed at its element (line 6, column 5 of edition.xml)
    edit(c, 'ed/edition.xml', 'caption="合龙现场。"', 'caption="合龙\U0001F4F7现场。"')
    snap = Snapshot(c.ed)
    r = c.render('-o', 'out.pdf', '--strict')
    expect(r, 1, stderr=uncovered('ed/edition.xml:6:5', 0x1F4F7, '\U0001F4F7', 'photo caption')
           + [SUMMARY])
    snap.unchanged()
    r = c.render('-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n',
           stderr=uncovered('ed/edition.xml:6:5', 0x1F4F7, '\U0001F4F7', 'photo caption')
           + [SUMMARY])
    check('合龙现场。' in pdf_text(c, 'out.pdf'), 'the caption is not set without it')
    same_page_as_without(c, 'ed/edition.xml', 'caption="合龙现场。"',
                         'caption="合龙\U0001F4F7现场。"', 'out.pdf', ['\U0001F4F7'])


@case
def later_line_of_a_paragraph_indented(c):
    # a paragraph of three source lines, the third indented: the column counts the blanks
    edit(c, A_TXT, '大桥建成后，', '大桥建成后，\n第二行\n    第三\U0001F600行')
    r = c.run('check', 'ed/edition.xml')
    expect(r, 0, stdout='', stderr=uncovered(f'{A_TXT}:7:7', 0x1F600, '\U0001F600',
                                             'story a, paragraph 3') + [SUMMARY])


@case
def machine_fontconfig_env_not_used(c):
    # FONTCONFIG_FILE / FONTCONFIG_PATH naming a configuration with DejaVu (which has U+263A
    # and U+1F600) change nothing: only the private configuration is a source of faces
    c.write('machine/fonts.conf', '<?xml version="1.0"?>\n<fontconfig>\n'
            '  <dir>/usr/share/fonts/truetype/dejavu</dir>\n  <dir>/usr/share/fonts</dir>\n'
            '  <cachedir>' + c.path('machine/cache') + '</cachedir>\n</fontconfig>\n')
    env = dict(c.env, FONTCONFIG_FILE=c.path('machine/fonts.conf'),
               FONTCONFIG_PATH=c.path('machine'))
    edit(c, A_TXT, '江城长江', '江城\u263a\U0001F600长江')
    snap = Snapshot(c.ed)
    r = c.render('-o', 'out.pdf', env=env)
    expect(r, 0, stdout='out.pdf\n',
           stderr=uncovered(f'{A_TXT}:3:29', 0x263A, '\u263a', 'story a, paragraph 2')
           + uncovered(f'{A_TXT}:3:30', 0x1F600, '\U0001F600', 'story a, paragraph 2')
           + [SUMMARY])
    snap.unchanged()
    same_page_as_without(c, A_TXT, '江城长江', '江城\u263a\U0001F600长江', 'out.pdf',
                         ['\u263a', '\U0001F600'])


@case
def fonts_command_lists_uncovered(c):
    edit(c, A_TXT, '江城长江', '江城\U0001F600长江')
    edit(c, 'ed/edition.xml', 'caption="合龙现场。"', 'caption="合龙\u2028现场。"')
    snap = Snapshot(c.tmp)
    r = c.run('fonts', 'ed/edition.xml')
    check(r.status == 0, f'exit status {r.status}')
    problems = []
    lines = without_excerpts(r.stdout, problems).splitlines()
    check(not problems, '; '.join(problems))
    want = ['uncovered: ' + uncovered('ed/edition.xml:6:5', 0x2028, '\\u{2028}',
                                      'photo caption')[0], HINT,
            'uncovered: ' + uncovered(f'{A_TXT}:3:29', 0x1F600, '\U0001F600',
                                      'story a, paragraph 2')[0], HINT,
            '2 uncovered characters']
    check(lines[-5:] == want, f'huozi fonts printed:\n{r.stdout}')
    for l in lines[1:9]:
        check('Noto' in l or 'LXGW' in l, f'a role resolves outside the configuration: {l}')
    snap.unchanged()


@case
def emoji_in_vertical_headline(c):
    # vertical text (直排) leaves it out too: no cell, no .notdef box
    edit(c, 'ed/edition.xml', 'src="stories/a.txt" cols="1-4"',
         'src="stories/a.txt" vertical-head="yes" cols="1-4"')
    edit(c, A_TXT, 'headline: 三桥主桥合龙', 'headline: 三桥\U0001F600主桥合龙')
    snap = Snapshot(c.ed)
    r = c.render('-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n',
           stderr=uncovered(f'{A_TXT}:1:13', 0x1F600, '\U0001F600', 'vertical headline')
           + [SUMMARY])
    snap.unchanged()
    same_page_as_without(c, A_TXT, 'headline: 三桥主桥合龙', 'headline: 三桥\U0001F600主桥合龙',
                         'out.pdf', ['\U0001F600'])


@case
def machine_configuration_never_read(c):
    # under strace: no file of the machine's configuration, nor of one named by FONTCONFIG_FILE,
    # is ever opened, by any thread (Pango's start-up calls FcInit on a thread of its own)
    if not shutil.which('strace'):
        raise Skip('needs strace')
    c.write('machine/fonts.conf', '<?xml version="1.0"?>\n<fontconfig>\n'
            '  <dir>/usr/share/fonts/truetype/dejavu</dir>\n</fontconfig>\n')
    env = dict(c.env, FONTCONFIG_FILE=c.path('machine/fonts.conf'))
    edit(c, A_TXT, '江城长江', '江城\U0001F600长江')
    p = subprocess.run(['strace', '-f', '-qq', '-e', 'trace=open,openat', '-o', c.path('trace'),
                        c.huozi, 'render', 'ed/edition.xml', '-o', 'out.pdf'],
                       cwd=c.tmp, env=env, capture_output=True, timeout=60)
    if p.returncode != 0 and b'ptrace' in p.stderr.lower():
        raise Skip('strace cannot trace here')
    check(p.returncode == 0, f'exit status {p.returncode}: {p.stderr!r}')
    with open(c.path('trace'), encoding='utf-8', errors='replace') as f:
        opened = [l for l in f if '= -1 ' not in l]
    for l in opened:
        for bad in ('/etc/fonts', c.path('machine'), '/dejavu/', 'DejaVu'):
            check(bad not in l, f'opened the machine\'s configuration or faces: {l.strip()}')
