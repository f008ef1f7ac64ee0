/* dlist.c - composing device-independent pages from the flow: glyphs at absolute positions. */
#include "dlist.h"
#include "font.h"
#include <string.h>

/* what makes two font objects one font of the page: face file, face and size */
static char *
font_key(PangoFont *font)
{
	PangoFontDescription *desc = pango_font_describe_with_absolute_size(font);
	g_autofree char *file = fonts_face_file(font),
	                *name = pango_font_description_to_string(desc);
	pango_font_description_free(desc);
	return g_strdup_printf("%s|%s", file ? file : "", name);
}

/* The index of font in d->fonts. Fonts are numbered by the face and size they are, not by the
 * object: stories shaped on other threads hold other objects for the same face, and which
 * thread shaped which story must not change the numbering (dump dlist is byte-stable). */
static int
font_index(DList *d, PangoFont *font)
{
	int id = GPOINTER_TO_INT(g_hash_table_lookup(d->font_ids, font)) - 1;
	g_autofree char *key = NULL;
	if (id >= 0)
		return id;
	key = font_key(font);
	for (int i = 0; i < d->nfonts && id < 0; i++) {
		g_autofree char *other = font_key(d->fonts[i]);
		if (strcmp(key, other) == 0)
			id = i;
	}
	if (id < 0) {
		d->fonts = g_renew(PangoFont *, d->fonts, d->nfonts + 1);
		d->fonts[d->nfonts] = g_object_ref(font);
		id = d->nfonts++;
	}
	g_hash_table_insert(d->font_ids, g_object_ref(font), GINT_TO_POINTER(id + 1));
	return id;
}

/* A text op whose clusters are each one character and one glyph (nearly all) keeps none: they
 * follow from its text (dlist_cluster). The clusters of the whole edition would be a quarter of
 * the display list. */
static void
implicit_clusters(DList *d, Op *op)
{
	int at = op->t0;
	for (int i = 0; i < op->nc; i++) {
		const DCluster *c = &g_array_index(d->clusters, DCluster, op->c0 + i);
		if (c->glyphs != 1 || c->bytes != g_utf8_skip[(guchar)d->text->str[at]])
			return;
		at += c->bytes;
	}
	g_array_set_size(d->clusters, (guint)op->c0);
	op->c0 = -1;
}

static void
add_glyph(DList *d, guint32 id, Len x, Len y)
{
	DGlyph g = {id, x};
	g_array_append_val(d->glyphs, g);
	g_array_append_val(d->ys, y);
}

/* A text op whose glyphs are all at one y (nearly all: a line of text) keeps that y only. */
static void
one_y(DList *d, Op *op)
{
	const Len *ys = (const Len *)(void *)d->ys->data;
	for (int i = 1; i < op->ng; i++)
		if (ys[op->y0 + i] != ys[op->y0])
			return;
	op->gy = op->ng > 0 ? ys[op->y0] : 0;
	g_array_set_size(d->ys, (guint)op->y0);
	op->y0 = -1;
}

/* Emit the clusters [a, b) of a line, all of one font, as one text op. */
static void
add_run(DList *d, const FlowPara *fp, const FlowLine *fl, int a, int b)
{
	const Items *it = fp->items;
	const Lines *ls = fp->lines;
	Op op = {.kind = OP_TEXT,
	         .color = fl->proof ? 0xe02020 : fp->style->color,
	         .size = it->em,
	         .xscale = it->xscale};
	op.font = font_index(d, it->fonts[it->cl[a].font]);
	op.g0 = (int)d->glyphs->len;
	op.y0 = (int)d->ys->len;
	op.t0 = (int)d->text->len;
	op.c0 = (int)d->clusters->len;
	for (int i = a; i < b; i++) {
		const Cluster *c = &it->cl[i];
		Len pen = fl->x + ls->x[i] + ls->shift[i] + fp->base_shift[i];
		DCluster dc = {c->len, 0};
		if (c->missing)
			continue; /* never a hex box: the missing glyph was reported */
		for (int g = c->g0; g < c->g0 + c->ng; g++) {
			add_glyph(d, it->gl[g].id, pen + it->gl[g].dx, fl->baseline - it->gl[g].dy);
			pen += it->gl[g].adv;
			dc.glyphs++;
		}
		g_string_append_len(d->text, it->text + c->start, c->len);
		g_array_append_val(d->clusters, dc);
	}
	op.ng = (int)d->glyphs->len - op.g0;
	op.tlen = (int)d->text->len - op.t0;
	op.nc = (int)d->clusters->len - op.c0;
	implicit_clusters(d, &op);
	one_y(d, &op);
	if (op.ng > 0)
		g_array_append_val(d->ops, op);
}

static void
add_line(DList *d, const Flow *f, const FlowLine *fl)
{
	const FlowPara *fp = g_ptr_array_index(f->paras, fl->para);
	const Line *ln = &fp->lines->lines[fl->line];
	int a = ln->start;
	for (int i = ln->start + 1; i <= ln->end; i++) {
		if (i == ln->end || fp->items->cl[i].font != fp->items->cl[a].font) {
			add_run(d, fp, fl, a, i);
			a = i;
		}
	}
}

static void
add_run_op(DList *d, const FlowRun *run)
{
	Op op = {.kind = OP_TEXT, .color = run->color, .size = run->size, .xscale = 1000};
	op.font = font_index(d, run->font);
	op.g0 = (int)d->glyphs->len;
	op.y0 = (int)d->ys->len;
	op.t0 = (int)d->text->len;
	op.c0 = (int)d->clusters->len;
	for (guint i = 0; i < run->glyphs->len; i++) {
		const RunGlyph *g = &g_array_index(run->glyphs, RunGlyph, i);
		add_glyph(d, g->id, g->x, g->y);
	}
	g_string_append_len(d->text, run->text->str, (gssize)run->text->len);
	for (guint i = 0; i + 1 < run->clusters->len; i += 2) {
		DCluster dc = {g_array_index(run->clusters, int, i),
		               g_array_index(run->clusters, int, i + 1)};
		g_array_append_val(d->clusters, dc);
	}
	op.ng = (int)d->glyphs->len - op.g0;
	op.tlen = (int)d->text->len - op.t0;
	op.nc = (int)d->clusters->len - op.c0;
	implicit_clusters(d, &op);
	one_y(d, &op);
	if (op.ng > 0)
		g_array_append_val(d->ops, op);
}

static void
add_figure(DList *d, const Figure *fg)
{
	static const OpKind kinds[] = {OP_IMAGE, OP_RULE, OP_BOX, OP_TINT};
	Op op = {.kind = kinds[fg->kind],
	         .color = fg->color,
	         .x = fg->x,
	         .y = fg->y,
	         .w = fg->w,
	         .h = fg->h,
	         .weight = fg->weight,
	         .image = fg->image,
	         .ix = fg->ix,
	         .iy = fg->iy,
	         .iw = fg->iw,
	         .ih = fg->ih};
	g_array_append_val(d->ops, op);
}

/* every paragraph, by the last page that draws a line of it (-1: none) */
static int *
last_pages(const Flow *f)
{
	int n = (int)f->paras->len;
	int *last = g_new(int, n + 1);
	for (int i = 0; i < n; i++)
		last[i] = -1;
	for (guint i = 0; i < f->lines->len; i++) {
		const FlowLine *fl = &g_array_index(f->lines, FlowLine, i);
		last[fl->para] = MAX(last[fl->para], fl->page);
	}
	return last;
}

DList *
dlist_new(const Model *m)
{
	DList *d = g_new0(DList, 1);
	d->ops = g_array_new(FALSE, FALSE, sizeof(Op));
	d->font_ids = g_hash_table_new_full(g_direct_hash, g_direct_equal, g_object_unref, NULL);
	d->glyphs = g_array_new(FALSE, FALSE, sizeof(DGlyph));
	d->ys = g_array_new(FALSE, FALSE, sizeof(Len));
	d->clusters = g_array_new(FALSE, FALSE, sizeof(DCluster));
	d->text = g_string_new(NULL);
	d->npages = m->npages;
	d->pages = g_new0(DPage, m->npages);
	return d;
}

/* figure i of the flow is drawn on page p's layer (tints under everything, then images, then
 * rules and boxes, never covered by an image) */
static bool
on_layer(const Figure *fg, int layer)
{
	int in = fg->kind == FIG_TINT ? 0 : fg->kind == FIG_IMAGE ? 1 : 2;
	return in == layer && !fg->proof;
}

void
dlist_add_page(DList *d, const Model *m, const Flow *f, int p, const FlowIndex *x, const bool *skip,
               bool proof)
{
	DPage *pg = &d->pages[p];
	const GArray *figs = x->figs[p], *lines = x->lines[p], *runs = x->runs[p];
	pg->w = m->layout->grid.page_w;
	pg->h = m->layout->grid.page_h;
	pg->label = g_strdup(m->pages[p].folio);
	pg->op0 = (int)d->ops->len;
	/* the figures, then text, then vertical text */
	for (int layer = 0; layer < 3; layer++)
		for (guint k = 0; k < figs->len; k++) {
			int i = g_array_index(figs, int, k);
			const Figure *fg = &g_array_index(f->figures, Figure, i);
			if (on_layer(fg, layer) && !(skip && skip[k]))
				add_figure(d, fg);
		}
	for (guint k = 0; k < lines->len; k++) {
		const FlowLine *fl =
		    &g_array_index(f->lines, FlowLine, g_array_index(lines, int, k));
		if (!fl->proof)
			add_line(d, f, fl);
	}
	for (guint k = 0; k < runs->len; k++)
		add_run_op(d, g_ptr_array_index(f->runs, g_array_index(runs, int, k)));
	pg->nproof = (int)d->ops->len;
	for (guint k = 0; proof && k < figs->len; k++) {
		const Figure *fg = &g_array_index(f->figures, Figure, g_array_index(figs, int, k));
		if (fg->proof && !(skip && skip[k]))
			add_figure(d, fg);
	}
	for (guint k = 0; proof && k < lines->len; k++) {
		const FlowLine *fl =
		    &g_array_index(f->lines, FlowLine, g_array_index(lines, int, k));
		if (fl->proof)
			add_line(d, f, fl);
	}
	pg->nops = (int)d->ops->len - pg->op0;
	pg->nproof = (int)d->ops->len - pg->nproof;
}

void
dlist_finish(DList *d, const Flow *f)
{
	d->nimages = (int)f->images->len;
	d->images = g_new0(char *, d->nimages + 1);
	d->image_data = g_new0(GBytes *, d->nimages + 1);
	d->image_info = g_new0(ImageInfo, d->nimages + 1);
	for (int i = 0; i < d->nimages; i++) {
		d->images[i] = g_strdup(g_ptr_array_index(f->images, i));
		d->image_data[i] = g_bytes_ref(g_ptr_array_index(f->image_data, i));
		d->image_info[i] = g_array_index(f->image_info, ImageInfo, i);
	}
	d->nbookmarks = (int)f->bookmarks->len;
	d->bookmarks = g_new0(Bookmark, d->nbookmarks + 1);
	for (int i = 0; i < d->nbookmarks; i++) {
		d->bookmarks[i] = g_array_index(f->bookmarks, Bookmark, i);
		d->bookmarks[i].title = g_strdup(d->bookmarks[i].title);
	}
}

/* the paragraphs whose last line is on page p (from last_pages), freed */
static void
drop_page(Flow *drop, const Flow *f, const GArray *lines, int p, const int *last)
{
	for (guint k = 0; k < lines->len; k++) {
		int para = g_array_index(f->lines, FlowLine, g_array_index(lines, int, k)).para;
		if (last[para] == p && g_ptr_array_index(drop->paras, para))
			flow_drop_para(drop, para);
	}
}

static DList *
compose(const Model *m, const Flow *f, Flow *drop, bool proof)
{
	g_autoptr(FlowIndex) x = flow_index_new(m->npages);
	g_autofree int *last = drop ? last_pages(f) : NULL;
	DList *d = dlist_new(m);
	flow_index_update(x, f);
	for (guint i = 0; drop && i < f->paras->len; i++)
		if (last[i] < 0) /* drawn nowhere */
			flow_drop_para(drop, (int)i);
	for (int p = 0; p < m->npages; p++) {
		dlist_add_page(d, m, f, p, x, NULL, proof);
		if (drop)
			drop_page(drop, f, x->lines[p], p, last);
		if (drop && p % 32 == 31)
			flow_trim();
	}
	dlist_finish(d, f);
	return d;
}

DList *
dlist_compose(const Model *m, const Flow *f, bool proof)
{
	return compose(m, f, NULL, proof);
}

DList *
dlist_compose_dropping(const Model *m, Flow *f, bool proof)
{
	return compose(m, f, f, proof);
}

Len
dlist_glyph_y(const DList *d, const Op *op, int i)
{
	return op->y0 < 0 ? op->gy : g_array_index(d->ys, Len, op->y0 + i);
}

DCluster
dlist_cluster(const DList *d, const Op *op, int i, int *at)
{
	DCluster c;
	if (op->c0 >= 0)
		c = g_array_index(d->clusters, DCluster, op->c0 + i);
	else
		c = (DCluster){g_utf8_skip[(guchar)d->text->str[op->t0 + *at]], 1};
	*at += c.bytes;
	return c;
}

void
dlist_free(DList *d)
{
	if (!d)
		return;
	for (int p = 0; p < d->npages; p++)
		g_free(d->pages[p].label);
	g_free(d->pages);
	g_array_free(d->ops, TRUE);
	g_array_free(d->glyphs, TRUE);
	g_array_free(d->ys, TRUE);
	g_array_free(d->clusters, TRUE);
	g_string_free(d->text, TRUE);
	for (int i = 0; i < d->nfonts; i++)
		g_object_unref(d->fonts[i]);
	if (d->font_ids)
		g_hash_table_unref(d->font_ids);
	g_free(d->fonts);
	for (int i = 0; i < d->nimages; i++) {
		g_free(d->images[i]);
		g_bytes_unref(d->image_data[i]);
	}
	g_free(d->images);
	g_free(d->image_data);
	g_free(d->image_info);
	for (int i = 0; i < d->nbookmarks; i++)
		g_free(d->bookmarks[i].title);
	g_free(d->bookmarks);
	g_free(d);
}

void
dlist_dump(const DList *d, GString *out)
{
	static const char *const kinds[] = {"text", "rule", "box", "tint", "image"};
	for (int i = 0; i < d->nfonts; i++) {
		g_autofree char *name = fonts_face_name(d->fonts[i]);
		g_string_append_printf(out, "font %d %s\n", i, name);
	}
	for (int p = 0; p < d->npages; p++) {
		const DPage *pg = &d->pages[p];
		g_string_append_printf(out, "page %s %.2fx%.2fpt ops=%d\n", pg->label,
		                       len_to_pt(pg->w), len_to_pt(pg->h), pg->nops);
		for (int i = pg->op0; i < pg->op0 + pg->nops; i++) {
			const Op *op = &g_array_index(d->ops, Op, i);
			if (op->kind == OP_TEXT) {
				const DGlyph *g0 = &g_array_index(d->glyphs, DGlyph, op->g0);
				g_string_append_printf(
				    out, "  text f%d %.2fpt%s at %.3f,%.3f glyphs=%d \"%.*s\"\n",
				    op->font, len_to_pt(op->size),
				    op->xscale != 1000 ? " scaled" : "", len_to_pt(g0->x),
				    len_to_pt(dlist_glyph_y(d, op, 0)), op->ng, op->tlen,
				    d->text->str + op->t0);
			} else {
				g_string_append_printf(out, "  %s %.2f,%.2f %.2fx%.2f\n",
				                       kinds[op->kind], len_to_pt(op->x),
				                       len_to_pt(op->y), len_to_pt(op->w),
				                       len_to_pt(op->h));
			}
		}
	}
}
