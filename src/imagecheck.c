/* imagecheck.c - an edition's images checked whole on a thread of their own. */
#include "imagecheck.h"
#include "report.h"

typedef struct {
	GBytes *bytes;
	ImageInfo info;
} Pending;

struct ImageChecks {
	GArray *pending; /* Pending, in the order the edition names them */
	GThread *thread; /* NULL: not started, or joined */
	bool checked;    /* check_all ran (or runs) */
	bool passed;
};

ImageChecks *
image_checks_new(void)
{
	ImageChecks *c = g_new0(ImageChecks, 1);
	c->pending = g_array_new(FALSE, FALSE, sizeof(Pending));
	c->passed = true;
	return c;
}

void
image_checks_add(ImageChecks *c, GBytes *bytes, const ImageInfo *info)
{
	Pending p = {g_bytes_ref(bytes), *info};
	g_array_append_val(c->pending, p);
}

/* The messages are not kept: a failure makes the caller read the edition again with every check
 * in its place (model.h), so the report is the one a plain load gives. */
static gpointer
check_all(gpointer data)
{
	ImageChecks *c = data;
	g_autoptr(Report) quiet = report_new();
	c->checked = true;
	for (guint i = 0; i < c->pending->len && c->passed; i++) {
		const Pending *p = &g_array_index(c->pending, Pending, i);
		c->passed = image_verify(p->bytes, &p->info, "", NULL, 0, 0, quiet);
	}
	return NULL;
}

void
image_checks_start(ImageChecks *c)
{
	if (c->thread || c->checked || c->pending->len == 0)
		return;
	c->thread = g_thread_try_new("huozi-images", check_all, c, NULL);
	if (!c->thread)
		check_all(c);
}

bool
image_checks_passed(ImageChecks *c)
{
	if (!c)
		return true;
	if (c->thread) {
		g_thread_join(c->thread);
		c->thread = NULL;
	} else if (!c->checked) {
		check_all(c);
	}
	return c->passed;
}

void
image_checks_free(ImageChecks *c)
{
	if (!c)
		return;
	if (c->thread)
		g_thread_join(c->thread);
	for (guint i = 0; i < c->pending->len; i++)
		g_bytes_unref(g_array_index(c->pending, Pending, i).bytes);
	g_array_free(c->pending, TRUE);
	g_free(c);
}
