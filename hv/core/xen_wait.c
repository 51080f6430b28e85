// SPDX-License-Identifier: GPL-2.0
/*
 * How a guest vCPU waits and is woken: its timers (singleshot,
 * periodic, poll timeout, folded into the one deadline the scheduler
 * watches), SCHEDOP_poll, and the wake flag.
 *
 * Timer fields are only touched on the vCPU's own CPU: by its
 * hypercalls and by the scheduler's timer check there, never at once.
 */
#include <hv/xen_guest.h>
#include <hv/evtchn_port.h>
#include <hv/vcpu.h>
#include <hv/domain.h>
#include <hv/lib.h>

void vcpu_timer_rearm(struct vcpu *v)
{
	u64 t = 0, c[3] = { v->sshot_ns, v->period_ns ? v->period_next : 0,
			    v->poll_ns };

	for (u32 i = 0; i < ARRAY_SIZE(c); i++)
		if (c[i] && (!t || c[i] < t))
			t = c[i];
	WRITE_ONCE(v->timer_ns, t);
}

void vcpu_wake_flag(struct vcpu *v)
{
	/* Pairs with vcpu_block(): it sets blocked, then looks for events. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (READ_ONCE(v->halted))
		return;		/* HLT with IF=0: no event gets in */
	if (READ_ONCE(v->blocked))
		WRITE_ONCE(v->woken_ns, xen_system_time());
	WRITE_ONCE(v->blocked, false);
}

bool vcpu_events_pending(struct vcpu *v)
{
	struct vcpu_info *vi = READ_ONCE(v->vcpu_info);

	return vi && __atomic_load_n(&vi->evtchn_upcall_pending,
				     __ATOMIC_SEQ_CST);
}

void vcpu_poll_end(struct vcpu *v)
{
	if (!v->polling)
		return;
	WRITE_ONCE(v->polling, false);
	__atomic_sub_fetch(&v->dom->pollers, 1, __ATOMIC_SEQ_CST);
	v->poll_ns = 0;
	vcpu_timer_rearm(v);
}
