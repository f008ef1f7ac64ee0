/* fuzz_story.c - libFuzzer target: the story-file reader (story_parse) on the input bytes as
 * they are, not NUL-terminated, then the paragraph lookups and the dump. */
#include "fuzz_common.h"
#include "story.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_glib_setup();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Report *r = report_new();
	Story *s = story_parse("fuzz.txt", (const char *)data, (gssize)size, r);

	if (s) {
		GString *out = g_string_new(NULL);
		for (int k = 0; k < PARA_KIND_COUNT; k++)
			(void)story_get(s, (ParaKind)k);
		story_dump(s, out);
		g_string_free(out, TRUE);
		story_free(s);
	}
	fuzz_report_done(r);
	return 0;
}
