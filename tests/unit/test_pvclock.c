// SPDX-License-Identifier: GPL-2.0
/*
 * hv/core/pvclock.c: the guest's scaled TSC stays within a part in 2^31
 * of the exact conversion and never runs ahead of it, for TSCs from
 * 1 MHz to 10 GHz; the exact conversion does not overflow.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "unit.h"

#include <hv/pvclock.h>

static const u64 khzs[] = {
	1000, 999999, 1000000, 1000001, 1448586, 2000000, 2999999, 3000000,
	3600000, 4294967, 10000000,
};

static void test_scale_normalised(void **state)
{
	(void)state;
	for (unsigned i = 0; i < sizeof(khzs) / sizeof(khzs[0]); i++) {
		struct pvclock_scale s = pvclock_scale_khz(khzs[i]);

		if (!(s.mul & 0x80000000u))
			fail_fmt("khz %llu: mul %u not normalised",
				 (unsigned long long)khzs[i], s.mul);
	}
}

static void test_scale_close_and_not_ahead(void **state)
{
	static const u64 deltas[] = { 1, 1000, 123456789, 1ULL << 32,
				      10000000000ULL, 1ULL << 40 };

	(void)state;
	for (unsigned i = 0; i < sizeof(khzs) / sizeof(khzs[0]); i++) {
		struct pvclock_scale s = pvclock_scale_khz(khzs[i]);

		for (unsigned j = 0; j < sizeof(deltas) / sizeof(deltas[0]);
		     j++) {
			u64 exact = pvclock_ticks_to_ns(deltas[j], khzs[i]);
			u64 guest = pvclock_scale_delta(deltas[j], s);

			if (guest > exact || exact - guest > exact / (1u << 30) + 2)
				fail_fmt("khz %llu delta %llu: guest %llu exact %llu",
					 (unsigned long long)khzs[i],
					 (unsigned long long)deltas[j],
					 (unsigned long long)guest,
					 (unsigned long long)exact);
		}
	}
}

static void test_known_values(void **state)
{
	struct pvclock_scale s = pvclock_scale_khz(2000000);	/* 2 GHz */

	(void)state;
	assert_int_equal(s.mul, 0x80000000u);
	assert_int_equal(s.shift, 0);
	assert_int_equal(pvclock_scale_delta(2000, s), 1000);
	s = pvclock_scale_khz(500000);				/* 500 MHz */
	assert_int_equal(s.mul, 0x80000000u);
	assert_int_equal(s.shift, 2);
	assert_int_equal(pvclock_scale_delta(500, s), 1000);
	s = pvclock_scale_khz(1000000);				/* 1 GHz */
	assert_int_equal(pvclock_scale_delta(1000, s), 1000);
	assert_int_equal(pvclock_ticks_to_ns(3000000000ULL, 3000000),
			 1000000000ULL);
}

static void test_ticks_no_overflow(void **state)
{
	(void)state;
	/* Ten years at 4 GHz. */
	u64 ticks = 4000000000ULL * 3600 * 24 * 365 * 10;

	assert_int_equal(pvclock_ticks_to_ns(ticks, 4000000),
			 1000000000ULL * 3600 * 24 * 365 * 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scale_normalised),
		cmocka_unit_test(test_scale_close_and_not_ahead),
		cmocka_unit_test(test_known_values),
		cmocka_unit_test(test_ticks_no_overflow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
