// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate list: xl's table (Name ID Mem VCPUs State Time(s)), Dom0 first,
 * or --json.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "domid.h"

#define XL_LIST_MAX	256
#define XL_VCPUS_MAX	64	/* a guest's most */

/*
 * A running guest whose vCPUs that are up all wait for an event shows
 * "b", as in xl.  One request per running guest: the list itself does
 * not carry vCPU states.  Unknown (an error) counts as not blocked.
 */
static bool xl_dom_blocked(struct xl_client *c, const struct xl_domain *d)
{
	static struct xl_vcpu v[XL_VCPUS_MAX];
	int nr;

	if (d->state != XL_DOM_RUNNING)
		return false;
	nr = xl_vcpu_list(c, d->domid, v, XL_VCPUS_MAX);
	return xl_vcpus_blocked(v, nr);
}

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
			d->mem_kb = d->maxmem_kb = d->target_kb = kb;
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

static void xl_print_table(const struct xl_domain *d, const bool *blocked,
			   int nr)
{
	int i;

	printf("%-32s %5s %5s %5s %6s %9s\n", "Name", "ID", "Mem", "VCPUs",
	       "State", "Time(s)");
	for (i = 0; i < nr; i++)
		printf("%-32s %5" PRIu32 " %5" PRIu64 " %5" PRIu32
		       " %6s %9.1f\n", d[i].name, d[i].domid,
		       d[i].mem_kb >> 10, d[i].vcpus,
		       xl_state_str(&d[i], blocked[i]), d[i].cpu_ns / 1e9);
}

static void xl_print_json(const struct xl_domain *d, const bool *blocked,
			  int nr)
{
	int i;

	/* Names are [A-Za-z0-9_.-] (checked at create): no escaping. */
	printf("[\n");
	for (i = 0; i < nr; i++) {
		printf("  {\"name\": \"%s\", \"domid\": %" PRIu32
		       ", \"mem_kb\": %" PRIu64 ", \"maxmem_kb\": %" PRIu64
		       ", \"target_kb\": %" PRIu64
		       ", \"vcpus\": %" PRIu32 ", \"state\": \"%s\""
		       ", \"status\": \"%s\", \"shutdown_reason\": ",
		       d[i].name, d[i].domid, d[i].mem_kb, d[i].maxmem_kb,
		       d[i].target_kb, d[i].vcpus, xl_state_str(&d[i], blocked[i]),
		       xl_state_name(d[i].state));
		if (d[i].state == XL_DOM_SHUTDOWN)
			printf("\"%s\"",
			       xl_shutdown_reason_name(d[i].shutdown_reason));
		else
			printf("null");
		printf(", \"cpu_ns\": %" PRIu64 ", \"hypercalls\": %" PRIu64
		       ", \"evtchn_sends\": %" PRIu64 ", \"age_ns\": %" PRIu64
		       "}%s\n", d[i].cpu_ns, d[i].hypercalls,
		       d[i].evtchn_sends, d[i].age_ns, i + 1 < nr ? "," : "");
	}
	printf("]\n");
}

static int xl_list_run(int argc, char *argv[])
{
	static struct xl_domain doms[XL_LIST_MAX + 1];
	static bool blocked[XL_LIST_MAX + 1];
	struct xl_client *c;
	int json = 0, nr, err, i;

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
	for (i = 1; i <= nr; i++)
		blocked[i] = xl_dom_blocked(c, &doms[i]);
	xl_close(c);
	if (json)
		xl_print_json(doms, blocked, nr + 1);
	else
		xl_print_table(doms, blocked, nr + 1);
	return XL_EXIT_OK;
}

const struct xl_cmd xl_cmd_list = {
	.name = "list",
	.args = "[--json]",
	.summary = "List the domains, Dom0 first",
	.help =
	"Columns as xl's: Name, ID, Mem (MiB), VCPUs, State, Time(s) of CPU.\n"
	"State: r running (or waiting for a CPU), b blocked (every vCPU waits\n"
	"for an event), p paused (or not started yet), s shut down (powered\n"
	"off or rebooting, and kept: on_poweroff=preserve, or its monitor has\n"
	"not acted yet), c crashed, d dying.\n"
	"--json prints the same, and more: status (running, paused, shutdown,\n"
	"...), shutdown_reason (poweroff, reboot, crash; null unless shut\n"
	"down), age_ns, and the accounting counters (cpu_ns, hypercalls,\n"
	"evtchn_sends).\n",
	.run = xl_list_run,
};
