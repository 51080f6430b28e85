/* SPDX-License-Identifier: GPL-2.0 */
/* A vCPU's x86 state: what the VMCB does not hold, and the VMCB. */
#ifndef X86_VCPU_H
#define X86_VCPU_H

#include <hv/vcpu.h>
#include "vmcb.h"

#define FPU_AREA_OFFSET		256
#define FPU_AREA_SIZE		(PAGE_SIZE - FPU_AREA_OFFSET)

struct arch_vcpu {
	u64 gpr[16];		/* rax and rsp unused: in the VMCB */
	struct vmcb *vmcb;
	u64 vmcb_pa;
	u64 xcr0;
	bool own_vmcb;		/* a guest's, freed with it */
	u8 pad[FPU_AREA_OFFSET - 128 - 8 * 3 - 8];
	u8 fpu[FPU_AREA_SIZE] __aligned(64);
};

_Static_assert(sizeof(struct arch_vcpu) == PAGE_SIZE, "one page");

static inline struct vmcb *vcpu_vmcb(struct vcpu *v)
{
	return v->arch->vmcb;
}

int vcpu_fpu_init(void);
/* Dom0's vCPU of a CPU, around the VMCB launch filled in. */
int arch_dom0_vcpu_create(struct vcpu *v, struct vmcb *vmcb, u64 vmcb_pa);

#endif
