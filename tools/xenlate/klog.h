/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel log since a mark: a module that fails to load says why in
 * the kernel log, and the CLI shows that line instead of "see dmesg".
 */
#ifndef XL_KLOG_H
#define XL_KLOG_H

#include <stddef.h>

struct xl_klog {
	int fd;		/* /dev/kmsg positioned at the mark, or -1 */
};

/* Mark the end of the log; later lines are the ones of interest. */
void xl_klog_mark(struct xl_klog *k);

/*
 * The line (from one of our modules) that best explains a failure, among
 * those logged since the mark; NULL if there is none or the log cannot be
 * read (no /dev/kmsg, dmesg_restrict).  Consumes the lines read.
 */
const char *xl_klog_reason(struct xl_klog *k, char *buf, size_t size);

void xl_klog_close(struct xl_klog *k);

#endif
