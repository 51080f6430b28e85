// SPDX-License-Identifier: GPL-2.0
/*
 * Running a built domain: start, pause, unpause, shutdown
 * (XL_CMD_DOMAIN_START, _PAUSE, _UNPAUSE, _SHUTDOWN).  Each reply echoes
 * the domain's id.
 */
#include <errno.h>
#include <stdbool.h>

#include <netlink/genl/genl.h>

#include "xl_client.h"
#include "xl_priv.h"

struct xl_start_args {
	uint32_t domid;
	uint32_t entry;
	uint64_t start_info;
	bool paused;
	uint64_t cpu_mask;
};

static int xl_start_put(struct nl_msg *msg, const void *arg)
{
	const struct xl_start_args *a = arg;

	if (nla_put_u32(msg, XL_A_DOM_ID, a->domid) ||
	    nla_put_u32(msg, XL_A_DOM_ENTRY, a->entry) ||
	    nla_put_u64(msg, XL_A_DOM_START_INFO, a->start_info) ||
	    (a->paused && nla_put_flag(msg, XL_A_DOM_PAUSED)) ||
	    (a->cpu_mask && nla_put_u64(msg, XL_A_DOM_CPU_MASK, a->cpu_mask)))
		return -ENOMEM;
	return 0;
}

int xl_domain_start(struct xl_client *c, uint32_t domid, uint32_t entry,
		    uint64_t start_info, int paused, uint64_t cpu_mask)
{
	struct xl_start_args a = { domid, entry, start_info, paused != 0,
				   cpu_mask };
	uint32_t echoed;

	return xl_request(c, XL_CMD_DOMAIN_START, xl_start_put, &a,
			  xl_domid_parse, &echoed);
}

int xl_domain_pause(struct xl_client *c, uint32_t domid)
{
	uint32_t echoed;

	return xl_request(c, XL_CMD_DOMAIN_PAUSE, xl_id_put, &domid,
			  xl_domid_parse, &echoed);
}

int xl_domain_unpause(struct xl_client *c, uint32_t domid)
{
	uint32_t echoed;

	return xl_request(c, XL_CMD_DOMAIN_UNPAUSE, xl_id_put, &domid,
			  xl_domid_parse, &echoed);
}

struct xl_shutdown_args {
	uint32_t domid;
	uint32_t reason;
};

static int xl_shutdown_put(struct nl_msg *msg, const void *arg)
{
	const struct xl_shutdown_args *a = arg;

	if (nla_put_u32(msg, XL_A_DOM_ID, a->domid) ||
	    nla_put_u32(msg, XL_A_DOM_SHUTDOWN_REASON, a->reason))
		return -ENOMEM;
	return 0;
}

int xl_domain_shutdown(struct xl_client *c, uint32_t domid, uint32_t reason)
{
	struct xl_shutdown_args a = { domid, reason };
	uint32_t echoed;

	return xl_request(c, XL_CMD_DOMAIN_SHUTDOWN, xl_shutdown_put, &a,
			  xl_domid_parse, &echoed);
}
