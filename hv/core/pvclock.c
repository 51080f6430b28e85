// SPDX-License-Identifier: GPL-2.0
/*
 * pvclock arithmetic.  The multiplier is the fraction 1e6 / khz
 * normalised into [2^31, 2^32) by the shift, rounded down: rounding down
 * keeps the guest's extrapolation at or behind the exact time, so the
 * next update can only move it forwards.
 */
#include <hv/pvclock.h>

#define NS_PER_MS	1000000ULL

struct pvclock_scale pvclock_scale_khz(u64 khz)
{
	struct pvclock_scale s = { 0, 0 };
	u64 num = NS_PER_MS, den = khz;	/* ns per tick = num / den */

	if (!khz)
		return s;
	/* Scale so that num / den lies in [1/2, 1): mul's top bit set. */
	while (num >= den) {
		den <<= 1;
		s.shift++;
	}
	while (num * 2 < den) {
		num <<= 1;
		s.shift--;
	}
	/* num / den as a 32-bit fraction, long division: no 128-bit divide. */
	for (int i = 0; i < 32; i++) {
		num <<= 1;
		s.mul <<= 1;
		if (num >= den) {
			num -= den;
			s.mul |= 1;
		}
	}
	return s;
}

u64 pvclock_scale_delta(u64 delta, struct pvclock_scale s)
{
	if (s.shift >= 0)
		delta <<= s.shift;
	else
		delta >>= -s.shift;
	return (u64)(((unsigned __int128)delta * s.mul) >> 32);
}

u64 pvclock_ticks_to_ns(u64 ticks, u64 khz)
{
	/* Split like the hypervisor's clock: years of uptime fit. */
	return ticks / khz * NS_PER_MS + ticks % khz * NS_PER_MS / khz;
}
