// SPDX-License-Identifier: GPL-2.0
/*
 * Dom0's domain control, continued: BVT parameters, the vCPU list, and
 * the forced shutdown.  Called through do_domctl(), which copies the
 * request in and out and holds the domctl lock, so a domain found here
 * cannot be freed under us.  Every field Dom0 passes is checked here or
 * by the BVT core before it is used.
 */
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/vcpu.h>
#include <hv/arch.h>
#include <hv/dom0.h>
#include <hv/log.h>
#include <hv/lib.h>
#include <hv/errno.h>
#include <xen/sched.h>

/* Dom0's tools check against the ABI's numbers: they must be ours. */
_Static_assert(XL_BVT_ADVANCE_MAX == BVT_ADVANCE_MAX &&
	       XL_BVT_WARP_MAX == (u64)BVT_WARP_MAX &&
	       XL_BVT_WARP_TIME_MAX_NS == (u64)BVT_WARP_TIME_MAX_NS &&
	       XL_BVT_MCU_MIN_NS == BVT_MCU_MIN_NS &&
	       XL_BVT_MCU_MAX_NS == BVT_MCU_MAX_NS &&
	       XL_BVT_CTX_ALLOW_MAX_NS == BVT_CTX_ALLOW_MAX_NS,
	       "BVT limits in dom0ctl.h are the scheduler's");

/* Dom0's CPUs are Linux's numbers: at most this many (xl_ctl_info). */
#define MAX_DOM0_CPUS	256

/* Dom0 (0) or a guest; NULL for an id no domain has. */
static struct domain *find_any(u32 domid)
{
	if (domid == DOMID_DOM0)
		return sched_dom0();
	if (domid >= DOMID_LIMIT)
		return NULL;
	return domain_table_find(&hv_domains, (u16)domid);
}

long dom_bvt_get(struct xl_ctl_bvt_dom *req)
{
	struct domain *d = find_any(req->domid);
	const struct bvt_dom *b;

	if (!d)
		return -ESRCH;
	b = &d->sched;
	req->mcu_advance = READ_ONCE(b->mcu_advance);
	req->warp_enabled = READ_ONCE(b->warp_enabled);
	req->pad = 0;
	req->warp = (u64)READ_ONCE(b->warp);
	req->warp_limit_ns = (u64)READ_ONCE(b->warp_limit_ns);
	req->unwarp_req_ns = (u64)READ_ONCE(b->unwarp_req_ns);
	return 0;
}

long dom_bvt_set(struct xl_ctl_bvt_dom *req)
{
	struct domain *d = find_any(req->domid);
	struct bvt_dom new;
	int rc;

	if (!d)
		return -ESRCH;
	/*
	 * The u64s would turn negative as s64 beyond 2^63; bvt_dom_check()
	 * refuses that too, but say no before converting at all.
	 */
	if (req->warp_enabled > 1 || req->warp > XL_BVT_WARP_MAX ||
	    req->warp_limit_ns > XL_BVT_WARP_TIME_MAX_NS ||
	    req->unwarp_req_ns > XL_BVT_WARP_TIME_MAX_NS)
		return -EINVAL;
	new.mcu_advance = req->mcu_advance;
	new.warp_enabled = req->warp_enabled;
	new.warp = (s64)req->warp;
	new.warp_limit_ns = (s64)req->warp_limit_ns;
	new.unwarp_req_ns = (s64)req->unwarp_req_ns;
	rc = bvt_dom_set(&d->sched, &new);
	if (rc)
		return rc;
	hv_log("domain %u: BVT mcu_advance %u warp %s %lld limit %lld ns unwarp %lld ns",
	       req->domid, new.mcu_advance, new.warp_enabled ? "on" : "off",
	       (long long)new.warp, (long long)new.warp_limit_ns,
	       (long long)new.unwarp_req_ns);
	return 0;
}

long bvt_global_get(struct xl_ctl_bvt_global *req)
{
	req->mcu_ns = READ_ONCE(bvt_params.mcu_ns);
	req->ctx_allow_ns = READ_ONCE(bvt_params.ctx_allow_ns);
	return 0;
}

long bvt_global_set(struct xl_ctl_bvt_global *req)
{
	struct bvt_params p = {
		.mcu_ns = req->mcu_ns,
		.ctx_allow_ns = req->ctx_allow_ns,
	};
	int rc = bvt_params_set(&p);

	if (!rc)
		hv_log("BVT: mcu %llu ns, context-switch allowance %llu ns",
		       (unsigned long long)p.mcu_ns,
		       (unsigned long long)p.ctx_allow_ns);
	return rc;
}

/* A snapshot of @v: its flags change under its queue's lock, not ours. */
static void fill_vcpu(struct xl_vcpu_info *i, const struct vcpu *v)
{
	memset(i, 0, sizeof(*i));
	i->vcpu = v->id;
	i->cpu = READ_ONCE(v->cpu);
	if (!READ_ONCE(v->up))
		i->state = XL_VCPU_DOWN;
	else if (READ_ONCE(v->running))
		i->state = XL_VCPU_RUNNING;
	else if (READ_ONCE(v->blocked))
		i->state = XL_VCPU_BLOCKED;
	else
		i->state = XL_VCPU_RUNNABLE;
	i->cpu_ns = READ_ONCE(v->sched.total_ns);
}

static int put_vcpu(struct xl_ctl_vcpu_list *req, const struct vcpu *v)
{
	struct xl_vcpu_info info;

	if (req->nr >= req->max)
		return -ENOSPC;
	fill_vcpu(&info, v);
	return copy_to_dom0(req->buf + (u64)req->nr++ * sizeof(info), &info,
			    sizeof(info));
}

long dom_vcpu_list(struct xl_ctl_vcpu_list *req)
{
	struct domain *d = find_any(req->domid);
	int rc = 0;

	req->nr = 0;
	if (!d)
		return -ESRCH;
	if (req->buf + (u64)req->max * sizeof(struct xl_vcpu_info) < req->buf)
		return -EINVAL;
	if (d->id == DOMID_DOM0) {
		/* One vCPU per CPU under the hypervisor, its id the CPU's. */
		for (u32 cpu = 0; cpu < MAX_DOM0_CPUS && !rc; cpu++) {
			struct vcpu *v = sched_dom0_vcpu(cpu);

			if (v && arch_cpu_online(cpu))
				rc = put_vcpu(req, v);
		}
		return rc;
	}
	for (u32 n = 0; n < d->nr_vcpus && !rc; n++)
		if (d->vcpu[n])
			rc = put_vcpu(req, d->vcpu[n]);
	return rc;
}

long dom_force_shutdown(struct xl_ctl_dom_shutdown *req)
{
	struct domain *d = find_any(req->domid);
	enum domain_state state;

	if (!d || d->id == DOMID_DOM0)
		return -ESRCH;
	if (req->reason != SHUTDOWN_poweroff &&
	    req->reason != SHUTDOWN_reboot && req->reason != SHUTDOWN_crash)
		return -EINVAL;
	state = READ_ONCE(d->state);
	if (state == DOMAIN_SHUTDOWN)
		return -EBUSY;
	if (!domain_state_change_ok(state, DOMAIN_SHUTDOWN))
		return -EPERM;
	hv_log("domain %u: shut down by Dom0 (reason %u)", d->id,
	       req->reason);
	domain_shutdown(d, req->reason);
	/* The guest may have shut itself down first: that one counts. */
	return 0;
}
