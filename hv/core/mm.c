// SPDX-License-Identifier: GPL-2.0
/*
 * The page allocator for the hypervisor's own memory: a bitmap over the
 * pages of the chunks the loader gave us.  Allocations are rare (at load,
 * at domain creation), so first fit over a bitmap is simple and enough.
 */
#include <hv/mm.h>
#include <hv/lib.h>
#include <hv/spinlock.h>

/* Allocation happens on any CPU once domains exist. */
static spinlock_t mem_lock = SPINLOCK_INIT;

struct hv_mem hv_mem;

static bool page_used(const struct hv_mem *m, u64 i)
{
	return m->bitmap[i / 64] & BIT(i % 64);
}

static void mark(struct hv_mem *m, u64 first, u64 nr, bool used)
{
	for (u64 i = first; i < first + nr; i++) {
		if (used)
			m->bitmap[i / 64] |= BIT(i % 64);
		else
			m->bitmap[i / 64] &= ~BIT(i % 64);
	}
}

void mem_init(struct hv_mem *m, u64 base_va, const u64 *chunk_pa,
	      u32 nr_chunks, u64 reserved_bytes)
{
	u64 reserved = ALIGN_UP(reserved_bytes, PAGE_SIZE) / PAGE_SIZE;

	memset(m->bitmap, 0, sizeof(m->bitmap));
	m->base_va = base_va;
	m->nr_chunks = MIN(nr_chunks, (u32)XL_MAX_CHUNKS);
	for (u32 i = 0; i < m->nr_chunks; i++)
		m->chunk_pa[i] = chunk_pa[i];
	m->nr_pages = (u64)m->nr_chunks * CHUNK_PAGES;
	reserved = MIN(reserved, m->nr_pages);
	/* The image itself sits at the start of chunk 0. */
	mark(m, 0, reserved, true);
	m->nr_free = m->nr_pages - reserved;
}

void *mem_alloc_pages(struct hv_mem *m, u64 nr, u64 align)
{
	if (!nr || nr > CHUNK_PAGES || !align || (align & (align - 1)))
		return NULL;
	spin_lock(&mem_lock);
	for (u64 chunk = 0; chunk < m->nr_chunks; chunk++) {
		u64 first = chunk * CHUNK_PAGES;
		u64 end = first + CHUNK_PAGES;

		/* Align the virtual address: per-CPU blocks rely on it. */
		u64 skew = (m->base_va / PAGE_SIZE) & (align - 1);
		u64 start = ALIGN_UP(first + skew, align) - skew;

		for (u64 i = start; i + nr <= end; i += align) {
			u64 j;

			for (j = 0; j < nr && !page_used(m, i + j); j++)
				;
			if (j < nr)
				continue;
			mark(m, i, nr, true);
			m->nr_free -= nr;
			spin_unlock(&mem_lock);
			memset((void *)(m->base_va + i * PAGE_SIZE), 0,
			       nr * PAGE_SIZE);
			return (void *)(m->base_va + i * PAGE_SIZE);
		}
	}
	spin_unlock(&mem_lock);
	return NULL;
}

void mem_free_pages(struct hv_mem *m, void *va, u64 nr)
{
	u64 first = ((u64)va - m->base_va) / PAGE_SIZE;

	if (!va)
		return;
	/* Scrub: the next user of these pages must not see this one's data. */
	memset(va, 0, nr * PAGE_SIZE);
	spin_lock(&mem_lock);
	mark(m, first, nr, false);
	m->nr_free += nr;
	spin_unlock(&mem_lock);
}

u64 mem_virt_to_phys(const struct hv_mem *m, const void *va)
{
	u64 off = (u64)va - m->base_va;

	return m->chunk_pa[off >> XL_CHUNK_SHIFT] +
	       (off & (XL_CHUNK_SIZE - 1));
}

void *mem_phys_to_virt(const struct hv_mem *m, u64 pa)
{
	for (u32 i = 0; i < m->nr_chunks; i++)
		if (pa >= m->chunk_pa[i] && pa < m->chunk_pa[i] + XL_CHUNK_SIZE)
			return (void *)(m->base_va + (u64)i * XL_CHUNK_SIZE +
					(pa - m->chunk_pa[i]));
	return NULL;
}

bool mem_owns_phys(const struct hv_mem *m, u64 pa, u64 len)
{
	for (u32 i = 0; i < m->nr_chunks; i++) {
		u64 s = m->chunk_pa[i];

		if (pa < s + XL_CHUNK_SIZE && pa + len > s)
			return true;
	}
	return false;
}
