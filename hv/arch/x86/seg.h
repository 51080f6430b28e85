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

void seg_set(struct vmcb_seg *s, u16 selector, u16 attrib, u32 limit,
	     u64 base);

/*
 * Flat 4 GiB segments at base 0: code with @cs_attrib (selector @cs_sel),
 * read/write data in SS, DS, ES, FS and GS (@ds_sel) and a 104-byte busy
 * 32-bit TSS (@tr_sel): the start states of PVH and of
 * VCPUOP_initialise's 64-bit layout.
 */
void seg_flat(struct vmcb_save *s, u16 cs_attrib, u16 cs_sel, u16 ds_sel,
	      u16 tr_sel);

/* Debug registers and PAT as after reset, and a null LDT. */
void seg_reset_rest(struct vmcb_save *s);

#endif
