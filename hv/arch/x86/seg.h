/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Segment state for the VMCB, read from a descriptor table.  QEMU does not
 * check VMCB segment attributes (SUBSTRATE.md), so they must be right.
 */
#ifndef X86_SEG_H
#define X86_SEG_H

#include "vmcb.h"

/*
 * Fill @s for @selector from the GDT at @gdt_base with @gdt_limit.  A null
 * selector or one beyond the limit gives an unusable (zero) segment.
 * System descriptors (TSS, LDT) are 16 bytes with a 64-bit base.
 */
void seg_from_gdt(struct vmcb_seg *s, u16 selector, u64 gdt_base,
		  u16 gdt_limit);

#endif
