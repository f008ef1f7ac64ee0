/* fitreport.c - the fit report as JSON: stories, frames, overset, underset, display findings,
 * diagnostics. */
#include "fitreport.h"
#include "i18n.h"
#include "tempfile.h"
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

static void
json_str(GString *s, const char *v)
{
	g_string_append_c(s, '"');
	for (const char *p = v ? v : ""; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '"' || c == '\\')
			g_string_append_printf(s, "\\%c", c);
		else if (c == '\n')
			g_string_append(s, "\\n");
		else if (c < 0x20)
			g_string_append_printf(s, "\\u%04x", c);
		else
			g_string_append_c(s, (char)c);
	}
	g_string_append_c(s, '"');
}

static const char *
kind_name(DiagKind k)
{
	static const char *const names[] = {"input", "system", "overset", "glyph", "font",
	                                    "rule",  "layout", "makeup",  "ad"};
	return names[k];
}

static void
story_json(GString *s, const Model *m, const Flow *f, int i)
{
	const StoryFit *fit = &f->fits[i];
	const ModelStory *ms = &m->stories[i];
	g_string_append(s, "    {\"id\": ");
	json_str(s, ms->id ? ms->id : "");
	g_string_append(s, ", \"file\": ");
	json_str(s, ms->src);
	g_string_append(s, ", \"headline\": ");
	json_str(s, story_get(ms->story, PARA_HEADLINE));
	g_string_append_printf(
	    s,
	    ", \"notice\": %s, \"frames\": %d, \"lines_set\": %d, \"lines_available\": %d"
	    ", \"underset_lines\": %d, \"head_lines\": %d, \"depth_lines\": %d"
	    ", \"loose_lines\": %d, \"forced_lines\": %d"
	    ", \"overset_lines\": %d, \"overset_chars\": %d"
	    ", \"flush\": {\"underset_before\": %d, \"head_lines\": %d, \"space_lines\": %d"
	    ", \"pulled\": %d, \"pushed\": %d, \"level_over_widows\": %s}, \"overset_text\": ",
	    ms->notice ? "true" : "false", fit->frames, fit->lines_set, fit->lines_avail,
	    fit->underset, fit->head_lines, fit->depth_lines, fit->loose_lines, fit->forced_lines,
	    fit->overset_lines, fit->overset_chars, fit->underset_was, fit->flush_head,
	    fit->flush_space, fit->flush_pulled, fit->flush_pushed,
	    fit->flush_level ? "true" : "false");
	json_str(s, fit->overset_text);
	g_string_append(s, "}");
}

static void
finding_json(GString *s, const DisplayFinding *d)
{
	g_string_append(s, "    {\"file\": ");
	json_str(s, d->file);
	g_string_append_printf(s, ", \"line\": %d, \"col\": %d, \"element\": ", d->line, d->col);
	json_str(s, d->element);
	g_string_append(s, ", \"kind\": ");
	json_str(s, d->kind);
	g_string_append(s, ", \"style\": ");
	json_str(s, d->style);
	g_string_append(s, ", \"text\": ");
	json_str(s, d->text);
	g_string_append_printf(
	    s,
	    ", \"lines\": %d, \"max_lines\": %d, \"squeezed\": %s, \"tracking\": %d"
	    ", \"scale\": %d, \"forced_lines\": %d, \"loose_lines\": %d"
	    ", \"overset_lines\": %d, \"fits\": %s}",
	    d->lines, d->max_lines, d->squeezed ? "true" : "false", d->tracking, d->scale,
	    d->forced_lines, d->loose_lines, d->overset_lines,
	    d->overset_lines == 0 && d->forced_lines == 0 ? "true" : "false");
}

static bool
any_stack(const Model *m)
{
	for (int p = 0; p < m->npages; p++)
		if (m->pages[p].nstacks > 0)
			return true;
	return false;
}

/* a stack as placed: its band, the lines left at its foot, each child's need and extra */
static void
stack_json(GString *s, const Model *m, const Page *pg, const Stack *st)
{
	g_string_append(s, "    {\"file\": ");
	json_str(s, m->file);
	g_string_append_printf(s, ", \"line\": %d, \"col\": %d, \"page\": ", st->line, st->col);
	json_str(s, pg->folio);
	g_string_append_printf(s,
	                       ", \"cols\": \"%d-%d\", \"lines\": \"%d-%d\", \"leftover\": %d"
	                       ", \"children\": [",
	                       st->cell.c0, st->cell.c1, st->cell.l0, st->cell.l1, st->leftover);
	for (int i = 0, n = 0; i < st->n; i++) {
		const Elem *e = &pg->elems[st->first + i];
		if (e->kind == EL_RULE)
			continue;
		g_string_append_printf(s, "%s{\"element\": \"%s\", \"line\": %d, \"id\": ",
		                       n++ ? ", " : "", model_elem_name(e->kind), e->line);
		json_str(s, e->story >= 0 ? m->stories[e->story].id : NULL);
		g_string_append_printf(s,
		                       ", \"cols\": \"%d-%d\", \"lines\": \"%d-%d\", \"need\": %d"
		                       ", \"extra\": %d}",
		                       e->cell.c0, e->cell.c1, e->cell.l0, e->cell.l1, e->need,
		                       e->extra);
	}
	g_string_append(s, "]}");
}

/* the photos as placed, pages in edition order, photos in document order */
static gint
photo_order(gconstpointer a, gconstpointer b)
{
	const PhotoFit *x = a, *y = b;
	if (x->page != y->page)
		return x->page < y->page ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

static void
photos_json(GString *s, const Model *m, const Flow *f)
{
	g_autoptr(GArray) sorted = g_array_copy(f->photos);
	g_array_sort(sorted, photo_order);
	for (guint i = 0; i < sorted->len; i++) {
		const PhotoFit *p = &g_array_index(sorted, PhotoFit, i);
		g_string_append(s, "    {\"file\": ");
		json_str(s, m->file);
		g_string_append_printf(s, ", \"line\": %d, \"col\": %d, \"page\": ", p->line,
		                       p->col);
		json_str(s, m->pages[p->page].folio);
		g_string_append_printf(
		    s,
		    ", \"inset\": %s, \"at_line\": %d, \"image_lines\": %d, \"caption_lines\": %d"
		    ", \"group_lines\": %d, \"empty_lines\": %d, \"moved\": \"%s\"}%s\n",
		    p->inset ? "true" : "false", p->at, p->image_lines, p->caption_lines,
		    p->group_lines, p->empty_lines, p->moved, i + 1 < sorted->len ? "," : "");
	}
}

char *
fitreport_json(const Model *m, const Flow *f, const Report *r)
{
	GString *s = g_string_new(NULL);
	g_string_append_printf(
	    s, "{\n  \"huozi_fit_report\": %d,\n  \"edition\": ", FITREPORT_VERSION);
	json_str(s, m->file);
	g_string_append(s, ",\n  \"paper\": ");
	json_str(s, m->paper);
	g_string_append(s, ",\n  \"date\": ");
	json_str(s, m->date);
	g_string_append(s, ",\n  \"pages\": [");
	for (int p = 0; p < m->npages; p++) {
		g_string_append(s, p ? ", " : "");
		json_str(s, m->pages[p].folio);
	}
	g_string_append(s, "],\n  \"page_empty_cells\": [");
	for (int p = 0; f && p < m->npages; p++)
		g_string_append_printf(s, "%s%d", p ? ", " : "", f->uncovered[p]);
	g_string_append(s, "],\n  \"stories\": [\n");
	for (int i = 0; i < m->nstories && f; i++) {
		story_json(s, m, f, i);
		g_string_append(s, i + 1 < m->nstories ? ",\n" : "\n");
	}
	g_string_append(s, "  ],\n  \"display\": [\n");
	for (guint i = 0; f && i < f->findings->len; i++) {
		finding_json(s, &g_array_index(f->findings, DisplayFinding, i));
		g_string_append(s, i + 1 < f->findings->len ? ",\n" : "\n");
	}
	g_string_append(s, "  ],\n  \"stacks\": [\n");
	for (int p = 0, n = 0; f && p < m->npages; p++)
		for (int k = 0; k < m->pages[p].nstacks; k++) {
			g_string_append(s, n++ ? ",\n" : "");
			stack_json(s, m, &m->pages[p], &m->pages[p].stacks[k]);
		}
	g_string_append(s, f && any_stack(m) ? "\n" : "");
	g_string_append(s, "  ],\n  \"photos\": [\n");
	if (f)
		photos_json(s, m, f);
	g_string_append(s, "  ],\n  \"diagnostics\": [\n");
	for (guint i = 0; i < r->diags->len; i++) {
		const Diag *d = g_ptr_array_index(r->diags, i);
		g_string_append_printf(s, "    {\"level\": \"%s\", \"kind\": \"%s\", \"file\": ",
		                       d->level == REPORT_ERROR     ? "error"
		                       : d->level == REPORT_WARNING ? "warning"
		                                                    : "note",
		                       kind_name(d->kind));
		json_str(s, d->file);
		g_string_append_printf(s, ", \"line\": %d, \"col\": %d, \"message\": ", d->line,
		                       d->col);
		json_str(s, d->msg);
		g_string_append(s, "}");
		g_string_append(s, i + 1 < r->diags->len ? ",\n" : "\n");
	}
	g_string_append(s, "  ]\n}\n");
	return g_string_free(s, FALSE);
}

bool
fitreport_write(const Model *m, const Flow *f, Report *r, const char *path, const char *shown)
{
	g_autofree char *json = fitreport_json(m, f, r);
	int err = 0, fd = tempfile_open(path, &err);
	tempfile_write(fd, json, strlen(json), &err);
	tempfile_close(fd, &err);
	if (err) {
		report_error(r, DIAG_SYSTEM, shown, 0, 0, tempfile_hint(err),
		             _("cannot write the report: %s"), g_strerror(err));
		return false;
	}
	return true;
}
