// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate top: xentop, as 'xl top' runs it.  The one beside this program
 * first (an uninstalled build tree), else the one on PATH.
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

static void xl_exec_beside_self(char *argv[])
{
	char self[PATH_MAX], path[PATH_MAX + 8];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

	if (n <= 0)
		return;
	self[n] = '\0';
	snprintf(path, sizeof(path), "%s/xentop", dirname(self));
	execv(path, argv);
}

static int xl_top_run(int argc, char *argv[])
{
	(void)argc;
	argv[0] = "xentop";
	xl_exec_beside_self(argv);
	execvp("xentop", argv);
	return xl_error("cannot run xentop: %s", strerror(errno));
}

const struct xl_cmd xl_cmd_top = {
	.name = "top",
	.args = "[XENTOP-OPTIONS]",
	.summary = "Monitor the domains live (runs xentop)",
	.help = "The options are xentop's: 'xentop -h' lists them.\n",
	.run = xl_top_run,
};
