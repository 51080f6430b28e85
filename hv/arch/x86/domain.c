// SPDX-License-Identifier: GPL-2.0
/*
 * What a guest domain is on x86: its nested page tables (p2m).  Frames
 * come from Dom0 and go back to it through p2m.c.
 */
#include "p2m.h"
#include "paging.h"
#include <hv/domain.h>
#include <hv/mm.h>
#include <hv/lib.h>
#include <hv/errno.h>

struct arch_domain {
	struct pt npt;
	u64 gfn_end;		/* one past the highest gfn ever backed */
	u64 release_cursor;	/* where destroy goes on from */
};

extern struct pt dom0_npt;
static u32 npt_levels;

static bool is_hv(u64 pa)
{
	return mem_owns_phys(&hv_mem, pa, PAGE_SIZE);
}

static void scrub(u64 pa)
{
	memset(phys_to_virt(pa), 0, PAGE_SIZE);
}

static const struct p2m_ops p2m_ops = { is_hv, scrub };

void arch_domain_setup(u32 paging_levels)
{
	npt_levels = paging_levels;
}

int arch_domain_create(struct domain *d)
{
	struct arch_domain *a = alloc_page();

	if (!a)
		return -ENOMEM;
	if (pt_init(&a->npt, npt_levels, &hv_pt_ops)) {
		free_pages(a, 1);
		return -ENOMEM;
	}
	d->arch = a;
	return 0;
}

int arch_domain_take(struct domain *d, u64 gfn, u64 pfn)
{
	struct arch_domain *a = d->arch;
	int rc = p2m_take_from_dom0(&dom0_npt, &a->npt, gfn, pfn, &p2m_ops);

	if (!rc && gfn >= a->gfn_end)
		a->gfn_end = gfn + 1;
	return rc;
}

u64 arch_domain_release(struct domain *d, u64 budget, bool *all_done)
{
	struct arch_domain *a = d->arch;
	u64 given = 0, pfn, steps = 16 * budget;

	/*
	 * Bounded work per call, holes included: Dom0's CPU waits in here
	 * with GIF clear.
	 */
	for (; a->release_cursor < a->gfn_end && budget && steps;
	     a->release_cursor++, steps--) {
		if (!p2m_give_to_dom0(&dom0_npt, &a->npt, a->release_cursor,
				      &pfn, &p2m_ops)) {
			given++;
			budget--;
		}
	}
	*all_done = a->release_cursor >= a->gfn_end;
	return given;
}

void arch_domain_free(struct domain *d)
{
	struct arch_domain *a = d->arch;

	if (!a)
		return;
	pt_destroy(&a->npt);
	free_pages(a, 1);
	d->arch = NULL;
}

void *arch_domain_gpa_ptr(struct domain *d, u64 gpa, u64 len)
{
	struct arch_domain *a = d->arch;
	u64 hpa, flags, size;

	if (!len || len > PAGE_SIZE ||
	    (gpa & PAGE_MASK) != ((gpa + len - 1) & PAGE_MASK))
		return NULL;
	if (!pt_lookup(&a->npt, gpa, &hpa, &flags, &size))
		return NULL;
	return phys_to_virt(hpa);
}

u64 arch_domain_ncr3(struct domain *d)
{
	return d->arch->npt.root_pa;
}
