/* infile.h - opening and reading input files: confined to a folder, regular files only, bounded.
 */
#pragma once

#include "report.h"
#include <glib.h>
#include <stdbool.h>
#include <sys/types.h>

/* A folder the files of an edition are opened relative to: opened once (through symlinks),
 * then every name is resolved beneath it, so a name cannot leave it by "..", an absolute
 * path or a symlink, not even when the folder changes during the run. */
typedef struct {
	int fd;        /* O_DIRECTORY */
	char *path;    /* as given, for messages */
	bool confined; /* false with --allow-outside: a plain openat */
} InDir;

/* what a file is: the same (dev, ino) is the same file, whatever its name */
typedef struct {
	dev_t dev;
	ino_t ino;
} InFileId;

typedef enum {
	INFILE_OK,
	INFILE_FAILED,  /* reported at the path shown */
	INFILE_OUTSIDE, /* confined and the name leaves the folder: not reported, the caller
	                   reports it where the name is written */
} InFileStatus;

/* Open the folder (an error is a DIAG_INPUT report naming it); NULL on failure. */
InDir *infile_dir_open(const char *path, bool confined, Report *r);
void infile_dir_free(InDir *d);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(InDir, infile_dir_free)

/* Read the regular file `name` (relative to dir; with dir NULL, a path as given) of at most
 * max bytes. FIFOs, devices, sockets and folders are refused without being read (a FIFO
 * never blocks); at most max + 1 bytes are ever read. Errors are DIAG_INPUT reports at
 * `shown` (the path as the user knows it) with a hint. id, if not NULL, gets the file's
 * identity. */
InFileStatus infile_read(const InDir *dir, const char *name, const char *shown, gsize max,
                         GBytes **out, InFileId *id, Report *r);
/* infile_read, except that a file whose identity is a key of `seen` (InFileId keys, hashed
 * with infile_id_hash and infile_id_equal) is not read: INFILE_OK with *out NULL and *id set.
 * An edition names one photo on many pages; its bytes are read once. */
InFileStatus infile_read_unseen(const InDir *dir, const char *name, const char *shown, gsize max,
                                GHashTable *seen, GBytes **out, InFileId *id, Report *r);
/* GHashTable functions for InFileId keys */
guint infile_id_hash(gconstpointer p);
gboolean infile_id_equal(gconstpointer a, gconstpointer b);
/* Tests: false makes every confined open take the path for kernels without openat2 (open,
 * then check where the open file is through /proc/self/fd). */
void infile_use_openat2(bool use);
/* What a file that is not a regular file is, as messages say it: "a folder", "a FIFO (named
 * pipe)", "a character device", "a block device", "a socket"; inputs and outputs alike. */
const char *infile_kind_name(mode_t mode);
/* "16 MB" or "9 bytes": a limit as messages state it */
char *infile_limit_text(gsize max);
