/* main.c - the huozi command line: render, check, fonts, dump; exit status from the report. */
#include "config.h"
#include "fitreport.h"
#include "out.h"
#include "pipeline.h"
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_OK = 0, EXIT_STRICT = 1, EXIT_INPUT = 2, EXIT_SYSTEM = 3 };

static const char usage[] =
	"usage: huozi render EDITION.xml -o OUT.pdf [--png DIR] [--dpi N] [--pages LIST]\n"
	"                    [--report FILE.json] [--strict]\n"
	"       huozi check EDITION.xml [--strict]   lay out and print the fit report\n"
	"       huozi fonts EDITION.xml              font roles, faces, uncovered characters\n"
	"       huozi dump STAGE EDITION.xml         STAGE: desc model layout items lines flow dlist\n"
	"       huozi --help | --version\n"
	"exit status: 0 ok, 1 --strict found problems, 2 bad input, 3 system failure\n";

typedef struct {
	const char *out;
	const char *png;
	const char *report;
	const char *pages;
	double dpi;
	gboolean strict;
	gboolean version;
} Opts;

static void
print_report(const Report *r)
{
	for (guint i = 0; i < r->diags->len; i++) {
		g_autofree char *s = report_format(g_ptr_array_index(r->diags, i));
		fputs(s, stderr);
	}
}

static int
exit_status(const Report *r, bool strict)
{
	if (report_has(r, DIAG_SYSTEM, REPORT_ERROR))
		return EXIT_SYSTEM;
	if (report_has(r, DIAG_INPUT, REPORT_ERROR) || report_has(r, DIAG_FONT, REPORT_ERROR))
		return EXIT_INPUT;
	if (strict && (report_has(r, DIAG_OVERSET, REPORT_ERROR) || report_has(r, DIAG_GLYPH, REPORT_ERROR) ||
		       report_has(r, DIAG_RULE, REPORT_WARNING)))
		return EXIT_STRICT;
	return EXIT_OK;
}

/* "1,3-4" over folios or page numbers (1-based positions) -> page indexes */
static bool
parse_pages(const char *spec, const Model *m, GArray *out, Report *r)
{
	g_auto(GStrv) parts = g_strsplit(spec, ",", -1);
	for (int i = 0; parts[i]; i++) {
		int a, b;
		char extra;
		if (sscanf(parts[i], "%d-%d%c", &a, &b, &extra) == 2 ||
		    (sscanf(parts[i], "%d%c", &a, &extra) == 1 && (b = a, true))) {
			if (a < 1 || b > m->npages || a > b) {
				report_error(r, DIAG_INPUT, NULL, 0, 0, NULL,
					     "--pages %s: the edition has pages 1 to %d", parts[i], m->npages);
				return false;
			}
			for (int p = a; p <= b; p++) {
				int idx = p - 1;
				g_array_append_val(out, idx);
			}
		} else {
			report_error(r, DIAG_INPUT, NULL, 0, 0, "e.g. --pages 1,3-4", "bad --pages \"%s\"", spec);
			return false;
		}
	}
	return true;
}

static void
out_options(const Model *m, OutOptions *o, char **title, char **date)
{
	const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
	*title = g_strdup_printf("%s %s", m->paper, m->date);
	if (epoch && *epoch) {
		GDateTime *dt = g_date_time_new_from_unix_utc(g_ascii_strtoll(epoch, NULL, 10));
		*date = dt ? g_date_time_format(dt, "%Y-%m-%dT%H:%M:%SZ") : g_strdup_printf("%sT00:00:00Z", m->date);
		if (dt)
			g_date_time_unref(dt);
	} else {
		*date = g_strdup_printf("%sT00:00:00Z", m->date);
	}
	o->title = *title;
	o->subject = *title;
	o->creator = "huozi " HUOZI_VERSION;
	o->date = *date;
}

static void
print_summary(const Pipeline *p)
{
	int overset = 0;
	for (int i = 0; i < p->flow->nfits; i++)
		overset += p->flow->fits[i].overset_lines > 0;
	fprintf(stderr, "huozi: %d pages, %d stories, %d overset\n", p->model->npages,
		p->model->nstories, overset);
}

static int
cmd_render(const char *edition, const Opts *o, bool write)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Pipeline) p = pipeline_run(edition, fonts_default_conf(), STAGE_DLIST, r);
	g_autofree char *title = NULL, *date = NULL;
	GArray *pages = g_array_new(FALSE, FALSE, sizeof(int));
	OutOptions oo = {0};
	int status;

	if (p && o->pages && !parse_pages(o->pages, p->model, pages, r))
		g_clear_pointer(&p, pipeline_free);
	if (p && write) {
		out_options(p->model, &oo, &title, &date);
		if (o->pages) {
			oo.pages = (const int *)pages->data;
			oo.npages = (int)pages->len;
		}
		if (o->out && !report_has(r, DIAG_INPUT, REPORT_ERROR))
			out_pdf(p->dlist, &oo, o->out, r);
		if (o->png && !report_has(r, DIAG_INPUT, REPORT_ERROR))
			out_png(p->dlist, &oo, o->png, o->dpi > 0 ? o->dpi : 100, r);
	}
	if (p && o->report && !fitreport_write(p->model, p->flow, r, o->report))
		report_error(r, DIAG_SYSTEM, o->report, 0, 0, NULL, "cannot write the report");
	print_report(r);
	if (p)
		print_summary(p);
	g_array_free(pages, TRUE);
	status = exit_status(r, o->strict);
	if (status == EXIT_OK && write && o->out)
		printf("%s\n", o->out);
	return status;
}

static int
cmd_fonts(const char *edition)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Pipeline) p = pipeline_run(edition, fonts_default_conf(), STAGE_FLOW, r);
	if (p) {
		printf("fontconfig: %s\n", p->fonts->conf_file);
		for (int role = 0; role < ROLE_COUNT; role++)
			for (int bold = 0; bold <= 1; bold++) {
				Style s = {.role = (FontRole)role, .bold = bold, .size = 10 * LEN_PER_PT};
				PangoFontDescription *d = fonts_describe(p->fonts, &s);
				PangoFont *f = pango_font_map_load_font(p->fonts->map, p->fonts->ctx, d);
				g_autofree char *name = fonts_face_name(f), *file = fonts_face_file(f);
				printf("%-9s %-7s %-32s %s\n", style_role_name((FontRole)role),
				       bold ? "bold" : "regular", name, file);
				g_object_unref(f);
				pango_font_description_free(d);
			}
		for (guint i = 0; i < r->diags->len; i++) {
			const Diag *dg = g_ptr_array_index(r->diags, i);
			if (dg->kind == DIAG_GLYPH) {
				g_autofree char *s = report_format(dg);
				printf("uncovered: %s", s);
			}
		}
	}
	if (!p)
		print_report(r);
	return exit_status(r, false);
}

static int
cmd_dump(const char *stage, const char *edition)
{
	g_autoptr(Report) r = report_new();
	GString *out = g_string_new(NULL);
	int status;

	if (strcmp(stage, "desc") == 0) {
		g_autoptr(Desc) d = desc_load(edition, r);
		if (d)
			desc_dump(d, out);
	} else if (strcmp(stage, "model") == 0 || strcmp(stage, "layout") == 0) {
		g_autoptr(Pipeline) p = pipeline_run(edition, NULL, STAGE_MODEL, r);
		if (p && strcmp(stage, "model") == 0)
			model_dump(p->model, out);
		else if (p)
			layout_dump(p->model->layout, out);
	} else if (strcmp(stage, "items") == 0 || strcmp(stage, "lines") == 0 ||
		   strcmp(stage, "flow") == 0) {
		g_autoptr(Pipeline) p = pipeline_run(edition, fonts_default_conf(), STAGE_FLOW, r);
		for (guint i = 0; p && strcmp(stage, "flow") != 0 && i < p->flow->paras->len; i++) {
			const FlowPara *fp = g_ptr_array_index(p->flow->paras, i);
			g_string_append_printf(out, "para %u style=%s story=%d para=%d\n", i, fp->style->name,
					       fp->story, fp->para);
			if (strcmp(stage, "items") == 0) {
				items_dump(fp->items, out);
			} else {
				int *st = g_new(int, fp->items->n + 1), *ln = g_new(int, fp->items->n + 1);
				for (int k = 0; k < fp->items->n; k++) {
					st[k] = fp->items->cl[k].start;
					ln[k] = fp->items->cl[k].len;
				}
				lines_dump(fp->lines, fp->items->text, st, ln, out);
				g_free(st);
				g_free(ln);
			}
		}
		if (p && strcmp(stage, "flow") == 0)
			flow_dump(p->flow, p->model, out);
	} else if (strcmp(stage, "dlist") == 0) {
		g_autoptr(Pipeline) p = pipeline_run(edition, fonts_default_conf(), STAGE_DLIST, r);
		if (p)
			dlist_dump(p->dlist, out);
	} else {
		fprintf(stderr, "huozi: unknown stage \"%s\"\n%s", stage, usage);
		g_string_free(out, TRUE);
		return EXIT_INPUT;
	}
	fputs(out->str, stdout);
	g_string_free(out, TRUE);
	print_report(r);
	status = exit_status(r, false);
	return status;
}

int
main(int argc, char **argv)
{
	Opts o = {0};
	GOptionEntry entries[] = {
		{"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.out, "write the edition to this PDF", "OUT.pdf"},
		{"png", 0, 0, G_OPTION_ARG_FILENAME, &o.png, "write a PNG proof of each page into DIR", "DIR"},
		{"dpi", 0, 0, G_OPTION_ARG_DOUBLE, &o.dpi, "resolution of the PNG proofs (default 100)", "N"},
		{"pages", 0, 0, G_OPTION_ARG_STRING, &o.pages, "only these pages, e.g. 1,3-4", "LIST"},
		{"report", 0, 0, G_OPTION_ARG_FILENAME, &o.report, "write the fit report as JSON", "FILE"},
		{"strict", 0, 0, G_OPTION_ARG_NONE, &o.strict, "overset, missing glyphs and forced breaks fail (exit 1)", NULL},
		{"version", 0, 0, G_OPTION_ARG_NONE, &o.version, "print the version", NULL},
		{NULL}};
	GOptionContext *ctx;
	GError *err = NULL;
	int status;

	setlocale(LC_ALL, "");
	ctx = g_option_context_new("COMMAND EDITION.xml");
	g_option_context_set_summary(ctx, usage);
	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!g_option_context_parse(ctx, &argc, &argv, &err)) {
		fprintf(stderr, "huozi: %s\n%s", err->message, usage);
		g_error_free(err);
		g_option_context_free(ctx);
		return EXIT_INPUT;
	}
	g_option_context_free(ctx);
	if (o.version) {
		printf("huozi %s\n", HUOZI_VERSION);
		return EXIT_OK;
	}
	if (o.dpi < 0 || o.dpi > 2400) {
		fprintf(stderr, "huozi: --dpi must be between 1 and 2400\n");
		return EXIT_INPUT;
	}
	if (argc == 3 && strcmp(argv[1], "render") == 0) {
		if (!o.out && !o.png && !o.report) {
			fprintf(stderr, "huozi: render needs -o OUT.pdf, --png DIR or --report FILE\n%s", usage);
			return EXIT_INPUT;
		}
		status = cmd_render(argv[2], &o, true);
	} else if (argc == 3 && strcmp(argv[1], "check") == 0) {
		status = cmd_render(argv[2], &o, false);
	} else if (argc == 3 && strcmp(argv[1], "fonts") == 0) {
		status = cmd_fonts(argv[2]);
	} else if (argc == 4 && strcmp(argv[1], "dump") == 0) {
		status = cmd_dump(argv[2], argv[3]);
	} else {
		fputs(usage, stderr);
		status = EXIT_INPUT;
	}
	g_free((char *)o.out);
	g_free((char *)o.png);
	g_free((char *)o.report);
	g_free((char *)o.pages);
	return status;
}
