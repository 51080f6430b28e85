// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate unload: rmmod Dom0's kernel side, then the loader, which
 * returns every CPU and all hypervisor memory to Linux.
 */
#include <stdbool.h>
#include <stdio.h>

#include <string.h>

#include "cmd.h"
#include "klog.h"
#include "kmod.h"
#include "xl_client.h"

#define XL_LIST_MAX	256

/*
 * Domains alive: refuse, naming them, unless --force, which destroys
 * them first (their memory goes back to Dom0 either way).
 */
static int xl_unload_domains(bool force)
{
	static struct xl_domain doms[XL_LIST_MAX];
	char names[256] = "";
	struct xl_client *c;
	int nr, i, err;

	if (xl_open(&c))
		return 0;	/* no control plane: nothing can be alive */
	nr = xl_domain_list(c, doms, XL_LIST_MAX);
	if (nr < 0) {
		err = xl_client_error(c, nr);
		xl_close(c);
		return err;
	}
	for (i = 0; i < nr && !force; i++) {
		if (i)
			strncat(names, " ", sizeof(names) - strlen(names) - 1);
		strncat(names, doms[i].name, sizeof(names) - strlen(names) - 1);
	}
	if (nr && !force) {
		xl_close(c);
		return xl_error("%d domain%s alive (%s): destroy them first, or 'xenlate unload --force'",
				nr, nr > 1 ? "s" : "", names);
	}
	for (i = 0; i < nr; i++) {
		err = xl_destroy_domain(c, doms[i].domid);
		if (err) {
			err = xl_client_error(c, err);
			xl_close(c);
			return err;
		}
	}
	xl_close(c);
	return 0;
}

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

	bool force = argc == 2 && !strcmp(argv[1], "--force");

	if (argc > 2 || (argc == 2 && !force))
		return xl_usage_error("unload", "unexpected argument '%s'",
				      argv[1]);
	hv = xl_mod_loaded(XL_MOD_HV);
	dom0 = xl_mod_loaded(XL_MOD_DOM0);
	if (!hv && !dom0)
		return xl_error("not loaded");
	if (dom0) {
		ret = xl_unload_domains(force);
		if (ret)
			return ret;
	}

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
	.args = "[--force]",
	.summary = "Unload the hypervisor and return to bare metal",
	.help =
	"Refused while guest domains exist, unless --force, which destroys\n"
	"them first.  Then runs 'rmmod xenlate_dom0' and 'rmmod xenlate'.\n"
	"Needs root.\n",
	.run = xl_unload_run,
};
