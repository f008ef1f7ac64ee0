/* imagecheck.h - an edition's images checked whole on a thread of their own, beside the
 * stages that do not need their pixels. */
#pragma once

#include "image.h"
#include <glib.h>
#include <stdbool.h>

/* Checking that a print-size PNG inflates and a JPEG decodes takes tens of milliseconds an
 * image, and nothing before the PDF needs the result: the fonts, the shaping and the
 * composition run meanwhile, and image_checks_passed is asked before anything is written. */
typedef struct ImageChecks ImageChecks;

ImageChecks *image_checks_new(void);
/* Add an image image_probe accepted (a reference to its bytes is kept). Before the start. */
void image_checks_add(ImageChecks *c, GBytes *bytes, const ImageInfo *info);
/* Check the images added, on a new thread (on this one, if none can be made). */
void image_checks_start(ImageChecks *c);
/* Wait for the checks (or make them now, if they were not started): true when every image
 * passed image_verify, or none was added. Callers ask it before any output is written. */
bool image_checks_passed(ImageChecks *c);
/* Waits for the thread, then frees. */
void image_checks_free(ImageChecks *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ImageChecks, image_checks_free)
