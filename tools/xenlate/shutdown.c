// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate shutdown DOMAIN, xenlate reboot DOMAIN.  Without xenstore there
 * is no way to ask the guest yet, so the hypervisor stops it at once
 * with that reason, as if the guest had asked; its monitor then applies
 * on_poweroff or on_reboot.
 */
#include <stdint.h>
#include <xen/xen.h>
#include <xen/sched.h>

#include "cmd.h"
#include "xl_client.h"

static int xl_poweroff(struct xl_client *c, uint32_t domid)
{
	return xl_domain_shutdown(c, domid, SHUTDOWN_poweroff);
}

static int xl_reboot(struct xl_client *c, uint32_t domid)
{
	return xl_domain_shutdown(c, domid, SHUTDOWN_reboot);
}

static int xl_shutdown_run(int argc, char *argv[])
{
	return xl_domain_cmd(argc, argv, xl_poweroff);
}

static int xl_reboot_run(int argc, char *argv[])
{
	return xl_domain_cmd(argc, argv, xl_reboot);
}

const struct xl_cmd xl_cmd_shutdown = {
	.name = "shutdown",
	.args = "DOMAIN",
	.summary = "Shut a domain down; on_poweroff applies",
	.help =
	"DOMAIN is a name or an id. There is no xenstore yet to ask the guest\n"
	"to shut itself down: the hypervisor stops it at once, as if the guest\n"
	"had powered off, and then the domain's on_poweroff action applies\n"
	"(destroy by default; see 'xenlate create').\n",
	.run = xl_shutdown_run,
};

const struct xl_cmd xl_cmd_reboot = {
	.name = "reboot",
	.args = "DOMAIN",
	.summary = "Reboot a domain; on_reboot applies",
	.help =
	"DOMAIN is a name or an id. There is no xenstore yet to ask the guest\n"
	"to reboot: the hypervisor stops it at once, as if the guest had asked\n"
	"to reboot, and then the domain's on_reboot action applies (restart by\n"
	"default: it is destroyed and created again from its configuration,\n"
	"with a new id and the same name).\n",
	.run = xl_reboot_run,
};
