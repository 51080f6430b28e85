/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Transactions: a copy of the whole tree taken at XS_TRANSACTION_START,
 * with the store's generation then.  Requests carrying the transaction's
 * id read and change the copy and record the paths they change; a commit
 * adopts the copy if the store has not moved since (else EAGAIN: the
 * client retries), and only then are the recorded paths' watches fired.
 * Any change to the store conflicts, not only one to a node the
 * transaction touched: simpler than Xen's per-node generations, and
 * correct, at the cost of more retries on a busy store.  The cost of a
 * start is a copy of every node: fine for a few guests, but each may
 * hold XS_TXN_MAX copies, so memory grows with guests x store size.
 */
#ifndef XENSTORED_TXN_H
#define XENSTORED_TXN_H

#include <stdbool.h>
#include <stdint.h>

#include "store.h"
#include "watch.h"

/* Open transactions per connection: Xen's "transactions" quota. */
#define XS_TXN_MAX		10
/*
 * Paths one guest transaction may change: Xen's "transaction-nodes"
 * quota (which counts reads too), so that a guest cannot grow the list
 * without bound.  Dom0 is exempt, as in Xen.
 */
#define XS_TXN_CHANGES_MAX	1024

/* Paths (malloc'd, each once) and whether each was removed. */
struct xs_changes {
	unsigned int nr, cap;
	char **path;
	bool *removed;
};

struct xs_txn {
	uint32_t id;
	uint64_t gen;		/* the store's at the start */
	struct xs_store *view;	/* the copy the requests work on */
	struct xs_changes changes;
	struct xs_txn *next;
};

/* @c's open transaction @id (nonzero), or NULL. */
struct xs_txn *xs_txn_find(struct xs_conn *c, uint32_t id);

/*
 * Open a transaction on @s for @c, its id in *@id: 0, -ENOSPC (XS_TXN_MAX
 * open) or -ENOMEM.
 */
int xs_txn_start(struct xs_store *s, struct xs_conn *c, uint32_t *id);

/*
 * Close @t, committing it into @s if @commit: 0, and on a commit the
 * paths it changed moved to *@done (empty before); or -EAGAIN (@s moved
 * since the start: nothing applied).  Either way @t is freed.
 */
int xs_txn_end(struct xs_store *s, struct xs_conn *c, struct xs_txn *t,
	       bool commit, struct xs_changes *done);

/*
 * Before a request that may change @path: the copy of @path it will
 * record in *@dup, and room for it in @ch, so that recording cannot fail
 * once the change is made.  0, -ENOMEM, or -ENOSPC if @path would be
 * path number @max + 1.
 */
int xs_changes_reserve(struct xs_changes *ch, const char *path,
		       unsigned int max, char **dup);
/* Record @dup (from xs_changes_reserve; @ch takes it). */
void xs_changes_add(struct xs_changes *ch, char *dup, bool removed);
void xs_changes_free(struct xs_changes *ch);

#endif
