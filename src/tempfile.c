/* tempfile.c - output files written beside their target and renamed into place; the ones still
 * being written are listed in fixed slots that a signal handler can remove without allocating. */
#include "tempfile.h"
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#define SLOTS        64
#define PATH_MAX_LEN 4096

static char slots[SLOTS][PATH_MAX_LEN];
static volatile int used[SLOTS];
static GMutex lock;

static void
slot_add(const char *path)
{
	g_mutex_lock(&lock);
	for (int i = 0; i < SLOTS; i++)
		if (!used[i] && strlen(path) < PATH_MAX_LEN) {
			strcpy(slots[i], path);
			used[i] = 1;
			break;
		}
	g_mutex_unlock(&lock);
}

static void
slot_remove(const char *path)
{
	g_mutex_lock(&lock);
	for (int i = 0; i < SLOTS; i++)
		if (used[i] && strcmp(slots[i], path) == 0)
			used[i] = 0;
	g_mutex_unlock(&lock);
}

void
tempfile_remove_all(void)
{
	for (int i = 0; i < SLOTS; i++)
		if (used[i])
			unlink(slots[i]);
}

char *
tempfile_beside(const char *path, Report *r)
{
	char *tmp = g_strdup_printf("%s.XXXXXX.part", path);
	sigset_t block, old;
	int fd;

	/* no interruption between creating the file and listing it for removal */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &block, &old);
	fd = g_mkstemp_full(tmp, O_WRONLY, 0644);
	if (fd >= 0)
		slot_add(tmp);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (fd < 0) {
		report_error(r, DIAG_SYSTEM, path, 0, 0,
		             "check that the folder exists and is writable",
		             "cannot create the output file: %s", g_strerror(errno));
		g_free(tmp);
		return NULL;
	}
	close(fd);
	return tmp;
}

bool
tempfile_commit(char *tmp, const char *path, bool ok, Report *r)
{
	if (ok && g_rename(tmp, path) != 0) {
		report_error(r, DIAG_SYSTEM, path, 0, 0, NULL,
		             "cannot move the output into place: %s", g_strerror(errno));
		ok = false;
	}
	if (!ok)
		g_unlink(tmp);
	slot_remove(tmp);
	g_free(tmp);
	return ok;
}
