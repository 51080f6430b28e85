/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The xenstore daemon (xenlate-xenstored): connections and what is done
 * with their messages.  A connection is either a Dom0 tool on the unix
 * socket (domain 0, may do anything) or a guest, whose ring bytes the
 * hypervisor moves (XL_CMD_STORE_*: Dom0 never maps a guest's page).
 * Both speak xen/io/xs_wire.h: a struct xsd_sockmsg header, then len
 * bytes of payload.
 */
#ifndef XENSTORED_DAEMON_H
#define XENSTORED_DAEMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <xen/io/xs_wire.h>

#include "store.h"
#include "watch.h"

/* Replies and events not yet taken by the peer, per connection. */
#define XSD_OUT_MAX	(256 * 1024)

struct xsd_conn {
	struct xs_conn xs;	/* .dom: who speaks */
	int fd;			/* unix socket; -1: a guest's ring */
	bool dead;		/* to be closed by the loop */
	bool warned_full;	/* output over XSD_OUT_MAX, said once */
	bool kicked;		/* a guest's ring may hold requests */
	/* The message being assembled. */
	uint32_t in_len;
	uint8_t in[sizeof(struct xsd_sockmsg) + XENSTORE_PAYLOAD_MAX];
	/* Output queue. */
	uint8_t *out;
	size_t out_len, out_cap;
	struct xsd_conn *next;
};

struct xsd {
	struct xs_store *store;
	struct xsd_conn *conns;
	bool verbose;
};

/* conn.c: framing and queues. */
struct xsd_conn *xsd_conn_new(struct xsd *d, uint32_t dom, int fd);
/* Unlinks and frees @c: its watches and transactions go with it. */
void xsd_conn_free(struct xsd *d, struct xsd_conn *c);
struct xsd_conn *xsd_conn_find_dom(struct xsd *d, uint32_t dom);
/*
 * Bytes from the peer: whole messages are handled as they complete.
 * A header announcing more than XENSTORE_PAYLOAD_MAX kills @c.
 */
void xsd_conn_feed(struct xsd *d, struct xsd_conn *c, const uint8_t *buf,
		   size_t len);
/* Queue one message; false (and nothing queued) when the queue is full. */
bool xsd_conn_send(struct xsd_conn *c, uint32_t type, uint32_t req_id,
		   uint32_t tx_id, const void *payload, uint32_t len);
/* @n bytes of the queue were taken by the peer. */
void xsd_conn_consumed(struct xsd_conn *c, size_t n);

/* dispatch.c: one whole message from @c. */
void xsd_dispatch(struct xsd *d, struct xsd_conn *c,
		  const struct xsd_sockmsg *hdr, const char *payload);
/*
 * Watch events for a change to @path (absolute, or "@...Domain");
 * @removed: the node and everything below it went.
 */
void xsd_fire(struct xsd *d, const char *path, bool removed);
/* Guest @dom is gone: drop its connection, tell @releaseDomain. */
void xsd_release(struct xsd *d, uint32_t dom);

#endif
