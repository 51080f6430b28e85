// SPDX-License-Identifier: GPL-2.0
/*
 * The backend's half of a guest's byte rings (hv/io_ring.h).  The guest
 * is the other half, each side moving only its own index, with the
 * ordering of Linux's xenbus_comms.c and hvc_xen.c: data before the
 * producer index moves, and the consumer index moves only once the data
 * is read.
 */
#include <hv/io_ring.h>
#include <hv/lib.h>
#include <hv/errno.h>

/* Bytes queued between @cons and @prod, or -EIO for an impossible pair. */
static long queued(const struct io_ring *r, u32 cons, u32 prod)
{
	u32 n = prod - cons;	/* wraps like the guest's */

	return n > r->size ? -EIO : (long)n;
}

long io_ring_take(const struct io_ring *r, void *buf, u32 len)
{
	u32 cons = READ_ONCE(*r->cons), prod = READ_ONCE(*r->prod);
	long n = queued(r, cons, prod);
	u8 *out = buf;

	if (n < 0)
		return n;
	n = MIN((u32)n, len);
	/* The bytes are read after the index that says they are there. */
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	for (long i = 0; i < n; i++)
		out[i] = READ_ONCE(r->data[(cons + i) & (r->size - 1)]);
	/* ... and all read before the guest may reuse their space. */
	__atomic_thread_fence(__ATOMIC_RELEASE);
	WRITE_ONCE(*r->cons, cons + (u32)n);
	return n;
}

long io_ring_put(const struct io_ring *r, const void *buf, u32 len)
{
	u32 cons = READ_ONCE(*r->cons), prod = READ_ONCE(*r->prod);
	long n = queued(r, cons, prod);
	const u8 *in = buf;

	if (n < 0)
		return n;
	n = MIN(r->size - (u32)n, len);
	/* The guest's consumer index is read before we overwrite space. */
	__atomic_thread_fence(__ATOMIC_ACQ_REL);
	for (long i = 0; i < n; i++)
		WRITE_ONCE(r->data[(prod + i) & (r->size - 1)], in[i]);
	/* The bytes are there before the index says so. */
	__atomic_thread_fence(__ATOMIC_RELEASE);
	WRITE_ONCE(*r->prod, prod + (u32)n);
	return n;
}

long xs_ring_take(struct xenstore_domain_interface *intf, void *buf,
		  u32 len)
{
	const struct io_ring r = { intf->req, sizeof(intf->req),
				   &intf->req_cons, &intf->req_prod };

	return io_ring_take(&r, buf, len);
}

long xs_ring_put(struct xenstore_domain_interface *intf, const void *buf,
		 u32 len)
{
	const struct io_ring r = { intf->rsp, sizeof(intf->rsp),
				   &intf->rsp_cons, &intf->rsp_prod };

	return io_ring_put(&r, buf, len);
}

long cons_ring_put(struct xencons_interface *intf, const void *buf,
		   u32 len)
{
	const struct io_ring r = { intf->in, sizeof(intf->in),
				   &intf->in_cons, &intf->in_prod };

	return io_ring_put(&r, buf, len);
}

long cons_ring_take(struct xencons_interface *intf, void *buf, u32 len)
{
	const struct io_ring r = { intf->out, sizeof(intf->out),
				   &intf->out_cons, &intf->out_prod };

	return io_ring_take(&r, buf, len);
}
