// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate_dom0.ko: Dom0's kernel side of xenlate.  For now it is the
 * control plane: the "xenlate" generic netlink family that the CLI and
 * xentop talk to.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/reboot.h>
#include <linux/slab.h>

#include <xenlate/dom0ctl.h>

#include "dom0.h"
#include "balloon.h"

/*
 * Ask the hypervisor who it is before offering a control plane for it:
 * a module that loads but answers every request with an error helps
 * nobody, and an ABI mismatch would make us misread every reply.
 */
static int xl_dom0_probe(void)
{
	struct xl_ctl_info *ci;
	long ret;

	ci = kzalloc(sizeof(*ci), GFP_KERNEL);
	if (!ci)
		return -ENOMEM;

	ret = xl_hv_call(XL_CTL_INFO, ci, sizeof(*ci), NULL);
	if (ret == -ENODEV) {
		pr_err("hypervisor is not running (load xenlate first)\n");
		goto out;
	}
	if (ret < 0) {
		/* Still useful for reading the log: load, but say why. */
		pr_warn("hypervisor info request failed (%ld)\n", ret);
		ret = 0;
		goto out;
	}
	if (ci->version_major != XL_VERSION_MAJOR) {
		pr_err("hypervisor ABI %u.%u, this module speaks %u.%u\n",
		       ci->version_major, ci->version_minor,
		       XL_VERSION_MAJOR, XL_VERSION_MINOR);
		ret = -EPROTO;
		goto out;
	}
	ret = 0;
out:
	kfree(ci);
	return ret;
}

static int xl_dom0_reboot(struct notifier_block *nb, unsigned long action,
			  void *data)
{
	xl_guests_destroy_all();
	return NOTIFY_DONE;
}

/* Before the loader's (INT_MAX - 1), which needs the guests gone. */
static struct notifier_block xl_dom0_reboot_nb = {
	.notifier_call = xl_dom0_reboot,
	.priority = INT_MAX,
};

static int __init xl_dom0_init(void)
{
	int ret;

	ret = xl_dom0_probe();
	if (ret)
		return ret;

	ret = xl_genl_register();
	if (ret) {
		pr_err("cannot register the generic netlink family (%d)\n",
		       ret);
		return ret;
	}
	register_reboot_notifier(&xl_dom0_reboot_nb);
	pr_info("control plane ready\n");
	return 0;
}

static void __exit xl_dom0_exit(void)
{
	unregister_reboot_notifier(&xl_dom0_reboot_nb);
	xl_genl_unregister();
	xl_balloon_exit();
}

module_init(xl_dom0_init);
module_exit(xl_dom0_exit);

MODULE_DESCRIPTION("xenlate: Dom0 kernel side (control plane)");
MODULE_LICENSE("GPL");
