// SPDX-License-Identifier: GPL-2.0
/*
 * The physical memory map for the hypervisor, from the firmware's map as
 * Linux recorded it in the resource tree: RAM (for the hypervisor's direct
 * map) and every other memory range (MMIO, firmware), so Dom0's nested
 * page tables cover exactly what Dom0 can address.  No configuration.
 */
#define pr_fmt(fmt) "xenlate: " fmt

#include <linux/ioport.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include "loader.h"

#define MAX_COLLECT	4096

struct collect {
	struct xl_mem_range *r;
	unsigned int n;
	u32 type;
	bool overflow;
};

static int collect_range(struct resource *res, void *arg)
{
	struct collect *c = arg;

	if (c->n == MAX_COLLECT) {
		c->overflow = true;
		return 0;
	}
	c->r[c->n].start = res->start;
	c->r[c->n].end = res->end + 1;
	c->r[c->n].type = c->type;
	c->n++;
	return 0;
}

static int cmp_range(const void *a, const void *b)
{
	const struct xl_mem_range *x = a, *y = b;

	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return 0;
}

/* Sort, and merge overlapping or touching ranges of the same type. */
static unsigned int merge(struct xl_mem_range *r, unsigned int n)
{
	unsigned int i, out = 0;

	sort(r, n, sizeof(*r), cmp_range, NULL);
	for (i = 0; i < n; i++) {
		if (out && r[out - 1].type == r[i].type &&
		    r[i].start <= r[out - 1].end) {
			r[out - 1].end = max(r[out - 1].end, r[i].end);
			continue;
		}
		r[out++] = r[i];
	}
	return out;
}

/* Too many ranges: close the smallest gap between non-RAM neighbours. */
static unsigned int coarsen(struct xl_mem_range *r, unsigned int n)
{
	while (n > XL_MAX_RANGES) {
		unsigned int i, best = 0;
		u64 gap = U64_MAX;

		for (i = 0; i + 1 < n; i++) {
			if (r[i].type != XL_MEM_OTHER ||
			    r[i + 1].type != XL_MEM_OTHER)
				continue;
			if (r[i + 1].start - r[i].end < gap) {
				gap = r[i + 1].start - r[i].end;
				best = i;
			}
		}
		if (gap == U64_MAX)
			break;
		r[best].end = r[best + 1].end;
		memmove(&r[best + 1], &r[best + 2],
			(n - best - 2) * sizeof(*r));
		n--;
	}
	return n;
}

int memmap_fill(struct xl_boot_info *bi)
{
	struct collect c = { .n = 0 };
	unsigned int i;
	u64 top = 1ULL << 32;

	c.r = kvcalloc(MAX_COLLECT, sizeof(*c.r), GFP_KERNEL);
	if (!c.r)
		return -ENOMEM;
	c.type = XL_MEM_RAM;
	walk_iomem_res_desc(IORES_DESC_NONE, IORESOURCE_SYSTEM_RAM, 0,
			    U64_MAX, &c, collect_range);
	c.type = XL_MEM_OTHER;
	walk_iomem_res_desc(IORES_DESC_NONE, IORESOURCE_MEM, 0, U64_MAX, &c,
			    collect_range);
	c.n = coarsen(c.r, merge(c.r, c.n));
	if (c.overflow || c.n > XL_MAX_RANGES) {
		pr_err("firmware memory map too fragmented (%u ranges)\n", c.n);
		kvfree(c.r);
		return -E2BIG;
	}
	for (i = 0; i < c.n; i++) {
		bi->range[i] = c.r[i];
		top = max(top, c.r[i].end);
	}
	bi->nr_ranges = c.n;
	bi->phys_top = ALIGN(top, XL_CHUNK_SIZE);
	kvfree(c.r);
	return 0;
}
