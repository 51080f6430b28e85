/* SPDX-License-Identifier: GPL-2.0 */
/* What the architecture provides for serving Dom0. */
#ifndef HV_DOM0_H
#define HV_DOM0_H

#include <hv/types.h>
#include <xenlate/dom0ctl.h>

/* Copy to or from Dom0's guest-physical memory: 0 or -EFAULT. */
int copy_to_dom0(u64 gpa, const void *src, size_t len);
int copy_from_dom0(void *dst, u64 gpa, size_t len);
/* CPUs, exits and time for XL_CTL_INFO. */
void arch_fill_info(struct xl_ctl_info *info);
/* Leave the hypervisor on this CPU; returns only with an error. */
long arch_dom0_devirt(void);
/* A real fault in host mode, for testing the panic path. */
void arch_debug_crash(void);

/* XL_BOOT_* flags the loader gave (core/entry.c). */
extern u16 hv_boot_flags;

#endif
