#!/usr/bin/env python3
"""cff2ttf.py - convert one face of a CFF-flavoured OpenType collection to TrueType outlines.

cairo subsets TrueType (glyf) fonts far faster than CFF ones when it writes a PDF, and the
PDF is half the size; the glyphs, their ids, advances and OpenType layout tables stay the
same, so line breaks do not change. The Noto CJK fonts are under the SIL Open Font License,
which allows this modified copy; it keeps its name tables and licence.

usage: cff2ttf.py INPUT.ttc FAMILY OUTPUT.ttf    e.g. NotoSerifCJK-Regular.ttc "Noto Serif CJK SC"
The output is written to OUTPUT.ttf.part and renamed, so an interrupted run leaves nothing.
"""
import os
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

MAX_ERR = 1.0  # font units: the quadratic curves stay within 1/1000 em of the cubic ones


def quadratic_glyphs(glyph_set, order):
    out = {}
    for name in order:
        tt = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(tt, MAX_ERR, reverse_direction=True))
        out[name] = tt.glyph()
    return out


def face_index(src, family):
    from fontTools.ttLib import TTCollection
    for i, face in enumerate(TTCollection(src, lazy=True).fonts):
        if face["name"].getDebugName(1) == family:
            return i
    raise SystemExit(f"{src} has no face of family {family!r}")


def convert(src, family, dst):
    index = face_index(src, family)
    # recalcTimestamp=False: head.modified stays the source's, so that every conversion of the
    # same face gives the same bytes (and the PDFs that embed it do too)
    font = TTFont(src, fontNumber=index, lazy=False, recalcTimestamp=False)
    if font.sfntVersion != "OTTO":
        raise SystemExit(f"{src}#{index} has no CFF outlines")
    order = font.getGlyphOrder()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = quadratic_glyphs(font.getGlyphSet(), order)
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]  # CFF-only; vertical origins come from vmtx with glyf
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                  "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 3.0  # no glyph names: 65,535 cidNNNNN names are dead weight
    font["head"].indexToLocFormat = 1
    font.sfntVersion = "\000\001\000\000"
    font.save(dst + ".part", reorderTables=False)
    os.replace(dst + ".part", dst)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    convert(sys.argv[1], sys.argv[2], sys.argv[3])
