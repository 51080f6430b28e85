// SPDX-License-Identifier: GPL-2.0
/*
 * Reading and writing the hypervisor's memory through Linux's direct map:
 * every page of every "xenlate hypervisor" range in /proc/iomem.
 */
#define pr_fmt(fmt) "xenlate_probe: " fmt

#include <linux/mm.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include "probe.h"

/* 0 when the access went through. */
static int try_access(u64 *va, bool write)
{
	u64 v;

	return write ? probe_write32(va, 0x62616462) : probe_read64(va, &v);
}

/*
 * The hypervisor's ranges, as the test read them from /proc/iomem
 * ("xenlate hypervisor"): the resource walkers do not pass names to
 * modules.  Format: start-end[,start-end]..., hexadecimal, inclusive.
 */
static char *ranges;
module_param(ranges, charp, 0444);
MODULE_PARM_DESC(ranges, "hypervisor ranges from /proc/iomem: 0xS-0xE[,...]");

static int probe_hv(bool write)
{
	unsigned long pages = 0, got_through = 0;
	char *list, *cur, *tok;

	if (!ranges) {
		pr_err("hv probes need ranges= (from /proc/iomem)\n");
		return -EINVAL;
	}
	list = kstrdup(ranges, GFP_KERNEL);
	if (!list)
		return -ENOMEM;
	cur = list;
	while ((tok = strsep(&cur, ","))) {
		char *dash = strchr(tok, '-');
		u64 start, end, pa;

		if (!dash || (*dash = 0, kstrtou64(tok, 16, &start)) ||
		    kstrtou64(dash + 1, 16, &end) || end < start) {
			pr_err("bad range '%s'\n", tok);
			kfree(list);
			return -EINVAL;
		}
		for (pa = start; pa + PAGE_SIZE - 1 <= end; pa += PAGE_SIZE) {
			pages++;
			if (!try_access(phys_to_virt(pa), write)) {
				if (!got_through)
					pr_err("%s of hypervisor page %llx succeeded\n",
					       write ? "write" : "read", pa);
				got_through++;
			}
			cond_resched();
		}
	}
	kfree(list);
	pr_info("%s: %lu hypervisor pages tried, %lu got through\n",
		write ? "hv_write" : "hv_read", pages, got_through);
	if (!pages)
		return -ENOENT;	/* nothing probed: not a valid test */
	return got_through ? -EIO : 0;
}
int probe_hv_read(void)
{
	return probe_hv(false);
}

int probe_hv_write(void)
{
	return probe_hv(true);
}
