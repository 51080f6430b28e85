/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One xenstore request (xen/io/xs_wire.h) from a domain, answered from
 * the store: arguments split and checked, the reply or XS_ERROR built.
 * XS_WATCH and XS_UNWATCH change the connection's watches (the daemon
 * sends the events, xs_watch_fire); transactions are not handled yet
 * (XS_ERROR "ENOSYS").
 */
#ifndef XENSTORED_WIRE_H
#define XENSTORED_WIRE_H

#include <stdint.h>
#include <xen/io/xs_wire.h>

#include "store.h"
#include "watch.h"

struct xs_reply {
	uint32_t type;		/* the request's, or XS_ERROR */
	uint32_t len;
	char data[XENSTORE_PAYLOAD_MAX];
	/* The node a successful change touched ("" if none), for watches. */
	char changed[XENSTORE_ABS_PATH_MAX + 1];
};

/* Answer @type with @len bytes of @payload from connection @c into @rep. */
void xs_handle(struct xs_store *s, struct xs_conn *c, uint32_t type,
	       const char *payload, uint32_t len, struct xs_reply *rep);

#endif
