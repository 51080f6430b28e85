/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pure formatting helpers shared by the CLI and xentop.  Both follow
 * snprintf(): they return the length the full text needs, write at most
 * @size bytes and always NUL-terminate when @size > 0.
 */
#ifndef XL_FMT_H
#define XL_FMT_H

#include <stddef.h>
#include <stdint.h>

/* 83 -> "1m23s", 7 -> "7s", 3600 -> "1h0m0s", 90061 -> "1d1h1m1s". */
int xl_fmt_duration(char *buf, size_t size, uint64_t seconds);

/*
 * The set bits among the first @nbits of @mask as a Linux CPU list:
 * "0-3,6,8-9"; "" when none is set.
 */
int xl_fmt_cpulist(char *buf, size_t size, const uint64_t *mask,
		   unsigned int nbits);

#endif
