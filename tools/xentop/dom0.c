// SPDX-License-Identifier: GPL-2.0
/*
 * Dom0's row from /proc/stat, /proc/meminfo and /proc/uptime.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <xenlate/dom0ctl.h>

#include "dom0.h"

static void xt_meminfo(struct xt_machine *m)
{
	unsigned long long kb;
	char key[64];
	FILE *f = fopen("/proc/meminfo", "r");

	if (!f)
		return;
	while (fscanf(f, "%63s %llu kB ", key, &kb) == 2) {
		if (!strcmp(key, "MemTotal:"))
			m->mem_total_kb = kb;
		else if (!strcmp(key, "MemFree:"))
			m->mem_free_kb = kb;
	}
	fclose(f);
}

/* Busy time of all CPUs; guests' time is in it (Linux has no steal). */
static unsigned long long xt_stat_busy_ns(void)
{
	unsigned long long user, nice, sys, irq, softirq;
	long hz = sysconf(_SC_CLK_TCK);
	unsigned long long ns = 0;
	FILE *f = fopen("/proc/stat", "r");

	if (!f)
		return 0;
	/* cpu user nice system idle iowait irq softirq ... */
	if (hz > 0 && fscanf(f, "cpu %llu %llu %llu %*u %*u %llu %llu", &user,
			     &nice, &sys, &irq, &softirq) == 5)
		ns = (user + nice + sys + irq + softirq) *
		     (1000000000ULL / (unsigned long long)hz);
	fclose(f);
	return ns;
}

static unsigned long long xt_uptime_ns(void)
{
	double up = 0;
	FILE *f = fopen("/proc/uptime", "r");

	if (!f)
		return 0;
	if (fscanf(f, "%lf", &up) != 1)
		up = 0;
	fclose(f);
	return (unsigned long long)(up * 1e9);
}

void xt_dom0_linux(struct xt_dom *d, struct xt_machine *m)
{
	memset(d, 0, sizeof(*d));
	strcpy(d->name, "Domain-0");
	d->state = XL_DOM_RUNNING;
	d->vcpus = (uint32_t)sysconf(_SC_NPROCESSORS_ONLN);
	xt_meminfo(m);
	d->mem_kb = d->maxmem_kb = m->mem_total_kb;
	d->linux_ns = xt_stat_busy_ns();
	d->age_ns = xt_uptime_ns();
}
