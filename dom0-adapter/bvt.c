// SPDX-License-Identifier: GPL-2.0
/*
 * BVT scheduling parameters at run time: XL_CMD_SCHED_BVT_GET and _SET
 * for one domain (Dom0 included, as domid 0), _GLOBAL_GET and _SET for
 * the scheduler's.  The hypervisor takes a whole parameter set; a
 * request names only what it changes, so _SET reads the set, changes it
 * and writes it back, under a mutex so that two writers do not undo each
 * other's changes.
 */
#include <linux/err.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <net/genetlink.h>

#include <xenlate/dom0ctl.h>
#include <xenlate/genl.h>

#include "dom0.h"

static DEFINE_MUTEX(xl_bvt_lock);

/* Dom0 has no entry in the guest registry, but always exists. */
static bool xl_bvt_domain_ok(struct genl_info *info, u32 domid)
{
	if (domid == 0 || xl_guest_exists(domid))
		return true;
	GENL_SET_ERR_MSG(info, "no such domain");
	return false;
}

static int xl_bvt_dom_reply(struct genl_info *info,
			    const struct xl_ctl_bvt_dom *b)
{
	struct sk_buff *msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	void *hdr;

	if (!msg)
		return -ENOMEM;
	hdr = xl_genl_reply_put(msg, info);
	if (!hdr || nla_put_u32(msg, XL_A_DOM_ID, b->domid) ||
	    nla_put_u32(msg, XL_A_BVT_MCU_ADVANCE, b->mcu_advance) ||
	    nla_put_u32(msg, XL_A_BVT_WARP_ENABLED, b->warp_enabled) ||
	    nla_put_u64_64bit(msg, XL_A_BVT_WARP, b->warp, XL_A_PAD) ||
	    nla_put_u64_64bit(msg, XL_A_BVT_WARP_LIMIT_NS, b->warp_limit_ns,
			      XL_A_PAD) ||
	    nla_put_u64_64bit(msg, XL_A_BVT_UNWARP_REQ_NS, b->unwarp_req_ns,
			      XL_A_PAD)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

static long xl_bvt_dom_get(struct genl_info *info, struct xl_ctl_bvt_dom *b)
{
	long ret = xl_hv_call(XL_CTL_BVT_DOM_GET, b, sizeof(*b), info->extack);

	if (ret == -ESRCH)
		GENL_SET_ERR_MSG(info, "no such domain in the hypervisor");
	return ret;
}

/* The request's domain, Dom0 included, in a new kmalloc'd parameter set. */
static struct xl_ctl_bvt_dom *xl_bvt_dom_alloc(struct genl_info *info)
{
	struct xl_ctl_bvt_dom *b;

	if (!info->attrs[XL_A_DOM_ID]) {
		GENL_SET_ERR_MSG(info, "which domain? (XL_A_DOM_ID)");
		return ERR_PTR(-EINVAL);
	}
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return ERR_PTR(-ENOMEM);
	b->domid = nla_get_u32(info->attrs[XL_A_DOM_ID]);
	if (!xl_bvt_domain_ok(info, b->domid)) {
		kfree(b);
		return ERR_PTR(-ESRCH);
	}
	return b;
}

int xl_genl_sched_bvt_get(struct sk_buff *skb, struct genl_info *info)
{
	struct xl_ctl_bvt_dom *b = xl_bvt_dom_alloc(info);
	long ret;

	if (IS_ERR(b))
		return PTR_ERR(b);
	ret = xl_bvt_dom_get(info, b);
	if (ret >= 0)
		ret = xl_bvt_dom_reply(info, b);
	kfree(b);
	return ret;
}

/* The request's attributes over the current values; false if none. */
static bool xl_bvt_dom_apply(struct nlattr **a, struct xl_ctl_bvt_dom *b)
{
	bool any = false;

	if (a[XL_A_BVT_MCU_ADVANCE]) {
		b->mcu_advance = nla_get_u32(a[XL_A_BVT_MCU_ADVANCE]);
		any = true;
	}
	if (a[XL_A_BVT_WARP_ENABLED]) {
		b->warp_enabled = nla_get_u32(a[XL_A_BVT_WARP_ENABLED]);
		any = true;
	}
	if (a[XL_A_BVT_WARP]) {
		b->warp = nla_get_u64(a[XL_A_BVT_WARP]);
		any = true;
	}
	if (a[XL_A_BVT_WARP_LIMIT_NS]) {
		b->warp_limit_ns = nla_get_u64(a[XL_A_BVT_WARP_LIMIT_NS]);
		any = true;
	}
	if (a[XL_A_BVT_UNWARP_REQ_NS]) {
		b->unwarp_req_ns = nla_get_u64(a[XL_A_BVT_UNWARP_REQ_NS]);
		any = true;
	}
	return any;
}

int xl_genl_sched_bvt_set(struct sk_buff *skb, struct genl_info *info)
{
	struct xl_ctl_bvt_dom *b = xl_bvt_dom_alloc(info);
	long ret;

	if (IS_ERR(b))
		return PTR_ERR(b);
	mutex_lock(&xl_bvt_lock);
	ret = xl_bvt_dom_get(info, b);
	if (ret >= 0 && !xl_bvt_dom_apply(info->attrs, b)) {
		GENL_SET_ERR_MSG(info, "no BVT parameter to change");
		ret = -EINVAL;
	}
	if (ret >= 0) {
		ret = xl_hv_call(XL_CTL_BVT_DOM_SET, b, sizeof(*b),
				 info->extack);
		if (ret == -EINVAL)
			GENL_SET_ERR_MSG(info,
					 "hypervisor refused the BVT parameters");
	}
	mutex_unlock(&xl_bvt_lock);
	if (ret >= 0)
		ret = xl_bvt_dom_reply(info, b);
	kfree(b);
	return ret;
}

static int xl_bvt_global_reply(struct genl_info *info,
			       const struct xl_ctl_bvt_global *g)
{
	struct sk_buff *msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	void *hdr;

	if (!msg)
		return -ENOMEM;
	hdr = xl_genl_reply_put(msg, info);
	if (!hdr ||
	    nla_put_u64_64bit(msg, XL_A_BVT_MCU_NS, g->mcu_ns, XL_A_PAD) ||
	    nla_put_u64_64bit(msg, XL_A_BVT_CTX_ALLOW_NS, g->ctx_allow_ns,
			      XL_A_PAD)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

int xl_genl_sched_bvt_global_get(struct sk_buff *skb, struct genl_info *info)
{
	struct xl_ctl_bvt_global *g = kzalloc(sizeof(*g), GFP_KERNEL);
	long ret;

	if (!g)
		return -ENOMEM;
	ret = xl_hv_call(XL_CTL_BVT_GLOBAL_GET, g, sizeof(*g), info->extack);
	if (ret >= 0)
		ret = xl_bvt_global_reply(info, g);
	kfree(g);
	return ret;
}

int xl_genl_sched_bvt_global_set(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **a = info->attrs;
	struct xl_ctl_bvt_global *g;
	long ret;

	if (!a[XL_A_BVT_MCU_NS] && !a[XL_A_BVT_CTX_ALLOW_NS]) {
		GENL_SET_ERR_MSG(info, "no BVT parameter to change");
		return -EINVAL;
	}
	g = kzalloc(sizeof(*g), GFP_KERNEL);
	if (!g)
		return -ENOMEM;
	mutex_lock(&xl_bvt_lock);
	ret = xl_hv_call(XL_CTL_BVT_GLOBAL_GET, g, sizeof(*g), info->extack);
	if (ret >= 0) {
		if (a[XL_A_BVT_MCU_NS])
			g->mcu_ns = nla_get_u64(a[XL_A_BVT_MCU_NS]);
		if (a[XL_A_BVT_CTX_ALLOW_NS])
			g->ctx_allow_ns = nla_get_u64(a[XL_A_BVT_CTX_ALLOW_NS]);
		ret = xl_hv_call(XL_CTL_BVT_GLOBAL_SET, g, sizeof(*g),
				 info->extack);
		/* Each is in range (the policy): only their order is left. */
		if (ret == -EINVAL)
			GENL_SET_ERR_MSG(info,
					 "ctx_allow, the context-switch allowance, must be at least mcu");
	}
	mutex_unlock(&xl_bvt_lock);
	if (ret >= 0)
		ret = xl_bvt_global_reply(info, g);
	kfree(g);
	return ret;
}
