/* jpegcmyk.h - Adobe's inverted CMYK JPEGs: found by their APP14 marker, given the /Decode that
 * PDF readers need (jpegcmyk.c). */
#pragma once

#include <glib.h>
#include <qpdf/qpdf-c.h>
#include <stdbool.h>
#include <stddef.h>

/* The JPEG has Adobe's APP14 marker: its CMYK samples are stored inverted (255 - ink), as
 * Photoshop and Ghostscript's jpegcmyk write them. */
bool jpegcmyk_adobe(const unsigned char *d, size_t len);
/* A CMYK JPEG image XObject as cairo embeds it (DCTDecode, no /Decode) that is Adobe-inverted
 * gets /Decode [1 0 1 0 1 0 1 0]: PDF readers take the samples as ink, not by the marker
 * (poppler and Ghostscript alike), so without it the photo prints as its negative. Returns
 * whether it set one. */
bool jpegcmyk_set_decode(qpdf_data q, qpdf_oh img);
/* jpegcmyk_set_decode on every image XObject of the page and of the forms it draws (each
 * object once: seen holds the object ids done) */
void jpegcmyk_fix_page(qpdf_data q, qpdf_oh page, GHashTable *seen);
