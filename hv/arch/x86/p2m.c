// SPDX-License-Identifier: GPL-2.0
/*
 * Frames change owner here, and only here.  Every frame number comes from
 * Dom0 or a guest and is checked against the tables themselves.
 */
#include "p2m.h"
#include <hv/errno.h>

#define MAX_PFN		(PTE_ADDR >> PAGE_SHIFT)

int p2m_take_from_dom0(struct pt *dom0, struct pt *guest, u64 gfn, u64 pfn,
		       const struct p2m_ops *ops)
{
	u64 pa = pfn << PAGE_SHIFT, got, flags, size;
	int rc;

	if (pfn > MAX_PFN || gfn > MAX_PFN)
		return -EINVAL;
	if (ops->is_hv(pa))
		return -EPERM;
	if (!pt_lookup(dom0, pa, &got, &flags, &size) || got != pa)
		return -EINVAL;
	if (pt_lookup(guest, gfn << PAGE_SHIFT, &got, &flags, &size))
		return -EEXIST;
	/* Take it from Dom0 first: if that needs memory and fails, no harm. */
	rc = pt_unmap(dom0, pa, PAGE_SIZE);
	if (rc)
		return rc;
	rc = pt_map(guest, gfn << PAGE_SHIFT, pa, PAGE_SIZE, P2M_FLAGS, false);
	if (rc) {
		/* The 4 KiB table is there now: mapping back cannot fail. */
		pt_map(dom0, pa, pa, PAGE_SIZE, P2M_FLAGS, false);
		return rc;
	}
	ops->scrub(pa);
	return 0;
}

int p2m_give_to_dom0(struct pt *dom0, struct pt *guest, u64 gfn, u64 *pfn,
		     const struct p2m_ops *ops)
{
	/* Out of the guest, wiped, and only then visible to Dom0. */
	int rc = p2m_unmap_frame(guest, gfn, pfn, ops);

	/*
	 * Dom0's 4 KiB table for this frame is left from the take, so this
	 * cannot need memory; if it ever did, the frame stays unmapped
	 * (lost to Dom0, never leaked to it).
	 */
	return rc ? rc : p2m_back_to_dom0(dom0, *pfn, ops);
}

int p2m_map_hv(struct pt *guest, u64 gfn, u64 hv_pa, u64 *saved,
	       const struct p2m_ops *ops)
{
	u64 pa, flags, size;
	int rc;

	if (gfn > MAX_PFN)
		return -EINVAL;
	*saved = P2M_NONE;
	if (pt_lookup(guest, gfn << PAGE_SHIFT, &pa, &flags, &size)) {
		pa &= PAGE_MASK;
		if (ops->is_hv(pa))
			return -EBUSY;
		/* A 4 KiB leaf (takes map no other): no memory needed. */
		rc = pt_unmap(guest, gfn << PAGE_SHIFT, PAGE_SIZE);
		if (rc)
			return rc;
		*saved = pa;
	}
	rc = pt_map(guest, gfn << PAGE_SHIFT, hv_pa, PAGE_SIZE, P2M_FLAGS,
		    false);
	if (rc && *saved != P2M_NONE) {
		/* Its table is still there: putting it back cannot fail. */
		pt_map(guest, gfn << PAGE_SHIFT, *saved, PAGE_SIZE, P2M_FLAGS,
		       false);
		*saved = P2M_NONE;
	}
	return rc;
}

void p2m_unmap_hv(struct pt *guest, u64 gfn, u64 saved)
{
	pt_unmap(guest, gfn << PAGE_SHIFT, PAGE_SIZE);
	if (saved != P2M_NONE)
		pt_map(guest, gfn << PAGE_SHIFT, saved, PAGE_SIZE, P2M_FLAGS,
		       false);
}

int p2m_leave_dom0(struct pt *dom0, u64 pfn, const struct p2m_ops *ops)
{
	u64 pa = pfn << PAGE_SHIFT, got, flags, size;

	if (pfn > MAX_PFN)
		return -EINVAL;
	if (ops->is_hv(pa))
		return -EPERM;
	if (!pt_lookup(dom0, pa, &got, &flags, &size) || got != pa)
		return -EINVAL;
	return pt_unmap(dom0, pa, PAGE_SIZE);
}

int p2m_back_to_dom0(struct pt *dom0, u64 pfn, const struct p2m_ops *ops)
{
	u64 pa = pfn << PAGE_SHIFT, got, flags, size;

	if (pfn > MAX_PFN || ops->is_hv(pa))
		return -EINVAL;
	if (pt_lookup(dom0, pa, &got, &flags, &size))
		return -EEXIST;
	ops->scrub(pa);
	/* Its 4 KiB table is left from the frame's leaving: no memory. */
	if (pt_map(dom0, pa, pa, PAGE_SIZE, P2M_FLAGS, false))
		return -ENOMEM;
	/* The split its leaving made is undone once all are home. */
	pt_merge_2m(dom0, pa);
	return 0;
}

int p2m_map_frame(struct pt *guest, u64 gfn, u64 pfn,
		  const struct p2m_ops *ops)
{
	u64 pa = pfn << PAGE_SHIFT, got, flags, size;

	if (pfn > MAX_PFN || gfn > MAX_PFN)
		return -EINVAL;
	if (pt_lookup(guest, gfn << PAGE_SHIFT, &got, &flags, &size))
		return -EEXIST;
	ops->scrub(pa);
	return pt_map(guest, gfn << PAGE_SHIFT, pa, PAGE_SIZE, P2M_FLAGS,
		      false);
}

int p2m_unmap_frame(struct pt *guest, u64 gfn, u64 *pfn,
		    const struct p2m_ops *ops)
{
	u64 pa, flags, size;

	if (gfn > MAX_PFN ||
	    !pt_lookup(guest, gfn << PAGE_SHIFT, &pa, &flags, &size))
		return -ENOENT;
	pa &= PAGE_MASK;
	if (ops->is_hv(pa))
		return -EPERM;
	/* A 4 KiB leaf (the guest's tables have no other): needs no memory. */
	pt_unmap(guest, gfn << PAGE_SHIFT, PAGE_SIZE);
	*pfn = pa >> PAGE_SHIFT;
	return 0;
}
