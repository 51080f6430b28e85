// SPDX-License-Identifier: GPL-2.0
/*
 * Dom0 touching what is not its own: nested page faults on hypervisor
 * memory, and the hypervisor's serial port.  Both are refused, logged and
 * leave the target unchanged.
 */
#include "exits.h"
#include "apic_emul.h"
#include <hv/log.h>
#include <hv/mm.h>

/*
 * Touches of unmapped memory (guests' frames, the MSI window) are
 * rate-limited apart from those of ours: a scan of all RAM meets
 * thousands of our pages and must not drown the lines for the others.
 */
static u64 unmapped_refused;

bool handle_npf(struct hv_cpu *c)
{
	u64 gpa = c->vmcb->control.exitinfo2;
	u64 err = c->vmcb->control.exitinfo1;
	bool ours = mem_owns_phys(&hv_mem, gpa, 1);

	if (apic_emul_npf(c, gpa, err))
		return true;
	if (log_allowed(ours ? &c->npf_refused : &unmapped_refused))
		hv_log("dom0: %s of %s memory at %llx refused (rip %llx)",
		       (err & 2) ? "write" : (err & 16) ? "fetch" : "read",
		       ours ? "hypervisor" : "unmapped",
		       (unsigned long long)gpa,
		       (unsigned long long)c->vmcb->save.rip);
	/* Linux's exception tables turn a #GP in *_nofault() into -EFAULT. */
	inject_exception(c, 13, true, 0);
	return false;
}

void handle_ioio(struct hv_cpu *c)
{
	u64 info = c->vmcb->control.exitinfo1;
	static u64 refused;

	/* String and REP forms touch memory: refuse them outright. */
	if (info & (BIT(2) | BIT(3))) {
		inject_exception(c, 13, true, 0);
		return;
	}
	if (log_allowed(&refused))
		hv_log("dom0: I/O port %llx belongs to the hypervisor",
		       (unsigned long long)(info >> 16));
	/* IN reads an absent device (all ones); OUT goes nowhere. */
	if (info & 1) {
		struct vmcb_save *s = &c->vmcb->save;

		/* SZ8, SZ16, SZ32 in bits 4-6; a 32-bit IN clears 63:32. */
		if (info & BIT(4))
			s->rax |= 0xff;
		else if (info & BIT(5))
			s->rax |= 0xffff;
		else
			s->rax = 0xffffffff;
	}
	c->vmcb->save.rip = c->vmcb->control.exitinfo2;
}
