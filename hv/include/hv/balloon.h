/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ballooning (DESIGN decision 5; core/balloon.c).  Dom0 is the only
 * source of memory.  Per domain the hypervisor keeps:
 *
 *  - a target (pages): what Dom0 wants the guest to hold; it bounds
 *    what XENMEM_populate_physmap may bring the guest to;
 *  - a spare pool: frames Dom0 already gave (out of Dom0's nested
 *    tables, not mapped in the guest) for populate_physmap to use;
 *  - a returned ring: frames the guest gave up (decrease_reservation),
 *    out of the guest's tables, waiting until every CPU has flushed its
 *    TLB (a vCPU or Dom0 elsewhere may still hold a translation), then
 *    scrubbed and mapped back into Dom0 when Dom0 collects them.
 *
 * The pool and the ring are pure logic here, for the unit tests.
 */
#ifndef HV_BALLOON_H
#define HV_BALLOON_H

#include <hv/types.h>
#include <hv/spinlock.h>
#include <xenlate/dom0ctl.h>

#define BALLOON_SPARE_MAX	XL_BALLOON_SPARE_MAX
#define BALLOON_RING_SIZE	XL_BALLOON_RING_SIZE	/* a power of two */
/* Extents per guest call: Linux's balloon driver asks for at most 512. */
#define BALLOON_CALL_MAX	512

_Static_assert((BALLOON_RING_SIZE & (BALLOON_RING_SIZE - 1)) == 0,
	       "ring size is a power of two");

/* Frames Dom0 gave ahead; usable once Dom0's TLBs are synced to gen. */
struct balloon_pool {
	u32 nr;
	u64 gen;		/* newest Dom0 TLB generation of any frame */
	u64 pfn[BALLOON_SPARE_MAX];
};

struct balloon_entry {
	u64 pfn;
	u64 gen;		/* Dom0 TLB generation bumped after its unmap */
};

/* head and tail run free; tail - head entries are in use. */
struct balloon_ring {
	u32 head, tail;
	struct balloon_entry e[BALLOON_RING_SIZE];
};

struct balloon {
	spinlock_t lock;	/* all of it; taken before arch's npt lock */
	u64 target;
	struct balloon_pool spare;
	struct balloon_ring returned;
};

static inline bool balloon_pool_push(struct balloon_pool *p, u64 pfn)
{
	if (p->nr >= BALLOON_SPARE_MAX)
		return false;
	p->pfn[p->nr++] = pfn;
	return true;
}

static inline bool balloon_pool_pop(struct balloon_pool *p, u64 *pfn)
{
	if (!p->nr)
		return false;
	*pfn = p->pfn[--p->nr];
	return true;
}

static inline u32 balloon_ring_count(const struct balloon_ring *r)
{
	return r->tail - r->head;
}

static inline bool balloon_ring_push(struct balloon_ring *r, u64 pfn, u64 gen)
{
	struct balloon_entry *e;

	if (balloon_ring_count(r) >= BALLOON_RING_SIZE)
		return false;
	e = &r->e[r->tail % BALLOON_RING_SIZE];
	e->pfn = pfn;
	e->gen = gen;
	r->tail++;
	return true;
}

/* The oldest entry, or NULL; balloon_ring_pop() removes it. */
static inline const struct balloon_entry *
balloon_ring_peek(const struct balloon_ring *r)
{
	return balloon_ring_count(r) ? &r->e[r->head % BALLOON_RING_SIZE]
				     : NULL;
}

static inline void balloon_ring_pop(struct balloon_ring *r)
{
	if (balloon_ring_count(r))
		r->head++;
}

/* What the guest may grow to: the target, never above maxmem. */
static inline u64 balloon_limit(u64 target, u64 max_pages)
{
	return target < max_pages ? target : max_pages;
}

/* Spare frames wanted for the guest to reach @limit (0: enough). */
static inline u64 balloon_spare_room(u64 limit, u64 nr_pages, u64 spare)
{
	u64 want = limit > nr_pages ? limit - nr_pages : 0;
	u64 room = want > spare ? want - spare : 0;
	u64 cap = spare < BALLOON_SPARE_MAX ? BALLOON_SPARE_MAX - spare : 0;

	return room < cap ? room : cap;
}

/* Spare frames beyond what the guest may still take (target lowered). */
static inline u64 balloon_spare_excess(u64 limit, u64 nr_pages, u64 spare)
{
	u64 want = limit > nr_pages ? limit - nr_pages : 0;

	return spare > want ? spare - want : 0;
}

struct domain;
struct vcpu;

/* Guest: XENMEM_populate_physmap / decrease_reservation (xen_memory.c). */
long balloon_memory_op(struct vcpu *v, u64 cmd, u64 arg);
/* Dom0: XL_CTL_DOM_BALLOON, under the domctl lock. */
long dom_balloon(struct xl_ctl_dom_balloon *req);
/* Destroy, once the vCPUs are stopped: spare and ring back to Dom0. */
void balloon_destroy(struct domain *d);

/* arch/x86/domain.c */
/* Map spare frame @pfn at @gfn (must be empty), scrubbed first. */
int arch_balloon_map(struct domain *d, u64 gfn, u64 pfn);
/* Unmap the guest's frame at @gfn (not shared_info): *@pfn, unscrubbed. */
int arch_balloon_unmap(struct domain *d, u64 gfn, u64 *pfn);
/* Dom0's frame @pfn leaves Dom0's tables (checked as for populate). */
int arch_balloon_from_dom0(u64 pfn);
/* A frame of nobody's goes back to Dom0, scrubbed. */
int arch_balloon_to_dom0(u64 pfn);

#endif
