// SPDX-License-Identifier: GPL-2.0
/*
 * hv/core/vsnprintf.c, built as hv_vsnprintf/hv_snprintf: compared with
 * the C library for what it claims to support (flags '-' and '0', a
 * width, l, ll and z, and d i u x X s c %), at every buffer size.  %p and
 * %s of NULL, which C leaves to the implementation, are checked as
 * written.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <cmocka.h>
#include "unit.h"

int hv_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int hv_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define CANARY	0x7e
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define MIN(a, b)	((a) < (b) ? (a) : (b))

/*
 * Format with the C library, then with hv_vsnprintf into heap buffers of
 * every size from 0 to the full length + 2: same return value, same
 * (truncated) text, always NUL-terminated, nothing written past @size.
 */
__attribute__((format(printf, 3, 4)))
static void check_at(const char *file, int line, const char *fmt, ...)
{
	char ref[1024];
	va_list ap, aq;
	int want;

	va_start(ap, fmt);
	va_copy(aq, ap);
	want = vsnprintf(ref, sizeof(ref), fmt, aq);
	va_end(aq);
	assert_true(want >= 0 && want < (int)sizeof(ref));

	for (size_t size = 0; size <= (size_t)want + 2; size++) {
		/* one extra byte: a canary ASan cannot see */
		char *buf = malloc(size + 1);
		size_t keep = size ? MIN(size - 1, (size_t)want) : 0;
		int got;

		assert_non_null(buf);
		memset(buf, CANARY, size + 1);
		va_copy(aq, ap);
		got = hv_vsnprintf(buf, size, fmt, aq);
		va_end(aq);
		if (got != want)
			fail_at(file, line,
				"\"%s\" size %zu: returned %d, not %d", fmt,
				size, got, want);
		if (size && (memcmp(buf, ref, keep) || buf[keep] != '\0'))
			fail_at(file, line,
				"\"%s\" size %zu: \"%.*s\", not \"%.*s\"",
				fmt, size, (int)keep, buf, (int)keep, ref);
		if (buf[size] != CANARY)
			fail_at(file, line,
				"\"%s\" size %zu: wrote past the end", fmt,
				size);
		free(buf);
	}
	/* size 0 with no buffer at all */
	va_copy(aq, ap);
	assert_int_equal(hv_vsnprintf(NULL, 0, fmt, aq), want);
	va_end(aq);
	va_end(ap);
}

#define CHECK(...)	check_at(__FILE__, __LINE__, __VA_ARGS__)

static void test_text(void **state)
{
	CHECK("%s", "");
	CHECK("plain text, no conversions");
	CHECK("%%");
	CHECK("100%% done");
	CHECK("%%%d%%", 5);
	CHECK("tab\tnewline\n");
	(void)state;
}

static void test_signed(void **state)
{
	CHECK("%d", 0);
	CHECK("%d", 1);
	CHECK("%d", -1);
	CHECK("%d", 9);
	CHECK("%d", 10);
	CHECK("%d", INT_MAX);
	CHECK("%d", INT_MIN);
	CHECK("%i", -123);
	CHECK("%i", 2147483600);
	CHECK("[%d|%d]", -7, 7);
	(void)state;
}

static void test_unsigned_hex(void **state)
{
	CHECK("%u", 0U);
	CHECK("%u", 42U);
	CHECK("%u", UINT_MAX);
	CHECK("%u", 0x80000000U);
	CHECK("%x", 0U);
	CHECK("%x", 0xdeadbeefU);
	CHECK("%x", UINT_MAX);
	CHECK("%X", 0xdeadbeefU);
	CHECK("%x", 0xabcdefU);
	CHECK("%X", 0x123456U);
	CHECK("%x", 15U);
	CHECK("%x", 16U);
	(void)state;
}

static void test_width_flags(void **state)
{
	CHECK("%5d|", 42);
	CHECK("%5d|", -42);
	CHECK("%-5d|", 42);
	CHECK("%-5d|", -42);
	CHECK("%05d", 42);
	CHECK("%05d", -42);
	CHECK("%05d", 0);
	CHECK("%03d", -1234);
	CHECK("%1d", 12345);
	CHECK("%0d", 7);
	CHECK("%08x", 0xbeefU);
	CHECK("%-8X|", 0xbeefU);
	CHECK("%010u", 123U);
	CHECK("%2u", 12345U);
	CHECK("%12d", INT_MIN);
	CHECK("%012d", INT_MIN);
	CHECK("%2d|%-2d|%02d", 1, 2, 3);
	CHECK("%300d", 1);
	CHECK("%-300d|", -1);
	CHECK("%0300d", -1);
	(void)state;
}

static void test_long(void **state)
{
	CHECK("%ld", 0L);
	CHECK("%ld", LONG_MIN);
	CHECK("%ld", LONG_MAX);
	CHECK("%ld", -4294967296L);
	CHECK("%lu", ULONG_MAX);
	CHECK("%lx", ULONG_MAX);
	CHECK("%lX", 0x123456789abcdefUL);
	CHECK("%li", -9000000000L);
	CHECK("%lld", LLONG_MIN);
	CHECK("%lld", LLONG_MAX);
	CHECK("%lld", -1LL);
	CHECK("%lld", 4294967296LL);
	CHECK("%llu", ULLONG_MAX);
	CHECK("%llu", 10000000000000000000ULL);
	CHECK("%llx", 0x8000000000000000ULL);
	CHECK("%llX", 0xfedcba9876543210ULL);
	CHECK("%016llx", 0xabcULL);
	CHECK("%016llx", 0xffffffff00000000ULL);
	CHECK("%020lld", -123456789012LL);
	CHECK("%-22lld|", LLONG_MIN);
	CHECK("%12ld|%-12lu|", -5L, 5UL);
	CHECK("%zu", SIZE_MAX);
	CHECK("%zu", (size_t)0);
	CHECK("%zx", (size_t)0x1234);
	CHECK("%zd", (ssize_t)-5);
	CHECK("%8zu|", (size_t)77);
	(void)state;
}

static void test_strings_chars(void **state)
{
	CHECK("%s", "abc");
	CHECK("[%s]", "");
	CHECK("%10s|", "abc");
	CHECK("%-10s|", "abc");
	CHECK("%2s|", "abcdef");
	CHECK("%s%s%s", "a", "", "c");
	CHECK("%c", 'x');
	CHECK("%3c|", 'y');
	CHECK("%-3c|", 'z');
	CHECK("a%cb", '\0');
	CHECK("%c%c%c", 'a', 0x80, 0xff);
	(void)state;
}

/* Argument sizes must be consumed right, past the register arguments. */
static void test_many_args(void **state)
{
	CHECK("%d %d %d %d %d %d %d %d %d %d %d %d", 1, 2, 3, 4, 5, 6, 7, 8,
	      9, 10, 11, 12);
	CHECK("%d %lld %d %llu %s %c %x %lx %u %zu", -1, LLONG_MIN, 2,
	      ULLONG_MAX, "s", 'c', 0xfU, 0xf00000000UL, 3U, (size_t)4);
	CHECK("cpu%u: %s=%016llx rc=%d", 3U, "efer", 0xd01ULL, -22);
	CHECK("%s %llu.%06llu %s", "t", 12ULL, 345ULL, "end");
	(void)state;
}

static void test_pointer(void **state)
{
	char buf[64], ref[64];
	int x;

	assert_int_equal(hv_snprintf(buf, sizeof(buf), "%p",
				     (void *)0xdeadbeefUL), 18);
	assert_string_equal(buf, "0x00000000deadbeef");
	assert_int_equal(hv_snprintf(buf, sizeof(buf), "%p", NULL), 18);
	assert_string_equal(buf, "0x0000000000000000");
	assert_int_equal(hv_snprintf(buf, sizeof(buf), "<%p>",
				     (void *)UINTPTR_MAX), 20);
	assert_string_equal(buf, "<0xffffffffffffffff>");
	snprintf(ref, sizeof(ref), "0x%016lx|%d", (unsigned long)&x, -3);
	hv_snprintf(buf, sizeof(buf), "%p|%d", (void *)&x, -3);
	assert_string_equal(buf, ref);
	/* Truncated like everything else. */
	memset(buf, CANARY, sizeof(buf));
	assert_int_equal(hv_snprintf(buf, 5, "%p", (void *)0x1234UL), 18);
	assert_string_equal(buf, "0x00");
	assert_int_equal(buf[5], CANARY);
	(void)state;
}

static void test_null_string(void **state)
{
	const char *volatile null = NULL;
	char buf[32];

	assert_int_equal(hv_snprintf(buf, sizeof(buf), "%s", null), 6);
	assert_string_equal(buf, "(null)");
	assert_int_equal(hv_snprintf(buf, sizeof(buf), "%8s|", null), 9);
	assert_string_equal(buf, "  (null)|");
	assert_int_equal(hv_snprintf(buf, sizeof(buf), "%-8s|%d", null, 1),
			 10);
	assert_string_equal(buf, "(null)  |1");
	(void)state;
}

static void test_truncation(void **state)
{
	char buf[16];

	memset(buf, CANARY, sizeof(buf));
	assert_int_equal(hv_snprintf(buf, 0, "hello world"), 11);
	assert_int_equal(buf[0], CANARY);
	assert_int_equal(hv_snprintf(NULL, 0, "%d%s", 123, "abc"), 6);
	assert_int_equal(hv_snprintf(buf, 1, "hello world"), 11);
	assert_string_equal(buf, "");
	assert_int_equal(buf[1], CANARY);
	assert_int_equal(hv_snprintf(buf, 5, "hello world"), 11);
	assert_string_equal(buf, "hell");
	assert_int_equal(buf[5], CANARY);
	assert_int_equal(hv_snprintf(buf, 12, "hello world"), 11);
	assert_string_equal(buf, "hello world");
	/* The exact fit and one short. */
	assert_int_equal(hv_snprintf(buf, 4, "%d", -12), 3);
	assert_string_equal(buf, "-12");
	assert_int_equal(hv_snprintf(buf, 3, "%d", -12), 3);
	assert_string_equal(buf, "-1");
	(void)state;
}

/* No format attribute: lets the malformed formats below through. */
static int call_hv(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = hv_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

/* '-' wins over '0' (C's rule; the C library's -Wformat balks at it). */
static void test_left_beats_zero(void **state)
{
	char buf[32];

	assert_int_equal(call_hv(buf, sizeof(buf), "%-05d|", -42), 6);
	assert_string_equal(buf, "-42  |");
	assert_int_equal(call_hv(buf, sizeof(buf), "%0-5d|", 42), 6);
	assert_string_equal(buf, "42   |");
	assert_int_equal(call_hv(buf, sizeof(buf), "%-08llx|", 0xabcULL), 9);
	assert_string_equal(buf, "abc     |");
	(void)state;
}

/* A format cut short after '%' stops there: no read past its end. */
static void test_truncated_format(void **state)
{
	static const char *const fmts[] = {
		"abc%", "abc%-", "abc%0", "abc%05", "abc%l", "abc%ll",
		"abc%z", "abc%-08ll",
	};
	char buf[32];

	for (unsigned int i = 0; i < ARRAY_SIZE(fmts); i++) {
		/* a heap copy of exactly the string: ASan sees overreads */
		char *fmt = strdup(fmts[i]);
		int n;

		assert_non_null(fmt);
		n = call_hv(buf, sizeof(buf), fmt, 1, 2, 3);
		assert_int_equal(n, (int)strlen(buf));
		assert_int_equal(strncmp(buf, "abc", 3), 0);
		assert_true(n <= (int)strlen(fmt));
		free(fmt);
	}
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_signed),
		cmocka_unit_test(test_unsigned_hex),
		cmocka_unit_test(test_width_flags),
		cmocka_unit_test(test_long),
		cmocka_unit_test(test_strings_chars),
		cmocka_unit_test(test_many_args),
		cmocka_unit_test(test_pointer),
		cmocka_unit_test(test_null_string),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_left_beats_zero),
		cmocka_unit_test(test_truncated_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
