/* stream.h - an edition composed and drawn page by page (stream.c). */
#pragma once

#include "dlist.h"
#include "flow.h"

/* Compose the edition and draw it into a display list in page order, a batch of stories at a
 * time: a page is drawn as soon as the stories with a frame on it are composed, and each
 * paragraph is freed once the last page with a line of it is drawn, so that the shaped text of
 * the whole edition is never held at once. The display list is the one dlist_compose makes
 * from compose_edition's flow without the proof overlay; *flow gets that flow without its text
 * (flow_drop_text: figures, fits, findings, photos and empty cells stay), and *draw_us the time
 * spent drawing. */
DList *stream_compose(const Model *m, Fonts *f, int threads, const bool *pages, Report *r,
                      Flow **flow, gint64 *draw_us);
