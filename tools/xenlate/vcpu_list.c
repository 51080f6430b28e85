// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate vcpu-list [DOMAIN]: xl's table of vCPUs (Name ID VCPU CPU State
 * Time(s)), of one domain or of all, Dom0 first.
 */
#include <inttypes.h>
#include <stdio.h>

#include "cmd.h"
#include "domid.h"
#include "xl_client.h"

#define XL_LIST_MAX	256
#define XL_VCPUS_MAX	256	/* Dom0: one per CPU */

/* xl's three letters: r running, b blocked, p (offline, here: down). */
static const char *xl_vcpu_state(uint32_t state)
{
	switch (state) {
	case XL_VCPU_RUNNING:
		return "r--";
	case XL_VCPU_RUNNABLE:
		return "---";
	case XL_VCPU_BLOCKED:
		return "-b-";
	case XL_VCPU_DOWN:
		return "--p";
	}
	return "???";
}

static int xl_vcpu_rows(struct xl_client *c, const char *name, uint32_t domid)
{
	static struct xl_vcpu v[XL_VCPUS_MAX];
	char cpu[12];
	int nr = xl_vcpu_list(c, domid, v, XL_VCPUS_MAX), i;

	if (nr < 0)
		return nr;
	for (i = 0; i < nr; i++) {
		if (v[i].state == XL_VCPU_DOWN)
			snprintf(cpu, sizeof(cpu), "-");
		else
			snprintf(cpu, sizeof(cpu), "%" PRIu32, v[i].cpu);
		printf("%-32s %5" PRIu32 " %5" PRIu32 " %5s %5s %9.1f\n", name,
		       domid, v[i].vcpu, cpu, xl_vcpu_state(v[i].state),
		       v[i].cpu_ns / 1e9);
	}
	return 0;
}

static int xl_vcpu_list_run(int argc, char *argv[])
{
	static struct xl_domain doms[XL_LIST_MAX];
	struct xl_client *c;
	uint32_t domid;
	int nr = 0, i, err, ret = XL_EXIT_OK;

	if (argc > 2)
		return xl_usage_error("vcpu-list", "unexpected argument '%s'",
				      argv[2]);
	err = xl_open(&c);
	if (err)
		return xl_client_error(NULL, err);
	if (argc == 2) {
		ret = xl_domain_arg_any(c, argv[1], &domid);
	} else {
		nr = xl_domain_list(c, doms, XL_LIST_MAX);
		if (nr < 0)
			ret = xl_client_error(c, nr);
	}
	if (ret)
		goto out;
	printf("%-32s %5s %5s %5s %5s %9s\n", "Name", "ID", "VCPU", "CPU",
	       "State", "Time(s)");
	if (argc == 2) {
		err = xl_vcpu_rows(c, domid ? argv[1] : "Domain-0", domid);
		if (err)
			ret = xl_client_error(c, err);
		goto out;
	}
	err = xl_vcpu_rows(c, "Domain-0", 0);
	if (err)
		ret = xl_client_error(c, err);
	/* A domain destroyed since the list is no error: it has no rows. */
	for (i = 0; i < nr && !ret; i++)
		xl_vcpu_rows(c, doms[i].name, doms[i].domid);
out:
	xl_close(c);
	return ret;
}

const struct xl_cmd xl_cmd_vcpu_list = {
	.name = "vcpu-list",
	.args = "[DOMAIN]",
	.summary = "List vCPUs: where they run, their state and CPU time",
	.help =
	"DOMAIN is a name, an id, or Domain-0; without it, every domain's.\n"
	"Dom0 has one vCPU per CPU under the hypervisor. State, as xl's:\n"
	"r-- running, --- runnable (waiting for a CPU, or its domain is\n"
	"paused or shut down), -b- blocked, --p down (never brought up, or\n"
	"halted for good; CPU shows '-').\n",
	.run = xl_vcpu_list_run,
};
