// SPDX-License-Identifier: GPL-2.0
/*
 * tools/xenlate/kmsg_parse.c: /dev/kmsg records and which of them explain
 * a module's failure.  Records are heap copies of exactly their length,
 * not NUL-terminated, as read(2) gives them: ASan catches overreads.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include "kmsg_parse.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static char *rec_copy;

static int free_rec(void **state)
{
	free(rec_copy);
	rec_copy = NULL;
	(void)state;
	return 0;
}

/* Parse the first @len bytes of @s, from an exact-size heap copy. */
static int parse_n(const char *s, size_t len, struct xl_kmsg_rec *r)
{
	free(rec_copy);
	rec_copy = malloc(len ? len : 1);
	assert_non_null(rec_copy);
	memcpy(rec_copy, s, len);
	memset(r, 0x5a, sizeof(*r));
	return xl_kmsg_parse(rec_copy, len, r);
}

static int parse(const char *s, struct xl_kmsg_rec *r)
{
	return parse_n(s, strlen(s), r);
}

static void expect_rec(const char *s, int level, const char *text)
{
	struct xl_kmsg_rec r;
	int rc = parse(s, &r);

	if (rc)
		fail_fmt("\"%s\": rc %d", s, rc);
	assert_int_equal(r.level, level);
	assert_int_equal(r.text_len, strlen(text));
	assert_memory_equal(r.text, text, r.text_len);
	/* The text points into the record. */
	assert_true(r.text >= rec_copy &&
		    r.text + r.text_len <= rec_copy + strlen(s));
}

static void test_parse_valid(void **state)
{
	expect_rec("6,1234,5678901,-;xenlate: loaded\n", 6, "xenlate: loaded");
	expect_rec("3,1,2,-;xenlate_dom0: failed: -22\n"
		   " SUBSYSTEM=xen\n DEVICE=+xen:0\n", 3,
		   "xenlate_dom0: failed: -22");
	expect_rec("4,5,6,c,caller=T123;text\n", 4, "text");
	expect_rec("6,1,2,-;no newline", 6, "no newline");
	expect_rec("6,1,2,-;\n", 6, "");
	expect_rec("6,1,2,-;", 6, "");
	expect_rec("0,1,2,-;emerg\n", 0, "emerg");
	expect_rec("7,1,2,-;debug\n", 7, "debug");
	/* facility << 3 | level */
	expect_rec("12,1,2,-;user warning\n", 4, "user warning");
	expect_rec("30,1,2,-;daemon info\n", 6, "daemon info");
	expect_rec("191,1,2,-;local7 debug\n", 7, "local7 debug");
	/* Only the first ';' ends the prefix. */
	expect_rec("6,1,2,-;a;b;c\n", 6, "a;b;c");
	expect_rec("6,1,2,-;x=1,y=2\n", 6, "x=1,y=2");
	(void)state;
}

static void test_parse_len_bounds(void **state)
{
	const char *s = "6,1,2,-;hello\nmore";
	struct xl_kmsg_rec r;

	/* Only @len bytes count. */
	assert_int_equal(parse_n(s, 13, &r), 0);
	assert_int_equal(r.text_len, 5);
	assert_int_equal(parse_n(s, 10, &r), 0);
	assert_int_equal(r.text_len, 2);
	assert_memory_equal(r.text, "he", 2);
	assert_int_equal(parse_n(s, 8, &r), 0);
	assert_int_equal(r.text_len, 0);
	assert_int_equal(parse_n(s, 7, &r), -EINVAL);
	assert_int_equal(parse_n(s, 2, &r), -EINVAL);
	assert_int_equal(parse_n(s, 1, &r), -EINVAL);
	assert_int_equal(parse_n(s, 0, &r), -EINVAL);
	(void)state;
}

static void test_parse_invalid(void **state)
{
	static const char *const bad[] = {
		"", ",", ";", "6", "6,", "6,1,2,-", "6,1,2,-\n",
		"6;text", ";6,1;text", ",6;text", "x6,1,2,-;text",
		"-6,1,2,-;text", " 6,1,2,-;text", "+6,1;text",
		"99999999999999999999,1,2,-;text",
		"4294967302,1,2,-;text",
		"\n6,1;text",
	};
	struct xl_kmsg_rec r;

	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++)
		if (parse(bad[i], &r) != -EINVAL)
			fail_fmt("\"%s\" parsed", bad[i]);
	(void)state;
}

/* Ranking: ours or not, and how bad. */
static int rank(const char *text, int level)
{
	struct xl_kmsg_rec r;
	size_t len = strlen(text);
	int ret;

	free(rec_copy);
	rec_copy = malloc(len ? len : 1);
	assert_non_null(rec_copy);
	memcpy(rec_copy, text, len);
	r.level = level;
	r.text = rec_copy;
	r.text_len = len;
	ret = xl_kmsg_rank(&r);
	return ret;
}

static void test_rank_levels(void **state)
{
	for (int level = 0; level <= 7; level++) {
		int want = level <= 3 ? 2 : level == 4 ? 1 : 0;

		assert_int_equal(rank("xenlate: x", level), want);
		assert_int_equal(rank("xenlate_dom0: x", level), want);
		assert_int_equal(rank("kvm: x", level), -1);
	}
	(void)state;
}

static void test_rank_ours(void **state)
{
	static const char *const ours[] = {
		"xenlate:", "xenlate: failed", "xenlate_dom0: no",
		"xenlate_probe:x", "xenlate_a1_b2:", "xenlate:: double",
	};
	static const char *const theirs[] = {
		"", "x", "xenlate", "xenlate ", "xenlatex: no",
		"Xenlate: no", "XENLATE: no", "xenlate_dom0", "xenlate_dom0 :",
		"xenlate_Dom0: no", "xenlate_dom-0: no", "xenlate-dom0: no",
		" xenlate: no", "kvm: xenlate: no", "xen: no",
		"xenlat: no", "xenlate_dom0.ko: no",
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(ours); i++)
		if (rank(ours[i], 3) != 2)
			fail_fmt("\"%s\" not ours", ours[i]);
	for (unsigned int i = 0; i < ARRAY_SIZE(theirs); i++)
		if (rank(theirs[i], 3) != -1)
			fail_fmt("\"%s\" ours", theirs[i]);
	(void)state;
}

/* text_len bounds the match: the ':' must be inside it. */
static void test_rank_text_len(void **state)
{
	struct xl_kmsg_rec r;
	char *t = malloc(13);

	assert_non_null(t);
	memcpy(t, "xenlate_dom0:", 13);
	r.level = 3;
	r.text = t;
	for (r.text_len = 0; r.text_len < 13; r.text_len++)
		assert_int_equal(xl_kmsg_rank(&r), -1);
	assert_int_equal(xl_kmsg_rank(&r), 2);
	r.text_len = 8;
	memcpy(t, "xenlate:", 8);
	assert_int_equal(xl_kmsg_rank(&r), 2);
	r.text_len = 7;
	assert_int_equal(xl_kmsg_rank(&r), -1);
	free(t);
	(void)state;
}

/* Parse then rank, as 'xenlate load' does with its records. */
static void test_parse_then_rank(void **state)
{
	static const struct {
		const char *rec;
		int rank;
	} cases[] = {
		{ "3,10,20,-;xenlate: SVM is disabled by the BIOS\n", 2 },
		{ "11,10,20,-;xenlate: user-facility error\n", 2 },
		{ "4,10,20,-;xenlate_dom0: no serial port\n", 1 },
		{ "6,10,20,-;xenlate: loaded\n", 0 },
		{ "3,10,20,-;kvm_amd: SVM in use\n", -1 },
		{ "3,10,20,-;\n xenlate: in a dictionary line\n", -1 },
	};
	struct xl_kmsg_rec r;

	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		assert_int_equal(parse(cases[i].rec, &r), 0);
		if (xl_kmsg_rank(&r) != cases[i].rank)
			fail_fmt("\"%s\": rank %d, expected %d", cases[i].rec,
				 xl_kmsg_rank(&r), cases[i].rank);
	}
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_parse_valid, free_rec),
		cmocka_unit_test_teardown(test_parse_len_bounds, free_rec),
		cmocka_unit_test_teardown(test_parse_invalid, free_rec),
		cmocka_unit_test_teardown(test_rank_levels, free_rec),
		cmocka_unit_test_teardown(test_rank_ours, free_rec),
		cmocka_unit_test_teardown(test_rank_text_len, free_rec),
		cmocka_unit_test_teardown(test_parse_then_rank, free_rec),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
