// SPDX-License-Identifier: GPL-2.0
/*
 * Taking every CPU into the hypervisor, all or none, and giving them back.
 */
#define pr_fmt(fmt) "xenlate: " fmt

#include <linux/cpu.h>
#include <linux/stop_machine.h>
#include <linux/delay.h>
#include <linux/smp.h>
#include <linux/jiffies.h>
#include <linux/timekeeping.h>
#include <asm/cpufeature.h>
#include <asm/msr.h>
#include <asm/tlbflush.h>
#include <xenlate/dom0ctl.h>
#include "loader.h"

#define SVM_VM_CR_SVMDIS	BIT(4)

hv_entry_t xl_entry;
DEFINE_PER_CPU(bool, xl_launched);

int fail_cpu = -1;
int late_cpu = -1;
unsigned int launch_timeout_ms = 2000;

/*
 * Can this CPU take the hypervisor?  Reasons are reported once, by the
 * caller, so the user sees one line.
 */
int svm_check_cpu(void)
{
	u64 vm_cr, efer;

	if (!boot_cpu_has(X86_FEATURE_SVM))
		return -ENODEV;
	if (!boot_cpu_has(X86_FEATURE_NPT))
		return -EOPNOTSUPP;
	rdmsrl(MSR_VM_CR, vm_cr);
	if (vm_cr & SVM_VM_CR_SVMDIS)
		return -EPERM;
	rdmsrl(MSR_EFER, efer);
	if (efer & EFER_SVME)
		return -EBUSY;
	return 0;
}

static void svm_off(void)
{
	u64 efer;

	wrmsrl(MSR_VM_HSAVE_PA, 0);
	rdmsrl(MSR_EFER, efer);
	wrmsrl(MSR_EFER, efer & ~EFER_SVME);
}

/*
 * Wait @ms by the clock, interrupts off.  Not udelay(): its loop count
 * is calibrated once, and under QEMU's round-robin TCG (one host thread
 * for all vCPUs) 2000 ms of udelay(10) passed in about 130 ms.
 */
static void spin_for_ms(unsigned int ms)
{
	u64 end = ktime_get_mono_fast_ns() + (u64)ms * NSEC_PER_MSEC;

	while (ktime_get_mono_fast_ns() < end)
		cpu_relax();
}

/* Interrupts off.  0: this CPU now runs as Dom0 under the hypervisor. */
int launch_this_cpu(void)
{
	int cpu = smp_processor_id();
	long rc;

	if (this_cpu_read(xl_launched))
		return 0;
	if (cpu == fail_cpu)
		return -EIO;	/* test hook: pretend this CPU failed */
	if (cpu == late_cpu)	/* test hook: arrive after the others gave up */
		spin_for_ms(launch_timeout_ms + 200);
	rc = svm_check_cpu();
	if (rc)
		return rc;
	/* No stale non-executable entry for the image (hvmem.c). */
	__flush_tlb_all();
	rc = xenlate_enter(xl_entry, XL_OP_LAUNCH, (void *)(long)cpu);
	if (rc) {
		/* SVM was off (checked above): the hypervisor may have
		 * turned it on before failing. */
		svm_off();
		return rc;
	}
	this_cpu_write(xl_launched, true);
	return 0;
}

static long vmmcall3(u64 nr, u64 a1, u64 a2, u64 a3)
{
	long ret;

	asm volatile("vmmcall"
		     : "=a"(ret)
		     : "a"(nr), "D"(a1), "S"(a2), "d"(a3)
		     : "memory");
	return ret;
}

/* Interrupts off.  Leave the hypervisor on this CPU: 0 or -errno. */
long devirt_this_cpu(void)
{
	long rc;

	if (!this_cpu_read(xl_launched))
		return 0;
	/*
	 * -EAGAIN: an interrupt for Linux is still in the hypervisor's
	 * hands; each call lets it deliver.  -EBUSY: a guest vCPU there can run nowhere else.
	 */
	for (int tries = 0; tries < 1000; tries++) {
		rc = vmmcall3(XL_HYPERCALL_DOM0CTL, XL_CTL_DEVIRT, 0, 0);
		if (rc != -EAGAIN)
			break;
		cpu_relax();
	}
	if (rc) {
		pr_err("CPU %d: hypervisor refused to let go (%ld)\n",
		       smp_processor_id(), rc);
		return rc;
	}
	svm_off();
	this_cpu_write(xl_launched, false);
	return 0;
}

struct launch_state {
	atomic_t arrived;
	atomic_t failed;
	int first_failed_cpu;
	long first_err;
	unsigned int nr_cpus;
};

/* Runs on every online CPU at once, interrupts off (stop_machine). */
static int launch_one(void *data)
{
	struct launch_state *st = data;
	int rc = launch_this_cpu();
	u64 deadline;

	if (rc && atomic_inc_return(&st->failed) == 1) {
		st->first_failed_cpu = smp_processor_id();
		st->first_err = rc;
	}
	atomic_inc(&st->arrived);
	/* All or none: wait for the others, then roll back if any failed. */
	deadline = ktime_get_mono_fast_ns() +
		   (u64)launch_timeout_ms * NSEC_PER_MSEC;
	while (atomic_read(&st->arrived) < st->nr_cpus &&
	       ktime_get_mono_fast_ns() < deadline)
		cpu_relax();
	if (atomic_read(&st->arrived) < st->nr_cpus) {
		if (atomic_inc_return(&st->failed) == 1) {
			st->first_failed_cpu = -1;
			st->first_err = -ETIMEDOUT;
		}
	}
	if (atomic_read(&st->failed)) {
		devirt_this_cpu();
		return rc ? rc : -EAGAIN;
	}
	return 0;
}

static const char *launch_reason(long err)
{
	switch (err) {
	case -ENODEV:
		return "the CPU has no SVM (AMD-V)";
	case -EOPNOTSUPP:
		return "the CPU has SVM but no nested paging (NPT)";
	case -EPERM:
		return "SVM is disabled by the firmware (VM_CR.SVMDIS); "
		       "enable it in the BIOS setup";
	case -EBUSY:
		return "SVM is already in use (EFER.SVME set: is another "
		       "hypervisor such as kvm_amd running a VM?)";
	case -ETIMEDOUT:
		return "a CPU did not arrive";
	}
	return "the CPU refused to enter the hypervisor";
}

/*
 * Take every online CPU; on any failure none stays.  Takes the CPU hotplug
 * lock itself (stop_machine); CPUs that come online meanwhile are
 * launched by the hotplug callback, and launching twice is harmless.
 */
int launch_all(void)
{
	struct launch_state st = {
		.nr_cpus = num_online_cpus(),
		.first_failed_cpu = -1,
	};
	int rc;

	atomic_set(&st.arrived, 0);
	atomic_set(&st.failed, 0);
	rc = stop_machine(launch_one, &st, cpu_online_mask);
	if (!rc)
		return 0;
	if (st.first_failed_cpu >= 0)
		pr_err("cannot load: CPU %d: %s (error %ld); all CPUs rolled back\n",
		       st.first_failed_cpu, launch_reason(st.first_err),
		       st.first_err);
	else
		pr_err("cannot load: %s within %u ms; all CPUs rolled back\n",
		       launch_reason(st.first_err), launch_timeout_ms);
	return st.first_err ? (int)st.first_err : rc;
}

static void devirt_one(void *unused)
{
	devirt_this_cpu();
}

static DEFINE_PER_CPU(call_single_data_t, devirt_csd);

/*
 * Give every CPU back to Linux.  cpus_read_lock held.  Never waits for a
 * CPU forever (one that panicked in the hypervisor never answers): each
 * gets its own asynchronous call, then we wait up to launch_timeout_ms.
 * Returns how many CPUs are still under the hypervisor.
 */
int devirt_all(void)
{
	unsigned long deadline;
	int cpu, left;

	for_each_online_cpu(cpu) {
		call_single_data_t *csd = per_cpu_ptr(&devirt_csd, cpu);

		if (!READ_ONCE(per_cpu(xl_launched, cpu)))
			continue;
		/* Set once: re-initialising one still queued would break it. */
		if (!csd->func)
			INIT_CSD(csd, devirt_one, NULL);
		/* -EBUSY: the last request to that CPU never ran. */
		smp_call_function_single_async(cpu, csd);
	}
	deadline = jiffies + msecs_to_jiffies(launch_timeout_ms);
	for (;;) {
		left = 0;
		for_each_online_cpu(cpu)
			left += READ_ONCE(per_cpu(xl_launched, cpu));
		if (!left || time_after(jiffies, deadline))
			break;
		usleep_range(100, 1000);
	}
	for_each_online_cpu(cpu)
		if (READ_ONCE(per_cpu(xl_launched, cpu)))
			pr_err("CPU %d did not leave the hypervisor within %u ms\n",
			       cpu, launch_timeout_ms);
	return left;
}
