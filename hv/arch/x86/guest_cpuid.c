// SPDX-License-Identifier: GPL-2.0
/*
 * CPUID for guests: Xen's leaves at 0x40000000 (xen/arch-x86/cpuid.h),
 * and the real CPU's features minus what a guest cannot use here: SVM,
 * the local APIC and x2APIC (not emulated), MONITOR, RDTSCP, XSAVE when
 * the host has it off, performance counters and topology.
 */
#include "guest.h"
#include <hv/domain.h>
#include <hv/arch.h>
#include <hv/lib.h>
#include <xen/arch-x86/cpuid.h>

#define XEN_VERSION_4_17	(4 << 16 | 17)
#define HYPERCALL_PAGE_MSR	0x40000000

static void xen_leaf(struct vcpu *v, u32 leaf, u32 sub, u32 r[4])
{
	switch (leaf - XEN_CPUID_FIRST_LEAF) {
	case 0:
		r[0] = XEN_CPUID_LEAF(XEN_CPUID_MAX_NUM_LEAVES);
		r[1] = XEN_CPUID_SIGNATURE_EBX;
		r[2] = XEN_CPUID_SIGNATURE_ECX;
		r[3] = XEN_CPUID_SIGNATURE_EDX;
		break;
	case 1:
		r[0] = XEN_VERSION_4_17;
		break;
	case 2:
		r[0] = 1;			/* hypercall pages */
		r[1] = HYPERCALL_PAGE_MSR;
		break;
	case 3:
		/* Time: sub-leaf 0 ecx is the guest TSC rate in kHz. */
		if (sub == 0)
			r[2] = (u32)arch_tsc_khz();
		else if (sub == 2)
			r[0] = (u32)arch_tsc_khz();
		break;
	case 4:
		if (sub == 0) {
			r[0] = XEN_HVM_CPUID_VCPU_ID_PRESENT |
			       XEN_HVM_CPUID_DOMID_PRESENT;
			r[1] = v->id;
			r[2] = v->dom->id;
		}
		break;
	}
}

void guest_cpuid(struct vcpu *v, u32 leaf, u32 sub, u32 r[4])
{
	r[0] = r[1] = r[2] = r[3] = 0;
	if ((leaf & 0xffff0000) == XEN_CPUID_FIRST_LEAF) {
		if (leaf <= XEN_CPUID_LEAF(XEN_CPUID_MAX_NUM_LEAVES))
			xen_leaf(v, leaf, sub, r);
		return;
	}
	cpuid_count(leaf, sub, &r[0], &r[1], &r[2], &r[3]);
	switch (leaf) {
	case 1:
		/* APIC id = vCPU id; logical processors = the domain's. */
		r[1] = (r[1] & 0xffff) | (MIN(v->dom->nr_vcpus, 255U) << 16) |
		       (v->id << 24);
		r[2] &= ~(u32)(BIT(3) | BIT(5) | BIT(21) | BIT(24));
		if (!guest_xsave_ok())
			r[2] &= ~(u32)(BIT(26) | BIT(27));
		else if (!(vcpu_vmcb(v)->save.cr4 & BIT(18)))
			r[2] &= ~(u32)BIT(27);	/* OSXSAVE follows CR4 */
		r[2] |= (u32)BIT(31);		/* hypervisor */
		r[3] &= ~(u32)(BIT(9) | BIT(12));	/* APIC, MTRR */
		break;
	case 0x80000001:
		r[2] &= ~(u32)BIT(2);		/* SVM */
		r[3] &= ~(u32)BIT(27);		/* RDTSCP */
		break;
	case 0xa:
	case 0xb:
	case 0x1f:
	case 0x8000000a:
		r[0] = r[1] = r[2] = r[3] = 0;
		break;
	case 0xd:
		if (!guest_xsave_ok())
			r[0] = r[1] = r[2] = r[3] = 0;
		break;
	}
}
