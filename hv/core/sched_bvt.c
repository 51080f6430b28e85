// SPDX-License-Identifier: GPL-2.0
/*
 * Borrowed Virtual Time: every runnable vCPU has an actual virtual time
 * (avt) that grows as it runs, at a rate set by its domain's weight; the
 * one with the lowest effective virtual time (evt, avt minus its warp if
 * warped) runs.  Warp lets a latency-sensitive vCPU borrow from its future
 * share: it is dispatched early but still pays for every nanosecond, so
 * the long-run shares do not change.  See sched_bvt.h for units, charging
 * and overflow; the rules that need a reason are explained where applied.
 *
 * Run queues are short (the vCPUs of one physical CPU), so they are plain
 * lists scanned at each decision: no ordering to maintain when avt, warp or
 * a domain's weight changes under us.
 */
#include <hv/sched_bvt.h>
#include <hv/errno.h>

#define U64_MAX		(~0ULL)

struct bvt_params bvt_params = {
	.mcu_ns = BVT_MCU_DEFAULT_NS,
	.ctx_allow_ns = BVT_CTX_ALLOW_DEFAULT_NS,
};

/* ---- lists ---- */

static void link_init(struct bvt_link *h)
{
	h->next = h;
	h->prev = h;
}

static void link_add_tail(struct bvt_link *h, struct bvt_link *n)
{
	n->prev = h->prev;
	n->next = h;
	h->prev->next = n;
	h->prev = n;
}

static void link_del(struct bvt_link *n)
{
	n->prev->next = n->next;
	n->next->prev = n->prev;
	/* Self-linked: a stale double delete is then harmless. */
	link_init(n);
}

#define link_vcpu(l)	container_of(l, struct bvt_vcpu, link)
#define for_each_runnable(v, rq)					\
	for (struct bvt_link *l_ = (rq)->runnable.next;			\
	     l_ != &(rq)->runnable && ((v) = link_vcpu(l_), true);	\
	     l_ = l_->next)

/* ---- parameters ---- */

/*
 * The parameters a decision uses, read once and clamped: they can change
 * from Dom0 on another CPU at any time, and a torn or unchecked value must
 * not divide by zero or overflow here.
 */
struct snap {
	u64 mcu;
	u64 ctx;
	u64 slice_max;
};

static u64 clamp_u64(u64 x, u64 lo, u64 hi)
{
	return x < lo ? lo : x > hi ? hi : x;
}

static struct snap snap(void)
{
	struct snap s;

	s.mcu = clamp_u64(READ_ONCE(bvt_params.mcu_ns), BVT_MCU_MIN_NS,
			  BVT_MCU_MAX_NS);
	s.ctx = clamp_u64(READ_ONCE(bvt_params.ctx_allow_ns), s.mcu,
			  BVT_CTX_ALLOW_MAX_NS);
	s.slice_max = BVT_SLICE_MAX_CTX * s.ctx;
	return s;
}

static u64 dom_advance(const struct bvt_dom *d)
{
	return clamp_u64(READ_ONCE(d->mcu_advance), 1, BVT_ADVANCE_MAX);
}

static u64 dom_warp(const struct bvt_dom *d)
{
	s64 w = READ_ONCE(d->warp);

	return w <= 0 ? 0 : (u64)MIN(w, BVT_WARP_MAX);
}

static u64 dom_ns(const s64 *p)
{
	s64 t = READ_ONCE(*p);

	return t <= 0 ? 0 : (u64)MIN(t, BVT_WARP_TIME_MAX_NS);
}

int bvt_params_check(const struct bvt_params *p)
{
	if (p->mcu_ns < BVT_MCU_MIN_NS || p->mcu_ns > BVT_MCU_MAX_NS)
		return -EINVAL;
	/* An allowance below one MCU would ask for sub-MCU slices. */
	if (p->ctx_allow_ns < p->mcu_ns ||
	    p->ctx_allow_ns > BVT_CTX_ALLOW_MAX_NS)
		return -EINVAL;
	return 0;
}

int bvt_params_set(const struct bvt_params *p)
{
	int err = bvt_params_check(p);

	if (err)
		return err;
	WRITE_ONCE(bvt_params.mcu_ns, p->mcu_ns);
	WRITE_ONCE(bvt_params.ctx_allow_ns, p->ctx_allow_ns);
	return 0;
}

void bvt_dom_init(struct bvt_dom *d)
{
	d->mcu_advance = BVT_ADVANCE_DEFAULT;
	d->warp_enabled = false;
	d->warp = 0;
	d->warp_limit_ns = 0;
	d->unwarp_req_ns = 0;
}

int bvt_dom_check(const struct bvt_dom *d)
{
	if (d->mcu_advance < 1 || d->mcu_advance > BVT_ADVANCE_MAX)
		return -EINVAL;
	if (d->warp < 0 || d->warp > BVT_WARP_MAX)
		return -EINVAL;
	if (d->warp_limit_ns < 0 || d->warp_limit_ns > BVT_WARP_TIME_MAX_NS)
		return -EINVAL;
	if (d->unwarp_req_ns < 0 || d->unwarp_req_ns > BVT_WARP_TIME_MAX_NS)
		return -EINVAL;
	return 0;
}

/*
 * Field by field: running vCPUs read them without the writer's lock, and
 * each field on its own is always valid.
 */
int bvt_dom_set(struct bvt_dom *d, const struct bvt_dom *new)
{
	int err = bvt_dom_check(new);

	if (err)
		return err;
	WRITE_ONCE(d->mcu_advance, new->mcu_advance);
	WRITE_ONCE(d->warp, new->warp);
	WRITE_ONCE(d->warp_limit_ns, new->warp_limit_ns);
	WRITE_ONCE(d->unwarp_req_ns, new->unwarp_req_ns);
	WRITE_ONCE(d->warp_enabled, new->warp_enabled);
	return 0;
}

/* ---- virtual time ---- */

/* Virtual time worth @ns of CPU to @v (rounded down). */
static u64 vt_of_ns(const struct bvt_vcpu *v, u64 ns, const struct snap *s)
{
	/* ns <= slice_max (10 s), advance <= 1e4: no overflow. */
	return ns * dom_advance(v->dom) / s->mcu;
}

static u64 evt_of(const struct bvt_vcpu *v)
{
	return v->warped ? v->avt - dom_warp(v->dom) : v->avt;
}

/*
 * Charge the current vCPU for the time since it was last charged.  Exact:
 * avt grows by floor((vt_rem + ran * advance) / mcu) and the rest is
 * carried, so any way of cutting a run into charges gives the same avt.
 */
static void charge(struct bvt_vcpu *v, u64 now, const struct snap *s)
{
	u64 adv = dom_advance(v->dom);
	u64 ran, x;

	/* Clocks of different CPUs may disagree a little after a move. */
	if (now <= v->charged_ns)
		return;
	ran = now - v->charged_ns;
	v->charged_ns = now;
	v->total_ns += ran;

	/*
	 * Whole MCUs and the rest apart, so that ran * adv cannot overflow
	 * however long the run: x < mcu + mcu * adv <= 1e12.
	 */
	x = v->vt_rem + ran % s->mcu * adv;
	v->avt += ran / s->mcu * adv + x / s->mcu;
	v->vt_rem = x % s->mcu;

	if (v->warped) {
		u64 limit = dom_ns(&v->dom->warp_limit_ns);

		v->warp_run_ns += ran;
		if (limit && v->warp_run_ns >= limit) {
			v->warped = false;
			v->unwarp_pending = true;
			v->unwarp_at = now + dom_ns(&v->dom->unwarp_req_ns);
		}
	}
	v->evt = evt_of(v);
}

static bool wants_warp(const struct bvt_vcpu *v)
{
	return READ_ONCE(v->dom->warp_enabled) && dom_warp(v->dom);
}

/*
 * A runnable vCPU of a warp-enabled domain is warped unless it hit its
 * warp limit less than unwarp_req_ns ago.  Real time counts for the
 * unwarp requirement whether the vCPU runs, waits or sleeps: it exists to
 * stop one vCPU from holding others off for long, and it does that.
 */
static void update_warp(struct bvt_vcpu *v, u64 now)
{
	if (!wants_warp(v)) {
		v->warped = false;
	} else if (!v->warped &&
		   (!v->unwarp_pending || now >= v->unwarp_at)) {
		v->warped = true;
		v->unwarp_pending = false;
		v->warp_run_ns = 0;
	}
	v->evt = evt_of(v);
}

/* svt follows the lowest runnable avt up, never down. */
static void update_svt(struct bvt_rq *rq)
{
	struct bvt_vcpu *v;
	bool any = false;
	u64 min = 0;

	for_each_runnable(v, rq) {
		if (!any || bvt_vt_before(v->avt, min))
			min = v->avt;
		any = true;
	}
	if (any && bvt_vt_before(rq->svt, min))
		rq->svt = min;
}

/*
 * Bring the queue's virtual times up to @now: the current vCPU has been
 * running since it was last charged, and a waking or moving vCPU must be
 * measured against today's svt, not the one of the last decision.
 */
static void rq_sync(struct bvt_rq *rq, u64 now, const struct snap *s)
{
	if (rq->curr)
		charge(rq->curr, now, s);
	update_svt(rq);
}

/*
 * The credit a vCPU may bring back from sleep: one context-switch
 * allowance of its own CPU time.  Enough for a vCPU that sleeps briefly
 * between short bursts to be ahead of the CPU burners when it wakes (its
 * evt is lower, so it runs as soon as the current vCPU's allowance is
 * used), small enough that after a long sleep it gets at most about one
 * allowance more than its fair share before the others run again.
 */
static u64 wake_credit(const struct bvt_vcpu *v, const struct snap *s)
{
	return vt_of_ns(v, s->ctx, s);
}

/*
 * The runnable vCPU other than @skip with the lowest evt; among equals the
 * first on the list, which is the one that has waited longest (descheduled
 * and woken vCPUs go to the tail).
 */
static struct bvt_vcpu *pick(struct bvt_rq *rq, const struct bvt_vcpu *skip)
{
	struct bvt_vcpu *v, *best = NULL;

	for_each_runnable(v, rq) {
		if (v == skip)
			continue;
		if (!best || bvt_vt_before(v->evt, best->evt))
			best = v;
	}
	return best;
}

/*
 * Should @cand take the CPU from @cur now?  Only once @cur has had its
 * context-switch allowance (that is what limits thrashing), except that a
 * warped vCPU overtakes an unwarped one at once: being dispatched promptly
 * is what warp is for.  Two warped vCPUs are peers and respect the
 * allowance.  At equal evt @cand wins, or the current vCPU would keep the
 * CPU on every tie.
 */
static bool preempts(const struct bvt_vcpu *cur, const struct bvt_vcpu *cand,
		     u64 now, const struct snap *s)
{
	if (cand->warped && !cur->warped && bvt_vt_before(cand->evt, cur->evt))
		return true;
	if (now - cur->dispatch_ns < s->ctx)
		return false;
	return !bvt_vt_before(cur->evt, cand->evt);
}

/* How long @v must run for its evt to grow by @gap (0 if @gap <= 0). */
static u64 time_to_gain(const struct bvt_vcpu *v, s64 gap,
			const struct snap *s)
{
	u64 adv = dom_advance(v->dom);
	u64 need;

	if (gap <= 0)
		return 0;
	/* Beyond the longest slice the exact value does not matter. */
	if ((u64)gap > s->slice_max * adv / s->mcu + 1)
		return s->slice_max;
	need = (u64)gap * s->mcu;
	if (v->vt_rem >= need)
		return 0;
	return (need - v->vt_rem + adv - 1) / adv;
}

/* When @cand will take the CPU from @cur if nothing else changes. */
static u64 takeover_at(const struct bvt_vcpu *cur,
		       const struct bvt_vcpu *cand, u64 now,
		       const struct snap *s)
{
	s64 gap = (s64)(cand->evt - cur->evt);
	u64 t = MAX(cur->dispatch_ns + s->ctx, now + time_to_gain(cur, gap, s));

	if (cand->warped && !cur->warped)
		t = MIN(t, now + time_to_gain(cur, gap + 1, s));
	return t;
}

/*
 * The end of @next's slice: the first moment the decision could change
 * without a wake or block, i.e. when @comp (the best of the others) takes
 * over, when @next's warp runs out, or when another vCPU may warp again.
 */
static u64 slice_end(struct bvt_rq *rq, const struct bvt_vcpu *next,
		     const struct bvt_vcpu *comp, u64 now,
		     const struct snap *s)
{
	u64 end = now + s->slice_max;
	struct bvt_vcpu *v;

	if (comp)
		end = MIN(end, takeover_at(next, comp, now, s));
	if (next->warped) {
		u64 limit = dom_ns(&next->dom->warp_limit_ns);

		if (limit)
			end = MIN(end, now + (limit > next->warp_run_ns ?
					      limit - next->warp_run_ns : 0));
	}
	for_each_runnable(v, rq) {
		if (v != next && !v->warped && v->unwarp_pending &&
		    wants_warp(v))
			end = MIN(end, MAX(v->unwarp_at, now));
	}
	/*
	 * Every event above is in the future (a vCPU already at its warp
	 * limit or past its unwarp time was dealt with by charge() and
	 * update_warp()); no MCU floor either, which would let an early call
	 * move the end of the allowance.  The MAX is only a safety net.
	 */
	return MAX(end, now + 1);
}

/*
 * After @v joined @rq's runnable vCPUs (the queue synced to @now): preempt
 * now, or else bring the deadline forward to when @v would take over.
 */
static bool check_preempt(struct bvt_rq *rq, struct bvt_vcpu *v, u64 now,
			  const struct snap *s)
{
	struct bvt_vcpu *cur = rq->curr;

	if (!cur || preempts(cur, v, now, s)) {
		rq->deadline = now;
		return true;
	}
	rq->deadline = MIN(rq->deadline, takeover_at(cur, v, now, s));
	return false;
}

/* ---- the interface ---- */

void bvt_rq_init(struct bvt_rq *rq)
{
	link_init(&rq->runnable);
	rq->nr_runnable = 0;
	rq->curr = NULL;
	rq->svt = BVT_SVT_INIT;
	rq->deadline = U64_MAX;
}

void bvt_vcpu_init(struct bvt_vcpu *v, struct bvt_dom *d)
{
	*v = (struct bvt_vcpu){ .dom = d };
	link_init(&v->link);
}

static void enqueue(struct bvt_rq *rq, struct bvt_vcpu *v, u64 now)
{
	link_add_tail(&rq->runnable, &v->link);
	rq->nr_runnable++;
	/* A warped run is "continuous" from the wake. */
	v->warp_run_ns = 0;
	update_warp(v, now);
}

static void dequeue(struct bvt_rq *rq, struct bvt_vcpu *v)
{
	link_del(&v->link);
	rq->nr_runnable--;
}

/* Stop @v running if it is current: charge it, leave the queue idle. */
static bool put_curr(struct bvt_rq *rq, struct bvt_vcpu *v, u64 now,
		     const struct snap *s)
{
	if (rq->curr != v)
		return false;
	charge(v, now, s);
	rq->curr = NULL;
	rq->deadline = now;
	return true;
}

bool bvt_insert(struct bvt_rq *rq, struct bvt_vcpu *v, u64 now)
{
	struct snap s = snap();

	if (v->rq)
		return false;
	rq_sync(rq, now, &s);
	v->rq = rq;
	v->avt = rq->svt + (u64)v->lag;
	v->lag = 0;
	if (!v->runnable)
		return false;
	enqueue(rq, v, now);
	return check_preempt(rq, v, now, &s);
}

bool bvt_wake(struct bvt_rq *rq, struct bvt_vcpu *v, u64 now)
{
	struct snap s = snap();
	u64 floor;

	if (!v->rq)
		bvt_insert(rq, v, now);
	if (v->rq != rq || v->runnable)
		return false;
	rq_sync(rq, now, &s);
	/*
	 * No banking: whatever it did not use while blocked is lost, except
	 * for a bounded credit (wake_credit()).
	 */
	floor = rq->svt - wake_credit(v, &s);
	if (bvt_vt_before(v->avt, floor))
		v->avt = floor;
	v->runnable = true;
	enqueue(rq, v, now);
	return check_preempt(rq, v, now, &s);
}

bool bvt_block(struct bvt_rq *rq, struct bvt_vcpu *v, u64 now)
{
	struct snap s = snap();
	bool was_curr;

	if (v->rq != rq || !v->runnable)
		return false;
	was_curr = put_curr(rq, v, now, &s);
	v->runnable = false;
	dequeue(rq, v);
	update_svt(rq);
	return was_curr;
}

bool bvt_remove(struct bvt_rq *rq, struct bvt_vcpu *v, u64 now)
{
	struct snap s = snap();
	s64 credit = (s64)wake_credit(v, &s);
	bool was_curr;

	if (v->rq != rq)
		return false;
	was_curr = put_curr(rq, v, now, &s);
	rq_sync(rq, now, &s);
	/*
	 * Relative to svt, because another queue's virtual time has nothing
	 * to do with this one's.  A lag below the wake credit would be
	 * banked credit: clamp it as a wake would.
	 */
	v->lag = MAX((s64)(v->avt - rq->svt), -credit);
	if (v->runnable)
		dequeue(rq, v);
	v->rq = NULL;
	update_svt(rq);
	return was_curr;
}

struct bvt_vcpu *bvt_schedule(struct bvt_rq *rq, u64 now, u64 *slice_ns)
{
	struct snap s = snap();
	struct bvt_vcpu *prev = rq->curr, *next, *best, *v;

	rq_sync(rq, now, &s);
	for_each_runnable(v, rq)
		update_warp(v, now);

	best = pick(rq, prev);
	next = prev;
	if (!prev || (best && preempts(prev, best, now, &s)))
		next = best;
	if (next != prev) {
		if (prev) {
			/* To the back of the line for ties. */
			link_del(&prev->link);
			link_add_tail(&rq->runnable, &prev->link);
		}
		if (next) {
			next->dispatch_ns = now;
			next->charged_ns = now;
			next->nr_dispatches++;
		}
		rq->curr = next;
	}
	if (!next) {
		rq->deadline = U64_MAX;
		*slice_ns = 0;
		return NULL;
	}
	if (next != prev)
		best = pick(rq, next);
	rq->deadline = slice_end(rq, next, best, now, &s);
	*slice_ns = rq->deadline - now;
	return next;
}

struct bvt_vcpu *bvt_dispatch(struct bvt_rq *rq, struct bvt_vcpu *v, u64 now,
			      u64 *slice_ns)
{
	struct snap s = snap();
	struct bvt_vcpu *prev = rq->curr, *best, *w;

	if (v->rq != rq || !v->runnable)
		return bvt_schedule(rq, now, slice_ns);
	rq_sync(rq, now, &s);
	for_each_runnable(w, rq)
		update_warp(w, now);
	if (prev != v) {
		if (prev) {
			link_del(&prev->link);
			link_add_tail(&rq->runnable, &prev->link);
		}
		v->dispatch_ns = now;
		v->charged_ns = now;
		v->nr_dispatches++;
		rq->curr = v;
	}
	best = pick(rq, v);
	rq->deadline = slice_end(rq, v, best, now, &s);
	*slice_ns = rq->deadline - now;
	return v;
}
