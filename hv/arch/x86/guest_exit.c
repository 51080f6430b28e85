// SPDX-License-Identifier: GPL-2.0
/*
 * #VMEXIT dispatch for guest vCPUs.  A guest can cause any of these at
 * will: none may crash the hypervisor or reach Dom0.  What a real CPU
 * would fault on gets the fault; what breaks the guest's own state
 * (triple fault, access outside its memory, invalid state) crashes the
 * domain, and Dom0 decides what happens next (on_crash).
 */
#include "guest.h"
#include "exits.h"
#include "insn.h"
#include "msr.h"
#include <hv/domain.h>
#include <hv/guest_access.h>
#include <hv/hypercall.h>
#include <hv/log.h>
#include <hv/lib.h>
#include <hv/errno.h>

#define CS_L		BIT(9)	/* attrib: 64-bit code segment */
#define IOIO_IN		BIT(0)
#define IOIO_STR	BIT(2)
#define IOIO_SZ_SHIFT	4

void guest_inject_gp(struct hv_cpu *c)
{
	inject_exception(c, 13, true, 0);
}

void guest_inject_ud(struct hv_cpu *c)
{
	inject_exception(c, 6, false, 0);
}

/*
 * Move past the intercepted instruction.  This CPU saves no next RIP, and
 * reading the guest's bytes means walking its page tables and its nested
 * ones: a dozen pages to refill after each world switch under TCG, most
 * of a hypercall's time.  The exit code already says which instruction
 * it was; only redundant prefixes could make it longer, and a guest that
 * adds them misleads only itself (RIP lands inside its own instruction).
 */
bool guest_skip(struct hv_cpu *c, struct vcpu *v, int op)
{
	u32 len;

	switch (op) {
	case INSN_HLT:
		len = 1;
		break;
	case INSN_CPUID:
	case INSN_RDMSR:
	case INSN_WRMSR:
		len = 2;
		break;
	case INSN_VMMCALL:
	case INSN_XSETBV:
		len = 3;
		break;
	default:
		guest_inject_ud(c);
		return false;
	}
	vcpu_vmcb(v)->save.rip += len;
	return true;
}

static void guest_vmmcall(struct hv_cpu *c, struct vcpu *v)
{
	struct vmcb_save *s = &vcpu_vmcb(v)->save;
	u64 *g = c->gpr, a[5];
	bool wide = (s->efer & EFER_LMA) && (s->cs.attrib & CS_L);

	if (!guest_skip(c, v, INSN_VMMCALL))
		return;
	/*
	 * An STI shadow covered the VMMCALL and ends with it: the upcall a
	 * "sti; vmmcall" block leaves pending is taken right after.
	 */
	vcpu_vmcb(v)->control.interrupt_shadow = 0;
	if (s->cpl != 0) {
		s->rax = (u64)-EPERM;	/* as Xen: the kernel's only */
		return;
	}
	if (wide) {
		a[0] = g[GPR_RDI];
		a[1] = g[GPR_RSI];
		a[2] = g[GPR_RDX];
		a[3] = g[GPR_R10];
		a[4] = g[GPR_R8];
	} else {
		/* The 32-bit ABI: ebx, ecx, edx, esi, edi. */
		a[0] = (u32)g[GPR_RBX];
		a[1] = (u32)g[GPR_RCX];
		a[2] = (u32)g[GPR_RDX];
		a[3] = (u32)g[GPR_RSI];
		a[4] = (u32)g[GPR_RDI];
	}
	s->rax = (u64)xen_hypercall(v, wide ? s->rax : (u32)s->rax, a);
	if (!wide)
		s->rax = (u32)s->rax;
}

/* Port I/O: there are no devices.  Reads see all ones. */
static void guest_ioio(struct hv_cpu *c, struct vcpu *v)
{
	struct vmcb *vmcb = vcpu_vmcb(v);
	u64 info = vmcb->control.exitinfo1;
	u32 size = (info >> IOIO_SZ_SHIFT) & 7;	/* one-hot 1, 2, 4 */

	if (info & IOIO_STR) {
		guest_inject_gp(c);
		return;
	}
	if (info & IOIO_IN) {
		u64 mask = size == 4 ? 0xffffffffULL :
			   size == 2 ? 0xffffULL : 0xffULL;

		vmcb->save.rax |= mask;
	}
	vmcb->save.rip = vmcb->control.exitinfo2;	/* next RIP */
}

static void guest_hlt(struct hv_cpu *c, struct vcpu *v)
{
	struct vmcb *vmcb = vcpu_vmcb(v);

	if (!guest_skip(c, v, INSN_HLT))
		return;
	vmcb->control.interrupt_shadow = 0;
	if (vmcb->save.rflags & RFLAGS_IF)
		vcpu_block(v);
	else
		vcpu_halt_forever(v);	/* all vCPUs so: power-off */
}

static void guest_xsetbv(struct hv_cpu *c, struct vcpu *v)
{
	u64 val = (u32)vcpu_vmcb(v)->save.rax | (c->gpr[GPR_RDX] << 32);
	u64 rip = vcpu_vmcb(v)->save.rip;
	u32 a, b, cx, d;

	if (!guest_skip(c, v, INSN_XSETBV))
		return;
	cpuid_count(0xd, 0, &a, &b, &cx, &d);
	/* x87 always; AVX needs SSE; nothing the CPU lacks. */
	if (!guest_xsave_ok() || (u32)c->gpr[GPR_RCX] != 0 || !(val & 1) ||
	    ((val & 4) && !(val & 2)) || (val & ~((u64)d << 32 | a))) {
		vcpu_vmcb(v)->save.rip = rip;
		guest_inject_gp(c);
		return;
	}
	v->arch->xcr0 = val;
	__asm__ __volatile__("xsetbv" :: "c"(0), "a"((u32)val),
			     "d"((u32)(val >> 32)));
}

static void crash(struct vcpu *v, const char *why)
{
	struct vmcb_save *s = &vcpu_vmcb(v)->save;

	domain_crash(v->dom, "vcpu %u: %s at rip %llx (cr0 %llx efer %llx)",
		     v->id, why, (unsigned long long)s->rip,
		     (unsigned long long)s->cr0, (unsigned long long)s->efer);
}

void guest_handle_exit(struct hv_cpu *c, struct vcpu *v)
{
	struct vmcb_control *ctl = &vcpu_vmcb(v)->control;
	struct vmcb_save *s = &vcpu_vmcb(v)->save;
	u32 code = (u32)ctl->exitcode;
	u32 r[4];

	switch (code) {
	case VMEXIT_INTR:
	case VMEXIT_NMI:
	case VMEXIT_INIT:
		break;	/* taken in the scheduler's interrupt window */
	case VMEXIT_VINTR:
		ctl->vintr &= ~V_IRQ;
		ctl->intercept_misc1 &= ~INTERCEPT_VINTR;
		break;
	case VMEXIT_CPUID:
		if (!guest_skip(c, v, INSN_CPUID))
			break;
		guest_cpuid(v, (u32)s->rax, (u32)c->gpr[GPR_RCX], r);
		s->rax = r[0];
		c->gpr[GPR_RBX] = r[1];
		c->gpr[GPR_RCX] = r[2];
		c->gpr[GPR_RDX] = r[3];
		break;
	case VMEXIT_MSR:
		guest_msr(c, v);
		break;
	case VMEXIT_VMMCALL:
		guest_vmmcall(c, v);
		break;
	case VMEXIT_HLT:
		guest_hlt(c, v);
		break;
	case VMEXIT_IOIO:
		guest_ioio(c, v);
		break;
	case VMEXIT_XSETBV:
		guest_xsetbv(c, v);
		break;
	case VMEXIT_VMRUN:
	case VMEXIT_VMLOAD:
	case VMEXIT_VMSAVE:
	case VMEXIT_STGI:
	case VMEXIT_CLGI:
	case VMEXIT_SKINIT:
	case VMEXIT_INVLPGA:
	case VMEXIT_RDTSCP:
	case VMEXIT_ICEBP:
	case VMEXIT_MONITOR:
	case VMEXIT_MWAIT:
		guest_inject_ud(c);
		break;
	case VMEXIT_NPF:
		domain_crash(v->dom, "vcpu %u: access to gpa %llx (error %llx) "
			     "outside its memory at rip %llx", v->id,
			     (unsigned long long)ctl->exitinfo2,
			     (unsigned long long)ctl->exitinfo1,
			     (unsigned long long)s->rip);
		break;
	case VMEXIT_SHUTDOWN:
		crash(v, "triple fault");
		break;
	case VMEXIT_INVALID:
		crash(v, "VMRUN refused its state");
		break;
	default:
		domain_crash(v->dom, "vcpu %u: unexpected exit %x at rip %llx",
			     v->id, code, (unsigned long long)s->rip);
		break;
	}
}

/* Before @v runs: its event upcall, when it can take an interrupt. */
void guest_inject(struct hv_cpu *c, struct vcpu *v)
{
	struct vmcb_control *ctl = &vcpu_vmcb(v)->control;
	struct vmcb_save *s = &vcpu_vmcb(v)->save;
	u8 vec;

	/* One offered at the last VMRUN and not taken is offered again. */
	ctl->vintr &= ~V_IRQ;
	ctl->intercept_misc1 &= ~INTERCEPT_VINTR;
	vec = vcpu_upcall_vector(v);
	if (!vec)
		return;
	/* Offered through V_IRQ, never EVENTINJ: irq.c says why. */
	if (vintr_open(ctl, s)) {
		vintr_offer(ctl, vec);
		return;
	}
	/* Exit as soon as the guest opens its interrupt window. */
	vintr_window(ctl);
	(void)c;
}
