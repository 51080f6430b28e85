// SPDX-License-Identifier: GPL-2.0
/*
 * Running a built domain: XL_CMD_DOMAIN_START, _PAUSE, _UNPAUSE and
 * _SHUTDOWN.  The
 * hypervisor keeps the domain's state and checks every transition; this
 * side checks that Dom0 knows the domain and turns the hypervisor's
 * answer into a sentence for the user.
 */
#include <linux/slab.h>
#include <net/genetlink.h>
#include <xen/interface/sched.h>

#include <xenlate/dom0ctl.h>
#include <xenlate/genl.h>

#include "dom0.h"

/* The hypervisor's refusals these commands can meet, in words. */
static long xl_domctl_err(long ret, unsigned int cmd,
			  struct netlink_ext_ack *extack)
{
	switch (ret) {
	case -ESRCH:
		NL_SET_ERR_MSG(extack, "no such domain in the hypervisor");
		break;
	case -EPERM:
	case -EBUSY:
	case -EEXIST:
		if (cmd == XL_CTL_DOM_SHUTDOWN && ret == -EBUSY)
			NL_SET_ERR_MSG(extack, "the domain is shut down already");
		else if (cmd == XL_CTL_DOM_SHUTDOWN)
			NL_SET_ERR_MSG(extack, "the domain has not started yet");
		else if (cmd == XL_CTL_DOM_START)
			NL_SET_ERR_MSG(extack,
				       "the domain has been started already");
		else
			NL_SET_ERR_MSG(extack,
				       "not possible in the domain's state (see 'xenlate list')");
		break;
	}
	return ret;
}

/* @req is kmalloc'd, its domid set: call, reply with the id. */
static int xl_domctl(struct genl_info *info, unsigned int cmd, void *req,
		     size_t len, u32 domid)
{
	long ret;

	if (!xl_guest_exists(domid)) {
		GENL_SET_ERR_MSG(info, "no such domain");
		return -ESRCH;
	}
	ret = xl_hv_call(cmd, req, len, info->extack);
	if (ret < 0)
		return xl_domctl_err(ret, cmd, info->extack);
	return xl_reply_domid(info, domid);
}

int xl_genl_domain_start(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **a = info->attrs;
	struct xl_ctl_dom_start *req;
	int ret;

	if (!a[XL_A_DOM_ID] || !a[XL_A_DOM_ENTRY] ||
	    !a[XL_A_DOM_START_INFO]) {
		GENL_SET_ERR_MSG(info,
				 "domain, entry and start info address needed");
		return -EINVAL;
	}
	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	req->domid = nla_get_u32(a[XL_A_DOM_ID]);
	req->entry = nla_get_u32(a[XL_A_DOM_ENTRY]);
	req->start_info = nla_get_u64(a[XL_A_DOM_START_INFO]);
	req->paused = nla_get_flag(a[XL_A_DOM_PAUSED]);
	if (a[XL_A_DOM_CPU_MASK])
		req->cpu_mask = nla_get_u64(a[XL_A_DOM_CPU_MASK]);
	ret = xl_domctl(info, XL_CTL_DOM_START, req, sizeof(*req),
			req->domid);
	/* -EAGAIN: a CPU has not flushed Dom0's TLB yet; make them all. */
	for (int tries = 0; ret == -EAGAIN && tries < 3; tries++) {
		xl_hv_sync();
		ret = xl_domctl(info, XL_CTL_DOM_START, req, sizeof(*req),
				req->domid);
	}
	/*
	 * The tools always give memory and a 32-bit start info: with a
	 * mask given, -EINVAL is about the mask.
	 */
	if (ret == -EINVAL && req->cpu_mask && req->cpu_mask != ~0ULL)
		GENL_SET_ERR_MSG(info, "cpus: none of those CPUs is under the hypervisor");
	kfree(req);
	return ret;
}

static int xl_domctl_id(struct genl_info *info, unsigned int cmd)
{
	struct xl_ctl_dom_id *req;
	int ret;

	if (!info->attrs[XL_A_DOM_ID]) {
		GENL_SET_ERR_MSG(info, "which domain? (XL_A_DOM_ID)");
		return -EINVAL;
	}
	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	req->domid = nla_get_u32(info->attrs[XL_A_DOM_ID]);
	ret = xl_domctl(info, cmd, req, sizeof(*req), req->domid);
	kfree(req);
	return ret;
}

int xl_genl_domain_pause(struct sk_buff *skb, struct genl_info *info)
{
	return xl_domctl_id(info, XL_CTL_DOM_PAUSE);
}

int xl_genl_domain_unpause(struct sk_buff *skb, struct genl_info *info)
{
	return xl_domctl_id(info, XL_CTL_DOM_UNPAUSE);
}

/*
 * Forced: there is no xenstore yet to ask the guest, so the hypervisor
 * stops it with the reason, and the tools apply the matching on_* action.
 */
int xl_genl_domain_shutdown(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **a = info->attrs;
	struct xl_ctl_dom_shutdown *req;
	u32 reason;
	int ret;

	if (!a[XL_A_DOM_ID] || !a[XL_A_DOM_SHUTDOWN_REASON]) {
		GENL_SET_ERR_MSG(info, "domain and reason needed");
		return -EINVAL;
	}
	reason = nla_get_u32(a[XL_A_DOM_SHUTDOWN_REASON]);
	if (reason != SHUTDOWN_poweroff && reason != SHUTDOWN_reboot &&
	    reason != SHUTDOWN_crash) {
		NL_SET_ERR_MSG_ATTR(info->extack, a[XL_A_DOM_SHUTDOWN_REASON],
				    "reason: poweroff, reboot or crash");
		return -EINVAL;
	}
	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	req->domid = nla_get_u32(a[XL_A_DOM_ID]);
	req->reason = reason;
	ret = xl_domctl(info, XL_CTL_DOM_SHUTDOWN, req, sizeof(*req),
			req->domid);
	kfree(req);
	return ret;
}
