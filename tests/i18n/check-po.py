#!/usr/bin/env python3
"""check-po.py - the message catalogues hold: every message has its translation.

usage: check-po.py XGETTEXT-ARG...   (the arguments po/meson.build gives xgettext)

Checks, for the source tree $SOURCE_ROOT:
  - po/POTFILES lists exactly the files of src/ that mark messages (_( or N_();
  - xgettext extracts a fresh template from them (so a message added to the code and not yet to
    the catalogues is seen, whether or not po/huozi.pot was regenerated);
  - for each language of po/LINGUAS: msgfmt --check passes (formats, header), and every msgid
    of the template has a translation in LANG.po that is neither fuzzy nor empty, and LANG.po
    holds no message the code no longer has (run `ninja -C build huozi-update-po`).
Exit status 0 when all hold, 1 otherwise, with what is wrong.
"""
import os
import re
import subprocess
import sys
import tempfile

SRC = os.environ['SOURCE_ROOT']
PO = os.path.join(SRC, 'po')


def unquote(parts):
    text = ''.join(parts)
    out, i = [], 0
    escapes = {'n': '\n', 't': '\t', '"': '"', '\\': '\\'}
    while i < len(text):
        if text[i] == '\\' and i + 1 < len(text):
            out.append(escapes.get(text[i + 1], '\\' + text[i + 1]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return ''.join(out)


def entries(path):
    """(msgctxt + msgid, msgstr, fuzzy, obsolete) of each entry but the header"""
    found = []
    with open(path, encoding='utf-8') as f:
        blocks = f.read().split('\n\n')
    for b in blocks:
        lines = b.strip('\n').split('\n')
        obsolete = all(l.startswith('#~') for l in lines if l and not l.startswith('#,'))
        lines = [l[3:] if l.startswith('#~ ') else l for l in lines]
        fuzzy = any(l.startswith('#,') and 'fuzzy' in l for l in lines)
        fields, key = {}, None
        for l in lines:
            m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', l)
            if m:
                key = m.group(1)
                fields[key] = [m.group(2)]
            elif l.startswith('"') and key:
                fields[key].append(l[1:-1])
        if 'msgid' not in fields:
            continue
        mid = unquote(fields['msgid'])
        if mid == '' and 'msgctxt' not in fields:
            continue
        ctx = unquote(fields['msgctxt']) + '\x04' if 'msgctxt' in fields else ''
        strs = [unquote(v) for k, v in fields.items() if k.startswith('msgstr')]
        found.append((ctx + mid, strs, fuzzy, obsolete))
    return found


def marking_files():
    marked = []
    for name in sorted(os.listdir(os.path.join(SRC, 'src'))):
        if name.endswith('.c'):
            text = open(os.path.join(SRC, 'src', name), encoding='utf-8').read()
            if re.search(r'\bN?_\(', text):
                marked.append('src/' + name)
    return marked


def main():
    problems = []
    listed = [l.strip() for l in open(os.path.join(PO, 'POTFILES'), encoding='utf-8')
              if l.strip() and not l.startswith('#')]
    marked = marking_files()
    for f in sorted(set(marked) - set(listed)):
        problems.append('%s marks messages but is not in po/POTFILES' % f)
    for f in sorted(set(listed) - set(marked)):
        problems.append('po/POTFILES lists %s, which marks no message' % f)
    langs = [l.strip() for l in open(os.path.join(PO, 'LINGUAS'), encoding='utf-8')
             if l.strip() and not l.startswith('#')]
    with tempfile.TemporaryDirectory(prefix='huozi-po-') as tmp:
        pot = os.path.join(tmp, 'huozi.pot')
        subprocess.run(['xgettext', '--package-name=huozi', '-o', pot, '--directory', SRC]
                       + sys.argv[1:] + listed, check=True)
        want = [e[0] for e in entries(pot)]
        print('ok   %d messages in %d files' % (len(want), len(listed)))
        for lang in langs:
            po = os.path.join(PO, lang + '.po')
            p = subprocess.run(['msgfmt', '--check', '-o', os.devnull, po],
                               capture_output=True, text=True)
            if p.returncode != 0:
                problems.append('msgfmt --check %s.po:\n%s' % (lang, p.stderr))
            have = {e[0]: e for e in entries(po) if not e[3]}
            bad = 0
            for mid in want:
                e = have.get(mid)
                if not e:
                    problems.append('%s.po has no translation of %r' % (lang, mid))
                elif e[2]:
                    problems.append('%s.po: the translation of %r is fuzzy' % (lang, mid))
                elif not all(e[1]):
                    problems.append('%s.po: %r is not translated' % (lang, mid))
                else:
                    continue
                bad += 1
            for mid in sorted(set(have) - set(want)):
                problems.append('%s.po translates %r, which the code no longer has' % (lang, mid))
                bad += 1
            if not bad:
                print('ok   %s.po: all %d messages translated' % (lang, len(want)))
    for p in problems:
        print('FAIL ' + p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
