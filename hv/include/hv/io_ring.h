/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The byte rings a guest shares with its backends, from the backend's
 * side: the xenstore ring (struct xenstore_domain_interface,
 * xen/io/xs_wire.h) and the console ring (struct xencons_interface,
 * xen/io/console.h).  Pure (no locks, no domain), so the host unit tests
 * drive every path.
 *
 * The page is the guest's and it writes it at will: each index is read
 * once, and a ring that claims more bytes than it holds is refused
 * (-EIO) rather than trusted; nothing is read or written outside the
 * ring's array whatever the indices say.
 */
#ifndef HV_IO_RING_H
#define HV_IO_RING_H

#include <hv/types.h>
#include <xen/io/xs_wire.h>
#include <xen/io/console.h>

/* One direction of a ring: @size bytes (a power of two) and its indices. */
struct io_ring {
	char *data;
	u32 size;
	u32 *cons;
	u32 *prod;
};

/* Up to @len bytes the other side produced, into @buf: how many, or -EIO. */
long io_ring_take(const struct io_ring *r, void *buf, u32 len);
/* Up to @len bytes of @buf for the other side: how many, or -EIO. */
long io_ring_put(const struct io_ring *r, const void *buf, u32 len);

/* Xenstore: the guest's requests, our responses. */
long xs_ring_take(struct xenstore_domain_interface *intf, void *buf,
		  u32 len);
long xs_ring_put(struct xenstore_domain_interface *intf, const void *buf,
		 u32 len);
/* Console: what Dom0 types (its "in" ring), what the guest wrote ("out"). */
long cons_ring_put(struct xencons_interface *intf, const void *buf,
		   u32 len);
long cons_ring_take(struct xencons_interface *intf, void *buf, u32 len);

#endif
