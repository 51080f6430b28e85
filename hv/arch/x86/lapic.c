// SPDX-License-Identifier: GPL-2.0
/*
 * Local APIC access for the hypervisor: EOI, the borrowed timer, kicks.
 *
 * The timer's rate is measured once per CPU the first time the hypervisor
 * owns the timer there (against the TSC, which the clock already knows),
 * so that Dom0's remaining count can be given back minus the time the
 * hypervisor kept it.
 */
#include "lapic.h"
#include "cpu.h"
#include "msr.h"
#include "paging.h"
#include "pgtable.h"
#include <hv/arch.h>
#include <hv/log.h>
#include <hv/errno.h>

#define LVT_MASKED	BIT(16)
#define LVT_PERIODIC	BIT(17)
#define ICR_BUSY	BIT(12)
#define TDCR_DIV_1	0xb

static volatile u8 *apic;

static inline u32 apic_read(u32 reg)
{
	return *(volatile u32 *)(apic + reg);
}

static inline void apic_write(u32 reg, u32 v)
{
	*(volatile u32 *)(apic + reg) = v;
}

u32 lapic_read(u32 reg)
{
	return apic_read(reg);
}

void lapic_write(u32 reg, u32 v)
{
	apic_write(reg, v);
}

int lapic_init(u64 directmap_va)
{
	u64 base = rdmsr(MSR_IA32_APIC_BASE) & PTE_ADDR;
	u64 va = directmap_va + base;

	/* Not RAM, so not in the direct map yet: map it uncached. */
	if (pt_map(&host_pt, va, base, PAGE_SIZE,
		   PTE_P | PTE_RW | PTE_NX | PTE_PCD | PTE_PWT, false))
		return -ENOMEM;
	apic = (volatile u8 *)va;
	return 0;
}

/* From CPUID: callable in Linux's context too, before our page tables. */
u32 lapic_id(void)
{
	u32 a, b, c, d;

	cpuid_count(1, 0, &a, &b, &c, &d);
	return b >> 24;
}

void lapic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

/* Divide configuration register value to divisor. */
static u32 tdcr_div(u32 tdcr)
{
	u32 code = (tdcr & 3) | ((tdcr >> 1) & 4);

	return code == 7 ? 1 : 2U << code;
}

/* Timer ticks per millisecond at divide-by-1, measured once per CPU. */
static u64 ticks_per_ms(void)
{
	struct hv_cpu *c = this_cpu();
	u64 t0, t1, khz = arch_tsc_khz();
	u32 left;

	if (c->apic_ticks_per_ms)
		return c->apic_ticks_per_ms;
	apic_write(APIC_LVTT, LVT_MASKED | HV_VECTOR);
	apic_write(APIC_TDCR, TDCR_DIV_1);
	apic_write(APIC_TMICT, 0xffffffff);
	t0 = rdtsc();
	do {
		t1 = rdtsc();
	} while (t1 - t0 < khz);	/* 1 ms: TCG's timing is noisy */
	left = apic_read(APIC_TMCCT);
	apic_write(APIC_TMICT, 0);
	c->apic_ticks_per_ms = (u64)(0xffffffffU - left) * khz / (t1 - t0);
	if (!c->apic_ticks_per_ms)
		c->apic_ticks_per_ms = 1;
	hv_log("cpu %u: APIC timer %llu kHz", c->index,
	       (unsigned long long)c->apic_ticks_per_ms);
	return c->apic_ticks_per_ms;
}

static bool irr_has(u32 vector)
{
	return apic_read(APIC_IRR + (vector / 32) * 0x10) & BIT(vector % 32);
}

void lapic_timer_take(struct lapic_timer_save *s)
{
	s->lvt = apic_read(APIC_LVTT);
	s->tdcr = apic_read(APIC_TDCR);
	s->initial = apic_read(APIC_TMICT);
	s->remaining = apic_read(APIC_TMCCT);
	s->taken_tsc = rdtsc();
	/*
	 * Count at 0 but no interrupt latched yet: QEMU raises a one-shot
	 * timer's interrupt a little after the count reads 0, through the
	 * LVT as it is then, and masking it now would lose it.  It is due:
	 * the give-back delivers it.
	 */
	s->expired = !s->remaining && s->initial &&
		     !(s->lvt & (LVT_MASKED | LVT_PERIODIC)) &&
		     !irr_has(s->lvt & 0xff);
	apic_write(APIC_LVTT, LVT_MASKED | HV_VECTOR);
	apic_write(APIC_TMICT, 0);
	s->deadline_ns = s->expired ? arch_now_ns() : 0;
	if (s->remaining && !(s->lvt & LVT_MASKED))
		s->deadline_ns = arch_now_ns() +
				 (u64)s->remaining * tdcr_div(s->tdcr) *
				 1000000 / ticks_per_ms();
}

u32 lapic_timer_give_back(const struct lapic_timer_save *s)
{
	u64 khz = arch_tsc_khz(), elapsed = rdtsc() - s->taken_tsc;
	u64 tpms = ticks_per_ms();
	/* In two steps: no overflow however long the hypervisor kept it. */
	u64 ticks = (elapsed / khz * tpms + elapsed % khz * tpms / khz) /
		    tdcr_div(s->tdcr);
	bool masked = s->lvt & LVT_MASKED;

	apic_write(APIC_TMICT, 0);
	apic_write(APIC_LVTT, s->lvt);
	apic_write(APIC_TDCR, s->tdcr);
	if (s->expired)
		return s->lvt & 0xff;
	if (!s->remaining)
		return 0;	/* it was not running */
	if (ticks < s->remaining) {
		apic_write(APIC_TMICT, (u32)(s->remaining - ticks));
		return 0;
	}
	/* It expired while we had it: a periodic timer starts over. */
	if (s->lvt & LVT_PERIODIC)
		apic_write(APIC_TMICT, s->initial);
	return masked ? 0 : (s->lvt & 0xff);
}

void lapic_timer_arm(u64 ns)
{
	/*
	 * A little early rather than late: the rate is measured, not
	 * exact, and firing early only costs a re-arm for the rest.
	 */
	u64 t = ns ? (ns - ns / 16) * ticks_per_ms() / 1000000 : 0;

	apic_write(APIC_TMICT, 0);
	if (!ns)
		return;
	apic_write(APIC_TDCR, TDCR_DIV_1);
	apic_write(APIC_LVTT, HV_VECTOR);
	apic_write(APIC_TMICT, (u32)MIN(MAX(t, 1), 0xffffffffULL));
}

void lapic_kick(u32 apic_id)
{
	u32 icr2 = apic_read(APIC_ICR2);

	/* Dom0 may have written ICR2 before it was interrupted: keep it. */
	while (apic_read(APIC_ICR) & ICR_BUSY)
		;
	apic_write(APIC_ICR2, apic_id << 24);
	apic_write(APIC_ICR, HV_VECTOR);	/* fixed, physical */
	while (apic_read(APIC_ICR) & ICR_BUSY)
		;
	apic_write(APIC_ICR2, icr2);
}
