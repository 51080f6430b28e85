/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal helpers of the domain builder's parsers: error text, bounds
 * checks and little-endian reads.  Every byte these parsers read comes
 * from a file a user handed us, so nothing is read through a cast pointer
 * (the file need not be aligned) and no sum is computed unchecked.
 */
#ifndef XL_BLD_UTIL_H
#define XL_BLD_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Write one line of printf-style text into @err (if @errsize > 0), never
 * print.  Returns @ret so that callers can "return xl_bld_err(...)".
 */
int xl_bld_err(char *err, size_t errsize, int ret, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Does [@off, @off + @size) lie inside a buffer of @len bytes? */
static inline bool xl_in_bounds(uint64_t off, uint64_t size, uint64_t len)
{
	return off <= len && size <= len - off;
}

/* Little-endian unsigned value of @n (1..8) bytes at @p. */
static inline uint64_t xl_rd_le(const uint8_t *p, size_t n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

static inline uint32_t xl_rd32(const uint8_t *p)
{
	return (uint32_t)xl_rd_le(p, 4);
}

static inline uint16_t xl_rd16(const uint8_t *p)
{
	return (uint16_t)xl_rd_le(p, 2);
}

/*
 * Field @f of the on-disk structure @type (from <elf.h>, <asm/bootparam.h>)
 * read at @base: offsets and widths come from the system's definitions,
 * not from numbers typed here.
 */
#define XL_RD_FIELD(base, type, f)					\
	xl_rd_le((const uint8_t *)(base) + offsetof(type, f),		\
		 sizeof(((type *)0)->f))

#endif
