// SPDX-License-Identifier: GPL-2.0
/*
 * hvm_op get/set_param: how events reach the guest (the callback
 * vector) and where its console and xenstore rings are.  DOMID_SELF
 * only: a guest configures itself, nobody else.
 */
#include <hv/hypercall.h>
#include <hv/guest_access.h>
#include <hv/vcpu.h>
#include <hv/domain.h>
#include <hv/errno.h>
#include <xen/xen.h>
#include <xen/hvm/hvm_op.h>
#include <xen/hvm/params.h>

#define CALLBACK_TYPE_SHIFT	56
#define CALLBACK_MIN_VECTOR	0x10	/* below: CPU exceptions */

static bool is_self(struct domain *d, u64 domid)
{
	return domid == DOMID_SELF || domid == d->id;
}

static long set_callback(struct domain *d, u64 val)
{
	u64 type = val >> CALLBACK_TYPE_SHIFT;
	u8 vec = val & 0xff;

	if (!val) {		/* no callback: events are polled */
		WRITE_ONCE(d->upcall_vector, 0);
		d->callback_irq = 0;
		return 0;
	}
	/*
	 * Only the vector type: the GSI and PCI INTx types need an
	 * emulated IO-APIC or PCI device, which guests do not have here.
	 */
	if (type != HVM_PARAM_CALLBACK_TYPE_VECTOR)
		return -ENOSYS;
	if (vec < CALLBACK_MIN_VECTOR ||
	    (val & ~HVM_PARAM_CALLBACK_IRQ_TYPE_MASK) >> 8)
		return -EINVAL;
	d->callback_irq = val;
	WRITE_ONCE(d->upcall_vector, vec);
	return 0;
}

static long param(struct vcpu *v, u64 arg, bool set)
{
	struct domain *d = v->dom;
	struct xen_hvm_param p;
	long rc = 0;

	if (copy_from_guest(v, &p, arg, sizeof(p)))
		return -EFAULT;
	if (!is_self(d, p.domid))
		return -EPERM;
	if (p.index >= HVM_NR_PARAMS)
		return -EINVAL;
	switch (p.index) {
	case HVM_PARAM_CALLBACK_IRQ:
		if (set)
			return set_callback(d, p.value);
		p.value = d->callback_irq;
		break;
	case HVM_PARAM_STORE_PFN:
	case HVM_PARAM_STORE_EVTCHN:
		/* The toolstack's to set (XL_STORE_SETUP); 0: no store. */
		if (set)
			return -EPERM;
		p.value = !d->store_port ? 0 :
			  p.index == HVM_PARAM_STORE_PFN ? d->store_gfn :
			  d->store_port;
		break;
	case HVM_PARAM_CONSOLE_PFN:
	case HVM_PARAM_CONSOLE_EVTCHN:
		/* Set with the store's; the hypervisor is the backend. */
		if (set)
			return -EPERM;
		p.value = !d->console_port ? 0 :
			  p.index == HVM_PARAM_CONSOLE_PFN ? d->console_gfn :
			  d->console_port;
		break;
	default:
		return -ENOSYS;
	}
	if (copy_to_guest(v, arg, &p, sizeof(p)))
		rc = -EFAULT;
	return rc;
}

long xen_hvm_op(struct vcpu *v, u64 cmd, u64 arg)
{
	switch (cmd) {
	case HVMOP_set_param:
		return param(v, arg, true);
	case HVMOP_get_param:
		return param(v, arg, false);
	}
	return -ENOSYS;
}
