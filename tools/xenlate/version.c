// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate version: the version of the tools (the hypervisor's own is in
 * 'xenlate info').  XL_TOOLS_BUILD comes from the Makefile (git describe).
 */
#include <stdio.h>

#include <xenlate/dom0ctl.h>

#include "build_id.h"
#include "cmd.h"

static int xl_version_run(int argc, char *argv[])
{
	int ret = xl_no_args(&xl_cmd_version, argc, argv);

	if (ret)
		return ret;
	printf("xenlate %u.%u (build %s)\n", XL_VERSION_MAJOR,
	       XL_VERSION_MINOR, XL_TOOLS_BUILD);
	return XL_EXIT_OK;
}

const struct xl_cmd xl_cmd_version = {
	.name = "version",
	.args = "",
	.summary = "Print the version of the tools (also -V)",
	.run = xl_version_run,
};
