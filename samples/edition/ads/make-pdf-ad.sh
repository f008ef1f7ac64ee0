#!/bin/sh
# make-pdf-ad.sh - make the sample edition's PDF ad, ad-p2-strip.pdf, from ad-p2-strip.ps with
# Ghostscript's ps2pdf (Debian package ghostscript; the URW fonts come with it): a CMYK vector
# ad with its two fonts embedded (subset), TrimBox and BleedBox set by pdfmark. Reproducible:
# the dates come from SOURCE_DATE_EPOCH (the edition's date, 2026-11-28 00:00 UTC) and the /ID,
# which Ghostscript makes at random, is replaced by the MD5 of the file without it (same
# length, so the cross-reference table stays right). Two runs give the same bytes.
# usage: samples/edition/ads/make-pdf-ad.sh   (from anywhere; writes beside this script)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp "$here/.ad-p2-strip.XXXXXX")
trap 'rm -f "$tmp"' EXIT
SOURCE_DATE_EPOCH=1764288000 TZ=UTC ps2pdf -dPDFSETTINGS=/prepress -dEmbedAllFonts=true \
	-dSubsetFonts=true -sColorConversionStrategy=LeaveColorUnchanged -dAutoRotatePages=/None \
	"$here/ad-p2-strip.ps" "$tmp"
python3 - "$tmp" <<'PY'
import hashlib, re, sys
path = sys.argv[1]
data = open(path, 'rb').read()
pat = re.compile(rb'/ID ?\[<([0-9A-Fa-f]{32})><([0-9A-Fa-f]{32})>\]')
if len(pat.findall(data)) != 1:
    sys.exit('make-pdf-ad.sh: expected one /ID in the PDF')
digest = hashlib.md5(pat.sub(b'/ID[]', data)).hexdigest().upper().encode()
open(path, 'wb').write(pat.sub(lambda m: m.group(0).replace(m.group(1), digest).replace(m.group(2), digest), data))
PY
chmod 644 "$tmp"
mv "$tmp" "$here/ad-p2-strip.pdf"
trap - EXIT
