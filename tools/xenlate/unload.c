// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate unload: rmmod Dom0's kernel side, then the loader, which
 * returns every CPU and all hypervisor memory to Linux.
 */
#include <stdbool.h>
#include <stdio.h>

#include "cmd.h"
#include "klog.h"
#include "kmod.h"

/* rmmod xenlate failed: give it its control plane back, then report. */
static int xl_unload_hv_failed(const char *err, const char *why, bool dom0)
{
	char err2[512], extra[600];

	extra[0] = '\0';
	if (dom0 && xl_mod_probe(XL_MOD_DOM0, NULL, err2, sizeof(err2)))
		snprintf(extra, sizeof(extra), "%s could not be reloaded: %s",
			 XL_MOD_DOM0, err2);
	return xl_mod_fail("unload", err, why, extra[0] ? extra : NULL);
}

static int xl_unload_run(int argc, char *argv[])
{
	char err[512], why_buf[512];
	struct xl_klog klog;
	const char *why;
	bool hv, dom0;
	int ret;

	ret = xl_no_args(&xl_cmd_unload, argc, argv);
	if (ret)
		return ret;
	hv = xl_mod_loaded(XL_MOD_HV);
	dom0 = xl_mod_loaded(XL_MOD_DOM0);
	if (!hv && !dom0)
		return xl_error("not loaded");

	xl_klog_mark(&klog);
	ret = XL_EXIT_OK;
	if (dom0 && xl_mod_remove(XL_MOD_DOM0, err, sizeof(err))) {
		why = xl_klog_reason(&klog, why_buf, sizeof(why_buf));
		ret = xl_mod_fail("unload", err, why, NULL);
	} else if (hv && xl_mod_remove(XL_MOD_HV, err, sizeof(err))) {
		why = xl_klog_reason(&klog, why_buf, sizeof(why_buf));
		ret = xl_unload_hv_failed(err, why, dom0);
	}
	xl_klog_close(&klog);
	return ret;
}

const struct xl_cmd xl_cmd_unload = {
	.name = "unload",
	.args = "",
	.summary = "Unload the hypervisor and return to bare metal",
	.help =
	"Runs 'rmmod xenlate_dom0', then 'rmmod xenlate'.  Needs root.\n",
	.run = xl_unload_run,
};
