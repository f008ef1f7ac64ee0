/* adcheck.c - the preflight of a PDF ad's page: a walk of its content streams (colour
 * operators, the transformation at each image), its resources (fonts, colour spaces, images,
 * shadings) and its forms, as a newspaper plant's preflight checks an incoming ad.
 *
 * The content is read with a small tokenizer of its own (numbers, names, strings, arrays and
 * dictionaries as operands, inline images skipped); the walk is bounded: forms nested at most
 * ADCHECK_MAX_DEPTH deep, at most ADCHECK_MAX_USES form or image uses, at most
 * ADCHECK_MAX_CONTENT bytes of content in all, so that a hostile file cannot make it slow. */
#include "adcheck.h"
#include "i18n.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ADCHECK_MAX_DEPTH   8
#define ADCHECK_MAX_USES    4096
#define ADCHECK_MAX_CONTENT (64 * 1024 * 1024)
#define ADCHECK_MAX_GSTATE  64 /* q nesting tracked; deeper q/Q pairs share the last state */
#define ADCHECK_MAX_PIXELS  (16 * 1024 * 1024) /* CMYK images decoded for their ink */

typedef enum { CS_OTHER, CS_GRAY, CS_RGB, CS_CMYK } CsKind;

typedef struct {
	double ctm[6];
	CsKind fill, stroke;
} GState;

typedef struct {
	qpdf_data q;
	AdFindings *f;
	int uses;
	gsize content;
	GHashTable *fonts_seen;  /* object ids of font dictionaries checked */
	GHashTable *images_seen; /* object ids of images whose colours were checked */
} Walk;

void
adcheck_findings_init(AdFindings *f)
{
	memset(f, 0, sizeof *f);
	f->unembedded = g_ptr_array_new_with_free_func(g_free);
}

void
adcheck_findings_done(AdFindings *f)
{
	g_free(f->min_ppi_image);
	g_ptr_array_unref(f->unembedded);
}

static void
found_rgb(AdFindings *f, const char *what)
{
	if (!f->rgb)
		f->rgb_what = what;
	f->rgb = true;
}

static void
found_ink(AdFindings *f, double sum)
{
	int pct = (int)lround(sum * 100);
	if (pct > f->max_ink)
		f->max_ink = pct;
}

static bool
name_is(qpdf_data q, qpdf_oh o, const char *name)
{
	return qpdf_oh_is_name_and_equals(q, o, name);
}

/* the kind of a colour space object (a name or an array), RGB ones reported; resources to look
 * names up in */
static CsKind
classify(Walk *w, qpdf_oh cs, qpdf_oh res, int depth)
{
	qpdf_data q = w->q;
	qpdf_oh head;
	if (depth > 4)
		return CS_OTHER;
	if (qpdf_oh_is_name(q, cs)) {
		const char *n = qpdf_oh_get_name(q, cs);
		if (!strcmp(n, "/DeviceRGB") || !strcmp(n, "/RGB")) {
			found_rgb(w->f, "DeviceRGB");
			return CS_RGB;
		}
		if (!strcmp(n, "/DeviceCMYK") || !strcmp(n, "/CMYK"))
			return CS_CMYK;
		if (!strcmp(n, "/DeviceGray") || !strcmp(n, "/G"))
			return CS_GRAY;
		if (!strcmp(n, "/Pattern"))
			return CS_OTHER;
		/* a name of the resources' /ColorSpace */
		if (qpdf_oh_is_dictionary(q, res)) {
			qpdf_oh d = qpdf_oh_get_key(q, res, "/ColorSpace");
			if (qpdf_oh_is_dictionary(q, d) && qpdf_oh_has_key(q, d, n))
				return classify(w, qpdf_oh_get_key(q, d, n), qpdf_oh_new_null(q),
				                depth + 1);
		}
		return CS_OTHER;
	}
	if (!qpdf_oh_is_array(q, cs) || qpdf_oh_get_array_n_items(q, cs) < 1)
		return CS_OTHER;
	head = qpdf_oh_get_array_item(q, cs, 0);
	if (name_is(q, head, "/CalRGB")) {
		found_rgb(w->f, "CalRGB");
		return CS_RGB;
	}
	if (name_is(q, head, "/CalCMYK"))
		return CS_CMYK;
	if (name_is(q, head, "/CalGray"))
		return CS_GRAY;
	if (name_is(q, head, "/ICCBased")) {
		qpdf_oh s = qpdf_oh_get_array_item(q, cs, 1);
		qpdf_oh n = qpdf_oh_is_stream(q, s)
		                ? qpdf_oh_get_key(q, qpdf_oh_get_dict(q, s), "/N")
		                : qpdf_oh_new_null(q);
		long long comps = qpdf_oh_is_integer(q, n) ? qpdf_oh_get_int_value(q, n) : 0;
		if (comps == 3) {
			found_rgb(w->f, "ICCBased RGB");
			return CS_RGB;
		}
		return comps == 4 ? CS_CMYK : comps == 1 ? CS_GRAY : CS_OTHER;
	}
	if (name_is(q, head, "/Indexed") || name_is(q, head, "/I")) /* its base */
		classify(w, qpdf_oh_get_array_item(q, cs, 1), res, depth + 1);
	else if (name_is(q, head, "/Separation") || name_is(q, head, "/DeviceN")) /* alternate */
		classify(w, qpdf_oh_get_array_item(q, cs, 2), res, depth + 1);
	else if (name_is(q, head, "/Pattern") && qpdf_oh_get_array_n_items(q, cs) > 1)
		classify(w, qpdf_oh_get_array_item(q, cs, 1), res, depth + 1);
	return CS_OTHER;
}

static bool
font_embedded(qpdf_data q, qpdf_oh font)
{
	qpdf_oh sub = qpdf_oh_get_key(q, font, "/Subtype"), fd;
	if (name_is(q, sub, "/Type3"))
		return true; /* its glyphs are content streams of the file */
	if (name_is(q, sub, "/Type0")) {
		qpdf_oh desc = qpdf_oh_get_key(q, font, "/DescendantFonts");
		if (!qpdf_oh_is_array(q, desc) || qpdf_oh_get_array_n_items(q, desc) < 1)
			return false;
		font = qpdf_oh_get_array_item(q, desc, 0);
		if (!qpdf_oh_is_dictionary(q, font))
			return false;
	}
	fd = qpdf_oh_get_key(q, font, "/FontDescriptor");
	return qpdf_oh_is_dictionary(q, fd) &&
	       (qpdf_oh_is_stream(q, qpdf_oh_get_key(q, fd, "/FontFile")) ||
	        qpdf_oh_is_stream(q, qpdf_oh_get_key(q, fd, "/FontFile2")) ||
	        qpdf_oh_is_stream(q, qpdf_oh_get_key(q, fd, "/FontFile3")));
}

/* the fonts, colour spaces and shadings of a resource dictionary */
static void
check_resources(Walk *w, qpdf_oh res)
{
	qpdf_data q = w->q;
	static const char *const kinds[] = {"/Font", "/ColorSpace", "/Shading"};
	if (!qpdf_oh_is_dictionary(q, res))
		return;
	for (int k = 0; k < 3; k++) {
		qpdf_oh d = qpdf_oh_get_key(q, res, kinds[k]);
		g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func(g_free);
		if (!qpdf_oh_is_dictionary(q, d))
			continue;
		qpdf_oh_begin_dict_key_iter(q, d);
		while (qpdf_oh_dict_more_keys(q) && keys->len < ADCHECK_MAX_USES)
			g_ptr_array_add(keys, g_strdup(qpdf_oh_dict_next_key(q)));
		for (guint i = 0; i < keys->len; i++) {
			qpdf_oh v = qpdf_oh_get_key(q, d, g_ptr_array_index(keys, i));
			int id = qpdf_oh_get_object_id(q, v);
			if (k == 0) {
				const char *base;
				if (!qpdf_oh_is_dictionary(q, v) ||
				    (id && !g_hash_table_add(w->fonts_seen, GINT_TO_POINTER(id))) ||
				    font_embedded(q, v))
					continue;
				base =
				    qpdf_oh_is_name(q, qpdf_oh_get_key(q, v, "/BaseFont"))
				        ? qpdf_oh_get_name(q, qpdf_oh_get_key(q, v, "/BaseFont")) +
				              1
				        : (const char *)g_ptr_array_index(keys, i) + 1;
				bool known = false;
				for (guint j = 0; j < w->f->unembedded->len; j++)
					known =
					    known ||
					    !strcmp(g_ptr_array_index(w->f->unembedded, j), base);
				if (!known)
					g_ptr_array_add(w->f->unembedded, g_strdup(base));
			} else if (k == 1) {
				classify(w, v, qpdf_oh_new_null(q), 0);
			} else {
				qpdf_oh sd = qpdf_oh_is_stream(q, v) ? qpdf_oh_get_dict(q, v) : v;
				if (qpdf_oh_is_dictionary(q, sd))
					classify(w, qpdf_oh_get_key(q, sd, "/ColorSpace"), res, 0);
			}
		}
	}
}

static void
mat_mul(const double m[6], const double ctm[6], double out[6])
{
	double r[6] = {
	    m[0] * ctm[0] + m[1] * ctm[2],          m[0] * ctm[1] + m[1] * ctm[3],
	    m[2] * ctm[0] + m[3] * ctm[2],          m[2] * ctm[1] + m[3] * ctm[3],
	    m[4] * ctm[0] + m[5] * ctm[2] + ctm[4], m[4] * ctm[1] + m[5] * ctm[3] + ctm[5]};
	memcpy(out, r, sizeof r);
}

/* an image of w x h pixels drawn at ctm (the unit square): its resolution on the page */
static void
image_ppi(Walk *w, double pw, double ph, const double ctm[6], const char *name)
{
	double sx = hypot(ctm[0], ctm[1]), sy = hypot(ctm[2], ctm[3]);
	int ppi;
	if (sx < 0.01 || sy < 0.01 || pw < 1 || ph < 1)
		return;
	ppi = (int)floor(MIN(pw / (sx / 72), ph / (sy / 72)));
	if (w->f->min_ppi == 0 || ppi < w->f->min_ppi) {
		w->f->min_ppi = MAX(ppi, 1);
		g_free(w->f->min_ppi_image);
		w->f->min_ppi_image = g_strdup(name);
	}
}

/* the image's JPEG (its only filter DCTDecode) says in its frame header the size its
 * dictionary does, so that decoding it costs what /Width and /Height allow and no more; an
 * image with DCTDecode among other filters is not decoded at all (false) */
static bool
jpeg_size_agrees(qpdf_data q, qpdf_oh img, qpdf_oh dict, double pw, double ph)
{
	qpdf_oh f = qpdf_oh_get_key(q, dict, "/Filter");
	unsigned char *d = NULL;
	size_t len = 0, i = 2;
	bool ok = false;
	if (qpdf_oh_is_array(q, f) && qpdf_oh_get_array_n_items(q, f) == 1)
		f = qpdf_oh_get_array_item(q, f, 0);
	if (!name_is(q, f, "/DCTDecode")) { /* no JPEG, or one behind another filter */
		if (!qpdf_oh_is_array(q, f))
			return true;
		for (int k = 0; k < qpdf_oh_get_array_n_items(q, f); k++)
			if (name_is(q, qpdf_oh_get_array_item(q, f, k), "/DCTDecode"))
				return false;
		return true;
	}
	if (qpdf_oh_get_stream_data(q, img, qpdf_dl_none, NULL, &d, &len) & QPDF_ERRORS)
		len = 0;
	while (len >= 4 && d[0] == 0xFF && d[1] == 0xD8 && i + 9 <= len && d[i] == 0xFF) {
		unsigned m = d[i + 1], seg = (unsigned)d[i + 2] << 8 | d[i + 3];
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
			unsigned h = (unsigned)d[i + 5] << 8 | d[i + 6],
			         w = (unsigned)d[i + 7] << 8 | d[i + 8];
			ok = w == (unsigned)pw && h == (unsigned)ph;
			break;
		}
		if (m == 0xDA || seg < 2)
			break;
		i += 2 + seg;
	}
	free(d);
	return ok;
}

/* the most ink of an 8-bit CMYK image, as a PDF reader prints it: its samples decoded (Flate,
 * LZW, run length, JPEG) and its /Decode applied. A JPEG with Adobe's marker stores inverted
 * samples; poppler and Ghostscript follow /Decode, not the marker, so neither is this. */
static void
image_ink(Walk *w, qpdf_oh img, qpdf_oh dict, double pw, double ph)
{
	qpdf_data q = w->q;
	unsigned char *data = NULL;
	size_t len = 0;
	QPDF_BOOL filtered = QPDF_FALSE;
	qpdf_oh bpc = qpdf_oh_get_key(q, dict, "/BitsPerComponent");
	qpdf_oh dec = qpdf_oh_get_key(q, dict, "/Decode");
	double lo[4] = {0, 0, 0, 0}, hi[4] = {1, 1, 1, 1};
	int best = 0;
	if (!qpdf_oh_is_integer(q, bpc) || qpdf_oh_get_int_value(q, bpc) != 8 ||
	    pw * ph > ADCHECK_MAX_PIXELS)
		return;
	if (qpdf_oh_is_array(q, dec)) {
		if (qpdf_oh_get_array_n_items(q, dec) != 8)
			return;
		for (int i = 0; i < 8; i++) {
			qpdf_oh v = qpdf_oh_get_array_item(q, dec, i);
			if (!qpdf_oh_is_number(q, v))
				return;
			(i % 2 ? hi : lo)[i / 2] = CLAMP(qpdf_oh_get_numeric_value(q, v), 0, 1);
		}
	}
	if (!jpeg_size_agrees(q, img, dict, pw, ph))
		return;
	if ((qpdf_oh_get_stream_data(q, img, qpdf_dl_all, &filtered, &data, &len) & QPDF_ERRORS) ||
	    !filtered) {
		free(data);
		return;
	}
	for (size_t i = 0; i + 4 <= len && i + 4 <= (size_t)(pw * ph * 4); i += 4) {
		double s = 0;
		for (int k = 0; k < 4; k++)
			s += lo[k] + data[i + k] / 255.0 * (hi[k] - lo[k]);
		best = MAX(best, (int)lround(s * 255));
	}
	free(data);
	found_ink(w->f, best / 255.0);
}

static void walk_content(Walk *w, const char *d, gsize len, qpdf_oh res, const double ctm[6],
                         int depth);

static void
do_xobject(Walk *w, const char *name, qpdf_oh res, const GState *gs, int depth)
{
	qpdf_data q = w->q;
	qpdf_oh xd = qpdf_oh_is_dictionary(q, res) ? qpdf_oh_get_key(q, res, "/XObject")
	                                           : qpdf_oh_new_null(q);
	qpdf_oh x, dict, sub;
	if (!qpdf_oh_is_dictionary(q, xd) || !qpdf_oh_has_key(q, xd, name) ||
	    ++w->uses > ADCHECK_MAX_USES)
		return;
	x = qpdf_oh_get_key(q, xd, name);
	if (!qpdf_oh_is_stream(q, x))
		return;
	dict = qpdf_oh_get_dict(q, x);
	sub = qpdf_oh_get_key(q, dict, "/Subtype");
	if (name_is(q, sub, "/Image")) {
		qpdf_oh wo = qpdf_oh_get_key(q, dict, "/Width"),
		        ho = qpdf_oh_get_key(q, dict, "/Height");
		double pw = qpdf_oh_is_number(q, wo) ? qpdf_oh_get_numeric_value(q, wo) : 0;
		double ph = qpdf_oh_is_number(q, ho) ? qpdf_oh_get_numeric_value(q, ho) : 0;
		int id = qpdf_oh_get_object_id(q, x);
		image_ppi(w, pw, ph, gs->ctm, name + 1);
		if (id && !g_hash_table_add(w->images_seen, GINT_TO_POINTER(id)))
			return;
		if (!qpdf_oh_is_bool(q, qpdf_oh_get_key(q, dict, "/ImageMask")) ||
		    !qpdf_oh_get_bool_value(q, qpdf_oh_get_key(q, dict, "/ImageMask"))) {
			if (classify(w, qpdf_oh_get_key(q, dict, "/ColorSpace"), res, 0) == CS_CMYK)
				image_ink(w, x, dict, pw, ph);
		}
	} else if (name_is(q, sub, "/Form") && depth < ADCHECK_MAX_DEPTH) {
		qpdf_oh m = qpdf_oh_get_key(q, dict, "/Matrix"), fres;
		double fm[6] = {1, 0, 0, 1, 0, 0}, ctm[6];
		unsigned char *data = NULL;
		size_t len = 0;
		QPDF_BOOL filtered = QPDF_FALSE;
		if (qpdf_oh_is_array(q, m) && qpdf_oh_get_array_n_items(q, m) == 6)
			for (int i = 0; i < 6; i++) {
				qpdf_oh v = qpdf_oh_get_array_item(q, m, i);
				fm[i] = qpdf_oh_is_number(q, v) ? qpdf_oh_get_numeric_value(q, v)
				                                : fm[i];
			}
		mat_mul(fm, gs->ctm, ctm);
		fres = qpdf_oh_get_key(q, dict, "/Resources");
		if (!qpdf_oh_is_dictionary(q, fres))
			fres = res; /* a form without resources uses its page's */
		check_resources(w, fres);
		if ((qpdf_oh_get_stream_data(q, x, qpdf_dl_generalized, &filtered, &data, &len) &
		     QPDF_ERRORS) ||
		    !filtered || w->content + len > ADCHECK_MAX_CONTENT) {
			free(data);
			return;
		}
		w->content += len;
		walk_content(w, (const char *)data, len, fres, ctm, depth + 1);
		free(data);
	}
}

/* PDF's white-space and delimiter characters (ISO 32000-1, 7.2.2) */
static bool
is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static bool
is_delim(char c)
{
	return c != '\0' && strchr("()<>[]{}/%", c) != NULL;
}

static bool
kw(const char *s, gsize n, const char *k)
{
	return n == strlen(k) && memcmp(s, k, n) == 0;
}

#define MAX_NUMS 8

/* the operands of the operator being read */
typedef struct {
	double num[MAX_NUMS]; /* the last numbers, in order */
	int nnum;             /* numbers since the last operand that was not one */
	char name[128];       /* the last name operand, with its "/" */
	int n;                /* operands in all */
} Operands;

static void
push_num(Operands *o, double v)
{
	if (o->nnum == MAX_NUMS)
		memmove(o->num, o->num + 1, (MAX_NUMS - 1) * sizeof *o->num);
	o->num[MIN(o->nnum, MAX_NUMS - 1)] = v;
	o->nnum = MIN(o->nnum + 1, MAX_NUMS);
	o->n++;
}

static void
push_other(Operands *o)
{
	o->nnum = 0;
	o->n++;
}

/* an inline image between BI and ID: its keys and values, read from the operands as they come
 */
typedef struct {
	bool on;
	char key[32];
	double w, h;
	bool mask;
} Inline;

static void
inline_value(Inline *in, const char *s, gsize n, bool number, double v)
{
	if (in->key[0] == '\0') {
		if (n > 0 && s[0] == '/' && n < sizeof in->key) {
			memcpy(in->key, s, n);
			in->key[n] = '\0';
		}
		return;
	}
	if (number && (!strcmp(in->key, "/W") || !strcmp(in->key, "/Width")))
		in->w = v;
	else if (number && (!strcmp(in->key, "/H") || !strcmp(in->key, "/Height")))
		in->h = v;
	else if (!strcmp(in->key, "/IM") || !strcmp(in->key, "/ImageMask"))
		in->mask = kw(s, n, "true");
	in->key[0] = '\0';
}

static gsize
skip_literal(const char *d, gsize len, gsize p)
{
	int depth = 0;
	for (; p < len; p++) {
		if (d[p] == '\\')
			p++;
		else if (d[p] == '(')
			depth++;
		else if (d[p] == ')' && --depth == 0)
			return p + 1;
	}
	return len;
}

static gsize
skip_inline_image(const char *d, gsize len, gsize p)
{
	for (p = p + 1; p + 2 <= len; p++)
		if (is_space(d[p - 1]) && d[p] == 'E' && d[p + 1] == 'I' &&
		    (p + 2 == len || is_space(d[p + 2])))
			return p + 2;
	return len;
}

static void
set_space(Walk *w, Operands *o, qpdf_oh res, CsKind *k)
{
	if (o->name[0])
		*k = classify(w, qpdf_oh_new_name(w->q, o->name), res, 0);
}

static void
color_op(Walk *w, const Operands *o, CsKind k)
{
	if (k == CS_CMYK && o->nnum >= 4)
		found_ink(w->f, o->num[o->nnum - 4] + o->num[o->nnum - 3] + o->num[o->nnum - 2] +
		                    o->num[o->nnum - 1]);
}

/* one operator with its operands */
static void
operator(Walk *w, const char *s, gsize n, Operands *o, GState *st, int *top, qpdf_oh res, int depth,
         Inline *in)
{
	GState *gs = &st[*top];
	if (kw(s, n, "q")) {
		if (*top + 1 < ADCHECK_MAX_GSTATE) {
			st[*top + 1] = *gs;
			(*top)++;
		}
	} else if (kw(s, n, "Q")) {
		if (*top > 0)
			(*top)--;
	} else if (kw(s, n, "cm") && o->nnum >= 6) {
		mat_mul(o->num + o->nnum - 6, gs->ctm, gs->ctm);
	} else if (kw(s, n, "rg") || kw(s, n, "RG")) {
		found_rgb(w->f, "DeviceRGB");
		*(s[0] == 'r' ? &gs->fill : &gs->stroke) = CS_RGB;
	} else if (kw(s, n, "k") || kw(s, n, "K")) {
		*(s[0] == 'k' ? &gs->fill : &gs->stroke) = CS_CMYK;
		color_op(w, o, CS_CMYK);
	} else if (kw(s, n, "g") || kw(s, n, "G")) {
		*(s[0] == 'g' ? &gs->fill : &gs->stroke) = CS_GRAY;
	} else if (kw(s, n, "cs") || kw(s, n, "CS")) {
		set_space(w, o, res, s[0] == 'c' ? &gs->fill : &gs->stroke);
	} else if (kw(s, n, "sc") || kw(s, n, "scn")) {
		color_op(w, o, gs->fill);
	} else if (kw(s, n, "SC") || kw(s, n, "SCN")) {
		color_op(w, o, gs->stroke);
	} else if (kw(s, n, "Do") && o->name[0]) {
		do_xobject(w, o->name, res, gs, depth);
	} else if (kw(s, n, "BI")) {
		*in = (Inline){.on = true};
	}
}

static void
walk_content(Walk *w, const char *d, gsize len, qpdf_oh res, const double ctm[6], int depth)
{
	GState *st = g_new0(GState, ADCHECK_MAX_GSTATE);
	Operands o = {0};
	Inline in = {0};
	int top = 0, nest = 0;
	gsize p = 0;
	memcpy(st[0].ctm, ctm, sizeof st[0].ctm);
	st[0].fill = st[0].stroke = CS_GRAY;
	while (p < len) {
		gsize start = p, n;
		char c = d[p];
		double v = 0;
		char *end;
		char buf[64];
		if (is_space(c)) {
			p++;
			continue;
		}
		if (c == '%') {
			while (p < len && d[p] != '\n' && d[p] != '\r')
				p++;
			continue;
		}
		if (c == '[' || c == '{' || (c == '<' && p + 1 < len && d[p + 1] == '<')) {
			p += c == '<' ? 2 : 1;
			nest++;
			continue;
		}
		if (c == ']' || c == '}' || (c == '>' && p + 1 < len && d[p + 1] == '>')) {
			p += c == '>' ? 2 : 1;
			nest = MAX(nest - 1, 0);
			if (nest == 0) {
				push_other(&o);
				if (in.on)
					inline_value(&in, "", 0, false, 0);
			}
			continue;
		}
		if (c == '(' || c == '<' || c == '/' || c == ')' || c == '>') {
			if (c == '(')
				p = skip_literal(d, len, p);
			else if (c == '<') {
				const char *gt = memchr(d + p, '>', len - p);
				p = gt ? (gsize)(gt - d) + 1 : len;
			} else if (c == '/')
				for (p++; p < len && !is_space(d[p]) && !is_delim(d[p]); p++)
					;
			else
				p++;
			if (nest > 0)
				continue;
			push_other(&o);
			if (c == '/' && p - start < sizeof o.name) {
				memcpy(o.name, d + start, p - start);
				o.name[p - start] = '\0';
			}
			if (in.on)
				inline_value(&in, d + start, p - start, false, 0);
			continue;
		}
		for (; p < len && !is_space(d[p]) && !is_delim(d[p]); p++)
			;
		if (nest > 0)
			continue;
		n = p - start;
		if (n < sizeof buf && strchr("+-.0123456789", c)) {
			memcpy(buf, d + start, n);
			buf[n] = '\0';
			v = g_ascii_strtod(buf, &end);
			if (*end == '\0' && isfinite(v)) {
				push_num(&o, v);
				if (in.on)
					inline_value(&in, d + start, n, true, v);
				continue;
			}
		}
		if (kw(d + start, n, "true") || kw(d + start, n, "false") ||
		    kw(d + start, n, "null")) {
			push_other(&o);
			if (in.on)
				inline_value(&in, d + start, n, false, 0);
			continue;
		}
		if (in.on && kw(d + start, n, "ID")) {
			if (!in.mask)
				image_ppi(w, in.w, in.h, st[top].ctm, "inline");
			in.on = false;
			p = skip_inline_image(d, len, p);
		} else if (!in.on) {
			operator(w, d + start, n, &o, st, &top, res, depth, &in);
		}
		if (!in.on)
			o = (Operands){0};
	}
	g_free(st);
}

void
adcheck_walk(qpdf_data q, qpdf_oh page, double scale, AdFindings *f)
{
	Walk w = {q,
	          f,
	          0,
	          0,
	          g_hash_table_new(g_direct_hash, g_direct_equal),
	          g_hash_table_new(g_direct_hash, g_direct_equal)};
	qpdf_oh res = qpdf_oh_get_key(q, page, "/Resources");
	unsigned char *data = NULL;
	size_t len = 0;
	double ctm[6] = {scale, 0, 0, scale, 0, 0};
	check_resources(&w, res);
	if (!(qpdf_oh_get_page_content_data(q, page, &data, &len) & QPDF_ERRORS) &&
	    len <= ADCHECK_MAX_CONTENT) {
		w.content = len;
		walk_content(&w, (const char *)data, len, res, ctm, 0);
	}
	free(data);
	g_hash_table_destroy(w.fonts_seen);
	g_hash_table_destroy(w.images_seen);
}

void
adcheck_report(const AdFindings *f, const AdCheckOptions *o, const AdWhere *w, Report *r)
{
	int limit = o->ink_limit > 0 ? o->ink_limit : ADCHECK_INK_LIMIT;
	for (guint i = 0; i < f->unembedded->len; i++)
		report_warning(
		    r, DIAG_AD, w->file, w->line, w->col,
		    _("ask the advertiser for the ad with every font embedded (PDF/X-1a)"),
		    _("PDF ad %s: font %s is not embedded"), w->path,
		    report_clip(r, g_ptr_array_index(f->unembedded, i)));
	if (o->press && f->rgb)
		report_warning(r, DIAG_AD, w->file, w->line, w->col,
		               _("ask the advertiser for the ad in CMYK (PDF/X-1a)"),
		               _("PDF ad %s has RGB content (%s) in a press run"), w->path,
		               f->rgb_what);
	if (f->max_ink > limit)
		report_warning(
		    r, DIAG_AD, w->file, w->line, w->col,
		    _("ask the advertiser for the ad separated for newsprint"),
		    _("PDF ad %s has colours of %d%% total ink, above the limit of %d%%"), w->path,
		    f->max_ink, limit);
	if (f->min_ppi > 0 && f->min_ppi < ADCHECK_MIN_PPI)
		report_warning(r, DIAG_AD, w->file, w->line, w->col,
		               _("ask the advertiser for images of at least 200 ppi at the size "
		                 "printed"),
		               _("PDF ad %s: image %s is %d ppi at its placed size, under %d"),
		               w->path, report_clip(r, f->min_ppi_image), f->min_ppi,
		               ADCHECK_MIN_PPI);
}
