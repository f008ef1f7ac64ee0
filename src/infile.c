/* infile.c - opening and reading input files: confined to a folder, regular files only, bounded.
 */
#include "infile.h"
#include "i18n.h"
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define HINT_PATH    _("check the path; it is relative to the file that names it")
#define HINT_REGULAR _("name a regular file: huozi reads no pipes, devices, sockets or folders")

InDir *
infile_dir_open(const char *path, bool confined, Report *r)
{
	int fd = open(*path ? path : ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
	InDir *d;
	if (fd < 0) {
		report_error(r, DIAG_INPUT, path, 0, 0, _("check the path of the page description"),
		             _("cannot open the folder: %s"), g_strerror(errno));
		return NULL;
	}
	d = g_new0(InDir, 1);
	d->fd = fd;
	d->path = g_strdup(path);
	d->confined = confined;
	return d;
}

void
infile_dir_free(InDir *d)
{
	if (!d)
		return;
	close(d->fd);
	g_free(d->path);
	g_free(d);
}

char *
infile_limit_text(gsize max)
{
	if (max >= 1024 * 1024 && max % (1024 * 1024) == 0)
		return g_strdup_printf(_("%zu MB"), (size_t)(max / (1024 * 1024)));
	return g_strdup_printf(_("%zu bytes"), (size_t)max);
}

/* Open normally, then ask the kernel where the open file is and refuse it unless that is
 * inside the folder: the check is on the open file, so no rename can slip past it. This serves
 * what openat2 refuses although it may stay inside (an absolute symlink to a file in the
 * folder, ".." that comes back) and kernels without openat2 (Linux before 5.6). Where /proc
 * cannot tell, the file is refused. */
static int
open_checked(const InDir *dir, const char *name, int flags, bool *outside)
{
	char link[64], at[4096], root[4096];
	ssize_t n, m;
	int fd = openat(dir->fd, name, flags);
	if (fd < 0)
		return -1;
	g_snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	n = readlink(link, at, sizeof at - 1);
	g_snprintf(link, sizeof link, "/proc/self/fd/%d", dir->fd);
	m = readlink(link, root, sizeof root - 1);
	if (n > 0 && m > 0) {
		at[n] = root[m] = '\0';
		if (strncmp(at, root, (size_t)m) == 0 &&
		    (at[m] == '/' || (m == 1 && root[0] == '/')))
			return fd;
	}
	close(fd);
	*outside = true;
	errno = EXDEV;
	return -1;
}

/* does the name, read as written, climb out of the folder with ".."? */
static bool
leaves_lexically(const char *name)
{
	int depth = 0;
	g_auto(GStrv) parts = g_strsplit(name, "/", -1);
	for (int i = 0; parts[i]; i++) {
		if (strcmp(parts[i], "..") == 0 && --depth < 0)
			return true;
		if (*parts[i] && strcmp(parts[i], ".") != 0 && strcmp(parts[i], "..") != 0)
			depth++;
	}
	return false;
}

static bool no_openat2; /* set when the kernel has no openat2, or by a test */

void
infile_use_openat2(bool use)
{
	no_openat2 = !use;
}

/* openat2 beneath the folder; what it refuses as leaving the folder (EXDEV) or as a magic
 * link (ELOOP) is opened and checked by where it really is */
static int
open_beneath(const InDir *dir, const char *name, int flags, bool *outside)
{
	if (!dir)
		return open(name, flags);
	if (!dir->confined)
		return openat(dir->fd, name, flags);
	if (name[0] == '/') {
		*outside = true;
		errno = EXDEV;
		return -1;
	}
	if (!no_openat2) {
		struct open_how how = {.flags = (guint64)flags,
		                       .resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS};
		for (int tries = 0; tries < 8; tries++) {
			long fd = syscall(SYS_openat2, dir->fd, name, &how, sizeof how);
			if (fd >= 0)
				return (int)fd;
			if (errno != EAGAIN) /* EAGAIN: a rename raced the lookup; try again */
				break;
		}
		if (errno != ENOSYS && errno != EXDEV && errno != ELOOP)
			return -1;
		if (errno == ENOSYS)
			no_openat2 = true;
		else if (errno == EXDEV) {
			/* the name passes outside: only a file that really is inside is accepted,
			 * and anything else (missing too) is outside */
			int fd = open_checked(dir, name, flags, outside);
			if (fd < 0)
				*outside = true;
			return fd;
		}
	}
	{
		/* without openat2: a name that climbs out and fails to open is outside too */
		int fd = open_checked(dir, name, flags, outside);
		if (fd < 0 && leaves_lexically(name))
			*outside = true;
		return fd;
	}
}

const char *
infile_kind_name(mode_t mode)
{
	if (S_ISDIR(mode))
		return _("a folder");
	if (S_ISFIFO(mode))
		return _("a FIFO (named pipe)");
	if (S_ISCHR(mode))
		return _("a character device");
	if (S_ISBLK(mode))
		return _("a block device");
	if (S_ISSOCK(mode))
		return _("a socket");
	return _("not a regular file");
}

static void
too_large(Report *r, const char *shown, guint64 size, gsize max, bool exact)
{
	g_autofree char *limit = infile_limit_text(max);
	if (exact)
		report_error(r, DIAG_INPUT, shown, 0, 0,
		             _("split the file or check that it is the right one"),
		             _("file too large: %llu bytes (limit %s)"), (unsigned long long)size,
		             limit);
	else
		report_error(r, DIAG_INPUT, shown, 0, 0,
		             _("split the file or check that it is the right one"),
		             _("file too large: more than %s"), limit);
}

/* at most max + 1 bytes, whatever st_size said */
static bool
read_bounded(int fd, gsize max, gsize hint, char **data, gsize *len)
{
	gsize cap = MIN(MAX(hint, (gsize)4096), max + 1), n = 0;
	char *buf = g_malloc(cap + 1);
	for (;;) {
		ssize_t k;
		if (n == cap) {
			if (cap > max)
				break;
			cap = MIN(cap * 2, max + 1);
			buf = g_realloc(buf, cap + 1);
		}
		k = read(fd, buf + n, cap - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			int e = errno;
			g_free(buf);
			errno = e;
			return false;
		}
		if (k == 0)
			break;
		n += (gsize)k;
	}
	buf[n] = '\0'; /* callers may treat text as a C string */
	*data = buf;
	*len = n;
	return true;
}

guint
infile_id_hash(gconstpointer p)
{
	const InFileId *id = p;
	return g_int64_hash(&(gint64){(gint64)id->ino}) ^ (guint)id->dev;
}

gboolean
infile_id_equal(gconstpointer a, gconstpointer b)
{
	const InFileId *x = a, *y = b;
	return x->dev == y->dev && x->ino == y->ino;
}

InFileStatus
infile_read(const InDir *dir, const char *name, const char *shown, gsize max, GBytes **out,
            InFileId *id, Report *r)
{
	return infile_read_unseen(dir, name, shown, max, NULL, out, id, r);
}

InFileStatus
infile_read_unseen(const InDir *dir, const char *name, const char *shown, gsize max,
                   GHashTable *seen, GBytes **out, InFileId *id, Report *r)
{
	struct stat st, st2;
	char proc[64];
	bool outside = false;
	int pfd, fd;
	char *data = NULL;
	gsize len = 0;

	*out = NULL;
	/* O_PATH first: a device is never opened for reading (opening some has effects), a FIFO
	 * never waits for a writer, and a socket can be named */
	pfd = open_beneath(dir, name, O_PATH | O_CLOEXEC, &outside);
	if (pfd < 0) {
		if (outside)
			return INFILE_OUTSIDE;
		report_error(r, DIAG_INPUT, shown, 0, 0, HINT_PATH, _("cannot open file: %s"),
		             g_strerror(errno));
		return INFILE_FAILED;
	}
	if (fstat(pfd, &st) != 0) {
		report_error(r, DIAG_INPUT, shown, 0, 0, HINT_PATH, _("cannot open file: %s"),
		             g_strerror(errno));
		close(pfd);
		return INFILE_FAILED;
	}
	if (S_ISDIR(st.st_mode)) {
		close(pfd);
		report_error(r, DIAG_INPUT, shown, 0, 0, _("name a file, not a folder"),
		             _("is a directory"));
		return INFILE_FAILED;
	}
	if (!S_ISREG(st.st_mode)) {
		close(pfd);
		report_error(r, DIAG_INPUT, shown, 0, 0, HINT_REGULAR,
		             _("is %s, not a regular file"), infile_kind_name(st.st_mode));
		return INFILE_FAILED;
	}
	if ((guint64)st.st_size > max) {
		close(pfd);
		too_large(r, shown, (guint64)st.st_size, max, true);
		return INFILE_FAILED;
	}
	if (seen && g_hash_table_contains(seen, &(InFileId){st.st_dev, st.st_ino})) {
		close(pfd); /* read before under another name, or the same one: not again */
		if (id)
			*id = (InFileId){st.st_dev, st.st_ino};
		return INFILE_OK;
	}
	/* reopen the very file checked, not the name again: no rename or relink in between can
	 * change what is read; without /proc, the name again (and the check below) */
	g_snprintf(proc, sizeof proc, "/proc/self/fd/%d", pfd);
	fd = open(proc, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT)
		fd =
		    open_beneath(dir, name, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, &outside);
	close(pfd);
	if (fd < 0) {
		if (outside)
			return INFILE_OUTSIDE;
		report_error(r, DIAG_INPUT, shown, 0, 0, HINT_PATH, _("cannot open file: %s"),
		             g_strerror(errno));
		return INFILE_FAILED;
	}
	/* the file read must be the file checked: a swap in between is refused */
	if (fstat(fd, &st2) != 0 || !S_ISREG(st2.st_mode) || st2.st_dev != st.st_dev ||
	    st2.st_ino != st.st_ino) {
		report_error(r, DIAG_INPUT, shown, 0, 0,
		             _("run huozi again when the file is saved"),
		             _("the file changed while it was being opened"));
		close(fd);
		return INFILE_FAILED;
	}
	if (!read_bounded(fd, max, (gsize)st2.st_size + 1, &data, &len)) {
		report_error(r, DIAG_INPUT, shown, 0, 0, HINT_PATH, _("cannot read file: %s"),
		             g_strerror(errno));
		close(fd);
		return INFILE_FAILED;
	}
	close(fd);
	if (len > max) {
		g_free(data);
		too_large(r, shown, 0, max, false);
		return INFILE_FAILED;
	}
	if (id) {
		id->dev = st2.st_dev;
		id->ino = st2.st_ino;
	}
	*out = g_bytes_new_with_free_func(data, len, g_free, data);
	return INFILE_OK;
}
