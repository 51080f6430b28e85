// SPDX-License-Identifier: GPL-2.0
/*
 * The DOMAIN argument of destroy, pause, unpause, console: a name or an
 * id, looked up in the hypervisor's list of domains.  sched-bvt and
 * vcpu-list also take Dom0, which that list does not hold.
 */
#include <stdint.h>
#include <string.h>

#include "cmd.h"
#include "domid.h"
#include "xl_client.h"

#define XL_LIST_MAX	256

int xl_domain_arg(struct xl_client *c, const char *arg, uint32_t *domid)
{
	static struct xl_domain doms[XL_LIST_MAX];
	int nr, i;

	nr = xl_domain_list(c, doms, XL_LIST_MAX);
	if (nr < 0)
		return xl_client_error(c, nr);
	i = xl_find_domain(doms, nr, arg);
	if (i < 0)
		return xl_error("no domain '%s' (see 'xenlate list')", arg);
	*domid = doms[i].domid;
	return XL_EXIT_OK;
}

int xl_domain_arg_any(struct xl_client *c, const char *arg, uint32_t *domid)
{
	if (!strcmp(arg, "Domain-0") || !strcmp(arg, "0")) {
		*domid = 0;
		return XL_EXIT_OK;
	}
	return xl_domain_arg(c, arg, domid);
}

int xl_domain_cmd(int argc, char *argv[],
		  int (*op)(struct xl_client *c, uint32_t domid))
{
	struct xl_client *c;
	uint32_t domid;
	int err, ret;

	if (argc < 2)
		return xl_usage_error(argv[0], "which domain?");
	if (argc > 2)
		return xl_usage_error(argv[0], "unexpected argument '%s'",
				      argv[2]);
	err = xl_open(&c);
	if (err)
		return xl_client_error(NULL, err);
	ret = xl_domain_arg(c, argv[1], &domid);
	if (!ret) {
		err = op(c, domid);
		if (err)
			ret = xl_client_error(c, err);
	}
	xl_close(c);
	return ret;
}
