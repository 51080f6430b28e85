// SPDX-License-Identifier: GPL-2.0
/*
 * The PV console ring (HVM_PARAM_CONSOLE_PFN / _EVTCHN, struct
 * xencons_interface): what Linux's hvc_xen writes its console to.  The
 * hypervisor drains the "out" ring when we notify, into the same console
 * Dom0 reads with 'xenlate console', and puts what is typed there on the
 * "in" ring, notifying us.
 */
#include "guest.h"
#include "hypercall.h"

#define mb()	__atomic_thread_fence(__ATOMIC_SEQ_CST)

/* Identity-mapped below 4 GiB (pagetable.c): a frame above is refused. */
#define PVCONS_PFN_LIMIT	(1ULL << (32 - PAGE_SHIFT))

/* The ring and its port, or an error. */
static int pvcons_ring(struct xencons_interface **intf, uint64_t *port)
{
	uint64_t pfn;

	if (hvm_get_param(HVM_PARAM_CONSOLE_PFN, &pfn) ||
	    hvm_get_param(HVM_PARAM_CONSOLE_EVTCHN, port) || !pfn || !*port)
		return -XEN_ENODEV;
	if (pfn >= PVCONS_PFN_LIMIT)
		return -XEN_EINVAL;
	*intf = (struct xencons_interface *)(uintptr_t)(pfn << PAGE_SHIFT);
	return 0;
}

int pvcons_write(const char *s, size_t len)
{
	struct xencons_interface *intf;
	uint64_t port;
	size_t done = 0;
	int ret = pvcons_ring(&intf, &port);

	if (ret)
		return ret;
	while (done < len) {
		XENCONS_RING_IDX cons = intf->out_cons, prod = intf->out_prod;
		size_t room;

		mb();
		if (prod - cons > sizeof(intf->out))
			return -XEN_EIO;
		room = sizeof(intf->out) - (prod - cons);
		for (; room && done < len; room--, done++, prod++)
			intf->out[MASK_XENCONS_IDX(prod, intf->out)] = s[done];
		mb();	/* the bytes before the index that shows them */
		intf->out_prod = prod;
		/* The hypervisor drains it before the send returns. */
		if (evtchn_send((evtchn_port_t)port))
			return -XEN_EIO;
	}
	return 0;
}

long pvcons_read(char *buf, size_t len)
{
	struct xencons_interface *intf;
	XENCONS_RING_IDX cons, prod;
	uint64_t port;
	size_t n = 0;
	int ret = pvcons_ring(&intf, &port);

	if (ret)
		return ret;
	cons = intf->in_cons;
	prod = intf->in_prod;
	mb();	/* the index before the bytes it shows */
	if (prod - cons > sizeof(intf->in))
		return -XEN_EIO;
	for (; cons != prod && n < len; n++, cons++)
		buf[n] = intf->in[MASK_XENCONS_IDX(cons, intf->in)];
	mb();	/* read before the backend may reuse the space */
	intf->in_cons = cons;
	return (long)n;
}
