/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hypervisor's own memory: 2 MiB chunks the loader took from Linux,
 * mapped contiguously from image_va in both Linux's and the hypervisor's
 * address spaces.  Allocations never cross a chunk, so every allocation is
 * physically contiguous.
 */
#ifndef HV_MM_H
#define HV_MM_H

#include <hv/types.h>
#include <xenlate/boot.h>

#define CHUNK_PAGES	(XL_CHUNK_SIZE / PAGE_SIZE)

struct hv_mem {
	u64 base_va;		/* virtual address of chunk 0 */
	u32 nr_chunks;
	u64 chunk_pa[XL_MAX_CHUNKS];
	u64 nr_pages;
	u64 nr_free;
	u64 bitmap[XL_MAX_CHUNKS * CHUNK_PAGES / 64];	/* 1 = in use */
};

extern struct hv_mem hv_mem;

void mem_init(struct hv_mem *m, u64 base_va, const u64 *chunk_pa,
	      u32 nr_chunks, u64 reserved_bytes);
/*
 * @nr pages whose virtual address is aligned to @align pages (a power of
 * two), zeroed; NULL if none.
 */
void *mem_alloc_pages(struct hv_mem *m, u64 nr, u64 align);
void mem_free_pages(struct hv_mem *m, void *va, u64 nr);
u64 mem_virt_to_phys(const struct hv_mem *m, const void *va);
/* The heap address of hypervisor frame @pa, or NULL if not ours. */
void *mem_phys_to_virt(const struct hv_mem *m, u64 pa);
/* True when [pa, pa + len) touches hypervisor memory. */
bool mem_owns_phys(const struct hv_mem *m, u64 pa, u64 len);

static inline void *alloc_pages(u64 nr)
{
	return mem_alloc_pages(&hv_mem, nr, 1);
}

static inline void *alloc_page(void)
{
	return mem_alloc_pages(&hv_mem, 1, 1);
}

static inline void free_pages(void *va, u64 nr)
{
	mem_free_pages(&hv_mem, va, nr);
}

static inline u64 virt_to_phys(const void *va)
{
	return mem_virt_to_phys(&hv_mem, va);
}

/* The direct map of physical memory (RAM only). */
extern u64 directmap_va;

static inline void *phys_to_virt(u64 pa)
{
	return (void *)(directmap_va + pa);
}

#endif
