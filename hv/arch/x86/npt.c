// SPDX-License-Identifier: GPL-2.0
/*
 * Identity nested page tables from the firmware memory map: what Dom0
 * gets.  Everything below 4 GiB (RAM, firmware, MMIO, the APICs), every
 * range of the map above it up to @phys_top, minus the holes given (the
 * hypervisor's own memory).
 */
#include "npt.h"

#define NPT_FLAGS	(PTE_P | PTE_RW | PTE_US)
#define FOUR_GIB	(1ULL << 32)

int npt_build_identity(struct pt *npt, const struct xl_mem_range *r,
		       u32 nr, u64 phys_top, const u64 *hole, u32 nr_holes,
		       u64 hole_size)
{
	int rc = pt_map(npt, 0, 0, FOUR_GIB, NPT_FLAGS, true);

	for (u32 i = 0; !rc && i < nr; i++) {
		u64 s = MAX(ALIGN_DOWN(r[i].start, PAGE_SIZE), FOUR_GIB);
		u64 e = MIN(ALIGN_UP(r[i].end, PAGE_SIZE), phys_top);

		if (e > s)
			rc = pt_map(npt, s, s, e - s, NPT_FLAGS, true);
	}
	for (u32 i = 0; !rc && i < nr_holes; i++)
		rc = pt_unmap(npt, hole[i], hole_size);
	return rc;
}
