/* cmd_watch.c - `huozi render --watch`: render, then render again whenever the page description,
 * a story, an image or the layout changes (GLib file monitors on their folders). */
/* The folders are watched, not the files: a save by rename (editors, `sed -i`, `mv`,
 * os.replace) replaces the file, and a monitor on the old file would see nothing more. A change
 * is any event whose name, old or new, is an input: written in place, created, renamed onto,
 * moved in, deleted or moved away. After a run that could not load the edition (a bad story, a
 * missing image) the inputs it knew are kept, with every file the page description still names,
 * so that fixing the broken one renders again. */
#include "cmd_watch.h"
#include "cmd_render.h"
#include <gio/gio.h>
#include <stdio.h>

#define SETTLE_MS 80 /* editors write in bursts: wait for the last event */

typedef struct {
	const char *edition;
	const CliOpts *o;
	GHashTable *files; /* canonical paths of the inputs */
	GPtrArray *monitors;
	guint pending;
} Watch;

static void watch_inputs(Watch *w);

static bool
is_input(const Watch *w, GFile *file)
{
	g_autofree char *path = file ? g_file_get_path(file) : NULL;
	return path && g_hash_table_contains(w->files, path);
}

static gboolean
rerender(gpointer data)
{
	Watch *w = data;
	gint64 t0 = g_get_monotonic_time();
	int status;
	w->pending = 0;
	status = cmd_render(w->edition, w->o, true);
	/* a story may have been added or renamed; the new monitors are in place before the old ones
	 * go and before the line that tells the user (or a script) that edits will be seen */
	watch_inputs(w);
	fputs("huozi: ", stderr);
	fprintf(stderr, _("rendered in %.0f ms, status %d; watching for changes\n"),
	        (g_get_monotonic_time() - t0) / 1e3, status);
	return G_SOURCE_REMOVE;
}

static void
on_change(GFileMonitor *mon, GFile *file, GFile *other, GFileMonitorEvent ev, gpointer data)
{
	Watch *w = data;
	(void)mon;
	if (ev != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && ev != G_FILE_MONITOR_EVENT_CREATED &&
	    ev != G_FILE_MONITOR_EVENT_CHANGED && ev != G_FILE_MONITOR_EVENT_MOVED_IN &&
	    ev != G_FILE_MONITOR_EVENT_RENAMED && ev != G_FILE_MONITOR_EVENT_DELETED &&
	    ev != G_FILE_MONITOR_EVENT_MOVED_OUT)
		return;
	/* a rename within a folder names the old file in `file` and the new one in `other` */
	if (!is_input(w, file) && !(ev == G_FILE_MONITOR_EVENT_RENAMED && is_input(w, other)))
		return;
	if (w->pending)
		g_source_remove(w->pending);
	w->pending = g_timeout_add(SETTLE_MS, rerender, w);
}

/* Monitor the folders of every input: editors that save by renaming replace the file itself.
 * The inputs are the library's list (hz_inputs): a symbolic link and its target both. */
static void
watch_inputs(Watch *w)
{
	HzOptions *h = hz_options_new();
	GHashTable *dirs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GPtrArray *old = w->monitors;
	char **known = (char **)g_hash_table_get_keys_as_array(w->files, NULL);
	char **files;
	GHashTableIter it;
	gpointer dir;

	hz_options_set_allow_outside(h, w->o->allow_outside);
	files = hz_inputs(w->edition, h, known);
	g_free(known);
	hz_options_free(h);
	w->monitors = g_ptr_array_new_with_free_func(g_object_unref);
	g_hash_table_remove_all(w->files);
	for (int i = 0; files[i]; i++) {
		g_hash_table_add(w->files, g_strdup(files[i]));
		g_hash_table_add(dirs, g_path_get_dirname(files[i]));
	}
	hz_strv_free(files);
	g_hash_table_iter_init(&it, dirs);
	while (g_hash_table_iter_next(&it, &dir, NULL)) {
		GFile *f = g_file_new_for_path(dir);
		GFileMonitor *mon =
		    g_file_monitor_directory(f, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
		if (mon) {
			g_signal_connect(mon, "changed", G_CALLBACK(on_change), w);
			g_ptr_array_add(w->monitors, mon);
		}
		g_object_unref(f);
	}
	g_hash_table_destroy(dirs);
	g_ptr_array_unref(old); /* only now: no gap in which an edit goes unseen */
}

int
cmd_watch(const char *edition, const CliOpts *o)
{
	Watch w = {edition, o};
	GMainLoop *loop = g_main_loop_new(NULL, FALSE);
	w.files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	w.monitors = g_ptr_array_new_with_free_func(g_object_unref);
	rerender(&w);
	g_main_loop_run(loop); /* until interrupted */
	g_main_loop_unref(loop);
	g_ptr_array_unref(w.monitors);
	g_hash_table_destroy(w.files);
	return EXIT_OK;
}
