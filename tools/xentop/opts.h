/* SPDX-License-Identifier: GPL-2.0 */
/* xentop's command line, as Xen's xentop(1) and -a. */
#ifndef XT_OPTS_H
#define XT_OPTS_H

#include <stdbool.h>

struct xt_opts {
	double delay;		/* seconds between refreshes */
	long iterations;	/* 0: until quit */
	bool batch;
	bool networks;		/* per-domain network rows */
	bool vbds;		/* per-domain block device rows */
	bool vcpus;		/* per-vCPU rows */
	bool repeat_header;	/* titles above every domain */
	bool full_names;
	bool dom0_first;
	bool usage;		/* cumulative use instead of the rates */
};

#define XT_DELAY_DEFAULT	3.0
#define XT_DELAY_MIN		0.1

/*
 * Parse @argv into @o.  Returns -1 to go on, else the exit status (after
 * -h or -V, or a usage error already reported on stderr).
 */
int xt_opts_parse(int argc, char *argv[], struct xt_opts *o);

/* @s as a delay in seconds, or a negative number if it is not one. */
double xt_parse_delay(const char *s);

#endif
