// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate pause DOMAIN, xenlate unpause DOMAIN: stop a domain's vCPUs
 * from being scheduled, and let them run again.
 */
#include "cmd.h"
#include "xl_client.h"

static int xl_pause_run(int argc, char *argv[])
{
	return xl_domain_cmd(argc, argv, xl_domain_pause);
}

static int xl_unpause_run(int argc, char *argv[])
{
	return xl_domain_cmd(argc, argv, xl_domain_unpause);
}

const struct xl_cmd xl_cmd_pause = {
	.name = "pause",
	.args = "DOMAIN",
	.summary = "Pause a domain: its vCPUs stop running",
	.help = "DOMAIN is a name or an id. Its memory stays allocated.\n",
	.run = xl_pause_run,
};

const struct xl_cmd xl_cmd_unpause = {
	.name = "unpause",
	.args = "DOMAIN",
	.summary = "Let a paused domain run again",
	.help =
	"DOMAIN is a name or an id. This also starts a domain created with\n"
	"'xenlate create -p'.\n",
	.run = xl_unpause_run,
};
