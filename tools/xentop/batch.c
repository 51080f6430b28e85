// SPDX-License-Identifier: GPL-2.0
/*
 * Batch mode: every refresh as plain text, all columns, for logs and
 * scripts.  Any failure ends it with one line on stderr and status 1.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <time.h>

#include "batch.h"
#include "conn.h"
#include "view.h"

static void xt_print(void *arg, enum xt_line kind, const char *text)
{
	(void)arg;
	(void)kind;
	puts(text);
}

/* Refreshes on a fixed beat, so a slow one does not delay the rest. */
static void xt_sleep_until(struct timespec *t, double delay)
{
	long long ns = (long long)(delay * 1e9);

	t->tv_sec += ns / 1000000000;
	t->tv_nsec += ns % 1000000000;
	if (t->tv_nsec >= 1000000000) {
		t->tv_sec++;
		t->tv_nsec -= 1000000000;
	}
	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, t, NULL) ==
	       EINTR)
		;
}

int xt_batch(const struct xt_opts *o)
{
	struct xt_render r = { .o = o, .sort = XT_COL_NAME, .width = INT_MAX };
	struct xt_conn k = { 0 };
	struct timespec t;
	long i;
	int ret = 0;

	clock_gettime(CLOCK_MONOTONIC, &t);
	for (i = 0; !o->iterations || i < o->iterations; i++) {
		if (i) {
			xt_sleep_until(&t, o->delay);
			putchar('\n');
		}
		if (xt_refresh(&k)) {
			fprintf(stderr, "xentop: %s\n", k.err);
			ret = 1;
			break;
		}
		xt_render(&r, &k.cur, xt_print, NULL);
		if (fflush(stdout) || ferror(stdout)) {
			ret = 1;
			break;
		}
	}
	xt_conn_close(&k);
	return ret;
}
