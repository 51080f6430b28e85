// SPDX-License-Identifier: GPL-2.0
/* Segment descriptors to VMCB segment registers. */
#include "seg.h"

void seg_from_gdt(struct vmcb_seg *s, u16 selector, u64 gdt_base,
		  u16 gdt_limit)
{
	u16 index = selector & ~7;
	const u64 *gdt = (const u64 *)gdt_base;
	u64 d;
	u32 limit;

	s->selector = selector;
	s->attrib = 0;
	s->limit = 0;
	s->base = 0;
	/* Null selectors and LDT selectors (TI=1) are not ours to resolve. */
	if (!index || (selector & 4) || index + 7 > gdt_limit)
		return;
	d = gdt[index / 8];
	s->attrib = (u16)(((d >> 40) & 0xff) | (((d >> 52) & 0xf) << 8));
	limit = (u32)((d & 0xffff) | ((d >> 32) & 0xf0000));
	if (d & BIT(55))		/* G: 4 KiB granularity */
		limit = (limit << 12) | 0xfff;
	s->limit = limit;
	s->base = ((d >> 16) & 0xffffff) | (((d >> 56) & 0xff) << 24);
	/* S=0: a system descriptor, whose next 8 bytes hold base 63:32. */
	if (!(d & BIT(44)) && index + 15 <= gdt_limit)
		s->base |= (gdt[index / 8 + 1] & 0xffffffffULL) << 32;
}

void seg_set(struct vmcb_seg *s, u16 selector, u16 attrib, u32 limit,
	     u64 base)
{
	s->selector = selector;
	s->attrib = attrib;
	s->limit = limit;
	s->base = base;
}

void seg_flat(struct vmcb_save *s, u16 cs_attrib, u16 cs_sel, u16 ds_sel,
	      u16 tr_sel)
{
	seg_set(&s->cs, cs_sel, cs_attrib, 0xffffffff, 0);
	seg_set(&s->ss, ds_sel, 0xc93, 0xffffffff, 0);
	seg_set(&s->ds, ds_sel, 0xc93, 0xffffffff, 0);
	seg_set(&s->es, ds_sel, 0xc93, 0xffffffff, 0);
	seg_set(&s->fs, ds_sel, 0xc93, 0xffffffff, 0);
	seg_set(&s->gs, ds_sel, 0xc93, 0xffffffff, 0);
	seg_set(&s->tr, tr_sel, 0x08b, 0x67, 0);
}

void seg_reset_rest(struct vmcb_save *s)
{
	seg_set(&s->ldtr, 0, 0x082, 0, 0);
	s->dr6 = 0xffff0ff0;
	s->dr7 = 0x400;
	s->g_pat = 0x0007040600070406ULL;
}
