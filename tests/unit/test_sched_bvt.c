// SPDX-License-Identifier: GPL-2.0
/*
 * hv/core/sched_bvt.c: the BVT scheduler, driven by a discrete-event
 * simulation of one physical CPU: the "timer" fires at the deadline the
 * scheduler asked for, "exits" call it at random earlier times, CPU
 * burners never block, interactive vCPUs wake periodically for a little
 * work.  The simulator measures who ran when on its own, and checks every
 * decision against the BVT rules as it goes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include <hv/sched_bvt.h>
#include <hv/errno.h>

#define US		BVT_US
#define MS		BVT_MS
#define SEC		BVT_SEC
#define MAXV		8
#define PPM		1000000ULL

static const struct bvt_params default_params = {
	.mcu_ns = BVT_MCU_DEFAULT_NS,
	.ctx_allow_ns = BVT_CTX_ALLOW_DEFAULT_NS,
};

static int reset_params(void **state)
{
	(void)state;
	assert_int_equal(bvt_params_set(&default_params), 0);
	return 0;
}

static u64 ctx(void)
{
	return bvt_params.ctx_allow_ns;
}

static u64 mcu(void)
{
	return bvt_params.mcu_ns;
}

/* xorshift64*: reproducible runs. */
static u64 rnd(u64 *s)
{
	u64 x = *s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545f4914f6cdd1dULL;
}

static void dom_make(struct bvt_dom *d, u32 advance)
{
	bvt_dom_init(d);
	d->mcu_advance = advance;
	assert_int_equal(bvt_dom_check(d), 0);
}

/* The test's own idea of evt, to check the scheduler's decisions with. */
static u64 my_evt(const struct bvt_vcpu *v)
{
	return v->warped ? v->avt - (u64)v->dom->warp : v->avt;
}

/* Position on its queue's list, -1 if not on it. */
static int list_pos(const struct bvt_rq *rq, const struct bvt_vcpu *v)
{
	int i = 0;

	for (const struct bvt_link *l = rq->runnable.next; l != &rq->runnable;
	     l = l->next, i++)
		if (l == &v->link)
			return i;
	return -1;
}

/* ---- the simulator ---- */

enum kind { BURNER, INTERACTIVE };

struct svc {
	struct bvt_vcpu v;	/* embedded, as the hypervisor does */
	enum kind kind;
	u64 period, work;	/* INTERACTIVE: work every period */
	u64 next_wake;		/* while blocked; ~0: when the test says */
	u64 next_period;
	u64 work_left;
	u64 woke_at;
	bool waiting;		/* woken, not dispatched yet */
	u64 ran;		/* measured by the simulator */
	u64 nr_wakes, nr_wake_preempt, lat_max, lat_sum;
};

struct sim {
	struct bvt_rq rq;
	struct svc *vc[MAXV];
	int n;
	u64 now;
	struct svc *cur;
	u64 cur_dispatch;
	u64 rng;
	u64 early_max;		/* random early reschedules; 0: none */
	u64 next_irq;
	u64 nr_switches;
	u64 last_slice;
	/* Timer expiries that changed nothing: the slice ended too soon. */
	u64 nr_wasted;
	void (*watch)(struct sim *s);
	void *watch_arg;
};

#define svc_of(p)	container_of(p, struct svc, v)

static void sim_init(struct sim *s, u64 early_max, u64 seed)
{
	memset(s, 0, sizeof(*s));
	bvt_rq_init(&s->rq);
	s->now = 3 * SEC + 12345;	/* any start will do */
	s->rng = seed;
	s->early_max = early_max;
	s->next_irq = s->now + 1 + (early_max ? rnd(&s->rng) % early_max : 0);
}

/*
 * Check one decision of bvt_schedule(): @next was chosen, @prev was
 * running (NULL: idle), the runnable list is as the call left it.
 */
static void check_decision(struct sim *s, struct bvt_vcpu *prev,
			   struct bvt_vcpu *next, u64 slice)
{
	struct bvt_rq *rq = &s->rq;
	bool allowance_used = s->now - s->cur_dispatch >= ctx();

	if (!next) {
		assert_int_equal(rq->nr_runnable, 0);
		assert_int_equal(slice, 0);
		assert_true(rq->deadline == ~0ULL);
		return;
	}
	assert_true(next->runnable);
	assert_ptr_equal(next->rq, rq);
	assert_ptr_equal(rq->curr, next);
	assert_true(slice > 0);
	assert_true(slice <= BVT_SLICE_MAX_CTX * ctx());
	assert_true(rq->deadline == s->now + slice);

	for (struct bvt_link *l = rq->runnable.next; l != &rq->runnable;
	     l = l->next) {
		struct bvt_vcpu *o = container_of(l, struct bvt_vcpu, link);
		s64 d = (s64)(my_evt(o) - my_evt(next));

		if (o == next)
			continue;
		if (next == prev) {
			/* Kept: better than all once its allowance is used. */
			if (allowance_used && d <= 0)
				fail_fmt("kept a vCPU past its allowance with"
					 " another at evt %+lld", (long long)d);
			if (o->warped && !next->warped && d < 0)
				fail_fmt("a warped vCPU did not preempt");
		} else {
			/* A new pick: the lowest evt, the first of equals. */
			if (d < 0)
				fail_fmt("picked evt %+lld above the lowest",
					 (long long)-d);
			if (d == 0 && o != prev &&
			    list_pos(rq, o) < list_pos(rq, next))
				fail_fmt("tie not given to the first waiting");
		}
	}
	/* The context-switch allowance. */
	if (prev && prev != next && prev->runnable && !allowance_used &&
	    !(next->warped && !prev->warped))
		fail_fmt("preempted after %llu ns < allowance",
			 (unsigned long long)(s->now - s->cur_dispatch));
}

/* @timer: called only because the deadline passed. */
static void sim_resched_why(struct sim *s, bool timer)
{
	struct bvt_vcpu *prev = s->cur ? &s->cur->v : NULL;
	struct bvt_vcpu *next;
	u64 slice = 12345;

	assert_ptr_equal(s->rq.curr, prev);
	next = bvt_schedule(&s->rq, s->now, &slice);
	check_decision(s, prev, next, slice);
	/*
	 * A slice should end where the decision changes (the longest slice
	 * excepted: it ends whatever happens).
	 */
	if (timer && next == prev &&
	    s->last_slice != BVT_SLICE_MAX_CTX * ctx())
		s->nr_wasted++;
	s->last_slice = slice;
	if (next == prev)
		return;
	s->cur = next ? svc_of(next) : NULL;
	s->cur_dispatch = s->now;
	s->nr_switches++;
	if (s->cur && s->cur->waiting) {
		u64 lat = s->now - s->cur->woke_at;

		s->cur->waiting = false;
		s->cur->lat_sum += lat;
		s->cur->lat_max = MAX(s->cur->lat_max, lat);
	}
}

/* Returns what bvt_wake() said, after checking it. */
static void sim_resched(struct sim *s)
{
	sim_resched_why(s, false);
}

static bool sim_wake(struct sim *s, struct svc *c)
{
	u64 old_deadline = s->rq.deadline;
	bool preempt;

	c->woke_at = s->now;
	c->waiting = true;
	c->nr_wakes++;
	preempt = bvt_wake(&s->rq, &c->v, s->now);
	assert_true(c->v.runnable);
	if (preempt) {
		c->nr_wake_preempt++;
		/* Only into an idle CPU, past the allowance, or warped. */
		if (s->cur && s->now - s->cur_dispatch < ctx() &&
		    !(c->v.warped && !s->cur->v.warped))
			fail_fmt("wake preempted inside the allowance");
	} else {
		assert_non_null(s->cur);
		assert_true(s->rq.deadline > s->now);
		assert_true(s->rq.deadline <= old_deadline);
	}
	return preempt;
}

static void sim_block(struct sim *s, struct svc *c)
{
	bool was_curr = bvt_block(&s->rq, &c->v, s->now);

	assert_int_equal(was_curr, s->cur == c);
	assert_false(c->v.runnable);
	c->next_wake = ~0ULL;
	if (was_curr) {
		assert_null(s->rq.curr);
		s->cur = NULL;
		sim_resched(s);
	}
}

static struct svc *sim_add(struct sim *s, struct svc *c, struct bvt_dom *d,
			   enum kind kind)
{
	memset(c, 0, sizeof(*c));
	bvt_vcpu_init(&c->v, d);
	c->kind = kind;
	c->next_wake = ~0ULL;
	assert_true(s->n < MAXV);
	s->vc[s->n++] = c;
	if (kind == BURNER && sim_wake(s, c))
		sim_resched(s);
	return c;
}

static void sim_add_interactive(struct sim *s, struct svc *c,
				struct bvt_dom *d, u64 period, u64 work)
{
	sim_add(s, c, d, INTERACTIVE);
	c->period = period;
	c->work = work;
	c->next_wake = s->now + period / 2;
}

/* Run for @dur ns of simulated time. */
static void sim_run(struct sim *s, u64 dur)
{
	u64 until = s->now + dur;
	/* A broken scheduler could ask for 1 ns slices forever. */
	u64 steps = 0, max_steps = dur / (10 * US) + 100000;

	while (s->now < until) {
		u64 t = MIN(until, s->rq.deadline);
		bool resched = false, timer_only = true;

		if (++steps > max_steps)
			fail_fmt("no progress: %llu steps for %llu ms",
				 (unsigned long long)steps,
				 (unsigned long long)(dur / MS));

		if (s->early_max)
			t = MIN(t, s->next_irq);
		if (s->cur && s->cur->kind == INTERACTIVE)
			t = MIN(t, s->now + s->cur->work_left);
		for (int i = 0; i < s->n; i++)
			if (!s->vc[i]->v.runnable)
				t = MIN(t, s->vc[i]->next_wake);
		assert_true(t >= s->now);

		if (s->cur) {
			s->cur->ran += t - s->now;
			if (s->cur->kind == INTERACTIVE)
				s->cur->work_left -= t - s->now;
		}
		s->now = t;

		if (s->cur && s->cur->kind == INTERACTIVE &&
		    !s->cur->work_left) {
			struct svc *c = s->cur;

			sim_block(s, c);
			c->next_wake = MAX(c->next_period, s->now);
			timer_only = false;
		}
		for (int i = 0; i < s->n; i++) {
			struct svc *c = s->vc[i];

			if (c->v.runnable || c->next_wake > s->now)
				continue;
			c->work_left = c->work;
			c->next_period = s->now + c->period;
			resched |= sim_wake(s, c);
			timer_only = false;
		}
		if (s->early_max && s->now >= s->next_irq) {
			resched = true;
			timer_only = false;
			s->next_irq = s->now + 1 + rnd(&s->rng) % s->early_max;
		}
		if (s->now >= s->rq.deadline)
			resched = true;
		else
			timer_only = false;
		if (resched)
			sim_resched_why(s, timer_only);
		if (s->watch)
			s->watch(s);
	}
}

/* The scheduler's accounting agrees with what the simulator saw. */
static void check_accounting(struct sim *s)
{
	for (int i = 0; i < s->n; i++) {
		struct svc *c = s->vc[i];
		u64 pending = c == s->cur ? s->now - c->v.charged_ns : 0;

		assert_int_equal(c->v.total_ns + pending, c->ran);
	}
}

/* |got/total - num/den| within @tol_ppm. */
static void check_share(const char *what, u64 got, u64 total, u64 num,
			u64 den, u64 tol_ppm)
{
	s64 have = (s64)(got * PPM / total);
	s64 want = (s64)(num * PPM / den);

	if (getenv("BVT_VERBOSE"))
		print_message("%s: %.4f want %.4f\n", what, (double)have / PPM,
			      (double)want / PPM);
	if (llabs(have - want) > (s64)tol_ppm)
		fail_fmt("%s: share %.4f, want %.4f (+-%.4f)", what,
			 (double)have / PPM, (double)want / PPM,
			 (double)tol_ppm / PPM);
}

/* ---- parameters ---- */

static void test_params_check(void **state)
{
	struct bvt_dom d, ok;
	struct bvt_params p = default_params;

	(void)state;
	bvt_dom_init(&d);
	assert_int_equal(bvt_dom_check(&d), 0);
	assert_int_equal(d.mcu_advance, BVT_ADVANCE_DEFAULT);
	assert_false(d.warp_enabled);
	ok = d;

	d.mcu_advance = 0;
	assert_int_equal(bvt_dom_check(&d), -EINVAL);
	d.mcu_advance = BVT_ADVANCE_MAX + 1;
	assert_int_equal(bvt_dom_check(&d), -EINVAL);
	d.mcu_advance = (u32)-1;
	assert_int_equal(bvt_dom_check(&d), -EINVAL);
	d.mcu_advance = BVT_ADVANCE_MAX;
	assert_int_equal(bvt_dom_check(&d), 0);
	d.mcu_advance = 1;
	assert_int_equal(bvt_dom_check(&d), 0);

	d.warp = -1;
	assert_int_equal(bvt_dom_check(&d), -EINVAL);
	d.warp = BVT_WARP_MAX + 1;
	assert_int_equal(bvt_dom_check(&d), -EINVAL);
	d.warp = BVT_WARP_MAX;
	assert_int_equal(bvt_dom_check(&d), 0);

	d.warp_limit_ns = -1;
	assert_int_equal(bvt_dom_check(&d), -EINVAL);
	d.warp_limit_ns = BVT_WARP_TIME_MAX_NS + 1;
	assert_int_equal(bvt_dom_check(&d), -EINVAL);
	d.warp_limit_ns = 0;
	d.unwarp_req_ns = -(s64)MS;
	assert_int_equal(bvt_dom_check(&d), -EINVAL);
	d.unwarp_req_ns = INT64_MAX;
	assert_int_equal(bvt_dom_check(&d), -EINVAL);
	d.unwarp_req_ns = BVT_WARP_TIME_MAX_NS;
	assert_int_equal(bvt_dom_check(&d), 0);

	/* bvt_dom_set() refuses bad values and changes nothing then. */
	d.mcu_advance = 0;
	assert_int_equal(bvt_dom_set(&ok, &d), -EINVAL);
	assert_int_equal(ok.mcu_advance, BVT_ADVANCE_DEFAULT);
	assert_int_equal(ok.unwarp_req_ns, 0);
	d.mcu_advance = 3;
	d.warp_enabled = true;
	assert_int_equal(bvt_dom_set(&ok, &d), 0);
	assert_int_equal(ok.mcu_advance, 3);
	assert_true(ok.warp_enabled);
	assert_int_equal(ok.unwarp_req_ns, BVT_WARP_TIME_MAX_NS);

	assert_int_equal(bvt_params_check(&p), 0);
	assert_int_equal(bvt_params.mcu_ns, 100 * US);
	assert_int_equal(bvt_params.ctx_allow_ns, 5 * MS);
	p.mcu_ns = 0;
	assert_int_equal(bvt_params_set(&p), -EINVAL);
	p.mcu_ns = BVT_MCU_MIN_NS - 1;
	assert_int_equal(bvt_params_check(&p), -EINVAL);
	p.mcu_ns = BVT_MCU_MAX_NS + 1;
	assert_int_equal(bvt_params_check(&p), -EINVAL);
	p.mcu_ns = 1 * MS;
	p.ctx_allow_ns = MS - 1;	/* below one MCU */
	assert_int_equal(bvt_params_check(&p), -EINVAL);
	p.ctx_allow_ns = BVT_CTX_ALLOW_MAX_NS + 1;
	assert_int_equal(bvt_params_check(&p), -EINVAL);
	p.ctx_allow_ns = (u64)-1;
	assert_int_equal(bvt_params_set(&p), -EINVAL);
	/* Nothing changed by the refusals. */
	assert_int_equal(bvt_params.mcu_ns, 100 * US);
	assert_int_equal(bvt_params.ctx_allow_ns, 5 * MS);
	p.ctx_allow_ns = MS;
	assert_int_equal(bvt_params_set(&p), 0);
	assert_int_equal(bvt_params.mcu_ns, MS);
	assert_int_equal(bvt_params.ctx_allow_ns, MS);
}

/* ---- shares ---- */

struct share_cfg {
	u64 dur;
	u64 early_max;
	u64 seed;
};

static const struct share_cfg cfg_10s = { 10 * SEC, 0, 1 };
static const struct share_cfg cfg_1s = { 1 * SEC, 0, 2 };
static const struct share_cfg cfg_10s_early = { 10 * SEC, 3 * MS, 3 };
static const struct share_cfg cfg_1s_early = { 1 * SEC, 2 * MS, 4 };
static const struct share_cfg cfg_1s_jittery = { 1 * SEC, 150 * US, 5 };

/* Advances 4:2:1 give 1/7, 2/7, 4/7 of the CPU. */
static void test_shares_421(void **state)
{
	const struct share_cfg *cfg = *state;
	static const u32 adv[3] = { 4, 2, 1 };
	struct bvt_dom d[3];
	struct svc c[3];
	struct sim s;
	u64 start, total = 0;

	reset_params(NULL);
	sim_init(&s, cfg->early_max, cfg->seed);
	for (int i = 0; i < 3; i++) {
		dom_make(&d[i], adv[i]);
		sim_add(&s, &c[i], &d[i], BURNER);
	}
	start = s.now;
	sim_run(&s, cfg->dur);
	check_accounting(&s);
	for (int i = 0; i < 3; i++)
		total += c[i].ran;
	assert_int_equal(total, s.now - start);	/* never idle */
	assert_int_equal(s.nr_wasted, 0);
	check_share("advance 4", c[0].ran, total, 1, 7, 20000);
	check_share("advance 2", c[1].ran, total, 2, 7, 20000);
	check_share("advance 1", c[2].ran, total, 4, 7, 20000);
}

/* Equal advances share evenly, also with two per domain. */
static void test_equal_shares(void **state)
{
	struct bvt_dom d;
	struct svc c[4];
	struct sim s;
	u64 total = 0;

	(void)state;
	sim_init(&s, 2 * MS, 6);
	/* 7 does not divide the MCU: slice ends must round up. */
	dom_make(&d, 7);
	for (int i = 0; i < 4; i++)
		sim_add(&s, &c[i], &d, BURNER);
	sim_run(&s, 4 * SEC);
	check_accounting(&s);
	for (int i = 0; i < 4; i++)
		total += c[i].ran;
	for (int i = 0; i < 4; i++)
		check_share("equal", c[i].ran, total, 1, 4, 20000);
	assert_int_equal(s.nr_wasted, 0);
}

/*
 * Shares are per vCPU: a domain with two CPU-bound vCPUs on the queue gets
 * twice what a domain with one gets.
 */
static void test_two_vcpu_domain(void **state)
{
	struct bvt_dom two, one;
	struct svc c[3];
	struct sim s;
	u64 total;

	(void)state;
	sim_init(&s, 3 * MS, 7);
	dom_make(&two, 3);
	dom_make(&one, 3);
	sim_add(&s, &c[0], &two, BURNER);
	sim_add(&s, &c[1], &one, BURNER);
	sim_add(&s, &c[2], &two, BURNER);
	sim_run(&s, 3 * SEC);
	check_accounting(&s);
	total = c[0].ran + c[1].ran + c[2].ran;
	check_share("two-vCPU domain", c[0].ran + c[2].ran, total, 2, 3,
		    20000);
	check_share("one-vCPU domain", c[1].ran, total, 1, 3, 20000);
	assert_int_equal(s.nr_wasted, 0);
}

/*
 * Charging is exact: however a run is cut up, avt grows by exactly
 * floor(time * advance / mcu), the rest carried in vt_rem.
 */
static void test_exact_charging(void **state)
{
	static const u32 adv[] = { 1, 7, 13, 10000 };
	u64 seed = 8;

	(void)state;
	for (size_t k = 0; k < ARRAY_SIZE(adv); k++) {
		struct bvt_rq rq;
		struct bvt_dom d;
		struct bvt_vcpu v;
		u64 now = 1000, slice, avt0, ran;

		bvt_rq_init(&rq);
		dom_make(&d, adv[k]);
		bvt_vcpu_init(&v, &d);
		assert_true(bvt_wake(&rq, &v, now));
		assert_ptr_equal(bvt_schedule(&rq, now, &slice), &v);
		avt0 = v.avt;
		assert_int_equal(avt0, BVT_SVT_INIT);	/* fresh: svt */
		for (int i = 0; i < 20000; i++) {
			/* Odd times, mostly shorter than an MCU. */
			now += 1 + rnd(&seed) % (i & 1 ? 97 * US : 3 * MS);
			assert_ptr_equal(bvt_schedule(&rq, now, &slice), &v);
			ran = v.total_ns;
			assert_int_equal(ran, now - 1000);
			assert_int_equal(v.avt - avt0,
					 ran * adv[k] / mcu());
			assert_int_equal(v.vt_rem, ran * adv[k] % mcu());
		}
		/* Alone: the longest slice. */
		assert_int_equal(slice, BVT_SLICE_MAX_CTX * ctx());
	}
}

/*
 * Equal evt goes to the vCPU that has waited longest: fresh vCPUs run in
 * the order they woke, then round robin, one allowance each; the current
 * vCPU loses a tie once its allowance is used.
 */
static void test_tie_break(void **state)
{
	struct bvt_rq rq;
	struct bvt_dom d;
	struct bvt_vcpu v[4];
	u64 now = 5000, slice;
	struct bvt_vcpu *got;

	(void)state;
	bvt_rq_init(&rq);
	dom_make(&d, 10);
	for (int i = 0; i < 4; i++) {
		bvt_vcpu_init(&v[i], &d);
		/* Into an idle CPU: preempt (nothing) at once. */
		assert_true(bvt_wake(&rq, &v[i], now));
	}
	for (int round = 0; round < 6; round++) {
		for (int i = 0; i < 4; i++) {
			got = bvt_schedule(&rq, now, &slice);
			if (got != &v[i])
				fail_fmt("round %d: ran vCPU %d, want %d",
					 round, (int)(got - v), i);
			assert_int_equal(slice, ctx());
			/* Early calls keep it, inside the allowance. */
			assert_ptr_equal(bvt_schedule(&rq, now + slice / 3,
						      &slice), &v[i]);
			assert_int_equal(slice, ctx() - ctx() / 3);
			now += ctx() - ctx() / 3 + ctx() / 3;
		}
	}
	assert_ptr_equal(bvt_schedule(&rq, now, &slice), &v[0]);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(v[i].total_ns, 6 * ctx());
		assert_int_equal(v[i].nr_dispatches, i ? 6 : 7);
	}
}

/*
 * "Waited longest" is not "woke first": z woke first but ran first (x and
 * y arrived one allowance ahead of it), so when y and z tie after x's
 * turn, y, which has not run at all, goes first.
 */
static void test_tie_waited_longest(void **state)
{
	struct bvt_rq rq;
	struct bvt_dom d;
	struct bvt_vcpu x, y, z;
	u64 now = 5000, slice;

	(void)state;
	bvt_rq_init(&rq);
	dom_make(&d, 10);
	bvt_vcpu_init(&x, &d);
	bvt_vcpu_init(&y, &d);
	bvt_vcpu_init(&z, &d);
	bvt_wake(&rq, &z, now);
	x.runnable = y.runnable = true;
	x.lag = y.lag = (s64)(ctx() * 10 / mcu());
	bvt_insert(&rq, &x, now);
	bvt_insert(&rq, &y, now);
	assert_ptr_equal(bvt_schedule(&rq, now, &slice), &z);
	assert_int_equal(slice, ctx());
	now += slice;
	assert_ptr_equal(bvt_schedule(&rq, now, &slice), &x);
	now += slice;
	assert_int_equal(y.avt, z.avt);
	assert_ptr_equal(bvt_schedule(&rq, now, &slice), &y);
	now += slice;
	assert_ptr_equal(bvt_schedule(&rq, now, &slice), &z);
}

/*
 * The wake clamp is measured against svt as of the wake, not as of the
 * last decision: a sleeper waking 40 ms into a lone burner's slice starts
 * exactly one allowance of virtual time behind the burner.
 */
static void test_wake_clamp(void **state)
{
	struct bvt_rq rq;
	struct bvt_dom d;
	struct bvt_vcpu a, b;
	u64 now = 2 * SEC, slice, credit;

	(void)state;
	bvt_rq_init(&rq);
	dom_make(&d, 10);
	credit = ctx() * 10 / mcu();
	bvt_vcpu_init(&a, &d);
	bvt_vcpu_init(&b, &d);
	bvt_wake(&rq, &b, now);
	bvt_wake(&rq, &a, now);
	assert_ptr_equal(bvt_schedule(&rq, now, &slice), &b);
	assert_true(bvt_block(&rq, &b, now + MS));
	assert_ptr_equal(bvt_schedule(&rq, now + MS, &slice), &a);
	now += MS;
	assert_int_equal(slice, BVT_SLICE_MAX_CTX * ctx());
	/* b sleeps for 10 minutes; a runs on (timer calls only). */
	for (int i = 0; i < 12000; i++) {
		now += slice;
		assert_ptr_equal(bvt_schedule(&rq, now, &slice), &a);
	}
	assert_true(bvt_wake(&rq, &b, now + 40 * MS));
	assert_int_equal(a.avt - b.avt, credit);
	assert_int_equal(rq.svt, a.avt);
	assert_ptr_equal(bvt_schedule(&rq, now + 40 * MS, &slice), &b);
	/* Catch up (one allowance) and the allowance overlap: */
	assert_int_equal(slice, ctx());
	now += 40 * MS + slice;
	assert_ptr_equal(bvt_schedule(&rq, now, &slice), &a);
	assert_int_equal(a.avt, b.avt);
}

/*
 * A vCPU blocked for 5 s gets nothing meanwhile and banks no credit: back
 * among the burners it gets its fair share plus about one allowance, not
 * the CPU to itself.
 */
static void test_block_no_credit(void **state)
{
	struct bvt_dom d;
	struct svc c[4];
	struct sim s;
	u64 ran, total, avt, before[4];
	const u64 window = 100 * MS;

	(void)state;
	sim_init(&s, 2 * MS, 9);
	dom_make(&d, 10);
	for (int i = 0; i < 4; i++)
		sim_add(&s, &c[i], &d, BURNER);
	sim_run(&s, 1 * SEC);
	sim_block(&s, &c[3]);
	ran = c[3].ran;
	total = c[3].v.total_ns;
	avt = c[3].v.avt;
	sim_run(&s, 5 * SEC);
	assert_int_equal(c[3].ran, ran);
	assert_int_equal(c[3].v.total_ns, total);
	assert_int_equal(c[3].v.avt, avt);
	assert_true(c[3].v.nr_dispatches > 0);

	for (int i = 0; i < 4; i++)
		before[i] = c[i].ran;
	if (sim_wake(&s, &c[3]))
		sim_resched(&s);
	sim_run(&s, window);
	ran = c[3].ran - before[3];
	if (ran > window / 4 + 2 * ctx())
		fail_fmt("woken vCPU got %llu ms of %llu",
			 (unsigned long long)(ran / MS),
			 (unsigned long long)(window / MS));
	if (ran < window / 4 - 2 * ctx())
		fail_fmt("woken vCPU starved: %llu ms of %llu",
			 (unsigned long long)(ran / MS),
			 (unsigned long long)(window / MS));
	for (int i = 0; i < 3; i++)
		assert_true(c[i].ran - before[i] >= window / 4 - 2 * ctx());
	check_accounting(&s);
}

/* ---- warp ---- */

struct lat_result {
	u64 nr_wakes, nr_preempt, lat_max, lat_avg, ran;
	u64 burner_ran[3];
};

/*
 * An interactive vCPU that wakes every 10 ms for 100 us of work, among
 * three burners, with or without warp.
 */
static void run_interactive(bool warp, struct lat_result *r)
{
	struct bvt_dom db, di;
	struct svc c[4];
	struct sim s;
	u64 ran0[4];

	reset_params(NULL);
	sim_init(&s, 1500 * US, 10);
	dom_make(&db, 10);
	dom_make(&di, 10);
	di.warp_enabled = warp;
	di.warp = 20000;		/* 200 ms of its CPU */
	di.warp_limit_ns = 2 * MS;
	di.unwarp_req_ns = 50 * MS;
	assert_int_equal(bvt_dom_check(&di), 0);
	for (int i = 0; i < 3; i++)
		sim_add(&s, &c[i], &db, BURNER);
	sim_add_interactive(&s, &c[3], &di, 10 * MS, 100 * US);
	/*
	 * Warm up: a new vCPU starts level with svt, and its first wake
	 * queues behind the burners that have waited as long.
	 */
	sim_run(&s, 200 * MS);
	c[3].nr_wakes = c[3].nr_wake_preempt = 0;
	c[3].lat_max = c[3].lat_sum = 0;
	for (int i = 0; i < 4; i++)
		ran0[i] = c[i].ran;
	sim_run(&s, 3 * SEC);
	check_accounting(&s);
	r->nr_wakes = c[3].nr_wakes;
	r->nr_preempt = c[3].nr_wake_preempt;
	r->lat_max = c[3].lat_max;
	r->lat_avg = c[3].lat_sum / c[3].nr_wakes;
	r->ran = c[3].ran - ran0[3];
	for (int i = 0; i < 3; i++)
		r->burner_ran[i] = c[i].ran - ran0[i];
}

static void test_warp_latency(void **state)
{
	struct lat_result w, n;

	(void)state;
	run_interactive(true, &w);
	run_interactive(false, &n);
	if (getenv("BVT_VERBOSE"))
		print_message("wakes %llu/%llu preempt %llu/%llu"
			      " lat max %llu/%llu avg %llu/%llu ns"
			      " (warp/no warp)\n",
			      (unsigned long long)w.nr_wakes,
			      (unsigned long long)n.nr_wakes,
			      (unsigned long long)w.nr_preempt,
			      (unsigned long long)n.nr_preempt,
			      (unsigned long long)w.lat_max,
			      (unsigned long long)n.lat_max,
			      (unsigned long long)w.lat_avg,
			      (unsigned long long)n.lat_avg);

	/* About 300 wakes; all work done (the last may be running). */
	assert_true(w.nr_wakes >= 295 && w.nr_wakes <= 301);
	assert_true(w.ran >= (w.nr_wakes - 1) * 100 * US);
	assert_true(n.ran >= (n.nr_wakes - 1) * 100 * US);

	/* Warped: every wake preempts, dispatched the same instant. */
	assert_int_equal(w.nr_preempt, w.nr_wakes);
	assert_int_equal(w.lat_max, 0);

	/* Unwarped: within one allowance, but later. */
	if (n.lat_max > ctx())
		fail_fmt("unwarped latency %llu us",
			 (unsigned long long)(n.lat_max / US));
	assert_true(n.lat_max > w.lat_max);
	assert_true(n.lat_avg > 100 * US);
	assert_true(n.nr_preempt < n.nr_wakes);

	/* The burners share the rest evenly either way. */
	for (int i = 0; i < 3; i++) {
		check_share("burner (warp)", w.burner_ran[i], 3 * SEC, 99, 300,
			    20000);
		check_share("burner", n.burner_ran[i], 3 * SEC, 99, 300,
			    20000);
	}
}

struct warp_watch {
	struct svc *w;
	bool warped;
	bool was_cur;		/* at the previous step */
	u64 since;		/* time of the last change */
	u64 ran_at_warp;
	u64 nr_warps, nr_unwarps;
	u64 limit, unwarp;
};

static void watch_warp(struct sim *s)
{
	struct warp_watch *ww = s->watch_arg;
	struct svc *w = ww->w;

	bool was_cur = ww->was_cur;

	ww->was_cur = s->cur == w;
	if (w->v.warped == ww->warped)
		return;
	if (w->v.warped) {
		u64 gap = s->now - ww->since;

		/*
		 * Back after the unwarp requirement: exactly, unless it was
		 * running (then it does not need to preempt anyone, and
		 * warps at its next decision).
		 */
		if (ww->nr_unwarps &&
		    (gap < ww->unwarp ||
		     gap > ww->unwarp + BVT_SLICE_MAX_CTX * ctx() ||
		     (!was_cur && gap != ww->unwarp)))
			fail_fmt("warp back after %llu us",
				 (unsigned long long)(gap / US));
		/* And it takes the CPU at once from an unwarped vCPU. */
		if (s->cur != w && !s->cur->v.warped)
			fail_fmt("warped vCPU did not preempt");
		ww->ran_at_warp = w->ran;
		ww->nr_warps++;
	} else {
		u64 run = w->ran - ww->ran_at_warp;

		/* Warped for exactly the limit: it always wins meanwhile. */
		if (run != ww->limit)
			fail_fmt("warped run of %llu us",
				 (unsigned long long)(run / US));
		ww->nr_unwarps++;
	}
	ww->warped = w->v.warped;
	ww->since = s->now;
}

/*
 * A CPU-bound warped vCPU: runs warped for warp_limit_ns at most, then
 * unwarped for unwarp_req_ns, then warped again.
 */
static void test_warp_limit(void **state)
{
	struct bvt_dom db, dw;
	struct svc c[3];
	struct sim s;
	struct warp_watch ww = { .limit = 20 * MS, .unwarp = 50 * MS };

	(void)state;
	sim_init(&s, 3 * MS, 11);
	dom_make(&db, 10);
	dom_make(&dw, 10);
	dw.warp_enabled = true;
	dw.warp = 1000000;
	dw.warp_limit_ns = (s64)ww.limit;
	dw.unwarp_req_ns = (s64)ww.unwarp;
	assert_int_equal(bvt_dom_check(&dw), 0);
	sim_add(&s, &c[0], &db, BURNER);
	sim_add(&s, &c[1], &db, BURNER);
	ww.w = sim_add(&s, &c[2], &dw, BURNER);
	/* Warped from its wake: it took the CPU. */
	assert_true(c[2].v.warped);
	assert_ptr_equal(s.cur, &c[2]);
	ww.warped = true;
	ww.was_cur = true;
	ww.since = s.now;
	ww.ran_at_warp = c[2].ran;
	ww.nr_warps = 1;
	s.watch = watch_warp;
	s.watch_arg = &ww;
	sim_run(&s, 2 * SEC);
	check_accounting(&s);
	/* Every 70 ms or so. */
	if (ww.nr_warps < 25 || ww.nr_unwarps < 25)
		fail_fmt("%llu warps, %llu unwarps",
			 (unsigned long long)ww.nr_warps,
			 (unsigned long long)ww.nr_unwarps);

	/* Switching warp off stops it now, and on again warps at once. */
	s.watch = NULL;
	dw.warp_enabled = false;
	sim_run(&s, 10 * MS);
	assert_false(c[2].v.warped);
	dw.warp_enabled = true;
	dw.unwarp_req_ns = 0;
	dw.warp_limit_ns = 0;
	sim_run(&s, 100 * MS);
	assert_true(c[2].v.warped);
}

/*
 * Two warped CPU-bound vCPUs are peers: they take turns, and the limit
 * counts each one's warped running across those turns (not per dispatch,
 * as Xen 2.0 did), so together they cannot starve an unwarped burner.
 */
static void test_warp_peers(void **state)
{
	struct bvt_dom db, dw;
	struct svc c[3];
	struct sim s;
	struct warp_watch ww = { .limit = 20 * MS, .unwarp = 50 * MS };
	u64 total;

	(void)state;
	sim_init(&s, 3 * MS, 16);
	dom_make(&db, 10);
	dom_make(&dw, 10);
	dw.warp_enabled = true;
	dw.warp = 1000000;
	dw.warp_limit_ns = (s64)ww.limit;
	dw.unwarp_req_ns = (s64)ww.unwarp;
	sim_add(&s, &c[0], &db, BURNER);
	ww.w = sim_add(&s, &c[1], &dw, BURNER);
	sim_add(&s, &c[2], &dw, BURNER);
	assert_ptr_equal(s.cur, &c[1]);
	ww.warped = true;
	ww.was_cur = true;
	ww.since = s.now;
	ww.ran_at_warp = c[1].ran;
	ww.nr_warps = 1;
	s.watch = watch_warp;
	s.watch_arg = &ww;
	sim_run(&s, 3 * SEC);
	check_accounting(&s);
	total = c[0].ran + c[1].ran + c[2].ran;
	/* Each warped for 20 ms (40 together) in every 90 or so. */
	check_share("warped", c[1].ran, total, 1, 3, 50000);
	check_share("warped", c[2].ran, total, 1, 3, 50000);
	check_share("burner", c[0].ran, total, 1, 3, 50000);
	assert_true(ww.nr_unwarps >= 25);
}

/*
 * Busy mixes of burners and short sleepers with random exits: the
 * simulator fails any preemption before the allowance (check_decision(),
 * sim_wake()); make sure such chances arise and are refused.
 */
static void test_ctx_allow(void **state)
{
	struct bvt_dom d[3];
	struct svc c[6];
	struct sim s;

	(void)state;
	sim_init(&s, 700 * US, 12);
	dom_make(&d[0], 10);
	dom_make(&d[1], 3);
	dom_make(&d[2], 25);
	sim_add(&s, &c[0], &d[0], BURNER);
	sim_add(&s, &c[1], &d[1], BURNER);
	sim_add(&s, &c[2], &d[2], BURNER);
	sim_add_interactive(&s, &c[3], &d[0], 3 * MS, 1 * MS);
	sim_add_interactive(&s, &c[4], &d[1], 7 * MS, 2 * MS);
	sim_add_interactive(&s, &c[5], &d[2], 1 * MS, 300 * US);
	sim_run(&s, 5 * SEC);
	check_accounting(&s);
	/* Wakes that did not preempt: they had to wait for the allowance. */
	for (int i = 3; i < 6; i++) {
		assert_true(c[i].nr_wake_preempt < c[i].nr_wakes);
		assert_true(c[i].lat_max > 0);
	}
	assert_true(s.nr_switches > 1000);
	assert_int_equal(s.nr_wasted, 0);
}

/*
 * A wake that must not preempt yet moves the deadline to when it may; the
 * return values of wake, block and schedule on an idle queue.  With
 * advance 10 and 100 us MCUs, 1 ms of CPU is 100 units of virtual time.
 */
static void test_wake_deadline(void **state)
{
	struct bvt_rq rq, rq2;
	struct bvt_dom d;
	struct bvt_vcpu a, b, x, y;
	u64 t0 = 7 * SEC, t1 = 9 * SEC, slice;

	(void)state;
	bvt_rq_init(&rq);
	dom_make(&d, 10);
	bvt_vcpu_init(&a, &d);
	bvt_vcpu_init(&b, &d);

	/* Nothing runnable: idle, no timer. */
	assert_null(bvt_schedule(&rq, t0, &slice));
	assert_int_equal(slice, 0);
	assert_true(rq.deadline == ~0ULL);

	assert_true(bvt_wake(&rq, &a, t0));	/* into an idle CPU */
	assert_false(bvt_wake(&rq, &a, t0));	/* already runnable */
	assert_ptr_equal(bvt_schedule(&rq, t0, &slice), &a);
	assert_int_equal(slice, BVT_SLICE_MAX_CTX * ctx());

	/* 1 ms in, b wakes level with a: a keeps its allowance. */
	assert_false(bvt_wake(&rq, &b, t0 + 1 * MS));
	assert_int_equal(b.avt, a.avt);
	assert_int_equal(rq.deadline, t0 + ctx());
	assert_ptr_equal(bvt_schedule(&rq, t0 + 2 * MS, &slice), &a);
	assert_int_equal(slice, ctx() - 2 * MS);
	assert_ptr_equal(bvt_schedule(&rq, t0 + ctx(), &slice), &b);
	assert_int_equal(a.avt - b.avt, 400);
	/* b catches up in 4 ms, then has its allowance: 5 ms. */
	assert_int_equal(slice, ctx());

	/* Blocking: true only for the current one, which idles the CPU. */
	assert_false(bvt_block(&rq, &a, t0 + ctx() + MS));
	assert_false(bvt_block(&rq, &a, t0 + ctx() + MS));
	assert_true(bvt_block(&rq, &b, t0 + ctx() + MS));
	assert_null(rq.curr);
	assert_int_equal(rq.deadline, t0 + ctx() + MS);
	assert_null(bvt_schedule(&rq, t0 + ctx() + MS, &slice));
	assert_int_equal(slice, 0);
	assert_int_equal(rq.nr_runnable, 0);
	assert_int_equal(a.total_ns, ctx());
	assert_int_equal(b.total_ns, MS);

	/*
	 * x runs alone (a 50 ms slice); 10 ms in, y arrives from another
	 * queue 5 ms of CPU ahead: x may run 5 ms more, not 40.
	 */
	bvt_rq_init(&rq2);
	bvt_vcpu_init(&x, &d);
	bvt_vcpu_init(&y, &d);
	assert_true(bvt_wake(&rq2, &x, t1));
	assert_ptr_equal(bvt_schedule(&rq2, t1, &slice), &x);
	assert_int_equal(rq2.deadline, t1 + BVT_SLICE_MAX_CTX * ctx());
	y.runnable = true;
	y.lag = 500;
	assert_false(bvt_insert(&rq2, &y, t1 + 10 * MS));
	assert_ptr_equal(y.rq, &rq2);
	assert_int_equal(y.avt - x.avt, 500);
	assert_int_equal(rq2.deadline, t1 + 15 * MS);
	/* An early call agrees. */
	assert_ptr_equal(bvt_schedule(&rq2, t1 + 12 * MS, &slice), &x);
	assert_int_equal(slice, 3 * MS);
	/* Level: y, the one waiting, wins the tie. */
	assert_ptr_equal(bvt_schedule(&rq2, t1 + 15 * MS, &slice), &y);
	assert_int_equal(x.avt, y.avt);
	assert_int_equal(slice, ctx());
}

/*
 * A slice ends exactly where the decision changes, also when the charge
 * carry makes that an odd number of ns: one ns earlier the current vCPU
 * is kept, at the deadline it is not.
 */
static void test_slice_exact(void **state)
{
	static const u32 adv[] = { 3, 7, 9973 };
	u64 seed = 17;

	(void)state;
	for (size_t k = 0; k < ARRAY_SIZE(adv) * 50; k++) {
		struct bvt_rq rq;
		struct bvt_dom d;
		struct bvt_vcpu x, y;
		u64 now = SEC, slice, end;
		struct bvt_vcpu *got;

		bvt_rq_init(&rq);
		dom_make(&d, adv[k % ARRAY_SIZE(adv)]);
		bvt_vcpu_init(&x, &d);
		bvt_vcpu_init(&y, &d);
		assert_true(bvt_wake(&rq, &x, now));
		assert_ptr_equal(bvt_schedule(&rq, now, &slice), &x);
		/* y arrives ahead, after x's allowance: x catches up. */
		now += ctx() + rnd(&seed) % MS;
		y.runnable = true;
		y.lag = (s64)(1 + rnd(&seed) % (20 * d.mcu_advance));
		assert_false(bvt_insert(&rq, &y, now));
		end = rq.deadline;
		assert_true(end > now);
		assert_ptr_equal(bvt_schedule(&rq, end - 1, &slice), &x);
		assert_int_equal(end - 1 + slice, end);
		got = bvt_schedule(&rq, end, &slice);
		assert_ptr_equal(got, &y);
		assert_int_equal(x.avt, y.avt);
	}
}

/* ---- run-time changes ---- */

static void test_param_change(void **state)
{
	struct bvt_dom da, db;
	struct svc c[2];
	struct sim s;
	u64 a0, b0, total;
	struct bvt_dom bad;
	struct bvt_params p = { .mcu_ns = 1 * MS, .ctx_allow_ns = 10 * MS };

	(void)state;
	sim_init(&s, 2 * MS, 13);
	dom_make(&da, 1);
	dom_make(&db, 1);
	sim_add(&s, &c[0], &da, BURNER);
	sim_add(&s, &c[1], &db, BURNER);
	sim_run(&s, 2 * SEC);
	check_share("before", c[0].ran, c[0].ran + c[1].ran, 1, 2, 20000);

	/* Refused: nothing changes. */
	bad = db;
	bad.mcu_advance = 0;
	assert_int_equal(bvt_dom_set(&db, &bad), -EINVAL);
	bad.mcu_advance = 4;
	assert_int_equal(bvt_dom_set(&db, &bad), 0);
	a0 = c[0].ran;
	b0 = c[1].ran;
	sim_run(&s, 5 * SEC);
	total = c[0].ran - a0 + c[1].ran - b0;
	check_share("advance 1", c[0].ran - a0, total, 4, 5, 20000);
	check_share("advance 4", c[1].ran - b0, total, 1, 5, 20000);

	/* A coarser MCU and longer allowance: still the same shares. */
	assert_int_equal(bvt_params_set(&p), 0);
	a0 = c[0].ran;
	b0 = c[1].ran;
	sim_run(&s, 5 * SEC);
	total = c[0].ran - a0 + c[1].ran - b0;
	check_share("advance 1, new MCU", c[0].ran - a0, total, 4, 5, 20000);
	check_accounting(&s);
	assert_int_equal(s.nr_wasted, 0);
}

/* ---- queues: remove, insert, move ---- */

#define NRQ	3
#define NV	12

static void check_queues(struct bvt_rq *rq, struct bvt_vcpu *v)
{
	for (int q = 0; q < NRQ; q++) {
		u32 n = 0;
		bool curr_seen = false;

		for (struct bvt_link *l = rq[q].runnable.next;
		     l != &rq[q].runnable; l = l->next) {
			struct bvt_vcpu *x = container_of(l, struct bvt_vcpu,
							  link);

			assert_ptr_equal(l->next->prev, l);
			assert_ptr_equal(l->prev->next, l);
			assert_true(x->runnable);
			assert_ptr_equal(x->rq, &rq[q]);
			curr_seen |= x == rq[q].curr;
			assert_true(++n <= NV);
		}
		assert_int_equal(n, rq[q].nr_runnable);
		if (rq[q].curr)
			assert_true(curr_seen);
	}
	for (int i = 0; i < NV; i++) {
		int seen = 0;

		for (int q = 0; q < NRQ; q++)
			if (list_pos(&rq[q], &v[i]) >= 0) {
				assert_ptr_equal(v[i].rq, &rq[q]);
				seen++;
			}
		assert_int_equal(seen, v[i].runnable && v[i].rq ? 1 : 0);
	}
}

struct qsim {
	struct bvt_rq rq[NRQ];
	struct bvt_vcpu v[NV];
	struct bvt_dom d[4];
	u64 now;
	u64 busy[NRQ], busy_since[NRQ];
};

/* curr of @q went from @was to whatever it is now: account busy time. */
static void q_busy(struct qsim *m, int q, struct bvt_vcpu *was)
{
	struct bvt_vcpu *is = m->rq[q].curr;

	if (was && !is)
		m->busy[q] += m->now - m->busy_since[q];
	if (!was && is)
		m->busy_since[q] = m->now;
}

static void q_schedule(struct qsim *m, int q)
{
	struct bvt_vcpu *was = m->rq[q].curr, *next;
	u64 slice;

	next = bvt_schedule(&m->rq[q], m->now, &slice);
	assert_ptr_equal(next, m->rq[q].curr);
	if (next)
		assert_true(next->runnable && next->rq == &m->rq[q]);
	q_busy(m, q, was);
}

static int rq_index(struct qsim *m, struct bvt_rq *rq)
{
	return (int)(rq - m->rq);
}

static void test_remove_move(void **state)
{
	struct qsim *m = calloc(1, sizeof(*m));
	u64 seed = 14, total = 0, busy = 0;

	(void)state;
	assert_non_null(m);
	m->now = SEC;
	for (int q = 0; q < NRQ; q++)
		bvt_rq_init(&m->rq[q]);
	for (int k = 0; k < 4; k++)
		dom_make(&m->d[k], 1 + 7 * k);
	for (int i = 0; i < NV; i++)
		bvt_vcpu_init(&m->v[i], &m->d[i % 4]);

	for (int step = 0; step < 40000; step++) {
		struct bvt_vcpu *v = &m->v[rnd(&seed) % NV];
		int q = (int)(rnd(&seed) % NRQ), from;
		u64 total_before = v->total_ns;
		int op = (int)(rnd(&seed) % 8);
		bool was_curr;

		m->now += rnd(&seed) % (3 * MS);
		switch (op) {
		case 0:
		case 1:
			q_schedule(m, q);
			break;
		case 2:	/* wake; attaches a detached vCPU to q */
			if (v->rq)
				q = rq_index(m, v->rq);
			if (bvt_wake(&m->rq[q], v, m->now))
				q_schedule(m, q);
			assert_true(v->runnable && v->rq == &m->rq[q]);
			break;
		case 3:
			if (!v->rq)
				break;
			q = rq_index(m, v->rq);
			was_curr = m->rq[q].curr == v;
			assert_int_equal(bvt_block(&m->rq[q], v, m->now),
					 was_curr);
			q_busy(m, q, was_curr ? v : m->rq[q].curr);
			if (was_curr)
				q_schedule(m, q);
			break;
		case 4:	/* move (CPU hotplug, balancing) */
		case 5:	/* remove (domain destroy), insert later */
			if (!v->rq)
				break;
			from = rq_index(m, v->rq);
			was_curr = m->rq[from].curr == v;
			assert_int_equal(bvt_remove(&m->rq[from], v, m->now),
					 was_curr);
			assert_null(v->rq);
			assert_true(list_pos(&m->rq[from], v) < 0);
			q_busy(m, from, was_curr ? v : m->rq[from].curr);
			if (was_curr)
				q_schedule(m, from);
			check_queues(m->rq, m->v);
			if (op == 5)
				break;
			/* fall through */
		case 6:
			if (v->rq)
				break;
			if (bvt_insert(&m->rq[q], v, m->now))
				q_schedule(m, q);
			assert_ptr_equal(v->rq, &m->rq[q]);
			break;
		case 7:
			m->d[rnd(&seed) % 4].mcu_advance = 1 + rnd(&seed) % 50;
			break;
		}
		/* Moving never charges or refunds anything. */
		assert_true(v->total_ns >= total_before);
		check_queues(m->rq, m->v);
	}
	/* Every ns a queue was busy was charged to exactly one vCPU. */
	for (int q = 0; q < NRQ; q++) {
		q_schedule(m, q);
		if (m->rq[q].curr)
			m->busy[q] += m->now - m->busy_since[q];
		busy += m->busy[q];
	}
	for (int i = 0; i < NV; i++)
		total += m->v[i].total_ns;
	assert_int_equal(total, busy);
	assert_true(busy > 0);
	free(m);
}

/*
 * A move keeps a vCPU's place relative to svt, except banked credit; the
 * current vCPU can be moved too.  1 ms of CPU is 100 units here.
 */
static void test_move_keeps_lag(void **state)
{
	struct bvt_rq a, b;
	struct bvt_dom d;
	struct bvt_vcpu x, y, z;
	u64 now = SEC, slice, credit, total;

	(void)state;
	bvt_rq_init(&a);
	bvt_rq_init(&b);
	b.svt += 123456;	/* the queues' virtual times are unrelated */
	dom_make(&d, 10);
	credit = ctx() * 10 / mcu();
	bvt_vcpu_init(&x, &d);
	bvt_vcpu_init(&y, &d);
	bvt_vcpu_init(&z, &d);
	bvt_wake(&a, &x, now);
	bvt_wake(&a, &y, now);
	bvt_wake(&b, &z, now);
	assert_int_equal(z.avt, b.svt);
	/* x runs 30 ms, then y 5 ms: x leads y (and a's svt) by 2500. */
	assert_ptr_equal(bvt_schedule(&a, now, &slice), &x);
	now += 30 * MS;
	assert_ptr_equal(bvt_schedule(&a, now, &slice), &y);
	now += 5 * MS;
	assert_ptr_equal(bvt_schedule(&a, now, &slice), &y);
	assert_int_equal(x.avt - y.avt, 2500);
	assert_int_equal(a.svt, y.avt);

	/* x keeps its lead on b. */
	total = x.total_ns;
	assert_false(bvt_remove(&a, &x, now));
	assert_null(x.rq);
	assert_true(x.runnable);
	assert_int_equal(x.lag, 2500);
	assert_int_equal(a.nr_runnable, 1);
	assert_ptr_equal(bvt_schedule(&b, now, &slice), &z);
	assert_false(bvt_insert(&b, &x, now + MS));
	assert_int_equal(x.avt - b.svt, 2500);
	assert_int_equal(x.total_ns, total);
	assert_int_equal(b.nr_runnable, 2);

	/* The current one: remove says reschedule. */
	assert_true(bvt_remove(&a, &y, now + MS));
	assert_null(a.curr);
	assert_int_equal(a.nr_runnable, 0);
	assert_int_equal(y.total_ns, 6 * MS);
	assert_int_equal(y.lag, 0);
	assert_null(bvt_schedule(&a, now + MS, &slice));
	/* Into b level with its svt: z keeps its allowance. */
	assert_false(bvt_insert(&b, &y, now + 2 * MS));
	assert_int_equal(y.avt, b.svt);
	assert_int_equal(y.avt, z.avt);
	assert_int_equal(b.nr_runnable, 3);
	assert_ptr_equal(bvt_schedule(&b, now + ctx(), &slice), &y);

	/* Blocked long ago, far behind: moves with one allowance only. */
	assert_false(bvt_block(&b, &x, now + ctx()));
	x.avt = b.svt - 1000000;
	assert_false(bvt_remove(&b, &x, now + ctx()));
	assert_int_equal(x.lag, -(s64)credit);
	assert_false(bvt_insert(&a, &x, now + ctx()));
	assert_int_equal(a.svt - x.avt, credit);
	assert_false(x.runnable);
	assert_int_equal(a.nr_runnable, 0);
	/* Not on b: remove and wake there do nothing. */
	assert_false(bvt_remove(&b, &x, now + ctx()));
	assert_ptr_equal(x.rq, &a);
	assert_false(bvt_wake(&b, &x, now + ctx()));
	assert_false(x.runnable);
	assert_int_equal(b.nr_runnable, 2);
	assert_true(bvt_wake(&a, &x, now + ctx()));
	assert_int_equal(a.svt - x.avt, credit);
}

/* ---- overflow ---- */

/* Start this far below a boundary: about 30 s into the run below. */
#define TO_BOUNDARY	170000000ULL

/*
 * Virtual times start just below a boundary and run through it; a
 * sleeper blocks before it and wakes after.  Large advances make virtual
 * time run fast.
 */
static void test_overflow(void **state)
{
	const u64 *start = *state;
	static const u32 adv[4] = { 4000, 2000, 1000, 1000 };
	struct bvt_dom d[4];
	struct svc c[4];
	struct sim s;
	u64 r0[4], total;

	reset_params(NULL);
	sim_init(&s, 4 * MS, 15);
	s.rq.svt = *start;
	for (int i = 0; i < 4; i++) {
		dom_make(&d[i], adv[i]);
		sim_add(&s, &c[i], &d[i], BURNER);
		assert_int_equal(c[i].v.avt, *start);
	}
	sim_run(&s, 10 * SEC);
	sim_block(&s, &c[3]);

	/* Five minutes: svt crosses the boundary. */
	for (int i = 0; i < 4; i++)
		r0[i] = c[i].ran;
	sim_run(&s, 300 * SEC);
	/* Past the boundary, and further on than the start. */
	assert_true((s64)(s.rq.svt - (*start + TO_BOUNDARY)) > 0);
	assert_true((s64)(s.rq.svt - *start) > 0);
	total = 300 * SEC;
	check_share("advance 4000", c[0].ran - r0[0], total, 1, 7, 20000);
	check_share("advance 2000", c[1].ran - r0[1], total, 2, 7, 20000);
	check_share("advance 1000", c[2].ran - r0[2], total, 4, 7, 20000);

	/* The sleeper's old avt is far behind, not ahead. */
	for (int i = 0; i < 4; i++)
		r0[i] = c[i].ran;
	if (sim_wake(&s, &c[3]))
		sim_resched(&s);
	sim_run(&s, 1 * SEC);
	check_share("sleeper", c[3].ran - r0[3], SEC, 4, 11, 20000);
	for (int i = 0; i < 4; i++)
		r0[i] = c[i].ran;
	sim_run(&s, 300 * SEC);
	check_share("advance 4000", c[0].ran - r0[0], total, 1, 11, 20000);
	check_share("advance 2000", c[1].ran - r0[1], total, 2, 11, 20000);
	check_share("advance 1000", c[2].ran - r0[2], total, 4, 11, 20000);
	check_share("sleeper", c[3].ran - r0[3], total, 4, 11, 20000);
	check_accounting(&s);
}

/*
 * bvt_dispatch runs the vCPU it is given at once, charges the one it
 * displaces, and the charging still evens out: after the forced run, the
 * other vCPU runs until it has caught up.
 */
static void test_dispatch(void **state)
{
	struct bvt_rq rq;
	struct bvt_dom d;
	struct bvt_vcpu a, b, z;
	u64 t0 = 3 * SEC, slice;

	(void)state;
	bvt_rq_init(&rq);
	dom_make(&d, 10);
	bvt_vcpu_init(&a, &d);
	bvt_vcpu_init(&b, &d);
	bvt_vcpu_init(&z, &d);
	bvt_wake(&rq, &a, t0);
	assert_ptr_equal(bvt_schedule(&rq, t0, &slice), &a);
	bvt_wake(&rq, &b, t0 + MS);
	/* a has its allowance, but b is forced on 1 ms in. */
	assert_ptr_equal(bvt_dispatch(&rq, &b, t0 + 2 * MS, &slice), &b);
	assert_ptr_equal(rq.curr, &b);
	assert_int_equal(a.total_ns, 2 * MS);
	assert_true(slice > 0);
	/* Dispatching the current one changes nothing but the charge. */
	assert_ptr_equal(bvt_dispatch(&rq, &b, t0 + 3 * MS, &slice), &b);
	assert_int_equal(b.total_ns, 1 * MS);
	/* b ran 5 ms in all: a, behind now, gets the CPU back at once. */
	assert_ptr_equal(bvt_dispatch(&rq, &b, t0 + 7 * MS, &slice), &b);
	assert_ptr_equal(bvt_schedule(&rq, t0 + 7 * MS, &slice), &a);
	assert_int_equal(b.total_ns, 5 * MS);
	/* Not runnable (or not on the queue): an ordinary decision. */
	assert_ptr_equal(bvt_dispatch(&rq, &z, t0 + 8 * MS, &slice), &a);
	assert_null(z.rq);
}

static const u64 start_u64 = (u64)0 - TO_BOUNDARY;
static const u64 start_s64 = (1ULL << 63) - TO_BOUNDARY;

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_params_check, reset_params),
		cmocka_unit_test_prestate(test_shares_421, (void *)&cfg_10s),
		cmocka_unit_test_prestate(test_shares_421, (void *)&cfg_1s),
		cmocka_unit_test_prestate(test_shares_421,
					  (void *)&cfg_10s_early),
		cmocka_unit_test_prestate(test_shares_421,
					  (void *)&cfg_1s_early),
		cmocka_unit_test_prestate(test_shares_421,
					  (void *)&cfg_1s_jittery),
		cmocka_unit_test_setup(test_equal_shares, reset_params),
		cmocka_unit_test_setup(test_two_vcpu_domain, reset_params),
		cmocka_unit_test_setup(test_exact_charging, reset_params),
		cmocka_unit_test_setup(test_tie_break, reset_params),
		cmocka_unit_test_setup(test_tie_waited_longest, reset_params),
		cmocka_unit_test_setup(test_wake_clamp, reset_params),
		cmocka_unit_test_setup(test_block_no_credit, reset_params),
		cmocka_unit_test_setup(test_warp_latency, reset_params),
		cmocka_unit_test_setup(test_warp_limit, reset_params),
		cmocka_unit_test_setup(test_warp_peers, reset_params),
		cmocka_unit_test_setup(test_ctx_allow, reset_params),
		cmocka_unit_test_setup(test_wake_deadline, reset_params),
		cmocka_unit_test_setup(test_slice_exact, reset_params),
		cmocka_unit_test_setup(test_param_change, reset_params),
		cmocka_unit_test_setup(test_remove_move, reset_params),
		cmocka_unit_test_setup(test_move_keeps_lag, reset_params),
		cmocka_unit_test_setup(test_dispatch, reset_params),
		cmocka_unit_test_prestate(test_overflow, (void *)&start_u64),
		cmocka_unit_test_prestate(test_overflow, (void *)&start_s64),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
