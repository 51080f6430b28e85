/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arithmetic between two refreshes: CPU% over the real elapsed time,
 * Dom0's CPU time from the right source, cumulative memory use and the
 * CPU history.  Pure: no I/O, so the unit tests drive it.
 */
#ifndef XT_SAMPLE_H
#define XT_SAMPLE_H

#include "dom.h"

/* 100 * @used_ns / @elapsed_ns; 0 when nothing elapsed or time went back. */
double xt_cpu_pct(uint64_t prev_ns, uint64_t cur_ns, uint64_t elapsed_ns);

/*
 * The entry of @prev that is the same domain as @d: the same id and not
 * younger than it was (an id used again is a new domain).  NULL if none.
 */
const struct xt_dom *xt_prev_dom(const struct xt_sample *prev,
				 const struct xt_dom *d);

/*
 * Dom0's CPU time at @cur given its value at @prev (NULL: the first
 * refresh).  Across an interval with guests at both ends the hypervisor's
 * charge is used, else Linux's.
 */
uint64_t xt_dom0_cpu_ns(const struct xt_dom *prev, const struct xt_dom *cur);

/*
 * Fill the derived fields of every domain of @cur from @prev (NULL, or
 * with no domains: the first refresh).  Domains that vanished since are
 * simply not in @cur; new ones start from their age.
 */
void xt_sample_update(const struct xt_sample *prev, struct xt_sample *cur);

#endif
