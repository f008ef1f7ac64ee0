/* test_outintent.c - outintent.c: the defaults, where a profile named by a bare name is found
 * (beside the layout first, .icc added), what is checked in it, and the values read. */
#include "outintent.h"
#include "unit.h"

#define GS_ICC "/usr/share/color/icc/ghostscript/"

/* <output-intent ATTRS/> read as if from the layout dir/l.xml */
static bool
read_in(const char *dir, const char *attrs, OutIntent *o, Report *r)
{
	g_autofree char *file = g_build_filename(dir, "l.xml", NULL);
	g_autofree char *xml = g_strdup_printf("<output-intent %s/>", attrs);
	Desc *d = desc_parse(file, xml, -1, r);
	bool ok;
	ck_assert(d != NULL);
	outintent_init(o);
	ok = outintent_read(d->root, file, o, r);
	desc_free(d);
	return ok;
}

static GBytes *
file_bytes(const char *path)
{
	gchar *data = NULL;
	gsize len = 0;
	ck_assert(g_file_get_contents(path, &data, &len, NULL));
	return g_bytes_new_take(data, len);
}

START_TEST(test_defaults)
{
	OutIntent o;
	GString *s = g_string_new(NULL);
	outintent_init(&o);
	ck_assert(!o.given && !o.icc && !o.info);
	ck_assert_str_eq(o.condition, "CGATS TR 001");
	ck_assert_int_eq(o.ink_limit, 240);
	ck_assert_int_eq(o.jpeg_quality, 90);
	ck_assert(o.intent == COLOUR_RELATIVE && o.bpc);
	outintent_dump(&o, s);
	ck_assert_str_eq(s->str, "  output-intent (default) profile=\"" GS_ICC "default_cmyk.icc\" "
	                         "condition=\"CGATS TR 001\" registry=\"http://www.color.org\" "
	                         "info=\"\" intent=relative bpc=yes ink-limit=240% "
	                         "jpeg-quality=90\n");
	g_string_free(s, TRUE);
	outintent_done(&o);
}
END_TEST

START_TEST(test_beside_the_layout_first)
{
	/* a CMYK profile beside the layout named like Ghostscript's: the one beside wins */
	g_autofree char *dir = unit_tmpdir(),
	                *beside = g_build_filename(dir, "default_cmyk.icc", NULL);
	g_autoptr(GBytes) ps = file_bytes(GS_ICC "ps_cmyk.icc");
	Report *r = report_new();
	OutIntent o;
	ck_assert(g_file_set_contents(beside, g_bytes_get_data(ps, NULL),
	                              (gssize)g_bytes_get_size(ps), NULL));
	ck_assert(read_in(dir, "profile=\"default_cmyk.icc\" condition=\"c\"", &o, r));
	ck_assert_str_eq(o.profile, beside);
	ck_assert(g_bytes_equal(o.icc, ps));
	outintent_done(&o);
	/* not beside: the search path, .icc added to a name without one */
	ck_assert(read_in(dir,
	                  "profile=\"ps_cmyk\" condition=\"c\" ink-limit=\"300\" "
	                  "intent=\"perceptual\" bpc=\"no\" jpeg-quality=\"75\" info=\"i\" "
	                  "registry=\"r\"",
	                  &o, r));
	ck_assert_str_eq(o.profile, GS_ICC "ps_cmyk.icc");
	ck_assert_int_eq(o.ink_limit, 300);
	ck_assert_int_eq(o.jpeg_quality, 75);
	ck_assert(o.intent == COLOUR_PERCEPTUAL && !o.bpc && o.given);
	ck_assert_str_eq(o.info, "i");
	ck_assert_str_eq(o.registry, "r");
	outintent_done(&o);
	ck_assert_int_eq(r->diags->len, 0);
	report_free(r);
	unit_rmtree(dir);
}
END_TEST

START_TEST(test_profile_checked)
{
	/* Ghostscript's CMYK profile with its class made a display's: refused by class */
	g_autofree char *dir = unit_tmpdir(), *p = g_build_filename(dir, "mntr.icc", NULL);
	g_autoptr(GBytes) cmyk = file_bytes(GS_ICC "default_cmyk.icc");
	gsize len = 0;
	guint8 *data = g_memdup2(g_bytes_get_data(cmyk, &len), g_bytes_get_size(cmyk));
	Report *r = report_new();
	OutIntent o;
	memcpy(data + 12, "mntr", 4);
	ck_assert(g_file_set_contents(p, (const char *)data, (gssize)len, NULL));
	ck_assert(!read_in(dir, "profile=\"mntr.icc\" condition=\"c\"", &o, r));
	ck_assert(unit_find(r, REPORT_ERROR, "is a display (mntr) profile, not an output"));
	outintent_done(&o);
	/* Ghostscript's Lab profile (a colour space profile) is found by name and refused too */
	ck_assert(!read_in(dir, "profile=\"lab\" condition=\"c\"", &o, r));
	ck_assert(unit_find(r, REPORT_ERROR, "is an ICC profile of Lab colour, not CMYK"));
	outintent_done(&o);
	/* a relative path that is not there */
	ck_assert(!read_in(dir, "profile=\"icc/none.icc\" condition=\"c\"", &o, r));
	ck_assert(unit_find(r, REPORT_ERROR, "cannot read output profile"));
	outintent_done(&o);
	/* values */
	ck_assert(!read_in(dir, "profile=\"ps_cmyk\" condition=\"\" ink-limit=\"99%\"", &o, r));
	ck_assert(unit_find(r, REPORT_ERROR, "invalid value \"\" for condition"));
	ck_assert(unit_find(r, REPORT_ERROR, "invalid value \"99%\" for ink-limit"));
	outintent_done(&o);
	g_free(data);
	report_free(r);
	unit_rmtree(dir);
}
END_TEST

static Suite *
outintent_suite(void)
{
	Suite *s = suite_create("outintent");
	TCase *tc = tcase_create("outintent");
	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_beside_the_layout_first);
	tcase_add_test(tc, test_profile_checked);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(outintent_suite());
}
