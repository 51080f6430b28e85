// SPDX-License-Identifier: GPL-2.0
/*
 * Load with probe=NAME (or probe=all).  The module stays loaded only when
 * every probe was refused: insmod's exit status is the verdict, and each
 * probe leaves one "xenlate_probe: NAME: ..." line in the kernel log.
 */
#define pr_fmt(fmt) "xenlate_probe: " fmt

#include <linux/module.h>
#include <linux/string.h>
#include "probe.h"

static char *probe = "all";
module_param(probe, charp, 0444);
MODULE_PARM_DESC(probe, "hv_read, hv_write, efer, svm_msrs, svm_insns, msr_outside, crash_refused, all (those seven), init_each, init_others, sipi, apic_base, apic_id, ioapic_init, msi_init, apic_badform, guest_mem, or none");

/*
 * "all" runs those that must be refused with or without guests; the
 * rest are refused only while a guest exists and are run one by one.
 */
static const struct {
	const char *name;
	int (*fn)(void);
	bool in_all;
} probes[] = {
	{ "hv_read", probe_hv_read, true },
	{ "hv_write", probe_hv_write, true },
	{ "efer", probe_efer, true },
	{ "svm_msrs", probe_svm_msrs, true },
	{ "svm_insns", probe_svm_insns, true },
	{ "msr_outside", probe_msr_outside, true },
	{ "crash_refused", probe_crash_refused, true },
	{ "init_each", probe_init_each },
	{ "init_others", probe_init_others },
	{ "sipi", probe_sipi },
	{ "apic_base", probe_apic_base },
	{ "apic_id", probe_apic_id },
	{ "ioapic_init", probe_ioapic_init },
	{ "msi_init", probe_msi_init },
	{ "apic_badform", probe_apic_badform },
	{ "guest_mem", probe_guest_mem },
};

static int __init probe_init(void)
{
	int i, rc = 0, ran = 0;

	for (i = 0; i < ARRAY_SIZE(probes); i++) {
		int r;

		if (strcmp(probe, probes[i].name) &&
		    (strcmp(probe, "all") || !probes[i].in_all))
			continue;
		ran++;
		r = probes[i].fn();
		if (r)
			pr_err("%s: NOT REFUSED (%d)\n", probes[i].name, r);
		else
			pr_info("%s: refused, as it must be\n", probes[i].name);
		if (r && !rc)
			rc = r;
	}
	/* "none": just load, e.g. for the crash_now parameter. */
	if (!ran && strcmp(probe, "none")) {
		pr_err("unknown probe '%s'\n", probe);
		return -EINVAL;
	}
	return rc ? rc : probe_crash_file_create();
}

static void __exit probe_exit(void)
{
	probe_crash_file_remove();
}

module_init(probe_init);
module_exit(probe_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("xenlate test: a hostile Dom0 module");
