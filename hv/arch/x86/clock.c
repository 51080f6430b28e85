// SPDX-License-Identifier: GPL-2.0
/*
 * Time since load from the TSC, scaled by the frequency Linux measured.
 * TCG's TSCs are not synchronised across CPUs; this is for log stamps and
 * uptime, where a small skew does not matter.
 */
#include "cpu.h"
#include <hv/arch.h>
#include <hv/mm.h>

static u64 tsc_at_load;
static u64 tsc_khz;

void clock_init(u64 khz)
{
	tsc_khz = khz ? khz : 1000000;
	tsc_at_load = rdtsc();
}

u64 arch_now_ns(void)
{
	u64 t = rdtsc();
	u64 d = t > tsc_at_load ? t - tsc_at_load : 0;

	/* Split to stay within 64 bits for years of uptime. */
	return d / tsc_khz * 1000000 + d % tsc_khz * 1000000 / tsc_khz;
}

u64 arch_tsc_khz(void)
{
	return tsc_khz;
}

u32 arch_cpu_index(void)
{
	u64 rsp;

	__asm__ __volatile__("mov %%rsp, %0" : "=r"(rsp));
	/* During init we run on Linux's stack: no CPU of ours yet. */
	if (rsp < hv_mem.base_va ||
	    rsp >= hv_mem.base_va + hv_mem.nr_pages * PAGE_SIZE)
		return ARCH_NO_CPU;
	return this_cpu()->index;
}
