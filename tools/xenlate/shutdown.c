// SPDX-License-Identifier: GPL-2.0
/*
 * xenlate shutdown DOMAIN, xenlate reboot DOMAIN.  A guest that announced
 * it handles the request (control/feature-poweroff or -reboot = 1 in
 * xenstore, as Linux's xen/manage.c writes) is asked through
 * control/shutdown and shuts itself down.  Any other guest cannot be
 * asked: the hypervisor stops it at once with that reason, as if it had
 * asked.  Either way its monitor then applies on_poweroff or on_reboot.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <xen/xen.h>
#include <xen/sched.h>

#include "cmd.h"
#include "xl_client.h"
#include "xs_client.h"

/* 1: asked through xenstore; 0: the guest does not listen; < 0: error. */
static int xl_ask(uint32_t domid, const char *what)
{
	char path[64], v[8];
	struct xl_xs *x;
	int err;

	if (xl_xs_open(&x, false))
		return 0;	/* no daemon: nobody could have announced */
	snprintf(path, sizeof(path),
		 "/local/domain/%" PRIu32 "/control/feature-%s", domid, what);
	err = xl_xs_read(x, path, v, sizeof(v));
	if (err < 0 || strcmp(v, "1")) {
		xl_xs_close(x);
		return 0;
	}
	snprintf(path, sizeof(path), "/local/domain/%" PRIu32
		 "/control/shutdown", domid);
	err = xl_xs_write(x, path, what);
	xl_xs_close(x);
	return err < 0 ? err : 1;
}

static int xl_ask_or_force(struct xl_client *c, uint32_t domid,
			   const char *what, uint32_t reason)
{
	int asked = xl_ask(domid, what);

	if (asked > 0) {
		printf("domain %" PRIu32 ": asked to %s (control/shutdown)\n",
		       domid, what);
		return 0;
	}
	if (asked < 0)
		fprintf(stderr, "xenlate: asking domain %" PRIu32
			" through xenstore failed (%s): forcing it\n",
			domid, strerror(-asked));
	else
		printf("domain %" PRIu32 ": no %s handler announced in xenstore: stopped by the hypervisor\n",
		       domid, what);
	return xl_domain_shutdown(c, domid, reason);
}

static int xl_poweroff(struct xl_client *c, uint32_t domid)
{
	return xl_ask_or_force(c, domid, "poweroff", SHUTDOWN_poweroff);
}

static int xl_reboot(struct xl_client *c, uint32_t domid)
{
	return xl_ask_or_force(c, domid, "reboot", SHUTDOWN_reboot);
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
	"DOMAIN is a name or an id. A guest that announced a poweroff handler\n"
	"in xenstore (control/feature-poweroff = 1, as Linux does) is asked\n"
	"through control/shutdown and powers itself off; any other guest is\n"
	"stopped by the hypervisor at once, as if it had powered off. Then the\n"
	"domain's on_poweroff action applies (destroy by default; see\n"
	"'xenlate create').\n",
	.run = xl_shutdown_run,
};

const struct xl_cmd xl_cmd_reboot = {
	.name = "reboot",
	.args = "DOMAIN",
	.summary = "Reboot a domain; on_reboot applies",
	.help =
	"DOMAIN is a name or an id. A guest that announced a reboot handler in\n"
	"xenstore (control/feature-reboot = 1) is asked through\n"
	"control/shutdown; any other guest is stopped by the hypervisor at\n"
	"once, as if it had asked to reboot. Then the domain's on_reboot action\n"
	"applies (restart by default: it is destroyed and created again from\n"
	"its configuration, with a new id and the same name).\n",
	.run = xl_reboot_run,
};
