/* imagecheck.h - an edition's images checked whole on a thread of their own, beside the
 * stages that do not need their pixels. */
#pragma once

#include "image.h"
#include <glib.h>
#include <stdbool.h>

/* Checking that a print-size PNG inflates and a JPEG decodes takes tens of milliseconds an
 * image, and nothing before the PDF needs the result: the checks start with the first image,
 * while the rest of the edition is read and its fonts opened (one core is idle then), and
 * image_checks_passed is asked before anything is written. */
typedef struct ImageChecks ImageChecks;

ImageChecks *image_checks_new(void);
/* Add an image image_probe accepted (a reference to its bytes is kept); the first starts the
 * thread that checks them in order. Before image_checks_close. */
void image_checks_add(ImageChecks *c, GBytes *bytes, const ImageInfo *info);
/* No more images: the thread ends with the last. */
void image_checks_close(ImageChecks *c);
/* Close, wait for the checks (making on this thread those no thread made): true when every
 * image passed image_verify, or none was added. Callers ask it before any output is written. */
bool image_checks_passed(ImageChecks *c);
/* Closes, waits for the thread (the checks it runs end after the one under way fails or the
 * list ends), then frees. */
void image_checks_free(ImageChecks *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ImageChecks, image_checks_free)
