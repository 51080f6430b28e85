// SPDX-License-Identifier: GPL-2.0
/*
 * What a whole message does.  Store operations go to xs_handle()
 * (wire.c); this file adds what needs the daemon's view of every
 * connection: watch events to all watchers after a change, the first
 * event XS_WATCH owes, and the domain messages only Dom0 may send
 * (XS_INTRODUCE, XS_RELEASE, XS_IS_DOMAIN_INTRODUCED).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daemon.h"
#include "wire.h"

#define DOMID_FIRST_RESERVED	0x7ff0

static void send_error(struct xsd_conn *c, const struct xsd_sockmsg *hdr,
		       const char *name)
{
	xsd_conn_send(c, XS_ERROR, hdr->req_id, hdr->tx_id, name,
		      (uint32_t)strlen(name) + 1);
}

static void send_ok(struct xsd_conn *c, const struct xsd_sockmsg *hdr)
{
	xsd_conn_send(c, hdr->type, hdr->req_id, hdr->tx_id, "OK", 3);
}

struct fire_ctx {
	struct xsd *d;
	struct xsd_conn *c;
	const char *abs;	/* the node that changed */
};

static void emit(void *arg, const char *path, const char *token)
{
	struct fire_ctx *f = arg;
	size_t pl = strlen(path) + 1, tl = strlen(token) + 1;
	char buf[XENSTORE_PAYLOAD_MAX];
	char probe[1];

	/* Watchers learn only of nodes they may read (or that are gone). */
	if (f->abs[0] == '/' &&
	    xs_read(f->d->store, f->c->xs.dom, f->abs, probe, 0) == -EACCES)
		return;
	if (pl + tl > sizeof(buf))
		return;		/* cannot happen: both were checked */
	memcpy(buf, path, pl);
	memcpy(buf + pl, token, tl);
	xsd_conn_send(f->c, XS_WATCH_EVENT, 0, 0, buf, (uint32_t)(pl + tl));
}

void xsd_fire(struct xsd *d, const char *path, bool removed)
{
	for (struct xsd_conn *c = d->conns; c; c = c->next) {
		struct fire_ctx f = { d, c, path };

		if (c->dead)
			continue;
		/* A removal also fires the watches below the node. */
		if (removed)
			xs_watch_fire_removed(&c->xs, path, emit, &f);
		else
			xs_watch_fire(&c->xs, path, emit, &f);
	}
}

void xsd_release(struct xsd *d, uint32_t dom)
{
	struct xsd_conn *c = xsd_conn_find_dom(d, dom);

	if (!c)
		return;
	c->dead = true;		/* the loop frees it */
	xsd_fire(d, "@releaseDomain", false);
}

/* A domain id argument: decimal, a guest's. */
static int parse_domid(const char *s, uint32_t *dom)
{
	char *end;
	unsigned long v;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || !v || v >= DOMID_FIRST_RESERVED)
		return -EINVAL;
	*dom = (uint32_t)v;
	return 0;
}

/*
 * The messages about domains.  The payload's first argument is the
 * domain id; XS_INTRODUCE's frame and port are the hypervisor's business
 * here (it moves the ring), so they are not used.
 */
static void domain_msg(struct xsd *d, struct xsd_conn *c,
		       const struct xsd_sockmsg *hdr, const char *payload)
{
	uint32_t dom;
	struct xsd_conn *g;

	if (c->xs.dom != 0) {
		send_error(c, hdr, "EACCES");
		return;
	}
	if (!hdr->len || !memchr(payload, '\0', hdr->len) ||
	    parse_domid(payload, &dom)) {
		send_error(c, hdr, "EINVAL");
		return;
	}
	g = xsd_conn_find_dom(d, dom);
	switch (hdr->type) {
	case XS_INTRODUCE:
		/*
		 * Always a new domain here (create introduces once): a
		 * connection left for the id (the hypervisor was reloaded
		 * and ids start again) must not hand its watches on.
		 */
		if (g)
			g->dead = true;
		g = xsd_conn_new(d, dom, -1);
		if (!g) {
			send_error(c, hdr, "ENOMEM");
			return;
		}
		if (d->verbose)
			fprintf(stderr, "xenstored: domain %u introduced\n", dom);
		g->kicked = true;	/* it may have queued already */
		send_ok(c, hdr);	/* the answer before the events */
		xsd_fire(d, "@introduceDomain", false);
		return;
	case XS_RELEASE:
		if (!g) {
			send_error(c, hdr, "ENOENT");
			return;
		}
		send_ok(c, hdr);
		xsd_release(d, dom);
		return;
	default:	/* XS_IS_DOMAIN_INTRODUCED */
		xsd_conn_send(c, hdr->type, hdr->req_id, hdr->tx_id,
			      g ? "T" : "F", 2);
	}
}

/* XS_WATCH owes one event at once, with the path as the watcher gave it. */
static void first_event(struct xsd_conn *c, const char *payload,
			uint32_t len)
{
	size_t pl = strnlen(payload, len), tl;
	char buf[XENSTORE_PAYLOAD_MAX];

	if (pl + 1 >= len)
		return;		/* xs_handle refused it already */
	tl = strnlen(payload + pl + 1, len - pl - 1);
	if (pl + 1 + tl >= len)
		return;
	memcpy(buf, payload, pl + 1 + tl + 1);
	xsd_conn_send(c, XS_WATCH_EVENT, 0, 0, buf, (uint32_t)(pl + tl + 2));
}

void xsd_dispatch(struct xsd *d, struct xsd_conn *c,
		  const struct xsd_sockmsg *hdr, const char *payload)
{
	static struct xs_reply rep;	/* 4 KiB: not on the stack */

	switch (hdr->type) {
	case XS_INTRODUCE:
	case XS_RELEASE:
	case XS_IS_DOMAIN_INTRODUCED:
		domain_msg(d, c, hdr, payload);
		return;
	}
	xs_handle(d->store, &c->xs, hdr->tx_id, hdr->type, payload, hdr->len,
		  &rep);
	xsd_conn_send(c, rep.type, hdr->req_id, hdr->tx_id, rep.data,
		      rep.len);
	if (hdr->type == XS_WATCH && rep.type == XS_WATCH)
		first_event(c, payload, hdr->len);
	for (unsigned int i = 0; i < rep.nr_changed; i++)
		xsd_fire(d, rep.changed[i], rep.removed && rep.removed[i]);
	xs_reply_release(&rep);
}
