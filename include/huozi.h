/* huozi.h - libhuozi, the public API: load a newspaper edition, lay it out, write it (PDF, split
 * pages, PNG proofs, the JSON fit report) and read the diagnostics. See docs/library.md. */
#ifndef HUOZI_H
#define HUOZI_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(HUOZI_BUILDING) && defined(__GNUC__)
#define HZ_EXPORT __attribute__((visibility("default")))
#else
#define HZ_EXPORT
#endif

/* Opaque handles; each has its _new (or _load) and _free. */
typedef struct HzOptions HzOptions; /* how to load, lay out and write */
typedef struct HzEdition HzEdition; /* an edition laid out, ready to write */
typedef struct HzDiags HzDiags;     /* diagnostics, added to by every call given it */

/* the level of a diagnostic */
enum { HZ_NOTE = 0, HZ_WARNING = 1, HZ_ERROR = 2 };
/* what a diagnostic is about; decides the exit status (hz_diags_exit_status) */
enum {
	HZ_DIAG_INPUT = 0,   /* bad input: syntax, unknown name, missing file */
	HZ_DIAG_SYSTEM = 1,  /* I/O failure, out of memory */
	HZ_DIAG_OVERSET = 2, /* text that did not fit its frames */
	HZ_DIAG_GLYPH = 3,   /* a character no font covers */
	HZ_DIAG_FONT = 4,    /* a font role resolved to an unexpected face */
	HZ_DIAG_RULE = 5,    /* a typographic rule that had to be broken */
	HZ_DIAG_LAYOUT = 6,  /* other layout findings (loose lines, squeezed display text) */
	HZ_DIAG_MAKEUP = 7,  /* a module that does not end flush beyond the layout's tolerance */
	HZ_DIAG_AD = 8,      /* a PDF ad's preflight finding (adcheck.h) */
};
/* exit statuses, as the huozi program uses them */
enum { HZ_EXIT_OK = 0, HZ_EXIT_STRICT = 1, HZ_EXIT_INPUT = 2, HZ_EXIT_SYSTEM = 3 };

/* "0.2.0"; static storage */
HZ_EXPORT const char *hz_version(void);
/* Free a string the library returned as the caller's (hz_diag_format). */
HZ_EXPORT void hz_free(void *p);
/* Messages (diagnostics, hints, the text of hz_fit and hz_fonts_report) are in the language of
 * the process's LC_MESSAGES locale, through gettext domain HZ_TEXTDOMAIN: English by default,
 * Chinese under zh_CN. The library never calls setlocale; a program that wants translated
 * messages calls setlocale(LC_ALL, "") first. The folder of the domain's catalogues (the build
 * tree's, or the installation's share/locale), which the library binds itself; a program may
 * bind its own messages of the same domain to it. Static storage. Since 0.2.0. */
#define HZ_TEXTDOMAIN "huozi"
HZ_EXPORT const char *hz_locale_dir(void);

/* --- options: every setter copies its argument; NULL strings restore the default --- */
HZ_EXPORT HzOptions *hz_options_new(void);
HZ_EXPORT void hz_options_free(HzOptions *o);
/* the fontconfig file (default: $HUOZI_FONTS_CONF, else the installation's or source tree's) */
HZ_EXPORT void hz_options_set_fonts_conf(HzOptions *o, const char *path);
/* where layout="NAME" is looked up (default: $HUOZI_LAYOUTS_DIR, else the installation's) */
HZ_EXPORT void hz_options_set_layouts_dir(HzOptions *o, const char *dir);
/* allow files outside the edition's folder (default 0: confined) */
HZ_EXPORT void hz_options_set_allow_outside(HzOptions *o, int on);
/* compose stories on this many threads (default 0: $HUOZI_THREADS, else processors, at most 8) */
HZ_EXPORT void hz_options_set_threads(HzOptions *o, int n);
/* the proof overlay (grid, frames, names, overset marks; not for print) on the PNG proofs of
 * hz_edition_write; never in a PDF but the proof PDF. Read by hz_edition_load. */
HZ_EXPORT void hz_options_set_proof(HzOptions *o, int on);
/* hz_edition_write also writes the edition with the proof overlay as one PDF to this path ("-":
 * standard output), in the same transaction as its other outputs (NULL, the default: none);
 * the PDFs for print stay without it. Read by hz_edition_load (the overlay is composed then).
 * Since 0.2.0. */
HZ_EXPORT void hz_options_set_proof_pdf(HzOptions *o, const char *path);
/* crop marks and bleed, TrimBox and BleedBox in the PDF */
HZ_EXPORT void hz_options_set_marks(HzOptions *o, int on);
/* DeviceCMYK for the press: black text, rules and greys on K only */
HZ_EXPORT void hz_options_set_cmyk(HzOptions *o, int on);
/* PDF/X-1a:2003 for the printing plant: implies cmyk and marks, adds the output intent and its
 * ICC profile, converts the photos to CMYK within the ink limit. Since 0.3.0. */
HZ_EXPORT void hz_options_set_press(HzOptions *o, int on);
/* only these pages, positions in the edition: "1,3-4" (default NULL: all); checked on writing.
 * hz_edition_load then lays out only them and every story with a frame on them (all of its
 * frames): the diagnostics and the overset and empty-cell counts are of those; a write with a
 * report lays out the whole edition first (the report covers it, no diagnostic said twice). */
HZ_EXPORT void hz_options_set_pages(HzOptions *o, const char *pages);
/* resolution of the PNG proofs, 1..2400 (default 100) */
HZ_EXPORT void hz_options_set_dpi(HzOptions *o, double dpi);
/* overset, missing glyphs and broken rules fail: exit status 1 (hz_edition_write's result) */
HZ_EXPORT void hz_options_set_strict(HzOptions *o, int on);
/* called after each page is painted while writing (e.g. to show progress); fn may be NULL */
HZ_EXPORT void hz_options_set_progress(HzOptions *o, void (*fn)(int done, int total, void *data),
                                       void *data);

/* --- diagnostics --- */
HZ_EXPORT HzDiags *hz_diags_new(void);
HZ_EXPORT void hz_diags_free(HzDiags *d);
/* how many diagnostics are kept (at most 1000, then one note saying how many more) */
HZ_EXPORT int hz_diags_count(const HzDiags *d);
HZ_EXPORT int hz_diags_errors(const HzDiags *d);
HZ_EXPORT int hz_diags_warnings(const HzDiags *d);
/* the exit status the diagnostics call for: HZ_EXIT_SYSTEM, HZ_EXIT_INPUT, with strict
 * HZ_EXIT_STRICT for overset, missing glyphs, broken rules; else HZ_EXIT_OK */
HZ_EXPORT int hz_diags_exit_status(const HzDiags *d, int strict);
/* Diagnostic i (0 <= i < hz_diags_count): level (HZ_NOTE...), kind (HZ_DIAG_...), the file
 * (NULL when none), 1-based line and column (0: unknown), message, hint (NULL when none).
 * Strings live as long as d. Out of range: -1 or NULL. */
HZ_EXPORT int hz_diag_level(const HzDiags *d, int i);
HZ_EXPORT int hz_diag_kind(const HzDiags *d, int i);
HZ_EXPORT const char *hz_diag_file(const HzDiags *d, int i);
HZ_EXPORT int hz_diag_line(const HzDiags *d, int i);
HZ_EXPORT int hz_diag_col(const HzDiags *d, int i);
HZ_EXPORT const char *hz_diag_message(const HzDiags *d, int i);
HZ_EXPORT const char *hz_diag_hint(const HzDiags *d, int i);
/* The input line diagnostic i points at, as written (a long line cut to 60 characters either
 * side of the column, "…" marking each cut; bytes that are not UTF-8 are kept as they are, so
 * escape before showing it), or NULL when there is none (no line, or no text of that file).
 * hz_diag_source_col: the column within that text (1-based characters, 0: none);
 * hz_diag_source_span: how many characters from there the token the diagnostic is about takes
 * (at least 1). Since 0.2.0. */
HZ_EXPORT const char *hz_diag_source(const HzDiags *d, int i);
HZ_EXPORT int hz_diag_source_col(const HzDiags *d, int i);
HZ_EXPORT int hz_diag_source_span(const HzDiags *d, int i);
/* "file:line:col: level: message\n", the source line and a caret under the column when known
 * ("   12 | <story colz=...\n      |        ^~~~\n"), then "  hint: ...\n", as huozi prints
 * it, the level and hint words in the language of LC_MESSAGES (错误, 提示 under zh_CN); free
 * with hz_free */
HZ_EXPORT char *hz_diag_format(const HzDiags *d, int i);

/* --- editions --- */
/* Read the edition (its page description, layout, stories, images), load its fonts and lay it
 * out. NULL when an input or system error stopped it (d says why); layout findings (overset,
 * missing glyphs) do not. o may be NULL (the defaults); d may be NULL. */
HZ_EXPORT HzEdition *hz_edition_load(const char *path, const HzOptions *o, HzDiags *d);
HZ_EXPORT void hz_edition_free(HzEdition *e);
HZ_EXPORT int hz_edition_pages(const HzEdition *e);
HZ_EXPORT int hz_edition_stories(const HzEdition *e);
/* stories that did not fit, and their lines left over */
HZ_EXPORT int hz_edition_overset_stories(const HzEdition *e);
HZ_EXPORT int hz_edition_overset_lines(const HzEdition *e);
/* grid cells no element covers, on every page (every page laid out: see _set_pages) */
HZ_EXPORT int hz_edition_empty_cells(const HzEdition *e);

/* Write the outputs, each NULL for none: the edition as one PDF ("-": standard output), a
 * folder with one PDF per page (DATE-版次.pdf), a folder with a PNG proof per page, the fit
 * report as JSON ("-": standard output). One transaction: nothing is written after an input
 * error; every output is checked against the edition's inputs and the others before any is
 * written; all are written to temporary files and put in place together only when the run
 * succeeded, else none is touched. Messages name the outputs as the huozi options do (-o,
 * --split, --png, --report, --proof-pdf for the options' proof PDF). Returns the exit status
 * (hz_diags_exit_status with the options' strict); e's options are the ones it was loaded with. */
HZ_EXPORT int hz_edition_write(HzEdition *e, const char *pdf, const char *split_dir,
                               const char *png_dir, const char *report, HzDiags *d);
/* The edition as one PDF in memory: *data (free with hz_free) and *len. Returns the exit
 * status; *data is NULL unless it is HZ_EXIT_OK or HZ_EXIT_STRICT. */
HZ_EXPORT int hz_edition_write_pdf_memory(HzEdition *e, unsigned char **data, size_t *len,
                                          HzDiags *d);
/* The edition as one PDF written to the open file descriptor fd (not closed). */
HZ_EXPORT int hz_edition_write_pdf_fd(HzEdition *e, int fd, HzDiags *d);

/* Check the edition and write only the fit report (NULL: none), as huozi check: the same
 * transaction as hz_edition_write. Returns the exit status. */
HZ_EXPORT int hz_edition_check(HzEdition *e, const char *report, HzDiags *d);
/* 0 when the last hz_edition_write or _check refused the page selection (hz_options_set_pages),
 * else 1 */
HZ_EXPORT int hz_edition_pages_ok(const HzEdition *e);
/* 1 when the last hz_edition_write or _check sent an output to standard output */
HZ_EXPORT int hz_edition_wrote_stdout(const HzEdition *e);
/* the time a stage took, in milliseconds: shape and compose are summed over the composing
 * threads; HZ_TIME_WRITE is the last write's (PDF, split pages, PNG proofs), -1 when no
 * output was opened (nothing written: an error before, or no write yet) */
enum {
	HZ_TIME_PARSE = 0,
	HZ_TIME_FONTS = 1,
	HZ_TIME_SHAPE = 2,
	HZ_TIME_COMPOSE = 3,
	HZ_TIME_FLOW = 4,
	HZ_TIME_DRAW = 5,
	HZ_TIME_WRITE = 6,
};
HZ_EXPORT double hz_edition_time_ms(const HzEdition *e, int what);

/* --- what else the huozi program shows --- */
/* 1 when hz_dump knows the stage: desc model layout stack items lines flow dlist */
HZ_EXPORT int hz_dump_known(const char *stage);
/* The stable text dump of one stage of the edition (huozi dump), possibly empty (an error
 * stopped it: d says why); NULL for an unknown stage. Free with hz_free. */
HZ_EXPORT char *hz_dump(const char *stage, const char *path, const HzOptions *o, HzDiags *d);
/* The font report (huozi fonts): the fontconfig file, each role's faces, the characters no
 * font covers; NULL when the edition could not be laid out (d says why). Free with hz_free. */
HZ_EXPORT char *hz_fonts_report(const char *path, const HzOptions *o, HzDiags *d);
/* The copyfit table of one story on a layout (huozi fit): the grid lines it needs at each
 * column span. The layout is a file, or a name of the layouts library ("broadsheet": no slash,
 * no .xml) as in a page description. NULL when the story, the layout or the fonts could not be
 * loaded. hz_free it. */
HZ_EXPORT char *hz_fit(const char *story, const char *layout, const HzOptions *o, HzDiags *d);
/* Every file the edition reads (page description, layout, stories, images; symbolic links and
 * their targets), canonical paths, for watching them. When it cannot be loaded: `known` (may
 * be NULL) and whatever the page description still names. NULL-terminated; hz_strv_free. */
HZ_EXPORT char **hz_inputs(const char *path, const HzOptions *o, char **known);
HZ_EXPORT void hz_strv_free(char **v);
/* Interrupted writes leave the previous outputs as they were: SIGINT, SIGTERM and SIGHUP are
 * blocked in the calling thread (and so in every thread it starts afterwards) and handled by a
 * thread of libhuozi's, which lets an output commit in progress finish, removes the temporary
 * files of any write in progress and ends the process by the same signal. Call it at the start
 * of main, before any other thread exists; a program that handles these signals itself does not
 * call it (and may call hz_remove_temporaries from its handler). */
HZ_EXPORT void hz_catch_signals(void);
/* Remove the temporary files and folders of every write in progress (not a commit's renames).
 * Async-signal-safe. */
HZ_EXPORT void hz_remove_temporaries(void);

#ifdef __cplusplus
}
#endif

#endif
