// SPDX-License-Identifier: GPL-2.0
/*
 * XL_CMD_INFO: the hypervisor's version, CPUs, memory, uptime and exit
 * counts, as reported by XL_CTL_INFO.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <net/genetlink.h>

#include <xenlate/dom0ctl.h>
#include <xenlate/genl.h>

#include "dom0.h"

#define XL_MASK_WORDS \
	(sizeof_field(struct xl_ctl_info, cpus_launched) / sizeof(u64))

/*
 * Send only the bitmap words that can hold a possible CPU, so a small
 * machine gets one u64 as genl.h describes, and a big one gets them all.
 */
static unsigned int xl_mask_words(const struct xl_ctl_info *ci)
{
	unsigned int words = DIV_ROUND_UP(ci->nr_cpus_possible, 64);

	return clamp_t(unsigned int, words, 1, XL_MASK_WORDS);
}

static int xl_info_fill(struct sk_buff *skb, const struct xl_ctl_info *ci)
{
	char version[24];

	snprintf(version, sizeof(version), "%u.%u",
		 ci->version_major, ci->version_minor);

	if (nla_put_string(skb, XL_A_INFO_VERSION, version) ||
	    nla_put_string(skb, XL_A_INFO_BUILD, ci->build) ||
	    nla_put_u32(skb, XL_A_INFO_CPUS_POSSIBLE, ci->nr_cpus_possible) ||
	    nla_put_u32(skb, XL_A_INFO_CPUS_LAUNCHED, ci->nr_cpus_launched) ||
	    nla_put(skb, XL_A_INFO_CPU_MASK,
		    xl_mask_words(ci) * sizeof(u64), ci->cpus_launched) ||
	    nla_put_u64_64bit(skb, XL_A_INFO_MEM_TOTAL, ci->mem_total,
			      XL_A_PAD) ||
	    nla_put_u64_64bit(skb, XL_A_INFO_MEM_FREE, ci->mem_free,
			      XL_A_PAD) ||
	    nla_put_u64_64bit(skb, XL_A_INFO_UPTIME_NS, ci->uptime_ns,
			      XL_A_PAD) ||
	    nla_put_u64_64bit(skb, XL_A_INFO_TSC_KHZ, ci->tsc_khz,
			      XL_A_PAD) ||
	    nla_put_u64_64bit(skb, XL_A_INFO_DOM0_EXITS, ci->dom0_exits,
			      XL_A_PAD) ||
	    nla_put(skb, XL_A_INFO_DOM0_EXIT_KINDS,
		    sizeof(ci->dom0_exit_kinds), ci->dom0_exit_kinds))
		return -EMSGSIZE;
	return 0;
}

int xl_genl_info(struct sk_buff *skb, struct genl_info *info)
{
	struct xl_ctl_info *ci;
	struct sk_buff *msg;
	void *hdr;
	long ret;

	/* The hypervisor writes it by physical address: no stack memory. */
	ci = kzalloc(sizeof(*ci), GFP_KERNEL);
	if (!ci)
		return -ENOMEM;

	ret = xl_hv_call(XL_CTL_INFO, ci, sizeof(*ci), info->extack);
	if (ret < 0)
		goto out;
	/* The build string is the hypervisor's: do not trust its NUL. */
	ci->build[sizeof(ci->build) - 1] = '\0';

	ret = -ENOMEM;
	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		goto out;
	hdr = xl_genl_reply_put(msg, info);
	if (!hdr || xl_info_fill(msg, ci)) {
		nlmsg_free(msg);
		ret = -EMSGSIZE;
		goto out;
	}
	genlmsg_end(msg, hdr);
	ret = genlmsg_reply(msg, info);
out:
	kfree(ci);
	return ret;
}
