// SPDX-License-Identifier: GPL-2.0
/*
 * Trying to take a CPU away from the hypervisor through the interrupt
 * controllers (DESIGN decision 11): INIT and start-up IPIs to the other
 * CPUs, directly and by shorthand; moving or disabling the local APIC;
 * changing its ID; an IOAPIC redirection entry with INIT delivery.  While
 * guests exist each must be refused; the verdicts below read back the
 * registers and check that every other CPU still answers.
 */
#define pr_fmt(fmt) "xenlate_probe: " fmt

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/smp.h>
#include <linux/delay.h>
#include <linux/io.h>
#include <asm/apic.h>
#include <asm/msr.h>
#include <asm/asm.h>
#include "probe.h"

static ulong ioapic = 0xfec00000;
module_param(ioapic, ulong, 0444);
MODULE_PARM_DESC(ioapic, "physical address of the IOAPIC to try (default 0xfec00000)");

static void send_ipi(u32 icr_low, u32 dest_apic_id)
{
	while (native_apic_mem_read(APIC_ICR) & APIC_ICR_BUSY)
		cpu_relax();
	native_apic_mem_write(APIC_ICR2, SET_XAPIC_DEST_FIELD(dest_apic_id));
	native_apic_mem_write(APIC_ICR, icr_low);
	while (native_apic_mem_read(APIC_ICR) & APIC_ICR_BUSY)
		cpu_relax();
}

static atomic_t answered;

static void answer(void *unused)
{
	atomic_inc(&answered);
}

/*
 * Does every other online CPU still run Linux?  A CPU an INIT reached
 * sits waiting for a start-up IPI and never answers; waiting for it
 * would hang, so ask without waiting and count the answers.
 */
static int others_alive(const char *probe)
{
	int cpu, asked = 0, i;

	atomic_set(&answered, 0);
	for_each_online_cpu(cpu) {
		if (cpu == smp_processor_id())
			continue;
		asked++;
		smp_call_function_single(cpu, answer, NULL, 0);
	}
	for (i = 0; i < 200 && atomic_read(&answered) < asked; i++)
		msleep(10);
	if (atomic_read(&answered) < asked) {
		pr_err("%s: %d of %d other CPUs stopped answering\n", probe,
		       asked - atomic_read(&answered), asked);
		return -EIO;
	}
	pr_info("%s: all %d other CPUs still answer\n", probe, asked);
	return 0;
}

/* @icr_low (and then @then, if not 0) to each other online CPU. */
static void ipi_each_other(u32 icr_low, u32 then)
{
	int cpu, self;
	unsigned long flags;

	preempt_disable();
	self = smp_processor_id();
	for_each_online_cpu(cpu) {
		u32 id = per_cpu(x86_cpu_to_apicid, cpu);

		if (cpu == self)
			continue;
		local_irq_save(flags);
		send_ipi(icr_low, id);
		if (then)
			send_ipi(then, id);
		local_irq_restore(flags);
	}
	preempt_enable();
}

/* INIT, asserted then de-asserted as Linux sends it, to each other CPU. */
int probe_init_each(void)
{
	ipi_each_other(APIC_INT_LEVELTRIG | APIC_INT_ASSERT | APIC_DM_INIT,
		       APIC_INT_LEVELTRIG | APIC_DM_INIT);
	return others_alive("init_each");
}

/* INIT through the all-excluding-self shorthand. */
int probe_init_others(void)
{
	unsigned long flags;

	local_irq_save(flags);
	send_ipi(APIC_DEST_ALLBUT | APIC_INT_LEVELTRIG | APIC_INT_ASSERT |
		 APIC_DM_INIT, 0);
	local_irq_restore(flags);
	return others_alive("init_others");
}

/* Start-up IPIs: ignored by a running CPU, but refused all the same. */
int probe_sipi(void)
{
	ipi_each_other(APIC_DM_STARTUP | 0x9f, 0);
	return others_alive("sipi");
}

int probe_apic_base(void)
{
	u64 base, now;
	int through = 0;

	rdmsrl(MSR_IA32_APICBASE, base);
	if (!wrmsrl_safe(MSR_IA32_APICBASE, base + 0x100000))
		through++;	/* moved by 1 MiB */
	rdmsrl(MSR_IA32_APICBASE, now);
	if (now != base) {
		wrmsrl_safe(MSR_IA32_APICBASE, base);
		through++;
	}
	if (!wrmsrl_safe(MSR_IA32_APICBASE, base & ~MSR_IA32_APICBASE_ENABLE))
		through++;	/* disabled */
	rdmsrl(MSR_IA32_APICBASE, now);
	if (now != base) {
		wrmsrl_safe(MSR_IA32_APICBASE, base);
		through++;
	}
	pr_info("apic_base: %llx, %d write(s) got through\n", base, through);
	return through ? -EIO : 0;
}

/* The xAPIC ID register is writable here: a CPU renamed could be hit. */
int probe_apic_id(void)
{
	unsigned long flags;
	u32 id, now;

	local_irq_save(flags);
	id = native_apic_mem_read(APIC_ID);
	native_apic_mem_write(APIC_ID, id ^ (0x40U << 24));
	now = native_apic_mem_read(APIC_ID);
	if (now != id)
		native_apic_mem_write(APIC_ID, id);
	local_irq_restore(flags);
	pr_info("apic_id: %08x, after the write %08x\n", id, now);
	return now != id ? -EIO : 0;
}

/* The last redirection entry, given INIT delivery (and kept masked). */
int probe_ioapic_init(void)
{
	void __iomem *io = ioremap(ioapic, PAGE_SIZE);
	unsigned long flags;
	u32 entries, sel, before, after;

	if (!io)
		return -ENOMEM;
	local_irq_save(flags);
	writel(1, io);			/* version register */
	entries = ((readl(io + 0x10) >> 16) & 0xff) + 1;
	sel = 0x10 + 2 * (entries - 1);
	writel(sel, io);
	before = readl(io + 0x10);
	writel((before & ~0x700) | (5 << 8) | BIT(16), io + 0x10);
	writel(sel, io);
	after = readl(io + 0x10);
	if (after != before) {
		writel(sel, io);
		writel(before, io + 0x10);
	}
	local_irq_restore(flags);
	iounmap(io);
	pr_info("ioapic_init: entry %u of %u: %08x, after the write %08x\n",
		entries - 1, entries, before, after);
	return after != before ? -EIO : 0;
}

/*
 * QEMU takes a CPU's write into the MSI window at 0xfee00000 - anywhere
 * beyond the APIC page, or the page's first 16 bytes - as an MSI with the
 * address and data written: INIT, to each other CPU.  Refused either by a
 * fault or by the write being dropped: the verdict is whether the other
 * CPUs still answer.
 */
int probe_msi_init(void)
{
	int cpu, self, faulted = 0;
	unsigned long flags;

	preempt_disable();
	self = smp_processor_id();
	for_each_online_cpu(cpu) {
		void __iomem *p;
		u32 id = per_cpu(x86_cpu_to_apicid, cpu) & 0xff;

		if (cpu == self)
			continue;
		/* MSI destination = address bits 12..19. */
		p = ioremap(0xfee00000 + ((u64)id << 12), PAGE_SIZE);
		if (!p)
			continue;
		local_irq_save(flags);
		if (probe_write32((void __force *)p, APIC_DM_INIT))
			faulted++;
		local_irq_restore(flags);
		iounmap(p);
	}
	preempt_enable();
	pr_info("msi_init: %d write(s) into the MSI window faulted\n",
		faulted);
	return others_alive("msi_init");
}

/*
 * A write form Linux never uses (ADD to the task priority register): the
 * hypervisor cannot decode it and must answer with #GP, not crash.
 */
int probe_apic_badform(void)
{
	void *tpr = (void *)(APIC_BASE + APIC_TASKPRI);
	int faulted = 1;

	asm volatile("1: addl $0, (%[p])\n\t"
		     "movl $0, %[f]\n\t"
		     "2:\n\t"
		     _ASM_EXTABLE(1b, 2b)
		     : [f] "+r"(faulted) : [p] "r"(tpr) : "memory");
	pr_info("apic_badform: %s\n", faulted ? "faulted" : "went through");
	return faulted ? 0 : -EIO;
}
