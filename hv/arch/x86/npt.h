/* SPDX-License-Identifier: GPL-2.0 */
#ifndef X86_NPT_H
#define X86_NPT_H

#include "pgtable.h"
#include <xenlate/boot.h>

/*
 * Map guest-physical = host-physical for [0, 4 GiB) and for each range of
 * @r above 4 GiB (clipped at @phys_top), read-write-execute, then unmap
 * the @nr_holes ranges of @hole_size bytes at @hole.  0 or -ENOMEM.
 */
int npt_build_identity(struct pt *npt, const struct xl_mem_range *r,
		       u32 nr, u64 phys_top, const u64 *hole, u32 nr_holes,
		       u64 hole_size);

#endif
