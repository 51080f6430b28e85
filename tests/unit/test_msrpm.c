// SPDX-License-Identifier: GPL-2.0
/*
 * hv/arch/x86/msrpm.c: the SVM MSR permission map (AMD APM vol. 2,
 * "MSR Intercepts"): three 2 KiB ranges, two bits per MSR, read then
 * write.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include "dom0.h"
#include <hv/errno.h>

#define MSRPM_SIZE	8192

static void expect_offset(u32 msr, u32 byte, u32 bit)
{
	u32 got_byte = 0xdead, got_bit = 0xbeef;

	if (msrpm_offset(msr, &got_byte, &got_bit) != 0)
		fail_fmt("msr %#x: not in the map", msr);
	if (got_byte != byte || got_bit != bit)
		fail_fmt("msr %#x: byte %#x bit %u, expected byte %#x bit %u",
			 msr, got_byte, got_bit, byte, bit);
}

static void test_offset_ranges(void **state)
{
	expect_offset(0x00000000, 0x000, 0);
	expect_offset(0x00000001, 0x000, 2);
	expect_offset(0x00000002, 0x000, 4);
	expect_offset(0x00000003, 0x000, 6);
	expect_offset(0x00000004, 0x001, 0);
	expect_offset(0x00000174, 0x05d, 0);	/* SYSENTER_CS */
	expect_offset(0x00001fff, 0x7ff, 6);
	expect_offset(0xc0000000, 0x800, 0);
	expect_offset(0xc0000080, 0x820, 0);	/* EFER */
	expect_offset(0xc0000082, 0x820, 4);	/* LSTAR */
	expect_offset(0xc0001fff, 0xfff, 6);
	expect_offset(0xc0010000, 0x1000, 0);
	expect_offset(0xc0010114, 0x1045, 0);	/* VM_CR */
	expect_offset(0xc0010117, 0x1045, 6);	/* VM_HSAVE_PA */
	expect_offset(0xc0011fff, 0x17ff, 6);
	(void)state;
}

static void test_offset_outside(void **state)
{
	static const u32 outside[] = {
		0x2000, 0x2001, 0x10000, 0x40000000, 0x40000100, 0xbfffffff,
		0xc0002000, 0xc000ffff, 0xc0012000, 0xc0020000, 0xc0000000 - 1,
		0xffffffff, 0x80000000,
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(outside); i++) {
		u32 byte = 0, bit = 0;

		if (msrpm_offset(outside[i], &byte, &bit) != -ERANGE)
			fail_fmt("msr %#x: in the map at byte %#x bit %u",
				 outside[i], byte, bit);
	}
	(void)state;
}

/* Every MSR of the three ranges has its own pair of bits in 6 KiB. */
static void test_offset_bijective(void **state)
{
	static const u32 first[] = { 0, 0xc0000000, 0xc0010000 };
	u8 *seen = calloc(MSRPM_SIZE * 8, 1);

	assert_non_null(seen);
	for (unsigned int r = 0; r < 3; r++) {
		for (u32 msr = first[r]; msr < first[r] + 0x2000; msr++) {
			u32 byte, bit;

			assert_int_equal(msrpm_offset(msr, &byte, &bit), 0);
			assert_true(byte >= r * 0x800 &&
				    byte < (r + 1) * 0x800);
			assert_true(bit < 8 && bit % 2 == 0);
			assert_false(seen[byte * 8 + bit]);
			seen[byte * 8 + bit] = 1;
		}
	}
	free(seen);
	(void)state;
}

/*
 * @pm is all @fill but for the read bit at bit index @read_bit (byte * 8 +
 * bit) and the write bit after it, which are @read and @write.
 */
static void expect_map(const u8 *pm, u8 fill, u32 read_bit, bool read,
		       bool write)
{
	for (u32 i = 0; i < MSRPM_SIZE; i++) {
		u8 want = fill;

		for (u32 b = 0; b < 8; b++) {
			u32 n = i * 8 + b;

			if (n == read_bit)
				want = (u8)((want & ~(1u << b)) |
					    (read ? 1u << b : 0));
			else if (n == read_bit + 1)
				want = (u8)((want & ~(1u << b)) |
					    (write ? 1u << b : 0));
		}
		if (pm[i] != want)
			fail_fmt("byte %#x is %#x, expected %#x", i, pm[i],
				 want);
	}
}

static const u32 some_msrs[] = {
	0x0, 0x3, 0x10, 0x1b, 0x174, 0x1ffc, 0x1fff, 0xc0000000,
	0xc0000080, 0xc0000103, 0xc0001fff, 0xc0010000, 0xc0010114,
	0xc0010117, 0xc0011ffe, 0xc0011fff,
};

static void test_set(void **state)
{
	u8 *pm = malloc(MSRPM_SIZE);

	assert_non_null(pm);
	for (unsigned int fill = 0; fill <= 0xff; fill += 0xff) {
		for (unsigned int i = 0; i < ARRAY_SIZE(some_msrs); i++) {
			u32 msr = some_msrs[i], byte, bit, rb;

			assert_int_equal(msrpm_offset(msr, &byte, &bit), 0);
			rb = byte * 8 + bit;
			memset(pm, (int)fill, MSRPM_SIZE);
			msrpm_set(pm, msr, true, false);
			expect_map(pm, (u8)fill, rb, true, false);
			msrpm_set(pm, msr, false, true);
			expect_map(pm, (u8)fill, rb, false, true);
			msrpm_set(pm, msr, true, true);
			expect_map(pm, (u8)fill, rb, true, true);
			msrpm_set(pm, msr, true, true);
			expect_map(pm, (u8)fill, rb, true, true);
			msrpm_set(pm, msr, false, false);
			expect_map(pm, (u8)fill, rb, false, false);
		}
	}
	free(pm);
	(void)state;
}

/* Neighbours in the same byte keep their bits. */
static void test_set_neighbours(void **state)
{
	u8 *pm = calloc(MSRPM_SIZE, 1);

	assert_non_null(pm);
	msrpm_set(pm, 0xc0010114, true, true);	/* VM_CR: bits 0, 1 */
	msrpm_set(pm, 0xc0010115, false, true);	/* bit 3 */
	msrpm_set(pm, 0xc0010116, true, false);	/* bit 4 */
	msrpm_set(pm, 0xc0010117, true, true);	/* bits 6, 7 */
	assert_int_equal(pm[0x1045], 0xdb);
	msrpm_set(pm, 0xc0010115, false, false);
	assert_int_equal(pm[0x1045], 0xd3);
	msrpm_set(pm, 0xc0010117, false, true);
	assert_int_equal(pm[0x1045], 0x93);
	pm[0x1045] = 0;
	for (u32 i = 0; i < MSRPM_SIZE; i++)
		assert_int_equal(pm[i], 0);
	free(pm);
	(void)state;
}

/* MSRs outside the ranges (always intercepted) leave the map alone. */
static void test_set_outside(void **state)
{
	u8 *pm = malloc(MSRPM_SIZE);

	assert_non_null(pm);
	memset(pm, 0x5a, MSRPM_SIZE);
	msrpm_set(pm, 0x2000, true, true);
	msrpm_set(pm, 0xc0002000, false, false);
	msrpm_set(pm, 0xc0012000, true, true);
	msrpm_set(pm, 0x40000000, false, false);
	msrpm_set(pm, 0xffffffff, true, true);
	for (u32 i = 0; i < MSRPM_SIZE; i++)
		assert_int_equal(pm[i], 0x5a);
	free(pm);
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_offset_ranges),
		cmocka_unit_test(test_offset_outside),
		cmocka_unit_test(test_offset_bijective),
		cmocka_unit_test(test_set),
		cmocka_unit_test(test_set_neighbours),
		cmocka_unit_test(test_set_outside),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
