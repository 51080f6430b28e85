// SPDX-License-Identifier: GPL-2.0
/*
 * Looking for a guest's memory from Dom0: every RAM page Linux knows of,
 * read through the direct map, searched for the pattern the "pattern"
 * test guest (tests/guests/pattern.c) keeps in its pages.  Guest pages
 * come from Linux's own allocator, so they are in this scan; the
 * hypervisor has taken them out of Dom0's nested page tables, and a
 * read must fault (#GP) instead of finding the pattern.
 */
#define pr_fmt(fmt) "xenlate_probe: " fmt

#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/module.h>
#include <linux/pfn.h>
#include <linux/sched.h>
#include "probe.h"

/* The guest's page i holds page indices below this (its pages= limit). */
#define PATTERN_MAX_PAGES	1024
/* Matches reported one by one; the rest are only counted. */
#define REPORT_MAX		16

static ulong seed = 1;
module_param(seed, ulong, 0444);
MODULE_PARM_DESC(seed, "seed= of the pattern guest to look for (default 1)");

/* Must stay identical to the guest's copy in tests/guests/pattern.c. */
static u64 splitmix64(u64 x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/*
 * Whether the page at @va holds the pattern of @magic, word by word; a
 * fault ends the search of this page.  The magic alone is not enough:
 * a copy of it may sit in this module's stack or registers spilled
 * there, so the page index after it and the word after that, which
 * depends on both, must match too.  Sets *index to the page index.
 */
static bool page_has_pattern(const u64 *va, u64 magic, u64 *index)
{
	unsigned int o, n = PAGE_SIZE / sizeof(u64);
	u64 w, w1, w2;

	for (o = 0; o + 3 <= n; o++) {
		if (probe_read64(va + o, &w))
			return false;
		if (w != magic)
			continue;
		if (probe_read64(va + o + 1, &w1) || probe_read64(va + o + 2, &w2))
			return false;
		if (w1 < PATTERN_MAX_PAGES &&
		    w2 == splitmix64((u64)seed ^ (w1 << 9 | 2))) {
			*index = w1;
			return true;
		}
	}
	return false;
}

/*
 * One past the highest pfn: max_pfn itself is not exported to modules.
 * On x86-64 high_memory is __va(max_pfn * PAGE_SIZE - 1) + 1, set with
 * max_pfn at boot and moved with it by memory hotplug.
 */
static unsigned long end_pfn(void)
{
	return PFN_DOWN(__pa(high_memory - 1)) + 1;
}

int probe_guest_mem(void)
{
	unsigned long pfn, last = end_pfn();
	unsigned long scanned = 0, refused = 0, found = 0;
	/*
	 * Only in a local: a copy in the module's data would be one more
	 * place for the scan to meet the magic.
	 */
	u64 magic = splitmix64(seed);

	for (pfn = 0; pfn < last; pfn++) {
		phys_addr_t pa = PFN_PHYS(pfn);
		u64 *va, first, index;

		/* Holes take time too: a long run of them must yield. */
		if (!(pfn % 256))
			cond_resched();
		if (!pfn_valid(pfn) || !page_is_ram(pfn))
			continue;
		scanned++;
		va = memremap(pa, PAGE_SIZE, MEMREMAP_WB);
		if (!va) {
			refused++;
			continue;
		}
		/*
		 * A page taken from Dom0 faults on its first word; the rest
		 * of it is left alone, each fault being one more #GP the
		 * hypervisor has to inject.
		 */
		if (probe_read64(va, &first)) {
			refused++;
		} else if (page_has_pattern(va, magic, &index)) {
			if (found < REPORT_MAX)
				pr_err("guest_mem: pattern page %llu at %pa\n",
				       index, &pa);
			found++;
		}
		memunmap(va);
	}
	pr_info("guest_mem: %lu RAM pages scanned, %lu refused, %lu pattern pages found\n",
		scanned, refused, found);
	if (found)
		return -EIO;
	/* Nothing read at all: the test did not look anywhere. */
	if (scanned == refused)
		return -ENOENT;
	return 0;
}
