// SPDX-License-Identifier: GPL-2.0
/*
 * The netlink socket, the family lookup and the request/reply exchange
 * that every command of the client library goes through.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <linux/netlink.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/netlink.h>

#include "xl_client.h"
#include "xl_priv.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK		270
#endif

/*
 * A request waits at most this long for its reply, so a wedged kernel
 * side turns into an error instead of a hung CLI or xentop.
 */
#define XL_REPLY_TIMEOUT_S	30

struct xl_req_ctx {
	struct xl_client *c;
	uint8_t cmd;
	xl_parse_fn parse;
	void *arg;
	int err;		/* first failure: the kernel's or parsing's */
	int replies;
	int done;		/* the ack or the error has arrived */
};

/* libnl reports its own codes; the library speaks errno and XL_ERR_*. */
static int xl_from_nlerr(struct xl_client *c, int nlerr)
{
	switch (nlerr < 0 ? -nlerr : nlerr) {
	case NLE_NOMEM:
		return -ENOMEM;
	case NLE_PERM:
	case NLE_NOACCESS:
		return -EPERM;
	case NLE_AGAIN:
		return -ETIMEDOUT;	/* SO_RCVTIMEO expired */
	case NLE_AF_NOSUPPORT:
	case NLE_PROTO_MISMATCH:
		return -EAFNOSUPPORT;
	}
	if (c)
		xl_set_detail(c, "%s", nl_geterror(nlerr));
	return -XL_ERR_NETLINK;
}

static int xl_resolve(struct xl_client *c)
{
	int id = genl_ctrl_resolve(c->sk, XL_GENL_NAME);

	if (id == -NLE_OBJ_NOTFOUND)
		return -XL_ERR_NOT_LOADED;
	if (id < 0)
		return xl_from_nlerr(c, id);
	c->family = id;
	return 0;
}

static void xl_socket_setup(struct xl_client *c)
{
	struct timeval tv = { .tv_sec = XL_REPLY_TIMEOUT_S };
	int fd = nl_socket_get_fd(c->sk);
	int one = 1;

	/* Replies (log chunks) can exceed libnl's default buffer. */
	nl_socket_enable_msg_peek(c->sk);
	/*
	 * Best effort: the kernel's error strings make better messages, and
	 * without our request echoed back the error stays small.
	 */
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
}

int xl_open(struct xl_client **out)
{
	struct xl_client *c;
	int err;

	*out = NULL;
	c = calloc(1, sizeof(*c));
	if (!c)
		return -ENOMEM;
	c->sk = nl_socket_alloc();
	if (!c->sk) {
		free(c);
		return -ENOMEM;
	}
	err = genl_connect(c->sk);
	if (err < 0) {
		err = xl_from_nlerr(c, err);
		goto fail;
	}
	xl_socket_setup(c);
	err = xl_resolve(c);
	if (err < 0)
		goto fail;
	*out = c;
	return 0;
fail:
	xl_close(c);
	return err;
}

void xl_close(struct xl_client *c)
{
	if (!c)
		return;
	nl_socket_free(c->sk);
	free(c);
}

/* The kernel's extended-ack message, if the error carries one. */
static void xl_extack(struct xl_client *c, const struct nlmsgerr *e)
{
	const struct nlmsghdr *nlh =
		(const void *)((const char *)e - NLMSG_HDRLEN);
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	size_t off = sizeof(*e);
	size_t total = nlh->nlmsg_len;
	const char *msg;
	int len;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED)) {
		/* Our request is echoed between the header and the TLVs. */
		if (e->msg.nlmsg_len < NLMSG_HDRLEN ||
		    e->msg.nlmsg_len > total)
			return;
		off += e->msg.nlmsg_len - NLMSG_HDRLEN;
	}
	off = NLMSG_HDRLEN + NLMSG_ALIGN(off);
	if (off >= total)
		return;
	if (nla_parse(tb, NLMSGERR_ATTR_MAX,
		      (struct nlattr *)((char *)nlh + off),
		      (int)(total - off), NULL) < 0)
		return;
	if (!tb[NLMSGERR_ATTR_MSG])
		return;
	msg = nla_data(tb[NLMSGERR_ATTR_MSG]);
	len = (int)strnlen(msg, nla_len(tb[NLMSGERR_ATTR_MSG]));
	xl_set_detail(c, "%.*s", len, msg);
}

static int xl_on_error(struct sockaddr_nl *nla, struct nlmsgerr *e,
		       void *arg)
{
	struct xl_req_ctx *ctx = arg;

	(void)nla;
	ctx->done = 1;
	if (!ctx->err) {
		ctx->err = e->error < 0 ? e->error : -EIO;
		xl_extack(ctx->c, e);
	}
	return NL_STOP;
}

static int xl_on_ack(struct nl_msg *msg, void *arg)
{
	struct xl_req_ctx *ctx = arg;

	(void)msg;
	ctx->done = 1;
	return NL_STOP;
}

static int xl_on_valid(struct nl_msg *msg, void *arg)
{
	struct xl_req_ctx *ctx = arg;
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct nlattr *tb[XL_A_MAX + 1];
	int err;

	if (ctx->err)
		return NL_OK;	/* keep reading until the ack */
	if (nlh->nlmsg_type != ctx->c->family || !genlmsg_valid_hdr(nlh, 0) ||
	    genlmsg_hdr(nlh)->cmd != ctx->cmd) {
		xl_set_detail(ctx->c, "unexpected message in reply");
		ctx->err = -XL_ERR_PROTO;
		return NL_OK;
	}
	if (ctx->replies++) {
		xl_set_detail(ctx->c, "more than one reply");
		ctx->err = -XL_ERR_PROTO;
		return NL_OK;
	}
	err = genlmsg_parse(nlh, 0, tb, XL_A_MAX, NULL);
	if (err < 0) {
		xl_set_detail(ctx->c, "bad attributes: %s", nl_geterror(err));
		ctx->err = -XL_ERR_PROTO;
		return NL_OK;
	}
	ctx->c->reply = nlh;
	ctx->err = ctx->parse(ctx->c, tb, ctx->arg);
	ctx->c->reply = NULL;
	return NL_OK;
}

static int xl_exchange(struct xl_req_ctx *ctx, struct nl_msg *msg)
{
	struct xl_client *c = ctx->c;
	struct nl_cb *cb;
	int err;

	cb = nl_cb_alloc(NL_CB_DEFAULT);
	if (!cb)
		return -ENOMEM;
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, xl_on_valid, ctx);
	nl_cb_set(cb, NL_CB_ACK, NL_CB_CUSTOM, xl_on_ack, ctx);
	nl_cb_err(cb, NL_CB_CUSTOM, xl_on_error, ctx);

	err = nl_send_auto(c->sk, msg);
	if (err < 0) {
		err = xl_from_nlerr(c, err);
		goto out;
	}
	err = 0;
	while (!ctx->done) {
		err = nl_recvmsgs(c->sk, cb);
		if (err < 0 && !ctx->done) {
			err = xl_from_nlerr(c, err);
			goto out;
		}
	}
	if (ctx->err) {
		err = ctx->err;
	} else if (ctx->replies != 1) {
		xl_set_detail(c, "no reply");
		err = -XL_ERR_PROTO;
	} else {
		err = 0;
	}
out:
	nl_cb_put(cb);
	return err;
}

static int xl_request_once(struct xl_client *c, uint8_t cmd, xl_put_fn put,
			   const void *put_arg, xl_parse_fn parse,
			   void *parse_arg)
{
	struct xl_req_ctx ctx = {
		.c = c, .cmd = cmd, .parse = parse, .arg = parse_arg,
	};
	struct nl_msg *msg;
	int err = 0;

	c->detail[0] = '\0';
	/* Room for the largest request: a builder write. */
	msg = nlmsg_alloc_size(XL_DOM_WRITE_MAX + 4096);
	if (!msg)
		return -ENOMEM;
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, c->family, 0,
			 NLM_F_REQUEST | NLM_F_ACK, cmd, XL_GENL_VERSION))
		err = -ENOMEM;
	if (!err && put)
		err = put(msg, put_arg);
	if (!err)
		err = xl_exchange(&ctx, msg);
	nlmsg_free(msg);
	return err;
}

int xl_request(struct xl_client *c, uint8_t cmd, xl_put_fn put,
	       const void *put_arg, xl_parse_fn parse, void *parse_arg)
{
	int old = c->family;
	int err;

	err = xl_request_once(c, cmd, put, put_arg, parse, parse_arg);
	if (err != -ENOENT)
		return err;

	/*
	 * The family id we hold is unknown: the modules were unloaded, and
	 * maybe loaded again under a new id (xentop keeps its client).
	 */
	err = xl_resolve(c);
	if (err < 0)
		return err;
	if (c->family == old)
		return -ENOENT;
	return xl_request_once(c, cmd, put, put_arg, parse, parse_arg);
}
