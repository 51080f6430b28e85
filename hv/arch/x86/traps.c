// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor's IDT and what happens on an exception in host mode:
 * an expected fault (rdmsr_safe and friends) continues at its fixup,
 * anything else is a hypervisor bug and panics with registers and a
 * backtrace on the log and the serial port.
 */
#include "cpu.h"
#include <hv/log.h>

struct trap_frame {
	u64 rax, rcx, rdx, rbx, rbp, rsi, rdi;
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 vector, error;
	u64 rip, cs, rflags, rsp, ss;
};

struct idt_entry {
	u16 offset0;
	u16 selector;
	u8 ist;
	u8 type;
	u16 offset1;
	u32 offset2;
	u32 reserved;
} __packed;

struct extable_entry {
	s32 insn;
	s32 fixup;
};

extern const char hv_trap_stubs[], hv_irq_stubs[], hv_header[];
extern const struct extable_entry __extable_start[], __extable_end[];

static struct idt_entry idt[256] __aligned(16);

void idt_init(void)
{
	for (int v = 0; v < 256; v++) {
		u64 a = v < 32 ? (u64)hv_trap_stubs + 16 * v :
				 (u64)hv_irq_stubs + 16 * (v - 32);

		idt[v].offset0 = (u16)a;
		idt[v].selector = GDT_CS;
		/* NMI, #DF and #MC get a known-good stack. */
		idt[v].ist = (v == 2 || v == 8 || v == 18) ? 1 : 0;
		idt[v].type = 0x8e;	/* present, DPL 0, interrupt gate */
		idt[v].offset1 = (u16)(a >> 16);
		idt[v].offset2 = (u32)(a >> 32);
	}
}

void idt_load(void)
{
	struct {
		u16 limit;
		u64 base;
	} __packed d = { sizeof(idt) - 1, (u64)idt };

	__asm__ __volatile__("lidt %0" :: "m"(d));
}

static bool fixup(struct trap_frame *f)
{
	for (const struct extable_entry *e = __extable_start;
	     e < __extable_end; e++) {
		u64 insn = (u64)&e->insn + e->insn;
		u64 fix = (u64)&e->fixup + e->fixup;

		if (insn == f->rip) {
			f->rip = fix;
			return true;
		}
	}
	return false;
}

/* Walk saved frame pointers while they stay on this CPU's block. */
static void backtrace(u64 rbp)
{
	u64 lo = ALIGN_DOWN(rbp, CPU_BLOCK_SIZE);

	for (int i = 0; i < 16 && rbp; i++) {
		u64 *fp = (u64 *)rbp;

		if (rbp < lo || rbp + 16 > lo + CPU_BLOCK_SIZE ||
		    ALIGN_DOWN(rbp, CPU_BLOCK_SIZE) != (u64)this_cpu())
			break;
		hv_log("  [<%016llx>] (image+0x%llx)", (unsigned long long)fp[1],
		       (unsigned long long)(fp[1] - (u64)hv_header));
		rbp = fp[0];
	}
}

void hv_trap(struct trap_frame *f)
{
	struct hv_cpu *c = this_cpu();

	if (f->vector == 13 && fixup(f))
		return;
	/* A physical NMI taken in an interrupt window: it is Dom0's. */
	if (f->vector == 2) {
		c->nmi_pending = true;
		return;
	}
	hv_log("HYPERVISOR PANIC: exception %llu error %llx on cpu %u",
	       (unsigned long long)f->vector, (unsigned long long)f->error,
	       c->index);
	hv_log(" rip %016llx (image+0x%llx) rsp %016llx rflags %llx cr2 %016llx",
	       (unsigned long long)f->rip,
	       (unsigned long long)(f->rip - (u64)hv_header),
	       (unsigned long long)f->rsp,
	       (unsigned long long)f->rflags, (unsigned long long)read_cr2());
	hv_log(" rax %016llx rbx %016llx rcx %016llx rdx %016llx",
	       (unsigned long long)f->rax, (unsigned long long)f->rbx,
	       (unsigned long long)f->rcx, (unsigned long long)f->rdx);
	hv_log(" rsi %016llx rdi %016llx rbp %016llx r8  %016llx",
	       (unsigned long long)f->rsi, (unsigned long long)f->rdi,
	       (unsigned long long)f->rbp, (unsigned long long)f->r8);
	hv_log(" image at %016llx (addr2line -e build/hv/hv.elf image+X); backtrace:",
	       (unsigned long long)hv_header);
	backtrace(f->rbp);
	hv_panic("unexpected exception %llu", (unsigned long long)f->vector);
}
