// SPDX-License-Identifier: GPL-2.0
/*
 * Guest domains: create, destroy, list, the builder's write
 * (XL_CMD_DOMAIN_*).
 */
#include <errno.h>
#include <string.h>

#include <netlink/genl/genl.h>

#include "xl_client.h"
#include "xl_priv.h"

struct xl_create_args {
	const char *name;
	uint32_t vcpus;
	uint64_t mem_kb, maxmem_kb;
};

static int xl_create_put(struct nl_msg *msg, const void *arg)
{
	const struct xl_create_args *a = arg;

	if (nla_put_string(msg, XL_A_DOM_NAME, a->name) ||
	    nla_put_u32(msg, XL_A_DOM_VCPUS, a->vcpus) ||
	    nla_put_u64(msg, XL_A_DOM_MEM_KB, a->mem_kb) ||
	    nla_put_u64(msg, XL_A_DOM_MAXMEM_KB, a->maxmem_kb))
		return -ENOMEM;
	return 0;
}

int xl_domid_parse(struct xl_client *c, struct nlattr **tb, void *arg)
{
	return xl_attr_u32(c, tb, XL_A_DOM_ID, arg);
}

int xl_domain_create(struct xl_client *c, const char *name, uint32_t vcpus,
		     uint64_t mem_kb, uint64_t maxmem_kb, uint32_t *domid)
{
	struct xl_create_args a = { name, vcpus, mem_kb, maxmem_kb };

	return xl_request(c, XL_CMD_DOMAIN_CREATE, xl_create_put, &a,
			  xl_domid_parse, domid);
}

int xl_id_put(struct nl_msg *msg, const void *arg)
{
	return nla_put_u32(msg, XL_A_DOM_ID, *(const uint32_t *)arg) ?
	       -ENOMEM : 0;
}

int xl_domain_destroy(struct xl_client *c, uint32_t domid)
{
	uint32_t echoed;

	return xl_request(c, XL_CMD_DOMAIN_DESTROY, xl_id_put, &domid,
			  xl_domid_parse, &echoed);
}

static int xl_domain_parse_one(struct xl_client *c, struct nlattr **tb,
			       size_t index, void *arg)
{
	struct xl_domain *d = (struct xl_domain *)arg + index;
	int err;

	memset(d, 0, sizeof(*d));
	err = xl_attr_u32(c, tb, XL_A_DOM_ID, &d->domid);
	if (!err)
		err = xl_attr_str(c, tb, XL_A_DOM_NAME, d->name,
				  sizeof(d->name));
	if (!err)
		err = xl_attr_u32(c, tb, XL_A_DOM_STATE, &d->state);
	if (!err)
		err = xl_attr_u32(c, tb, XL_A_DOM_SHUTDOWN_REASON,
				  &d->shutdown_reason);
	if (!err)
		err = xl_attr_u32(c, tb, XL_A_DOM_VCPUS, &d->vcpus);
	if (!err)
		err = xl_attr_u64(c, tb, XL_A_DOM_MEM_KB, &d->mem_kb);
	if (!err)
		err = xl_attr_u64(c, tb, XL_A_DOM_MAXMEM_KB, &d->maxmem_kb);
	if (!err)
		err = xl_attr_u64(c, tb, XL_A_DOM_CPU_NS, &d->cpu_ns);
	if (!err)
		err = xl_attr_u64(c, tb, XL_A_DOM_HYPERCALLS, &d->hypercalls);
	if (!err)
		err = xl_attr_u64(c, tb, XL_A_DOM_EVTCHN_SENDS,
				  &d->evtchn_sends);
	if (!err)
		err = xl_attr_u64(c, tb, XL_A_DOM_AGE_NS, &d->age_ns);
	/* A domain the module did not create has no target: what it has. */
	d->target_kb = d->mem_kb;
	if (!err && tb[XL_A_DOM_TARGET_KB])
		err = xl_attr_u64(c, tb, XL_A_DOM_TARGET_KB, &d->target_kb);
	return err;
}

struct xl_list_ctx {
	struct xl_domain *out;
	size_t max;
	int nr;
};

/* XL_A_DOM repeats, once per domain. */
static int xl_list_parse(struct xl_client *c, struct nlattr **tb, void *arg)
{
	struct xl_list_ctx *ctx = arg;

	(void)tb;
	ctx->nr = xl_reply_nests(c, XL_A_DOM, ctx->max, xl_domain_parse_one,
				 ctx->out);
	return ctx->nr < 0 ? ctx->nr : 0;
}

int xl_domain_list(struct xl_client *c, struct xl_domain *out, size_t max)
{
	struct xl_list_ctx ctx = { out, max, 0 };
	int err = xl_request(c, XL_CMD_DOMAIN_LIST, NULL, NULL, xl_list_parse,
			     &ctx);

	return err ? err : ctx.nr;
}

struct xl_write_args {
	uint32_t domid;
	uint64_t gpa;
	const void *data;
	size_t len;
};

static int xl_write_put(struct nl_msg *msg, const void *arg)
{
	const struct xl_write_args *a = arg;

	if (nla_put_u32(msg, XL_A_DOM_ID, a->domid) ||
	    nla_put_u64(msg, XL_A_DOM_GPA, a->gpa) ||
	    nla_put(msg, XL_A_DOM_DATA, (int)a->len, a->data))
		return -ENOMEM;
	return 0;
}

int xl_domain_write(struct xl_client *c, uint32_t domid, uint64_t gpa,
		    const void *data, size_t len)
{
	const uint8_t *p = data;
	uint32_t echoed;
	int err = 0;

	while (len && !err) {
		struct xl_write_args a = {
			domid, gpa, p,
			len < XL_DOM_WRITE_MAX ? len : XL_DOM_WRITE_MAX,
		};

		err = xl_request(c, XL_CMD_DOMAIN_WRITE, xl_write_put, &a,
				 xl_domid_parse, &echoed);
		gpa += a.len;
		p += a.len;
		len -= a.len;
	}
	return err;
}
