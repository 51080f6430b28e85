// SPDX-License-Identifier: GPL-2.0
/*
 * vcpu_op and set_timer_op: starting and stopping a guest's vCPUs, where
 * their vcpu_info and runstate live, and their timers.  The vCPU id is
 * the guest's: checked against the domain's before anything else.
 * Timers are for the calling vCPU only, as in Xen for singleshot ones:
 * their fields then change only on its own CPU.
 */
#include <hv/hypercall.h>
#include <hv/xen_guest.h>
#include <hv/evtchn_port.h>
#include <hv/guest_access.h>
#include <hv/domctl.h>
#include <hv/vcpu.h>
#include <hv/domain.h>
#include <hv/lib.h>
#include <hv/errno.h>
#include <xen/xen.h>
#include <xen/errno.h>
#include <xen/vcpu.h>
#include <xen/hvm/hvm_vcpu.h>

#define MAX_GUEST_GFN		(1ULL << (40 - PAGE_SHIFT))
#define PERIOD_MIN_NS		1000000ULL	/* Xen's floor: 1 ms */
#define PERIOD_MAX_NS		(1ULL << 50)	/* no overflow when added */

static long initialise(struct vcpu *t, struct vcpu *v, u64 arg)
{
	struct vcpu_hvm_context ctx;
	struct domain *d = t->dom;
	long rc;

	if (copy_from_guest(v, &ctx, arg, sizeof(ctx)))
		return -EFAULT;
	/*
	 * Once, as in Xen: a vCPU never initialised has never run, so its
	 * VMCB is nobody else's while this writes it.
	 */
	spin_lock(&d->lock);
	if (t->initialised || t->up) {
		spin_unlock(&d->lock);
		return -EEXIST;
	}
	rc = arch_vcpu_hvm_state(t, &ctx);
	if (!rc)
		t->initialised = true;
	spin_unlock(&d->lock);
	return rc;
}

static long up(struct vcpu *t)
{
	if (!t->initialised && !t->up)
		return -EINVAL;
	t->up = true;
	sched_update(t);
	return 0;
}

static long down(struct vcpu *t)
{
	struct domain *d = t->dom;
	bool other = false;

	/* Not the last one: that is SCHEDOP_shutdown's business. */
	for (u32 i = 0; i < d->nr_vcpus; i++)
		if (d->vcpu[i] && d->vcpu[i] != t && d->vcpu[i]->up)
			other = true;
	if (!other)
		return -EINVAL;
	t->up = false;
	sched_update(t);	/* off its CPU at that CPU's next exit */
	return 0;
}

static long register_vcpu_info(struct vcpu *t, struct vcpu *v, u64 arg)
{
	struct vcpu_register_vcpu_info r;
	struct domain *d = t->dom;
	struct vcpu_info *old, *new;

	if (copy_from_guest(v, &r, arg, sizeof(r)))
		return -EFAULT;
	/* In one page, and aligned for the atomic bit operations. */
	if (r.offset > PAGE_SIZE - sizeof(*new) || (r.offset & 7) ||
	    r.mfn >= MAX_GUEST_GFN)
		return -EINVAL;
	/* Once; and only for itself or a vCPU that is down (Xen's rules). */
	if (t->vcpu_info_gfn != U64_MAX || (t != v && t->up))
		return -EINVAL;
	new = arch_domain_gpa_ptr(d, (r.mfn << PAGE_SHIFT) + r.offset,
				  sizeof(*new));
	if (!new)
		return -EINVAL;
	old = t->vcpu_info;
	if (old)
		memcpy(new, old, sizeof(*new));
	else
		memset(new, 0, sizeof(*new));
	WRITE_ONCE(t->vcpu_info_gfn, r.mfn);
	__atomic_store_n(&t->vcpu_info, new, __ATOMIC_SEQ_CST);
	/* A send may have hit the old place meanwhile: re-raise all. */
	evtchn_2l_mark_all(new);
	if (t == v)
		xen_time_update(t);
	else
		t->time_stale = true;
	return 0;
}

static long register_runstate(struct vcpu *t, struct vcpu *v, u64 arg)
{
	struct vcpu_register_runstate_memory_area r;

	if (copy_from_guest(v, &r, arg, sizeof(r)))
		return -EFAULT;
	t->runstate_gva = r.addr.p;
	if (t == v)
		xen_runstate_copy(t);
	return 0;
}

static long singleshot(struct vcpu *v, u64 arg)
{
	struct vcpu_set_singleshot_timer s;
	u64 now = xen_system_time();

	if (copy_from_guest(v, &s, arg, sizeof(s)))
		return -EFAULT;
	if ((s.flags & VCPU_SSHOTTMR_future) && s.timeout_abs_ns < now)
		return -XEN_ETIME;
	/* Already past: fires at the next exit (0 would mean none). */
	v->sshot_ns = MAX(s.timeout_abs_ns, 1);
	vcpu_timer_rearm(v);
	xen_time_update(v);
	return 0;
}

static long periodic(struct vcpu *v, u64 arg)
{
	struct vcpu_set_periodic_timer p;

	if (copy_from_guest(v, &p, arg, sizeof(p)))
		return -EFAULT;
	if (p.period_ns < PERIOD_MIN_NS || p.period_ns > PERIOD_MAX_NS)
		return -EINVAL;
	v->period_ns = p.period_ns;
	v->period_next = xen_system_time() + p.period_ns;
	vcpu_timer_rearm(v);
	xen_time_update(v);
	return 0;
}

long xen_set_timer_op(struct vcpu *v, u64 timeout_ns)
{
	/* 0 stops it; a time in the past fires at once. */
	v->sshot_ns = timeout_ns;
	vcpu_timer_rearm(v);
	xen_time_update(v);
	return 0;
}

long xen_vcpu_op(struct vcpu *v, u64 cmd, u64 vcpuid, u64 arg)
{
	struct domain *d = v->dom;
	struct vcpu *t;

	if (vcpuid >= d->nr_vcpus || !d->vcpu[vcpuid])
		return -ENOENT;
	t = d->vcpu[vcpuid];
	switch (cmd) {
	case VCPUOP_initialise:
		return initialise(t, v, arg);
	case VCPUOP_up:
		return up(t);
	case VCPUOP_down:
		return down(t);
	case VCPUOP_is_up:
		return t->up;
	case VCPUOP_get_runstate_info:
		return copy_to_guest(v, arg, &t->runstate,
				     sizeof(t->runstate)) ? -EFAULT : 0;
	case VCPUOP_register_runstate_memory_area:
		return register_runstate(t, v, arg);
	case VCPUOP_register_vcpu_info:
		return register_vcpu_info(t, v, arg);
	}
	if (t != v)
		return -EINVAL;
	switch (cmd) {
	case VCPUOP_set_singleshot_timer:
		return singleshot(v, arg);
	case VCPUOP_stop_singleshot_timer:
		v->sshot_ns = 0;
		vcpu_timer_rearm(v);
		return 0;
	case VCPUOP_set_periodic_timer:
		return periodic(v, arg);
	case VCPUOP_stop_periodic_timer:
		v->period_ns = 0;
		vcpu_timer_rearm(v);
		return 0;
	}
	/* send_nmi, get_physid, time memory area and the rest. */
	return -ENOSYS;
}
