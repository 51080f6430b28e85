/* SPDX-License-Identifier: GPL-2.0 */
#ifndef X86_APIC_EMUL_H
#define X86_APIC_EMUL_H

#include <hv/types.h>

struct hv_cpu;

/*
 * A nested page fault of Dom0's at @gpa with error code @err: if it is a
 * write to a guarded APIC or IOAPIC page, emulate (or refuse) it and
 * return true; else false, and the caller handles the fault.
 */
bool apic_emul_npf(struct hv_cpu *c, u64 gpa, u64 err);

#endif
