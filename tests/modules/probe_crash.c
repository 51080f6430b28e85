// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor's panic path.  Without debug=1 the request to crash it
 * must be refused; with debug=1, writing /proc/xenlate_probe_crash makes
 * the writer's CPU fault inside the hypervisor, which prints its panic
 * and halts that CPU (the test then reads the log on another CPU).
 */
#define pr_fmt(fmt) "xenlate_probe: " fmt

#include <linux/module.h>
#include <linux/io.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>
#include <xenlate/dom0ctl.h>
#include <xenlate_loader.h>
#include "probe.h"

int probe_crash_refused(void)
{
	long rc = xenlate_dom0ctl(XL_CTL_DEBUG_CRASH, NULL, 0);

	return rc == -EPERM ? 0 : -EIO;
}

/*
 * Writing /proc/xenlate_probe_crash crashes the CPU the writer runs on
 * (pin it with taskset).  Not a module parameter: its writer holds the
 * module's parameter lock and never comes back.  Not done at module
 * load either: loading waits for every CPU (TLB flushes), and the
 * crashed one never answers.
 */
static ssize_t crash_write(struct file *f, const char __user *buf,
			   size_t len, loff_t *off)
{
	long rc = xenlate_dom0ctl(XL_CTL_DEBUG_CRASH, NULL, 0);

	pr_err("crash: the hypervisor did not crash (%ld)\n", rc);
	return rc ? rc : -EIO;
}

static const struct proc_ops crash_ops = {
	.proc_write = crash_write,
};

int probe_crash_file_create(void)
{
	return proc_create("xenlate_probe_crash", 0200, NULL, &crash_ops) ?
	       0 : -ENOMEM;
}

void probe_crash_file_remove(void)
{
	remove_proc_entry("xenlate_probe_crash", NULL);
}

/*
 * Writing exit_qemu ends the test VM at once through QEMU's isa-debug-exit
 * device (port 0xf4, which tests/vm/run adds): the way out of a VM whose
 * CPU we halted, where shutting down would wait for that CPU forever.
 */
static int exit_qemu_set(const char *val, const struct kernel_param *kp)
{
	outb(0, 0xf4);
	return -EIO;	/* still here: not QEMU with that device */
}

static const struct kernel_param_ops exit_qemu_ops = {
	.set = exit_qemu_set,
};
module_param_cb(exit_qemu, &exit_qemu_ops, NULL, 0200);
MODULE_PARM_DESC(exit_qemu, "testing in QEMU only: write anything to end the VM");
