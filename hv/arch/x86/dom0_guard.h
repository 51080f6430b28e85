/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The guard on Dom0's interrupt controllers (DESIGN decision 11): while
 * guest domains exist (or always, or never: dom0_apic=), Dom0's local
 * APIC page and its IOAPIC pages are read-only in its nested page tables,
 * so each write faults and apic_emul.c checks it.  Reads stay direct.
 */
#ifndef X86_DOM0_GUARD_H
#define X86_DOM0_GUARD_H

#include <hv/types.h>
#include <xenlate/boot.h>

struct hv_cpu;

enum guard_dev { GUARD_NONE, GUARD_LAPIC, GUARD_IOAPIC };

int dom0_guard_init(const struct xl_boot_info *bi);
/*
 * A guest domain comes / goes (under the domctl lock).  get returns a
 * Dom0 TLB generation every CPU must reach before the guard holds (0:
 * nothing changed), or a negative errno when the tables need memory.
 */
s64 dom0_guard_get(void);
void dom0_guard_put(void);
/* Are writes checked now?  (A stale read-only TLB entry may still trap
 * after the guard is lifted: then the write passes unchecked.) */
bool dom0_guarded(void);
/* Which trapped page @gpa is in; *@ioapic is the IOAPIC's index. */
enum guard_dev dom0_guard_which(u64 gpa, u32 *ioapic);
volatile u8 *dom0_guard_ioapic_va(u32 ioapic);
u64 dom0_guard_lapic_pa(void);
/*
 * This CPU's APIC ID and LDR as its registers hold them, kept for the
 * ICR check on the other CPUs: at launch, at each Dom0 TLB generation
 * (so a change made while the guard was off is seen before it holds)
 * and at every trapped write to them.
 */
void dom0_guard_snapshot(struct hv_cpu *c);

#endif
