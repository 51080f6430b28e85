// SPDX-License-Identifier: GPL-2.0
/*
 * hv/arch/x86/pgtable.c: real tables built in host memory.  A table
 * page's "physical address" is its host address, and phys_to_virt only
 * accepts addresses of pages this allocator handed out.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include "pgtable.h"
#include <hv/errno.h>

#include "pt_fixture.h"

/* A fixture with an initialised table of @levels levels in *state. */
static struct pt *new_pt(void **state, u32 levels)
{
	struct fixture *f = fixture_new(MAX_TABLES);

	*state = f;
	assert_int_equal(pt_init(&f->pt, levels, &f->ops), 0);
	return &f->pt;
}

static unsigned int nr_tables(void **state)
{
	return ((struct fixture *)*state)->a.nr;
}

#define RW	(PTE_P | PTE_RW)
#define GB	(1ULL << 30)

static void expect_map(const struct pt *pt, u64 va, u64 pa, u64 size,
		       u64 flags)
{
	u64 got_pa = 0, got_flags = 0, got_size = 0;

	if (!pt_lookup(pt, va, &got_pa, &got_flags, &got_size))
		fail_fmt("va %#llx: not mapped", (unsigned long long)va);
	if (got_pa != pa || got_size != size || got_flags != flags)
		fail_fmt("va %#llx: pa %#llx size %#llx flags %#llx, expected "
			 "pa %#llx size %#llx flags %#llx",
			 (unsigned long long)va, (unsigned long long)got_pa,
			 (unsigned long long)got_size,
			 (unsigned long long)got_flags, (unsigned long long)pa,
			 (unsigned long long)size, (unsigned long long)flags);
}

static void expect_unmapped(const struct pt *pt, u64 va)
{
	u64 pa, flags, size;

	if (pt_lookup(pt, va, &pa, &flags, &size))
		fail_fmt("va %#llx: mapped to %#llx", (unsigned long long)va,
			 (unsigned long long)pa);
}

static void test_init_levels(void **state)
{
	struct fixture *f = fixture_new(MAX_TABLES);
	static const u32 bad[] = { 0, 1, 3, 6, 0xffffffff };

	*state = f;
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++)
		assert_int_equal(pt_init(&f->pt, bad[i], &f->ops), -EINVAL);
	assert_int_equal(f->a.nr, 0);

	assert_int_equal(pt_init(&f->pt, 4, &f->ops), 0);
	assert_int_equal(f->pt.levels, 4);
	assert_int_equal(f->a.nr, 1);
	assert_ptr_equal(f->pt.root, f->a.page[0]);
	assert_int_equal(f->pt.root_pa, (u64)(uintptr_t)f->a.page[0]);
	expect_unmapped(&f->pt, 0);

	assert_int_equal(pt_init(&f->pt, 5, &f->ops), 0);
	assert_int_equal(f->pt.levels, 5);
	assert_int_equal(f->a.nr, 2);
	assert_ptr_equal(f->pt.root, f->a.page[1]);
	expect_unmapped(&f->pt, 0xff11000000000000ULL);
}

static void test_init_enomem(void **state)
{
	struct fixture *f = fixture_new(0);

	*state = f;
	assert_int_equal(pt_init(&f->pt, 4, &f->ops), -ENOMEM);
	assert_int_equal(pt_init(&f->pt, 5, &f->ops), -ENOMEM);
}

static void test_map_4k(void **state)
{
	struct pt *pt = new_pt(state, 4);
	u64 va = 0x7f0000001000ULL, pa = 0x12345000;
	u64 flags = RW | PTE_US | PTE_NX;

	assert_int_equal(pt_map(pt, va, pa, 3 * SIZE_4K, flags, false), 0);
	for (u64 off = 0; off < 3 * SIZE_4K; off += 0x800)
		expect_map(pt, va + off, pa + off, SIZE_4K, flags);
	expect_map(pt, va + 0xfff, pa + 0xfff, SIZE_4K, flags);
	expect_unmapped(pt, va - 1);
	expect_unmapped(pt, va - SIZE_4K);
	expect_unmapped(pt, va + 3 * SIZE_4K);
	/* PML4 + PDPT + PD + PT */
	assert_int_equal(nr_tables(state), 4);
}

/* A 2 MiB aligned range is still mapped with 4 KiB leaves if !large. */
static void test_map_4k_not_large(void **state)
{
	struct pt *pt = new_pt(state, 4);

	assert_int_equal(pt_map(pt, 0x40000000, 0x80000000, SIZE_2M, RW,
				false), 0);
	for (u64 off = 0; off < SIZE_2M; off += SIZE_4K)
		expect_map(pt, 0x40000000 + off, 0x80000000 + off, SIZE_4K,
			   RW);
	expect_unmapped(pt, 0x40000000 + SIZE_2M);
}

/* PTE_PS and address bits in @flags are not the caller's to set. */
static void test_map_flags_sanitised(void **state)
{
	struct pt *pt = new_pt(state, 4);

	assert_int_equal(pt_map(pt, 0x200000, 0x400000, SIZE_4K,
				RW | PTE_PS | 0xabc000, true), 0);
	expect_map(pt, 0x200000, 0x400000, SIZE_4K, RW);
	assert_int_equal(pt_map(pt, 0x600000, 0x800000, SIZE_2M,
				RW | PTE_PS | 0xabc000, true), 0);
	expect_map(pt, 0x600000, 0x800000, SIZE_2M, RW | PTE_PS);
}

static void test_map_2m(void **state)
{
	struct pt *pt = new_pt(state, 4);
	u64 va = 0x40000000, pa = 0x180000000ULL;
	u64 flags = RW | PTE_G | PTE_NX;

	assert_int_equal(pt_map(pt, va, pa, 2 * SIZE_2M, flags, true), 0);
	for (u64 off = 0; off < 2 * SIZE_2M; off += 0x1000 + 0x234)
		expect_map(pt, va + off, pa + off, SIZE_2M, flags | PTE_PS);
	expect_map(pt, va + 2 * SIZE_2M - 1, pa + 2 * SIZE_2M - 1, SIZE_2M,
		   flags | PTE_PS);
	expect_unmapped(pt, va - 1);
	expect_unmapped(pt, va + 2 * SIZE_2M);
	/* PML4 + PDPT + PD, no PT */
	assert_int_equal(nr_tables(state), 3);
}

/*
 * [2 MiB - 12 KiB, 6 MiB + 20 KiB): 4 KiB leaves up to the first 2 MiB
 * boundary, 2 MiB leaves in the middle, 4 KiB leaves at the tail.
 */
static void test_map_unaligned_mixed(void **state)
{
	struct pt *pt = new_pt(state, 4);
	u64 va = 0x40000000 + SIZE_2M - 3 * SIZE_4K;
	u64 pa = 0x90000000 + SIZE_2M - 3 * SIZE_4K;
	u64 size = 3 * SIZE_4K + 2 * SIZE_2M + 5 * SIZE_4K;

	assert_int_equal(pt_map(pt, va, pa, size, RW, true), 0);
	for (u64 off = 0; off < size; off += SIZE_4K) {
		bool small = off < 3 * SIZE_4K ||
			     off >= 3 * SIZE_4K + 2 * SIZE_2M;

		expect_map(pt, va + off, pa + off, small ? SIZE_4K : SIZE_2M,
			   small ? RW : RW | PTE_PS);
	}
	expect_unmapped(pt, va - SIZE_4K);
	expect_unmapped(pt, va + size);
	/* PML4 + PDPT + PD + a PT at each end */
	assert_int_equal(nr_tables(state), 5);
}

/* va and pa differ modulo 2 MiB: no 2 MiB leaf can be used. */
static void test_map_large_misaligned_pa(void **state)
{
	struct pt *pt = new_pt(state, 4);
	u64 va = 0x40000000, pa = 0x90000000 + SIZE_4K;

	assert_int_equal(pt_map(pt, va, pa, 2 * SIZE_2M, RW, true), 0);
	for (u64 off = 0; off < 2 * SIZE_2M; off += SIZE_4K)
		expect_map(pt, va + off, pa + off, SIZE_4K, RW);
	expect_unmapped(pt, va + 2 * SIZE_2M);
}

/* A 2 MiB aligned range shorter than 2 MiB needs 4 KiB leaves. */
static void test_map_large_short(void **state)
{
	struct pt *pt = new_pt(state, 4);

	assert_int_equal(pt_map(pt, 0, 0, SIZE_2M - SIZE_4K, RW, true), 0);
	for (u64 off = 0; off < SIZE_2M - SIZE_4K; off += SIZE_4K)
		expect_map(pt, off, off, SIZE_4K, RW);
	expect_unmapped(pt, SIZE_2M - SIZE_4K);
}

static void test_map_count_4g(void **state)
{
	struct pt *pt = new_pt(state, 4);

	assert_int_equal(pt_map(pt, 0, 0, 4 * GB, RW | PTE_US, true), 0);
	/* 1 PML4 + 1 PDPT + 4 PD */
	assert_int_equal(nr_tables(state), 6);
	for (u64 va = 0; va < 4 * GB; va += SIZE_2M)
		expect_map(pt, va + 0x1234, va + 0x1234, SIZE_2M,
			   RW | PTE_US | PTE_PS);
	expect_unmapped(pt, 4 * GB);
	/* The intermediate entries are P, RW and US. */
	assert_int_equal(pt->root[0] & PTE_FLAGS, PTE_P | PTE_RW | PTE_US);
	for (int i = 1; i < 512; i++)
		assert_int_equal(pt->root[i], 0);
}

static void test_map_count_4g_5level(void **state)
{
	struct pt *pt = new_pt(state, 5);

	assert_int_equal(pt_map(pt, 0, 0, 4 * GB, RW, true), 0);
	/* 1 PML5 + 1 PML4 + 1 PDPT + 4 PD */
	assert_int_equal(nr_tables(state), 7);
	expect_map(pt, 3 * GB + 5, 3 * GB + 5, SIZE_2M, RW | PTE_PS);
	expect_unmapped(pt, 4 * GB);
}

/* Two 4 KiB pages either side of a 1 GiB boundary: two PDs, two PTs. */
static void test_map_count_across_1g(void **state)
{
	struct pt *pt = new_pt(state, 4);

	assert_int_equal(pt_map(pt, GB - SIZE_4K, 0x5000, 2 * SIZE_4K, RW,
				true), 0);
	assert_int_equal(nr_tables(state), 6);
	expect_map(pt, GB - SIZE_4K, 0x5000, SIZE_4K, RW);
	expect_map(pt, GB, 0x6000, SIZE_4K, RW);
	expect_unmapped(pt, GB - 2 * SIZE_4K);
	expect_unmapped(pt, GB + SIZE_4K);
}

static void test_unmap_4k_splits_2m(void **state)
{
	struct pt *pt = new_pt(state, 4);
	u64 va = 0x40000000 + 4 * SIZE_2M, pa = 0x7000000;
	u64 flags = RW | PTE_US | PTE_PCD | PTE_G | PTE_NX;
	u64 hole = va + 5 * SIZE_4K;
	unsigned int before;

	assert_int_equal(pt_map(pt, va - SIZE_2M, pa - SIZE_2M, 3 * SIZE_2M,
				flags, true), 0);
	before = nr_tables(state);
	assert_int_equal(pt_unmap(pt, hole, SIZE_4K), 0);
	/* One new page table for the split leaf. */
	assert_int_equal(nr_tables(state), before + 1);
	for (u64 off = 0; off < SIZE_2M; off += SIZE_4K) {
		if (va + off == hole)
			expect_unmapped(pt, hole);
		else
			expect_map(pt, va + off + 0x10, pa + off + 0x10,
				   SIZE_4K, flags);
	}
	expect_unmapped(pt, hole + SIZE_4K - 1);
	/* The neighbouring 2 MiB leaves are untouched. */
	expect_map(pt, va - 1, pa - 1, SIZE_2M, flags | PTE_PS);
	expect_map(pt, va + SIZE_2M, pa + SIZE_2M, SIZE_2M, flags | PTE_PS);
}

/* The last and the first 4 KiB of a 2 MiB leaf, and a run across it. */
static void test_unmap_split_edges(void **state)
{
	struct pt *pt = new_pt(state, 4);
	u64 va = 0x200000000ULL;

	assert_int_equal(pt_map(pt, va, va, 2 * SIZE_2M, RW, true), 0);
	assert_int_equal(pt_unmap(pt, va + SIZE_2M - SIZE_4K, 2 * SIZE_4K), 0);
	expect_map(pt, va, va, SIZE_4K, RW);
	expect_map(pt, va + SIZE_2M - 2 * SIZE_4K, va + SIZE_2M - 2 * SIZE_4K,
		   SIZE_4K, RW);
	expect_unmapped(pt, va + SIZE_2M - SIZE_4K);
	expect_unmapped(pt, va + SIZE_2M);
	expect_map(pt, va + SIZE_2M + SIZE_4K, va + SIZE_2M + SIZE_4K,
		   SIZE_4K, RW);
	expect_map(pt, va + 2 * SIZE_2M - 1, va + 2 * SIZE_2M - 1, SIZE_4K,
		   RW);
}

static void test_unmap_whole_2m(void **state)
{
	struct pt *pt = new_pt(state, 4);
	u64 va = 0x40000000;
	unsigned int before;

	assert_int_equal(pt_map(pt, va, va, 3 * SIZE_2M, RW, true), 0);
	before = nr_tables(state);
	assert_int_equal(pt_unmap(pt, va + SIZE_2M, SIZE_2M), 0);
	/* No split: nothing allocated. */
	assert_int_equal(nr_tables(state), before);
	for (u64 off = 0; off < SIZE_2M; off += SIZE_4K)
		expect_unmapped(pt, va + SIZE_2M + off);
	expect_map(pt, va + SIZE_2M - 1, va + SIZE_2M - 1, SIZE_2M,
		   RW | PTE_PS);
	expect_map(pt, va + 2 * SIZE_2M, va + 2 * SIZE_2M, SIZE_2M,
		   RW | PTE_PS);
}

/* Unmapping 2 MiB of 4 KiB leaves clears all 512. */
static void test_unmap_4k_leaves(void **state)
{
	struct pt *pt = new_pt(state, 4);

	assert_int_equal(pt_map(pt, 0, 0x100000000ULL, 2 * SIZE_2M, RW,
				false), 0);
	assert_int_equal(pt_unmap(pt, SIZE_4K, SIZE_2M), 0);
	expect_map(pt, 0, 0x100000000ULL, SIZE_4K, RW);
	for (u64 off = SIZE_4K; off <= SIZE_2M; off += SIZE_4K)
		expect_unmapped(pt, off);
	expect_map(pt, SIZE_2M + SIZE_4K, 0x100000000ULL + SIZE_2M + SIZE_4K,
		   SIZE_4K, RW);
}

static void test_unmap_never_mapped(void **state)
{
	struct pt *pt = new_pt(state, 4);

	/* Empty table: nothing to do, nothing allocated. */
	assert_int_equal(pt_unmap(pt, 0, SIZE_4K), 0);
	assert_int_equal(pt_unmap(pt, 0x1234000, 1ULL << 40), 0);
	assert_int_equal(pt_unmap(pt, 0xffff800000000000ULL, 1ULL << 46), 0);
	assert_int_equal(nr_tables(state), 1);

	/* Tables exist but the PT entries are empty. */
	assert_int_equal(pt_map(pt, 0x5000, 0x5000, SIZE_4K, RW, false), 0);
	assert_int_equal(pt_unmap(pt, 0x6000, 100 * SIZE_4K), 0);
	assert_int_equal(pt_unmap(pt, 0x1000, 4 * SIZE_4K), 0);
	expect_map(pt, 0x5000, 0x5000, SIZE_4K, RW);
	assert_int_equal(nr_tables(state), 4);
}

/* The skips over empty spans must land exactly at the mapped pages. */
static void test_unmap_across_holes(void **state)
{
	struct pt *pt = new_pt(state, 4);
	u64 a = 3 * GB + 7 * SIZE_2M + 9 * SIZE_4K;	/* 4 KiB leaf */
	u64 b = 600 * GB;				/* 2 MiB leaf */
	u64 c = 513 * GB + 3 * SIZE_2M;			/* 2 MiB leaf */

	assert_int_equal(pt_map(pt, a, 0x1000, 2 * SIZE_4K, RW, true), 0);
	assert_int_equal(pt_map(pt, b, 0, SIZE_2M, RW, true), 0);
	assert_int_equal(pt_map(pt, c, 0, SIZE_2M, RW, true), 0);

	/* Ranges ending right before a mapping leave it alone. */
	assert_int_equal(pt_unmap(pt, 0, a), 0);
	assert_int_equal(pt_unmap(pt, a + 2 * SIZE_4K, c - a - 2 * SIZE_4K),
			 0);
	expect_map(pt, a, 0x1000, SIZE_4K, RW);
	expect_map(pt, a + SIZE_4K, 0x2000, SIZE_4K, RW);
	expect_map(pt, c, 0, SIZE_2M, RW | PTE_PS);

	/* A range that starts in a hole and ends in the first 4 KiB page. */
	assert_int_equal(pt_unmap(pt, GB, a + SIZE_4K - GB), 0);
	expect_unmapped(pt, a);
	expect_map(pt, a + SIZE_4K, 0x2000, SIZE_4K, RW);

	/* One range over holes at every level removes the rest. */
	assert_int_equal(pt_unmap(pt, SIZE_4K, 1ULL << 46), 0);
	expect_unmapped(pt, a + SIZE_4K);
	expect_unmapped(pt, b);
	expect_unmapped(pt, c);
}

/* A range starting inside an empty span skips only the rest of it. */
static void test_unmap_unaligned_in_hole(void **state)
{
	struct pt *pt = new_pt(state, 4);
	u64 pd_va = 0x40600000;		/* PD entries 0-2 of it empty */
	u64 pml4_va = 512 * GB;		/* PML4 entry 0 empty */

	assert_int_equal(pt_map(pt, pd_va, 0, 3 * SIZE_4K, RW, false), 0);
	assert_int_equal(pt_unmap(pt, 0x40201000, pd_va + 2 * SIZE_4K -
				  0x40201000), 0);
	expect_unmapped(pt, pd_va);
	expect_unmapped(pt, pd_va + SIZE_4K);
	expect_map(pt, pd_va + 2 * SIZE_4K, 2 * SIZE_4K, SIZE_4K, RW);
	teardown(state);

	pt = new_pt(state, 4);
	assert_int_equal(pt_map(pt, pml4_va, 0, 2 * SIZE_4K, RW, false), 0);
	assert_int_equal(pt_unmap(pt, 0x3000, pml4_va + SIZE_4K - 0x3000), 0);
	expect_unmapped(pt, pml4_va);
	expect_map(pt, pml4_va + SIZE_4K, SIZE_4K, SIZE_4K, RW);
}

static void test_remap_over_existing(void **state)
{
	struct pt *pt = new_pt(state, 4);
	u64 va = 0x40000000;
	unsigned int before;

	/* 4 KiB over 4 KiB: new pa and flags, no new tables. */
	assert_int_equal(pt_map(pt, va, 0x1000, SIZE_4K, RW, false), 0);
	before = nr_tables(state);
	assert_int_equal(pt_map(pt, va, 0x9000, SIZE_4K, PTE_P | PTE_NX,
				false), 0);
	assert_int_equal(nr_tables(state), before);
	expect_map(pt, va, 0x9000, SIZE_4K, PTE_P | PTE_NX);

	/* 2 MiB over a table of 4 KiB leaves. */
	assert_int_equal(pt_map(pt, va, 0x200000, SIZE_2M, RW, true), 0);
	expect_map(pt, va, 0x200000, SIZE_2M, RW | PTE_PS);
	expect_map(pt, va + 0x1fffff, 0x3fffff, SIZE_2M, RW | PTE_PS);

	/* 4 KiB inside a 2 MiB leaf: split, the rest keeps its target. */
	assert_int_equal(pt_map(pt, va + 7 * SIZE_4K, 0xabc000, SIZE_4K,
				PTE_P, false), 0);
	expect_map(pt, va + 7 * SIZE_4K, 0xabc000, SIZE_4K, PTE_P);
	expect_map(pt, va + 6 * SIZE_4K, 0x206000, SIZE_4K, RW);
	expect_map(pt, va + 8 * SIZE_4K, 0x208000, SIZE_4K, RW);
	expect_map(pt, va + SIZE_2M - SIZE_4K, 0x3ff000, SIZE_4K, RW);

	/* 2 MiB over 2 MiB. */
	assert_int_equal(pt_map(pt, va + SIZE_2M, 0x400000, SIZE_2M, RW,
				true), 0);
	before = nr_tables(state);
	assert_int_equal(pt_map(pt, va + SIZE_2M, 0xc00000, SIZE_2M,
				PTE_P | PTE_US, true), 0);
	assert_int_equal(nr_tables(state), before);
	expect_map(pt, va + SIZE_2M + 5, 0xc00005, SIZE_2M,
		   PTE_P | PTE_US | PTE_PS);
}

static void test_high_4level(void **state)
{
	struct pt *pt = new_pt(state, 4);
	u64 va = 0xffff888000000000ULL;
	u64 top = 0xffffffffffe00000ULL;	/* the last 2 MiB */

	assert_int_equal(pt_map(pt, va, 0, SIZE_2M + SIZE_4K, RW, true), 0);
	expect_map(pt, va, 0, SIZE_2M, RW | PTE_PS);
	expect_map(pt, va + SIZE_2M, SIZE_2M, SIZE_4K, RW);
	expect_unmapped(pt, va + SIZE_2M + SIZE_4K);
	/* PML4 index 273, nothing else in the root. */
	for (int i = 0; i < 512; i++)
		assert_true(!!(pt->root[i] & PTE_P) == (i == 273));

	assert_int_equal(pt_map(pt, top, 0x80000000, SIZE_2M, RW, true), 0);
	expect_map(pt, 0xffffffffffffffffULL, 0x801fffff, SIZE_2M,
		   RW | PTE_PS);
	assert_true(pt->root[511] & PTE_P);
	assert_int_equal(pt_unmap(pt, top, SIZE_2M), 0);
	expect_unmapped(pt, top);
	expect_map(pt, va, 0, SIZE_2M, RW | PTE_PS);
}

static void test_high_5level(void **state)
{
	struct pt *pt = new_pt(state, 5);
	u64 va = 0xff11000000000000ULL;
	u64 va2 = 0xffff888000000000ULL;

	assert_int_equal(pt_map(pt, va, 0x40000000, SIZE_2M + SIZE_4K,
				RW | PTE_NX, true), 0);
	expect_map(pt, va + 0x1234, 0x40001234, SIZE_2M, RW | PTE_NX | PTE_PS);
	expect_map(pt, va + SIZE_2M, 0x40200000, SIZE_4K, RW | PTE_NX);
	expect_unmapped(pt, va - SIZE_4K);
	/* PML5 index 0x111 */
	for (int i = 0; i < 512; i++)
		assert_true(!!(pt->root[i] & PTE_P) == (i == 0x111));

	/* The 4-level direct map base is PML5 index 511 with 5 levels. */
	assert_int_equal(pt_map(pt, va2, 0x1000, SIZE_4K, RW, false), 0);
	expect_map(pt, va2, 0x1000, SIZE_4K, RW);
	assert_true(pt->root[511] & PTE_P);
	expect_unmapped(pt, va2 + SIZE_4K);

	assert_int_equal(pt_unmap(pt, va, SIZE_2M), 0);
	expect_unmapped(pt, va);
	expect_map(pt, va + SIZE_2M, 0x40200000, SIZE_4K, RW | PTE_NX);
	expect_map(pt, va2, 0x1000, SIZE_4K, RW);
}

/*
 * Map with table page limits 1..@need: -ENOMEM (and no more pages than
 * allowed) until the limit is @need.
 */
static void check_enomem(void **state, u32 levels, u64 va, u64 size,
			 bool large, unsigned int need)
{
	u64 pa = va & 0xffffffffffULL;	/* congruent modulo 2 MiB */

	for (unsigned int limit = 1; limit <= need; limit++) {
		struct fixture *f = fixture_new(limit);
		int rc;

		*state = f;
		assert_int_equal(pt_init(&f->pt, levels, &f->ops), 0);
		rc = pt_map(&f->pt, va, pa, size, RW, large);
		assert_int_equal(rc, limit < need ? -ENOMEM : 0);
		assert_true(f->a.nr <= limit);
		if (!rc)
			expect_map(&f->pt, va + size - 1, pa + size - 1,
				   large ? SIZE_2M : SIZE_4K,
				   large ? RW | PTE_PS : RW);
		teardown(state);
	}
}

static void test_map_enomem(void **state)
{
	check_enomem(state, 4, 0, 4 * GB, true, 6);
	check_enomem(state, 5, 0, 4 * GB, true, 7);
	check_enomem(state, 4, GB - SIZE_4K, 2 * SIZE_4K, false, 6);
	check_enomem(state, 5, 0xff11000000000000ULL, SIZE_4K, false, 5);
}

/* A split that cannot allocate fails and leaves the 2 MiB leaf as it was. */
static void test_split_enomem(void **state)
{
	struct fixture *f = fixture_new(3);
	struct pt *pt = &f->pt;
	u64 va = 0x40000000;

	*state = f;
	assert_int_equal(pt_init(pt, 4, &f->ops), 0);
	assert_int_equal(pt_map(pt, va, va, SIZE_2M, RW, true), 0);
	assert_int_equal(f->a.nr, 3);
	assert_int_equal(pt_unmap(pt, va + SIZE_4K, SIZE_4K), -ENOMEM);
	expect_map(pt, va + SIZE_4K, va + SIZE_4K, SIZE_2M, RW | PTE_PS);
	assert_int_equal(pt_map(pt, va, 0, SIZE_4K, RW, true), -ENOMEM);
	expect_map(pt, va, va, SIZE_2M, RW | PTE_PS);
	/* Unmapping the whole leaf needs no page. */
	assert_int_equal(pt_unmap(pt, va, SIZE_2M), 0);
	expect_unmapped(pt, va);
}

/* pt_destroy gives back every table page, split ones included. */
static void test_destroy_frees_all(void **state)
{
	struct pt *pt = new_pt(state, 4);
	struct fixture *f = *state;

	assert_int_equal(pt_map(pt, 0, 0, 1ULL << 32, PTE_P, true), 0);
	assert_int_equal(pt_map(pt, 0xffff888000000000ULL, 0x1000, 3 * SIZE_4K,
				PTE_P, false), 0);
	assert_int_equal(pt_unmap(pt, 0x200000 + SIZE_4K, SIZE_4K), 0);
	assert_true(f->a.nr > 6);
	pt_destroy(pt);
	assert_int_equal(f->a.freed, f->a.nr);
	assert_null(pt->root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_destroy_frees_all, teardown),
		cmocka_unit_test_teardown(test_init_levels, teardown),
		cmocka_unit_test_teardown(test_init_enomem, teardown),
		cmocka_unit_test_teardown(test_map_4k, teardown),
		cmocka_unit_test_teardown(test_map_4k_not_large, teardown),
		cmocka_unit_test_teardown(test_map_flags_sanitised, teardown),
		cmocka_unit_test_teardown(test_map_2m, teardown),
		cmocka_unit_test_teardown(test_map_unaligned_mixed, teardown),
		cmocka_unit_test_teardown(test_map_large_misaligned_pa,
					  teardown),
		cmocka_unit_test_teardown(test_map_large_short, teardown),
		cmocka_unit_test_teardown(test_map_count_4g, teardown),
		cmocka_unit_test_teardown(test_map_count_4g_5level, teardown),
		cmocka_unit_test_teardown(test_map_count_across_1g, teardown),
		cmocka_unit_test_teardown(test_unmap_4k_splits_2m, teardown),
		cmocka_unit_test_teardown(test_unmap_split_edges, teardown),
		cmocka_unit_test_teardown(test_unmap_whole_2m, teardown),
		cmocka_unit_test_teardown(test_unmap_4k_leaves, teardown),
		cmocka_unit_test_teardown(test_unmap_never_mapped, teardown),
		cmocka_unit_test_teardown(test_unmap_across_holes, teardown),
		cmocka_unit_test_teardown(test_unmap_unaligned_in_hole,
					  teardown),
		cmocka_unit_test_teardown(test_remap_over_existing, teardown),
		cmocka_unit_test_teardown(test_high_4level, teardown),
		cmocka_unit_test_teardown(test_high_5level, teardown),
		cmocka_unit_test_teardown(test_map_enomem, teardown),
		cmocka_unit_test_teardown(test_split_enomem, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
