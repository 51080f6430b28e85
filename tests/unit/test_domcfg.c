// SPDX-License-Identifier: GPL-2.0
/*
 * tools/xenlate/domcfg.c: xl.cfg domain configuration files and the
 * overrides of 'xenlate create'.  Inputs are exact-size heap copies, not
 * NUL-terminated, so ASan catches a read past the end; errors are checked
 * as whole messages where the wording is the interface (file:line: key:).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include "unit.h"

#include "domcfg.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* The smallest valid config, for tests about one more key. */
#define MIN_CFG		"name = \"g\"\nmemory = 64\nkernel = \"/k\"\n"

static struct xl_domcfg cfg;
static char err[512];

static int teardown(void **state)
{
	xl_domcfg_free(&cfg);
	(void)state;
	return 0;
}

/* @s with control characters as \xNN, for failure messages. */
static const char *escaped(const char *s, size_t len)
{
	static char out[2048];
	size_t n = 0;

	for (; len && n + 5 < sizeof(out); s++, len--) {
		if ((unsigned char)*s < ' ' || *s == 0x7f)
			n += (size_t)sprintf(out + n, "\\x%02x",
					     (unsigned char)*s);
		else
			out[n++] = *s;
	}
	out[n] = '\0';
	return out;
}

/* Parse @len bytes of @text, from an exact-size heap copy. */
static int parse_argv(const char *text, size_t len, int argc, char **argv)
{
	char *copy = malloc(len ? len : 1);
	int rc;

	assert_non_null(copy);
	if (text)
		memcpy(copy, text, len);
	xl_domcfg_free(&cfg);
	memset(&cfg, 0x5a, sizeof(cfg));
	memset(err, 0x5a, sizeof(err));
	rc = xl_domcfg_parse(text ? copy : NULL, len, "guest.cfg", argc, argv,
			     &cfg, err, sizeof(err));
	free(copy);
	return rc;
}

/* Parse @text (a C string) with the NULL-terminated overrides after it. */
static int parse_n(const char *text, size_t len, ...)
{
	char *argv[32];
	int argc = 0;
	const char *a;
	va_list ap;

	va_start(ap, len);
	while ((a = va_arg(ap, const char *))) {
		assert_true(argc < (int)ARRAY_SIZE(argv));
		argv[argc++] = (char *)a;
	}
	va_end(ap);
	return parse_argv(text, len, argc, argv);
}

#define parse(text, ...)	parse_n(text, strlen(text), ##__VA_ARGS__, NULL)

/* A failure leaves a one-line reason and a zeroed result. */
#define check_failed(rc, want)	check_failed_at(rc, want, __FILE__, __LINE__)
static void check_failed_at(int rc, int want, const char *file, int line)
{
	static const struct xl_domcfg zero;

	if (rc != want)
		fail_at(file, line, "rc %d, expected %d (err \"%s\")", rc, want,
			 escaped(err, strnlen(err, sizeof(err))));
	assert_true(strlen(err) > 0 && strlen(err) < sizeof(err));
	for (const char *p = err; *p; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			fail_at(file, line,
				"reason is not one printable line: \"%s\"",
				 escaped(err, strlen(err)));
	assert_memory_equal(&cfg, &zero, sizeof(cfg));
}

#define expect_ok(rc)	expect_ok_at(rc, __FILE__, __LINE__)
static void expect_ok_at(int rc, const char *file, int line)
{
	if (rc)
		fail_at(file, line, "rc %d: %s", rc, err);
	if (err[0])
		fail_at(file, line, "error text on success: %s", err);
}

/* Failure with exactly the reason @want. */
#define expect_err(rc, want)	expect_err_at(rc, want, __FILE__, __LINE__)
static void expect_err_at(int rc, const char *want, const char *file,
			  int line)
{
	check_failed_at(rc, -EINVAL, file, line);
	if (strcmp(err, want))
		fail_at(file, line, "got  \"%s\"\nwant \"%s\"", err, want);
}

/* Failure whose reason contains @want. */
#define expect_err_has(rc, want) \
	expect_err_has_at(rc, want, __FILE__, __LINE__)
static void expect_err_has_at(int rc, const char *want, const char *file,
			      int line)
{
	check_failed_at(rc, -EINVAL, file, line);
	if (!strstr(err, want))
		fail_at(file, line, "\"%s\" does not contain \"%s\"", err,
			want);
}

/* MIN_CFG followed by the printf-formatted @fmt. */
__attribute__((format(printf, 1, 2)))
static const char *with(const char *fmt, ...)
{
	static char buf[16384];
	size_t n = strlen(MIN_CFG);
	va_list ap;

	memcpy(buf, MIN_CFG, n);
	va_start(ap, fmt);
	vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	va_end(ap);
	return buf;
}

/* --- valid files -------------------------------------------------------- */

static void test_minimal_defaults(void **state)
{
	expect_ok(parse(MIN_CFG));
	assert_string_equal(cfg.name, "g");
	assert_int_equal(cfg.memory_mib, 64);
	assert_int_equal(cfg.maxmem_mib, 64);
	assert_int_equal(cfg.vcpus, 1);
	assert_int_equal(cfg.maxvcpus, 1);
	assert_string_equal(cfg.kernel, "/k");
	assert_null(cfg.ramdisk);
	assert_string_equal(cfg.cmdline, "");
	assert_false(cfg.root_extra_ignored);
	assert_int_equal(cfg.on_poweroff, XL_ACTION_DESTROY);
	assert_int_equal(cfg.on_reboot, XL_ACTION_RESTART);
	assert_int_equal(cfg.on_crash, XL_ACTION_DESTROY);
	assert_int_equal(cfg.bvt.mcu_advance, 10);
	assert_int_equal(cfg.bvt.warp, 0);
	assert_int_equal(cfg.bvt.warp_limit_ms, 0);
	assert_int_equal(cfg.bvt.unwarp_ms, 0);
	(void)state;
}

static const char full_cfg[] =
	"# A guest with every key xenlate knows\n"
	"\n"
	"name = \"web-1.example_a\"\n"
	"type = 'pvh'\n"
	"memory = 0x200            # 512 MiB\n"
	"maxmem = 1024;  vcpus = 2; maxvcpus = \"4\"\n"
	"kernel = \"/boot/vmlinuz-6.1\"\n"
	"\tramdisk\t=\t'initrd.img'\t\n"
	"root=\"/dev/xvda1\"\n"
	"extra = \"console=hvc0 # not a comment; nor this\"\n"
	"on_poweroff = \"preserve\"\n"
	"on_reboot = \"destroy\"\n"
	"on_crash = 'restart'\n"
	"mcu_advance = 20\n"
	"warp = 5\n"
	"warp_limit_ms = 100\n"
	"unwarp_ms = 50;";	/* no newline at the end */

static void check_full(void)
{
	assert_string_equal(cfg.name, "web-1.example_a");
	assert_int_equal(cfg.memory_mib, 512);
	assert_int_equal(cfg.maxmem_mib, 1024);
	assert_int_equal(cfg.vcpus, 2);
	assert_int_equal(cfg.maxvcpus, 4);
	assert_string_equal(cfg.kernel, "/boot/vmlinuz-6.1");
	assert_string_equal(cfg.ramdisk, "initrd.img");
	assert_string_equal(cfg.cmdline, "root=/dev/xvda1 console=hvc0 "
			    "# not a comment; nor this");
	assert_false(cfg.root_extra_ignored);
	assert_int_equal(cfg.on_poweroff, XL_ACTION_PRESERVE);
	assert_int_equal(cfg.on_reboot, XL_ACTION_DESTROY);
	assert_int_equal(cfg.on_crash, XL_ACTION_RESTART);
	assert_int_equal(cfg.bvt.mcu_advance, 20);
	assert_int_equal(cfg.bvt.warp, 5);
	assert_int_equal(cfg.bvt.warp_limit_ms, 100);
	assert_int_equal(cfg.bvt.unwarp_ms, 50);
}

static void test_all_keys(void **state)
{
	expect_ok(parse(full_cfg));
	check_full();
	(void)state;
}

/* The same file with CRLF line ends: Windows editors write them. */
static void test_crlf(void **state)
{
	char buf[sizeof(full_cfg) * 2];
	size_t n = 0;

	for (const char *p = full_cfg; *p; p++) {
		if (*p == '\n')
			buf[n++] = '\r';
		buf[n++] = *p;
	}
	expect_ok(parse_n(buf, n, NULL));
	check_full();

	/* A CR alone is not a line end; before LF in a string, no end. */
	expect_err(parse("name = \"g\"\rmemory = 1\n"),
		   "guest.cfg:1: name: unexpected byte 0x0d after the value");
	expect_err(parse("\r\n\r\nname = \"g\r\n\"\r\n"),
		   "guest.cfg:3: name: unterminated string (no closing \" "
		   "on its line)");
	expect_err(parse("\r"),
		   "guest.cfg:1: unexpected byte 0x0d, expected KEY = VALUE");
	/* Line numbers count CRLF lines. */
	expect_err(parse("# a\r\n\r\nname = \"g\"\r\nmemroy = 1\r\n"),
		   "guest.cfg:4: unknown key 'memroy' (did you mean "
		   "'memory'?)");
	(void)state;
}

static void test_separators_comments(void **state)
{
	/* All on one line, ';' between and after, no spaces. */
	expect_ok(parse("name=\"g\";memory=64;kernel=\"/k\";"));
	assert_string_equal(cfg.name, "g");
	/* Empty settings, blank lines, comments everywhere. */
	expect_ok(parse(";;\n\n  \t\n# c\n;name = \"g\" ; ; # x\n"
			"memory = 64#c\n\n\nkernel = \"/k\"\t# \"q\n#end"));
	assert_int_equal(cfg.memory_mib, 64);
	/* '#' and ';' in strings are text. */
	expect_ok(parse(with("extra = '#a;b' # c\n")));
	assert_string_equal(cfg.cmdline, "#a;b");
	/* A comment holding anything but NUL, even bytes >= 0x80. */
	expect_ok(parse(with("# \x01\x7f\xff\xc3\xa9 \" ' [ \\\n")));
	/* The last setting may end the file. */
	expect_ok(parse("kernel='/k'\nmemory=64\nname=\"g\""));
	assert_string_equal(cfg.name, "g");
	expect_ok(parse("kernel='/k'\nname=\"g\"\nmemory=64"));
	assert_int_equal(cfg.memory_mib, 64);
	(void)state;
}

static void test_strings(void **state)
{
	expect_ok(parse(with("extra = \"a\\nb\\tc\\\\d\\\"e\\'f\"\n")));
	assert_string_equal(cfg.cmdline, "a\nb\tc\\d\"e'f");
	expect_ok(parse(with("extra = 'a\\nb\\tc\\\\d\\\"e\\'f'\n")));
	assert_string_equal(cfg.cmdline, "a\nb\tc\\d\"e'f");
	expect_ok(parse(with("extra = \"\\a\\b\\f\\r\\v\"\n")));
	assert_string_equal(cfg.cmdline, "\a\b\f\r\v");
	/* The other quote needs no escape. */
	expect_ok(parse(with("extra = \"it's\"\n")));
	assert_string_equal(cfg.cmdline, "it's");
	expect_ok(parse(with("extra = 'say \"hi\"'\n")));
	assert_string_equal(cfg.cmdline, "say \"hi\"");
	/* Empty strings, a raw tab, UTF-8. */
	expect_ok(parse(with("extra = \"\"\n")));
	assert_string_equal(cfg.cmdline, "");
	expect_ok(parse(with("extra = \"a\tb\"\n")));
	assert_string_equal(cfg.cmdline, "a\tb");
	expect_ok(parse(with("extra = \"caf\xc3\xa9\"\n")));
	assert_string_equal(cfg.cmdline, "caf\xc3\xa9");
	/* A string key takes a number's text, as xl does. */
	expect_ok(parse(with("ramdisk = 0x1F\n")));
	assert_string_equal(cfg.ramdisk, "0x1F");

	expect_err(parse(with("extra = \"a\\qb\"\n")),
		   "guest.cfg:4: extra: unknown escape: backslash and 'q'");
	expect_err(parse(with("extra = \"a\\\x01\"\n")),
		   "guest.cfg:4: extra: unknown escape: backslash and "
		   "byte 0x01");
	expect_err(parse(with("extra = \"\\x41\"\n")),
		   "guest.cfg:4: extra: numeric escapes (\\x...) are not "
		   "supported");
	expect_err(parse(with("extra = '\\101'\n")),
		   "guest.cfg:4: extra: numeric escapes (\\1...) are not "
		   "supported");
	expect_err(parse(with("extra = \"\\0\"\n")),
		   "guest.cfg:4: extra: numeric escapes (\\0...) are not "
		   "supported");
	expect_err(parse(with("extra = \"a\x1b[0m\"\n")),
		   "guest.cfg:4: extra: control character (byte 0x1b) in a "
		   "string: write it as an escape");
	expect_err(parse(with("extra = \"a\x7f\"\n")),
		   "guest.cfg:4: extra: control character (byte 0x7f) in a "
		   "string: write it as an escape");
	/* Strings end on their line, as in xl. */
	expect_err(parse(with("extra = \"a\nb\"\n")),
		   "guest.cfg:4: extra: unterminated string (no closing \" "
		   "on its line)");
	expect_err(parse(with("extra = 'a\\\nb'\n")),
		   "guest.cfg:4: extra: unterminated string (no closing ' "
		   "on its line)");
	expect_err(parse(with("extra = \"a'\n")),
		   "guest.cfg:4: extra: unterminated string (no closing \" "
		   "on its line)");
	expect_err(parse(with("extra = 'a\"")),
		   "guest.cfg:4: extra: unterminated string (no closing ' "
		   "on its line)");
	expect_err(parse(with("extra = \"\\")),
		   "guest.cfg:4: extra: unterminated string (no closing \" "
		   "on its line)");
	/* Strings need quotes in a file. */
	expect_err(parse(with("extra = quiet\n")),
		   "guest.cfg:4: extra: unquoted string 'quiet' (put it in "
		   "quotes)");
	expect_err(parse(with("ramdisk = 12abc\n")),
		   "guest.cfg:4: ramdisk: unquoted string '12abc' (put it in "
		   "quotes)");
	(void)state;
}

/* Each integer key at and beyond both ends of its range. */
static void test_integer_ranges(void **state)
{
	static const struct {
		const char *key;
		long long min, max;
		const char *unit;
	} keys[] = {
		{ "memory", 1, 1048576, " MiB" },
		{ "vcpus", 1, 128, "" },
		{ "mcu_advance", 1, 1000, "" },
		{ "warp", 0, 1000000, "" },
		{ "warp_limit_ms", 0, 60000, " ms" },
		{ "unwarp_ms", 0, 60000, " ms" },
	};
	static const char base[] = "name='g'\nkernel='/k'\nmemory=1\n"
				   "maxmem=1048576\nmaxvcpus=128\n";
	char want[256], arg[64], text[256];

	for (unsigned int i = 0; i < ARRAY_SIZE(keys); i++) {
		const char *k = keys[i].key;
		long long lo = keys[i].min, hi = keys[i].max;

		/* Both ends fit (as overrides: memory is in the file). */
		snprintf(arg, sizeof(arg), "%s=%lld", k, lo);
		expect_ok(parse(base, arg));
		snprintf(arg, sizeof(arg), "%s=%lld", k, hi);
		expect_ok(parse(base, arg));
		for (int side = 0; side < 2; side++) {
			long long v = side ? hi + 1 : lo - 1;

			snprintf(text, sizeof(text),
				 "name='g'\nkernel='/k'\n%s = %lld\n", k, v);
			snprintf(want, sizeof(want),
				 "guest.cfg:3: %s: %lld is out of range "
				 "(%lld to %lld%s)", k, v, lo, hi,
				 keys[i].unit);
			expect_err(parse(text), want);
		}
	}
	/* The values arrive where they belong. */
	expect_ok(parse(with("vcpus = 128\nmaxmem=1048576\nmcu_advance=1000\n"
			     "warp=1000000\nwarp_limit_ms=60000\n"
			     "unwarp_ms=60000\n")));
	assert_int_equal(cfg.vcpus, 128);
	assert_int_equal(cfg.maxvcpus, 128);
	assert_int_equal(cfg.maxmem_mib, 1048576);
	assert_int_equal(cfg.bvt.mcu_advance, 1000);
	assert_int_equal(cfg.bvt.warp, 1000000);
	assert_int_equal(cfg.bvt.warp_limit_ms, 60000);
	assert_int_equal(cfg.bvt.unwarp_ms, 60000);
	expect_ok(parse("name='g'\nkernel='/k'\nmemory=1048576\n"));
	assert_int_equal(cfg.memory_mib, 1048576);
	assert_int_equal(cfg.maxmem_mib, 1048576);
	expect_err(parse(with("maxvcpus = 129\n")),
		   "guest.cfg:4: maxvcpus: 129 is out of range (1 to 128)");
	expect_err(parse(with("maxmem = 0\n")),
		   "guest.cfg:4: maxmem: 0 is out of range (1 to 1048576 "
		   "MiB)");
	(void)state;
}

static void test_numbers(void **state)
{
	static const struct {
		const char *text;
		unsigned long mib;
	} good[] = {
		{ "1", 1 }, { "0x1", 1 }, { "0X1", 1 }, { "0xff", 255 },
		{ "0xFF", 255 }, { "0x00ff", 255 }, { "\"512\"", 512 },
		{ "'0x200'", 512 }, { "1048576", 1048576 },
		{ "0x100000", 1048576 },
	};
	static const struct {
		const char *text;
		const char *why;
	} bad[] = {
		{ "0", "0 is out of range (1 to 1048576 MiB)" },
		{ "-1", "-1 is out of range (1 to 1048576 MiB)" },
		{ "-0x10", "-0x10 is out of range (1 to 1048576 MiB)" },
		{ "9223372036854775807",
		  "9223372036854775807 is out of range (1 to 1048576 MiB)" },
		{ "9223372036854775808",
		  "9223372036854775808 is out of range (1 to 1048576 MiB)" },
		{ "0x10000000000000000",
		  "0x10000000000000000 is out of range (1 to 1048576 MiB)" },
		{ "-9223372036854775807",
		  "-9223372036854775807 is out of range (1 to 1048576 MiB)" },
		{ "-9223372036854775808",
		  "-9223372036854775808 is out of range (1 to 1048576 MiB)" },
		{ "010", "leading zero in '010' (xl would read it as octal)" },
		{ "00", "leading zero in '00' (xl would read it as octal)" },
		{ "'08'", "leading zero in '08' (xl would read it as octal)" },
		{ "0x", "not a number ('0x')" },
		{ "0xg", "not a number ('0xg')" },
		{ "1.5", "not a number ('1.5')" },
		{ "12abc", "not a number ('12abc')" },
		{ "1_000", "not a number ('1_000')" },
		{ "\"\"", "not a number ('')" },
		{ "\" 5\"", "not a number (' 5')" },
		{ "\"5 \"", "not a number ('5 ')" },
		{ "'lots'", "not a number ('lots')" },
		{ "\"+5\"", "not a number ('+5')" },
		{ "\"-\"", "not a number ('-')" },
		{ "\"0x-1\"", "not a number ('0x-1')" },
		{ "99999999999999999999999x",
		  "not a number ('99999999999999999999999x')" },
		{ "[1]", "a list, expected a number" },
		{ "[]", "a list, expected a number" },
	};
	char text[256], want[256];

	for (unsigned int i = 0; i < ARRAY_SIZE(good); i++) {
		snprintf(text, sizeof(text),
			 "name='g'\nkernel='/k'\nmemory = %s\n", good[i].text);
		expect_ok(parse(text));
		if (cfg.memory_mib != good[i].mib)
			fail_fmt("memory = %s: %lu MiB", good[i].text,
				 cfg.memory_mib);
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		snprintf(text, sizeof(text),
			 "name='g'\nkernel='/k'\nmemory = %s\n", bad[i].text);
		snprintf(want, sizeof(want), "guest.cfg:3: memory: %s",
			 bad[i].why);
		expect_err(parse(text), want);
	}
	/* The example of the message format. */
	expect_err(parse("\n\n\n\n\n\nmemory = 'abc'\n"),
		   "guest.cfg:7: memory: not a number ('abc')");
	(void)state;
}

static void test_name(void **state)
{
	static const char *const good[] = {
		"a", "A", "_", "a-b", "a.b", "a_b", "Domain-1", "domain-0",
		"1a", "a1", "0x10", "web-01.prod_eu",
		/* 63 characters */
		"abcdefghijklmnopqrstuvwxyz"
		"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789a",
	};
	static const struct {
		const char *name;
		const char *why;
	} bad[] = {
		{ "", "empty" },
		{ "-a", "'-a' starts with '-' (it would read as an option)" },
		{ ".", "'.' is not a name" },
		{ "..", "'..' is not a name" },
		{ "0", "'0' is all digits (it would read as a domain id)" },
		{ "123", "'123' is all digits (it would read as a domain id)" },
		{ "Domain-0", "'Domain-0' is Dom0's name" },
		{ "a b", "'a b': only letters, digits, '_', '.' and '-'" },
		{ "a/b", "'a/b': only letters, digits, '_', '.' and '-'" },
		{ "a\\tb", "'a?b': only letters, digits, '_', '.' and '-'" },
		{ "caf\xc3\xa9",
		  "'caf\xc3\xa9': only letters, digits, '_', '.' and '-'" },
		{ "abcdefghijklmnopqrstuvwxyz"
		  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ab",
		  "'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV...' is "
		  "longer than 63 characters" },
	};
	char text[256], want[256];

	for (unsigned int i = 0; i < ARRAY_SIZE(good); i++) {
		snprintf(text, sizeof(text),
			 "memory=1\nkernel='/k'\nname = \"%s\"\n", good[i]);
		expect_ok(parse(text));
		assert_string_equal(cfg.name, good[i]);
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		snprintf(text, sizeof(text),
			 "memory=1\nkernel='/k'\nname = \"%s\"\n",
			 bad[i].name);
		snprintf(want, sizeof(want), "guest.cfg:3: name: %s",
			 bad[i].why);
		expect_err(parse(text), want);
	}
	/* A name written as a number is its text, then checked. */
	expect_err(parse("memory=1\nkernel='/k'\nname = 0x10\n", "name=7"),
		   "command line: name=7: '7' is all digits (it would read "
		   "as a domain id)");
	(void)state;
}

static void test_type_and_actions(void **state)
{
	static const char *const keys[] = {
		"on_poweroff", "on_reboot", "on_crash",
	};
	static const char *const later[] = {
		"soft-reset",
	};
	char text[256], want[256];

	expect_ok(parse(with("type = \"pvh\"\n")));
	expect_err(parse(with("type = \"hvm\"\n")),
		   "guest.cfg:4: type: 'hvm' is not supported yet (only "
		   "\"pvh\")");
	expect_err(parse(with("type = 'pv'\n")),
		   "guest.cfg:4: type: 'pv' is not supported yet (only "
		   "\"pvh\")");
	expect_err(parse(with("type = 'PVH'\n")),
		   "guest.cfg:4: type: unknown type 'PVH' (xl has pv, pvh and "
		   "hvm; xenlate runs pvh)");
	expect_err(parse(with("type = 1\n")),
		   "guest.cfg:4: type: unknown type '1' (xl has pv, pvh and "
		   "hvm; xenlate runs pvh)");

	for (unsigned int k = 0; k < ARRAY_SIZE(keys); k++) {
		enum xl_dom_action *a = k == 0 ? &cfg.on_poweroff :
					k == 1 ? &cfg.on_reboot :
						 &cfg.on_crash;

		for (int v = XL_ACTION_DESTROY; v <= XL_ACTION_RENAME_RESTART;
		     v++) {
			snprintf(text, sizeof(text), "%s = '%s'\n", keys[k],
				 xl_domcfg_action_name(v));
			expect_ok(parse(with("%s", text)));
			assert_int_equal(*a, v);
		}
		for (unsigned int i = 0; i < ARRAY_SIZE(later); i++) {
			snprintf(text, sizeof(text), "%s = '%s'\n", keys[k],
				 later[i]);
			snprintf(want, sizeof(want), "guest.cfg:4: %s: '%s' is"
				 " not supported yet (destroy, restart or "
				 "preserve)", keys[k], later[i]);
			expect_err(parse(with("%s", text)), want);
		}
		snprintf(text, sizeof(text), "%s = 'Destroy'\n", keys[k]);
		snprintf(want, sizeof(want), "guest.cfg:4: %s: unknown action"
			 " 'Destroy' (destroy, restart or preserve)", keys[k]);
		expect_err(parse(with("%s", text)), want);
	}
	assert_string_equal(xl_domcfg_action_name(XL_ACTION_DESTROY),
			    "destroy");
	assert_string_equal(xl_domcfg_action_name(XL_ACTION_RESTART),
			    "restart");
	assert_string_equal(xl_domcfg_action_name(XL_ACTION_PRESERVE),
			    "preserve");
	assert_string_equal(xl_domcfg_action_name(XL_ACTION_RENAME_RESTART),
			    "rename-restart");
	assert_string_equal(xl_domcfg_action_name((enum xl_dom_action)6),
			    "?");
	assert_string_equal(xl_domcfg_action_name((enum xl_dom_action)-1),
			    "?");
	(void)state;
}

/* cpus: xl's CPU-LIST into a mask of CPUs 0..63 (cpulist.h). */
static void test_cpus(void **state)
{
	static const struct {
		const char *value;	/* as written after "cpus = " */
		uint64_t mask;
	} good[] = {
		{ "\"all\"", ~0ULL },
		{ "\"0\"", 0x1 },
		{ "1", 0x2 },		/* a number, as in xl */
		{ "'63'", 1ULL << 63 },
		{ "\"0-3,5,^1\"", 0x2d },	/* xl.cfg(5)'s example */
		{ "\"^1,0-3\"", 0xf },	/* in order: 1 is back */
		{ "\"all,^0\"", ~1ULL },
		{ "\"0-63\"", ~0ULL },
		{ "\"7-7\"", 0x80 },
		{ "\" 0 - 2 ,\t5 \"", 0x27 },
		{ "\"0,0,1\"", 0x3 },
		{ "\"010\"", 1ULL << 10 },	/* decimal, as xl's strtoul */
	};
	static const struct {
		const char *value;
		const char *err;	/* after "guest.cfg:4: cpus: " */
	} bad[] = {
		{ "\"64\"", "CPU 64 is out of range (0 to 63)" },
		{ "64", "CPU 64 is out of range (0 to 63)" },
		{ "\"0-64\"", "CPU 64 is out of range (0 to 63)" },
		{ "\"1,99999999999999999999999\"",
		  "CPU 99999999999999999999999 is out of range (0 to 63)" },
		{ "\"\"", "empty (a CPU list such as \"0-3,5,^1\", or "
			"\"all\")" },
		{ "\" \"", "empty (a CPU list such as \"0-3,5,^1\", or "
			 "\"all\")" },
		{ "\"3-1\"", "'3-1' is not a range (3 is more than 1)" },
		{ "\"0,,1\"", "'0,,1' has an empty item" },
		{ "\"1,\"", "'1,' has an empty item" },
		{ "\",1\"", "',1' has an empty item" },
		{ "\"x\"", "'x' is not a CPU, a range or \"all\" (e.g. "
			 "\"0-3,5,^1\")" },
		{ "\"0,1x\"", "'1x' is not a CPU, a range or \"all\" (e.g. "
			    "\"0-3,5,^1\")" },
		{ "\"-1\"", "'-1' is not a CPU, a range or \"all\" (e.g. "
			  "\"0-3,5,^1\")" },
		{ "\"1-\"", "'1-' is not a CPU, a range or \"all\" (e.g. "
			  "\"0-3,5,^1\")" },
		{ "\"0-1-2\"", "'0-1-2' is not a CPU, a range or \"all\" "
			     "(e.g. \"0-3,5,^1\")" },
		{ "\"^\"", "'^' is not a CPU, a range or \"all\" (e.g. "
			 "\"0-3,5,^1\")" },
		{ "\"All\"", "'All' is not a CPU, a range or \"all\" (e.g. "
			   "\"0-3,5,^1\")" },
		{ "\"node:0\"", "'node:0': NUMA nodes are not supported yet "
			      "(list their CPUs)" },
		{ "\"0,nodes:0-1\"", "'nodes:0-1': NUMA nodes are not "
				   "supported yet (list their CPUs)" },
		{ "\"0,^0\"", "'0,^0' leaves no CPU" },
		{ "\"^all\"", "'^all' leaves no CPU" },
		{ "[ \"0\", \"1\" ]", "a list (one CPU-LIST per vCPU) is not "
				    "supported yet: one string pins all "
				    "vCPUs, e.g. cpus = \"0-3\"" },
		{ "12abc", "unquoted string '12abc' (put it in quotes)" },
	};
	char want[512];
	size_t i;

	expect_ok(parse(MIN_CFG));
	assert_true(cfg.cpu_mask == 0);		/* not given: any CPU */
	for (i = 0; i < ARRAY_SIZE(good); i++) {
		expect_ok(parse(with("cpus = %s\n", good[i].value)));
		if (cfg.cpu_mask != good[i].mask)
			fail_msg("cpus = %s: mask %#llx, expected %#llx",
				 good[i].value,
				 (unsigned long long)cfg.cpu_mask,
				 (unsigned long long)good[i].mask);
	}
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		snprintf(want, sizeof(want), "guest.cfg:4: cpus: %s",
			 bad[i].err);
		expect_err(parse(with("cpus = %s\n", bad[i].value)), want);
	}
	/* A long item is cut in the message, still one line. */
	expect_err(parse(with("cpus = \"0,%s\"\n",
			      "abcdefghijklmnopqrstuvwxyz0123456789")),
		   "guest.cfg:4: cpus: 'abcdefghijklmnopqrstuvwxyz012345...' "
		   "is not a CPU, a range or \"all\" (e.g. \"0-3,5,^1\")");

	/* Overrides: a number, a bare list, replacing the file's. */
	expect_ok(parse(MIN_CFG, "cpus=0"));
	assert_true(cfg.cpu_mask == 0x1);
	expect_ok(parse(MIN_CFG, "cpus=0-1,^0"));
	assert_true(cfg.cpu_mask == 0x2);
	expect_ok(parse(with("cpus = \"all\"\n"), "cpus='2'"));
	assert_true(cfg.cpu_mask == 0x4);
	expect_err(parse(MIN_CFG, "cpus=7x"),
		   "command line: cpus=7x: '7x' is not a CPU, a range or "
		   "\"all\" (e.g. \"0-3,5,^1\")");
	expect_err(parse(MIN_CFG, "cpus=64"),
		   "command line: cpus=64: CPU 64 is out of range (0 to 63)");
	expect_err(parse(MIN_CFG, "cpus=0", "cpus=1"),
		   "command line: cpus=1: cpus given twice on the command "
		   "line");
	/* A bad value in the file is an error even if overridden. */
	expect_err(parse(with("cpus = \"64\"\n"), "cpus=0"),
		   "guest.cfg:4: cpus: CPU 64 is out of range (0 to 63)");
	/* Soft affinity stays to do. */
	expect_err(parse(with("cpus_soft = \"0\"\n")),
		   "guest.cfg:4: cpus_soft: not supported yet");
	(void)state;
}

static void test_paths(void **state)
{
	char text[8192], path[XL_DOMCFG_STR_MAX + 2];

	expect_ok(parse("name='g'\nmemory=1\nkernel = 'vmlinuz'\n"
			"ramdisk = \"../i rd\"\n"));
	assert_string_equal(cfg.kernel, "vmlinuz");
	assert_string_equal(cfg.ramdisk, "../i rd");
	expect_err(parse("name='g'\nmemory=1\nkernel = ''\n"),
		   "guest.cfg:3: kernel: empty path");
	expect_err(parse(with("ramdisk = \"\"\n")),
		   "guest.cfg:4: ramdisk: empty path");
	expect_err(parse(with("ramdisk = [ 'a' ]\n")),
		   "guest.cfg:4: ramdisk: a list, expected a string");
	/* XL_DOMCFG_STR_MAX bytes fit, one more does not. */
	memset(path, 'p', sizeof(path));
	path[XL_DOMCFG_STR_MAX] = '\0';
	snprintf(text, sizeof(text), "%sramdisk = '%s'\n", MIN_CFG, path);
	expect_ok(parse(text));
	assert_int_equal(strlen(cfg.ramdisk), XL_DOMCFG_STR_MAX);
	path[XL_DOMCFG_STR_MAX] = 'p';
	path[XL_DOMCFG_STR_MAX + 1] = '\0';
	snprintf(text, sizeof(text), "%sramdisk = '%s'\n", MIN_CFG, path);
	expect_err(parse(text),
		   "guest.cfg:4: ramdisk: string longer than 4095 bytes");
	(void)state;
}

static void test_cmdline(void **state)
{
	char text[8192], big[4096];

	expect_ok(parse(with("root = '/dev/xvda'\n")));
	assert_string_equal(cfg.cmdline, "root=/dev/xvda");
	expect_ok(parse(with("extra = 'quiet'\n")));
	assert_string_equal(cfg.cmdline, "quiet");
	expect_ok(parse(with("extra = 'quiet'\nroot = '/dev/xvda'\n")));
	assert_string_equal(cfg.cmdline, "root=/dev/xvda quiet");
	assert_false(cfg.root_extra_ignored);
	expect_ok(parse(with("root = ''\nextra = 'quiet'\n")));
	assert_string_equal(cfg.cmdline, "quiet");
	expect_ok(parse(with("root = 'r'\nextra = ''\n")));
	assert_string_equal(cfg.cmdline, "root=r");
	expect_ok(parse(with("cmdline = 'console=hvc0 ro'\n")));
	assert_string_equal(cfg.cmdline, "console=hvc0 ro");
	assert_false(cfg.root_extra_ignored);
	/* cmdline wins, as in xl, which warns: the caller is told. */
	expect_ok(parse(with("cmdline = 'c'\nroot = 'r'\n")));
	assert_string_equal(cfg.cmdline, "c");
	assert_true(cfg.root_extra_ignored);
	expect_ok(parse(with("extra = 'e'\ncmdline = ''\n")));
	assert_string_equal(cfg.cmdline, "");
	assert_true(cfg.root_extra_ignored);

	/* XL_DOMCFG_CMDLINE_MAX bytes fit, one more does not. */
	memset(big, 'a', sizeof(big));
	big[XL_DOMCFG_CMDLINE_MAX] = '\0';
	snprintf(text, sizeof(text), "%scmdline = '%s'\n", MIN_CFG, big);
	expect_ok(parse(text));
	assert_int_equal(strlen(cfg.cmdline), XL_DOMCFG_CMDLINE_MAX);
	big[XL_DOMCFG_CMDLINE_MAX] = 'a';
	big[XL_DOMCFG_CMDLINE_MAX + 1] = '\0';
	snprintf(text, sizeof(text), "%scmdline = '%s'\n", MIN_CFG, big);
	expect_err(parse(text), "guest.cfg:4: cmdline: the command line is "
		   "2048 bytes, more than 2047");
	/* Composed: "root=" + 2036 + " " + 6 = 2048. */
	big[2036] = '\0';
	snprintf(text, sizeof(text), "%sroot = '%s'\nextra = 'abcdef'\n",
		 MIN_CFG, big);
	expect_err(parse(text), "guest.cfg:5: extra: the command line is "
		   "2048 bytes, more than 2047");
	snprintf(text, sizeof(text), "%sroot = '%s'\nextra = 'abcde'\n",
		 MIN_CFG, big);
	expect_ok(parse(text));
	assert_int_equal(strlen(cfg.cmdline), 2047);
	big[2036] = 'a';
	big[2044] = '\0';
	snprintf(text, sizeof(text), "%sroot = '%s'\n", MIN_CFG, big);
	expect_err(parse(text), "guest.cfg:4: root: the command line is "
		   "2049 bytes, more than 2047");
	/* From an override, the override is named. */
	memset(big, 'a', sizeof(big));
	memcpy(big, "extra=", 6);
	big[6 + 2048] = '\0';
	expect_err(parse(MIN_CFG, big), "command line: "
		   "extra=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...: the "
		   "command line is 2048 bytes, more than 2047");
	(void)state;
}

static void test_append(void **state)
{
	char text[16384], big[4096];

	expect_ok(parse(with("extra = 'a'\nextra += \" b\"\nextra+='c'\n")));
	assert_string_equal(cfg.cmdline, "a bc");
	/* With nothing before, '+=' sets. */
	expect_ok(parse(with("extra += 'x'\n")));
	assert_string_equal(cfg.cmdline, "x");
	/* The result is checked as a whole. */
	expect_ok(parse(with("name += '-2'\n")));
	assert_string_equal(cfg.name, "g-2");
	expect_err(parse(with("name += ' 2'\n")),
		   "guest.cfg:4: name: 'g 2': only letters, digits, '_', "
		   "'.' and '-'");
	expect_err(parse(with("extra += [ 'x' ]\n")),
		   "guest.cfg:4: extra: a list, expected a string");
	expect_err(parse(with("vcpus += 1\n")),
		   "guest.cfg:4: vcpus: '+=' only appends to strings");
	expect_err(parse(with("extra += 'a'\nextra = 'b'\n")),
		   "guest.cfg:5: extra: given twice (first on line 4)");
	/* Overrides append to the file's value. */
	expect_ok(parse(with("extra = 'a'\n"), "extra+= b", "extra += 'c'"));
	assert_string_equal(cfg.cmdline, "abc");
	/* Appending past XL_DOMCFG_STR_MAX. */
	memset(big, 'a', sizeof(big));
	big[2048] = '\0';
	snprintf(text, sizeof(text), "%sramdisk = '%s'\nramdisk += '%s'\n",
		 MIN_CFG, big, big);
	expect_err(parse(text),
		   "guest.cfg:5: ramdisk: string longer than 4095 bytes");
	big[2047] = '\0';
	snprintf(text, sizeof(text), "%sramdisk = '%s'\nramdisk += '%sa'\n",
		 MIN_CFG, big, big);
	expect_ok(parse(text));
	assert_int_equal(strlen(cfg.ramdisk), XL_DOMCFG_STR_MAX);
	(void)state;
}

/* --- errors ------------------------------------------------------------- */

static void test_required(void **state)
{
	expect_err(parse("memory = 1\nkernel = '/k'\n"),
		   "guest.cfg: name: missing (required)");
	expect_err(parse("name = 'g'\nkernel = '/k'\n"),
		   "guest.cfg: memory: missing (required)");
	expect_err(parse("name = 'g'\nmemory = 1\n"),
		   "guest.cfg: kernel: missing (required)");
	expect_err(parse(""), "guest.cfg: name: missing (required)");
	expect_err(parse("# only a comment"),
		   "guest.cfg: name: missing (required)");
	expect_err(parse_n(NULL, 0, NULL),
		   "guest.cfg: name: missing (required)");
	/* Overrides come first: they may supply what the file lacks. */
	expect_ok(parse("name = 'g'\nmemory = 1\n", "kernel=/boot/k"));
	assert_string_equal(cfg.kernel, "/boot/k");
	expect_ok(parse("", "name=g", "memory=2", "kernel=k"));
	assert_int_equal(cfg.memory_mib, 2);
	(void)state;
}

static void test_cross_checks(void **state)
{
	expect_ok(parse(with("maxmem = 64\n")));
	assert_int_equal(cfg.maxmem_mib, 64);
	expect_err(parse(with("maxmem = 63\n")),
		   "guest.cfg:4: maxmem: 63 MiB is less than memory (64 MiB)");
	expect_err(parse(with("maxmem = 100\n"), "memory=128"),
		   "guest.cfg:4: maxmem: 100 MiB is less than memory "
		   "(128 MiB)");
	expect_err(parse(with("maxmem = 100\n"), "maxmem=32"),
		   "command line: maxmem=32: 32 MiB is less than memory "
		   "(64 MiB)");
	/* maxmem follows memory, maxvcpus follows vcpus, by default. */
	expect_ok(parse(MIN_CFG, "memory=300", "vcpus=3"));
	assert_int_equal(cfg.maxmem_mib, 300);
	assert_int_equal(cfg.maxvcpus, 3);
	expect_ok(parse(with("maxvcpus = 8\n")));
	assert_int_equal(cfg.vcpus, 1);
	assert_int_equal(cfg.maxvcpus, 8);
	expect_ok(parse(with("vcpus = 4\nmaxvcpus = 4\n")));
	expect_err(parse(with("vcpus = 4\nmaxvcpus = 3\n")),
		   "guest.cfg:5: maxvcpus: 3 is less than vcpus (4)");
	expect_err(parse(with("maxvcpus = 2\n"), "vcpus=3"),
		   "guest.cfg:4: maxvcpus: 2 is less than vcpus (3)");
	(void)state;
}

static void test_duplicates(void **state)
{
	expect_err(parse(with("\n\nmemory = 64\n")),
		   "guest.cfg:6: memory: given twice (first on line 2)");
	expect_err(parse(with("extra = 'a'; extra = 'a'\n")),
		   "guest.cfg:4: extra: given twice (first on line 4)");
	expect_err(parse("name = 'a'\nname = 'b'\n"),
		   "guest.cfg:2: name: given twice (first on line 1)");
	/* Overrides replace the file's value once, not their own. */
	expect_ok(parse(MIN_CFG, "memory=128"));
	assert_int_equal(cfg.memory_mib, 128);
	expect_err(parse(MIN_CFG, "memory=128", "memory=256"),
		   "command line: memory=256: memory given twice on the "
		   "command line");
	expect_err(parse(MIN_CFG, "extra+=a", "extra=b"),
		   "command line: extra=b: extra given twice on the command "
		   "line");
	(void)state;
}

static void test_keys(void **state)
{
	static const struct {
		const char *key;
		const char *why;
	} bad[] = {
		{ "memroy", "unknown key 'memroy' (did you mean 'memory'?)" },
		{ "memor", "unknown key 'memor' (did you mean 'memory'?)" },
		{ "memoryy", "unknown key 'memoryy' (did you mean 'memory'?)" },
		{ "memery", "unknown key 'memery' (did you mean 'memory'?)" },
		{ "Memory", "unknown key 'Memory' (did you mean 'memory'?)" },
		{ "KERNEL", "unknown key 'KERNEL' (did you mean 'kernel'?)" },
		{ "on-crash",
		  "unknown key 'on-crash' (did you mean 'on_crash'?)" },
		{ "maxvcpu", "unknown key 'maxvcpu' (did you mean "
			     "'maxvcpus'?)" },
		{ "mem", "unknown key 'mem'" },
		{ "memorize", "unknown key 'memorize'" },
		{ "_x", "unknown key '_x'" },
		{ "a.b", "unknown key 'a.b'" },
		{ "disk", "disk: not supported yet" },
		{ "vif", "vif: not supported yet" },
		{ "pci", "pci: not supported yet" },
		{ "bootloader", "bootloader: not supported yet" },
		{ "device_model_version",
		  "device_model_version: not supported yet" },
		{ "device_model_", "unknown key 'device_model_'" },
		{ "builder", "builder: not supported yet (xenlate builds "
			     "type = \"pvh\" guests)" },
		{ "pvh", "pvh: not supported yet (type = \"pvh\" replaces "
			 "it)" },
	};
	char text[256], want[256], key[3000];

	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		snprintf(text, sizeof(text), "%s%s = [ 'x' ]\n", MIN_CFG,
			 bad[i].key);
		snprintf(want, sizeof(want), "guest.cfg:4: %s", bad[i].why);
		expect_err(parse(text), want);
	}
	/* A long key is cut in the message. */
	memset(key, 'k', sizeof(key));
	key[sizeof(key) - 1] = '\0';
	snprintf(text, sizeof(text), "%.100s = 1\n", key);
	expect_err(parse(text), "guest.cfg:1: unknown key "
		   "'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk...'");
	expect_err(parse_n(key, strlen(key), NULL), "guest.cfg:1: unknown "
		   "key 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk...'");
	(void)state;
}

static void test_syntax_errors(void **state)
{
	static const struct {
		const char *text;
		const char *err;
	} bad[] = {
		{ "memory 1", "guest.cfg:1: memory: expected '=' after the "
			      "key" },
		{ "memory\n= 1", "guest.cfg:1: memory: expected '=' after the "
				 "key" },
		{ "memory", "guest.cfg:1: memory: expected '=' after the "
			    "key" },
		{ "memory == 1", "guest.cfg:1: memory: unexpected '='" },
		{ "memory =+ 1", "guest.cfg:1: memory: unexpected '+'" },
		{ "memory + = 1", "guest.cfg:1: memory: expected '=' after the"
				  " key" },
		{ "memory =", "guest.cfg:1: memory: missing value" },
		{ "memory =\n1", "guest.cfg:1: memory: missing value" },
		{ "memory = # 1", "guest.cfg:1: memory: missing value" },
		{ "memory = ;", "guest.cfg:1: memory: missing value" },
		{ "memory = \r\n", "guest.cfg:1: memory: missing value" },
		{ "memory = 1 2", "guest.cfg:1: memory: unexpected '2' after "
				  "the value" },
		{ "memory = 1,", "guest.cfg:1: memory: unexpected ',' after "
				 "the value" },
		{ "memory = 1]", "guest.cfg:1: memory: unexpected ']' after "
				 "the value" },
		{ "name = 'a' 'b'", "guest.cfg:1: name: unexpected ''' after "
				    "the value" },
		{ "memory = 1 kernel = 'k'", "guest.cfg:1: memory: unexpected"
					     " 'k' after the value" },
		{ "memory = (1)", "guest.cfg:1: memory: unexpected '('" },
		{ "memory = -", "guest.cfg:1: memory: unexpected '-'" },
		{ "memory = ]", "guest.cfg:1: memory: unexpected ']'" },
		{ "memory = ,", "guest.cfg:1: memory: unexpected ','" },
		{ "memory = {1}", "guest.cfg:1: memory: unexpected '{'" },
		{ "memory = \x80", "guest.cfg:1: memory: unexpected byte "
				   "0x80" },
		{ "= 1", "guest.cfg:1: unexpected '=', expected KEY = VALUE" },
		{ "\n\n1 = 1", "guest.cfg:3: unexpected '1', expected KEY = "
			       "VALUE" },
		{ "'name' = 1", "guest.cfg:1: unexpected ''', expected KEY = "
				"VALUE" },
		{ "[", "guest.cfg:1: unexpected '[', expected KEY = VALUE" },
		{ "\xef\xbb\xbfname = 'g'", "guest.cfg:1: unexpected byte 0xef,"
					    " expected KEY = VALUE" },
		{ "\x0c", "guest.cfg:1: unexpected byte 0x0c, expected KEY = "
			  "VALUE" },
		{ "name = 'g'\n  -memory = 1", "guest.cfg:2: unexpected '-', "
					       "expected KEY = VALUE" },
		/* Python, which xl also refuses. */
		{ "import os", "guest.cfg:1: unknown key 'import'" },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++)
		expect_err(parse(bad[i].text), bad[i].err);
	(void)state;
}

/*
 * Lists: no key we implement takes one, so a well-formed list is
 * reported as "a list" and a malformed one as what is wrong with it.
 */
static void test_lists(void **state)
{
	static const char *const good[] = {
		"[]", "[ ]", "[\n]", "[ 'a' ]", "[ 'a', ]", "[ 'a', \"b\" ]",
		"[ 1, 0x2, 'c', [], [ 'd', [ 3 ] ] ]",
		"[\n  'a',   # first\n\n  'b'  # second\n  ,\n# c\n]",
		"[\r\n 'a',\r\n 'b',\r\n]",
		"[[[[[[[[]]]]]]]]",	/* XL_DOMCFG_LIST_DEPTH deep */
		"[ 12abc, 1.5 ]",	/* bad numbers in lists: later */
	};
	static const struct {
		const char *text;
		const char *err;
	} bad[] = {
		{ "[", "guest.cfg:4: extra: unterminated list (no ']' for the "
		       "'[' on line 4)" },
		{ "[ 'a',\n'b'\n", "guest.cfg:4: extra: unterminated list (no"
				   " ']' for the '[' on line 4)" },
		{ "[ 'a' # ]", "guest.cfg:4: extra: unterminated list (no ']'"
			       " for the '[' on line 4)" },
		{ "[ 'a' 'b' ]", "guest.cfg:4: extra: ''' in a list, expected"
				 " ',' or ']'" },
		{ "[ 'a'\n\n 'b' ]", "guest.cfg:6: extra: ''' in a list, "
				     "expected ',' or ']'" },
		{ "[ 'a', , 'b' ]", "guest.cfg:4: extra: unexpected ','" },
		{ "[ , ]", "guest.cfg:4: extra: unexpected ','" },
		{ "[ 'a',, ]", "guest.cfg:4: extra: unexpected ','" },
		{ "[ 'a'; ]", "guest.cfg:4: extra: ';' in a list, expected "
			      "',' or ']'" },
		{ "[ ; ]", "guest.cfg:4: extra: missing value" },
		{ "[ a ]", "guest.cfg:4: extra: unquoted string 'a' (put it in"
			   " quotes)" },
		{ "[ 'a\n' ]", "guest.cfg:4: extra: unterminated string (no "
			       "closing ' on its line)" },
		{ "[\n\n[ 'x' ", "guest.cfg:6: extra: unterminated list (no "
				 "']' for the '[' on line 6)" },
		{ "[[[[[[[[[]]]]]]]]]", "guest.cfg:4: extra: lists nested "
					"deeper than 8" },
		{ "[]]", "guest.cfg:4: extra: unexpected ']' after the "
			 "value" },
		{ "[] 1", "guest.cfg:4: extra: unexpected '1' after the "
			  "value" },
		{ "[\n'a'\n] x", "guest.cfg:6: extra: unexpected 'x' after "
				 "the value" },
	};
	char text[256];

	for (unsigned int i = 0; i < ARRAY_SIZE(good); i++) {
		snprintf(text, sizeof(text), "%sextra = %s\nvcpus = 1\n",
			 MIN_CFG, good[i]);
		expect_err(parse(text), "guest.cfg:4: extra: a list, expected"
			   " a string");
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		snprintf(text, sizeof(text), "%sextra = %s", MIN_CFG,
			 bad[i].text);
		expect_err(parse(text), bad[i].err);
	}
	/* Deep nesting is refused without deep recursion. */
	{
		static char deep[200001];

		memcpy(deep, "name = ", 7);
		memset(deep + 7, '[', sizeof(deep) - 8);
		expect_err(parse(deep), "guest.cfg:1: name: lists nested "
			   "deeper than 8");
	}
	(void)state;
}

#define B(s)	s, sizeof(s) - 1

static void test_nul_bytes(void **state)
{
	static const struct {
		const char *text;
		size_t len;
		const char *err;
	} bad[] = {
		{ B("\0"), "guest.cfg:1: NUL byte (not a text file?)" },
		{ B("\n\n\0name = 'g'"), "guest.cfg:3: NUL byte (not a text "
					  "file?)" },
		{ B("na\0me = 'g'"), "guest.cfg:1: unknown key 'na'" },
		{ B("name\0 = 'g'"), "guest.cfg:1: name: expected '=' after "
				     "the key" },
		{ B("name = \0'g'"), "guest.cfg:1: name: NUL byte (not a text"
				     " file?)" },
		{ B("name = 'a\0b'"), "guest.cfg:1: name: NUL byte in a "
				      "string" },
		{ B("name = 'a'\0"), "guest.cfg:1: name: unexpected byte 0x00"
				     " after the value" },
		{ B("name = 'a' # \0"), "guest.cfg:1: NUL byte (not a text "
					"file?)" },
		{ B("name = 'a'\n# \0"), "guest.cfg:2: NUL byte (not a text "
					 "file?)" },
		{ B("# a\0b\nname = 'g'"), "guest.cfg:1: NUL byte (not a text"
					   " file?)" },
		{ B("name = [\n# \0\n]"), "guest.cfg:2: name: NUL byte (not a"
					  " text file?)" },
		{ B("name = [ 'a', \0 ]"), "guest.cfg:1: name: NUL byte (not"
					   " a text file?)" },
		{ B("name = [ 'a' # \0\n]"), "guest.cfg:1: name: NUL byte (not"
					     " a text file?)" },
		{ B("memory = 1\0"), "guest.cfg:1: memory: unexpected byte "
				     "0x00 after the value" },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++)
		expect_err(parse_n(bad[i].text, bad[i].len, NULL), bad[i].err);
	(void)state;
}

/* A file of @n bytes: MIN_CFG then @fill, then @tail. */
static char *big_file(size_t n, char fill, const char *tail, size_t *len)
{
	size_t head = strlen(MIN_CFG), t = strlen(tail);
	char *buf = malloc(n);

	assert_non_null(buf);
	assert_true(n > head + t);
	memcpy(buf, MIN_CFG, head);
	memset(buf + head, fill, n - head - t);
	memcpy(buf + n - t, tail, t);
	*len = n;
	return buf;
}

static void test_huge_inputs(void **state)
{
	const size_t mib = 1 << 20;
	size_t len;
	char *buf;

	/* A 1 MiB string: said too long, at its line. */
	buf = big_file(mib, 'x', "'", &len);
	memcpy(buf + strlen(MIN_CFG), "extra = '", 9);
	expect_err(parse_n(buf, len, NULL),
		   "guest.cfg:4: extra: string longer than 4095 bytes");
	/* Unterminated, and longer than allowed: the length is found first. */
	buf[len - 1] = 'x';
	expect_err(parse_n(buf, len, NULL),
		   "guest.cfg:4: extra: string longer than 4095 bytes");
	free(buf);

	/* 1 MiB of digits: out of range, and the message stays short. */
	buf = big_file(mib, '9', "\n", &len);
	memcpy(buf + strlen(MIN_CFG), "vcpus = ", 8);
	expect_err(parse_n(buf, len, NULL), "guest.cfg:4: vcpus: "
		   "999999999999999999999999999999999999999999999999... is out"
		   " of range (1 to 128)");
	assert_int_equal(strspn(err + 20, "9"), 48);
	free(buf);

	/* 1 MiB of blank lines, then an error: the line count is right. */
	buf = big_file(mib, '\n', "memroy = 1\n", &len);
	expect_err_has(parse_n(buf, len, NULL), "unknown key 'memroy'");
	{
		char want[64];

		snprintf(want, sizeof(want), "guest.cfg:%zu: unknown key",
			 mib - strlen(MIN_CFG) - strlen("memroy = 1\n") + 4);
		if (strncmp(err, want, strlen(want)))
			fail_fmt("\"%s\" does not start with \"%s\"", err,
				 want);
	}
	free(buf);

	/* 1 MiB of comment and blanks around valid settings: fine. */
	buf = big_file(mib, ' ', "\nvcpus = 2 # end", &len);
	buf[strlen(MIN_CFG)] = '#';
	expect_ok(parse_n(buf, len, NULL));
	assert_int_equal(cfg.vcpus, 2);
	free(buf);

	/* 1 MiB of a key, and of a list. */
	buf = big_file(mib, 'k', " = 1", &len);
	expect_err(parse_n(buf, len, NULL), "guest.cfg:4: unknown key "
		   "'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk...'");
	free(buf);
	buf = big_file(mib, ',', "]", &len);
	memcpy(buf + strlen(MIN_CFG), "extra = [1", 10);
	expect_err(parse_n(buf, len, NULL),
		   "guest.cfg:4: extra: unexpected ','");
	free(buf);
	(void)state;
}

/* --- overrides ---------------------------------------------------------- */

static void test_overrides(void **state)
{
	expect_ok(parse(full_cfg, "memory=256", "name=\"x\"", "vcpus = 3",
			"on_crash='destroy'", "ramdisk=/i"));
	assert_int_equal(cfg.memory_mib, 256);
	assert_string_equal(cfg.name, "x");
	assert_int_equal(cfg.vcpus, 3);
	assert_int_equal(cfg.on_crash, XL_ACTION_DESTROY);
	assert_string_equal(cfg.ramdisk, "/i");
	/* Untouched keys keep the file's values. */
	assert_int_equal(cfg.maxmem_mib, 1024);
	assert_string_equal(cfg.kernel, "/boot/vmlinuz-6.1");

	/* Bare words are strings, verbatim bar blanks around. */
	expect_ok(parse(MIN_CFG, "name=foo", "extra=console=hvc0 quiet",
			"kernel= /a b/c \t", "root='r'"));
	assert_string_equal(cfg.name, "foo");
	assert_string_equal(cfg.kernel, "/a b/c");
	assert_string_equal(cfg.cmdline, "root=r console=hvc0 quiet");
	expect_ok(parse(MIN_CFG, "name=1abc", "extra=\\n#;[x"));
	assert_string_equal(cfg.name, "1abc");
	assert_string_equal(cfg.cmdline, "\\n#;[x");
	/* Quoted ones as in a file, escapes included. */
	expect_ok(parse(MIN_CFG, "extra=\"a\\tb\"", "name = 'y' "));
	assert_string_equal(cfg.cmdline, "a\tb");
	assert_string_equal(cfg.name, "y");
	/* Numbers: hex, a quoted one, a key not in the file. */
	expect_ok(parse(MIN_CFG, "memory=0x100", "maxmem='512'",
			"warp=7"));
	assert_int_equal(cfg.memory_mib, 256);
	assert_int_equal(cfg.maxmem_mib, 512);
	assert_int_equal(cfg.bvt.warp, 7);

	expect_err(parse(MIN_CFG, "memory=abc"),
		   "command line: memory=abc: not a number");
	expect_err(parse(MIN_CFG, "memory=12abc"),
		   "command line: memory=12abc: not a number");
	expect_err(parse(MIN_CFG, "memory="),
		   "command line: memory=: not a number");
	expect_err(parse(MIN_CFG, "memory=0"),
		   "command line: memory=0: 0 is out of range (1 to 1048576 "
		   "MiB)");
	expect_err(parse(MIN_CFG, "memory=-3"),
		   "command line: memory=-3: -3 is out of range (1 to 1048576"
		   " MiB)");
	expect_err(parse(MIN_CFG, "memory=010"),
		   "command line: memory=010: leading zero in '010' (xl would"
		   " read it as octal)");
	expect_err(parse(MIN_CFG, "memory=[1]"),
		   "command line: memory=[1]: a list, expected a number");
	expect_err(parse(MIN_CFG, "name="),
		   "command line: name=: empty");
	expect_err(parse(MIN_CFG, "type=hvm"),
		   "command line: type=hvm: 'hvm' is not supported yet (only "
		   "\"pvh\")");
	expect_err(parse(MIN_CFG, "memroy=5"),
		   "command line: memroy=5: unknown key 'memroy' (did you mean"
		   " 'memory'?)");
	expect_err(parse(MIN_CFG, "disk=['x']"),
		   "command line: disk=['x']: disk: not supported yet");
	expect_err(parse(MIN_CFG, "name=\"x\"; memory=5"),
		   "command line: name=\"x\"; memory=5: unexpected text after"
		   " the value (one KEY=VALUE per argument)");
	expect_err(parse(MIN_CFG, "name='x"),
		   "command line: name='x: unterminated string (no closing ' "
		   "on its line)");
	expect_err(parse(MIN_CFG, "extra=[1"),
		   "command line: extra=[1: unterminated list (no ']' for the"
		   " '[' on line 1)");
	expect_err(parse(MIN_CFG, "extra=a\tb\nc"),
		   "command line: extra=a?b?c: control character in the "
		   "value");
	{
		static const char *const forms[] = {
			"memory", "=5", "5=3", "memory 5", "", " ", "memory:5",
			"-p", "memory=>5" + 7, "+=1", "m-m",
		};
		char want[128];

		for (unsigned int i = 0; i < ARRAY_SIZE(forms); i++) {
			snprintf(want, sizeof(want),
				 "command line: %s: not KEY=VALUE", forms[i]);
			expect_err(parse(MIN_CFG, forms[i]), want);
		}
	}
	/* A bad file is reported before any override. */
	expect_err(parse("memory = 'x'\n", "memory=5"),
		   "guest.cfg:1: memory: not a number ('x')");
	/* Overrides are checked in order: the first bad one is named. */
	expect_err(parse(MIN_CFG, "vcpus=2", "vcpus2=3", "memory=x"),
		   "command line: vcpus2=3: unknown key 'vcpus2' (did you "
		   "mean 'vcpus'?)");
	(void)state;
}

static void test_override_lengths(void **state)
{
	char arg[8192];

	memset(arg, 'a', sizeof(arg));
	memcpy(arg, "ramdisk=", 8);
	arg[8 + XL_DOMCFG_STR_MAX] = '\0';
	expect_ok(parse(MIN_CFG, arg));
	assert_int_equal(strlen(cfg.ramdisk), XL_DOMCFG_STR_MAX);
	arg[8 + XL_DOMCFG_STR_MAX] = 'a';
	arg[9 + XL_DOMCFG_STR_MAX] = '\0';
	expect_err(parse(MIN_CFG, arg), "command line: ramdisk="
		   "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...: string longer "
		   "than 4095 bytes");
	assert_int_equal(strspn(err + 22, "a"), 40);
	(void)state;
}

/* --- the error buffer --------------------------------------------------- */

static void test_err_buffer(void **state)
{
	char small[8], *argv[] = { "memory=\x1b[31mred" };
	struct xl_domcfg c;

	memset(small, 0x5a, sizeof(small));
	assert_int_equal(xl_domcfg_parse("x", 1, "f", 0, NULL, &c, small,
					 sizeof(small)), -EINVAL);
	assert_string_equal(small, "f:1: un");
	assert_int_equal(xl_domcfg_parse("x", 1, "f", 0, NULL, &c, NULL, 0),
			 -EINVAL);
	assert_int_equal(xl_domcfg_parse("x", 1, "f", 0, NULL, &c, small,
					 0), -EINVAL);
	assert_int_equal(small[0], 'f');
	assert_int_equal(xl_domcfg_parse(MIN_CFG, strlen(MIN_CFG), NULL, 0,
					 NULL, &c, NULL, 0), 0);
	xl_domcfg_free(&c);
	/* Control characters from anywhere become '?'. */
	assert_int_equal(xl_domcfg_parse("x", 1, "a\nb.cfg", 0, NULL, &c,
					 err, sizeof(err)), -EINVAL);
	assert_string_equal(err, "a?b.cfg:1: unknown key 'x'");
	assert_int_equal(xl_domcfg_parse(MIN_CFG, strlen(MIN_CFG), "g", 1,
					 argv, &c, err, sizeof(err)),
			 -EINVAL);
	assert_string_equal(err, "command line: memory=?[31mred: control "
			    "character in the value");
	/* No source name given. */
	assert_int_equal(xl_domcfg_parse("x", 1, NULL, 0, NULL, &c, err,
					 sizeof(err)), -EINVAL);
	assert_string_equal(err, "config:1: unknown key 'x'");
	(void)state;
}

static void test_result_free(void **state)
{
	struct xl_domcfg c;

	memset(&c, 0, sizeof(c));
	xl_domcfg_free(&c);
	assert_int_equal(xl_domcfg_parse(full_cfg, strlen(full_cfg), "f", 0,
					 NULL, &c, NULL, 0), 0);
	xl_domcfg_free(&c);
	assert_null(c.name);
	assert_null(c.cmdline);
	xl_domcfg_free(&c);	/* twice is fine */
	(void)state;
}

/* --- paths -------------------------------------------------------------- */

static void expect_resolved(const char *cfg_path, const char *path,
			    const char *want)
{
	char *out = (char *)1;
	int rc = xl_domcfg_resolve_path(cfg_path, path, &out);

	if (rc || !out || strcmp(out, want))
		fail_fmt("(%s, %s): rc %d, \"%s\" (want \"%s\")",
			 cfg_path ? cfg_path : "NULL", path, rc,
			 rc ? "" : out, want);
	free(out);
}

static void test_resolve_path(void **state)
{
	char *out = (char *)1;

	expect_resolved("/etc/xen/g.cfg", "vmlinuz", "/etc/xen/vmlinuz");
	expect_resolved("/etc/xen/g.cfg", "boot/vmlinuz",
			"/etc/xen/boot/vmlinuz");
	expect_resolved("/etc/xen/g.cfg", "../k", "/etc/xen/../k");
	expect_resolved("/etc/xen/g.cfg", "./k", "/etc/xen/./k");
	expect_resolved("/etc/xen/g.cfg", "/boot/k", "/boot/k");
	expect_resolved("g.cfg", "vmlinuz", "vmlinuz");
	expect_resolved("g.cfg", "/vmlinuz", "/vmlinuz");
	expect_resolved("a/b/g.cfg", "k", "a/b/k");
	expect_resolved("./g.cfg", "k", "./k");
	expect_resolved("../g.cfg", "k", "../k");
	expect_resolved("/g.cfg", "k", "/k");
	expect_resolved("dir/", "k", "dir/k");
	expect_resolved("a//g.cfg", "k", "a//k");
	expect_resolved("", "k", "k");
	expect_resolved(NULL, "k", "k");
	expect_resolved(NULL, "/k", "/k");
	expect_resolved("/x/g.cfg", "k k", "/x/k k");
	assert_int_equal(xl_domcfg_resolve_path("/x/g", "", &out), -EINVAL);
	assert_null(out);
	out = (char *)1;
	assert_int_equal(xl_domcfg_resolve_path("/x/g", NULL, &out),
			 -EINVAL);
	assert_null(out);
	(void)state;
}

/* --- the file wrapper --------------------------------------------------- */

static char tmp_path[64];

static void write_tmp(const char *data, size_t len)
{
	int fd;

	snprintf(tmp_path, sizeof(tmp_path), "/tmp/test_domcfg.XXXXXX");
	fd = mkstemp(tmp_path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
}

static void test_load(void **state)
{
	char *argv[] = { "memory=128" }, want[256];
	size_t len;
	char *buf;

	write_tmp(full_cfg, strlen(full_cfg));
	assert_int_equal(xl_domcfg_load(tmp_path, 1, argv, &cfg, err,
					sizeof(err)), 0);
	assert_int_equal(cfg.memory_mib, 128);
	assert_string_equal(cfg.name, "web-1.example_a");
	xl_domcfg_free(&cfg);
	unlink(tmp_path);

	/* Errors name the file as given. */
	write_tmp("name = 'g'\nmemroy = 1\n", 22);
	assert_int_equal(xl_domcfg_load(tmp_path, 0, NULL, &cfg, err,
					sizeof(err)), -EINVAL);
	snprintf(want, sizeof(want), "%s:2: unknown key 'memroy' (did you "
		 "mean 'memory'?)", tmp_path);
	assert_string_equal(err, want);
	unlink(tmp_path);

	/* XL_DOMCFG_FILE_MAX bytes are read, one more is too large. */
	buf = big_file(XL_DOMCFG_FILE_MAX, '\n', "vcpus = 3", &len);
	write_tmp(buf, len);
	assert_int_equal(xl_domcfg_load(tmp_path, 0, NULL, &cfg, err,
					sizeof(err)), 0);
	assert_int_equal(cfg.vcpus, 3);
	xl_domcfg_free(&cfg);
	unlink(tmp_path);
	free(buf);
	buf = big_file(XL_DOMCFG_FILE_MAX + 1, '\n', "vcpus = 3", &len);
	write_tmp(buf, len);
	assert_int_equal(xl_domcfg_load(tmp_path, 0, NULL, &cfg, err,
					sizeof(err)), -EFBIG);
	snprintf(want, sizeof(want), "%s: larger than 1024 KiB, not a "
		 "domain configuration", tmp_path);
	assert_string_equal(err, want);
	unlink(tmp_path);
	free(buf);

	assert_int_equal(xl_domcfg_load("/nonexistent/g.cfg", 0, NULL, &cfg,
					err, sizeof(err)), -ENOENT);
	assert_string_equal(err, "/nonexistent/g.cfg: No such file or "
			    "directory");
	assert_int_equal(xl_domcfg_load("/", 0, NULL, &cfg, err,
					sizeof(err)), -EISDIR);
	assert_string_equal(err, "/: Is a directory");
	assert_int_equal(xl_domcfg_load("/nonexistent", 0, NULL, &cfg, NULL,
					0), -ENOENT);
	(void)state;
}

/* --- hostile input ------------------------------------------------------ */

/* The result of a successful parse keeps every promise of domcfg.h. */
static void check_invariants(const char *what)
{
	size_t n = strlen(cfg.name);

	if (!n || n > XL_DOMCFG_NAME_MAX || cfg.name[0] == '-' ||
	    !strcmp(cfg.name, "Domain-0") ||
	    strspn(cfg.name, "0123456789") == n ||
	    strspn(cfg.name, "abcdefghijklmnopqrstuvwxyz"
			     "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") != n)
		fail_fmt("%s: bad name \"%s\"", what, cfg.name);
	if (cfg.memory_mib < 1 || cfg.memory_mib > cfg.maxmem_mib ||
	    cfg.maxmem_mib > XL_DOMCFG_MEM_MAX_MIB)
		fail_fmt("%s: memory %lu/%lu", what, cfg.memory_mib,
			 cfg.maxmem_mib);
	if (cfg.vcpus < 1 || cfg.vcpus > cfg.maxvcpus ||
	    cfg.maxvcpus > XL_DOMCFG_VCPUS_MAX)
		fail_fmt("%s: vcpus %u/%u", what, cfg.vcpus, cfg.maxvcpus);
	if (!cfg.kernel[0] || (cfg.ramdisk && !cfg.ramdisk[0]))
		fail_fmt("%s: empty path", what);
	if (strlen(cfg.cmdline) > XL_DOMCFG_CMDLINE_MAX)
		fail_fmt("%s: cmdline too long", what);
	if (cfg.on_poweroff > XL_ACTION_RENAME_RESTART ||
	    cfg.on_reboot > XL_ACTION_RENAME_RESTART ||
	    cfg.on_crash > XL_ACTION_RENAME_RESTART)
		fail_fmt("%s: bad action", what);
	if (cfg.bvt.mcu_advance < 1 || cfg.bvt.mcu_advance > 1000 ||
	    cfg.bvt.warp > 1000000 || cfg.bvt.warp_limit_ms > 60000 ||
	    cfg.bvt.unwarp_ms > 60000)
		fail_fmt("%s: bad bvt", what);
}

static void check_any(int rc, const char *what)
{
	if (rc == 0) {
		expect_ok(rc);
		check_invariants(what);
	} else {
		check_failed(rc, -EINVAL);
	}
}

/* Every prefix of a valid file: truncated downloads, full disks. */
static void test_truncations(void **state)
{
	size_t len = strlen(full_cfg);
	char what[32];

	for (size_t n = 0; n <= len; n++) {
		snprintf(what, sizeof(what), "prefix %zu", n);
		check_any(parse_n(full_cfg, n, NULL), what);
	}
	/* Cut inside a string, a list, a comment. */
	expect_err(parse_n(full_cfg, strstr(full_cfg, "vmlinuz") - full_cfg,
			   NULL),
		   "guest.cfg:7: kernel: unterminated string (no closing \" "
		   "on its line)");
	expect_err(parse_n("name = [ 'a',\n 'b'", 18, NULL),
		   "guest.cfg:1: name: unterminated list (no ']' for the '['"
		   " on line 1)");
	expect_err(parse_n(MIN_CFG "extra = '\\", strlen(MIN_CFG) + 10, NULL),
		   "guest.cfg:4: extra: unterminated string (no closing ' on"
		   " its line)");
	expect_ok(parse_n(MIN_CFG "# trailing comme", strlen(MIN_CFG) + 16,
			  NULL));
	(void)state;
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint32_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 16);
}

/* Random bytes, biased towards the characters the grammar cares about. */
static void test_fuzz_bytes(void **state)
{
	static const char special[] = "\"'[],;#=+-\\ \t\n\r\0x0123456789";
	char buf[512], what[32];

	for (int i = 0; i < 20000; i++) {
		size_t len = rng() % sizeof(buf);

		for (size_t j = 0; j < len; j++)
			buf[j] = rng() % 2 ? (char)rng() :
				 special[rng() % (sizeof(special) - 1)];
		snprintf(what, sizeof(what), "random %d", i);
		check_any(parse_n(buf, len, NULL), what);
	}
	(void)state;
}

/* Valid files with tokens inserted, deleted or replaced, and overrides. */
static void test_fuzz_mutations(void **state)
{
	static const char *const tokens[] = {
		"\"", "'", "[", "]", ",", ";", "#", "=", "+=", "\n", "\r\n",
		"\r", "\\", "\\x", "\\n", " ", "\t", "-", "0", "0x", "1",
		"128", "4096", "99999999999999999999", "name", "memory",
		"maxmem", "vcpus", "maxvcpus", "kernel", "ramdisk", "extra",
		"root", "cmdline", "type", "on_crash", "warp", "disk",
		"\"pvh\"", "'restart'", "'x'", "[[", "]]", "Domain-0", "",
	};
	char buf[4096], argbuf[4][64], *argv[4], what[32];
	size_t len;

	for (int i = 0; i < 20000; i++) {
		len = strlen(full_cfg);
		memcpy(buf, full_cfg, len);
		for (int m = rng() % 4; m >= 0; m--) {
			const char *t = tokens[rng() % ARRAY_SIZE(tokens)];
			size_t tl = strlen(t), at = rng() % (len + 1);
			size_t del = rng() % 3 ? 0 : rng() % 8;

			if (at + del > len)
				del = len - at;
			if (len - del + tl > sizeof(buf))
				continue;
			memmove(buf + at + tl, buf + at + del,
				len - at - del);
			memcpy(buf + at, t, tl);
			len = len - del + tl;
		}
		for (int a = 0; a < 4; a++) {
			snprintf(argbuf[a], sizeof(argbuf[a]), "%s=%s%s",
				 tokens[rng() % ARRAY_SIZE(tokens)],
				 tokens[rng() % ARRAY_SIZE(tokens)],
				 tokens[rng() % ARRAY_SIZE(tokens)]);
			argv[a] = argbuf[a];
		}
		snprintf(what, sizeof(what), "mutation %d", i);
		check_any(parse_argv(buf, len, 0, NULL), what);
		check_any(parse_argv(buf, len, (int)(rng() % 5), argv), what);
	}
	(void)state;
}

#define T(f)	cmocka_unit_test_teardown(f, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_minimal_defaults),
		T(test_all_keys),
		T(test_crlf),
		T(test_separators_comments),
		T(test_strings),
		T(test_integer_ranges),
		T(test_numbers),
		T(test_name),
		T(test_type_and_actions),
		T(test_cpus),
		T(test_paths),
		T(test_cmdline),
		T(test_append),
		T(test_required),
		T(test_cross_checks),
		T(test_duplicates),
		T(test_keys),
		T(test_syntax_errors),
		T(test_lists),
		T(test_nul_bytes),
		T(test_huge_inputs),
		T(test_overrides),
		T(test_override_lengths),
		T(test_err_buffer),
		T(test_result_free),
		T(test_resolve_path),
		T(test_load),
		T(test_truncations),
		T(test_fuzz_bytes),
		T(test_fuzz_mutations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
