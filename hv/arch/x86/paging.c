// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor's page tables: the image and heap at the address Linux
 * mapped them (so the code runs unchanged across the CR3 switch), with
 * text read-only and data non-executable, guard pages below each CPU's
 * stacks, and a direct map of RAM at Linux's direct-map address.
 */
#include "paging.h"
#include "cpu.h"
#include <hv/mm.h>
#include <hv/log.h>
#include <hv/errno.h>

struct pt host_pt;
u64 directmap_va;

static struct xl_mem_range ram[XL_MAX_RANGES];
static u32 nr_ram;

static void *pt_alloc(void *opaque, u64 *pa)
{
	void *p = alloc_page();

	(void)opaque;
	if (p)
		*pa = virt_to_phys(p);
	return p;
}

static void *pt_phys_to_virt(void *opaque, u64 pa)
{
	(void)opaque;
	return phys_to_virt(pa);
}

/* Tables below the root are reached through the direct map. */
static void pt_free(void *opaque, void *va)
{
	u64 a = (u64)va;

	(void)opaque;
	if (a >= directmap_va && a - directmap_va < (1ULL << 52))
		va = mem_phys_to_virt(&hv_mem, a - directmap_va);
	if (va)
		free_pages(va, 1);
}

const struct pt_ops hv_pt_ops = {
	.alloc = pt_alloc,
	.phys_to_virt = pt_phys_to_virt,
	.free = pt_free,
};

extern const char __hv_text_start[], __hv_text_end[];

static int map_image(const struct xl_boot_info *bi)
{
	u64 text_s = (u64)__hv_text_start, text_e = (u64)__hv_text_end;
	u64 base = hv_mem.base_va;
	int rc = 0;

	for (u32 i = 0; i < hv_mem.nr_chunks && !rc; i++)
		rc = pt_map(&host_pt, base + i * XL_CHUNK_SIZE,
			    hv_mem.chunk_pa[i], XL_CHUNK_SIZE,
			    PTE_P | PTE_RW | PTE_NX, true);
	if (rc)
		return rc;
	/* Chunk 0 is physically contiguous: remap the text read-only, X. */
	(void)bi;
	return pt_map(&host_pt, text_s, virt_to_phys((void *)text_s),
		      text_e - text_s, PTE_P, false);
}

static int map_ram(const struct xl_boot_info *bi)
{
	for (u32 i = 0; i < bi->nr_ranges && i < XL_MAX_RANGES; i++) {
		const struct xl_mem_range *r = &bi->range[i];
		u64 s = ALIGN_UP(r->start, PAGE_SIZE);
		u64 e = ALIGN_DOWN(r->end, PAGE_SIZE);
		int rc;

		if (r->type != XL_MEM_RAM || e <= s)
			continue;
		ram[nr_ram].start = s;
		ram[nr_ram].end = e;
		nr_ram++;
		rc = pt_map(&host_pt, directmap_va + s, s, e - s,
			    PTE_P | PTE_RW | PTE_NX, true);
		if (rc)
			return rc;
	}
	return 0;
}

bool phys_is_ram(u64 pa, u64 len)
{
	if (pa + len < pa)
		return false;
	for (u32 i = 0; i < nr_ram; i++)
		if (pa >= ram[i].start && pa + len <= ram[i].end)
			return true;
	return false;
}

int paging_init(const struct xl_boot_info *bi)
{
	int rc;

	directmap_va = bi->directmap_va;
	rc = pt_init(&host_pt, bi->paging_levels, &hv_pt_ops);
	if (!rc)
		rc = map_image(bi);
	if (!rc)
		rc = map_ram(bi);
	if (rc)
		hv_log("paging: out of memory building the host page tables");
	return rc;
}
