// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate list: xl's table (Name ID Mem VCPUs State Time(s)), Dom0 first,
 * or --json.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "domid.h"

#define XL_LIST_MAX	256

/* Dom0 is Linux: its memory and CPU time come from Linux. */
static void xl_dom0_row(struct xl_domain *d)
{
	unsigned long long user, nice, sys, irq, softirq, steal, kb;
	FILE *f;

	memset(d, 0, sizeof(*d));
	strcpy(d->name, "Domain-0");
	d->state = XL_DOM_RUNNING;
	d->vcpus = (uint32_t)sysconf(_SC_NPROCESSORS_ONLN);
	f = fopen("/proc/meminfo", "r");
	if (f) {
		if (fscanf(f, "MemTotal: %llu kB", &kb) == 1)
			d->mem_kb = d->maxmem_kb = kb;
		fclose(f);
	}
	f = fopen("/proc/stat", "r");
	if (f) {
		/* cpu user nice system idle iowait irq softirq steal */
		if (fscanf(f, "cpu %llu %llu %llu %*u %*u %llu %llu %llu",
			   &user, &nice, &sys, &irq, &softirq, &steal) == 6)
			d->cpu_ns = (user + nice + sys + irq + softirq) *
				    (1000000000ULL /
				     (unsigned long long)sysconf(_SC_CLK_TCK));
		fclose(f);
	}
}

static void xl_print_table(const struct xl_domain *d, int nr)
{
	int i;

	printf("%-32s %5s %5s %5s %6s %9s\n", "Name", "ID", "Mem", "VCPUs",
	       "State", "Time(s)");
	for (i = 0; i < nr; i++)
		printf("%-32s %5" PRIu32 " %5" PRIu64 " %5" PRIu32
		       " %6s %9.1f\n", d[i].name, d[i].domid,
		       d[i].mem_kb >> 10, d[i].vcpus, xl_state_str(&d[i]),
		       d[i].cpu_ns / 1e9);
}

static void xl_print_json(const struct xl_domain *d, int nr)
{
	int i;

	/* Names are [A-Za-z0-9_.-] (checked at create): no escaping. */
	printf("[\n");
	for (i = 0; i < nr; i++)
		printf("  {\"name\": \"%s\", \"domid\": %" PRIu32
		       ", \"mem_kb\": %" PRIu64 ", \"maxmem_kb\": %" PRIu64
		       ", \"vcpus\": %" PRIu32 ", \"state\": \"%s\""
		       ", \"cpu_ns\": %" PRIu64 ", \"hypercalls\": %" PRIu64
		       ", \"evtchn_sends\": %" PRIu64 "}%s\n",
		       d[i].name, d[i].domid, d[i].mem_kb, d[i].maxmem_kb,
		       d[i].vcpus, xl_state_str(&d[i]), d[i].cpu_ns,
		       d[i].hypercalls, d[i].evtchn_sends,
		       i + 1 < nr ? "," : "");
	printf("]\n");
}

static int xl_list_run(int argc, char *argv[])
{
	static struct xl_domain doms[XL_LIST_MAX + 1];
	struct xl_client *c;
	int json = 0, nr, err;

	if (argc == 2 && !strcmp(argv[1], "--json"))
		json = 1;
	else if (argc != 1)
		return xl_usage_error("list", "unexpected argument '%s'",
				      argv[1]);
	err = xl_open(&c);
	if (err)
		return xl_client_error(NULL, err);
	xl_dom0_row(&doms[0]);
	nr = xl_domain_list(c, doms + 1, XL_LIST_MAX);
	if (nr < 0) {
		err = xl_client_error(c, nr);
		xl_close(c);
		return err;
	}
	xl_close(c);
	if (json)
		xl_print_json(doms, nr + 1);
	else
		xl_print_table(doms, nr + 1);
	return XL_EXIT_OK;
}

const struct xl_cmd xl_cmd_list = {
	.name = "list",
	.args = "[--json]",
	.summary = "List the domains, Dom0 first",
	.help =
	"Columns as xl's: Name, ID, Mem (MiB), VCPUs, State (r running,\n"
	"p paused, s shut down, c crashed, d dying), Time(s) of CPU.\n"
	"--json prints the same, and the accounting counters, as JSON.\n",
	.run = xl_list_run,
};
