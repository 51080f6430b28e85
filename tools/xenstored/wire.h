/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One xenstore request (xen/io/xs_wire.h) from a domain, answered from
 * the store: arguments split and checked, the reply or XS_ERROR built.
 * XS_WATCH and XS_UNWATCH change the connection's watches (the daemon
 * sends the events, xs_watch_fire); XS_TRANSACTION_START and _END open
 * and close the connection's transactions (txn.h), and a request whose
 * header carries a transaction id works on that transaction's copy.
 */
#ifndef XENSTORED_WIRE_H
#define XENSTORED_WIRE_H

#include <stdbool.h>
#include <stdint.h>
#include <xen/io/xs_wire.h>

#include "store.h"
#include "watch.h"

struct xs_reply {
	uint32_t type;		/* the request's, or XS_ERROR */
	uint32_t len;
	char data[XENSTORE_PAYLOAD_MAX];
	/*
	 * Nodes a successful request changed, for watches: nr_changed
	 * absolute paths (malloc'd; a committed transaction may list many;
	 * XS_RM lists the removed node).  Freed by xs_reply_release().
	 */
	unsigned int nr_changed;
	char **changed;
	/*
	 * NULL, or nr_changed flags: changed[i] was removed, so watches
	 * below it fire too (xs_watch_fire_removed() rather than
	 * xs_watch_fire()).
	 */
	bool *removed;
};

/*
 * Answer @type with @len bytes of @payload from connection @c, in its
 * transaction @tx_id (0: none), into @rep.  Every field of @rep is set:
 * release the previous reply first.
 */
void xs_handle(struct xs_store *s, struct xs_conn *c, uint32_t tx_id,
	       uint32_t type, const char *payload, uint32_t len,
	       struct xs_reply *rep);
/* Free @rep's changed paths; it may be released again. */
void xs_reply_release(struct xs_reply *rep);

#endif
