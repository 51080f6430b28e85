// SPDX-License-Identifier: GPL-2.0
/*
 * xentop's options (see opts.h).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xenlate/dom0ctl.h>

#include "opts.h"

static void xt_usage(FILE *f)
{
	fprintf(f,
		"usage: xentop [OPTION]...\n"
		"Show every domain's CPU, memory and I/O, refreshed live.\n\n"
		"  -h, --help            this help\n"
		"  -V, --version         the version\n"
		"  -d, --delay=SEC       seconds between refreshes (default 3)\n"
		"  -n, --networks        a network row per domain\n"
		"  -x, --vbds            a block device row per domain\n"
		"  -r, --repeat-header   the column titles above every domain\n"
		"  -v, --vcpus           a row per vCPU\n"
		"  -f, --full-name       names not cut to 10 characters\n"
		"  -z, --dom0-first      Domain-0 on top whatever the sort\n"
		"  -a, --usage           cumulative use since creation: CPU "
		"seconds,\n"
		"                        memory MiB-hours, block sectors, "
		"network bytes\n"
		"  -b, --batch           plain text on stdout, no screen\n"
		"  -i, --iterations=N    stop after N refreshes\n\n"
		"Keys: D delay, N networks, B block devices, V vCPUs, R "
		"repeat titles,\n"
		"A cumulative use, S next sort column, Up/Down scroll, Q or "
		"Esc quit.\n"
		"Network and block counters are 0 until those devices exist.\n"
		"Needs root (CAP_NET_ADMIN).  Exit status: 0, or 1 when the\n"
		"hypervisor is not loaded or cannot be read, 2 usage error.\n");
}

double xt_parse_delay(const char *s)
{
	char *end;
	double d = strtod(s, &end);

	if (end == s || *end || !(d >= XT_DELAY_MIN) || d > 86400)
		return -1;
	return d;
}

int xt_opts_parse(int argc, char *argv[], struct xt_opts *o)
{
	static const struct option longs[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "delay", required_argument, NULL, 'd' },
		{ "networks", no_argument, NULL, 'n' },
		{ "vbds", no_argument, NULL, 'x' },
		{ "repeat-header", no_argument, NULL, 'r' },
		{ "vcpus", no_argument, NULL, 'v' },
		{ "full-name", no_argument, NULL, 'f' },
		{ "dom0-first", no_argument, NULL, 'z' },
		{ "usage", no_argument, NULL, 'a' },
		{ "batch", no_argument, NULL, 'b' },
		{ "iterations", required_argument, NULL, 'i' },
		{ NULL, 0, NULL, 0 },
	};
	char *end;
	int c;

	memset(o, 0, sizeof(*o));
	o->delay = XT_DELAY_DEFAULT;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hVd:nxrvfzabi:", longs,
				NULL)) != -1) {
		switch (c) {
		case 'h':
			xt_usage(stdout);
			return 0;
		case 'V':
			printf("xentop (xenlate) %d.%d\n", XL_VERSION_MAJOR,
			       XL_VERSION_MINOR);
			return 0;
		case 'd':
			o->delay = xt_parse_delay(optarg);
			if (o->delay < 0) {
				fprintf(stderr, "xentop: -d: '%s' is not a "
					"delay of 0.1 to 86400 seconds\n",
					optarg);
				return 2;
			}
			break;
		case 'n':
			o->networks = true;
			break;
		case 'x':
			o->vbds = true;
			break;
		case 'r':
			o->repeat_header = true;
			break;
		case 'v':
			o->vcpus = true;
			break;
		case 'f':
			o->full_names = true;
			break;
		case 'z':
			o->dom0_first = true;
			break;
		case 'a':
			o->usage = true;
			break;
		case 'b':
			o->batch = true;
			break;
		case 'i':
			o->iterations = strtol(optarg, &end, 10);
			if (end == optarg || *end || o->iterations < 1) {
				fprintf(stderr, "xentop: -i: '%s' is not a "
					"positive number\n", optarg);
				return 2;
			}
			break;
		case ':':
			fprintf(stderr, "xentop: option '%s' needs a value\n",
				argv[optind - 1]);
			return 2;
		default:
			fprintf(stderr, "xentop: unknown option '%s' "
				"(xentop -h lists them)\n", argv[optind - 1]);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "xentop: unexpected argument '%s'\n",
			argv[optind]);
		return 2;
	}
	return -1;
}
