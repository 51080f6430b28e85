/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hypercall dispatch.  The arch exit handler (arch/x86/exit.c) calls
 * do_hypercall() with the guest's registers; core/hypercall.c picks the
 * handler by number; each handler lives in its own file.
 */
#ifndef HV_HYPERCALL_H
#define HV_HYPERCALL_H

#include <hv/types.h>

u64 do_hypercall(u64 nr, u64 a1, u64 a2, u64 a3, u64 a4, u64 a5);

struct vcpu;
/*
 * core/xen_hypercall.c: a guest's hypercall (Xen's numbers and ABI) with
 * its five arguments; returns Xen's result (0 or more, or -errno).
 */
long xen_hypercall(struct vcpu *v, u64 nr, const u64 a[5]);
long xen_console_io(struct vcpu *v, u64 cmd, u64 count, u64 buf);
long xen_sched_op(struct vcpu *v, u64 cmd, u64 arg);
long xen_version_op(struct vcpu *v, u64 cmd, u64 arg);
long xen_memory_op(struct vcpu *v, u64 cmd, u64 arg);
long xen_vcpu_op(struct vcpu *v, u64 cmd, u64 vcpuid, u64 arg);
long xen_set_timer_op(struct vcpu *v, u64 timeout_ns);
long xen_hvm_op(struct vcpu *v, u64 cmd, u64 arg);
long xen_event_channel_op(struct vcpu *v, u64 cmd, u64 arg);

/* core/dom0ctl.c: Dom0's private control hypercall. */
long do_dom0ctl(u64 cmd, u64 gpa, u64 len);

#endif
