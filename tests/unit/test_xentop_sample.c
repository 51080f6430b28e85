// SPDX-License-Identifier: GPL-2.0
/*
 * tools/xentop/sample.c: CPU% from two samples over the real elapsed
 * time, domains appearing and disappearing, an id used again, Dom0's CPU
 * time from Linux or the hypervisor, memory MiB-hours, the history.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include "sample.h"

#define SEC	1000000000ULL
#define MAX	8

struct snap {
	struct xt_sample s;
	struct xt_dom d[MAX];
};

static void snap_init(struct snap *n, uint64_t t_ns)
{
	memset(n, 0, sizeof(*n));
	n->s.t_ns = t_ns;
	n->s.dom = n->d;
}

static struct xt_dom *add(struct snap *n, uint32_t domid, uint64_t cpu_ns,
			  uint64_t age_ns)
{
	struct xt_dom *d = &n->d[n->s.nr++];

	d->domid = domid;
	snprintf(d->name, sizeof(d->name), "d%u", domid);
	d->cpu_ns = cpu_ns;
	d->age_ns = age_ns;
	d->mem_kb = 1024;
	return d;
}

static struct xt_dom *find(struct snap *n, uint32_t domid)
{
	for (int i = 0; i < n->s.nr; i++)
		if (n->d[i].domid == domid)
			return &n->d[i];
	return NULL;
}

static void test_cpu_pct(void **state)
{
	(void)state;
	assert_true(xt_cpu_pct(0, SEC / 2, SEC) == 50.0);
	/* Two vCPUs busy: 200%, as Xen's xentop. */
	assert_true(xt_cpu_pct(SEC, 3 * SEC, SEC) == 200.0);
	/* No time, or a counter that went back: no rate, not garbage. */
	assert_true(xt_cpu_pct(0, SEC, 0) == 0.0);
	assert_true(xt_cpu_pct(2 * SEC, SEC, SEC) == 0.0);
}

/* A late refresh: the rate is over the time that really elapsed. */
static void test_late_refresh(void **state)
{
	static struct snap a, b;

	(void)state;
	snap_init(&a, 10 * SEC);
	add(&a, 1, 4 * SEC, 20 * SEC);
	xt_sample_update(NULL, &a.s);
	assert_true(a.d[0].cpu_pct == 0.0);	/* first refresh: no rate */

	snap_init(&b, 15 * SEC);		/* 5 s later, not 3 */
	add(&b, 1, 6 * SEC, 25 * SEC);
	xt_sample_update(&a.s, &b.s);
	if (b.d[0].cpu_pct < 39.99 || b.d[0].cpu_pct > 40.01)
		fail_fmt("2 s in 5 s gave %.3f%%, not 40%%", b.d[0].cpu_pct);
}

static void test_appear_disappear(void **state)
{
	static struct snap a, b;
	struct xt_dom *d;

	(void)state;
	snap_init(&a, 100 * SEC);
	add(&a, 1, 10 * SEC, 50 * SEC);
	add(&a, 2, 10 * SEC, 50 * SEC);		/* gone in b */
	xt_sample_update(NULL, &a.s);

	snap_init(&b, 102 * SEC);
	add(&b, 1, 11 * SEC, 52 * SEC);
	add(&b, 3, SEC / 2, SEC);		/* new: 1 s old, ran 0.5 s */
	add(&b, 4, 9 * SEC, 90 * SEC);		/* new to us, but old */
	xt_sample_update(&a.s, &b.s);
	assert_true(find(&b, 1)->cpu_pct == 50.0);
	d = find(&b, 3);
	if (d->cpu_pct < 49.99 || d->cpu_pct > 50.01)
		fail_fmt("a domain born within the interval: %.2f%%",
			 d->cpu_pct);
	/* Older than the interval: its rate over it is unknown. */
	assert_true(find(&b, 4)->cpu_pct == 0.0);
	assert_int_equal(find(&b, 4)->nr_hist, 1);
}

/* An id used again by a younger domain is not the old one. */
static void test_id_reused(void **state)
{
	static struct snap a, b;

	(void)state;
	snap_init(&a, 100 * SEC);
	add(&a, 5, 80 * SEC, 90 * SEC);
	xt_sample_update(NULL, &a.s);
	snap_init(&b, 103 * SEC);
	add(&b, 5, SEC, 2 * SEC);
	assert_null(xt_prev_dom(&a.s, &b.d[0]));
	xt_sample_update(&a.s, &b.s);
	assert_true(b.d[0].cpu_pct == 50.0);
	assert_int_equal(b.d[0].nr_hist, 1);
}

/* Dom0: Linux's count without guests, the hypervisor's with them. */
static void test_dom0_source(void **state)
{
	static struct snap a, b, c;
	struct xt_dom *d;

	(void)state;
	snap_init(&a, 10 * SEC);
	d = add(&a, 0, 0, 1000 * SEC);
	d->linux_ns = 100 * SEC;
	xt_sample_update(NULL, &a.s);
	assert_true(a.d[0].cpu_ns == 100 * SEC);

	/* No guests at the start of the interval: Linux's delta. */
	snap_init(&b, 12 * SEC);
	d = add(&b, 0, 0, 1002 * SEC);
	d->linux_ns = 101 * SEC;
	d->hv_ns = 7 * SEC;
	d->hv_charged = true;
	xt_sample_update(&a.s, &b.s);
	assert_true(b.d[0].cpu_ns == 101 * SEC);
	assert_true(b.d[0].cpu_pct == 50.0);

	/* Guests at both ends: Linux's 2 s include the guests' time. */
	snap_init(&c, 14 * SEC);
	d = add(&c, 0, 0, 1004 * SEC);
	d->linux_ns = 103 * SEC;
	d->hv_ns = 7 * SEC + SEC / 2;
	d->hv_charged = true;
	xt_sample_update(&b.s, &c.s);
	assert_true(c.d[0].cpu_ns == 101 * SEC + SEC / 2);
	assert_true(c.d[0].cpu_pct == 25.0);
}

static void test_mem_mibh(void **state)
{
	static struct snap a, b;

	(void)state;
	snap_init(&a, 0);
	add(&a, 1, 0, 3600 * SEC);		/* 1 MiB for an hour */
	xt_sample_update(NULL, &a.s);
	assert_true(a.d[0].mem_mibh == 1.0);
	snap_init(&b, 1800 * SEC);
	add(&b, 1, 0, 5400 * SEC)->mem_kb = 4096;	/* 4 MiB, 1/2 h */
	xt_sample_update(&a.s, &b.s);
	assert_true(b.d[0].mem_mibh == 3.0);
}

static void test_history(void **state)
{
	static struct snap s[XT_HIST + 3];
	int i;

	(void)state;
	for (i = 0; i < XT_HIST + 3; i++) {
		snap_init(&s[i], (uint64_t)i * SEC);
		/* 0%, then 10% a step more each refresh, capped at 100. */
		add(&s[i], 1, (uint64_t)i * (i + 1) / 2 * SEC / 10, 99 * SEC);
		xt_sample_update(i ? &s[i - 1].s : NULL, &s[i].s);
	}
	assert_int_equal(s[XT_HIST + 2].d[0].nr_hist, XT_HIST);
	/* The oldest were dropped: 10 * 3%, ... then capped at 100. */
	assert_int_equal(s[XT_HIST + 2].d[0].hist[0], 30);
	assert_int_equal(s[XT_HIST + 2].d[0].hist[XT_HIST - 1], 100);
}

/* vCPUs matched by id, not by place: one of them gone in between. */
static void test_vcpu_pct(void **state)
{
	static struct snap a, b;
	struct xl_vcpu va[2] = { { .vcpu = 0, .cpu_ns = SEC },
				 { .vcpu = 1, .cpu_ns = 2 * SEC } };
	struct xl_vcpu vb[1] = { { .vcpu = 1, .cpu_ns = 3 * SEC } };
	double pa[2], pb[1] = { -1 };
	struct xt_dom *d;

	(void)state;
	snap_init(&a, 10 * SEC);
	d = add(&a, 1, 3 * SEC, 20 * SEC);
	d->vcpu = va;
	d->vcpu_pct = pa;
	d->nr_vcpu = 2;
	xt_sample_update(NULL, &a.s);
	assert_true(pa[0] == 0.0 && pa[1] == 0.0);

	snap_init(&b, 12 * SEC);
	d = add(&b, 1, 4 * SEC, 22 * SEC);
	d->vcpu = vb;
	d->vcpu_pct = pb;
	d->nr_vcpu = 1;
	xt_sample_update(&a.s, &b.s);
	assert_true(pb[0] == 50.0);
}

/* A clock that went back (not CLOCK_MONOTONIC): start over, no rate. */
static void test_clock_back(void **state)
{
	static struct snap a, b;

	(void)state;
	snap_init(&a, 10 * SEC);
	add(&a, 1, 0, 10 * SEC);
	xt_sample_update(NULL, &a.s);
	snap_init(&b, 5 * SEC);
	add(&b, 1, 4 * SEC, 11 * SEC);
	xt_sample_update(&a.s, &b.s);
	assert_true(b.d[0].cpu_pct == 0.0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cpu_pct),
		cmocka_unit_test(test_late_refresh),
		cmocka_unit_test(test_appear_disappear),
		cmocka_unit_test(test_id_reused),
		cmocka_unit_test(test_dom0_source),
		cmocka_unit_test(test_mem_mibh),
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_vcpu_pct),
		cmocka_unit_test(test_clock_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
