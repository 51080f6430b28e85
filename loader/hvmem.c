// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor's memory: 2 MiB blocks from the page allocator, taken at
 * load and given back (zeroed) at unload.  Nothing is reserved at boot.
 * They are mapped contiguously in vmalloc space: the hypervisor runs at
 * that address in its own page tables too, and its entry points are
 * called there from Linux at load.
 */
#define pr_fmt(fmt) "xenlate: " fmt

#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/ioport.h>
#include <linux/io.h>
#include <linux/pgtable.h>
#include <asm/tlbflush.h>
#include "loader.h"

#define CHUNK_ORDER	(XL_CHUNK_SHIFT - PAGE_SHIFT)

static int set_text_prot(struct hv_memory *m, bool text);

static void release_resources(struct hv_memory *m)
{
	unsigned int i;

	for (i = 0; i < m->nr_res; i++)
		remove_resource(&m->res[i]);
	kfree(m->res);
	m->res = NULL;
	m->nr_res = 0;
}

/* One /proc/iomem entry per run of physically adjacent chunks. */
static void claim_resources(struct hv_memory *m)
{
	unsigned int i = 0;

	m->res = kcalloc(m->nr_chunks, sizeof(*m->res), GFP_KERNEL);
	if (!m->res)
		return;
	while (i < m->nr_chunks) {
		phys_addr_t start = page_to_phys(m->chunks[i]);
		struct resource *r = &m->res[m->nr_res];
		unsigned int j = i + 1;

		while (j < m->nr_chunks && page_to_phys(m->chunks[j]) ==
		       start + (phys_addr_t)(j - i) * XL_CHUNK_SIZE)
			j++;
		r->name = "xenlate hypervisor";
		r->start = start;
		r->end = start + (j - i) * XL_CHUNK_SIZE - 1;
		r->flags = IORESOURCE_MEM | IORESOURCE_BUSY;
		/* Lands inside its "System RAM" range, like "Kernel code". */
		if (!insert_resource(&iomem_resource, r))
			m->nr_res++;
		i = j;
	}
}

int hvmem_alloc(struct hv_memory *m, unsigned int nr_chunks)
{
	struct page **pages, *page;
	unsigned int i, j, k, order, n = nr_chunks << CHUNK_ORDER;

	m->nr_chunks = 0;
	m->chunks = kcalloc(nr_chunks, sizeof(*m->chunks), GFP_KERNEL);
	m->order = kcalloc(nr_chunks, sizeof(*m->order), GFP_KERNEL);
	pages = kvcalloc(n, sizeof(*pages), GFP_KERNEL);
	if (!m->chunks || !m->order || !pages)
		goto fail;
	for (i = 0; i < nr_chunks; i += 1U << (order - CHUNK_ORDER)) {
		/*
		 * Prefer 4 MiB blocks: freed, they go straight back to the
		 * buddy allocator, where a 2 MiB block would park in a
		 * per-CPU list (pageblock-sized blocks are cached there) and
		 * MemFree would not show it again.
		 */
		order = CHUNK_ORDER + (i + 1 < nr_chunks);
		page = alloc_pages(GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN |
				   __GFP_NORETRY, order);
		if (!page && order > CHUNK_ORDER) {
			order = CHUNK_ORDER;
			page = alloc_pages(GFP_KERNEL | __GFP_ZERO |
					   __GFP_NOWARN | __GFP_NORETRY, order);
		}
		if (!page)
			goto fail;
		for (k = 0; k < 1U << (order - CHUNK_ORDER); k++) {
			m->chunks[i + k] = page + (k << CHUNK_ORDER);
			/* The block's order on its first chunk, 0 on the rest. */
			m->order[i + k] = k ? 0 : order;
			m->nr_chunks++;
		}
		for (j = 0; j < (1U << order); j++)
			pages[(i << CHUNK_ORDER) + j] = page + j;
	}
	m->va = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	if (!m->va)
		goto fail;
	kvfree(pages);
	claim_resources(m);
	return 0;
fail:
	kvfree(pages);
	hvmem_free(m);
	return -ENOMEM;
}

void hvmem_free(struct hv_memory *m)
{
	unsigned int i;

	release_resources(m);
	if (m->va) {
		/* Writable again (and not executable) for the scrub. */
		if (m->text_size && set_text_prot(m, false))
			pr_err("cannot unprotect the hypervisor's code\n");
		m->text_size = 0;
		/* The hypervisor's data must not outlive it in Linux's pages. */
		memset(m->va, 0, (size_t)m->nr_chunks * XL_CHUNK_SIZE);
		vunmap(m->va);
		m->va = NULL;
	}
	for (i = 0; i < m->nr_chunks; i++)
		if (m->order[i])
			__free_pages(m->chunks[i], m->order[i]);
	kfree(m->chunks);
	kfree(m->order);
	m->chunks = NULL;
	m->order = NULL;
	m->nr_chunks = 0;
}

/*
 * vmap() maps everything non-executable and the kernel exports no way to
 * change that, so flip the bits in the page table entries of the image's
 * text ourselves: read-only and executable.  The entries are the 4 KiB
 * ones vmap() just made for our own pages; each is checked to map the
 * page we expect before it is touched.  Other CPUs cannot hold the old
 * entries (they never touched this mapping) but flush anyway before they
 * first run the code (launch.c).
 */
static int set_text_prot(struct hv_memory *m, bool text)
{
	pgd_t *pgd_base = __va(read_cr3_pa());
	u64 offset = m->text_offset, size = m->text_size;
	u64 addr;

	for (addr = (u64)m->va + offset; addr < (u64)m->va + offset + size;
	     addr += PAGE_SIZE) {
		pgd_t *pgd = pgd_offset_pgd(pgd_base, addr);
		p4d_t *p4d;
		pud_t *pud;
		pmd_t *pmd;
		pte_t *pte;

		if (pgd_none(*pgd))
			return -EFAULT;
		p4d = p4d_offset(pgd, addr);
		if (p4d_none(*p4d))
			return -EFAULT;
		pud = pud_offset(p4d, addr);
		if (pud_none(*pud) || pud_large(*pud))
			return -EFAULT;
		pmd = pmd_offset(pud, addr);
		if (pmd_none(*pmd) || pmd_large(*pmd))
			return -EFAULT;
		pte = pte_offset_kernel(pmd, addr);
		if (!pte_present(*pte) ||
		    pte_pfn(*pte) != vmalloc_to_pfn((void *)addr))
			return -EFAULT;
		if (text)
			set_pte(pte, pte_mkexec(pte_wrprotect(*pte)));
		else
			set_pte(pte, pte_set_flags(*pte, _PAGE_RW | _PAGE_NX));
	}
	__flush_tlb_all();
	return 0;
}

int hvmem_protect_text(struct hv_memory *m, u64 offset, u64 size)
{
	m->text_offset = offset;
	m->text_size = size;
	return set_text_prot(m, true);
}
