// SPDX-License-Identifier: GPL-2.0
/*
 * memory_op: where shared_info shows up in the guest, the guest's memory
 * map and its reservation.  A guest speaks for itself only (DOMID_SELF).
 */
#include <hv/hypercall.h>
#include <hv/xen_guest.h>
#include <hv/guest_access.h>
#include <hv/vcpu.h>
#include <hv/domain.h>
#include <hv/balloon.h>
#include <hv/errno.h>
#include <xen/xen.h>
#include <xen/memory.h>
#include <xen/arch-x86/hvm/start_info.h>

/*
 * Xen keeps a continuation's start extent above the command's low 6
 * bits (MEMOP_EXTENT_SHIFT in Xen's own, non-public, hypercall.h).
 */
#define MEMOP_CMD_MASK		0x3f
/* Guest-physical space is bounded (domctl.c: 1 TiB). */
#define MAX_GUEST_GFN		(1ULL << (40 - PAGE_SHIFT))

/* One entry of the BIOS E820 format the call returns. */
struct e820_entry {
	u64 addr;
	u64 size;
	u32 type;
} __packed;

static bool is_self(struct domain *d, u64 domid)
{
	return domid == DOMID_SELF || domid == d->id;
}

static long add_to_physmap(struct vcpu *v, u64 arg)
{
	struct xen_add_to_physmap x;

	if (copy_from_guest(v, &x, arg, sizeof(x)))
		return -EFAULT;
	if (!is_self(v->dom, x.domid))
		return -EPERM;
	/* Grant table frames come with grant tables; gmfn moves never. */
	if (x.space != XENMAPSPACE_shared_info)
		return -ENOSYS;
	if (x.idx != 0 || x.gpfn >= MAX_GUEST_GFN)
		return -EINVAL;
	/* Not over a page the hypervisor reads or writes for itself. */
	if (xen_domain_gfn_pinned(v->dom, x.gpfn))
		return -EBUSY;
	return arch_domain_map_shared(v->dom, x.gpfn, v->dom->shared_info);
}

/*
 * The map the builder gave in hvm_start_info (tools/builder/build.c):
 * RAM from 0 to the end of what it populated, but for the frames of the
 * console and xenstore rings, which are reserved (the guest's, not for
 * its allocator).
 */
static u32 fill_map(struct domain *d, struct e820_entry *e)
{
	u64 end = arch_domain_gfn_end(d), at = 0, special[2];
	u32 n = 0, nr = 0;

	if (d->console_port)
		special[nr++] = d->console_gfn;
	if (d->store_port)
		special[nr++] = d->store_gfn;
	if (nr == 2 && special[0] > special[1]) {
		u64 t = special[0];

		special[0] = special[1];
		special[1] = t;
	}
	for (u32 i = 0; i < nr; i++) {
		if (special[i] > at)
			e[n++] = (struct e820_entry){
				at << PAGE_SHIFT, (special[i] - at) << PAGE_SHIFT,
				XEN_HVM_MEMMAP_TYPE_RAM };
		e[n++] = (struct e820_entry){ special[i] << PAGE_SHIFT,
					      PAGE_SIZE,
					      XEN_HVM_MEMMAP_TYPE_RESERVED };
		at = special[i] + 1;
	}
	if (end > at)
		e[n++] = (struct e820_entry){ at << PAGE_SHIFT,
					      (end - at) << PAGE_SHIFT,
					      XEN_HVM_MEMMAP_TYPE_RAM };
	return n;
}

static long memory_map(struct vcpu *v, u64 arg)
{
	struct e820_entry e[5];
	struct xen_memory_map m;
	u32 n = fill_map(v->dom, e);

	if (copy_from_guest(v, &m, arg, sizeof(m)))
		return -EFAULT;
	if (m.nr_entries < n)
		return -EINVAL;
	if (copy_to_guest(v, GUEST_HANDLE_ADDR(m.buffer), e,
			  n * sizeof(e[0])))
		return -EFAULT;
	m.nr_entries = n;
	return copy_to_guest(v, arg, &m, sizeof(m)) ? -EFAULT : 0;
}

static long reservation(struct vcpu *v, u64 arg, bool max)
{
	domid_t domid;

	if (copy_from_guest(v, &domid, arg, sizeof(domid)))
		return -EFAULT;
	if (!is_self(v->dom, domid))
		return -EPERM;
	return (long)(max ? v->dom->max_pages : READ_ONCE(v->dom->nr_pages));
}

long xen_memory_op(struct vcpu *v, u64 cmd, u64 arg)
{
	switch (cmd & MEMOP_CMD_MASK) {
	case XENMEM_add_to_physmap:
		return add_to_physmap(v, arg);
	case XENMEM_memory_map:
		return memory_map(v, arg);
	case XENMEM_current_reservation:
		return reservation(v, arg, false);
	case XENMEM_maximum_reservation:
		return reservation(v, arg, true);
	case XENMEM_increase_reservation:
	case XENMEM_decrease_reservation:
	case XENMEM_populate_physmap:
		return balloon_memory_op(v, cmd, arg);
	}
	return -ENOSYS;
}
