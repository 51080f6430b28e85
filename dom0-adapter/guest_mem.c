// SPDX-License-Identifier: GPL-2.0
/*
 * A guest's memory, on Dom0's side: pages taken from Linux (so MemFree
 * drops by that much, decision 5) and handed to the hypervisor, which
 * takes them out of Dom0's reach.  Freed back to Linux only after the
 * hypervisor has returned them at destroy.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/io.h>
#include <linux/netlink.h>

#include <xenlate/dom0ctl.h>

#include "dom0.h"

/* Big blocks first: fewer to track, and freed straight to the buddy. */
#define XL_MAX_BLOCK_ORDER	10

void xl_guest_mem_free(struct xl_guest_mem *m)
{
	u32 i;

	/* A block ballooning split is freed page by page there. */
	for (i = 0; i < m->nr_blocks; i++)
		if (m->block[i].page)
			__free_pages(m->block[i].page, m->block[i].order);
	kvfree(m->block);
	m->block = NULL;
	m->nr_blocks = 0;
	m->nr_pages = 0;
}

static int xl_alloc_blocks(struct xl_guest_mem *m, u64 pages)
{
	u32 cap = 64;
	int order = XL_MAX_BLOCK_ORDER;

	m->block = kvcalloc(cap, sizeof(*m->block), GFP_KERNEL);
	if (!m->block)
		return -ENOMEM;
	while (m->nr_pages < pages) {
		struct page *p;

		while (order && (1ULL << order) > pages - m->nr_pages)
			order--;
		/* No OOM killer for a guest: fail, and Dom0 keeps running. */
		p = alloc_pages(GFP_HIGHUSER | __GFP_NOWARN | __GFP_NORETRY,
				order);
		if (!p) {
			if (!order)
				return -ENOMEM;
			order--;
			continue;
		}
		if (m->nr_blocks == cap) {
			struct xl_guest_block *n;

			n = kvcalloc(cap * 2, sizeof(*n), GFP_KERNEL);
			if (!n) {
				__free_pages(p, order);
				return -ENOMEM;
			}
			memcpy(n, m->block, cap * sizeof(*n));
			kvfree(m->block);
			m->block = n;
			cap *= 2;
		}
		m->block[m->nr_blocks].page = p;
		m->block[m->nr_blocks].order = order;
		m->nr_blocks++;
		m->nr_pages += 1ULL << order;
		cond_resched();
	}
	return 0;
}

/* Hand every page to domain @domid, at guest frames 0, 1, 2, ... */
static int xl_populate(struct xl_guest_mem *m, u32 domid,
		       struct netlink_ext_ack *extack)
{
	struct xl_ctl_dom_populate *req;
	u64 *frames, gfn = 0;
	u32 b, n = 0;
	long ret = 0;

	req = kzalloc(sizeof(*req), GFP_KERNEL);
	/* One page: the hypervisor reads it by physical address. */
	frames = (u64 *)__get_free_page(GFP_KERNEL);
	if (!req || !frames) {
		ret = -ENOMEM;
		goto out;
	}
	for (b = 0; b < m->nr_blocks && !ret; b++) {
		unsigned long pfn = page_to_pfn(m->block[b].page);
		u64 i, count = 1ULL << m->block[b].order;

		for (i = 0; i < count && !ret; i++) {
			frames[n++] = pfn + i;
			if (n < XL_POPULATE_MAX &&
			    !(b == m->nr_blocks - 1 && i == count - 1))
				continue;
			req->domid = domid;
			req->first_gfn = gfn;
			req->nr = n;
			req->frames = virt_to_phys(frames);
			ret = xl_hv_call(XL_CTL_DOM_POPULATE, req,
					 sizeof(*req), extack);
			gfn += n;
			n = 0;
			cond_resched();
		}
	}
out:
	free_page((unsigned long)frames);
	kfree(req);
	return ret < 0 ? (int)ret : 0;
}

int xl_guest_mem_give(struct xl_guest_mem *m, u32 domid, u64 pages,
		      struct netlink_ext_ack *extack)
{
	int ret = xl_alloc_blocks(m, pages);

	if (ret) {
		NL_SET_ERR_MSG(extack, "Dom0 cannot give that much memory now");
		return ret;
	}
	return xl_populate(m, domid, extack);
}
