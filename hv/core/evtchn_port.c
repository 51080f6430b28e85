// SPDX-License-Identifier: GPL-2.0
/*
 * Event channel port table and 2-level bitmaps (hv/evtchn_port.h).  The
 * sequence of bit operations is Xen's 2-level ABI: pending first, then,
 * if the port is not masked, its word's selector bit, then the vCPU's
 * upcall flag.  Each step stops when the bit was already set: whoever
 * set it has notified (or will), so a flood of sends costs one atomic
 * operation each once the first is pending.
 */
#include <hv/evtchn_port.h>
#include <hv/errno.h>

#define WORD_BITS	(sizeof(xen_ulong_t) * 8)

struct evtchn *evtchn_port(struct evtchn *table, u64 port)
{
	if (!port || port >= EVTCHN_PORTS)
		return NULL;
	return &table[port];
}

int evtchn_port_alloc(const struct evtchn *table)
{
	for (u32 p = 1; p < EVTCHN_PORTS; p++)
		if (table[p].state == EVTCHNSTAT_closed)
			return (int)p;
	return -ENOSPC;
}

static bool test_and_set(xen_ulong_t *w, u32 bit)
{
	xen_ulong_t m = (xen_ulong_t)1 << bit;

	return __atomic_fetch_or(w, m, __ATOMIC_SEQ_CST) & m;
}

static bool test_and_clear(xen_ulong_t *w, u32 bit)
{
	xen_ulong_t m = (xen_ulong_t)1 << bit;

	return __atomic_fetch_and(w, ~m, __ATOMIC_SEQ_CST) & m;
}

static bool test(const xen_ulong_t *w, u32 bit)
{
	return (__atomic_load_n(w, __ATOMIC_SEQ_CST) >> bit) & 1;
}

/* Selector bit, then the upcall flag: true if the upcall is new. */
static bool mark_pending(struct vcpu_info *vi, u32 port)
{
	if (!vi || test_and_set(&vi->evtchn_pending_sel, port / WORD_BITS))
		return false;
	return !__atomic_exchange_n(&vi->evtchn_upcall_pending, 1,
				    __ATOMIC_SEQ_CST);
}

bool evtchn_2l_set_pending(struct shared_info *s, struct vcpu_info *vi,
			   u32 port)
{
	if (test_and_set(&s->evtchn_pending[port / WORD_BITS],
			 port % WORD_BITS))
		return false;
	if (test(&s->evtchn_mask[port / WORD_BITS], port % WORD_BITS))
		return false;
	return mark_pending(vi, port);
}

bool evtchn_2l_unmask(struct shared_info *s, struct vcpu_info *vi, u32 port)
{
	/* Only the one who cleared the mask bit re-raises: no doubles. */
	if (!test_and_clear(&s->evtchn_mask[port / WORD_BITS],
			    port % WORD_BITS))
		return false;
	if (!test(&s->evtchn_pending[port / WORD_BITS], port % WORD_BITS))
		return false;
	return mark_pending(vi, port);
}

void evtchn_2l_clear_pending(struct shared_info *s, u32 port)
{
	test_and_clear(&s->evtchn_pending[port / WORD_BITS], port % WORD_BITS);
}

bool evtchn_2l_is_pending(const struct shared_info *s, u32 port)
{
	return test(&s->evtchn_pending[port / WORD_BITS], port % WORD_BITS);
}

void evtchn_2l_mark_all(struct vcpu_info *vi)
{
	__atomic_store_n(&vi->evtchn_pending_sel, ~(xen_ulong_t)0,
			 __ATOMIC_SEQ_CST);
	__atomic_store_n(&vi->evtchn_upcall_pending, 1, __ATOMIC_SEQ_CST);
}
