#!/bin/sh
# make-ads.sh - make ads.pdf (an RGB box and a CMYK box of 230% ink) from ads.ps with
# Ghostscript's ps2pdf, colours left as they are; and jpeg.pdf (a CMYK JPEG of 400% ink placed
# with /Decode, as Photoshop places one) from jpeg.ps with Ghostscript's jpegcmyk,
# make-jpeg-pdf.py. Run in this folder; the PDFs are committed.
set -eu
cd "$(dirname "$0")"
SOURCE_DATE_EPOCH=1764288000 TZ=UTC ps2pdf -sColorConversionStrategy=LeaveColorUnchanged \
	-dAutoRotatePages=/None ads.ps ads.pdf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=jpegcmyk -r72 -dJPEGQ=90 -sOutputFile="$tmp/ad.jpg" jpeg.ps
python3 make-jpeg-pdf.py "$tmp/ad.jpg" jpeg.pdf
