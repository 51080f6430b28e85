// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate.ko: loading it slides the hypervisor under the running Linux on
 * every CPU; Linux carries on as Domain 0.  Unloading it gives the machine
 * back.  See include/xenlate/boot.h for the contract with the image.
 */
#define pr_fmt(fmt) "xenlate: " fmt

#include <linux/module.h>
#include <linux/cpu.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/timekeeping.h>
#include <linux/io.h>
#include <asm/tsc.h>
#include <asm/processor.h>
#include <xenlate/dom0ctl.h>
#include "loader.h"
#include "xenlate_loader.h"

static unsigned int mem_mb = 32;
module_param(mem_mb, uint, 0444);
MODULE_PARM_DESC(mem_mb, "hypervisor memory in MiB, taken from Linux at load (default 32)");

static unsigned short serial;
module_param(serial, ushort, 0444);
MODULE_PARM_DESC(serial, "I/O port of a 16550 UART for the hypervisor log, e.g. 0x2f8 (default 0: none)");

static bool debug;
module_param(debug, bool, 0444);
MODULE_PARM_DESC(debug, "testing: allow Dom0 to crash the hypervisor on purpose, to test its panic path (default off)");

module_param(fail_cpu, int, 0444);
MODULE_PARM_DESC(fail_cpu, "testing: make this CPU fail to enter, to exercise the rollback (default -1)");

module_param(late_cpu, int, 0444);
MODULE_PARM_DESC(late_cpu, "testing: make this CPU arrive after launch_timeout_ms, to exercise the timeout (default -1)");

module_param(launch_timeout_ms, uint, 0444);
MODULE_PARM_DESC(launch_timeout_ms, "how long CPUs wait for each other at launch (default 2000)");

static char *dom0_apic = "auto";
module_param(dom0_apic, charp, 0444);
MODULE_PARM_DESC(dom0_apic, "trap Dom0's APIC and IOAPIC writes: auto (while guests exist), trap (always) or direct (never; Dom0 can then evict CPUs)");

static struct hv_memory hv_mem;
static bool loaded;

long xenlate_dom0ctl(unsigned int cmd, void *arg, size_t len)
{
	long ret;

	preempt_disable();
	if (!this_cpu_read(xl_launched)) {
		ret = -ENODEV;
	} else {
		asm volatile("vmmcall"
			     : "=a"(ret)
			     : "a"((u64)XL_HYPERCALL_DOM0CTL), "D"((u64)cmd),
			       "S"(arg ? (u64)virt_to_phys(arg) : 0),
			       "d"((u64)len)
			     : "memory");
	}
	preempt_enable();
	return ret;
}
EXPORT_SYMBOL_GPL(xenlate_dom0ctl);

static int dom0_apic_mode(u32 *mode)
{
	static const char * const names[] = {
		[XL_DOM0_APIC_AUTO] = "auto",
		[XL_DOM0_APIC_TRAP] = "trap",
		[XL_DOM0_APIC_DIRECT] = "direct",
	};
	u32 i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		if (dom0_apic && !strcmp(dom0_apic, names[i])) {
			*mode = i;
			return 0;
		}
	}
	pr_err("cannot load: dom0_apic=%.16s is not auto, trap or direct\n",
	       dom0_apic ? dom0_apic : "");
	return -EINVAL;
}

static int boot_info_fill(struct xl_boot_info *bi)
{
	unsigned int i;
	int rc = dom0_apic_mode(&bi->dom0_apic);

	if (!rc)
		rc = ioapic_fill(bi);
	if (rc)
		return rc;

	bi->abi = XL_BOOT_ABI;
	bi->nr_cpus = nr_cpu_ids;
	bi->image_va = (u64)hv_mem.va;
	bi->directmap_va = (u64)__va(0);
	bi->tsc_khz = tsc_khz;
	bi->load_wallclock_ns = ktime_get_real_ns();
	bi->serial_port = serial;
	bi->flags = debug ? XL_BOOT_DEBUG : 0;
	bi->paging_levels = pgtable_l5_enabled() ? 5 : 4;
	bi->nr_chunks = hv_mem.nr_chunks;
	for (i = 0; i < hv_mem.nr_chunks; i++)
		bi->chunk_pa[i] = page_to_phys(hv_mem.chunks[i]);
	return memmap_fill(bi);
}

static int __init xenlate_init(void)
{
	struct xl_boot_info *bi;
	unsigned int nr_chunks = DIV_ROUND_UP(mem_mb, 2);
	ktime_t t0;
	long rc;

	rc = svm_check_cpu();
	if (rc == -ENODEV) {
		pr_err("cannot load: this CPU has no AMD SVM (AMD-V)\n");
		return rc;
	}
	if (rc == -EOPNOTSUPP) {
		pr_err("cannot load: this CPU has SVM but no nested paging (NPT)\n");
		return rc;
	}
	if (nr_chunks < 2 || nr_chunks > XL_MAX_CHUNKS) {
		pr_err("cannot load: mem_mb=%u is out of range (4-%llu)\n",
		       mem_mb, XL_MAX_CHUNKS * XL_CHUNK_SIZE >> 20);
		return -EINVAL;
	}
	if (hvmem_alloc(&hv_mem, nr_chunks)) {
		pr_err("cannot load: not enough memory for %u MiB of hypervisor memory (mem_mb=%u)\n",
		       nr_chunks * 2, mem_mb);
		return -ENOMEM;
	}
	bi = kzalloc(sizeof(*bi), GFP_KERNEL);
	rc = bi ? image_load(&hv_mem, &xl_entry) : -ENOMEM;
	if (!rc)
		rc = boot_info_fill(bi);
	if (!rc) {
		rc = xl_entry(XL_OP_INIT, bi, 0, 0);
		if (rc)
			pr_err("cannot load: hypervisor initialisation failed (%ld); with many CPUs, raise mem_mb\n",
			       rc);
	}
	kfree(bi);
	if (rc)
		goto fail;

	t0 = ktime_get();
	rc = hotplug_start();
	if (rc)
		goto fail;
	loaded = true;
	pr_info("hypervisor loaded: %u CPUs now run as Dom0 (entered in %lld us), %u MiB hypervisor memory\n",
		num_online_cpus(), ktime_us_delta(ktime_get(), t0),
		nr_chunks * 2);
	return 0;
fail:
	hvmem_free(&hv_mem);
	return (int)rc;
}

static void __exit xenlate_exit(void)
{
	unsigned int cpu, stuck = 0;
	ktime_t t0 = ktime_get();

	if (!loaded)
		return;
	hotplug_unregister();
	pr_info("all CPUs left the hypervisor in %lld us\n",
		ktime_us_delta(ktime_get(), t0));
	for_each_possible_cpu(cpu)
		stuck += per_cpu(xl_launched, cpu);
	if (stuck) {
		/* Freeing memory a CPU still runs on would crash it. */
		pr_err("%u CPUs did not leave the hypervisor; its memory stays allocated\n",
		       stuck);
		return;
	}
	if (!image_intact(&hv_mem))
		pr_err("the hypervisor's code changed while it was loaded\n");
	hvmem_free(&hv_mem);
	pr_info("hypervisor unloaded: all CPUs back on bare metal\n");
}

module_init(xenlate_init);
module_exit(xenlate_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("xenlate: late-launched Xen-style hypervisor (loader)");
