// SPDX-License-Identifier: GPL-2.0
/*
 * badmem: writes where this guest has no memory.  Each write must kill
 * the domain (a nested page fault the hypervisor does not forgive), so
 * a run that reaches RESULT has found a hole in the isolation.
 *
 * cmdline: step=N starts at target N (0: past RAM, 1: the local APIC
 * page, 2: far away at 0x7f00000000), so each can be tested alone.
 */
#include "guest.h"
#include "hypercall.h"

/* First address past the highest RAM that no memmap entry covers. */
static uint64_t beyond_ram(const struct hvm_start_info *si)
{
	const struct hvm_memmap_table_entry *mm =
		(const void *)(uintptr_t)si->memmap_paddr;
	uint64_t end = memmap_ram_end(si);
	unsigned int i;
	bool moved = true;

	while (moved) {
		moved = false;
		for (i = 0; i < si->memmap_entries; i++) {
			if (end >= mm[i].addr && end < mm[i].addr + mm[i].size) {
				end = mm[i].addr + mm[i].size;
				moved = true;
			}
		}
	}
	return (end + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
}

int guest_main(const struct hvm_start_info *si)
{
	struct {
		uint64_t addr;
		const char *what;
	} t[] = {
		{ beyond_ram(si), "just past RAM" },
		{ 0xfee00000, "local APIC page" },
		{ 0x7f00000000ULL, "far beyond RAM" },
	};
	unsigned long step = cmdline_ulong("step", 0);
	unsigned int i, survived = 0;
	int ret;

	if (!si->memmap_entries)
		fail("no memory map");
	for (i = step; i < ARRAY_SIZE(t); i++) {
		ret = pt_map_1g(t[i].addr);
		if (ret)
			fail("cannot map %lx in our own page tables: %d",
			     (unsigned long)t[i].addr, ret);
		printf("badmem: writing to %lx (%s), expect to be killed\n",
		       (unsigned long)t[i].addr, t[i].what);
		*(volatile uint64_t *)(uintptr_t)t[i].addr = 0xbadbadbadbadULL;
		printf("badmem: write to %lx survived\n",
		       (unsigned long)t[i].addr);
		survived++;
	}
	fail("%u write(s) outside our memory survived", survived);
}
