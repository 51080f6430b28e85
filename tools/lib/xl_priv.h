/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internals shared by the files of the client library.
 */
#ifndef XL_PRIV_H
#define XL_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include <netlink/attr.h>
#include <netlink/msg.h>

#include <xenlate/genl.h>

struct xl_dmesg_chunk;

struct xl_client {
	struct nl_sock *sk;
	int family;
	char detail[256];
	/* The reply being parsed, for repeated attributes (tb keeps one). */
	struct nlmsghdr *reply;
};

/* Adds a request's attributes; returns 0 or a negative error. */
typedef int (*xl_put_fn)(struct nl_msg *msg, const void *arg);

/*
 * Parses the attributes (tb[0..XL_A_MAX]) of the single reply; returns 0
 * or a negative error.
 */
typedef int (*xl_parse_fn)(struct xl_client *c, struct nlattr **tb,
			   void *arg);

int xl_request(struct xl_client *c, uint8_t cmd, xl_put_fn put,
	       const void *put_arg, xl_parse_fn parse, void *parse_arg);

void xl_set_detail(struct xl_client *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Attribute readers: exact sizes, -XL_ERR_PROTO and a detail if not. */
int xl_attr_u32(struct xl_client *c, struct nlattr **tb, int type,
		uint32_t *v);
int xl_attr_u64(struct xl_client *c, struct nlattr **tb, int type,
		uint64_t *v);
/* Requests naming one domain: put a u32 XL_A_DOM_ID ... */
int xl_id_put(struct nl_msg *msg, const void *arg);
/* ... and replies echoing it: parse it into a uint32_t. */
int xl_domid_parse(struct xl_client *c, struct nlattr **tb, void *arg);

/*
 * One chunk of a byte log (the hypervisor's, a domain's console) from a
 * reply to a request for byte @seq: XL_A_LOG_DATA copied to @buf (at most
 * @size bytes), XL_A_LOG_SEQ and XL_A_LOG_DROPPED into @out.
 */
int xl_log_chunk_parse(struct xl_client *c, struct nlattr **tb, uint64_t seq,
		       void *buf, size_t size, struct xl_dmesg_chunk *out);

int xl_attr_str(struct xl_client *c, struct nlattr **tb, int type,
		char *buf, size_t size);

/* XL_CMD_INFO's reply parser: exported for tests/unit/test_xl_info.c. */
int xl_info_parse(struct xl_client *c, struct nlattr **tb, void *arg);

/*
 * For replies that repeat a nested attribute (XL_A_DOM, XL_A_VCPU; tb
 * keeps only the last): parse each @type nest into tb and call @one with
 * its index, at most @max of them (-XL_ERR_TOOBIG beyond).  Returns how
 * many, or the first error.
 */
typedef int (*xl_nest_fn)(struct xl_client *c, struct nlattr **tb,
			  size_t index, void *arg);
int xl_reply_nests(struct xl_client *c, int type, size_t max, xl_nest_fn one,
		   void *arg);

#endif
