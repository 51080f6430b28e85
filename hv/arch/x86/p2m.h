/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Moving host frames between Dom0's nested page tables and a guest's
 * (docs/domains-plan.md, "Memory").  A frame belongs to Dom0 exactly when
 * Dom0's tables map it, to a guest when the guest's tables do: no frame
 * table, and no frame can be in two places.
 */
#ifndef X86_P2M_H
#define X86_P2M_H

#include "pgtable.h"

#define P2M_FLAGS	(PTE_P | PTE_RW | PTE_US)
#define P2M_NONE	(~0ULL)		/* no frame */

struct p2m_ops {
	/* True when [pa, pa + PAGE_SIZE) is hypervisor memory. */
	bool (*is_hv)(u64 pa);
	/* Zero the frame: nobody may read its previous owner's data. */
	void (*scrub)(u64 pa);
};

/*
 * Give host frame @pfn, now Dom0's, to the guest at @gfn.  0, or -EINVAL
 * (not a frame Dom0 owns: unmapped, already given, not identity-mapped),
 * -EPERM (hypervisor memory), -EEXIST (@gfn already backed), -ENOMEM.
 * On error nothing changed.  The caller flushes Dom0's TLBs before the
 * guest may use the frame.
 */
int p2m_take_from_dom0(struct pt *dom0, struct pt *guest, u64 gfn, u64 pfn,
		       const struct p2m_ops *ops);
/*
 * Give the frame behind @gfn back to Dom0, scrubbed.  Returns 0 and its
 * frame number in *@pfn, or -ENOENT if @gfn is not backed.  The caller
 * makes sure no vCPU of the guest can still write it (stopped, or TLBs
 * flushed) before calling.
 */
int p2m_give_to_dom0(struct pt *dom0, struct pt *guest, u64 gfn, u64 *pfn,
		     const struct p2m_ops *ops);
/*
 * Show hypervisor frame @hv_pa to the guest at @gfn (shared_info).  The
 * guest's own frame there, if any, is unmapped but stays the guest's:
 * its address goes to *@saved (P2M_NONE: there was none) for
 * p2m_unmap_hv to put back.  0, -EINVAL (@gfn out of range), -EBUSY
 * (@gfn already shows a hypervisor frame), -ENOMEM; on error nothing
 * changed.  -EPERM from p2m_give_to_dom0 keeps such frames from Dom0.
 */
int p2m_map_hv(struct pt *guest, u64 gfn, u64 hv_pa, u64 *saved,
	       const struct p2m_ops *ops);
/* Undo p2m_map_hv: @gfn maps @saved again, or nothing. */
void p2m_unmap_hv(struct pt *guest, u64 gfn, u64 saved);

/*
 * Ballooning moves a frame in two steps, with a TLB flush on every CPU
 * in between (core/balloon.c): out of one side's tables into nobody's,
 * then into the other's.
 *
 * p2m_leave_dom0: Dom0's frame @pfn leaves Dom0's tables, checked as
 * for p2m_take_from_dom0 (-EINVAL, -EPERM, -ENOMEM; nothing changed on
 * error).  Not scrubbed: Dom0 may still write it until its TLBs are
 * flushed, so p2m_map_frame scrubs.
 */
int p2m_leave_dom0(struct pt *dom0, u64 pfn, const struct p2m_ops *ops);
/*
 * Nobody's frame @pfn back to Dom0, scrubbed.  -EINVAL (out of range or
 * hypervisor memory), -EEXIST (Dom0 maps it already), -ENOMEM.
 */
int p2m_back_to_dom0(struct pt *dom0, u64 pfn, const struct p2m_ops *ops);
/*
 * Nobody's frame @pfn to the guest at @gfn, scrubbed first.  -EINVAL,
 * -EEXIST (@gfn backed, or shows a hypervisor frame), -ENOMEM.
 */
int p2m_map_frame(struct pt *guest, u64 gfn, u64 pfn,
		  const struct p2m_ops *ops);
/*
 * The guest's frame at @gfn out of its tables, into nobody's, its
 * number in *@pfn; not scrubbed (its vCPUs may still hold it in their
 * TLBs).  -ENOENT (not backed), -EPERM (a hypervisor frame).
 */
int p2m_unmap_frame(struct pt *guest, u64 gfn, u64 *pfn,
		    const struct p2m_ops *ops);

#endif
