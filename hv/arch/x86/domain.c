// SPDX-License-Identifier: GPL-2.0
/*
 * What a guest domain is on x86: its nested page tables (p2m).  Frames
 * come from Dom0 and go back to it through p2m.c.
 */
#include "p2m.h"
#include "dom0_guard.h"
#include "paging.h"
#include <hv/domain.h>
#include <hv/mm.h>
#include <hv/lib.h>
#include <hv/errno.h>
#include <hv/xen_guest.h>
#include <hv/balloon.h>

struct arch_domain {
	struct pt npt;
	u64 gfn_end;		/* one past the highest gfn ever backed */
	u64 release_cursor;	/* where destroy goes on from */
	spinlock_t lock;	/* guest changes of the npt (shared_info, balloon) */
	bool shared_mapped;	/* shared_info shown at shared_gfn */
	u64 shared_gfn;
	u64 shared_saved;	/* the guest's frame it hides, or P2M_NONE */
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
	s64 gen;

	if (!a)
		return -ENOMEM;
	memset(a, 0, sizeof(*a));
	if (pt_init(&a->npt, npt_levels, &hv_pt_ops)) {
		free_pages(a, 1);
		return -ENOMEM;
	}
	/* Dom0 can no longer INIT a CPU away from under a guest. */
	gen = dom0_guard_get();
	if (gen < 0) {
		pt_destroy(&a->npt);
		free_pages(a, 1);
		return (int)gen;
	}
	if (gen)
		d->tlb_gen = (u64)gen;	/* start waits for every CPU */
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
	dom0_guard_put();
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

int arch_domain_map_shared(struct domain *d, u64 gfn, void *page)
{
	struct arch_domain *a = d->arch;
	u64 saved;
	int rc = 0;

	spin_lock(&a->lock);
	if (a->shared_mapped && a->shared_gfn == gfn)
		goto out;
	/* The new place first: if it fails, the old one stays. */
	rc = p2m_map_hv(&a->npt, gfn, virt_to_phys(page), &saved, &p2m_ops);
	if (rc)
		goto out;
	if (a->shared_mapped)
		p2m_unmap_hv(&a->npt, a->shared_gfn, a->shared_saved);
	a->shared_mapped = true;
	a->shared_gfn = gfn;
	a->shared_saved = saved;
out:
	spin_unlock(&a->lock);
	return rc;
}

void arch_domain_unmap_shared(struct domain *d)
{
	struct arch_domain *a = d->arch;

	if (!a)
		return;
	spin_lock(&a->lock);
	if (a->shared_mapped)
		p2m_unmap_hv(&a->npt, a->shared_gfn, a->shared_saved);
	a->shared_mapped = false;
	spin_unlock(&a->lock);
}

u64 arch_domain_gfn_end(struct domain *d)
{
	return READ_ONCE(d->arch->gfn_end);
}

u64 arch_domain_ncr3(struct domain *d)
{
	return d->arch->npt.root_pa;
}

int arch_balloon_map(struct domain *d, u64 gfn, u64 pfn)
{
	struct arch_domain *a = d->arch;
	int rc;

	spin_lock(&a->lock);
	rc = p2m_map_frame(&a->npt, gfn, pfn, &p2m_ops);
	if (!rc && gfn >= a->gfn_end)
		WRITE_ONCE(a->gfn_end, gfn + 1);
	spin_unlock(&a->lock);
	return rc;
}

int arch_balloon_unmap(struct domain *d, u64 gfn, u64 *pfn)
{
	struct arch_domain *a = d->arch;
	int rc;

	spin_lock(&a->lock);
	if (a->shared_mapped && a->shared_gfn == gfn)
		rc = -EPERM;	/* shared_info's place, not a frame of its */
	else
		rc = p2m_unmap_frame(&a->npt, gfn, pfn, &p2m_ops);
	spin_unlock(&a->lock);
	return rc;
}

/* Dom0's tables change under the domctl lock only (core/balloon.c). */
int arch_balloon_from_dom0(u64 pfn)
{
	return p2m_leave_dom0(&dom0_npt, pfn, &p2m_ops);
}

int arch_balloon_to_dom0(u64 pfn)
{
	return p2m_back_to_dom0(&dom0_npt, pfn, &p2m_ops);
}
