// SPDX-License-Identifier: GPL-2.0
/*
 * hcbench: the round trip of a hypercall that does nothing much
 * (xen_version(XENVER_version)) against an instruction that never exits
 * (RDTSC itself), timed with the TSC.  For bench/guests: it prints
 * numbers, it does not judge them.
 *
 * cmdline: n=N (10000) iterations of each.
 */
#include "guest.h"
#include "cpu.h"
#include "hypercall.h"

int guest_main(const struct hvm_start_info *si)
{
	unsigned long n = cmdline_ulong("n", 10000);
	uint64_t hz = tsc_hz(), t0, t1, t2;
	unsigned long i;
	long rc = 0;

	(void)si;
	if (!n)
		n = 1;
	t0 = rdtsc();
	for (i = 0; i < n; i++)
		rc |= HYPERVISOR_xen_version(XENVER_version, NULL) < 0;
	t1 = rdtsc();
	for (i = 0; i < n; i++)
		(void)rdtsc();
	t2 = rdtsc();
	if (rc)
		fail("xen_version failed");
	printf("hcbench: n=%lu hypercall=%lu ns rdtsc=%lu ns\n", n,
	       (unsigned long)((t1 - t0) * 1000000000ULL / hz / n),
	       (unsigned long)((t2 - t1) * 1000000000ULL / hz / n));
	return 0;
}
