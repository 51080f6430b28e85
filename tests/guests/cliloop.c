// SPDX-License-Identifier: GPL-2.0
/*
 * cliloop: a vCPU that never gives the CPU back, interrupts off.  The
 * hypervisor must preempt it anyway (its own timer exits regardless of
 * the guest's IF), or Dom0 on that CPU starves.
 *
 * cmdline: seconds=N spins N seconds and reports the longest gap seen in
 * the TSC (time the hypervisor took us off the CPU), then passes;
 * without it, "cli; jmp ." forever.
 */
#include "guest.h"
#include "cpu.h"

int guest_main(const struct hvm_start_info *si)
{
	unsigned long seconds = cmdline_ulong("seconds", 0);
	uint64_t hz, start, prev, now, gap, max_gap = 0;
	unsigned long gaps = 0;

	(void)si;
	if (!seconds) {
		printf("cliloop: interrupts off, spinning forever\n");
		asm volatile("cli; 1: jmp 1b");
		__builtin_unreachable();
	}
	hz = tsc_hz();
	printf("cliloop: interrupts off, spinning %lu s\n", seconds);
	irq_disable();
	start = prev = rdtsc();
	do {
		now = rdtsc();
		gap = now - prev;
		if (gap > max_gap)
			max_gap = gap;
		/* longer than 1 ms without us: we were preempted */
		if (gap > hz / 1000)
			gaps++;
		prev = now;
	} while (now - start < seconds * hz);
	printf("cliloop: %lu gaps over 1 ms, longest %lu us\n", gaps,
	       (unsigned long)(max_gap * 1000000 / hz));
	return 0;
}
