// SPDX-License-Identifier: GPL-2.0
/*
 * Trying to take SVM back from the hypervisor: clearing EFER.SVME,
 * writing the SVM control MSRs, executing the SVM instructions; and MSRs
 * outside the permission map, which must fault cleanly.
 */
#define pr_fmt(fmt) "xenlate_probe: " fmt

#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <asm/msr.h>
#include <asm/asm.h>
#include "probe.h"

int probe_efer(void)
{
	u64 efer;
	int rc;

	rdmsrl(MSR_EFER, efer);
	if (!(efer & EFER_SVME)) {
		pr_err("efer: SVME is not set: not under the hypervisor?\n");
		return -ENODEV;
	}
	rc = wrmsrl_safe(MSR_EFER, efer & ~EFER_SVME);
	rdmsrl(MSR_EFER, efer);
	return (!rc || !(efer & EFER_SVME)) ? -EIO : 0;
}

int probe_svm_msrs(void)
{
	u64 hsave = 0, vm_cr = 0;
	int bad = 0;

	if (!wrmsrl_safe(MSR_VM_HSAVE_PA, 0x1000))
		bad++;
	if (!wrmsrl_safe(MSR_VM_CR, 0))
		bad++;
	rdmsrl_safe(MSR_VM_HSAVE_PA, &hsave);
	rdmsrl_safe(MSR_VM_CR, &vm_cr);
	pr_info("svm_msrs: Dom0 sees VM_HSAVE_PA %llx VM_CR %llx\n", hsave,
		vm_cr);
	return bad ? -EIO : 0;
}

/* Executes the instruction; 0 when it faulted (the expected #UD). */
#define TRY_INSN(insn)							\
({									\
	int ran = 1;							\
	asm volatile("1: " insn "\n\t"					\
		     "movl $0, %0\n\t"					\
		     "2:\n\t"						\
		     _ASM_EXTABLE(1b, 2b)				\
		     : "+r"(ran) : "a"(0x1000UL) : "memory");		\
	ran ? 0 : 1;							\
})

int probe_svm_insns(void)
{
	int got_through = 0;
	unsigned long flags;

	local_irq_save(flags);
	got_through += TRY_INSN("vmrun %%rax");
	got_through += TRY_INSN("vmload %%rax");
	got_through += TRY_INSN("vmsave %%rax");
	got_through += TRY_INSN("clgi");
	got_through += TRY_INSN("stgi");
	local_irq_restore(flags);
	return got_through ? -EIO : 0;
}

int probe_msr_outside(void)
{
	static const u32 msrs[] = { 0x40000000, 0x40000100, 0x12345678,
				    0xc0002000, 0xdeadbeef };
	u64 v;
	int i;

	/* These do not exist here: #GP reflected, not a hypervisor crash. */
	for (i = 0; i < ARRAY_SIZE(msrs); i++) {
		if (!rdmsrl_safe(msrs[i], &v))
			pr_info("msr_outside: %x reads %llx\n", msrs[i], v);
		wrmsrl_safe(msrs[i], 0);
	}
	return 0;
}
