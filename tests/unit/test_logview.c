// SPDX-License-Identifier: GPL-2.0
/*
 * tools/xenlate/logview.c: printing a byte log chunk by chunk (xenlate
 * dmesg, xenlate console), into a memory stream.
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

#include "logview.h"

struct out {
	char *text;
	size_t len;
	FILE *f;
};

static void out_open(struct out *o)
{
	o->text = NULL;
	o->len = 0;
	o->f = open_memstream(&o->text, &o->len);
	assert_non_null(o->f);
}

static void out_expect(struct out *o, const char *want)
{
	fclose(o->f);
	assert_string_equal(o->text, want);
	free(o->text);
}

static struct xl_dmesg_chunk chunk(size_t len, uint64_t next,
				   uint64_t dropped)
{
	struct xl_dmesg_chunk ch = {
		.len = len, .next_seq = next, .dropped = dropped,
	};

	return ch;
}

static void test_lost(void **state)
{
	struct xl_dmesg_chunk ch;

	(void)state;
	/* Contiguous: nothing lost, whatever is reported after the first. */
	ch = chunk(10, 20, 5);
	assert_int_equal(xl_log_lost(10, &ch, 0), 0);
	/* The first chunk: the reported count, there being no gap. */
	assert_int_equal(xl_log_lost(10, &ch, 1), 5);
	/* A gap in the positions: measured, not reported. */
	ch = chunk(10, 50, 0);
	assert_int_equal(xl_log_lost(10, &ch, 0), 30);
	assert_int_equal(xl_log_lost(10, &ch, 1), 30);
	/* Inconsistent positions: no gap measured, none invented. */
	ch = chunk(10, 5, 7);
	assert_int_equal(xl_log_lost(10, &ch, 0), 0);
	assert_int_equal(xl_log_lost(10, &ch, 1), 7);
	/* Caught up: an empty chunk. */
	ch = chunk(0, 10, 0);
	assert_int_equal(xl_log_lost(10, &ch, 0), 0);
}

static void test_show(void **state)
{
	struct xl_log_view v;
	struct xl_dmesg_chunk ch;
	struct out o;

	(void)state;
	out_open(&o);
	xl_log_view_init(&v, "console");
	ch = chunk(6, 6, 0);
	xl_log_show(&v, &ch, "hello\n", o.f);
	assert_int_equal(v.seq, 6);
	ch = chunk(3, 9, 0);
	xl_log_show(&v, &ch, "abc", o.f);
	/* 11 bytes overwritten between: a note on a line of its own. */
	ch = chunk(2, 22, 11);
	xl_log_show(&v, &ch, "de", o.f);
	assert_int_equal(v.seq, 22);
	ch = chunk(0, 22, 0);
	xl_log_show(&v, &ch, "", o.f);
	assert_int_equal(v.seq, 22);
	xl_log_end(&v, o.f);
	xl_log_end(&v, o.f);	/* only one newline */
	out_expect(&o, "hello\nabc\n"
		   "[xenlate: 11 bytes of console lost (overwritten)]\n"
		   "de\n");
}

/* Lost before the first byte, then nothing: the note, no blank line. */
static void test_lost_first(void **state)
{
	struct xl_log_view v;
	struct xl_dmesg_chunk ch;
	struct out o;

	(void)state;
	out_open(&o);
	xl_log_view_init(&v, "log");
	ch = chunk(0, 100, 100);
	xl_log_show(&v, &ch, "", o.f);
	xl_log_end(&v, o.f);
	out_expect(&o, "[xenlate: 100 bytes of log lost (overwritten)]\n");

	out_open(&o);
	xl_log_view_init(&v, "log");
	xl_log_end(&v, o.f);
	out_expect(&o, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lost),
		cmocka_unit_test(test_show),
		cmocka_unit_test(test_lost_first),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
