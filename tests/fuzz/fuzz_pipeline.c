/* fuzz_pipeline.c - libFuzzer target: the whole pipeline up to the display list. The input is
 * a page description, written as edition.xml into a private temporary folder that also holds
 * what it may name: layout.xml (a copy of layouts/broadsheet.xml), story.txt (a small story,
 * also usable as a notice) and photo.png (16 x 12 pixels), all made in LLVMFuzzerInitialize.
 * pipeline_run(edition.xml, fonts conf, STAGE_DLIST) then runs model -> fonts -> flow -> dlist;
 * nothing is written (no PDF, no PNG), and everything is freed. */
#include "fuzz_common.h"
#include "pipeline.h"
#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>

static const char story_txt[] =
    "栏目: 看发展\n"
    "引题: 历时三年攻坚 全长4.13公里\n"
    "headline: 江城长江三桥 主桥顺利合龙\n"
    "subhead: ——预计2027年6月建成通车\n"
    "byline: 本报讯(记者/王娜)\n"
    "\n"
    "11月27日10:00,随着最后一节钢箱梁精准就位,江城长江三桥主桥顺利合龙。\n"
    "这标志着全长4.13公里的过江通道(RCEP)全面进入桥面施工阶段。\n"
    "\n"
    "## 小标题 一\n"
    "\n"
    "【理】\n"
    "\n"
    "总投资635.68亿元,PM2.5下降8.8%;Yangtze\n"
    "River Bridge,“合龙就像‘穿针引线’,差一点都不行！”……——\n";

/* an edition that must lay out without input errors: checks the harness is up to date */
static const char selfcheck_xml[] =
    "<edition paper=\"江城日报\" paper-latin=\"JIANGCHENG DAILY\" date=\"2026-11-28\"\n"
    "         issue=\"第18254期\" layout=\"layout.xml\">\n"
    "  <page folio=\"01\" section=\"要闻\">\n"
    "    <masthead cols=\"1-8\" lines=\"1-9\"/>\n"
    "    <story id=\"a\" src=\"story.txt\" cols=\"1-3\" lines=\"10-20\"/>\n"
    "    <photo src=\"photo.png\" cols=\"4-8\" lines=\"10-30\" fit=\"fill\" caption=\"图说\" "
    "credit=\"摄\"/>\n"
    "    <notice src=\"story.txt\" cols=\"1-2\" lines=\"21-60\"/>\n"
    "    <ad cols=\"3-8\" lines=\"31-32\" text=\"广告接待热线 28835396\"/>\n"
    "    <rule at-col=\"3\" lines=\"10-20\" weight=\"0.2mm\"/>\n"
    "    <rule cols=\"1-8\" at-line=\"32\" style=\"thick-thin\"/>\n"
    "  </page>\n"
    "  <page folio=\"02\" section=\"综合\" editor=\"周明\" designer=\"陈静\" "
    "proofreader=\"刘洋\">\n"
    "    <jump story=\"a\" cols=\"1-2\" lines=\"1-40\"/>\n"
    "  </page>\n"
    "</edition>\n";

static char *edition;

static Pipeline *
run(const char *path, Report *r)
{
	/* API changed by the maintainer: options struct (fonts_conf, last, proof, allow_outside) */
	PipelineOptions o = {.fonts_conf = fuzz_fonts_conf(), .last = STAGE_DLIST};
	return pipeline_run(path, &o, r);
}

static void
copy_layout(void)
{
	g_autofree char *data = NULL;
	gsize len = 0;
	GError *err = NULL;

	if (!g_file_get_contents(HUOZI_SOURCE_ROOT "/layouts/broadsheet.xml", &data, &len, &err)) {
		fprintf(stderr, "fuzz_pipeline: %s\n", err->message);
		abort();
	}
	g_free(fuzz_write("layout.xml", data, len));
}

static void
make_png(void)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 16, 12);
	cairo_t *cr = cairo_create(s);
	g_autofree char *path = g_build_filename(fuzz_tmpdir(), "photo.png", NULL);

	cairo_set_source_rgb(cr, 0.2, 0.4, 0.6);
	cairo_paint(cr);
	cairo_destroy(cr);
	if (cairo_surface_write_to_png(s, path) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "fuzz_pipeline: cannot write %s\n", path);
		abort();
	}
	cairo_surface_destroy(s);
}

static void
selfcheck(void)
{
	Report *r = report_new();
	Pipeline *p = run(edition, r);
	bool bad = !p || report_has(r, DIAG_INPUT, REPORT_ERROR) ||
	           report_has(r, DIAG_SYSTEM, REPORT_ERROR) ||
	           report_has(r, DIAG_FONT, REPORT_ERROR);

	if (bad) {
		fprintf(stderr, "fuzz_pipeline: the built-in edition does not lay out; the harness "
		                "(tests/fuzz/fuzz_pipeline.c) is out of date with the engine:\n");
		for (guint i = 0; i < r->diags->len; i++) {
			g_autofree char *s = report_format(g_ptr_array_index(r->diags, i));
			fputs(s, stderr);
		}
		abort();
	}
	pipeline_free(p);
	report_free(r);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_glib_setup();
	copy_layout();
	g_free(fuzz_write("story.txt", story_txt, sizeof story_txt - 1));
	make_png();
	edition = fuzz_write("edition.xml", selfcheck_xml, sizeof selfcheck_xml - 1);
	selfcheck();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Report *r = report_new();
	Pipeline *p;

	g_free(fuzz_write("edition.xml", data, size));
	p = run(edition, r);
	pipeline_free(p);
	fuzz_report_done(r);
	return 0;
}
