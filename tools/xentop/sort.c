// SPDX-License-Identifier: GPL-2.0
/*
 * Sorting xentop's rows (see sort.h).
 */
#include <stdlib.h>
#include <string.h>

#include "sort.h"
#include "state.h"

struct xt_sort_key {
	enum xt_col col;
	bool dom0_first;
};

/* Numeric columns; the device columns are all 0 until devices exist. */
static double xt_sort_value(enum xt_col col, const struct xt_dom *d)
{
	switch (col) {
	case XT_COL_CPU_SEC:
		return d->cpu_ns;
	case XT_COL_CPU_PCT:
	case XT_COL_HIST:
		return d->cpu_pct;
	case XT_COL_MEM:
	case XT_COL_MEM_PCT:
		return d->mem_kb;
	case XT_COL_MAXMEM:
	case XT_COL_MAXMEM_PCT:
		return d->maxmem_kb;
	case XT_COL_VCPUS:
		return d->vcpus;
	case XT_COL_MEM_MIBH:
		return d->mem_mibh;
	case XT_COL_AGE:
		return d->age_ns;
	default:
		return 0;
	}
}

static int xt_cmp(const void *a, const void *b, void *arg)
{
	const struct xt_dom *x = a, *y = b;
	const struct xt_sort_key *k = arg;
	char sx[XT_NR_STATES + 1], sy[XT_NR_STATES + 1];
	double vx, vy;
	int r = 0;

	if (k->dom0_first && (!x->domid || !y->domid))
		return x->domid == y->domid ? 0 : x->domid ? 1 : -1;
	if (k->col == XT_COL_STATE) {
		xt_state_str(x, sx);
		xt_state_str(y, sy);
		r = strcmp(sx, sy);
	} else if (k->col != XT_COL_NAME) {
		vx = xt_sort_value(k->col, x);
		vy = xt_sort_value(k->col, y);
		r = vx > vy ? -1 : vx < vy;
	}
	/* Ties, and the name column: by name, then id, so order is stable. */
	if (!r)
		r = strcmp(x->name, y->name);
	if (!r)
		r = x->domid < y->domid ? -1 : x->domid > y->domid;
	return r;
}

void xt_sort(struct xt_dom *d, int nr, enum xt_col key, bool dom0_first)
{
	struct xt_sort_key k = { key, dom0_first };

	if (nr > 1)
		qsort_r(d, nr, sizeof(*d), xt_cmp, &k);
}

enum xt_col xt_sort_next(const struct xt_view *v, enum xt_col key)
{
	int i;

	for (i = 0; i < v->nr; i++)
		if (v->col[i] == key)
			break;
	if (i == v->nr)
		return v->col[0];
	/* The sparkline sorts as CPU(%), already in the cycle: skip it. */
	do {
		i = (i + 1) % v->nr;
	} while (v->col[i] == XT_COL_HIST);
	return v->col[i];
}
