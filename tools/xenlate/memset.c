// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate mem-set DOMAIN MEM: a domain's balloon target.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "memsize.h"
#include "xl_balloon.h"
#include "xl_client.h"
#include "xs_client.h"

/*
 * Tell the guest through memory/target (KiB), where Linux's balloon
 * driver watches: 1 told, 0 no daemon or no home, < 0 error.
 */
static int xl_mem_set_tell(uint32_t domid, uint64_t target_kb)
{
	char path[64], v[24];
	struct xl_xs *x;
	int err;

	if (xl_xs_open(&x, false))
		return 0;
	snprintf(path, sizeof(path), "/local/domain/%" PRIu32, domid);
	err = xl_xs_read(x, path, v, sizeof(v));
	if (err >= 0) {
		snprintf(path, sizeof(path), "/local/domain/%" PRIu32
			 "/memory/target", domid);
		snprintf(v, sizeof(v), "%" PRIu64, target_kb);
		err = xl_xs_write(x, path, v);
	}
	xl_xs_close(x);
	return err == -ENOENT ? 0 : err < 0 ? err : 1;
}

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
	if (!ret) {
		err = xl_mem_set_tell(domid, out.target_kb);
		if (err < 0)
			ret = xl_error("%s: the target is set, but telling the guest through xenstore failed: %s",
				       argv[1], strerror(-err));
		else if (!err)
			printf("%s: no xenstore home: the guest is not told\n",
			       argv[1]);
	}
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
	"The guest is told through xenstore (memory/target, in KiB), which\n"
	"Linux's balloon driver watches: it gives pages back or takes them up\n"
	"to the target. The target also bounds what the guest can populate\n"
	"(XENMEM_populate_physmap): Dom0 keeps a spare pool up to it, and\n"
	"frees the pages the guest gives back (XENMEM_decrease_reservation).\n",
	.run = xl_mem_set_run,
};
