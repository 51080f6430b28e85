/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Guest system time (Xen's vcpu_time_info, xen/xen.h): nanoseconds from
 * TSC ticks, both the hypervisor's exact way and the guest's way, with a
 * 32.32 fixed-point multiplier and a power-of-two shift.  Pure, for the
 * host unit tests.
 */
#ifndef HV_PVCLOCK_H
#define HV_PVCLOCK_H

#include <hv/types.h>

struct pvclock_scale {
	u32 mul;	/* tsc_to_system_mul */
	s8 shift;	/* tsc_shift */
};

/*
 * The scale for a TSC of @khz (non-zero): the guest's conversion never
 * runs ahead of the exact one, so a fresh sample is never earlier than
 * the old one extrapolated (pvclock stays monotonic across updates).
 */
struct pvclock_scale pvclock_scale_khz(u64 khz);
/* What a guest computes: (delta << shift) * mul >> 32. */
u64 pvclock_scale_delta(u64 delta, struct pvclock_scale s);
/* Exact: @ticks of a @khz TSC in ns, rounded down, without overflow. */
u64 pvclock_ticks_to_ns(u64 ticks, u64 khz);

#endif
