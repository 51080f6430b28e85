/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86-64 page tables, 4 or 5 levels, with 4 KiB and 2 MiB leaves.  One
 * builder serves the hypervisor's own tables and the nested page tables of
 * domains (whose entries have the same format; nested walks are user
 * accesses, so their entries carry PTE_US).
 */
#ifndef X86_PGTABLE_H
#define X86_PGTABLE_H

#include <hv/types.h>

#define PTE_P		BIT(0)
#define PTE_RW		BIT(1)
#define PTE_US		BIT(2)
#define PTE_PWT		BIT(3)
#define PTE_PCD		BIT(4)
#define PTE_A		BIT(5)
#define PTE_D		BIT(6)
#define PTE_PS		BIT(7)
#define PTE_G		BIT(8)
#define PTE_NX		BIT(63)
#define PTE_ADDR	0x000ffffffffff000ULL
#define PTE_FLAGS	(~PTE_ADDR)

#define SIZE_4K		0x1000ULL
#define SIZE_2M		0x200000ULL

struct pt_ops {
	/* A zeroed, page-aligned table page and its physical address. */
	void *(*alloc)(void *opaque, u64 *pa);
	void *(*phys_to_virt)(void *opaque, u64 pa);
	/* Give back a table page (pt_destroy); may be NULL if never used. */
	void (*free)(void *opaque, void *va);
	void *opaque;
};

struct pt {
	u64 *root;
	u64 root_pa;
	u32 levels;		/* 4 or 5 */
	const struct pt_ops *ops;
};

int pt_init(struct pt *pt, u32 levels, const struct pt_ops *ops);
/*
 * Map [va, va + size) to [pa, pa + size) with the leaf @flags (PTE_P and
 * the rest; never PTE_PS).  2 MiB leaves are used where alignment allows
 * and @large is set.  Returns 0 or -ENOMEM.
 */
int pt_map(struct pt *pt, u64 va, u64 pa, u64 size, u64 flags, bool large);
/* Free every table page, the root included; the leaves' frames are
 * the caller's.  @pt is unusable afterwards. */
void pt_destroy(struct pt *pt);
/*
 * If the 4 KiB leaves of the 2 MiB region around @va again map one
 * aligned 2 MiB range with one set of flags, replace their table by a
 * 2 MiB leaf and free it (undoing a split).  Returns whether it did.
 */
bool pt_merge_2m(struct pt *pt, u64 va);
/* Remove the mappings of [va, va + size), splitting 2 MiB leaves. */
int pt_unmap(struct pt *pt, u64 va, u64 size);
/*
 * Translate @va.  Returns true when mapped, with the physical address, the
 * leaf's flags (PTE_PS set for a 2 MiB leaf) and the leaf's size.
 */
bool pt_lookup(const struct pt *pt, u64 va, u64 *pa, u64 *flags, u64 *size);

#endif
