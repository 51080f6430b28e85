// SPDX-License-Identifier: GPL-2.0
/*
 * tools/xenlate/bvt_args.c: the arguments of 'xenlate sched-bvt', the
 * modes, keys, units, ranges and what must be refused.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include <xenlate/dom0ctl.h>

#include "bvt_args.h"

#define MAX_ARGS	16

static struct xl_bvt_args a;
static char err[256];

/* Parse the NULL-terminated words after "sched-bvt". */
static int parse_v(const char *first, va_list ap)
{
	char *argv[MAX_ARGS] = { "sched-bvt" };
	int argc = 1;

	for (const char *w = first; w; w = va_arg(ap, const char *))
		argv[argc++] = (char *)w;
	err[0] = '\0';
	return xl_bvt_args_parse(argc, argv, &a, err, sizeof(err));
}

static int parse(const char *first, ...)
{
	va_list ap;
	int rc;

	va_start(ap, first);
	rc = parse_v(first, ap);
	va_end(ap);
	return rc;
}

#define expect_err(want, ...)						\
	do {								\
		int rc_ = parse(__VA_ARGS__, NULL);			\
									\
		if (rc_ != -EINVAL || !strstr(err, want))		\
			fail_fmt("rc %d, \"%s\" (expected \"%s\")", rc_,	\
				 err, want);				\
	} while (0)

static void test_modes(void **state)
{
	assert_int_equal(parse(NULL), 0);
	assert_int_equal(a.mode, XL_BVT_SHOW_ALL);
	assert_null(a.dom);

	assert_int_equal(parse("web", NULL), 0);
	assert_int_equal(a.mode, XL_BVT_SHOW);
	assert_string_equal(a.dom, "web");

	assert_int_equal(parse("Domain-0", "mcu_adv=5", NULL), 0);
	assert_int_equal(a.mode, XL_BVT_SET);
	assert_string_equal(a.dom, "Domain-0");
	assert_int_equal(a.mask, XL_BVT_SET_MCU_ADVANCE);
	assert_int_equal(a.set.mcu_advance, 5);

	assert_int_equal(parse("-g", NULL), 0);
	assert_int_equal(a.mode, XL_BVT_GLOBAL_SHOW);

	assert_int_equal(parse("-g", "mcu=200us", NULL), 0);
	assert_int_equal(a.mode, XL_BVT_GLOBAL_SET);
	assert_int_equal(a.gmask, XL_BVT_SET_MCU);
	assert_int_equal(a.global.mcu_ns, 200000);
	assert_int_equal(a.mask, 0);
	(void)state;
}

static void test_all_keys(void **state)
{
	assert_int_equal(parse("7", "mcu_adv=1", "warp=1099511627776",
			       "warpl=10ms", "warpu=1s", "warp_enabled=1",
			       NULL), 0);
	assert_int_equal(a.mask, XL_BVT_SET_MCU_ADVANCE | XL_BVT_SET_WARP |
			 XL_BVT_SET_WARP_LIMIT | XL_BVT_SET_UNWARP_REQ |
			 XL_BVT_SET_WARP_ENABLED);
	assert_int_equal(a.set.mcu_advance, 1);
	assert_int_equal(a.set.warp, XL_BVT_WARP_MAX);
	assert_int_equal(a.set.warp_limit_ns, 10000000);
	assert_int_equal(a.set.unwarp_req_ns, 1000000000);
	assert_int_equal(a.set.warp_enabled, 1);

	/* The long names are the same keys. */
	assert_int_equal(parse("7", "mcu_advance=10000", "warp_limit=5",
			       "unwarp_req=3600s", NULL), 0);
	assert_int_equal(a.set.mcu_advance, XL_BVT_ADVANCE_MAX);
	assert_int_equal(a.set.warp_limit_ns, 5);
	assert_int_equal(a.set.unwarp_req_ns, XL_BVT_WARP_TIME_MAX_NS);
	expect_err("mcu_adv given twice", "7", "mcu_adv=2", "mcu_advance=3");

	assert_int_equal(parse("-g", "mcu=10us", "ctx_allow=1s", NULL), 0);
	assert_int_equal(a.global.mcu_ns, XL_BVT_MCU_MIN_NS);
	assert_int_equal(a.global.ctx_allow_ns, XL_BVT_CTX_ALLOW_MAX_NS);
	assert_int_equal(parse("-g", "mcu=100ms", "ctx_allow=100000000ns",
			       NULL), 0);
	assert_int_equal(a.global.mcu_ns, XL_BVT_MCU_MAX_NS);
	(void)state;
}

/* Only what was given is in the mask: the rest keeps its value. */
static void test_mask_only_given(void **state)
{
	assert_int_equal(parse("d", "warp=0", NULL), 0);
	assert_int_equal(a.mask, XL_BVT_SET_WARP);
	assert_int_equal(parse("d", "warp_enabled=0", NULL), 0);
	assert_int_equal(a.mask, XL_BVT_SET_WARP_ENABLED);
	assert_int_equal(parse("-g", "ctx_allow=5ms", NULL), 0);
	assert_int_equal(a.gmask, XL_BVT_SET_CTX_ALLOW);
	(void)state;
}

static void test_ranges(void **state)
{
	expect_err("mcu_adv: 0 out of range 1..10000", "d", "mcu_adv=0");
	expect_err("mcu_adv: 10001 out of range", "d", "mcu_adv=10001");
	expect_err("warp: 1099511627777 out of range", "d",
		   "warp=1099511627777");
	expect_err("warp_enabled: 2 out of range 0..1", "d",
		   "warp_enabled=2");
	expect_err("warpl: 3601s out of range", "d", "warpl=3601s");
	expect_err("warpu: 3600000000001 out of range", "d",
		   "warpu=3600000000001");
	expect_err("mcu: 9999 out of range 10000..100000000 ns", "-g",
		   "mcu=9999");
	expect_err("mcu: 101ms out of range", "-g", "mcu=101ms");
	expect_err("ctx_allow: 2s out of range", "-g", "ctx_allow=2s");
	expect_err("ctx_allow must be at least mcu", "-g", "mcu=1ms",
		   "ctx_allow=999us");
	(void)state;
}

static void test_bad_values(void **state)
{
	expect_err("mcu_adv: '-1' is not a number", "d", "mcu_adv=-1");
	expect_err("mcu_adv: '' is not a number", "d", "mcu_adv=");
	expect_err("mcu_adv: '5ms' is not a number", "d", "mcu_adv=5ms");
	expect_err("warp: '0x10' is not a number", "d", "warp=0x10");
	expect_err("warp: ' 1' is not a number", "d", "warp= 1");
	expect_err("warpl: '10 ms' is not a time", "d", "warpl=10 ms");
	expect_err("warpl: '10m' is not a time", "d", "warpl=10m");
	expect_err("warpl: 'ms' is not a time", "d", "warpl=ms");
	expect_err("warpl: '-5' is not a time", "d", "warpl=-5");
	/* Overflow, of the digits and of the unit. */
	expect_err("warp: '18446744073709551616' is not a number", "d",
		   "warp=18446744073709551616");
	expect_err("warpl: '18446744073709551615s' is not a time", "d",
		   "warpl=18446744073709551615s");
	expect_err("warp: 18446744073709551615 out of range", "d",
		   "warp=18446744073709551615");
	(void)state;
}

static void test_bad_syntax(void **state)
{
	expect_err("unknown parameter 'weight' (mcu_adv, warp", "d",
		   "weight=3");
	expect_err("unknown parameter 'mcu'", "d", "mcu=100us");
	expect_err("unknown global parameter 'mcu_adv' (mcu, ctx_allow)",
		   "-g", "mcu_adv=3");
	expect_err("'warp': expected KEY=VALUE", "d", "warp");
	expect_err("'=3': expected KEY=VALUE", "d", "=3");
	expect_err("-g takes no domain: 'web'", "-g", "web");
	expect_err("unknown option '-x'", "-x");
	expect_err("-g comes first, without a domain", "web", "-g");
	expect_err("unknown option '-v'", "web", "-v");
	expect_err("warp given twice", "d", "warp=1", "warp=1");
	expect_err("mcu given twice", "-g", "mcu=1ms", "mcu=2ms");
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_modes),
		cmocka_unit_test(test_all_keys),
		cmocka_unit_test(test_mask_only_given),
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_bad_syntax),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
