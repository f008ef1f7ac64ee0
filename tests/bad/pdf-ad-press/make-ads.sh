#!/bin/sh
# make-ads.sh - make ads.pdf (an RGB box and a CMYK box of 230% ink) from ads.ps with
# Ghostscript's ps2pdf, colours left as they are. Run in this folder; the PDF is committed.
set -eu
cd "$(dirname "$0")"
SOURCE_DATE_EPOCH=1764288000 TZ=UTC ps2pdf -sColorConversionStrategy=LeaveColorUnchanged \
	-dAutoRotatePages=/None ads.ps ads.pdf
