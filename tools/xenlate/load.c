// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate load: modprobe the loader (which slides the hypervisor under
 * the running Linux) and then Dom0's kernel side.  Either both end up
 * loaded or neither does.
 */
#include <stdbool.h>
#include <stdio.h>

#include "cmd.h"
#include "klog.h"
#include "kmod.h"
#include "load_params.h"

static int xl_load_check_unloaded(void)
{
	bool hv = xl_mod_loaded(XL_MOD_HV);
	bool dom0 = xl_mod_loaded(XL_MOD_DOM0);

	if (hv && dom0)
		return xl_error("already loaded (run 'xenlate unload' first)");
	if (hv || dom0)
		return xl_error("partly loaded (%s without %s); "
				"run 'xenlate unload' first",
				hv ? XL_MOD_HV : XL_MOD_DOM0,
				hv ? XL_MOD_DOM0 : XL_MOD_HV);
	return 0;
}

static int xl_load_run(int argc, char *argv[])
{
	char err[512], why_buf[512], err2[512], extra[600];
	struct xl_load_params params;
	struct xl_klog klog;
	const char *why;
	int ret;

	if (xl_load_params_parse(argc - 1, argv + 1, &params, err,
				 sizeof(err)))
		return xl_usage_error("load", "%s", err);
	ret = xl_load_check_unloaded();
	if (ret)
		return ret;

	xl_klog_mark(&klog);
	ret = XL_EXIT_OK;
	if (xl_mod_probe(XL_MOD_HV, &params, err, sizeof(err))) {
		why = xl_klog_reason(&klog, why_buf, sizeof(why_buf));
		ret = xl_mod_fail("load", err, why, NULL);
	} else if (xl_mod_probe(XL_MOD_DOM0, NULL, err, sizeof(err))) {
		why = xl_klog_reason(&klog, why_buf, sizeof(why_buf));
		/* Without its control plane the hypervisor is no use: undo. */
		extra[0] = '\0';
		if (xl_mod_remove(XL_MOD_HV, err2, sizeof(err2)))
			snprintf(extra, sizeof(extra), "%s stays loaded: %s",
				 XL_MOD_HV, err2);
		ret = xl_mod_fail("load", err, why, extra[0] ? extra : NULL);
	}
	xl_klog_close(&klog);
	return ret;
}

const struct xl_cmd xl_cmd_load = {
	.name = "load",
	.args = "[mem=MiB] [serial=PORT|off] [KEY=VALUE]...",
	.summary = "Load the hypervisor under the running Linux",
	.help =
	"  mem=MiB          hypervisor memory in MiB (or GiB with a G suffix)\n"
	"                   (module parameter mem_mb)\n"
	"  serial=PORT|off  I/O port of the hypervisor's serial log: 0x2f8,\n"
	"                   com1..com4, or off (module parameter serial)\n"
	"  dom0_apic=auto|trap|direct\n"
	"                   check Dom0's APIC and IOAPIC writes while guests\n"
	"                   exist (auto), always, or never (direct: Dom0 can\n"
	"                   then INIT a CPU away from the hypervisor)\n"
	"  KEY=VALUE        any other parameter of the xenlate module, as is\n"
	"\n"
	"Runs 'modprobe xenlate PARAMS', then 'modprobe xenlate_dom0'; if the\n"
	"second fails, the first is unloaded again.  Needs root.\n",
	.run = xl_load_run,
};
