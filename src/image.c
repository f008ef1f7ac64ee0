/* image.c - photos and ads: probing PNG/JPEG files and decoding them for drawing. */
#include "image.h"
#include "i18n.h"

#include <stdio.h> /* before jpeglib.h, which needs FILE */

#include <jpeglib.h>
#include <setjmp.h>
#include <string.h>
#include <zlib.h>

static guint32
be32(const guchar *p)
{
	return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
}

static bool
probe_png(const guchar *d, gsize n, ImageInfo *info)
{
	static const guchar sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	if (n < 33 || memcmp(d, sig, 8) != 0 || memcmp(d + 12, "IHDR", 4) != 0)
		return false;
	info->format = IMAGE_PNG;
	info->width = (int)MIN(be32(d + 16), (guint32)G_MAXINT);
	info->height = (int)MIN(be32(d + 20), (guint32)G_MAXINT);
	return true;
}

static bool
probe_jpeg(const guchar *d, gsize n, ImageInfo *info)
{
	gsize p = 2;
	if (n < 4 || d[0] != 0xff || d[1] != 0xd8)
		return false;
	while (p + 4 <= n) {
		guchar m;
		gsize seglen;
		if (d[p] != 0xff)
			return false;
		m = d[p + 1];
		if (m == 0xff) {
			p++;
			continue;
		}
		seglen = (gsize)d[p + 2] << 8 | d[p + 3];
		if (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc) {
			if (p + 9 > n)
				return false;
			info->format = IMAGE_JPEG;
			info->height = d[p + 5] << 8 | d[p + 6];
			info->width = d[p + 7] << 8 | d[p + 8];
			return true;
		}
		if (seglen < 2)
			return false;
		p += 2 + seglen;
	}
	return false;
}

typedef struct {
	const guchar *data;
	gsize n, pos;
} PngReader;

static cairo_status_t
png_read(void *closure, unsigned char *buf, unsigned int len)
{
	PngReader *pr = closure;
	if (pr->pos + len > pr->n)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(buf, pr->data + pr->pos, len);
	pr->pos += len;
	return CAIRO_STATUS_SUCCESS;
}

/* bytes one row of w pixels takes in the PNG's filtered data, without its filter byte;
 * 0 for a colour type and bit depth PNG does not allow together */
static guint64
png_rowbytes(const guchar *ihdr, guint64 w)
{
	static const int channels[7] = {1, 0, 3, 1, 2, 0, 4};
	int depth = ihdr[8], type = ihdr[9];
	bool low = depth == 1 || depth == 2 || depth == 4;
	if (type > 6 || channels[type] == 0 || !(low || depth == 8 || depth == 16) ||
	    (low && type != 0 && type != 3) || (depth == 16 && type == 3))
		return 0;
	return (w * (guint64)channels[type] * (guint64)depth + 7) / 8;
}

/* The rows the IDAT data must inflate to (of each Adam7 pass, or one pass), each a filter
 * byte (0 to 4) and rowlen bytes, walked as the data streams past. */
typedef struct {
	guint64 rows[7], rowlen[7];
	int npass, pass;
	guint64 rows_left, left; /* in the current pass; bytes left in the current row */
	guint64 total;           /* bytes in all */
} PngRows;

static bool
png_rows_init(PngRows *pr, const guchar *ihdr)
{
	static const int pass[7][4] = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4},
	                               {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};
	guint64 w = be32(ihdr), h = be32(ihdr + 4);
	memset(pr, 0, sizeof *pr);
	if (png_rowbytes(ihdr, 1) == 0 || ihdr[10] != 0 || ihdr[11] != 0 || ihdr[12] > 1)
		return false;
	for (int i = 0; i < (ihdr[12] ? 7 : 1); i++) {
		guint64 x0 = ihdr[12] ? (guint64)pass[i][0] : 0, dx = ihdr[12] ? pass[i][2] : 1;
		guint64 y0 = ihdr[12] ? (guint64)pass[i][1] : 0, dy = ihdr[12] ? pass[i][3] : 1;
		guint64 pw = w > x0 ? (w - x0 + dx - 1) / dx : 0;
		guint64 ph = h > y0 ? (h - y0 + dy - 1) / dy : 0;
		if (pw == 0 || ph == 0)
			continue;
		pr->rows[pr->npass] = ph;
		pr->rowlen[pr->npass] = png_rowbytes(ihdr, pw);
		pr->total += ph * (1 + pr->rowlen[pr->npass]);
		pr->npass++;
	}
	pr->rows_left = pr->rows[0];
	return pr->npass > 0;
}

/* every row must start with a filter type libpng knows */
static bool
png_rows_walk(PngRows *pr, const guchar *buf, gsize n)
{
	for (gsize i = 0; i < n;) {
		if (pr->left == 0) {
			while (pr->rows_left == 0 && pr->pass < pr->npass)
				if (++pr->pass < pr->npass)
					pr->rows_left = pr->rows[pr->pass];
			if (pr->pass >= pr->npass || buf[i] > 4)
				return false;
			pr->rows_left--;
			pr->left = pr->rowlen[pr->pass];
			i++;
		} else {
			guint64 take = MIN(pr->left, (guint64)(n - i));
			i += take;
			pr->left -= take;
		}
	}
	return true;
}

/* A PNG whose data is cut or corrupt fails here, at the element that names it, not later
 * while the PDF is being written: every chunk must be whole with its CRC right, up to IEND;
 * the header's colour type and bit depth must go together (a palette image has its PLTE
 * before the data); the image data must inflate to exactly what the header promises, every
 * row starting with a known filter type. The inflated data streams through a small buffer and
 * is walked, never kept: no pixels are held. */
static bool
png_decodes(const guchar *d, gsize n)
{
	guchar buf[65536];
	z_stream z = {0};
	PngRows rows;
	guint64 got = 0;
	bool ended = false, ok = true, started = false, have_header = false, have_plte = false;
	gsize p = 8;

	if (inflateInit(&z) != Z_OK)
		return false;
	while (ok && p + 12 <= n) {
		guint32 len = be32(d + p);
		const guchar *type = d + p + 4, *body = d + p + 8;
		if (len > n - p - 12 || crc32(0, type, len + 4) != be32(body + len)) {
			ok = false;
			break;
		}
		if (memcmp(type, "IHDR", 4) == 0 && len >= 13 && p == 8)
			ok = have_header = png_rows_init(&rows, body);
		else if (memcmp(type, "PLTE", 4) == 0)
			have_plte = true;
		else if (memcmp(type, "IDAT", 4) == 0 && !ended) {
			if (!have_header || (d[16 + 9] == 3 && !have_plte)) { /* IHDR colour type */
				ok = false;
				break;
			}
			started = true;
			z.next_in = (Bytef *)body;
			z.avail_in = len;
			for (;;) {
				int ret;
				gsize made;
				z.next_out = buf;
				z.avail_out = sizeof buf;
				ret = inflate(&z, Z_NO_FLUSH);
				made = sizeof buf - z.avail_out;
				got += made;
				if (got > rows.total || !png_rows_walk(&rows, buf, made)) {
					ok = false;
					break;
				}
				if (ret == Z_STREAM_END) {
					ended = true;
					break;
				}
				if (ret == Z_BUF_ERROR && z.avail_in == 0)
					break; /* the next IDAT chunk goes on */
				if (ret != Z_OK) {
					ok = false;
					break;
				}
				if (z.avail_in == 0 && z.avail_out != 0)
					break;
			}
		} else if (memcmp(type, "IEND", 4) == 0) {
			inflateEnd(&z);
			return ok && started && ended && got == rows.total;
		}
		p += 12 + len;
	}
	inflateEnd(&z);
	return false;
}

/* A JPEG cut inside its scan data would be embedded as is and show half a picture: its data
 * must end with the end-of-image marker after the first start-of-scan. Inside entropy-coded
 * data 0xFF is always followed by 0x00 or a restart marker, so FF D9 there is the real end.
 * Only a few bytes of padding may follow it. */
static bool
jpeg_complete(const guchar *d, gsize n)
{
	gsize sos = 0, end = n;
	for (gsize p = 2; p + 1 < n; p++)
		if (d[p] == 0xff && d[p + 1] == 0xda) {
			sos = p;
			break;
		}
	while (end > 0 && n - end < 1024 && d[end - 1] != 0xd9)
		end--;
	return sos > 0 && end >= 2 && end - 2 > sos && d[end - 2] == 0xff && d[end - 1] == 0xd9;
}

static bool jpeg_decodes(const guchar *data, gsize n, char *why, gsize whylen);

bool
image_probe(GBytes *bytes, const char *path, const char *file, int line, int col, ImageInfo *info,
            Report *r)
{
	gsize n = 0;
	const guchar *data = g_bytes_get_data(bytes, &n);
	if (!data || (!probe_png(data, n, info) && !probe_jpeg(data, n, info))) {
		report_error(r, DIAG_INPUT, file, line, col,
		             _("photos and ads must be PNG or JPEG files"),
		             _("%s is not a PNG or JPEG image (or is truncated)"), path);
		return false;
	}
	if (info->width <= 0 || info->height <= 0 || info->width > IMAGE_MAX_PIXELS ||
	    info->height > IMAGE_MAX_PIXELS) {
		report_error(r, DIAG_INPUT, file, line, col,
		             _("use an image of at most 16384 pixels a side"),
		             _("%s has an unusable size of %d x %d pixels"), path, info->width,
		             info->height);
		return false;
	}
	if ((gint64)info->width * info->height > IMAGE_MAX_AREA) {
		/* checked before the data is inflated or decoded: a small file may hold a huge
		 * image */
		report_error(
		    r, DIAG_INPUT, file, line, col,
		    _("scale the image down: a full broadsheet page at 300 ppi is about 25 "
		      "million pixels"),
		    _("%s has %d x %d pixels, more than the limit of %d million"), path,
		    info->width, info->height, IMAGE_MAX_AREA / 1000000);
		return false;
	}
	return true;
}

bool
image_verify(GBytes *bytes, const ImageInfo *info, const char *path, const char *file, int line,
             int col, Report *r)
{
	gsize n = 0;
	const guchar *data = g_bytes_get_data(bytes, &n);
	char why[JMSG_LENGTH_MAX] = "";
	if (info->format == IMAGE_PNG && !png_decodes(data, n)) {
		report_error(r, DIAG_INPUT, file, line, col, _("re-export the image"),
		             _("%s is a broken PNG (its image data cannot be read)"), path);
		return false;
	}
	if (info->format == IMAGE_JPEG && !jpeg_complete(data, n)) {
		report_error(r, DIAG_INPUT, file, line, col, _("re-export the image"),
		             _("%s is a truncated JPEG (its image data has no end)"), path);
		return false;
	}
	if (info->format == IMAGE_JPEG && !jpeg_decodes(data, n, why, sizeof why)) {
		report_error(r, DIAG_INPUT, file, line, col, _("re-export the image"),
		             _("%s is a broken JPEG: %s"), path, why);
		return false;
	}
	return true;
}

typedef struct {
	struct jpeg_error_mgr pub;
	jmp_buf jump;
	char message[JMSG_LENGTH_MAX];
} JpegError;

static void
jpeg_fail(j_common_ptr cinfo)
{
	JpegError *e = (JpegError *)cinfo->err;
	(*cinfo->err->format_message)(cinfo, e->message);
	longjmp(e->jump, 1);
}

static void
jpeg_quiet(j_common_ptr cinfo, int level)
{
	(void)cinfo;
	(void)level;
}

/* a CMYK sample as RGB, naively (each ink takes its share of white): stored as ink, or as
 * 255 - ink where the JPEG has Adobe's marker */
static guint32
cmyk_pixel(const JSAMPLE *v, bool adobe)
{
	guint32 w[4];
	for (int i = 0; i < 4; i++)
		w[i] = adobe ? v[i] : 255u - v[i]; /* the white each ink leaves */
	return 0xff000000u | (w[0] * w[3] / 255) << 16 | (w[1] * w[3] / 255) << 8 |
	       w[2] * w[3] / 255;
}

static cairo_surface_t *
decode_jpeg(const char *path, const guchar *data, gsize n, int want_w, int want_h, Report *r)
{
	volatile bool cmyk = false;
	struct jpeg_decompress_struct cinfo;
	JpegError err;
	cairo_surface_t *volatile surface = NULL;
	JSAMPROW row = NULL;

	cinfo.err = jpeg_std_error(&err.pub);
	err.pub.error_exit = jpeg_fail;
	err.pub.emit_message = jpeg_quiet;
	if (setjmp(err.jump)) {
		report_error(r, DIAG_INPUT, path, 0, 0, _("re-export the image"),
		             _("broken JPEG: %s"), err.message);
		jpeg_destroy_decompress(&cinfo);
		g_free(row);
		if (surface)
			cairo_surface_destroy(surface);
		return NULL;
	}
	jpeg_create_decompress(&cinfo);
	jpeg_mem_src(&cinfo, data, (unsigned long)n);
	jpeg_read_header(&cinfo, TRUE);
	/* libjpeg converts no CMYK to RGB: a CMYK photo is decoded as CMYK and shown by the
	 * naive conversion, which is enough for a proof (the PDF keeps the JPEG as it came) */
	cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
	cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
	/* a proof needs no more pixels than it shows: libjpeg decodes at 1/2, 1/4 or 1/8 */
	cinfo.scale_num = 1;
	cinfo.scale_denom = 1;
	if (want_w > 0 && want_h > 0)
		for (unsigned d = 8; d > 1; d /= 2)
			if ((cinfo.image_width + d - 1) / d >= (unsigned)want_w &&
			    (cinfo.image_height + d - 1) / d >= (unsigned)want_h) {
				cinfo.scale_denom = d;
				break;
			}
	jpeg_start_decompress(&cinfo);
	surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)cinfo.output_width,
	                                     (int)cinfo.output_height);
	row = g_malloc((gsize)cinfo.output_width * (cmyk ? 4 : 3));
	while (cinfo.output_scanline < cinfo.output_height) {
		guint32 *dst = (guint32 *)(cairo_image_surface_get_data(surface) +
		                           (gsize)cinfo.output_scanline *
		                               (gsize)cairo_image_surface_get_stride(surface));
		jpeg_read_scanlines(&cinfo, &row, 1);
		for (JDIMENSION x = 0; x < cinfo.output_width; x++)
			dst[x] = cmyk ? cmyk_pixel(row + 4 * x, cinfo.saw_Adobe_marker)
			              : 0xff000000u | (guint32)row[3 * x] << 16 |
			                    (guint32)row[3 * x + 1] << 8 | row[3 * x + 2];
	}
	jpeg_finish_decompress(&cinfo);
	jpeg_destroy_decompress(&cinfo);
	g_free(row);
	cairo_surface_mark_dirty(surface);
	return surface;
}

/* A JPEG the PDF viewer (or the PNG proof) could not decode fails here, when it is read:
 * libjpeg decodes it whole at 1/8 scale (every bit of its entropy-coded data, no full-size
 * pixels), one row at a time into a small buffer. Warnings (extra bytes, a short scan that
 * libjpeg pads) are not errors, as they are not when drawing. */
static bool
jpeg_decodes(const guchar *data, gsize n, char *why, gsize whylen)
{
	struct jpeg_decompress_struct cinfo;
	JpegError err;
	JSAMPROW volatile row = NULL;
	volatile bool ok = false;
	cinfo.err = jpeg_std_error(&err.pub);
	err.pub.error_exit = jpeg_fail;
	err.pub.emit_message = jpeg_quiet;
	if (setjmp(err.jump) == 0) {
		jpeg_create_decompress(&cinfo);
		jpeg_mem_src(&cinfo, data, (unsigned long)n);
		jpeg_read_header(&cinfo, TRUE);
		cinfo.scale_num = 1;
		cinfo.scale_denom = 8;
		cinfo.dct_method = JDCT_IFAST;
		jpeg_start_decompress(&cinfo);
		row = g_malloc((gsize)cinfo.output_width * (gsize)cinfo.output_components);
		while (cinfo.output_scanline < cinfo.output_height) {
			JSAMPROW rows[1] = {row};
			jpeg_read_scanlines(&cinfo, rows, 1);
		}
		jpeg_finish_decompress(&cinfo);
		ok = true;
	} else {
		g_strlcpy(why, err.message, whylen);
	}
	jpeg_destroy_decompress(&cinfo);
	g_free(row);
	return ok;
}

cairo_surface_t *
image_decode(GBytes *bytes, const char *path, bool for_pdf, int want_w, int want_h, Report *r)
{
	gsize n = 0;
	const guchar *data = g_bytes_get_data(bytes, &n);
	ImageInfo info;
	cairo_surface_t *s;

	if (data && probe_jpeg(data, n, &info)) {
		/* The PDF embeds the file as is and needs no pixels: a 1x1 surface carries the JPEG
		 * (cairo writes the image's own size from its header and paints the unit square the
		 * caller scales), so no megabytes of blank pixels are allocated and copied. */
		if (for_pdf) /* image_verify decoded it whole when the edition was read */
			s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
		else
			s = decode_jpeg(path, data, n, for_pdf ? 0 : want_w, for_pdf ? 0 : want_h,
			                r);
		if (!s)
			return NULL;
		/* the PDF embeds the original JPEG bytes, shared with the model, not copied */
		cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, data, n,
		                            (cairo_destroy_func_t)g_bytes_unref,
		                            g_bytes_ref(bytes));
		return s;
	}
	if (data && probe_png(data, n, &info)) {
		PngReader pr = {data, n, 0};
		s = cairo_image_surface_create_from_png_stream(png_read, &pr);
		if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
			report_error(r, DIAG_INPUT, path, 0, 0, _("re-export the image"),
			             _("broken PNG: %s"),
			             cairo_status_to_string(cairo_surface_status(s)));
			cairo_surface_destroy(s);
			return NULL;
		}
		return s;
	}
	report_error(r, DIAG_INPUT, path, 0, 0, _("photos and ads must be PNG or JPEG files"),
	             _("not a PNG or JPEG image"));
	return NULL;
}
