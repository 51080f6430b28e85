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

const char *xl_state_str(const struct xl_domain *d)
{
	switch (d->state) {
	case XL_DOM_RUNNING:
		return "r-----";
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
