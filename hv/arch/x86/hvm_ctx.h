/* SPDX-License-Identifier: GPL-2.0 */
/*
 * VCPUOP_initialise for HVM/PVH guests: a struct vcpu_hvm_context
 * (xen/hvm/hvm_vcpu.h) checked and turned into VMCB state.  Everything in
 * it is the guest's choice: what VMRUN would refuse, or what QEMU would
 * accept and then run wrongly (it does not check segment attributes,
 * SUBSTRATE.md), is -EINVAL here.  Pure, for the host unit tests.
 */
#ifndef X86_HVM_CTX_H
#define X86_HVM_CTX_H

#include "vmcb.h"
#include <xen/xen.h>
#include <xen/hvm/hvm_vcpu.h>

/* What the CPU under the guest supports. */
struct hvm_ctx_caps {
	bool nx;		/* EFER.NXE */
	bool xsave;		/* CR4.OSXSAVE */
	u32 phys_bits;		/* CR3 must lie below */
};

/*
 * Check @ctx and fill @s (all of it) and @gpr (rax .. rdi in ModRM order;
 * rax and rsp are also put in @s, where VMRUN takes them).  0 or -EINVAL.
 */
int hvm_ctx_load(const struct vcpu_hvm_context *ctx,
		 const struct hvm_ctx_caps *caps, struct vmcb_save *s,
		 u64 gpr[8]);

#endif
