// SPDX-License-Identifier: GPL-2.0
/*
 * Page table construction.  Plain logic over table pages handed out by the
 * caller, so the host unit tests build and walk real tables.
 */
#include "pgtable.h"
#include <hv/errno.h>

/* Bit position of the index for a level: 1 = PT ... 5 = PML5. */
static inline u32 level_shift(u32 level)
{
	return PAGE_SHIFT + 9 * (level - 1);
}

static inline u32 index_of(u64 va, u32 level)
{
	return (va >> level_shift(level)) & 511;
}

static inline u64 *table_of(const struct pt *pt, u64 entry)
{
	return pt->ops->phys_to_virt(pt->ops->opaque, entry & PTE_ADDR);
}

#define TABLE_FLAGS	(PTE_P | PTE_RW | PTE_US)

int pt_init(struct pt *pt, u32 levels, const struct pt_ops *ops)
{
	if (levels != 4 && levels != 5)
		return -EINVAL;
	pt->levels = levels;
	pt->ops = ops;
	pt->root = ops->alloc(ops->opaque, &pt->root_pa);
	return pt->root ? 0 : -ENOMEM;
}

/* Replace a 2 MiB leaf by a table of 512 4 KiB leaves mapping the same. */
static int split_large(const struct pt *pt, u64 *entry)
{
	u64 pa, *t;
	u64 base = *entry & PTE_ADDR & ~(SIZE_2M - 1);
	u64 flags = *entry & PTE_FLAGS & ~PTE_PS;

	t = pt->ops->alloc(pt->ops->opaque, &pa);
	if (!t)
		return -ENOMEM;
	/* Bit 12 of a large leaf is its PAT bit; ours never set it. */
	flags &= ~BIT(12);
	for (int i = 0; i < 512; i++)
		t[i] = (base + i * SIZE_4K) | flags;
	*entry = pa | TABLE_FLAGS;
	return 0;
}

/*
 * The entry for @va at @target level, creating tables on the way and
 * splitting large leaves above it.  NULL on allocation failure.
 */
static u64 *walk_create(struct pt *pt, u64 va, u32 target)
{
	u64 *table = pt->root;

	for (u32 level = pt->levels; level > target; level--) {
		u64 *e = &table[index_of(va, level)];

		if (!(*e & PTE_P)) {
			u64 pa;

			if (!pt->ops->alloc(pt->ops->opaque, &pa))
				return NULL;
			*e = pa | TABLE_FLAGS;
		} else if (*e & PTE_PS) {
			if (split_large(pt, e))
				return NULL;
		}
		table = table_of(pt, *e);
	}
	return &table[index_of(va, target)];
}

int pt_map(struct pt *pt, u64 va, u64 pa, u64 size, u64 flags, bool large)
{
	flags &= PTE_FLAGS & ~PTE_PS;
	while (size) {
		bool big = large && IS_ALIGNED(va, SIZE_2M) &&
			   IS_ALIGNED(pa, SIZE_2M) && size >= SIZE_2M;
		u64 step = big ? SIZE_2M : SIZE_4K;
		u64 *e = walk_create(pt, va, big ? 2 : 1);

		if (!e)
			return -ENOMEM;
		/*
		 * Mapping 2 MiB over a table drops the 4 KiB leaves below
		 * it; the table page stays allocated until the tables are
		 * freed with their owner.
		 */
		*e = pa | flags | (big ? PTE_PS : 0);
		va += step;
		pa += step;
		size -= step;
	}
	return 0;
}

int pt_unmap(struct pt *pt, u64 va, u64 size)
{
	while (size) {
		u64 *table = pt->root;
		u32 level;

		for (level = pt->levels; level > 1; level--) {
			u64 *e = &table[index_of(va, level)];
			u64 span = 1ULL << level_shift(level);

			if (!(*e & PTE_P)) {
				/* Nothing mapped in this whole span. */
				u64 skip = span - (va & (span - 1));

				if (skip >= size)
					return 0;
				va += skip;
				size -= skip;
				goto next;
			}
			if (*e & PTE_PS) {
				if (IS_ALIGNED(va, span) && size >= span) {
					*e = 0;
					va += span;
					size -= span;
					goto next;
				}
				if (split_large(pt, e))
					return -ENOMEM;
			}
			table = table_of(pt, *e);
		}
		table[index_of(va, 1)] = 0;
		va += SIZE_4K;
		size = size > SIZE_4K ? size - SIZE_4K : 0;
next:
		;
	}
	return 0;
}

bool pt_lookup(const struct pt *pt, u64 va, u64 *pa, u64 *flags, u64 *size)
{
	const u64 *table = pt->root;

	for (u32 level = pt->levels; level >= 1; level--) {
		u64 e = table[index_of(va, level)];
		u64 span = 1ULL << level_shift(level);

		if (!(e & PTE_P))
			return false;
		if (level == 1 || (e & PTE_PS)) {
			u64 base = e & PTE_ADDR & ~(span - 1);

			*pa = base | (va & (span - 1));
			*flags = e & PTE_FLAGS;
			*size = span;
			return true;
		}
		table = table_of(pt, e);
	}
	return false;
}

static void free_table(struct pt *pt, u64 *table, u32 level)
{
	for (int i = 0; level > 1 && i < 512; i++)
		if ((table[i] & PTE_P) && !(table[i] & PTE_PS))
			free_table(pt, table_of(pt, table[i]), level - 1);
	pt->ops->free(pt->ops->opaque, table);
}

void pt_destroy(struct pt *pt)
{
	/* Recursion depth is the number of levels, at most 5. */
	if (pt->root)
		free_table(pt, pt->root, pt->levels);
	pt->root = NULL;
}

bool pt_merge_2m(struct pt *pt, u64 va)
{
	u64 *table = pt->root, *e, *leaves, base, flags;

	for (u32 level = pt->levels; level > 2; level--) {
		e = &table[index_of(va, level)];
		if (!(*e & PTE_P) || (*e & PTE_PS))
			return false;
		table = table_of(pt, *e);
	}
	e = &table[index_of(va, 2)];
	if (!(*e & PTE_P) || (*e & PTE_PS))
		return false;
	leaves = table_of(pt, *e);
	base = leaves[0] & PTE_ADDR;
	/* The CPU sets accessed and dirty bits as it goes: not a difference. */
	flags = leaves[0] & PTE_FLAGS & ~(PTE_A | PTE_D);
	if (!(flags & PTE_P) || !IS_ALIGNED(base, SIZE_2M))
		return false;
	for (int i = 1; i < 512; i++)
		if ((leaves[i] & ~(PTE_A | PTE_D)) !=
		    ((base + i * SIZE_4K) | flags))
			return false;
	/* A 4 KiB leaf's PAT bit (7) is the 2 MiB leaf's PS: ours is 0. */
	*e = base | flags | PTE_PS;
	pt->ops->free(pt->ops->opaque, leaves);
	return true;
}
