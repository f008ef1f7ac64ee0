/* regress_main.c - the fuzz targets without libFuzzer: run every file named on the command
 * line (a folder: every file in it, in name order) once through the target's
 * LLVMFuzzerTestOneInput, after its LLVMFuzzerInitialize. Linked with each fuzz_*.c into
 * regress_* for the 'fuzz-regress' test suite (tests/fuzz/meson.build): a crash, a sanitizer
 * report (in the sanitizer build) or a hang (the test's timeout) fails the test. */
#include "fuzz_common.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
run_file(const char *path)
{
	g_autofree char *data = NULL;
	gsize len = 0;
	GError *err = NULL;
	void *copy;

	if (!g_file_get_contents(path, &data, &len, &err)) {
		fprintf(stderr, "regress: %s\n", err->message);
		g_error_free(err);
		return 1;
	}
	/* an exactly sized copy, as libFuzzer passes it, so overreads show in the sanitizer build
	 */
	copy = g_malloc(len ? len : 1);
	memcpy(copy, data, len);
	fprintf(stderr, "regress: %s (%zu bytes)\n", path, (size_t)len);
	LLVMFuzzerTestOneInput(copy, len);
	g_free(copy);
	return 0;
}

static int
by_name(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
main(int argc, char **argv)
{
	int n = 0, bad = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		if (g_file_test(argv[i], G_FILE_TEST_IS_DIR)) {
			GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
			GDir *d = g_dir_open(argv[i], 0, NULL);
			const char *name;
			while (d && (name = g_dir_read_name(d)))
				if (name[0] != '.')
					g_ptr_array_add(names,
					                g_build_filename(argv[i], name, NULL));
			if (d)
				g_dir_close(d);
			g_ptr_array_sort(names, by_name);
			for (guint k = 0; k < names->len; k++, n++)
				bad += run_file(g_ptr_array_index(names, k));
			g_ptr_array_free(names, TRUE);
		} else {
			bad += run_file(argv[i]);
			n++;
		}
	}
	printf("%d inputs run, %d unreadable\n", n, bad);
	return bad ? 1 : 0;
}
