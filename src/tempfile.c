/* tempfile.c - output files written beside their target and renamed into place; the ones still
 * being written are listed in fixed slots that a signal handler can remove without allocating. */
#include "tempfile.h"
#include "i18n.h"
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* a --split and a --png folder, -o, --report and their post-pass files, and one file for each
 * page written through a symbolic link: 400 pages twice */
#define SLOTS        1024
#define PATH_MAX_LEN 4096

enum { SLOT_FREE, SLOT_FILE, SLOT_FOLDER };

static char slots[SLOTS][PATH_MAX_LEN];
static volatile sig_atomic_t used[SLOTS];
/* the list of slots; held across creating a temporary and listing it, and for good by the
 * signal thread once it removes them */
static GMutex lock;
/* held while a set of outputs is committed, and for good by the signal thread */
static GMutex commit_lock;

/* with lock held */
static bool
slot_add(const char *path, int kind)
{
	for (int i = 0; i < SLOTS; i++)
		if (used[i] == SLOT_FREE && strlen(path) < PATH_MAX_LEN) {
			strcpy(slots[i], path);
			used[i] = kind;
			return true;
		}
	return false;
}

static void
slot_remove(const char *path)
{
	g_mutex_lock(&lock);
	for (int i = 0; i < SLOTS; i++)
		if (used[i] != SLOT_FREE && strcmp(slots[i], path) == 0)
			used[i] = SLOT_FREE;
	g_mutex_unlock(&lock);
}

/* the entries of a folder, read with the raw system call: opendir allocates */
struct dent64 {
	uint64_t ino;
	int64_t off;
	unsigned short reclen;
	unsigned char type;
	char name[];
};

/* Remove a folder of temporary files (no subfolders) and the files in it: again while other
 * threads may still be creating files in it. Async-signal-safe. */
static void
remove_folder(const char *dir)
{
	for (int tries = 0; tries < 100; tries++) {
		int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0)
			return;
		for (bool removed = true; removed;) { /* unlinking while reading may skip some */
			char buf[4096] __attribute__((aligned(8)));
			long n;
			removed = false;
			lseek(fd, 0, SEEK_SET);
			while ((n = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0)
				for (long off = 0; off < n;) {
					struct dent64 *e = (struct dent64 *)(buf + off);
					off += e->reclen;
					if (strcmp(e->name, ".") && strcmp(e->name, "..") &&
					    unlinkat(fd, e->name, 0) == 0)
						removed = true;
				}
		}
		close(fd);
		if (rmdir(dir) == 0 || errno != ENOTEMPTY)
			return;
	}
}

void
tempfile_remove_all(void)
{
	for (int i = 0; i < SLOTS; i++) {
		if (used[i] == SLOT_FILE)
			unlink(slots[i]);
		else if (used[i] == SLOT_FOLDER)
			remove_folder(slots[i]);
	}
}

/* The process's SIGINT, SIGTERM and SIGHUP go to this thread alone (every other thread has
 * them blocked). It waits for a commit in progress to end and for a temporary being created to
 * be listed, then removes every listed temporary and ends the process by the same signal,
 * holding both locks so that nothing new is created or committed meanwhile. */
static gpointer
signal_thread(gpointer data)
{
	const sigset_t *set = data;
	int sig = 0;
	while (sigwait(set, &sig) != 0)
		;
	g_mutex_lock(&commit_lock);
	g_mutex_lock(&lock);
	tempfile_remove_all();
	signal(sig, SIG_DFL);
	pthread_sigmask(SIG_UNBLOCK, set, NULL);
	raise(sig);
	_exit(128 + sig);
}

void
tempfile_catch_signals(void)
{
	static sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL); /* inherited by every thread created from now */
	g_thread_unref(g_thread_new("huozi-signals", signal_thread, &set));
}

/* create with make(tmp) and list it, with no interruption in between */
static char *
create_listed(char *tmp, int kind, const char *shown, Report *r)
{
	int fd = -1, err = 0;
	g_mutex_lock(&lock);
	if (kind == SLOT_FILE)
		fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, 0644);
	else
		fd = g_mkdtemp_full(tmp, 0755) ? 0 : -1;
	err = errno;
	if (fd >= 0 && !slot_add(tmp, kind)) {
		if (kind == SLOT_FILE)
			unlink(tmp);
		else
			rmdir(tmp);
		err = EMFILE;
		fd = -1;
	}
	g_mutex_unlock(&lock);
	if (fd < 0) {
		report_error(
		    r, DIAG_SYSTEM, shown, 0, 0, _("check that the folder exists and is writable"),
		    kind == SLOT_FILE ? _("cannot create the output file: %s")
		                      : _("cannot create a temporary folder for the pages: %s"),
		    g_strerror(err));
		g_free(tmp);
		return NULL;
	}
	if (kind == SLOT_FILE)
		close(fd);
	return tmp;
}

char *
tempfile_beside(const char *path, const char *shown, Report *r)
{
	return create_listed(g_strdup_printf("%s.XXXXXX.part", path), SLOT_FILE,
	                     shown ? shown : path, r);
}

char *
tempfile_folder(const char *dir, const char *shown, Report *r)
{
	return create_listed(g_build_filename(dir, ".huozi-XXXXXX.part", NULL), SLOT_FOLDER,
	                     shown ? shown : dir, r);
}

bool
tempfile_commit(char *tmp, const char *path, bool ok, Report *r)
{
	if (ok && g_rename(tmp, path) != 0) {
		report_error(r, DIAG_SYSTEM, path, 0, 0, NULL,
		             _("cannot move the output into place: %s"), g_strerror(errno));
		ok = false;
	}
	if (!ok)
		g_unlink(tmp);
	slot_remove(tmp);
	g_free(tmp);
	return ok;
}

void
tempfile_discard(char *tmp)
{
	struct stat st;
	if (!tmp)
		return;
	if (lstat(tmp, &st) == 0 && S_ISDIR(st.st_mode))
		remove_folder(tmp);
	else
		g_unlink(tmp);
	slot_remove(tmp);
	g_free(tmp);
}

void
tempfile_forget(char *tmp)
{
	slot_remove(tmp);
	g_free(tmp);
}

int
tempfile_open(const char *tmp, int *err)
{
	int fd = *err ? -1 : open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 && !*err)
		*err = errno;
	return fd;
}

void
tempfile_write(int fd, const void *data, size_t len, int *err)
{
	const char *p = data;
	while (len > 0 && !*err) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			*err = n < 0 ? errno : EIO;
			break;
		}
		p += n;
		len -= (size_t)n;
	}
}

void
tempfile_close(int fd, int *err)
{
	if (fd < 0)
		return;
	if (fsync(fd) != 0 && !*err)
		*err = errno;
	if (close(fd) != 0 && !*err)
		*err = errno;
}

const char *
tempfile_hint(int err)
{
	switch (err) {
	case ENOSPC:
	case EDQUOT:
		return _("free some space on that disk, or write the output somewhere else");
	case EPIPE:
		return _("keep the program reading huozi's output running until huozi ends");
	default:
		return _(
		    "check that the output's folder is writable, or write the output somewhere "
		    "else");
	}
}

void
tempfile_commit_begin(void)
{
	g_mutex_lock(&commit_lock);
}

void
tempfile_commit_end(void)
{
	g_mutex_unlock(&commit_lock);
}
