// SPDX-License-Identifier: GPL-2.0
/*
 * Ballooning's pure parts: the spare pool and the returned ring
 * (hv/include/hv/balloon.h), the bounds the target puts on them, and the
 * two-step frame moves of hv/arch/x86/p2m.c (out of one side's tables
 * into nobody's, then into the other's).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <setjmp.h>
#include <cmocka.h>
#include "unit.h"

#include "p2m.h"
#include <hv/balloon.h>
#include <hv/errno.h>

#include "pt_fixture.h"
#include "p2m_fixture.h"

static void test_ring_fifo_and_full(void **state)
{
	struct balloon_ring *r = calloc(1, sizeof(*r));
	const struct balloon_entry *e;
	u64 i;

	(void)state;
	assert_null(balloon_ring_peek(r));
	for (i = 0; i < BALLOON_RING_SIZE; i++)
		assert_true(balloon_ring_push(r, 100 + i, i));
	assert_int_equal(balloon_ring_count(r), BALLOON_RING_SIZE);
	/* Full: refused, nothing overwritten. */
	assert_false(balloon_ring_push(r, 1, 1));
	e = balloon_ring_peek(r);
	assert_non_null(e);
	assert_int_equal(e->pfn, 100);
	for (i = 0; i < BALLOON_RING_SIZE; i++) {
		e = balloon_ring_peek(r);
		assert_non_null(e);
		assert_int_equal(e->pfn, 100 + i);
		assert_int_equal(e->gen, i);
		balloon_ring_pop(r);
	}
	assert_null(balloon_ring_peek(r));
	balloon_ring_pop(r);	/* empty: no underflow */
	assert_int_equal(balloon_ring_count(r), 0);
	free(r);
}

/* head and tail run free: their wrap at 2^32 changes nothing. */
static void test_ring_counter_wrap(void **state)
{
	struct balloon_ring *r = calloc(1, sizeof(*r));
	u64 i;

	(void)state;
	r->head = r->tail = UINT32_MAX - 5;
	for (i = 0; i < BALLOON_RING_SIZE; i++)
		assert_true(balloon_ring_push(r, i, 0));
	assert_false(balloon_ring_push(r, 0, 0));
	assert_int_equal(balloon_ring_count(r), BALLOON_RING_SIZE);
	for (i = 0; i < BALLOON_RING_SIZE; i++) {
		assert_int_equal(balloon_ring_peek(r)->pfn, i);
		balloon_ring_pop(r);
	}
	assert_int_equal(balloon_ring_count(r), 0);
	free(r);
}

static void test_pool(void **state)
{
	struct balloon_pool *p = calloc(1, sizeof(*p));
	u64 pfn, i;

	(void)state;
	assert_false(balloon_pool_pop(p, &pfn));
	for (i = 0; i < BALLOON_SPARE_MAX; i++)
		assert_true(balloon_pool_push(p, i));
	assert_false(balloon_pool_push(p, 7));
	assert_int_equal(p->nr, BALLOON_SPARE_MAX);
	for (i = BALLOON_SPARE_MAX; i-- > 0;) {
		assert_true(balloon_pool_pop(p, &pfn));
		assert_int_equal(pfn, i);
	}
	assert_false(balloon_pool_pop(p, &pfn));
	free(p);
}

static void test_bounds(void **state)
{
	(void)state;
	/* The target never lets a guest past maxmem. */
	assert_int_equal(balloon_limit(100, 80), 80);
	assert_int_equal(balloon_limit(60, 80), 60);
	/* Room: what the guest may still take, less what is spare. */
	assert_int_equal(balloon_spare_room(100, 90, 0), 10);
	assert_int_equal(balloon_spare_room(100, 90, 4), 6);
	assert_int_equal(balloon_spare_room(100, 90, 10), 0);
	assert_int_equal(balloon_spare_room(100, 90, 30), 0);
	assert_int_equal(balloon_spare_room(100, 120, 0), 0);
	/* And never more than the pool holds. */
	assert_int_equal(balloon_spare_room(1 << 20, 0, 0), BALLOON_SPARE_MAX);
	assert_int_equal(balloon_spare_room(1 << 20, 0, BALLOON_SPARE_MAX - 3),
			 3);
	assert_int_equal(balloon_spare_room(1 << 20, 0, BALLOON_SPARE_MAX + 1),
			 0);
	/* Excess: spare beyond what a lowered target still allows. */
	assert_int_equal(balloon_spare_excess(100, 90, 30), 20);
	assert_int_equal(balloon_spare_excess(100, 90, 10), 0);
	assert_int_equal(balloon_spare_excess(50, 90, 7), 7);
	assert_int_equal(balloon_spare_excess(100, 90, 0), 0);
}

/* Dom0 -> spare -> guest -> nobody -> Dom0, scrubbed at the right steps. */
static void test_frame_round_trip(void **state)
{
	struct two *t = *state;
	struct pt *d = &t->dom0->pt, *g = &t->guest->pt;
	u64 pfn = 0, pa, flags, size;

	assert_int_equal(p2m_leave_dom0(d, 0x2001, &ops), 0);
	assert_false(mapped(d, 0x2001000, NULL));
	assert_false(mapped(g, 7 * PAGE_SIZE, NULL));
	/* Not scrubbed yet: Dom0 may still write it until flushed. */
	assert_int_equal(nr_scrubbed, 0);
	assert_int_equal(p2m_map_frame(g, 7, 0x2001, &ops), 0);
	assert_int_equal(nr_scrubbed, 1);
	assert_int_equal(scrubbed[0], 0x2001000);
	assert_true(mapped(g, 7 * PAGE_SIZE + 5, &pa));
	assert_int_equal(pa, 0x2001005);
	assert_false(mapped(d, 0x2001000, NULL));

	assert_int_equal(p2m_unmap_frame(g, 7, &pfn, &ops), 0);
	assert_int_equal(pfn, 0x2001);
	assert_false(mapped(g, 7 * PAGE_SIZE, NULL));
	assert_false(mapped(d, 0x2001000, NULL));	/* nobody's */
	assert_int_equal(nr_scrubbed, 1);
	assert_int_equal(p2m_back_to_dom0(d, 0x2001, &ops), 0);
	assert_int_equal(nr_scrubbed, 2);
	assert_int_equal(scrubbed[1], 0x2001000);
	/* Home, and Dom0's 2 MiB leaf whole again. */
	assert_true(pt_lookup(d, 0x2001000, &pa, &flags, &size));
	assert_int_equal(pa, 0x2001000);
	assert_int_equal(size, SIZE_2M);
}

static void test_leave_dom0_refuses(void **state)
{
	struct two *t = *state;
	struct pt *d = &t->dom0->pt;

	assert_int_equal(p2m_leave_dom0(d, HV_PA >> 12, &ops), -EPERM);
	assert_int_equal(p2m_leave_dom0(d, (8 * GIB) >> 12, &ops), -EINVAL);
	assert_int_equal(p2m_leave_dom0(d, 1ULL << 41, &ops), -EINVAL);
	assert_int_equal(p2m_leave_dom0(d, 0x3000, &ops), 0);
	/* Twice: it is not Dom0's any more. */
	assert_int_equal(p2m_leave_dom0(d, 0x3000, &ops), -EINVAL);
	assert_int_equal(nr_scrubbed, 0);
}

static void test_back_to_dom0_refuses(void **state)
{
	struct two *t = *state;
	struct pt *d = &t->dom0->pt;

	/* Dom0's already: a double return would hide a bookkeeping bug. */
	assert_int_equal(p2m_back_to_dom0(d, 0x3000, &ops), -EEXIST);
	assert_int_equal(p2m_back_to_dom0(d, HV_PA >> 12, &ops), -EINVAL);
	assert_int_equal(p2m_back_to_dom0(d, 1ULL << 41, &ops), -EINVAL);
	assert_int_equal(nr_scrubbed, 0);
}

static void test_guest_side_refuses(void **state)
{
	struct two *t = *state;
	struct pt *d = &t->dom0->pt, *g = &t->guest->pt;
	u64 pfn = 0, saved;

	assert_int_equal(p2m_leave_dom0(d, 0x4000, &ops), 0);
	assert_int_equal(p2m_leave_dom0(d, 0x4001, &ops), 0);
	assert_int_equal(p2m_map_frame(g, 3, 0x4000, &ops), 0);
	/* A backed gfn is not backed again (and nothing is scrubbed). */
	assert_int_equal(p2m_map_frame(g, 3, 0x4001, &ops), -EEXIST);
	assert_int_equal(nr_scrubbed, 1);
	assert_int_equal(p2m_map_frame(g, 1ULL << 41, 0x4001, &ops), -EINVAL);
	assert_int_equal(p2m_map_frame(g, 4, 1ULL << 41, &ops), -EINVAL);
	/* Giving up what is not there, or out of range. */
	assert_int_equal(p2m_unmap_frame(g, 4, &pfn, &ops), -ENOENT);
	assert_int_equal(p2m_unmap_frame(g, 1ULL << 41, &pfn, &ops), -ENOENT);
	/* A hypervisor page shown to the guest (shared_info) stays. */
	assert_int_equal(p2m_map_hv(g, 9, HV_PA, &saved, &ops), 0);
	assert_int_equal(p2m_unmap_frame(g, 9, &pfn, &ops), -EPERM);
	assert_true(mapped(g, 9 * PAGE_SIZE, NULL));
	/* Nor can a spare frame go where it shows. */
	assert_int_equal(p2m_map_frame(g, 9, 0x4001, &ops), -EEXIST);
}

/* Out of table memory: the guest's map fails, nothing changes. */
static void test_map_out_of_memory(void **state)
{
	struct two *t = *state;
	struct pt *d = &t->dom0->pt, *g = &t->guest->pt;

	assert_int_equal(p2m_leave_dom0(d, 0x5000, &ops), 0);
	t->guest->a.limit = t->guest->a.nr;
	assert_int_equal(p2m_map_frame(g, 1, 0x5000, &ops), -ENOMEM);
	assert_false(mapped(g, PAGE_SIZE, NULL));
	t->guest->a.limit = MAX_TABLES;
	assert_int_equal(p2m_map_frame(g, 1, 0x5000, &ops), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ring_fifo_and_full),
		cmocka_unit_test(test_ring_counter_wrap),
		cmocka_unit_test(test_pool),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test_setup_teardown(test_frame_round_trip, setup,
						td),
		cmocka_unit_test_setup_teardown(test_leave_dom0_refuses, setup,
						td),
		cmocka_unit_test_setup_teardown(test_back_to_dom0_refuses,
						setup, td),
		cmocka_unit_test_setup_teardown(test_guest_side_refuses, setup,
						td),
		cmocka_unit_test_setup_teardown(test_map_out_of_memory, setup,
						td),
	};

	return cmocka_run_group_tests_name("balloon", tests, NULL, NULL);
}
