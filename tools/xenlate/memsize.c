// SPDX-License-Identifier: GPL-2.0
/*
 * Memory sizes on the command line, after xl's mem-set syntax.
 */
#include <ctype.h>
#include <errno.h>

#include "memsize.h"

#define XL_MEMSIZE_MAX_KB	(1ULL << 30)	/* 1 TiB */

int xl_memsize_kb(const char *s, uint64_t *kb, const char **why)
{
	uint64_t n = 0, bytes_per, max;
	const char *p = s;

	if (!isdigit((unsigned char)*p)) {
		*why = "not a size (a number, then b, k, m, g or t; MiB if none)";
		return -EINVAL;
	}
	for (; isdigit((unsigned char)*p); p++) {
		if (n > (UINT64_MAX - 9) / 10) {
			*why = "too large";
			return -EINVAL;
		}
		n = n * 10 + (uint64_t)(*p - '0');
	}
	switch (tolower((unsigned char)*p)) {
	case 'b': bytes_per = 1; break;
	case 'k': bytes_per = 1ULL << 10; break;
	case '\0':
	case 'm': bytes_per = 1ULL << 20; break;
	case 'g': bytes_per = 1ULL << 30; break;
	case 't': bytes_per = 1ULL << 40; break;
	default:
		*why = "unknown unit (b, k, m, g or t; MiB if none)";
		return -EINVAL;
	}
	if (*p && p[1]) {
		*why = "trailing characters after the unit";
		return -EINVAL;
	}
	max = (XL_MEMSIZE_MAX_KB << 10) / bytes_per;
	if (n > max) {
		*why = "too large (at most 1 TiB)";
		return -EINVAL;
	}
	n *= bytes_per;
	if (n % 4096) {
		*why = "not a whole number of 4 KiB pages";
		return -EINVAL;
	}
	*kb = n >> 10;
	return 0;
}
