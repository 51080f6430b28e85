// SPDX-License-Identifier: GPL-2.0
/*
 * The main loop: Dom0's tools on the unix socket, guests through the
 * control plane.  A guest is read only while its replies drain (a guest
 * that does not take its replies stops being read, not the daemon), and
 * at most XSD_READS_PER_TURN chunks per turn, so one busy guest cannot
 * starve the others.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "xl_client.h"
#include "daemon.h"
#include "loop.h"

#define XSD_READS_PER_TURN	8
#define XSD_MAX_FDS		256
#define XSD_MAX_DOMAINS		1024

struct loop {
	struct xsd d;
	struct xl_client *xl;
	long long busy_until;
	long long next_reap;
	int xl_failures;	/* reopened since the last success */
};

static long long now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* A guest's connection failed with @err: gone, or broke its ring. */
static void guest_failed(struct loop *l, struct xsd_conn *c, int err)
{
	if (err == -EIO)
		fprintf(stderr,
			"xenstored: domain %u broke its xenstore ring: connection closed\n",
			c->xs.dom);
	else if (err != -ESRCH && err != -ENOENT)
		return;		/* the control plane's trouble: try again */
	xsd_release(&l->d, c->xs.dom);
}

static void guest_out(struct loop *l, struct xsd_conn *c)
{
	while (c->out_len && !c->dead) {
		size_t n = c->out_len < XL_STORE_CHUNK ? c->out_len :
							 XL_STORE_CHUNK;
		int done = xl_store_write(l->xl, c->xs.dom, c->out, n);

		if (done < 0) {
			guest_failed(l, c, done);
			return;
		}
		if (!done)
			return;		/* ring full: the guest notifies */
		xsd_conn_consumed(c, (size_t)done);
	}
}

static void guest_in(struct loop *l, struct xsd_conn *c)
{
	static uint8_t buf[XL_STORE_CHUNK];

	for (int i = 0; i < XSD_READS_PER_TURN && !c->dead; i++) {
		int n;

		if (c->out_len > XSD_OUT_MAX / 2)
			return;		/* stays kicked: read when drained */
		n = xl_store_read(l->xl, c->xs.dom, buf, sizeof(buf));
		if (n < 0) {
			guest_failed(l, c, n);
			return;
		}
		if (!n) {
			c->kicked = false;
			return;
		}
		l->busy_until = now_ns() + XSD_BUSY_NS;
		xsd_conn_feed(&l->d, c, buf, (size_t)n);
		guest_out(l, c);
	}
}

static int guests(struct loop *l)
{
	static uint32_t ids[XSD_MAX_DOMAINS];
	int n = xl_store_pending(l->xl, ids, XSD_MAX_DOMAINS);

	if (n < 0)
		return n;
	for (int i = 0; i < n; i++) {
		struct xsd_conn *c = xsd_conn_find_dom(&l->d, ids[i]);

		if (c)
			c->kicked = true;
	}
	for (struct xsd_conn *c = l->d.conns; c; c = c->next) {
		if (c->fd >= 0 || c->dead)
			continue;
		if (c->kicked)
			guest_in(l, c);
		guest_out(l, c);
	}
	return 0;
}

/* Guests destroyed without a word (a crash of the tools): forget them. */
static void reap(struct loop *l)
{
	static struct xl_domain doms[XSD_MAX_DOMAINS];
	int n = xl_domain_list(l->xl, doms, XSD_MAX_DOMAINS);

	if (n < 0)
		return;
	for (struct xsd_conn *c = l->d.conns; c; c = c->next) {
		char home[32];
		int i;

		if (c->fd >= 0 || c->dead)
			continue;
		for (i = 0; i < n && doms[i].domid != c->xs.dom; i++)
			;
		if (i < n)
			continue;
		snprintf(home, sizeof(home), "/local/domain/%u", c->xs.dom);
		if (!xs_rm(l->d.store, 0, home))
			xsd_fire(&l->d, home, true);
		xsd_release(&l->d, c->xs.dom);
	}
}

static void sock_in(struct loop *l, struct xsd_conn *c)
{
	uint8_t buf[4096];
	ssize_t n = read(c->fd, buf, sizeof(buf));

	if (n > 0)
		xsd_conn_feed(&l->d, c, buf, (size_t)n);
	else if (n == 0 || (errno != EAGAIN && errno != EINTR))
		c->dead = true;
}

static void sock_out(struct xsd_conn *c)
{
	ssize_t n = send(c->fd, c->out, c->out_len, MSG_NOSIGNAL);

	if (n > 0)
		xsd_conn_consumed(c, (size_t)n);
	else if (n < 0 && errno != EAGAIN && errno != EINTR)
		c->dead = true;
}

static void accept_one(struct loop *l, int lfd)
{
	int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);

	if (fd < 0)
		return;
	/* Only root reaches the socket (0700 directory, 0600 socket). */
	if (!xsd_conn_new(&l->d, 0, fd))
		close(fd);
}

static void free_dead(struct loop *l)
{
	struct xsd_conn *c = l->d.conns, *next;

	for (; c; c = next) {
		next = c->next;
		if (c->dead)
			xsd_conn_free(&l->d, c);
	}
}

/* One poll over the socket and its clients; false on a fatal error. */
static void sockets(struct loop *l, int lfd, int timeout_ms)
{
	struct pollfd p[XSD_MAX_FDS];
	struct xsd_conn *who[XSD_MAX_FDS];
	int n = 1;

	p[0] = (struct pollfd){ .fd = lfd, .events = POLLIN };
	for (struct xsd_conn *c = l->d.conns; c && n < XSD_MAX_FDS;
	     c = c->next) {
		if (c->fd < 0 || c->dead)
			continue;
		who[n] = c;
		p[n++] = (struct pollfd){
			.fd = c->fd,
			.events = POLLIN | (c->out_len ? POLLOUT : 0),
		};
	}
	if (poll(p, (nfds_t)n, timeout_ms) <= 0)
		return;
	for (int i = 1; i < n; i++) {
		if (p[i].revents & (POLLIN | POLLHUP | POLLERR))
			sock_in(l, who[i]);
		if (!who[i]->dead && who[i]->out_len)
			sock_out(who[i]);
	}
	if (p[0].revents & POLLIN)
		accept_one(l, lfd);
}

/*
 * The control plane failed: a stale family after the hypervisor was
 * unloaded (and maybe loaded again), or a passing error.  0 to go on,
 * else the exit status.
 */
static int reopen(struct loop *l, int err)
{
	xl_close(l->xl);
	l->xl = NULL;
	err = xl_open(&l->xl);
	if (!err && ++l->xl_failures < 100)
		return 0;
	fprintf(stderr, "xenstored: the hypervisor's control plane is gone (%s): exiting\n",
		xl_strerror(err));
	return err == -XL_ERR_NOT_LOADED ? 0 : 1;
}

int xsd_loop(int lfd, bool verbose, int ready, volatile sig_atomic_t *stop)
{
	struct loop l = { .d.verbose = verbose };
	int err, ret = 0;

	l.d.store = xs_store_new();
	err = l.d.store ? xl_open(&l.xl) : -ENOMEM;
	if (err) {
		fprintf(stderr, "xenstored: %s\n", xl_strerror(err));
		ret = 1;
		goto out;
	}
	if (ready >= 0) {
		if (write(ready, "", 1) != 1)
			ret = 1;
		close(ready);
	}
	while (!*stop && !ret) {
		long long t = now_ns();

		sockets(&l, lfd, t < l.busy_until ? XSD_POLL_BUSY_MS :
						    XSD_POLL_IDLE_MS);
		err = guests(&l);
		if (err < 0)
			ret = reopen(&l, err);
		else
			l.xl_failures = 0;
		if (!ret && t >= l.next_reap) {
			reap(&l);
			l.next_reap = t + XSD_REAP_NS;
		}
		free_dead(&l);
	}
out:
	while (l.d.conns)
		xsd_conn_free(&l.d, l.d.conns);
	if (l.xl)
		xl_close(l.xl);
	xs_store_free(l.d.store);
	return ret;
}
