// SPDX-License-Identifier: GPL-2.0
/*
 * The state each guest VMRUN starts from, kept next to the VMCB, and the
 * repair when the machine loses it.
 *
 * QEMU's TCG emulation of nested SVM (the test machine, ../SUBSTRATE.md)
 * now and then enters a guest with state that is not the guest's, a few
 * times in a million guest exits, and only on the CPU that also takes
 * Dom0's device interrupts.  It is a race between QEMU's vCPU threads:
 * a storm of trapped APIC writes from Dom0 on 2 vCPUs loses a state
 * within seconds with multi-threaded TCG and never (660k exits) with
 * -accel tcg,thread=single.  Measured with a loop of event-flooding
 * guests (build/results/evstress, 5-13% of 2-second runs), two forms:
 *
 *  - the VMCB holds the host's own state as left at VMRUN (our CR3, GDT,
 *    IDT, stack, RIP just after the VMRUN): the "guest" then faults on
 *    its first fetch (a nested page fault on our page tables);
 *  - the guest state is its own, yet its first instruction after the
 *    VMRUN takes a page fault it cannot deliver: a triple fault with no
 *    progress since the entry.
 *
 * Real Xen shows the first form here too (a hypervisor address as the
 * guest RIP).  In the first form the "guest" may even run a few of our
 * instructions after the VMRUN through translations QEMU kept, which
 * change general registers; so the copy holds them too, and the TLB is
 * flushed on the way back in.  Either way the guest has run none of its
 * own instructions since the VMRUN, so entering again from the saved
 * state loses nothing - when the state lost is the entry's.  It can also
 * be an exit's, after the vCPU ran on (Dom0 replayed an interrupt it had
 * half handled, and died): then no repair can be exact, and this one is
 * a best effort.  Each
 * repair is logged (rate-limited); a vCPU that keeps failing the same way
 * is left to the normal exit handling (the domain crashes with the
 * reason), so a guest that really triple-faults still does.
 *
 * Dom0's VMCB is not spared: a Dom0 vCPU entered with the host's state
 * runs hypervisor code in Dom0's context and faults on hypervisor memory
 * until Linux on that CPU is dead (seen in guest-evflood-loop).  Dom0
 * keeps its own copy (hv_cpu.dom0_resume) and gets the first form
 * repaired the same way; the second form does not apply to it (Dom0
 * takes its own page faults).  Before the registers were kept, a repaired
 * Dom0 once went on with a user process's registers clobbered (that
 * process segfaulted: build/results/many2 of the scale repro).
 */
#include "guest.h"
#include "exits.h"
#include "paging.h"
#include <hv/domain.h>
#include <hv/log.h>
#include <hv/lib.h>

#define MAX_REPAIRS	3	/* in a row, for one vCPU */

/*
 * The page after a guest's VMCB (arch_vcpu_create allocates both), and
 * Dom0's hv_cpu.dom0_resume on each CPU.
 */
struct guest_resume {
	struct vmcb_save save;
	u64 gpr[16];		/* hv_cpu.gpr: rax and rsp unused */
	u64 eventinj;
	u64 vintr;
	u32 repairs;
	bool valid;		/* Dom0's: saved since this launch */
};

_Static_assert(sizeof(struct guest_resume) <= PAGE_SIZE, "one page");

static struct guest_resume *resume_of(struct vcpu *v)
{
	return (struct guest_resume *)((u8 *)vcpu_vmcb(v) + PAGE_SIZE);
}

static void save(struct guest_resume *r, const struct vmcb *vmcb,
		 const u64 *gpr)
{
	memcpy(&r->save, &vmcb->save, sizeof(r->save));
	memcpy(r->gpr, gpr, sizeof(r->gpr));
	r->eventinj = vmcb->control.eventinj;
	r->vintr = vmcb->control.vintr;
	r->valid = true;
}

static u64 repairs_logged;

/*
 * Put back the state of the last VMRUN, unless @r was repaired too often
 * in a row (then the exit is handled as what it says).  @who and @form
 * are for the log line.
 */
static bool restore(struct hv_cpu *c, struct vmcb *vmcb,
		    struct guest_resume *r, const char *who, const char *form,
		    u32 code)
{
	if (r->repairs >= MAX_REPAIRS)
		return false;
	r->repairs++;
	if (log_allowed(&repairs_logged))
		hv_log("%s: VMRUN lost %s state (%s, exit %x info %llx %llx); "
		       "entering again from rip %llx", who,
		       vmcb == c->dom0_vmcb ? "Dom0's" : "the guest's", form,
		       code, (unsigned long long)vmcb->control.exitinfo1,
		       (unsigned long long)vmcb->control.exitinfo2,
		       (unsigned long long)r->save.rip);
	memcpy(&vmcb->save, &r->save, sizeof(vmcb->save));
	memcpy(c->gpr, r->gpr, sizeof(c->gpr));
	vmcb->control.eventinj = r->eventinj;
	vmcb->control.vintr = r->vintr;
	vmcb->control.tlb_control = TLB_CONTROL_ALL;
	return true;
}

/* Right before each VMRUN of guest vCPU @v, loaded on @c. */
void guest_resume_save(struct hv_cpu *c, struct vcpu *v)
{
	save(resume_of(v), vcpu_vmcb(v), c->gpr);
}

void dom0_resume_reset(struct hv_cpu *c)
{
	struct guest_resume *r = c->dom0_resume;

	r->valid = false;
	r->repairs = 0;
}

/* Right before each VMRUN of Dom0 on @c. */
void dom0_resume_save(struct hv_cpu *c)
{
	save(c->dom0_resume, c->dom0_vmcb, c->gpr);
}

static bool host_state(struct hv_cpu *c, const struct vmcb_save *s)
{
	return s->cr3 == host_pt.root_pa && s->gdtr.base == (u64)c->gdt;
}

/* The guest faulted on its way in: nothing moved since the VMRUN. */
static bool stuck_at_entry(const struct vmcb_save *s,
			   const struct guest_resume *r, u32 code)
{
	return code == VMEXIT_SHUTDOWN && s->rip == r->save.rip &&
	       s->cr3 == r->save.cr3 && s->rsp == r->save.rsp;
}

/*
 * First thing on a guest's exit: true when @v's state was lost and is
 * now back as it was at the VMRUN (the exit is then no event at all).
 */
bool guest_resume_repair(struct hv_cpu *c, struct vcpu *v, u32 code)
{
	struct guest_resume *r = resume_of(v);
	struct vmcb *vmcb = vcpu_vmcb(v);
	const char *form;
	char who[32];

	if (host_state(c, &vmcb->save))
		form = "host state in the VMCB";
	else if (stuck_at_entry(&vmcb->save, r, code))
		form = "fault at entry";
	else {
		r->repairs = 0;
		return false;
	}
	snprintf(who, sizeof(who), "d%u vcpu %u", v->dom->id, v->id);
	return restore(c, vmcb, r, who, form, code);
}

/* As guest_resume_repair, for Dom0 on @c (not on a launch's first exit). */
bool dom0_resume_repair(struct hv_cpu *c, u32 code)
{
	struct guest_resume *r = c->dom0_resume;
	char who[16];

	if (c->first_run || !r->valid || !host_state(c, &c->dom0_vmcb->save)) {
		r->repairs = 0;
		return false;
	}
	snprintf(who, sizeof(who), "cpu %u", c->index);
	return restore(c, c->dom0_vmcb, r, who, "host state in the VMCB",
		       code);
}
