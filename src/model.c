/* model.c - validating a page description against the grid and loading what it names. */
#include "model.h"
#include "config.h"
#include "desc.h"
#include "i18n.h"
#include "infile.h"
#include "length.h"
#include "library.h"
#include "pdfad.h"
#include "storystyle.h"
#include "stylepart.h"
#include "suggest.h"
#include "textfile.h"
#include "where.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const elem_names[] = {"masthead", "story", "jump", "photo",
                                         "notice",   "ad",    "rule"};

/* attributes each element accepts */
static const char *const edition_attrs[] = {"paper", "paper-latin", "date",
                                            "issue", "layout",      NULL};
static const char *const page_attrs[] = {"folio",    "section",     "editor",
                                         "designer", "proofreader", NULL};
static const char *const elem_attrs[][12] = {
    [EL_MASTHEAD] = {"cols", "lines", NULL},
    [EL_STORY] = {"id", "src", "cols", "lines", "head", "balance", "box", "tint", "column-rules",
                  "vertical-head", "rank", NULL},
    [EL_JUMP] = {"story", "cols", "lines", "title", "balance", "box", "tint", "column-rules", NULL},
    [EL_PHOTO] = {"src", "cols", "lines", "fit", "caption", "credit", "caption-side", NULL},
    [EL_NOTICE] = {"src", "cols", "lines", "id", "tint", NULL},
    [EL_AD] = {"src", "text", "cols", "lines", "page", NULL},
    [EL_RULE] = {"cols", "lines", "at-line", "line", "at-col", "weight", "style", NULL},
};

/* the parts of each element a style-PART= may style */
static const StyleId elem_parts[][10] = {
    [EL_MASTHEAD] = {ST_MASTHEAD, ST_MASTHEAD_LATIN, ST_FOLIO, ST_COUNT},
    [EL_STORY] = {ST_RUBRIC, ST_KICKER, ST_HEADLINE, ST_SUBHEAD, ST_BYLINE, ST_BODY,
                  ST_INNER_SUBHEAD, ST_LABEL, ST_COUNT},
    [EL_JUMP] = {ST_JUMP_HEAD, ST_COUNT},
    [EL_PHOTO] = {ST_CAPTION, ST_CREDIT, ST_COUNT},
    [EL_NOTICE] = {ST_NOTICE_HEAD, ST_NOTICE, ST_COUNT},
    [EL_AD] = {ST_AD, ST_COUNT},
    [EL_RULE] = {ST_COUNT}, /* its style= is the rule's own */
};

typedef struct {
	const char *file;   /* the page description, for messages */
	char *dir;          /* its folder: every path resolves against it */
	InDir *in;          /* the folder, opened once: files are read beneath it */
	GHashTable *images; /* InFileId -> LoadedImage: each image file held once */
	ModelOptions opts;
	Model *m;
	Report *r;
	GHashTable *ids;         /* story id -> index + 1 */
	const DescNode *edition; /* the whole tree, for messages that look ahead */
	int nparas;              /* paragraphs of the stories read so far (MODEL_MAX_PARAS) */
	gsize text_bytes;        /* bytes of the story files read so far (MODEL_MAX_TEXT_BYTES) */
	gsize text_chars;        /* their characters (MODEL_MAX_TEXT_CHARS) */
	bool text_over;          /* one of these was passed: no further story is read */
	const Stack *stack;      /* the <stack> whose children are being read, or NULL */
	ImageChecks *checks;     /* images whose data is checked later, or NULL: here */
} Loader;

/* an image file read and checked: an ad on fifty pages is one of these */
typedef struct {
	GBytes *data;
	ImageInfo info;
} LoadedImage;

static void
loaded_image_free(gpointer p)
{
	LoadedImage *li = p;
	g_bytes_unref(li->data);
	g_free(li);
}

const char *
model_elem_name(ElemKind k)
{
	return elem_names[k];
}

static void
elem_done(Elem *e)
{
	g_free(e->title);
	g_free(e->src);
	if (e->data)
		g_bytes_unref(e->data);
	g_free(e->text);
	g_free(e->caption);
	g_free(e->credit);
}

void
model_free(Model *m)
{
	if (!m)
		return;
	image_checks_free(m->checks); /* waits for the thread */
	for (int p = 0; p < m->npages; p++) {
		Page *pg = &m->pages[p];
		for (int i = 0; i < pg->nelems; i++)
			elem_done(&pg->elems[i]);
		g_free(pg->elems);
		g_free(pg->folio);
		g_free(pg->section);
		g_free(pg->editor);
		g_free(pg->designer);
		g_free(pg->proofreader);
		g_free(pg->stacks);
	}
	g_free(m->pages);
	for (int s = 0; s < m->nstories; s++) {
		g_free(m->stories[s].id);
		g_free(m->stories[s].src);
		story_free(m->stories[s].story);
	}
	g_free(m->stories);
	layout_free(m->layout);
	g_free(m->file);
	g_free(m->paper);
	g_free(m->paper_latin);
	g_free(m->issue);
	g_free(m->date);
	g_free(m);
}

/* for sorting names (char *) */
static gint
compare_names(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
check_attrs(Loader *ld, const DescNode *n, const char *const *known)
{
	return desc_check_attrs(n, ld->file, known, ld->r);
}

static const DescAttr *
need(Loader *ld, const DescNode *n, const char *name)
{
	const DescAttr *a = desc_attr(n, name);
	if (!a)
		report_error(ld->r, DIAG_INPUT, ld->file, n->line, n->col,
		             _("see docs/page-description.md"), _("<%s> needs attribute %s"),
		             n->name, name);
	return a;
}

const char *
model_layouts_dir(void)
{
	const char *env = g_getenv("HUOZI_LAYOUTS_DIR");
	if (env && *env)
		return env;
	return where_layouts_dir();
}

/* Read the file src names (written at line:col of the page description), beneath the
 * edition's folder: no absolute path, no ".." out of it, no symlink leaving it, unless
 * allow_outside. *shown gets the path messages show. Errors about the file itself go to r at
 * that path; leaving the folder is reported at line:col. */
static InFileStatus
read_named(Loader *ld, const char *src, int line, int col, gsize max, GHashTable *seen,
           char **shown, GBytes **out, InFileId *id, Report *r)
{
	InFileStatus st;
	*shown = g_path_is_absolute(src) ? g_strdup(src) : g_build_filename(ld->dir, src, NULL);
	st = infile_read_unseen(ld->in, src, *shown, max, seen, out, id, r);
	if (st == INFILE_OUTSIDE)
		report_error(ld->r, DIAG_INPUT, ld->file, line, col,
		             _("keep the edition's files in its folder, or pass --allow-outside"),
		             _("\"%s\" is outside the edition's folder"), report_clip(ld->r, src));
	return st;
}

/* cols="..." or lines="..." that is no range of the grid: what is wrong, and the fix */
static void
bad_range(Loader *ld, const DescAttr *at, RangeCheck what, int hi, int a, int b)
{
	bool cols = strcmp(at->name, "cols") == 0; /* else lines: whole sentences for each */
	const char *v = report_clip(ld->r, at->value);
	g_autofree char *hint = NULL;
	switch (what) {
	case RANGE_SPACE: {
		g_autofree char *bare = g_strdup(at->value);
		char *o = bare;
		for (const char *p = at->value; *p; p++)
			if (!g_ascii_isspace(*p))
				*o++ = *p;
		*o = '\0';
		hint = g_strdup_printf(_("remove the spaces: %s=\"%s\""), at->name,
		                       report_clip(ld->r, bare));
		report_error(ld->r, DIAG_INPUT, ld->file, at->vline, at->vcol, hint,
		             _("%s=\"%s\" has white space in it: values are taken as written"),
		             at->name, report_clip(ld->r, at->value));
		return;
	}
	case RANGE_REVERSED:
		hint = g_strdup_printf(cols ? _("write the first column first: %s=\"%d-%d\"")
		                            : _("write the first grid line first: %s=\"%d-%d\""),
		                       at->name, b, a);
		report_error(ld->r, DIAG_INPUT, ld->file, at->vline, at->vcol, hint,
		             cols ? _("%s=\"%s\" runs backwards: column %d comes after %d")
		                  : _("%s=\"%s\" runs backwards: grid line %d comes after %d"),
		             at->name, v, a, b);
		return;
	case RANGE_SHAPE:
		report_error(ld->r, DIAG_INPUT, ld->file, at->vline, at->vcol,
		             cols ? _("write a column or a range such as 1-3")
		                  : _("write a grid line or a range such as 12-60"),
		             cols ? _("%s=\"%s\" is not a column or a range of columns")
		                  : _("%s=\"%s\" is not a grid line or a range of grid lines"),
		             at->name, v);
		return;
	default:
		hint =
		    g_strdup_printf(cols ? _("the grid has columns 1 to %d: write one or a range "
		                             "within them, such as 1-3")
		                         : _("the grid has grid lines 1 to %d: write one or a "
		                             "range within them, such as 12-60"),
		                    hi);
		report_error(ld->r, DIAG_INPUT, ld->file, at->vline, at->vcol, hint,
		             _("%s=\"%s\" is not within the grid (1 to %d)"), at->name, v, hi);
	}
}

static bool
read_range(Loader *ld, const DescNode *n, const char *name, int hi, int *a, int *b)
{
	const DescAttr *at = need(ld, n, name);
	RangeCheck what;
	int ra = 0, rb = 0;
	if (!at)
		return false;
	what = length_check_range(at->value, 1, hi, &ra, &rb);
	if (what != RANGE_OK) {
		bad_range(ld, at, what, hi, ra, rb);
		return false;
	}
	*a = ra;
	*b = rb;
	return true;
}

/* A child of a <stack>: cols= within the stack's (all of them when not written), no lines:
 * stack_place_edition gives it those. */
static bool
read_stack_cols(Loader *ld, const DescNode *n, Cell *c)
{
	const Cell *band = &ld->stack->cell;
	const DescAttr *cols = desc_attr(n, "cols");
	*c = (Cell){band->c0, band->c1, 0, 0};
	if (!cols)
		return true;
	if (!read_range(ld, n, "cols", ld->m->layout->grid.columns, &c->c0, &c->c1))
		return false;
	if (c->c0 < band->c0 || c->c1 > band->c1) {
		g_autofree char *hint = g_strdup_printf(
		    _("a child of <stack cols=\"%d-%d\"> takes columns within them, or leave out "
		      "cols= to take them all"),
		    band->c0, band->c1);
		report_error(ld->r, DIAG_INPUT, ld->file, cols->vline, cols->vcol, hint,
		             _("cols=\"%s\" lies outside its stack's columns %d-%d"),
		             report_clip(ld->r, cols->value), band->c0, band->c1);
		return false;
	}
	return true;
}

static bool
read_cell(Loader *ld, const DescNode *n, Cell *c)
{
	const Grid *g = &ld->m->layout->grid;
	bool ok;
	if (ld->stack)
		return read_stack_cols(ld, n, c);
	ok = read_range(ld, n, "cols", g->columns, &c->c0, &c->c1);
	return read_range(ld, n, "lines", g->lines, &c->l0, &c->l1) && ok;
}

/* depth="N" of a photo or an ad in a stack: required for an ad, automatic for a photo */
static bool
read_depth(Loader *ld, const DescNode *n, Elem *e)
{
	const DescAttr *a = e->kind == EL_AD ? need(ld, n, "depth") : desc_attr(n, "depth");
	int hi = ld->m->layout->grid.lines;
	if (!a)
		return e->kind != EL_AD;
	if (!length_parse_int(a->value, 1, hi, &e->depth)) {
		report_error(ld->r, DIAG_INPUT, ld->file, a->vline, a->vcol,
		             _("write the grid lines it takes in the stack, e.g. depth=\"12\""),
		             _("depth=\"%s\" is not a number of grid lines from 1 to %d"),
		             report_clip(ld->r, a->value), hi);
		return false;
	}
	return true;
}

static int
add_story(Loader *ld, const DescNode *n, const char *id, const DescAttr *src, bool notice)
{
	Model *m = ld->m;
	g_autofree char *path = NULL;
	g_autoptr(GBytes) bytes = NULL;
	InFileStatus st;
	Story *s = NULL;
	ModelStory *ms;
	if (ld->text_over) /* reported once; reading more would only cost time */
		return -1;
	st = read_named(ld, src->value, src->vline, src->vcol, STORY_MAX_BYTES, NULL, &path, &bytes,
	                NULL, ld->r);
	if (st == INFILE_OK) {
		gsize len = 0;
		g_autofree char *data = textfile_take(g_steal_pointer(&bytes), &len);
		s = story_parse(path, data, (gssize)len, ld->r);
	}
	if (!s) {
		/* point at the reference too, so the user finds which element named the file */
		if (st != INFILE_OUTSIDE)
			report_add(ld->r, REPORT_NOTE, DIAG_INPUT, ld->file, src->vline, src->vcol,
			           NULL, _("the file is named here"));
		return -1;
	}
	if (s->n > MODEL_MAX_PARAS - ld->nparas)
		report_error(ld->r, DIAG_INPUT, ld->file, n->line, n->col,
		             _("a paragraph ends at a blank line: join the lines of a listing or "
		               "table into fewer paragraphs, or split the edition"),
		             _("%s brings the edition's stories to %d paragraphs, more than the %d "
		               "an edition may have"),
		             path, ld->nparas + s->n, MODEL_MAX_PARAS);
	else if (s->bytes > MODEL_MAX_TEXT_BYTES - ld->text_bytes)
		report_error(ld->r, DIAG_INPUT, ld->file, n->line, n->col,
		             _("cut the stories, or split the edition"),
		             _("%s brings the edition's story and notice files to %zu bytes, more "
		               "than the %d an edition may have"),
		             path, ld->text_bytes + s->bytes, MODEL_MAX_TEXT_BYTES);
	else if (s->chars > MODEL_MAX_TEXT_CHARS - ld->text_chars)
		report_error(
		    ld->r, DIAG_INPUT, ld->file, n->line, n->col,
		    _("cut the stories, or split the edition"),
		    _("%s brings the characters of the edition's stories to %zu, more than "
		      "the %d an edition may have"),
		    path, ld->text_chars + s->chars, MODEL_MAX_TEXT_CHARS);
	ld->nparas += s->n;
	ld->text_bytes += s->bytes;
	ld->text_chars += s->chars;
	if (ld->nparas > MODEL_MAX_PARAS || ld->text_bytes > MODEL_MAX_TEXT_BYTES ||
	    ld->text_chars > MODEL_MAX_TEXT_CHARS) {
		ld->text_over = true;
		story_free(s);
		return -1;
	}
	if ((m->nstories & (m->nstories - 1)) == 0) /* doubling: linear time for many stories */
		m->stories = g_renew(ModelStory, m->stories, m->nstories ? 2 * m->nstories : 1);
	ms = &m->stories[m->nstories];
	ms->id = g_strdup(id);
	ms->src = g_steal_pointer(&path);
	ms->story = s;
	ms->notice = notice;
	ms->line = n->line;
	ms->col = n->col;
	if (id)
		g_hash_table_insert(ld->ids, ms->id, GINT_TO_POINTER(m->nstories + 1));
	return m->nstories++;
}

/* a="..." is none of names: the closest one offered first */
static void
bad_choice(Loader *ld, const DescAttr *a, const char *const *names, const char *expected,
           const char *what)
{
	g_autofree char *hint = suggest_hint(a->value, names, expected);
	report_error(ld->r, DIAG_INPUT, ld->file, a->vline, a->vcol, hint, _("%s \"%s\""), what,
	             report_clip(ld->r, a->value));
}

static bool
read_yesno(Loader *ld, const DescNode *n, const char *name, bool *out)
{
	const DescAttr *a = desc_attr(n, name);
	if (!a)
		return true;
	if (strcmp(a->value, "yes") == 0 || strcmp(a->value, "no") == 0) {
		*out = strcmp(a->value, "yes") == 0;
		return true;
	}
	{
		static const char *const yesno[] = {"yes", "no", NULL};
		g_autofree char *hint = suggest_hint(a->value, yesno, _("use yes or no"));
		report_error(ld->r, DIAG_INPUT, ld->file, a->vline, a->vcol, hint,
		             _("invalid value \"%s\" for %s"), report_clip(ld->r, a->value), name);
	}
	return false;
}

static bool
read_tint(Loader *ld, const DescNode *n, uint32_t *out)
{
	const DescAttr *a = desc_attr(n, "tint");
	uint32_t rgb;
	if (!a)
		return true;
	if (style_parse_color(a->value, &rgb)) {
		*out = rgb ? rgb : 0x000001; /* 0 means none */
		return true;
	}
	report_error(ld->r, DIAG_INPUT, ld->file, a->vline, a->vcol,
	             _("a colour as #rrggbb, e.g. #f2ece0"), _("invalid tint \"%s\""),
	             report_clip(ld->r, a->value));
	return false;
}

/* balance, box, tint, column rules, head span, vertical head: how a module is made up */
static bool
read_module(Loader *ld, const DescNode *n, Elem *e)
{
	const DescAttr *head = desc_attr(n, "head");
	bool balance = true, ok = true;
	ok = read_yesno(ld, n, "balance", &balance) && ok;
	e->no_balance = !balance;
	ok = read_yesno(ld, n, "box", &e->box) && ok;
	ok = read_yesno(ld, n, "column-rules", &e->column_rules) && ok;
	ok = read_yesno(ld, n, "vertical-head", &e->vertical_head) && ok;
	ok = read_tint(ld, n, &e->tint) && ok;
	if (head) {
		const Grid *g = &ld->m->layout->grid;
		if (!length_parse_range(head->value, 1, g->columns, &e->head_c0, &e->head_c1) ||
		    e->head_c0 > e->cell.c0 || e->head_c1 < e->cell.c1) {
			report_error(ld->r, DIAG_INPUT, ld->file, head->vline, head->vcol,
			             _("head=\"a-b\" must cover the story's own columns and stay "
			               "on the page"),
			             _("head=\"%s\" does not contain cols %d-%d"),
			             report_clip(ld->r, head->value), e->cell.c0, e->cell.c1);
			ok = false;
		} else if (ld->stack &&
		           (e->head_c0 < ld->stack->cell.c0 || e->head_c1 > ld->stack->cell.c1)) {
			report_error(ld->r, DIAG_INPUT, ld->file, head->vline, head->vcol,
			             _("a head group in a stack spans columns of the stack only"),
			             _("head=\"%s\" runs outside its stack's columns %d-%d"),
			             report_clip(ld->r, head->value), ld->stack->cell.c0,
			             ld->stack->cell.c1);
			ok = false;
		}
	}
	return ok;
}

static bool
read_story(Loader *ld, const DescNode *n, Elem *e)
{
	const DescAttr *id = need(ld, n, "id"), *src = need(ld, n, "src");
	bool ok = read_cell(ld, n, &e->cell);
	if (!id || !src)
		return false;
	if (g_hash_table_contains(ld->ids, id->value)) {
		report_error(ld->r, DIAG_INPUT, ld->file, id->vline, id->vcol,
		             _("place further parts of a story with <jump story=\"...\">"),
		             _("story id \"%s\" is used twice"), report_clip(ld->r, id->value));
		return false;
	}
	ok = ok && read_module(ld, n, e);
	e->story = add_story(ld, n, id->value, src, false);
	if (e->story >= 0)
		ld->m->stories[e->story].styles = e->styles;
	return e->story >= 0 && ok;
}

/* the element with this id anywhere in the edition, or NULL: a <story>, or one whose name is
 * mistyped (<stroy id="a">, reported already), so that a jump to it adds no error of its own */
static const DescNode *
find_story(const DescNode *edition, const char *id)
{
	for (int p = 0; edition && p < edition->nchildren; p++)
		for (int i = 0; i < edition->children[p]->nchildren; i++) {
			const DescNode *c = edition->children[p]->children[i];
			if (g_strcmp0(desc_get(c, "id"), id) == 0)
				return c;
		}
	return NULL;
}

static bool
read_jump(Loader *ld, const DescNode *n, Elem *e)
{
	const DescAttr *id = need(ld, n, "story");
	bool ok = read_cell(ld, n, &e->cell);
	if (!id)
		return false;
	ok = ok && read_module(ld, n, e);
	e->title = g_strdup(desc_get(n, "title"));
	e->story = GPOINTER_TO_INT(g_hash_table_lookup(ld->ids, id->value)) - 1;
	if (e->story < 0) {
		const DescNode *later = find_story(ld->edition, id->value);
		bool before = later && (later->line < n->line ||
		                        (later->line == n->line && later->col < n->col));
		if (before) /* the story could not be read: its own error says why, once */
			return false;
		if (later)
			report_error(
			    ld->r, DIAG_INPUT, ld->file, id->vline, id->vcol,
			    _("a story runs forward through the edition: place its <story> "
			      "first and its jumps after it"),
			    _("story \"%s\" is placed after this jump (line %d): the jump chain "
			      "would run back to an earlier frame"),
			    report_clip(ld->r, id->value), later->line);
		else {
			g_autofree const char **ids =
			    (const char **)g_hash_table_get_keys_as_array(ld->ids, NULL);
			g_autofree char *hint = NULL;
			qsort(ids, g_hash_table_size(ld->ids), sizeof *ids, compare_names);
			hint = suggest_hint(
			    id->value, ids,
			    _("a jump continues a story placed earlier with <story id=\"...\">"));
			report_error(ld->r, DIAG_INPUT, ld->file, id->vline, id->vcol, hint,
			             _("no story \"%s\" before this jump"),
			             report_clip(ld->r, id->value));
		}
		return false;
	}
	return ok;
}

static bool
read_notice(Loader *ld, const DescNode *n, Elem *e)
{
	const DescAttr *src = need(ld, n, "src");
	bool ok = read_cell(ld, n, &e->cell);
	if (!src)
		return false;
	ok = read_tint(ld, n, &e->tint) && ok;
	if (desc_get(n, "id") && g_hash_table_contains(ld->ids, desc_get(n, "id"))) {
		const DescAttr *id = desc_attr(n, "id");
		report_error(ld->r, DIAG_INPUT, ld->file, id->vline, id->vcol,
		             _("give every story and notice its own id"),
		             _("id \"%s\" is used twice"), report_clip(ld->r, id->value));
		return false;
	}
	e->story = add_story(ld, n, desc_get(n, "id"), src, true);
	if (e->story >= 0)
		ld->m->stories[e->story].styles = e->styles;
	return e->story >= 0 && ok;
}

/* A PDF ad: probed and preflighted at the size of its module, for each <ad> that places it
 * (the findings are at that element); its bytes are kept like an image's. */
static bool
read_pdf_ad(Loader *ld, const DescNode *n, Elem *e, const DescAttr *src, int page, GBytes *bytes)
{
	const Grid *g = &ld->m->layout->grid;
	AdWhere w = {ld->file, src->vline, src->vcol, e->src};
	AdCheckOptions o = {ld->opts.press, ld->opts.ink_limit > 0
	                                        ? ld->opts.ink_limit
	                                        : ld->m->layout->intent.ink_limit};
	Len mw, mh;
	if (!read_cell(ld, n, &e->cell))
		return false;
	mw = grid_span_width(g, e->cell.c0, e->cell.c1);
	mh = (e->cell.l1 - e->cell.l0 + 1) * g->pitch;
	if (!pdfad_probe(bytes, page, mw, mh, &o, &w, &e->image, ld->r))
		return false;
	e->data = g_bytes_ref(bytes);
	return true;
}

/* The image is read once, here, and its bytes kept: the painter draws these bytes and never
 * opens a file by name, so nothing swapped in later reaches the page. pdf_page: for an ad,
 * the page= it names (0: none), and a PDF is read as a PDF ad; -1 for a photo. */
static bool
read_image(Loader *ld, const DescNode *n, Elem *e, int pdf_page)
{
	const DescAttr *src = desc_attr(n, "src");
	g_autoptr(GBytes) bytes = NULL;
	g_autoptr(Report) tmp = report_new();
	InFileId id = {0};
	InFileStatus st;
	LoadedImage *li;
	if (!src)
		return false;
	st = read_named(ld, src->value, src->vline, src->vcol, IMAGE_MAX_BYTES, ld->images, &e->src,
	                &bytes, &id, tmp);
	if (st == INFILE_FAILED) {
		const Diag *d = g_ptr_array_index(tmp->diags, 0);
		report_error(ld->r, DIAG_INPUT, ld->file, src->vline, src->vcol, d->hint,
		             _("image %s: %s"), e->src, d->msg);
	}
	if (st != INFILE_OK)
		return false;
	li = bytes ? NULL : g_hash_table_lookup(ld->images, &id); /* read before: not a PDF */
	if (!li && pdf_page >= 0 && pdfad_is_pdf(bytes, e->src))
		return read_pdf_ad(ld, n, e, src, pdf_page, bytes);
	if (pdf_page > 0) {
		const DescAttr *pa = desc_attr(n, "page");
		report_error(ld->r, DIAG_INPUT, ld->file, pa->vline, pa->vcol,
		             _("page= names the page of a PDF ad; remove it"),
		             _("page= is for a PDF ad, and %s is an image"), e->src);
		return false;
	}
	if (!li) {
		ImageInfo info = {0}; /* page, box, crop, rotate: a PDF ad's only */
		if (!image_probe(bytes, e->src, ld->file, src->vline, src->vcol, &info, ld->r))
			return false;
		if (ld->checks)
			image_checks_add(ld->checks, bytes, &info);
		else if (!image_verify(bytes, &info, e->src, ld->file, src->vline, src->vcol,
		                       ld->r))
			return false;
		li = g_new0(LoadedImage, 1);
		li->data = g_steal_pointer(&bytes);
		li->info = info;
		g_hash_table_insert(ld->images, g_memdup2(&id, sizeof id), li);
	}
	e->image = li->info;
	e->data = g_bytes_ref(li->data);
	return true;
}

static bool
read_photo(Loader *ld, const DescNode *n, Elem *e)
{
	const DescAttr *fit = desc_attr(n, "fit");
	bool ok = read_cell(ld, n, &e->cell);
	if (!need(ld, n, "src"))
		return false;
	ok = read_image(ld, n, e, -1) && ok;
	e->caption = g_strdup(desc_get(n, "caption"));
	if (desc_get(n, "caption-side")) {
		const DescAttr *cs = desc_attr(n, "caption-side");
		e->caption_right = strcmp(cs->value, "right") == 0;
		if (!e->caption_right && strcmp(cs->value, "below") != 0) {
			static const char *const sides[] = {"below", "right", NULL};
			bad_choice(ld, cs, sides, _("use below or right"),
			           _("unknown caption-side"));
			ok = false;
		}
	}
	e->credit = g_strdup(desc_get(n, "credit"));
	if (ld->stack)
		ok = read_depth(ld, n, e) && ok;
	if (fit && strcmp(fit->value, "fill") == 0)
		e->fill = true;
	else if (fit && strcmp(fit->value, "fit") != 0) {
		static const char *const fits[] = {"fit", "fill", NULL};
		bad_choice(ld, fit, fits, _("use fit or fill"), _("unknown fit"));
		ok = false;
	}
	return ok;
}

static bool
read_ad(Loader *ld, const DescNode *n, Elem *e)
{
	const char *text = desc_get(n, "text");
	const DescAttr *page = desc_attr(n, "page");
	int pdf_page = 0;
	bool ok = read_cell(ld, n, &e->cell);
	if (!text == !desc_attr(n, "src")) {
		report_error(ld->r, DIAG_INPUT, ld->file, n->line, n->col,
		             _("an ad is an image (src=\"ad.png\") or a text (text=\"...\")"),
		             _("<ad> needs exactly one of src and text"));
		return false;
	}
	if (text && page) {
		report_error(ld->r, DIAG_INPUT, ld->file, page->line, page->col,
		             _("page= names the page of a PDF ad; remove it"),
		             _("page= is for a PDF ad, not a text ad"));
		return false;
	}
	if (page && (!length_parse_int(page->value, 1, 100000, &pdf_page))) {
		report_error(ld->r, DIAG_INPUT, ld->file, page->vline, page->vcol,
		             _("page= is a page number of the PDF, from 1"),
		             _("bad page number \"%s\""), report_clip(ld->r, page->value));
		return false;
	}
	if (ld->stack)
		ok = read_depth(ld, n, e) && ok;
	if (text)
		e->text = g_strdup(text);
	else
		ok = read_image(ld, n, e, pdf_page) && ok;
	return ok;
}

static bool
read_rule(Loader *ld, const DescNode *n, Elem *e)
{
	const Grid *g = &ld->m->layout->grid;
	const DescAttr *w = desc_attr(n, "weight"), *st = desc_attr(n, "style");
	const DescAttr *at_line = desc_attr(n, "at-line"), *at_col = desc_attr(n, "at-col");
	const DescAttr *own = desc_attr(n, "line");
	bool ok = true;

	e->weight = len_from_pt(0.5);
	if (w && (!length_parse(w->value, &e->weight) || e->weight <= 0 ||
	          e->weight > len_from_pt(20))) {
		report_error(ld->r, DIAG_INPUT, ld->file, w->vline, w->vcol,
		             _("e.g. weight=\"0.5pt\""), _("invalid rule weight \"%s\""),
		             report_clip(ld->r, w->value));
		ok = false;
	}
	if (st && strcmp(st->value, "thick-thin") == 0)
		e->thick_thin = true;
	else if (st && strcmp(st->value, "single") != 0) {
		static const char *const styles[] = {"single", "thick-thin", NULL};
		bad_choice(ld, st, styles, _("use single or thick-thin"), _("unknown rule style"));
		ok = false;
	}
	if (ld->stack) { /* across the stack, at the boundary stack_place_edition finds */
		e->cell = (Cell){ld->stack->cell.c0, ld->stack->cell.c1, 0, 0};
		return ok;
	}
	if ((at_line != NULL) + (at_col != NULL) + (own != NULL) != 1) {
		report_error(ld->r, DIAG_INPUT, ld->file, n->line, n->col,
		             _("a horizontal rule has cols and at-line (under a grid line) or line "
		               "(on a grid line of its own); a vertical one at-col and lines"),
		             _("<rule> needs exactly one of at-line, line and at-col"));
		return false;
	}
	if (own) {
		ok = read_range(ld, n, "cols", g->columns, &e->cell.c0, &e->cell.c1) && ok;
		if (!length_parse_int(own->value, 1, g->lines, &e->at)) {
			report_error(ld->r, DIAG_INPUT, ld->file, own->vline, own->vcol,
			             _("the rule takes this grid line, through its middle"),
			             _("line=\"%s\" is not a grid line from 1 to %d"),
			             report_clip(ld->r, own->value), g->lines);
			ok = false;
		}
		e->own_line = true;
		e->cell.l0 = e->cell.l1 = e->at;
		return ok;
	}
	e->vertical = at_col != NULL;
	if (e->vertical) {
		ok = read_range(ld, n, "lines", g->lines, &e->cell.l0, &e->cell.l1) && ok;
		if (!length_parse_int(at_col->value, 1, g->columns - 1, &e->at)) {
			report_error(ld->r, DIAG_INPUT, ld->file, at_col->vline, at_col->vcol,
			             _("the rule stands in the gutter right of this column"),
			             _("at-col=\"%s\" is not a column from 1 to %d"),
			             report_clip(ld->r, at_col->value), g->columns - 1);
			ok = false;
		}
	} else {
		ok = read_range(ld, n, "cols", g->columns, &e->cell.c0, &e->cell.c1) && ok;
		if (!length_parse_int(at_line->value, 0, g->lines, &e->at)) {
			report_error(ld->r, DIAG_INPUT, ld->file, at_line->vline, at_line->vcol,
			             _("the rule runs under this grid line (0 = above line 1)"),
			             _("at-line=\"%s\" is not a grid line from 0 to %d"),
			             report_clip(ld->r, at_line->value), g->lines);
			ok = false;
		}
	}
	return ok;
}

static bool
cells_overlap(const Cell *a, const Cell *b)
{
	return a->c0 <= b->c1 && b->c0 <= a->c1 && a->l0 <= b->l1 && b->l0 <= a->l1;
}

static bool
cell_inside(const Cell *in, const Cell *out)
{
	return in->c0 >= out->c0 && in->c1 <= out->c1 && in->l0 >= out->l0 && in->l1 <= out->l1;
}

/* A photo wholly inside a story or jump module is an inset the text flows around. */
static bool
is_inset(const Elem *a, const Elem *b)
{
	return a->kind == EL_PHOTO && (b->kind == EL_STORY || b->kind == EL_JUMP) &&
	       cell_inside(&a->cell, &b->cell);
}

/* The children of a stack have no lines yet: the band stands for them, here and against other
 * stacks. */
static bool
check_stack_overlaps(Loader *ld, Page *pg)
{
	for (int s = 0; s < pg->nstacks; s++) {
		const Stack *st = &pg->stacks[s];
		const char *other = NULL;
		int at = 0;
		for (int i = 0; i < pg->nelems && !other; i++) {
			const Elem *e = &pg->elems[i];
			if (e->kind != EL_RULE && !e->stack && cells_overlap(&st->cell, &e->cell)) {
				other = elem_names[e->kind];
				at = e->line;
			}
		}
		for (int t = 0; t < s && !other; t++)
			if (cells_overlap(&st->cell, &pg->stacks[t].cell)) {
				other = "stack";
				at = pg->stacks[t].line;
			}
		if (other) {
			report_error(ld->r, DIAG_INPUT, ld->file, st->line, st->col,
			             _("move or shrink one of the two modules"),
			             _("<%s> overlaps the <%s> at line %d"), "stack", other, at);
			return false;
		}
	}
	return true;
}

static bool
check_overlaps(Loader *ld, Page *pg)
{
	bool ok = true;
	for (int i = 0; i < pg->nelems; i++) {
		if ((pg->elems[i].kind == EL_RULE && !pg->elems[i].own_line) || pg->elems[i].stack)
			continue;
		for (int j = 0; j < i; j++) {
			Elem *a = &pg->elems[i], *b = &pg->elems[j];
			if ((b->kind == EL_RULE && !b->own_line) || b->stack ||
			    !cells_overlap(&a->cell, &b->cell))
				continue;
			if (is_inset(a, b) || is_inset(b, a)) {
				(a->kind == EL_PHOTO ? a : b)->inset = true;
				continue;
			}
			report_error(ld->r, DIAG_INPUT, ld->file, pg->elems[i].line,
			             pg->elems[i].col, _("move or shrink one of the two modules"),
			             _("<%s> overlaps the <%s> at line %d"),
			             elem_names[pg->elems[i].kind], elem_names[pg->elems[j].kind],
			             pg->elems[j].line);
			ok = false;
			break;
		}
	}
	return ok && check_stack_overlaps(ld, pg);
}

/* the attributes of element n (of kind e->kind): its own, and the style-PART= and rank= that
 * storystyle reads into e->styles */
static bool
check_elem_attrs(Loader *ld, const DescNode *n, Elem *e)
{
	g_autoptr(GPtrArray) known = g_ptr_array_new();
	bool ok;
	for (int i = 0; elem_attrs[e->kind][i]; i++) {
		const char *a = elem_attrs[e->kind][i];
		/* in a stack: no lines, and a rule runs across the stack where it stands */
		if (ld->stack &&
		    (strcmp(a, "lines") == 0 ||
		     (e->kind == EL_RULE && strcmp(a, "weight") != 0 && strcmp(a, "style") != 0)))
			continue;
		g_ptr_array_add(known, (gpointer)a);
	}
	if (ld->stack && (e->kind == EL_PHOTO || e->kind == EL_AD))
		g_ptr_array_add(known, (gpointer) "depth");
	if (e->kind != EL_RULE)
		for (int i = 0; i < n->nattrs; i++)
			if (storystyle_owns(n->attrs[i].name))
				g_ptr_array_add(known, n->attrs[i].name);
	g_ptr_array_add(known, NULL);
	ok = check_attrs(ld, n, (const char *const *)known->pdata);
	if (e->kind == EL_RULE)
		return ok;
	return storystyle_read(ld->m->layout, n, ld->file, elem_parts[e->kind], e->kind == EL_STORY,
	                       &e->styles, ld->r) &&
	       ok;
}

static bool
read_elem(Loader *ld, const DescNode *n, Elem *e)
{
	int k;
	memset(e, 0, sizeof *e); /* the caller frees it whatever happens */
	e->story = -1;
	for (k = 0; k < (int)G_N_ELEMENTS(elem_names); k++)
		if (strcmp(n->name, elem_names[k]) == 0)
			break;
	if (k == (int)G_N_ELEMENTS(elem_names)) {
		static const char *const names[] = {"masthead", "story", "jump",  "photo", "notice",
		                                    "ad",       "rule",  "stack", NULL};
		g_autofree char *hint = suggest_hint(
		    n->name, names,
		    _("a page holds masthead, story, jump, photo, notice, ad, rule and stack "
		      "elements"));
		report_error(ld->r, DIAG_INPUT, ld->file, n->line, n->col, hint,
		             _("unknown element <%s>"), report_clip(ld->r, n->name));
		return false;
	}
	memset(e, 0, sizeof *e);
	e->kind = (ElemKind)k;
	e->line = n->line;
	e->col = n->col;
	e->story = -1;
	if (ld->stack && (e->kind == EL_MASTHEAD || e->kind == EL_JUMP)) {
		report_error(
		    ld->r, DIAG_INPUT, ld->file, n->line, n->col,
		    _("place it outside the stack, with cols= and lines="),
		    e->kind == EL_JUMP
		        ? _("<jump> is not supported in a stack: a continuation's depth is "
		            "what its story leaves over, known only once the story is set")
		        : _("<masthead> is not supported in a stack: it is the first "
		            "page's furniture, its depth set by design, not by text"));
		return false;
	}
	if (ld->stack && desc_attr(n, "lines")) {
		const DescAttr *a = desc_attr(n, "lines");
		report_error(ld->r, DIAG_INPUT, ld->file, a->line, a->col,
		             e->kind == EL_PHOTO || e->kind == EL_AD
		                 ? _("remove lines=, or give the depth as depth=\"N\" grid lines")
		                 : _("remove lines="),
		             _("a child of <stack> takes no lines=: the stack gives it the depth "
		               "its content needs"));
		return false;
	}
	if (!check_elem_attrs(ld, n, e))
		return false;
	if (n->nchildren > 0) {
		report_error(ld->r, DIAG_INPUT, ld->file, n->children[0]->line, n->children[0]->col,
		             _("close the element with /> or with its end tag before this one"),
		             _("<%s> takes no child elements"), n->name);
		return false;
	}
	switch (e->kind) {
	case EL_MASTHEAD:
		if (ld->m->npages > 1) { /* the page being read is pages[npages - 1] */
			report_error(
			    ld->r, DIAG_INPUT, ld->file, n->line, n->col,
			    _("inside pages carry a running head, which huozi sets itself"),
			    _("<masthead> is only allowed on the first page of the edition"));
			return false;
		}
		return read_cell(ld, n, &e->cell);
	case EL_STORY:
		return read_story(ld, n, e);
	case EL_JUMP:
		return read_jump(ld, n, e);
	case EL_PHOTO:
		return read_photo(ld, n, e);
	case EL_NOTICE:
		return read_notice(ld, n, e);
	case EL_AD:
		return read_ad(ld, n, e);
	case EL_RULE:
		return read_rule(ld, n, e);
	}
	return false;
}

/* <stack cols lines>: its children become the page's next elements, in document order, each
 * marked with the stack; stack_place_edition gives them their lines. */
static bool
read_stack(Loader *ld, const DescNode *n, Page *pg)
{
	static const char *const attrs[] = {"cols", "lines", NULL};
	Stack st = {.line = n->line, .col = n->col, .first = pg->nelems};
	bool ok = check_attrs(ld, n, attrs);
	int modules = 0;
	ok = ok && read_cell(ld, n, &st.cell);
	if (!ok)
		return false;
	pg->stacks = g_renew(Stack, pg->stacks, pg->nstacks + 1);
	pg->stacks[pg->nstacks] = st;
	ld->stack = &pg->stacks[pg->nstacks];
	for (int i = 0; i < n->nchildren; i++) {
		const DescNode *c = n->children[i];
		Elem e;
		if (strcmp(c->name, "stack") == 0) {
			report_error(ld->r, DIAG_INPUT, ld->file, c->line, c->col,
			             _("put its children into this stack, or place the two stacks "
			               "side by side"),
			             _("<stack> is not supported in a stack: stacks do not nest"));
			ok = false;
		} else if (read_elem(ld, c, &e)) {
			e.stack = pg->nstacks + 1;
			modules += e.kind != EL_RULE;
			pg->elems[pg->nelems++] = e;
		} else {
			elem_done(&e);
			ok = false;
		}
	}
	ld->stack = NULL;
	pg->stacks[pg->nstacks].n = pg->nelems - st.first;
	pg->nstacks++;
	if (ok && modules == 0) {
		report_error(ld->r, DIAG_INPUT, ld->file, n->line, n->col,
		             _("put stories, notices, photos or ads into it, or remove it"),
		             _("the <stack> holds no module to stack"));
		ok = false;
	}
	return ok;
}

static bool
read_page(Loader *ld, const DescNode *n, Page *pg)
{
	const DescAttr *folio = need(ld, n, "folio");
	bool ok = check_attrs(ld, n, page_attrs) && folio;
	int num;

	pg->line = n->line;
	pg->col = n->col;
	if (folio && !(length_parse_int(folio->value, 1, 999, &num) && strlen(folio->value) <= 3)) {
		report_error(ld->r, DIAG_INPUT, ld->file, folio->vline, folio->vcol,
		             _("the folio (版次) is the page number as printed, e.g. 01"),
		             _("folio \"%s\" is not a page number"),
		             report_clip(ld->r, folio->value));
		ok = false;
	}
	pg->folio = g_strdup(folio ? folio->value : "");
	pg->section = g_strdup(desc_get(n, "section"));
	pg->editor = g_strdup(desc_get(n, "editor"));
	pg->designer = g_strdup(desc_get(n, "designer"));
	pg->proofreader = g_strdup(desc_get(n, "proofreader"));
	if (n->nchildren > MODEL_MAX_ELEMS) { /* pointed at the first one too many */
		const DescNode *over = n->children[MODEL_MAX_ELEMS];
		report_error(ld->r, DIAG_INPUT, ld->file, over->line, over->col,
		             _("a page holds at most 500 elements: merge modules or move some to "
		               "another page"),
		             _("more than %d elements on one page: this <%s> is number %d"),
		             MODEL_MAX_ELEMS, report_clip(ld->r, over->name), MODEL_MAX_ELEMS + 1);
		return false;
	}
	{ /* a stack's children count as elements of the page */
		int total = 0;
		for (int i = 0; i < n->nchildren; i++) {
			const DescNode *c = n->children[i];
			bool stack = strcmp(c->name, "stack") == 0;
			for (int k = stack ? 0 : -1; k < (stack ? c->nchildren : 0); k++)
				if (++total == MODEL_MAX_ELEMS + 1) {
					const DescNode *over = stack ? c->children[k] : c;
					report_error(
					    ld->r, DIAG_INPUT, ld->file, over->line, over->col,
					    _("a page holds at most 500 elements: merge modules "
					      "or move some to another page"),
					    _("more than %d elements on one page: this <%s> is "
					      "number %d"),
					    MODEL_MAX_ELEMS, report_clip(ld->r, over->name),
					    MODEL_MAX_ELEMS + 1);
					return false;
				}
		}
		pg->elems = g_new0(Elem, total);
	}
	for (int i = 0; i < n->nchildren; i++) {
		Elem e;
		if (strcmp(n->children[i]->name, "stack") == 0)
			ok = read_stack(ld, n->children[i], pg) && ok;
		else if (read_elem(ld, n->children[i], &e))
			pg->elems[pg->nelems++] = e;
		else {
			elem_done(&e);
			ok = false;
		}
	}
	return ok && check_overlaps(ld, pg);
}

/* exactly YYYY-MM-DD: digits where digits go */
static bool
date_shape(const char *v)
{
	if (strlen(v) != 10)
		return false;
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? v[i] != '-' : !g_ascii_isdigit(v[i]))
			return false;
	return true;
}

static bool
read_date(Loader *ld, const DescNode *root)
{
	const DescAttr *a = need(ld, root, "date");
	Model *m = ld->m;
	if (!a)
		return false;
	if (!date_shape(a->value) ||
	    sscanf(a->value, "%4d-%2d-%2d", &m->year, &m->month, &m->day) != 3 ||
	    !g_date_valid_dmy((GDateDay)m->day, (GDateMonth)m->month, (GDateYear)m->year) ||
	    m->year < 1900) {
		report_error(ld->r, DIAG_INPUT, ld->file, a->vline, a->vcol,
		             _("write the date as YYYY-MM-DD"), _("invalid date \"%s\""),
		             report_clip(ld->r, a->value));
		return false;
	}
	m->date = g_strdup(a->value);
	return true;
}

/* a layout named by path is read beneath the edition's folder like any other input; one of
 * the library by name through infile_read too, but from the library's folder. *here: the
 * error was reported at the attribute (leaving the folder, a name the library lacks). */
static Layout *
read_layout(Loader *ld, const DescAttr *a, bool *here)
{
	g_autofree char *shown = NULL;
	g_autoptr(GBytes) bytes = NULL;
	InFileStatus st;
	gsize len = 0;
	g_autofree char *data = NULL;
	if (library_is_name(a->value)) {
		g_autofree char *own = g_strdup_printf(
		    _("a layout file of the edition's own is named with its .xml, e.g. "
		      "layout=\"%s.xml\""),
		    report_clip(ld->r, a->value));
		g_autofree char *lib = library_layout_path(
		    a->value, ld->opts.layouts_dir ? ld->opts.layouts_dir : model_layouts_dir(),
		    ld->file, a->vline, a->vcol, own, ld->r);
		*here = lib == NULL;
		return lib ? layout_load(lib, ld->r) : NULL;
	}
	st = read_named(ld, a->value, a->vline, a->vcol, DESC_MAX_BYTES, NULL, &shown, &bytes, NULL,
	                ld->r);
	*here = st == INFILE_OUTSIDE;
	if (st != INFILE_OK)
		return NULL;
	data = textfile_take(g_steal_pointer(&bytes), &len);
	return layout_parse(shown, data, len, ld->r);
}

static bool
read_edition(Loader *ld, const DescNode *root)
{
	Model *m = ld->m;
	const DescAttr *paper = need(ld, root, "paper"), *layout = need(ld, root, "layout");
	ld->edition = root;
	bool ok = check_attrs(ld, root, edition_attrs);
	ok = read_date(ld, root) && ok;
	if (!paper || !layout || !ok)
		return false;
	m->paper = g_strdup(paper->value);
	m->paper_latin = g_strdup(desc_get(root, "paper-latin"));
	m->issue = g_strdup(desc_get(root, "issue"));
	{
		bool here = false;
		m->layout = read_layout(ld, layout, &here);
		if (here)
			return false;
	}
	if (!m->layout) {
		report_add(ld->r, REPORT_NOTE, DIAG_INPUT, ld->file, layout->vline, layout->vcol,
		           NULL, _("the layout is named here"));
		return false;
	}
	if (root->nchildren == 0) {
		report_error(ld->r, DIAG_INPUT, ld->file, root->line, root->col,
		             _("add <page> elements"), _("the edition has no pages"));
		return false;
	}
	if (root->nchildren > MODEL_MAX_PAGES) { /* pointed at the first one too many */
		const DescNode *over = root->children[MODEL_MAX_PAGES];
		report_error(ld->r, DIAG_INPUT, ld->file, over->line, over->col,
		             _("an edition holds at most 400 pages: split it into several page "
		               "descriptions"),
		             _("more than %d pages in one edition: this <%s> is number %d"),
		             MODEL_MAX_PAGES, report_clip(ld->r, over->name), MODEL_MAX_PAGES + 1);
		return false;
	}
	m->pages = g_new0(Page, root->nchildren);
	for (int i = 0; i < root->nchildren; i++) {
		const DescNode *c = root->children[i];
		if (strcmp(c->name, "page") != 0) {
			static const char *const names[] = {"page", NULL};
			g_autofree char *hint =
			    suggest_hint(c->name, names, _("an edition holds <page> elements"));
			report_error(ld->r, DIAG_INPUT, ld->file, c->line, c->col, hint,
			             _("unknown element <%s>"), report_clip(ld->r, c->name));
			ok = false;
			continue;
		}
		ok = read_page(ld, c, &m->pages[m->npages++]) && ok;
		for (int k = 0; k < m->npages - 1; k++)
			if (strcmp(m->pages[k].folio, m->pages[m->npages - 1].folio) == 0) {
				report_error(ld->r, DIAG_INPUT, ld->file, c->line, c->col,
				             _("every page of an edition has its own 版次"),
				             _("folio \"%s\" is used twice (also at line %d)"),
				             report_clip(ld->r, m->pages[k].folio),
				             m->pages[k].line);
				ok = false;
				break;
			}
	}
	return ok;
}

Model *
model_load(const char *path, Report *r)
{
	ModelOptions o = {0};
	return model_load_with(path, &o, r);
}

static Model *
load(const char *path, const ModelOptions *opts, ImageChecks *checks, Report *r)
{
	g_autoptr(Desc) d =
	    desc_load_root(path, "edition", _("a page description starts with <edition>"), r);
	Loader ld = {0};
	Model *m;
	bool ok;

	if (!d)
		return NULL;
	m = g_new0(Model, 1);
	m->file = g_strdup(path);
	ld.file = path;
	ld.dir = g_path_get_dirname(path);
	ld.in = infile_dir_open(ld.dir, !opts->allow_outside, r);
	ld.images =
	    g_hash_table_new_full(infile_id_hash, infile_id_equal, g_free, loaded_image_free);
	ld.opts = *opts;
	ld.m = m;
	ld.r = r;
	ld.ids = g_hash_table_new(g_str_hash, g_str_equal);
	ld.checks = checks;
	ok = ld.in && read_edition(&ld, d->root);
	g_hash_table_destroy(ld.ids);
	g_hash_table_destroy(ld.images);
	infile_dir_free(ld.in);
	g_free(ld.dir);
	if (!ok || r->nerrors > 0) {
		model_free(m);
		return NULL;
	}
	return m;
}

Model *
model_load_with(const char *path, const ModelOptions *opts, Report *r)
{
	g_autoptr(Report) early = NULL;
	g_autoptr(ImageChecks) checks = NULL;
	Model *m;
	if (!opts->defer_image_checks)
		return load(path, opts, NULL, r);
	/* what this load reports is held back until it is known not to fail with an image
	 * unchecked: then the load is made again the plain way, each image checked in its place
	 * among the other findings */
	early = report_new();
	checks = image_checks_new();
	m = load(path, opts, checks, early);
	image_checks_close(checks);
	if (!m && !image_checks_passed(checks))
		return load(path, opts, NULL, r);
	report_move(r, early);
	if (m)
		m->checks = g_steal_pointer(&checks);
	return m;
}

bool
model_images_passed(Model *m)
{
	return image_checks_passed(m->checks);
}

static void
dump_cell(const Cell *c, GString *out)
{
	g_string_append_printf(out, " cols=%d-%d lines=%d-%d", c->c0, c->c1, c->l0, c->l1);
}

static const char *
basename_of(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* an element's rank= and style-PART=, as written */
static void
dump_styles(const Layout *l, const StyleSet *set, GString *out)
{
	if (set->rank)
		g_string_append_printf(out, " rank=%d", set->rank);
	for (int p = 0; p < ST_COUNT; p++)
		if (set->part[p])
			g_string_append_printf(out, " style-%s=%s", stylepart_name((StyleId)p),
			                       l->styles[set->part[p] - 1].name);
}

void
model_dump(const Model *m, GString *out)
{
	g_string_append_printf(out,
	                       "edition paper=\"%s\" date=%s issue=\"%s\" pages=%d stories=%d\n",
	                       m->paper, m->date, m->issue ? m->issue : "", m->npages, m->nstories);
	for (int s = 0; s < m->nstories; s++)
		g_string_append_printf(out, "  story %d id=%s%s file=%s paras=%d\n", s,
		                       m->stories[s].id ? m->stories[s].id : "-",
		                       m->stories[s].notice ? " notice" : "",
		                       basename_of(m->stories[s].src), m->stories[s].story->n);
	for (int p = 0; p < m->npages; p++) {
		const Page *pg = &m->pages[p];
		g_string_append_printf(out, "  page %s section=\"%s\" elems=%d\n", pg->folio,
		                       pg->section ? pg->section : "", pg->nelems);
		for (int i = 0; i < pg->nelems; i++) {
			const Elem *e = &pg->elems[i];
			const Stack *st = e->stack ? &pg->stacks[e->stack - 1] : NULL;
			if (st && st->first == i)
				g_string_append_printf(
				    out, "    stack @%d cols=%d-%d lines=%d-%d\n", st->line,
				    st->cell.c0, st->cell.c1, st->cell.l0, st->cell.l1);
			g_string_append_printf(out, "    %s%s @%d", st ? "  " : "",
			                       elem_names[e->kind], e->line);
			if (e->kind == EL_RULE)
				g_string_append_printf(out, " %s %s=%d weight=%.2fpt%s",
				                       e->vertical ? "vertical" : "horizontal",
				                       e->own_line ? "line" : "at", e->at,
				                       len_to_pt(e->weight),
				                       e->thick_thin ? " thick-thin" : "");
			if (e->kind != EL_RULE)
				dump_cell(&e->cell, out);
			else if (e->vertical)
				g_string_append_printf(out, " lines=%d-%d", e->cell.l0, e->cell.l1);
			else
				g_string_append_printf(out, " cols=%d-%d", e->cell.c0, e->cell.c1);
			if (e->story >= 0)
				g_string_append_printf(out, " story=%d", e->story);
			if (e->src)
				g_string_append_printf(out, " image=%s %s %dx%d",
				                       basename_of(e->src),
				                       e->image.format == IMAGE_PNG    ? "png"
				                       : e->image.format == IMAGE_JPEG ? "jpeg"
				                                                       : "pdf",
				                       e->image.width, e->image.height);
			if (e->image.format == IMAGE_PDF)
				g_string_append_printf(
				    out, " page=%d rotate=%d box=%.2f,%.2f,%.2f,%.2f",
				    e->image.page, e->image.rotate, e->image.box[0],
				    e->image.box[1], e->image.box[2], e->image.box[3]);
			if (e->text)
				g_string_append_printf(out, " text=\"%s\"", e->text);
			if (e->depth)
				g_string_append_printf(out, " depth=%d", e->depth);
			dump_styles(m->layout, &e->styles, out);
			g_string_append_c(out, '\n');
		}
	}
}
