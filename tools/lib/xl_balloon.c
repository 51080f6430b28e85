// SPDX-License-Identifier: GPL-2.0
/*
 * A domain's balloon target (XL_CMD_DOMAIN_MEM_SET).
 */
#include <errno.h>
#include <string.h>

#include <netlink/genl/genl.h>

#include "xl_client.h"
#include "xl_balloon.h"
#include "xl_priv.h"

struct xl_mem_set_args {
	uint32_t domid;
	uint64_t target_kb;
};

static int xl_mem_set_put(struct nl_msg *msg, const void *arg)
{
	const struct xl_mem_set_args *a = arg;

	if (nla_put_u32(msg, XL_A_DOM_ID, a->domid) ||
	    nla_put_u64(msg, XL_A_DOM_TARGET_KB, a->target_kb))
		return -ENOMEM;
	return 0;
}

static int xl_mem_set_parse(struct xl_client *c, struct nlattr **tb,
			    void *arg)
{
	struct xl_mem_set *m = arg;
	int err;

	err = xl_attr_u64(c, tb, XL_A_DOM_TARGET_KB, &m->target_kb);
	if (!err)
		err = xl_attr_u64(c, tb, XL_A_DOM_MEM_KB, &m->mem_kb);
	if (!err)
		err = xl_attr_u64(c, tb, XL_A_DOM_MAXMEM_KB, &m->maxmem_kb);
	return err;
}

int xl_domain_mem_set(struct xl_client *c, uint32_t domid, uint64_t target_kb,
		      struct xl_mem_set *out)
{
	struct xl_mem_set_args a = { domid, target_kb };
	struct xl_mem_set m = { 0 };
	int err = xl_request(c, XL_CMD_DOMAIN_MEM_SET, xl_mem_set_put, &a,
			     xl_mem_set_parse, &m);

	if (!err && out)
		*out = m;
	return err;
}
