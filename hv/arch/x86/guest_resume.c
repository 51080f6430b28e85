// SPDX-License-Identifier: GPL-2.0
/*
 * The state each guest VMRUN starts from, kept next to the VMCB, and the
 * repair when the machine loses it.
 *
 * QEMU's TCG emulation of nested SVM (the test machine, ../SUBSTRATE.md)
 * now and then enters a guest with state that is not the guest's, a few
 * times in a million guest exits, and only on the CPU that also takes
 * Dom0's device interrupts.  Measured with a loop of event-flooding
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
 * guest RIP).  Either way the guest has run no instruction since the
 * VMRUN, so entering again from the saved state loses nothing.  Each
 * repair is logged (rate-limited); a vCPU that keeps failing the same way
 * is left to the normal exit handling (the domain crashes with the
 * reason), so a guest that really triple-faults still does.
 */
#include "guest.h"
#include "exits.h"
#include "paging.h"
#include <hv/domain.h>
#include <hv/log.h>
#include <hv/lib.h>

#define MAX_REPAIRS	3	/* in a row, for one vCPU */

/* The page after a guest's VMCB (arch_vcpu_create allocates both). */
struct guest_resume {
	struct vmcb_save save;
	u64 eventinj;
	u64 vintr;
	u32 repairs;
};

_Static_assert(sizeof(struct guest_resume) <= PAGE_SIZE, "one page");

static struct guest_resume *resume_of(struct vcpu *v)
{
	return (struct guest_resume *)((u8 *)vcpu_vmcb(v) + PAGE_SIZE);
}

/* Right before each VMRUN of guest vCPU @v. */
void guest_resume_save(struct vcpu *v)
{
	struct guest_resume *r = resume_of(v);
	struct vmcb *vmcb = vcpu_vmcb(v);

	memcpy(&r->save, &vmcb->save, sizeof(r->save));
	r->eventinj = vmcb->control.eventinj;
	r->vintr = vmcb->control.vintr;
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

static u64 repairs_logged;

/*
 * First thing on a guest's exit: true when @v's state was lost and is
 * now back as it was at the VMRUN (the exit is then no event at all).
 */
bool guest_resume_repair(struct hv_cpu *c, struct vcpu *v, u32 code)
{
	struct guest_resume *r = resume_of(v);
	struct vmcb *vmcb = vcpu_vmcb(v);
	const char *form;

	if (host_state(c, &vmcb->save))
		form = "host state in the VMCB";
	else if (stuck_at_entry(&vmcb->save, r, code))
		form = "fault at entry";
	else {
		r->repairs = 0;
		return false;
	}
	if (r->repairs >= MAX_REPAIRS)
		return false;
	r->repairs++;
	if (log_allowed(&repairs_logged))
		hv_log("d%u vcpu %u: VMRUN lost the guest's state (%s, exit "
		       "%x); entering again from rip %llx", v->dom->id, v->id,
		       form, code, (unsigned long long)r->save.rip);
	memcpy(&vmcb->save, &r->save, sizeof(vmcb->save));
	vmcb->control.eventinj = r->eventinj;
	vmcb->control.vintr = r->vintr;
	return true;
}
