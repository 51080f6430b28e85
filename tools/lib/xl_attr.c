// SPDX-License-Identifier: GPL-2.0
/*
 * Reading reply attributes.  The kernel side is trusted to be well formed
 * but not to be the same build: sizes are checked exactly and strings are
 * made printable, so a mismatch becomes an error, never garbage.
 */
#include <string.h>

#include <netlink/genl/genl.h>

#include "xl_client.h"
#include "xl_priv.h"

static struct nlattr *xl_attr_get(struct xl_client *c, struct nlattr **tb,
				  int type, int len)
{
	if (!tb[type]) {
		xl_set_detail(c, "reply lacks attribute %d", type);
		return NULL;
	}
	if (len >= 0 && nla_len(tb[type]) != len) {
		xl_set_detail(c, "attribute %d has %d bytes, expected %d",
			      type, nla_len(tb[type]), len);
		return NULL;
	}
	return tb[type];
}

int xl_attr_u32(struct xl_client *c, struct nlattr **tb, int type,
		uint32_t *v)
{
	struct nlattr *a = xl_attr_get(c, tb, type, sizeof(*v));

	if (!a)
		return -XL_ERR_PROTO;
	*v = nla_get_u32(a);
	return 0;
}

int xl_attr_u64(struct xl_client *c, struct nlattr **tb, int type,
		uint64_t *v)
{
	struct nlattr *a = xl_attr_get(c, tb, type, sizeof(*v));

	if (!a)
		return -XL_ERR_PROTO;
	*v = nla_get_u64(a);
	return 0;
}

/* Truncates to @size; replaces control characters with '?'. */
int xl_attr_str(struct xl_client *c, struct nlattr **tb, int type,
		char *buf, size_t size)
{
	struct nlattr *a = xl_attr_get(c, tb, type, -1);
	const unsigned char *s;
	size_t len, i;

	if (!a)
		return -XL_ERR_PROTO;
	if (!size)
		return -XL_ERR_TOOBIG;
	s = nla_data(a);
	len = strnlen((const char *)s, nla_len(a));
	if (len == (size_t)nla_len(a)) {
		xl_set_detail(c, "attribute %d is not a string", type);
		return -XL_ERR_PROTO;
	}
	if (len >= size)
		len = size - 1;
	for (i = 0; i < len; i++)
		buf[i] = (s[i] < 0x20 || s[i] == 0x7f) ? '?' : (char)s[i];
	buf[len] = '\0';
	return 0;
}

int xl_reply_nests(struct xl_client *c, int type, size_t max, xl_nest_fn one,
		   void *arg)
{
	struct genlmsghdr *g = nlmsg_data(c->reply);
	struct nlattr *tb[XL_A_MAX + 1], *a;
	size_t nr = 0;
	int rem, err;

	nla_for_each_attr(a, genlmsg_attrdata(g, 0), genlmsg_attrlen(g, 0),
			  rem) {
		if (nla_type(a) != type)
			continue;
		if (nr == max)
			return -XL_ERR_TOOBIG;
		if (nla_parse_nested(tb, XL_A_MAX, a, NULL) < 0) {
			xl_set_detail(c, "bad attributes in nest %d", type);
			return -XL_ERR_PROTO;
		}
		err = one(c, tb, nr, arg);
		if (err)
			return err;
		nr++;
	}
	return (int)nr;
}
