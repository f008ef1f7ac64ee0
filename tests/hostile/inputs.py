"""inputs.py - reading inputs: confinement to the edition's folder, regular files only, bounded
reads, images read once with bounded pixels (docs/safety.md, "Reading inputs")."""
import os
import socket
import struct
import zlib
from harness import case, expect, check, Snapshot

BUDGET = dict(max_s=10, max_mb=512)
SUMMARY = 'huozi: 2 pages, 2 stories, 0 overset (0 lines), 1144 empty grid cells\n'
REGULAR = 'name a regular file: huozi reads no pipes, devices, sockets or folders'
PATH_HINT = 'check the path; it is relative to the file that names it'
OUTSIDE_HINT = "keep the edition's files in its folder, or pass --allow-outside"
TOO_LARGE = 'split the file or check that it is the right one'
FIFO = 'is a FIFO (named pipe), not a regular file'
CHR = 'is a character device, not a regular file'
SOCK = 'is a socket, not a regular file'
MB = 1024 * 1024

# where the fixture's edition.xml names its files: the opening quote of each src="..."
STORY_A = (5, 23)
PHOTO = (6, 16)
AD = (7, 13)
LAYOUT = (3, 48)


def story_error(path, msg, hint, at=STORY_A):
    return [f'{path}: error: {msg}', f'  hint: {hint}',
            f'ed/edition.xml:{at[0]}:{at[1]}: note: the file is named here']


def image_error(path, msg, hint, at=PHOTO):
    return [f'ed/edition.xml:{at[0]}:{at[1]}: error: image {path}: {msg}', f'  hint: {hint}']


def outside(name, at=STORY_A):
    return [f'ed/edition.xml:{at[0]}:{at[1]}: error: "{name}" is outside the edition\'s folder',
            f'  hint: {OUTSIDE_HINT}']


def edition_text(c):
    return c.read('ed/edition.xml').decode('utf-8')


def set_edition(c, old, new):
    text = edition_text(c)
    check(old in text, f'{old!r} not in the fixture edition')
    c.write('ed/edition.xml', text.replace(old, new))


def replace_with_fifo(c, rel):
    p = c.path(rel)
    if os.path.lexists(p):
        os.unlink(p)
    os.mkfifo(p)
    return p


def sparse(c, rel, size, head=b''):
    """a file of `size` bytes that takes no disk: head, then a hole"""
    p = c.path(rel)
    with open(p, 'wb') as f:
        f.write(head)
        f.truncate(size)
    return p


def fails_cleanly(c, res, status, stderr, snap):
    expect(res, status, stderr=stderr, stdout='', **BUDGET)
    snap.unchanged()


def renders(c, res, summary=SUMMARY):
    expect(res, 0, stdout='out.pdf\n', stderr=summary, **BUDGET)
    check(c.read('out.pdf').startswith(b'%PDF-'), 'out.pdf is not a PDF')


# ---- images built here, so the suite carries no large files ----

def _chunk(kind, data):
    return (struct.pack('>I', len(data)) + kind + data +
            struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff))


def png(w, h, idat=None, color_type=0):
    """a grey (or RGB) 8-bit PNG with valid CRCs; idat: the compressed data as is"""
    ihdr = struct.pack('>IIBBBBB', w, h, 8, color_type, 0, 0, 0)
    if idat is None:
        co = zlib.compressobj(9)
        row = b'\0' * (1 + w * (3 if color_type == 2 else 1))
        rows_per = max(1, (4 * MB) // len(row))
        parts, left = [], h
        while left > 0:
            k = min(left, rows_per)
            parts.append(co.compress(row * k))
            left -= k
        parts.append(co.flush())
        idat = b''.join(parts)
    return (b'\x89PNG\r\n\x1a\n' + _chunk(b'IHDR', ihdr) + _chunk(b'IDAT', idat) +
            _chunk(b'IEND', b''))


def jpeg(w, h, tables=0x00, quant=0):
    """a baseline grey JPEG of w x h, all mid-grey: one-code Huffman tables make every 8x8
    block two zero bits, so a 36-million-pixel image is half a megabyte of zeros; tables: the
    Huffman tables its scan uses; quant: the quantization table its component uses (1 names
    one it does not define)"""
    def seg(marker, body):
        return b'\xff' + bytes([marker]) + struct.pack('>H', len(body) + 2) + body
    one_code = bytes([1] + [0] * 15) + b'\x00'
    blocks = ((w + 7) // 8) * ((h + 7) // 8)
    bits = 2 * blocks
    data = bytearray(bits // 8)
    if bits % 8:
        data.append((1 << (8 - bits % 8)) - 1)  # pad the last byte with 1 bits
    return (b'\xff\xd8' + seg(0xdb, b'\x00' + b'\x01' * 64) +
            seg(0xc0, struct.pack('>BHHB', 8, h, w, 1) + bytes([1, 0x11, quant])) +
            seg(0xc4, b'\x00' + one_code) + seg(0xc4, b'\x10' + one_code) +
            seg(0xda, bytes([1, 1, tables, 0, 0x3f, 0])) + bytes(data) + b'\xff\xd9')


# ---- FIFOs: never opened for reading, never waited on ----

@case
def fifo_as_story(c):
    replace_with_fifo(c, 'ed/stories/a.txt')
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', timeout=20)
    fails_cleanly(c, r, 2, story_error('ed/stories/a.txt', FIFO, REGULAR), snap)


@case
def fifo_as_jumped_story_one_error(c):
    """a story that cannot be read is one error (and its note), not also an error at each jump
    that continues it ("placed after this jump" was a cascade)"""
    edition = c.read('ed/edition.xml').decode()
    c.write('ed/edition.xml', edition.replace(
        '<story id="b" src="stories/b.txt" cols="1-4" lines="1-40"/>',
        '<story id="b" src="stories/b.txt" cols="1-4" lines="1-40"/>\n'
        '    <jump story="a" cols="5-8" lines="1-40"/>'))
    replace_with_fifo(c, 'ed/stories/a.txt')
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', timeout=20)
    fails_cleanly(c, r, 2, story_error('ed/stories/a.txt', FIFO, REGULAR), snap)


@case
def fifo_as_photo(c):
    replace_with_fifo(c, 'ed/images/x.png')
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', timeout=20)
    fails_cleanly(c, r, 2, image_error('ed/images/x.png', FIFO, REGULAR), snap)


@case
def fifo_as_ad(c):
    replace_with_fifo(c, 'ed/images/y.jpg')
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', timeout=20)
    fails_cleanly(c, r, 2, image_error('ed/images/y.jpg', FIFO, REGULAR, at=AD), snap)


@case
def fifo_as_layout_by_path(c):
    set_edition(c, 'layout="layout.xml"', 'layout="lay.xml"')
    replace_with_fifo(c, 'ed/lay.xml')
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', timeout=20)
    fails_cleanly(c, r, 2, [f'ed/lay.xml: error: {FIFO}', f'  hint: {REGULAR}',
                            'ed/edition.xml:3:48: note: the layout is named here'], snap)


@case
def fifo_as_layout_in_layouts_dir(c):
    set_edition(c, 'layout="layout.xml"', 'layout="broadsheet"')  # by library name
    os.makedirs(c.path('lib'))
    replace_with_fifo(c, 'lib/broadsheet.xml')
    snap = Snapshot(c.tmp)
    r = c.run('render', 'ed/edition.xml', '-o', 'out.pdf', timeout=20,
              env=dict(c.env, HUOZI_LAYOUTS_DIR=c.path('lib')))
    fails_cleanly(c, r, 2, [f'{c.path("lib/broadsheet.xml")}: error: {FIFO}',
                            f'  hint: {REGULAR}',
                            'ed/edition.xml:3:48: note: the layout is named here'], snap)


@case
def fifo_as_edition(c):
    replace_with_fifo(c, 'ed/fifo.xml')
    snap = Snapshot(c.tmp)
    r = c.run('render', 'ed/fifo.xml', '-o', 'out.pdf', timeout=20)
    fails_cleanly(c, r, 2, [f'ed/fifo.xml: error: {FIFO}', f'  hint: {REGULAR}'], snap)


@case
def fifo_as_story_in_check(c):
    replace_with_fifo(c, 'ed/stories/b.txt')
    snap = Snapshot(c.tmp)
    r = c.run('check', 'ed/edition.xml', timeout=20)
    fails_cleanly(c, r, 2, story_error('ed/stories/b.txt', FIFO, REGULAR, at=(10, 23)), snap)


# ---- devices and sockets ----

@case
def dev_zero_as_story_with_allow_outside(c):
    set_edition(c, 'src="stories/a.txt"', 'src="/dev/zero"')
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', '--allow-outside', timeout=20)
    fails_cleanly(c, r, 2, story_error('/dev/zero', CHR, REGULAR), snap)


@case
def dev_zero_as_photo_with_allow_outside(c):
    set_edition(c, 'src="images/x.png"', 'src="/dev/zero"')
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', '--allow-outside', timeout=20)
    fails_cleanly(c, r, 2, image_error('/dev/zero', CHR, REGULAR), snap)


@case
def symlink_to_dev_zero_is_outside(c):
    os.unlink(c.path('ed/stories/a.txt'))
    os.symlink('/dev/zero', c.path('ed/stories/a.txt'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', timeout=20)
    fails_cleanly(c, r, 2, outside('stories/a.txt'), snap)


@case
def symlink_to_dev_zero_with_allow_outside(c):
    os.unlink(c.path('ed/images/y.jpg'))
    os.symlink('/dev/zero', c.path('ed/images/y.jpg'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', '--allow-outside', timeout=20)
    fails_cleanly(c, r, 2, image_error('ed/images/y.jpg', CHR, REGULAR, at=AD), snap)


@case
def mknod_char_device_as_story(c):
    c.need_root()
    os.unlink(c.path('ed/stories/a.txt'))
    os.mknod(c.path('ed/stories/a.txt'), 0o666 | 0o020000, os.makedev(1, 5))  # like /dev/zero
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', timeout=20)
    fails_cleanly(c, r, 2, story_error('ed/stories/a.txt', CHR, REGULAR), snap)


@case
def mknod_char_device_as_photo(c):
    c.need_root()
    os.unlink(c.path('ed/images/x.png'))
    os.mknod(c.path('ed/images/x.png'), 0o666 | 0o020000, os.makedev(1, 5))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', timeout=20)
    fails_cleanly(c, r, 2, image_error('ed/images/x.png', CHR, REGULAR), snap)


@case
def mknod_block_device_as_story(c):
    c.need_root()
    os.unlink(c.path('ed/stories/a.txt'))
    os.mknod(c.path('ed/stories/a.txt'), 0o666 | 0o060000, os.makedev(7, 0))  # loop0
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', timeout=20)
    fails_cleanly(c, r, 2, story_error('ed/stories/a.txt', 'is a block device, not a regular '
                                       'file', REGULAR), snap)


def _socket_at(path):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(path)
    return s


@case
def socket_as_story(c):
    os.unlink(c.path('ed/stories/a.txt'))
    s = _socket_at(c.path('ed/stories/a.txt'))
    try:
        snap = Snapshot(c.tmp)
        r = c.render('-o', 'out.pdf', timeout=20)
        fails_cleanly(c, r, 2, story_error('ed/stories/a.txt', SOCK, REGULAR), snap)
    finally:
        s.close()


@case
def socket_as_photo(c):
    os.unlink(c.path('ed/images/x.png'))
    s = _socket_at(c.path('ed/images/x.png'))
    try:
        snap = Snapshot(c.tmp)
        r = c.render('-o', 'out.pdf', timeout=20)
        fails_cleanly(c, r, 2, image_error('ed/images/x.png', SOCK, REGULAR), snap)
    finally:
        s.close()


# ---- directories ----

@case
def directory_as_story(c):
    os.unlink(c.path('ed/stories/a.txt'))
    os.mkdir(c.path('ed/stories/a.txt'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, story_error('ed/stories/a.txt', 'is a directory',
                                       'name a file, not a folder'), snap)


@case
def directory_as_photo(c):
    set_edition(c, 'src="images/x.png"', 'src="images"')
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, image_error('ed/images', 'is a directory',
                                       'name a file, not a folder'), snap)


@case
def directory_as_layout(c):
    set_edition(c, 'layout="layout.xml"', 'layout="stories/"')
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, ['ed/stories/: error: is a directory',
                            '  hint: name a file, not a folder',
                            'ed/edition.xml:3:48: note: the layout is named here'], snap)


@case
def directory_as_edition(c):
    snap = Snapshot(c.tmp)
    r = c.run('render', 'ed', '-o', 'out.pdf')
    fails_cleanly(c, r, 2, ['ed: error: is a directory', '  hint: name a file, not a folder'],
                  snap)


# ---- symlinks: inside is fine, leaving is refused ----

@case
def symlink_inside_relative_renders(c):
    os.rename(c.path('ed/stories/a.txt'), c.path('ed/real.txt'))
    os.symlink('../real.txt', c.path('ed/stories/a.txt'))
    snap = Snapshot(c.ed)
    renders(c, c.render('-o', 'out.pdf'))
    snap.unchanged()


@case
def symlink_inside_absolute_renders(c):
    os.rename(c.path('ed/images/x.png'), c.path('ed/real.png'))
    os.symlink(c.path('ed/real.png'), c.path('ed/images/x.png'))
    snap = Snapshot(c.ed)
    renders(c, c.render('-o', 'out.pdf'))
    snap.unchanged()


@case
def symlink_chain_inside_renders(c):
    os.rename(c.path('ed/stories/a.txt'), c.path('ed/stories/c.txt'))
    os.symlink('b2.txt', c.path('ed/stories/a.txt'))
    os.symlink('../stories/c.txt', c.path('ed/stories/b2.txt'))
    snap = Snapshot(c.ed)
    renders(c, c.render('-o', 'out.pdf'))
    snap.unchanged()


@case
def symlink_leaving_relative_refused(c):
    c.write('secret.txt', '标题\n\n机密。\n')
    os.unlink(c.path('ed/stories/a.txt'))
    os.symlink('../../secret.txt', c.path('ed/stories/a.txt'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, outside('stories/a.txt'), snap)


@case
def symlink_leaving_absolute_refused(c):
    os.unlink(c.path('ed/images/x.png'))
    os.symlink(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'fixture', 'images',
                            'x.png'), c.path('ed/images/x.png'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, outside('images/x.png', at=PHOTO), snap)


@case
def symlink_chain_leaving_refused(c):
    c.write('secret.txt', '标题\n\n机密。\n')
    os.unlink(c.path('ed/stories/a.txt'))
    os.symlink('hop.txt', c.path('ed/stories/a.txt'))
    os.symlink('../../secret.txt', c.path('ed/stories/hop.txt'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, outside('stories/a.txt'), snap)


@case
def symlinked_folder_leaving_refused(c):
    """a folder inside the edition that is a symlink to a folder outside it"""
    os.rename(c.path('ed/images'), c.path('other'))
    os.symlink('../other', c.path('ed/images'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, outside('images/x.png', at=PHOTO) + outside('images/y.jpg', at=AD),
                  snap)


@case
def symlink_loop_refused(c):
    os.unlink(c.path('ed/stories/a.txt'))
    os.symlink('a.txt', c.path('ed/stories/a.txt'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, story_error('ed/stories/a.txt',
                                       'cannot open file: Too many levels of symbolic links',
                                       PATH_HINT), snap)


@case
def edition_through_symlinked_folder_renders(c):
    os.symlink('ed', c.path('link'))
    snap = Snapshot(c.ed)
    r = c.run('render', 'link/edition.xml', '-o', 'out.pdf')
    renders(c, r)
    snap.unchanged()


@case
def edition_through_symlinked_folder_still_confined(c):
    os.symlink('ed', c.path('link'))
    set_edition(c, 'src="stories/a.txt"', 'src="../ed/stories/a.txt"')
    os.makedirs(c.path('else'))
    c.write('else/x.txt', 'x\n\ny\n')
    set_edition(c, 'src="stories/b.txt"', 'src="../else/x.txt"')
    snap = Snapshot(c.tmp)
    r = c.run('render', 'link/edition.xml', '-o', 'out.pdf')
    expect(r, 2, stdout='', stderr=[
        'link/edition.xml:10:23: error: "../else/x.txt" is outside the edition\'s folder',
        f'  hint: {OUTSIDE_HINT}'], **BUDGET)
    snap.unchanged()


@case
def dotdot_back_inside_renders(c):
    set_edition(c, 'src="stories/a.txt"', 'src="images/../stories/a.txt"')
    set_edition(c, 'src="images/x.png"', 'src="../ed/images/x.png"')
    snap = Snapshot(c.ed)
    renders(c, c.render('-o', 'out.pdf'))
    snap.unchanged()


@case
def dotdot_out_refused(c):
    c.write('secret.txt', '标题\n\n机密。\n')
    set_edition(c, 'src="stories/a.txt"', 'src="stories/../../secret.txt"')
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, outside('stories/../../secret.txt'), snap)


@case
def dotdot_out_missing_refused(c):
    set_edition(c, 'src="stories/a.txt"', 'src="../nothing/here.txt"')
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, outside('../nothing/here.txt'), snap)


@case
def layout_path_leaving_refused(c):
    os.makedirs(c.path('lib'))
    c.write('lib/x.xml', '<layout/>')
    set_edition(c, 'layout="layout.xml"', 'layout="../lib/x.xml"')
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, outside('../lib/x.xml', at=LAYOUT), snap)


# ---- sizes ----

@case
def oversize_story(c):
    sparse(c, 'ed/stories/a.txt', 4 * MB + 1, '标题\n\n正文。\n'.encode())
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, story_error('ed/stories/a.txt',
                                       'file too large: 4194305 bytes (limit 4 MB)',
                                       TOO_LARGE), snap)


@case
def story_at_the_limit_is_read(c):
    """exactly 4 MB is within the limit: the size check lets it through to the text checks"""
    sparse(c, 'ed/stories/a.txt', 4 * MB, '标题\n\n正文。\n'.encode())
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, ['ed/stories/a.txt:4:1: error: invalid UTF-8 (byte 0x00)',
                            '  hint: save the file as UTF-8',
                            'ed/edition.xml:5:23: note: the file is named here'], snap)


@case
def oversize_edition(c):
    text = c.read('ed/edition.xml')
    sparse(c, 'ed/edition.xml', 16 * MB + 1, text)
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, ['ed/edition.xml: error: file too large: 16777217 bytes '
                            '(limit 16 MB)', f'  hint: {TOO_LARGE}'], snap)


@case
def oversize_layout(c):
    set_edition(c, 'layout="layout.xml"', 'layout="lay.xml"')
    sparse(c, 'ed/lay.xml', 16 * MB + 1, b'<layout/>')
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, ['ed/lay.xml: error: file too large: 16777217 bytes (limit 16 MB)',
                            f'  hint: {TOO_LARGE}',
                            'ed/edition.xml:3:48: note: the layout is named here'], snap)


@case
def oversize_image(c):
    sparse(c, 'ed/images/y.jpg', 64 * MB + 1, c.read('ed/images/y.jpg'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, image_error('ed/images/y.jpg',
                                       'file too large: 67108865 bytes (limit 64 MB)',
                                       TOO_LARGE, at=AD), snap)


@case
def zero_length_story_renders(c):
    """an empty story is read as a story without text (guards behaviour that already held)"""
    c.write('ed/stories/a.txt', b'')
    snap = Snapshot(c.ed)
    renders(c, c.render('-o', 'out.pdf'))
    snap.unchanged()


@case
def zero_length_image(c):
    c.write('ed/images/x.png', b'')
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, ['ed/edition.xml:6:16: error: ed/images/x.png is not a PNG or JPEG '
                            'image (or is truncated)',
                            '  hint: photos and ads must be PNG or JPEG files'], snap)


@case
def zero_length_edition(c):
    c.write('ed/edition.xml', b'')
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    expect(r, 2, stdout='', stderr=[
        'ed/edition.xml:1:1: error: malformed XML: Document was empty or contained only '
        'whitespace',
        '  hint: check that every element is closed and every attribute quoted'], **BUDGET)
    snap.unchanged()


# ---- pixels ----

def png_error(msg, hint, at=PHOTO):
    return [f'ed/edition.xml:{at[0]}:{at[1]}: error: ed/images/x.png {msg}', f'  hint: {hint}']


@case
def png_16384_square_refused_at_read(c):
    data = png(16384, 16384)
    check(len(data) < 400_000, f'the PNG is {len(data)} bytes')
    c.write('ed/images/x.png', data)
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, png_error(
        'has 16384 x 16384 pixels, more than the limit of 36 million',
        'scale the image down: a full broadsheet page at 300 ppi is about 25 million pixels'),
        snap)


@case
def four_16384_pngs_refused(c):
    """four of them on four pages: each refused at its own element, none decoded"""
    pages = []
    for k in range(4):
        c.write(f'ed/images/big{k}.png', png(16384, 16384))
        pages.append(f'  <page folio="0{k + 3}">\n'
                     f'    <photo src="images/big{k}.png" cols="1-8" lines="1-60"/>\n'
                     f'  </page>\n')
    c.write('ed/edition.xml', edition_text(c).replace('</edition>', ''.join(pages) +
                                                      '</edition>'))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    hint = 'scale the image down: a full broadsheet page at 300 ppi is about 25 million pixels'
    want = []
    for k in range(4):
        want += [f'ed/edition.xml:{13 + 3 * k}:16: error: ed/images/big{k}.png has 16384 x 16384 '
                 'pixels, more than the limit of 36 million', f'  hint: {hint}']
    fails_cleanly(c, r, 2, want, snap)


@case
def png_over_area_limit_refused(c):
    c.write('ed/images/x.png', png(6001, 6000))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, png_error(
        'has 6001 x 6000 pixels, more than the limit of 36 million',
        'scale the image down: a full broadsheet page at 300 ppi is about 25 million pixels'),
        snap)


@case
def jpeg_over_area_limit_refused(c):
    c.write('ed/images/y.jpg', jpeg(6000, 6001))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, [
        'ed/edition.xml:7:13: error: ed/images/y.jpg has 6000 x 6001 pixels, more than the '
        'limit of 36 million',
        '  hint: scale the image down: a full broadsheet page at 300 ppi is about 25 million '
        'pixels'], snap)


def _largest(c):
    c.write('ed/images/x.png', png(6000, 6000))
    c.write('ed/images/y.jpg', jpeg(6000, 6000))


@case
def largest_png_and_jpeg_render_pdf(c):
    _largest(c)
    snap = Snapshot(c.ed)
    renders(c, c.render('-o', 'out.pdf'))
    snap.unchanged()


@case
def largest_png_and_jpeg_render_png_proofs(c):
    _largest(c)
    snap = Snapshot(c.ed)
    r = c.render('-o', 'out.pdf', '--png', 'proofs')
    renders(c, r)
    check(sorted(os.listdir(c.path('proofs'))) == ['page-01.png', 'page-02.png'],
          f'proofs: {os.listdir(c.path("proofs"))}')
    snap.unchanged()


@case
def four_largest_pngs_one_per_page(c):
    """four images of the largest size, each on its own page: only one page's images are held
    decoded at a time (all four would be 576 MB)"""
    pages = []
    for k in range(4):
        c.write(f'ed/images/big{k}.png', png(6000, 6000))
        pages.append(f'  <page folio="0{k + 3}">\n'
                     f'    <photo src="images/big{k}.png" cols="1-8" lines="1-60"/>\n'
                     f'  </page>\n')
    text = edition_text(c).replace('</edition>', ''.join(pages) + '</edition>')
    c.write('ed/edition.xml', text)
    snap = Snapshot(c.ed)
    r = c.render('-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n',
           stderr='huozi: 6 pages, 2 stories, 0 overset (0 lines), 2552 empty grid cells\n',
           **BUDGET)
    snap.unchanged()


@case
def ad_on_many_pages_read_once(c):
    """the same ad on 40 pages is held once: one image in the PDF, memory as for one"""
    c.write('ed/images/y.jpg', jpeg(6000, 6000))
    pages = ''.join(f'  <page folio="{k + 3}">\n'
                    f'    <ad src="images/y.jpg" cols="1-8" lines="1-60"/>\n'
                    f'    <ad src="images/../images/y.jpg" cols="1-8" lines="61-100"/>\n'
                    f'  </page>\n' for k in range(40))
    c.write('ed/edition.xml', edition_text(c).replace('</edition>', pages + '</edition>'))
    snap = Snapshot(c.ed)
    r = c.render('-o', 'out.pdf')
    expect(r, 0, stdout='out.pdf\n', **BUDGET)
    pdf = c.read('out.pdf')
    check(pdf.count(b'/DCTDecode') == 1, f'{pdf.count(b"/DCTDecode")} JPEG objects in the PDF')
    snap.unchanged()


# ---- broken content ----

@case
def png_bad_zlib_valid_crcs(c):
    c.write('ed/images/x.png', png(16, 12, idat=b'\x78\x9c' + b'\xff' * 40))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, png_error('is a broken PNG (its image data cannot be read)',
                                     're-export the image'), snap)


@case
def png_inflates_short(c):
    c.write('ed/images/x.png', png(16, 12, idat=zlib.compress(b'\0' * 17 * 11)))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, png_error('is a broken PNG (its image data cannot be read)',
                                     're-export the image'), snap)


@case
def png_inflates_long(c):
    c.write('ed/images/x.png', png(16, 12, idat=zlib.compress(b'\0' * 17 * 12 + b'\0' * 5000)))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', '--png', 'proofs')
    fails_cleanly(c, r, 2, png_error('is a broken PNG (its image data cannot be read)',
                                     're-export the image'), snap)


@case
def png_valid_built_here_renders(c):
    """the PNG writer of this suite makes files huozi accepts (guards the cases above)"""
    c.write('ed/images/x.png', png(16, 12, color_type=2))
    snap = Snapshot(c.ed)
    renders(c, c.render('-o', 'out.pdf', '--png', 'proofs'))
    snap.unchanged()


# ---- the other commands and inputs go the same way ----

@case
def fifo_as_story_in_fit(c):
    replace_with_fifo(c, 'ed/stories/a.txt')
    snap = Snapshot(c.tmp)
    layout = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'layouts',
                          'broadsheet.xml')
    r = c.run('fit', 'ed/stories/a.txt', '--layout', layout, timeout=20)
    fails_cleanly(c, r, 2, [f'ed/stories/a.txt: error: {FIFO}', f'  hint: {REGULAR}'], snap)


@case
def fifo_as_layout_in_fit(c):
    replace_with_fifo(c, 'ed/lay.xml')
    snap = Snapshot(c.tmp)
    r = c.run('fit', 'ed/stories/a.txt', '--layout', 'ed/lay.xml', timeout=20)
    fails_cleanly(c, r, 2, [f'ed/lay.xml: error: {FIFO}', f'  hint: {REGULAR}'], snap)


@case
def layouts_dir_entry_links_to_dev_zero(c):
    set_edition(c, 'layout="layout.xml"', 'layout="broadsheet"')  # by library name
    os.makedirs(c.path('lib'))
    os.symlink('/dev/zero', c.path('lib/broadsheet.xml'))
    snap = Snapshot(c.tmp)
    r = c.run('render', 'ed/edition.xml', '-o', 'out.pdf', timeout=20,
              env=dict(c.env, HUOZI_LAYOUTS_DIR=c.path('lib')))
    fails_cleanly(c, r, 2, [f'{c.path("lib/broadsheet.xml")}: error: {CHR}',
                            f'  hint: {REGULAR}',
                            'ed/edition.xml:3:48: note: the layout is named here'], snap)


@case
def fifo_as_notice(c):
    set_edition(c, '<ad src="images/y.jpg" cols="5-8" lines="60-89"/>',
                '<ad src="images/y.jpg" cols="5-8" lines="60-89"/>\n'
                '    <notice src="n.txt" cols="1-4" lines="60-70"/>')
    replace_with_fifo(c, 'ed/n.txt')
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', timeout=20)
    fails_cleanly(c, r, 2, story_error('ed/n.txt', FIFO, REGULAR, at=(8, 17)), snap)


@case
def story_named_dash_is_a_file(c):
    """`-` names a file called - in the folder, never standard input"""
    os.rename(c.path('ed/stories/a.txt'), c.path('ed/-'))
    set_edition(c, 'src="stories/a.txt"', 'src="-"')
    snap = Snapshot(c.ed)
    renders(c, c.run('render', 'ed/edition.xml', '-o', 'out.pdf', stdin=None, timeout=20))
    snap.unchanged()


@case
def dump_model_through_symlinked_folder(c):
    os.symlink('ed', c.path('link'))
    snap = Snapshot(c.tmp)
    r = c.run('dump', 'model', 'link/edition.xml')
    expect(r, 0, stderr='', **BUDGET)
    check('image=y.jpg jpeg' in r.stdout and 'image=x.png png 16x12' in r.stdout, r.stdout)
    snap.unchanged()


def png_adam7(w, h, color_type, depth, channels):
    """an interlaced PNG: the check of the inflated size must count every Adam7 pass"""
    raw = b''
    for x0, y0, dx, dy in ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4),
                           (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)):
        pw = (w - x0 + dx - 1) // dx if w > x0 else 0
        ph = (h - y0 + dy - 1) // dy if h > y0 else 0
        if pw and ph:
            rb = (pw * channels * depth + 7) // 8
            raw += (b'\0' + bytes((i * 7) & 0xff for i in range(rb))) * ph
    ihdr = struct.pack('>IIBBBBB', w, h, depth, color_type, 0, 0, 1)
    plte = _chunk(b'PLTE', bytes(range(48))) if color_type == 3 else b''
    return (b'\x89PNG\r\n\x1a\n' + _chunk(b'IHDR', ihdr) + plte +
            _chunk(b'IDAT', zlib.compress(raw)) + _chunk(b'IEND', b''))


@case
def png_interlaced_odd_sizes_render(c):
    """valid interlaced PNGs of odd sizes and depths pass the inflated-size check (guard)"""
    for w, h, ct, depth, ch in ((5, 3, 2, 8, 3), (1, 1, 0, 8, 1), (13, 9, 0, 1, 1),
                                (7, 10, 6, 16, 4), (3, 17, 3, 4, 1)):
        c.write('ed/images/x.png', png_adam7(w, h, ct, depth, ch))
        renders(c, c.render('-o', 'out.pdf', '--png', 'proofs'))


def png_raw(w, h, depth, color_type, raw, plte=False):
    ihdr = struct.pack('>IIBBBBB', w, h, depth, color_type, 0, 0, 0)
    return (b'\x89PNG\r\n\x1a\n' + _chunk(b'IHDR', ihdr) +
            (_chunk(b'PLTE', bytes(range(48))) if plte else b'') +
            _chunk(b'IDAT', zlib.compress(raw)) + _chunk(b'IEND', b''))


BROKEN_PNG = ('is a broken PNG (its image data cannot be read)', 're-export the image')


@case
def png_bad_filter_byte(c):
    """inflates to the right size, but row 5 has filter type 9: libpng would fail at drawing"""
    raw = bytearray(b'\0' * (17 * 12))
    raw[17 * 5] = 9
    c.write('ed/images/x.png', png_raw(16, 12, 8, 0, bytes(raw)))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf', '--png', 'proofs')
    fails_cleanly(c, r, 2, png_error(*BROKEN_PNG), snap)


@case
def png_palette_without_plte(c):
    c.write('ed/images/x.png', png_raw(16, 12, 8, 3, b'\0' * (17 * 12)))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, png_error(*BROKEN_PNG), snap)


@case
def png_palette_with_plte_renders(c):
    """the same with its palette is fine (guard)"""
    c.write('ed/images/x.png', png_raw(16, 12, 8, 3, b'\0' * (17 * 12), plte=True))
    snap = Snapshot(c.ed)
    renders(c, c.render('-o', 'out.pdf', '--png', 'proofs'))
    snap.unchanged()


@case
def png_depth_not_allowed_for_colour_type(c):
    """RGB at 4 bits a sample does not exist"""
    c.write('ed/images/x.png', png_raw(16, 12, 4, 2, b'\0' * ((1 + 24) * 12)))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, png_error(*BROKEN_PNG), snap)


@case
def jpeg_that_cannot_be_decoded(c):
    """its header reads, its data ends properly, but its component uses a quantization table
    it does not define: no PDF viewer could show it, and a proof would fail at drawing"""
    c.write('ed/images/y.jpg', jpeg(64, 48, quant=1))
    snap = Snapshot(c.tmp)
    r = c.render('-o', 'out.pdf')
    fails_cleanly(c, r, 2, ['ed/edition.xml:7:13: error: ed/images/y.jpg is a broken JPEG: '
                            'Quantization table 0x01 was not defined', '  hint: re-export the image'],
                  snap)


@case
def jpeg_built_here_renders(c):
    """the JPEG writer of this suite makes files huozi accepts (guards the cases above)"""
    c.write('ed/images/y.jpg', jpeg(64, 48))
    snap = Snapshot(c.ed)
    renders(c, c.render('-o', 'out.pdf', '--png', 'proofs'))
    snap.unchanged()
