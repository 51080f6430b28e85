// SPDX-License-Identifier: GPL-2.0
/*
 * Connections: assembling messages from the bytes a peer sends, and
 * queueing what goes back.  The bytes are hostile (a guest's): the
 * header's length is checked before anything is buffered for it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemon.h"

struct xsd_conn *xsd_conn_new(struct xsd *d, uint32_t dom, int fd)
{
	struct xsd_conn *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->xs.dom = dom;
	c->fd = fd;
	c->next = d->conns;
	d->conns = c;
	return c;
}

void xsd_conn_free(struct xsd *d, struct xsd_conn *c)
{
	struct xsd_conn **p;

	for (p = &d->conns; *p; p = &(*p)->next) {
		if (*p == c) {
			*p = c->next;
			break;
		}
	}
	xs_conn_release(&c->xs);
	if (c->fd >= 0)
		close(c->fd);
	free(c->out);
	free(c);
}

struct xsd_conn *xsd_conn_find_dom(struct xsd *d, uint32_t dom)
{
	for (struct xsd_conn *c = d->conns; c; c = c->next)
		if (c->fd < 0 && c->xs.dom == dom && !c->dead)
			return c;
	return NULL;
}

void xsd_conn_feed(struct xsd *d, struct xsd_conn *c, const uint8_t *buf,
		   size_t len)
{
	const size_t hlen = sizeof(struct xsd_sockmsg);

	while (len && !c->dead) {
		struct xsd_sockmsg hdr;
		size_t want, n;

		want = hlen;
		if (c->in_len >= hlen) {
			memcpy(&hdr, c->in, hlen);
			want = hlen + hdr.len;
		}
		n = want - c->in_len < len ? want - c->in_len : len;
		memcpy(c->in + c->in_len, buf, n);
		c->in_len += (uint32_t)n;
		buf += n;
		len -= n;
		if (c->in_len < hlen)
			continue;
		memcpy(&hdr, c->in, hlen);
		if (hdr.len > XENSTORE_PAYLOAD_MAX) {
			fprintf(stderr,
				"xenstored: domain %u sent a %u-byte message (at most %u): connection closed\n",
				c->xs.dom, hdr.len, XENSTORE_PAYLOAD_MAX);
			c->dead = true;
			return;
		}
		if (c->in_len < hlen + hdr.len)
			continue;
		c->in_len = 0;
		xsd_dispatch(d, c, &hdr, (const char *)c->in + hlen);
	}
}

bool xsd_conn_send(struct xsd_conn *c, uint32_t type, uint32_t req_id,
		   uint32_t tx_id, const void *payload, uint32_t len)
{
	struct xsd_sockmsg hdr = {
		.type = type, .req_id = req_id, .tx_id = tx_id, .len = len,
	};
	size_t need = c->out_len + sizeof(hdr) + len;

	if (need > XSD_OUT_MAX) {
		if (!c->warned_full)
			fprintf(stderr,
				"xenstored: domain %u does not take its replies: dropping\n",
				c->xs.dom);
		c->warned_full = true;
		return false;
	}
	if (need > c->out_cap) {
		size_t cap = c->out_cap ? c->out_cap : 4096;
		uint8_t *p;

		while (cap < need)
			cap *= 2;
		p = realloc(c->out, cap);
		if (!p)
			return false;
		c->out = p;
		c->out_cap = cap;
	}
	memcpy(c->out + c->out_len, &hdr, sizeof(hdr));
	if (len)
		memcpy(c->out + c->out_len + sizeof(hdr), payload, len);
	c->out_len = need;
	return true;
}

void xsd_conn_consumed(struct xsd_conn *c, size_t n)
{
	if (n > c->out_len)
		n = c->out_len;
	memmove(c->out, c->out + n, c->out_len - n);
	c->out_len -= n;
	if (!c->out_len)
		c->warned_full = false;
}
