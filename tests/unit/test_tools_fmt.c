// SPDX-License-Identifier: GPL-2.0
/*
 * tools/lib/xl_fmt.c: durations and CPU lists, with snprintf()'s
 * contract checked at every buffer size.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include "xl_fmt.h"

#define CANARY	0x7e
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

typedef int (*fmt_fn)(char *buf, size_t size, const void *arg);

/*
 * @fn must give @want: full length returned at every size, the text cut
 * to size - 1 and NUL-terminated, nothing written past size.
 */
static void check_sizes(fmt_fn fn, const void *arg, const char *want)
{
	size_t len = strlen(want);

	for (size_t size = 0; size <= len + 2; size++) {
		char *buf = malloc(size + 1);
		size_t keep = size ? (size - 1 < len ? size - 1 : len) : 0;
		int n;

		assert_non_null(buf);
		memset(buf, CANARY, size + 1);
		n = fn(buf, size, arg);
		if (n != (int)len)
			fail_fmt("\"%s\" at size %zu: returned %d", want, size,
				 n);
		if (size && (memcmp(buf, want, keep) || buf[keep]))
			fail_fmt("\"%s\" at size %zu: \"%.*s\"", want, size,
				 (int)keep, buf);
		if (buf[size] != CANARY)
			fail_fmt("\"%s\" at size %zu: wrote past the end",
				 want, size);
		free(buf);
	}
	/* No buffer at all. */
	assert_int_equal(fn(NULL, 0, arg), (int)len);
}

static int duration(char *buf, size_t size, const void *arg)
{
	return xl_fmt_duration(buf, size, *(const uint64_t *)arg);
}

static void expect_duration(uint64_t seconds, const char *want)
{
	check_sizes(duration, &seconds, want);
}

static void test_duration(void **state)
{
	expect_duration(0, "0s");
	expect_duration(7, "7s");
	expect_duration(59, "59s");
	expect_duration(60, "1m0s");
	expect_duration(83, "1m23s");
	expect_duration(3599, "59m59s");
	expect_duration(3600, "1h0m0s");
	expect_duration(3605, "1h0m5s");
	expect_duration(3660, "1h1m0s");
	expect_duration(86399, "23h59m59s");
	expect_duration(86400, "1d0h0m0s");
	expect_duration(86401, "1d0h0m1s");
	expect_duration(90061, "1d1h1m1s");
	expect_duration(100 * 86400 + 23 * 3600 + 59 * 60 + 58,
			"100d23h59m58s");
	expect_duration(UINT64_MAX, "213503982334601d7h0m15s");
	(void)state;
}

/* A NULL buffer with a size is taken as no buffer. */
static void test_null_buf(void **state)
{
	assert_int_equal(xl_fmt_duration(NULL, 16, 90061), 8);
	assert_int_equal(xl_fmt_cpulist(NULL, 16, (uint64_t[]){ 0xf }, 64), 3);
	(void)state;
}

struct cpus {
	const uint64_t *mask;
	unsigned int nbits;
};

static int cpulist(char *buf, size_t size, const void *arg)
{
	const struct cpus *c = arg;

	return xl_fmt_cpulist(buf, size, c->mask, c->nbits);
}

static void expect_cpulist(const uint64_t *mask, unsigned int nbits,
			   const char *want)
{
	struct cpus c = { mask, nbits };

	check_sizes(cpulist, &c, want);
}

static void test_cpulist(void **state)
{
	uint64_t m[4] = { 0 };

	expect_cpulist(m, 256, "");
	expect_cpulist(m, 0, "");
	m[0] = 1;
	expect_cpulist(m, 64, "0");
	m[0] = 0x34f;			/* 0-3, 6, 8-9 */
	expect_cpulist(m, 64, "0-3,6,8-9");
	m[0] = 0x15;
	expect_cpulist(m, 64, "0,2,4");
	m[0] = 0x6;
	expect_cpulist(m, 64, "1-2");
	m[0] = ~0ULL;
	expect_cpulist(m, 64, "0-63");
	expect_cpulist(m, 1, "0");
	expect_cpulist(m, 5, "0-4");
	m[0] = 1ULL << 63;
	m[1] = 1;
	expect_cpulist(m, 128, "63-64");
	m[0] = 0;
	m[1] = 0;
	m[3] = 1ULL << 63;
	expect_cpulist(m, 256, "255");
	expect_cpulist(m, 255, "");
	m[0] = m[1] = m[2] = m[3] = ~0ULL;
	expect_cpulist(m, 256, "0-255");
	expect_cpulist(m, 130, "0-129");
	m[1] = 0xffff0000ffff0000ULL;
	expect_cpulist(m, 256, "0-63,80-95,112-255");
	(void)state;
}

/* Bits past @nbits are not read as CPUs, whatever they hold. */
static void test_cpulist_nbits(void **state)
{
	uint64_t m[2] = { 0xf0, ~0ULL };

	expect_cpulist(m, 6, "4-5");
	expect_cpulist(m, 8, "4-7");
	expect_cpulist(m, 65, "4-7,64");
	expect_cpulist(m, 66, "4-7,64-65");
	expect_cpulist(m, 4, "");
	(void)state;
}

/* A long list, truncated at every size. */
static void test_cpulist_long(void **state)
{
	uint64_t m[16];
	char want[4096] = "";
	size_t len = 0;

	for (unsigned int i = 0; i < 16; i++)
		m[i] = 0x5555555555555555ULL;
	for (unsigned int cpu = 0; cpu < 1024; cpu += 2)
		len += (size_t)snprintf(want + len, sizeof(want) - len, "%s%u",
					cpu ? "," : "", cpu);
	expect_cpulist(m, 1024, want);
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_duration),
		cmocka_unit_test(test_null_buf),
		cmocka_unit_test(test_cpulist),
		cmocka_unit_test(test_cpulist_nbits),
		cmocka_unit_test(test_cpulist_long),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
