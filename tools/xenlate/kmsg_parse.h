/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Parsing /dev/kmsg records, to find the line in which a module says why
 * it failed.  Pure: unit tested on the host.
 */
#ifndef XL_KMSG_PARSE_H
#define XL_KMSG_PARSE_H

#include <stddef.h>

struct xl_kmsg_rec {
	int level;		/* 0 (emerg) .. 7 (debug) */
	const char *text;	/* inside the record, not NUL-terminated */
	size_t text_len;
};

/*
 * One record as read(2) from /dev/kmsg: "PRI,SEQ,USEC,FLAGS[,...];TEXT\n"
 * followed by optional " KEY=VALUE\n" lines.  Returns 0 or -EINVAL.
 */
int xl_kmsg_parse(const char *rec, size_t len, struct xl_kmsg_rec *out);

/*
 * How well @r explains a failure of one of our modules: -1 if it is not
 * from one ("xenlate:" or "xenlate_<name>:"), 2 for an error or worse,
 * 1 for a warning, 0 otherwise.  The reason is the last record of the
 * highest rank.
 */
int xl_kmsg_rank(const struct xl_kmsg_rec *r);

#endif
