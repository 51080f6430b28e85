// SPDX-License-Identifier: GPL-2.0
/*
 * modprobe/rmmod wrappers and the one-line report of their failures.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "kmod.h"
#include "load_params.h"
#include "run.h"

/* Without sysfs (a bare initramfs), /proc/modules still knows. */
static bool xl_mod_in_proc(const char *name)
{
	char line[512], fmt[16];
	char mod[64];
	bool found = false;
	FILE *f;

	f = fopen("/proc/modules", "re");
	if (!f)
		return false;
	snprintf(fmt, sizeof(fmt), "%%%zus", sizeof(mod) - 1);
	while (!found && fgets(line, sizeof(line), f))
		found = sscanf(line, fmt, mod) == 1 && !strcmp(mod, name);
	fclose(f);
	return found;
}

bool xl_mod_loaded(const char *name)
{
	char path[128];

	if (access("/sys/module", F_OK))
		return xl_mod_in_proc(name);
	/* initstate: only loadable modules have it, not built-in ones. */
	snprintf(path, sizeof(path), "/sys/module/%s/initstate", name);
	return !access(path, F_OK);
}

int xl_mod_probe(const char *name, const struct xl_load_params *params,
		 char *err, size_t errsize)
{
	char *argv[XL_LOAD_MAX_PARAMS + 3];
	unsigned int i, n = 0;

	argv[n++] = "modprobe";
	argv[n++] = (char *)name;
	for (i = 0; params && i < params->count; i++)
		argv[n++] = (char *)params->param[i];
	argv[n] = NULL;
	return xl_run(argv, err, errsize) ? -1 : 0;
}

int xl_mod_remove(const char *name, char *err, size_t errsize)
{
	char *argv[] = { "rmmod", (char *)name, NULL };

	return xl_run(argv, err, errsize) ? -1 : 0;
}

int xl_mod_fail(const char *what, const char *err, const char *why,
		const char *extra)
{
	const char *hint = "; see dmesg";

	/* A module that is not installed logs nothing worth reading. */
	if (why || strstr(err, "not found"))
		hint = "";
	return xl_error("%s failed: %s%s%s%s%s%s", what, err,
			why ? "; dmesg: " : "", why ? why : "", hint,
			extra ? "; " : "", extra ? extra : "");
}
