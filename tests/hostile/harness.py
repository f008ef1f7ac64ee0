#!/usr/bin/env python3
"""harness.py - the hostile-input suite: huozi attacked through its files and its command line.

usage: harness.py MODULE [CASE ...]   run the cases of tests/hostile/MODULE.py (all, or those named)
       harness.py --list MODULE        print the names of its cases

A case is a function decorated with @case in a module of this folder. It gets a Ctx: a fresh
temporary folder holding `ed/`, a copy of fixture/ (edition.xml, two stories, a PNG photo and a
JPEG ad), and helpers to run $HUOZI in it and to check what happened. A case asserts the exit
status, the whole of standard error (`expect`), that no output was created or changed
(`Snapshot`), and, for the scale cases, time and peak RSS against a generous bound.
Standard error is compared whole except for the source excerpt under a diagnostic (the line of
the input and its caret, `   12 | ...` and `      |   ^~~`): `expect` checks that every excerpt
stands under a diagnostic of its file and line and is well formed, then compares the rest. The
excerpts themselves are compared whole in tests/bad, tests/golden and the srcline unit suite;
here they would only repeat the fixture's lines in every case.
A case that needs root (mknod) and runs without it is reported as skipped, never as passed.
Exit status 0 when every case passed (or was skipped), 1 otherwise.
"""
import hashlib
import importlib
import os
import queue
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# Under AddressSanitizer (./build.sh asan sets ASAN_OPTIONS) huozi is several times slower and
# bigger, and needs its whole address space: the time and memory budgets are the normal
# build's to meet, so there they are not asserted, no address-space cap is set and timeouts
# are five times longer. Everything else (status, messages, files) is checked the same.
SANITIZED = bool(os.environ.get('ASAN_OPTIONS'))
# Peak memory does not depend on load: it is held to the budget exactly. Time does: the
# documented figure (10 s) holds on an idle 2-core machine (docs/safety.md gives the
# measurements), and a test has no timed assertion (a loaded machine would fail a build that is
# within its budget). A case over twice its time budget is printed as a note; with
# HUOZI_TIME_BUDGET=1 (a benchmark run on a quiet machine) it fails.
TIME_SLACK = 2
TIME_ASSERTED = bool(os.environ.get('HUOZI_TIME_BUDGET'))
CASES = []


def case(fn):
    """register a case; its name is the function's name with _ as -"""
    CASES.append(fn)
    return fn


def heavy(fn):
    """mark a case that lays out hundreds of pages or the largest inputs (seconds in the normal
    build): it measures the budget, so under AddressSanitizer (minutes there) it is skipped;
    write it below @case"""
    fn.heavy = True
    return fn


class Skip(Exception):
    pass


class Failure(Exception):
    pass


class Result:
    def __init__(self, status, stdout, stderr, wall, rss_mb, stdout_bytes=b''):
        self.status, self.stdout, self.stderr = status, stdout, stderr
        self.wall, self.rss_mb = wall, rss_mb
        self.stdout_bytes = stdout_bytes  # stdout as it came (binary output: -o -)

    def __repr__(self):
        return (f'exit {self.status}, {self.wall:.2f} s, {self.rss_mb:.0f} MB\n'
                f'--- stdout\n{self.stdout}--- stderr\n{self.stderr}---')


def tree_state(path):
    """what a path is now: type, inode, size, mtime and content hash of every file under it
    (symlinks as their target text, without following them)"""
    state = {}
    if not os.path.lexists(path):
        return state
    todo = [path]
    while todo:
        p = todo.pop()
        st = os.lstat(p)
        rel = os.path.relpath(p, path)
        if stat.S_ISLNK(st.st_mode):
            state[rel] = ('link', os.readlink(p))
        elif stat.S_ISDIR(st.st_mode):
            state[rel] = ('dir',)
            todo.extend(os.path.join(p, n) for n in sorted(os.listdir(p)))
        elif stat.S_ISREG(st.st_mode):
            with open(p, 'rb') as f:
                h = hashlib.sha256(f.read()).hexdigest()
            state[rel] = ('file', st.st_ino, st.st_size, st.st_mtime_ns, h)
        else:
            state[rel] = ('special', stat.S_IFMT(st.st_mode), st.st_rdev)
    return state


class Snapshot:
    """the state of some paths now; .unchanged() fails naming each path that changed"""

    def __init__(self, *paths):
        self.paths = paths
        self.before = {p: tree_state(p) for p in paths}

    def unchanged(self):
        for p in self.paths:
            after = tree_state(p)
            if after != self.before[p]:
                added = sorted(set(after) - set(self.before[p]))
                gone = sorted(set(self.before[p]) - set(after))
                changed = sorted(k for k in after if k in self.before[p]
                                 and after[k] != self.before[p][k])
                raise Failure(f'{p} changed: added {added}, removed {gone}, changed {changed}')


class Ctx:
    def __init__(self, tmp):
        self.tmp = tmp
        self.ed = os.path.join(tmp, 'ed')
        shutil.copytree(os.path.join(HERE, 'fixture'), self.ed, symlinks=True)
        self.edition = os.path.join(self.ed, 'edition.xml')
        self.huozi = os.environ['HUOZI']
        self.env = dict(os.environ)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def write(self, rel, data, mode='w'):
        """write a file under the temporary folder (str: UTF-8 text, bytes: as is)"""
        p = self.path(rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, 'wb') as f:
            f.write(data.encode('utf-8') if isinstance(data, str) else data)
        return p

    def read(self, rel):
        with open(self.path(rel), 'rb') as f:
            return f.read()

    def need_root(self):
        if os.geteuid() != 0:
            raise Skip('needs root')

    def run(self, *args, cwd=None, stdin=None, timeout=60, env=None, stdout=None,
            max_vm_mb=None):
        """run huozi with args in cwd (default: the temporary folder); measures wall time and
        the child's own peak RSS (wait4). stdout: a file (or fd) to give the child as its
        standard output instead of a captured one (then Result.stdout is empty). max_vm_mb caps
        the child's address space, so that a runaway (the landed binary on a scale case) fails
        instead of taking the machine."""
        if SANITIZED:
            max_vm_mb = None
            timeout *= 5

        def cap():
            lim = max_vm_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (lim, lim))
        out = tempfile.TemporaryFile() if stdout is None else stdout
        err = tempfile.TemporaryFile()
        t0 = time.monotonic()
        p = subprocess.Popen([self.huozi, *args], cwd=cwd or self.tmp, env=env or self.env,
                             stdin=stdin if stdin is not None else subprocess.DEVNULL,
                             stdout=out, stderr=err, start_new_session=True,
                             preexec_fn=cap if max_vm_mb else None)
        timer = threading.Timer(timeout, lambda: os.killpg(p.pid, signal.SIGKILL))
        timer.start()
        _pid, status, ru = os.wait4(p.pid, 0)
        timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
        wall = time.monotonic() - t0
        if p.returncode == -signal.SIGKILL and wall >= timeout:
            raise Failure(f'huozi {" ".join(args)}: still running after {timeout} s (killed)')
        raw = b''
        if stdout is None:
            out.seek(0)
            raw = out.read()
        err.seek(0)
        return Result(p.returncode, raw.decode('utf-8', 'replace'),
                      err.read().decode('utf-8', 'replace'), wall, ru.ru_maxrss / 1024, raw)

    def spawn(self, *args, cwd=None, env=None):
        """start huozi with args in the background (see Spawned)"""
        return Spawned([self.huozi, *args], cwd or self.tmp, env or self.env)

    def render(self, *extra, **kw):
        return self.run('render', 'ed/edition.xml', *extra, **kw)


WATCHING = re.compile(r'huozi: rendered in \d+ ms, status (\d+); watching for changes\n')


class Spawned:
    """huozi running in the background (its own process group), standard error read line by
    line by a thread; use it in a `with` block, which stops it (SIGTERM, then SIGKILL)"""

    def __init__(self, argv, cwd, env):
        self.argv = argv
        self.p = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  start_new_session=True)
        self.q = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in iter(self.p.stderr.readline, b''):
            self.q.put(line.decode('utf-8', 'replace'))
        self.q.put(None)

    def next_line(self, timeout):
        """the next line of standard error, or None when it ended; Failure after timeout"""
        if SANITIZED:
            timeout *= 5
        try:
            return self.q.get(timeout=timeout)
        except queue.Empty:
            raise Failure(f'{" ".join(self.argv[1:])}: nothing on stderr for {timeout:.0f} s')

    def wait_watching(self, timeout=20):
        """the lines up to the next "watching for changes" line and the status it reports;
        Failure when none comes within timeout seconds or the process ends"""
        if SANITIZED:
            timeout *= 5
        lines, end = [], time.monotonic() + timeout
        while True:
            line = self.next_line(max(0.01, end - time.monotonic()))
            if line is None:
                raise Failure(f'huozi ended (status {self.p.wait()}) before watching; '
                              f'stderr:\n{"".join(lines)}')
            m = WATCHING.fullmatch(line)
            if m:
                return int(m.group(1)), lines
            lines.append(line)

    def quiet_for(self, seconds):
        """Failure if huozi prints anything within the next `seconds`"""
        try:
            line = self.q.get(timeout=seconds)
        except queue.Empty:
            return
        raise Failure(f'unexpected output: {line!r}')

    def stop(self):
        if self.p.poll() is None:
            os.killpg(self.p.pid, signal.SIGTERM)
            try:
                self.p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.p.pid, signal.SIGKILL)
                self.p.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


EXCERPT_LINE = re.compile(r'^ +(\d+) \| ')
EXCERPT_CARET = re.compile(r'^ +\| +\^~*$')
DIAG_AT = re.compile(r'^.*?:(\d+)(?::\d+)?: (?:error|warning|note): ')


def without_excerpts(text, problems):
    """stderr without the source excerpts under its diagnostics; a malformed or stray excerpt
    is a problem"""
    out, last_line, lines = [], None, text.split('\n')
    i = 0
    while i < len(lines):
        m = EXCERPT_LINE.match(lines[i])
        if m and last_line is not None:
            if int(m.group(1)) != last_line:
                problems.append(f'excerpt of line {m.group(1)} under a diagnostic at line '
                                f'{last_line}: {lines[i]!r}')
            width = len(m.group(0)) - 2  # the caret line's "|" stands under this one's
            if i + 1 < len(lines) and EXCERPT_CARET.match(lines[i + 1]):
                if not lines[i + 1].startswith(' ' * width + '| '):
                    problems.append(f'caret line not aligned: {lines[i + 1]!r}')
                i += 1
            last_line = None
        else:
            d = DIAG_AT.match(lines[i])
            last_line = int(d.group(1)) if d else None
            out.append(lines[i])
        i += 1
    return '\n'.join(out)


def expect(res, status, stderr=None, stdout=None, max_s=None, max_mb=None):
    """exit status; the whole of stderr (without the source excerpts, see the top) and of
    stdout when given (a str, or a list of lines); the resource budget when given"""
    problems = []
    if res.status != status:
        problems.append(f'exit status {res.status}, expected {status}')
    got_stderr = without_excerpts(res.stderr, problems)
    for name, want, got in (('stderr', stderr, got_stderr), ('stdout', stdout, res.stdout)):
        if want is None:
            continue
        if isinstance(want, list):
            want = ''.join(l + '\n' for l in want)
        if got != want:
            problems.append(f'{name} differs; expected:\n{want}')
    if SANITIZED:
        max_s = max_mb = None
    if max_s is not None and res.wall > max_s * TIME_SLACK:
        over = f'took {res.wall:.1f} s, budget {max_s} s (over beyond {TIME_SLACK}x)'
        if TIME_ASSERTED:
            problems.append(over)
        else:
            print(f'note  {over}: not asserted (set HUOZI_TIME_BUDGET=1 on a quiet machine)')
    if max_mb is not None and res.rss_mb > max_mb:
        problems.append(f'peak RSS {res.rss_mb:.0f} MB, budget {max_mb} MB')
    if problems:
        raise Failure('; '.join(problems) + f'\ngot: {res!r}')


def check(cond, what):
    if not cond:
        raise Failure(what)


def main(argv):
    if len(argv) >= 2 and argv[0] == '--list':
        sys.path.insert(0, HERE)
        importlib.import_module(argv[1])
        for fn in CASES:
            print(fn.__name__.replace('_', '-'))
        return 0
    if not argv:
        sys.exit(__doc__)
    sys.path.insert(0, HERE)
    importlib.import_module(argv[0])
    wanted = {a.replace('_', '-') for a in argv[1:]}
    failed = passed = skipped = 0
    for fn in CASES:
        name = fn.__name__.replace('_', '-')
        if wanted and name not in wanted:
            continue
        with tempfile.TemporaryDirectory(prefix='huozi-hostile-',
                                         ignore_cleanup_errors=True) as tmp:
            t0 = time.monotonic()
            try:
                if SANITIZED and getattr(fn, 'heavy', False):
                    raise Skip('a budget case: the normal build runs it')
                fn(Ctx(tmp))
                passed += 1
                print(f'ok    {name} ({time.monotonic() - t0:.1f} s)')
            except Skip as e:
                skipped += 1
                print(f'skip  {name}: {e}')
            except Failure as e:
                failed += 1
                print(f'FAIL  {name}: {e}')
            except Exception as e:  # a broken case is a failure too
                failed += 1
                print(f'FAIL  {name}: {type(e).__name__}: {e}')
    print(f'{argv[0]}: {passed} passed, {failed} failed, {skipped} skipped')
    return 1 if failed or passed == 0 else 0


if __name__ == '__main__':
    sys.modules['harness'] = sys.modules['__main__']  # the cases import this module by name
    sys.exit(main(sys.argv[1:]))
