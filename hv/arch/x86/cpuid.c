// SPDX-License-Identifier: GPL-2.0
/*
 * CPUID for Dom0: the real CPU's answer, except the hypervisor leaves that
 * tell Dom0 what it runs on, and SVM, which belongs to the hypervisor.
 */
#include "exits.h"
#include "insn.h"
#include <hv/lib.h>
#include <xenlate/dom0ctl.h>

static void dom0_cpuid(struct hv_cpu *c, u32 leaf, u32 sub, u32 r[4])
{
	if (leaf == XL_CPUID_BASE) {
		r[0] = XL_CPUID_BASE + 1;
		memcpy(&r[1], XL_CPUID_SIGNATURE, 12);
		return;
	}
	if (leaf == XL_CPUID_BASE + 1) {
		r[0] = XL_VERSION_MAJOR << 16 | XL_VERSION_MINOR;
		r[1] = c->index;
		r[2] = 0;
		r[3] = 0;
		return;
	}
	cpuid_count(leaf, sub, &r[0], &r[1], &r[2], &r[3]);
	if (leaf == 1)
		r[2] |= (u32)BIT(31);	/* "running under a hypervisor" */
	if (leaf == 0x80000001)
		r[2] &= ~(u32)BIT(2);	/* SVM */
	if (leaf == 0x8000000a)
		r[0] = r[1] = r[2] = r[3] = 0;
}

void handle_cpuid(struct hv_cpu *c)
{
	struct vmcb_save *s = &c->vmcb->save;
	u32 r[4];

	if (!skip_insn(c, INSN_CPUID))
		return;
	dom0_cpuid(c, (u32)s->rax, (u32)c->gpr[GPR_RCX], r);
	s->rax = r[0];
	c->gpr[GPR_RBX] = r[1];
	c->gpr[GPR_RCX] = r[2];
	c->gpr[GPR_RDX] = r[3];
}
