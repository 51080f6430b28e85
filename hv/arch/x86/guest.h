/* SPDX-License-Identifier: GPL-2.0 */
/* Exits of guest vCPUs: handlers, one file per concern. */
#ifndef X86_GUEST_H
#define X86_GUEST_H

#include "cpu.h"
#include "vcpu.h"

void guest_handle_exit(struct hv_cpu *c, struct vcpu *v);
void guest_inject(struct hv_cpu *c, struct vcpu *v);
/* guest_resume.c: keep the state a VMRUN starts from; repair a loss. */
void guest_resume_save(struct hv_cpu *c, struct vcpu *v);
bool guest_resume_repair(struct hv_cpu *c, struct vcpu *v, u32 code);
void dom0_resume_reset(struct hv_cpu *c);	/* at each launch */
void dom0_resume_save(struct hv_cpu *c);
bool dom0_resume_repair(struct hv_cpu *c, u32 code);
/* guest_cpuid.c, guest_msr.c, vcpu.c */
void guest_cpuid(struct vcpu *v, u32 leaf, u32 sub, u32 r[4]);
void guest_msr(struct hv_cpu *c, struct vcpu *v);
bool guest_xsave_ok(void);
/* Move past the instruction at RIP if it is @op; else #UD and false. */
bool guest_skip(struct hv_cpu *c, struct vcpu *v, int op);
void guest_inject_gp(struct hv_cpu *c);
void guest_inject_ud(struct hv_cpu *c);

#endif
