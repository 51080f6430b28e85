/* SPDX-License-Identifier: GPL-2.0 */
/* Exit handlers, one file per concern, dispatched from exit.c. */
#ifndef X86_EXITS_H
#define X86_EXITS_H

#include "cpu.h"

void handle_cpuid(struct hv_cpu *c);	/* cpuid.c */
void handle_msr(struct hv_cpu *c);	/* msr_exit.c */
/* npf.c: true when apic_emul.c took it (a guarded APIC or IOAPIC page). */
bool handle_npf(struct hv_cpu *c);
void handle_ioio(struct hv_cpu *c);	/* npf.c: port protection */

/*
 * irq.c: external interrupts go in through V_IRQ, never EVENTINJ (see
 * there); what was offered and not taken comes back at the next exit.
 */
void vintr_offer(struct vmcb_control *ctl, u8 vector);
void vintr_window(struct vmcb_control *ctl);
bool vintr_open(const struct vmcb_control *ctl, const struct vmcb_save *s);
void dom0_inject(struct hv_cpu *c);
void dom0_intr_cut_short(struct hv_cpu *c, u8 vector, bool delivered);
void dom0_virq_exit(struct hv_cpu *c);

bool skip_insn(struct hv_cpu *c, int expected);
bool log_allowed(u64 *count);

#endif
