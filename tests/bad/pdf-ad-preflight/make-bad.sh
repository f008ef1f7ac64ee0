#!/bin/sh
# make-bad.sh - make bad.pdf (fonts not embedded, 400% ink, RGB, a 3 ppi image, two pages)
# and encrypted.pdf (the same, encrypted with an owner password only, so it opens) from bad.ps
# with Ghostscript's ps2pdf. Run in this folder; the PDFs are committed.
set -eu
cd "$(dirname "$0")"
opts="-dEmbedAllFonts=false -dSubsetFonts=true -sColorConversionStrategy=LeaveColorUnchanged
 -dAutoFilterGrayImages=false -sGrayImageFilter=FlateEncode -dDownsampleGrayImages=false
 -dAutoRotatePages=/None"
SOURCE_DATE_EPOCH=1764288000 TZ=UTC ps2pdf $opts bad.ps bad.pdf
SOURCE_DATE_EPOCH=1764288000 TZ=UTC ps2pdf $opts -sOwnerPassword=owner -dEncryptionR=3 \
	-dKeyLength=128 bad.ps encrypted.pdf
