// SPDX-License-Identifier: GPL-2.0
/*
 * Ballooning (hv/include/hv/balloon.h has the picture).  The guest side
 * (populate_physmap, decrease_reservation) changes only the guest's own
 * tables, the spare pool and the returned ring; Dom0's tables change
 * only in Dom0's call, under the domctl lock, like every other change of
 * them.
 *
 * A frame never goes from one owner to another without every CPU having
 * flushed its TLB in between: the guest gives a frame up, the Dom0 TLB
 * generation is bumped, and Dom0 gets the frame only once every CPU ran
 * Dom0 since (a full flush, which drops the guest's translations too,
 * and ends any hypercall that was writing the frame).  The same goes the
 * other way for spare frames.  Scrubbing is done after the flush, when
 * nobody else can write the frame any more.
 */
#include <hv/balloon.h>
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/vcpu.h>
#include <hv/guest_access.h>
#include <hv/xen_guest.h>
#include <hv/dom0.h>
#include <hv/log.h>
#include <hv/mm.h>
#include <hv/lib.h>
#include <hv/errno.h>
#include <xen/xen.h>
#include <xen/memory.h>

#define MEMOP_CMD_MASK		0x3f
#define MEMOP_EXTENT_SHIFT	6
/* Guest-physical space is bounded (domctl.c: 1 TiB). */
#define MAX_GUEST_GFN		(1ULL << (40 - PAGE_SHIFT))
/* Guest frame numbers read per copy_from_guest. */
#define GFN_CHUNK		64
#define BALLOON_PAGES	((sizeof(struct balloon) + PAGE_SIZE - 1) / PAGE_SIZE)

/* Dom0's call runs under the domctl lock: one user of these at a time. */
static u64 give_buf[XL_BALLOON_BATCH];
static u64 back_buf[XL_BALLOON_BATCH];

static struct balloon *balloon_of(struct domain *d)
{
	return __atomic_load_n(&d->balloon, __ATOMIC_ACQUIRE);
}

/* One spare frame to the guest at @gfn; false: stop here. */
static bool populate_one(struct domain *d, struct balloon *b, u64 gfn)
{
	u64 pfn, limit;

	/*
	 * Below maxmem: the builder's space is 0 .. max_pages, and the
	 * destroy walk goes up to the highest gfn ever backed.
	 */
	if (gfn >= d->max_pages)
		return false;
	spin_lock(&b->lock);
	limit = balloon_limit(b->target, d->max_pages);
	/* Dom0 may still write a frame it gave until its TLBs are flushed. */
	if (READ_ONCE(d->nr_pages) >= limit ||
	    !arch_dom0_tlb_synced(b->spare.gen) ||
	    !balloon_pool_pop(&b->spare, &pfn)) {
		spin_unlock(&b->lock);
		return false;
	}
	/* Under the balloon lock: the map cannot race another vCPU's. */
	if (arch_balloon_map(d, gfn, pfn)) {
		balloon_pool_push(&b->spare, pfn);	/* room: just popped */
		spin_unlock(&b->lock);
		return false;
	}
	__atomic_add_fetch(&d->nr_pages, 1, __ATOMIC_RELAXED);
	spin_unlock(&b->lock);
	return true;
}

static bool decrease_one(struct domain *d, struct balloon *b, u64 gfn)
{
	u64 pfn;

	/* The hypervisor writes a registered vcpu_info on its own. */
	if (gfn >= MAX_GUEST_GFN || xen_domain_gfn_pinned(d, gfn))
		return false;
	spin_lock(&b->lock);
	if (balloon_ring_count(&b->returned) >= BALLOON_RING_SIZE ||
	    arch_balloon_unmap(d, gfn, &pfn)) {
		spin_unlock(&b->lock);
		return false;
	}
	/* After the unmap: a CPU that flushes from now on drops it. */
	balloon_ring_push(&b->returned, pfn, arch_dom0_tlb_bump());
	__atomic_sub_fetch(&d->nr_pages, 1, __ATOMIC_RELAXED);
	spin_unlock(&b->lock);
	return true;
}

/*
 * Xen's semantics: the number of extents done (from the continuation's
 * start extent on), which may be fewer than asked; errors only for the
 * arguments themselves.
 */
long balloon_memory_op(struct vcpu *v, u64 cmd, u64 arg)
{
	struct domain *d = v->dom;
	struct balloon *b = balloon_of(d);
	bool populate = (cmd & MEMOP_CMD_MASK) == XENMEM_populate_physmap;
	struct xen_memory_reservation r;
	xen_pfn_t gfns[GFN_CHUNK];
	u64 i, end, handle;

	if ((cmd & MEMOP_CMD_MASK) == XENMEM_increase_reservation)
		/*
		 * It hands out machine frames with no place in the guest:
		 * PV only.  A PVH guest uses populate_physmap.
		 */
		return -ENOSYS;
	if (copy_from_guest(v, &r, arg, sizeof(r)))
		return -EFAULT;
	if (r.domid != DOMID_SELF && r.domid != d->id)
		return -EPERM;
	/*
	 * One 4 KiB frame per extent: Dom0 gives frames one by one and
	 * they need not be contiguous, so there are no superpages to give.
	 */
	if (r.extent_order != 0)
		return -EINVAL;
	i = cmd >> MEMOP_EXTENT_SHIFT;
	if (i > r.nr_extents)
		return -EINVAL;
	if (!b)
		return (long)i;	/* nothing to take, nowhere to put */
	end = i + MIN((u64)r.nr_extents - i, (u64)BALLOON_CALL_MAX);
	handle = GUEST_HANDLE_ADDR(r.extent_start);
	while (i < end) {
		u64 n = MIN(end - i, (u64)GFN_CHUNK);

		/* Every gfn is the guest's word: checked one by one. */
		if (copy_from_guest(v, gfns, handle + i * sizeof(xen_pfn_t),
				    n * sizeof(xen_pfn_t)))
			return i ? (long)i : -EFAULT;
		for (u64 k = 0; k < n; k++, i++)
			if (!(populate ? populate_one(d, b, gfns[k])
				       : decrease_one(d, b, gfns[k])))
				return (long)i;
	}
	return (long)i;
}

/* A guest frame a vCPU's registered vcpu_info still points into. */
static bool frame_in_use(struct domain *d, u64 pfn)
{
	u64 lo = (u64)phys_to_virt(pfn << PAGE_SHIFT);

	for (u32 n = 0; n < d->nr_vcpus; n++) {
		struct vcpu *v = d->vcpu[n];
		u64 p = v ? (u64)READ_ONCE(v->vcpu_info) : 0;

		if (p >= lo && p < lo + PAGE_SIZE)
			return true;
	}
	return false;
}

static struct balloon *balloon_setup(struct domain *d)
{
	struct balloon *b = balloon_of(d);

	if (b)
		return b;
	b = alloc_pages(BALLOON_PAGES);		/* zeroed */
	if (!b)
		return NULL;
	b->target = d->nr_pages;
	__atomic_store_n(&d->balloon, b, __ATOMIC_RELEASE);
	return b;
}

/* Spare frames the guest may no longer take go home (step 2). */
static u64 trim_spare(struct domain *d, struct balloon *b, u64 n)
{
	u64 excess, pfn;

	spin_lock(&b->lock);
	excess = balloon_spare_excess(balloon_limit(b->target, d->max_pages),
				      READ_ONCE(d->nr_pages), b->spare.nr);
	while (excess-- && n < XL_BALLOON_BATCH &&
	       balloon_pool_pop(&b->spare, &pfn)) {
		if (arch_balloon_to_dom0(pfn)) {
			hv_log("domain %u: spare frame %llx lost", d->id,
			       (unsigned long long)pfn);
			continue;	/* nobody's: never reused */
		}
		back_buf[n++] = pfn;
	}
	spin_unlock(&b->lock);
	return n;
}

/* Frames the guest gave up, flushed everywhere, go home (step 3). */
static u64 collect(struct domain *d, struct balloon *b, u64 n)
{
	const struct balloon_entry *e;
	u32 left;

	spin_lock(&b->lock);
	left = balloon_ring_count(&b->returned);
	while (left-- && n < XL_BALLOON_BATCH &&
	       (e = balloon_ring_peek(&b->returned)) &&
	       arch_dom0_tlb_synced(e->gen)) {
		u64 pfn = e->pfn, gen = e->gen;

		balloon_ring_pop(&b->returned);
		/*
		 * A vcpu_info registered on it as it was given up: it stays
		 * nobody's until destroy (behind the rest, not blocking it).
		 */
		if (frame_in_use(d, pfn)) {
			balloon_ring_push(&b->returned, pfn, gen);
			continue;
		}
		if (arch_balloon_to_dom0(pfn)) {
			hv_log("domain %u: returned frame %llx lost", d->id,
			       (unsigned long long)pfn);
			continue;
		}
		back_buf[n++] = pfn;
	}
	spin_unlock(&b->lock);
	return n;
}

/* Dom0's frames into the spare pool (step 4). */
static long take_spare(struct domain *d, struct balloon *b,
		       struct xl_ctl_dom_balloon *req)
{
	u64 room;
	long rc = 0;

	spin_lock(&b->lock);
	room = balloon_spare_room(balloon_limit(b->target, d->max_pages),
				  READ_ONCE(d->nr_pages), b->spare.nr);
	for (; req->given < MIN(req->give_nr, room); req->given++) {
		rc = arch_balloon_from_dom0(give_buf[req->given]);
		if (rc)
			break;
		balloon_pool_push(&b->spare, give_buf[req->given]);
	}
	if (req->given)
		b->spare.gen = arch_dom0_tlb_bump();
	spin_unlock(&b->lock);
	return rc;
}

long dom_balloon(struct xl_ctl_dom_balloon *req)
{
	struct domain *d = NULL;
	struct balloon *b;
	long rc = 0;

	req->given = req->back_nr = 0;
	if (req->domid && req->domid < DOMID_LIMIT)
		d = domain_table_find(&hv_domains, (u16)req->domid);
	if (!d)
		return -ESRCH;
	if (d->state == DOMAIN_DYING)
		return -EBUSY;
	if (req->give_nr > XL_BALLOON_BATCH ||
	    (req->flags & ~(u32)XL_BALLOON_SET_TARGET) ||
	    ((req->flags & XL_BALLOON_SET_TARGET) &&
	     req->target > d->max_pages))
		return -EINVAL;
	if (req->give_nr) {
		rc = copy_from_dom0(give_buf, req->give,
				    req->give_nr * sizeof(u64));
		if (rc)
			return rc;
	}
	b = balloon_setup(d);
	if (!b)
		return -ENOMEM;
	if ((req->flags & XL_BALLOON_SET_TARGET) && b->target != req->target) {
		hv_log("domain %u: target %llu MiB", d->id,
		       (unsigned long long)(req->target >> (20 - PAGE_SHIFT)));
		WRITE_ONCE(b->target, req->target);
	}
	if (req->back) {
		req->back_nr = collect(d, b, trim_spare(d, b, 0));
		if (req->back_nr &&
		    copy_to_dom0(req->back, back_buf, req->back_nr * sizeof(u64)))
			/* Dom0's again, and Dom0 does not know: its loss. */
			rc = -EFAULT;
	}
	if (!rc && req->give_nr)
		rc = take_spare(d, b, req);
	req->target = b->target;
	req->pending = balloon_ring_count(&b->returned);
	req->nr_pages = d->nr_pages;
	req->max_pages = d->max_pages;
	req->spare = b->spare.nr;
	return rc;
}

void balloon_destroy(struct domain *d)
{
	struct balloon *b = balloon_of(d);
	const struct balloon_entry *e;
	u64 pfn;

	if (!b)
		return;
	/* The vCPUs are off their CPUs: nobody writes these any more. */
	while (balloon_pool_pop(&b->spare, &pfn))
		if (arch_balloon_to_dom0(pfn))
			hv_log("domain %u: spare frame %llx lost", d->id,
			       (unsigned long long)pfn);
	while ((e = balloon_ring_peek(&b->returned))) {
		pfn = e->pfn;
		balloon_ring_pop(&b->returned);
		if (arch_balloon_to_dom0(pfn))
			hv_log("domain %u: returned frame %llx lost", d->id,
			       (unsigned long long)pfn);
	}
	d->balloon = NULL;
	free_pages(b, BALLOON_PAGES);
}
