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

static long reservation(int cmd)
{
	domid_t self = DOMID_SELF;

	return HYPERVISOR_memory_op(cmd, &self);
}

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

/* Pages first .. first + n - 1 of the area. */
static long balloon(int cmd, unsigned int first, unsigned int n)
{
	struct xen_memory_reservation r = {
		.nr_extents = n,
		.extent_order = 0,
		.mem_flags = 0,
		.domid = DOMID_SELF,
	};
	unsigned int i;

	/* rewritten each time: Xen may write frame numbers back */
	for (i = first; i < first + n; i++)
		pfns[i] = (uintptr_t)area[i] >> PAGE_SHIFT;
	set_xen_guest_handle(r.extent_start, &pfns[first]);
	return HYPERVISOR_memory_op(cmd, &r);
}

/*
 * Populate takes frames from the spare pool Dom0 fills: it may do part
 * of them, or none until Dom0 comes by.  Yield and retry, for a while.
 */
static void populate_all(unsigned int n, unsigned long wait_s)
{
	uint64_t start = rdtsc_ordered(), limit = wait_s * tsc_hz();
	unsigned int done = 0;
	bool said = false;
	long ret;

	while (done < n) {
		ret = balloon(XENMEM_populate_physmap, done, n - done);
		if (ret < 0 || ret > (long)(n - done))
			fail("XENMEM_populate_physmap of %u pages: %ld",
			     n - done, ret);
		done += (unsigned int)ret;
		if (done == n)
			break;
		if (rdtsc_ordered() - start > limit)
			fail("XENMEM_populate_physmap: %u of %u pages after "
			     "%lu s", done, n, wait_s);
		if (!said)
			printf("balloon: %u of %u pages back, waiting for "
			       "Dom0's spare frames\n", done, n);
		said = true;
		HYPERVISOR_sched_op(SCHEDOP_yield, NULL);
	}
}

/* Checks the counter if the hypervisor has one; -ENOSYS is reported. */
static void check_reservation(const char *when, long want)
{
	long cur = reservation(XENMEM_current_reservation);

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

	cur = reservation(XENMEM_current_reservation);
	max = reservation(XENMEM_maximum_reservation);
	printf("balloon: current reservation %ld pages, maximum %ld\n",
	       cur, max);
	show_memory_map();

	for (i = 0; i < n; i++)
		memset(area[i], 0xa5 ^ i, PAGE_SIZE);
	printf("balloon: giving back %lu pages at %p\n", n, area[0]);
	/* In batches of 512, as Linux's balloon driver does. */
	for (i = 0; i < n; i += (unsigned int)ret) {
		j = n - i < 512 ? (unsigned int)(n - i) : 512;
		ret = balloon(XENMEM_decrease_reservation, i, j);
		if (ret != (long)j)
			fail("XENMEM_decrease_reservation of %u pages: %ld",
			     j, ret);
	}
	check_reservation("after decrease", cur < 0 ? -1 : cur - (long)n);
	printf("balloon: gave back %lu pages\n", n);

	/* Not touched while out: that access would be a fault. */
	populate_all((unsigned int)n, wait_s);
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
