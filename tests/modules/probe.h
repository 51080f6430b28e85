/* SPDX-License-Identifier: GPL-2.0 */
/*
 * xenlate_probe: a hostile Dom0 module for the tests.  Each probe tries
 * something the hypervisor must refuse and reports whether it was.
 */
#ifndef XENLATE_PROBE_H
#define XENLATE_PROBE_H

#include <linux/types.h>

/* probe_access.c: 0 when the access went through, -EFAULT on a fault. */
int probe_read64(const void *p, u64 *val);
int probe_write32(void *p, u32 v);

/* Each returns 0 when the hypervisor refused, -EIO when it got through. */
int probe_hv_read(void);
int probe_hv_write(void);
int probe_efer(void);
int probe_svm_msrs(void);
int probe_svm_insns(void);
int probe_msr_outside(void);
int probe_crash_refused(void);
/* probe_apic.c: only while a guest exists are these refused. */
int probe_init_each(void);
int probe_init_others(void);
int probe_sipi(void);
int probe_apic_base(void);
int probe_apic_id(void);
int probe_ioapic_init(void);
int probe_msi_init(void);
int probe_apic_badform(void);
/* probe_guest.c: a guest's pattern in any page Dom0 can read. */
int probe_guest_mem(void);
int probe_crash_file_create(void);
void probe_crash_file_remove(void);

#endif
