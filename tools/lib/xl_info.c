// SPDX-License-Identifier: GPL-2.0
/*
 * XL_CMD_INFO: the hypervisor's version, CPUs, memory, uptime, exits.
 */
#include <string.h>

#include <xenlate/dom0ctl.h>

#include "xl_client.h"
#include "xl_priv.h"

_Static_assert(XL_INFO_EXIT_KINDS == XL_DOM0_EXIT_KINDS,
	       "struct xl_info holds every exit kind");

/* @a's whole u64s into @dst, as many as fit its @size; the rest stays. */
static void xl_info_u64s(const struct nlattr *a, void *dst, size_t size)
{
	size_t len = nla_len(a);

	memcpy(dst, nla_data(a), len < size ? len : size);
}

/* The CPU bitmap: whole u64 words, as many as the kernel sends. */
static int xl_info_mask(struct xl_client *c, struct nlattr **tb,
			struct xl_info *info)
{
	struct nlattr *a = tb[XL_A_INFO_CPU_MASK];

	if (!a || nla_len(a) < 8 || nla_len(a) % 8) {
		xl_set_detail(c, "bad CPU mask attribute");
		return -XL_ERR_PROTO;
	}
	xl_info_u64s(a, info->cpu_mask, sizeof(info->cpu_mask));
	return 0;
}

/*
 * Dom0's exits by kind: whole u64s, the kinds we know (a newer kernel may
 * send more); an older kernel sends none and they stay zero.
 */
static int xl_info_exit_kinds(struct xl_client *c, struct nlattr **tb,
			      struct xl_info *info)
{
	struct nlattr *a = tb[XL_A_INFO_DOM0_EXIT_KINDS];

	if (!a)
		return 0;
	if (nla_len(a) % 8) {
		xl_set_detail(c, "bad exit kinds attribute");
		return -XL_ERR_PROTO;
	}
	xl_info_u64s(a, info->dom0_exit_kinds, sizeof(info->dom0_exit_kinds));
	return 0;
}

int xl_info_parse(struct xl_client *c, struct nlattr **tb, void *arg)
{
	struct xl_info *info = arg;
	int err;

	memset(info, 0, sizeof(*info));
	err = xl_attr_str(c, tb, XL_A_INFO_VERSION, info->version,
			  sizeof(info->version));
	if (!err)
		err = xl_attr_str(c, tb, XL_A_INFO_BUILD, info->build,
				  sizeof(info->build));
	if (!err)
		err = xl_attr_u32(c, tb, XL_A_INFO_CPUS_POSSIBLE,
				  &info->cpus_possible);
	if (!err)
		err = xl_attr_u32(c, tb, XL_A_INFO_CPUS_LAUNCHED,
				  &info->cpus_launched);
	if (!err)
		err = xl_info_mask(c, tb, info);
	if (!err)
		err = xl_attr_u64(c, tb, XL_A_INFO_MEM_TOTAL, &info->mem_total);
	if (!err)
		err = xl_attr_u64(c, tb, XL_A_INFO_MEM_FREE, &info->mem_free);
	if (!err)
		err = xl_attr_u64(c, tb, XL_A_INFO_UPTIME_NS, &info->uptime_ns);
	if (!err)
		err = xl_attr_u64(c, tb, XL_A_INFO_TSC_KHZ, &info->tsc_khz);
	if (!err)
		err = xl_attr_u64(c, tb, XL_A_INFO_DOM0_EXITS,
				  &info->dom0_exits);
	if (!err)
		err = xl_info_exit_kinds(c, tb, info);
	return err;
}

int xl_info(struct xl_client *c, struct xl_info *info)
{
	return xl_request(c, XL_CMD_INFO, NULL, NULL, xl_info_parse, info);
}
