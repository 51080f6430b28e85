// SPDX-License-Identifier: GPL-2.0
/*
 * Guest hypercalls: Xen's numbers (xen/xen.h) to handlers, one file per
 * family.  The path from a guest: VMMCALL exits, arch/x86/guest_exit.c
 * takes the arguments from the registers, this file picks the handler.
 * A number without a handler is -ENOSYS, as Xen says of what it lacks.
 */
#include <hv/hypercall.h>
#include <hv/vcpu.h>
#include <hv/domain.h>
#include <hv/errno.h>
#include <hv/xen_guest.h>
#include <xen/xen.h>

long xen_hypercall(struct vcpu *v, u64 nr, const u64 a[5])
{
	v->hypercalls++;
	__atomic_add_fetch(&v->dom->stats.hypercalls, 1, __ATOMIC_RELAXED);
	switch (nr) {
	case __HYPERVISOR_console_io:
		return xen_console_io(v, a[0], a[1], a[2]);
	case __HYPERVISOR_sched_op:
		return xen_sched_op(v, a[0], a[1]);
	case __HYPERVISOR_xen_version:
		return xen_version_op(v, a[0], a[1]);
	case __HYPERVISOR_memory_op:
		return xen_memory_op(v, a[0], a[1]);
	case __HYPERVISOR_vcpu_op:
		return xen_vcpu_op(v, a[0], a[1], a[2]);
	case __HYPERVISOR_set_timer_op:
		/* 32-bit guests pass the 64-bit time in two registers. */
		return xen_set_timer_op(v, arch_vcpu_is_64bit(v) ? a[0] :
					a[0] | a[1] << 32);
	case __HYPERVISOR_hvm_op:
		return xen_hvm_op(v, a[0], a[1]);
	case __HYPERVISOR_event_channel_op:
		return xen_event_channel_op(v, a[0], a[1]);
	}
	return -ENOSYS;
}
