// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate destroy DOMAIN: stop it at once and give its memory back to
 * Dom0.
 */
#include <stdio.h>

#include "cmd.h"
#include "domid.h"

#define XL_LIST_MAX	256

static int xl_destroy_run(int argc, char *argv[])
{
	static struct xl_domain doms[XL_LIST_MAX];
	struct xl_client *c;
	int nr, i, err, ret = XL_EXIT_OK;

	if (argc != 2)
		return xl_usage_error("destroy", "which domain?");
	err = xl_open(&c);
	if (err)
		return xl_client_error(NULL, err);
	nr = xl_domain_list(c, doms, XL_LIST_MAX);
	if (nr < 0) {
		ret = xl_client_error(c, nr);
		goto out;
	}
	i = xl_find_domain(doms, nr, argv[1]);
	if (i < 0) {
		ret = xl_error("no domain '%s' (see 'xenlate list')", argv[1]);
		goto out;
	}
	err = xl_domain_destroy(c, doms[i].domid);
	if (err)
		ret = xl_client_error(c, err);
out:
	xl_close(c);
	return ret;
}

const struct xl_cmd xl_cmd_destroy = {
	.name = "destroy",
	.args = "DOMAIN",
	.summary = "Destroy a domain at once; its memory goes back to Dom0",
	.help = "DOMAIN is a name or an id (see 'xenlate list').\n",
	.run = xl_destroy_run,
};
