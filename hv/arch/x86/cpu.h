/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU state of the hypervisor.  Each CPU owns a 64 KiB block aligned to
 * its size: struct hv_cpu at the bottom, then a guard page, the stack for
 * NMI/#DF/#MC, a guard page and the main stack.  Masking the stack pointer
 * therefore finds the CPU's own struct from any of its stacks.
 */
#ifndef X86_CPU_H
#define X86_CPU_H

#include <hv/types.h>
#include <xenlate/dom0ctl.h>
#include "vmcb.h"
#include "lapic.h"

struct vcpu;

#define CPU_BLOCK_SIZE		0x10000ULL
#define CPU_BLOCK_PAGES		(CPU_BLOCK_SIZE / PAGE_SIZE)
#define CPU_GUARD1		1	/* page index of the first guard */
#define CPU_IST_TOP		4	/* IST stack: pages 2-3 */
#define CPU_GUARD2		4
#define CPU_STACK_TOP		16	/* main stack: pages 5-15 */

/* Register numbers as in ModRM; rsp (4) lives in the VMCB. */
enum {
	GPR_RAX, GPR_RCX, GPR_RDX, GPR_RBX, GPR_RSP, GPR_RBP, GPR_RSI, GPR_RDI,
	GPR_R8, GPR_R9, GPR_R10, GPR_R11, GPR_R12, GPR_R13, GPR_R14, GPR_R15,
};

struct tss {
	u32 reserved0;
	u64 rsp[3];
	u64 reserved1;
	u64 ist[7];
	u64 reserved2;
	u16 reserved3;
	u16 iomap_base;
} __packed;

struct hv_cpu {
	/* Guest GPRs; rax and rsp are kept in the VMCB. Offset 0 (asm). */
	u64 gpr[16];
	u64 vmcb_pa;		/* offset 128 (asm) */
	u64 host_vmcb_pa;	/* offset 136 (asm) */
	struct vmcb *vmcb;
	struct vmcb *host_vmcb;
	u64 hsave_pa;
	u32 index;
	bool launched;
	bool first_run;		/* the next exit is the first of a launch */
	u64 resume_rip;		/* where Linux continues if launch fails */
	u64 exits;		/* every exit here, guests' too */
	u64 dom0_exit_kinds[XL_DOM0_EXIT_KINDS];	/* Dom0's own */
	u64 npf_refused;
	/* Dom0's vCPU on this CPU, and whose registers are loaded. */
	struct vcpu *dom0;
	struct vcpu *loaded;
	struct vmcb *dom0_vmcb;
	void *dom0_resume;	/* guest_resume.c: Dom0's last VMRUN state */
	u32 apic_id;
	/* dom0_guard_snapshot(): what the ICR check knows of this CPU. */
	u32 policy_apic_id;
	u32 policy_ldr;
	bool guest_mode;	/* Dom0's INTR and HLT exit (guests exist) */
	bool timer_taken;	/* the APIC timer is the hypervisor's */
	bool hv_vector_seen;	/* our vector came: timer may have fired */
	/* An NMI for Dom0, taken in host mode. */
	volatile bool nmi_pending;
	struct vcpu *last_guest;	/* the guest vCPU this CPU ran last */
	u64 apic_ticks_per_ms;
	/* Vectors taken in host mode for Dom0, not yet injected (no EOI). */
	volatile u64 dom0_irq[4];
	u16 dom0_virq;		/* vector + 1 offered in V_IRQ, or 0 */
	struct lapic_timer_save dom0_timer;
	u64 tlb_gen_seen;	/* Dom0's TLB flushed as of this generation */
	u64 gdt[6] __aligned(16);
	struct tss tss __aligned(16);
};

_Static_assert(offsetof(struct hv_cpu, vmcb_pa) == 128, "asm offset");
_Static_assert(offsetof(struct hv_cpu, host_vmcb_pa) == 136, "asm offset");
_Static_assert(sizeof(struct hv_cpu) <= PAGE_SIZE, "hv_cpu fits its page");

#define GDT_CS		0x08
#define GDT_DS		0x10
#define GDT_TSS		0x18

static inline struct hv_cpu *this_cpu(void)
{
	u64 rsp;

	__asm__ __volatile__("mov %%rsp, %0" : "=r"(rsp));
	return (struct hv_cpu *)ALIGN_DOWN(rsp, CPU_BLOCK_SIZE);
}

/* All CPUs' blocks, indexed by Linux CPU number. */
extern struct hv_cpu **hv_cpus;
extern u32 hv_nr_cpus;

static inline u64 read_cr0(void)
{
	u64 v;

	__asm__ __volatile__("mov %%cr0, %0" : "=r"(v));
	return v;
}

static inline u64 read_cr2(void)
{
	u64 v;

	__asm__ __volatile__("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline u64 read_cr3(void)
{
	u64 v;

	__asm__ __volatile__("mov %%cr3, %0" : "=r"(v));
	return v;
}

static inline u64 read_cr4(void)
{
	u64 v;

	__asm__ __volatile__("mov %%cr4, %0" : "=r"(v));
	return v;
}

static inline void write_cr4(u64 v)
{
	__asm__ __volatile__("mov %0, %%cr4" :: "r"(v) : "memory");
}

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return lo | ((u64)hi << 32);
}

static inline void cpuid_count(u32 leaf, u32 sub, u32 *a, u32 *b, u32 *c,
			       u32 *d)
{
	__asm__ __volatile__("cpuid"
			     : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
			     : "a"(leaf), "c"(sub));
}

#define CR4_PGE		BIT(7)
#define CR4_PCIDE	BIT(17)
#define CR4_LA57	BIT(12)
#define RFLAGS_IF	BIT(9)

/* arch/x86 internals shared between files. */
struct xl_boot_info;
int arch_init(const struct xl_boot_info *bi);
long arch_launch_cpu(u32 index, u64 resume_rsp, u64 resume_rip);
void __noreturn arch_devirt(struct hv_cpu *c, u64 rip, u64 rax);
void svm_handle_exit(struct hv_cpu *c);
void inject_exception(struct hv_cpu *c, u8 vector, bool has_error, u32 err);
void __noreturn hv_panic(const char *fmt, ...) __printf(1, 2);
void dump_guest(struct hv_cpu *c);

/* Assembly, vmrun.S */
void __noreturn svm_launch_switch(struct hv_cpu *c, u64 cr3, u64 stack_top);
void __noreturn svm_run_loop(struct hv_cpu *c);

struct devirt_frame {
	u64 gpr[16];		/* offset 0; gpr[GPR_RSP] unused */
	u64 cr3;		/* 128 */
	u64 cr4;		/* 136 */
	u64 cr2;		/* 144 */
	u64 rip;		/* 152 */
	u64 rsp;		/* 160 */
	u64 rflags;		/* 168 */
	u64 cs;			/* 176 */
	u64 ss;			/* 184 */
	u64 ds;			/* 192 */
	u64 es;			/* 200 */
	u64 vmcb_pa;		/* 208: VMLOADed for FS/GS/TR/LDTR/MSRs */
	u16 gdtr_pad[3];
	u16 gdtr_limit;		/* 222 */
	u64 gdtr_base;		/* 224 */
	u16 idtr_pad[3];
	u16 idtr_limit;		/* 238 */
	u64 idtr_base;		/* 240 */
};

_Static_assert(offsetof(struct devirt_frame, cr3) == 128, "asm offset");
_Static_assert(offsetof(struct devirt_frame, vmcb_pa) == 208, "asm offset");
_Static_assert(offsetof(struct devirt_frame, gdtr_limit) == 222, "asm");
_Static_assert(offsetof(struct devirt_frame, idtr_limit) == 238, "asm");

void __noreturn svm_devirt_switch(struct devirt_frame *f);

#endif
