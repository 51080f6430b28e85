// SPDX-License-Identifier: GPL-2.0
/*
 * Guests' system time from one TSC read.  pvclock gives the guest a
 * (tsc, ns) pair: the two must come from the same read, or the next
 * pair can land earlier than the guest's extrapolation of the last
 * one.  arch_now_ns() hides its TSC, so this has its own base, set once
 * a little before the clock's load point: system time runs a few
 * hundred ns ahead of arch_now_ns(), never behind, and a timer the
 * scheduler fires by arch_now_ns() is never early in guest time.
 */
#include "cpu.h"
#include <hv/arch.h>
#include <hv/pvclock.h>
#include <hv/xen_guest.h>

#define MARGIN_NS	1000	/* ahead of arch_now_ns() by about this */

static u64 base, khz;

void arch_system_time_init(void)
{
	u64 t = rdtsc(), ns = arch_now_ns();

	khz = arch_tsc_khz();
	/* Ticks for ns + margin, rounded up: base at or before the load. */
	base = t - ((ns + MARGIN_NS) * khz + 999999) / 1000000;
}

u64 arch_system_time(u64 *tsc)
{
	u64 t = rdtsc();

	if (tsc)
		*tsc = t;
	return pvclock_ticks_to_ns(t > base ? t - base : 0, khz);
}
