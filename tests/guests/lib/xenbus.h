/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A minimal synchronous xenstore client (lib/xenbus.c), the way a PVH
 * Linux guest reaches xenstore: the ring page HVM_PARAM_STORE_PFN names
 * (struct xenstore_domain_interface) and the port HVM_PARAM_STORE_EVTCHN
 * names, bound to Dom0's xenstored.  One request at a time, vCPU 0
 * only; watch events that come meanwhile wait in a small queue.
 *
 * Errors are negative Xen errnos: an XS_ERROR reply's name ("ENOENT")
 * as its number, or -XEN_EIO once the connection is dead (a protocol
 * violation, a timeout: xenbus_broken() says which, and it was
 * printed).  Paths not starting with '/' are relative to the domain's
 * home, /local/domain/<domid>.
 */
#ifndef GUEST_XENBUS_H
#define GUEST_XENBUS_H

#include "guest.h"
#include <xen/io/xs_wire.h>

/* How long a request may take, its reply included, before we give up. */
#define XS_TIMEOUT_S		30
/* XS_TRANSACTION_END "T" answered EAGAIN: how often xs_transaction() tries */
#define XS_TX_ATTEMPTS		10

/*
 * Read the params and check them (nonzero; the ring page in the memory
 * map, reserved or RAM, and not in this guest's image): 0, or a
 * negative errno with xenbus_broken() saying why, e.g.
 * "xenstore: none (store pfn 0)".
 */
int xenbus_init(const struct hvm_start_info *si);
uint64_t xenbus_store_pfn(void);
evtchn_port_t xenbus_store_port(void);
/* For hostile tests: the ring itself, as Dom0 sees it. */
struct xenstore_domain_interface *xenbus_ring(void);

/* NULL while the connection works, else why not. */
const char *xenbus_broken(void);
/*
 * "ENOENT" for -XEN_ENOENT (xs_wire.h's names), or the number; for
 * -XEN_EIO on a dead connection, why it died.
 */
const char *xs_errname(int err);

/*
 * Send one request and wait for its reply: the reply's length, its
 * payload copied to @reply with a NUL after it, or a negative errno
 * (-XEN_E2BIG: it did not fit in @size bytes, and is lost).
 */
long xs_request(uint32_t type, uint32_t tx_id, const void *payload,
		uint32_t len, char *reply, size_t size);

/*
 * These work in the transaction xs_transaction_start() opened until
 * xs_transaction_end() (one at a time), else outside any.
 */
int xs_read(const char *path, char *buf, size_t size);	/* length */
int xs_write(const char *path, const char *value);
int xs_watch(const char *path, const char *token);
int xs_transaction_start(void);
int xs_transaction_end(bool commit);
/*
 * @fn in a transaction, committed if it returns 0 and retried (at most
 * XS_TX_ATTEMPTS in all) while the commit answers EAGAIN; dropped if it
 * returns nonzero, which is returned (> 0: nothing to commit).
 * *attempts: how many it took.
 */
int xs_transaction(int (*fn)(void *arg), void *arg, unsigned int *attempts);

/*
 * The next watch event, waiting for one (no timeout) if none is queued:
 * 0 with its path and token, or a negative errno (-XEN_E2BIG: it did
 * not fit, and is lost).
 */
int xs_next_watch(char *path, size_t psize, char *token, size_t tsize);

#endif
