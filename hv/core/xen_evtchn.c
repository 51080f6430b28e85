// SPDX-License-Identifier: GPL-2.0
/*
 * event_channel_op, 2-level ABI.  Ports are per domain (hv/evtchn_port.h)
 * and every number in a request is the guest's: checked before use.
 *
 * Locking.  Each domain's evtchn_lock guards its port table.  Changes
 * that involve two domains (bind_interdomain, close of an interdomain
 * port, closing everything at destroy) also hold bind_lock, and take the
 * two domain locks lower id first.  A send holds only the sender's lock:
 * while it does, its port cannot be unbound, and the peer cannot be
 * freed, because the peer's destroy must unbind that port first under
 * both locks.  The peer's bitmaps are only touched with atomic bit
 * operations, so a send needs nothing of the peer's but its memory.
 * Queue locks (schedule.c) nest inside: a send may wake a vCPU while
 * holding a domain lock; nothing holding a queue lock takes a domain
 * lock (VIRQ_TIMER from the scheduler uses atomics only).
 *
 * Dom0 is not a Xen domain and has no port table: a guest port bound to
 * a Dom0 backend (xenstore) is interdomain with remote NULL.  The
 * guest's sends on it raise dom0_kick, which Dom0's daemon collects.
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
#include <xen/event_channel.h>

#define EVTCHN_NEW_PENDING	1
#define EVTCHN_NEW_UPCALL	2

static spinlock_t bind_lock = SPINLOCK_INIT;

static void lock_pair(struct domain *a, struct domain *b)
{
	if (a == b) {
		spin_lock(&a->evtchn_lock);
	} else if (a->id < b->id) {
		spin_lock(&a->evtchn_lock);
		spin_lock(&b->evtchn_lock);
	} else {
		spin_lock(&b->evtchn_lock);
		spin_lock(&a->evtchn_lock);
	}
}

static void unlock_pair(struct domain *a, struct domain *b)
{
	spin_unlock(&a->evtchn_lock);
	if (a != b)
		spin_unlock(&b->evtchn_lock);
}

static bool is_self(struct domain *d, u64 domid)
{
	return domid == DOMID_SELF || domid == d->id;
}

/* The vCPU a port notifies; the index is re-checked, it is plain data. */
static struct vcpu *notify_vcpu(struct domain *d, const struct evtchn *c)
{
	u32 n = READ_ONCE(c->notify_vcpu);

	return n < d->nr_vcpus && d->vcpu[n] ? d->vcpu[n] : d->vcpu[0];
}

static void wake(struct vcpu *v)
{
	vcpu_wake_flag(v);
	sched_update(v);	/* kicks its CPU if it runs elsewhere */
}

static bool polls(struct vcpu *v, u32 port)
{
	u32 n = MIN(READ_ONCE(v->nr_poll), (u32)SCHED_POLL_MAX);

	if (!READ_ONCE(v->polling))
		return false;
	for (u32 i = 0; i < n; i++)
		if (READ_ONCE(v->poll_ports[i]) == port)
			return true;
	return false;
}

/*
 * Mark @port of @d pending and notify.  Caller holds a lock that keeps
 * @d alive (its own or the sender's).  Bounded work: a flood costs one
 * atomic operation per send once the port is pending.
 */
static void deliver(struct domain *d, u32 port)
{
	struct vcpu *v = notify_vcpu(d, &d->evtchn[port]);
	struct vcpu_info *vi = READ_ONCE(v->vcpu_info);
	bool new_pending = !evtchn_2l_is_pending(d->shared_info, port);

	if (evtchn_2l_set_pending(d->shared_info, vi, port))
		wake(v);
	if (!new_pending || !READ_ONCE(d->pollers))
		return;
	for (u32 i = 0; i < d->nr_vcpus; i++)
		if (d->vcpu[i] && polls(d->vcpu[i], port))
			wake(d->vcpu[i]);
}

void evtchn_virq_timer(struct vcpu *v)
{
	u32 port = READ_ONCE(v->virq_timer_port);

	/*
	 * A close racing with this leaves at most a pending bit on a free
	 * port, which bind clears.  Pollers are woken only if it is @v:
	 * another vCPU's queue lock cannot be taken here.
	 */
	if (port && port < EVTCHN_PORTS)
		evtchn_2l_set_pending(v->dom->shared_info,
				      READ_ONCE(v->vcpu_info), port);
}

static long alloc_unbound(struct domain *d, struct evtchn_alloc_unbound *a)
{
	int port;

	if (!is_self(d, a->dom))
		return -EPERM;
	if (!is_self(d, a->remote_dom) && a->remote_dom >= DOMID_LIMIT)
		return -EINVAL;
	spin_lock(&d->evtchn_lock);
	port = d->ports_closed ? -ESRCH : evtchn_port_alloc(d->evtchn);
	if (port > 0) {
		struct evtchn *c = &d->evtchn[port];

		evtchn_2l_clear_pending(d->shared_info, port);
		c->state = EVTCHNSTAT_unbound;
		c->notify_vcpu = 0;
		c->remote_domid = is_self(d, a->remote_dom) ? d->id :
				  a->remote_dom;
		a->port = port;
	}
	spin_unlock(&d->evtchn_lock);
	return port < 0 ? port : 0;
}

static struct domain *find_domain(struct domain *self, u64 domid)
{
	if (is_self(self, domid))
		return self;
	if (domid >= DOMID_LIMIT)
		return NULL;
	return domain_table_find(&hv_domains, (u16)domid);
}

static long bind_interdomain(struct domain *ld,
			     struct evtchn_bind_interdomain *b)
{
	struct domain *rd;
	struct evtchn *rc, *lc;
	int lport;
	long ret = 0;

	/* Under bind_lock no domain is freed: its ports close under it. */
	spin_lock(&bind_lock);
	rd = find_domain(ld, b->remote_dom);
	if (!rd || rd->state == DOMAIN_DYING) {
		spin_unlock(&bind_lock);
		return -ESRCH;
	}
	lock_pair(ld, rd);
	rc = evtchn_port(rd->evtchn, b->remote_port);
	if (ld->ports_closed || rd->ports_closed) {
		ret = -ESRCH;
	} else if (!rc || rc->state != EVTCHNSTAT_unbound ||
		   rc->remote_domid != ld->id) {
		ret = -EINVAL;
	} else {
		lport = evtchn_port_alloc(ld->evtchn);
		if (lport < 0) {
			ret = lport;
		} else {
			lc = &ld->evtchn[lport];
			evtchn_2l_clear_pending(ld->shared_info, lport);
			lc->state = EVTCHNSTAT_interdomain;
			lc->notify_vcpu = 0;
			lc->remote_domid = rd->id;
			lc->remote_port = b->remote_port;
			lc->remote = rd;
			rc->state = EVTCHNSTAT_interdomain;
			rc->remote_domid = ld->id;
			rc->remote_port = lport;
			rc->remote = ld;
			b->local_port = lport;
			/*
			 * Xen raises the new port unconditionally, in case
			 * sends to the unbound end were lost; only when one
			 * was, here: a spurious first event would put a
			 * strict ping-pong one step out of phase.
			 */
			if (rc->dropped)
				deliver(ld, lport);
			rc->dropped = false;
		}
	}
	unlock_pair(ld, rd);
	spin_unlock(&bind_lock);
	return ret;
}

static long bind_virq(struct domain *d, struct evtchn_bind_virq *b)
{
	struct vcpu *v;
	int port;

	/*
	 * Only VIRQ_TIMER: the other per-vCPU VIRQs (debug, oprofile,
	 * PMU) and the global ones have no source here.
	 */
	if (b->virq != VIRQ_TIMER)
		return -EINVAL;
	if (b->vcpu >= d->nr_vcpus || !d->vcpu[b->vcpu])
		return -ENOENT;
	v = d->vcpu[b->vcpu];
	spin_lock(&d->evtchn_lock);
	if (d->ports_closed)
		port = -ESRCH;
	else if (v->virq_timer_port)
		port = -EEXIST;
	else
		port = evtchn_port_alloc(d->evtchn);
	if (port > 0) {
		struct evtchn *c = &d->evtchn[port];

		evtchn_2l_clear_pending(d->shared_info, port);
		c->state = EVTCHNSTAT_virq;
		c->notify_vcpu = (u8)b->vcpu;
		c->remote_port = b->virq;
		WRITE_ONCE(v->virq_timer_port, port);
		b->port = port;
	}
	spin_unlock(&d->evtchn_lock);
	return port < 0 ? port : 0;
}

/* Both domain locks (and bind_lock) held for interdomain ports. */
static void close_locked(struct domain *d, u32 port)
{
	struct evtchn *c = &d->evtchn[port];

	if (c->state == EVTCHNSTAT_interdomain && c->remote) {
		struct evtchn *r = &c->remote->evtchn[c->remote_port];

		/* The peer's end waits for someone to bind it again. */
		r->state = EVTCHNSTAT_unbound;
		r->remote_domid = d->id;
		r->remote = NULL;
		r->remote_port = 0;
	} else if (c->state == EVTCHNSTAT_virq) {
		struct vcpu *v = notify_vcpu(d, c);

		if (v->virq_timer_port == port)
			WRITE_ONCE(v->virq_timer_port, 0);
	}
	/* A stale pending bit would fire at the next bind. */
	evtchn_2l_clear_pending(d->shared_info, port);
	memset(c, 0, sizeof(*c));
}

static long close_port(struct domain *d, u64 port)
{
	struct domain *rd = d;
	struct evtchn *c;
	long ret = 0;

	spin_lock(&bind_lock);
	c = evtchn_port(d->evtchn, port);
	if (!c) {
		spin_unlock(&bind_lock);
		return -EINVAL;
	}
	/*
	 * Interdomain bindings change only under bind_lock: c->remote
	 * holds.  NULL: Dom0's end, which has no table.
	 */
	if (READ_ONCE(c->state) == EVTCHNSTAT_interdomain && c->remote)
		rd = c->remote;
	lock_pair(d, rd);
	if (c->state == EVTCHNSTAT_closed)
		ret = -EINVAL;
	else
		close_locked(d, (u32)port);
	unlock_pair(d, rd);
	spin_unlock(&bind_lock);
	return ret;
}

void evtchn_close_all(struct domain *d)
{
	spin_lock(&bind_lock);
	spin_lock(&d->evtchn_lock);
	d->ports_closed = true;
	spin_unlock(&d->evtchn_lock);
	for (u32 p = 1; p < EVTCHN_PORTS; p++) {
		struct evtchn *c = &d->evtchn[p];
		struct domain *rd = d;

		if (c->state == EVTCHNSTAT_closed)
			continue;
		if (c->state == EVTCHNSTAT_interdomain && c->remote)
			rd = c->remote;
		lock_pair(d, rd);
		close_locked(d, p);
		unlock_pair(d, rd);
	}
	spin_unlock(&bind_lock);
}

static long send(struct domain *d, u64 port)
{
	bool console_kick = false;
	struct evtchn *c;
	long ret = 0;

	spin_lock(&d->evtchn_lock);
	c = evtchn_port(d->evtchn, port);
	if (!c)
		ret = -EINVAL;
	else if (c->state == EVTCHNSTAT_interdomain && !c->remote &&
		 port == READ_ONCE(d->console_port))
		console_kick = true;	/* ours to drain, unlocked */
	else if (c->state == EVTCHNSTAT_interdomain && !c->remote)
		WRITE_ONCE(d->dom0_kick, true);	/* Dom0's daemon looks */
	else if (c->state == EVTCHNSTAT_interdomain)
		deliver(c->remote, c->remote_port);
	else if (c->state == EVTCHNSTAT_unbound)
		c->dropped = true;	/* dropped, as Xen does; see bind */
	else
		ret = -EINVAL;
	spin_unlock(&d->evtchn_lock);
	if (console_kick)
		store_console_kick(d);
	if (!ret)
		__atomic_add_fetch(&d->stats.evtchn_sends, 1,
				   __ATOMIC_RELAXED);
	return ret;
}

int evtchn_bind_dom0(struct domain *d)
{
	int port;

	spin_lock(&d->evtchn_lock);
	port = d->ports_closed ? -ESRCH : evtchn_port_alloc(d->evtchn);
	if (port > 0) {
		struct evtchn *c = &d->evtchn[port];

		evtchn_2l_clear_pending(d->shared_info, port);
		c->state = EVTCHNSTAT_interdomain;
		c->notify_vcpu = 0;
		c->remote_domid = DOMID_DOM0;
		c->remote_port = 0;
		c->remote = NULL;
	}
	spin_unlock(&d->evtchn_lock);
	return port;
}

void evtchn_notify_from_dom0(struct domain *d, u32 port)
{
	struct evtchn *c;

	spin_lock(&d->evtchn_lock);
	c = evtchn_port(d->evtchn, port);
	/* The guest may have closed it, or rebound the number since. */
	if (c && c->state == EVTCHNSTAT_interdomain && !c->remote)
		deliver(d, port);
	spin_unlock(&d->evtchn_lock);
}

static long unmask(struct domain *d, u64 port)
{
	struct evtchn *c;
	struct vcpu *v;

	spin_lock(&d->evtchn_lock);
	c = evtchn_port(d->evtchn, port);
	if (c) {
		v = notify_vcpu(d, c);
		if (evtchn_2l_unmask(d->shared_info, READ_ONCE(v->vcpu_info),
				     (u32)port))
			wake(v);
	}
	spin_unlock(&d->evtchn_lock);
	return c ? 0 : -EINVAL;
}

static long status(struct domain *d, struct evtchn_status *s)
{
	struct evtchn *c;

	if (!is_self(d, s->dom))
		return -EPERM;
	spin_lock(&d->evtchn_lock);
	c = evtchn_port(d->evtchn, s->port);
	if (c) {
		s->status = c->state;
		s->vcpu = c->notify_vcpu;
		memset(&s->u, 0, sizeof(s->u));
		if (c->state == EVTCHNSTAT_unbound) {
			s->u.unbound.dom = c->remote_domid;
		} else if (c->state == EVTCHNSTAT_interdomain) {
			s->u.interdomain.dom = c->remote_domid;
			s->u.interdomain.port = c->remote_port;
		} else if (c->state == EVTCHNSTAT_virq) {
			s->u.virq = c->remote_port;
		}
	}
	spin_unlock(&d->evtchn_lock);
	return c ? 0 : -EINVAL;
}

static long bind_vcpu(struct domain *d, struct evtchn_bind_vcpu *b)
{
	struct evtchn *c;
	long ret = 0;

	if (b->vcpu >= d->nr_vcpus || !d->vcpu[b->vcpu])
		return -ENOENT;
	spin_lock(&d->evtchn_lock);
	c = evtchn_port(d->evtchn, b->port);
	/* VIRQ_TIMER is per vCPU: it stays where it was bound. */
	if (!c || (c->state != EVTCHNSTAT_unbound &&
		   c->state != EVTCHNSTAT_interdomain))
		ret = -EINVAL;
	else
		WRITE_ONCE(c->notify_vcpu, (u8)b->vcpu);
	spin_unlock(&d->evtchn_lock);
	return ret;
}

/* Copy the argument in, run @fn, copy it back if @out. */
#define EVTCHN_OP(type, fn, out)					\
	do {								\
		type x;							\
		long rc;						\
									\
		if (copy_from_guest(v, &x, arg, sizeof(x)))		\
			return -EFAULT;					\
		rc = fn(d, &x);						\
		if (!rc && (out) && copy_to_guest(v, arg, &x, sizeof(x)))\
			return -EFAULT;					\
		return rc;						\
	} while (0)

static long close_op(struct domain *d, struct evtchn_close *x)
{
	return close_port(d, x->port);
}

static long send_op(struct domain *d, struct evtchn_send *x)
{
	return send(d, x->port);
}

static long unmask_op(struct domain *d, struct evtchn_unmask *x)
{
	return unmask(d, x->port);
}

long xen_event_channel_op(struct vcpu *v, u64 cmd, u64 arg)
{
	struct domain *d = v->dom;

	switch (cmd) {
	case EVTCHNOP_alloc_unbound:
		EVTCHN_OP(struct evtchn_alloc_unbound, alloc_unbound, true);
	case EVTCHNOP_bind_interdomain:
		EVTCHN_OP(struct evtchn_bind_interdomain, bind_interdomain,
			  true);
	case EVTCHNOP_bind_virq:
		EVTCHN_OP(struct evtchn_bind_virq, bind_virq, true);
	case EVTCHNOP_close:
		EVTCHN_OP(struct evtchn_close, close_op, false);
	case EVTCHNOP_send:
		EVTCHN_OP(struct evtchn_send, send_op, false);
	case EVTCHNOP_status:
		EVTCHN_OP(struct evtchn_status, status, true);
	case EVTCHNOP_bind_vcpu:
		EVTCHN_OP(struct evtchn_bind_vcpu, bind_vcpu, false);
	case EVTCHNOP_unmask:
		EVTCHN_OP(struct evtchn_unmask, unmask_op, false);
	}
	/*
	 * Not here: pirq and ipi bindings, reset, and the FIFO ABI
	 * (init_control, expand_array, set_priority): Linux falls back to
	 * the 2-level ABI when init_control fails.
	 */
	return -ENOSYS;
}
