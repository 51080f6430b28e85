// SPDX-License-Identifier: GPL-2.0
/*
 * pattern: fill pages of our own memory with a pattern that can be
 * recognised from outside, then keep checking it.  A hostile Dom0 module
 * (tests/modules/probe_guest.c) scans the RAM it can read for the
 * pattern; finding it means Dom0 can read a guest's memory.  The checks
 * here show the pattern really was in memory while Dom0 looked, and
 * that nobody changed it.
 *
 * Page i (0-based) as u64 words: word[0] = splitmix64(seed), the magic
 * the scanner looks for; word[1] = i; word[j], j >= 2, =
 * splitmix64(seed ^ (i << 9 | j)).  word[1] and word[2] let the scanner
 * tell a real page from a stray copy of the magic (its own variable).
 *
 * cmdline: seed=N (1), pages=N (256, clamped to 1..1024), report=MS
 * (1000) between checks, seconds=N (10; 0: forever).
 */
#include "guest.h"
#include "cpu.h"

#define MAX_PAGES	1024
#define WORDS		(PAGE_SIZE / sizeof(uint64_t))

static uint64_t area[MAX_PAGES][WORDS] __aligned(PAGE_SIZE);

/* Must stay identical to the scanner's copy in probe_guest.c. */
static uint64_t splitmix64(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

static uint64_t expected(uint64_t seed, unsigned long i, unsigned int j)
{
	if (j == 0)
		return splitmix64(seed);
	if (j == 1)
		return i;
	return splitmix64(seed ^ ((uint64_t)i << 9 | j));
}

static void fill(uint64_t seed, unsigned long pages)
{
	unsigned long i;
	unsigned int j;

	for (i = 0; i < pages; i++)
		for (j = 0; j < WORDS; j++)
			area[i][j] = expected(seed, i, j);
}

/*
 * Volatile reads: the compiler could otherwise prove that nothing but
 * fill() writes area and fold the comparison away, and the point is to
 * look at what really is in memory.
 */
static void check(uint64_t seed, unsigned long pages)
{
	unsigned long i;
	unsigned int j;

	for (i = 0; i < pages; i++) {
		const volatile uint64_t *w = area[i];

		for (j = 0; j < WORDS; j++) {
			if (w[j] == expected(seed, i, j))
				continue;
			printf("pattern: CORRUPT page %lu word %u\n", i, j);
			fail("page %lu word %u corrupt", i, j);
		}
	}
}

int guest_main(const struct hvm_start_info *si)
{
	uint64_t seed = cmdline_ulong("seed", 1);
	unsigned long pages = cmdline_ulong("pages", 256);
	unsigned long report = cmdline_ulong("report", 1000);
	unsigned long seconds = cmdline_ulong("seconds", 10);
	uint64_t hz = tsc_hz(), start, last, now, period, end;
	unsigned long n = 0;

	(void)si;
	if (pages < 1)
		pages = 1;
	if (pages > MAX_PAGES)
		pages = MAX_PAGES;
	if (!report)
		report = 1000;
	period = hz * report / 1000;
	end = hz * seconds;

	fill(seed, pages);
	printf("pattern: seed=%lu pages=%lu filled\n", (unsigned long)seed,
	       pages);

	start = last = rdtsc();
	for (;;) {
		/* Spinning is fine: nothing else runs in this guest. */
		now = rdtsc();
		if (now - last < period) {
			cpu_relax();
			continue;
		}
		check(seed, pages);
		n++;
		printf("pattern: check %lu ok\n", n);
		last = now;
		if (seconds && now - start >= end)
			break;
	}
	return 0;
}
