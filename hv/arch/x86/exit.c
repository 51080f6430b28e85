// SPDX-License-Identifier: GPL-2.0
/*
 * #VMEXIT dispatch for Dom0.  Each handler either emulates the instruction
 * and moves RIP past it, or injects the fault a real CPU would raise.
 */
#include "cpu.h"
#include "exits.h"
#include "guest_mem.h"
#include "insn.h"
#include "guest.h"
#include "dom0_guard.h"
#include <hv/vcpu.h>
#include <hv/log.h>
#include <hv/mm.h>
#include <hv/hypercall.h>

void inject_exception(struct hv_cpu *c, u8 vector, bool has_error, u32 err)
{
	struct vmcb_control *ctl = &c->vmcb->control;

	ctl->eventinj = vector | EVENTINJ_TYPE_EXCEPT | EVENTINJ_VALID |
			(has_error ? EVENTINJ_ERR_VALID | ((u64)err << 32) : 0);
}

/*
 * Move past the instruction at RIP if it is @expected.  When the bytes are
 * something else (the guest rewrote them, or they cannot be read) the
 * guest gets #UD rather than a RIP in the middle of an instruction.
 */
bool skip_insn(struct hv_cpu *c, int expected)
{
	int op, len = guest_insn_len(c, &op);

	if (!len || op != expected) {
		hv_log("dom0: cannot decode the intercepted instruction at "
		       "rip %llx; injecting #UD",
		       (unsigned long long)c->vmcb->save.rip);
		inject_exception(c, 6, false, 0);
		return false;
	}
	c->vmcb->save.rip += len;
	return true;
}

/* Rate-limited log for what a misbehaving Dom0 can trigger at will. */
bool log_allowed(u64 *count)
{
	u64 n = (*count)++;

	return n < 20 || (n & (n - 1)) == 0;
}

static u64 svm_insn_refusals;

static void refuse_svm_insn(struct hv_cpu *c, const char *name)
{
	if (log_allowed(&svm_insn_refusals))
		hv_log("dom0: %s at rip %llx refused (#UD)", name,
		       (unsigned long long)c->vmcb->save.rip);
	inject_exception(c, 6, false, 0);
}

static void handle_vmmcall(struct hv_cpu *c)
{
	struct vmcb_save *s = &c->vmcb->save;
	u64 ret;

	/* Hypercalls are for the kernel; user space gets #UD, as on Xen. */
	if (s->cpl != 0) {
		inject_exception(c, 6, false, 0);
		return;
	}
	if (!skip_insn(c, INSN_VMMCALL))
		return;
	ret = do_hypercall(s->rax, c->gpr[GPR_RDI], c->gpr[GPR_RSI],
			   c->gpr[GPR_RDX], c->gpr[GPR_R10], c->gpr[GPR_R8]);
	s->rax = ret;
}

static void handle_first_exit(struct hv_cpu *c, u32 code)
{
	c->first_run = false;
	if (code != VMEXIT_INVALID)
		return;
	hv_log("launch: VMRUN refused Dom0's state on cpu %u", c->index);
	dump_guest(c);
	arch_devirt(c, c->resume_rip, (u64)-5);	/* -EIO to the loader */
}

/* HLT from Dom0 in guest mode: its vCPU waits for an interrupt. */
static void dom0_hlt(struct hv_cpu *c)
{
	if (!skip_insn(c, INSN_HLT))
		return;
	c->vmcb->control.interrupt_shadow = 0;
	sched_dom0_halt(c->index);
}

extern u32 sched_guest_domains;

/*
 * Counted by kind once handled: a nested page fault is an APIC write
 * only if the emulation took it.  So the XL_CTL_INFO call in progress is
 * in c->exits but not yet in a kind; an exit that never comes back here
 * (the CPU leaves the hypervisor, or panics) needs no count.
 */
static void dom0_exit(struct hv_cpu *c, u32 code)
{
	enum xl_dom0_exit_kind kind = XL_DOM0_EXIT_OTHER;

	switch (code) {
	case VMEXIT_INTR:
		kind = XL_DOM0_EXIT_INTR;
		break;	/* taken in the scheduler's interrupt window */
	case VMEXIT_VINTR:
		kind = XL_DOM0_EXIT_VINTR;
		break;	/* Dom0 can take an interrupt: dom0_inject() */
	case VMEXIT_IRET:
		kind = XL_DOM0_EXIT_VINTR;
		break;	/* a handler returns: dom0_inject() waits */
	case VMEXIT_HLT:
		kind = XL_DOM0_EXIT_HLT;
		dom0_hlt(c);
		break;
	case VMEXIT_CPUID:
		kind = XL_DOM0_EXIT_CPUID;
		handle_cpuid(c);
		break;
	case VMEXIT_MSR:
		kind = XL_DOM0_EXIT_MSR;
		handle_msr(c);
		break;
	case VMEXIT_VMMCALL:
		kind = XL_DOM0_EXIT_VMMCALL;
		handle_vmmcall(c);
		break;
	case VMEXIT_NPF:
		kind = handle_npf(c) ? XL_DOM0_EXIT_APIC : XL_DOM0_EXIT_NPF;
		break;
	case VMEXIT_IOIO:
		kind = XL_DOM0_EXIT_IOIO;
		handle_ioio(c);
		break;
	case VMEXIT_VMRUN:
		refuse_svm_insn(c, "VMRUN");
		break;
	case VMEXIT_VMLOAD:
		refuse_svm_insn(c, "VMLOAD");
		break;
	case VMEXIT_VMSAVE:
		refuse_svm_insn(c, "VMSAVE");
		break;
	case VMEXIT_STGI:
		refuse_svm_insn(c, "STGI");
		break;
	case VMEXIT_CLGI:
		refuse_svm_insn(c, "CLGI");
		break;
	case VMEXIT_SKINIT:
		refuse_svm_insn(c, "SKINIT");
		break;
	case VMEXIT_INVLPGA:
		refuse_svm_insn(c, "INVLPGA");
		break;
	case VMEXIT_SHUTDOWN:
		hv_panic("Dom0 shut down (triple fault) on cpu %u", c->index);
	case VMEXIT_INVALID:
		hv_panic("VMRUN failed: invalid guest state on cpu %u",
			 c->index);
	default:
		hv_panic("unexpected exit %x from Dom0 on cpu %u", code,
			 c->index);
	}
	c->dom0_exit_kinds[kind]++;
}

static u64 dom0_tlb_gen;

u64 arch_dom0_tlb_bump(void)
{
	return __atomic_add_fetch(&dom0_tlb_gen, 1, __ATOMIC_SEQ_CST);
}

bool arch_dom0_tlb_synced(u64 gen)
{
	for (u32 i = 0; i < hv_nr_cpus; i++)
		if (hv_cpus[i] && READ_ONCE(hv_cpus[i]->launched) &&
		    READ_ONCE(hv_cpus[i]->tlb_gen_seen) < gen)
			return false;
	return true;
}

/* Dom0 runs next on this CPU: flush its TLB if frames left it since. */
static void dom0_tlb_check(struct hv_cpu *c)
{
	u64 gen = READ_ONCE(dom0_tlb_gen);

	if (c->tlb_gen_seen == gen)
		return;
	c->dom0_vmcb->control.tlb_control = TLB_CONTROL_ALL;
	/* The guard may have come on: what Dom0 set meanwhile counts. */
	dom0_guard_snapshot(c);
	WRITE_ONCE(c->tlb_gen_seen, gen);
}

static u64 stale_event_reports;

/*
 * An event cut short by the exit must still be delivered: an exception
 * or NMI goes back into EVENTINJ.  An external interrupt (offered through
 * V_IRQ, irq.c) is offered again instead: Dom0's vector goes back to its
 * pending set, a guest's upcall is offered again while it is pending.
 * But an external interrupt is only taken with IF=1, and IF drops only
 * once its delivery is complete: one reported as cut short in a context
 * with IF=0 was delivered already (seen under QEMU TCG), and offering it
 * again would nest an interrupt handler in itself.
 */
static u64 cut_short_event(struct hv_cpu *c)
{
	struct vmcb_control *ctl = &c->vmcb->control;
	u64 ev = ctl->exitintinfo;
	bool delivered;

	if (!(ev & EVENTINJ_VALID))
		return 0;
	if ((ev & EVENTINJ_TYPE_MASK) != EVENTINJ_TYPE_INTR)
		return ev;
	delivered = !(c->vmcb->save.rflags & RFLAGS_IF);
	if (delivered && log_allowed(&stale_event_reports))
		hv_log("cpu %u: exit %llx reports vector %llu cut short "
		       "with IF=0; already delivered, dropped",
		       c->index, (unsigned long long)ctl->exitcode,
		       (unsigned long long)(ev & 0xff));
	if (c->loaded == c->dom0)
		dom0_intr_cut_short(c, (u8)ev, delivered);
	return 0;
}

void svm_handle_exit(struct hv_cpu *c)
{
	struct vmcb_control *ctl = &c->vmcb->control;
	u32 code = (u32)ctl->exitcode;
	struct vcpu *v = c->loaded;

	c->exits++;
	ctl->tlb_control = TLB_CONTROL_NONE;
	if (unlikely(c->first_run))
		handle_first_exit(c, code);

	/* A repair puts back the VMRUN's events too: then no exit to see. */
	if (v == c->dom0) {
		if (!dom0_resume_repair(c, code)) {
			ctl->eventinj = cut_short_event(c);
			dom0_virq_exit(c);
			dom0_exit(c, code);
		}
	} else if (!guest_resume_repair(c, v, code)) {
		ctl->eventinj = cut_short_event(c);
		guest_handle_exit(c, v);
	}
	if (c->guest_mode || READ_ONCE(sched_guest_domains))
		sched_exit_point(c->index);
	if (c->loaded == c->dom0) {
		dom0_tlb_check(c);
		if (c->guest_mode)
			dom0_inject(c);
		dom0_resume_save(c);
	} else {
		vcpu_before_run(c->loaded);
		guest_inject(c, c->loaded);
		guest_resume_save(c, c->loaded);
	}
}
