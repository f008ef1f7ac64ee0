/* layout.c - reading a layout file: page size, grid, font roles and styles. */
#include "layout.h"
#include "desc.h"
#include "i18n.h"
#include "layoutrank.h"
#include "length.h"
#include "stylepart.h"
#include "suggest.h"
#include "textfile.h"
#include <string.h>

const Style *
layout_style(const Layout *l, StyleId id)
{
	return &l->styles[l->engine[id]];
}

static int find_style(const Layout *l, const char *name);

const Style *
layout_style_named(const Layout *l, const char *name)
{
	int i = find_style(l, name);
	return i >= 0 ? &l->styles[i] : NULL;
}

void
layout_free(Layout *l)
{
	if (!l)
		return;
	g_free(l->jump_out);
	g_free(l->jump_in);
	for (int i = 0; i < l->nad_sizes; i++)
		g_free(l->ad_sizes[i].name);
	g_free(l->ad_sizes);
	for (int i = 0; i < l->nstyles; i++)
		style_done(&l->styles[i]);
	g_free(l->styles);
	for (int i = 0; i < l->nranks; i++)
		g_free(l->ranks[i].name);
	g_free(l->ranks);
	for (int i = 0; i < ROLE_COUNT; i++)
		g_free(l->family[i]);
	outintent_done(&l->intent);
	g_free(l->file);
	g_free(l->name);
	g_free(l);
}

static bool
check_attrs(const DescNode *n, const char *file, const char *const *known, Report *r)
{
	return desc_check_attrs(n, file, known, r);
}

static bool
need_len(const DescNode *n, const char *file, const char *name, Len lo, Len hi, Len *out, Report *r)
{
	const DescAttr *a = desc_attr(n, name);
	if (!a) {
		report_error(r, DIAG_INPUT, file, n->line, n->col, _("see docs/layouts.md"),
		             _("<%s> needs attribute %s"), n->name, name);
		return false;
	}
	if (!length_parse(a->value, out) || *out < lo || *out > hi) {
		report_error(r, DIAG_INPUT, file, a->vline, a->vcol,
		             _("write a length such as 9pt or 20mm, within sensible bounds"),
		             _("invalid length \"%s\" for %s"), report_clip(r, a->value), name);
		return false;
	}
	return true;
}

static bool
need_int(const DescNode *n, const char *file, const char *name, int lo, int hi, int *out, Report *r)
{
	const DescAttr *a = desc_attr(n, name);
	if (!a) {
		report_error(r, DIAG_INPUT, file, n->line, n->col, _("see docs/layouts.md"),
		             _("<%s> needs attribute %s"), n->name, name);
		return false;
	}
	if (!length_parse_int(a->value, lo, hi, out)) {
		report_error(r, DIAG_INPUT, file, a->vline, a->vcol, _("see docs/layouts.md"),
		             _("invalid value \"%s\" for %s: a whole number from %d to %d"),
		             report_clip(r, a->value), name, lo, hi);
		return false;
	}
	return true;
}

static bool
read_page(const DescNode *n, const char *file, Grid *g, Report *r)
{
	static const char *const known[] = {"width", "height", "top", "left", NULL};
	bool ok = check_attrs(n, file, known, r);
	ok = need_len(n, file, "width", len_from_mm(50), len_from_mm(2000), &g->page_w, r) && ok;
	ok = need_len(n, file, "height", len_from_mm(50), len_from_mm(2000), &g->page_h, r) && ok;
	ok = need_len(n, file, "top", 0, len_from_mm(500), &g->top, r) && ok;
	ok = need_len(n, file, "left", 0, len_from_mm(500), &g->left, r) && ok;
	return ok;
}

static bool
read_grid(const DescNode *n, const char *file, Grid *g, Report *r)
{
	static const char *const known[] = {"columns", "chars", "gutter",    "body-size",
	                                    "pitch",   "lines", "clearance", NULL};
	const DescAttr *clear = desc_attr(n, "clearance");
	bool ok = check_attrs(n, file, known, r);
	ok = need_int(n, file, "columns", 1, 20, &g->columns, r) && ok;
	ok = need_int(n, file, "chars", 2, 100, &g->chars, r) && ok;
	ok = need_int(n, file, "lines", 1, 1000, &g->lines, r) && ok;
	ok = need_len(n, file, "gutter", 0, len_from_mm(50), &g->gutter, r) && ok;
	ok =
	    need_len(n, file, "body-size", len_from_pt(4), len_from_pt(72), &g->body_size, r) && ok;
	ok = need_len(n, file, "pitch", len_from_pt(4), len_from_pt(200), &g->pitch, r) && ok;
	if (!ok)
		return false;
	g->clearance = g->pitch / 4;
	if (clear && !need_len(n, file, "clearance", 0, g->pitch / 2, &g->clearance, r))
		return false;
	return true;
}

/* an optional whole number attribute within [lo, hi] */
static bool
opt_int(const DescNode *n, const char *file, const char *name, int lo, int hi, int *out, Report *r)
{
	return !desc_attr(n, name) || need_int(n, file, name, lo, hi, out, r);
}

static bool
read_flush(const DescNode *n, const char *file, FlushRules *f, Report *r)
{
	static const char *const known[] = {"head-max", "subhead-max", "pull-max",
	                                    "level",    "tolerance",   NULL};
	const DescAttr *level = desc_attr(n, "level");
	bool ok = check_attrs(n, file, known, r);
	ok = opt_int(n, file, "head-max", 0, 20, &f->head_max, r) && ok;
	ok = opt_int(n, file, "subhead-max", 0, 4, &f->sub_max, r) && ok;
	ok = opt_int(n, file, "pull-max", 0, 20, &f->pull_max, r) && ok;
	ok = opt_int(n, file, "tolerance", 0, 1000, &f->tolerance, r) && ok;
	if (level && strcmp(level->value, "columns") != 0 && strcmp(level->value, "widows") != 0) {
		report_error(r, DIAG_INPUT, file, level->vline, level->vcol,
		             _("use columns (level columns beat widow avoidance) or widows"),
		             _("invalid value \"%s\" for %s"), report_clip(r, level->value),
		             "level");
		ok = false;
	} else if (level) {
		f->level = strcmp(level->value, "columns") == 0;
	}
	return ok;
}

/* one <output-intent> at most: the press prints to one condition */
static bool
read_output_intent(const DescNode *n, const char *file, Layout *l, Report *r)
{
	if (l->intent.given) {
		report_error(r, DIAG_INPUT, file, n->line, n->col,
		             _("a layout names one output condition: keep one <output-intent>"),
		             _("<output-intent> is given twice"));
		return false;
	}
	return outintent_read(n, file, &l->intent, r);
}

static bool
read_font(const DescNode *n, const char *file, Layout *l, Report *r)
{
	static const char *const known[] = {"role", "family", NULL};
	const DescAttr *role = desc_attr(n, "role");
	const char *family = desc_get(n, "family");
	if (!check_attrs(n, file, known, r))
		return false;
	if (!role || !family || !*family) {
		report_error(r, DIAG_INPUT, file, n->line, n->col,
		             _("e.g. <font role=\"song\" family=\"Noto Serif CJK SC\"/>"),
		             _("<font> needs role and family"));
		return false;
	}
	for (int i = 0; i < ROLE_COUNT; i++) {
		if (strcmp(role->value, style_role_name((FontRole)i)) == 0) {
			g_free(l->family[i]);
			l->family[i] = g_strdup(family);
			return true;
		}
	}
	{
		static const char *const roles[] = {"song", "hei", "kai", "fangsong", NULL};
		g_autofree char *hint =
		    suggest_hint(role->value, roles, _("use song, hei, kai or fangsong"));
		report_error(r, DIAG_INPUT, file, role->vline, role->vcol, hint,
		             _("unknown font role \"%s\""), report_clip(r, role->value));
	}
	return false;
}

/* A jump template: {folio} is its only placeholder, so a brace outside it is a typo that would
 * otherwise be printed on every jumped page. */
static bool
read_template(const DescAttr *a, const char *file, char **out, int *line, int *col, Report *r)
{
	g_auto(GStrv) parts = NULL;
	g_autofree char *rest = NULL;
	if (!a)
		return true;
	parts = g_strsplit(a->value, "{folio}", -1);
	rest = g_strjoinv("", parts);
	if (strchr(rest, '{') || strchr(rest, '}')) {
		report_error(
		    r, DIAG_INPUT, file, a->vline, a->vcol,
		    _("write {folio} where the page number goes; it is the only placeholder"),
		    _("jump template %s=\"%s\" has a brace that is not part of {folio}"), a->name,
		    report_clip(r, a->value));
		return false;
	}
	g_free(*out);
	*out = g_strdup(a->value);
	*line = a->line;
	*col = a->col;
	return true;
}

static bool
read_jump(const DescNode *n, const char *file, Layout *l, Report *r)
{
	static const char *const known[] = {"out", "in", NULL};
	bool ok;
	if (!check_attrs(n, file, known, r))
		return false;
	ok = read_template(desc_attr(n, "out"), file, &l->jump_out, &l->jump_out_line,
	                   &l->jump_out_col, r);
	return read_template(desc_attr(n, "in"), file, &l->jump_in, &l->jump_in_line,
	                     &l->jump_in_col, r) &&
	       ok;
}

static bool
read_ad_size(const DescNode *n, const char *file, Layout *l, Report *r)
{
	static const char *const known[] = {"name", "cols", "lines", NULL};
	AdSize a = {0};
	bool ok = check_attrs(n, file, known, r);
	if (l->nad_sizes >= LAYOUT_MAX_STYLES) {
		report_error(r, DIAG_INPUT, file, n->line, n->col,
		             _("list only the ad sizes the paper sells"),
		             _("more than %d ad sizes in one layout"), LAYOUT_MAX_STYLES);
		return false;
	}
	ok = need_int(n, file, "cols", 1, 20, &a.cols, r) && ok;
	ok = need_int(n, file, "lines", 1, 1000, &a.lines, r) && ok;
	if (!ok)
		return false;
	a.name = g_strdup(desc_get(n, "name") ? desc_get(n, "name") : "");
	l->ad_sizes = g_renew(AdSize, l->ad_sizes, l->nad_sizes + 1);
	l->ad_sizes[l->nad_sizes++] = a;
	return true;
}

static int
find_style(const Layout *l, const char *name)
{
	for (int i = 0; i < l->nstyles; i++)
		if (strcmp(l->styles[i].name, name) == 0)
			return i;
	return -1;
}

/* the <style> named name after n in the layout (root), or NULL */
static const DescNode *
style_after(const DescNode *root, const DescNode *n, const char *name)
{
	bool after = false;
	for (int i = 0; i < root->nchildren; i++) {
		const DescNode *c = root->children[i];
		if (c == n)
			after = true;
		else if (after && strcmp(c->name, "style") == 0 &&
		         g_strcmp0(desc_get(c, "name"), name) == 0)
			return c;
	}
	return NULL;
}

/* parent="..." names no style defined before n: one defined later, or a typo */
static void
unknown_parent(const DescNode *root, const DescNode *n, const DescAttr *parent, const char *file,
               const Layout *l, Report *r)
{
	const DescNode *later = style_after(root, n, parent->value);
	g_autofree const char **names = g_new0(const char *, l->nstyles + 1);
	g_autofree char *hint = NULL;
	if (later) {
		report_error(r, DIAG_INPUT, file, parent->vline, parent->vcol,
		             _("move that style before the styles based on it"),
		             _("parent style \"%s\" is defined after this one (line %d)"),
		             report_clip(r, parent->value), later->line);
		return;
	}
	for (int i = 0; i < l->nstyles; i++)
		names[i] = l->styles[i].name;
	hint = suggest_hint(parent->value, names,
	                    _("define the parent style before the styles based on it"));
	report_error(r, DIAG_INPUT, file, parent->vline, parent->vcol, hint,
	             _("unknown parent style \"%s\""), report_clip(r, parent->value));
}

static bool
read_style(const DescNode *root, const DescNode *n, const char *file, Layout *l, Report *r)
{
	const DescAttr *name = desc_attr(n, "name");
	const DescAttr *parent = desc_attr(n, "parent");
	const Style *ps = NULL;
	Style s;
	bool ok;

	if (!name || !*name->value) {
		report_error(r, DIAG_INPUT, file, n->line, n->col,
		             _("e.g. <style name=\"body\" .../>; see docs/layouts.md"),
		             _("<style> needs a name"));
		return false;
	}
	if (l->nstyles >= LAYOUT_MAX_STYLES) {
		report_error(r, DIAG_INPUT, file, n->line, n->col,
		             _("remove the styles no page uses"),
		             _("more than %d styles in one layout"), LAYOUT_MAX_STYLES);
		return false;
	}
	if (find_style(l, name->value) >= 0) {
		report_error(r, DIAG_INPUT, file, name->line, name->col, _("rename one of them"),
		             _("style \"%s\" is defined twice"), report_clip(r, name->value));
		return false;
	}
	if (parent) {
		int p = find_style(l, parent->value);
		if (p < 0) {
			unknown_parent(root, n, parent, file, l, r);
			return false;
		}
		ps = &l->styles[p];
	}
	/* a style that failed to read is kept all the same (with what could be read): its
	 * name exists for the styles based on it, so one bad value is one error, and the
	 * layout is refused for it anyway */
	ok = style_read(n, file, ps, l->grid.body_size, &s, r);
	l->styles = g_renew(Style, l->styles, l->nstyles + 1);
	l->styles[l->nstyles++] = s;
	return ok;
}

static bool
check_complete(const DescNode *root, const char *file, Layout *l, Report *r)
{
	bool ok = true;
	const Grid *g = &l->grid;
	for (int i = 0; i < ROLE_COUNT; i++) {
		if (!l->family[i]) {
			report_error(r, DIAG_INPUT, file, root->line, root->col,
			             _("add a <font> element for it"), _("no font for role %s"),
			             style_role_name((FontRole)i));
			ok = false;
		}
	}
	for (int i = 0; i < ST_COUNT; i++) {
		l->engine[i] = find_style(l, stylepart_name((StyleId)i));
		if (l->engine[i] < 0 && i == ST_JUMP_HEAD) /* optional */
			l->engine[i] = l->engine[ST_SUBHEAD];
		if (l->engine[i] < 0) {
			report_error(r, DIAG_INPUT, file, root->line, root->col,
			             _("add a <style> with that name"),
			             _("the layout lacks style \"%s\""),
			             stylepart_name((StyleId)i));
			ok = false;
		}
	}
	if (ok && (g->left + grid_area_width(g) > g->page_w ||
	           g->top + grid_area_height(g) > g->page_h)) {
		report_error(
		    r, DIAG_INPUT, file, root->line, root->col,
		    _("reduce columns, chars, gutter, lines or pitch, or enlarge the page"),
		    _("the type area (%.1f x %.1f pt at %.1f, %.1f) does not fit the page "
		      "(%.1f x %.1f pt)"),
		    len_to_pt(grid_area_width(g)), len_to_pt(grid_area_height(g)),
		    len_to_pt(g->left), len_to_pt(g->top), len_to_pt(g->page_w),
		    len_to_pt(g->page_h));
		ok = false;
	}
	return ok;
}

Layout *
layout_load(const char *path, Report *r)
{
	g_autofree char *data = NULL;
	gsize len = 0;
	if (!textfile_read(path, DESC_MAX_BYTES, &data, &len, r))
		return NULL;
	return layout_parse(path, data, len, r);
}

Layout *
layout_parse(const char *path, const char *data, gsize len, Report *r)
{
	static const char *const root_attrs[] = {"name", NULL};
	g_autoptr(Desc) d = desc_parse(path, data, (gssize)len, r);
	g_autoptr(Layout) l = NULL;
	bool ok = true, have_page = false, have_grid = false;

	if (d && strcmp(d->root->name, "layout") != 0) {
		report_error(r, DIAG_INPUT, path, d->root->line, d->root->col,
		             _("a layout file starts with <layout>"), _("root element is <%s>"),
		             d->root->name);
		return NULL;
	}
	if (!d || !check_attrs(d->root, path, root_attrs, r))
		return NULL;
	l = g_new0(Layout, 1);
	outintent_init(&l->intent);
	l->file = g_strdup(path);
	l->name = g_strdup(desc_get(d->root, "name") ? desc_get(d->root, "name") : "");
	l->jump_out = g_strdup("（下转第{folio}版）");
	l->jump_in = g_strdup("（上接第{folio}版）");
	l->flush = (FlushRules){.head_max = 4, .sub_max = 1, .pull_max = 4, .level = true};
	/* the grid comes first: styles need the body size */
	for (int i = 0; i < d->root->nchildren; i++) {
		const DescNode *c = d->root->children[i];
		if (strcmp(c->name, "page") == 0)
			ok = (have_page = read_page(c, path, &l->grid, r)) && ok;
		else if (strcmp(c->name, "grid") == 0)
			ok = (have_grid = read_grid(c, path, &l->grid, r)) && ok;
	}
	if (!have_page || !have_grid) {
		if (ok)
			report_error(r, DIAG_INPUT, path, d->root->line, d->root->col,
			             _("see docs/layouts.md"),
			             _("the layout needs a <page> and a <grid>"));
		return NULL;
	}
	for (int i = 0; i < d->root->nchildren; i++) {
		const DescNode *c = d->root->children[i];
		if (strcmp(c->name, "font") == 0)
			ok = read_font(c, path, l, r) && ok;
		else if (strcmp(c->name, "style") == 0)
			ok = read_style(d->root, c, path, l, r) && ok;
		else if (strcmp(c->name, "jump") == 0)
			ok = read_jump(c, path, l, r) && ok;
		else if (strcmp(c->name, "ad-size") == 0)
			ok = read_ad_size(c, path, l, r) && ok;
		else if (strcmp(c->name, "flush") == 0)
			ok = read_flush(c, path, &l->flush, r) && ok;
		else if (strcmp(c->name, "output-intent") == 0)
			ok = read_output_intent(c, path, l, r) && ok;
		else if (strcmp(c->name, "page") != 0 && strcmp(c->name, "grid") != 0 &&
		         strcmp(c->name, "rank") != 0) {
			static const char *const names[] = {
			    "page",    "grid", "font",  "style",         "jump",
			    "ad-size", "rank", "flush", "output-intent", NULL};
			g_autofree char *hint = suggest_hint(
			    c->name, names,
			    _("a layout holds <page>, <grid>, <font>, <style>, <jump>, "
			      "<ad-size>, <rank>, <flush> and <output-intent>"));
			report_error(r, DIAG_INPUT, path, c->line, c->col, hint,
			             _("unknown element <%s>"), report_clip(r, c->name));
			ok = false;
		}
	}
	/* ranks name styles, which may come after them */
	for (int i = 0; i < d->root->nchildren; i++)
		if (strcmp(d->root->children[i]->name, "rank") == 0)
			ok = layoutrank_read(d->root->children[i], path, l, r) && ok;
	if (!ok || !check_complete(d->root, path, l, r))
		return NULL;
	return g_steal_pointer(&l);
}

void
layout_dump(const Layout *l, GString *out)
{
	const Grid *g = &l->grid;
	g_string_append_printf(out, "layout \"%s\"\n", l->name);
	g_string_append_printf(
	    out,
	    "  page %.2fx%.2fpt area at %.2f,%.2f size %.2fx%.2fpt\n"
	    "  grid columns=%d chars=%d lines=%d column=%.2fpt gutter=%.2fpt "
	    "body=%.2fpt pitch=%.2fpt clearance=%.2fpt\n",
	    len_to_pt(g->page_w), len_to_pt(g->page_h), len_to_pt(g->left), len_to_pt(g->top),
	    len_to_pt(grid_area_width(g)), len_to_pt(grid_area_height(g)), g->columns, g->chars,
	    g->lines, len_to_pt(grid_col_width(g)), len_to_pt(g->gutter), len_to_pt(g->body_size),
	    len_to_pt(g->pitch), len_to_pt(g->clearance));
	for (int i = 0; i < ROLE_COUNT; i++)
		g_string_append_printf(out, "  font %s = \"%s\"\n", style_role_name((FontRole)i),
		                       l->family[i]);
	for (int i = 0; i < l->nstyles; i++) {
		g_string_append(out, "  ");
		style_dump(&l->styles[i], out);
	}
	g_string_append_printf(
	    out, "  flush head-max=%d subhead-max=%d pull-max=%d level=%s tolerance=%d\n",
	    l->flush.head_max, l->flush.sub_max, l->flush.pull_max,
	    l->flush.level ? "columns" : "widows", l->flush.tolerance);
	outintent_dump(&l->intent, out);
	layoutrank_dump(l, out);
}
