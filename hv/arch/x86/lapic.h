/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The local APIC as the hypervisor uses it (xAPIC MMIO: this machine has
 * no x2APIC).  Dom0 owns its APIC; the hypervisor borrows the timer while
 * a guest vCPU runs or the CPU idles in the hypervisor, and sends its own
 * vector to kick another CPU.
 */
#ifndef X86_LAPIC_H
#define X86_LAPIC_H

#include <hv/types.h>

/*
 * The hypervisor's one vector: timer and kick.  0xf5 is unused by Linux
 * 6.1 (it was UV_BAU_MESSAGE), and its class (15) is above Linux's timer.
 */
#define HV_VECTOR		0xf5

/* Register offsets in the APIC page (xAPIC). */
#define APIC_ID			0x020
#define APIC_EOI		0x0b0
#define APIC_LDR		0x0d0
#define APIC_IRR		0x200
#define APIC_ICR		0x300
#define APIC_ICR2		0x310
#define APIC_LVTT		0x320
#define APIC_TMICT		0x380
#define APIC_TMCCT		0x390
#define APIC_TDCR		0x3e0

struct hv_cpu;

/* Dom0's timer, as it was when the hypervisor took it. */
struct lapic_timer_save {
	u32 lvt;
	u32 tdcr;
	u32 initial;
	u32 remaining;
	u64 taken_tsc;
	u64 deadline_ns;	/* when it would fire (arch_now_ns); 0: never */
	bool expired;		/* due at take, not yet raised */
};

int lapic_init(u64 directmap_va);
u32 lapic_id(void);
/* This CPU's register at offset @reg of the APIC page (32-bit access). */
u32 lapic_read(u32 reg);
void lapic_write(u32 reg, u32 v);
void lapic_eoi(void);
/* Take the timer from Dom0 (saving its state) / give it back. */
void lapic_timer_take(struct lapic_timer_save *s);
/* Returns Dom0's timer vector when its timer expired meanwhile, else 0. */
u32 lapic_timer_give_back(const struct lapic_timer_save *s);
/* One-shot HV_VECTOR in @ns (0: stop), while the hypervisor owns it. */
void lapic_timer_arm(u64 ns);
/* Send HV_VECTOR to the CPU with APIC id @apic_id. */
void lapic_kick(u32 apic_id);

#endif
