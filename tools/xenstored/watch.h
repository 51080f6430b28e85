/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A connection's watches: which paths a domain watches with which token,
 * and the XS_WATCH_EVENTs a change fires.  Limits as Xen's defaults.
 * A connection also holds its open transactions (txn.h).
 */
#ifndef XENSTORED_WATCH_H
#define XENSTORED_WATCH_H

#include <stdbool.h>
#include <stdint.h>

#define XS_WATCH_MAX		128	/* per connection */
#define XS_WATCH_TOKEN_MAX	1024

struct xs_watch;
struct xs_txn;

/* All zeroes but .dom is a new connection. */
struct xs_conn {
	uint32_t dom;
	struct xs_watch *watches;
	unsigned int nr_watches;
	struct xs_txn *txns;	/* open transactions */
	unsigned int nr_txns;
	uint32_t last_tx_id;	/* the id given last, 0 before any */
};

/*
 * Watch @path (canonical; @relative: the guest gave it relative to its
 * home, and events then name paths relative to it too) with @token.
 * 0, -EEXIST (same path and token), -E2BIG (token), -ENOSPC (limit).
 */
int xs_watch_add(struct xs_conn *c, const char *path, bool relative,
		 const char *token);
int xs_watch_del(struct xs_conn *c, const char *path, const char *token);
void xs_watch_del_all(struct xs_conn *c);

/* The connection is closed: drop its watches and transactions (txn.c). */
void xs_conn_release(struct xs_conn *c);

/*
 * Call @emit for each of @c's watches that a change to @changed fires,
 * with the path as the watcher sees it and its token; the count.
 */
unsigned int xs_watch_fire(struct xs_conn *c, const char *changed,
			   void (*emit)(void *ctx, const char *path,
					const char *token),
			   void *ctx);

/*
 * The same for the removal of @removed, which also fires the watches
 * below it, each with its own path (xenstore.txt: the removal of a
 * parent of a watched path sends that path).  For the changed paths a
 * reply marks removed (wire.h).
 */
unsigned int xs_watch_fire_removed(struct xs_conn *c, const char *removed,
				   void (*emit)(void *ctx, const char *path,
						const char *token),
				   void *ctx);

#endif
