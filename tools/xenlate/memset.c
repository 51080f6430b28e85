// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate mem-set DOMAIN MEM: a domain's balloon target.
 */
#include <inttypes.h>
#include <stdio.h>

#include "cmd.h"
#include "memsize.h"
#include "xl_balloon.h"
#include "xl_client.h"

static int xl_mem_set_run(int argc, char *argv[])
{
	struct xl_mem_set out;
	struct xl_client *c;
	const char *why;
	uint64_t kb;
	uint32_t domid;
	int err, ret;

	if (argc != 3)
		return xl_usage_error(argv[0], "expected DOMAIN and MEM");
	if (xl_memsize_kb(argv[2], &kb, &why))
		return xl_usage_error(argv[0], "'%s': %s", argv[2], why);
	err = xl_open(&c);
	if (err)
		return xl_client_error(c, err);
	ret = xl_domain_arg(c, argv[1], &domid);
	if (!ret) {
		err = xl_domain_mem_set(c, domid, kb, &out);
		ret = err ? xl_client_error(c, err) : XL_EXIT_OK;
	}
	if (!ret)
		printf("%s: target %" PRIu64 " MiB (holds %" PRIu64
		       " MiB, maxmem %" PRIu64 " MiB)\n", argv[1],
		       out.target_kb >> 10, out.mem_kb >> 10,
		       out.maxmem_kb >> 10);
	xl_close(c);
	return ret;
}

const struct xl_cmd xl_cmd_mem_set = {
	.name = "mem-set",
	.args = "DOMAIN MEM",
	.summary = "Set a domain's memory target (balloon)",
	.help =
	"DOMAIN is a name or an id. MEM is in MiB, or a number with a unit:\n"
	"b, k, m, g or t (e.g. 512, 512m, 1g). It may not exceed the domain's\n"
	"maxmem, and Dom0 must be able to give what the guest may take back.\n"
	"\n"
	"The target bounds what the guest can populate (XENMEM_populate_\n"
	"physmap): Dom0 keeps a spare pool up to it, and frees the pages the\n"
	"guest gives back (XENMEM_decrease_reservation). The guest itself is\n"
	"not told: a Linux guest's balloon driver reads its target from\n"
	"xenstore (memory/target), which xenlate does not have yet, so the\n"
	"guest does not shrink on its own when the target is lowered.\n",
	.run = xl_mem_set_run,
};
