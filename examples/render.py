#!/usr/bin/env python3
"""render.py - libhuozi example in Python (ctypes): render an edition to one PDF, print the
diagnostics, exit with huozi's status. Usage: render.py EDITION.xml OUT.pdf [LIBHUOZI.so]"""
import ctypes
import sys

if len(sys.argv) not in (3, 4):
    sys.exit("usage: render.py EDITION.xml OUT.pdf [libhuozi.so]")
lib = ctypes.CDLL(sys.argv[3] if len(sys.argv) == 4 else "libhuozi.so.0")
P = ctypes.c_void_p
lib.hz_version.restype = ctypes.c_char_p
lib.hz_options_new.restype = P
lib.hz_options_free.argtypes = [P]
lib.hz_diags_new.restype = P
lib.hz_diags_free.argtypes = [P]
lib.hz_diags_count.argtypes = [P]
lib.hz_diags_exit_status.argtypes = [P, ctypes.c_int]
lib.hz_diag_format.argtypes = [P, ctypes.c_int]
lib.hz_diag_format.restype = P  # a string we free with hz_free
lib.hz_free.argtypes = [P]
lib.hz_edition_load.argtypes = [ctypes.c_char_p, P, P]
lib.hz_edition_load.restype = P
lib.hz_edition_free.argtypes = [P]
lib.hz_edition_pages.argtypes = [P]
lib.hz_edition_write.argtypes = [P, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p,
                                 ctypes.c_char_p, P]

opts = lib.hz_options_new()
diags = lib.hz_diags_new()
ed = lib.hz_edition_load(sys.argv[1].encode(), opts, diags)
if ed:
    lib.hz_edition_write(ed, sys.argv[2].encode(), None, None, None, diags)
    print("render.py: huozi %s, %d pages" % (lib.hz_version().decode(), lib.hz_edition_pages(ed)),
          file=sys.stderr)
for i in range(lib.hz_diags_count(diags)):
    s = lib.hz_diag_format(diags, i)
    sys.stderr.write(ctypes.string_at(s).decode())
    lib.hz_free(s)
status = lib.hz_diags_exit_status(diags, 0)
lib.hz_edition_free(ed)
lib.hz_diags_free(diags)
lib.hz_options_free(opts)
sys.exit(status)
