/* cff2ttf.c - one face of a CFF-flavoured OpenType collection converted to TrueType outlines.
 *
 * cairo subsets TrueType (glyf) faces far faster than CFF ones when it writes a PDF, and the
 * PDF is smaller; the glyphs, their ids, advances and OpenType layout tables stay the same, so
 * line breaks do not change. The Noto CJK fonts are under the SIL Open Font License, which
 * allows this modified copy; it keeps its name tables and licence.
 *
 * The face whose family (name ID 1) is FAMILY is read with FreeType: its 'CFF ' table becomes
 * 'glyf' and 'loca' (long offsets), each cubic within 1 font unit of the quadratic curves that
 * replace it (quad.c), each contour reversed (contour.c); 'VORG' (CFF only) is dropped; 'maxp'
 * becomes version 1.0, 'post' format 3.0 (no glyph names); head.indexToLocFormat is 1 and the
 * head bounding box that of the new outlines; the hmtx and vmtx side bearings are set from the
 * new outlines' boxes, so that FreeType and HarfBuzz place each glyph where the CFF one was
 * (metrics.c). Every other table is copied byte for byte, head.modified included, so that each
 * run writes the same bytes. The file is written to OUTPUT.part and renamed.
 *
 * usage: huozi-cff2ttf INPUT.ttc FAMILY OUTPUT.ttf
 */
#include "contour.h"
#include "glyf.h"
#include "metrics.h"
#include "sfnt.h"
#include FT_TRUETYPE_TABLES_H
#include FT_SFNT_NAMES_H
#include FT_TRUETYPE_IDS_H
#include <errno.h>
#include <stdio.h>
#include <string.h>

#define TOLERANCE 1.0 /* font units: 1/1000 em for the Noto faces */

/* the new outlines and what the other tables say about them */
typedef struct {
	GByteArray *glyf;
	GByteArray *loca;
	int max_points, max_contours;
	GlyfBox box;
	gboolean any;
	GArray *x_min, *y_max; /* int: each glyph's box */
	GArray *drawn;         /* gboolean: has the glyph contours? */
} Outlines;

static void
put32(GByteArray *a, guint32 v)
{
	guint8 b[4] = {(guint8)(v >> 24), (guint8)(v >> 16), (guint8)(v >> 8), (guint8)v};
	g_byte_array_append(a, b, 4);
}

static void
set16(guint8 *p, int v)
{
	p[0] = (guint8)((v >> 8) & 0xff);
	p[1] = (guint8)(v & 0xff);
}

/* the name record as UTF-8, when it is an English one: Windows Unicode or Mac Roman */
static char *
english_name(const FT_SfntName *n)
{
	if (n->platform_id == TT_PLATFORM_MICROSOFT &&
	    n->language_id == TT_MS_LANGID_ENGLISH_UNITED_STATES)
		return g_convert((const char *)n->string, n->string_len, "UTF-8", "UTF-16BE", NULL,
		                 NULL, NULL);
	if (n->platform_id == TT_PLATFORM_MACINTOSH && n->encoding_id == TT_MAC_ID_ROMAN &&
	    n->language_id == TT_MAC_LANGID_ENGLISH)
		return g_strndup((const char *)n->string, n->string_len);
	return NULL;
}

static gboolean
has_family(FT_Face face, const char *family)
{
	FT_UInt count = FT_Get_Sfnt_Name_Count(face);
	for (FT_UInt i = 0; i < count; i++) {
		FT_SfntName n;
		if (FT_Get_Sfnt_Name(face, i, &n) || n.name_id != TT_NAME_ID_FONT_FAMILY)
			continue;
		g_autofree char *s = english_name(&n);
		if (s && strcmp(s, family) == 0)
			return TRUE;
	}
	return FALSE;
}

/* the face of the collection (or font) src whose family is family, or NULL */
static FT_Face
open_family(FT_Library lib, const char *src, const char *family)
{
	FT_Face face;
	if (FT_New_Face(lib, src, -1, &face))
		return NULL;
	FT_Long faces = face->num_faces;
	FT_Done_Face(face);
	for (FT_Long i = 0; i < faces; i++) {
		if (FT_New_Face(lib, src, i, &face))
			return NULL;
		if (has_family(face, family))
			return face;
		FT_Done_Face(face);
	}
	return NULL;
}

static GBytes *
load_table(FT_Face face, FT_ULong tag)
{
	FT_ULong len = 0;
	if (FT_Load_Sfnt_Table(face, tag, 0, NULL, &len))
		return NULL;
	guint8 *buf = g_malloc(len ? len : 1);
	if (FT_Load_Sfnt_Table(face, tag, 0, buf, &len)) {
		g_free(buf);
		return NULL;
	}
	return g_bytes_new_take(buf, len);
}

static void
box_add(Outlines *o, const GlyfBox *b)
{
	if (!o->any) {
		o->box = *b;
		o->any = TRUE;
		return;
	}
	o->box.x_min = MIN(o->box.x_min, b->x_min);
	o->box.y_min = MIN(o->box.y_min, b->y_min);
	o->box.x_max = MAX(o->box.x_max, b->x_max);
	o->box.y_max = MAX(o->box.y_max, b->y_max);
}

/* every glyph of face as TrueType outlines; FALSE when FreeType cannot read one */
static gboolean
convert_glyphs(FT_Face face, Outlines *o, FT_Long *bad)
{
	Contours c;
	contours_init(&c);
	for (FT_Long gid = 0; gid < face->num_glyphs; gid++) {
		put32(o->loca, o->glyf->len);
		if (FT_Load_Glyph(face, (FT_UInt)gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) ||
		    face->glyph->format != FT_GLYPH_FORMAT_OUTLINE ||
		    contours_from_outline(&c, &face->glyph->outline, TOLERANCE)) {
			*bad = gid;
			contours_done(&c);
			return FALSE;
		}
		GlyfBox b;
		glyf_encode(&c, o->glyf, &b);
		gboolean drawn = c.ends->len > 0;
		if (drawn)
			box_add(o, &b);
		g_array_append_val(o->x_min, b.x_min);
		g_array_append_val(o->y_max, b.y_max);
		g_array_append_val(o->drawn, drawn);
		o->max_points = MAX(o->max_points, (int)c.points->len);
		o->max_contours = MAX(o->max_contours, (int)c.ends->len);
	}
	put32(o->loca, o->glyf->len);
	contours_done(&c);
	return TRUE;
}

/* maxp version 1.0: the glyph count, the largest glyph's points and contours, one zone */
static GBytes *
make_maxp(FT_Long glyphs, const Outlines *o)
{
	guint8 *m = g_malloc0(32);
	m[1] = 1; /* version 0x00010000 */
	set16(m + 4, (int)glyphs);
	set16(m + 6, o->max_points);
	set16(m + 8, o->max_contours);
	set16(m + 14, 1); /* maxZones */
	return g_bytes_new_take(m, 32);
}

/* post format 3.0: the source's header, no glyph names */
static GBytes *
make_post(GBytes *src)
{
	gsize len;
	const guint8 *p = g_bytes_get_data(src, &len);
	guint8 *m = g_malloc0(32);
	memcpy(m, p, MIN(len, 32));
	m[0] = 0;
	m[1] = 3;
	m[2] = m[3] = 0;
	return g_bytes_new_take(m, 32);
}

/* head with long loca offsets and the bounding box of the new outlines */
static GBytes *
make_head(GBytes *src, const Outlines *o)
{
	gsize len;
	const guint8 *p = g_bytes_get_data(src, &len);
	guint8 *m = g_memdup2(p, len);
	if (len >= 54) {
		if (o->any) {
			set16(m + 36, o->box.x_min);
			set16(m + 38, o->box.y_min);
			set16(m + 40, o->box.x_max);
			set16(m + 42, o->box.y_max);
		}
		set16(m + 50, 1); /* indexToLocFormat: long */
	}
	return g_bytes_new_take(m, len);
}

static guint
get_u16(GBytes *table, gsize at)
{
	gsize len;
	const guint8 *p = table ? g_bytes_get_data(table, &len) : NULL;
	return p && at + 2 <= len ? (guint)(p[at] << 8 | p[at + 1]) : 0;
}

/* hmtx with each drawn glyph's left side bearing its xMin */
static GBytes *
make_hmtx(FT_Face face, GBytes *src, const Outlines *o)
{
	g_autoptr(GBytes) hhea = load_table(face, SFNT_TAG('h', 'h', 'e', 'a'));
	return metrics_set_bearings(src, get_u16(hhea, 34), (const int *)o->x_min->data,
	                            (const gboolean *)o->drawn->data, o->drawn->len);
}

/* vmtx with each drawn glyph's top side bearing its VORG origin minus its yMax; as it is
 * without VORG */
static GBytes *
make_vmtx(FT_Face face, GBytes *src, const Outlines *o)
{
	g_autoptr(GBytes) vhea = load_table(face, SFNT_TAG('v', 'h', 'e', 'a'));
	g_autoptr(GBytes) vorg = load_table(face, SFNT_TAG('V', 'O', 'R', 'G'));
	if (!vorg || !vhea)
		return g_bytes_ref(src);
	guint n = o->drawn->len;
	g_autofree int *tsb = g_new(int, n);
	for (guint g = 0; g < n; g++)
		tsb[g] = metrics_vorg_origin(vorg, g) - g_array_index(o->y_max, int, g);
	return metrics_set_bearings(src, get_u16(vhea, 34), tsb, (const gboolean *)o->drawn->data,
	                            n);
}

static void
add_table(GArray *tables, guint32 tag, GBytes *data)
{
	SfntTable t = {tag, data};
	g_array_append_val(tables, t);
}

static void
table_clear(gpointer p)
{
	g_bytes_unref(((SfntTable *)p)->data);
}

/* the converted face's tables; NULL (with a message in err) when one cannot be read */
static GArray *
make_tables(FT_Face face, Outlines *o, char **err)
{
	GArray *tables = g_array_new(FALSE, FALSE, sizeof(SfntTable));
	g_array_set_clear_func(tables, table_clear);
	FT_ULong tag, len;
	for (FT_UInt i = 0; FT_Sfnt_Table_Info(face, i, &tag, &len) == 0; i++) {
		if (tag == SFNT_TAG('C', 'F', 'F', ' ') || tag == SFNT_TAG('V', 'O', 'R', 'G') ||
		    tag == SFNT_TAG('g', 'l', 'y', 'f') || tag == SFNT_TAG('l', 'o', 'c', 'a'))
			continue;
		GBytes *data = load_table(face, tag);
		if (!data) {
			*err = g_strdup_printf("cannot read table %08lx", (unsigned long)tag);
			g_array_unref(tables);
			return NULL;
		}
		if (tag == SFNT_TAG('m', 'a', 'x', 'p')) {
			g_bytes_unref(data);
			data = make_maxp(face->num_glyphs, o);
		} else if (tag == SFNT_TAG('p', 'o', 's', 't')) {
			GBytes *post = make_post(data);
			g_bytes_unref(data);
			data = post;
		} else if (tag == SFNT_TAG('h', 'e', 'a', 'd')) {
			GBytes *head = make_head(data, o);
			g_bytes_unref(data);
			data = head;
		} else if (tag == SFNT_TAG('h', 'm', 't', 'x')) {
			GBytes *hmtx = make_hmtx(face, data, o);
			g_bytes_unref(data);
			data = hmtx;
		} else if (tag == SFNT_TAG('v', 'm', 't', 'x')) {
			GBytes *vmtx = make_vmtx(face, data, o);
			g_bytes_unref(data);
			data = vmtx;
		}
		add_table(tables, (guint32)tag, data);
	}
	add_table(tables, SFNT_TAG('g', 'l', 'y', 'f'), g_byte_array_free_to_bytes(o->glyf));
	add_table(tables, SFNT_TAG('l', 'o', 'c', 'a'), g_byte_array_free_to_bytes(o->loca));
	o->glyf = o->loca = NULL;
	return tables;
}

static gboolean
write_file(const char *dst, GBytes *bytes, char **err)
{
	g_autofree char *part = g_strconcat(dst, ".part", NULL);
	gsize len;
	const void *data = g_bytes_get_data(bytes, &len);
	FILE *f = fopen(part, "wb");
	gboolean ok = f && fwrite(data, 1, len, f) == len;
	if (f && fclose(f) != 0)
		ok = FALSE;
	if (ok && rename(part, dst) != 0)
		ok = FALSE;
	if (!ok) {
		*err = g_strdup_printf("cannot write %s: %s", dst, g_strerror(errno));
		remove(part);
	}
	return ok;
}

static void
outlines_init(Outlines *o)
{
	*o = (Outlines){.glyf = g_byte_array_new(),
	                .loca = g_byte_array_new(),
	                .x_min = g_array_new(FALSE, FALSE, sizeof(int)),
	                .y_max = g_array_new(FALSE, FALSE, sizeof(int)),
	                .drawn = g_array_new(FALSE, FALSE, sizeof(gboolean))};
}

static void
outlines_done(Outlines *o)
{
	if (o->glyf)
		g_byte_array_unref(o->glyf);
	if (o->loca)
		g_byte_array_unref(o->loca);
	g_array_unref(o->x_min);
	g_array_unref(o->y_max);
	g_array_unref(o->drawn);
}

/* converts face (a CFF one) to the TrueType font dst */
static gboolean
convert(FT_Face face, const char *dst, char **err)
{
	Outlines o;
	outlines_init(&o);
	FT_Long bad = 0;
	GArray *tables = NULL;
	if (!convert_glyphs(face, &o, &bad))
		*err = g_strdup_printf("cannot read the outline of glyph %ld", (long)bad);
	else
		tables = make_tables(face, &o, err);
	outlines_done(&o);
	if (!tables)
		return FALSE;
	g_autoptr(GBytes) file = sfnt_build(tables, 0x00010000);
	g_array_unref(tables);
	return write_file(dst, file, err);
}

static gboolean
has_cff(FT_Face face)
{
	FT_ULong len = 0;
	return FT_Load_Sfnt_Table(face, SFNT_TAG('C', 'F', 'F', ' '), 0, NULL, &len) == 0;
}

int
main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr,
		        "usage: huozi-cff2ttf INPUT.ttc FAMILY OUTPUT.ttf\n"
		        "  e.g. huozi-cff2ttf NotoSerifCJK-Regular.ttc \"Noto Serif CJK SC\" "
		        "NotoSerifCJKsc-Regular.ttf\n");
		return 2;
	}
	FT_Library lib;
	if (FT_Init_FreeType(&lib)) {
		fprintf(stderr, "huozi-cff2ttf: cannot start FreeType\n");
		return 1;
	}
	FT_Face face = open_family(lib, argv[1], argv[2]);
	g_autofree char *err = NULL;
	if (!face)
		err = g_strdup_printf("%s has no face of family \"%s\"", argv[1], argv[2]);
	else if (!has_cff(face))
		err = g_strdup_printf("%s (face \"%s\") has no CFF outlines", argv[1], argv[2]);
	else
		convert(face, argv[3], &err);
	if (face)
		FT_Done_Face(face);
	FT_Done_FreeType(lib);
	if (err) {
		fprintf(stderr, "huozi-cff2ttf: %s\n", err);
		return 1;
	}
	return 0;
}
