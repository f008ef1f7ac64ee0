/* fuzz_common.c - see fuzz_common.h. */
#include "fuzz_common.h"
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef HUOZI_SOURCE_ROOT
#error "HUOZI_SOURCE_ROOT must be defined by tests/fuzz/meson.build"
#endif

static char *tmpdir;

static void
remove_tmpdir(void)
{
	GDir *d;
	const char *name;

	if (!tmpdir)
		return;
	if ((d = g_dir_open(tmpdir, 0, NULL))) {
		while ((name = g_dir_read_name(d))) {
			g_autofree char *p = g_build_filename(tmpdir, name, NULL);
			g_remove(p);
		}
		g_dir_close(d);
	}
	g_rmdir(tmpdir);
	g_clear_pointer(&tmpdir, g_free);
}

const char *
fuzz_tmpdir(void)
{
	GError *err = NULL;

	if (tmpdir)
		return tmpdir;
	tmpdir = g_dir_make_tmp("huozi-fuzz-XXXXXX", &err);
	if (!tmpdir) {
		fprintf(stderr, "fuzz: cannot make a temporary folder: %s\n", err->message);
		abort();
	}
	atexit(remove_tmpdir);
	return tmpdir;
}

char *
fuzz_write(const char *name, const void *data, size_t size)
{
	char *path = g_build_filename(fuzz_tmpdir(), name, NULL);
	FILE *f = fopen(path, "wb");

	if (!f || (size > 0 && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
		fprintf(stderr, "fuzz: cannot write %s\n", path);
		abort();
	}
	return path;
}

const char *
fuzz_fonts_conf(void)
{
	const char *env = g_getenv("HUOZI_FONTS_CONF");
	if (env && *env)
		return env;
	return HUOZI_SOURCE_ROOT "/fonts/fonts.conf";
}

void
fuzz_report_done(Report *r)
{
	for (guint i = 0; i < r->diags->len; i++)
		g_free(report_format(g_ptr_array_index(r->diags, i)));
	report_free(r);
}

void
fuzz_glib_setup(void)
{
	g_log_set_always_fatal(G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
}
