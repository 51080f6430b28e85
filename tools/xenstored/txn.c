// SPDX-License-Identifier: GPL-2.0
/* Transactions per connection, and the lists of paths changes touch. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "txn.h"

static int changes_find(const struct xs_changes *ch, const char *path)
{
	for (unsigned int i = 0; i < ch->nr; i++)
		if (!strcmp(ch->path[i], path))
			return (int)i;
	return -1;
}

int xs_changes_reserve(struct xs_changes *ch, const char *path,
		       unsigned int max, char **dup)
{
	if (changes_find(ch, path) < 0 && ch->nr >= max)
		return -ENOSPC;
	if (ch->nr == ch->cap) {
		unsigned int cap = ch->cap ? ch->cap * 2 : 4;
		char **p = realloc(ch->path, cap * sizeof(*p));
		bool *r;

		if (!p)
			return -ENOMEM;
		ch->path = p;
		r = realloc(ch->removed, cap * sizeof(*r));
		if (!r)
			return -ENOMEM;
		ch->removed = r;
		ch->cap = cap;
	}
	*dup = strdup(path);
	return *dup ? 0 : -ENOMEM;
}

void xs_changes_add(struct xs_changes *ch, char *dup, bool removed)
{
	int i = changes_find(ch, dup);

	if (i >= 0) {
		/* Once is enough; a removal also fires the watches below. */
		ch->removed[i] |= removed;
		free(dup);
		return;
	}
	ch->path[ch->nr] = dup;
	ch->removed[ch->nr++] = removed;
}

void xs_changes_free(struct xs_changes *ch)
{
	for (unsigned int i = 0; i < ch->nr; i++)
		free(ch->path[i]);
	free(ch->path);
	free(ch->removed);
	memset(ch, 0, sizeof(*ch));
}

struct xs_txn *xs_txn_find(struct xs_conn *c, uint32_t id)
{
	for (struct xs_txn *t = c->txns; t; t = t->next)
		if (t->id == id)
			return t;
	return NULL;
}

static void txn_free(struct xs_txn *t)
{
	xs_store_free(t->view);
	xs_changes_free(&t->changes);
	free(t);
}

int xs_txn_start(struct xs_store *s, struct xs_conn *c, uint32_t *id)
{
	struct xs_txn *t;

	/* Xen answers ENOSPC past its "transactions" quota too. */
	if (c->nr_txns >= XS_TXN_MAX)
		return -ENOSPC;
	t = calloc(1, sizeof(*t));
	if (!t)
		return -ENOMEM;
	t->view = xs_store_clone(s);
	if (!t->view) {
		free(t);
		return -ENOMEM;
	}
	t->gen = xs_store_generation(s);
	/* Ids are never 0 (no transaction) nor one still open. */
	do {
		t->id = ++c->last_tx_id;
	} while (!t->id || xs_txn_find(c, t->id));
	t->next = c->txns;
	c->txns = t;
	c->nr_txns++;
	*id = t->id;
	return 0;
}

int xs_txn_end(struct xs_store *s, struct xs_conn *c, struct xs_txn *t,
	       bool commit, struct xs_changes *done)
{
	struct xs_txn **pp;
	int rc = 0;

	for (pp = &c->txns; *pp != t; pp = &(*pp)->next)
		;
	*pp = t->next;
	c->nr_txns--;
	if (commit && xs_store_generation(s) != t->gen) {
		rc = -EAGAIN;
	} else if (commit) {
		if (xs_store_generation(t->view) != t->gen) {
			xs_store_adopt(s, t->view);
			t->view = NULL;
		}
		*done = t->changes;
		memset(&t->changes, 0, sizeof(t->changes));
	}
	txn_free(t);
	return rc;
}

void xs_conn_release(struct xs_conn *c)
{
	while (c->txns) {
		struct xs_txn *t = c->txns;

		c->txns = t->next;
		txn_free(t);
	}
	c->nr_txns = 0;
	xs_watch_del_all(c);
}
