#!/usr/bin/env python3
"""check-man-options.py - the man page and the program name the same options.

usage: check-man-options.py     (run through meson test: $HUOZI, $SOURCE_ROOT)

Reads the options from the program itself, not from a list: `huozi --help`, and the help of
each subcommand named in its usage lines (`huozi SUB --help`; while a subcommand prints the
global help, that adds nothing). Then checks that
  - every option of every help text (-x and --long, in the option table and the usage lines)
    is an entry of the OPTIONS section of docs/huozi.1 (a .TP item naming it);
  - every option of the OPTIONS section is accepted by the program: `huozi OPT [ARG]
    --version` or, for some subcommand, `huozi SUB OPT [ARG] --help` exits 0 (an option the
    program does not know is a usage error, exit 2); ARG is given when the man page shows one.
Exit status 0 when both hold, 1 otherwise, with each missing option named.
"""
import os
import re
import subprocess
import sys

OPTION = re.compile(r'(?<![\w-])(--[a-z][a-z0-9-]*|-[a-zA-Z])(?![\w-])')
SAMPLE_ARG = {'N': '100', 'LIST': '1'}  # any other metavariable is a file name


def run(huozi, args):
    return subprocess.run([huozi] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL, timeout=30)


def help_texts(huozi):
    """{command: help text}, the global help and each subcommand's"""
    p = run(huozi, ['--help'])
    if p.returncode != 0 or not p.stdout:
        sys.exit('check-man-options.py: `huozi --help` failed (exit %d)' % p.returncode)
    texts = {'huozi': p.stdout.decode('utf-8')}
    for sub in sorted(set(re.findall(r'huozi ([a-z]+)\b', texts['huozi']))):
        q = run(huozi, [sub, '--help'])
        if q.returncode == 0 and q.stdout and q.stdout != p.stdout:
            texts['huozi ' + sub] = q.stdout.decode('utf-8')
    return texts


def man_options(path):
    """[(option, argument or None)] of the .TP items of the OPTIONS section"""
    with open(path, encoding='utf-8') as f:
        text = f.read()
    m = re.search(r'^\.SH OPTIONS\n(.*?)(?=^\.SH )', text, re.M | re.S)
    if not m:
        sys.exit('check-man-options.py: %s has no OPTIONS section' % path)
    found = []
    lines = m.group(1).split('\n')
    for i, line in enumerate(lines[:-1]):
        if line != '.TP':
            continue
        head = re.sub(r'\\f[BIRP]', '', lines[i + 1].replace('\\-', '-'))
        head = re.sub(r'^\.[A-Z]+ ?', '', head).replace('"', ' ')
        names = OPTION.findall(head)
        words = [w for w in re.split(r'[\s,|]+', head) if w and not OPTION.fullmatch(w)]
        arg = words[0] if words else None
        found += [(n, arg) for n in names]
    return found


def accepted(huozi, subs, option, arg):
    extra = [option] + ([SAMPLE_ARG.get(arg, 'out.x')] if arg else [])
    if run(huozi, extra + ['--version']).returncode == 0:
        return True
    return any(run(huozi, [s] + extra + ['--help']).returncode == 0 for s in subs)


def main():
    huozi = os.environ.get('HUOZI')
    root = os.environ.get('SOURCE_ROOT')
    if not huozi or not root:
        sys.exit('check-man-options.py: HUOZI and SOURCE_ROOT must be set (run through meson test)')
    man = os.path.join(root, 'docs', 'huozi.1')
    texts = help_texts(huozi)
    documented = man_options(man)
    names = {n for n, _ in documented}
    problems = []
    for command, text in texts.items():
        for option in sorted(set(OPTION.findall(text))):
            if option not in names:
                problems.append('`%s --help` shows %s, which the OPTIONS of docs/huozi.1 lack'
                                % (command, option))
    subs = sorted(set(re.findall(r'huozi ([a-z]+)\b', texts['huozi'])))
    for option, arg in documented:
        if not accepted(huozi, subs, option, arg):
            problems.append('docs/huozi.1 documents %s%s, which huozi does not accept'
                            % (option, ' ' + arg if arg else ''))
    for p in problems:
        print('FAIL: ' + p)
    if problems:
        return 1
    print('ok: %d help text(s), %d options in the man page, each in both'
          % (len(texts), len(names)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
