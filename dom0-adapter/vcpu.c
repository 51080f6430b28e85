// SPDX-License-Identifier: GPL-2.0
/*
 * XL_CMD_VCPU_LIST: a domain's vCPUs (Dom0's too, as domid 0) with the
 * physical CPU each is on, its state and its CPU time, as the hypervisor
 * reports them in XL_CTL_VCPU_LIST.
 */
#include <linux/io.h>
#include <linux/slab.h>
#include <net/genetlink.h>

#include <xenlate/dom0ctl.h>
#include <xenlate/genl.h>

#include "dom0.h"

/* Dom0 has one per CPU under the hypervisor: at most 256 (xl_ctl_info). */
#define XL_VCPU_LIST_MAX	256

static int xl_put_vcpu(struct sk_buff *msg, const struct xl_vcpu_info *v)
{
	struct nlattr *n = nla_nest_start(msg, XL_A_VCPU);

	if (!n || nla_put_u32(msg, XL_A_VCPU_ID, v->vcpu) ||
	    nla_put_u32(msg, XL_A_VCPU_CPU, v->cpu) ||
	    nla_put_u32(msg, XL_A_VCPU_STATE, v->state) ||
	    nla_put_u64_64bit(msg, XL_A_VCPU_CPU_NS, v->cpu_ns, XL_A_PAD))
		return -EMSGSIZE;
	nla_nest_end(msg, n);
	return 0;
}

static int xl_vcpu_reply(struct genl_info *info,
			 const struct xl_ctl_vcpu_list *req,
			 const struct xl_vcpu_info *vcpus)
{
	u32 nr = min_t(u32, req->nr, XL_VCPU_LIST_MAX), i;
	struct sk_buff *msg;
	void *hdr;
	int ret = 0;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE + nr * 64, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = xl_genl_reply_put(msg, info);
	if (!hdr || nla_put_u32(msg, XL_A_DOM_ID, req->domid))
		ret = -EMSGSIZE;
	for (i = 0; i < nr && !ret; i++)
		ret = xl_put_vcpu(msg, &vcpus[i]);
	if (ret) {
		nlmsg_free(msg);
		return ret;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

int xl_genl_vcpu_list(struct sk_buff *skb, struct genl_info *info)
{
	struct xl_ctl_vcpu_list *req;
	struct xl_vcpu_info *vcpus;
	long ret;

	if (!info->attrs[XL_A_DOM_ID]) {
		GENL_SET_ERR_MSG(info, "which domain? (XL_A_DOM_ID)");
		return -EINVAL;
	}
	req = kzalloc(sizeof(*req), GFP_KERNEL);
	/* Physically contiguous: the hypervisor writes it by address. */
	vcpus = kcalloc(XL_VCPU_LIST_MAX, sizeof(*vcpus), GFP_KERNEL);
	if (!req || !vcpus) {
		ret = -ENOMEM;
		goto out;
	}
	req->domid = nla_get_u32(info->attrs[XL_A_DOM_ID]);
	if (req->domid && !xl_guest_exists(req->domid)) {
		GENL_SET_ERR_MSG(info, "no such domain");
		ret = -ESRCH;
		goto out;
	}
	req->max = XL_VCPU_LIST_MAX;
	req->buf = virt_to_phys(vcpus);
	ret = xl_hv_call(XL_CTL_VCPU_LIST, req, sizeof(*req), info->extack);
	if (ret == -ESRCH)
		GENL_SET_ERR_MSG(info, "no such domain in the hypervisor");
	if (ret >= 0)
		ret = xl_vcpu_reply(info, req, vcpus);
out:
	kfree(vcpus);
	kfree(req);
	return ret;
}
