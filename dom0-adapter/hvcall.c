// SPDX-License-Identifier: GPL-2.0
/*
 * The one place that calls the hypervisor, so that its errors reach user
 * space as ordinary errnos with a sentence saying which side failed.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/netlink.h>
#include <linux/smp.h>
#include <xenlate/dom0ctl.h>

#include <xenlate_loader.h>

#include "dom0.h"

/*
 * @arg must be kmalloc'd (see xenlate_loader.h).  @extack may be NULL.
 * Returns the hypervisor's result (>= 0) or a negative errno.
 */
long xl_hv_call(unsigned int cmd, void *arg, size_t len,
		struct netlink_ext_ack *extack)
{
	long ret = xenlate_dom0ctl(cmd, arg, len);

	if (ret >= 0)
		return ret;

	switch (ret) {
	case -ENODEV:
		NL_SET_ERR_MSG(extack,
			       "hypervisor is not running on this CPU");
		return -ENODEV;
	case -ENOSYS:
	case -EOPNOTSUPP:
		/* To user space ENOSYS means "no such syscall". */
		NL_SET_ERR_MSG(extack,
			       "hypervisor does not support this request");
		return -EOPNOTSUPP;
	case -EINVAL:
	case -EFAULT:
		NL_SET_ERR_MSG(extack, "hypervisor rejected the arguments");
		return ret;
	}

	if (!IS_ERR_VALUE(ret)) {
		/* Not an errno at all: never pass garbage to user space. */
		NL_SET_ERR_MSG(extack, "hypervisor returned an invalid error");
		return -EIO;
	}
	NL_SET_ERR_MSG(extack, "hypervisor request failed");
	return ret;
}

static void xl_hv_sync_one(void *unused)
{
	xenlate_dom0ctl(XL_CTL_SYNC, NULL, 0);
}

/*
 * Every CPU exits to the hypervisor once, so that it catches up with a
 * domain change: guest mode on or off, Dom0's TLB flushed after frames
 * left it (XL_CTL_SYNC in dom0ctl.h).
 */
void xl_hv_sync(void)
{
	on_each_cpu(xl_hv_sync_one, NULL, 1);
}
