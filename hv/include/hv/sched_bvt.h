/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Borrowed Virtual Time scheduling (Duda & Cheriton, SOSP 1999; Xen 2.0's
 * sched_bvt.c), the architecture-independent core: per-physical-CPU run
 * queues of vCPUs, as pure logic over caller-supplied times, so that it
 * can be unit-tested on the host.  The hypervisor drives it from its timer
 * and exit paths; it never reads a clock, takes a lock or allocates.
 *
 * Units
 *   Real times are u64 nanoseconds of a monotonic clock ("now").
 *   Virtual times (avt, evt, svt, warp) are u64 counts of "weighted MCUs":
 *   a vCPU that runs one MCU (bvt_params.mcu_ns) advances its avt by its
 *   domain's mcu_advance.  CPU shares are therefore proportional to
 *   1 / mcu_advance (advances 4:2:1 give shares 1:2:4).  Shares are per
 *   vCPU: a domain with two busy vCPUs on one queue gets twice the CPU of
 *   a domain with one, as in Xen 2.0.
 *
 * Charging
 *   A vCPU is charged the exact time it ran: ns * mcu_advance / mcu_ns,
 *   with the remainder (< mcu_ns) carried in vt_rem to the next charge, so
 *   no time is lost or invented however the run is cut up (Xen 2.0 rounded
 *   every run up to whole MCUs, which skews shares against vCPUs that are
 *   descheduled often).  The MCU is thus only the unit of virtual time
 *   (and of warp); slices end exactly where the decision would change.
 *
 * Dispatch
 *   The runnable vCPU with the lowest evt runs; at equal evt, the one that
 *   has waited longest (descheduled or woken vCPUs go to the back).  A
 *   newly dispatched vCPU keeps the CPU for at least ctx_allow_ns, unless
 *   it blocks or a warped vCPU overtakes it (it is unwarped, the other
 *   warped with a lower evt); after that it runs until another vCPU's evt
 *   is lower or equal.  The slice returned is exactly the time until that
 *   happens (or a warp limit or unwarp time passes), at most
 *   BVT_SLICE_MAX_CTX allowances.
 *
 * Wake clamp
 *   A waking vCPU's avt is raised to at least svt - ctx_allow_ns worth of
 *   its own virtual time: a sleeper gets at most one allowance of credit,
 *   enough to beat the CPU burners to the CPU when it wakes, too little to
 *   monopolise it after a long sleep.  svt is brought up to date first
 *   (the current vCPU is charged up to the wake).  A new vCPU starts level
 *   with svt, without that credit.  A move keeps avt - svt (also clamped).
 *
 * Warp
 *   A runnable vCPU of a warp_enabled domain with warp > 0 is warped:
 *   evt = avt - warp.  Its warped running time since it last woke (or
 *   last warped again) is counted across preemptions, not per dispatch as
 *   in Xen 2.0, so warped vCPUs taking turns cannot starve an unwarped
 *   one; when it reaches warp_limit_ns (0: no limit) the warp is off for
 *   unwarp_req_ns of real time (0: it warps again at once), whether the
 *   vCPU runs, waits or sleeps meanwhile.  avt is charged throughout, so
 *   warp changes latency, not long-run shares.
 *
 * Overflow
 *   Virtual times wrap around u64; they are only ever compared through
 *   their signed 64-bit difference (like jiffies), which is right while
 *   the two are less than 2^63 apart.  Virtual time advances by at most
 *   1e9 / BVT_MCU_MIN_NS * BVT_ADVANCE_MAX = 1e9 units per second of a
 *   CPU, so even a vCPU left blocked for 290 years of CPU time compares
 *   correctly; at the defaults it is millions of years.  svt starts just
 *   below the wrap (BVT_SVT_INIT), like Linux's INITIAL_JIFFIES, so that
 *   any comparison done the wrong way shows within minutes, not centuries.
 *
 * Locking: every call on a run queue must hold that queue's lock; a vCPU is
 * moved between queues by bvt_remove() under the old queue's lock and then
 * bvt_insert() under the new one's, never both at once.  Domain and global
 * parameters may be changed at any time through bvt_dom_set() and
 * bvt_params_set(); the scheduler reads them with READ_ONCE() and clamps
 * each to its valid range, so a racing update cannot break it.
 */
#ifndef HV_SCHED_BVT_H
#define HV_SCHED_BVT_H

#include <hv/types.h>

#define BVT_US			1000ULL
#define BVT_MS			(1000ULL * BVT_US)
#define BVT_SEC			(1000ULL * BVT_MS)

/* Global parameters: limits and defaults. */
#define BVT_MCU_DEFAULT_NS	(100 * BVT_US)
#define BVT_MCU_MIN_NS		(10 * BVT_US)
#define BVT_MCU_MAX_NS		(100 * BVT_MS)
#define BVT_CTX_ALLOW_DEFAULT_NS (5 * BVT_MS)
#define BVT_CTX_ALLOW_MAX_NS	(1 * BVT_SEC)
/* The longest slice, in context-switch allowances (Xen 2.0 used 10 too). */
#define BVT_SLICE_MAX_CTX	10

/* Per-domain parameters: limits and defaults. */
#define BVT_ADVANCE_DEFAULT	10
#define BVT_ADVANCE_MAX		10000
#define BVT_WARP_MAX		(1LL << 40)	/* weighted MCUs */
#define BVT_WARP_TIME_MAX_NS	(3600LL * (s64)BVT_SEC)

/* 2^25 weighted MCUs before the wrap: ~6 minutes of one CPU at defaults. */
#define BVT_SVT_INIT		((u64)0 - (1ULL << 25))

struct bvt_params {
	u64 mcu_ns;		/* minimum charging unit */
	u64 ctx_allow_ns;	/* a new dispatch runs at least this long */
};

/* The hypervisor's parameters; change them only through bvt_params_set(). */
extern struct bvt_params bvt_params;

/*
 * Per-domain parameters, shared by all of the domain's vCPUs.  Signed
 * where a control-plane value could arrive negative, so bvt_dom_check()
 * can refuse it instead of reading it as huge.  A change applies from each
 * vCPU's next charge (the current vCPU's time since its last charge is
 * charged at the new advance).
 */
struct bvt_dom {
	u32 mcu_advance;	/* 1..BVT_ADVANCE_MAX: share ~ 1 / advance */
	bool warp_enabled;	/* warp when runnable (and allowed) */
	/*
	 * Warp, in weighted MCUs (the unit of avt): a warped vCPU competes
	 * as if it had run warp / mcu_advance MCUs less than it has.
	 */
	s64 warp;
	s64 warp_limit_ns;	/* longest warped run; 0 = unlimited */
	s64 unwarp_req_ns;	/* after hitting the limit, time unwarped */
};

/* Intrusive doubly linked list, circular through the queue's head. */
struct bvt_link {
	struct bvt_link *next, *prev;
};

struct bvt_rq;

/*
 * Embedded by the caller in its vCPU.  The scheduler owns every field;
 * callers read total_ns and nr_dispatches for accounting, and tests read
 * the rest.
 */
struct bvt_vcpu {
	struct bvt_dom *dom;
	struct bvt_rq *rq;	/* the queue it is on; NULL when detached */
	struct bvt_link link;	/* on rq->runnable while runnable */
	bool runnable;		/* wants the CPU (kept while detached) */
	u64 avt;		/* actual virtual time */
	u64 evt;		/* effective: avt - warp if warped; as of the
				 * last decision that looked at it */
	u64 vt_rem;		/* charge carry, ns * mcu_advance < mcu_ns */
	s64 lag;		/* avt - svt, while detached */
	/* Warp state. */
	bool warped;		/* evt = avt - warp right now */
	bool unwarp_pending;	/* warp limit hit; no warp before unwarp_at */
	u64 warp_run_ns;	/* run warped since it last woke or warped */
	u64 unwarp_at;
	/* Times. */
	u64 dispatch_ns;	/* start of its current (or last) run */
	u64 charged_ns;		/* charged up to here while current */
	/* Accounting. */
	u64 total_ns;		/* CPU time charged, ever */
	u64 nr_dispatches;
};

/* One per physical CPU. */
struct bvt_rq {
	struct bvt_link runnable;	/* runnable vCPUs, current included */
	u32 nr_runnable;
	struct bvt_vcpu *curr;		/* running; NULL = idle */
	/*
	 * System virtual time: the minimum avt of the runnable vCPUs, never
	 * going back.  A waking vCPU starts no lower than svt minus one
	 * context-switch allowance of its own virtual time.
	 */
	u64 svt;
	/* When bvt_schedule() must run next; U64_MAX: not before a wake. */
	u64 deadline;
};

/* Global parameters. */
int bvt_params_check(const struct bvt_params *p);
int bvt_params_set(const struct bvt_params *p);	/* 0 or -EINVAL */

/* Domain parameters: defaults, validation, validated update. */
void bvt_dom_init(struct bvt_dom *d);
int bvt_dom_check(const struct bvt_dom *d);
int bvt_dom_set(struct bvt_dom *d, const struct bvt_dom *new);

void bvt_rq_init(struct bvt_rq *rq);
/* A blocked vCPU of @d on no queue; its first wake or insert attaches it. */
void bvt_vcpu_init(struct bvt_vcpu *v, struct bvt_dom *d);

/*
 * @v becomes runnable on @rq (attaching it if it is on no queue; a vCPU on
 * another queue is left alone: move it first).  Its avt is raised to at
 * least svt minus one context-switch allowance of virtual time, so that a
 * long sleep banks no credit.  Returns true when @v should preempt the
 * current vCPU now: call bvt_schedule() at once.  Otherwise the queue's
 * deadline may have moved earlier: re-arm the timer for bvt_rq_deadline().
 */
bool bvt_wake(struct bvt_rq *rq, struct bvt_vcpu *v, u64 now);

/*
 * @v stops being runnable (blocked, paused, dying); it keeps its place on
 * @rq and accrues nothing.  Returns true when it was the current vCPU: the
 * queue is then idle until bvt_schedule(), which must be called at once.
 */
bool bvt_block(struct bvt_rq *rq, struct bvt_vcpu *v, u64 now);

/*
 * Charge the current vCPU up to @now, pick the one to run: the lowest evt,
 * ties to the one that has waited longest, the current one kept for at
 * least the context-switch allowance unless a warped vCPU overtakes an
 * unwarped one.  Returns it (NULL: idle) and in *@slice_ns how long it may
 * run before bvt_schedule() must be called again (0 when idle: the next
 * wake asks for it).  Calling early, e.g. on any exit, is always correct.
 */
struct bvt_vcpu *bvt_schedule(struct bvt_rq *rq, u64 now, u64 *slice_ns);

/*
 * Dispatch runnable @v now, whatever the virtual times say: for work that
 * cannot wait (the hypervisor holds Dom0's interrupts in service, which
 * masks every interrupt of lower or equal priority class, its own timer
 * included, until Dom0 ends them).  The time it runs is charged as usual,
 * so shares still hold over time; the slice is what bvt_schedule() would
 * give it.  Not runnable or not on @rq: same as bvt_schedule().
 */
struct bvt_vcpu *bvt_dispatch(struct bvt_rq *rq, struct bvt_vcpu *v, u64 now,
			      u64 *slice_ns);

/*
 * Take @v off @rq entirely (domain destruction, or the first half of a
 * move), remembering its avt relative to @rq's svt, so a move neither
 * gains nor loses it credit (beyond the wake clamp's allowance).  Its
 * runnable state is kept.  Returns true when it was the current vCPU:
 * call bvt_schedule(@rq) at once.
 */
bool bvt_remove(struct bvt_rq *rq, struct bvt_vcpu *v, u64 now);

/*
 * Attach a detached @v to @rq (the second half of a move): its avt is
 * @rq's svt plus the lag it had.  Returns true when it is runnable and
 * should preempt @rq's current vCPU, as for bvt_wake().
 */
bool bvt_insert(struct bvt_rq *rq, struct bvt_vcpu *v, u64 now);

static inline u64 bvt_rq_deadline(const struct bvt_rq *rq)
{
	return rq->deadline;
}

/* a < b for wrapping virtual times. */
static inline bool bvt_vt_before(u64 a, u64 b)
{
	return (s64)(a - b) < 0;
}

#endif
