/* library.c - the layouts library: a layout named by NAME (layout="broadsheet", fit --layout
 * broadsheet) found in the library's folder, or an error that lists what the folder holds. */
#include "library.h"
#include "i18n.h"
#include "suggest.h"
#include <string.h>

bool
library_is_name(const char *ref)
{
	return *ref && !strchr(ref, '/') && !g_str_has_suffix(ref, ".xml");
}

static int
compare_names(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* the layouts of the library folder dir: the names of its *.xml files, sorted; NULL when the
 * folder cannot be read */
static GPtrArray *
library_names(const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	GPtrArray *names;
	const char *f;
	if (!d)
		return NULL;
	names = g_ptr_array_new_with_free_func(g_free);
	while ((f = g_dir_read_name(d)))
		if (g_str_has_suffix(f, ".xml") && strlen(f) > strlen(".xml"))
			g_ptr_array_add(names, g_strndup(f, strlen(f) - strlen(".xml")));
	g_dir_close(d);
	g_ptr_array_sort(names, compare_names);
	return names;
}

/* no layout `name` in the library: said with the folder searched, the names it holds and the
 * closest one */
static void
report_missing(const char *name, const char *dir, GPtrArray *names, const char *file, int line,
               int col, const char *own_file, Report *r)
{
	g_autofree char *list = NULL, *have = NULL, *hint = NULL;
	g_ptr_array_add(names, NULL);
	list = g_strjoinv(", ", (char **)names->pdata);
	have = g_strdup_printf(_("the layouts library (%s) holds %s%s; %s"), dir,
	                       names->len > 1 ? "" : _("no layouts"), list, own_file);
	hint = suggest_hint(name, (const char *const *)names->pdata, have);
	g_ptr_array_remove_index(names, names->len - 1);
	report_error(r, DIAG_INPUT, file, line, col, hint,
	             _("no layout \"%s\" in the layouts library"), report_clip(r, name));
}

char *
library_layout_path(const char *name, const char *dir, const char *file, int line, int col,
                    const char *own_file, Report *r)
{
	g_autoptr(GPtrArray) names = library_names(dir);
	g_autofree char *xml = g_strconcat(name, ".xml", NULL);
	for (guint i = 0; names && i < names->len; i++)
		if (strcmp(name, g_ptr_array_index(names, i)) == 0)
			return g_build_filename(dir, xml, NULL);
	if (!names)
		return g_build_filename(dir, xml, NULL);
	report_missing(name, dir, names, file, line, col, own_file, r);
	return NULL;
}
