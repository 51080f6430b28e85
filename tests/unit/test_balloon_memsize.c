// SPDX-License-Identifier: GPL-2.0
/*
 * tools/xenlate/memsize.c: xenlate mem-set's sizes, MiB by default,
 * units b/k/m/g/t, whole 4 KiB pages, at most 1 TiB.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "unit.h"

#include <errno.h>

#include "memsize.h"

static uint64_t ok_kb(const char *s)
{
	const char *why = NULL;
	uint64_t kb = 0;

	if (xl_memsize_kb(s, &kb, &why))
		fail_fmt("'%s' refused: %s", s, why);
	return kb;
}

static void bad(const char *s)
{
	const char *why = NULL;
	uint64_t kb = 12345;

	if (!xl_memsize_kb(s, &kb, &why))
		fail_fmt("'%s' accepted as %llu kB", s, (unsigned long long)kb);
	assert_non_null(why);
	assert_int_equal(kb, 12345);
}

static void test_units(void **state)
{
	(void)state;
	assert_int_equal(ok_kb("512"), 512 * 1024);
	assert_int_equal(ok_kb("512m"), 512 * 1024);
	assert_int_equal(ok_kb("512M"), 512 * 1024);
	assert_int_equal(ok_kb("2g"), 2 * 1024 * 1024);
	assert_int_equal(ok_kb("4096k"), 4096);
	assert_int_equal(ok_kb("8192b"), 8);
	assert_int_equal(ok_kb("1t"), 1ULL << 30);
	assert_int_equal(ok_kb("0"), 0);
}

static void test_refused(void **state)
{
	(void)state;
	bad("");
	bad("m");
	bad("-1");
	bad(" 5");
	bad("1x");
	bad("1mb");
	bad("12.5");
	bad("2k");		/* half a page */
	bad("1000b");
	bad("2t");		/* above 1 TiB */
	bad("1048577");		/* MiB: just above 1 TiB */
	bad("99999999999999999999999");
	bad("18446744073709551615k");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests_name("balloon_memsize", tests, NULL,
					   NULL);
}
