// SPDX-License-Identifier: GPL-2.0
/*
 * Pure formatting helpers (see xl_fmt.h).  No I/O, no allocation: unit
 * tested on the host.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

#include "xl_fmt.h"

/*
 * Append to @buf, which already needs @used bytes, with snprintf()
 * semantics: returns the new total length, truncates silently.
 */
__attribute__((format(printf, 4, 5)))
static int xl_append(char *buf, size_t size, int used, const char *fmt, ...)
{
	size_t off = (size_t)used < size ? (size_t)used : size;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(size ? buf + off : NULL, size - off, fmt, ap);
	va_end(ap);
	return n < 0 ? used : used + n;
}

int xl_fmt_duration(char *buf, size_t size, uint64_t seconds)
{
	uint64_t d = seconds / 86400;
	uint64_t h = seconds / 3600 % 24;
	uint64_t m = seconds / 60 % 60;
	uint64_t s = seconds % 60;
	int n = 0;

	if (!buf)
		size = 0;
	if (size)
		buf[0] = '\0';
	/* Leading zero units are left out, inner ones kept: 1h0m5s. */
	if (d)
		n = xl_append(buf, size, n, "%" PRIu64 "d", d);
	if (d || h)
		n = xl_append(buf, size, n, "%" PRIu64 "h", h);
	if (d || h || m)
		n = xl_append(buf, size, n, "%" PRIu64 "m", m);
	return xl_append(buf, size, n, "%" PRIu64 "s", s);
}

static int xl_bit(const uint64_t *mask, unsigned int i)
{
	return (mask[i / 64] >> (i % 64)) & 1;
}

int xl_fmt_cpulist(char *buf, size_t size, const uint64_t *mask,
		   unsigned int nbits)
{
	unsigned int i, first;
	int n = 0;

	if (!buf)
		size = 0;
	if (size)
		buf[0] = '\0';
	for (i = 0; i < nbits; i++) {
		if (!xl_bit(mask, i))
			continue;
		first = i;
		while (i + 1 < nbits && xl_bit(mask, i + 1))
			i++;
		if (first == i)
			n = xl_append(buf, size, n, "%s%u", n ? "," : "", i);
		else
			n = xl_append(buf, size, n, "%s%u-%u", n ? "," : "",
				      first, i);
	}
	return n;
}
