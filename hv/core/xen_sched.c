// SPDX-License-Identifier: GPL-2.0
/* sched_op: a guest gives up its CPU, or stops itself. */
#include <hv/hypercall.h>
#include <hv/guest_access.h>
#include <hv/vcpu.h>
#include <hv/domain.h>
#include <hv/log.h>
#include <hv/errno.h>
#include <hv/xen_guest.h>
#include <hv/evtchn_port.h>
#include <xen/xen.h>
#include <xen/sched.h>

/*
 * Block until one of the ports is pending, or the timeout (absolute
 * system time; 0: none).  Like Xen, any upcall for this vCPU wakes it
 * too; the guest looks at its ports again either way.
 */
static long sched_poll(struct vcpu *v, u64 arg)
{
	struct domain *d = v->dom;
	struct sched_poll p;

	if (copy_from_guest(v, &p, arg, sizeof(p)))
		return -EFAULT;
	if (p.nr_ports > SCHED_POLL_MAX)
		return -EINVAL;
	if (p.nr_ports &&
	    copy_from_guest(v, v->poll_ports, GUEST_HANDLE_ADDR(p.ports),
			    p.nr_ports * sizeof(evtchn_port_t)))
		return -EFAULT;
	for (u32 i = 0; i < p.nr_ports; i++)
		if (v->poll_ports[i] >= EVTCHN_PORTS)
			return -EINVAL;
	v->nr_poll = p.nr_ports;
	__atomic_add_fetch(&d->pollers, 1, __ATOMIC_SEQ_CST);
	__atomic_store_n(&v->polling, true, __ATOMIC_SEQ_CST);
	vcpu_block(v);
	/* As in vcpu_block: blocked first, then a look at the ports. */
	for (u32 i = 0; i < p.nr_ports; i++)
		if (evtchn_2l_is_pending(d->shared_info, v->poll_ports[i])) {
			WRITE_ONCE(v->blocked, false);
			sched_update(v);
			vcpu_poll_end(v);
			return 0;
		}
	if (p.timeout) {
		v->poll_ns = p.timeout;
		vcpu_timer_rearm(v);
	}
	return 0;
}

long xen_sched_op(struct vcpu *v, u64 cmd, u64 arg)
{
	struct sched_shutdown sd;

	switch (cmd) {
	case SCHEDOP_yield:
		/* BVT decides at the exit that follows; nothing to keep. */
		return 0;
	case SCHEDOP_block:
		vcpu_block(v);
		return 0;
	case SCHEDOP_poll:
		return sched_poll(v, arg);
	case SCHEDOP_shutdown:
		if (copy_from_guest(v, &sd, arg, sizeof(sd)))
			return -EFAULT;
		if (sd.reason > SHUTDOWN_MAX)
			return -EINVAL;
		hv_log("domain %u: vcpu %u asks to shut down (reason %u)",
		       v->dom->id, v->id, sd.reason);
		domain_shutdown(v->dom, sd.reason);
		return 0;
	}
	return -ENOSYS;
}
