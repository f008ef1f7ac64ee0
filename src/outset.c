/* outset.c - the outputs of one run: checked against the edition's inputs and each other before
 * anything is written, written to temporary files, and committed together or not at all.
 *
 * Identity is by file, not by spelling: an output that exists is compared by (st_dev, st_ino),
 * links followed, with every input; one that does not exist yet by its path with the existing
 * part of it resolved. An existing symbolic link is followed: its target is replaced through a
 * temporary file beside the target and the link stays. A folder output's files are written into
 * a temporary folder inside it and moved into place at the commit. */
#include "outset.h"
#include "i18n.h"
#include "infile.h"
#include "tempfile.h"
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
	char *shown;     /* as the user named it; DIR/NAME for a folder's file */
	char *option;    /* "-o", "--report", "--split" */
	char *noun;      /* "PDF", "report" */
	int folder;      /* index into folders, or -1 */
	bool to_stdout;  /* "-" */
	bool refused;    /* outset_check found a problem */
	char *target;    /* what the rename replaces: shown, or where a symbolic link points */
	char *key;       /* identity: "i:DEV:INO" when it exists, else "p:RESOLVED-PATH" */
	char *tmp;       /* where it is written; listed for removal unless in its folder's */
	bool tmp_listed; /* tmp is its own temporary file (not inside the temporary folder) */
	bool done;       /* renamed into place */
} Out;

typedef struct {
	char *shown;
	char *option;
	bool refused;
	char *tmpdir;    /* DIR/.huozi-XXXXXX.part */
	GPtrArray *made; /* folders this run created, outermost first */
} Folder;

struct OutSet {
	GArray *outs;    /* Out */
	GArray *folders; /* Folder */
	bool committed;
};

OutSet *
outset_new(void)
{
	OutSet *s = g_new0(OutSet, 1);
	s->outs = g_array_new(FALSE, TRUE, sizeof(Out));
	s->folders = g_array_new(FALSE, TRUE, sizeof(Folder));
	return s;
}

static void
remove_made(Folder *f)
{
	for (guint k = f->made->len; k-- > 0;)
		g_rmdir(g_ptr_array_index(f->made, k)); /* only when empty */
}

void
outset_free(OutSet *s)
{
	if (!s)
		return;
	if (!s->committed)
		outset_commit(s, false, NULL);
	for (guint i = 0; i < s->outs->len; i++) {
		Out *o = &g_array_index(s->outs, Out, i);
		g_free(o->shown);
		g_free(o->option);
		g_free(o->noun);
		g_free(o->target);
		g_free(o->key);
		g_free(o->tmp);
	}
	for (guint i = 0; i < s->folders->len; i++) {
		Folder *f = &g_array_index(s->folders, Folder, i);
		g_free(f->shown);
		g_free(f->option);
		g_free(f->tmpdir);
		g_ptr_array_unref(f->made);
	}
	g_array_free(s->outs, TRUE);
	g_array_free(s->folders, TRUE);
	g_free(s);
}

static int
add(OutSet *s, char *shown, const char *option, const char *noun, int folder)
{
	Out o = {.shown = shown,
	         .option = g_strdup(option),
	         .noun = g_strdup(noun),
	         .folder = folder,
	         .to_stdout = folder < 0 && strcmp(shown, "-") == 0};
	g_array_append_val(s->outs, o);
	return (int)s->outs->len - 1;
}

int
outset_add_file(OutSet *s, const char *path, const char *option, const char *noun)
{
	return add(s, g_strdup(path), option, noun, -1);
}

int
outset_add_folder(OutSet *s, const char *dir, const char *option)
{
	Folder f = {.shown = g_strdup(dir),
	            .option = g_strdup(option),
	            .made = g_ptr_array_new_with_free_func(g_free)};
	g_array_append_val(s->folders, f);
	return (int)s->folders->len - 1;
}

int
outset_add_in_folder(OutSet *s, int folder, const char *name, const char *option, const char *noun)
{
	const Folder *f = &g_array_index(s->folders, Folder, folder);
	return add(s, g_build_filename(f->shown, name, NULL), option, noun, folder);
}

const char *
outset_tmp(const OutSet *s, int i)
{
	return g_array_index(s->outs, Out, i).tmp;
}

const char *
outset_shown(const OutSet *s, int i)
{
	return g_array_index(s->outs, Out, i).shown;
}

bool
outset_uses_stdout(const OutSet *s)
{
	for (guint i = 0; i < s->outs->len; i++)
		if (g_array_index(s->outs, Out, i).to_stdout)
			return true;
	return false;
}

/* A path that may not exist yet, made absolute with the part that exists resolved: two
 * spellings of the same new file give the same string. */
static char *
resolve_missing(const char *path)
{
	g_autofree char *abs = g_canonicalize_filename(path, NULL);
	g_autofree char *dir = g_path_get_dirname(abs);
	g_autofree char *base = g_path_get_basename(abs);
	char *real = realpath(dir, NULL);
	char *out;
	if (real) {
		out = g_build_filename(real, base, NULL);
		free(real);
		return out;
	}
	if (strcmp(dir, abs) == 0) /* the root: cannot happen, it exists */
		return g_strdup(abs);
	g_autofree char *up = resolve_missing(dir);
	return g_build_filename(up, base, NULL);
}

/* one input of the edition: the file it is, and its name as the page description gives it
 * (the path relative to the page description's folder when it is inside it) */
typedef struct {
	dev_t dev;
	ino_t ino;
	char *name;
} Input;

static void
add_input(GArray *in, const char *path, const char *dir)
{
	struct stat st;
	Input x;
	size_t n = dir ? strlen(dir) : 0;
	if (!path || stat(path, &st) != 0)
		return; /* a missing input is reported by the stage that reads it */
	x.dev = st.st_dev;
	x.ino = st.st_ino;
	x.name =
	    g_strdup(dir && strncmp(path, dir, n) == 0 && path[n] == '/' ? path + n + 1 : path);
	g_array_append_val(in, x);
}

static GArray *
inputs_of(const Model *m)
{
	GArray *in = g_array_new(FALSE, FALSE, sizeof(Input));
	g_autofree char *dir = g_path_get_dirname(m->file);
	add_input(in, m->file, NULL); /* as given on the command line */
	add_input(in, m->layout ? m->layout->file : NULL, dir);
	for (int s = 0; s < m->nstories; s++)
		add_input(in, m->stories[s].src, dir);
	for (int p = 0; p < m->npages; p++)
		for (int i = 0; i < m->pages[p].nelems; i++)
			add_input(in, m->pages[p].elems[i].src, dir);
	return in;
}

static void
inputs_free(GArray *in)
{
	for (guint i = 0; i < in->len; i++)
		g_free(g_array_index(in, Input, i).name);
	g_array_free(in, TRUE);
}

/* A symbolic link at path that leads nowhere: refused with its target named. */
static void
refuse_dangling(const char *shown, const char *path, Report *r)
{
	g_autofree char *to = g_file_read_link(path, NULL);
	report_error(
	    r, DIAG_INPUT, shown, 0, 0, _("remove the link, or create the file it points to"),
	    _("the output is a symbolic link to a file that does not exist (%s)"), to ? to : "?");
}

static bool
check_folder(Folder *f, Report *r)
{
	struct stat st;
	if (stat(f->shown, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return true;
		report_error(r, DIAG_INPUT, f->shown, 0, 0,
		             _("name a folder: huozi creates it when it does not exist"),
		             _("%s needs a folder, and this is %s"), f->option,
		             S_ISREG(st.st_mode) ? _("a file") : infile_kind_name(st.st_mode));
		return false;
	}
	if (errno == ENOENT && lstat(f->shown, &st) == 0) {
		refuse_dangling(f->shown, f->shown, r);
		return false;
	}
	return true; /* missing: created by outset_open; other errors show there */
}

/* an existing file: never an input; its identity for finding two outputs on one file */
static bool
check_identity(Out *o, const struct stat *st, const GArray *in, Report *r)
{
	for (guint i = 0; i < in->len; i++) {
		const Input *x = &g_array_index(in, Input, i);
		if (x->dev == st->st_dev && x->ino == st->st_ino) {
			report_error(
			    r, DIAG_INPUT, o->shown, 0, 0, _("write the output somewhere else"),
			    _("the output would overwrite an input of the edition (%s)"), x->name);
			return false;
		}
	}
	o->key = g_strdup_printf("i:%ju:%ju", (uintmax_t)st->st_dev, (uintmax_t)st->st_ino);
	return true;
}

/* what output o is: its target and its identity, or a refusal */
static bool
check_out(Out *o, const GArray *in, Report *r)
{
	struct stat st;
	const char *hint = o->folder < 0
	                       ? _("name a regular file, or - for standard output")
	                       : _("move it out of the way, or write the pages to another folder");
	if (lstat(o->shown, &st) != 0) {
		if (errno != ENOENT && errno != ENOTDIR) {
			report_error(r, DIAG_SYSTEM, o->shown, 0, 0,
			             _("check the permissions of the output's folder"),
			             _("cannot look at the output: %s"), g_strerror(errno));
			return false;
		}
		o->target = g_strdup(o->shown);
		g_autofree char *path = resolve_missing(o->shown);
		o->key = g_strconcat("p:", path, NULL);
		return true;
	}
	if (S_ISLNK(st.st_mode)) {
		char *real;
		if (stat(o->shown, &st) != 0) {
			refuse_dangling(o->shown, o->shown, r);
			return false;
		}
		real = realpath(o->shown, NULL);
		o->target = g_strdup(real ? real : o->shown);
		free(real);
	} else {
		o->target = g_strdup(o->shown);
	}
	if (!S_ISREG(st.st_mode)) {
		report_error(r, DIAG_INPUT, o->shown, 0, 0, hint, _("the output is %s, not a file"),
		             infile_kind_name(st.st_mode));
		return false;
	}
	return check_identity(o, &st, in, r);
}

/* Standard output redirected to a file (`-o - >> stories/a.txt`) is held to the same rules as
 * a named file; a pipe, a terminal or a device is what it is meant for. */
static bool
check_stdout(Out *o, const GArray *in, Report *r)
{
	struct stat st;
	if (fstat(STDOUT_FILENO, &st) != 0 || !S_ISREG(st.st_mode))
		return true;
	return check_identity(o, &st, in, r);
}

bool
outset_check(OutSet *s, const Model *m, Report *r)
{
	GArray *in = inputs_of(m);
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	bool ok = true;
	for (guint i = 0; i < s->folders->len; i++) {
		Folder *f = &g_array_index(s->folders, Folder, i);
		f->refused = !check_folder(f, r);
		ok = ok && !f->refused;
	}
	for (guint i = 0; i < s->outs->len; i++) {
		Out *o = &g_array_index(s->outs, Out, i);
		Out *other;
		if (o->folder >= 0 && g_array_index(s->folders, Folder, o->folder).refused)
			continue;
		if (!(o->to_stdout ? check_stdout(o, in, r) : check_out(o, in, r))) {
			o->refused = true;
			ok = false;
			continue;
		}
		if (!o->key) /* standard output that is not a file */
			continue;
		if ((other = g_hash_table_lookup(seen, o->key))) {
			report_error(r, DIAG_INPUT, o->shown, 0, 0,
			             _("give each output its own file name"),
			             _("the %s (%s) and the %s (%s) would be the same file"),
			             other->noun, other->option, o->noun, o->option);
			o->refused = true;
			ok = false;
			continue;
		}
		g_hash_table_insert(seen, o->key, o);
	}
	g_hash_table_destroy(seen);
	inputs_free(in);
	return ok;
}

/* create dir and its missing parents, remembering them to remove again */
static bool
make_folder(Folder *f, Report *r)
{
	GPtrArray *missing = g_ptr_array_new_with_free_func(g_free);
	char *d = g_strdup(f->shown);
	bool ok = true;
	for (;;) {
		char *up;
		if (g_file_test(d, G_FILE_TEST_IS_DIR))
			break;
		g_ptr_array_insert(missing, 0, d);
		up = g_path_get_dirname(d);
		if (strcmp(up, d) == 0) {
			g_free(up);
			d = NULL;
			break;
		}
		d = up;
	}
	g_free(d);
	for (guint k = 0; k < missing->len && ok; k++) {
		const char *dir = g_ptr_array_index(missing, k);
		if (g_mkdir(dir, 0755) != 0 && errno != EEXIST) {
			report_error(r, DIAG_SYSTEM, f->shown, 0, 0,
			             _("check that the folder's parent is writable"),
			             _("cannot create the folder: %s"), g_strerror(errno));
			ok = false;
		} else {
			g_ptr_array_add(f->made, g_strdup(dir));
		}
	}
	g_ptr_array_unref(missing);
	return ok;
}

bool
outset_open(OutSet *s, Report *r)
{
	for (guint i = 0; i < s->folders->len; i++) {
		Folder *f = &g_array_index(s->folders, Folder, i);
		if (!make_folder(f, r) || !(f->tmpdir = tempfile_folder(f->shown, NULL, r)))
			return false;
	}
	for (guint i = 0; i < s->outs->len; i++) {
		Out *o = &g_array_index(s->outs, Out, i);
		if (o->to_stdout) {
			g_autofree char *t =
			    g_build_filename(g_get_tmp_dir(), "huozi-stdout", NULL);
			o->tmp = tempfile_beside(t, "-", r);
			o->tmp_listed = true;
		} else if (o->folder >= 0 && strcmp(o->target, o->shown) == 0) {
			g_autofree char *base = g_path_get_basename(o->shown);
			o->tmp = g_build_filename(
			    g_array_index(s->folders, Folder, o->folder).tmpdir, base, NULL);
		} else {
			o->tmp = tempfile_beside(o->target, o->shown, r);
			o->tmp_listed = true;
		}
		if (!o->tmp)
			return false;
	}
	return true;
}

/* the temporary file of a standard output one, copied out */
static bool
copy_to_stdout(const Out *o, Report *r)
{
	int err = 0, fd = open(o->tmp, O_RDONLY | O_CLOEXEC);
	char buf[65536];
	ssize_t n = 0;
	if (fd < 0)
		err = errno;
	while (!err && (n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err = errno;
			break;
		}
		tempfile_write(STDOUT_FILENO, buf, (size_t)n, &err);
	}
	if (fd >= 0)
		close(fd);
	if (err)
		report_error(r, DIAG_SYSTEM, "-", 0, 0, tempfile_hint(err),
		             _("cannot write the %s to standard output: %s"), o->noun,
		             g_strerror(err));
	return !err;
}

/* the renames are durable once the folders that hold them are */
static void
sync_folders(OutSet *s)
{
	GHashTable *dirs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTableIter it;
	gpointer dir;
	for (guint i = 0; i < s->outs->len; i++) {
		const Out *o = &g_array_index(s->outs, Out, i);
		if (o->done)
			g_hash_table_add(dirs, g_path_get_dirname(o->target));
	}
	g_hash_table_iter_init(&it, dirs);
	while (g_hash_table_iter_next(&it, &dir, NULL)) {
		int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (fd >= 0) {
			fsync(fd);
			close(fd);
		}
	}
	g_hash_table_destroy(dirs);
}

bool
outset_commit(OutSet *s, bool ok, Report *r)
{
	bool began;
	if (s->committed)
		return false;
	s->committed = true;
	/* standard output first, interruptible (a stream cannot be taken back anyway): the files
	 * are renamed only when it got everything */
	fflush(stdout);
	for (guint i = 0; i < s->outs->len && ok; i++) {
		const Out *o = &g_array_index(s->outs, Out, i);
		if (o->to_stdout)
			ok = copy_to_stdout(o, r);
	}
	began = ok;
	if (began) {
		tempfile_commit_begin();
		for (guint i = 0; i < s->outs->len && ok; i++) {
			Out *o = &g_array_index(s->outs, Out, i);
			if (o->to_stdout)
				continue;
			if (g_rename(o->tmp, o->target) != 0) {
				report_error(r, DIAG_SYSTEM, o->shown, 0, 0, tempfile_hint(errno),
				             _("cannot move the %s into place: %s"), o->noun,
				             g_strerror(errno));
				ok = false;
				break;
			}
			o->done = true;
		}
		sync_folders(s);
	}
	for (guint i = 0; i < s->outs->len; i++) {
		Out *o = &g_array_index(s->outs, Out, i);
		if (!o->tmp_listed)
			continue;
		if (o->done)
			tempfile_forget(g_steal_pointer(&o->tmp));
		else
			tempfile_discard(g_steal_pointer(&o->tmp));
	}
	for (guint i = s->folders->len; i-- > 0;) { /* the last made first: they may nest */
		Folder *f = &g_array_index(s->folders, Folder, i);
		tempfile_discard(g_steal_pointer(&f->tmpdir));
		if (!ok)
			remove_made(f);
	}
	if (began)
		tempfile_commit_end();
	return ok;
}
