// SPDX-License-Identifier: GPL-2.0
/*
 * hv/arch/x86/seg.c: VMCB segments from a GDT laid out like Linux's on
 * x86-64 (arch/x86/include/asm/segment.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include "seg.h"

#define TSS_BASE	0x123456789abcdef0ULL

/* Low and high quadwords of a 16-byte system descriptor. */
static u64 sys_desc_lo(u64 base, u32 limit, u8 type)
{
	return (limit & 0xffffULL) | (base & 0xffffffULL) << 16 |
	       (u64)(0x80 | type) << 40 | ((u64)limit >> 16 & 0xf) << 48 |
	       (base >> 24 & 0xff) << 56;
}

static u64 gdt[16] = {
	0,				/* 0x00 null */
	0x00cf9b000000ffffULL,		/* 0x08 KERNEL32_CS */
	0x00af9b000000ffffULL,		/* 0x10 KERNEL_CS */
	0x00cf93000000ffffULL,		/* 0x18 KERNEL_DS */
	0x00cffb000000ffffULL,		/* 0x20 USER32_CS */
	0x00cff3000000ffffULL,		/* 0x28 USER_DS */
	0x00affb000000ffffULL,		/* 0x30 USER_CS */
	0,				/* 0x38 */
	0, 0,				/* 0x40 TSS, filled in below */
	0, 0,				/* 0x50 LDT, filled in below */
	0x0040f50000000000ULL,		/* 0x60 CPUNODE-like, limit 0 */
	0x12c593654321abcdULL,		/* 0x68 data: base 0x12654321 */
	0x000193fedcba2345ULL,		/* 0x70 data: byte granular */
	0x00cf93000000ffffULL,		/* 0x78 last entry */
};

#define GDT_LIMIT	(sizeof(gdt) - 1)

static int setup(void **state)
{
	gdt[8] = sys_desc_lo(TSS_BASE, 0x206f, 0xb);	/* busy TSS */
	gdt[9] = TSS_BASE >> 32;
	/* an LDT descriptor */
	gdt[10] = sys_desc_lo(0xfffffe0000001000ULL, 0xfff, 0x2);
	gdt[11] = 0xfffffe00;
	(void)state;
	return 0;
}

static void load(struct vmcb_seg *s, u16 sel, u16 limit)
{
	memset(s, 0xa5, sizeof(*s));	/* every field must be written */
	seg_from_gdt(s, sel, (u64)(uintptr_t)gdt, limit);
}

static void expect_seg(u16 sel, u16 attrib, u32 limit, u64 base)
{
	struct vmcb_seg s;

	load(&s, sel, GDT_LIMIT);
	assert_int_equal(s.selector, sel);
	assert_int_equal(s.attrib, attrib);
	assert_int_equal(s.limit, limit);
	assert_int_equal(s.base, base);
}

static void expect_unusable(u16 sel, u16 gdt_limit)
{
	struct vmcb_seg s;

	load(&s, sel, gdt_limit);
	assert_int_equal(s.attrib, 0);
	assert_int_equal(s.limit, 0);
	assert_int_equal(s.base, 0);
}

static void test_linux_code_data(void **state)
{
	expect_seg(0x10, 0xa9b, 0xffffffff, 0);		/* __KERNEL_CS */
	expect_seg(0x18, 0xc93, 0xffffffff, 0);		/* __KERNEL_DS */
	expect_seg(0x08, 0xc9b, 0xffffffff, 0);		/* __KERNEL32_CS */
	expect_seg(0x23, 0xcfb, 0xffffffff, 0);		/* __USER32_CS */
	expect_seg(0x2b, 0xcf3, 0xffffffff, 0);		/* __USER_DS */
	expect_seg(0x33, 0xafb, 0xffffffff, 0);		/* __USER_CS */
	(void)state;
}

/* Base bits 31:24 and 23:0, byte granularity, G with limit 0. */
static void test_base_and_limit(void **state)
{
	expect_seg(0x68, 0xc93, 0x5abcdfff, 0x12654321);
	expect_seg(0x70, 0x093, 0x12345, 0xfedcba);
	expect_seg(0x63, 0x4f5, 0, 0);
	expect_seg(0x78, 0xc93, 0xffffffff, 0);
	(void)state;
}

static void test_tss_64bit_base(void **state)
{
	struct vmcb_seg s;

	expect_seg(0x40, 0x08b, 0x206f, TSS_BASE);
	expect_seg(0x50, 0x082, 0xfff, 0xfffffe0000001000ULL);

	/* An available TSS: type 9. */
	gdt[8] = sys_desc_lo(TSS_BASE, 0x67, 0x9);
	expect_seg(0x40, 0x089, 0x67, TSS_BASE);

	/* A 16-byte descriptor ending exactly at the limit. */
	load(&s, 0x40, 0x4f);
	assert_int_equal(s.attrib, 0x089);
	assert_int_equal(s.base, TSS_BASE);
	(void)state;
}

/* A code or data descriptor does not take the next one as base 63:32. */
static void test_no_high_base_for_code_data(void **state)
{
	/* 0x18 is followed by the non-zero 0x20 */
	expect_seg(0x18, 0xc93, 0xffffffff, 0);
	/* 0x68 is followed by 0x70 */
	expect_seg(0x68, 0xc93, 0x5abcdfff, 0x12654321);
	(void)state;
}

static void test_null_selector(void **state)
{
	struct vmcb_seg s;

	for (u16 sel = 0; sel < 4; sel++) {
		load(&s, sel, GDT_LIMIT);
		assert_int_equal(s.selector, sel);
		assert_int_equal(s.attrib, 0);
		assert_int_equal(s.limit, 0);
		assert_int_equal(s.base, 0);
	}
	(void)state;
}

static void test_beyond_limit(void **state)
{
	struct vmcb_seg s;

	expect_unusable(0x80, GDT_LIMIT);
	expect_unusable(0xfff8, GDT_LIMIT);
	expect_unusable(0xffff, GDT_LIMIT);
	/* The last entry: usable iff all 8 bytes are within the limit. */
	load(&s, 0x78, 0x7f);
	assert_int_equal(s.attrib, 0xc93);
	expect_unusable(0x78, 0x7e);
	expect_unusable(0x78, 0x78);
	expect_unusable(0x10, 0x0f);
	load(&s, 0x10, 0x17);
	assert_int_equal(s.attrib, 0xa9b);
	/* An empty GDT (limit 0) */
	expect_unusable(0x08, 0);
	(void)state;
}

/* TI=1: the selector is in the LDT, not ours to resolve. */
static void test_ldt_selector(void **state)
{
	expect_unusable(0x14, GDT_LIMIT);	/* index 2, TI */
	expect_unusable(0x1f, GDT_LIMIT);	/* index 3, TI, RPL 3 */
	expect_unusable(0x44, GDT_LIMIT);
	expect_unusable(0x04, GDT_LIMIT);
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_linux_code_data, setup),
		cmocka_unit_test_setup(test_base_and_limit, setup),
		cmocka_unit_test_setup(test_tss_64bit_base, setup),
		cmocka_unit_test_setup(test_no_high_base_for_code_data, setup),
		cmocka_unit_test_setup(test_null_selector, setup),
		cmocka_unit_test_setup(test_beyond_limit, setup),
		cmocka_unit_test_setup(test_ldt_selector, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
