/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A guest's xenstore ring (struct xenstore_domain_interface,
 * xen/io/xs_wire.h), from the server's side: take the requests the guest
 * produced, put responses for it.  Pure (no locks, no domain), so the
 * host unit tests drive every path.
 *
 * The page is the guest's and it writes it at will: each index is read
 * once, and a ring that claims more bytes than it holds is refused
 * (-EIO) rather than trusted; nothing is read or written outside the
 * two 1 KiB arrays whatever the indices say.
 */
#ifndef HV_XS_RING_H
#define HV_XS_RING_H

#include <hv/types.h>
#include <xen/io/xs_wire.h>

/* Up to @len request bytes into @buf: how many, or -EIO. */
long xs_ring_take(struct xenstore_domain_interface *intf, void *buf,
		  u32 len);
/* Up to @len bytes of @buf onto the response ring: how many, or -EIO. */
long xs_ring_put(struct xenstore_domain_interface *intf, const void *buf,
		 u32 len);

#endif
