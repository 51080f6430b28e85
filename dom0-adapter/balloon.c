// SPDX-License-Identifier: GPL-2.0
/*
 * Ballooning on Dom0's side (DESIGN decision 5; the hypervisor's half is
 * XL_CTL_DOM_BALLOON in include/xenlate/dom0ctl.h).  Dom0 is the only
 * source of memory: for each guest this side keeps the hypervisor's
 * spare pool topped up to what the target still allows, and frees the
 * Linux pages of frames the guest gave back.  It does so on mem-set and
 * every XL_BALLOON_PERIOD while any guest exists.
 *
 * The guest cannot be told its target (Linux's balloon driver reads it
 * from xenstore's memory/target, and there is no xenstore yet): the
 * target only bounds what the guest may populate.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/workqueue.h>
#include <linux/io.h>
#include <net/genetlink.h>

#include <xenlate/dom0ctl.h>
#include <xenlate/genl.h>

#include "dom0.h"
#include "balloon.h"

#define XL_BALLOON_PERIOD	msecs_to_jiffies(250)
/* Memory Dom0 keeps for itself whatever guests ask (as domain.c). */
#define XL_BALLOON_DOM0_RESERVE	(64UL << (20 - PAGE_SHIFT))
#define XL_BALLOON_ROUNDS	8

struct xl_balloon_bufs {
	struct xl_ctl_dom_balloon req;
	u64 *give;		/* one page each: read by physical address */
	u64 *back;
	struct page **pages;	/* the pages behind give[] */
};

void xl_balloon_init(struct xl_balloon *b, struct xl_guest_mem *mem,
		     u32 domid, u64 target, u64 max_pages)
{
	b->domid = domid;
	b->mem = mem;
	b->target = target;
	b->max_pages = max_pages;
	xa_init(&b->pages);
}

static int xl_range_cmp(const void *a, const void *b)
{
	const struct xl_balloon_range *x = a, *y = b;

	return x->pfn < y->pfn ? -1 : x->pfn > y->pfn;
}

static struct xl_balloon_range *xl_balloon_find(struct xl_balloon *b,
						unsigned long pfn)
{
	struct xl_balloon_range *r = b->ranges;
	u32 lo = 0, hi = b->nr_ranges;

	while (lo < hi) {
		u32 mid = lo + (hi - lo) / 2;

		if (pfn < r[mid].pfn)
			hi = mid;
		else if (pfn >= r[mid].pfn +
			 (1UL << b->mem->block[r[mid].block].order))
			lo = mid + 1;
		else
			return &r[mid];
	}
	return NULL;
}

/*
 * A page of one of the creation's blocks came back: the block becomes
 * single pages tracked in b->pages.  False if @pfn is in no whole block.
 */
static bool xl_balloon_split(struct xl_balloon *b, unsigned long pfn)
{
	struct xl_balloon_range *r = xl_balloon_find(b, pfn);
	struct xl_guest_block *blk;
	unsigned long n, j;

	if (!r)
		return false;
	blk = &b->mem->block[r->block];
	if (!blk->page)
		return false;	/* split before: the page is not held */
	n = 1UL << blk->order;
	if (blk->order)
		split_page(blk->page, blk->order);
	for (j = 0; j < n; j++) {
		if (xa_err(xa_store(&b->pages, r->pfn + j,
				    pfn_to_page(r->pfn + j), GFP_KERNEL))) {
			pr_err("domain %u: no memory to track page %lx: leaked\n",
			       b->domid, r->pfn + j);
			continue;
		}
		b->held++;
	}
	b->mem->nr_pages -= n;
	blk->page = NULL;	/* xl_guest_mem_free skips it */
	return true;
}

/* The hypervisor gave @pfn back to Dom0: free its Linux page, once. */
static void xl_balloon_put(struct xl_balloon *b, unsigned long pfn)
{
	struct page *p = xa_erase(&b->pages, pfn);

	if (!p && xl_balloon_split(b, pfn))
		p = xa_erase(&b->pages, pfn);
	if (!p) {
		pr_err("domain %u: frame %lx given back is not one it holds: not freed\n",
		       b->domid, pfn);
		return;
	}
	__free_page(p);
	b->held--;
}

/* One XL_CTL_DOM_BALLOON; frees what comes back, even on error. */
static long xl_balloon_call(struct xl_balloon *b, struct xl_balloon_bufs *f,
			    u64 give_nr, bool set_target,
			    struct netlink_ext_ack *extack)
{
	struct xl_ctl_dom_balloon *req = &f->req;
	long ret;
	u64 i;

	memset(req, 0, sizeof(*req));
	req->domid = b->domid;
	req->flags = set_target ? XL_BALLOON_SET_TARGET : 0;
	req->target = b->target;
	req->give = give_nr ? virt_to_phys(f->give) : 0;
	req->give_nr = give_nr;
	req->back = virt_to_phys(f->back);
	ret = xl_hv_call(XL_CTL_DOM_BALLOON, req, sizeof(*req), extack);
	for (i = 0; i < min_t(u64, req->back_nr, XL_BALLOON_BATCH); i++)
		xl_balloon_put(b, f->back[i]);
	if (ret >= 0) {
		b->nr_pages = req->nr_pages;
		b->spare = req->spare;
		b->pending = req->pending;
	}
	return ret;
}

/* Spare frames the target still allows, as the hypervisor counts. */
static u64 xl_balloon_room(const struct xl_balloon *b)
{
	u64 limit = min(b->target, b->max_pages);
	u64 want = limit > b->nr_pages ? limit - b->nr_pages : 0;
	u64 room = want > b->spare ? want - b->spare : 0;

	return min_t(u64, room, XL_BALLOON_SPARE_MAX - min_t(u64, b->spare,
				XL_BALLOON_SPARE_MAX));
}

/* Give the hypervisor up to one batch of fresh pages for the pool. */
static long xl_balloon_give(struct xl_balloon *b, struct xl_balloon_bufs *f,
			    u64 n, struct netlink_ext_ack *extack)
{
	long avail = si_mem_available();
	u64 i, got;
	long ret;

	if (avail < 0 || (u64)avail < XL_BALLOON_DOM0_RESERVE + n) {
		if (!b->short_warned)
			pr_warn("domain %u: Dom0 is short of memory: %llu pages of its target not given\n",
				b->domid, n);
		b->short_warned = true;
		NL_SET_ERR_MSG(extack, "not enough free memory in Dom0");
		return -ENOMEM;
	}
	for (got = 0; got < n; got++) {
		/* No OOM killer for a guest: fail, and Dom0 keeps running. */
		f->pages[got] = alloc_page(GFP_HIGHUSER | __GFP_NOWARN |
					   __GFP_NORETRY);
		if (!f->pages[got])
			break;
		f->give[got] = page_to_pfn(f->pages[got]);
	}
	if (!got) {
		NL_SET_ERR_MSG(extack, "not enough free memory in Dom0");
		return -ENOMEM;
	}
	b->short_warned = false;
	ret = xl_balloon_call(b, f, got, false, extack);
	for (i = 0; i < got; i++) {
		if (i >= f->req.given) {
			__free_page(f->pages[i]);	/* still Linux's */
			continue;
		}
		if (xa_err(xa_store(&b->pages, f->give[i], f->pages[i],
				    GFP_KERNEL))) {
			pr_err("domain %u: no memory to track page %llx: leaked\n",
			       b->domid, f->give[i]);
			continue;
		}
		b->held++;
	}
	if (ret >= 0 && f->req.given < got)
		ret = -ENOSPC;	/* the hypervisor wants no more now */
	return ret < 0 ? ret : (long)f->req.given;
}

static int xl_balloon_bufs_get(struct xl_balloon_bufs *f)
{
	f->give = (u64 *)__get_free_page(GFP_KERNEL);
	f->back = (u64 *)__get_free_page(GFP_KERNEL);
	f->pages = kcalloc(XL_BALLOON_BATCH, sizeof(*f->pages), GFP_KERNEL);
	return f->give && f->back && f->pages ? 0 : -ENOMEM;
}

static void xl_balloon_bufs_put(struct xl_balloon_bufs *f)
{
	free_page((unsigned long)f->give);
	free_page((unsigned long)f->back);
	kfree(f->pages);
}

int xl_balloon_pass(struct xl_balloon *b, bool set_target,
		    struct netlink_ext_ack *extack)
{
	struct xl_balloon_bufs *f = kzalloc(sizeof(*f), GFP_KERNEL);
	bool synced = false, gave = false;
	long ret = -ENOMEM;
	int round;

	if (!f || xl_balloon_bufs_get(f))
		goto out;
	/* Frames given up (and spare beyond the target) come home first. */
	for (round = 0; round < XL_BALLOON_ROUNDS; round++) {
		ret = xl_balloon_call(b, f, 0, set_target && !round, extack);
		if (ret < 0)
			goto out;
		if (!b->pending)
			break;
		if (!f->req.back_nr) {
			if (synced)
				break;	/* stuck ones: at destroy */
			/* Every CPU flushes its TLB: they can come home. */
			xl_hv_sync();
			synced = true;
		}
	}
	b->started = true;
	for (round = 0; round < XL_BALLOON_ROUNDS; round++) {
		u64 n = min_t(u64, xl_balloon_room(b), XL_BALLOON_BATCH);

		if (!n)
			break;
		ret = xl_balloon_give(b, f, n, extack);
		if (ret > 0)
			gave = true;
		if (ret < 0) {
			if (ret == -ENOSPC)
				ret = 0;
			break;
		}
	}
	/* The guest takes spare frames once every CPU flushed Dom0's TLB. */
	if (gave)
		xl_hv_sync();
out:
	if (f)
		xl_balloon_bufs_put(f);
	kfree(f);
	return ret < 0 ? (int)ret : 0;
}

int xl_balloon_start(struct xl_balloon *b, struct netlink_ext_ack *extack)
{
	struct xl_guest_mem *m = b->mem;
	u32 i;

	b->ranges = kvcalloc(m->nr_blocks, sizeof(*b->ranges), GFP_KERNEL);
	if (!b->ranges)
		return -ENOMEM;
	for (i = 0; i < m->nr_blocks; i++) {
		b->ranges[i].pfn = page_to_pfn(m->block[i].page);
		b->ranges[i].block = i;
	}
	b->nr_ranges = m->nr_blocks;
	sort(b->ranges, b->nr_ranges, sizeof(*b->ranges), xl_range_cmp, NULL);
	return xl_balloon_pass(b, true, extack);
}

void xl_balloon_free(struct xl_balloon *b)
{
	struct page *p;
	unsigned long pfn;

	xa_for_each(&b->pages, pfn, p) {
		__free_page(p);
		b->held--;
	}
	xa_destroy(&b->pages);
	kvfree(b->ranges);
	b->ranges = NULL;
	if (b->held)
		pr_err("domain %u: %llu pages unaccounted for\n", b->domid,
		       b->held);
}

static void xl_balloon_pass_quiet(struct xl_balloon *b)
{
	if (b->started)
		xl_balloon_pass(b, false, NULL);
}

static void xl_balloon_work_fn(struct work_struct *w);
static DECLARE_DELAYED_WORK(xl_balloon_work, xl_balloon_work_fn);

static void xl_balloon_work_fn(struct work_struct *w)
{
	if (xl_guests_balloon_each(xl_balloon_pass_quiet))
		schedule_delayed_work(&xl_balloon_work, XL_BALLOON_PERIOD);
}

void xl_balloon_kick(void)
{
	schedule_delayed_work(&xl_balloon_work, XL_BALLOON_PERIOD);
}

void xl_balloon_exit(void)
{
	cancel_delayed_work_sync(&xl_balloon_work);
}

/* mem-set */
struct xl_mem_set {
	struct genl_info *info;
	u64 target;
	struct xl_balloon out;
};

static int xl_mem_set_one(struct xl_balloon *b, void *arg)
{
	struct xl_mem_set *s = arg;
	struct netlink_ext_ack *extack = s->info->extack;
	long avail = si_mem_available();
	u64 need, old = b->target;
	int ret;

	if (s->target > b->max_pages) {
		pr_info("domain %u: target %llu MiB above its maxmem %llu MiB\n",
			b->domid, s->target >> (20 - PAGE_SHIFT),
			b->max_pages >> (20 - PAGE_SHIFT));
		NL_SET_ERR_MSG(extack,
			       "target above the domain's maxmem (see dmesg)");
		return -EINVAL;
	}
	need = s->target > b->nr_pages + b->spare ?
	       s->target - b->nr_pages - b->spare : 0;
	if (avail < 0 || need + XL_BALLOON_DOM0_RESERVE > (u64)avail) {
		pr_info("domain %u: target needs %llu MiB more, Dom0 can give %ld MiB now\n",
			b->domid, need >> (20 - PAGE_SHIFT),
			(long)(avail > (long)XL_BALLOON_DOM0_RESERVE ?
			       avail - XL_BALLOON_DOM0_RESERVE : 0) >>
			(20 - PAGE_SHIFT));
		NL_SET_ERR_MSG(extack,
			       "more memory than Dom0 can give now (see dmesg)");
		return -ENOMEM;
	}
	b->target = s->target;
	ret = xl_balloon_pass(b, true, extack);
	if (ret == -EINVAL || ret == -ESRCH)
		b->target = old;	/* the hypervisor did not take it */
	if (!ret)
		pr_info("domain %u: target %llu MiB\n", b->domid,
			b->target >> (20 - PAGE_SHIFT));
	s->out = *b;
	return ret;
}

int xl_genl_domain_mem_set(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **a = info->attrs;
	struct xl_mem_set s = { .info = info };
	struct sk_buff *msg;
	void *hdr;
	u32 domid;
	int ret;

	if (!a[XL_A_DOM_ID] || !a[XL_A_DOM_TARGET_KB]) {
		NL_SET_ERR_MSG(info->extack, "domain and target needed");
		return -EINVAL;
	}
	domid = nla_get_u32(a[XL_A_DOM_ID]);
	s.target = nla_get_u64(a[XL_A_DOM_TARGET_KB]) / (PAGE_SIZE / 1024);
	ret = xl_guest_balloon(domid, xl_mem_set_one, &s);
	if (ret == -ESRCH)
		NL_SET_ERR_MSG(info->extack, "no such domain");
	if (ret)
		return ret;
	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = xl_genl_reply_put(msg, info);
	if (!hdr || nla_put_u32(msg, XL_A_DOM_ID, domid) ||
	    nla_put_u64_64bit(msg, XL_A_DOM_TARGET_KB,
			      s.out.target * (PAGE_SIZE / 1024), XL_A_PAD) ||
	    nla_put_u64_64bit(msg, XL_A_DOM_MEM_KB,
			      s.out.nr_pages * (PAGE_SIZE / 1024), XL_A_PAD) ||
	    nla_put_u64_64bit(msg, XL_A_DOM_MAXMEM_KB,
			      s.out.max_pages * (PAGE_SIZE / 1024), XL_A_PAD)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}
