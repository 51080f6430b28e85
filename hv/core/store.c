// SPDX-License-Identifier: GPL-2.0
/*
 * XL_CTL_DOM_STORE: a guest's xenstore ring, moved by the hypervisor
 * for Dom0's daemon (include/xenlate/dom0ctl.h has the operations).
 * Dom0 cannot map a guest's pages (decision 6), so every byte goes
 * through here, and every index in the ring is the guest's: checked by
 * xs_ring.c.  Called by do_domctl() under its lock, which also keeps
 * the ring's frame from going back to Dom0 while we copy (ballooned-out
 * frames return only through another domctl).
 */
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/xen_guest.h>
#include <hv/io_ring.h>
#include <hv/dom0.h>
#include <hv/console.h>
#include <hv/log.h>
#include <hv/lib.h>
#include <hv/errno.h>

static struct domain *find_guest(u32 domid)
{
	if (!domid || domid >= DOMID_LIMIT)
		return NULL;
	return domain_table_find(&hv_domains, (u16)domid);
}

/* Its own RAM: a frame it does not have would fault every copy. */
static bool own_frame(struct domain *d, u64 gfn)
{
	return gfn < arch_domain_gfn_end(d) &&
	       arch_domain_gpa_ptr(d, gfn << PAGE_SHIFT, PAGE_SIZE);
}

static long setup(struct domain *d, struct xl_ctl_dom_store *req)
{
	int store, cons;

	if (d->state != DOMAIN_BUILDING)
		return -EPERM;
	if (d->store_port || d->console_port)
		return -EEXIST;
	if (!own_frame(d, req->gfn) || !own_frame(d, req->console_gfn) ||
	    req->gfn == req->console_gfn)
		return -EINVAL;
	/* Ports the guest cannot have taken: it never ran.  Destroy closes. */
	store = evtchn_bind_dom0(d);
	cons = store < 0 ? store : evtchn_bind_dom0(d);
	if (cons < 0)
		return cons;
	d->store_gfn = req->gfn;
	d->console_gfn = req->console_gfn;
	WRITE_ONCE(d->store_port, (u32)store);
	WRITE_ONCE(d->console_port, (u32)cons);
	req->port = (u32)store;
	req->console_port = (u32)cons;
	return 0;
}

/*
 * The console ring, or NULL when the guest has none (or broke it).
 * Pinned (xen_domain_gfn_pinned): the frame stays the guest's.
 */
static struct xencons_interface *console_ring(struct domain *d)
{
	if (!READ_ONCE(d->console_port))
		return NULL;
	return arch_domain_gpa_ptr(d, d->console_gfn << PAGE_SHIFT,
				   PAGE_SIZE);
}

void store_console_kick(struct domain *d)
{
	struct xencons_interface *intf = console_ring(d);
	u8 chunk[256];
	long n;

	if (!intf)
		return;
	/* Bounded: at most one ring's worth per notification. */
	for (u32 done = 0; done < sizeof(intf->out); done += (u32)n) {
		n = cons_ring_take(intf, chunk, sizeof(chunk));
		if (n == -EIO) {
			/* Its own console only: stop serving it, say so once. */
			hv_log("domain %u: console ring indices impossible: console ring ignored from now on",
			       d->id);
			WRITE_ONCE(d->console_port, 0);
			return;
		}
		if (n <= 0)
			return;
		console_write(d, chunk, (u64)n);
	}
}

/* Ring bytes on their way, for READ, WRITE and CONSOLE_IN. */
static u8 bounce[XL_STORE_IO_MAX];	/* under the domctl lock */

/* The ring, or NULL when the guest has none or gave its frame away. */
static struct xenstore_domain_interface *ring(struct domain *d)
{
	_Static_assert(sizeof(struct xenstore_domain_interface) <= PAGE_SIZE,
		       "the ring fits its page");
	if (!d->store_port)
		return NULL;
	return arch_domain_gpa_ptr(d, d->store_gfn << PAGE_SHIFT, PAGE_SIZE);
}

/*
 * READ and WRITE on the xenstore ring, CONSOLE_IN on the console's input
 * side: the bytes through the bounce buffer, the guest notified on that
 * ring's port when any moved.
 */
static long io(struct domain *d, struct xl_ctl_dom_store *req)
{
	bool console = req->op == XL_STORE_CONSOLE_IN;
	bool put = req->op != XL_STORE_READ;
	void *intf = console ? (void *)console_ring(d) : (void *)ring(d);
	u32 len = (u32)MIN(req->len, (u64)XL_STORE_IO_MAX);
	long n;

	if (!intf)
		return -ENOENT;
	if (d->state == DOMAIN_DYING)
		return -ESRCH;
	if (put && copy_from_dom0(bounce, req->buf, len))
		return -EFAULT;
	if (console)
		n = cons_ring_put(intf, bounce, len);
	else
		n = put ? xs_ring_put(intf, bounce, len) :
			  xs_ring_take(intf, bounce, len);
	if (n == -EIO) {
		hv_log("domain %u: %s ring indices impossible", d->id,
		       console ? "console input" : "xenstore");
		return n;
	}
	if (!put && n > 0 && copy_to_dom0(req->buf, bounce, (u64)n))
		return -EFAULT;
	req->len = (u64)n;
	/* New bytes to read, or room for more. */
	if (n > 0)
		evtchn_notify_from_dom0(d, console ? d->console_port :
						     d->store_port);
	return 0;
}

static long pending(struct xl_ctl_dom_store *req)
{
	struct domain *found[MAX_DOMAINS];
	u32 n, nr = 0, max = (u32)MIN(req->len, (u64)XL_STORE_PENDING_MAX);

	n = domain_table_list(&hv_domains, 1, found, MAX_DOMAINS);
	for (u32 i = 0; i < n && nr < max; i++) {
		u32 id = found[i]->id;

		if (!__atomic_exchange_n(&found[i]->dom0_kick, false,
					 __ATOMIC_ACQ_REL))
			continue;
		if (copy_to_dom0(req->buf + (u64)nr * sizeof(id), &id,
				 sizeof(id))) {
			WRITE_ONCE(found[i]->dom0_kick, true);	/* next time */
			return -EFAULT;
		}
		nr++;
	}
	req->len = nr;
	return 0;
}

long dom_store(struct xl_ctl_dom_store *req)
{
	struct domain *d;

	if (req->op == XL_STORE_PENDING)
		return pending(req);
	d = find_guest(req->domid);
	if (!d)
		return -ESRCH;
	switch (req->op) {
	case XL_STORE_SETUP:
		return setup(d, req);
	case XL_STORE_READ:
	case XL_STORE_WRITE:
	case XL_STORE_CONSOLE_IN:
		return io(d, req);
	}
	return -EINVAL;
}
