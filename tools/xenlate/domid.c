// SPDX-License-Identifier: GPL-2.0
/*
 * Naming a domain on the command line, as xl does: by name or by id.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "domid.h"

int xl_find_domain(const struct xl_domain *doms, int nr, const char *arg)
{
	char *end;
	unsigned long id;
	int i;

	for (i = 0; i < nr; i++)
		if (!strcmp(doms[i].name, arg))
			return i;
	errno = 0;
	id = strtoul(arg, &end, 10);
	if (*arg && !*end && !errno)
		for (i = 0; i < nr; i++)
			if (doms[i].domid == id)
				return i;
	return -ENOENT;
}

const char *xl_state_str(const struct xl_domain *d, bool blocked)
{
	switch (d->state) {
	case XL_DOM_RUNNING:
		return blocked ? "-b----" : "r-----";
	case XL_DOM_BUILDING:
	case XL_DOM_PAUSED:
		return "--p---";
	case XL_DOM_SHUTDOWN:
		return d->shutdown_reason == SHUTDOWN_crash ? "----c-" :
							      "---s--";
	case XL_DOM_DYING:
		return "-----d";
	}
	return "------";
}

const char *xl_state_name(uint32_t state)
{
	static const char *const names[] = {
		[XL_DOM_BUILDING] = "building", [XL_DOM_RUNNING] = "running",
		[XL_DOM_PAUSED] = "paused", [XL_DOM_SHUTDOWN] = "shutdown",
		[XL_DOM_DYING] = "dying",
	};

	return state < sizeof(names) / sizeof(names[0]) ? names[state] : "?";
}

const char *xl_shutdown_reason_name(uint32_t reason)
{
	switch (reason) {
	case SHUTDOWN_poweroff:
		return "poweroff";
	case SHUTDOWN_reboot:
		return "reboot";
	case SHUTDOWN_suspend:
		return "suspend";
	case SHUTDOWN_crash:
		return "crash";
	case SHUTDOWN_watchdog:
		return "watchdog";
	}
	return "?";
}
