/* images.c - the print-resolution images of the Typst comparison bench (bench/typst.py): a
 * photo-like JPEG (smooth gradients, detail and grain, quality 90) and an 8-bit RGB PNG ad
 * (flat colours, bands and a grain that keeps deflate honest), the same bytes on every run.
 *
 * usage: images PHOTO.jpg W H AD.png W H */
#include <cairo.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
/* after stdio.h: jpeglib.h uses FILE and size_t */
#include <jpeglib.h>

static uint32_t seed = 12345;

static int
grain(int amount)
{
	seed = seed * 1103515245u + 12345u;
	return (int)((seed >> 16) % (unsigned)(2 * amount + 1)) - amount;
}

static int
clamp(int v)
{
	return v < 0 ? 0 : v > 255 ? 255 : v;
}

static int
write_jpeg(const char *path, int w, int h)
{
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr e;
	FILE *f = fopen(path, "wb");
	unsigned char *row = malloc((size_t)w * 3);
	if (!f || !row)
		return 1;
	c.err = jpeg_std_error(&e);
	jpeg_create_compress(&c);
	jpeg_stdio_dest(&c, f);
	c.image_width = (JDIMENSION)w;
	c.image_height = (JDIMENSION)h;
	c.input_components = 3;
	c.in_color_space = JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, 90, TRUE);
	jpeg_start_compress(&c, TRUE);
	for (int y = 0; y < h; y++) {
		for (int x = 0; x < w; x++) {
			double sky = (double)y / h,
			       wave = sin(x * 0.013 + y * 0.004) * sin(y * 0.021);
			int g = grain(9);
			row[3 * x] = (unsigned char)clamp((int)(40 + 120 * sky + 50 * wave) + g);
			row[3 * x + 1] = (unsigned char)clamp((int)(60 + 90 * sky + 40 * wave) + g);
			row[3 * x + 2] =
			    (unsigned char)clamp((int)(110 + 60 * sky - 30 * wave) + g);
		}
		JSAMPROW r = row;
		jpeg_write_scanlines(&c, &r, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	free(row);
	return fclose(f) != 0;
}

static int
write_png(const char *path, int w, int h)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	unsigned char *d = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	cairo_surface_flush(s);
	for (int y = 0; y < h; y++) {
		uint32_t *px = (uint32_t *)(d + (size_t)y * stride);
		for (int x = 0; x < w; x++) {
			int band = (x / 500 + y / 275) % 4, r = 200, g = 30, b = 30;
			if (band == 1)
				r = 250, g = 210, b = 60;
			else if (band == 2)
				r = 255, g = 255, b = 255;
			else if (band == 3)
				r = 20, g = 60, b = 140;
			int n = grain(3);
			px[x] = (uint32_t)clamp(r + n) << 16 | (uint32_t)clamp(g + n) << 8 |
			        (uint32_t)clamp(b + n);
		}
	}
	cairo_surface_mark_dirty(s);
	int bad = cairo_surface_write_to_png(s, path) != CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(s);
	return bad;
}

int
main(int argc, char **argv)
{
	if (argc != 7) {
		fprintf(stderr, "usage: images PHOTO.jpg W H AD.png W H\n");
		return 2;
	}
	return write_jpeg(argv[1], atoi(argv[2]), atoi(argv[3])) ||
	       write_png(argv[4], atoi(argv[5]), atoi(argv[6]));
}
