/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One xenstore request (xen/io/xs_wire.h) from a domain, answered from
 * the store: arguments split and checked, the reply or XS_ERROR built.
 * Watches and transactions are not handled yet (XS_ERROR "ENOSYS").
 */
#ifndef XENSTORED_WIRE_H
#define XENSTORED_WIRE_H

#include <stdint.h>
#include <xen/io/xs_wire.h>

#include "store.h"

struct xs_reply {
	uint32_t type;		/* the request's, or XS_ERROR */
	uint32_t len;
	char data[XENSTORE_PAYLOAD_MAX];
	/* The node a successful change touched ("" if none), for watches. */
	char changed[XENSTORE_ABS_PATH_MAX + 1];
};

/* Answer @type with @len bytes of @payload from domain @dom into @rep. */
void xs_handle(struct xs_store *s, uint32_t dom, uint32_t type,
	       const char *payload, uint32_t len, struct xs_reply *rep);

#endif
