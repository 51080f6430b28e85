// SPDX-License-Identifier: GPL-2.0
/*
 * RDMSR and WRMSR from guests.  The MSRs VMLOAD switches run natively
 * (vcpu.c's permission map); everything else exits to here.  EFER keeps
 * SVME (VMRUN needs it) and only takes the bits a guest may set; the
 * hypercall page MSR (CPUID leaf 0x40000002) fills a page of the
 * guest's with Xen's stubs; a few MSRs Linux reads on AMD CPUs read as
 * 0; any other MSR raises #GP, as on a CPU that lacks it.
 */
#include "guest.h"
#include "msr.h"
#include "insn.h"
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/log.h>
#include <hv/lib.h>
#include <xen/xen.h>

#define HYPERCALL_PAGE_MSR	0x40000000
#define MSR_TSC			0x10
#define EFER_GUEST_BITS	(EFER_SCE | EFER_LME | EFER_LMA | EFER_NXE)

/*
 * Each 32-byte stub: mov $nr, %eax; vmmcall; ret.  iret is a PV-only
 * hypercall: its stub is ud2, as in Xen.
 */
static int write_hypercall_page(struct vcpu *v, u64 val)
{
	u8 *p;

	if (val & (PAGE_SIZE - 1))
		return -1;	/* only page 0 of 1 */
	p = arch_domain_gpa_ptr(v->dom, val, PAGE_SIZE);
	if (!p)
		return -1;
	memset(p, 0xcc, PAGE_SIZE);	/* int3 between stubs */
	for (u32 nr = 0; nr < PAGE_SIZE / 32; nr++, p += 32) {
		if (nr == __HYPERVISOR_iret) {
			p[0] = 0x0f;
			p[1] = 0x0b;
			continue;
		}
		p[0] = 0xb8;
		memcpy(&p[1], &nr, 4);
		p[5] = 0x0f;
		p[6] = 0x01;
		p[7] = 0xd9;
		p[8] = 0xc3;
	}
	return 0;
}

static bool pat_ok(u64 pat)
{
	for (int i = 0; i < 8; i++) {
		u8 t = (u8)(pat >> (8 * i));

		if (t == 2 || t == 3 || t > 7)
			return false;
	}
	return true;
}

static int msr_read(struct vcpu *v, u32 msr, u64 *val)
{
	struct vmcb_save *s = &vcpu_vmcb(v)->save;

	switch (msr) {
	case MSR_EFER:
		*val = s->efer & ~EFER_SVME;
		return 0;
	case MSR_IA32_PAT:
		*val = s->g_pat;
		return 0;
	case MSR_TSC:
		*val = rdtsc();
		return 0;
	case 0x8b:		/* patch level */
	case 0xc0010010:	/* SYSCFG */
	case 0xc0010015:	/* HWCR */
	case 0xc001001f:	/* NB_CFG */
	case 0xc0011029:	/* DE_CFG */
		*val = 0;
		return 0;
	}
	return -1;
}

static int msr_write(struct vcpu *v, u32 msr, u64 val)
{
	struct vmcb_save *s = &vcpu_vmcb(v)->save;

	switch (msr) {
	case MSR_EFER:
		if (val & ~EFER_GUEST_BITS)
			return -1;
		s->efer = (val & ~EFER_LMA) | (s->efer & EFER_LMA) |
			  EFER_SVME;
		return 0;
	case MSR_IA32_PAT:
		if (!pat_ok(val))
			return -1;
		s->g_pat = val;
		return 0;
	case HYPERCALL_PAGE_MSR:
		return write_hypercall_page(v, val);
	}
	return -1;
}

void guest_msr(struct hv_cpu *c, struct vcpu *v)
{
	struct vmcb *vmcb = vcpu_vmcb(v);
	u32 msr = (u32)c->gpr[GPR_RCX];
	bool write = vmcb->control.exitinfo1 & 1;
	u64 val = 0, rip = vmcb->save.rip;
	int rc;

	if (!guest_skip(c, v, write ? INSN_WRMSR : INSN_RDMSR))
		return;
	if (write) {
		val = (u32)vmcb->save.rax | (c->gpr[GPR_RDX] << 32);
		rc = msr_write(v, msr, val);
	} else {
		rc = msr_read(v, msr, &val);
		if (!rc) {
			vmcb->save.rax = (u32)val;
			c->gpr[GPR_RDX] = val >> 32;
		}
	}
	if (rc) {
		/* #GP is a fault: RIP back on the instruction. */
		vmcb->save.rip = rip;
		guest_inject_gp(c);
	}
}
