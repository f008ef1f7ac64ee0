/* fuzz_layout.c - libFuzzer target: the layout / style-sheet reader. The input is written to
 * layout.xml in a private temporary folder and read with layout_load, then dumped. */
#include "fuzz_common.h"
#include "layout.h"

static char *path;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_glib_setup();
	path = fuzz_write("layout.xml", "", 0);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Report *r = report_new();
	Layout *l;

	g_free(fuzz_write("layout.xml", data, size));
	l = layout_load(path, r);
	if (l) {
		GString *out = g_string_new(NULL);
		for (int i = 0; i < ST_COUNT; i++)
			(void)layout_style(l, (StyleId)i);
		layout_dump(l, out);
		g_string_free(out, TRUE);
		layout_free(l);
	}
	fuzz_report_done(r);
	return 0;
}
