#!/usr/bin/env python3
"""run-cli.py - the command line's conventions: each command's help and options, usage errors.

usage: run-cli.py [CASE ...]     (run through meson test: $HUOZI, $SOURCE_ROOT)

Each case runs $HUOZI in a fresh temporary folder holding ed/, a copy of
tests/hostile/fixture/ (a two-page edition), and asserts the exit status and the whole of
standard error (and standard output where it matters). Exit status 0 when every case passed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

HUOZI = os.environ['HUOZI']
ROOT = os.environ['SOURCE_ROOT']
FIXTURE = os.path.join(ROOT, 'tests', 'hostile', 'fixture')
CASES = []

# every option of the program, with an argument for those that take one
ALL_OPTIONS = {'-o': 'x.pdf', '--split': 'dir', '--png': 'dir', '--dpi': '100', '--pages': '1',
               '--proof': None, '--proof-pdf': 'p.pdf', '--marks': None, '--cmyk': None, '--press': None, '--report': 'r.json',
               '--strict': None, '--watch': None, '--layout': 'broadsheet',
               '--allow-outside': None, '--timings': None, '-q': None, '-v': None}
# what each command takes, and the arguments to give it
TAKES = {
    'render': ({'-o', '--split', '--png', '--dpi', '--pages', '--proof', '--proof-pdf', '--marks',
                '--cmyk', '--press', '--report', '--strict', '--watch', '--allow-outside', '--timings', '-q', '-v'},
               ['ed/edition.xml']),
    'check': ({'--pages', '--report', '--strict', '--allow-outside', '--timings', '-q', '-v'},
              ['ed/edition.xml']),
    'fonts': ({'--allow-outside'}, ['ed/edition.xml']),
    'fit': ({'--layout', '--strict'}, ['ed/stories/a.txt']),
    'dump': ({'--allow-outside'}, ['desc', 'ed/edition.xml']),
}
LONG = {'-o': '--output', '-q': '--quiet', '-v': '--verbose'}


def case(fn):
    CASES.append(fn)
    return fn


class Failure(Exception):
    pass


class Ctx:
    def __init__(self, tmp):
        self.tmp = tmp
        shutil.copytree(FIXTURE, os.path.join(tmp, 'ed'))

    def run(self, *args):
        p = subprocess.run([HUOZI] + list(args), cwd=self.tmp, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        return p.returncode, p.stdout.decode('utf-8'), p.stderr.decode('utf-8')

    def exists(self, name):
        return os.path.lexists(os.path.join(self.tmp, name))


def expect(got, status, stderr, stdout=None):
    st, out, err = got
    if st != status or err != stderr or (stdout is not None and out != stdout):
        raise Failure(f'expected exit {status}, stderr\n{stderr}---\ngot exit {st}, stdout\n'
                      f'{out}--- stderr\n{err}---')


def usage(cmd, message):
    """a usage error's whole stderr"""
    hint = f'huozi {cmd} --help lists what it takes' if cmd else 'huozi --help lists the commands'
    return f'huozi: {message}\n  hint: {hint}\n'


def help_options(text):
    return set(re.findall(r'(?<![\w-])(--[a-z][a-z0-9-]*|-[a-zA-Z])(?![\w-])', text))


# ---- 1. help: the global one lists the commands, each command's lists its options ----

@case
def global_help_lists_the_commands(c):
    st, out, err = c.run('--help')
    if st != 0 or err:
        raise Failure(f'exit {st}, stderr {err!r}')
    for cmd in TAKES:
        if not re.search(rf'^  huozi {cmd} ', out, re.M):
            raise Failure(f'`huozi --help` does not list {cmd}:\n{out}')
    if help_options(out.split('\noptions:\n')[-1].split('\nexit status')[0]) != {'-h', '--help', '--version'}:
        raise Failure(f'`huozi --help` shows options of the commands:\n{out}')


@case
def each_command_help_shows_its_options(c):
    for cmd, (takes, _) in TAKES.items():
        st, out, err = c.run(cmd, '--help')
        if st != 0 or err:
            raise Failure(f'`huozi {cmd} --help`: exit {st}, stderr {err!r}')
        if not out.startswith(f'usage: huozi {cmd} '):
            raise Failure(f'`huozi {cmd} --help` is not its help:\n{out}')
        want = takes | {LONG[o] for o in takes if o in LONG} | {'-h', '--help'}
        if help_options(out) != want:
            raise Failure(f'`huozi {cmd} --help` shows {sorted(help_options(out))}, '
                          f'it takes {sorted(want)}')


@case
def help_of_a_command_on_stdout_only(c):
    st, out, err = c.run('check', 'ed/edition.xml', '-h')
    if st != 0 or err or not out.startswith('usage: huozi check EDITION.xml'):
        raise Failure(f'exit {st}, stdout\n{out}--- stderr\n{err}')


# ---- 2. usage errors name the problem ----

@case
def unknown_command(c):
    expect(c.run('bogus', 'x'), 2, 'huozi: unknown command "bogus"\n'
           '  hint: huozi --help lists the commands\n', '')


@case
def unknown_command_near_one(c):
    expect(c.run('rendr', 'ed/edition.xml', '-o', 'x.pdf'), 2,
           'huozi: unknown command "rendr"; did you mean "render"?\n'
           '  hint: huozi --help lists the commands\n', '')
    if c.exists('x.pdf'):
        raise Failure('x.pdf written')


@case
def no_command(c):
    expect(c.run(), 2, usage(None, 'no command given'), '')


@case
def too_many_arguments(c):
    expect(c.run('render', 'a', 'b', '-o', 'x.pdf'), 2,
           usage('render', 'render takes one page description, not 2 (a b)'), '')


@case
def missing_argument(c):
    expect(c.run('check'), 2,
           usage('check', 'check needs one page description (check EDITION.xml)'), '')


@case
def dump_one_argument(c):
    expect(c.run('dump', 'ed/edition.xml'), 2, usage(
        'dump', 'dump takes a stage and a page description, not 1 (ed/edition.xml)'), '')


@case
def fit_without_layout(c):
    expect(c.run('fit', 'ed/stories/a.txt'), 2, usage(
        'fit', 'fit needs --layout LAYOUT (a file, or a name: broadsheet)'), '')


@case
def render_without_output(c):
    expect(c.run('render', 'ed/edition.xml'), 2, usage(
        'render', 'render needs -o OUT.pdf, --split DIR, --png DIR, --proof-pdf FILE or '
        '--report FILE'), '')


@case
def proof_without_a_proof_output(c):
    # the overlay goes to the PNG proofs (or a proof PDF), never into -o's PDF
    expect(c.run('render', 'ed/edition.xml', '-o', 'x.pdf', '--proof'), 2, usage(
        'render', '--proof draws on the PNG proofs only: give --png DIR, or --proof-pdf FILE for '
        'a PDF with the overlay'), '')


@case
def proof_pdf_and_pdf_both_to_stdout(c):
    expect(c.run('render', 'ed/edition.xml', '-o', '-', '--proof-pdf', '-'), 2,
           'huozi: -o - and --proof-pdf -: only one output can go to standard output\n'
           '  hint: write the other to a file\n', '')


@case
def proof_pdf_alone(c):
    st, out, err = c.run('render', 'ed/edition.xml', '--proof-pdf', 'p.pdf', '-q')
    if st != 0 or out or err or not c.exists('p.pdf') or c.exists('x.pdf'):
        raise Failure(f'exit {st}, stdout {out!r}, stderr\n{err}')


@case
def unknown_option(c):
    expect(c.run('render', 'ed/edition.xml', '--bogus'), 2,
           usage('render', 'Unknown option --bogus'), '')


@case
def option_missing_its_value(c):
    expect(c.run('render', 'ed/edition.xml', '-o'), 2,
           usage('render', 'Missing argument for -o'), '')


# ---- 3. an option the command does not take is refused ----

@case
def check_refuses_output(c):
    expect(c.run('check', 'ed/edition.xml', '-o', 'x.pdf'), 2, usage(
        'check', "check does not take -o: it is render's, and check writes no PDF"), '')
    if c.exists('x.pdf'):
        raise Failure('x.pdf written')


@case
def every_refused_option_named(c):
    for cmd, (takes, args) in TAKES.items():
        for opt, arg in ALL_OPTIONS.items():
            if opt in takes:
                continue
            why = ": it is render's, and check writes no PDF" if cmd == 'check' else ''
            expect(c.run(cmd, *args, opt, *([arg] if arg else [])), 2,
                   usage(cmd, f'{cmd} does not take {opt}{why}'), '')
            if c.exists('x.pdf') or c.exists('dir') or c.exists('r.json'):
                raise Failure(f'{cmd} {opt} wrote something')


@case
def taken_options_run(c):
    expect(c.run('check', 'ed/edition.xml', '--pages', '1', '--strict', '--report',
                 'r.json', '-q'), 0, '', '')
    expect(c.run('fit', 'ed/stories/a.txt', '--strict', '--layout', 'broadsheet'), 0, '')
    expect(c.run('dump', 'desc', 'ed/edition.xml', '--allow-outside'), 0, '')
    expect(c.run('fonts', 'ed/edition.xml', '--allow-outside'), 0, '')


# ---- 4. -q and -v ----

@case
def quiet_render(c):
    expect(c.run('render', 'ed/edition.xml', '-o', 'x.pdf', '-q'), 0, '', '')
    if not c.exists('x.pdf'):
        raise Failure('no x.pdf')


@case
def quiet_keeps_diagnostics(c):
    with open(os.path.join(c.tmp, 'ed', 'edition.xml'), 'w') as f:
        f.write('<edition')
    st, out, err = c.run('check', 'ed/edition.xml', '-q')
    if st != 2 or not err.startswith('ed/edition.xml:') or 'pages' in err:
        raise Failure(f'exit {st}, stderr\n{err}')


@case
def verbose_render(c):
    st, out, err = c.run('render', 'ed/edition.xml', '-o', 'x.pdf', '--report', 'r.json', '-v')
    lines = err.splitlines()
    want = [r'timings \(ms\): parse [0-9.]+ .* pdf [0-9.]+',
            r'huozi: 2 pages, 2 stories, 0 overset \(0 lines\), [0-9]+ empty grid cells',
            r'huozi: wrote the edition to x\.pdf', r'huozi: wrote the fit report to r\.json']
    if st != 0 or out != 'x.pdf\n' or len(lines) != len(want) or not all(
            re.fullmatch(w, l) for w, l in zip(want, lines)):
        raise Failure(f'exit {st}, stdout {out!r}, stderr\n{err}')


@case
def verbose_check(c):
    st, out, err = c.run('check', 'ed/edition.xml', '-v')
    if st != 0 or out or not err.startswith('timings (ms): ') or '2 pages' not in err:
        raise Failure(f'exit {st}, stdout {out!r}, stderr\n{err}')


@case
def quiet_and_verbose(c):
    expect(c.run('render', 'ed/edition.xml', '-o', 'x.pdf', '-q', '-v'), 2,
           usage('render', '-q and -v together: say one'), '')


# ---- 5. fit --layout NAME ----

@case
def fit_layout_by_name(c):
    by_path = c.run('fit', 'ed/stories/a.txt', '--layout',
                    os.path.join(ROOT, 'layouts', 'broadsheet.xml'))
    by_name = c.run('fit', 'ed/stories/a.txt', '--layout', 'broadsheet')
    if by_path[0] != 0 or by_name != by_path:
        raise Failure(f'by path {by_path}\nby name {by_name}')


@case
def fit_layout_name_mistyped(c):
    lib = os.path.join(ROOT, 'layouts')
    expect(c.run('fit', 'ed/stories/a.txt', '--layout', 'broadshet'), 2,
           'error: no layout "broadshet" in the layouts library\n'
           f"  hint: did you mean 'broadsheet'? the layouts library ({lib}) holds broadsheet, "
           'broadsheet-11; a layout file is named by its path, e.g. --layout ./broadshet.xml\n',
           '')


# ---- 6. --dpi is 1 to 2400 ----

@case
def dpi_zero(c):
    for dpi in ('0', '2401', '-1', 'nan', '100x', ''):
        expect(c.run('render', 'ed/edition.xml', '--png', 'dir', '--dpi', dpi), 2,
               usage('render', '--dpi must be between 1 and 2400'), '')
        if c.exists('dir'):
            raise Failure('dir made')


def main(argv):
    names = [a.replace('-', '_') for a in argv]
    failed = 0
    for fn in CASES:
        if names and fn.__name__ not in names:
            continue
        with tempfile.TemporaryDirectory(prefix='huozi-cli-') as tmp:
            try:
                fn(Ctx(tmp))
                print(f'ok   {fn.__name__.replace("_", "-")}')
            except Failure as e:
                failed += 1
                print(f'FAIL {fn.__name__.replace("_", "-")}\n{e}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
