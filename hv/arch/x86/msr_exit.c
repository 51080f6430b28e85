// SPDX-License-Identifier: GPL-2.0
/*
 * RDMSR and WRMSR exits from Dom0.  The permission map sends only a few
 * MSRs here (dom0.c), plus every MSR outside the map's three ranges,
 * which the hardware always intercepts: those are passed to the real CPU
 * with faults caught and reflected, never a hypervisor crash.
 */
#include "exits.h"
#include "insn.h"
#include "msr.h"
#include "dom0_guard.h"
#include "pgtable.h"
#include <hv/log.h>

static u64 refusals;

static void refuse(struct hv_cpu *c, u32 msr, u64 v, const char *why)
{
	if (log_allowed(&refusals))
		hv_log("dom0: wrmsr %x <- %llx refused: %s (rip %llx)", msr,
		       (unsigned long long)v, why,
		       (unsigned long long)c->vmcb->save.rip);
	inject_exception(c, 13, true, 0);
}

/* EFER: Dom0 may change its own features but never leave SVM. */
static bool write_efer(struct hv_cpu *c, u64 v)
{
	const u64 changeable = EFER_SCE | EFER_NXE | BIT(14) | BIT(15);
	u64 cur = c->vmcb->save.efer;

	if (!(v & EFER_SVME)) {
		refuse(c, MSR_EFER, v, "clearing EFER.SVME");
		return false;
	}
	if ((v ^ cur) & ~(changeable | EFER_LMA)) {
		refuse(c, MSR_EFER, v, "EFER bits that cannot change");
		return false;
	}
	c->vmcb->save.efer = (v & ~EFER_LMA) | (cur & EFER_LMA);
	return true;
}

/*
 * IA32_APIC_BASE: moving the APIC would take it out from under the guard,
 * so never; disabling it or switching to x2APIC (whose ICR is an MSR the
 * guard does not see) only while no guest needs the guard.
 */
static bool write_apic_base(struct hv_cpu *c, u64 v)
{
	u64 cur = rdmsr(MSR_IA32_APIC_BASE);

	if ((v & PTE_ADDR) != dom0_guard_lapic_pa()) {
		refuse(c, MSR_IA32_APIC_BASE, v, "moving the local APIC");
		return false;
	}
	if (dom0_guarded() && v != cur) {
		refuse(c, MSR_IA32_APIC_BASE, v,
		       "changing the APIC mode while guests exist");
		return false;
	}
	if (wrmsr_safe(MSR_IA32_APIC_BASE, v)) {
		inject_exception(c, 13, true, 0);
		return false;
	}
	return true;
}

static bool read_msr(struct hv_cpu *c, u32 msr, u64 *v)
{
	switch (msr) {
	case MSR_VM_CR:
		/* SVM is in use and locked: kvm_amd sees "disabled". */
		*v = rdmsr(MSR_VM_CR) | VM_CR_SVMDIS | BIT(3);
		return true;
	case MSR_VM_HSAVE_PA:
	case 0xc0010118:
		*v = 0;
		return true;
	}
	if (rdmsr_safe(msr, v)) {
		inject_exception(c, 13, true, 0);
		return false;
	}
	return true;
}

static bool write_msr(struct hv_cpu *c, u32 msr, u64 v)
{
	switch (msr) {
	case MSR_EFER:
		return write_efer(c, v);
	case MSR_IA32_APIC_BASE:
		return write_apic_base(c, v);
	case MSR_VM_CR:
	case 0xc0010115:
	case 0xc0010116:
	case MSR_VM_HSAVE_PA:
	case 0xc0010118:
		refuse(c, msr, v, "SVM control MSR");
		return false;
	}
	if (wrmsr_safe(msr, v)) {
		inject_exception(c, 13, true, 0);
		return false;
	}
	return true;
}

void handle_msr(struct hv_cpu *c)
{
	struct vmcb_save *s = &c->vmcb->save;
	u32 msr = (u32)c->gpr[GPR_RCX];
	bool write = c->vmcb->control.exitinfo1 & 1;
	u64 v;

	if (write) {
		v = (s->rax & 0xffffffffULL) | (c->gpr[GPR_RDX] << 32);
		if (write_msr(c, msr, v))
			skip_insn(c, INSN_WRMSR);
		return;
	}
	if (read_msr(c, msr, &v) && skip_insn(c, INSN_RDMSR)) {
		s->rax = (u32)v;
		c->gpr[GPR_RDX] = v >> 32;
	}
}
