// SPDX-License-Identifier: GPL-2.0
/*
 * BVT scheduling parameters (XL_CMD_SCHED_BVT_*): a domain's, Dom0's
 * included (domid 0), and the scheduler's global ones.  A set names only
 * the fields it changes; the kernel keeps the others.
 */
#include <errno.h>

#include <netlink/genl/genl.h>

#include "xl_client.h"
#include "xl_priv.h"

struct xl_bvt_set_args {
	uint32_t domid;
	unsigned int mask;
	const struct xl_bvt_dom *in;
};

static int xl_bvt_put(struct nl_msg *msg, const void *arg)
{
	const struct xl_bvt_set_args *a = arg;
	const struct xl_bvt_dom *b = a->in;
	int err = nla_put_u32(msg, XL_A_DOM_ID, a->domid);

	if (!err && (a->mask & XL_BVT_SET_MCU_ADVANCE))
		err = nla_put_u32(msg, XL_A_BVT_MCU_ADVANCE, b->mcu_advance);
	if (!err && (a->mask & XL_BVT_SET_WARP_ENABLED))
		err = nla_put_u32(msg, XL_A_BVT_WARP_ENABLED, b->warp_enabled);
	if (!err && (a->mask & XL_BVT_SET_WARP))
		err = nla_put_u64(msg, XL_A_BVT_WARP, b->warp);
	if (!err && (a->mask & XL_BVT_SET_WARP_LIMIT))
		err = nla_put_u64(msg, XL_A_BVT_WARP_LIMIT_NS,
				  b->warp_limit_ns);
	if (!err && (a->mask & XL_BVT_SET_UNWARP_REQ))
		err = nla_put_u64(msg, XL_A_BVT_UNWARP_REQ_NS,
				  b->unwarp_req_ns);
	return err ? -ENOMEM : 0;
}

static int xl_bvt_parse(struct xl_client *c, struct nlattr **tb, void *arg)
{
	struct xl_bvt_dom *b = arg;
	int err;

	err = xl_attr_u32(c, tb, XL_A_BVT_MCU_ADVANCE, &b->mcu_advance);
	if (!err)
		err = xl_attr_u32(c, tb, XL_A_BVT_WARP_ENABLED,
				  &b->warp_enabled);
	if (!err)
		err = xl_attr_u64(c, tb, XL_A_BVT_WARP, &b->warp);
	if (!err)
		err = xl_attr_u64(c, tb, XL_A_BVT_WARP_LIMIT_NS,
				  &b->warp_limit_ns);
	if (!err)
		err = xl_attr_u64(c, tb, XL_A_BVT_UNWARP_REQ_NS,
				  &b->unwarp_req_ns);
	return err;
}

int xl_sched_bvt_get(struct xl_client *c, uint32_t domid,
		     struct xl_bvt_dom *out)
{
	return xl_request(c, XL_CMD_SCHED_BVT_GET, xl_id_put, &domid,
			  xl_bvt_parse, out);
}

int xl_sched_bvt_set(struct xl_client *c, uint32_t domid, unsigned int mask,
		     const struct xl_bvt_dom *in, struct xl_bvt_dom *out)
{
	struct xl_bvt_set_args a = { domid, mask, in };
	struct xl_bvt_dom now;

	return xl_request(c, XL_CMD_SCHED_BVT_SET, xl_bvt_put, &a,
			  xl_bvt_parse, out ? out : &now);
}

struct xl_bvt_global_args {
	unsigned int mask;
	const struct xl_bvt_global *in;
};

static int xl_bvt_global_put(struct nl_msg *msg, const void *arg)
{
	const struct xl_bvt_global_args *a = arg;
	int err = 0;

	if (a->mask & XL_BVT_SET_MCU)
		err = nla_put_u64(msg, XL_A_BVT_MCU_NS, a->in->mcu_ns);
	if (!err && (a->mask & XL_BVT_SET_CTX_ALLOW))
		err = nla_put_u64(msg, XL_A_BVT_CTX_ALLOW_NS,
				  a->in->ctx_allow_ns);
	return err ? -ENOMEM : 0;
}

static int xl_bvt_global_parse(struct xl_client *c, struct nlattr **tb,
			       void *arg)
{
	struct xl_bvt_global *g = arg;
	int err = xl_attr_u64(c, tb, XL_A_BVT_MCU_NS, &g->mcu_ns);

	if (!err)
		err = xl_attr_u64(c, tb, XL_A_BVT_CTX_ALLOW_NS,
				  &g->ctx_allow_ns);
	return err;
}

int xl_sched_bvt_global_get(struct xl_client *c, struct xl_bvt_global *out)
{
	return xl_request(c, XL_CMD_SCHED_BVT_GLOBAL_GET, NULL, NULL,
			  xl_bvt_global_parse, out);
}

int xl_sched_bvt_global_set(struct xl_client *c, unsigned int mask,
			    const struct xl_bvt_global *in,
			    struct xl_bvt_global *out)
{
	struct xl_bvt_global_args a = { mask, in };
	struct xl_bvt_global now;

	return xl_request(c, XL_CMD_SCHED_BVT_GLOBAL_SET, xl_bvt_global_put,
			  &a, xl_bvt_global_parse, out ? out : &now);
}
