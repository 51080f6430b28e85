// SPDX-License-Identifier: GPL-2.0
/*
 * burner: a CPU hog with a work meter.  Every report= milliseconds it
 * prints how many loops it managed, so a scenario can run several and
 * compare their shares (BVT weights) as ratios, not absolute numbers.
 *
 * cmdline: seconds=N (10), report=MS (1000), forever=1 (never ends).
 */
#include "guest.h"
#include "cpu.h"

/* Fixed work per loop; the sink keeps the compiler from dropping it. */
static void burn(void)
{
	static volatile uint64_t sink;
	uint64_t x = sink | 1;
	unsigned int i;

	for (i = 0; i < 1000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
	}
	sink = x;
}

int guest_main(const struct hvm_start_info *si)
{
	unsigned long seconds = cmdline_ulong("seconds", 10);
	unsigned long report = cmdline_ulong("report", 1000);
	bool forever = cmdline_ulong("forever", 0);
	uint64_t hz = tsc_hz(), start, last, now, period, end;
	uint64_t loops = 0, total = 0;
	unsigned long n = 0;

	(void)si;
	if (!report)
		report = 1000;
	period = hz * report / 1000;
	end = hz * seconds;
	printf("burner: seconds=%lu report=%lums forever=%d tsc_khz=%u\n",
	       seconds, report, forever, xen_tsc_khz());

	start = last = rdtsc();
	for (;;) {
		burn();
		loops++;
		now = rdtsc();
		if (now - last < period)
			continue;
		/*
		 * Rate over the time really elapsed: after a long preemption
		 * the period is longer than asked, and that is the point.
		 */
		n++;
		printf("burner: report %lu t=%lums loops=%lu rate=%lu/s\n", n,
		       (unsigned long)((now - start) * 1000 / hz),
		       (unsigned long)loops,
		       (unsigned long)(loops * hz / (now - last)));
		total += loops;
		loops = 0;
		last = now;
		if (!forever && now - start >= end)
			break;
	}
	printf("burner: done: %lu loops in %lu ms, mean rate=%lu/s\n",
	       (unsigned long)total,
	       (unsigned long)((now - start) * 1000 / hz),
	       (unsigned long)(total * hz / (now - start)));
	return 0;
}
