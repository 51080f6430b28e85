// SPDX-License-Identifier: GPL-2.0
/*
 * hv/core/evtchn_port.c: the port table hands out ports 1.. and refuses
 * hostile numbers; the 2-level bitmaps notify exactly once per pending
 * edge, respect the mask, and unmask re-raises what came in while
 * masked.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include <hv/evtchn_port.h>
#include <hv/errno.h>

#define WORD_BITS	(sizeof(xen_ulong_t) * 8)

static struct evtchn table[EVTCHN_PORTS];
static struct shared_info sh;

static int setup(void **state)
{
	(void)state;
	memset(table, 0, sizeof(table));
	memset(&sh, 0, sizeof(sh));
	return 0;
}

static void test_port_bounds(void **state)
{
	(void)state;
	assert_null(evtchn_port(table, 0));
	assert_null(evtchn_port(table, EVTCHN_PORTS));
	assert_null(evtchn_port(table, ~0ULL));
	assert_null(evtchn_port(table, 1ULL << 32 | 1));
	assert_ptr_equal(evtchn_port(table, 1), &table[1]);
	assert_ptr_equal(evtchn_port(table, EVTCHN_PORTS - 1),
			 &table[EVTCHN_PORTS - 1]);
}

static void test_alloc_lowest_free(void **state)
{
	(void)state;
	assert_int_equal(evtchn_port_alloc(table), 1);
	table[1].state = EVTCHNSTAT_unbound;
	table[2].state = EVTCHNSTAT_virq;
	assert_int_equal(evtchn_port_alloc(table), 3);
	table[1].state = EVTCHNSTAT_closed;
	assert_int_equal(evtchn_port_alloc(table), 1);
}

static void test_alloc_full(void **state)
{
	(void)state;
	for (u32 p = 1; p < EVTCHN_PORTS; p++) {
		assert_int_equal(evtchn_port_alloc(table), (int)p);
		table[p].state = EVTCHNSTAT_interdomain;
	}
	assert_int_equal(evtchn_port_alloc(table), -ENOSPC);
}

static void test_set_pending_once(void **state)
{
	struct vcpu_info *vi = &sh.vcpu_info[0];
	u32 port = 70;

	(void)state;
	assert_true(evtchn_2l_set_pending(&sh, vi, port));
	assert_true(evtchn_2l_is_pending(&sh, port));
	assert_int_equal(vi->evtchn_upcall_pending, 1);
	assert_true(vi->evtchn_pending_sel & (1UL << (port / WORD_BITS)));
	/* Already pending: no second notification, nothing changes. */
	assert_false(evtchn_2l_set_pending(&sh, vi, port));
	/* Another port of the same word: the selector is already set. */
	assert_false(evtchn_2l_set_pending(&sh, vi, port + 1));
	assert_true(evtchn_2l_is_pending(&sh, port + 1));
}

static void test_upcall_already_pending(void **state)
{
	struct vcpu_info *vi = &sh.vcpu_info[0];

	(void)state;
	vi->evtchn_upcall_pending = 1;
	assert_false(evtchn_2l_set_pending(&sh, vi, 5));
	assert_true(vi->evtchn_pending_sel & 1);
}

static void test_masked_then_unmask(void **state)
{
	struct vcpu_info *vi = &sh.vcpu_info[0];
	u32 port = 200;

	(void)state;
	sh.evtchn_mask[port / WORD_BITS] |= 1UL << (port % WORD_BITS);
	assert_false(evtchn_2l_set_pending(&sh, vi, port));
	assert_true(evtchn_2l_is_pending(&sh, port));
	assert_int_equal(vi->evtchn_upcall_pending, 0);
	assert_int_equal(vi->evtchn_pending_sel, 0);
	/* Unmask re-raises, once. */
	assert_true(evtchn_2l_unmask(&sh, vi, port));
	assert_int_equal(vi->evtchn_upcall_pending, 1);
	assert_false(sh.evtchn_mask[port / WORD_BITS] &
		     (1UL << (port % WORD_BITS)));
	assert_false(evtchn_2l_unmask(&sh, vi, port));
}

static void test_unmask_not_pending(void **state)
{
	struct vcpu_info *vi = &sh.vcpu_info[0];

	(void)state;
	sh.evtchn_mask[0] = 1UL << 3;
	assert_false(evtchn_2l_unmask(&sh, vi, 3));
	assert_int_equal(sh.evtchn_mask[0], 0);
	assert_int_equal(vi->evtchn_upcall_pending, 0);
}

static void test_no_vcpu_info(void **state)
{
	(void)state;
	assert_false(evtchn_2l_set_pending(&sh, NULL, 9));
	assert_true(evtchn_2l_is_pending(&sh, 9));
	sh.evtchn_mask[0] = 1UL << 10;
	evtchn_2l_set_pending(&sh, NULL, 10);
	assert_false(evtchn_2l_unmask(&sh, NULL, 10));
}

static void test_clear_and_mark_all(void **state)
{
	struct vcpu_info *vi = &sh.vcpu_info[3];

	(void)state;
	evtchn_2l_set_pending(&sh, vi, EVTCHN_PORTS - 1);
	evtchn_2l_clear_pending(&sh, EVTCHN_PORTS - 1);
	assert_false(evtchn_2l_is_pending(&sh, EVTCHN_PORTS - 1));
	evtchn_2l_mark_all(vi);
	assert_int_equal(vi->evtchn_upcall_pending, 1);
	assert_true(vi->evtchn_pending_sel == ~(xen_ulong_t)0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_port_bounds, setup),
		cmocka_unit_test_setup(test_alloc_lowest_free, setup),
		cmocka_unit_test_setup(test_alloc_full, setup),
		cmocka_unit_test_setup(test_set_pending_once, setup),
		cmocka_unit_test_setup(test_upcall_already_pending, setup),
		cmocka_unit_test_setup(test_masked_then_unmask, setup),
		cmocka_unit_test_setup(test_unmask_not_pending, setup),
		cmocka_unit_test_setup(test_no_vcpu_info, setup),
		cmocka_unit_test_setup(test_clear_and_mark_all, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
