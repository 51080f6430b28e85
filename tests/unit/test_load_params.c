// SPDX-License-Identifier: GPL-2.0
/*
 * tools/xenlate/load_params.c: 'xenlate load KEY=VALUE...' into module
 * parameters, with sizes, ports and hostile arguments.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include "load_params.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* --- xl_parse_mem_mib --------------------------------------------------- */

static void expect_mib(const char *s, unsigned long want)
{
	unsigned long mib = 0;
	int rc = xl_parse_mem_mib(s, &mib);

	if (rc || mib != want)
		fail_fmt("\"%s\": rc %d, %lu MiB (expected %lu)", s, rc, mib,
			 want);
}

static void expect_mib_err(const char *s, int err)
{
	unsigned long mib = 12345;
	int rc = xl_parse_mem_mib(s, &mib);

	if (rc != err || mib != 12345)
		fail_fmt("\"%s\": rc %d, %lu MiB (expected rc %d)", s, rc, mib,
			 err);
}

static void test_mem_mib(void **state)
{
	expect_mib("64", 64);
	expect_mib("64M", 64);
	expect_mib("64m", 64);
	expect_mib("64MiB", 64);
	expect_mib("64mib", 64);
	expect_mib("64MIB", 64);
	expect_mib("1G", 1024);
	expect_mib("1g", 1024);
	expect_mib("1GiB", 1024);
	expect_mib("2gIb", 2048);
	expect_mib("1", 1);
	expect_mib("007", 7);
	expect_mib("4294967295", 4294967295UL);
	expect_mib("4294967295M", 4294967295UL);
	expect_mib("4194303G", 4194303UL * 1024);
	(void)state;
}

static void test_mem_mib_bad(void **state)
{
	static const char *const invalid[] = {
		"", "M", "G", "-1", "+1", " 64", "64 ", "64 M", "64MB", "64K",
		"64KiB", "64T", "1.5G", "0x40", "64Mi", "64Gi", "64MiBs",
		"64\n", "1e3", "sixty", "64M\t", "６４",
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(invalid); i++)
		expect_mib_err(invalid[i], -EINVAL);
	expect_mib_err("0", -ERANGE);
	expect_mib_err("0G", -ERANGE);
	expect_mib_err("000M", -ERANGE);
	expect_mib_err("4294967296", -ERANGE);
	expect_mib_err("4194304G", -ERANGE);
	expect_mib_err("18446744073709551615", -ERANGE);
	expect_mib_err("18446744073709551616", -ERANGE);
	expect_mib_err("99999999999999999999999999999999G", -ERANGE);
	(void)state;
}

/* --- xl_parse_serial ---------------------------------------------------- */

static void expect_port(const char *s, unsigned int want)
{
	unsigned int port = 0xdeadbeef;
	int rc = xl_parse_serial(s, &port);

	if (rc || port != want)
		fail_fmt("\"%s\": rc %d, port %#x (expected %#x)", s, rc, port,
			 want);
}

static void expect_port_err(const char *s, int err)
{
	unsigned int port = 0xdeadbeef;
	int rc = xl_parse_serial(s, &port);

	if (rc != err || port != 0xdeadbeef)
		fail_fmt("\"%s\": rc %d, port %#x (expected rc %d)", s, rc,
			 port, err);
}

static void test_serial(void **state)
{
	expect_port("0x2f8", 0x2f8);
	expect_port("0X2F8", 0x2f8);
	expect_port("0x3Fe", 0x3fe);
	expect_port("760", 0x2f8);
	expect_port("com1", 0x3f8);
	expect_port("com2", 0x2f8);
	expect_port("com3", 0x3e8);
	expect_port("com4", 0x2e8);
	expect_port("COM1", 0x3f8);
	expect_port("Com2", 0x2f8);
	expect_port("off", 0);
	expect_port("OFF", 0);
	expect_port("none", 0);
	expect_port("None", 0);
	expect_port("0", 0);
	expect_port("0x0", 0);
	expect_port("65535", 0xffff);
	expect_port("0xffff", 0xffff);
	expect_port("0x00000000000000000000ffff", 0xffff);
	expect_port("1", 1);
	(void)state;
}

static void test_serial_bad(void **state)
{
	static const char *const invalid[] = {
		"", "0x", "0xg", "0x2f8 ", " 0x2f8", "com", "com0", "com5",
		"com12", "com1 ", "comm1", "co", "-1", "+760", "760x", "0x-1",
		"of", "offf", "nonee", "0x2f8h", "x2f8", "0b101", "7 60",
		"0x10000g",
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(invalid); i++)
		expect_port_err(invalid[i], -EINVAL);
	expect_port_err("65536", -ERANGE);
	expect_port_err("0x10000", -ERANGE);
	expect_port_err("0xffffffffffffffffffffffff", -ERANGE);
	expect_port_err("99999999999999999999999999", -ERANGE);
	(void)state;
}

/* --- xl_load_params_parse ----------------------------------------------- */

static struct xl_load_params params;
static char err[256];

/* Parse a NULL-terminated list of arguments into params and err. */
static int parse(const char *arg, ...)
{
	char *argv[64];
	int argc = 0;
	va_list ap;

	va_start(ap, arg);
	for (; arg; arg = va_arg(ap, const char *)) {
		assert_true(argc < (int)ARRAY_SIZE(argv));
		argv[argc++] = (char *)arg;
	}
	va_end(ap);
	memset(&params, 0x5a, sizeof(params));
	memset(err, 0x5a, sizeof(err));
	return xl_load_params_parse(argc, argv, &params, err, sizeof(err));
}

/* Success: no error text, exactly the parameters given (NULL-terminated). */
static void expect_params(int rc, ...)
{
	const char *want;
	unsigned int i = 0;
	va_list ap;

	if (rc)
		fail_fmt("rc %d: %s", rc, err);
	assert_string_equal(err, "");
	va_start(ap, rc);
	while ((want = va_arg(ap, const char *))) {
		assert_true(i < params.count);
		assert_string_equal(params.param[i], want);
		i++;
	}
	va_end(ap);
	assert_int_equal(params.count, i);
}

/* @s with control characters as \xNN, for messages. */
static const char *escaped(const char *s)
{
	static char out[4 * sizeof(err) + 1];
	size_t n = 0;

	for (; *s && n + 5 < sizeof(out); s++) {
		if ((unsigned char)*s < ' ' || *s == 0x7f)
			n += (size_t)sprintf(out + n, "\\x%02x",
					     (unsigned char)*s);
		else
			out[n++] = *s;
	}
	out[n] = '\0';
	return out;
}

/* Failure: @want, and a one-line reason that mentions @about. */
static void expect_fail(int rc, int want, const char *about)
{
	if (rc != want)
		fail_fmt("rc %d, expected %d (err \"%s\")", rc, want,
			 escaped(err));
	assert_true(strlen(err) > 0 && strlen(err) < sizeof(err));
	if (strpbrk(err, "\r\n"))
		fail_fmt("reason is not one line: \"%s\"", escaped(err));
	if (about && !strstr(err, about))
		fail_fmt("\"%s\" does not mention \"%s\"", escaped(err),
			 about);
}

static void test_parse_ok(void **state)
{
	expect_params(parse(NULL), NULL);
	expect_params(parse("mem=64", NULL), "mem_mb=64", NULL);
	expect_params(parse("mem=1G", NULL), "mem_mb=1024", NULL);
	expect_params(parse("mem=4294967295", NULL), "mem_mb=4294967295",
		      NULL);
	expect_params(parse("serial=com2", NULL), "serial=0x2f8", NULL);
	expect_params(parse("serial=off", NULL), "serial=0", NULL);
	expect_params(parse("serial=0", NULL), "serial=0", NULL);
	expect_params(parse("serial=0x3F8", NULL), "serial=0x3f8", NULL);
	expect_params(parse("serial=1016", NULL), "serial=0x3f8", NULL);
	expect_params(parse("mem=2GiB", "serial=com1", "dom0_mem=512M",
			    "debug=1", NULL),
		      "mem_mb=2048", "serial=0x3f8", "dom0_mem=512M",
		      "debug=1", NULL);
	/* Passed through as given. */
	expect_params(parse("a=b=c", NULL), "a=b=c", NULL);
	expect_params(parse("x=", NULL), "x=", NULL);
	expect_params(parse("my-key=1", "_k=2", "K9=3", "-=4", NULL),
		      "my-key=1", "_k=2", "K9=3", "-=4", NULL);
	expect_params(parse("mem_mb=128", NULL), "mem_mb=128", NULL);
	expect_params(parse("path=/a/b,c:d", NULL), "path=/a/b,c:d", NULL);
	/* Kernel parameter names are case-sensitive. */
	expect_params(parse("Foo=1", "foo=2", NULL), "Foo=1", "foo=2", NULL);
	(void)state;
}

static void test_parse_bad_syntax(void **state)
{
	expect_fail(parse("mem", NULL), -EINVAL, "mem");
	expect_fail(parse("", NULL), -EINVAL, NULL);
	expect_fail(parse("=1", NULL), -EINVAL, "=1");
	expect_fail(parse("1key=1", NULL), -EINVAL, "1key=1");
	expect_fail(parse("9=1", NULL), -EINVAL, NULL);
	expect_fail(parse("ke y=1", NULL), -EINVAL, NULL);
	expect_fail(parse("key!=1", NULL), -EINVAL, NULL);
	expect_fail(parse("k.e=1", NULL), -EINVAL, NULL);
	expect_fail(parse("k\xc3\xa9=1", NULL), -EINVAL, NULL);
	expect_fail(parse("key=va lue", NULL), -EINVAL, "key=va");
	expect_fail(parse("key=\"quoted\"", NULL), -EINVAL, NULL);
	expect_fail(parse("key=a\tb", NULL), -EINVAL, NULL);
	expect_fail(parse("key=\x01", NULL), -EINVAL, NULL);
	expect_fail(parse("key=\x7f", NULL), -EINVAL, NULL);
	expect_fail(parse("key= ", NULL), -EINVAL, NULL);
	/* A good argument before a bad one does not hide the error. */
	expect_fail(parse("mem=64", "oops", NULL), -EINVAL, "oops");
	(void)state;
}

static void test_parse_bad_values(void **state)
{
	expect_fail(parse("mem=", NULL), -EINVAL, "mem=");
	expect_fail(parse("mem=0", NULL), -EINVAL, "mem=0");
	expect_fail(parse("mem=64K", NULL), -EINVAL, "mem=64K");
	expect_fail(parse("mem=4294967296", NULL), -EINVAL, "range");
	expect_fail(parse("mem=99999999999999999999999", NULL), -EINVAL,
		    NULL);
	expect_fail(parse("mem=-5", NULL), -EINVAL, NULL);
	expect_fail(parse("serial=", NULL), -EINVAL, NULL);
	expect_fail(parse("serial=com5", NULL), -EINVAL, "com5");
	expect_fail(parse("serial=65536", NULL), -EINVAL, "range");
	expect_fail(parse("serial=0x10000", NULL), -EINVAL, "range");
	expect_fail(parse("serial=0x2f8 ", NULL), -EINVAL, NULL);
	(void)state;
}

static void test_parse_duplicates(void **state)
{
	expect_fail(parse("mem=64", "mem=128", NULL), -EINVAL, "twice");
	expect_fail(parse("mem=64", "mem_mb=128", NULL), -EINVAL, "twice");
	expect_fail(parse("mem_mb=128", "mem=64", NULL), -EINVAL, "twice");
	expect_fail(parse("mem-mb=128", "mem=64", NULL), -EINVAL, "twice");
	expect_fail(parse("serial=com1", "serial=off", NULL), -EINVAL,
		    "twice");
	expect_fail(parse("serial=com1", "serial=com1", NULL), -EINVAL,
		    "twice");
	expect_fail(parse("a_b=1", "a-b=2", NULL), -EINVAL, "twice");
	expect_fail(parse("x=1", "y=2", "x=1", NULL), -EINVAL, "twice");
	/* A key that only starts like another is not the same. */
	expect_params(parse("ab=1", "abc=2", "a=3", "abd=4", NULL), "ab=1",
		      "abc=2", "a=3", "abd=4", NULL);
	expect_params(parse("mem=1", "mem_m=2", "mem_mbx=3", NULL),
		      "mem_mb=1", "mem_m=2", "mem_mbx=3", NULL);
	(void)state;
}

/*
 * The reason is one line even when the argument it quotes holds a newline
 * or other control characters (load_params.h: "a one-line reason (no
 * newline ...)").
 */
static void test_parse_err_one_line(void **state)
{
	expect_fail(parse("key=a\nb", NULL), -EINVAL, NULL);
	expect_fail(parse("ke\ny=1", NULL), -EINVAL, NULL);
	expect_fail(parse("no\nequals", NULL), -EINVAL, NULL);
	expect_fail(parse("mem=1\n", NULL), -EINVAL, NULL);
	expect_fail(parse("serial=\r\ncom1", NULL), -EINVAL, NULL);
	(void)state;
}

/* XL_LOAD_PARAM_LEN - 1 bytes of "key=value" fit, one more does not. */
static void test_parse_lengths(void **state)
{
	char arg[4096];
	int rc;

	memset(arg, 'v', sizeof(arg));
	memcpy(arg, "k=", 2);
	arg[XL_LOAD_PARAM_LEN - 1] = '\0';
	expect_params(parse(arg, NULL), arg, NULL);
	arg[XL_LOAD_PARAM_LEN - 1] = 'v';
	arg[XL_LOAD_PARAM_LEN] = '\0';
	expect_fail(parse(arg, NULL), -E2BIG, "too long");

	/* A key of 126 bytes with an empty value fits, 127 not. */
	memset(arg, 'k', sizeof(arg));
	arg[XL_LOAD_PARAM_LEN - 2] = '=';
	arg[XL_LOAD_PARAM_LEN - 1] = '\0';
	expect_params(parse(arg, NULL), arg, NULL);
	memset(arg, 'k', sizeof(arg));
	arg[XL_LOAD_PARAM_LEN - 1] = '=';
	arg[XL_LOAD_PARAM_LEN] = '\0';
	expect_fail(parse(arg, NULL), -E2BIG, NULL);

	/* Keys far too long, and values: short one-line reasons. */
	memset(arg, 'k', sizeof(arg));
	arg[3000] = '=';
	arg[3001] = '1';
	arg[3002] = '\0';
	rc = parse(arg, NULL);
	assert_true(rc == -EINVAL || rc == -E2BIG);
	expect_fail(rc, rc, NULL);
	assert_true(strlen(err) < 200);
	memset(arg, 'v', sizeof(arg));
	memcpy(arg, "key=", 4);
	arg[sizeof(arg) - 1] = '\0';
	expect_fail(parse(arg, NULL), -E2BIG, NULL);
	assert_true(strlen(err) < 200);
	(void)state;
}

static void test_parse_too_many(void **state)
{
	char keys[XL_LOAD_MAX_PARAMS + 1][32];
	char *argv[XL_LOAD_MAX_PARAMS + 1];

	for (unsigned int i = 0; i <= XL_LOAD_MAX_PARAMS; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%u=%u", i, i);
		argv[i] = keys[i];
	}
	assert_int_equal(xl_load_params_parse(XL_LOAD_MAX_PARAMS, argv,
					      &params, err, sizeof(err)), 0);
	assert_int_equal(params.count, XL_LOAD_MAX_PARAMS);
	assert_string_equal(params.param[XL_LOAD_MAX_PARAMS - 1], "k31=31");
	assert_int_equal(xl_load_params_parse(XL_LOAD_MAX_PARAMS + 1, argv,
					      &params, err, sizeof(err)),
			 -E2BIG);
	assert_true(strlen(err) > 0);
	assert_null(strchr(err, '\n'));
	(void)state;
}

/* The reason is cut to the buffer, and no buffer at all is fine. */
static void test_parse_small_err(void **state)
{
	char *argv[] = { "mem=lots" };
	char small[8];

	memset(small, 0x5a, sizeof(small));
	assert_int_equal(xl_load_params_parse(1, argv, &params, small,
					      sizeof(small)), -EINVAL);
	assert_int_equal(strlen(small), sizeof(small) - 1);
	assert_int_equal(xl_load_params_parse(1, argv, &params, NULL, 0),
			 -EINVAL);
	assert_int_equal(xl_load_params_parse(0, argv, &params, NULL, 0), 0);
	assert_int_equal(params.count, 0);
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mem_mib),
		cmocka_unit_test(test_mem_mib_bad),
		cmocka_unit_test(test_serial),
		cmocka_unit_test(test_serial_bad),
		cmocka_unit_test(test_parse_ok),
		cmocka_unit_test(test_parse_bad_syntax),
		cmocka_unit_test(test_parse_bad_values),
		cmocka_unit_test(test_parse_duplicates),
		cmocka_unit_test(test_parse_err_one_line),
		cmocka_unit_test(test_parse_lengths),
		cmocka_unit_test(test_parse_too_many),
		cmocka_unit_test(test_parse_small_err),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
