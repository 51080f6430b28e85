// SPDX-License-Identifier: GPL-2.0
/*
 * The "xenlate" generic netlink family (include/xenlate/genl.h).
 *
 * Every operation needs CAP_NET_ADMIN: the family controls the whole
 * machine.  Each operation has its own policy, validated strictly (the
 * default for a family with resv_start_op 0), so an attribute a request
 * does not use -- including the reply-only ones -- is refused rather than
 * silently ignored.
 */
#include <net/genetlink.h>

#include <xenlate/dom0ctl.h>
#include <xenlate/genl.h>

#include "dom0.h"
#include "balloon.h"

/* XL_CMD_INFO takes no attributes: an empty policy rejects them all. */
static const struct nla_policy xl_info_policy[XL_A_MAX + 1] = {
};

static const struct nla_policy xl_dmesg_policy[XL_A_MAX + 1] = {
	[XL_A_LOG_SEQ]	= { .type = NLA_U64 },
};

static const struct nla_policy xl_dom_create_policy[XL_A_MAX + 1] = {
	[XL_A_DOM_NAME]		= { .type = NLA_NUL_STRING,
				    .len = XL_DOM_NAME_LEN - 1 },
	[XL_A_DOM_VCPUS]	= NLA_POLICY_RANGE(NLA_U32, 1, 64),
	[XL_A_DOM_MEM_KB]	= { .type = NLA_U64 },
	[XL_A_DOM_MAXMEM_KB]	= { .type = NLA_U64 },
};

static const struct nla_policy xl_dom_id_policy[XL_A_MAX + 1] = {
	[XL_A_DOM_ID]		= NLA_POLICY_RANGE(NLA_U32, 1, 0x7fef),
};

static const struct nla_policy xl_dom_write_policy[XL_A_MAX + 1] = {
	[XL_A_DOM_ID]		= NLA_POLICY_RANGE(NLA_U32, 1, 0x7fef),
	[XL_A_DOM_GPA]		= { .type = NLA_U64 },
	[XL_A_DOM_DATA]		= { .type = NLA_BINARY,
				    .len = XL_DOM_WRITE_MAX },
};

/*
 * ebx holds hvm_start_info's address: it must fit in 32 bits.  Not const:
 * 6.1's nla_policy points at a non-const range.
 */
static struct netlink_range_validation xl_start_info_range = {
	.min = 0,
	.max = U32_MAX,
};

static const struct nla_policy xl_dom_start_policy[XL_A_MAX + 1] = {
	[XL_A_DOM_ID]		= NLA_POLICY_RANGE(NLA_U32, 1, 0x7fef),
	[XL_A_DOM_ENTRY]	= { .type = NLA_U32 },
	[XL_A_DOM_START_INFO]	= NLA_POLICY_FULL_RANGE(NLA_U64,
							&xl_start_info_range),
	[XL_A_DOM_PAUSED]	= { .type = NLA_FLAG },
	[XL_A_DOM_CPU_MASK]	= { .type = NLA_U64 },
};

static const struct nla_policy xl_dom_console_policy[XL_A_MAX + 1] = {
	[XL_A_DOM_ID]		= NLA_POLICY_RANGE(NLA_U32, 1, 0x7fef),
	[XL_A_LOG_SEQ]		= { .type = NLA_U64 },
};

/* Dom0 is domid 0 here: these commands make sense for it too. */
static const struct nla_policy xl_dom_or_dom0_policy[XL_A_MAX + 1] = {
	[XL_A_DOM_ID]		= NLA_POLICY_RANGE(NLA_U32, 0, 0x7fef),
};

static struct netlink_range_validation xl_bvt_warp_range = {
	.min = 0,
	.max = XL_BVT_WARP_MAX,
};

static struct netlink_range_validation xl_bvt_warp_time_range = {
	.min = 0,
	.max = XL_BVT_WARP_TIME_MAX_NS,
};

static struct netlink_range_validation xl_bvt_mcu_range = {
	.min = XL_BVT_MCU_MIN_NS,
	.max = XL_BVT_MCU_MAX_NS,
};

/* Its lower bound is the MCU, which the hypervisor checks. */
static struct netlink_range_validation xl_bvt_ctx_allow_range = {
	.min = XL_BVT_MCU_MIN_NS,
	.max = XL_BVT_CTX_ALLOW_MAX_NS,
};

static const struct nla_policy xl_bvt_set_policy[XL_A_MAX + 1] = {
	[XL_A_DOM_ID]		= NLA_POLICY_RANGE(NLA_U32, 0, 0x7fef),
	[XL_A_BVT_MCU_ADVANCE]	= NLA_POLICY_RANGE(NLA_U32, 1,
						   XL_BVT_ADVANCE_MAX),
	[XL_A_BVT_WARP_ENABLED]	= NLA_POLICY_RANGE(NLA_U32, 0, 1),
	[XL_A_BVT_WARP]		= NLA_POLICY_FULL_RANGE(NLA_U64,
							&xl_bvt_warp_range),
	[XL_A_BVT_WARP_LIMIT_NS] = NLA_POLICY_FULL_RANGE(NLA_U64,
						&xl_bvt_warp_time_range),
	[XL_A_BVT_UNWARP_REQ_NS] = NLA_POLICY_FULL_RANGE(NLA_U64,
						&xl_bvt_warp_time_range),
};

static const struct nla_policy xl_bvt_global_set_policy[XL_A_MAX + 1] = {
	[XL_A_BVT_MCU_NS]	= NLA_POLICY_FULL_RANGE(NLA_U64,
							&xl_bvt_mcu_range),
	[XL_A_BVT_CTX_ALLOW_NS]	= NLA_POLICY_FULL_RANGE(NLA_U64,
						&xl_bvt_ctx_allow_range),
};

/* Reasons 0..3; the handler refuses SHUTDOWN_suspend (2). */
static const struct nla_policy xl_dom_shutdown_policy[XL_A_MAX + 1] = {
	[XL_A_DOM_ID]		= NLA_POLICY_RANGE(NLA_U32, 1, 0x7fef),
	[XL_A_DOM_SHUTDOWN_REASON] = NLA_POLICY_RANGE(NLA_U32, 0, 3),
};

static const struct nla_policy xl_dom_mem_set_policy[XL_A_MAX + 1] = {
	[XL_A_DOM_ID]		= NLA_POLICY_RANGE(NLA_U32, 1, 0x7fef),
	[XL_A_DOM_TARGET_KB]	= { .type = NLA_U64 },
};

static const struct nla_policy xl_store_setup_policy[XL_A_MAX + 1] = {
	[XL_A_DOM_ID]		= NLA_POLICY_RANGE(NLA_U32, 1, 0x7fef),
	[XL_A_DOM_GPA]		= { .type = NLA_U64 },
	[XL_A_STORE_CONSOLE_GPA] = { .type = NLA_U64 },
};

static const struct nla_policy xl_store_write_policy[XL_A_MAX + 1] = {
	[XL_A_DOM_ID]		= NLA_POLICY_RANGE(NLA_U32, 1, 0x7fef),
	[XL_A_DOM_DATA]		= { .type = NLA_BINARY,
				    .len = XL_STORE_IO_MAX },
};

static const struct genl_ops xl_genl_ops[] = {
	{
		.cmd	= XL_CMD_INFO,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_info_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_info,
	},
	{
		.cmd	= XL_CMD_DMESG,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_dmesg_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_dmesg,
	},
	{
		.cmd	= XL_CMD_DOMAIN_CREATE,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_dom_create_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_domain_create,
	},
	{
		.cmd	= XL_CMD_DOMAIN_DESTROY,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_dom_id_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_domain_destroy,
	},
	{
		.cmd	= XL_CMD_DOMAIN_LIST,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_info_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_domain_list,
	},
	{
		.cmd	= XL_CMD_DOMAIN_WRITE,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_dom_write_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_domain_write,
	},
	{
		.cmd	= XL_CMD_DOMAIN_START,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_dom_start_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_domain_start,
	},
	{
		.cmd	= XL_CMD_DOMAIN_PAUSE,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_dom_id_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_domain_pause,
	},
	{
		.cmd	= XL_CMD_DOMAIN_UNPAUSE,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_dom_id_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_domain_unpause,
	},
	{
		.cmd	= XL_CMD_DOMAIN_CONSOLE,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_dom_console_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_domain_console,
	},
	{
		.cmd	= XL_CMD_SCHED_BVT_GET,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_dom_or_dom0_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_sched_bvt_get,
	},
	{
		.cmd	= XL_CMD_SCHED_BVT_SET,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_bvt_set_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_sched_bvt_set,
	},
	{
		.cmd	= XL_CMD_SCHED_BVT_GLOBAL_GET,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_info_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_sched_bvt_global_get,
	},
	{
		.cmd	= XL_CMD_SCHED_BVT_GLOBAL_SET,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_bvt_global_set_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_sched_bvt_global_set,
	},
	{
		.cmd	= XL_CMD_VCPU_LIST,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_dom_or_dom0_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_vcpu_list,
	},
	{
		.cmd	= XL_CMD_DOMAIN_SHUTDOWN,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_dom_shutdown_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_domain_shutdown,
	},
	{
		.cmd	= XL_CMD_DOMAIN_MEM_SET,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_dom_mem_set_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_domain_mem_set,
	},
	{
		.cmd	= XL_CMD_STORE_SETUP,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_store_setup_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_store_setup,
	},
	{
		.cmd	= XL_CMD_STORE_READ,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_dom_id_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_store_read,
	},
	{
		.cmd	= XL_CMD_STORE_WRITE,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_store_write_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_store_write,
	},
	{
		.cmd	= XL_CMD_STORE_PENDING,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_info_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_store_pending,
	},
	{
		.cmd	= XL_CMD_CONSOLE_WRITE,
		.flags	= GENL_ADMIN_PERM,
		.policy	= xl_store_write_policy,
		.maxattr = XL_A_MAX,
		.doit	= xl_genl_console_write,
	},
};

/*
 * parallel_ops: the handlers share no state (each kmallocs its own
 * argument block), so they need not serialise on genl_mutex.  Not
 * netnsok: only the initial namespace administers the hypervisor.
 */
static struct genl_family xl_genl_family __ro_after_init = {
	.name		= XL_GENL_NAME,
	.version	= XL_GENL_VERSION,
	.module		= THIS_MODULE,
	.ops		= xl_genl_ops,
	.n_ops		= ARRAY_SIZE(xl_genl_ops),
	.parallel_ops	= true,
};

int __init xl_genl_register(void)
{
	return genl_register_family(&xl_genl_family);
}

void xl_genl_unregister(void)
{
	genl_unregister_family(&xl_genl_family);
}

/* Start a reply to @info's request; NULL when the skb is too small. */
void *xl_genl_reply_put(struct sk_buff *skb, struct genl_info *info)
{
	return genlmsg_put_reply(skb, info, &xl_genl_family, 0,
				 info->genlhdr->cmd);
}
