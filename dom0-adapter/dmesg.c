// SPDX-License-Identifier: GPL-2.0
/*
 * XL_CMD_DMESG: one chunk of the hypervisor's console log, starting at
 * the byte the request names (XL_A_LOG_SEQ, default 0).  User space loops
 * with the returned next sequence number until a reply carries no data.
 * The reply's form is shared with the domains' consoles (console.c).
 */
#include <linux/io.h>
#include <linux/slab.h>
#include <net/genetlink.h>

#include <xenlate/dom0ctl.h>
#include <xenlate/genl.h>

#include "dom0.h"

static int xl_log_fill(struct sk_buff *skb, u64 next, u64 len, u64 dropped,
		       const void *data)
{
	if (nla_put(skb, XL_A_LOG_DATA, len, data) ||
	    nla_put_u64_64bit(skb, XL_A_LOG_SEQ, next, XL_A_PAD) ||
	    nla_put_u64_64bit(skb, XL_A_LOG_DROPPED, dropped, XL_A_PAD))
		return -EMSGSIZE;
	return 0;
}

/*
 * Reply with a chunk of a byte log the hypervisor copied: @len bytes of
 * @data, read from byte @asked on, the next one being @next.  Shared by
 * the hypervisor's log and the domains' consoles.
 */
int xl_log_reply(struct genl_info *info, u64 asked, u64 next, u64 len,
		 u64 dropped, const void *data)
{
	struct sk_buff *msg;
	void *hdr;

	/*
	 * A chunk must end where the next one starts, or the reader loops
	 * for ever; an empty one may report any position (it is the end).
	 */
	if (len > XL_DOM0_LOG_CHUNK ||
	    (len && (next < asked || next - asked < len))) {
		GENL_SET_ERR_MSG(info, "hypervisor returned a bad log chunk");
		return -EIO;
	}
	msg = genlmsg_new(nla_total_size(len) +
			  2 * nla_total_size_64bit(sizeof(u64)), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = xl_genl_reply_put(msg, info);
	if (!hdr || xl_log_fill(msg, next, len, dropped, data)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

int xl_genl_dmesg(struct sk_buff *skb, struct genl_info *info)
{
	struct xl_ctl_log *log;
	u64 seq = 0;
	void *data;
	long ret;

	if (info->attrs[XL_A_LOG_SEQ])
		seq = nla_get_u64(info->attrs[XL_A_LOG_SEQ]);

	/*
	 * Both blocks are read and written by physical address, so both
	 * come from kmalloc (physically contiguous, in the direct map).
	 * Zeroed, so a hypervisor that claims more bytes than it wrote
	 * cannot leak old kernel memory to user space.
	 */
	ret = -ENOMEM;
	log = kzalloc(sizeof(*log), GFP_KERNEL);
	data = kzalloc(XL_DOM0_LOG_CHUNK, GFP_KERNEL);
	if (!log || !data)
		goto out;

	log->seq = seq;
	log->buf = virt_to_phys(data);
	log->len = XL_DOM0_LOG_CHUNK;

	ret = xl_hv_call(XL_CTL_LOG_READ, log, sizeof(*log), info->extack);
	if (ret >= 0)
		ret = xl_log_reply(info, seq, log->seq, log->len, log->dropped,
				   data);
out:
	kfree(data);
	kfree(log);
	return ret;
}
