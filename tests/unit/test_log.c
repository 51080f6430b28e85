// SPDX-License-Identifier: GPL-2.0
/*
 * hv/core/log.c: the byte ring on its own, then hv_printf's line prefixes
 * through hv_log_read (printing with the hypervisor's own vsnprintf).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include <hv/log.h>
#include <hv/arch.h>

/* The arch stubs log.c calls. */
static u32 stub_cpu;
static u64 stub_ns;

u32 arch_cpu_index(void)
{
	return stub_cpu;
}

u64 arch_now_ns(void)
{
	return stub_ns;
}

u64 arch_tsc_khz(void)
{
	return 1000000;
}

/* --- the ring ----------------------------------------------------------- */

/* Byte @i of the reference stream written into a ring. */
static char stream_byte(u64 i)
{
	return (char)(i * 7 + (i >> 8) * 13 + (i >> 16));
}

static struct log_ring *new_ring(void **state)
{
	struct log_ring *r = calloc(1, sizeof(*r));

	assert_non_null(r);
	*state = r;
	return r;
}

static int free_state(void **state)
{
	free(*state);
	*state = NULL;
	return 0;
}

/* Append stream bytes [r->head, r->head + n) to @r in one write. */
static void write_stream(struct log_ring *r, u64 n)
{
	char *buf = malloc(n ? n : 1);

	assert_non_null(buf);
	for (u64 i = 0; i < n; i++)
		buf[i] = stream_byte(r->head + i);
	log_ring_write(r, buf, n);
	free(buf);
}

/* Reading @len from @seq returns what the stream says, dropping as due. */
static void check_read(const struct log_ring *r, u64 seq, size_t len)
{
	u64 head = r->head;
	u64 oldest = head > LOG_RING_SIZE ? head - LOG_RING_SIZE : 0;
	u64 from = seq < oldest ? oldest : seq > head ? head : seq;
	size_t want = MIN(len, head - from);
	u64 s = seq, dropped = 12345;
	char *dst = malloc(len ? len : 1);
	size_t n;

	assert_non_null(dst);
	n = log_ring_read(r, &s, dst, len, &dropped);
	if (n != want || s != from ||
	    dropped != (seq < oldest ? oldest - seq : 0))
		fail_fmt("read(seq %llu, len %zu) at head %llu: got %zu bytes, "
			 "seq %llu, dropped %llu", (unsigned long long)seq,
			 len, (unsigned long long)head, n,
			 (unsigned long long)s, (unsigned long long)dropped);
	for (size_t i = 0; i < n; i++)
		if (dst[i] != stream_byte(from + i))
			fail_fmt("read(seq %llu, len %zu): byte %zu wrong",
				 (unsigned long long)seq, len, i);
	free(dst);
}

static void test_ring_simple(void **state)
{
	struct log_ring *r = new_ring(state);
	char out[16];
	u64 seq = 0, dropped = 99;

	assert_int_equal(log_ring_read(r, &seq, out, sizeof(out), &dropped), 0);
	assert_int_equal(dropped, 0);
	log_ring_write(r, "hello", 5);
	log_ring_write(r, "", 0);
	log_ring_write(r, " world", 6);
	assert_int_equal(r->head, 11);

	assert_int_equal(log_ring_read(r, &seq, out, sizeof(out), &dropped),
			 11);
	assert_memory_equal(out, "hello world", 11);
	assert_int_equal(seq, 0);	/* the caller advances it */
	assert_int_equal(dropped, 0);

	seq = 6;
	assert_int_equal(log_ring_read(r, &seq, out, 3, &dropped), 3);
	assert_memory_equal(out, "wor", 3);
	assert_int_equal(log_ring_read(r, &seq, out, 0, &dropped), 0);

	/* At and past the head: nothing, and no drop reported. */
	seq = 11;
	assert_int_equal(log_ring_read(r, &seq, out, sizeof(out), &dropped), 0);
	assert_int_equal(dropped, 0);
	seq = 1000000;
	assert_int_equal(log_ring_read(r, &seq, out, sizeof(out), &dropped), 0);
	assert_int_equal(dropped, 0);
	assert_int_equal(seq, 11);
	seq = UINT64_MAX;
	assert_int_equal(log_ring_read(r, &seq, out, sizeof(out), &dropped), 0);
	assert_int_equal(dropped, 0);
}

/* Filling exactly to LOG_RING_SIZE drops nothing; one more byte drops 1. */
static void test_ring_full_boundary(void **state)
{
	struct log_ring *r = new_ring(state);

	write_stream(r, LOG_RING_SIZE - 1);
	check_read(r, 0, LOG_RING_SIZE);
	write_stream(r, 1);
	check_read(r, 0, LOG_RING_SIZE);
	check_read(r, 0, 2 * LOG_RING_SIZE);
	write_stream(r, 1);
	check_read(r, 0, LOG_RING_SIZE);
	check_read(r, 1, 10);
	check_read(r, LOG_RING_SIZE, 10);
}

static void test_ring_wrap(void **state)
{
	struct log_ring *r = new_ring(state);
	char out[LOG_RING_SIZE];
	u64 seq = 0, dropped = 0;
	size_t n;

	write_stream(r, LOG_RING_SIZE - 3);
	log_ring_write(r, "0123456789", 10);
	assert_int_equal(r->head, LOG_RING_SIZE + 7);

	/* From 0: 7 bytes dropped, then the newest LOG_RING_SIZE bytes. */
	n = log_ring_read(r, &seq, out, sizeof(out), &dropped);
	assert_int_equal(n, LOG_RING_SIZE);
	assert_int_equal(dropped, 7);
	assert_int_equal(seq, 7);
	for (size_t i = 0; i < LOG_RING_SIZE - 10; i++)
		assert_int_equal(out[i], stream_byte(7 + i));
	assert_memory_equal(out + LOG_RING_SIZE - 10, "0123456789", 10);

	/* A read across the end of the buffer. */
	seq = LOG_RING_SIZE - 5;
	n = log_ring_read(r, &seq, out, 8, &dropped);
	assert_int_equal(n, 8);
	assert_int_equal(dropped, 0);
	assert_int_equal(out[0], stream_byte(LOG_RING_SIZE - 5));
	assert_int_equal(out[1], stream_byte(LOG_RING_SIZE - 4));
	assert_memory_equal(out + 2, "012345", 6);
}

/* A write bigger than the ring keeps its tail, head counts it all. */
static void test_ring_huge_write(void **state)
{
	struct log_ring *r = new_ring(state);

	write_stream(r, 100);
	write_stream(r, 2 * LOG_RING_SIZE + 5);
	assert_int_equal(r->head, 2 * LOG_RING_SIZE + 105);
	check_read(r, 0, LOG_RING_SIZE);
	check_read(r, 100, 2 * LOG_RING_SIZE);
	check_read(r, LOG_RING_SIZE + 105, LOG_RING_SIZE);
	check_read(r, r->head - 1, 100);

	/* Exactly LOG_RING_SIZE at an odd offset. */
	write_stream(r, LOG_RING_SIZE);
	check_read(r, 0, LOG_RING_SIZE);
	check_read(r, r->head - LOG_RING_SIZE - 1, 3);
	write_stream(r, LOG_RING_SIZE + 1);
	check_read(r, 0, LOG_RING_SIZE);
}

/* Writes of many sizes; every read checked against the stream. */
static void test_ring_random(void **state)
{
	struct log_ring *r = new_ring(state);
	u64 x = 0x9e3779b97f4a7c15ULL;

	for (int round = 0; round < 300; round++) {
		u64 n;

		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		n = round % 50 == 49 ? LOG_RING_SIZE + x % 3000 : x % 3000;
		write_stream(r, n);
		check_read(r, 0, LOG_RING_SIZE);
		check_read(r, r->head - x % (LOG_RING_SIZE + 50), x % 5000);
		check_read(r, r->head - 1, 2);
	}
	assert_true(r->head > 3 * LOG_RING_SIZE);
}

/* A reader following the log loses nothing while it keeps up. */
static void test_ring_follow(void **state)
{
	struct log_ring *r = new_ring(state);
	char out[777];
	u64 seq = 0, dropped;

	for (int round = 0; round < 500; round++) {
		size_t n;

		write_stream(r, 250 + round % 7);
		while ((n = log_ring_read(r, &seq, out, sizeof(out),
					  &dropped))) {
			assert_int_equal(dropped, 0);
			for (size_t i = 0; i < n; i++)
				assert_int_equal(out[i],
						 stream_byte(seq + i));
			seq += n;
		}
		assert_int_equal(seq, r->head);
	}
}

/* --- hv_printf ---------------------------------------------------------- */

static char sink_buf[8192];
static size_t sink_len;

static void sink(const char *s, size_t n)
{
	assert_true(sink_len + n <= sizeof(sink_buf));
	memcpy(sink_buf + sink_len, s, n);
	sink_len += n;
}

static u64 log_seq;

/* Start of a test: remember where the log is. */
static int log_setup(void **state)
{
	char c;
	u64 dropped;

	log_seq = UINT64_MAX;
	hv_log_read(&log_seq, &c, 1, &dropped);	/* clamps to the head */
	sink_len = 0;
	log_set_sink(sink);
	stub_cpu = 0;
	stub_ns = 0;
	(void)state;
	return 0;
}

/* Everything logged since log_setup(), NUL-terminated. */
static const char *logged(void)
{
	static char out[LOG_RING_SIZE + 1];
	u64 dropped = 0;
	size_t n = hv_log_read(&log_seq, out, LOG_RING_SIZE, &dropped);

	assert_int_equal(dropped, 0);
	log_seq += n;
	out[n] = '\0';
	/* The sink saw the same bytes. */
	assert_int_equal(sink_len, n);
	assert_memory_equal(sink_buf, out, n);
	sink_len = 0;
	return out;
}

static void test_printf_prefix(void **state)
{
	stub_cpu = 3;
	stub_ns = 12345678901ULL;
	hv_printf("hello %s %d\n", "world", -5);
	assert_string_equal(logged(), "[cpu3    12.345678] hello world -5\n");

	stub_cpu = 0;
	stub_ns = 0;
	hv_log("x=%llx", 0xabcULL);
	assert_string_equal(logged(), "[cpu0     0.000000] x=abc\n");

	/* Microseconds are truncated, not rounded; seconds may be wide. */
	stub_cpu = 65534;
	stub_ns = 100000ULL * 1000000000 + 999999;
	hv_log("late");
	assert_string_equal(logged(), "[cpu65534 100000.000999] late\n");
	(void)state;
}

static void test_printf_load_prefix(void **state)
{
	stub_cpu = ARCH_NO_CPU;
	stub_ns = 1000;
	hv_printf("loading\n");
	assert_string_equal(logged(), "[load     0.000001] loading\n");
	(void)state;
}

/* Each line of one call gets its own prefix, with the time of its start. */
static void test_printf_multiline(void **state)
{
	stub_cpu = 1;
	stub_ns = 2000000000ULL;
	hv_printf("a\nbb\n\nccc\n");
	assert_string_equal(logged(),
			    "[cpu1     2.000000] a\n"
			    "[cpu1     2.000000] bb\n"
			    "[cpu1     2.000000] \n"
			    "[cpu1     2.000000] ccc\n");
	(void)state;
}

/* A line built by several calls has one prefix. */
static void test_printf_partial_lines(void **state)
{
	stub_cpu = 2;
	hv_printf("abc");
	assert_string_equal(logged(), "[cpu2     0.000000] abc");
	stub_cpu = 7;
	stub_ns = 5000;
	hv_printf("def");
	hv_printf("%s", "");
	hv_printf("ghi\njk");
	assert_string_equal(logged(), "defghi\n[cpu7     0.000005] jk");
	hv_printf("\n");
	assert_string_equal(logged(), "\n");
	hv_printf("%s", "");
	assert_string_equal(logged(), "");
	(void)state;
}

/* hv_log_read: follow the log in small pieces. */
static void test_log_read_pieces(void **state)
{
	char out[7];
	char all[128] = "";
	u64 seq = log_seq, dropped;
	size_t n;

	stub_cpu = 4;
	hv_log("%05d|%-4s|%c|%x", -42, "ab", 'z', 0xbeefU);
	while ((n = hv_log_read(&seq, out, sizeof(out), &dropped))) {
		assert_int_equal(dropped, 0);
		strncat(all, out, n);
		seq += n;
	}
	assert_string_equal(all, "[cpu4     0.000000] -0042|ab  |z|beef\n");
	logged();
	(void)state;
}

/* The ring wraps under hv_printf too: old lines are dropped. */
static void test_printf_wraps(void **state)
{
	char line[81];
	u64 seq = log_seq, dropped = 0;
	static char out[LOG_RING_SIZE];
	size_t n, prefix = strlen("[cpu0     0.000000] ");

	memset(line, 'x', 79);
	line[79] = '\0';
	log_set_sink(NULL);	/* too much for sink_buf */
	for (int i = 0; i < 2 * LOG_RING_SIZE / 100; i++)
		hv_printf("%s\n", line);
	n = hv_log_read(&seq, out, sizeof(out), &dropped);
	assert_int_equal(n, LOG_RING_SIZE);
	assert_int_equal(dropped,
			 2 * LOG_RING_SIZE / 100 * (prefix + 80) -
			 LOG_RING_SIZE);
	/* The newest line is last and complete. */
	assert_memory_equal(out + n - (prefix + 80), "[cpu0     0.000000] ",
			    prefix);
	assert_int_equal(out[n - 1], '\n');
	log_seq = seq + n;
	sink_len = 0;
	(void)state;
}

/*
 * A message longer than hv_vprintf's 256-byte buffer is cut, but the
 * next message must still start a line of its own with its prefix.
 */
static void test_printf_long_line(void **state)
{
	char big[400];
	const char *out;

	memset(big, 'y', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	stub_cpu = 5;
	hv_log("%s", big);
	hv_log("next");
	out = logged();
	assert_memory_equal(out, "[cpu5     0.000000] yyy", 23);
	/* Cut to what fits in hv_vprintf's buffer. */
	assert_true(strspn(out + 20, "y") <= 255);
	if (!strstr(out, "\n[cpu5     0.000000] next\n"))
		fail_fmt("\"next\" has no line of its own: ...%s",
			 out + (strlen(out) > 40 ? strlen(out) - 40 : 0));
	(void)state;
}

int main(void)
{
	const struct CMUnitTest ring_tests[] = {
		cmocka_unit_test_teardown(test_ring_simple, free_state),
		cmocka_unit_test_teardown(test_ring_full_boundary, free_state),
		cmocka_unit_test_teardown(test_ring_wrap, free_state),
		cmocka_unit_test_teardown(test_ring_huge_write, free_state),
		cmocka_unit_test_teardown(test_ring_random, free_state),
		cmocka_unit_test_teardown(test_ring_follow, free_state),
	};
	/* In this order: each leaves the log at the start of a line. */
	const struct CMUnitTest printf_tests[] = {
		cmocka_unit_test_setup(test_printf_prefix, log_setup),
		cmocka_unit_test_setup(test_printf_load_prefix, log_setup),
		cmocka_unit_test_setup(test_printf_multiline, log_setup),
		cmocka_unit_test_setup(test_printf_partial_lines, log_setup),
		cmocka_unit_test_setup(test_log_read_pieces, log_setup),
		cmocka_unit_test_setup(test_printf_wraps, log_setup),
		cmocka_unit_test_setup(test_printf_long_line, log_setup),
	};
	int failed;

	failed = cmocka_run_group_tests_name("log_ring", ring_tests, NULL,
					     NULL);
	failed += cmocka_run_group_tests_name("hv_printf", printf_tests, NULL,
					      NULL);
	return failed;
}
