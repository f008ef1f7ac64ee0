/* fuzz_pdfad.c - libFuzzer target: a PDF ad's probe and preflight (pdfad_probe, which walks
 * the page with adcheck.c) on the input bytes, at page 1 and at the page= 2, in a press run,
 * then the placement matrix of what it found. */
#include "fuzz_common.h"
#include "pdfad.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_glib_setup();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	GBytes *bytes = g_bytes_new(data, size);
	AdCheckOptions o = {true, 0};
	AdWhere w = {"edition.xml", 1, 1, "ad.pdf"};
	for (int page = 0; page <= 2; page += 2) {
		Report *r = report_new();
		ImageInfo info;
		if (pdfad_probe(bytes, page, len_from_pt(495), len_from_pt(390), &o, &w, &info,
		                r)) {
			double m[6];
			pdfad_matrix(&info, 0, 0, 495, 390, m);
		}
		fuzz_report_done(r);
	}
	g_bytes_unref(bytes);
	return 0;
}
