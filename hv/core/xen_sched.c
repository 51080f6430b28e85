// SPDX-License-Identifier: GPL-2.0
/* sched_op: a guest gives up its CPU, or stops itself. */
#include <hv/hypercall.h>
#include <hv/guest_access.h>
#include <hv/vcpu.h>
#include <hv/domain.h>
#include <hv/log.h>
#include <hv/errno.h>
#include <xen/xen.h>
#include <xen/sched.h>

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
