// SPDX-License-Identifier: GPL-2.0
/*
 * A domain's vCPUs (XL_CMD_VCPU_LIST): one nested XL_A_VCPU each.
 */
#include <string.h>

#include <netlink/genl/genl.h>
#include <xenlate/dom0ctl.h>

#include "xl_client.h"
#include "xl_priv.h"

static int xl_vcpu_parse_one(struct xl_client *c, struct nlattr **tb,
			     size_t index, void *arg)
{
	struct xl_vcpu *v = (struct xl_vcpu *)arg + index;
	int err;

	memset(v, 0, sizeof(*v));
	err = xl_attr_u32(c, tb, XL_A_VCPU_ID, &v->vcpu);
	if (!err)
		err = xl_attr_u32(c, tb, XL_A_VCPU_CPU, &v->cpu);
	if (!err)
		err = xl_attr_u32(c, tb, XL_A_VCPU_STATE, &v->state);
	if (!err)
		err = xl_attr_u64(c, tb, XL_A_VCPU_CPU_NS, &v->cpu_ns);
	return err;
}

struct xl_vcpu_ctx {
	struct xl_vcpu *out;
	size_t max;
	int nr;
};

static int xl_vcpu_parse(struct xl_client *c, struct nlattr **tb, void *arg)
{
	struct xl_vcpu_ctx *ctx = arg;

	(void)tb;
	ctx->nr = xl_reply_nests(c, XL_A_VCPU, ctx->max, xl_vcpu_parse_one,
				 ctx->out);
	return ctx->nr < 0 ? ctx->nr : 0;
}

int xl_vcpu_list(struct xl_client *c, uint32_t domid, struct xl_vcpu *out,
		 size_t max)
{
	struct xl_vcpu_ctx ctx = { out, max, 0 };
	int err = xl_request(c, XL_CMD_VCPU_LIST, xl_id_put, &domid,
			     xl_vcpu_parse, &ctx);

	return err ? err : ctx.nr;
}

int xl_vcpus_blocked(const struct xl_vcpu *v, int nr)
{
	int i, up = 0;

	for (i = 0; i < nr; i++) {
		if (v[i].state == XL_VCPU_DOWN)
			continue;
		if (v[i].state != XL_VCPU_BLOCKED)
			return 0;
		up++;
	}
	return up > 0;
}
