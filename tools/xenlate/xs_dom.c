// SPDX-License-Identifier: GPL-2.0
/*
 * A domain's xenstore nodes, made at creation and removed at destroy, as
 * Xen's toolstack lays them out (docs/misc/xenstore-paths.pandoc): the
 * home /local/domain/N owned by Dom0 and readable by N, and under it the
 * nodes N may write (control/shutdown and the features it announces,
 * data/).  Linux's balloon driver reads memory/target (KiB) and its
 * shutdown handler watches control/shutdown.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "xs_client.h"

/* Owner Dom0, nobody else, but @perm for the domain itself. */
static int xs_dom_perms(struct xl_xs *x, const char *path, uint32_t domid,
			char perm)
{
	char p[32];
	int n = snprintf(p, sizeof(p), "n0%c%c%" PRIu32, 0, perm, domid);

	return xl_xs_set_perms(x, path, p, (size_t)n + 1);
}

static int xs_dom_node(struct xl_xs *x, const char *home, const char *rel,
		       const char *value, uint32_t domid, char perm)
{
	char path[128];
	int err;

	snprintf(path, sizeof(path), "%s/%s", home, rel);
	err = xl_xs_write(x, path, value);
	if (!err && perm)
		err = xs_dom_perms(x, path, domid, perm);
	return err;
}

int xl_xs_dom_make(struct xl_xs *x, const struct xl_xs_dom *d)
{
	static const char *const writable[] = {
		"control/shutdown", "control/feature-poweroff",
		"control/feature-reboot", "control/feature-suspend",
		"data",
	};
	char home[32], num[24];
	int err;

	snprintf(home, sizeof(home), "/local/domain/%" PRIu32, d->domid);
	/* A home left by an earlier domain with this id goes first. */
	err = xl_xs_rm(x, home);
	if (err && err != -ENOENT)
		return err;
	err = xl_xs_write(x, home, "");
	if (!err)
		err = xs_dom_perms(x, home, d->domid, 'r');
	if (!err)
		err = xs_dom_node(x, home, "name", d->name, 0, 0);
	snprintf(num, sizeof(num), "%" PRIu32, d->domid);
	if (!err)
		err = xs_dom_node(x, home, "domid", num, 0, 0);
	snprintf(num, sizeof(num), "%" PRIu64, d->maxmem_kb);
	if (!err)
		err = xs_dom_node(x, home, "memory/static-max", num, 0, 0);
	snprintf(num, sizeof(num), "%" PRIu64, d->target_kb);
	if (!err)
		err = xs_dom_node(x, home, "memory/target", num, 0, 0);
	for (size_t i = 0; !err && i < sizeof(writable) / sizeof(*writable);
	     i++)
		err = xs_dom_node(x, home, writable[i], "", d->domid, 'b');
	return err;
}

void xl_xs_dom_forget(uint32_t domid)
{
	char home[32];
	struct xl_xs *x;

	/* No daemon: nothing to forget. */
	if (xl_xs_open(&x, false))
		return;
	snprintf(home, sizeof(home), "/local/domain/%" PRIu32, domid);
	xl_xs_rm(x, home);
	xl_xs_release(x, domid);
	xl_xs_close(x);
}
