/* flow.c - Flow, the composed edition: its data (paragraphs, placed lines, vertical runs,
 * figures, fits, bookmarks), new, free, drop and dump. */
#include "flow.h"
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

static void
para_free(gpointer p)
{
	FlowPara *fp = p;
	if (!fp)
		return; /* dropped already (flow_drop_para) */
	items_free(fp->items);
	g_free(fp->base_shift);
	lines_free(fp->lines);
	g_free(fp->squeezed);
	g_free(fp->sized);
	g_free(fp);
}

static void
flowrun_free(gpointer p)
{
	FlowRun *r = p;
	g_object_unref(r->font);
	g_array_free(r->glyphs, TRUE);
	g_string_free(r->text, TRUE);
	g_array_free(r->clusters, TRUE);
	g_free(r);
}

Flow *
flow_new(const Model *m, int nfits)
{
	Flow *out = g_new0(Flow, 1);
	out->paras = g_ptr_array_new_with_free_func(para_free);
	out->lines = g_array_new(FALSE, FALSE, sizeof(FlowLine));
	out->runs = g_ptr_array_new_with_free_func(flowrun_free);
	out->figures = g_array_new(FALSE, FALSE, sizeof(Figure));
	out->images = g_ptr_array_new_with_free_func(g_free);
	out->image_data = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
	out->image_info = g_array_new(FALSE, FALSE, sizeof(ImageInfo));
	out->bookmarks = g_array_new(FALSE, FALSE, sizeof(Bookmark));
	out->findings = g_array_new(FALSE, FALSE, sizeof(DisplayFinding));
	out->photos = g_array_new(FALSE, FALSE, sizeof(PhotoFit));
	out->nfits = nfits;
	out->fits = g_new0(StoryFit, nfits + 1);
	out->npages = m->npages;
	out->helper_fonts = g_ptr_array_new_with_free_func((GDestroyNotify)fonts_free);
	return out;
}

void
flow_free(Flow *f)
{
	if (!f)
		return;
	g_ptr_array_unref(f->paras);
	g_array_free(f->lines, TRUE);
	g_ptr_array_unref(f->runs);
	g_array_free(f->figures, TRUE);
	g_ptr_array_unref(f->images);
	g_ptr_array_unref(f->image_data);
	g_array_free(f->image_info, TRUE);
	for (int i = 0; i < f->nfits; i++)
		g_free(f->fits[i].overset_text);
	g_free(f->fits);
	for (guint i = 0; i < f->bookmarks->len; i++)
		g_free(g_array_index(f->bookmarks, Bookmark, i).title);
	g_array_free(f->bookmarks, TRUE);
	for (guint i = 0; i < f->findings->len; i++) {
		g_free(g_array_index(f->findings, DisplayFinding, i).element);
		g_free(g_array_index(f->findings, DisplayFinding, i).text);
	}
	g_array_free(f->findings, TRUE);
	g_array_free(f->photos, TRUE);
	g_free(f->uncovered);
	g_ptr_array_unref(f->helper_fonts); /* after the paragraphs, which hold their fonts */
	g_free(f);
}

void
flow_drop_para(Flow *f, int i)
{
	para_free(g_ptr_array_index(f->paras, i));
	g_ptr_array_index(f->paras, i) = NULL;
}

void
flow_trim(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

void
flow_drop_text(Flow *f)
{
	g_ptr_array_set_size(f->paras, 0);
	g_ptr_array_set_size(f->runs, 0);
	/* a new array: emptied, the old one would keep its room */
	g_array_free(f->lines, TRUE);
	f->lines = g_array_new(FALSE, FALSE, sizeof(FlowLine));
	flow_trim(); /* hand the pages back: what follows (cairo) allocates otherwise */
}

FlowIndex *
flow_index_new(int npages)
{
	FlowIndex *x = g_new0(FlowIndex, 1);
	x->npages = npages;
	x->lines = g_new0(GArray *, npages + 1);
	x->figs = g_new0(GArray *, npages + 1);
	x->runs = g_new0(GArray *, npages + 1);
	for (int p = 0; p < npages; p++) {
		x->lines[p] = g_array_new(FALSE, FALSE, sizeof(int));
		x->figs[p] = g_array_new(FALSE, FALSE, sizeof(int));
		x->runs[p] = g_array_new(FALSE, FALSE, sizeof(int));
	}
	return x;
}

/* item i on page p: added to the page's list unless the page was released */
static void
index_add(GArray **lists, int p, guint i)
{
	int v = (int)i;
	if (lists[p])
		g_array_append_val(lists[p], v);
}

void
flow_index_update(FlowIndex *x, const Flow *f)
{
	for (; x->nlines < f->lines->len; x->nlines++)
		index_add(x->lines, g_array_index(f->lines, FlowLine, x->nlines).page, x->nlines);
	for (; x->nfigs < f->figures->len; x->nfigs++)
		index_add(x->figs, g_array_index(f->figures, Figure, x->nfigs).page, x->nfigs);
	for (; x->nruns < f->runs->len; x->nruns++) {
		const FlowRun *run = g_ptr_array_index(f->runs, x->nruns);
		index_add(x->runs, run->page, x->nruns);
	}
}

void
flow_index_release(FlowIndex *x, int p)
{
	if (x->lines[p])
		g_array_free(x->lines[p], TRUE);
	if (x->figs[p])
		g_array_free(x->figs[p], TRUE);
	if (x->runs[p])
		g_array_free(x->runs[p], TRUE);
	x->lines[p] = x->figs[p] = x->runs[p] = NULL;
}

void
flow_index_free(FlowIndex *x)
{
	if (!x)
		return;
	for (int p = 0; p < x->npages; p++)
		flow_index_release(x, p);
	g_free(x->lines);
	g_free(x->figs);
	g_free(x->runs);
	g_free(x);
}

char *
flow_line_text(const Flow *f, const FlowLine *l)
{
	const FlowPara *fp = g_ptr_array_index(f->paras, l->para);
	const Line *ln = &fp->lines->lines[l->line];
	const Items *it = fp->items;
	int b0, b1;
	if (ln->end <= ln->start)
		return g_strdup("");
	b0 = it->cl[ln->start].start;
	b1 = it->cl[ln->end - 1].start + it->cl[ln->end - 1].len;
	return g_strndup(it->text + b0, (gsize)(b1 - b0));
}

void
flow_dump(const Flow *f, const Model *m, GString *out)
{
	static const char *const figs[] = {"image", "rule", "box", "tint"};
	for (int p = 0; p < f->npages; p++) {
		g_string_append_printf(out, "page %s\n", m->pages[p].folio);
		for (guint i = 0; i < f->figures->len; i++) {
			const Figure *fg = &g_array_index(f->figures, Figure, i);
			if (fg->page == p && !fg->proof)
				g_string_append_printf(out, "  %s %.2f,%.2f %.2fx%.2f\n",
				                       figs[fg->kind], len_to_pt(fg->x),
				                       len_to_pt(fg->y), len_to_pt(fg->w),
				                       len_to_pt(fg->h));
		}
		for (guint i = 0; i < f->lines->len; i++) {
			const FlowLine *l = &g_array_index(f->lines, FlowLine, i);
			const FlowPara *fp = g_ptr_array_index(f->paras, l->para);
			const Line *ln = &fp->lines->lines[l->line];
			g_autofree char *t = NULL;
			if (l->page != p || l->proof)
				continue;
			t = flow_line_text(f, l);
			g_string_append_printf(out, "  line %s x=%.2f y=%.2f w=%.2f%s%s \"%s\"\n",
			                       fp->style->name, len_to_pt(l->x),
			                       len_to_pt(l->baseline), len_to_pt(ln->width),
			                       ln->flags & LINE_LOOSE ? " loose" : "",
			                       ln->flags & LINE_SQUEEZED ? " squeezed" : "", t);
		}
	}
	for (int s = 0; s < f->nfits; s++) {
		const StoryFit *fit = &f->fits[s];
		g_string_append_printf(
		    out, "fit %s frames=%d lines=%d/%d underset=%d overset=%d/%d%s%s\n",
		    m->stories[s].id ? m->stories[s].id : "-", fit->frames, fit->lines_set,
		    fit->lines_avail, fit->underset, fit->overset_lines, fit->overset_chars,
		    fit->overset_text ? " from " : "", fit->overset_text ? fit->overset_text : "");
	}
}
