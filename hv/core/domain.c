// SPDX-License-Identifier: GPL-2.0
/*
 * The domain table and the lifecycle's rules.  Dom0 is not in the table:
 * it is not created or destroyed, it is there while we are.
 */
#include <hv/domain.h>
#include <hv/errno.h>
#include <hv/lib.h>

void domain_table_init(struct domain_table *t)
{
	memset(t, 0, sizeof(*t));
	t->next_id = 1;
}

int domain_table_insert(struct domain_table *t, struct domain *d)
{
	int rc = -ENOSPC;

	spin_lock(&t->lock);
	for (u32 tries = 0; tries < DOMID_LIMIT - 1; tries++) {
		u16 id = t->next_id;

		t->next_id = id + 1 < DOMID_LIMIT ? id + 1 : 1;
		if (t->slot[id % MAX_DOMAINS])
			continue;
		d->id = id;
		t->slot[id % MAX_DOMAINS] = d;
		t->nr++;
		rc = 0;
		break;
	}
	spin_unlock(&t->lock);
	return rc;
}

struct domain *domain_table_find(struct domain_table *t, u16 id)
{
	struct domain *d;

	if (!id || id >= DOMID_LIMIT)
		return NULL;
	spin_lock(&t->lock);
	d = t->slot[id % MAX_DOMAINS];
	if (d && d->id != id)
		d = NULL;
	spin_unlock(&t->lock);
	return d;
}

void domain_table_remove(struct domain_table *t, struct domain *d)
{
	spin_lock(&t->lock);
	if (t->slot[d->id % MAX_DOMAINS] == d) {
		t->slot[d->id % MAX_DOMAINS] = NULL;
		t->nr--;
	}
	spin_unlock(&t->lock);
}

u32 domain_table_list(struct domain_table *t, u16 from, struct domain **out,
		      u32 max)
{
	struct domain *found[MAX_DOMAINS];
	u32 n = 0, put = 0;

	spin_lock(&t->lock);
	for (u32 i = 0; i < MAX_DOMAINS; i++)
		if (t->slot[i] && t->slot[i]->id >= from)
			found[n++] = t->slot[i];
	spin_unlock(&t->lock);
	/* Slots are by id modulo the table size: sort by id. */
	for (u32 i = 1; i < n; i++)
		for (u32 j = i; j && found[j - 1]->id > found[j]->id; j--) {
			struct domain *x = found[j];

			found[j] = found[j - 1];
			found[j - 1] = x;
		}
	for (; put < n && put < max; put++)
		out[put] = found[put];
	return put;
}

bool domain_state_change_ok(enum domain_state from, enum domain_state to)
{
	switch (to) {
	case DOMAIN_RUNNING:
		return from == DOMAIN_BUILDING || from == DOMAIN_PAUSED;
	case DOMAIN_PAUSED:
		return from == DOMAIN_BUILDING || from == DOMAIN_RUNNING;
	case DOMAIN_SHUTDOWN:
		return from == DOMAIN_RUNNING || from == DOMAIN_PAUSED;
	case DOMAIN_DYING:
		return from != DOMAIN_DYING;
	case DOMAIN_BUILDING:
		return false;
	}
	return false;
}
