/* report.c - collecting diagnostics and formatting them as file:line:col messages. */
#include "report.h"

static void
diag_free(gpointer p)
{
	Diag *d = p;
	g_free(d->file);
	g_free(d->msg);
	g_free(d->hint);
	g_free(d);
}

Report *
report_new(void)
{
	Report *r = g_new0(Report, 1);
	r->diags = g_ptr_array_new_with_free_func(diag_free);
	return r;
}

void
report_free(Report *r)
{
	if (!r)
		return;
	g_ptr_array_unref(r->diags);
	g_free(r);
}

void
report_add(Report *r, ReportLevel level, DiagKind kind, const char *file, int line, int col,
           const char *hint, const char *fmt, ...)
{
	va_list ap;
	Diag *d = g_new0(Diag, 1);
	d->level = level;
	d->kind = kind;
	d->file = g_strdup(file);
	d->line = line;
	d->col = col;
	d->hint = g_strdup(hint);
	va_start(ap, fmt);
	d->msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_ptr_array_add(r->diags, d);
	if (level == REPORT_ERROR)
		r->nerrors++;
	else if (level == REPORT_WARNING)
		r->nwarnings++;
}

bool
report_has(const Report *r, DiagKind kind, ReportLevel min_level)
{
	for (guint i = 0; i < r->diags->len; i++) {
		const Diag *d = g_ptr_array_index(r->diags, i);
		if (d->kind == kind && d->level >= min_level)
			return true;
	}
	return false;
}

static const char *
level_name(ReportLevel level)
{
	switch (level) {
	case REPORT_ERROR:
		return "error";
	case REPORT_WARNING:
		return "warning";
	default:
		return "note";
	}
}

char *
report_format(const Diag *d)
{
	GString *s = g_string_new(NULL);
	if (d->file) {
		g_string_append(s, d->file);
		if (d->line > 0)
			g_string_append_printf(s, ":%d", d->line);
		if (d->line > 0 && d->col > 0)
			g_string_append_printf(s, ":%d", d->col);
		g_string_append(s, ": ");
	}
	g_string_append_printf(s, "%s: %s\n", level_name(d->level), d->msg);
	if (d->hint)
		g_string_append_printf(s, "  hint: %s\n", d->hint);
	return g_string_free(s, FALSE);
}

void
report_move(Report *dst, Report *src)
{
	for (guint i = 0; i < src->diags->len; i++)
		g_ptr_array_add(dst->diags, g_ptr_array_index(src->diags, i));
	dst->nerrors += src->nerrors;
	dst->nwarnings += src->nwarnings;
	g_ptr_array_set_free_func(src->diags, NULL);
	g_ptr_array_set_size(src->diags, 0);
	g_ptr_array_set_free_func(src->diags, diag_free);
	src->nerrors = src->nwarnings = 0;
}
