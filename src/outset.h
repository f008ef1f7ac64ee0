/* outset.h - the outputs of one run: checked against the edition's inputs and each other before
 * anything is written, written to temporary files, and committed together or not at all. */
#pragma once

#include "model.h"
#include "report.h"
#include <stdbool.h>

typedef struct OutSet OutSet;

OutSet *outset_new(void);
/* Removes every temporary file and folder not committed. */
void outset_free(OutSet *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(OutSet, outset_free)

/* An output file, "-" for standard output. `option` names it in messages ("-o", "--report"),
 * `noun` says what it holds ("PDF", "report"). Returns its index. */
int outset_add_file(OutSet *s, const char *path, const char *option, const char *noun);
/* A folder of outputs (--split, --png), created when missing; returns its number. */
int outset_add_folder(OutSet *s, const char *dir, const char *option);
/* A file `name` in that folder; returns its index, as outset_add_file. */
int outset_add_in_folder(OutSet *s, int folder, const char *name, const char *option,
                         const char *noun);

/* Refuse, with one error each, every output that would replace an input of m (same device and
 * inode), that exists and is not a regular file (a folder for a folder output), that is a
 * symbolic link to nothing, or that is the same file as another output. Writes nothing. */
bool outset_check(OutSet *s, const Model *m, Report *r);
/* Create the missing folders and every temporary file and folder. */
bool outset_open(OutSet *s, Report *r);
/* Where output i is to be written (a temporary file), and its name as the user gave it. */
const char *outset_tmp(const OutSet *s, int i);
const char *outset_shown(const OutSet *s, int i);
/* true when an output goes to standard output */
bool outset_uses_stdout(const OutSet *s);
/* When ok, copy the standard output ones out and then rename every temporary file onto its
 * target, with interrupts held until the end; when not, remove them, and the folders created.
 * true when every output is in place. */
bool outset_commit(OutSet *s, bool ok, Report *r);
