// SPDX-License-Identifier: GPL-2.0
/*
 * tools/xentop's pure view code: the STATE string (dsbcpr), the header's
 * counts and memory line, columns dropped from the right when the
 * terminal is narrow (never below the name, never overflowing a
 * buffer), the rows, the sort order and the sparkline.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include <xen/xen.h>
#include <xen/sched.h>
#include <xenlate/dom0ctl.h>

#include "header.h"
#include "layout.h"
#include "sort.h"
#include "spark.h"
#include "state.h"

static struct xt_dom dom(uint32_t domid, const char *name, uint32_t st,
			 uint32_t reason, bool blocked)
{
	struct xt_dom d = { .domid = domid, .state = st,
			    .shutdown_reason = reason, .blocked = blocked };

	snprintf(d.name, sizeof(d.name), "%s", name);
	return d;
}

static const char *state_of(uint32_t st, uint32_t reason, bool blocked)
{
	static char buf[XT_NR_STATES + 1];
	struct xt_dom d = dom(1, "x", st, reason, blocked);

	xt_state_str(&d, buf);
	return buf;
}

static void test_state_str(void **state)
{
	(void)state;
	assert_string_equal(state_of(XL_DOM_RUNNING, 0, false), "-----r");
	assert_string_equal(state_of(XL_DOM_RUNNING, 0, true), "--b---");
	assert_string_equal(state_of(XL_DOM_PAUSED, 0, false), "----p-");
	assert_string_equal(state_of(XL_DOM_BUILDING, 0, false), "----p-");
	assert_string_equal(state_of(XL_DOM_SHUTDOWN, SHUTDOWN_poweroff,
				     false), "-s----");
	assert_string_equal(state_of(XL_DOM_SHUTDOWN, SHUTDOWN_crash, false),
			    "---c--");
	assert_string_equal(state_of(XL_DOM_DYING, 0, false), "d-----");
	/* Blocked only means something while running. */
	assert_string_equal(state_of(XL_DOM_PAUSED, 0, true), "----p-");
}

static void test_header_counts(void **state)
{
	struct xt_dom d[] = {
		dom(0, "Domain-0", XL_DOM_RUNNING, 0, false),
		dom(1, "a", XL_DOM_RUNNING, 0, false),
		dom(2, "b", XL_DOM_RUNNING, 0, true),
		dom(3, "c", XL_DOM_PAUSED, 0, false),
		dom(4, "d", XL_DOM_BUILDING, 0, false),
		dom(5, "e", XL_DOM_SHUTDOWN, SHUTDOWN_crash, false),
		dom(6, "f", XL_DOM_SHUTDOWN, SHUTDOWN_reboot, false),
		dom(7, "g", XL_DOM_DYING, 0, false),
	};
	char buf[256];

	(void)state;
	xt_header_doms(buf, sizeof(buf), d, 8);
	assert_string_equal(buf, "8 domains: 2 running, 1 blocked, 2 paused, "
			    "1 crashed, 1 dying, 1 shutdown");
	xt_header_doms(buf, sizeof(buf), d, 0);
	assert_string_equal(buf, "0 domains: 0 running, 0 blocked, 0 paused, "
			    "0 crashed, 0 dying, 0 shutdown");
}

static void test_header_mem(void **state)
{
	struct xt_machine m = { .version = "0.1", .cpus = 2, .mhz = 2999,
				.mem_total_kb = 1000, .mem_free_kb = 300 };
	char buf[256];
	int n;

	(void)state;
	xt_header_mem(buf, sizeof(buf), &m);
	assert_string_equal(buf, "Mem: 1000k total, 700k used, 300k free"
			    "    CPUs: 2 @ 2999MHz");
	/* Cut to the buffer, like snprintf, with the full length back. */
	n = xt_header_mem(buf, 8, &m);
	assert_string_equal(buf, "Mem: 10");
	assert_int_equal(n, (int)strlen("Mem: 1000k total, 700k used, "
					"300k free    CPUs: 2 @ 2999MHz"));
	xt_header_title(buf, sizeof(buf), 0, &m);
	assert_non_null(strstr(buf, "xentop - "));
	assert_non_null(strstr(buf, "Xenlate 0.1"));
}

/* Widths of NAME .. MEM(%): 10 + 1+6 + 1+10 + 1+6 + 1+10 + 1+6 = 53. */
static void test_layout_drops_right(void **state)
{
	struct xt_view v;
	char buf[512];
	int n;

	(void)state;
	xt_view_init(&v, false, false);
	assert_int_equal(v.col[0], XT_COL_NAME);
	assert_int_equal(v.col[v.nr - 1], XT_COL_VBD_WSECT);
	assert_int_equal(xt_layout_fit(&v, 10, 10000), v.nr);
	assert_int_equal(xt_layout_fit(&v, 10, 53), 6);
	assert_int_equal(xt_layout_fit(&v, 10, 52), 5);
	assert_int_equal(xt_layout_fit(&v, 10, 10), 1);
	/* Too narrow even for the name: the name, cut by the screen. */
	assert_int_equal(xt_layout_fit(&v, 10, 3), 1);
	assert_int_equal(xt_layout_fit(&v, 10, 0), 1);
	assert_int_equal(xt_layout_fit(&v, 10, -5), 1);
	/* A wider name column leaves room for fewer. */
	assert_int_equal(xt_layout_fit(&v, 20, 53), 4);

	n = xt_fmt_titles(buf, sizeof(buf), &v, 6, 10);
	assert_string_equal(buf, "      NAME  STATE   CPU(sec) CPU(%)     "
			    "MEM(k) MEM(%)");
	assert_int_equal(n, 53);
	/* Every width fits what it says. */
	for (int w = 0; w < 200; w++) {
		int cols = xt_layout_fit(&v, 10, w);

		n = xt_fmt_titles(buf, sizeof(buf), &v, cols, 10);
		if (cols > 1 && n > w)
			fail_fmt("width %d: %d columns take %d", w, cols, n);
	}
}

static void test_layout_views(void **state)
{
	struct xt_view v;

	(void)state;
	xt_view_init(&v, false, true);
	assert_int_equal(v.col[3], XT_COL_CPU_PCT);
	assert_int_equal(v.col[4], XT_COL_HIST);
	assert_int_equal(v.col[v.nr - 1], XT_COL_VBD_WSECT);
	xt_view_init(&v, true, false);
	assert_int_equal(v.col[0], XT_COL_NAME);
	assert_int_equal(v.col[2], XT_COL_CPU_SEC);
	assert_int_equal(v.col[3], XT_COL_MEM_MIBH);
}

static void test_row(void **state)
{
	struct xt_dom d = dom(3, "a-very-long-guest-name", XL_DOM_RUNNING, 0,
			      false);
	struct xt_row_ctx ctx = { .name_width = 10, .mem_total_kb = 4096 };
	struct xt_view v;
	char buf[512], small[16];

	(void)state;
	d.cpu_ns = 12500000000ULL;
	d.cpu_pct = 33.33;
	d.mem_kb = 1024;
	d.maxmem_kb = 2048;
	d.vcpus = 2;
	xt_view_init(&v, false, false);
	xt_fmt_row(buf, sizeof(buf), &v, 9, &ctx, &d);
	assert_string_equal(buf, "a-very-lon -----r         12   33.3       "
			    "1024   25.0       2048      50.0     2");
	/* -f: the whole name. */
	assert_int_equal(xt_name_width(&d, 1, true), 22);
	assert_int_equal(xt_name_width(&d, 1, false), 10);
	/* Devices read 0 until they exist. */
	xt_fmt_row(buf, sizeof(buf), &v, v.nr, &ctx, &d);
	assert_non_null(strstr(buf, "     2    0        0        0    0"));
	/* A small buffer is cut, not overrun (ASan watches). */
	xt_fmt_row(small, sizeof(small), &v, v.nr, &ctx, &d);
	assert_int_equal(strlen(small), sizeof(small) - 1);
	/* No total memory known: 0%, not a division by zero. */
	ctx.mem_total_kb = 0;
	xt_fmt_row(buf, sizeof(buf), &v, 6, &ctx, &d);
	assert_non_null(strstr(buf, "1024    0.0"));
}

static void test_sort(void **state)
{
	struct xt_dom d[] = {
		dom(2, "zeta", XL_DOM_RUNNING, 0, false),
		dom(0, "Domain-0", XL_DOM_RUNNING, 0, false),
		dom(1, "alpha", XL_DOM_PAUSED, 0, false),
	};
	struct xt_view v;

	(void)state;
	d[0].cpu_pct = 90;
	d[1].cpu_pct = 5;
	d[2].cpu_pct = 50;
	xt_sort(d, 3, XT_COL_NAME, false);
	assert_string_equal(d[0].name, "Domain-0");
	assert_string_equal(d[1].name, "alpha");
	xt_sort(d, 3, XT_COL_CPU_PCT, false);
	assert_string_equal(d[0].name, "zeta");
	assert_string_equal(d[2].name, "Domain-0");
	xt_sort(d, 3, XT_COL_CPU_PCT, true);
	assert_string_equal(d[0].name, "Domain-0");
	assert_string_equal(d[1].name, "zeta");

	xt_view_init(&v, false, true);
	assert_int_equal(xt_sort_next(&v, XT_COL_NAME), XT_COL_STATE);
	assert_int_equal(xt_sort_next(&v, XT_COL_STATE), XT_COL_CPU_SEC);
	/* The sparkline is skipped: after the last real column, NAME. */
	assert_int_equal(xt_sort_next(&v, XT_COL_VBD_WSECT), XT_COL_NAME);
	/* A column not in this view: start again. */
	xt_view_init(&v, true, false);
	assert_int_equal(xt_sort_next(&v, XT_COL_VBD_OO), XT_COL_NAME);
}

static void test_sparkline(void **state)
{
	struct xt_dom d = { 0 };
	char buf[8];

	(void)state;
	xt_sparkline(buf, 4, &d);
	assert_string_equal(buf, "    ");
	d.hist[0] = 0;
	d.hist[1] = 1;
	d.hist[2] = 50;
	d.hist[3] = 100;
	d.hist[4] = 100;
	d.nr_hist = 5;
	xt_sparkline(buf, 4, &d);
	assert_string_equal(buf, ".=##");
	xt_sparkline(buf, 7, &d);
	assert_string_equal(buf, "  _.=##");
	xt_sparkline(buf, 0, &d);
	assert_string_equal(buf, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state_str),
		cmocka_unit_test(test_header_counts),
		cmocka_unit_test(test_header_mem),
		cmocka_unit_test(test_layout_drops_right),
		cmocka_unit_test(test_layout_views),
		cmocka_unit_test(test_row),
		cmocka_unit_test(test_sort),
		cmocka_unit_test(test_sparkline),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
