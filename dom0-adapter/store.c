// SPDX-License-Identifier: GPL-2.0
/*
 * XL_CMD_STORE_*: the bytes of guests' xenstore rings, for Dom0's
 * xenstore daemon (tools/xenstored), and XL_CMD_CONSOLE_WRITE: the keys
 * `xenlate console` sends to a guest's console ring.  The hypervisor
 * moves them
 * (XL_CTL_DOM_STORE: Dom0 never maps a guest's page); this side only
 * checks that Dom0 knows the domain and carries the bytes over netlink.
 */
#include <linux/io.h>
#include <linux/slab.h>
#include <net/genetlink.h>

#include <xenlate/dom0ctl.h>
#include <xenlate/genl.h>

#include "dom0.h"

/* The request block and its data buffer, by physical address. */
struct xl_store_call {
	struct xl_ctl_dom_store req;
	u8 data[XL_STORE_IO_MAX];
};

static long xl_store_call(struct genl_info *info, struct xl_store_call *c)
{
	long ret;

	if (c->req.op != XL_STORE_PENDING && !xl_guest_exists(c->req.domid)) {
		GENL_SET_ERR_MSG(info, "no such domain");
		return -ESRCH;
	}
	c->req.buf = virt_to_phys(c->data);
	ret = xl_hv_call(XL_CTL_DOM_STORE, &c->req, sizeof(c->req),
			 info->extack);
	switch (ret) {
	case -ESRCH:
		GENL_SET_ERR_MSG(info, "no such domain in the hypervisor");
		break;
	case -ENOENT:
		if (c->req.op == XL_STORE_CONSOLE_IN)
			GENL_SET_ERR_MSG(info,
					 "the domain has no console ring (or broke it)");
		else
			GENL_SET_ERR_MSG(info, "the domain has no xenstore ring");
		break;
	case -EIO:
		if (c->req.op == XL_STORE_CONSOLE_IN)
			GENL_SET_ERR_MSG(info,
					 "the guest broke its console ring (impossible indices)");
		else
			GENL_SET_ERR_MSG(info,
					 "the guest broke its xenstore ring (impossible indices)");
		break;
	case -EEXIST:
		GENL_SET_ERR_MSG(info, "the domain has its rings already");
		break;
	case -EPERM:
		GENL_SET_ERR_MSG(info, "only before the domain first runs");
		break;
	case -EINVAL:
		if (c->req.op == XL_STORE_SETUP)
			GENL_SET_ERR_MSG(info,
					 "a ring's frame is not the guest's memory, or both are one");
		break;
	}
	return ret;
}

/*
 * Reply with the domain id (if not 0), then @attr: @len bytes of @data,
 * or the u32 @val when @data is NULL; then the u32 @val2 as @attr2 if
 * @attr2 is not 0.
 */
static int xl_store_reply(struct genl_info *info, u32 domid, int attr,
			  const void *data, u32 len, u32 val, int attr2,
			  u32 val2)
{
	struct sk_buff *msg = genlmsg_new(nla_total_size(len) +
					  NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	void *hdr;
	int err;

	if (!msg)
		return -ENOMEM;
	hdr = xl_genl_reply_put(msg, info);
	err = hdr ? 0 : -EMSGSIZE;
	if (!err && domid)
		err = nla_put_u32(msg, XL_A_DOM_ID, domid);
	if (!err && data)
		err = nla_put(msg, attr, len, data);
	else if (!err)
		err = nla_put_u32(msg, attr, val);
	if (!err && attr2)
		err = nla_put_u32(msg, attr2, val2);
	if (err) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

static struct xl_store_call *xl_store_new(struct genl_info *info, u32 op)
{
	struct xl_store_call *c = kzalloc(sizeof(*c), GFP_KERNEL);

	if (!c)
		return NULL;
	c->req.op = op;
	if (info->attrs[XL_A_DOM_ID])
		c->req.domid = nla_get_u32(info->attrs[XL_A_DOM_ID]);
	return c;
}

int xl_genl_store_setup(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **a = info->attrs;
	struct xl_store_call *c;
	u64 gpa, cons;
	int ret;

	if (!a[XL_A_DOM_ID] || !a[XL_A_DOM_GPA] ||
	    !a[XL_A_STORE_CONSOLE_GPA]) {
		GENL_SET_ERR_MSG(info, "domain and both ring addresses needed");
		return -EINVAL;
	}
	gpa = nla_get_u64(a[XL_A_DOM_GPA]);
	cons = nla_get_u64(a[XL_A_STORE_CONSOLE_GPA]);
	if ((gpa | cons) & ~PAGE_MASK) {
		GENL_SET_ERR_MSG(info, "a ring's address is not page-aligned");
		return -EINVAL;
	}
	c = xl_store_new(info, XL_STORE_SETUP);
	if (!c)
		return -ENOMEM;
	c->req.gfn = gpa >> PAGE_SHIFT;
	c->req.console_gfn = cons >> PAGE_SHIFT;
	ret = xl_store_call(info, c);
	if (!ret)
		ret = xl_store_reply(info, c->req.domid, XL_A_STORE_PORT, NULL,
				     0, c->req.port, XL_A_STORE_CONSOLE_PORT,
				     c->req.console_port);
	kfree(c);
	return ret;
}

int xl_genl_store_read(struct sk_buff *skb, struct genl_info *info)
{
	struct xl_store_call *c;
	int ret;

	if (!info->attrs[XL_A_DOM_ID]) {
		GENL_SET_ERR_MSG(info, "which domain? (XL_A_DOM_ID)");
		return -EINVAL;
	}
	c = xl_store_new(info, XL_STORE_READ);
	if (!c)
		return -ENOMEM;
	c->req.len = sizeof(c->data);
	ret = xl_store_call(info, c);
	/* The hypervisor never says more than it was given room for. */
	if (!ret)
		ret = xl_store_reply(info, c->req.domid, XL_A_DOM_DATA,
				     c->data, min_t(u64, c->req.len,
						    sizeof(c->data)), 0, 0, 0);
	kfree(c);
	return ret;
}

/* Bytes onto a ring by @op (XL_STORE_WRITE or _CONSOLE_IN). */
static int xl_store_put_bytes(struct genl_info *info, u32 op)
{
	struct nlattr **a = info->attrs;
	struct xl_store_call *c;
	int ret;

	if (!a[XL_A_DOM_ID] || !a[XL_A_DOM_DATA] ||
	    !nla_len(a[XL_A_DOM_DATA])) {
		GENL_SET_ERR_MSG(info, "domain and bytes needed");
		return -EINVAL;
	}
	c = xl_store_new(info, op);
	if (!c)
		return -ENOMEM;
	c->req.len = nla_len(a[XL_A_DOM_DATA]);	/* policy: <= data */
	memcpy(c->data, nla_data(a[XL_A_DOM_DATA]), c->req.len);
	ret = xl_store_call(info, c);
	if (!ret)
		ret = xl_store_reply(info, c->req.domid, XL_A_STORE_LEN, NULL,
				     0, (u32)c->req.len, 0, 0);
	kfree(c);
	return ret;
}

int xl_genl_store_write(struct sk_buff *skb, struct genl_info *info)
{
	return xl_store_put_bytes(info, XL_STORE_WRITE);
}

int xl_genl_console_write(struct sk_buff *skb, struct genl_info *info)
{
	return xl_store_put_bytes(info, XL_STORE_CONSOLE_IN);
}

int xl_genl_store_pending(struct sk_buff *skb, struct genl_info *info)
{
	struct xl_store_call *c;
	int ret;

	_Static_assert(XL_STORE_PENDING_MAX * sizeof(u32) <= XL_STORE_IO_MAX,
		       "the ids fit the buffer");
	c = xl_store_new(info, XL_STORE_PENDING);
	if (!c)
		return -ENOMEM;
	c->req.len = XL_STORE_PENDING_MAX;
	ret = xl_store_call(info, c);
	if (!ret)
		ret = xl_store_reply(info, 0, XL_A_STORE_DOMIDS, c->data,
				     min_t(u64, c->req.len,
					   XL_STORE_PENDING_MAX) * sizeof(u32),
				     0, 0, 0);
	kfree(c);
	return ret;
}
