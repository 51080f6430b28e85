// SPDX-License-Identifier: GPL-2.0
/*
 * Dom0's domain control: create, populate, destroy, list.  One lock
 * serialises them (they change Dom0's nested tables); each call does a
 * bounded amount of work, because Dom0's CPU waits here with interrupts
 * held off.
 */
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/balloon.h>
#include <hv/vcpu.h>
#include <hv/console.h>
#include <hv/dom0.h>
#include <hv/arch.h>
#include <hv/log.h>
#include <hv/mm.h>
#include <hv/lib.h>
#include <hv/errno.h>

#define RELEASE_BUDGET	4096	/* frames per destroy call */
/* Guest-physical space: 1 TiB, plenty for PVH guests, bounds the p2m. */
#define MAX_GUEST_GFN	(1ULL << (40 - PAGE_SHIFT))

struct domain_table hv_domains;
static spinlock_t domctl_lock = SPINLOCK_INIT;

_Static_assert((int)XL_DOM_BUILDING == (int)DOMAIN_BUILDING &&
	       (int)XL_DOM_RUNNING == (int)DOMAIN_RUNNING &&
	       (int)XL_DOM_PAUSED == (int)DOMAIN_PAUSED &&
	       (int)XL_DOM_SHUTDOWN == (int)DOMAIN_SHUTDOWN &&
	       (int)XL_DOM_DYING == (int)DOMAIN_DYING, "state numbers are ABI");
_Static_assert(sizeof(struct domain) <= PAGE_SIZE, "a domain is a page");

void domctl_init(void)
{
	domain_table_init(&hv_domains);
}

static long dom_create(struct xl_ctl_dom_create *req)
{
	struct domain *d;
	int rc;

	if (!req->nr_vcpus || req->nr_vcpus > MAX_GUEST_VCPUS ||
	    !req->max_pages || req->max_pages > (1ULL << 40 >> PAGE_SHIFT))
		return -EINVAL;
	d = alloc_page();
	if (!d)
		return -ENOMEM;
	d->nr_vcpus = req->nr_vcpus;
	d->max_pages = req->max_pages;
	d->state = DOMAIN_BUILDING;
	d->created_ns = arch_now_ns();
	rc = arch_domain_create(d);
	if (!rc) {
		rc = console_create(d);
		if (!rc)
			rc = vcpus_create(d);
		if (!rc)
			rc = domain_table_insert(&hv_domains, d);
		if (rc) {
			vcpus_free(d);
			console_free(d);
			arch_domain_free(d);
		}
	}
	if (rc) {
		free_pages(d, 1);
		return rc;
	}
	req->domid = d->id;
	hv_log("domain %u created: %u vCPUs, at most %llu MiB", d->id,
	       d->nr_vcpus, (unsigned long long)(d->max_pages >> 8));
	return 0;
}

static long dom_populate(struct xl_ctl_dom_populate *req)
{
	u64 frames[XL_POPULATE_MAX];
	struct domain *d = domain_table_find(&hv_domains, (u16)req->domid);
	int rc;

	req->done = 0;
	if (!d || req->domid >= DOMID_LIMIT)
		return -ESRCH;
	if (d->state == DOMAIN_DYING || d->state == DOMAIN_SHUTDOWN)
		return -EBUSY;
	if (!req->nr || req->nr > XL_POPULATE_MAX ||
	    req->first_gfn >= MAX_GUEST_GFN ||
	    req->nr > MAX_GUEST_GFN - req->first_gfn)
		return -EINVAL;
	if (d->nr_pages + req->nr > d->max_pages)
		return -ENOSPC;
	rc = copy_from_dom0(frames, req->frames, req->nr * sizeof(u64));
	if (rc)
		return rc;
	for (; req->done < req->nr; req->done++) {
		rc = arch_domain_take(d, req->first_gfn + req->done,
				      frames[req->done]);
		if (rc)
			break;
		d->nr_pages++;
	}
	/* Dom0 may still hold translations of them: every CPU flushes. */
	if (req->done)
		d->tlb_gen = arch_dom0_tlb_bump();
	return rc;
}

static long dom_destroy(struct xl_ctl_dom_destroy *req)
{
	struct domain *d = domain_table_find(&hv_domains, (u16)req->domid);
	bool done;

	req->returned = 0;
	if (!d || req->domid >= DOMID_LIMIT)
		return -ESRCH;
	if (d->state != DOMAIN_DYING) {
		spin_lock(&d->lock);
		d->state = DOMAIN_DYING;
		spin_unlock(&d->lock);
		hv_log("domain %u: destroying (%llu frames)", d->id,
		       (unsigned long long)d->nr_pages);
		vcpus_update(d);
	}
	/* Its vCPUs leave their CPUs first (each at its next exit). */
	if (!vcpus_stop(d))
		return -EAGAIN;
	balloon_destroy(d);	/* its spare and given-up frames first */
	req->returned = arch_domain_release(d, RELEASE_BUDGET, &done);
	d->nr_pages -= req->returned;
	if (!done)
		return -EAGAIN;	/* call again: more frames to give back */
	domain_table_remove(&hv_domains, d);
	vcpus_free(d);
	console_free(d);
	arch_domain_free(d);
	hv_log("domain %u destroyed", d->id);
	free_pages(d, 1);
	return 0;
}

static long dom_write(struct xl_ctl_dom_write *req)
{
	struct domain *d = domain_table_find(&hv_domains, (u16)req->domid);
	u64 done = 0;

	if (!d || req->domid >= DOMID_LIMIT)
		return -ESRCH;
	if (d->state != DOMAIN_BUILDING)
		return -EPERM;
	if (!req->len || req->len > XL_WRITE_MAX ||
	    req->gpa + req->len < req->gpa || req->src + req->len < req->src)
		return -EINVAL;
	/* Page by page: both sides are only contiguous within a page. */
	while (done < req->len) {
		u64 gpa = req->gpa + done, src = req->src + done;
		u64 part = MIN(req->len - done,
			       MIN(PAGE_SIZE - (gpa & (PAGE_SIZE - 1)),
				   PAGE_SIZE - (src & (PAGE_SIZE - 1))));
		void *to = arch_domain_gpa_ptr(d, gpa, part);
		int rc;

		if (!to)
			return -EFAULT;
		rc = copy_from_dom0(to, src, part);
		if (rc)
			return rc;
		done += part;
	}
	return 0;
}

static void fill_info(struct xl_dom_info *i, const struct domain *d)
{
	memset(i, 0, sizeof(*i));
	i->domid = d->id;
	i->state = d->state;
	i->shutdown_reason = d->shutdown_reason;
	i->nr_vcpus = d->nr_vcpus;
	i->nr_pages = d->nr_pages;
	i->max_pages = d->max_pages;
	for (u32 n = 0; n < d->nr_vcpus; n++)
		if (d->vcpu[n])
			i->cpu_ns += READ_ONCE(d->vcpu[n]->sched.total_ns);
	i->hypercalls = d->stats.hypercalls;
	i->evtchn_sends = d->stats.evtchn_sends;
	i->age_ns = arch_now_ns() - d->created_ns;
}

static long dom_list(struct xl_ctl_dom_list *req)
{
	struct domain *found[MAX_DOMAINS];
	struct xl_dom_info info;
	u32 n;
	int rc;

	if (req->from >= DOMID_LIMIT)
		return -EINVAL;
	n = domain_table_list(&hv_domains, (u16)req->from, found,
			      MIN(req->max, (u32)MAX_DOMAINS));
	for (u32 i = 0; i < n; i++) {
		fill_info(&info, found[i]);
		rc = copy_to_dom0(req->buf + (u64)i * sizeof(info), &info,
				  sizeof(info));
		if (rc)
			return rc;
	}
	req->nr = n;
	return 0;
}

static struct domain *find(u32 domid)
{
	if (domid >= DOMID_LIMIT)
		return NULL;
	return domain_table_find(&hv_domains, (u16)domid);
}

/*
 * A mask that lets the domain run somewhere: a CPU in it is under the
 * hypervisor.  0 means any CPU, as all-ones does.
 */
static bool cpu_mask_usable(u64 *mask)
{
	if (!*mask || *mask == ~0ULL) {
		*mask = ~0ULL;	/* CPUs 64 and up too */
		return true;
	}
	for (u32 cpu = 0; cpu < 64; cpu++)
		if ((*mask >> cpu & 1) && arch_cpu_online(cpu))
			return true;
	return false;
}

static long dom_start(struct xl_ctl_dom_start *req)
{
	struct domain *d = find(req->domid);

	if (!d)
		return -ESRCH;
	if (d->state != DOMAIN_BUILDING)
		return -EPERM;
	if (!d->nr_pages)
		return -EINVAL;
	if (req->start_info >> 32)
		return -EINVAL;
	if (!cpu_mask_usable(&req->cpu_mask))
		return -EINVAL;
	if (!arch_dom0_tlb_synced(d->tlb_gen))
		return -EAGAIN;	/* XL_CTL_SYNC on every CPU, then again */
	d->cpu_mask = req->cpu_mask;
	arch_vcpu_pvh_state(d->vcpu[0], req->entry, (u32)req->start_info);
	d->vcpu[0]->up = true;
	spin_lock(&d->lock);
	d->state = req->paused ? DOMAIN_PAUSED : DOMAIN_RUNNING;
	spin_unlock(&d->lock);
	for (u32 i = 0; i < d->nr_vcpus; i++)
		sched_attach(d->vcpu[i]);
	hv_log("domain %u: started at %x, start info at %llx, cpus %llx%s",
	       d->id, req->entry, (unsigned long long)req->start_info,
	       (unsigned long long)d->cpu_mask,
	       req->paused ? ", paused" : "");
	return 0;
}

static long pause_or_unpause(struct xl_ctl_dom_id *req, bool pause)
{
	struct domain *d = find(req->domid);
	enum domain_state to = pause ? DOMAIN_PAUSED : DOMAIN_RUNNING;
	enum domain_state from = pause ? DOMAIN_RUNNING : DOMAIN_PAUSED;

	if (!d)
		return -ESRCH;
	spin_lock(&d->lock);
	if (d->state != from) {
		spin_unlock(&d->lock);
		return d->state == to ? 0 : -EPERM;
	}
	d->state = to;
	spin_unlock(&d->lock);
	vcpus_update(d);
	return 0;
}

static long dom_pause(struct xl_ctl_dom_id *req)
{
	return pause_or_unpause(req, true);
}

static long dom_unpause(struct xl_ctl_dom_id *req)
{
	return pause_or_unpause(req, false);
}

static long dom_console(struct xl_ctl_dom_console *req)
{
	struct domain *d = find(req->domid);
	u8 chunk[256];
	u64 done = 0, dropped = 0, n;

	if (!d)
		return -ESRCH;
	if (req->len > XL_WRITE_MAX || req->buf + req->len < req->buf)
		return -EINVAL;
	while (done < req->len) {
		n = console_read(d, &req->seq, chunk,
				 MIN(req->len - done, sizeof(chunk)),
				 done ? &(u64){ 0 } : &dropped);
		if (!n)
			break;
		if (copy_to_dom0(req->buf + done, chunk, n))
			return -EFAULT;
		done += n;
	}
	req->len = done;
	req->dropped = dropped;
	return 0;
}

/* Copy the request in, run it under the lock, copy the answer out. */
#define DOMCTL(type, fn)						\
	do {								\
		type req;						\
		long rc;						\
									\
		if (len != sizeof(req))					\
			return -EINVAL;					\
		rc = copy_from_dom0(&req, gpa, sizeof(req));		\
		if (rc)							\
			return rc;					\
		spin_lock(&domctl_lock);				\
		rc = fn(&req);						\
		spin_unlock(&domctl_lock);				\
		if (copy_to_dom0(gpa, &req, sizeof(req)))		\
			return -EFAULT;					\
		return rc;						\
	} while (0)

long do_domctl(u64 cmd, u64 gpa, u64 len)
{
	switch (cmd) {
	case XL_CTL_DOM_CREATE:
		DOMCTL(struct xl_ctl_dom_create, dom_create);
	case XL_CTL_DOM_POPULATE:
		DOMCTL(struct xl_ctl_dom_populate, dom_populate);
	case XL_CTL_DOM_DESTROY:
		DOMCTL(struct xl_ctl_dom_destroy, dom_destroy);
	case XL_CTL_DOM_LIST:
		DOMCTL(struct xl_ctl_dom_list, dom_list);
	case XL_CTL_DOM_WRITE:
		DOMCTL(struct xl_ctl_dom_write, dom_write);
	case XL_CTL_DOM_START:
		DOMCTL(struct xl_ctl_dom_start, dom_start);
	case XL_CTL_DOM_PAUSE:
		DOMCTL(struct xl_ctl_dom_id, dom_pause);
	case XL_CTL_DOM_UNPAUSE:
		DOMCTL(struct xl_ctl_dom_id, dom_unpause);
	case XL_CTL_DOM_CONSOLE:
		DOMCTL(struct xl_ctl_dom_console, dom_console);
	case XL_CTL_BVT_DOM_GET:
		DOMCTL(struct xl_ctl_bvt_dom, dom_bvt_get);
	case XL_CTL_BVT_DOM_SET:
		DOMCTL(struct xl_ctl_bvt_dom, dom_bvt_set);
	case XL_CTL_BVT_GLOBAL_GET:
		DOMCTL(struct xl_ctl_bvt_global, bvt_global_get);
	case XL_CTL_BVT_GLOBAL_SET:
		DOMCTL(struct xl_ctl_bvt_global, bvt_global_set);
	case XL_CTL_VCPU_LIST:
		DOMCTL(struct xl_ctl_vcpu_list, dom_vcpu_list);
	case XL_CTL_DOM_SHUTDOWN:
		DOMCTL(struct xl_ctl_dom_shutdown, dom_force_shutdown);
	case XL_CTL_DOM_BALLOON:
		DOMCTL(struct xl_ctl_dom_balloon, dom_balloon);
	case XL_CTL_DOM_STORE:
		DOMCTL(struct xl_ctl_dom_store, dom_store);
	}
	return -EINVAL;
}
