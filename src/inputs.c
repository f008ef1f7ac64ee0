/* inputs.c - every file an edition reads (page description, layout, stories, images), for
 * watching them: what the model loaded, or, when it could not, what the page description names
 * and what was known before. */
#include "inputs.h"
#include "desc.h"
#include "model.h"
#include <stdlib.h>
#include <string.h>

/* An input by its name, and, when that is a symbolic link, by the file it leads to: a save
 * of the target (in place or by rename in its own folder) is a change of the input. */
static void
add_input(GHashTable *files, const char *path)
{
	char *canon = g_canonicalize_filename(path, NULL);
	char *real = realpath(canon, NULL);
	if (real && strcmp(real, canon) != 0)
		g_hash_table_add(files, g_strdup(real));
	free(real);
	g_hash_table_add(files, canon);
}

/* Every file the page description's tree names (src attributes, the layout), resolved as the
 * model would: what a run whose model failed can still tell about its inputs. */
static void
add_named(GHashTable *files, const DescNode *n, const char *base)
{
	for (int i = 0; i < n->nattrs; i++) {
		const DescAttr *a = &n->attrs[i];
		g_autofree char *path = NULL;
		if (!*a->value)
			continue;
		if (strcmp(a->name, "src") == 0 ||
		    (strcmp(a->name, "layout") == 0 &&
		     (strchr(a->value, '/') || g_str_has_suffix(a->value, ".xml"))))
			path = g_path_is_absolute(a->value)
			           ? g_strdup(a->value)
			           : g_build_filename(base, a->value, NULL);
		else if (strcmp(a->name, "layout") == 0) {
			g_autofree char *name = g_strconcat(a->value, ".xml", NULL);
			path = g_build_filename(model_layouts_dir(), name, NULL);
		}
		if (path)
			add_input(files, path);
	}
	for (int i = 0; i < n->nchildren; i++)
		add_named(files, n->children[i], base);
}

GHashTable *
inputs_list(const char *edition, bool allow_outside, GHashTable *known)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Model) m =
	    model_load_with(edition, &(ModelOptions){.allow_outside = allow_outside}, r);
	GHashTable *files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTableIter it;
	gpointer file;

	add_input(files, edition);
	if (!m) { /* keep what we knew, and add whatever the page description names now */
		g_autoptr(Report) quiet = report_new();
		g_autoptr(Desc) d = desc_load(edition, quiet);
		g_autofree char *base = g_path_get_dirname(edition);
		if (known) {
			g_hash_table_iter_init(&it, known);
			while (g_hash_table_iter_next(&it, &file, NULL))
				add_input(files, file);
		}
		if (d && d->root)
			add_named(files, d->root, base);
	}
	for (int s = 0; m && s < m->nstories; s++)
		add_input(files, m->stories[s].src);
	for (int p = 0; m && p < m->npages; p++)
		for (int i = 0; i < m->pages[p].nelems; i++)
			if (m->pages[p].elems[i].src)
				add_input(files, m->pages[p].elems[i].src);
	if (m)
		add_input(files, m->layout->file);
	return files;
}
