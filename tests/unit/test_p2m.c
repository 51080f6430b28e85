// SPDX-License-Identifier: GPL-2.0
/*
 * hv/arch/x86/p2m.c: frames move between Dom0's and a guest's nested
 * tables; a frame is never in both, hostile frame numbers are refused,
 * and every move scrubs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "unit.h"

#include "p2m.h"
#include <hv/errno.h>

#include "pt_fixture.h"
#include "p2m_fixture.h"

static void test_take_moves_the_frame(void **state)
{
	struct two *t = *state;
	u64 pa;

	assert_int_equal(p2m_take_from_dom0(&t->dom0->pt, &t->guest->pt, 5,
					    0x12345, &ops), 0);
	assert_false(mapped(&t->dom0->pt, 0x12345000, NULL));
	assert_true(mapped(&t->guest->pt, 5 * PAGE_SIZE + 7, &pa));
	assert_int_equal(pa, 0x12345007);
	/* Only that frame left Dom0: its 2 MiB neighbours stay. */
	assert_true(mapped(&t->dom0->pt, 0x12344000, &pa));
	assert_int_equal(pa, 0x12344000);
	assert_true(mapped(&t->dom0->pt, 0x12346000, NULL));
	assert_int_equal(nr_scrubbed, 1);
	assert_int_equal(scrubbed[0], 0x12345000);
}

static void test_take_refuses(void **state)
{
	struct two *t = *state;
	struct pt *d = &t->dom0->pt, *g = &t->guest->pt;

	/* Hypervisor memory, and a frame Dom0 does not map at all. */
	assert_int_equal(p2m_take_from_dom0(d, g, 1, HV_PA >> 12, &ops),
			 -EPERM);
	assert_int_equal(p2m_take_from_dom0(d, g, 1, (8 * GIB) >> 12, &ops),
			 -EINVAL);
	/* A frame given once cannot be given again, to any gfn. */
	assert_int_equal(p2m_take_from_dom0(d, g, 1, 0x1000, &ops), 0);
	assert_int_equal(p2m_take_from_dom0(d, g, 2, 0x1000, &ops), -EINVAL);
	/* A gfn already backed cannot be backed again. */
	assert_int_equal(p2m_take_from_dom0(d, g, 1, 0x1001, &ops), -EEXIST);
	assert_true(mapped(d, 0x1001000, NULL));
	/* Numbers beyond 52-bit physical addresses. */
	assert_int_equal(p2m_take_from_dom0(d, g, 3, 1ULL << 41, &ops),
			 -EINVAL);
	assert_int_equal(p2m_take_from_dom0(d, g, 1ULL << 41, 0x1002, &ops),
			 -EINVAL);
	assert_int_equal(nr_scrubbed, 1);
}

static void test_give_back(void **state)
{
	struct two *t = *state;
	struct pt *d = &t->dom0->pt, *g = &t->guest->pt;
	u64 pfn = 0, pa;

	assert_int_equal(p2m_take_from_dom0(d, g, 9, 0x2000, &ops), 0);
	assert_int_equal(p2m_give_to_dom0(d, g, 9, &pfn, &ops), 0);
	assert_int_equal(pfn, 0x2000);
	assert_false(mapped(g, 9 * PAGE_SIZE, NULL));
	assert_true(mapped(d, 0x2000000, &pa));
	assert_int_equal(pa, 0x2000000);
	/* Scrubbed on the way in and on the way out. */
	assert_int_equal(nr_scrubbed, 2);
	assert_int_equal(scrubbed[1], 0x2000000);
	assert_int_equal(p2m_give_to_dom0(d, g, 9, &pfn, &ops), -ENOENT);
	assert_int_equal(p2m_give_to_dom0(d, g, 1ULL << 41, &pfn, &ops),
			 -ENOENT);
	/* And it can be given again. */
	assert_int_equal(p2m_take_from_dom0(d, g, 4, 0x2000, &ops), 0);
}

/* Dom0's 2 MiB leaf comes back when every frame of it has. */
static void test_give_back_merges(void **state)
{
	struct two *t = *state;
	struct pt *d = &t->dom0->pt, *g = &t->guest->pt;
	u64 pfn, pa, flags, size;
	unsigned int tables = t->dom0->a.nr - t->dom0->a.freed;

	assert_int_equal(p2m_take_from_dom0(d, g, 1, 0x2001, &ops), 0);
	assert_int_equal(p2m_take_from_dom0(d, g, 2, 0x2003, &ops), 0);
	assert_int_equal(t->dom0->a.nr - t->dom0->a.freed, tables + 1);
	assert_int_equal(p2m_give_to_dom0(d, g, 1, &pfn, &ops), 0);
	assert_true(pt_lookup(d, 0x2001000, &pa, &flags, &size));
	assert_int_equal(size, SIZE_4K);	/* 0x2003 is still out */
	assert_int_equal(p2m_give_to_dom0(d, g, 2, &pfn, &ops), 0);
	assert_true(pt_lookup(d, 0x2003000, &pa, &flags, &size));
	assert_int_equal(size, SIZE_2M);
	assert_int_equal(pa, 0x2003000);
	assert_int_equal(t->dom0->a.nr - t->dom0->a.freed, tables);
}

static void test_out_of_memory_changes_nothing(void **state)
{
	struct two *t = *state;
	struct pt *d = &t->dom0->pt, *g = &t->guest->pt;

	/* Dom0 may split (its tables have room); the guest may not grow. */
	t->guest->a.limit = t->guest->a.nr;
	assert_int_equal(p2m_take_from_dom0(d, g, 1, 0x3000, &ops), -ENOMEM);
	assert_true(mapped(d, 0x3000000, NULL));
	assert_false(mapped(g, PAGE_SIZE, NULL));
	/* Dom0 cannot split: nothing moves either. */
	t->guest->a.limit = MAX_TABLES;
	t->dom0->a.limit = t->dom0->a.nr;
	assert_int_equal(p2m_take_from_dom0(d, g, 1, 0x80000, &ops), -ENOMEM);
	assert_true(mapped(d, 0x80000000, NULL));
	assert_false(mapped(g, PAGE_SIZE, NULL));
	assert_int_equal(nr_scrubbed, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_take_moves_the_frame,
						setup, td),
		cmocka_unit_test_setup_teardown(test_take_refuses, setup, td),
		cmocka_unit_test_setup_teardown(test_give_back, setup, td),
		cmocka_unit_test_setup_teardown(test_give_back_merges, setup,
						td),
		cmocka_unit_test_setup_teardown(
			test_out_of_memory_changes_nothing, setup, td),
	};

	return cmocka_run_group_tests_name("p2m", tests, NULL, NULL);
}
