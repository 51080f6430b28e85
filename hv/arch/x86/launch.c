// SPDX-License-Identifier: GPL-2.0
/*
 * Taking a CPU over and giving it back.
 *
 * Launch runs in Linux's context with interrupts off: it captures Linux's
 * state into Dom0's VMCB so that the first VMRUN resumes Linux exactly at
 * the loader's resume point, then switches to the hypervisor's page
 * tables, descriptors and stack.  Devirtualising does the reverse from
 * Dom0's VMCB.
 */
#include "cpu.h"
#include "guest.h"
#include "msr.h"
#include "seg.h"
#include "paging.h"
#include "dom0.h"
#include "dom0_guard.h"
#include "uart.h"
#include "lapic.h"
#include "vcpu.h"
#include <hv/vcpu.h>
#include <hv/mm.h>
#include <hv/log.h>
#include <hv/lib.h>
#include <hv/errno.h>
#include <hv/arch.h>
#include <hv/dom0.h>

struct hv_cpu **hv_cpus;
u32 hv_nr_cpus;

struct desc_ptr {
	u16 limit;
	u64 base;
} __packed;

void clock_init(u64 khz);
void idt_init(void);
void idt_load(void);

static void cpu_init_gdt(struct hv_cpu *c)
{
	u64 tss = (u64)&c->tss;

	c->gdt[0] = 0;
	c->gdt[1] = 0x00af9b000000ffffULL;	/* 64-bit code */
	c->gdt[2] = 0x00cf93000000ffffULL;	/* data */
	/* Available 64-bit TSS (type 9); ltr marks it busy. */
	c->gdt[3] = (sizeof(c->tss) - 1) | ((tss & 0xffffff) << 16) |
		    (0x89ULL << 40) | (((tss >> 24) & 0xff) << 56);
	c->gdt[4] = tss >> 32;
	c->gdt[5] = 0;
	c->tss.ist[0] = (u64)c + CPU_IST_TOP * PAGE_SIZE;
	c->tss.iomap_base = sizeof(c->tss);
}

static int cpu_alloc(u32 index)
{
	struct hv_cpu *c = mem_alloc_pages(&hv_mem, CPU_BLOCK_PAGES,
					   CPU_BLOCK_PAGES);
	void *hsave;

	if (!c)
		return -ENOMEM;
	c->index = index;
	c->vmcb = alloc_page();
	c->host_vmcb = alloc_page();
	hsave = alloc_page();
	if (!c->vmcb || !c->host_vmcb || !hsave)
		return -ENOMEM;
	c->vmcb_pa = virt_to_phys(c->vmcb);
	c->host_vmcb_pa = virt_to_phys(c->host_vmcb);
	c->dom0_vmcb = c->vmcb;
	c->dom0_resume = alloc_page();
	c->dom0 = alloc_page();
	if (!c->dom0 || !c->dom0_resume || arch_dom0_vcpu_create(c->dom0, c->vmcb, c->vmcb_pa))
		return -ENOMEM;
	c->hsave_pa = virt_to_phys(hsave);
	cpu_init_gdt(c);
	/* Overflowing a stack faults instead of corrupting its neighbour. */
	if (pt_unmap(&host_pt, (u64)c + CPU_GUARD1 * PAGE_SIZE, PAGE_SIZE) ||
	    pt_unmap(&host_pt, (u64)c + CPU_GUARD2 * PAGE_SIZE, PAGE_SIZE))
		return -ENOMEM;
	hv_cpus[index] = c;
	return 0;
}

int arch_init(const struct xl_boot_info *bi)
{
	int rc;

	clock_init(bi->tsc_khz);
	uart_init(bi->serial_port);
	if (bi->serial_port)
		log_set_sink(uart_write);
	rc = paging_init(bi);
	if (!rc)
		rc = dom0_init(bi);
	if (!rc)
		rc = lapic_init(bi->directmap_va);
	if (!rc)
		rc = dom0_guard_init(bi);
	if (!rc)
		rc = vcpu_fpu_init();
	if (!rc)
		rc = sched_init(bi->nr_cpus);
	if (rc)
		return rc;
	idt_init();
	hv_nr_cpus = bi->nr_cpus;
	hv_cpus = mem_alloc_pages(&hv_mem, ALIGN_UP(hv_nr_cpus * 8,
						    PAGE_SIZE) / PAGE_SIZE, 1);
	if (!hv_cpus)
		return -ENOMEM;
	for (u32 i = 0; i < hv_nr_cpus; i++) {
		rc = cpu_alloc(i);
		if (rc) {
			hv_log("init: out of memory for CPU %u of %u", i,
			       hv_nr_cpus);
			return rc;
		}
	}
	return 0;
}

static u16 read_sel(int which)
{
	u16 s = 0;

	switch (which) {
	case 0:
		__asm__ __volatile__("mov %%cs, %0" : "=r"(s));
		break;
	case 1:
		__asm__ __volatile__("mov %%ss, %0" : "=r"(s));
		break;
	case 2:
		__asm__ __volatile__("mov %%ds, %0" : "=r"(s));
		break;
	case 3:
		__asm__ __volatile__("mov %%es, %0" : "=r"(s));
		break;
	case 4:
		__asm__ __volatile__("str %0" : "=r"(s));
		break;
	case 5:
		__asm__ __volatile__("sldt %0" : "=r"(s));
		break;
	}
	return s;
}

/* Dom0's intercepts: only what it must not do itself. */
static void vmcb_init_control(struct hv_cpu *c)
{
	struct vmcb_control *ctl = &c->vmcb->control;

	ctl->intercept_misc1 = INTERCEPT_CPUID | INTERCEPT_MSR |
			       INTERCEPT_SHUTDOWN | INTERCEPT_INVLPGA;
	if (uart_get_port())
		ctl->intercept_misc1 |= INTERCEPT_IOIO;
	ctl->intercept_misc2 = INTERCEPT_VMRUN | INTERCEPT_VMMCALL |
			       INTERCEPT_VMLOAD | INTERCEPT_VMSAVE |
			       INTERCEPT_STGI | INTERCEPT_CLGI |
			       INTERCEPT_SKINIT;
	ctl->iopm_base_pa = dom0_iopm_pa;
	ctl->msrpm_base_pa = dom0_msrpm_pa;
	ctl->guest_asid = 1;
	ctl->tlb_control = TLB_CONTROL_ALL;
	ctl->np_control = 1;
	ctl->ncr3 = dom0_npt.root_pa;
}

/* Linux's current state, resuming at @rip with @rsp and rax = 0. */
static void vmcb_init_save(struct hv_cpu *c, u64 rsp, u64 rip)
{
	struct vmcb_save *s = &c->vmcb->save;
	struct desc_ptr gdtr, idtr;
	u64 v;

	/* FS, GS, TR, LDTR, KernelGSBase, STAR/LSTAR/CSTAR/SFMASK, SYSENTER. */
	__asm__ __volatile__("vmsave %0" :: "a"(c->vmcb_pa) : "memory");
	__asm__ __volatile__("sgdt %0" : "=m"(gdtr));
	__asm__ __volatile__("sidt %0" : "=m"(idtr));
	s->gdtr.base = gdtr.base;
	s->gdtr.limit = gdtr.limit;
	s->idtr.base = idtr.base;
	s->idtr.limit = idtr.limit;
	seg_from_gdt(&s->cs, read_sel(0), gdtr.base, gdtr.limit);
	seg_from_gdt(&s->ss, read_sel(1), gdtr.base, gdtr.limit);
	seg_from_gdt(&s->ds, read_sel(2), gdtr.base, gdtr.limit);
	seg_from_gdt(&s->es, read_sel(3), gdtr.base, gdtr.limit);
	/*
	 * VMSAVE stored QEMU's hidden TR (type 0x89) and LDTR: take the
	 * GDT's word instead (busy TSS; a null LDT).
	 */
	seg_from_gdt(&s->tr, read_sel(4), gdtr.base, gdtr.limit);
	seg_from_gdt(&s->ldtr, read_sel(5), gdtr.base, gdtr.limit);
	s->cpl = 0;
	s->efer = rdmsr(MSR_EFER);
	s->cr0 = read_cr0();
	s->cr2 = read_cr2();
	s->cr3 = read_cr3();
	s->cr4 = read_cr4();
	__asm__ __volatile__("mov %%dr6, %0" : "=r"(v));
	s->dr6 = v;
	__asm__ __volatile__("mov %%dr7, %0" : "=r"(v));
	s->dr7 = v;
	__asm__ __volatile__("pushfq; pop %0" : "=r"(v));
	s->rflags = v;
	s->rip = rip;
	s->rsp = rsp;
	s->rax = 0;
	s->g_pat = rdmsr(MSR_IA32_PAT);
}

long arch_launch_cpu(u32 index, u64 resume_rsp, u64 resume_rip)
{
	struct hv_cpu *c;
	u32 a, b, cx, d;
	u64 efer = rdmsr(MSR_EFER);

	if (index >= hv_nr_cpus || !hv_cpus[index])
		return -EINVAL;
	c = hv_cpus[index];
	if (c->launched)
		return -EBUSY;
	cpuid_count(0x80000001, 0, &a, &b, &cx, &d);
	if (!(cx & BIT(2)))
		return -ENODEV;
	cpuid_count(0x8000000a, 0, &a, &b, &cx, &d);
	if (!(d & BIT(0)))
		return -ENODEV;
	if (rdmsr(MSR_VM_CR) & VM_CR_SVMDIS)
		return -EPERM;
	if (efer & EFER_SVME)
		return -EBUSY;
	wrmsr(MSR_EFER, efer | EFER_SVME);
	wrmsr(MSR_VM_HSAVE_PA, c->hsave_pa);
	/* Dom0's vCPU alone, as after any unload: no guest state left. */
	c->vmcb = c->dom0_vmcb;
	c->vmcb_pa = c->dom0->arch->vmcb_pa;
	c->loaded = c->dom0;
	c->last_guest = NULL;
	c->guest_mode = false;
	c->timer_taken = false;
	c->nmi_pending = false;
	c->dom0_virq = 0;
	memset((void *)c->dom0_irq, 0, sizeof(c->dom0_irq));
	c->apic_id = lapic_id();
	sched_set_dom0_vcpu(index, c->dom0);
	memset(c->vmcb, 0, PAGE_SIZE);
	memset(c->gpr, 0, sizeof(c->gpr));
	vmcb_init_control(c);
	vmcb_init_save(c, resume_rsp, resume_rip);
	c->first_run = true;
	dom0_resume_reset(c);	/* a state from an earlier launch is stale */
	c->resume_rip = resume_rip;
	svm_launch_switch(c, host_pt.root_pa,
			  (u64)c + CPU_STACK_TOP * PAGE_SIZE);
}

/* Continues svm_launch_switch on our own stack and page tables. */
void __noreturn svm_launch_continue(struct hv_cpu *c)
{
	struct desc_ptr gdtr = { sizeof(c->gdt) - 1, (u64)c->gdt };

	__asm__ __volatile__("lgdt %0" :: "m"(gdtr));
	__asm__ __volatile__("pushq %0; leaq 1f(%%rip), %%rax; pushq %%rax;"
			     "lretq; 1:" :: "i"(GDT_CS) : "rax", "memory");
	__asm__ __volatile__("mov %0, %%ss; mov %0, %%ds; mov %0, %%es"
			     :: "r"((u64)GDT_DS));
	/* A relaunch finds the TSS still marked busy from last time. */
	c->gdt[3] &= ~(0xfULL << 40);
	c->gdt[3] |= 0x9ULL << 40;
	__asm__ __volatile__("ltr %w0" :: "r"(GDT_TSS));
	idt_load();
	/* Drop Linux's global TLB entries: nothing of Linux's is ours. */
	write_cr4(read_cr4() & ~CR4_PGE);
	__asm__ __volatile__("vmsave %0" :: "a"(c->host_vmcb_pa) : "memory");
	dom0_guard_snapshot(c);	/* before other CPUs count it as ours */
	c->launched = true;
	svm_run_loop(c);
}

void arch_devirt(struct hv_cpu *c, u64 rip, u64 rax)
{
	struct vmcb_save *s = &c->vmcb->save;
	struct devirt_frame f;

	memcpy(f.gpr, c->gpr, sizeof(f.gpr));
	f.gpr[GPR_RAX] = rax;
	f.cr3 = s->cr3;
	f.cr4 = s->cr4;
	f.cr2 = s->cr2;
	f.rip = rip;
	f.rsp = s->rsp;
	f.rflags = s->rflags;
	f.cs = s->cs.selector;
	f.ss = s->ss.selector;
	f.ds = s->ds.selector;
	f.es = s->es.selector;
	f.vmcb_pa = c->vmcb_pa;
	f.gdtr_limit = (u16)s->gdtr.limit;
	f.gdtr_base = s->gdtr.base;
	f.idtr_limit = (u16)s->idtr.limit;
	f.idtr_base = s->idtr.base;
	wrmsr(MSR_IA32_PAT, s->g_pat);
	__asm__ __volatile__("mov %0, %%dr6" :: "r"(s->dr6));
	__asm__ __volatile__("mov %0, %%dr7" :: "r"(s->dr7));
	c->launched = false;
	svm_devirt_switch(&f);
}

void arch_fill_info(struct xl_ctl_info *info)
{
	u64 khz = arch_tsc_khz();

	info->nr_cpus_possible = hv_nr_cpus;
	for (u32 i = 0; i < hv_nr_cpus; i++) {
		struct hv_cpu *c = hv_cpus[i];

		if (!c || !READ_ONCE(c->launched))
			continue;
		info->nr_cpus_launched++;
		if (i < 64 * ARRAY_SIZE(info->cpus_launched))
			info->cpus_launched[i / 64] |= BIT(i % 64);
		info->dom0_exits += READ_ONCE(c->exits);
		for (u32 k = 0; k < XL_DOM0_EXIT_KINDS; k++)
			info->dom0_exit_kinds[k] +=
				READ_ONCE(c->dom0_exit_kinds[k]);
	}
	info->uptime_ns = arch_now_ns();
	info->tsc_khz = khz;
}

long arch_dom0_devirt(void)
{
	struct hv_cpu *c = this_cpu();
	long rc = sched_cpu_release(c->index);

	if (rc)
		return rc;
	hv_log("cpu %u leaves the hypervisor", c->index);
	/* RIP is already past the VMMCALL; rax = 0 tells the loader. */
	arch_devirt(c, c->vmcb->save.rip, 0);
}
