// SPDX-License-Identifier: GPL-2.0
/*
 * Guest domains on Dom0's side: create (memory out of Dom0), destroy
 * (memory back), list.  The hypervisor owns the truth about a domain's
 * state; this side keeps what the hypervisor does not need: the name and
 * the pages to give back to Linux.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ctype.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/io.h>
#include <net/genetlink.h>

#include <xenlate/dom0ctl.h>
#include <xenlate/genl.h>
#include <xenlate_loader.h>

#include "dom0.h"
#include "balloon.h"

/* Memory Dom0 keeps for itself whatever guests ask: 64 MiB. */
#define XL_DOM0_RESERVE_PAGES	(64UL << (20 - PAGE_SHIFT))

struct xl_guest {
	struct list_head node;
	u32 domid;
	char name[XL_DOM_NAME_LEN];
	struct xl_guest_mem mem;
	struct xl_balloon bal;
};

static LIST_HEAD(xl_guests);
static DEFINE_MUTEX(xl_guests_lock);

static struct xl_guest *xl_guest_by_id(u32 domid)
{
	struct xl_guest *g;

	list_for_each_entry(g, &xl_guests, node)
		if (g->domid == domid)
			return g;
	return NULL;
}

/* A snapshot: the domain may be destroyed right after. */
bool xl_guest_exists(u32 domid)
{
	bool found;

	mutex_lock(&xl_guests_lock);
	found = xl_guest_by_id(domid);
	mutex_unlock(&xl_guests_lock);
	return found;
}

static bool xl_name_ok(const char *name)
{
	const char *p;

	if (!*name || *name == '-' || !strcmp(name, "Domain-0"))
		return false;
	for (p = name; *p; p++)
		if (!isalnum(*p) && *p != '_' && *p != '-' && *p != '.')
			return false;
	return true;
}

/* Destroy in the hypervisor: it gives frames back a batch per call. */
static long xl_hv_destroy(u32 domid, struct netlink_ext_ack *extack)
{
	struct xl_ctl_dom_destroy *req = kzalloc(sizeof(*req), GFP_KERNEL);
	long ret;

	if (!req)
		return -ENOMEM;
	do {
		req->domid = domid;
		ret = xenlate_dom0ctl(XL_CTL_DOM_DESTROY, req, sizeof(*req));
		cond_resched();
	} while (ret == -EAGAIN);
	kfree(req);
	if (ret)
		NL_SET_ERR_MSG(extack, "hypervisor refused to destroy it");
	else
		xl_hv_sync();	/* the last guest gone: guest mode off */
	return ret;
}

/*
 * The pages go back to Linux only once the hypervisor gave them back:
 * if it did not, they stay allocated (lost, never reused while a guest
 * might hold them).
 */
static void xl_guest_release(struct xl_guest *g, long hv_ret)
{
	if (hv_ret)
		pr_err("domain %u: %llu pages not returned by the hypervisor: leaked\n",
		       g->domid, g->mem.nr_pages);
	else {
		xl_balloon_free(&g->bal);
		xl_guest_mem_free(&g->mem);
	}
	kfree(g);
}

static bool xl_name_taken(const char *name)
{
	struct xl_guest *g;

	list_for_each_entry(g, &xl_guests, node)
		if (!strcmp(g->name, name))
			return true;
	return false;
}

/* Checks what needs no lock; fills the page counts. */
static int xl_create_args(struct genl_info *info, struct xl_guest *g,
			  u64 *pages, u64 *max_pages, u32 *vcpus)
{
	struct nlattr **a = info->attrs;
	u64 mem_kb, maxmem_kb, avail = si_mem_available();

	if (!a[XL_A_DOM_NAME] || !a[XL_A_DOM_VCPUS] || !a[XL_A_DOM_MEM_KB]) {
		NL_SET_ERR_MSG(info->extack,
			       "name, vcpus and memory are required");
		return -EINVAL;
	}
	nla_strscpy(g->name, a[XL_A_DOM_NAME], sizeof(g->name));
	if (!xl_name_ok(g->name)) {
		NL_SET_ERR_MSG(info->extack,
			       "bad name: letters, digits, '_', '-', '.'");
		return -EINVAL;
	}
	mem_kb = nla_get_u64(a[XL_A_DOM_MEM_KB]);
	maxmem_kb = a[XL_A_DOM_MAXMEM_KB] ?
		    nla_get_u64(a[XL_A_DOM_MAXMEM_KB]) : mem_kb;
	if (!mem_kb || mem_kb % (PAGE_SIZE / 1024) || maxmem_kb < mem_kb ||
	    maxmem_kb > (1ULL << 30)) {
		NL_SET_ERR_MSG(info->extack, "bad memory or maxmem");
		return -EINVAL;
	}
	*pages = mem_kb / (PAGE_SIZE / 1024);
	*max_pages = maxmem_kb / (PAGE_SIZE / 1024);
	*vcpus = nla_get_u32(a[XL_A_DOM_VCPUS]);
	avail = avail > XL_DOM0_RESERVE_PAGES ? avail - XL_DOM0_RESERVE_PAGES : 0;
	if (*pages > avail) {
		pr_info("%s: %llu MiB asked, Dom0 can give %llu MiB now\n",
			g->name, *pages >> (20 - PAGE_SHIFT),
			avail >> (20 - PAGE_SHIFT));
		NL_SET_ERR_MSG(info->extack,
			       "more memory than Dom0 can give now (see dmesg)");
		return -ENOMEM;
	}
	return 0;
}

int xl_reply_domid(struct genl_info *info, u32 domid)
{
	struct sk_buff *msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	void *hdr;

	if (!msg)
		return -ENOMEM;
	hdr = xl_genl_reply_put(msg, info);
	if (!hdr || nla_put_u32(msg, XL_A_DOM_ID, domid)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

int xl_genl_domain_create(struct sk_buff *skb, struct genl_info *info)
{
	struct xl_ctl_dom_create *req;
	struct xl_guest *g;
	u64 pages, max_pages;
	u32 vcpus;
	long ret;

	g = kzalloc(sizeof(*g), GFP_KERNEL);
	req = kzalloc(sizeof(*req), GFP_KERNEL);
	ret = (g && req) ? xl_create_args(info, g, &pages, &max_pages, &vcpus)
			 : -ENOMEM;
	if (ret)
		goto out;

	mutex_lock(&xl_guests_lock);
	if (xl_name_taken(g->name)) {
		NL_SET_ERR_MSG(info->extack, "a domain with that name exists");
		ret = -EEXIST;
		goto unlock;
	}
	req->nr_vcpus = vcpus;
	req->max_pages = max_pages;
	ret = xl_hv_call(XL_CTL_DOM_CREATE, req, sizeof(*req), info->extack);
	if (ret < 0)
		goto unlock;
	g->domid = req->domid;
	xl_balloon_init(&g->bal, &g->mem, g->domid, pages, max_pages);
	ret = xl_guest_mem_give(&g->mem, g->domid, pages, info->extack);
	if (!ret)
		ret = xl_balloon_start(&g->bal, info->extack);
	if (ret) {
		xl_guest_release(g, xl_hv_destroy(g->domid, NULL));
		g = NULL;
		goto unlock;
	}
	list_add_tail(&g->node, &xl_guests);
	xl_hv_sync();	/* every CPU in guest mode, Dom0's TLBs flushed */
	xl_balloon_kick();
	/* rmmod waits until every guest is gone. */
	__module_get(THIS_MODULE);
	pr_info("domain %u (%s) created with %llu MiB from Dom0\n",
		g->domid, g->name, pages >> (20 - PAGE_SHIFT));
	ret = xl_reply_domid(info, g->domid);
	g = NULL;	/* listed now: it lives on whatever the reply did */
unlock:
	mutex_unlock(&xl_guests_lock);
out:
	kfree(g);
	kfree(req);
	return ret;
}

int xl_genl_domain_destroy(struct sk_buff *skb, struct genl_info *info)
{
	struct xl_guest *g;
	long ret;

	if (!info->attrs[XL_A_DOM_ID]) {
		NL_SET_ERR_MSG(info->extack, "which domain? (XL_A_DOM_ID)");
		return -EINVAL;
	}
	mutex_lock(&xl_guests_lock);
	g = xl_guest_by_id(nla_get_u32(info->attrs[XL_A_DOM_ID]));
	if (!g) {
		mutex_unlock(&xl_guests_lock);
		NL_SET_ERR_MSG(info->extack, "no such domain");
		return -ESRCH;
	}
	list_del(&g->node);
	ret = xl_hv_destroy(g->domid, info->extack);
	pr_info("domain %u (%s) destroyed\n", g->domid, g->name);
	xl_guest_release(g, ret);
	module_put(THIS_MODULE);
	mutex_unlock(&xl_guests_lock);
	return ret ? ret : xl_reply_domid(info,
					  nla_get_u32(info->attrs[XL_A_DOM_ID]));
}

/*
 * Reboot, power-off or kexec: the guests go down with the machine, and
 * must be gone before the loader takes every CPU out of the hypervisor.
 */
void xl_guests_destroy_all(void)
{
	struct xl_guest *g, *tmp;

	mutex_lock(&xl_guests_lock);
	list_for_each_entry_safe(g, tmp, &xl_guests, node) {
		list_del(&g->node);
		pr_info("domain %u (%s) destroyed for reboot\n", g->domid,
			g->name);
		xl_guest_release(g, xl_hv_destroy(g->domid, NULL));
		module_put(THIS_MODULE);
	}
	mutex_unlock(&xl_guests_lock);
}

/* Ballooning (balloon.c) goes through the guests' lock. */
int xl_guests_balloon_each(void (*fn)(struct xl_balloon *b))
{
	struct xl_guest *g;
	int n = 0;

	mutex_lock(&xl_guests_lock);
	list_for_each_entry(g, &xl_guests, node) {
		fn(&g->bal);
		n++;
	}
	mutex_unlock(&xl_guests_lock);
	return n;
}

int xl_guest_balloon(u32 domid, int (*fn)(struct xl_balloon *b, void *arg),
		     void *arg)
{
	struct xl_guest *g;
	int ret = -ESRCH;

	mutex_lock(&xl_guests_lock);
	g = xl_guest_by_id(domid);
	if (g)
		ret = fn(&g->bal, arg);
	mutex_unlock(&xl_guests_lock);
	return ret;
}

static int xl_put_domain(struct sk_buff *msg, const struct xl_dom_info *d,
			 const char *name, const struct xl_balloon *b)
{
	struct nlattr *n = nla_nest_start(msg, XL_A_DOM);

	if (!n || nla_put_u32(msg, XL_A_DOM_ID, d->domid) ||
	    nla_put_string(msg, XL_A_DOM_NAME, name) ||
	    nla_put_u32(msg, XL_A_DOM_STATE, d->state) ||
	    nla_put_u32(msg, XL_A_DOM_SHUTDOWN_REASON, d->shutdown_reason) ||
	    nla_put_u32(msg, XL_A_DOM_VCPUS, d->nr_vcpus) ||
	    nla_put_u64_64bit(msg, XL_A_DOM_MEM_KB,
			      d->nr_pages * (PAGE_SIZE / 1024), XL_A_PAD) ||
	    nla_put_u64_64bit(msg, XL_A_DOM_MAXMEM_KB,
			      d->max_pages * (PAGE_SIZE / 1024), XL_A_PAD) ||
	    nla_put_u64_64bit(msg, XL_A_DOM_CPU_NS, d->cpu_ns, XL_A_PAD) ||
	    nla_put_u64_64bit(msg, XL_A_DOM_HYPERCALLS, d->hypercalls,
			      XL_A_PAD) ||
	    nla_put_u64_64bit(msg, XL_A_DOM_EVTCHN_SENDS, d->evtchn_sends,
			      XL_A_PAD) ||
	    nla_put_u64_64bit(msg, XL_A_DOM_AGE_NS, d->age_ns, XL_A_PAD) ||
	    (b && nla_put_u64_64bit(msg, XL_A_DOM_TARGET_KB,
				    b->target * (PAGE_SIZE / 1024), XL_A_PAD)))
		return -EMSGSIZE;
	nla_nest_end(msg, n);
	return 0;
}

#define XL_LIST_MAX	256

int xl_genl_domain_list(struct sk_buff *skb, struct genl_info *info)
{
	struct xl_ctl_dom_list *req;
	struct xl_dom_info *doms;
	struct sk_buff *msg = NULL;
	void *hdr;
	long ret;
	u32 i;

	req = kzalloc(sizeof(*req), GFP_KERNEL);
	/* Physically contiguous: the hypervisor writes it by address. */
	doms = kcalloc(XL_LIST_MAX, sizeof(*doms), GFP_KERNEL);
	if (!req || !doms) {
		ret = -ENOMEM;
		goto out;
	}
	mutex_lock(&xl_guests_lock);
	req->max = XL_LIST_MAX;
	req->buf = virt_to_phys(doms);
	ret = xl_hv_call(XL_CTL_DOM_LIST, req, sizeof(*req), info->extack);
	if (ret >= 0) {
		ret = -ENOMEM;
		msg = genlmsg_new(GENLMSG_DEFAULT_SIZE + req->nr * 256,
				  GFP_KERNEL);
	}
	hdr = msg ? xl_genl_reply_put(msg, info) : NULL;
	if (hdr) {
		ret = 0;
		for (i = 0; i < min_t(u32, req->nr, XL_LIST_MAX) && !ret; i++) {
			struct xl_guest *g = xl_guest_by_id(doms[i].domid);

			ret = xl_put_domain(msg, &doms[i],
					    g ? g->name : "(unknown)",
					    g ? &g->bal : NULL);
		}
	}
	mutex_unlock(&xl_guests_lock);
	if (hdr && !ret) {
		genlmsg_end(msg, hdr);
		ret = genlmsg_reply(msg, info);
		msg = NULL;
	}
	nlmsg_free(msg);
out:
	kfree(doms);
	kfree(req);
	return ret;
}

int xl_genl_domain_write(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **a = info->attrs;
	struct xl_ctl_dom_write *req;
	void *buf;
	long ret;

	if (!a[XL_A_DOM_ID] || !a[XL_A_DOM_GPA] || !a[XL_A_DOM_DATA] ||
	    !nla_len(a[XL_A_DOM_DATA])) {
		NL_SET_ERR_MSG(info->extack, "domain, address and data needed");
		return -EINVAL;
	}
	req = kzalloc(sizeof(*req), GFP_KERNEL);
	/* Physically contiguous: the hypervisor reads it by address. */
	buf = kmemdup(nla_data(a[XL_A_DOM_DATA]), nla_len(a[XL_A_DOM_DATA]),
		      GFP_KERNEL);
	if (!req || !buf) {
		ret = -ENOMEM;
		goto out;
	}
	req->domid = nla_get_u32(a[XL_A_DOM_ID]);
	req->gpa = nla_get_u64(a[XL_A_DOM_GPA]);
	req->src = virt_to_phys(buf);
	req->len = nla_len(a[XL_A_DOM_DATA]);
	ret = xl_hv_call(XL_CTL_DOM_WRITE, req, sizeof(*req), info->extack);
	if (ret == -EPERM)
		NL_SET_ERR_MSG(info->extack,
			       "the domain has run: its memory is its own");
	if (!ret)
		ret = xl_reply_domid(info, req->domid);
out:
	kfree(buf);
	kfree(req);
	return ret;
}
