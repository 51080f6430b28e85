// SPDX-License-Identifier: GPL-2.0
/*
 * More identity mapping than head.S's 4 GiB, for badmem's far write:
 * the write must reach the hypervisor's nested tables, not die in our
 * own page tables with a #PF.
 */
#include "guest.h"

#define PTE_P		0x001ULL
#define PTE_W		0x002ULL
#define PTE_PS		0x080ULL
#define GIB		(1ULL << 30)
#define NR_EXTRA	4

extern uint64_t pml4[512], pdpt[512];

static uint64_t extra_pd[NR_EXTRA][512] __aligned(PAGE_SIZE);
static unsigned int nr_used;

/* Only under the first 512 GiB: head.S has just the one pdpt. */
int pt_map_1g(uint64_t addr)
{
	unsigned int slot = addr / GIB, i;
	uint64_t *pd;

	if (addr >= 512 * GIB)
		return -XEN_EINVAL;
	if (pdpt[slot] & PTE_P)
		return 0;
	if (nr_used == NR_EXTRA)
		return -XEN_ENOMEM;
	pd = extra_pd[nr_used++];
	for (i = 0; i < 512; i++)
		pd[i] = (slot * GIB + i * (2ULL << 20)) | PTE_P | PTE_W |
			PTE_PS;
	pdpt[slot] = (uintptr_t)pd | PTE_P | PTE_W;
	/* a new entry where there was none: no stale TLB entry to flush */
	asm volatile("" ::: "memory");
	return 0;
}
