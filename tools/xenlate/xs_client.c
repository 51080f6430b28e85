// SPDX-License-Identifier: GPL-2.0
/*
 * The xenstore daemon's client for Dom0's tools (xs_client.h).  One
 * request at a time: write it, read messages until the reply with its
 * request id comes (watch events, which these tools never ask for, are
 * skipped).
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xen/io/xs_wire.h>

#include <xenlate/xenstore.h>

#include "xs_client.h"

struct xl_xs {
	int fd;
	uint32_t req_id;
};

static int xs_connect(int *fd)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };

	strcpy(a.sun_path, XSD_SOCKET);
	*fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (*fd < 0)
		return -errno;
	if (connect(*fd, (struct sockaddr *)&a, sizeof(a)) == 0)
		return 0;
	close(*fd);
	*fd = -1;
	return -errno;
}

/* The daemon beside this program, else the one on PATH. */
static int xs_start_daemon(void)
{
	char self[PATH_MAX], prog[PATH_MAX + 32], *slash;
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	int status;
	pid_t pid;

	prog[0] = '\0';
	if (n > 0) {
		self[n] = '\0';
		slash = strrchr(self, '/');
		if (slash) {
			*slash = '\0';
			snprintf(prog, sizeof(prog), "%s/%s", self,
				 XSD_PROGRAM);
		}
	}
	pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0) {
		if (prog[0] && access(prog, X_OK) == 0)
			execl(prog, XSD_PROGRAM, (char *)NULL);
		execlp(XSD_PROGRAM, XSD_PROGRAM, (char *)NULL);
		_exit(127);
	}
	/* It exits once its child listens, or with the reason it cannot. */
	if (waitpid(pid, &status, 0) < 0)
		return -errno;
	return WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -ESRCH;
}

int xl_xs_open(struct xl_xs **out, bool start)
{
	struct xl_xs *x;
	int fd, err;

	*out = NULL;
	err = xs_connect(&fd);
	if (err && start && (err == -ENOENT || err == -ECONNREFUSED)) {
		err = xs_start_daemon();
		if (!err)
			err = xs_connect(&fd);
	}
	if (err)
		return err;
	x = calloc(1, sizeof(*x));
	if (!x) {
		close(fd);
		return -ENOMEM;
	}
	x->fd = fd;
	*out = x;
	return 0;
}

void xl_xs_close(struct xl_xs *x)
{
	if (!x)
		return;
	close(x->fd);
	free(x);
}

static int xs_io(int fd, void *buf, size_t len, bool out)
{
	uint8_t *p = buf;

	while (len) {
		ssize_t n = out ? send(fd, p, len, MSG_NOSIGNAL) :
				  read(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -errno : -ECONNRESET;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* XS_ERROR's name back to an errno. */
static int xs_errno(const char *name)
{
	for (size_t i = 0; i < sizeof(xsd_errors) / sizeof(xsd_errors[0]);
	     i++)
		if (!strcmp(xsd_errors[i].errstring, name))
			return -xsd_errors[i].errnum;
	return -EIO;
}

/* One request: the reply's payload in @reply (NUL-terminated): length. */
static int xs_req(struct xl_xs *x, uint32_t type, const void *payload,
		  uint32_t len, char *reply, size_t size)
{
	static char body[XENSTORE_PAYLOAD_MAX + 1];
	struct xsd_sockmsg h = {
		.type = type, .req_id = ++x->req_id, .len = len,
	};
	int err;

	if (len > XENSTORE_PAYLOAD_MAX)
		return -E2BIG;
	err = xs_io(x->fd, &h, sizeof(h), true);
	if (!err && len)
		err = xs_io(x->fd, (void *)payload, len, true);
	while (!err) {
		err = xs_io(x->fd, &h, sizeof(h), false);
		if (!err && h.len > XENSTORE_PAYLOAD_MAX)
			err = -EPROTO;
		if (!err && h.len)
			err = xs_io(x->fd, body, h.len, false);
		if (err)
			break;
		body[h.len] = '\0';
		if (h.type == XS_WATCH_EVENT || h.req_id != x->req_id)
			continue;
		if (h.type == XS_ERROR)
			return xs_errno(body);
		if (reply && size) {
			size_t n = h.len < size - 1 ? h.len : size - 1;

			memcpy(reply, body, n);
			reply[n] = '\0';
		}
		return (int)h.len;
	}
	return err;
}

/* Up to three NUL-terminated strings, back to back. */
static uint32_t xs_args(char *buf, size_t size, const char *a,
			const char *b, const char *c)
{
	int n = snprintf(buf, size, "%s%c%s%c%s", a, 0, b ? b : "", 0,
			 c ? c : "");

	if (n < 0 || (size_t)n >= size)
		return 0;
	return (uint32_t)strlen(a) + 1 + (b ? (uint32_t)strlen(b) + 1 : 0) +
	       (c ? (uint32_t)strlen(c) + 1 : 0);
}

int xl_xs_write(struct xl_xs *x, const char *path, const char *value)
{
	char buf[XENSTORE_PAYLOAD_MAX];
	size_t pl = strlen(path) + 1, vl = strlen(value);
	int n;

	if (pl + vl > sizeof(buf))
		return -E2BIG;
	memcpy(buf, path, pl);
	memcpy(buf + pl, value, vl);	/* the value is the rest, no NUL */
	n = xs_req(x, XS_WRITE, buf, (uint32_t)(pl + vl), NULL, 0);
	return n < 0 ? n : 0;
}

int xl_xs_read(struct xl_xs *x, const char *path, char *buf, size_t size)
{
	return xs_req(x, XS_READ, path, (uint32_t)strlen(path) + 1, buf,
		      size);
}

int xl_xs_directory(struct xl_xs *x, const char *path, char *buf,
		    size_t size)
{
	return xs_req(x, XS_DIRECTORY, path, (uint32_t)strlen(path) + 1, buf,
		      size);
}

int xl_xs_rm(struct xl_xs *x, const char *path)
{
	int n = xs_req(x, XS_RM, path, (uint32_t)strlen(path) + 1, NULL, 0);

	return n < 0 ? n : 0;
}

int xl_xs_set_perms(struct xl_xs *x, const char *path, const char *perms,
		    size_t len)
{
	char buf[XENSTORE_PAYLOAD_MAX];
	size_t pl = strlen(path) + 1;
	int n;

	if (pl + len > sizeof(buf))
		return -E2BIG;
	memcpy(buf, path, pl);
	memcpy(buf + pl, perms, len);
	n = xs_req(x, XS_SET_PERMS, buf, (uint32_t)(pl + len), NULL, 0);
	return n < 0 ? n : 0;
}

static int xs_domain_msg(struct xl_xs *x, uint32_t type, uint32_t domid,
			 uint64_t gfn, uint32_t port)
{
	char buf[96], d[16], g[24], p[16];
	uint32_t len;
	int n;

	snprintf(d, sizeof(d), "%" PRIu32, domid);
	snprintf(g, sizeof(g), "%" PRIu64, gfn);
	snprintf(p, sizeof(p), "%" PRIu32, port);
	len = type == XS_INTRODUCE ? xs_args(buf, sizeof(buf), d, g, p) :
				     xs_args(buf, sizeof(buf), d, NULL, NULL);
	n = xs_req(x, type, buf, len, NULL, 0);
	return n < 0 ? n : 0;
}

int xl_xs_introduce(struct xl_xs *x, uint32_t domid, uint64_t gfn,
		    uint32_t port)
{
	return xs_domain_msg(x, XS_INTRODUCE, domid, gfn, port);
}

int xl_xs_release(struct xl_xs *x, uint32_t domid)
{
	return xs_domain_msg(x, XS_RELEASE, domid, 0, 0);
}
