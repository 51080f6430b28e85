// SPDX-License-Identifier: GPL-2.0
/*
 * hv/arch/x86/npt.c: Dom0's identity nested page tables from a memory
 * map, with the hypervisor's memory cut out.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "unit.h"

#include "npt.h"
#include <hv/errno.h>

#include "pt_fixture.h"

#define GIB	(1ULL << 30)
#define MIB	(1ULL << 20)

/* Is @gpa mapped, and then to itself, writable and user (nested)? */
static bool identity(struct pt *pt, u64 gpa)
{
	u64 pa, flags, size;

	if (!pt_lookup(pt, gpa, &pa, &flags, &size))
		return false;
	if (pa != gpa || !(flags & PTE_RW) || !(flags & PTE_US))
		fail_fmt("%#llx maps to %#llx flags %#llx",
			 (unsigned long long)gpa, (unsigned long long)pa,
			 (unsigned long long)flags);
	return true;
}

/* A 6 GiB machine: RAM below and above the 4 GiB hole, a PCI window. */
static const struct xl_mem_range map[] = {
	{ 0, 0x9fc00, XL_MEM_RAM, 0 },
	{ 0x100000, 0xc0000000, XL_MEM_RAM, 0 },
	{ 0xfee00000, 0xfee01000, XL_MEM_OTHER, 0 },
	{ 4 * GIB, 6 * GIB, XL_MEM_RAM, 0 },
	{ 8 * GIB + 0x1000, 8 * GIB + 0x3000, XL_MEM_OTHER, 0 },
	{ 64 * GIB, 65 * GIB, XL_MEM_OTHER, 0 },
};

static struct pt *build(void **state, u64 top, const u64 *hole, u32 n)
{
	struct fixture *f = fixture_new(MAX_TABLES);

	*state = f;
	assert_int_equal(pt_init(&f->pt, 4, &f->ops), 0);
	assert_int_equal(npt_build_identity(&f->pt, map, 6, top, hole, n,
					    XL_CHUNK_SIZE), 0);
	return &f->pt;
}

static void test_low_4g_all_mapped(void **state)
{
	struct pt *pt = build(state, 65 * GIB, NULL, 0);

	/* Holes in the map below 4 GiB are still Dom0's (MMIO). */
	assert_true(identity(pt, 0));
	assert_true(identity(pt, 0xa0000));
	assert_true(identity(pt, 0xd0000000));
	assert_true(identity(pt, 0xfee00000));
	assert_true(identity(pt, 4 * GIB - PAGE_SIZE));
}

static void test_high_ranges_only(void **state)
{
	struct pt *pt = build(state, 65 * GIB, NULL, 0);

	assert_true(identity(pt, 4 * GIB));
	assert_true(identity(pt, 6 * GIB - PAGE_SIZE));
	assert_false(identity(pt, 6 * GIB));
	assert_false(identity(pt, 8 * GIB));
	assert_true(identity(pt, 8 * GIB + 0x1000));
	assert_true(identity(pt, 8 * GIB + 0x2000));
	assert_false(identity(pt, 8 * GIB + 0x3000));
	assert_true(identity(pt, 64 * GIB + 5 * MIB));
	assert_false(identity(pt, 65 * GIB));
}

static void test_clipped_at_top(void **state)
{
	struct pt *pt = build(state, 64 * GIB + 2 * MIB, NULL, 0);

	assert_true(identity(pt, 64 * GIB));
	assert_true(identity(pt, 64 * GIB + 2 * MIB - PAGE_SIZE));
	assert_false(identity(pt, 64 * GIB + 2 * MIB));
}

static void test_holes_cut_out(void **state)
{
	static const u64 hv[] = { 0x5200000, 0x5400000, 5 * GIB };
	struct pt *pt = build(state, 65 * GIB, hv, 3);

	for (u32 i = 0; i < 3; i++) {
		assert_false(identity(pt, hv[i]));
		assert_false(identity(pt, hv[i] + XL_CHUNK_SIZE - PAGE_SIZE));
	}
	/* The neighbours stay Dom0's. */
	assert_true(identity(pt, 0x5200000 - PAGE_SIZE));
	assert_true(identity(pt, 0x5600000));
	assert_true(identity(pt, 5 * GIB - PAGE_SIZE));
	assert_true(identity(pt, 5 * GIB + XL_CHUNK_SIZE));
}

static void test_out_of_memory(void **state)
{
	struct fixture *f = fixture_new(3);

	*state = f;
	assert_int_equal(pt_init(&f->pt, 4, &f->ops), 0);
	assert_int_equal(npt_build_identity(&f->pt, map, 6, 65 * GIB, NULL, 0,
					    XL_CHUNK_SIZE), -ENOMEM);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_low_4g_all_mapped, teardown),
		cmocka_unit_test_teardown(test_high_ranges_only, teardown),
		cmocka_unit_test_teardown(test_clipped_at_top, teardown),
		cmocka_unit_test_teardown(test_holes_cut_out, teardown),
		cmocka_unit_test_teardown(test_out_of_memory, teardown),
	};

	return cmocka_run_group_tests_name("npt", tests, NULL, NULL);
}
