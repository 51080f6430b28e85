// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate-xenstored: Dom0's xenstore daemon.  Dom0's tools connect to a
 * unix socket; guests' rings are moved by the hypervisor and reached over
 * the control plane (XL_CMD_STORE_*).
 *
 * There is no Dom0 interrupt for a guest's notification yet: the daemon
 * asks which guests notified (one call for all of them) every
 * XSD_POLL_BUSY_MS while guests talk, every XSD_POLL_IDLE_MS otherwise.
 *
 *   xenlate-xenstored [-f] [-v] [-s SOCKET]
 *
 * Without -f it detaches once the socket listens (the parent exits 0
 * then, or 1 with the reason), logging to SOCKET's directory.  It exits
 * by itself when the hypervisor is unloaded.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "xl_client.h"
#include "daemon.h"
#include "loop.h"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static int listen_on(const char *path)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	char dir[sizeof(a.sun_path)];
	char *slash;
	int fd;

	if (strlen(path) >= sizeof(a.sun_path)) {
		fprintf(stderr, "xenstored: socket path too long: %s\n", path);
		return -1;
	}
	strcpy(a.sun_path, path);
	strcpy(dir, path);
	slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		mkdir(dir, 0700);
	}
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		goto fail;
	/* A socket nobody answers on is a leftover: take its place. */
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) == 0) {
		fprintf(stderr, "xenstored: another daemon listens on %s\n",
			path);
		close(fd);
		return -1;
	}
	unlink(path);
	umask(077);
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) || listen(fd, 16))
		goto fail;
	return fd;
fail:
	fprintf(stderr, "xenstored: %s: %s\n", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	return -1;
}

/* Detach; the parent exits once @ready gets a byte (or EOF: failed). */
static int detach(const char *sock, int *ready)
{
	char log[256], c;
	int p[2], fd;
	pid_t pid;

	if (pipe(p))
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid > 0) {
		close(p[1]);
		exit(read(p[0], &c, 1) == 1 ? 0 : 1);
	}
	close(p[0]);
	setsid();
	snprintf(log, sizeof(log), "%s.log", sock);
	fd = open("/dev/null", O_RDWR);
	if (fd >= 0) {
		dup2(fd, 0);
		dup2(fd, 1);
		close(fd);
	}
	fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd >= 0) {
		dup2(fd, 2);
		close(fd);
	}
	*ready = p[1];
	return 0;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: xenlate-xenstored [-f] [-v] [-s SOCKET]\n"
		   "  -f  stay in the foreground, log to stderr\n"
		   "  -v  log each domain introduced and released\n"
		   "  -s  socket for Dom0's tools (default %s)\n",
		XSD_SOCKET);
}

int main(int argc, char **argv)
{
	const char *sock = XSD_SOCKET;
	bool fg = false, verbose = false;
	int opt, lfd, ready = -1, ret;

	while ((opt = getopt(argc, argv, "fvs:h")) != -1) {
		switch (opt) {
		case 'f':
			fg = true;
			break;
		case 'v':
			verbose = true;
			break;
		case 's':
			sock = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return 2;
	}
	lfd = listen_on(sock);
	if (lfd < 0)
		return 1;
	if (!fg && detach(sock, &ready)) {
		perror("xenstored: fork");
		return 1;
	}
	signal(SIGPIPE, SIG_IGN);
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	ret = xsd_loop(lfd, verbose, ready, &stop);
	unlink(sock);
	return ret;
}
