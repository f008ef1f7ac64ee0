/* where.c - where the running huozi is (build tree or installation) and so where its data is. */
#include "where.h"
#include "config.h"
#include <dlfcn.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	bool build_tree;
	char *layouts, *fonts, *locale;
} Where;

/* the real path of the file this code was loaded from: libhuozi.so, or the program */
static char *
self_path(void)
{
	Dl_info info;
	char *p = NULL;
	if (dladdr((void *)self_path, &info) && info.dli_fname && *info.dli_fname)
		p = realpath(info.dli_fname, NULL);
	if (!p)
		p = realpath("/proc/self/exe", NULL);
	return p;
}

/* the installation prefix when dir is PREFIX/bindir or PREFIX/libdir, else NULL */
static char *
prefix_of(const char *dir)
{
	const char *rels[] = {HUOZI_BINDIR, HUOZI_LIBDIR};
	for (size_t i = 0; i < G_N_ELEMENTS(rels); i++) {
		size_t n = strlen(dir), k = strlen(rels[i]);
		if (g_path_is_absolute(rels[i]) || k >= n)
			continue;
		if (strcmp(dir + n - k, rels[i]) == 0 && dir[n - k - 1] == '/')
			return g_strndup(dir, n - k - 1);
	}
	return NULL;
}

static gpointer
where_find(gpointer unused)
{
	Where *w = g_new0(Where, 1);
	char *self = self_path();
	char *build = realpath(HUOZI_BUILD_ROOT, NULL);
	if (self && build && g_str_has_prefix(self, build) && self[strlen(build)] == '/') {
		w->build_tree = true;
		w->layouts = g_strdup(HUOZI_SOURCE_LAYOUTS_DIR);
		w->fonts = g_strdup(HUOZI_SOURCE_FONTS_DIR);
		w->locale = g_strdup(HUOZI_BUILD_LOCALE_DIR);
	} else {
		g_autofree char *dir = self ? g_path_get_dirname(self) : NULL;
		g_autofree char *prefix = dir ? prefix_of(dir) : NULL;
		if (prefix && !g_path_is_absolute(HUOZI_DATADIR)) {
			w->layouts =
			    g_build_filename(prefix, HUOZI_DATADIR, "huozi", "layouts", NULL);
			w->fonts = g_build_filename(prefix, HUOZI_DATADIR, "huozi", "fonts", NULL);
		} else {
			w->layouts = g_strdup(HUOZI_LAYOUTS_DIR);
			w->fonts = g_strdup(HUOZI_FONTS_DIR);
		}
		w->locale = prefix && !g_path_is_absolute(HUOZI_LOCALEDIR)
		                ? g_build_filename(prefix, HUOZI_LOCALEDIR, NULL)
		                : g_strdup(HUOZI_LOCALE_DIR);
	}
	free(self);
	free(build);
	return w;
}

static const Where *
where(void)
{
	static GOnce once = G_ONCE_INIT;
	return g_once(&once, where_find, NULL);
}

bool
where_in_build_tree(void)
{
	return where()->build_tree;
}

const char *
where_layouts_dir(void)
{
	return where()->layouts;
}

const char *
where_fonts_dir(void)
{
	return where()->fonts;
}

const char *
where_locale_dir(void)
{
	return where()->locale;
}
