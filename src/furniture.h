/* furniture.h - the page furniture (furniture.c). */
#pragma once

#include "flowctx.h"

/* the page furniture: running head or masthead, photos, ads, rules */
void furniture_compose_page(FlowCtx *c, int page);
/* Only the images of a page that is not composed (--pages), registered in the edition's image
 * table as furniture_compose_page() registers them: the pages composed keep the indexes (and
 * so the PDF names) of the whole edition's. Keep the two in step. */
void furniture_page_images(FlowCtx *c, int page);
