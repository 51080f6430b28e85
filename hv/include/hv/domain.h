/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Domains: Dom0 (id 0, the running Linux) and guests.  The table and the
 * lifecycle are architecture-independent; what a domain needs from the
 * CPU (nested page tables, vCPU state) hangs off arch.
 */
#ifndef HV_DOMAIN_H
#define HV_DOMAIN_H

#include <hv/types.h>
#include <hv/spinlock.h>
#include <hv/sched_bvt.h>

#define DOMID_DOM0		0
#define MAX_DOMAINS		256	/* the paper ran 128 at once */
#define MAX_GUEST_VCPUS		64
/* Guest ids are 1 .. DOMID_LIMIT - 1 (Xen reserves 0x7ff0 and up). */
#define DOMID_LIMIT		0x7ff0

enum domain_state {
	DOMAIN_BUILDING,	/* created, never ran: the builder may write */
	DOMAIN_RUNNING,
	DOMAIN_PAUSED,
	DOMAIN_SHUTDOWN,	/* stopped itself; shutdown_reason says why */
	DOMAIN_DYING,		/* being destroyed */
};

struct domain_stats {
	u64 cpu_ns;
	u64 hypercalls;
	u64 evtchn_sends;
};

struct arch_domain;
struct balloon;
struct evtchn;
struct shared_info;

struct domain {
	spinlock_t lock;	/* state changes */
	u16 id;
	enum domain_state state;
	u32 shutdown_reason;	/* SHUTDOWN_* from xen/sched.h */
	u32 nr_vcpus;
	u32 console_lines;	/* echoed to the hypervisor log */
	bool counted;		/* in sched_guest_domains */
	u64 tlb_gen;		/* Dom0's TLB generation once frames left */
	u64 nr_pages;		/* frames it owns now */
	u64 max_pages;		/* the most it may own (maxmem) */
	u64 created_ns;
	/* Hard affinity: bit N for CPU N; all-ones: any.  Set at start. */
	u64 cpu_mask;
	struct domain_stats stats;
	struct bvt_dom sched;
	struct vcpu *vcpu[MAX_GUEST_VCPUS];
	struct console *console;
	struct arch_domain *arch;
	/* core/balloon.c: NULL until Dom0 first sets a target. */
	struct balloon *balloon;

	/* Xen's guest interface (core/xen_*.c). */
	struct shared_info *shared_info;	/* hypervisor page, zeroed */
	spinlock_t evtchn_lock;	/* the port table; see xen_evtchn.c */
	struct evtchn *evtchn;	/* EVTCHN_PORTS entries */
	bool ports_closed;	/* dying: every port closed, no more */
	u32 pollers;		/* vCPUs in SCHEDOP_poll */
	u64 callback_irq;	/* HVM_PARAM_CALLBACK_IRQ as set */
	u8 upcall_vector;	/* from it; 0: no upcalls */

	/*
	 * The rings of Dom0's backends (core/store.c); port 0: none.  Their
	 * frames are the guest's own, and stay: it may not balloon them.
	 */
	u64 store_gfn;		/* xenstore, served by Dom0's daemon */
	u32 store_port;		/* the guest's port bound to Dom0 */
	u32 console_port;	/* console, drained by the hypervisor */
	u64 console_gfn;
	/* The guest sent on a port bound to Dom0 since Dom0 last looked. */
	bool dom0_kick;
};

/*
 * The table.  Ids are handed out increasing and not reused until they
 * wrap (so a stale id from Dom0 finds nothing rather than a new domain).
 */
struct domain_table {
	spinlock_t lock;
	u16 next_id;
	u32 nr;
	struct domain *slot[MAX_DOMAINS];	/* by id % MAX_DOMAINS */
};

void domain_table_init(struct domain_table *t);
/* A free id and slot for @d, or -ENOSPC; fills d->id. */
int domain_table_insert(struct domain_table *t, struct domain *d);
struct domain *domain_table_find(struct domain_table *t, u16 id);
void domain_table_remove(struct domain_table *t, struct domain *d);
/* Domains in id order starting at @from; returns how many were put. */
u32 domain_table_list(struct domain_table *t, u16 from, struct domain **out,
		      u32 max);

/*
 * core/vcpu.c: the domain stops itself (SHUTDOWN_* reason), or is
 * crashed by the hypervisor for what it did (logged).
 */
void domain_shutdown(struct domain *d, u32 reason);
void domain_crash(struct domain *d, const char *fmt, ...) __printf(2, 3);

/* Whether the state machine allows @from -> @to. */
bool domain_state_change_ok(enum domain_state from, enum domain_state to);

#endif
