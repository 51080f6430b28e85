// SPDX-License-Identifier: GPL-2.0
/*
 * XL_CMD_DOMAIN_CONSOLE: one chunk of a domain's console output, a byte
 * log like the hypervisor's.
 */
#include <errno.h>
#include <string.h>

#include <netlink/genl/genl.h>

#include "xl_client.h"
#include "xl_priv.h"

struct xl_console_req {
	uint32_t domid;
	uint64_t seq;
	void *buf;
	size_t size;
	struct xl_dmesg_chunk chunk;
};

static int xl_console_put(struct nl_msg *msg, const void *arg)
{
	const struct xl_console_req *req = arg;

	if (nla_put_u32(msg, XL_A_DOM_ID, req->domid) ||
	    nla_put_u64(msg, XL_A_LOG_SEQ, req->seq))
		return -ENOMEM;
	return 0;
}

static int xl_console_parse(struct xl_client *c, struct nlattr **tb,
			    void *arg)
{
	struct xl_console_req *req = arg;

	return xl_log_chunk_parse(c, tb, req->seq, req->buf, req->size,
				  &req->chunk);
}

int xl_domain_console_read(struct xl_client *c, uint32_t domid, uint64_t seq,
			   void *buf, size_t size, uint64_t *next,
			   uint64_t *dropped)
{
	struct xl_console_req req = {
		.domid = domid, .seq = seq, .buf = buf, .size = size,
	};
	int err;

	err = xl_request(c, XL_CMD_DOMAIN_CONSOLE, xl_console_put, &req,
			 xl_console_parse, &req);
	if (err)
		return err;
	*next = req.chunk.next_seq;
	*dropped = req.chunk.dropped;
	return (int)req.chunk.len;
}
