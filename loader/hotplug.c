// SPDX-License-Identifier: GPL-2.0
/*
 * CPUs that come and go while the hypervisor is loaded.  A CPU going
 * offline leaves the hypervisor on its way down (otherwise the INIT that
 * later brings it back would reset it out of guest mode, SUBSTRATE.md);
 * one coming online is launched on its way up.  Reboot and kexec
 * devirtualise everything first; suspend is refused.
 */
#define pr_fmt(fmt) "xenlate: " fmt

#include <linux/cpu.h>
#include <linux/cpuhotplug.h>
#include <linux/reboot.h>
#include <linux/suspend.h>
#include "loader.h"

static int hp_state = -1;
/* Whether CPUs coming online should enter the hypervisor. */
static bool active;

static int cpu_online_cb(unsigned int cpu)
{
	unsigned long flags;
	int rc;

	if (!READ_ONCE(active))
		return 0;
	local_irq_save(flags);
	rc = launch_this_cpu();
	local_irq_restore(flags);
	if (rc)
		pr_err("CPU %u came online but could not enter the hypervisor (%d); refusing it\n",
		       cpu, rc);
	else
		pr_info("CPU %u entered the hypervisor\n", cpu);
	return rc;
}

/*
 * The hypervisor first moves the guest vCPUs placed on this CPU to
 * others; refused (the CPU stays online) when one of them may run on no
 * other CPU (its domain's cpus= mask).
 */
static int cpu_offline_cb(unsigned int cpu)
{
	unsigned long flags;
	long rc;

	local_irq_save(flags);
	rc = devirt_this_cpu();
	local_irq_restore(flags);
	if (rc) {
		pr_err("CPU %u cannot go offline: %s\n", cpu,
		       rc == -EBUSY ? "a guest domain can run on no other CPU (see the hypervisor log)" :
				      "the hypervisor did not let it go");
		return rc == -EBUSY ? -EBUSY : -EIO;
	}
	pr_info("CPU %u left the hypervisor (going offline)\n", cpu);
	return 0;
}

static int reboot_cb(struct notifier_block *nb, unsigned long action,
		     void *data)
{
	int left;

	cpus_read_lock();
	WRITE_ONCE(active, false);
	left = devirt_all();
	cpus_read_unlock();
	if (left)
		pr_err("%d CPUs are still under the hypervisor at reboot\n",
		       left);
	else
		pr_info("all CPUs left the hypervisor for reboot\n");
	return NOTIFY_DONE;
}

static struct notifier_block reboot_nb = {
	.notifier_call = reboot_cb,
	/*
	 * Before other reboot notifiers that might touch the CPUs, after
	 * xenlate_dom0's (INT_MAX), which destroys the guests.
	 */
	.priority = INT_MAX - 1,
};

/*
 * Suspend and hibernation are refused while loaded: resume paths reset
 * CPUs behind our back, and this machine cannot resume from suspend to
 * test a devirtualise-and-relaunch cycle (tests/scenarios/hotplug.sh).
 */
static int pm_cb(struct notifier_block *nb, unsigned long action, void *d)
{
	switch (action) {
	case PM_SUSPEND_PREPARE:
	case PM_HIBERNATION_PREPARE:
		pr_err("suspend refused while the hypervisor is loaded; run 'xenlate unload' first\n");
		return NOTIFY_BAD;
	}
	return NOTIFY_OK;
}

static struct notifier_block pm_nb = {
	.notifier_call = pm_cb,
};

/*
 * Start: callbacks first, so no CPU can come online unnoticed between
 * taking the others and registering; then every online CPU.
 */
int hotplug_start(void)
{
	int rc;

	WRITE_ONCE(active, true);
	hp_state = cpuhp_setup_state_nocalls(CPUHP_AP_ONLINE_DYN,
					     "xenlate:online", cpu_online_cb,
					     cpu_offline_cb);
	if (hp_state < 0) {
		WRITE_ONCE(active, false);
		return hp_state;
	}
	rc = launch_all();
	if (rc) {
		hotplug_stop();
		return rc;
	}
	register_reboot_notifier(&reboot_nb);
	register_pm_notifier(&pm_nb);
	return 0;
}

/* Stop: no more launches, then every CPU leaves the hypervisor. */
void hotplug_stop(void)
{
	cpus_read_lock();
	WRITE_ONCE(active, false);
	if (hp_state >= 0)
		cpuhp_remove_state_nocalls_cpuslocked(hp_state);
	hp_state = -1;
	devirt_all();
	cpus_read_unlock();
}

/* Called at unload. */
void hotplug_unregister(void)
{
	unregister_pm_notifier(&pm_nb);
	unregister_reboot_notifier(&reboot_nb);
	hotplug_stop();
}
