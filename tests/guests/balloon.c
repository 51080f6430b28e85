// SPDX-License-Identifier: GPL-2.0
/*
 * balloon: give pages back to the hypervisor and take them again, as
 * Linux's balloon driver does.  The pages must come back zeroed
 * (decision 5: no data of one owner is readable by the next), and the
 * reservation counters must follow.
 *
 * Dom0 hands the hypervisor spare frames ahead of populate_physmap every
 * ~250 ms (dom0-adapter/balloon.c): populate may do part of the pages or
 * none, and is retried until done or wait= seconds have passed.
 *
 * cmdline: pages=N (64, at most 2048) pages to balloon out and back;
 * wait=S (3) seconds populate may take in all.
 */
#include "guest.h"
#include "hypercall.h"
#include "cpu.h"

#define MAX_PAGES	2048
#define E820_MAX	32

/*
 * XENMEM_memory_map fills BIOS INT 15h E820 entries: 20 bytes, packed.
 * The public headers have no type for them (Xen keeps its own), and
 * struct hvm_memmap_table_entry is 24 bytes, so it cannot stand in.
 */
struct e820_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;
} __attribute__((packed));

static uint8_t area[MAX_PAGES][PAGE_SIZE] __aligned(PAGE_SIZE);
static xen_pfn_t pfns[MAX_PAGES];

static void show_memory_map(void)
{
	static struct e820_entry e820[E820_MAX];
	struct xen_memory_map map = { .nr_entries = E820_MAX };
	unsigned int i;
	long ret;

	set_xen_guest_handle(map.buffer, e820);
	ret = HYPERVISOR_memory_op(XENMEM_memory_map, &map);
	if (ret) {
		printf("balloon: XENMEM_memory_map: %ld\n", ret);
		return;
	}
	printf("balloon: XENMEM_memory_map: %u entries\n", map.nr_entries);
	for (i = 0; i < map.nr_entries && i < E820_MAX; i++)
		printf("balloon:   %016lx-%016lx type %u\n",
		       (unsigned long)e820[i].addr,
		       (unsigned long)(e820[i].addr + e820[i].size - 1),
		       e820[i].type);
}

/* Rewritten before each call: Xen may write frame numbers back. */
static void fill_pfns(unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		pfns[i] = (uintptr_t)area[i] >> PAGE_SHIFT;
}

/* Checks the counter if the hypervisor has one; -ENOSYS is reported. */
static void check_reservation(const char *when, long want)
{
	long cur = mem_reservation(XENMEM_current_reservation);

	printf("balloon: current reservation %s: %ld pages\n", when, cur);
	if (cur >= 0 && want >= 0 && cur != want)
		fail("current reservation %s: %ld pages, expected %ld", when,
		     cur, want);
}

int guest_main(const struct hvm_start_info *si)
{
	unsigned long n = cmdline_ulong("pages", 64);
	unsigned long wait_s = cmdline_ulong("wait", 3);
	long cur, max, ret;
	unsigned int i, j;

	(void)si;
	if (!n || n > MAX_PAGES)
		fail("pages=%lu: want 1..%u", n, MAX_PAGES);

	cur = mem_reservation(XENMEM_current_reservation);
	max = mem_reservation(XENMEM_maximum_reservation);
	printf("balloon: current reservation %ld pages, maximum %ld\n",
	       cur, max);
	show_memory_map();

	for (i = 0; i < n; i++)
		memset(area[i], 0xa5 ^ i, PAGE_SIZE);
	printf("balloon: giving back %lu pages at %p\n", n, area[0]);
	/* No waiting: the hypervisor's returned ring holds MAX_PAGES. */
	fill_pfns(n);
	ret = balloon_frames(XENMEM_decrease_reservation, pfns, n, 0,
			     "balloon");
	if (ret != (long)n)
		fail("XENMEM_decrease_reservation of %lu pages: %ld", n, ret);
	check_reservation("after decrease", cur < 0 ? -1 : cur - (long)n);
	printf("balloon: gave back %lu pages\n", n);

	/* Not touched while out: that access would be a fault. */
	fill_pfns(n);
	ret = balloon_frames(XENMEM_populate_physmap, pfns, n, wait_s,
			     "balloon");
	if (ret < 0)
		fail("XENMEM_populate_physmap of %lu pages: %ld", n, ret);
	if (ret < (long)n)
		fail("XENMEM_populate_physmap: %ld of %lu pages after %lu s",
		     ret, n, wait_s);
	check_reservation("after populate", cur);

	for (i = 0; i < n; i++)
		for (j = 0; j < PAGE_SIZE; j++)
			if (area[i][j])
				fail("page %u (gpfn %lx) byte %u is %02x, "
				     "not zeroed", i,
				     (unsigned long)pfns[i], j, area[i][j]);
	printf("balloon: %lu pages back, all zeroed\n", n);

	/* and usable */
	for (i = 0; i < n; i++)
		memset(area[i], 0x5a ^ i, PAGE_SIZE);
	for (i = 0; i < n; i++)
		if (area[i][0] != (uint8_t)(0x5a ^ i) ||
		    area[i][PAGE_SIZE - 1] != (uint8_t)(0x5a ^ i))
			fail("page %u does not keep what is written", i);
	return 0;
}
