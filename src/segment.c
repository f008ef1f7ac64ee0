/* segment.c - word boundaries of a UTF-8 text from ICU's dictionary-based word break iterator.
 *
 * Opening a break iterator loads its rules and dictionaries: each thread opens one on first
 * use and keeps it (a GPrivate that closes it when the thread ends). UText reads the UTF-8 in
 * place, so the boundaries come out as byte offsets with no UTF-16 copy. */
#include "segment.h"
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

static void
close_iterator(gpointer b)
{
	ubrk_close(b);
}

static const UChar empty[1] = {0};
static GPrivate iterator_key = G_PRIVATE_INIT(close_iterator);

/* this thread's word break iterator, or NULL when ICU cannot open one */
static UBreakIterator *
iterator(void)
{
	UBreakIterator *b = g_private_get(&iterator_key);
	UErrorCode st = U_ZERO_ERROR;
	if (b)
		return b;
	b = ubrk_open(UBRK_WORD, "zh", NULL, 0, &st);
	if (U_FAILURE(st)) {
		ubrk_close(b);
		return NULL;
	}
	g_private_set(&iterator_key, b);
	return b;
}

int *
segment_words(const char *text, int len, int *n)
{
	UBreakIterator *b = iterator();
	UErrorCode st = U_ZERO_ERROR;
	UText *ut;
	GArray *at;
	*n = 0;
	if (!b || len < 0)
		return NULL;
	ut = utext_openUTF8(NULL, text, len, &st);
	ubrk_setUText(b, ut, &st);
	if (U_FAILURE(st)) {
		utext_close(ut);
		return NULL;
	}
	at = g_array_new(FALSE, FALSE, sizeof(int));
	for (int32_t p = ubrk_first(b); p != UBRK_DONE; p = ubrk_next(b))
		g_array_append_val(at, p);
	/* the iterator keeps a shallow clone of ut: leave it pointing at nothing */
	ubrk_setText(b, empty, 0, &st);
	utext_close(ut);
	*n = (int)at->len;
	return (int *)(void *)g_array_free(at, FALSE);
}

const char *
segment_icu_version(void)
{
	static char s[U_MAX_VERSION_STRING_LENGTH];
	static gsize done = 0;
	if (g_once_init_enter(&done)) {
		UVersionInfo v;
		u_getVersion(v);
		u_versionToString(v, s);
		g_once_init_leave(&done, 1);
	}
	return s;
}
