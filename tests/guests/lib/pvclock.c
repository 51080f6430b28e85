// SPDX-License-Identifier: GPL-2.0
/*
 * Xen system time from vcpu_info's vcpu_time_info, by the protocol
 * xen.h describes: read under an even, unchanged version, then scale
 * the TSC delta by tsc_shift and tsc_to_system_mul (32.32 fixed point).
 */
#include "guest.h"
#include "cpu.h"

uint64_t pvclock_ns(unsigned int vcpu)
{
	volatile struct vcpu_time_info *t;
	uint32_t version, mul;
	uint64_t delta, sys;
	int8_t shift;

	if (!shinfo)
		return 0;
	t = &shinfo->vcpu_info[vcpu].time;
	do {
		version = t->version;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		delta = rdtsc_ordered() - t->tsc_timestamp;
		sys = t->system_time;
		mul = t->tsc_to_system_mul;
		shift = t->tsc_shift;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((version & 1) || version != t->version);

	if (shift >= 0)
		delta <<= shift;
	else
		delta >>= -shift;
	return sys + (uint64_t)(((unsigned __int128)delta * mul) >> 32);
}
