// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate destroy DOMAIN: stop it at once and give its memory back to
 * Dom0.
 */
#include <errno.h>

#include "cmd.h"
#include "xl_client.h"
#include "xs_client.h"

int xl_destroy_domain(struct xl_client *c, uint32_t domid)
{
	int err = xl_domain_destroy(c, domid);

	/* Its xenstore home and connection go with it. */
	if (!err || err == -ESRCH)
		xl_xs_dom_forget(domid);
	return err;
}

static int xl_destroy_run(int argc, char *argv[])
{
	return xl_domain_cmd(argc, argv, xl_destroy_domain);
}

const struct xl_cmd xl_cmd_destroy = {
	.name = "destroy",
	.args = "DOMAIN",
	.summary = "Destroy a domain at once; its memory goes back to Dom0",
	.help = "DOMAIN is a name or an id (see 'xenlate list').\n",
	.run = xl_destroy_run,
};
