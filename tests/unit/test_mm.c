// SPDX-License-Identifier: GPL-2.0
/*
 * hv/core/mm.c: the page allocator over a real host buffer standing in for
 * the hypervisor's chunks, with made-up physical addresses.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include <hv/mm.h>

#define CHUNK		XL_CHUNK_SIZE
#define POISON		0xa5

/* Not contiguous and not in order, like chunks Linux hands out. */
static const u64 chunk_pa[] = {
	0x100000000ULL, 0x7fe00000ULL, 0x2c0000000ULL, 0x00200000ULL,
};

struct fixture {
	struct hv_mem m;	/* big: keep it off the stack */
	u8 *alloc;		/* what aligned_alloc returned */
	u8 *base;		/* chunk 0 */
	u32 nr_chunks;
};

/* @nr_chunks chunks at @skew bytes past a 2 MiB boundary, poisoned. */
static struct fixture *setup_mem(void **state, u32 nr_chunks, u64 skew,
				 u64 reserved)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	*state = f;
	f->nr_chunks = nr_chunks;
	f->alloc = aligned_alloc(CHUNK, (nr_chunks + 1) * CHUNK);
	assert_non_null(f->alloc);
	f->base = f->alloc + skew;
	memset(f->base, POISON, nr_chunks * CHUNK);
	mem_init(&f->m, (u64)(uintptr_t)f->base, chunk_pa, nr_chunks,
		 reserved);
	return f;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	if (f)
		free(f->alloc);
	free(f);
	*state = NULL;
	return 0;
}

/* Index of the page at @p in the fixture's memory. */
static u64 page_index(const struct fixture *f, const void *p)
{
	u64 off = (u64)((const u8 *)p - f->base);

	assert_true(p >= (const void *)f->base);
	assert_true(off < f->nr_chunks * CHUNK);
	assert_int_equal(off % PAGE_SIZE, 0);
	return off / PAGE_SIZE;
}

static bool all_bytes(const u8 *p, size_t n, u8 v)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != v)
			return false;
	return true;
}

static void test_init_counts(void **state)
{
	struct fixture *f = setup_mem(state, 3, 0, 5000);

	assert_int_equal(f->m.nr_chunks, 3);
	assert_int_equal(f->m.nr_pages, 3 * CHUNK_PAGES);
	/* 5000 bytes reserve two pages */
	assert_int_equal(f->m.nr_free, 3 * CHUNK_PAGES - 2);
	assert_int_equal(f->m.base_va, (u64)(uintptr_t)f->base);
	for (u32 i = 0; i < 3; i++)
		assert_int_equal(f->m.chunk_pa[i], chunk_pa[i]);
	/* mem_init does not touch the memory itself */
	assert_true(all_bytes(f->base, 3 * CHUNK, POISON));

	mem_init(&f->m, f->m.base_va, chunk_pa, 3, 0);
	assert_int_equal(f->m.nr_free, 3 * CHUNK_PAGES);
	mem_init(&f->m, f->m.base_va, chunk_pa, 3, PAGE_SIZE);
	assert_int_equal(f->m.nr_free, 3 * CHUNK_PAGES - 1);
	mem_init(&f->m, f->m.base_va, chunk_pa, 3, PAGE_SIZE + 1);
	assert_int_equal(f->m.nr_free, 3 * CHUNK_PAGES - 2);
	/* Reserving more than there is leaves nothing. */
	mem_init(&f->m, f->m.base_va, chunk_pa, 3, 4 * CHUNK);
	assert_int_equal(f->m.nr_free, 0);
	assert_null(mem_alloc_pages(&f->m, 1, 1));
}

static void test_init_clamps_chunks(void **state)
{
	struct hv_mem *m = calloc(1, sizeof(*m));
	u64 *pa = calloc(XL_MAX_CHUNKS + 8, sizeof(*pa));

	assert_non_null(m);
	assert_non_null(pa);
	for (u32 i = 0; i < XL_MAX_CHUNKS + 8; i++)
		pa[i] = (u64)i * CHUNK;
	/* Only counted: nothing is allocated from this fake base. */
	mem_init(m, 0x40000000, pa, XL_MAX_CHUNKS + 8, 0);
	assert_int_equal(m->nr_chunks, XL_MAX_CHUNKS);
	assert_int_equal(m->nr_pages, XL_MAX_CHUNKS * CHUNK_PAGES);
	assert_int_equal(m->nr_free, XL_MAX_CHUNKS * CHUNK_PAGES);
	assert_true(mem_owns_phys(m, (u64)(XL_MAX_CHUNKS - 1) * CHUNK, 1));
	assert_false(mem_owns_phys(m, (u64)XL_MAX_CHUNKS * CHUNK, 1));
	free(pa);
	free(m);
	(void)state;
}

/* Every free page is handed out exactly once, never a reserved one. */
static void test_reserved_never_handed_out(void **state)
{
	struct fixture *f = setup_mem(state, 2, 0, 3 * PAGE_SIZE + 1);
	u64 nr = f->m.nr_free;
	u8 *seen = calloc(2 * CHUNK_PAGES, 1);

	assert_non_null(seen);
	assert_int_equal(nr, 2 * CHUNK_PAGES - 4);
	for (u64 i = 0; i < nr; i++) {
		u8 *p = mem_alloc_pages(&f->m, 1, 1);
		u64 idx;

		assert_non_null(p);
		idx = page_index(f, p);
		assert_true(idx >= 4);
		assert_false(seen[idx]);
		seen[idx] = 1;
		assert_int_equal(f->m.nr_free, nr - i - 1);
	}
	assert_null(mem_alloc_pages(&f->m, 1, 1));
	assert_int_equal(f->m.nr_free, 0);
	/* The reserved pages kept their contents. */
	assert_true(all_bytes(f->base, 4 * PAGE_SIZE, POISON));
	free(seen);
}

static void test_alloc_zeroed(void **state)
{
	struct fixture *f = setup_mem(state, 2, 0, PAGE_SIZE);
	u8 *a = mem_alloc_pages(&f->m, 3, 1);
	u8 *b;

	assert_non_null(a);
	assert_int_equal(page_index(f, a), 1);
	assert_true(all_bytes(a, 3 * PAGE_SIZE, 0));
	/* Exactly the allocation was cleared. */
	assert_true(all_bytes(f->base, PAGE_SIZE, POISON));
	assert_true(all_bytes(a + 3 * PAGE_SIZE, PAGE_SIZE, POISON));

	b = mem_alloc_pages(&f->m, CHUNK_PAGES, 1);
	assert_non_null(b);
	assert_true(all_bytes(b, CHUNK, 0));
}

static void test_free_scrubs(void **state)
{
	struct fixture *f = setup_mem(state, 2, 0, 0);
	u8 *a = mem_alloc_pages(&f->m, 2, 1);
	u8 *b = mem_alloc_pages(&f->m, 4, 1);
	u8 *c = mem_alloc_pages(&f->m, 1, 1);
	u64 before = f->m.nr_free;

	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	memset(a, 0x11, 2 * PAGE_SIZE);
	memset(b, 0x22, 4 * PAGE_SIZE);
	memset(c, 0x33, PAGE_SIZE);
	mem_free_pages(&f->m, b, 4);
	assert_int_equal(f->m.nr_free, before + 4);
	assert_true(all_bytes(b, 4 * PAGE_SIZE, 0));
	assert_true(all_bytes(a, 2 * PAGE_SIZE, 0x11));
	assert_true(all_bytes(c, PAGE_SIZE, 0x33));

	/* The freed pages are handed out again, first fit. */
	assert_ptr_equal(mem_alloc_pages(&f->m, 4, 1), b);
	assert_int_equal(f->m.nr_free, before);

	mem_free_pages(&f->m, NULL, 4);
	assert_int_equal(f->m.nr_free, before);
}

/* CHUNK_PAGES pages while chunk 0 is partly used come from chunk 1. */
static void test_no_cross_chunk_whole(void **state)
{
	struct fixture *f = setup_mem(state, 3, 0, 10 * PAGE_SIZE);
	u8 *p = mem_alloc_pages(&f->m, CHUNK_PAGES, 1);

	assert_ptr_equal(p, f->base + CHUNK);
	assert_int_equal(mem_virt_to_phys(&f->m, p), chunk_pa[1]);
	assert_int_equal(mem_virt_to_phys(&f->m, p + CHUNK - 1),
			 chunk_pa[1] + CHUNK - 1);
	assert_ptr_equal(mem_alloc_pages(&f->m, CHUNK_PAGES, 1),
			 f->base + 2 * CHUNK);
	assert_null(mem_alloc_pages(&f->m, CHUNK_PAGES, 1));
	/* What is left of chunk 0 still fits exactly. */
	assert_ptr_equal(mem_alloc_pages(&f->m, CHUNK_PAGES - 10, 1),
			 f->base + 10 * PAGE_SIZE);
	assert_int_equal(f->m.nr_free, 0);
}

/* Free pages on both sides of a chunk boundary are no single run. */
static void test_no_cross_chunk_straddle(void **state)
{
	struct fixture *f = setup_mem(state, 2, 0, 0);
	u8 *a = mem_alloc_pages(&f->m, CHUNK_PAGES - 10, 1);
	u8 *b = mem_alloc_pages(&f->m, CHUNK_PAGES, 1);

	assert_ptr_equal(a, f->base);
	assert_ptr_equal(b, f->base + CHUNK);
	mem_free_pages(&f->m, b, 10);
	assert_int_equal(f->m.nr_free, 20);
	assert_null(mem_alloc_pages(&f->m, 11, 1));
	assert_null(mem_alloc_pages(&f->m, 20, 1));
	assert_ptr_equal(mem_alloc_pages(&f->m, 10, 1),
			 f->base + (CHUNK_PAGES - 10) * PAGE_SIZE);
	assert_ptr_equal(mem_alloc_pages(&f->m, 10, 1), b);
	assert_int_equal(f->m.nr_free, 0);
}

static void test_exhaustion(void **state)
{
	struct fixture *f = setup_mem(state, 2, 0, 0);

	assert_non_null(mem_alloc_pages(&f->m, CHUNK_PAGES, 1));
	assert_non_null(mem_alloc_pages(&f->m, CHUNK_PAGES - 1, 1));
	assert_int_equal(f->m.nr_free, 1);
	assert_null(mem_alloc_pages(&f->m, 2, 1));
	assert_null(mem_alloc_pages(&f->m, 1, 2));	/* the last is odd */
	assert_ptr_equal(mem_alloc_pages(&f->m, 1, 1),
			 f->base + 2 * CHUNK - PAGE_SIZE);
	assert_null(mem_alloc_pages(&f->m, 1, 1));
	assert_int_equal(f->m.nr_free, 0);
}

static void test_bad_args(void **state)
{
	struct fixture *f = setup_mem(state, 2, 0, 0);
	static const u64 bad_align[] = { 0, 3, 6, 12, 48, 513, ~0ULL };

	assert_null(mem_alloc_pages(&f->m, 0, 1));
	assert_null(mem_alloc_pages(&f->m, CHUNK_PAGES + 1, 1));
	assert_null(mem_alloc_pages(&f->m, ~0ULL, 1));
	for (unsigned int i = 0; i < ARRAY_SIZE(bad_align); i++)
		assert_null(mem_alloc_pages(&f->m, 1, bad_align[i]));
	assert_int_equal(f->m.nr_free, 2 * CHUNK_PAGES);
	assert_true(all_bytes(f->base, 2 * CHUNK, POISON));
	/* The largest valid request works. */
	assert_ptr_equal(mem_alloc_pages(&f->m, CHUNK_PAGES, 1), f->base);
}

/* Alignment is of the virtual address, whatever base_va's alignment. */
static void test_align_virtual(void **state)
{
	/* base_va 4 KiB aligned, 3 pages past a 64 KiB boundary */
	struct fixture *f = setup_mem(state, 2, 3 * PAGE_SIZE, PAGE_SIZE);
	u8 *p, *q, *r;

	assert_false(IS_ALIGNED((u64)(uintptr_t)f->base, 0x10000));
	p = mem_alloc_pages(&f->m, 16, 16);
	assert_non_null(p);
	assert_true(IS_ALIGNED((u64)(uintptr_t)p, 0x10000));
	/* First fit: the first 64 KiB boundary in chunk 0. */
	assert_int_equal(page_index(f, p), 13);
	assert_true(all_bytes(p, 16 * PAGE_SIZE, 0));

	q = mem_alloc_pages(&f->m, 16, 16);
	assert_ptr_equal(q, p + 16 * PAGE_SIZE);

	/* A single page aligned to 2 MiB (virtually) lies in chunk 0. */
	r = mem_alloc_pages(&f->m, 1, CHUNK_PAGES);
	assert_non_null(r);
	assert_true(IS_ALIGNED((u64)(uintptr_t)r, CHUNK));
	assert_int_equal(page_index(f, r), CHUNK_PAGES - 3);

	/* No 2 MiB aligned run of CHUNK_PAGES fits in any chunk. */
	assert_null(mem_alloc_pages(&f->m, CHUNK_PAGES, CHUNK_PAGES));
	/* A whole chunk with no alignment does. */
	assert_ptr_equal(mem_alloc_pages(&f->m, CHUNK_PAGES, 1),
			 f->base + CHUNK);
}

/* Alignment never pushes an allocation over a chunk's end. */
static void test_align_near_chunk_end(void **state)
{
	struct fixture *f = setup_mem(state, 2, 0, (CHUNK_PAGES - 20) *
				      PAGE_SIZE);
	u8 *p;

	/* 20 pages left in chunk 0: a 16-aligned 16-page run fits once */
	p = mem_alloc_pages(&f->m, 16, 16);
	assert_ptr_equal(p, f->base + (CHUNK_PAGES - 16) * PAGE_SIZE);
	p = mem_alloc_pages(&f->m, 8, 8);
	assert_ptr_equal(p, f->base + CHUNK);
	p = mem_alloc_pages(&f->m, 4, 4);
	assert_ptr_equal(p, f->base + (CHUNK_PAGES - 20) * PAGE_SIZE);
}

static void test_virt_to_phys(void **state)
{
	struct fixture *f = setup_mem(state, 4, 0, 0);
	static const u64 offs[] = { 0, 1, 0xfff, 0x1000, 0x12345, CHUNK - 1 };

	for (u32 c = 0; c < 4; c++)
		for (unsigned int i = 0; i < ARRAY_SIZE(offs); i++)
			assert_int_equal(mem_virt_to_phys(&f->m, f->base +
							  c * CHUNK + offs[i]),
					 chunk_pa[c] + offs[i]);
	/* An allocation's pa, from its own chunk. */
	mem_alloc_pages(&f->m, CHUNK_PAGES, 1);
	mem_alloc_pages(&f->m, CHUNK_PAGES, 1);
	assert_int_equal(mem_virt_to_phys(&f->m, mem_alloc_pages(&f->m, 2, 1)),
			 chunk_pa[2]);
}

static void test_owns_phys(void **state)
{
	struct fixture *f = setup_mem(state, 4, 0, 0);
	const struct hv_mem *m = &f->m;

	for (u32 c = 0; c < 4; c++) {
		u64 s = chunk_pa[c], e = s + CHUNK;

		assert_true(mem_owns_phys(m, s, 1));
		assert_true(mem_owns_phys(m, s + 0x1234, PAGE_SIZE));
		assert_true(mem_owns_phys(m, e - 1, 1));
		assert_true(mem_owns_phys(m, s - 1, 2));
		assert_true(mem_owns_phys(m, e - 1, 100));
		assert_true(mem_owns_phys(m, s - PAGE_SIZE, 3 * CHUNK));
		assert_true(mem_owns_phys(m, s, CHUNK));
		assert_false(mem_owns_phys(m, e, 1));
		assert_false(mem_owns_phys(m, e, PAGE_SIZE));
	}
	/* Right below chunk 3 (0x200000) and chunk 1 (0x7fe00000). */
	assert_false(mem_owns_phys(m, 0, 0x200000));
	assert_false(mem_owns_phys(m, 0x7fdff000, PAGE_SIZE));
	assert_false(mem_owns_phys(m, 0x7fe00000 - 1, 1));
	/* Between chunks, and far away. */
	assert_false(mem_owns_phys(m, 0x80000000, 0x80000000));
	assert_false(mem_owns_phys(m, 0x100200000ULL, 0x1bfe00000ULL));
	assert_true(mem_owns_phys(m, 0x100200000ULL, 0x1bfe00001ULL));
	assert_false(mem_owns_phys(m, 0x2c0200000ULL, 1ULL << 40));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_init_counts, teardown),
		cmocka_unit_test(test_init_clamps_chunks),
		cmocka_unit_test_teardown(test_reserved_never_handed_out,
					  teardown),
		cmocka_unit_test_teardown(test_alloc_zeroed, teardown),
		cmocka_unit_test_teardown(test_free_scrubs, teardown),
		cmocka_unit_test_teardown(test_no_cross_chunk_whole, teardown),
		cmocka_unit_test_teardown(test_no_cross_chunk_straddle,
					  teardown),
		cmocka_unit_test_teardown(test_exhaustion, teardown),
		cmocka_unit_test_teardown(test_bad_args, teardown),
		cmocka_unit_test_teardown(test_align_virtual, teardown),
		cmocka_unit_test_teardown(test_align_near_chunk_end, teardown),
		cmocka_unit_test_teardown(test_virt_to_phys, teardown),
		cmocka_unit_test_teardown(test_owns_phys, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
