/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copying between a hypervisor buffer and memory reached one page at a
 * time through a lookup (a guest's virtual addresses, Dom0's physical
 * ones): the loop is the same, only the lookup differs.
 */
#ifndef HV_COPY_PAGED_H
#define HV_COPY_PAGED_H

#include <hv/types.h>

/*
 * Where [@addr, @addr + @len) lives in the hypervisor's view, the range
 * never crossing a page; NULL when it is not reachable (or, with @write,
 * not writable).
 */
typedef void *(*page_lookup_fn)(void *ctx, u64 addr, u64 len, bool write);

/* 0, or -EFAULT at the first page @lookup refuses (some bytes may be done). */
int copy_paged(page_lookup_fn lookup, void *ctx, u64 addr, void *buf,
	       u64 len, bool to_mem);

#endif
