// SPDX-License-Identifier: GPL-2.0
/*
 * Xen's CPUID leaves.  The base moves (Xen shifts it by 0x100 when it
 * also offers Hyper-V's leaves), so scan for the signature as Linux does.
 */
#include "guest.h"
#include "cpu.h"

static uint32_t base_cache;
static bool base_done;

uint32_t xen_cpuid_base(void)
{
	uint32_t leaf, a, b, c, d;

	if (base_done)
		return base_cache;
	base_done = true;
	for (leaf = 0x40000000; leaf < 0x40010000; leaf += 0x100) {
		cpuid(leaf, 0, &a, &b, &c, &d);
		/* eax: the largest leaf; we read up to base+3 */
		if (b == XEN_CPUID_SIGNATURE_EBX &&
		    c == XEN_CPUID_SIGNATURE_ECX &&
		    d == XEN_CPUID_SIGNATURE_EDX && a >= leaf + 2) {
			base_cache = leaf;
			break;
		}
	}
	return base_cache;
}

uint32_t xen_tsc_khz(void)
{
	uint32_t base = xen_cpuid_base(), a, b, c, d;

	if (!base)
		return 0;
	cpuid(base, 0, &a, &b, &c, &d);
	if (a < base + 3)
		return 0;
	/* Leaf 4 (base+3), sub-leaf 0: ecx = guest TSC frequency in kHz. */
	cpuid(base + 3, 0, &a, &b, &c, &d);
	return c;
}

uint64_t tsc_hz(void)
{
	static bool warned;
	uint32_t khz = xen_tsc_khz();

	if (khz)
		return (uint64_t)khz * 1000;
	if (!warned) {
		warned = true;
		printf("tsc: frequency unknown (cpuid base+3 ecx = 0), "
		       "assuming 1 GHz: times below are raw TSC / 1e9\n");
	}
	return 1000000000ULL;
}
