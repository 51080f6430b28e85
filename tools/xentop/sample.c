// SPDX-License-Identifier: GPL-2.0
/*
 * xentop's arithmetic between two refreshes (see sample.h).
 */
#include <stddef.h>
#include <string.h>

#include "sample.h"

#define NS_PER_HOUR	3600e9

double xt_cpu_pct(uint64_t prev_ns, uint64_t cur_ns, uint64_t elapsed_ns)
{
	/* A counter going back is a new domain behind an old id: no rate. */
	if (!elapsed_ns || cur_ns < prev_ns)
		return 0;
	return 100.0 * (double)(cur_ns - prev_ns) / (double)elapsed_ns;
}

const struct xt_dom *xt_prev_dom(const struct xt_sample *prev,
				 const struct xt_dom *d)
{
	int i;

	if (!prev)
		return NULL;
	for (i = 0; i < prev->nr; i++) {
		const struct xt_dom *p = &prev->dom[i];

		if (p->domid != d->domid)
			continue;
		/* Dom0 is never re-created; a guest's age only grows. */
		return !d->domid || d->age_ns >= p->age_ns ? p : NULL;
	}
	return NULL;
}

uint64_t xt_dom0_cpu_ns(const struct xt_dom *prev, const struct xt_dom *cur)
{
	uint64_t delta;

	if (!prev)
		return cur->linux_ns;
	if (prev->hv_charged && cur->hv_charged)
		delta = cur->hv_ns > prev->hv_ns ? cur->hv_ns - prev->hv_ns : 0;
	else
		delta = cur->linux_ns > prev->linux_ns ?
			cur->linux_ns - prev->linux_ns : 0;
	return prev->cpu_ns + delta;
}

static void xt_hist_push(struct xt_dom *d, const struct xt_dom *p)
{
	double pct = d->cpu_pct > 100 ? 100 : d->cpu_pct;

	d->nr_hist = 0;
	if (p) {
		memcpy(d->hist, p->hist, sizeof(d->hist));
		d->nr_hist = p->nr_hist;
	}
	if (d->nr_hist == XT_HIST) {
		memmove(d->hist, d->hist + 1, XT_HIST - 1);
		d->nr_hist--;
	}
	d->hist[d->nr_hist++] = (uint8_t)(pct + 0.5);
}

/* Each vCPU's CPU% against the same vCPU (by id) before, else 0. */
static void xt_vcpu_update(struct xt_dom *d, const struct xt_dom *p,
			   uint64_t dt)
{
	int i, j;

	for (i = 0; i < d->nr_vcpu && d->vcpu_pct; i++) {
		d->vcpu_pct[i] = 0;
		for (j = 0; p && j < p->nr_vcpu; j++)
			if (p->vcpu[j].vcpu == d->vcpu[i].vcpu)
				d->vcpu_pct[i] = xt_cpu_pct(p->vcpu[j].cpu_ns,
							    d->vcpu[i].cpu_ns,
							    dt);
	}
}

static void xt_dom_update(const struct xt_sample *prev, struct xt_sample *cur,
			  struct xt_dom *d)
{
	const struct xt_dom *p = xt_prev_dom(prev, d);
	uint64_t dt = p ? cur->t_ns - prev->t_ns : 0;
	double mib = d->mem_kb / 1024.0;

	if (!d->domid)
		d->cpu_ns = xt_dom0_cpu_ns(p, d);
	if (p) {
		d->cpu_pct = xt_cpu_pct(p->cpu_ns, d->cpu_ns, dt);
		d->mem_mibh = p->mem_mibh + mib * dt / NS_PER_HOUR;
	} else {
		/*
		 * First seen: its whole life is the interval, and its memory
		 * is taken as constant since creation.  The first refresh of
		 * all (no @prev) has no interval: 0, as Xen's xentop.
		 */
		d->cpu_pct = prev && prev->nr && d->age_ns &&
			     d->age_ns <= cur->t_ns - prev->t_ns ?
			     xt_cpu_pct(0, d->cpu_ns, d->age_ns) : 0;
		d->mem_mibh = mib * d->age_ns / NS_PER_HOUR;
	}
	xt_hist_push(d, p);
	xt_vcpu_update(d, p, dt);
}

void xt_sample_update(const struct xt_sample *prev, struct xt_sample *cur)
{
	int i;

	if (prev && cur->t_ns < prev->t_ns)
		prev = NULL;	/* not from this clock: start over */
	for (i = 0; i < cur->nr; i++)
		xt_dom_update(prev, cur, &cur->dom[i]);
}
