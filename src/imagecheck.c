/* imagecheck.c - an edition's images checked whole on a thread of their own. */
#include "imagecheck.h"
#include "report.h"

typedef struct {
	GBytes *bytes;
	ImageInfo info;
} Pending;

struct ImageChecks {
	GMutex lock;
	GCond more;      /* an image was added, or the list closed */
	GArray *pending; /* Pending, in the order the edition names them */
	guint next;      /* the next to check */
	bool closed;     /* no more will be added */
	GThread *thread; /* started by the first image; NULL once joined */
	bool tried;      /* a thread was asked for (none may have come) */
	bool passed;     /* every image checked so far passed */
};

ImageChecks *
image_checks_new(void)
{
	ImageChecks *c = g_new0(ImageChecks, 1);
	g_mutex_init(&c->lock);
	g_cond_init(&c->more);
	c->pending = g_array_new(FALSE, FALSE, sizeof(Pending));
	c->passed = true;
	return c;
}

/* The next image to check, or false when there is none and will be none (or one failed). With
 * wait, waits for images still to be added. Called without the lock. */
static bool
take(ImageChecks *c, bool wait, Pending *out)
{
	bool got = false;
	g_mutex_lock(&c->lock);
	while (wait && c->passed && c->next == c->pending->len && !c->closed)
		g_cond_wait(&c->more, &c->lock);
	if (c->passed && c->next < c->pending->len) {
		*out = g_array_index(c->pending, Pending, c->next++);
		got = true;
	}
	g_mutex_unlock(&c->lock);
	return got;
}

/* The messages are not kept: a failure makes the caller read the edition again with every check
 * in its place (model.h), so the report is the one a plain load gives. */
static void
check_pending(ImageChecks *c, bool wait)
{
	g_autoptr(Report) quiet = report_new();
	Pending p;
	while (take(c, wait, &p)) {
		bool ok = image_verify(p.bytes, &p.info, "", NULL, 0, 0, quiet);
		g_mutex_lock(&c->lock);
		c->passed = c->passed && ok;
		g_mutex_unlock(&c->lock);
	}
}

static gpointer
checker(gpointer data)
{
	check_pending(data, true);
	return NULL;
}

void
image_checks_add(ImageChecks *c, GBytes *bytes, const ImageInfo *info)
{
	Pending p = {g_bytes_ref(bytes), *info};
	g_mutex_lock(&c->lock);
	g_array_append_val(c->pending, p);
	g_cond_signal(&c->more);
	g_mutex_unlock(&c->lock);
	if (!c->tried) { /* the first image: checked while the rest of the edition is read */
		c->tried = true;
		c->thread = g_thread_try_new("huozi-images", checker, c, NULL);
	}
}

void
image_checks_close(ImageChecks *c)
{
	g_mutex_lock(&c->lock);
	c->closed = true;
	g_cond_signal(&c->more);
	g_mutex_unlock(&c->lock);
}

bool
image_checks_passed(ImageChecks *c)
{
	if (!c)
		return true;
	image_checks_close(c);
	if (c->thread) {
		g_thread_join(c->thread);
		c->thread = NULL;
	}
	check_pending(c, false); /* what no thread checked (none could be made) */
	return c->passed;
}

void
image_checks_free(ImageChecks *c)
{
	if (!c)
		return;
	image_checks_close(c);
	if (c->thread)
		g_thread_join(c->thread);
	for (guint i = 0; i < c->pending->len; i++)
		g_bytes_unref(g_array_index(c->pending, Pending, i).bytes);
	g_array_free(c->pending, TRUE);
	g_mutex_clear(&c->lock);
	g_cond_clear(&c->more);
	g_free(c);
}
