/* image.c - photos and ads: probing PNG/JPEG files and decoding them for drawing. */
#include "image.h"
#include "textfile.h"

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

/* A PNG whose data is cut or corrupt fails here, at the element that names it, not later
 * while the PDF is being written: every chunk must be whole with its CRC right, up to IEND.
 * That reads the file once without decoding its pixels. */
static bool
png_decodes(const guchar *d, gsize n)
{
	gsize p = 8;
	while (p + 12 <= n) {
		guint32 len = be32(d + p);
		if (len > n - p - 12)
			return false;
		if (crc32(0, d + p + 4, len + 4) != be32(d + p + 8 + len))
			return false;
		if (memcmp(d + p + 4, "IEND", 4) == 0)
			return true;
		p += 12 + len;
	}
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

bool
image_probe(const char *path, const char *file, int line, int col, ImageInfo *info, Report *r)
{
	g_autofree char *data = NULL;
	gsize n = 0;
	Report *tmp = report_new();
	bool ok = textfile_read(path, IMAGE_MAX_BYTES, &data, &n, tmp);
	if (!ok) {
		const Diag *d = g_ptr_array_index(tmp->diags, 0);
		report_error(r, DIAG_INPUT, file, line, col, d->hint, "image %s: %s", path, d->msg);
	} else if (!probe_png((guchar *)data, n, info) && !probe_jpeg((guchar *)data, n, info)) {
		report_error(r, DIAG_INPUT, file, line, col,
		             "photos and ads must be PNG or JPEG files",
		             "%s is not a PNG or JPEG image (or is truncated)", path);
		ok = false;
	} else if (info->format == IMAGE_PNG && !png_decodes((guchar *)data, n)) {
		report_error(r, DIAG_INPUT, file, line, col, "re-export the image",
		             "%s is a broken PNG (its image data cannot be read)", path);
		ok = false;
	} else if (info->format == IMAGE_JPEG && !jpeg_complete((guchar *)data, n)) {
		report_error(r, DIAG_INPUT, file, line, col, "re-export the image",
		             "%s is a truncated JPEG (its image data has no end)", path);
		ok = false;
	} else if (info->width <= 0 || info->height <= 0 || info->width > IMAGE_MAX_PIXELS ||
	           info->height > IMAGE_MAX_PIXELS) {
		report_error(
		    r, DIAG_INPUT, file, line, col, "use an image of at most 16384 pixels a side",
		    "%s has an unusable size of %d x %d pixels", path, info->width, info->height);
		ok = false;
	}
	report_free(tmp);
	return ok;
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

static cairo_surface_t *
decode_jpeg(const char *path, guchar *data, gsize n, Report *r)
{
	struct jpeg_decompress_struct cinfo;
	JpegError err;
	cairo_surface_t *volatile surface = NULL;
	JSAMPROW row = NULL;

	cinfo.err = jpeg_std_error(&err.pub);
	err.pub.error_exit = jpeg_fail;
	err.pub.emit_message = jpeg_quiet;
	if (setjmp(err.jump)) {
		report_error(r, DIAG_INPUT, path, 0, 0, "re-export the image", "broken JPEG: %s",
		             err.message);
		jpeg_destroy_decompress(&cinfo);
		g_free(row);
		if (surface)
			cairo_surface_destroy(surface);
		return NULL;
	}
	jpeg_create_decompress(&cinfo);
	jpeg_mem_src(&cinfo, data, (unsigned long)n);
	jpeg_read_header(&cinfo, TRUE);
	cinfo.out_color_space = JCS_RGB;
	jpeg_start_decompress(&cinfo);
	surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)cinfo.output_width,
	                                     (int)cinfo.output_height);
	row = g_malloc((gsize)cinfo.output_width * 3);
	while (cinfo.output_scanline < cinfo.output_height) {
		guint32 *dst = (guint32 *)(cairo_image_surface_get_data(surface) +
		                           (gsize)cinfo.output_scanline *
		                               (gsize)cairo_image_surface_get_stride(surface));
		jpeg_read_scanlines(&cinfo, &row, 1);
		for (JDIMENSION x = 0; x < cinfo.output_width; x++)
			dst[x] = 0xff000000u | (guint32)row[3 * x] << 16 |
			         (guint32)row[3 * x + 1] << 8 | row[3 * x + 2];
	}
	jpeg_finish_decompress(&cinfo);
	jpeg_destroy_decompress(&cinfo);
	g_free(row);
	cairo_surface_mark_dirty(surface);
	return surface;
}

/* libjpeg reads the header, so a file the PDF viewer could not decode is still an error */
static bool
jpeg_header_ok(guchar *data, gsize n)
{
	struct jpeg_decompress_struct cinfo;
	JpegError err;
	volatile bool ok = false;
	cinfo.err = jpeg_std_error(&err.pub);
	err.pub.error_exit = jpeg_fail;
	err.pub.emit_message = jpeg_quiet;
	if (setjmp(err.jump) == 0) {
		jpeg_create_decompress(&cinfo);
		jpeg_mem_src(&cinfo, data, (unsigned long)n);
		ok = jpeg_read_header(&cinfo, TRUE) == JPEG_HEADER_OK;
	}
	jpeg_destroy_decompress(&cinfo);
	return ok;
}

cairo_surface_t *
image_load(const char *path, bool for_pdf, Report *r)
{
	char *data = NULL;
	gsize n = 0;
	ImageInfo info;
	cairo_surface_t *s;

	if (!textfile_read(path, IMAGE_MAX_BYTES, &data, &n, r))
		return NULL;
	if (probe_jpeg((guchar *)data, n, &info)) {
		/* The PDF embeds the file as is and needs no pixels: a 1x1 surface carries the JPEG
		 * (cairo writes the image's own size from its header and paints the unit square the
		 * caller scales), so no megabytes of blank pixels are allocated and copied. */
		if (for_pdf && jpeg_header_ok((guchar *)data, n))
			s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
		else
			s = decode_jpeg(path, (guchar *)data, n, r);
		if (!s) {
			g_free(data);
			return NULL;
		}
		/* the PDF embeds the original JPEG bytes; cairo frees them with the surface */
		cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, (guchar *)data, n, g_free,
		                            data);
		return s;
	}
	if (probe_png((guchar *)data, n, &info)) {
		PngReader pr = {(guchar *)data, n, 0};
		s = cairo_image_surface_create_from_png_stream(png_read, &pr);
		g_free(data);
		if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
			report_error(r, DIAG_INPUT, path, 0, 0, "re-export the image",
			             "broken PNG: %s",
			             cairo_status_to_string(cairo_surface_status(s)));
			cairo_surface_destroy(s);
			return NULL;
		}
		return s;
	}
	g_free(data);
	report_error(r, DIAG_INPUT, path, 0, 0, "photos and ads must be PNG or JPEG files",
	             "not a PNG or JPEG image");
	return NULL;
}
