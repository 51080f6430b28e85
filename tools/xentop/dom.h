/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What xentop knows of one domain at one refresh, and of the machine.
 * fetch.c fills what the hypervisor and Linux say; sample.c derives the
 * rest from the refresh before.
 */
#ifndef XT_DOM_H
#define XT_DOM_H

#include <stdbool.h>
#include <stdint.h>

#include "xl_client.h"

#define XT_HIST		16	/* refreshes of CPU history per domain */

struct xt_dom {
	uint32_t domid;
	char name[64];
	uint32_t state;			/* enum xl_dom_state */
	uint32_t shutdown_reason;	/* SHUTDOWN_* */
	bool blocked;			/* running, every vCPU up blocked */
	uint32_t vcpus;
	uint64_t mem_kb;
	uint64_t maxmem_kb;
	uint64_t cpu_ns;		/* Dom0: set by xt_sample_update() */
	uint64_t age_ns;
	/*
	 * Dom0 only: Linux counts the time guests took from its CPUs as its
	 * own (no steal time), the hypervisor charges its vCPUs only for
	 * what they ran.  The hypervisor's count grows only while guests
	 * exist (before that, Dom0 is not scheduled), so both are kept.
	 */
	uint64_t linux_ns;
	uint64_t hv_ns;
	bool hv_charged;		/* guests exist: hv_ns is right */

	/* vCPUs, as fetched (NULL, 0 when the list failed). */
	struct xl_vcpu *vcpu;
	double *vcpu_pct;		/* each one's CPU%, by sample.c */
	int nr_vcpu;

	/* Derived from the previous refresh (sample.c). */
	double cpu_pct;
	double mem_mibh;		/* memory held, MiB-hours, ever */
	uint8_t hist[XT_HIST];		/* CPU%, oldest first, capped 100 */
	int nr_hist;
};

struct xt_machine {
	char version[24];		/* the hypervisor's */
	uint32_t cpus;			/* under the hypervisor */
	uint64_t mhz;
	uint64_t mem_total_kb;		/* Linux's view: all of the RAM */
	uint64_t mem_free_kb;
};

struct xt_sample {
	uint64_t t_ns;			/* CLOCK_MONOTONIC */
	struct xt_machine m;
	struct xt_dom *dom;		/* Dom0 first, then id order */
	int nr;
};

void xt_sample_free(struct xt_sample *s);

#endif
