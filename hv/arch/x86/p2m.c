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
	u64 pa, flags, size;

	if (gfn > MAX_PFN ||
	    !pt_lookup(guest, gfn << PAGE_SHIFT, &pa, &flags, &size))
		return -ENOENT;
	pa &= PAGE_MASK;
	/* Out of the guest, wiped, and only then visible to Dom0. */
	pt_unmap(guest, gfn << PAGE_SHIFT, PAGE_SIZE);
	ops->scrub(pa);
	*pfn = pa >> PAGE_SHIFT;
	/*
	 * Dom0's 4 KiB table for this frame is left from the take, so this
	 * cannot need memory; if it ever did, the frame stays unmapped
	 * (lost to Dom0, never leaked to it).
	 */
	if (pt_map(dom0, pa, pa, PAGE_SIZE, P2M_FLAGS, false))
		return -ENOMEM;
	/* The split this frame's take made is undone once all are home. */
	pt_merge_2m(dom0, pa);
	return 0;
}
