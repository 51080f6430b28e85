// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate info: the hypervisor's state as stable "key: value" lines, one
 * per fact, so that scripts and tests can grep them.
 */
#include <inttypes.h>
#include <stdio.h>

#include <xenlate/dom0ctl.h>

#include "cmd.h"
#include "xl_client.h"
#include "xl_fmt.h"

/* "dom0_exits_<name>" for each enum xl_dom0_exit_kind: stable keys. */
static const char *const xl_exit_kind_names[] = {
	[XL_DOM0_EXIT_INTR] = "intr",
	[XL_DOM0_EXIT_VINTR] = "vintr",
	[XL_DOM0_EXIT_HLT] = "hlt",
	[XL_DOM0_EXIT_CPUID] = "cpuid",
	[XL_DOM0_EXIT_MSR] = "msr",
	[XL_DOM0_EXIT_VMMCALL] = "vmmcall",
	[XL_DOM0_EXIT_APIC] = "apic",
	[XL_DOM0_EXIT_NPF] = "npf",
	[XL_DOM0_EXIT_IOIO] = "ioio",
	[XL_DOM0_EXIT_OTHER] = "other",
};

/* New kinds come last: this fails if the newest one has no name. */
_Static_assert(sizeof(xl_exit_kind_names) / sizeof(xl_exit_kind_names[0]) ==
	       XL_INFO_EXIT_KINDS, "every exit kind has a name");

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
	for (int k = 0; k < XL_INFO_EXIT_KINDS; k++)
		printf("dom0_exits_%s: %" PRIu64 "\n", xl_exit_kind_names[k],
		       in->dom0_exit_kinds[k]);
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
	"mem_free_mib, uptime (since load), tsc_khz, dom0_exits (all exits\n"
	"since load, guests' too), then Dom0's own exits by reason:\n"
	"dom0_exits_intr, _vintr and _hlt (host interrupts, interrupt\n"
	"windows, HLT: only while guests exist), _cpuid, _msr, _vmmcall\n"
	"(hypercalls), _apic (trapped APIC and IOAPIC writes), _npf (other\n"
	"nested page faults), _ioio and _other.\n",
	.run = xl_info_run,
};
