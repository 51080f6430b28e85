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
	return all;
}

void vcpus_free(struct domain *d)
{
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

u8 vcpu_upcall_vector(struct vcpu *v)
{
	(void)v;
	return 0;	/* event channels are not in yet: nothing to deliver */
}

void vcpu_timer_fired(struct vcpu *v)
{
	/* Event channels (VIRQ_TIMER) come later; for now it wakes. */
	v->blocked = false;
}

void vcpu_block(struct vcpu *v)
{
	sched_block_current(v->cpu);
}

void vcpu_halt_forever(struct vcpu *v)
{
	struct domain *d = v->dom;
	bool any = false;

	v->up = false;
	sched_update(v);
	for (u32 i = 0; i < d->nr_vcpus; i++)
		if (d->vcpu[i] && d->vcpu[i]->up)
			any = true;
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
