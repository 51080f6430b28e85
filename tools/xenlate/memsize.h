/* SPDX-License-Identifier: GPL-2.0 */
/* Memory sizes on the command line (xenlate mem-set), pure. */
#ifndef XL_MEMSIZE_H
#define XL_MEMSIZE_H

#include <stdint.h>

/*
 * "512" (MiB, as xl's mem-set is used), or a number with one of the
 * suffixes b, k, m, g, t (either case).  The size must be a whole number
 * of 4 KiB pages and at most 1 TiB.  0 with *@kb set, or -EINVAL with
 * *@why saying what is wrong.
 */
int xl_memsize_kb(const char *s, uint64_t *kb, const char **why);

#endif
