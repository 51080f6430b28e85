// SPDX-License-Identifier: GPL-2.0
/*
 * A guest domain's Xen state: its shared_info page (hypervisor memory,
 * shown to the guest where XENMEM_add_to_physmap puts it) and its event
 * channel port table, made with its vCPUs and gone with them.
 */
#include <hv/xen_guest.h>
#include <hv/evtchn_port.h>
#include <hv/vcpu.h>
#include <hv/domain.h>
#include <hv/mm.h>
#include <hv/lib.h>
#include <hv/errno.h>

int xen_domain_init(struct domain *d)
{
	u64 now = xen_system_time();

	d->shared_info = alloc_page();
	d->evtchn = alloc_pages(EVTCHN_TABLE_PAGES);
	if (!d->shared_info || !d->evtchn)
		return -ENOMEM;		/* xen_domain_fini frees */
	memset(d->shared_info, 0, PAGE_SIZE);
	memset(d->evtchn, 0, EVTCHN_TABLE_PAGES * PAGE_SIZE);
	xen_wallclock_fill(d);
	for (u32 i = 0; i < d->nr_vcpus; i++) {
		struct vcpu *v = d->vcpu[i];

		/* Beyond shared_info's slots only VCPUOP_register_vcpu_info. */
		v->vcpu_info = i < XEN_LEGACY_MAX_VCPUS ?
			       &d->shared_info->vcpu_info[i] : NULL;
		v->vcpu_info_gfn = U64_MAX;
		v->runstate.state = RUNSTATE_offline;
		v->runstate.state_entry_time = now;
	}
	return 0;
}

void xen_domain_fini(struct domain *d)
{
	if (d->evtchn) {
		evtchn_close_all(d);
		free_pages(d->evtchn, EVTCHN_TABLE_PAGES);
		d->evtchn = NULL;
	}
	if (d->shared_info) {
		/* Out of the guest's tables before the page is reused. */
		arch_domain_unmap_shared(d);
		free_pages(d->shared_info, 1);
		d->shared_info = NULL;
	}
}

bool xen_domain_gfn_pinned(struct domain *d, u64 gfn)
{
	/* The backends' rings: the hypervisor reads and writes them. */
	if ((READ_ONCE(d->store_port) && gfn == d->store_gfn) ||
	    (READ_ONCE(d->console_port) && gfn == d->console_gfn))
		return true;
	for (u32 i = 0; i < d->nr_vcpus; i++)
		if (d->vcpu[i] && READ_ONCE(d->vcpu[i]->vcpu_info_gfn) == gfn)
			return true;
	return false;
}
