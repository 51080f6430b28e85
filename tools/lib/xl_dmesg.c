// SPDX-License-Identifier: GPL-2.0
/*
 * XL_CMD_DMESG: one chunk of the hypervisor's log.
 */
#include <errno.h>
#include <string.h>

#include "xl_client.h"
#include "xl_priv.h"

struct xl_dmesg_req {
	uint64_t seq;
	void *buf;
	size_t size;
	struct xl_dmesg_chunk *out;
};

static int xl_dmesg_put(struct nl_msg *msg, const void *arg)
{
	const struct xl_dmesg_req *req = arg;

	return nla_put_u64(msg, XL_A_LOG_SEQ, req->seq) < 0 ? -ENOMEM : 0;
}

static int xl_dmesg_parse(struct xl_client *c, struct nlattr **tb,
			  void *arg)
{
	struct xl_dmesg_req *req = arg;
	struct xl_dmesg_chunk chunk = { 0 };
	struct nlattr *data = tb[XL_A_LOG_DATA];
	int err;

	if (!data) {
		xl_set_detail(c, "reply lacks the log data");
		return -XL_ERR_PROTO;
	}
	chunk.len = nla_len(data);
	if (chunk.len > req->size) {
		xl_set_detail(c, "log chunk of %zu bytes", chunk.len);
		return -XL_ERR_TOOBIG;
	}
	err = xl_attr_u64(c, tb, XL_A_LOG_SEQ, &chunk.next_seq);
	if (!err)
		err = xl_attr_u64(c, tb, XL_A_LOG_DROPPED, &chunk.dropped);
	if (err)
		return err;
	/* Data must move the position forward, or a reader loops for ever. */
	if (chunk.len && (chunk.next_seq < req->seq ||
			  chunk.next_seq - req->seq < chunk.len)) {
		xl_set_detail(c, "log position went backwards");
		return -XL_ERR_PROTO;
	}
	memcpy(req->buf, nla_data(data), chunk.len);
	*req->out = chunk;
	return 0;
}

int xl_dmesg_read(struct xl_client *c, uint64_t seq, void *buf, size_t size,
		  struct xl_dmesg_chunk *out)
{
	struct xl_dmesg_req req = {
		.seq = seq, .buf = buf, .size = size, .out = out,
	};

	memset(out, 0, sizeof(*out));
	return xl_request(c, XL_CMD_DMESG, xl_dmesg_put, &req,
			  xl_dmesg_parse, &req);
}
