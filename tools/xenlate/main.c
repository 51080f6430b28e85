// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate: the command line of the xenlate hypervisor, after Xen's xl.
 * This file is the dispatch table and the help; each command lives in a
 * file of its own.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"

/* Add a command here, in the order 'xenlate help' lists them. */
static const struct xl_cmd *const xl_cmds[] = {
	&xl_cmd_help,
	&xl_cmd_version,
	&xl_cmd_load,
	&xl_cmd_unload,
	&xl_cmd_info,
	&xl_cmd_dmesg,
	&xl_cmd_list,
	&xl_cmd_create,
	&xl_cmd_destroy,
	&xl_cmd_pause,
	&xl_cmd_unpause,
	&xl_cmd_console,
	&xl_cmd_shutdown,
	&xl_cmd_reboot,
	&xl_cmd_vcpu_list,
	&xl_cmd_sched_bvt,
	&xl_cmd_mem_set,
	&xl_cmd_top,
	&xl_cmd_xs_read,
	&xl_cmd_xs_write,
	&xl_cmd_xs_rm,
	&xl_cmd_xs_ls,
};

#define XL_NR_CMDS	(sizeof(xl_cmds) / sizeof(xl_cmds[0]))
#define XL_HELP_COL	22

static const struct xl_cmd *xl_cmd_find(const char *name)
{
	size_t i;

	for (i = 0; i < XL_NR_CMDS; i++)
		if (!strcmp(xl_cmds[i]->name, name))
			return xl_cmds[i];
	return NULL;
}

static void xl_help_all(void)
{
	char syn[128];
	size_t i;

	printf("usage: xenlate [-h | -V] COMMAND [ARGS]\n\ncommands:\n");
	for (i = 0; i < XL_NR_CMDS; i++) {
		const struct xl_cmd *c = xl_cmds[i];

		snprintf(syn, sizeof(syn), "%s%s%s", c->name,
			 c->args[0] ? " " : "", c->args);
		if (strlen(syn) < XL_HELP_COL - 1)
			printf("  %-*s%s\n", XL_HELP_COL, syn, c->summary);
		else
			printf("  %s\n  %-*s%s\n", syn, XL_HELP_COL, "",
			       c->summary);
	}
	printf("\nRun 'xenlate help COMMAND' for one command's details.\n"
	       "Exit status: 0 success, 1 failure or hypervisor not loaded, "
	       "2 usage error.\n");
}

static void xl_help_one(const struct xl_cmd *c)
{
	printf("usage: xenlate %s%s%s\n\n%s.\n", c->name,
	       c->args[0] ? " " : "", c->args, c->summary);
	if (c->help)
		printf("\n%s", c->help);
}

static int xl_help_run(int argc, char *argv[])
{
	const struct xl_cmd *c;

	if (argc > 2)
		return xl_usage_error("help", "unexpected argument '%s'",
				      argv[2]);
	if (argc < 2) {
		xl_help_all();
		return XL_EXIT_OK;
	}
	c = xl_cmd_find(argv[1]);
	if (!c)
		return xl_usage_error(NULL, "unknown command '%s'", argv[1]);
	xl_help_one(c);
	return XL_EXIT_OK;
}

const struct xl_cmd xl_cmd_help = {
	.name = "help",
	.args = "[COMMAND]",
	.summary = "Show this help, or one command's",
	.run = xl_help_run,
};

static int xl_is(const char *arg, const char *a, const char *b)
{
	return !strcmp(arg, a) || !strcmp(arg, b);
}

int main(int argc, char *argv[])
{
	const struct xl_cmd *cmd;
	const char *name;
	int ret;

	if (argc < 2)
		return xl_usage_error(NULL, "no command given");
	name = argv[1];
	if (xl_is(name, "-h", "--help"))
		name = "help";
	else if (xl_is(name, "-V", "--version"))
		name = "version";
	else if (name[0] == '-')
		return xl_usage_error(NULL, "unknown option '%s'", name);

	cmd = xl_cmd_find(name);
	if (!cmd)
		return xl_usage_error(NULL, "unknown command '%s'", name);

	/* 'xenlate COMMAND -h' is 'xenlate help COMMAND'. */
	if (cmd != &xl_cmd_help && argc > 2 && xl_is(argv[2], "-h", "--help")) {
		if (argc > 3)
			return xl_usage_error(cmd->name,
					      "unexpected argument '%s'",
					      argv[3]);
		xl_help_one(cmd);
		ret = XL_EXIT_OK;
	} else {
		ret = cmd->run(argc - 1, argv + 1);
	}

	/* Output that did not reach its destination is a failure too. */
	if (fflush(stdout) || ferror(stdout))
		ret = xl_error("cannot write output: %s", strerror(errno));
	return ret;
}
