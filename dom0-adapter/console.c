// SPDX-License-Identifier: GPL-2.0
/*
 * XL_CMD_DOMAIN_CONSOLE: one chunk of a domain's console output (what it
 * wrote with console_io), from the byte the request names (XL_A_LOG_SEQ,
 * default 0).  A byte log like the hypervisor's: same reply, same loop
 * in user space.
 */
#include <linux/io.h>
#include <linux/slab.h>
#include <net/genetlink.h>

#include <xenlate/dom0ctl.h>
#include <xenlate/genl.h>

#include "dom0.h"

int xl_genl_domain_console(struct sk_buff *skb, struct genl_info *info)
{
	struct xl_ctl_dom_console *con;
	u64 seq = 0;
	void *data;
	long ret;

	if (!info->attrs[XL_A_DOM_ID]) {
		GENL_SET_ERR_MSG(info, "which domain? (XL_A_DOM_ID)");
		return -EINVAL;
	}
	if (info->attrs[XL_A_LOG_SEQ])
		seq = nla_get_u64(info->attrs[XL_A_LOG_SEQ]);

	/* By physical address, zeroed: as for the hypervisor's log. */
	ret = -ENOMEM;
	con = kzalloc(sizeof(*con), GFP_KERNEL);
	data = kzalloc(XL_DOM0_LOG_CHUNK, GFP_KERNEL);
	if (!con || !data)
		goto out;

	con->domid = nla_get_u32(info->attrs[XL_A_DOM_ID]);
	if (!xl_guest_exists(con->domid)) {
		GENL_SET_ERR_MSG(info, "no such domain");
		ret = -ESRCH;
		goto out;
	}
	con->seq = seq;
	con->buf = virt_to_phys(data);
	con->len = XL_DOM0_LOG_CHUNK;
	ret = xl_hv_call(XL_CTL_DOM_CONSOLE, con, sizeof(*con), info->extack);
	if (ret == -ESRCH)
		GENL_SET_ERR_MSG(info, "no such domain in the hypervisor");
	if (ret >= 0)
		ret = xl_log_reply(info, seq, con->seq, con->len, con->dropped,
				   data);
out:
	kfree(data);
	kfree(con);
	return ret;
}
