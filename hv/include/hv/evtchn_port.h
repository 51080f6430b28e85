/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Event channels, the pure part: a domain's port table and the 2-level
 * pending/mask/selector bitmaps of xen/event_channel.h and xen/xen.h.
 * No locks and no scheduler here (core/xen_evtchn.c has them), so that
 * the host unit tests can drive every path.
 *
 * The bitmaps live in memory the guest writes at will: every operation
 * is one atomic read-modify-write per bit, as in Xen, and never trusts a
 * value it read back for anything but the decision to notify.
 */
#ifndef HV_EVTCHN_PORT_H
#define HV_EVTCHN_PORT_H

#include <hv/types.h>
#include <xen/xen.h>
#include <xen/event_channel.h>

/* Ports 1 .. EVTCHN_PORTS - 1; port 0 is never handed out, as in Xen. */
#define EVTCHN_PORTS		1024
#define EVTCHN_TABLE_PAGES	\
	((EVTCHN_PORTS * sizeof(struct evtchn) + PAGE_SIZE - 1) / PAGE_SIZE)

struct domain;

struct evtchn {
	u8 state;		/* EVTCHNSTAT_*; closed (0) is free */
	u8 notify_vcpu;		/* who gets the upcall */
	bool dropped;		/* unbound: a send went nowhere */
	u16 remote_domid;	/* unbound: who may bind; else the peer */
	u32 remote_port;	/* interdomain: the peer's port; virq: VIRQ */
	struct domain *remote;	/* interdomain: the peer (may be us) */
};

_Static_assert(EVTCHN_PORTS <= sizeof(xen_ulong_t) * 8 * sizeof(xen_ulong_t) * 8,
	       "2-level ABI covers every port");

/* The entry of @port, or NULL for a port outside the table or port 0. */
struct evtchn *evtchn_port(struct evtchn *table, u64 port);
/* The lowest free port, or -ENOSPC. */
int evtchn_port_alloc(const struct evtchn *table);

/*
 * 2-level delivery.  set_pending and unmask return true when the upcall
 * became pending just now: the caller then wakes or kicks the vCPU.
 * @vi may be NULL (a vCPU with no vcpu_info yet): the port is marked
 * pending and nothing else happens.
 */
bool evtchn_2l_set_pending(struct shared_info *s, struct vcpu_info *vi,
			   u32 port);
bool evtchn_2l_unmask(struct shared_info *s, struct vcpu_info *vi, u32 port);
void evtchn_2l_clear_pending(struct shared_info *s, u32 port);
bool evtchn_2l_is_pending(const struct shared_info *s, u32 port);
/* After a vcpu_info moved: an upcall for everything (Xen does so too). */
void evtchn_2l_mark_all(struct vcpu_info *vi);

#endif
