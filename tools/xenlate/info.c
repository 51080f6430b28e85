// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate info: the hypervisor's state as stable "key: value" lines, one
 * per fact, so that scripts and tests can grep them.
 */
#include <inttypes.h>
#include <stdio.h>

#include "cmd.h"
#include "xl_client.h"
#include "xl_fmt.h"

static void xl_info_print(const struct xl_info *in)
{
	uint64_t secs = in->uptime_ns / 1000000000;
	char cpus[1024], up[64];

	xl_fmt_cpulist(cpus, sizeof(cpus), in->cpu_mask,
		       XL_INFO_CPU_WORDS * 64);
	xl_fmt_duration(up, sizeof(up), secs);

	printf("version: %s\n", in->version);
	printf("build: %s\n", in->build);
	printf("cpus: %" PRIu32 " of %" PRIu32 " (%s)\n", in->cpus_launched,
	       in->cpus_possible, cpus[0] ? cpus : "none");
	printf("mem_total_mib: %" PRIu64 "\n", in->mem_total >> 20);
	printf("mem_free_mib: %" PRIu64 "\n", in->mem_free >> 20);
	printf("uptime: %s (%" PRIu64 " s)\n", up, secs);
	printf("tsc_khz: %" PRIu64 "\n", in->tsc_khz);
	printf("dom0_exits: %" PRIu64 "\n", in->dom0_exits);
}

static int xl_info_run(int argc, char *argv[])
{
	struct xl_client *c;
	struct xl_info info;
	int ret, err;

	ret = xl_no_args(&xl_cmd_info, argc, argv);
	if (ret)
		return ret;
	err = xl_open(&c);
	if (err)
		return xl_client_error(NULL, err);
	err = xl_info(c, &info);
	if (err)
		ret = xl_client_error(c, err);
	else
		xl_info_print(&info);
	xl_close(c);
	return ret;
}

const struct xl_cmd xl_cmd_info = {
	.name = "info",
	.args = "",
	.summary = "Show the hypervisor's version, CPUs, memory and uptime",
	.help =
	"Prints one \"key: value\" line each: version, build, cpus (under the\n"
	"hypervisor, of those it may take, and which), mem_total_mib,\n"
	"mem_free_mib, uptime (since load), tsc_khz, dom0_exits.\n",
	.run = xl_info_run,
};
