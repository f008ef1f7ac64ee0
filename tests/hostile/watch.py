"""watch.py - `render --watch` sees every kind of save of every input (in place, by rename, moved
in, sed -i), and keeps watching after a failed run, so that fixing the broken input renders
again; a failed run never touches the PDF."""
import os
import struct
import subprocess
import zlib
from harness import case, check, Failure

SUMMARY = 'huozi: 2 pages, 2 stories, 0 overset (0 lines), 1144 empty grid cells\n'
A_TXT = 'ed/stories/a.txt'


def pdf_text(c, rel='out.pdf'):
    """the PDF's text in drawing order, without blanks and line ends"""
    out = subprocess.run(['pdftotext', '-raw', c.path(rel), '-'], check=True,
                         capture_output=True).stdout.decode('utf-8')
    return ''.join(out.split())


def started(c, *extra):
    """huozi render --watch -o out.pdf, after its first, clean, render"""
    w = c.spawn('render', 'ed/edition.xml', '-o', 'out.pdf', '--watch', *extra)
    try:
        rendered(w)
    except BaseException:
        w.stop()
        raise
    return w


def rendered(w, timeout=20):
    """the next render, which must succeed with the fixture's summary"""
    status, lines = w.wait_watching(timeout)
    if status != 0 or lines != [SUMMARY]:
        raise Failure(f'render status {status}, stderr:\n{"".join(lines)}')


def replace_text(c, rel, old, new):
    text = c.read(rel).decode('utf-8')
    check(old in text, f'{old!r} not in {rel}')
    return text.replace(old, new, 1)


def png(width, height, rgb):
    """a PNG of one colour"""
    def chunk(kind, data):
        return (struct.pack('>I', len(data)) + kind + data +
                struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff))
    rows = b''.join(b'\0' + bytes(rgb) * width for _ in range(height))
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0,
                                                              0, 0)) +
            chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))


def story_edit_seen(c, save):
    """save(new_text) changes a.txt some way; the watcher renders again and the PDF has it"""
    with started(c) as w:
        check('江城长江' in pdf_text(c), 'the first render lacks the story')
        save(replace_text(c, A_TXT, '江城长江', '汉江长江'))
        rendered(w)
        text = pdf_text(c)
        check('汉江长江' in text and '江城长江' not in text, 'the PDF does not have the edit')


@case
def story_written_in_place(c):
    # guards what already worked: a write into the same file
    story_edit_seen(c, lambda text: c.write(A_TXT, text))


@case
def story_saved_by_os_replace(c):
    def save(text):
        c.write('ed/stories/.a.txt.tmp', text)
        os.replace(c.path('ed/stories/.a.txt.tmp'), c.path(A_TXT))
    story_edit_seen(c, save)


@case
def story_saved_by_mv_from_another_name(c):
    def save(text):
        c.write('ed/stories/a.txt.new', text)
        subprocess.run(['mv', c.path('ed/stories/a.txt.new'), c.path(A_TXT)], check=True)
    story_edit_seen(c, save)


@case
def story_moved_in_from_another_folder(c):
    # guards what already worked: mv from outside the stories folder (a move into it)
    def save(text):
        c.write('incoming/a.txt', text)
        subprocess.run(['mv', c.path('incoming/a.txt'), c.path(A_TXT)], check=True)
    story_edit_seen(c, save)


@case
def story_edited_by_sed_i(c):
    def save(_text):
        subprocess.run(['sed', '-i', 's/江城长江/汉江长江/', c.path(A_TXT)], check=True)
    story_edit_seen(c, save)


def same_as_one_run(c, lines):
    """a failed run under --watch says exactly what one render of the same files says (whose
    messages the other modules check word for word), and the first line is a located error"""
    one = c.render('-o', 'one-run.pdf')
    check(one.status == 2 and ''.join(lines) == one.stderr,
          f'--watch said:\n{"".join(lines)}one render said (exit {one.status}):\n{one.stderr}')
    check(': error: ' in lines[0], f'not a located error: {lines[0]}')


def broken_then_fixed(c, break_it, fix_it):
    with started(c) as w:
        before = c.read('out.pdf')
        break_it()
        status, lines = w.wait_watching()
        check(status == 2, f'the broken story gave status {status}: {"".join(lines)}')
        same_as_one_run(c, lines)
        check(c.read('out.pdf') == before, 'the failed run changed the PDF')
        fix_it()
        rendered(w)
        check(c.read('out.pdf') != before, 'the PDF did not change after the fix')
        check('汉江长江' in pdf_text(c), 'the PDF lacks the fixed story')


@case
def story_broken_then_fixed_in_place(c):
    good = replace_text(c, A_TXT, '江城长江', '汉江长江')
    broken_then_fixed(c, lambda: c.write(A_TXT, good.encode('utf-8') + b'\xff\xfe broken\n'),
                      lambda: c.write(A_TXT, good))


@case
def story_broken_then_fixed_by_rename(c):
    good = replace_text(c, A_TXT, '江城长江', '汉江长江')

    def save(data):
        c.write('ed/stories/.a.tmp', data)
        os.replace(c.path('ed/stories/.a.tmp'), c.path(A_TXT))
    broken_then_fixed(c, lambda: save(good.encode('utf-8') + b'\xff\xfe broken\n'),
                      lambda: save(good))


@case
def story_deleted_then_restored(c):
    good = replace_text(c, A_TXT, '江城长江', '汉江长江')
    broken_then_fixed(c, lambda: os.unlink(c.path(A_TXT)), lambda: c.write(A_TXT, good))


@case
def image_replaced_by_rename(c):
    with started(c) as w:
        before = c.read('out.pdf')
        c.write('ed/images/.x.png.tmp', png(16, 12, (200, 30, 30)))
        os.replace(c.path('ed/images/.x.png.tmp'), c.path('ed/images/x.png'))
        rendered(w)
        check(c.read('out.pdf') != before, 'the PDF did not change with the new image')


@case
def edition_replaced_by_rename(c):
    with started(c) as w:
        c.write('ed/edition.xml.new', replace_text(c, 'ed/edition.xml', '合龙现场。', '桥面铺装。'))
        os.replace(c.path('ed/edition.xml.new'), c.path('ed/edition.xml'))
        rendered(w)
        text = pdf_text(c)
        check('桥面铺装。' in text and '合龙现场。' not in text, 'the new caption is not there')
        # and the replaced edition is still watched
        c.write('ed/edition.xml.new', replace_text(c, 'ed/edition.xml', '桥面铺装。', '通车在即。'))
        os.replace(c.path('ed/edition.xml.new'), c.path('ed/edition.xml'))
        rendered(w)
        check('通车在即。' in pdf_text(c), 'the second new caption is not there')


@case
def layout_by_path_replaced_by_rename(c):
    layout = c.read('ed/layout.xml').decode('utf-8')  # the fixture's, already named by path
    with started(c) as w:
        before = c.read('out.pdf')
        check(layout.count('Noto Serif CJK SC') > 0, 'the layout has no song role')
        c.write('ed/.layout.tmp', layout.replace('Noto Serif CJK SC', 'LXGW WenKai'))
        os.replace(c.path('ed/.layout.tmp'), c.path('ed/layout.xml'))
        rendered(w)
        check(c.read('out.pdf') != before, 'the PDF did not change with the new layout')


@case
def story_broken_from_the_start_then_fixed(c):
    # no good run yet: the stories the page description names are watched all the same
    good = c.read(A_TXT)
    c.write(A_TXT, good + b'\xff\xfe broken\n')
    with c.spawn('render', 'ed/edition.xml', '-o', 'out.pdf', '--watch') as w:
        status, lines = w.wait_watching()
        check(status == 2, f'status {status}: {lines}')
        same_as_one_run(c, lines)
        check(not os.path.exists(c.path('out.pdf')), 'the failed run wrote out.pdf')
        c.write('ed/stories/.a.tmp', good)
        os.replace(c.path('ed/stories/.a.tmp'), c.path(A_TXT))
        rendered(w)
        check('江城长江' in pdf_text(c), 'the PDF lacks the fixed story')


@case
def edition_broken_then_fixed(c):
    good = c.read('ed/edition.xml')
    with started(c) as w:
        before = c.read('out.pdf')
        c.write('ed/edition.xml', good.replace(b'</edition>', b''))
        status, lines = w.wait_watching()
        check(status == 2, f'status {status}: {lines}')
        same_as_one_run(c, lines)
        check(c.read('out.pdf') == before, 'the failed run changed the PDF')
        # the stories are still watched while the edition is broken: an edit made meanwhile
        # is in the render that follows the fix
        c.write(A_TXT, replace_text(c, A_TXT, '江城长江', '汉江长江'))
        status, lines = w.wait_watching()
        check(status == 2, f'status {status} with the edition still broken')
        c.write('ed/edition.xml.new', good)
        os.replace(c.path('ed/edition.xml.new'), c.path('ed/edition.xml'))
        rendered(w)
        check('汉江长江' in pdf_text(c), 'the PDF lacks the story edited meanwhile')


@case
def story_symlink_target_saved_by_rename(c):
    # a story that is a symbolic link to a file elsewhere in the edition's folder: a save of the
    # target by rename in its own folder is seen
    os.makedirs(c.path('ed/desk'))
    os.replace(c.path(A_TXT), c.path('ed/desk/a.txt'))
    os.symlink('../desk/a.txt', c.path(A_TXT))

    def save(text):
        c.write('ed/desk/.a.tmp', text)
        os.replace(c.path('ed/desk/.a.tmp'), c.path('ed/desk/a.txt'))
    story_edit_seen(c, save)
