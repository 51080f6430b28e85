// SPDX-License-Identifier: GPL-2.0
/* A copy split at page boundaries, each page found through a lookup. */
#include <hv/copy_paged.h>
#include <hv/mm.h>
#include <hv/lib.h>
#include <hv/errno.h>

int copy_paged(page_lookup_fn lookup, void *ctx, u64 addr, void *buf,
	       u64 len, bool to_mem)
{
	u8 *b = buf;

	if (addr + len < addr)
		return -EFAULT;
	while (len) {
		u64 part = MIN(len, PAGE_SIZE - (addr & (PAGE_SIZE - 1)));
		u8 *p = lookup(ctx, addr, part, to_mem);

		if (!p)
			return -EFAULT;
		if (to_mem)
			memcpy(p, b, part);
		else
			memcpy(b, p, part);
		b += part;
		addr += part;
		len -= part;
	}
	return 0;
}
