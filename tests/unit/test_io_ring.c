// SPDX-License-Identifier: GPL-2.0
/*
 * hv/core/io_ring.c: requests come out of the guest's xenstore ring in
 * order and across the wrap, responses go in as far as they fit, the
 * console's 2 KiB "out" ring drains the same way and its 1 KiB "in" ring
 * takes typed input as far as it fits, and impossible indices
 * (a hostile guest owns the page) are refused without touching anything
 * outside the rings.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include <hv/io_ring.h>
#include <hv/errno.h>

#define RING	XENSTORE_RING_SIZE

/* The page, with guard bytes on both sides to catch stray writes. */
static struct {
	uint8_t before[64];
	struct xenstore_domain_interface intf;
	uint8_t after[64];
} page;

static int setup(void **state)
{
	(void)state;
	memset(&page, 0xa5, sizeof(page));
	memset(&page.intf, 0, sizeof(page.intf));
	return 0;
}

static void guards_intact(void)
{
	for (size_t i = 0; i < sizeof(page.before); i++) {
		assert_int_equal(page.before[i], 0xa5);
		assert_int_equal(page.after[i], 0xa5);
	}
}

/* The guest queues @len bytes of @s at its producer index. */
static void guest_queue(const char *s, uint32_t len)
{
	for (uint32_t i = 0; i < len; i++)
		page.intf.req[MASK_XENSTORE_IDX(page.intf.req_prod + i)] = s[i];
	page.intf.req_prod += len;
}

static void test_take_in_order(void **state)
{
	char buf[32];

	(void)state;
	guest_queue("hello world", 11);
	assert_int_equal(xs_ring_take(&page.intf, buf, 5), 5);
	assert_memory_equal(buf, "hello", 5);
	assert_int_equal(page.intf.req_cons, 5);
	assert_int_equal(xs_ring_take(&page.intf, buf, sizeof(buf)), 6);
	assert_memory_equal(buf, " world", 6);
	assert_int_equal(xs_ring_take(&page.intf, buf, sizeof(buf)), 0);
	guards_intact();
}

static void test_take_across_wrap(void **state)
{
	char buf[RING];

	(void)state;
	/* Indices near 2^32: both the ring and the counter wrap. */
	page.intf.req_cons = page.intf.req_prod = 0xfffffffeU - 3;
	guest_queue("abcdefgh", 8);
	assert_int_equal(xs_ring_take(&page.intf, buf, sizeof(buf)), 8);
	assert_memory_equal(buf, "abcdefgh", 8);
	assert_int_equal(page.intf.req_cons, page.intf.req_prod);
	guards_intact();
}

static void test_take_full_ring(void **state)
{
	static char fill[RING], buf[RING + 16];

	(void)state;
	memset(fill, 'x', sizeof(fill));
	page.intf.req_cons = page.intf.req_prod = 1000;
	guest_queue(fill, RING);
	assert_int_equal(xs_ring_take(&page.intf, buf, sizeof(buf)), RING);
	assert_memory_equal(buf, fill, RING);
	guards_intact();
}

static void test_take_hostile_indices(void **state)
{
	char buf[RING];

	(void)state;
	/* More queued than the ring holds, and a producer behind. */
	page.intf.req_cons = 0;
	page.intf.req_prod = RING + 1;
	assert_int_equal(xs_ring_take(&page.intf, buf, sizeof(buf)), -EIO);
	page.intf.req_cons = 10;
	page.intf.req_prod = 9;
	assert_int_equal(xs_ring_take(&page.intf, buf, sizeof(buf)), -EIO);
	/* Refused without moving the consumer index. */
	assert_int_equal(page.intf.req_cons, 10);
	guards_intact();
}

static void test_put_fits_and_wraps(void **state)
{
	static char big[RING + 100];

	(void)state;
	memset(big, 'r', sizeof(big));
	page.intf.rsp_cons = page.intf.rsp_prod = RING - 2;
	assert_int_equal(xs_ring_put(&page.intf, "0123", 4), 4);
	assert_int_equal(page.intf.rsp[RING - 2], '0');
	assert_int_equal(page.intf.rsp[RING - 1], '1');
	assert_int_equal(page.intf.rsp[0], '2');
	assert_int_equal(page.intf.rsp[1], '3');
	/* Only the space left: the guest has not consumed the 4. */
	assert_int_equal(xs_ring_put(&page.intf, big, sizeof(big)), RING - 4);
	assert_int_equal(page.intf.rsp_prod - page.intf.rsp_cons, RING);
	assert_int_equal(xs_ring_put(&page.intf, big, 1), 0);
	/* The guest consumes two: two more fit. */
	page.intf.rsp_cons += 2;
	assert_int_equal(xs_ring_put(&page.intf, big, 10), 2);
	guards_intact();
}

static void test_put_hostile_indices(void **state)
{
	(void)state;
	page.intf.rsp_cons = 5000;
	page.intf.rsp_prod = 1;
	assert_int_equal(xs_ring_put(&page.intf, "x", 1), -EIO);
	assert_int_equal(page.intf.rsp_prod, 1);
	page.intf.rsp_cons = 0;
	page.intf.rsp_prod = 0x80000000U;
	assert_int_equal(xs_ring_put(&page.intf, "x", 1), -EIO);
	guards_intact();
}

static struct {
	uint8_t before[64];
	struct xencons_interface intf;
	uint8_t after[64];
} cons;

static int cons_setup(void **state)
{
	(void)state;
	memset(&cons, 0x5a, sizeof(cons));
	memset(&cons.intf, 0, sizeof(cons.intf));
	return 0;
}

static void cons_guards_intact(void)
{
	for (size_t i = 0; i < sizeof(cons.before); i++) {
		assert_int_equal(cons.before[i], 0x5a);
		assert_int_equal(cons.after[i], 0x5a);
	}
}

static void test_console_drain(void **state)
{
	static char buf[4096];
	const char *msg = "boot: hello over the ring\n";
	uint32_t len = (uint32_t)strlen(msg);

	(void)state;
	/* Written across the wrap of the 2 KiB ring. */
	cons.intf.out_cons = cons.intf.out_prod = 2048 * 7 - 5;
	for (uint32_t i = 0; i < len; i++)
		cons.intf.out[(cons.intf.out_prod + i) & 2047] = msg[i];
	cons.intf.out_prod += len;
	assert_int_equal(cons_ring_take(&cons.intf, buf, sizeof(buf)), len);
	assert_memory_equal(buf, msg, len);
	assert_int_equal(cons.intf.out_cons, cons.intf.out_prod);
	/* A full ring is 2048 bytes, not the xenstore's 1024. */
	cons.intf.out_prod = cons.intf.out_cons + 2048;
	assert_int_equal(cons_ring_take(&cons.intf, buf, sizeof(buf)), 2048);
	cons.intf.out_prod = cons.intf.out_cons + 2049;
	assert_int_equal(cons_ring_take(&cons.intf, buf, sizeof(buf)), -EIO);
	/* The input ring is not ours to read. */
	for (size_t i = 0; i < sizeof(cons.intf.in); i++)
		assert_int_equal(cons.intf.in[i], 0);
	cons_guards_intact();
}

/* Typed input onto the 1 KiB "in" ring: as far as it fits, in order. */
static void test_console_input(void **state)
{
	static char big[2048];
	const char *keys = "ls -l\n";
	uint32_t len = (uint32_t)strlen(keys);

	(void)state;
	/* Across the wrap. */
	cons.intf.in_cons = cons.intf.in_prod = 1024 * 3 - 2;
	assert_int_equal(cons_ring_put(&cons.intf, keys, len), len);
	for (uint32_t i = 0; i < len; i++)
		assert_int_equal(cons.intf.in[(1024 * 3 - 2 + i) & 1023],
				 keys[i]);
	assert_int_equal(cons.intf.in_prod - cons.intf.in_cons, len);
	/* Full: 1024 in all, then nothing until the guest reads. */
	memset(big, 'k', sizeof(big));
	assert_int_equal(cons_ring_put(&cons.intf, big, sizeof(big)),
			 1024 - len);
	assert_int_equal(cons_ring_put(&cons.intf, big, 1), 0);
	cons.intf.in_cons += 3;
	assert_int_equal(cons_ring_put(&cons.intf, big, sizeof(big)), 3);
	/* A guest claiming to have read what was never written: refused. */
	cons.intf.in_cons = cons.intf.in_prod + 1;
	assert_int_equal(cons_ring_put(&cons.intf, "x", 1), -EIO);
	cons.intf.in_cons = cons.intf.in_prod - 1025;
	assert_int_equal(cons_ring_put(&cons.intf, "x", 1), -EIO);
	/* The output ring is not ours to write. */
	for (size_t i = 0; i < sizeof(cons.intf.out); i++)
		assert_int_equal(cons.intf.out[i], 0);
	cons_guards_intact();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_take_in_order, setup),
		cmocka_unit_test_setup(test_take_across_wrap, setup),
		cmocka_unit_test_setup(test_take_full_ring, setup),
		cmocka_unit_test_setup(test_take_hostile_indices, setup),
		cmocka_unit_test_setup(test_put_fits_and_wraps, setup),
		cmocka_unit_test_setup(test_put_hostile_indices, setup),
		cmocka_unit_test_setup(test_console_drain, cons_setup),
		cmocka_unit_test_setup(test_console_input, cons_setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
