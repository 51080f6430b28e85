// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/kmsg record parsing (see kmsg_parse.h).
 */
#include <errno.h>
#include <string.h>

#include "kmsg_parse.h"

int xl_kmsg_parse(const char *rec, size_t len, struct xl_kmsg_rec *out)
{
	const char *semi, *nl;
	unsigned int pri = 0;
	size_t i;

	/* The prefix is facility << 3 | level, in decimal. */
	for (i = 0; i < len && rec[i] >= '0' && rec[i] <= '9'; i++) {
		if (pri > 100000)
			return -EINVAL;
		pri = pri * 10 + (unsigned int)(rec[i] - '0');
	}
	if (i == 0 || i >= len || rec[i] != ',')
		return -EINVAL;
	semi = memchr(rec, ';', len);
	if (!semi)
		return -EINVAL;
	out->level = (int)(pri & 7);
	out->text = semi + 1;
	out->text_len = len - (size_t)(out->text - rec);
	nl = memchr(out->text, '\n', out->text_len);
	if (nl)
		out->text_len = (size_t)(nl - out->text);
	return 0;
}

static int xl_kmsg_ours(const char *t, size_t len)
{
	static const char name[] = "xenlate";
	size_t i = sizeof(name) - 1;

	if (len <= i || memcmp(t, name, i))
		return 0;
	if (t[i] == '_') {
		/* A module of the project: xenlate_dom0 and its successors. */
		for (i++; i < len && ((t[i] >= 'a' && t[i] <= 'z') ||
				      (t[i] >= '0' && t[i] <= '9') ||
				      t[i] == '_'); i++)
			;
	}
	return i < len && t[i] == ':';
}

int xl_kmsg_rank(const struct xl_kmsg_rec *r)
{
	if (!xl_kmsg_ours(r->text, r->text_len))
		return -1;
	if (r->level <= 3)
		return 2;
	return r->level == 4 ? 1 : 0;
}
