/* report.c - collecting diagnostics and formatting them as file:line:col messages. */
#include "report.h"
#include "i18n.h"
#include "srcline.h"
#include <string.h>

static void
diag_free(gpointer p)
{
	Diag *d = p;
	g_free(d->file);
	g_free(d->msg);
	g_free(d->hint);
	g_free(d->source);
	g_free(d);
}

Report *
report_new(void)
{
	Report *r = g_new0(Report, 1);
	r->diags = g_ptr_array_new_with_free_func(diag_free);
	r->clips = g_ptr_array_new_with_free_func(g_free);
	r->sources = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	                                   (GDestroyNotify)srcline_text_free);
	return r;
}

void
report_free(Report *r)
{
	if (!r)
		return;
	g_ptr_array_unref(r->diags);
	g_ptr_array_unref(r->clips);
	g_hash_table_unref(r->sources);
	g_free(r);
}

/* the note at the end, saying how many diagnostics were not kept */
static void
note_dropped(Report *r)
{
	if (!r->trailer) {
		r->trailer = g_new0(Diag, 1);
		r->trailer->level = REPORT_NOTE;
		r->trailer->kind = DIAG_LAYOUT;
		r->trailer->hint = g_strdup(_("fix the first ones and run again"));
		g_ptr_array_add(r->diags, r->trailer);
	}
	g_free(r->trailer->msg);
	r->trailer->msg =
	    g_strdup_printf(_("%d more diagnostics not shown (only the first %d are)"), r->ndropped,
	                    REPORT_MAX_DIAGS);
}

/* one more diagnostic not kept */
static void
drop(Report *r, ReportLevel level, DiagKind kind)
{
	r->dropped[level] |= 1u << kind;
	r->ndropped++;
	note_dropped(r);
}

void
report_source(Report *r, const char *file, const char *data, gsize len, bool cr_ends_line)
{
	g_hash_table_replace(r->sources, g_strdup(file), srcline_text_new(data, len, cr_ends_line));
}

/* the line d points at, when r holds its file's text */
static void
attach_source(Report *r, Diag *d)
{
	SrcText *t;
	if (d->source || !d->file || d->line < 1)
		return;
	t = g_hash_table_lookup(r->sources, d->file);
	if (t)
		d->source =
		    srcline_get(t, d->line, d->col, REPORT_SOURCE_CHARS, &d->source_col, &d->span);
}

void
report_add(Report *r, ReportLevel level, DiagKind kind, const char *file, int line, int col,
           const char *hint, const char *fmt, ...)
{
	va_list ap;
	Diag *d;
	if (level == REPORT_ERROR)
		r->nerrors++;
	else if (level == REPORT_WARNING)
		r->nwarnings++;
	if (r->diags->len >= REPORT_MAX_DIAGS) {
		drop(r, level, kind);
		g_ptr_array_set_size(r->clips, 0);
		return;
	}
	d = g_new0(Diag, 1);
	d->level = level;
	d->kind = kind;
	d->file = g_strdup(file);
	d->line = line;
	d->col = col;
	d->hint = g_strdup(hint);
	va_start(ap, fmt);
	d->msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	attach_source(r, d);
	g_ptr_array_add(r->diags, d);
	g_ptr_array_set_size(r->clips, 0); /* the arguments are copied into the message now */
}

const char *
report_clip(Report *r, const char *s)
{
	const char *p = s;
	char *cut;
	for (int n = 0; n < REPORT_CLIP_CHARS; n++) {
		int k = g_utf8_skip[*(const guchar *)p];
		if (!*p)
			return s;
		while (k-- > 0 && *p) /* never past the end, even in a broken sequence */
			p++;
	}
	if (!*p)
		return s;
	cut = g_malloc((gsize)(p - s) + sizeof "…");
	memcpy(cut, s, (gsize)(p - s));
	memcpy(cut + (p - s), "…", sizeof "…");
	g_ptr_array_add(r->clips, cut);
	return cut;
}

bool
report_keeps(const Report *r)
{
	return r->diags->len < REPORT_MAX_DIAGS;
}

bool
report_has(const Report *r, DiagKind kind, ReportLevel min_level)
{
	for (guint i = 0; i < r->diags->len; i++) {
		const Diag *d = g_ptr_array_index(r->diags, i);
		if (d->kind == kind && d->level >= min_level && d != r->trailer)
			return true;
	}
	for (int l = (int)min_level; l <= REPORT_ERROR; l++)
		if (r->dropped[l] & (1u << kind))
			return true;
	return false;
}

static const char *
level_name(ReportLevel level)
{
	switch (level) {
	case REPORT_ERROR:
		/* TRANSLATORS: the level of a diagnostic, "file:line:col: error: message"; GCC's
		 * word (its zh_CN says 错误); the ": " after it stays ASCII, for tools that parse
		 * it */
		return _("error");
	case REPORT_WARNING:
		/* TRANSLATORS: the level of a diagnostic, as GCC's (zh_CN: 警告) */
		return _("warning");
	default:
		/* TRANSLATORS: the level of a note pointing at a related place, as GCC's (zh_CN:
		 * 附注) */
		return _("note");
	}
}

char *
report_format(const Diag *d)
{
	GString *s = g_string_new(NULL);
	if (d->file) {
		srcline_append_escaped(s, d->file);
		if (d->line > 0)
			g_string_append_printf(s, ":%d", d->line);
		if (d->line > 0 && d->col > 0)
			g_string_append_printf(s, ":%d", d->col);
		g_string_append(s, ": ");
	}
	g_string_append_printf(s, "%s: ", level_name(d->level));
	srcline_append_escaped(s, d->msg);
	g_string_append_c(s, '\n');
	if (d->source)
		srcline_show(s, d->line, d->source, d->source_col, d->span);
	if (d->hint) {
		g_string_append_printf(s, "  %s: ", _("hint"));
		srcline_append_escaped(s, d->hint);
		g_string_append_c(s, '\n');
	}
	return g_string_free(s, FALSE);
}

/* src's texts go to dst, which keeps its own text of a file it has too */
static void
move_sources(Report *dst, Report *src)
{
	GHashTableIter it;
	gpointer k, v;
	g_hash_table_iter_init(&it, src->sources);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		if (g_hash_table_contains(dst->sources, k))
			continue;
		g_hash_table_iter_steal(&it);
		g_hash_table_insert(dst->sources, k, v);
	}
	g_hash_table_remove_all(src->sources);
}

void
report_move(Report *dst, Report *src)
{
	move_sources(dst, src);
	for (guint i = 0; i < src->diags->len; i++) {
		Diag *d = g_ptr_array_index(src->diags, i);
		if (d == src->trailer)
			continue;
		if (dst->diags->len >= REPORT_MAX_DIAGS) {
			drop(dst, d->level, d->kind);
			diag_free(d);
		} else {
			attach_source(dst, d);
			g_ptr_array_add(dst->diags, d);
		}
	}
	if (src->ndropped > 0) {
		for (int l = 0; l <= REPORT_ERROR; l++)
			dst->dropped[l] |= src->dropped[l];
		dst->ndropped += src->ndropped;
		note_dropped(dst);
		diag_free(src->trailer);
	}
	dst->nerrors += src->nerrors;
	dst->nwarnings += src->nwarnings;
	g_ptr_array_set_free_func(src->diags, NULL);
	g_ptr_array_set_size(src->diags, 0);
	g_ptr_array_set_free_func(src->diags, diag_free);
	src->nerrors = src->nwarnings = 0;
	src->ndropped = 0;
	src->trailer = NULL;
	memset(src->dropped, 0, sizeof src->dropped);
}

int
report_status(const Report *r, bool strict)
{
	if (report_has(r, DIAG_SYSTEM, REPORT_ERROR))
		return 3;
	if (report_has(r, DIAG_INPUT, REPORT_ERROR) || report_has(r, DIAG_FONT, REPORT_ERROR))
		return 2;
	if (strict &&
	    (report_has(r, DIAG_OVERSET, REPORT_ERROR) || report_has(r, DIAG_GLYPH, REPORT_ERROR) ||
	     report_has(r, DIAG_RULE, REPORT_WARNING) || report_has(r, DIAG_LAYOUT, REPORT_ERROR) ||
	     report_has(r, DIAG_MAKEUP, REPORT_WARNING) || report_has(r, DIAG_AD, REPORT_WARNING)))
		return 1;
	return 0;
}
