// SPDX-License-Identifier: GPL-2.0
/*
 * Time as a Xen guest sees it: the wall clock in shared_info, each
 * vCPU's pvclock (vcpu_time_info) and its runstate.
 *
 * pvclock carries no XEN_PVCLOCK_TSC_STABLE_BIT: TCG's TSCs are not
 * synchronised across CPUs (SUBSTRATE.md), so readings of two vCPUs on
 * different CPUs may disagree and the guest must keep its own
 * monotonicity across them, as Linux does when the bit is clear.  Each
 * vCPU stays on one CPU, whose TSC scales consistently, and its pvclock
 * is refreshed whenever it comes to run and when it sets a timer.
 */
#include <hv/xen_guest.h>
#include <hv/pvclock.h>
#include <hv/vcpu.h>
#include <hv/domain.h>
#include <hv/guest_access.h>
#include <hv/arch.h>
#include <hv/lib.h>
#include <xen/xen.h>

static u64 wallclock_at_zero;	/* ns since the epoch at system time 0 */
static struct pvclock_scale scale;

void xen_time_init(u64 wallclock_ns)
{
	arch_system_time_init();
	scale = pvclock_scale_khz(arch_tsc_khz());
	wallclock_at_zero = wallclock_ns;
}

u64 xen_system_time(void)
{
	return arch_system_time(NULL);
}

/* The version protocol of xen.h: odd while the fields change. */
void xen_wallclock_fill(struct domain *d)
{
	struct shared_info *s = d->shared_info;
	u32 ver = READ_ONCE(s->wc_version);
	u64 sec = wallclock_at_zero / 1000000000ULL;

	WRITE_ONCE(s->wc_version, (ver + 1) | 1);
	barrier();
	s->wc_sec = (u32)sec;
	s->wc_nsec = (u32)(wallclock_at_zero % 1000000000ULL);
	s->xen_wc_sec_hi = (u32)(sec >> 32);
	barrier();
	WRITE_ONCE(s->wc_version, ((ver + 1) | 1) + 1);
}

void xen_time_update(struct vcpu *v)
{
	struct vcpu_info *vi = READ_ONCE(v->vcpu_info);
	struct vcpu_time_info *t;
	u64 tsc, now;
	u32 ver;

	if (!vi)
		return;
	t = &vi->time;
	/* The guest can write the version: only its parity is ours. */
	ver = (READ_ONCE(t->version) + 1) | 1;
	WRITE_ONCE(t->version, ver);
	barrier();	/* x86 keeps stores in order: the compiler must too */
	now = arch_system_time(&tsc);
	t->tsc_timestamp = tsc;
	t->system_time = now;
	t->tsc_to_system_mul = scale.mul;
	t->tsc_shift = scale.shift;
	t->flags = 0;	/* not XEN_PVCLOCK_TSC_STABLE_BIT: see above */
	barrier();
	WRITE_ONCE(t->version, ver + 1);
}

static void runstate_enter(struct vcpu *v, int state, u64 now)
{
	struct vcpu_runstate_info *r = &v->runstate;

	if (now > r->state_entry_time && (u32)r->state < ARRAY_SIZE(r->time))
		r->time[r->state] += now - r->state_entry_time;
	if (now > r->state_entry_time)
		r->state_entry_time = now;
	r->state = state;
}

void xen_runstate_copy(struct vcpu *v)
{
	/* Through the guest's page tables each time: they may change. */
	if (v->runstate_gva)
		copy_to_guest(v, v->runstate_gva, &v->runstate,
			      sizeof(v->runstate));
}

void vcpu_switched_out(struct vcpu *v)
{
	int state = RUNSTATE_runnable;

	if (!v->up || v->dom->state != DOMAIN_RUNNING)
		state = RUNSTATE_offline;
	else if (v->blocked)
		state = RUNSTATE_blocked;
	runstate_enter(v, state, xen_system_time());
	xen_runstate_copy(v);
}

void vcpu_switched_in(struct vcpu *v)
{
	struct vcpu_runstate_info *r = &v->runstate;
	u64 now = xen_system_time(), woken = READ_ONCE(v->woken_ns);

	/* Blocked until a wake, runnable from then on. */
	if (r->state == RUNSTATE_blocked && woken > r->state_entry_time &&
	    woken <= now)
		runstate_enter(v, RUNSTATE_runnable, woken);
	runstate_enter(v, RUNSTATE_running, now);
	v->initialised = true;
	v->time_stale = true;
}

void vcpu_before_run(struct vcpu *v)
{
	if (v->polling)
		vcpu_poll_end(v);
	if (!v->time_stale)
		return;
	v->time_stale = false;
	xen_time_update(v);
	xen_runstate_copy(v);
}
