// SPDX-License-Identifier: GPL-2.0
/*
 * Running helper programs with their standard error captured, so their
 * complaint can be folded into the CLI's one-line error.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE		/* pipe2() */
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "run.h"

#define XL_RUN_TAIL	2048	/* enough for the last line or two */

static void xl_child(char *const argv[], int errfd)
{
	static const char *const dirs[] = { "/sbin/", "/usr/sbin/" };
	char path[256];
	unsigned int i;
	int e, null;

	null = open("/dev/null", O_RDONLY);
	if (null >= 0)
		dup2(null, STDIN_FILENO);
	if (errfd == STDERR_FILENO)
		fcntl(errfd, F_SETFD, 0);	/* keep it across exec */
	else
		dup2(errfd, STDERR_FILENO);

	execvp(argv[0], argv);
	e = errno;
	if (e == ENOENT && !strchr(argv[0], '/')) {
		for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
			snprintf(path, sizeof(path), "%s%s", dirs[i], argv[0]);
			execv(path, argv);
		}
	}
	dprintf(STDERR_FILENO, "cannot run %s: %s\n", argv[0], strerror(e));
	_exit(127);
}

/* Keep the last XL_RUN_TAIL bytes the child writes. */
static size_t xl_read_tail(int fd, char *tail, size_t size)
{
	size_t len = 0;
	ssize_t n;

	for (;;) {
		if (len == size) {
			memmove(tail, tail + size / 2, size - size / 2);
			len = size - size / 2;
		}
		n = read(fd, tail + len, size - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	return len;
}

static void xl_last_line(char *tail, size_t len, char *err, size_t errsize)
{
	char *start;

	while (len && (tail[len - 1] == '\n' || tail[len - 1] == ' ' ||
		       tail[len - 1] == '\t' || tail[len - 1] == '\r'))
		len--;
	tail[len] = '\0';
	start = strrchr(tail, '\n');
	snprintf(err, errsize, "%s", start ? start + 1 : tail);
}

int xl_run(char *const argv[], char *err, size_t errsize)
{
	char tail[XL_RUN_TAIL + 1];
	int fds[2], status;
	size_t len;
	pid_t pid;

	if (errsize)
		err[0] = '\0';
	if (pipe2(fds, O_CLOEXEC) < 0) {
		status = errno;
		snprintf(err, errsize, "cannot run %s: %s", argv[0],
			 strerror(status));
		return -status;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		snprintf(err, errsize, "cannot run %s: %s", argv[0],
			 strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -EAGAIN;
	}
	if (pid == 0)
		xl_child(argv, fds[1]);

	close(fds[1]);
	len = xl_read_tail(fds[0], tail, XL_RUN_TAIL);
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			snprintf(err, errsize, "%s: lost track of it: %s",
				 argv[0], strerror(errno));
			return -ECHILD;
		}
	}
	xl_last_line(tail, len, err, errsize);

	if (WIFSIGNALED(status)) {
		if (errsize && !err[0])
			snprintf(err, errsize, "%s killed by signal %d",
				 argv[0], WTERMSIG(status));
		return 128 + WTERMSIG(status);
	}
	if (WEXITSTATUS(status) && errsize && !err[0])
		snprintf(err, errsize, "%s exited with status %d", argv[0],
			 WEXITSTATUS(status));
	return WEXITSTATUS(status);
}
