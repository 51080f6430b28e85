/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A virtual CPU: Dom0 has one per physical CPU (the running Linux on that
 * CPU), a guest has nr_vcpus of them placed on physical CPUs' run queues.
 * The register state lives in arch (the VMCB and the registers the VMCB
 * does not hold).
 */
#ifndef HV_VCPU_H
#define HV_VCPU_H

#include <hv/types.h>
#include <hv/sched_bvt.h>

#include <xen/xen.h>
#include <xen/vcpu.h>

struct domain;
struct arch_vcpu;

#define SCHED_POLL_MAX		128	/* ports per SCHEDOP_poll, as Xen */

struct vcpu {
	struct domain *dom;
	u32 id;			/* within its domain */
	u32 cpu;		/* physical CPU whose run queue it is on */
	bool up;		/* started: the boot vCPU, or VCPUOP_up */
	bool blocked;		/* waits for an event or its timer */
	bool running;		/* its registers are on a CPU right now */
	bool queued;		/* attached to cpu's run queue */
	u64 timer_ns;		/* singleshot deadline; 0: none */
	struct vcpu *next_on_cpu;	/* the CPU's list of guest vCPUs */
	struct bvt_vcpu sched;
	struct arch_vcpu *arch;
	u64 hypercalls;

	/* Xen's guest interface (core/xen_*.c). */
	bool initialised;	/* has a start state (VCPUOP_initialise) */
	bool halted;		/* HLT with interrupts off: blocked for good */
	bool time_stale;	/* pvclock and runstate before it runs */
	struct vcpu_info *vcpu_info;	/* shared_info's, or registered */
	u64 vcpu_info_gfn;	/* registered page; U64_MAX: none */
	u32 virq_timer_port;	/* VIRQ_TIMER's port; 0: unbound */
	/* Timers: timer_ns is the earliest of these (0: none). */
	u64 sshot_ns;		/* singleshot deadline */
	u64 period_ns;		/* periodic timer period; 0: off */
	u64 period_next;	/* its next deadline */
	u64 poll_ns;		/* SCHEDOP_poll timeout */
	bool polling;		/* in SCHEDOP_poll */
	u32 nr_poll;
	u32 poll_ports[SCHED_POLL_MAX];
	/* Runstate: ours, and a guest copy at a guest virtual address. */
	struct vcpu_runstate_info runstate;
	u64 runstate_gva;	/* 0: none */
	u64 woken_ns;		/* when it last stopped being blocked */
};

/* core/schedule.c: the per-CPU loop's decisions. */
int sched_init(u32 nr_cpus);
/* Dom0's vCPU of physical CPU @cpu (made by the arch at launch). */
void sched_set_dom0_vcpu(u32 cpu, struct vcpu *v);
struct vcpu *sched_current(u32 cpu);
/* Dom0 as a domain (for its BVT parameters), and its vCPU of @cpu. */
struct domain *sched_dom0(void);
struct vcpu *sched_dom0_vcpu(u32 cpu);
/* Put a guest vCPU on a CPU's queue (the least loaded launched one). */
void sched_attach(struct vcpu *v);
/*
 * Take a guest vCPU off its queue.  False while it is still running on
 * some CPU (that CPU has been kicked): call again.
 */
bool sched_detach(struct vcpu *v);
/* Re-evaluate whether @v wants the CPU (after up/blocked/pause change). */
void sched_update(struct vcpu *v);
/* Called by the arch on every exit of @cpu while it has guests. */
void sched_exit_point(u32 cpu);
/* The running vCPU blocks until an event, its timer, or an interrupt. */
void sched_block_current(u32 cpu);
/* Dom0's vCPU on @cpu halted (HLT) with nothing pending. */
void sched_dom0_halt(u32 cpu);
bool sched_cpu_has_guests(u32 cpu);
/*
 * Before @cpu leaves the hypervisor (on @cpu): its guest vCPUs move to
 * other CPUs and it leaves guest mode (0); -EBUSY when a guest vCPU there
 * may run on no other CPU (nothing moved); -EAGAIN while Dom0 still has
 * interrupts to take (each exit delivers them: try again).
 */
int sched_cpu_release(u32 cpu);

/*
 * The vector to inject into guest vCPU @v now (its event-channel upcall),
 * or 0.  The arch calls it before every run of @v and injects it when the
 * guest can take an interrupt (else asks for the window).
 */
u8 vcpu_upcall_vector(struct vcpu *v);

/*
 * The arch calls this right before each VMRUN of guest vCPU @v, after
 * its registers are loaded on this CPU (core/xen_time.c).
 */
void vcpu_before_run(struct vcpu *v);
/* From arch_vcpu_switch, queue lock held: @v left or came to a CPU. */
void vcpu_switched_out(struct vcpu *v);
void vcpu_switched_in(struct vcpu *v);
/* Wake @v from blocked (events, timer); sched_update is the caller's. */
void vcpu_wake_flag(struct vcpu *v);

/* core/vcpu.c: @v's singleshot timer expired (queue lock held). */
void vcpu_timer_fired(struct vcpu *v);
/* The running vCPU @v waits for an event (HLT with IF=1, SCHEDOP_block). */
void vcpu_block(struct vcpu *v);
/* HLT with interrupts off: @v is down; the last one down powers off. */
void vcpu_halt_forever(struct vcpu *v);
int vcpus_create(struct domain *d);
/* Off the CPUs; false while one still runs somewhere (call again). */
bool vcpus_stop(struct domain *d);
void vcpus_free(struct domain *d);
/* Re-evaluate all of @d's vCPUs after a domain state change. */
void vcpus_update(struct domain *d);

/* arch/x86/vcpu.c */
int arch_vcpu_create(struct vcpu *v);
void arch_vcpu_free(struct vcpu *v);
void arch_vcpu_pvh_state(struct vcpu *v, u32 entry, u32 ebx);
struct vcpu_hvm_context;
/* VCPUOP_initialise's start state for @v (not running); 0 or -EINVAL. */
int arch_vcpu_hvm_state(struct vcpu *v, const struct vcpu_hvm_context *c);

/* What core/schedule.c needs from the arch. */
bool arch_cpu_online(u32 cpu);
void arch_kick_cpu(u32 cpu);
/* Switch @cpu's registers from @prev to @next (either may be Dom0's). */
void arch_vcpu_switch(u32 cpu, struct vcpu *prev, struct vcpu *next);
/*
 * The hypervisor's timer on this CPU, @ns from now (0: stopped); only
 * while a guest vCPU runs or the CPU idles.
 */
void arch_timer_arm(u64 ns);
/* Whether the hypervisor's vector came since the last call (clears). */
bool arch_timer_fired(void);
/* Deadline of Dom0's own timer on this CPU while it is taken; 0: none. */
u64 arch_dom0_timer_deadline(u32 cpu);
/* Whether Dom0's vCPU on this CPU has an interrupt waiting for it. */
bool arch_dom0_pending(u32 cpu);
/* Wait for an interrupt with the CPU idle in the hypervisor. */
void arch_idle_wait(void);
/* Take pending physical interrupts now (guest mode has them exit). */
void arch_irq_window(void);
/* Dom0's intercepts for interrupts and HLT on this CPU, on or off. */
void arch_dom0_guest_mode(u32 cpu, bool on);

#endif
