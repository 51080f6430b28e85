/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ballooning on Dom0's side (balloon.c): each guest's target, the spare
 * frames Dom0 hands the hypervisor ahead of the guest's populate_physmap,
 * and the Linux pages to free when the guest gives frames back.
 */
#ifndef XENLATE_DOM0_BALLOON_H
#define XENLATE_DOM0_BALLOON_H

#include <linux/types.h>
#include <linux/xarray.h>

struct sk_buff;
struct genl_info;
struct netlink_ext_ack;
struct xl_guest_mem;

/* A block of the creation's, by its first frame. */
struct xl_balloon_range {
	unsigned long pfn;
	u32 block;
};

/*
 * Where each of a guest's Linux pages is: with the hypervisor (the
 * guest's, spare, or given up and queued) while this side holds it, or
 * back with Linux once freed.  The creation's blocks stay whole until a
 * page of one comes back; then the block is split and its pages are
 * tracked one by one in @pages (pfn -> struct page), like spare pages.
 */
struct xl_balloon {
	u32 domid;
	u64 target;		/* pages */
	u64 max_pages;
	u64 nr_pages;		/* the guest's, as of the last call */
	u64 spare;		/* in the hypervisor's pool, likewise */
	u64 pending;		/* given up, not yet collected */
	struct xl_guest_mem *mem;	/* the creation's blocks */
	struct xl_balloon_range *ranges;	/* of mem's blocks, by pfn */
	u32 nr_ranges;
	struct xarray pages;	/* single pages held */
	u64 held;		/* pages in @pages */
	bool started;		/* the hypervisor has a target */
	bool short_warned;	/* said once that Dom0 is short */
};

void xl_balloon_init(struct xl_balloon *b, struct xl_guest_mem *mem,
		     u32 domid, u64 target, u64 max_pages);
/* Once the domain is populated: the hypervisor learns its target. */
int xl_balloon_start(struct xl_balloon *b, struct netlink_ext_ack *extack);
/*
 * Collect given-up frames (freeing their pages) and top the spare pool
 * up to the target.  0 or a negative errno (said in @extack if any).
 */
int xl_balloon_pass(struct xl_balloon *b, bool set_target,
		    struct netlink_ext_ack *extack);
/* After the hypervisor destroyed the domain: free what is still held. */
void xl_balloon_free(struct xl_balloon *b);
/* The periodic pass: start it (a guest exists), stop it (module exit). */
void xl_balloon_kick(void);
void xl_balloon_exit(void);

/* domain.c: @fn on every guest under the guests' lock; how many. */
int xl_guests_balloon_each(void (*fn)(struct xl_balloon *b));
/* domain.c: @fn on guest @domid under the lock; -ESRCH if none. */
int xl_guest_balloon(u32 domid, int (*fn)(struct xl_balloon *b, void *arg),
		     void *arg);

int xl_genl_domain_mem_set(struct sk_buff *skb, struct genl_info *info);

#endif
