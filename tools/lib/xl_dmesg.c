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

	return xl_log_chunk_parse(c, tb, req->seq, req->buf, req->size,
				  req->out);
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
