// SPDX-License-Identifier: GPL-2.0
/*
 * tools/lib/xl_info.c: the XL_CMD_INFO reply, built with libnl as
 * dom0-adapter/info.c sends it and parsed as xl_request() does, so the
 * parser sees real attributes.  Dom0's exits by kind are optional and
 * may be more or fewer than we know; the CPU mask and the scalars are
 * required.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include <netlink/genl/genl.h>

#include "xl_client.h"
#include "xl_priv.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* Room for the longest payload a test sends (96 bytes of kinds). */
#define PAYLOAD_WORDS	16

#define CPUS_POSSIBLE	100
#define CPUS_LAUNCHED	3
#define MEM_TOTAL	0x123456789abcULL
#define MEM_FREE	0x23456789abULL
#define UPTIME_NS	0x3456789abcdef01ULL
#define TSC_KHZ		2894561ULL
#define DOM0_EXITS	0x567890abcdef0123ULL

/* Distinct, with every byte set, so a shifted copy shows. */
static uint64_t kind_val(unsigned int i)
{
	return 0x1111111111111111ULL * (i + 1) + 0x0102030405060708ULL;
}

static uint64_t mask_val(unsigned int i)
{
	return 0xf0e0d0c0b0a09080ULL + i;
}

/*
 * A reply: every attribute the kernel sends, but for @omit (0: none),
 * with @kinds_len bytes of exit kinds and @mask_len of CPU mask.
 */
struct reply {
	int omit;
	size_t kinds_len;
	size_t mask_len;
};

/* What the current kernel sends: all kinds, mask words for 100 CPUs. */
#define VALID_MASK_WORDS	2
#define VALID_REPLY	{ .kinds_len = 80, .mask_len = 8 * VALID_MASK_WORDS }

/* Builds @r and parses it with xl_info_parse() into @info; returns rc. */
static int parse_reply(const struct reply *r, struct xl_client *c,
		       struct xl_info *info)
{
	uint64_t kinds[PAYLOAD_WORDS], mask[PAYLOAD_WORDS];
	struct nlattr *tb[XL_A_MAX + 1];
	struct nl_msg *msg;
	bool put_fail;
	int rc;

	assert_true(r->kinds_len <= sizeof(kinds));
	assert_true(r->mask_len <= sizeof(mask));
	for (unsigned int i = 0; i < PAYLOAD_WORDS; i++) {
		kinds[i] = kind_val(i);
		mask[i] = mask_val(i);
	}

	msg = nlmsg_alloc();
	assert_non_null(msg);
	/* The family id is the kernel's choice; the parser never sees it. */
	assert_non_null(genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, 0x20, 0,
				    0, XL_CMD_INFO, XL_GENL_VERSION));
	put_fail =
		(r->omit != XL_A_INFO_VERSION &&
		 nla_put_string(msg, XL_A_INFO_VERSION, "0.7")) ||
		(r->omit != XL_A_INFO_BUILD &&
		 nla_put_string(msg, XL_A_INFO_BUILD, "v0.7-12-gabcdef")) ||
		(r->omit != XL_A_INFO_CPUS_POSSIBLE &&
		 nla_put_u32(msg, XL_A_INFO_CPUS_POSSIBLE, CPUS_POSSIBLE)) ||
		(r->omit != XL_A_INFO_CPUS_LAUNCHED &&
		 nla_put_u32(msg, XL_A_INFO_CPUS_LAUNCHED, CPUS_LAUNCHED)) ||
		(r->omit != XL_A_INFO_CPU_MASK &&
		 nla_put(msg, XL_A_INFO_CPU_MASK, r->mask_len, mask)) ||
		(r->omit != XL_A_INFO_MEM_TOTAL &&
		 nla_put_u64(msg, XL_A_INFO_MEM_TOTAL, MEM_TOTAL)) ||
		(r->omit != XL_A_INFO_MEM_FREE &&
		 nla_put_u64(msg, XL_A_INFO_MEM_FREE, MEM_FREE)) ||
		(r->omit != XL_A_INFO_UPTIME_NS &&
		 nla_put_u64(msg, XL_A_INFO_UPTIME_NS, UPTIME_NS)) ||
		(r->omit != XL_A_INFO_TSC_KHZ &&
		 nla_put_u64(msg, XL_A_INFO_TSC_KHZ, TSC_KHZ)) ||
		(r->omit != XL_A_INFO_DOM0_EXITS &&
		 nla_put_u64(msg, XL_A_INFO_DOM0_EXITS, DOM0_EXITS)) ||
		(r->omit != XL_A_INFO_DOM0_EXIT_KINDS &&
		 nla_put(msg, XL_A_INFO_DOM0_EXIT_KINDS, r->kinds_len, kinds));
	assert_false(put_fail);
	/* As xl_request()'s callback does: no policy, every attribute. */
	assert_int_equal(genlmsg_parse(nlmsg_hdr(msg), 0, tb, XL_A_MAX, NULL),
			 0);

	memset(c, 0, sizeof(*c));
	/* Garbage, so a field the parser leaves alone shows. */
	memset(info, 0xa5, sizeof(*info));
	rc = xl_info_parse(c, tb, info);
	nlmsg_free(msg);
	return rc;
}

/* The first @n of @nr words are @val's (what the reply sent), the rest 0. */
static void expect_words(const char *what, const uint64_t *got, size_t nr,
			 unsigned int n, uint64_t (*val)(unsigned int))
{
	for (unsigned int i = 0; i < nr; i++) {
		uint64_t want = i < n ? val(i) : 0;

		if (got[i] != want)
			fail_fmt("%s %u: %#llx, expected %#llx", what, i,
				 (unsigned long long)got[i],
				 (unsigned long long)want);
	}
}

static void expect_kinds(const struct xl_info *info, unsigned int n)
{
	expect_words("kind", info->dom0_exit_kinds, XL_INFO_EXIT_KINDS, n,
		     kind_val);
}

static void expect_mask(const struct xl_info *info, unsigned int words)
{
	expect_words("mask word", info->cpu_mask, XL_INFO_CPU_WORDS, words,
		     mask_val);
}

/* -XL_ERR_PROTO, with a detail that names the attribute. */
static void expect_proto(const struct reply *r, const char *detail)
{
	struct xl_client c;
	struct xl_info info;
	int rc = parse_reply(r, &c, &info);

	if (rc != -XL_ERR_PROTO)
		fail_fmt("kinds %zu, mask %zu, omit %d: rc %d, expected %d",
			 r->kinds_len, r->mask_len, r->omit, rc,
			 -XL_ERR_PROTO);
	if (!strstr(c.detail, detail))
		fail_fmt("kinds %zu, mask %zu, omit %d: detail \"%s\", "
			 "expected \"%s\"", r->kinds_len, r->mask_len,
			 r->omit, c.detail, detail);
}

/*
 * A valid reply but for @omit and @kinds_len bytes of kinds: accepted,
 * every other field as sent, the first @n kinds.
 */
static void expect_ok(int omit, size_t kinds_len, unsigned int n)
{
	struct reply r = VALID_REPLY;
	struct xl_client c;
	struct xl_info info;

	r.omit = omit;
	r.kinds_len = kinds_len;
	assert_int_equal(parse_reply(&r, &c, &info), 0);
	assert_string_equal(c.detail, "");
	assert_string_equal(info.version, "0.7");
	assert_string_equal(info.build, "v0.7-12-gabcdef");
	assert_int_equal(info.cpus_possible, CPUS_POSSIBLE);
	assert_int_equal(info.cpus_launched, CPUS_LAUNCHED);
	expect_mask(&info, VALID_MASK_WORDS);
	assert_int_equal(info.mem_total, MEM_TOTAL);
	assert_int_equal(info.mem_free, MEM_FREE);
	assert_int_equal(info.uptime_ns, UPTIME_NS);
	assert_int_equal(info.tsc_khz, TSC_KHZ);
	assert_int_equal(info.dom0_exits, DOM0_EXITS);
	expect_kinds(&info, n);
}

static void test_valid(void **state)
{
	expect_ok(0, 80, XL_INFO_EXIT_KINDS);
	(void)state;
}

/* An older kernel sends no kinds: zeros, not an error. */
static void test_kinds_absent(void **state)
{
	expect_ok(XL_A_INFO_DOM0_EXIT_KINDS, 80, 0);
	(void)state;
}

static void test_kinds_empty(void **state)
{
	expect_ok(0, 0, 0);
	(void)state;
}

/* A newer kernel knows more kinds: ours copied, the rest ignored. */
static void test_kinds_more(void **state)
{
	expect_ok(0, 96, XL_INFO_EXIT_KINDS);
	(void)state;
}

/* A kernel that knows fewer: those copied, the rest zero. */
static void test_kinds_fewer(void **state)
{
	expect_ok(0, 24, 3);
	(void)state;
}

/* Not whole u64s: refused, however long. */
static void test_kinds_partial(void **state)
{
	static const size_t lens[] = { 81, 4, 1, 7, 20, 95 };
	struct reply r = VALID_REPLY;

	for (size_t i = 0; i < ARRAY_SIZE(lens); i++) {
		r.kinds_len = lens[i];
		expect_proto(&r, "exit kinds");
	}
	(void)state;
}

/* A mask for more CPUs than we hold: our words copied. */
static void test_mask_long(void **state)
{
	struct xl_client c;
	struct xl_info info;
	struct reply r = VALID_REPLY;

	r.mask_len = 40;
	assert_int_equal(parse_reply(&r, &c, &info), 0);
	expect_mask(&info, XL_INFO_CPU_WORDS);
	expect_kinds(&info, XL_INFO_EXIT_KINDS);
	(void)state;
}

/* The mask is required: at least one whole u64, whole u64s only. */
static void test_mask_bad(void **state)
{
	static const size_t lens[] = { 4, 0, 7, 12, 20 };
	struct reply r = VALID_REPLY;

	for (size_t i = 0; i < ARRAY_SIZE(lens); i++) {
		r.mask_len = lens[i];
		expect_proto(&r, "CPU mask");
	}
	r.mask_len = 8 * VALID_MASK_WORDS;
	r.omit = XL_A_INFO_CPU_MASK;
	expect_proto(&r, "CPU mask");
	(void)state;
}

/* Every scalar is required: its absence is an error, not a zero. */
static void test_scalar_missing(void **state)
{
	static const int required[] = {
		XL_A_INFO_TSC_KHZ, XL_A_INFO_VERSION, XL_A_INFO_BUILD,
		XL_A_INFO_CPUS_POSSIBLE, XL_A_INFO_CPUS_LAUNCHED,
		XL_A_INFO_MEM_TOTAL, XL_A_INFO_MEM_FREE, XL_A_INFO_UPTIME_NS,
		XL_A_INFO_DOM0_EXITS,
	};
	struct reply r = VALID_REPLY;
	struct xl_client c;
	struct xl_info info;

	for (size_t i = 0; i < ARRAY_SIZE(required); i++) {
		char detail[64];

		r.omit = required[i];
		/* Whole, so attribute 1 is not taken for attribute 10. */
		snprintf(detail, sizeof(detail), "reply lacks attribute %d",
			 required[i]);
		assert_int_equal(parse_reply(&r, &c, &info), -XL_ERR_PROTO);
		assert_string_equal(c.detail, detail);
	}
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_kinds_absent),
		cmocka_unit_test(test_kinds_empty),
		cmocka_unit_test(test_kinds_more),
		cmocka_unit_test(test_kinds_fewer),
		cmocka_unit_test(test_kinds_partial),
		cmocka_unit_test(test_mask_long),
		cmocka_unit_test(test_mask_bad),
		cmocka_unit_test(test_scalar_missing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
