// SPDX-License-Identifier: GPL-2.0
/*
 * A hypervisor panic: print why, the exit that was being handled and the
 * guest's registers, then stop this CPU for good (GIF stays clear, so
 * nothing wakes it).  Other CPUs go on; Dom0 will notice this one is gone.
 */
#include "cpu.h"
#include <hv/log.h>
#include <hv/lib.h>
#include <hv/dom0.h>

void dump_guest(struct hv_cpu *c)
{
	struct vmcb *v = c->vmcb;

	if (!v)
		return;
	hv_log(" exit %llx info1 %llx info2 %llx intinfo %llx",
	       (unsigned long long)v->control.exitcode,
	       (unsigned long long)v->control.exitinfo1,
	       (unsigned long long)v->control.exitinfo2,
	       (unsigned long long)v->control.exitintinfo);
	hv_log(" guest rip %016llx rsp %016llx rflags %llx cpl %u",
	       (unsigned long long)v->save.rip,
	       (unsigned long long)v->save.rsp,
	       (unsigned long long)v->save.rflags, v->save.cpl);
	hv_log(" guest cr0 %llx cr3 %llx cr4 %llx efer %llx",
	       (unsigned long long)v->save.cr0,
	       (unsigned long long)v->save.cr3,
	       (unsigned long long)v->save.cr4,
	       (unsigned long long)v->save.efer);
	hv_log(" guest rax %016llx rbx %016llx rcx %016llx rdx %016llx",
	       (unsigned long long)v->save.rax,
	       (unsigned long long)c->gpr[GPR_RBX],
	       (unsigned long long)c->gpr[GPR_RCX],
	       (unsigned long long)c->gpr[GPR_RDX]);
	hv_log(" guest rsi %016llx rdi %016llx rbp %016llx",
	       (unsigned long long)c->gpr[GPR_RSI],
	       (unsigned long long)c->gpr[GPR_RDI],
	       (unsigned long long)c->gpr[GPR_RBP]);
}

/* Not const: the compiler must not see the null access coming. */
static u64 *volatile debug_bad_address;

void arch_debug_crash(void)
{
	(void)*(volatile u64 *)debug_bad_address;	/* #PF in host mode */
}

void hv_panic(const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	hv_log("HYPERVISOR PANIC on cpu %u: %s", this_cpu()->index, msg);
	dump_guest(this_cpu());
	hv_log("cpu %u halted", this_cpu()->index);
	for (;;)
		__asm__ __volatile__("cli; hlt");
}
