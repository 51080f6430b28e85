// SPDX-License-Identifier: GPL-2.0
/*
 * Guest vCPUs and the domain-wide stops: creating them with their domain,
 * blocking and waking, shutdown and crash.  Registers are the arch's
 * (arch/x86/vcpu.c); queues are the scheduler's (schedule.c).
 */
#include <hv/vcpu.h>
#include <hv/domain.h>
#include <hv/mm.h>
#include <hv/log.h>
#include <hv/lib.h>
#include <hv/errno.h>
#include <hv/xen_guest.h>
#include <xen/sched.h>

extern u32 sched_guest_domains;

int vcpus_create(struct domain *d)
{
	bvt_dom_init(&d->sched);
	for (u32 i = 0; i < d->nr_vcpus; i++) {
		struct vcpu *v = alloc_page();

		if (!v || arch_vcpu_create(v)) {
			if (v)
				free_pages(v, 1);
			vcpus_free(d);
			return -ENOMEM;
		}
		v->dom = d;
		v->id = i;
		bvt_vcpu_init(&v->sched, &d->sched);
		d->vcpu[i] = v;
	}
	if (xen_domain_init(d)) {
		vcpus_free(d);
		return -ENOMEM;
	}
	/* Guest mode goes on everywhere while a guest domain exists. */
	d->counted = true;
	__atomic_add_fetch(&sched_guest_domains, 1, __ATOMIC_SEQ_CST);
	return 0;
}

bool vcpus_stop(struct domain *d)
{
	bool all = true;

	for (u32 i = 0; i < d->nr_vcpus; i++)
		if (d->vcpu[i] && !sched_detach(d->vcpu[i]))
			all = false;
	/*
	 * Off every CPU: its ports close now, before its frames go back to
	 * Dom0, so that no peer writes into them afterwards.
	 */
	if (all) {
		evtchn_close_all(d);
		/*
		 * shared_info out of its tables now, which puts back the
		 * guest's frame it hid: release gives that frame to Dom0
		 * with the rest (afterwards it would be lost to Dom0's
		 * tables while Linux frees its page).
		 */
		arch_domain_unmap_shared(d);
	}
	return all;
}

void vcpus_free(struct domain *d)
{
	xen_domain_fini(d);
	for (u32 i = 0; i < d->nr_vcpus; i++) {
		if (!d->vcpu[i])
			continue;
		arch_vcpu_free(d->vcpu[i]);
		free_pages(d->vcpu[i], 1);
		d->vcpu[i] = NULL;
	}
	if (d->counted) {
		d->counted = false;
		__atomic_sub_fetch(&sched_guest_domains, 1, __ATOMIC_SEQ_CST);
	}
}

void vcpus_update(struct domain *d)
{
	for (u32 i = 0; i < d->nr_vcpus; i++)
		if (d->vcpu[i])
			sched_update(d->vcpu[i]);
}

/*
 * Xen's HVM callback vector: asserted while vcpu_info says an upcall is
 * pending; the guest's IF gates it, evtchn_upcall_mask does not.
 */
u8 vcpu_upcall_vector(struct vcpu *v)
{
	u8 vec = READ_ONCE(v->dom->upcall_vector);

	return vec && vcpu_events_pending(v) ? vec : 0;
}

/* Queue lock held: no sched_update here, the scheduler syncs @v. */
void vcpu_timer_fired(struct vcpu *v)
{
	u64 now = xen_system_time();
	bool virq = false;

	if (v->sshot_ns && v->sshot_ns <= now) {
		v->sshot_ns = 0;
		virq = true;
	}
	if (v->period_ns && v->period_next <= now) {
		/* Ticks missed while descheduled fold into one, as Xen. */
		v->period_next += ((now - v->period_next) / v->period_ns + 1) *
				  v->period_ns;
		virq = true;
	}
	if (v->poll_ns && v->poll_ns <= now)
		v->poll_ns = 0;		/* the poll ends when it runs */
	if (virq)
		evtchn_virq_timer(v);
	vcpu_wake_flag(v);
	vcpu_timer_rearm(v);
}

/*
 * Blocked first, then a look for events: a sender sets the event first,
 * then clears blocked, so one of the two sees the other.
 */
void vcpu_block(struct vcpu *v)
{
	sched_block_current(v->cpu);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (vcpu_events_pending(v)) {
		WRITE_ONCE(v->blocked, false);
		sched_update(v);
	}
}

/*
 * Still up (VCPUOP_is_up says 1, as on Xen), but nothing wakes it: no
 * interrupt gets through IF=0.  Once every vCPU is down or halted so,
 * the domain has powered off.
 */
void vcpu_halt_forever(struct vcpu *v)
{
	struct domain *d = v->dom;
	bool any = false;

	WRITE_ONCE(v->halted, true);
	sched_block_current(v->cpu);
	for (u32 i = 0; i < d->nr_vcpus; i++) {
		struct vcpu *w = d->vcpu[i];

		if (w && w->up && !READ_ONCE(w->halted))
			any = true;
	}
	if (!any) {
		hv_log("domain %u: every vCPU halted with interrupts off",
		       d->id);
		domain_shutdown(d, SHUTDOWN_poweroff);
	}
}

void domain_shutdown(struct domain *d, u32 reason)
{
	spin_lock(&d->lock);
	if (!domain_state_change_ok(d->state, DOMAIN_SHUTDOWN)) {
		spin_unlock(&d->lock);
		return;
	}
	d->state = DOMAIN_SHUTDOWN;
	d->shutdown_reason = reason;
	spin_unlock(&d->lock);
	hv_log("domain %u: shut down (reason %u)", d->id, reason);
	vcpus_update(d);
}

void domain_crash(struct domain *d, const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	hv_log("domain %u crashed: %s", d->id, msg);
	domain_shutdown(d, SHUTDOWN_crash);
}
