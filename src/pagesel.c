/* pagesel.c - a page selection (--pages "1,3-4") read into page indexes. */
#include "pagesel.h"
#include "i18n.h"
#include <stdio.h>

bool
pagesel_parse(const char *spec, int npages, GArray *out, Report *r)
{
	g_auto(GStrv) parts = g_strsplit(spec, ",", -1);
	for (int i = 0; parts[i]; i++) {
		int a, b;
		char extra;
		if (sscanf(parts[i], "%d-%d%c", &a, &b, &extra) == 2 ||
		    (sscanf(parts[i], "%d%c", &a, &extra) == 1 && (b = a, true))) {
			if (a < 1 || b > npages || a > b) {
				report_error(r, DIAG_INPUT, NULL, 0, 0, NULL,
				             _("--pages %s: the edition has pages 1 to %d"),
				             parts[i], npages);
				return false;
			}
			for (int p = a; p <= b; p++) {
				int idx = p - 1;
				g_array_append_val(out, idx);
			}
		} else {
			report_error(r, DIAG_INPUT, NULL, 0, 0, _("e.g. --pages 1,3-4"),
			             _("bad --pages \"%s\""), spec);
			return false;
		}
	}
	return true;
}

bool *
pagesel_mask(const char *spec, int npages)
{
	g_autoptr(GArray) pages = g_array_new(FALSE, FALSE, sizeof(int));
	Report *quiet = report_new(); /* a refused selection is the render's to report */
	bool ok = spec && pagesel_parse(spec, npages, pages, quiet);
	bool *mask;
	report_free(quiet);
	if (!ok)
		return NULL;
	mask = g_new0(bool, npages + 1);
	for (guint i = 0; i < pages->len; i++)
		mask[g_array_index(pages, int, i)] = true;
	for (int p = 0; p < npages; p++)
		if (!mask[p])
			return mask;
	g_free(mask); /* every page */
	return NULL;
}
