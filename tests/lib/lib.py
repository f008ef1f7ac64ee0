#!/usr/bin/env python3
"""tests/lib/lib.py - libhuozi from the outside, one check per mode:
exports      the shared library exports exactly the hz_* functions huozi.h declares (nm -D)
example-c    examples/render.c (built against the library) renders the sample edition
example-py   examples/render.py (ctypes over libhuozi.so) renders the sample edition
install      meson install into a temporary folder; from a folder with no source tree in sight,
             pkg-config finds huozi, the C example compiles against the installed .pc and runs,
             and the installed huozi renders a copy of the sample edition with the installed
             layouts and fonts configuration
A PDF passes when pdfinfo counts the sample's 2 pages and pdftotext finds the lead headline."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

SRC = os.environ['SOURCE_ROOT']
BUILD = os.environ['BUILD_ROOT']
LIB = os.environ['LIBHUOZI']
SAMPLE = os.path.join(SRC, 'samples', 'edition')
HEADLINE = '澄江四桥昨日建成通车'


def fail(msg):
    print('FAIL ' + msg)
    sys.exit(1)


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        fail('%s: exit %d\n%s%s' % (' '.join(cmd), p.returncode, p.stdout, p.stderr))
    return p


def check_pdf(pdf):
    info = run(['pdfinfo', pdf]).stdout
    pages = re.search(r'^Pages:\s+(\d+)', info, re.M)
    if not pages or pages.group(1) != '2':
        fail('%s: expected 2 pages\n%s' % (pdf, info))
    text = run(['pdftotext', '-raw', '-enc', 'UTF-8', pdf, '-']).stdout
    if HEADLINE not in text.replace('\n', ''):
        fail('%s: the headline %s is not in its text' % (pdf, HEADLINE))
    print('ok   %s: 2 pages, the headline in its text' % pdf)


def exports():
    header = open(os.path.join(SRC, 'include', 'huozi.h'), encoding='utf-8').read()
    declared = set(re.findall(r'HZ_EXPORT [^;]*?\b(hz_\w+)\s*\(', header))
    out = run(['nm', '-D', '--defined-only', LIB]).stdout
    exported = {line.split()[-1] for line in out.splitlines()
                if len(line.split()) == 3 and line.split()[1] in 'TDBRVWi'}
    stray = sorted(s for s in exported if not s.startswith('hz_'))
    if stray:
        fail('exported but not hz_*: %s' % ', '.join(stray[:20]))
    if exported != declared:
        fail('declared, not exported: %s; exported, not declared: %s' %
             (sorted(declared - exported), sorted(exported - declared)))
    print('ok   %d functions exported, all hz_*, exactly those of huozi.h' % len(exported))
    # the header stands alone, in strict C99 and in C++
    inc = os.path.join(SRC, 'include')
    for cc, lang, std in (('cc', 'c', '-std=c99'), ('c++', 'c++', '-std=c++11')):
        if shutil.which(cc):
            subprocess.run([cc, '-fsyntax-only', '-x', lang, std, '-Wall', '-Wextra',
                            '-pedantic', '-Werror', '-I', inc, '-'], check=True,
                           input='#include <huozi.h>\nint main(void) { return hz_version() ? 0 : 1; }\n',
                           text=True)
            print('ok   huozi.h compiles alone as %s (%s -pedantic)' % (lang, std))


def example(cmd, tmp):
    pdf = os.path.join(tmp, 'edition.pdf')
    run(cmd + [os.path.join(SAMPLE, 'edition.xml'), pdf])
    check_pdf(pdf)
    # diagnostics and the exit status through the API: a missing edition is an input error
    p = subprocess.run(cmd + [os.path.join(tmp, 'missing.xml'), pdf], capture_output=True,
                       text=True)
    if p.returncode != 2 or 'missing.xml' not in p.stderr or 'error' not in p.stderr:
        fail('a missing edition: exit %d, %r' % (p.returncode, p.stderr))
    print('ok   a missing edition: exit 2, reported')


def install(tmp):
    dest = os.path.join(tmp, 'dest')
    run(['meson', 'install', '-C', BUILD, '--no-rebuild', '--quiet', '--destdir', dest])
    prefix = run(['meson', 'introspect', BUILD, '--buildoptions'], cwd=tmp).stdout
    import json
    opts = {o['name']: o['value'] for o in json.loads(prefix)}
    root = os.path.join(dest, opts['prefix'].lstrip('/'))
    bindir = os.path.join(root, opts['bindir'])
    libdir = os.path.join(root, opts['libdir'])
    datadir = os.path.join(root, opts['datadir'])
    for f in [os.path.join(bindir, 'huozi'), os.path.join(libdir, 'libhuozi.so'),
              os.path.join(root, opts['includedir'], 'huozi.h'),
              os.path.join(libdir, 'pkgconfig', 'huozi.pc'),
              os.path.join(root, opts['mandir'], 'man1', 'huozi.1'),
              os.path.join(datadir, 'huozi', 'layouts', 'broadsheet.xml'),
              os.path.join(datadir, 'huozi', 'fonts', 'fonts.conf'),
              os.path.join(root, opts['localedir'], 'zh_CN', 'LC_MESSAGES', 'huozi.mo')]:
        if not os.path.exists(f):
            fail('not installed: %s' % f)
    print('ok   installed: program, library, header, huozi.pc, man page, layouts, fonts.conf, '
          'the Chinese messages')
    # a folder with no source tree in sight: a copy of the sample edition
    work = os.path.join(tmp, 'work')
    shutil.copytree(SAMPLE, os.path.join(work, 'edition'))
    # a layout only the installation has: the installed huozi must look there, not in the
    # source tree (which is still on this machine)
    layouts = os.path.join(datadir, 'huozi', 'layouts')
    shutil.copy(os.path.join(layouts, 'broadsheet.xml'), os.path.join(layouts, 'installed.xml'))
    xml = os.path.join(work, 'edition', 'edition.xml')
    text = open(xml, encoding='utf-8').read()
    open(xml, 'w', encoding='utf-8').write(text.replace('layout="broadsheet"',
                                                        'layout="installed"', 1))
    env = {k: v for k, v in os.environ.items()
           if not k.startswith('HUOZI_') and k not in ('SOURCE_ROOT', 'BUILD_ROOT')}
    env['PATH'] = bindir + os.pathsep + env.get('PATH', '')
    env['LD_LIBRARY_PATH'] = libdir
    env['PKG_CONFIG_PATH'] = os.path.join(libdir, 'pkgconfig')
    flags = run(['pkg-config', '--cflags', '--libs', 'huozi'], env=env,
                cwd=work).stdout.split()
    if not any(f.startswith('-I') and f.startswith('-I' + root) for f in flags) or \
            '-lhuozi' not in flags:
        fail('pkg-config --cflags --libs huozi: %s' % ' '.join(flags))
    print('ok   pkg-config: %s' % ' '.join(flags))
    exe = os.path.join(work, 'render')
    run(['cc', '-o', exe, os.path.join(SRC, 'examples', 'render.c')] + flags, env=env, cwd=work)
    run([exe, 'edition/edition.xml', 'c.pdf'], env=env, cwd=work)
    check_pdf(os.path.join(work, 'c.pdf'))
    # the installed program finds its library by its run path, with no LD_LIBRARY_PATH
    bare = {k: v for k, v in env.items() if k != 'LD_LIBRARY_PATH'}
    run(['huozi', 'render', 'edition/edition.xml', '-o', 'huozi.pdf'], env=bare, cwd=work)
    if shutil.which('huozi', path=env['PATH']) != os.path.join(bindir, 'huozi'):
        fail('huozi is not the installed one')
    check_pdf(os.path.join(work, 'huozi.pdf'))
    # the installed program speaks Chinese from its installation's catalogues
    zh = {k: v for k, v in bare.items() if not k.startswith('LC_') and k != 'LANGUAGE'}
    zh['LANG'] = 'zh_CN.UTF-8'
    if 'zh_CN.utf8' in run(['locale', '-a'], cwd=work).stdout.split():
        help_text = run(['huozi', 'render', '--help'], env=zh, cwd=work).stdout
        if not help_text.startswith('用法: huozi render'):
            fail('the installed huozi under LANG=zh_CN.UTF-8: %r' % help_text[:80])
        print('ok   the installed huozi prints its help in Chinese under LANG=zh_CN.UTF-8')
    if open(os.path.join(work, 'c.pdf'), 'rb').read() != \
            open(os.path.join(work, 'huozi.pdf'), 'rb').read():
        fail('the example and the installed huozi wrote different PDFs')
    print('ok   the installed example and the installed huozi wrote the same PDF')


def main():
    mode = sys.argv[1]
    if not all(shutil.which(t) for t in ('pdfinfo', 'pdftotext', 'nm')):
        print('SKIP: pdfinfo, pdftotext (poppler-utils) and nm (binutils) are needed')
        sys.exit(77)
    with tempfile.TemporaryDirectory(prefix='huozi-lib-') as tmp:
        if mode == 'exports':
            exports()
        elif mode == 'example-c':
            example([os.environ['RENDER_EXAMPLE']], tmp)
        elif mode == 'example-py':
            example([sys.executable, os.path.join(SRC, 'examples', 'render.py')], tmp)
        elif mode == 'install':
            install(tmp)
        else:
            fail('unknown mode ' + mode)


if __name__ == '__main__':
    main()
