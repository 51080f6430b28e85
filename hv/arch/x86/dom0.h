/* SPDX-License-Identifier: GPL-2.0 */
#ifndef X86_DOM0_H
#define X86_DOM0_H

#include <hv/types.h>
#include <xenlate/boot.h>

extern u8 *dom0_msrpm, *dom0_iopm;
extern u64 dom0_msrpm_pa, dom0_iopm_pa;

int dom0_init(const struct xl_boot_info *bi);
/* msrpm.c: byte and bit of @msr's read bit, or -ERANGE outside the map. */
int msrpm_offset(u32 msr, u32 *byte, u32 *bit);
void msrpm_set(u8 *pm, u32 msr, bool read, bool write);

#endif
