// SPDX-License-Identifier: GPL-2.0
/*
 * Physical interrupts while guests exist (guest mode).
 *
 * Every physical interrupt then exits, from Dom0 and from guests.  The
 * hypervisor takes them in host mode in short windows (STGI; STI ... CLI;
 * CLGI) through its own IDT: its own vector (timer, kick) is
 * acknowledged at once; any other vector is Dom0's and is recorded
 * without EOI, so the local APIC keeps it in service exactly as if Dom0
 * had taken it, and Dom0's own EOI ends it.  Recorded vectors are
 * injected into Dom0, highest first, when Dom0 runs and can take an
 * interrupt; until then a virtual interrupt request (V_IRQ) makes Dom0
 * exit as soon as it opens its interrupt window.
 *
 * Injected how: as a virtual interrupt (V_IRQ with the vector, no VINTR
 * intercept), which the CPU takes like a physical one - with IF=1, out
 * of an interrupt shadow - and clears when taken.  Not through EVENTINJ:
 * QEMU's TCG delivers an EVENTINJ external interrupt at VMRUN but leaves
 * it as the vCPU's pending exception, and the next kick of that vCPU's
 * thread (another CPU's IPI, a timer, round-robin scheduling) delivers
 * it a second time wherever the vCPU then is - at the first instruction
 * of the handler with IF=0 (target/i386/tcg/sysemu/svm_helper.c,
 * helper_vmrun, SVM_EVTINJ_TYPE_INTR sets exception_index and returns).
 * Seen as a timer interrupt nested in itself before its SWAPGS, from
 * user mode: the kernel ran on the user's GS base and died.  Only one
 * vector is offered at a time; when more wait, the IRET that ends its
 * handler exits, and the window after it (VINTR) offers the next.
 */
#include "cpu.h"
#include "exits.h"
#include "lapic.h"
#include "vcpu.h"
#include <hv/vcpu.h>
#include <hv/log.h>

#define INT_SHADOW	BIT(0)

void hv_irq(u64 vector)
{
	struct hv_cpu *c = this_cpu();

	if (vector == HV_VECTOR) {
		lapic_eoi();
		c->hv_vector_seen = true;
		return;
	}
	c->dom0_irq[vector / 64] |= BIT(vector % 64);
}

void arch_irq_window(void)
{
	if (!this_cpu()->guest_mode)
		return;
	__asm__ __volatile__("stgi; sti; nop; cli; clgi" ::: "memory");
}

void arch_idle_wait(void)
{
	__asm__ __volatile__("stgi; sti; hlt; cli; clgi" ::: "memory");
}

static int highest_dom0_irq(struct hv_cpu *c)
{
	for (int i = 3; i >= 0; i--)
		if (c->dom0_irq[i])
			return i * 64 + 63 - __builtin_clzll(c->dom0_irq[i]);
	return -1;
}

bool arch_dom0_pending(u32 cpu)
{
	struct hv_cpu *c = hv_cpus[cpu];

	return highest_dom0_irq(c) >= 0 || c->nmi_pending || c->dom0_virq ||
	       (c->dom0_vmcb->control.eventinj & EVENTINJ_VALID);
}

u64 arch_dom0_timer_deadline(u32 cpu)
{
	struct hv_cpu *c = hv_cpus[cpu];

	return c->timer_taken ? c->dom0_timer.deadline_ns : 0;
}

void arch_timer_arm(u64 ns)
{
	this_cpu()->hv_vector_seen = false;
	lapic_timer_arm(ns);
}

bool arch_timer_fired(void)
{
	struct hv_cpu *c = this_cpu();
	bool seen = c->hv_vector_seen;

	c->hv_vector_seen = false;
	return seen;
}

/* A virtual interrupt request for @vector, above any TPR. */
static void vintr_request(struct vmcb_control *ctl, u8 vector)
{
	ctl->vintr &= ~(V_INTR_VECTOR_MASK | (0xfULL << V_INTR_PRIO_SHIFT));
	ctl->vintr |= V_IRQ | V_IGN_TPR | (0xfULL << V_INTR_PRIO_SHIFT) |
		      ((u64)vector << V_INTR_VECTOR_SHIFT);
}

/* Offer @vector: taken when the vCPU can take an interrupt. */
void vintr_offer(struct vmcb_control *ctl, u8 vector)
{
	vintr_request(ctl, vector);
	ctl->intercept_misc1 &= ~INTERCEPT_VINTR;
}

/* Exit (VMEXIT_VINTR) as soon as the vCPU opens its interrupt window. */
void vintr_window(struct vmcb_control *ctl)
{
	vintr_request(ctl, 0);
	ctl->intercept_misc1 |= INTERCEPT_VINTR;
}

/* Could the vCPU take an interrupt at its next VMRUN? */
bool vintr_open(const struct vmcb_control *ctl, const struct vmcb_save *s)
{
	return !(ctl->eventinj & EVENTINJ_VALID) && (s->rflags & RFLAGS_IF) &&
	       !(ctl->interrupt_shadow & INT_SHADOW);
}

static void dom0_irq_back(struct hv_cpu *c, u8 vector)
{
	c->dom0_irq[vector / 64] |= BIT(vector % 64);
}

/*
 * First thing at each Dom0 exit: a vector offered and not taken is
 * pending again (dom0_inject offers the highest then).
 */
void dom0_virq_exit(struct hv_cpu *c)
{
	struct vmcb_control *ctl = &c->dom0_vmcb->control;

	if (c->dom0_virq && (ctl->vintr & V_IRQ))
		dom0_irq_back(c, c->dom0_virq - 1);
	c->dom0_virq = 0;
	ctl->vintr &= ~V_IRQ;
}

/*
 * The exit cut the delivery of @vector short: pending again, unless the
 * delivery completed after all (@delivered, see cut_short_event()).
 */
void dom0_intr_cut_short(struct hv_cpu *c, u8 vector, bool delivered)
{
	if (c->dom0_virq == vector + 1) {
		c->dom0_virq = 0;
		c->dom0_vmcb->control.vintr &= ~V_IRQ;
	}
	if (!delivered)
		dom0_irq_back(c, vector);
}

/* Before Dom0 runs in guest mode: deliver what waits for it. */
void dom0_inject(struct hv_cpu *c)
{
	struct vmcb_control *ctl = &c->dom0_vmcb->control;
	struct vmcb_save *s = &c->dom0_vmcb->save;
	int v;

	ctl->vintr &= ~V_IRQ;
	ctl->intercept_misc1 &= ~(INTERCEPT_VINTR | INTERCEPT_IRET);
	if (!(ctl->eventinj & EVENTINJ_VALID) && c->nmi_pending) {
		/* QEMU consumes an injected NMI like an exception: fine. */
		c->nmi_pending = false;
		ctl->eventinj = 2 | EVENTINJ_TYPE_NMI | EVENTINJ_VALID;
	}
	v = highest_dom0_irq(c);
	if (v < 0 && !c->nmi_pending)
		return;
	if (v >= 0 && vintr_open(ctl, s)) {
		c->dom0_irq[v / 64] &= ~BIT(v % 64);
		c->dom0_virq = v + 1;
		vintr_offer(ctl, v);
		/* More waiting: exit when this one's handler returns. */
		if (highest_dom0_irq(c) >= 0 || c->nmi_pending)
			ctl->intercept_misc1 |= INTERCEPT_IRET;
		return;
	}
	/* Exit when Dom0 can take it (an NMI waits for any exit). */
	vintr_window(ctl);
}

void arch_dom0_guest_mode(u32 cpu, bool on)
{
	struct hv_cpu *c = hv_cpus[cpu];
	struct vmcb_control *ctl = &c->dom0_vmcb->control;

	c->guest_mode = on;
	if (on) {
		ctl->intercept_misc1 |= INTERCEPT_INTR | INTERCEPT_HLT;
	} else {
		ctl->intercept_misc1 &= ~(INTERCEPT_INTR | INTERCEPT_HLT |
					  INTERCEPT_VINTR | INTERCEPT_IRET);
		ctl->vintr &= ~V_IRQ;
	}
	hv_log("cpu %u: guest mode %s", cpu, on ? "on" : "off");
}

bool arch_cpu_online(u32 cpu)
{
	return cpu < hv_nr_cpus && hv_cpus[cpu] &&
	       READ_ONCE(hv_cpus[cpu]->launched);
}

void arch_kick_cpu(u32 cpu)
{
	struct hv_cpu *c = hv_cpus[cpu];

	/* Only a CPU in guest mode takes our vector in host mode. */
	if (cpu == this_cpu()->index || !READ_ONCE(c->guest_mode))
		return;
	lapic_kick(c->apic_id);
}
