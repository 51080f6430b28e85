// SPDX-License-Identifier: GPL-2.0
/*
 * A chunk of a byte log in a reply: the hypervisor's log (XL_CMD_DMESG)
 * and a domain's console (XL_CMD_DOMAIN_CONSOLE) come the same way.
 */
#include <string.h>

#include "xl_client.h"
#include "xl_priv.h"

int xl_log_chunk_parse(struct xl_client *c, struct nlattr **tb, uint64_t seq,
		       void *buf, size_t size, struct xl_dmesg_chunk *out)
{
	struct xl_dmesg_chunk chunk = { 0 };
	struct nlattr *data = tb[XL_A_LOG_DATA];
	int err;

	if (!data) {
		xl_set_detail(c, "reply lacks the log data");
		return -XL_ERR_PROTO;
	}
	chunk.len = nla_len(data);
	if (chunk.len > size) {
		xl_set_detail(c, "log chunk of %zu bytes", chunk.len);
		return -XL_ERR_TOOBIG;
	}
	err = xl_attr_u64(c, tb, XL_A_LOG_SEQ, &chunk.next_seq);
	if (!err)
		err = xl_attr_u64(c, tb, XL_A_LOG_DROPPED, &chunk.dropped);
	if (err)
		return err;
	/* Data must move the position forward, or a reader loops for ever. */
	if (chunk.len && (chunk.next_seq < seq ||
			  chunk.next_seq - seq < chunk.len)) {
		xl_set_detail(c, "log position went backwards");
		return -XL_ERR_PROTO;
	}
	memcpy(buf, nla_data(data), chunk.len);
	*out = chunk;
	return 0;
}
