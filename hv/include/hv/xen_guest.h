/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Xen's guest interface around the hypercalls: a domain's shared_info
 * and event channels, its vCPUs' time, timers and polls.  One file per
 * concern under core/xen_*.c; what they need from the arch is at the end.
 */
#ifndef HV_XEN_GUEST_H
#define HV_XEN_GUEST_H

#include <hv/types.h>

struct domain;
struct vcpu;

/*
 * The guest address in a XEN_GUEST_HANDLE field, whichever way the
 * interface version lays it out (a pointer, or a struct of one).
 */
#define GUEST_HANDLE_ADDR(h)	((u64)(uintptr_t)*(void *const *)&(h))

/* core/xen_domain.c: from vcpus_create / vcpus_free. */
int xen_domain_init(struct domain *d);
void xen_domain_fini(struct domain *d);
/*
 * Frames the hypervisor writes on its own (registered vcpu_info): must
 * stay the guest's.  Whoever takes frames from a running guest (the
 * balloon) refuses these.
 */
bool xen_domain_gfn_pinned(struct domain *d, u64 gfn);

/* core/xen_time.c */
void xen_time_init(u64 wallclock_ns);	/* once, at load */
u64 xen_system_time(void);		/* guests' system time, ns */
void xen_wallclock_fill(struct domain *d);
void xen_time_update(struct vcpu *v);	/* @v's pvclock, now */
void xen_runstate_copy(struct vcpu *v);	/* to the guest's area */

/* core/xen_timer.c: timers of the vCPU that runs here. */
void vcpu_timer_rearm(struct vcpu *v);
void vcpu_poll_end(struct vcpu *v);
/* @v waits for an event: blocked unless an upcall is already pending. */
bool vcpu_events_pending(struct vcpu *v);

/* core/xen_evtchn.c */
void evtchn_close_all(struct domain *d);
/* VIRQ_TIMER for @v from the scheduler (queue lock held): no wake. */
void evtchn_virq_timer(struct vcpu *v);
/* A port of @d bound to a Dom0 backend: the port, or -ENOSPC / -ESRCH. */
int evtchn_bind_dom0(struct domain *d);
/*
 * Dom0's backend notifies @port of @d (if still bound to Dom0).  The
 * caller keeps @d alive (the domctl lock).
 */
void evtchn_notify_from_dom0(struct domain *d, u32 port);

/* arch */
int arch_domain_map_shared(struct domain *d, u64 gfn, void *page);
void arch_domain_unmap_shared(struct domain *d);
u64 arch_domain_gfn_end(struct domain *d);
bool arch_vcpu_is_64bit(struct vcpu *v);
/* System time in ns and the TSC it was read from, one read. */
u64 arch_system_time(u64 *tsc);
void arch_system_time_init(void);

#endif
