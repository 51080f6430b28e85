// SPDX-License-Identifier: GPL-2.0
/*
 * Reading /dev/kmsg from a mark.  /dev/kmsg rather than klogctl(): it can
 * be positioned at the end before the load, so a stale reason from an
 * earlier attempt is never shown.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "klog.h"
#include "kmsg_parse.h"

/* Records are at most about 1 KiB; more than any one read returns. */
#define XL_KMSG_REC_MAX		8192
/* Bound the scan if something floods the log meanwhile. */
#define XL_KMSG_MAX_RECS	100000

void xl_klog_mark(struct xl_klog *k)
{
	k->fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (k->fd >= 0 && lseek(k->fd, 0, SEEK_END) < 0) {
		close(k->fd);
		k->fd = -1;
	}
}

const char *xl_klog_reason(struct xl_klog *k, char *buf, size_t size)
{
	char rec[XL_KMSG_REC_MAX];
	struct xl_kmsg_rec r;
	int best = -1, rank, i;
	ssize_t n;

	if (k->fd < 0 || !size)
		return NULL;
	for (i = 0; i < XL_KMSG_MAX_RECS; i++) {
		n = read(k->fd, rec, sizeof(rec));
		if (n < 0 && (errno == EPIPE || errno == EINTR))
			continue;	/* EPIPE: overwritten, go on */
		if (n <= 0)
			break;		/* EAGAIN: caught up */
		if (xl_kmsg_parse(rec, (size_t)n, &r))
			continue;
		rank = xl_kmsg_rank(&r);
		if (rank < 0 || rank < best)
			continue;
		best = rank;
		snprintf(buf, size, "%.*s", (int)r.text_len, r.text);
	}
	return best < 0 ? NULL : buf;
}

void xl_klog_close(struct xl_klog *k)
{
	if (k->fd >= 0)
		close(k->fd);
	k->fd = -1;
}
