"""outputs.py - writing outputs: an output never replaces an input (by file, not by spelling),
symbolic links are followed and devices, FIFOs, sockets and folders refused, `-` is standard
output, two outputs never name one file, and a run writes all its outputs or none of them (a
failure, a full disk or an interrupt leaves the previous files as they were).

Devices are made with mknod inside the case's folder (root only), never the system's /dev
nodes: the landed binary replaced those, and these cases also run against it.
"""
import json
import os
import shutil
import signal
import socket
import stat
import struct
import subprocess
import time
import zlib
from harness import case, expect, check, Snapshot, Failure, Skip, tree_state, heavy

SUMMARY = 'huozi: 2 pages, 2 stories, 0 overset (0 lines), 1144 empty grid cells'
# --pages 1 lays out page 1 only: the empty cells counted are that page's
SUMMARY_PAGE1 = 'huozi: 2 pages, 2 stories, 0 overset (0 lines), 472 empty grid cells'
HINT_ELSEWHERE = '  hint: write the output somewhere else'
HINT_FILE = '  hint: name a regular file, or - for standard output'
HINT_PAGES = '  hint: move it out of the way, or write the pages to another folder'
HINT_SAME = '  hint: give each output its own file name'
HINT_DISK = '  hint: free some space on that disk, or write the output somewhere else'


def overwrite(out, inp):
    return [f'{out}: error: the output would overwrite an input of the edition ({inp})',
            HINT_ELSEWHERE]


def not_a_file(out, what, hint=HINT_FILE):
    return [f'{out}: error: the output is {what}, not a file', hint]


def same(out, first, second):
    return [f'{out}: error: the {first} and the {second} would be the same file', HINT_SAME]


def edit(c, old, new):
    """replace text in the edition's page description"""
    text = c.read('ed/edition.xml').decode()
    check(old in text, f'edition.xml has no {old!r}')
    c.write('ed/edition.xml', text.replace(old, new))


def no_temporaries(*dirs):
    """no *.part file or .huozi-*.part folder left in these folders"""
    for d in dirs:
        left = [n for n in os.listdir(d) if n.endswith('.part')]
        check(not left, f'temporary files left in {d}: {left}')


# --- 1. inputs overwritten through another spelling -------------------------------------------

@case
def o_through_symlinked_folder(c):
    os.symlink('ed', c.path('LINK'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'LINK/stories/a.txt')
    expect(r, 2, stdout='', stderr=overwrite('LINK/stories/a.txt', 'stories/a.txt') + [SUMMARY])
    snap.unchanged()


@case
def report_through_symlinked_folder(c):
    os.symlink('ed', c.path('LINK'))
    snap = Snapshot(c.tmp)
    r = c.render('--report', 'LINK/stories/b.txt')
    expect(r, 2, stdout='', stderr=overwrite('LINK/stories/b.txt', 'stories/b.txt') + [SUMMARY])
    snap.unchanged()


@case
def o_target_of_story_symlink(c):
    """stories/a.txt is a link to stories/real.txt: writing real.txt destroys the story"""
    os.rename(c.path('ed/stories/a.txt'), c.path('ed/stories/real.txt'))
    os.symlink('real.txt', c.path('ed/stories/a.txt'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'ed/stories/real.txt')
    expect(r, 2, stdout='', stderr=overwrite('ed/stories/real.txt', 'stories/a.txt') + [SUMMARY])
    snap.unchanged()


@case
def report_target_of_story_symlink(c):
    os.rename(c.path('ed/stories/b.txt'), c.path('ed/stories/real.txt'))
    os.symlink('real.txt', c.path('ed/stories/b.txt'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', '--report', 'ed/stories/real.txt')
    expect(r, 2, stdout='',
           stderr=overwrite('ed/stories/real.txt', 'stories/b.txt') + [SUMMARY])
    snap.unchanged()


@case
def o_hard_link_to_story(c):
    os.link(c.path('ed/stories/a.txt'), c.path('hard.txt'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'hard.txt')
    expect(r, 2, stdout='', stderr=overwrite('hard.txt', 'stories/a.txt') + [SUMMARY])
    snap.unchanged()


@case
def o_dot_and_double_slash_spelling(c):
    snap = Snapshot(c.tmp)
    r = c.render('-o', './ed/.//stories//a.txt')
    expect(r, 2, stdout='', stderr=overwrite('./ed/.//stories//a.txt', 'stories/a.txt') + [SUMMARY])
    snap.unchanged()


@case
def report_dotdot_spelling_of_image(c):
    snap = Snapshot(c.tmp)
    r = c.render('--report', 'ed/stories/../images/x.png')
    expect(r, 2, stdout='',
           stderr=overwrite('ed/stories/../images/x.png', 'images/x.png') + [SUMMARY])
    snap.unchanged()


@case
def o_edition_by_absolute_path(c):
    snap = Snapshot(c.tmp)
    target = c.path('ed', 'edition.xml')
    r = c.render('-o', target)
    expect(r, 2, stdout='', stderr=overwrite(target, 'ed/edition.xml') + [SUMMARY])
    snap.unchanged()


@case
def report_over_edition_given_by_absolute_path(c):
    """the page description named as on the command line; a story relative to its folder"""
    snap = Snapshot(c.tmp)
    edition = c.path('ed', 'edition.xml')
    r = c.run('render', edition, '--report', 'ed/edition.xml', '-o', 'ed/stories/./b.txt')
    expect(r, 2, stdout='', stderr=overwrite('ed/stories/./b.txt', 'stories/b.txt') +
           overwrite('ed/edition.xml', edition) + [SUMMARY])
    snap.unchanged()


@case
def o_relative_through_symlinked_folder_from_elsewhere(c):
    """run from inside the stories folder, the ad named through a link to the edition"""
    os.symlink('ed', c.path('LINK'))
    snap = Snapshot(c.tmp)
    r = c.run('render', '../edition.xml', '-o', '../../LINK/images/y.jpg',
              cwd=c.path('ed', 'stories'))
    expect(r, 2, stdout='', stderr=overwrite('../../LINK/images/y.jpg', 'images/y.jpg') + [SUMMARY])
    snap.unchanged()


@case
def report_layout_file(c):
    """a layout named by path inside the edition folder is an input too"""
    shutil.copy(c.path('ed', 'layout.xml'), c.path('ed', 'grid.xml'))
    edit(c, 'layout="layout.xml"', 'layout="grid.xml"')
    snap = Snapshot(c.tmp)
    r = c.render('--report', 'ed/grid.xml')
    expect(r, 2, stdout='', stderr=overwrite('ed/grid.xml', 'grid.xml') + [SUMMARY])
    snap.unchanged()


@case
def png_over_ad_named_like_a_page(c):
    """--png into the images folder, where the ad is called page-01.png"""
    os.rename(c.path('ed/images/x.png'), c.path('ed/images/page-01.png'))
    edit(c, 'images/x.png', 'images/page-01.png')
    snap = Snapshot(c.tmp)
    r = c.render('--png', 'ed/images')
    expect(r, 2, stdout='',
           stderr=overwrite('ed/images/page-01.png', 'images/page-01.png') + [SUMMARY])
    snap.unchanged()


@case
def split_over_input_named_like_a_page(c):
    """--split into the stories folder, where page 2's story is called 20261128-02.pdf"""
    os.rename(c.path('ed/stories/b.txt'), c.path('ed/stories/20261128-02.pdf'))
    edit(c, 'stories/b.txt', 'stories/20261128-02.pdf')
    snap = Snapshot(c.tmp)
    r = c.render('--split', 'ed/stories', '-o', 'out.pdf')
    expect(r, 2, stdout='',
           stderr=overwrite('ed/stories/20261128-02.pdf', 'stories/20261128-02.pdf') + [SUMMARY])
    snap.unchanged()


@case
def every_refused_output_named(c):
    """one message per refused output, all before anything is written"""
    os.symlink('ed', c.path('LINK'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'LINK/stories/a.txt', '--report', 'ed/images/y.jpg', '--png', 'proofs')
    expect(r, 2, stdout='', stderr=overwrite('LINK/stories/a.txt', 'stories/a.txt') +
           overwrite('ed/images/y.jpg', 'images/y.jpg') + [SUMMARY])
    snap.unchanged()


@case
def outputs_inside_edition_folder_are_fine(c):
    """(guard) outputs beside the inputs, not on them, are written"""
    r = c.render('-o', 'ed/out.pdf', '--report', 'ed/fit.json', '--png', 'ed/proofs',
                 '--split', 'ed/pages')
    expect(r, 0, stdout='ed/out.pdf\n', stderr=[SUMMARY])
    check(c.read('ed/out.pdf').startswith(b'%PDF-'), 'ed/out.pdf is not a PDF')
    check(json.loads(c.read('ed/fit.json'))['huozi_fit_report'] == 4, 'fit.json')
    check(sorted(os.listdir(c.path('ed/proofs'))) == ['page-01.png', 'page-02.png'], 'proofs')
    check(sorted(os.listdir(c.path('ed/pages'))) == ['20261128-01.pdf', '20261128-02.pdf'],
          'pages')


# --- 2. symbolic links and devices -------------------------------------------------------------

@case
def report_symlink_followed(c):
    """the file the link points to is replaced; the link stays a link"""
    os.mkdir(c.path('keep'))
    c.write('keep/real.json', '{"old": true}\n')
    os.symlink('keep/real.json', c.path('link.json'))
    r = c.render('--report', 'link.json')
    expect(r, 0, stdout='', stderr=[SUMMARY])
    check(os.path.islink(c.path('link.json')), 'link.json is no longer a link')
    check(os.readlink(c.path('link.json')) == 'keep/real.json', 'link.json points elsewhere')
    check(json.loads(c.read('keep/real.json'))['huozi_fit_report'] == 4,
          'the link target does not hold the report')
    no_temporaries(c.tmp, c.path('keep'))


@case
def o_symlink_to_another_folder(c):
    """the temporary file is made beside the target, in the target's folder"""
    os.mkdir(c.path('press'))
    c.write('press/today.pdf', b'%PDF-1.5\n% yesterday\n%%EOF\n')
    os.symlink(c.path('press', 'today.pdf'), c.path('today.pdf'))
    r = c.render('-o', 'today.pdf')
    expect(r, 0, stdout='today.pdf\n', stderr=[SUMMARY])
    check(os.path.islink(c.path('today.pdf')), 'today.pdf is no longer a link')
    data = c.read('press/today.pdf')
    check(data.startswith(b'%PDF-') and b'yesterday' not in data, 'the target was not replaced')
    no_temporaries(c.tmp, c.path('press'))


@case
def o_dangling_symlink_refused(c):
    os.symlink('gone/nothing.pdf', c.path('dangling.pdf'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'dangling.pdf')
    expect(r, 2, stdout='', stderr=[
        'dangling.pdf: error: the output is a symbolic link to a file that does not exist '
        '(gone/nothing.pdf)', '  hint: remove the link, or create the file it points to',
        SUMMARY])
    snap.unchanged()


@case
def o_symlink_to_story_refused(c):
    os.symlink('ed/stories/a.txt', c.path('out.pdf'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    expect(r, 2, stdout='', stderr=overwrite('out.pdf', 'stories/a.txt') + [SUMMARY])
    snap.unchanged()


@case
def o_character_device_refused(c):
    """a copy of /dev/null made in the case's folder (the landed binary replaced the node)"""
    c.need_root()
    os.mknod(c.path('null'), 0o666 | 0o020000, os.makedev(1, 3))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'null')
    expect(r, 2, stdout='', stderr=not_a_file('null', 'a character device') + [SUMMARY])
    snap.unchanged()


@case
def report_full_device_refused(c):
    """a copy of /dev/full: refused as a device before anything is written"""
    c.need_root()
    os.mknod(c.path('full'), 0o666 | 0o020000, os.makedev(1, 7))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', '--report', 'full')
    expect(r, 2, stdout='', stderr=not_a_file('full', 'a character device') + [SUMMARY])
    snap.unchanged()


@case
def report_dev_stdout_link_refused(c):
    """a link to /dev/stdout (here /dev/null): the device behind it is refused, the link kept"""
    c.need_root()  # the landed binary renamed over the link; harmless here, in the case folder
    os.symlink('/dev/stdout', c.path('stdout.json'))
    snap = Snapshot(c.tmp)
    with open('/dev/null', 'wb') as devnull:
        r = c.render('--report', 'stdout.json', stdout=devnull)
    expect(r, 2, stderr=not_a_file('stdout.json', 'a character device') + [SUMMARY])
    snap.unchanged()


@case
def o_fifo_refused(c):
    os.mkfifo(c.path('out.fifo'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.fifo')
    expect(r, 2, stdout='', stderr=not_a_file('out.fifo', 'a FIFO (named pipe)') + [SUMMARY])
    snap.unchanged()


@case
def report_socket_refused(c):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.bind(c.path('sock'))
        snap = Snapshot(c.tmp)
        r = c.render('--report', 'sock')
        expect(r, 2, stdout='', stderr=not_a_file('sock', 'a socket') + [SUMMARY])
        snap.unchanged()
    finally:
        s.close()


@case
def o_folder_refused(c):
    os.mkdir(c.path('out.pdf'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    expect(r, 2, stdout='', stderr=not_a_file('out.pdf', 'a folder') + [SUMMARY])
    snap.unchanged()


@case
def png_page_name_taken_by_folder(c):
    os.makedirs(c.path('proofs', 'page-02.png'))
    snap = Snapshot(c.tmp)
    r = c.render('--png', 'proofs')
    expect(r, 2, stdout='',
           stderr=not_a_file('proofs/page-02.png', 'a folder', HINT_PAGES) + [SUMMARY])
    snap.unchanged()


@case
def split_folder_is_a_file(c):
    c.write('pages', 'not a folder\n')
    snap = Snapshot(c.tmp)
    r = c.render('--split', 'pages')
    expect(r, 2, stdout='', stderr=[
        'pages: error: --split needs a folder, and this is a file',
        '  hint: name a folder: huozi creates it when it does not exist', SUMMARY])
    snap.unchanged()


@case
def png_page_symlink_followed(c):
    """a page file of --png that is a link elsewhere: the target replaced, the link kept"""
    os.makedirs(c.path('archive'))
    c.write('archive/p1.png', b'old proof')
    os.makedirs(c.path('proofs'))
    os.symlink('../archive/p1.png', c.path('proofs', 'page-01.png'))
    r = c.render('--png', 'proofs')
    expect(r, 0, stdout='', stderr=[SUMMARY])
    check(os.path.islink(c.path('proofs', 'page-01.png')), 'page-01.png is no longer a link')
    check(c.read('archive/p1.png').startswith(b'\x89PNG'), 'the link target was not replaced')
    check(sorted(os.listdir(c.path('proofs'))) == ['page-01.png', 'page-02.png'], 'proofs/')
    no_temporaries(c.path('archive'))


@case
def split_folder_symlink_followed(c):
    """(guard) a --split folder that is a link to a folder: the pages go there"""
    os.makedirs(c.path('real'))
    os.symlink('real', c.path('pages'))
    r = c.render('--split', 'pages')
    expect(r, 0, stdout='', stderr=[SUMMARY])
    check(os.path.islink(c.path('pages')), 'pages is no longer a link')
    check(sorted(os.listdir(c.path('real'))) == ['20261128-01.pdf', '20261128-02.pdf'], 'real/')


@case
def split_folder_dangling_symlink_refused(c):
    os.symlink('gone', c.path('pages'))
    snap = Snapshot(c.tmp)
    r = c.render('--split', 'pages', '-o', 'out.pdf')
    expect(r, 2, stdout='', stderr=[
        'pages: error: the output is a symbolic link to a file that does not exist (gone)',
        '  hint: remove the link, or create the file it points to', SUMMARY])
    snap.unchanged()


@case
def o_replaces_previous_output(c):
    """(guard) an existing output file is replaced by a new file, not written into"""
    c.write('out.pdf', b'%PDF-1.5\n% yesterday\n%%EOF\n')
    os.link(c.path('out.pdf'), c.path('yesterday.pdf'))
    r = c.render('-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n', stderr=[SUMMARY])
    check(c.read('yesterday.pdf') == b'%PDF-1.5\n% yesterday\n%%EOF\n',
          'the old file was written into (its other link changed)')
    check(c.read('out.pdf').startswith(b'%PDF-') and b'yesterday' not in c.read('out.pdf'),
          'out.pdf was not replaced')


# --- standard output ---------------------------------------------------------------------------

@case
def o_dash_writes_pdf_to_stdout(c):
    snap = Snapshot(c.tmp)
    r = c.render('-o', '-')
    expect(r, 0, stderr=[SUMMARY])
    check(r.stdout_bytes.startswith(b'%PDF-') and r.stdout_bytes.rstrip().endswith(b'%%EOF'),
          'stdout is not a whole PDF (and nothing else)')
    snap.unchanged()  # no file called "-"


@case
def o_dash_piped(c):
    """-o - into a pipe read to the end by another process"""
    snap = Snapshot(c.tmp)
    reader = subprocess.Popen(['wc', '-c'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    r = c.render('-o', '-', stdout=reader.stdin)
    reader.stdin.close()
    n = int(reader.stdout.read())
    reader.wait()
    expect(r, 0, stdout='', stderr=[SUMMARY])
    ref = c.render('-o', 'ref.pdf')
    expect(ref, 0, stdout='ref.pdf\n', stderr=[SUMMARY])
    check(n == len(c.read('ref.pdf')), f'{n} bytes through the pipe, the PDF has '
          f'{len(c.read("ref.pdf"))}')
    os.unlink(c.path('ref.pdf'))
    snap.unchanged()


@case
def report_dash_with_pdf(c):
    """--report - : the JSON alone on stdout (the PDF's path line is left out)"""
    r = c.render('-o', 'out.pdf', '--report', '-')
    expect(r, 0, stderr=[SUMMARY])
    check(json.loads(r.stdout)['huozi_fit_report'] == 4, 'stdout is not the fit report')
    check(c.read('out.pdf').startswith(b'%PDF-'), 'out.pdf is not a PDF')
    check(sorted(os.listdir(c.tmp)) == ['ed', 'out.pdf'], 'a file called - was written')


@case
def check_report_dash(c):
    snap = Snapshot(c.tmp)
    r = c.run('check', 'ed/edition.xml', '--report', '-')
    expect(r, 0, stderr=[SUMMARY])
    check(json.loads(r.stdout)['stories'][0]['id'] == 'a', 'stdout is not the fit report')
    snap.unchanged()


@case
def o_dash_appended_to_story_refused(c):
    """-o - >> ed/stories/a.txt: standard output redirected onto an input"""
    snap = Snapshot(c.tmp)
    with open(c.path('ed/stories/a.txt'), 'ab') as story:
        r = c.render('-o', '-', stdout=story)
    expect(r, 2, stderr=overwrite('-', 'stories/a.txt') + [SUMMARY])
    snap.unchanged()


@case
def o_dash_redirected_to_the_report(c):
    """-o - > fit.json --report fit.json: one file, two outputs"""
    c.write('fit.json', '{"yesterday": true}\n')
    snap = Snapshot(c.tmp)
    with open(c.path('fit.json'), 'ab') as f:
        r = c.render('-o', '-', '--report', 'fit.json', stdout=f)
    expect(r, 2, stderr=same('fit.json', 'PDF (-o)', 'report (--report)') + [SUMMARY])
    snap.unchanged()


@case
def both_outputs_to_stdout_refused(c):
    snap = Snapshot(c.tmp)
    r = c.render('-o', '-', '--report', '-')
    expect(r, 2, stdout='', stderr=[
        'huozi: -o - and --report -: only one output can go to standard output',
        '  hint: write the other to a file'])
    snap.unchanged()


@case
def split_dash_refused(c):
    snap = Snapshot(c.tmp)
    r = c.render('--split', '-')
    expect(r, 2, stdout='', stderr=[
        'huozi: --split -: one file per page cannot go to standard output',
        '  hint: name a folder (./- for a folder called -)'])
    snap.unchanged()


@case
def watch_to_stdout_refused(c):
    snap = Snapshot(c.tmp)
    r = c.render('--watch', '-o', '-', timeout=20)
    expect(r, 2, stdout='', stderr=[
        'huozi: --watch renders again and again: it cannot write to standard output',
        '  hint: write to a file'])
    snap.unchanged()


@case
def o_dash_into_dev_full(c):
    snap = Snapshot(c.tmp)
    with open('/dev/full', 'wb') as full:
        r = c.render('-o', '-', stdout=full)
    expect(r, 3, stderr=[
        '-: error: cannot write the PDF to standard output: No space left on device',
        HINT_DISK, SUMMARY])
    snap.unchanged()


@case
def report_dash_into_closed_pipe(c):
    """the reader is gone: a reported error (exit 3), not a death by SIGPIPE"""
    rd, wr = os.pipe()
    os.close(rd)
    snap = Snapshot(c.tmp)
    with os.fdopen(wr, 'wb') as w:
        r = c.render('-o', 'out.pdf', '--report', '-', stdout=w)
    expect(r, 3, stderr=[
        '-: error: cannot write the report to standard output: Broken pipe',
        "  hint: keep the program reading huozi's output running until huozi ends", SUMMARY])
    snap.unchanged()  # and so out.pdf was not written either


# --- collisions ---------------------------------------------------------------------------------

@case
def o_and_report_same_new_file(c):
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'same', '--report', 'same')
    expect(r, 2, stdout='', stderr=same('same', 'PDF (-o)', 'report (--report)') + [SUMMARY])
    snap.unchanged()


@case
def o_and_report_same_file_two_spellings(c):
    os.mkdir(c.path('out'))
    os.symlink('out', c.path('alias'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out/x', '--report', './alias/x')
    expect(r, 2, stdout='', stderr=same('./alias/x', 'PDF (-o)', 'report (--report)') + [SUMMARY])
    snap.unchanged()


@case
def o_and_report_hard_links(c):
    c.write('a.out', 'old\n')
    os.link(c.path('a.out'), c.path('b.out'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'a.out', '--report', 'b.out')
    expect(r, 2, stdout='', stderr=same('b.out', 'PDF (-o)', 'report (--report)') + [SUMMARY])
    snap.unchanged()


@case
def o_same_as_split_page(c):
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'pages/20261128-01.pdf', '--split', 'pages')
    expect(r, 2, stdout='', stderr=same('pages/20261128-01.pdf', 'PDF (-o)',
                                        'PDF of page 01 (--split)') + [SUMMARY])
    snap.unchanged()


@case
def split_and_png_same_folder_fine(c):
    """(guard) page PDFs and PNG proofs side by side in one folder"""
    r = c.render('--split', 'out', '--png', 'out')
    expect(r, 0, stdout='', stderr=[SUMMARY])
    check(sorted(os.listdir(c.path('out'))) == ['20261128-01.pdf', '20261128-02.pdf',
                                                'page-01.png', 'page-02.png'], 'out/')


# --- 3. all or nothing --------------------------------------------------------------------------

@case
def pdf_not_written_when_report_refused(c):
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'x.pdf', '--report', 'ed/stories/a.txt')
    expect(r, 2, stdout='', stderr=overwrite('ed/stories/a.txt', 'stories/a.txt') + [SUMMARY])
    snap.unchanged()


@case
def report_in_missing_folder_writes_nothing(c):
    """the report cannot be created: the PDF, ready first, is not written either"""
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', '--report', 'nowhere/fit.json')
    expect(r, 3, stdout='', stderr=[
        'nowhere/fit.json: error: cannot create the output file: No such file or directory',
        '  hint: check that the folder exists and is writable', SUMMARY])
    snap.unchanged()


def broken_png():
    """a PNG whose chunks and CRCs are right but whose image data is not zlib: it fails only
    when decoded, while the page is drawn"""
    def chunk(kind, data):
        return (struct.pack('>I', len(data)) + kind + data +
                struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff))
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 16, 12, 8, 2, 0, 0, 0))
            + chunk(b'IDAT', b'\x78\x9c' + b'\xff\x00' * 40) + chunk(b'IEND', b''))


def broken_png_message(where):
    return [f'ed/edition.xml:{where}: error: ed/images/bad.png is a broken PNG (its image data '
            'cannot be read)', '  hint: re-export the image']


def old_outputs(c):
    """yesterday's outputs, which a failed run must leave as they are"""
    c.write('out.pdf', b'%PDF-1.5\n% yesterday\n%%EOF\n')
    c.write('fit.json', '{"yesterday": true}\n')
    c.write('proofs/page-01.png', b'old proof 1')
    c.write('pages/20261128-01.pdf', b'%PDF-1.5\n% old page 1\n%%EOF\n')


@case
def broken_image_on_page_2_writes_nothing(c):
    """a page-2 image that could once fail only at drawing time (bad zlib, right CRCs) is now
    refused when the edition is read; either way no output of the run is written (a failure
    after some outputs were complete is report-disk-full's case)"""
    c.write('ed/images/bad.png', broken_png())
    edit(c, '<story id="b" src="stories/b.txt" cols="1-4" lines="1-40"/>',
         '<story id="b" src="stories/b.txt" cols="1-4" lines="1-40"/>\n'
         '    <photo src="images/bad.png" cols="5-8" lines="1-20"/>')
    old_outputs(c)
    snap = Snapshot(c.tmp)
    r = c.render('--png', 'proofs', '--split', 'pages', '-o', 'out.pdf', '--report', 'fit.json')
    expect(r, 2, stdout='', stderr=broken_png_message('11:16'))
    snap.unchanged()
    no_temporaries(c.tmp, c.path('proofs'), c.path('pages'))


@case
def broken_image_leaves_no_new_folder(c):
    c.write('ed/images/bad.png', broken_png())
    edit(c, 'images/x.png', 'images/bad.png')
    snap = Snapshot(c.tmp)
    r = c.render('--png', 'new/proofs', '--split', 'new/pages')
    expect(r, 2, stdout='', stderr=broken_png_message('6:16'))
    snap.unchanged()


@case
def strict_finding_still_writes_everything(c):
    """(guard) exit 1 under --strict: the outputs are written, the report tells the desk why"""
    c.write('ed/stories/b.txt', c.read('ed/stories/b.txt').decode() * 60)
    r = c.render('--strict', '-o', 'out.pdf', '--report', 'fit.json', '--png', 'proofs')
    check(r.status == 1, f'exit {r.status}, expected 1\n{r!r}')
    check(c.read('out.pdf').startswith(b'%PDF-'), 'out.pdf')
    check(json.loads(c.read('fit.json'))['stories'][1]['overset_lines'] > 0, 'fit.json')
    check(sorted(os.listdir(c.path('proofs'))) == ['page-01.png', 'page-02.png'], 'proofs')


def big_edition(c, pages):
    """an edition of many pages, one short story on each"""
    body = []
    for i in range(1, pages + 1):
        c.write(f'big/stories/s{i:03d}.txt', f'headline: 第{i}版要闻\n\n大桥建设进入桥面施工阶段。\n')
        body.append(f'  <page folio="{i:03d}">\n    <story id="s{i}" src="stories/s{i:03d}.txt" '
                    f'cols="1-4" lines="1-20"/>\n  </page>\n')
    c.write('big/layout.xml', c.read('ed/layout.xml'))  # the fixture's: underset tolerated
    c.write('big/edition.xml', '<?xml version="1.0" encoding="UTF-8"?>\n<edition paper="江城日报" '
            'date="2026-11-28" layout="layout.xml">\n' + ''.join(body) + '</edition>\n')


def pages_written(d, before):
    """pages the running render has written: in its temporary folder, or (the landed binary)
    new or replaced files in the folder itself"""
    n = 0
    try:
        names = os.listdir(d)
    except OSError:
        return 0
    for name in names:
        p = os.path.join(d, name)
        try:
            st = os.lstat(p)
            if stat.S_ISDIR(st.st_mode):
                n += len(os.listdir(p))
            elif name not in before or before[name][1:4] != (st.st_ino, st.st_size,
                                                             st.st_mtime_ns):
                n += 1
        except OSError:
            pass  # renamed or removed meanwhile
    return n


def interrupt_split(c, sig):
    big_edition(c, 400)
    r = c.run('render', 'big/edition.xml', '--split', 'pages', timeout=120)
    expect(r, 0, stdout='', max_s=60, max_mb=512,
           stderr=['huozi: 400 pages, 400 stories, 0 overset (0 lines), 300800 empty grid cells'])
    c.write('big/stories/s001.txt', 'headline: 改了\n\n新的一天。\n')
    c.write('big/stories/s400.txt', 'headline: 也改了\n\n新的一天。\n')
    before = tree_state(c.path('pages'))
    snap = Snapshot(c.path('big'))
    p = subprocess.Popen([c.huozi, 'render', 'big/edition.xml', '--split', 'pages'], cwd=c.tmp,
                         env=c.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while (p.poll() is None and time.monotonic() < deadline and
               pages_written(c.path('pages'), before) < 40):
            time.sleep(0.001)
        if p.poll() is not None:
            raise Failure(f'the second run ended (exit {p.returncode}) before 40 pages were '
                          'written')
        p.send_signal(sig)
        status = p.wait(timeout=60)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    check(status == -sig, f'exit status {status}, expected death by signal {sig}')
    snap.unchanged()
    after = tree_state(c.path('pages'))
    if sig == signal.SIGKILL:  # only the temporary folder may have been left
        after = {k: v for k, v in after.items() if not k.startswith('.huozi-')}
    check(after == before, 'the previous set of pages changed: ' +
          str(sorted(k for k in set(after) | set(before) if after.get(k) != before.get(k))))


@case
@heavy
def split_400_interrupted_sigterm_keeps_old_set(c):
    interrupt_split(c, signal.SIGTERM)


@case
@heavy
def split_400_interrupted_sigint_keeps_old_set(c):
    interrupt_split(c, signal.SIGINT)


@case
@heavy
def split_400_killed_keeps_old_set(c):
    """SIGKILL cannot be caught: the old set stays, the temporary folder is left behind"""
    interrupt_split(c, signal.SIGKILL)


# --- 6. full disk --------------------------------------------------------------------------------

class Tmpfs:
    """a small tmpfs mounted on a folder of the case (root only), unmounted at the end"""

    def __init__(self, c, rel, size='160k'):
        c.need_root()
        self.path = c.path(rel)
        os.makedirs(self.path)
        res = subprocess.run(['mount', '-t', 'tmpfs', '-o', f'size={size}', 'tmpfs', self.path],
                             capture_output=True)
        if res.returncode != 0:
            raise Skip('cannot mount a tmpfs: ' + res.stderr.decode().strip())

    def fill(self):
        """leave almost no room"""
        try:
            with open(os.path.join(self.path, 'filler'), 'wb') as f:
                while True:
                    f.write(b'\0' * 4096)
                    f.flush()
        except OSError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        subprocess.run(['umount', self.path], check=True)


def render_onto_full_disk(c, size):
    """-o onto a tmpfs of `size` too small for the PDF: exit 3, yesterday's PDF as it was"""
    with Tmpfs(c, 'disk', size) as disk:
        c.write('disk/out.pdf', b'%PDF-1.5\n% yesterday\n%%EOF\n')
        snap = Snapshot(disk.path)
        r = c.render('-o', 'disk/out.pdf')
        expect(r, 3, stdout='', stderr=[
            'disk/out.pdf: error: cannot write the PDF: No space left on device', HINT_DISK,
            SUMMARY])
        snap.unchanged()


@case
def o_disk_full(c):
    render_onto_full_disk(c, '160k')


def noise_png(width, height):
    """an 8-bit RGB PNG of random pixels: its IDAT (about 3 bytes a pixel) cannot be smaller"""
    raw = b''.join(b'\0' + os.urandom(width * 3) for _ in range(height))

    def chunk(kind, data):
        return (struct.pack('>I', len(data)) + kind + data +
                struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff))
    return (b'\x89PNG\r\n\x1a\n' +
            chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0)) +
            chunk(b'IDAT', zlib.compress(raw, 1)) + chunk(b'IEND', b''))


@case
def o_disk_full_by_png_data(c):
    """The PNG's data goes into the PDF after cairo has written its own (pdfimage.c): a disk
    with room for cairo's 200 KB but not for the finished 1.2 MB is a full disk too. The
    post-pass once wrote through qpdf's stdio, whose late failure nobody saw: a 400 KB PDF,
    cut off, was committed with exit 0."""
    c.write('ed/images/x.png', noise_png(700, 500))
    render_onto_full_disk(c, '600k')


@case
def report_disk_full(c):
    with Tmpfs(c, 'disk', '64k') as disk:
        c.write('disk/fit.json', '{"yesterday": true}\n')
        disk.fill()
        snap = Snapshot(disk.path, c.path('ed'))
        r = c.render('-o', 'out.pdf', '--report', 'disk/fit.json')
        expect(r, 3, stdout='', stderr=[
            'disk/fit.json: error: cannot write the report: No space left on device', HINT_DISK,
            SUMMARY])
        snap.unchanged()
        check(not os.path.exists(c.path('out.pdf')), 'out.pdf was written')


@case
def split_disk_full(c):
    with Tmpfs(c, 'disk', '160k') as disk:
        c.write('disk/pages/20261128-01.pdf', b'%PDF-1.5\n% old page 1\n%%EOF\n')
        snap = Snapshot(disk.path)
        r = c.render('--split', 'disk/pages', '--pages', '1')  # one page: one message
        expect(r, 3, stdout='', stderr=[
            'disk/pages/20261128-01.pdf: error: cannot write the PDF: No space left on device',
            HINT_DISK, SUMMARY_PAGE1])
        snap.unchanged()


@case
def png_disk_full(c):
    with Tmpfs(c, 'disk', '300k') as disk:
        c.write('disk/proofs/page-02.png', b'old proof 2')
        snap = Snapshot(disk.path)
        r = c.render('--png', 'disk/proofs')
        expect(r, 3, stdout='', stderr=[
            'disk/proofs/page-01.png: error: cannot write the PNG: No space left on device',
            HINT_DISK, SUMMARY])
        snap.unchanged()


# --- 10. empty names -------------------------------------------------------------------------------

def empty_name(c, option, hint):
    snap = Snapshot(c.tmp)
    r = c.render(option, '')
    expect(r, 2, stdout='', stderr=[f'huozi: {option} "": an empty name', f'  hint: {hint}'])
    snap.unchanged()


@case
def o_empty_name(c):
    empty_name(c, '-o', 'name a file, or - for standard output')


@case
def report_empty_name(c):
    empty_name(c, '--report', 'name a file, or - for standard output')


@case
def split_empty_name(c):
    empty_name(c, '--split', 'name a folder')


@case
def png_empty_name(c):
    empty_name(c, '--png', 'name a folder')
