// SPDX-License-Identifier: GPL-2.0
/*
 * vCPU state on x86: creating a guest vCPU in the PVH boot state, and
 * switching a CPU's registers from one vCPU to another.
 *
 * The hypervisor itself never touches the FPU, so a switch saves the old
 * vCPU's FPU (XSAVE when the host enabled it, else FXSAVE) and loads the
 * new one's; XCR0 goes with it, since a guest may set its own.
 */
#include "vcpu.h"
#include "cpu.h"
#include "msr.h"
#include "lapic.h"
#include "hvm_ctx.h"
#include "seg.h"
#include <hv/domain.h>
#include <hv/mm.h>
#include <hv/log.h>
#include <hv/lib.h>
#include <hv/errno.h>
#include <hv/domctl.h>
#include <hv/xen_guest.h>

#define CR4_OSXSAVE	BIT(18)
#define CR0_PE		BIT(0)
#define CR0_ET		BIT(4)
#define GUEST_ASID	2

static bool use_xsave;
u8 *guest_iopm, *guest_msrpm;
u64 guest_iopm_pa, guest_msrpm_pa;

void msrpm_set(u8 *pm, u32 msr, bool read, bool write);

static inline u64 xgetbv0(void)
{
	u32 lo, hi;

	__asm__ __volatile__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	return lo | ((u64)hi << 32);
}

static inline void xsetbv0(u64 v)
{
	__asm__ __volatile__("xsetbv" :: "c"(0), "a"((u32)v),
			     "d"((u32)(v >> 32)));
}

/* The FPU format, and the guests' I/O and MSR permission maps. */
int vcpu_fpu_init(void)
{
	static const u32 passthrough[] = {
		/* Switched by VMLOAD/VMSAVE around every guest run. */
		MSR_FS_BASE, MSR_GS_BASE, 0xc0000102 /* KERNEL_GS_BASE */,
		0xc0000081 /* STAR */, 0xc0000082 /* LSTAR */,
		0xc0000083 /* CSTAR */, 0xc0000084 /* SFMASK */,
		0x174, 0x175, 0x176 /* SYSENTER_CS/ESP/EIP */,
	};
	u32 a, b, c, d;

	if (read_cr4() & CR4_OSXSAVE) {
		cpuid_count(0xd, 0, &a, &b, &c, &d);
		if (b > FPU_AREA_SIZE) {
			hv_log("vcpu: XSAVE area of %u bytes is too big", b);
			return -ENOSPC;
		}
		use_xsave = true;
	}
	guest_iopm = alloc_pages(3);
	guest_msrpm = alloc_pages(2);
	if (!guest_iopm || !guest_msrpm)
		return -ENOMEM;
	/* Every port and MSR exits, but for the context VMLOAD switches. */
	memset(guest_iopm, 0xff, 3 * PAGE_SIZE);
	memset(guest_msrpm, 0xff, 2 * PAGE_SIZE);
	for (u32 i = 0; i < ARRAY_SIZE(passthrough); i++)
		msrpm_set(guest_msrpm, passthrough[i], false, false);
	guest_iopm_pa = virt_to_phys(guest_iopm);
	guest_msrpm_pa = virt_to_phys(guest_msrpm);
	return 0;
}

static void fpu_save(struct arch_vcpu *a)
{
	if (use_xsave) {
		a->xcr0 = xgetbv0();
		__asm__ __volatile__("xsave64 %0" : "+m"(a->fpu)
				     : "a"(~0U), "d"(~0U) : "memory");
	} else {
		__asm__ __volatile__("fxsave64 %0" : "=m"(a->fpu) :: "memory");
	}
}

static void fpu_load(struct arch_vcpu *a)
{
	if (use_xsave) {
		xsetbv0(a->xcr0);
		__asm__ __volatile__("xrstor64 %0" :: "m"(a->fpu),
				     "a"(~0U), "d"(~0U) : "memory");
	} else {
		__asm__ __volatile__("fxrstor64 %0" :: "m"(a->fpu) : "memory");
	}
}

/* The state after FNINIT with SSE exceptions masked, in either format. */
static void fpu_reset(struct arch_vcpu *a)
{
	memset(a->fpu, 0, sizeof(a->fpu));
	*(u16 *)&a->fpu[0] = 0x37f;		/* FCW */
	*(u32 *)&a->fpu[24] = 0x1f80;		/* MXCSR */
	a->xcr0 = 1;				/* x87 only */
	/* XSTATE_BV = 0 in the XSAVE header: XRSTOR starts from init. */
}

int arch_dom0_vcpu_create(struct vcpu *v, struct vmcb *vmcb, u64 vmcb_pa)
{
	struct arch_vcpu *a = alloc_page();

	if (!a)
		return -ENOMEM;
	memset(a, 0, sizeof(*a));
	a->vmcb = vmcb;
	a->vmcb_pa = vmcb_pa;
	v->arch = a;
	return 0;
}

u64 arch_domain_ncr3(struct domain *d);

/* Intercepts: everything a guest must not do, and every interrupt. */
static void guest_vmcb_control(struct vcpu *v)
{
	struct vmcb_control *ctl = &vcpu_vmcb(v)->control;

	ctl->intercept_misc1 = INTERCEPT_INTR | INTERCEPT_NMI |
			       INTERCEPT_INIT | INTERCEPT_CPUID |
			       INTERCEPT_HLT | INTERCEPT_INVLPGA |
			       INTERCEPT_IOIO | INTERCEPT_MSR |
			       INTERCEPT_SHUTDOWN;
	ctl->intercept_misc2 = INTERCEPT_VMRUN | INTERCEPT_VMMCALL |
			       INTERCEPT_VMLOAD | INTERCEPT_VMSAVE |
			       INTERCEPT_STGI | INTERCEPT_CLGI |
			       INTERCEPT_SKINIT | INTERCEPT_RDTSCP |
			       INTERCEPT_ICEBP | INTERCEPT_MONITOR |
			       INTERCEPT_MWAIT | INTERCEPT_XSETBV;
	ctl->iopm_base_pa = guest_iopm_pa;
	ctl->msrpm_base_pa = guest_msrpm_pa;
	ctl->guest_asid = GUEST_ASID;
	ctl->tlb_control = TLB_CONTROL_ALL;
	/*
	 * Physical interrupts exit whatever the guest's IF says, so a guest
	 * looping with interrupts off is still preempted.
	 */
	ctl->vintr = V_INTR_MASKING;
	ctl->np_control = 1;
	ctl->ncr3 = arch_domain_ncr3(v->dom);
}

/*
 * The PVH boot state (xen/arch-x86/hvm/start_info.h): 32-bit protected
 * mode, paging off, flat 4 GiB code and data, a 32-bit TSS, ebx pointing
 * at hvm_start_info, everything else zero.
 */
void arch_vcpu_pvh_state(struct vcpu *v, u32 entry, u32 ebx)
{
	struct vmcb_save *s = &vcpu_vmcb(v)->save;

	memset(s, 0, sizeof(*s));
	seg_flat(s, 0xc9b, 0x08, 0x10, 0x18);	/* 32-bit code */
	seg_reset_rest(s);
	s->cr0 = CR0_PE | CR0_ET;
	s->efer = EFER_SVME;
	s->rflags = 0x2;
	s->rip = entry;
	memset(v->arch->gpr, 0, sizeof(v->arch->gpr));
	v->arch->gpr[GPR_RBX] = ebx;
	fpu_reset(v->arch);
	guest_vmcb_control(v);
}

/* What this CPU lets a VCPUOP_initialise context ask for. */
static void hvm_caps(struct hvm_ctx_caps *caps)
{
	u32 a, b, c, d;

	cpuid_count(0x80000000, 0, &a, &b, &c, &d);
	caps->nx = false;
	caps->phys_bits = 36;
	if (a >= 0x80000001) {
		cpuid_count(0x80000001, 0, &a, &b, &c, &d);
		caps->nx = d & BIT(20);
	}
	cpuid_count(0x80000000, 0, &a, &b, &c, &d);
	if (a >= 0x80000008) {
		cpuid_count(0x80000008, 0, &a, &b, &c, &d);
		caps->phys_bits = a & 0xff;
	}
	caps->xsave = use_xsave;
}

int arch_vcpu_hvm_state(struct vcpu *v, const struct vcpu_hvm_context *ctx)
{
	struct vmcb_save save;
	struct hvm_ctx_caps caps;
	u64 gpr[8];
	int rc;

	hvm_caps(&caps);
	rc = hvm_ctx_load(ctx, &caps, &save, gpr);
	if (rc)
		return rc;
	/* Paging on: its top table must be guest memory. */
	if ((save.cr0 & BIT(31)) &&
	    !arch_domain_gpa_ptr(v->dom, save.cr3 & PAGE_MASK, 1))
		return -EINVAL;
	memcpy(&vcpu_vmcb(v)->save, &save, sizeof(save));
	memset(v->arch->gpr, 0, sizeof(v->arch->gpr));
	memcpy(v->arch->gpr, gpr, sizeof(gpr));
	fpu_reset(v->arch);
	guest_vmcb_control(v);
	return 0;
}

bool arch_vcpu_is_64bit(struct vcpu *v)
{
	struct vmcb_save *s = &vcpu_vmcb(v)->save;

	return (s->efer & EFER_LMA) && (s->cs.attrib & BIT(9));
}

int arch_vcpu_create(struct vcpu *v)
{
	struct arch_vcpu *a = alloc_page();
	/* The VMCB, and after it the state of its last VMRUN (guest_resume.c) */
	struct vmcb *vmcb = alloc_pages(2);

	if (!a || !vmcb) {
		if (a)
			free_pages(a, 1);
		if (vmcb)
			free_pages(vmcb, 2);
		return -ENOMEM;
	}
	memset(a, 0, sizeof(*a));
	memset(vmcb, 0, PAGE_SIZE);
	a->vmcb = vmcb;
	a->vmcb_pa = virt_to_phys(vmcb);
	a->own_vmcb = true;
	fpu_reset(a);
	v->arch = a;
	return 0;
}

void arch_vcpu_free(struct vcpu *v)
{
	if (!v->arch)
		return;
	if (v->arch->own_vmcb)
		free_pages(v->arch->vmcb, 2);
	free_pages(v->arch, 1);
	v->arch = NULL;
}

void arch_vcpu_switch(u32 cpu, struct vcpu *prev, struct vcpu *next)
{
	struct hv_cpu *c = this_cpu();
	u32 vec;

	(void)cpu;
	if (prev) {
		memcpy(prev->arch->gpr, c->gpr, sizeof(c->gpr));
		fpu_save(prev->arch);
		if (prev != c->dom0)
			vcpu_switched_out(prev);
	}
	if (prev == c->dom0 && next != c->dom0 && !c->timer_taken) {
		lapic_timer_take(&c->dom0_timer);
		c->timer_taken = true;
	}
	if (next == c->dom0 && c->timer_taken) {
		vec = lapic_timer_give_back(&c->dom0_timer);
		c->timer_taken = false;
		if (vec)
			__atomic_or_fetch(&c->dom0_irq[vec / 64],
					  BIT(vec % 64), __ATOMIC_RELAXED);
	}
	c->loaded = next;
	if (!next)
		return;
	memcpy(c->gpr, next->arch->gpr, sizeof(c->gpr));
	fpu_load(next->arch);
	if (next != c->dom0)
		vcpu_switched_in(next);
	c->vmcb = next->arch->vmcb;
	c->vmcb_pa = next->arch->vmcb_pa;
	/* Guests share one ASID: flush it when another guest vCPU comes. */
	if (next != c->dom0 && c->last_guest != next) {
		c->vmcb->control.tlb_control = TLB_CONTROL_ASID;
		c->last_guest = next;
	}
}

bool guest_xsave_ok(void)
{
	return use_xsave;
}
