/* display.c - display text (every paragraph but body text) in the lines or the box it has: the
 * squeeze, the lines left out, and the findings of the fit report. */
#include "display.h"
#include "i18n.h"

void
display_kind(FlowCtx *c, int pi, const char *kind)
{
	flowctx_para(c, pi)->kind = kind;
}

int
display_fit(FlowCtx *c, int pi, int max_lines, const ItemsWhere *w, const char *hint)
{
	const FlowPara *fp = flowctx_para(c, pi);
	int over;
	if (max_lines <= 0) { /* its box holds no line of it */
		if (fp->lines->n > 0)
			report_error(c->r, DIAG_LAYOUT, w->file, w->line, w->col, hint,
			             _("%s: no room for \"%s\" in its box: %d line(s) left out"),
			             i18n_name(w->what), report_clip(c->r, fp->items->text),
			             fp->lines->n);
		return fp->lines->n;
	}
	if (flowctx_fit_lines(c, pi, max_lines))
		return 0;
	fp = flowctx_para(c, pi);
	over = MAX(fp->lines->n - max_lines, 0);
	if (over == 0) /* fits its lines, broken against the rules: reported as such */
		return 0;
	if (flowctx_overfull(c, pi)) /* a character wider than its column: that error says it */
		return over;
	report_error(c->r, DIAG_LAYOUT, w->file, w->line, w->col, hint,
	             _("%s: \"%s\" does not fit %d line(s) of %.1f pt even squeezed (tracking "
	               "%.2f em, %d%% wide): %d line(s) left out"),
	             i18n_name(w->what), report_clip(c->r, fp->items->text), max_lines,
	             len_to_pt(fp->measure), fp->style->tracking_milli / 1000.0,
	             fp->items->xscale / 10, over);
	return over;
}

void
display_note(FlowCtx *c, int pi, const ItemsWhere *w, int max_lines, int overset)
{
	const FlowPara *fp = flowctx_para(c, pi);
	DisplayFinding d = {w->file,
	                    w->line,
	                    w->col,
	                    fp->kind,
	                    NULL,
	                    fp->style->name,
	                    NULL,
	                    fp->lines->n,
	                    max_lines,
	                    fp->style->tracking_milli,
	                    fp->items->xscale / 10,
	                    fp->squeezed != NULL,
	                    0,
	                    0,
	                    overset};
	const char *t = fp->items->text;
	for (int i = 0; i < fp->lines->n; i++) {
		unsigned f = fp->lines->lines[i].flags;
		d.forced_lines += (f & (LINE_FORCED | LINE_OVERFULL)) ? 1 : 0;
		d.loose_lines += (f & LINE_LOOSE) ? 1 : 0;
	}
	if (!d.squeezed && d.forced_lines == 0 && d.loose_lines == 0 && overset == 0)
		return;
	d.element = g_strdup(w->what ? i18n_name(w->what) : ""); /* as messages name it */
	d.text = g_utf8_substring(t, 0, MIN(g_utf8_strlen(t, -1), 16));
	g_array_append_val(c->out->findings, d);
}
