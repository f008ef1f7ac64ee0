/* unit.h - helpers shared by the Check unit suites: paths of the source tree, temporary
 * folders, files written at test time and lookups in a Report. Everything is static inline:
 * each suite is one translation unit. */
#pragma once

#include "report.h"
#include <check.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

/* a path inside the source tree (tests/meson.build sets SOURCE_ROOT) */
static inline char *
unit_source_path(const char *rel)
{
	const char *root = g_getenv("SOURCE_ROOT");
	ck_assert_msg(root && *root, "SOURCE_ROOT is not set; run the tests with meson test");
	return g_build_filename(root, rel, NULL);
}

/* the real broadsheet layout of the project */
static inline char *
unit_layout_path(void)
{
	return unit_source_path("layouts/broadsheet.xml");
}

/* the project's private fonts.conf (tests/meson.build sets HUOZI_FONTS_CONF) */
static inline char *
unit_fonts_conf(void)
{
	const char *env = g_getenv("HUOZI_FONTS_CONF");
	if (env && *env)
		return g_strdup(env);
	return unit_source_path("fonts/fonts.conf");
}

static inline void
unit_rmtree(const char *path)
{
	GDir *dir;
	const char *name;
	if (!g_file_test(path, G_FILE_TEST_IS_DIR) || g_file_test(path, G_FILE_TEST_IS_SYMLINK)) {
		g_remove(path);
		return;
	}
	dir = g_dir_open(path, 0, NULL);
	while (dir && (name = g_dir_read_name(dir)) != NULL) {
		char *child = g_build_filename(path, name, NULL);
		unit_rmtree(child);
		g_free(child);
	}
	if (dir)
		g_dir_close(dir);
	g_rmdir(path);
}

/* A fresh temporary folder for one test; the caller removes it with unit_rmtree. */
static inline char *
unit_tmpdir(void)
{
	GError *err = NULL;
	char *dir = g_dir_make_tmp("huozi-unit-XXXXXX", &err);
	ck_assert_msg(dir != NULL, "cannot make a temporary folder: %s", err ? err->message : "?");
	return dir;
}

/* Write `data` to dir/name (folders created as needed); returns the full path. */
static inline char *
unit_write(const char *dir, const char *name, const char *data)
{
	GError *err = NULL;
	char *path = g_build_filename(dir, name, NULL);
	char *parent = g_path_get_dirname(path);
	ck_assert_int_eq(g_mkdir_with_parents(parent, 0755), 0);
	g_free(parent);
	ck_assert_msg(g_file_set_contents(path, data, -1, &err), "cannot write %s: %s", path,
	              err ? err->message : "?");
	return path;
}

static inline const Diag *
unit_diag(const Report *r, guint i)
{
	ck_assert_uint_lt(i, r->diags->len);
	return g_ptr_array_index(r->diags, i);
}

/* All diagnostics as text, for failure messages. Leaks on purpose: the test process ends. */
static inline const char *
unit_report_text(const Report *r)
{
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < r->diags->len; i++) {
		char *line = report_format(g_ptr_array_index(r->diags, i));
		g_string_append(s, line);
		g_free(line);
	}
	if (s->len == 0)
		g_string_append(s, "(no diagnostics)\n");
	return g_string_free(s, FALSE);
}

/* the first diagnostic of `level` whose message contains `phrase`, or NULL */
static inline const Diag *
unit_find(const Report *r, ReportLevel level, const char *phrase)
{
	for (guint i = 0; i < r->diags->len; i++) {
		const Diag *d = g_ptr_array_index(r->diags, i);
		if (d->level == level && strstr(d->msg, phrase))
			return d;
	}
	return NULL;
}

/* Assert that an error containing `phrase` was reported at file:line:col. When file is NULL
 * only line and col are checked. */
#define UNIT_ASSERT_ERROR_AT(r, file_, line_, col_, phrase)                                        \
	do {                                                                                       \
		const Diag *d_ = unit_find((r), REPORT_ERROR, (phrase));                           \
		ck_assert_msg(d_ != NULL, "no error containing \"%s\"; got:\n%s", (phrase),        \
		              unit_report_text(r));                                                \
		if ((file_) != NULL)                                                               \
			ck_assert_str_eq(d_->file, (const char *)(file_));                         \
		ck_assert_msg(d_->line == (line_) && d_->col == (col_),                            \
		              "\"%s\" reported at %d:%d, expected %d:%d", d_->msg, d_->line,       \
		              d_->col, (line_), (col_));                                           \
	} while (0)

/* Run a suite in the Check runner; the exit status for main(). */
static inline int
unit_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
