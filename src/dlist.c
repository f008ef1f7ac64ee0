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
	op.t0 = (int)d->text->len;
	op.c0 = (int)d->clusters->len;
	for (int i = a; i < b; i++) {
		const Cluster *c = &it->cl[i];
		Len pen = fl->x + ls->x[i] + ls->shift[i] + fp->base_shift[i];
		DCluster dc = {c->len, 0};
		if (c->missing)
			continue; /* never a hex box: the missing glyph was reported */
		for (int g = c->g0; g < c->g0 + c->ng; g++) {
			DGlyph dg = {it->gl[g].id, pen + it->gl[g].dx, fl->baseline - it->gl[g].dy};
			g_array_append_val(d->glyphs, dg);
			pen += it->gl[g].adv;
			dc.glyphs++;
		}
		g_string_append_len(d->text, it->text + c->start, c->len);
		g_array_append_val(d->clusters, dc);
	}
	op.ng = (int)d->glyphs->len - op.g0;
	op.tlen = (int)d->text->len - op.t0;
	op.nc = (int)d->clusters->len - op.c0;
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
	op.t0 = (int)d->text->len;
	op.c0 = (int)d->clusters->len;
	for (guint i = 0; i < run->glyphs->len; i++) {
		const RunGlyph *g = &g_array_index(run->glyphs, RunGlyph, i);
		DGlyph dg = {g->id, g->x, g->y};
		g_array_append_val(d->glyphs, dg);
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

/* The items of each page in their order: items idx[at[p] .. at[p + 1]) are page p's. Looking
 * through every item for every page costs pages x items, 40 million steps for 400 pages of
 * 100,000 lines. */
typedef struct {
	int *at, *idx;
} ByPage;

static ByPage
by_page(int npages, guint n, const void *items, gsize size, gsize page_offset)
{
	ByPage b = {g_new0(int, npages + 2), g_new0(int, n + 1)};
	for (guint i = 0; i < n; i++) {
		int pg = *(const int *)((const char *)items + i * size + page_offset);
		b.at[pg + 2]++;
	}
	for (int p = 0; p < npages; p++)
		b.at[p + 2] += b.at[p + 1];
	for (guint i = 0; i < n; i++) {
		int pg = *(const int *)((const char *)items + i * size + page_offset);
		b.idx[b.at[pg + 1]++] = (int)i;
	}
	return b;
}

static void
by_page_done(ByPage *b)
{
	g_free(b->at);
	g_free(b->idx);
}

static int
run_page(const FlowRun *const *runs, guint i)
{
	return runs[i]->page;
}

/* every paragraph, by the last page that draws a line of it (-1: none) */
static ByPage
by_last_page(const Flow *f, int npages)
{
	int n = (int)f->paras->len;
	int *last = g_new(int, n + 1);
	ByPage b;
	for (int i = 0; i < n; i++)
		last[i] = -1;
	for (guint i = 0; i < f->lines->len; i++) {
		const FlowLine *fl = &g_array_index(f->lines, FlowLine, i);
		last[fl->para] = MAX(last[fl->para], fl->page);
	}
	for (int i = 0; i < n; i++)
		last[i]++; /* 0: none, p + 1: page p */
	b = by_page(npages + 1, (guint)n, last, sizeof(int), 0);
	g_free(last);
	return b;
}

static DList *
compose(const Model *m, const Flow *f, Flow *drop, bool proof)
{
	ByPage last = {NULL, NULL};
	ByPage figs = by_page(m->npages, f->figures->len, f->figures->data, sizeof(Figure),
	                      G_STRUCT_OFFSET(Figure, page));
	ByPage lines = by_page(m->npages, f->lines->len, f->lines->data, sizeof(FlowLine),
	                       G_STRUCT_OFFSET(FlowLine, page));
	int *run_pages = g_new0(int, f->runs->len + 1);
	ByPage runs;
	DList *d = g_new0(DList, 1);
	d->ops = g_array_new(FALSE, FALSE, sizeof(Op));
	d->font_ids = g_hash_table_new_full(g_direct_hash, g_direct_equal, g_object_unref, NULL);
	d->glyphs = g_array_new(FALSE, FALSE, sizeof(DGlyph));
	d->clusters = g_array_new(FALSE, FALSE, sizeof(DCluster));
	d->text = g_string_new(NULL);
	d->npages = m->npages;
	d->pages = g_new0(DPage, m->npages);
	d->nimages = (int)f->images->len;
	d->images = g_new0(char *, d->nimages + 1);
	d->image_data = g_new0(GBytes *, d->nimages + 1);
	d->image_info = g_new0(ImageInfo, d->nimages + 1);
	for (int i = 0; i < d->nimages; i++) {
		d->images[i] = g_strdup(g_ptr_array_index(f->images, i));
		d->image_data[i] = g_bytes_ref(g_ptr_array_index(f->image_data, i));
		d->image_info[i] = g_array_index(f->image_info, ImageInfo, i);
	}
	for (guint i = 0; i < f->runs->len; i++)
		run_pages[i] = run_page((const FlowRun *const *)f->runs->pdata, i);
	runs = by_page(m->npages, f->runs->len, run_pages, sizeof(int), 0);
	if (drop) {
		last = by_last_page(f, m->npages);
		for (int k = last.at[0]; k < last.at[1]; k++) /* drawn nowhere */
			flow_drop_para(drop, last.idx[k]);
	}
	d->nbookmarks = (int)f->bookmarks->len;
	d->bookmarks = g_new0(Bookmark, d->nbookmarks + 1);
	for (int i = 0; i < d->nbookmarks; i++) {
		d->bookmarks[i] = g_array_index(f->bookmarks, Bookmark, i);
		d->bookmarks[i].title = g_strdup(d->bookmarks[i].title);
	}
	for (int p = 0; p < m->npages; p++) {
		DPage *pg = &d->pages[p];
		pg->w = m->layout->grid.page_w;
		pg->h = m->layout->grid.page_h;
		pg->label = g_strdup(m->pages[p].folio);
		pg->op0 = (int)d->ops->len;
		/* tints under everything, then images, then rules and boxes (never covered by
		 * an image), then text */
		for (int layer = 0; layer < 3; layer++)
			for (int k = figs.at[p]; k < figs.at[p + 1]; k++) {
				const Figure *fg = &g_array_index(f->figures, Figure, figs.idx[k]);
				int in = fg->kind == FIG_TINT ? 0 : fg->kind == FIG_IMAGE ? 1 : 2;
				if (in == layer && !fg->proof)
					add_figure(d, fg);
			}
		for (int k = lines.at[p]; k < lines.at[p + 1]; k++) {
			const FlowLine *fl = &g_array_index(f->lines, FlowLine, lines.idx[k]);
			if (!fl->proof)
				add_line(d, f, fl);
		}
		for (int k = runs.at[p]; k < runs.at[p + 1]; k++)
			add_run_op(d, g_ptr_array_index(f->runs, runs.idx[k]));
		pg->nproof = (int)d->ops->len;
		for (int k = figs.at[p]; proof && k < figs.at[p + 1]; k++) {
			const Figure *fg = &g_array_index(f->figures, Figure, figs.idx[k]);
			if (fg->proof)
				add_figure(d, fg);
		}
		for (int k = lines.at[p]; proof && k < lines.at[p + 1]; k++) {
			const FlowLine *fl = &g_array_index(f->lines, FlowLine, lines.idx[k]);
			if (fl->proof)
				add_line(d, f, fl);
		}
		pg->nops = (int)d->ops->len - pg->op0;
		pg->nproof = (int)d->ops->len - pg->nproof;
		for (int k = drop ? last.at[p + 1] : 0; drop && k < last.at[p + 2]; k++)
			flow_drop_para(drop, last.idx[k]);
		if (drop && p % 32 == 31)
			flow_trim();
	}
	by_page_done(&figs);
	by_page_done(&lines);
	by_page_done(&runs);
	if (drop)
		by_page_done(&last);
	g_free(run_pages);
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
				    len_to_pt(g0->y), op->ng, op->tlen, d->text->str + op->t0);
			} else {
				g_string_append_printf(out, "  %s %.2f,%.2f %.2fx%.2f\n",
				                       kinds[op->kind], len_to_pt(op->x),
				                       len_to_pt(op->y), len_to_pt(op->w),
				                       len_to_pt(op->h));
			}
		}
	}
}
