// SPDX-License-Identifier: GPL-2.0
/*
 * xentop's header lines (see header.h).
 */
#include <inttypes.h>
#include <stdio.h>

#include "header.h"
#include "state.h"

int xt_header_title(char *buf, size_t size, time_t now,
		    const struct xt_machine *m)
{
	struct tm tm;
	char hms[16] = "??:??:??";

	if (localtime_r(&now, &tm))
		strftime(hms, sizeof(hms), "%H:%M:%S", &tm);
	return snprintf(buf, size, "xentop - %s   Xenlate %s", hms,
			m->version);
}

int xt_header_doms(char *buf, size_t size, const struct xt_dom *d, int nr)
{
	int n[XT_NR_STATES] = { 0 };
	int i;

	for (i = 0; i < nr; i++)
		n[xt_state_of(&d[i])]++;
	return snprintf(buf, size,
			"%d domains: %d running, %d blocked, %d paused, "
			"%d crashed, %d dying, %d shutdown", nr, n[XT_RUNNING],
			n[XT_BLOCKED], n[XT_PAUSED], n[XT_CRASHED], n[XT_DYING],
			n[XT_SHUTDOWN]);
}

int xt_header_mem(char *buf, size_t size, const struct xt_machine *m)
{
	uint64_t used = m->mem_total_kb > m->mem_free_kb ?
			m->mem_total_kb - m->mem_free_kb : 0;

	return snprintf(buf, size,
			"Mem: %" PRIu64 "k total, %" PRIu64 "k used, %" PRIu64
			"k free    CPUs: %" PRIu32 " @ %" PRIu64 "MHz",
			m->mem_total_kb, used, m->mem_free_kb, m->cpus, m->mhz);
}
