/* outintent.c - reading a layout's <output-intent>: the press's output condition, its ICC
 * profile found, read once and checked, the intent, the ink limit and the JPEG quality
 * (outintent.h). */
#include "outintent.h"
#include "i18n.h"
#include "infile.h"
#include "length.h"
#include "suggest.h"
#include <string.h>

void
outintent_init(OutIntent *o)
{
	*o = (OutIntent){.profile_as = g_strdup(COLOUR_DEFAULT_PROFILE),
	                 .condition = g_strdup(OUTINTENT_CONDITION),
	                 .registry = g_strdup(OUTINTENT_REGISTRY),
	                 .intent = COLOUR_RELATIVE,
	                 .bpc = true,
	                 .ink_limit = COLOUR_DEFAULT_INK_LIMIT,
	                 .jpeg_quality = OUTINTENT_QUALITY};
}

void
outintent_done(OutIntent *o)
{
	g_free(o->profile_as);
	g_free(o->profile);
	if (o->icc)
		g_bytes_unref(o->icc);
	g_free(o->condition);
	g_free(o->registry);
	g_free(o->info);
	*o = (OutIntent){0};
}

static void
bad_value(const DescAttr *a, const char *file, const char *hint, Report *r)
{
	report_error(r, DIAG_INPUT, file, a->vline, a->vcol, hint, _("invalid value \"%s\" for %s"),
	             report_clip(r, a->value), a->name);
}

/* name, or name.icc when name has no extension, as a regular file in folder; NULL if neither */
static char *
in_folder(const char *folder, const char *name)
{
	char *p = g_build_filename(folder, name, NULL);
	if (g_file_test(p, G_FILE_TEST_IS_REGULAR))
		return p;
	g_free(p);
	if (strchr(name, '.'))
		return NULL;
	p = g_strdup_printf("%s/%s.icc", folder, name);
	if (g_file_test(p, G_FILE_TEST_IS_REGULAR))
		return p;
	g_free(p);
	return NULL;
}

/* a bare name: beside the layout, then in each search folder and its subfolders (in name
 * order, so that the same name always finds the same file) */
static char *
search(const char *here, const char *name)
{
	static const char *const dirs[] = {OUTINTENT_SEARCH, NULL};
	char *found = in_folder(here, name);
	for (int i = 0; dirs[i] && !found; i++) {
		GDir *d = g_dir_open(dirs[i], 0, NULL);
		g_autoptr(GPtrArray) subs = g_ptr_array_new_with_free_func(g_free);
		const char *e;
		if (!(found = in_folder(dirs[i], name)) && d) {
			while ((e = g_dir_read_name(d))) {
				char *sub = g_build_filename(dirs[i], e, NULL);
				if (g_file_test(sub, G_FILE_TEST_IS_DIR))
					g_ptr_array_add(subs, sub);
				else
					g_free(sub);
			}
			g_ptr_array_sort(subs, (GCompareFunc)(void (*)(void))g_strcmp0);
		}
		if (d)
			g_dir_close(d);
		for (guint j = 0; j < subs->len && !found; j++)
			found = in_folder(g_ptr_array_index(subs, j), name);
	}
	return found;
}

/* the profile class, as messages say it */
static const char *
class_name(const guint8 *sig)
{
	static const struct {
		const char sig[5];
		const char *name;
	} names[] = {{"scnr", N_("an input (scnr)")},      {"mntr", N_("a display (mntr)")},
	             {"link", N_("a device link (link)")}, {"spac", N_("a colour space (spac)")},
	             {"abst", N_("an abstract (abst)")},   {"nmcl", N_("a named colour (nmcl)")}};
	for (gsize i = 0; i < G_N_ELEMENTS(names); i++)
		if (memcmp(sig, names[i].sig, 4) == 0)
			return _(names[i].name);
	return _("an unknown kind of");
}

/* the file's bytes are an ICC profile of an output device in CMYK, else an error at a */
static bool
check_profile(GBytes *icc, const char *path, const DescAttr *a, const char *file, Report *r)
{
	static const char *hint = N_("name the plant's CMYK output profile (an .icc file), e.g. "
	                             "default_cmyk.icc of Debian's libgs-common");
	gsize len = 0;
	const guint8 *d = g_bytes_get_data(icc, &len);
	if (len < 132 || memcmp(d + 36, "acsp", 4) != 0 || !colour_profile_opens(icc)) {
		report_error(r, DIAG_INPUT, file, a->vline, a->vcol, _(hint),
		             _("output profile %s is not an ICC profile"), path);
		return false;
	}
	if (memcmp(d + 16, "CMYK", 4) != 0) {
		char space[5] = {0};
		for (int i = 0; i < 4; i++)
			space[i] = g_ascii_isprint(d[16 + i]) ? (char)d[16 + i] : '?';
		g_strchomp(space);
		report_error(r, DIAG_INPUT, file, a->vline, a->vcol, _(hint),
		             _("output profile %s is an ICC profile of %s colour, not CMYK"), path,
		             space);
		return false;
	}
	if (memcmp(d + 12, "prtr", 4) != 0) {
		report_error(r, DIAG_INPUT, file, a->vline, a->vcol, _(hint),
		             _("output profile %s is %s profile, not an output (printer) profile"),
		             path, class_name(d + 12));
		return false;
	}
	return true;
}

static bool
read_profile(const DescAttr *a, const char *file, OutIntent *o, Report *r)
{
	g_autofree char *here = g_path_get_dirname(file), *path = NULL;
	g_autoptr(Report) tmp = report_new();
	GBytes *icc = NULL;
	if (!*a->value) {
		bad_value(a, file, _("name the plant's CMYK output profile (an .icc file)"), r);
		return false;
	}
	if (strchr(a->value, '/'))
		path = g_path_is_absolute(a->value) ? g_strdup(a->value)
		                                    : g_build_filename(here, a->value, NULL);
	else
		path = search(here, a->value);
	if (!path) {
		report_error(r, DIAG_INPUT, file, a->vline, a->vcol,
		             _("give the profile's path relative to the layout file, or install it "
		               "in /usr/share/color/icc (or a folder of it)"),
		             _("output profile \"%s\" is neither beside the layout nor in "
		               "/usr/local/share/color/icc or /usr/share/color/icc"),
		             report_clip(r, a->value));
		return false;
	}
	if (infile_read(NULL, path, path, OUTINTENT_MAX_BYTES, &icc, NULL, tmp) != INFILE_OK) {
		const Diag *why = tmp->diags->len ? g_ptr_array_index(tmp->diags, 0) : NULL;
		report_error(r, DIAG_INPUT, file, a->vline, a->vcol,
		             _("give the profile's path relative to the layout file"),
		             _("cannot read output profile %s: %s"), path, why ? why->msg : "");
		return false;
	}
	if (!check_profile(icc, path, a, file, r)) {
		g_bytes_unref(icc);
		return false;
	}
	o->icc = icc;
	o->profile = g_steal_pointer(&path);
	g_free(o->profile_as);
	o->profile_as = g_strdup(a->value);
	return true;
}

/* "240%" (or "240"): a whole percentage from 100 to 400 */
static bool
read_limit(const DescAttr *a, const char *file, int *out, Report *r)
{
	g_autofree char *v = g_strdup(a->value);
	gsize n = strlen(v);
	if (n > 0 && v[n - 1] == '%')
		v[n - 1] = 0;
	if (!length_parse_int(v, 100, 400, out)) {
		bad_value(a, file,
		          _("write the total ink the press takes, from 100% to 400%, e.g. 240%"),
		          r);
		return false;
	}
	return true;
}

bool
outintent_read(const DescNode *n, const char *file, OutIntent *o, Report *r)
{
	static const char *const known[] = {"profile",   "condition",    "registry",
	                                    "info",      "intent",       "bpc",
	                                    "ink-limit", "jpeg-quality", NULL};
	const DescAttr *profile = desc_attr(n, "profile"), *condition = desc_attr(n, "condition");
	const DescAttr *a;
	bool ok = desc_check_attrs(n, file, known, r);
	if (!profile || !condition) {
		report_error(
		    r, DIAG_INPUT, file, n->line, n->col,
		    _("e.g. <output-intent profile=\"default_cmyk.icc\" condition=\"CGATS TR "
		      "001\"/>; see docs/layouts.md"),
		    _("<output-intent> needs profile and condition"));
		return false;
	}
	o->given = true;
	ok = read_profile(profile, file, o, r) && ok;
	if (!*condition->value) {
		bad_value(
		    condition, file,
		    _("name the printing condition the profile is made for, e.g. CGATS TR 001"), r);
		ok = false;
	}
	g_free(o->condition);
	o->condition = g_strdup(condition->value);
	if ((a = desc_attr(n, "registry"))) {
		g_free(o->registry);
		o->registry = g_strdup(a->value);
	}
	if ((a = desc_attr(n, "info")) && *a->value) {
		g_free(o->info);
		o->info = g_strdup(a->value);
	}
	if ((a = desc_attr(n, "intent"))) {
		if (strcmp(a->value, "relative") == 0)
			o->intent = COLOUR_RELATIVE;
		else if (strcmp(a->value, "perceptual") == 0)
			o->intent = COLOUR_PERCEPTUAL;
		else {
			static const char *const intents[] = {"relative", "perceptual", NULL};
			g_autofree char *hint = suggest_hint(
			    a->value, intents, _("use relative (colorimetric) or perceptual"));
			bad_value(a, file, hint, r);
			ok = false;
		}
	}
	if ((a = desc_attr(n, "bpc"))) {
		if (strcmp(a->value, "yes") == 0 || strcmp(a->value, "no") == 0)
			o->bpc = strcmp(a->value, "yes") == 0;
		else {
			bad_value(a, file, _("use yes or no (black point compensation)"), r);
			ok = false;
		}
	}
	if ((a = desc_attr(n, "ink-limit")))
		ok = read_limit(a, file, &o->ink_limit, r) && ok;
	if ((a = desc_attr(n, "jpeg-quality")) &&
	    !length_parse_int(a->value, 1, 100, &o->jpeg_quality)) {
		bad_value(a, file,
		          _("write the JPEG quality of converted photos, from 1 to 100, e.g. 90"),
		          r);
		ok = false;
	}
	return ok;
}

void
outintent_dump(const OutIntent *o, GString *out)
{
	g_string_append_printf(
	    out,
	    "  output-intent%s profile=\"%s\" condition=\"%s\" registry=\"%s\" info=\"%s\" "
	    "intent=%s bpc=%s ink-limit=%d%% jpeg-quality=%d\n",
	    o->given ? "" : " (default)", o->profile_as, o->condition, o->registry,
	    o->info ? o->info : "", o->intent == COLOUR_PERCEPTUAL ? "perceptual" : "relative",
	    o->bpc ? "yes" : "no", o->ink_limit, o->jpeg_quality);
}
