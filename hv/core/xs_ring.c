// SPDX-License-Identifier: GPL-2.0
/*
 * The server's half of a xenstore ring (hv/xs_ring.h).  The guest is
 * the other half: it produces requests and consumes responses, each
 * side moving only its own index, with the ordering of Linux's
 * xenbus_comms.c: data before the producer index moves, and the
 * consumer index moves only once the data is read.
 */
#include <hv/xs_ring.h>
#include <hv/lib.h>
#include <hv/errno.h>

#define RING	XENSTORE_RING_SIZE

/* Bytes queued between @cons and @prod, or -EIO for an impossible pair. */
static long queued(XENSTORE_RING_IDX cons, XENSTORE_RING_IDX prod)
{
	XENSTORE_RING_IDX n = prod - cons;	/* wraps like the guest's */

	return n > RING ? -EIO : (long)n;
}

long xs_ring_take(struct xenstore_domain_interface *intf, void *buf,
		  u32 len)
{
	XENSTORE_RING_IDX cons = READ_ONCE(intf->req_cons);
	XENSTORE_RING_IDX prod = READ_ONCE(intf->req_prod);
	long n = queued(cons, prod);
	u8 *out = buf;

	if (n < 0)
		return n;
	n = MIN((u32)n, len);
	/* The bytes are read after the index that says they are there. */
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	for (long i = 0; i < n; i++)
		out[i] = READ_ONCE(intf->req[MASK_XENSTORE_IDX(cons + i)]);
	/* ... and all read before the guest may reuse their space. */
	__atomic_thread_fence(__ATOMIC_RELEASE);
	WRITE_ONCE(intf->req_cons, cons + (XENSTORE_RING_IDX)n);
	return n;
}

long xs_ring_put(struct xenstore_domain_interface *intf, const void *buf,
		 u32 len)
{
	XENSTORE_RING_IDX cons = READ_ONCE(intf->rsp_cons);
	XENSTORE_RING_IDX prod = READ_ONCE(intf->rsp_prod);
	long n = queued(cons, prod);
	const u8 *in = buf;

	if (n < 0)
		return n;
	n = MIN(RING - (u32)n, len);
	/* The guest's consumer index is read before we overwrite space. */
	__atomic_thread_fence(__ATOMIC_ACQ_REL);
	for (long i = 0; i < n; i++)
		WRITE_ONCE(intf->rsp[MASK_XENSTORE_IDX(prod + i)], in[i]);
	/* The bytes are there before the index says so. */
	__atomic_thread_fence(__ATOMIC_RELEASE);
	WRITE_ONCE(intf->rsp_prod, prod + (XENSTORE_RING_IDX)n);
	return n;
}
