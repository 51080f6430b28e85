// SPDX-License-Identifier: GPL-2.0
/*
 * XL_CMD_STORE_*: the bytes of guests' xenstore rings, for the xenstore
 * daemon (tools/xenstored).  Only the daemon uses these.
 */
#include <errno.h>
#include <string.h>

#include <netlink/genl/genl.h>

#include "xl_client.h"
#include "xl_priv.h"

struct xl_store_args {
	uint32_t domid;
	uint64_t gpa;
	uint64_t console_gpa;
	const void *data;
	size_t len;
};

static int xl_store_put(struct nl_msg *msg, const void *arg)
{
	const struct xl_store_args *a = arg;

	if (nla_put_u32(msg, XL_A_DOM_ID, a->domid))
		return -ENOMEM;
	if (a->gpa && (nla_put_u64(msg, XL_A_DOM_GPA, a->gpa) ||
		       nla_put_u64(msg, XL_A_STORE_CONSOLE_GPA, a->console_gpa)))
		return -ENOMEM;
	if (a->data && nla_put(msg, XL_A_DOM_DATA, (int)a->len, a->data))
		return -ENOMEM;
	return 0;
}

static int xl_store_ports_parse(struct xl_client *c, struct nlattr **tb,
				void *arg)
{
	uint32_t *ports = arg;
	int err = xl_attr_u32(c, tb, XL_A_STORE_PORT, &ports[0]);

	return err ? err : xl_attr_u32(c, tb, XL_A_STORE_CONSOLE_PORT,
				       &ports[1]);
}

int xl_store_setup(struct xl_client *c, uint32_t domid, uint64_t gpa,
		   uint64_t console_gpa, uint32_t *port,
		   uint32_t *console_port)
{
	struct xl_store_args a = {
		.domid = domid, .gpa = gpa, .console_gpa = console_gpa,
	};
	uint32_t ports[2];
	int err;

	if (!gpa)
		return -EINVAL;	/* never the frame at 0: see the builder */
	err = xl_request(c, XL_CMD_STORE_SETUP, xl_store_put, &a,
			 xl_store_ports_parse, ports);
	if (!err) {
		*port = ports[0];
		*console_port = ports[1];
	}
	return err;
}

/* A binary attribute of at most @size bytes into @buf: its length. */
struct xl_bytes {
	int type;
	void *buf;
	size_t size;
	size_t len;
};

static int xl_bytes_parse(struct xl_client *c, struct nlattr **tb, void *arg)
{
	struct xl_bytes *b = arg;

	if (!tb[b->type]) {
		xl_set_detail(c, "reply lacks attribute %d", b->type);
		return -XL_ERR_PROTO;
	}
	b->len = (size_t)nla_len(tb[b->type]);
	if (b->len > b->size)
		return -XL_ERR_TOOBIG;
	memcpy(b->buf, nla_data(tb[b->type]), b->len);
	return 0;
}

int xl_store_read(struct xl_client *c, uint32_t domid, void *buf,
		  size_t size)
{
	struct xl_store_args a = { .domid = domid };
	struct xl_bytes b = { XL_A_DOM_DATA, buf, size, 0 };
	int err;

	err = xl_request(c, XL_CMD_STORE_READ, xl_store_put, &a,
			 xl_bytes_parse, &b);
	return err ? err : (int)b.len;
}

static int xl_store_len_parse(struct xl_client *c, struct nlattr **tb,
			      void *arg)
{
	return xl_attr_u32(c, tb, XL_A_STORE_LEN, arg);
}

static int xl_ring_write(struct xl_client *c, uint8_t cmd, uint32_t domid,
			 const void *buf, size_t len)
{
	struct xl_store_args a = { .domid = domid, .data = buf, .len = len };
	uint32_t done = 0;
	int err;

	if (!len || len > XL_STORE_CHUNK)
		return -EINVAL;
	err = xl_request(c, cmd, xl_store_put, &a, xl_store_len_parse, &done);
	if (err)
		return err;
	return done > len ? -XL_ERR_PROTO : (int)done;
}

int xl_store_write(struct xl_client *c, uint32_t domid, const void *buf,
		   size_t len)
{
	return xl_ring_write(c, XL_CMD_STORE_WRITE, domid, buf, len);
}

int xl_console_write(struct xl_client *c, uint32_t domid, const void *buf,
		     size_t len)
{
	return xl_ring_write(c, XL_CMD_CONSOLE_WRITE, domid, buf, len);
}

int xl_store_pending(struct xl_client *c, uint32_t *ids, size_t max)
{
	struct xl_bytes b = { XL_A_STORE_DOMIDS, ids, max * sizeof(*ids), 0 };
	int err;

	err = xl_request(c, XL_CMD_STORE_PENDING, NULL, NULL, xl_bytes_parse,
			 &b);
	if (err)
		return err;
	if (b.len % sizeof(*ids))
		return -XL_ERR_PROTO;
	return (int)(b.len / sizeof(*ids));
}
